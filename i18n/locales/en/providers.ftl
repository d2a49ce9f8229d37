# The providers' own space in the directory: profile editor, members,
# inbox of help requests; moderation; the administrators' list of requests.

providers-new-title = Add a provider
providers-edit-title = Edit the profile
providers-mine-title = My provider profiles
providers-mine-intro = The providers you are a member of: their profile, the help requests they received and their members.
providers-mine-empty = You are not a member of any provider yet.
providers-members-title = Members
providers-inbox-title = Help requests
providers-queue-title = Directory moderation
providers-queue-intro = Profiles waiting for a first publication or with changes to review, oldest first; then published profiles that nobody confirmed for a year.
providers-review-title = Review a profile
providers-admin-requests-title = All help requests
providers-admin-requests-intro = Every help request sent through the directory, newest first, with whether its e-mail went out to the provider.
providers-account-title = Provider profiles
providers-account-intro = If you host, train or accompany associations, describe what you offer in the providers directory.
providers-nav = The provider's pages
providers-form-intro = Describe what you offer to associations. A moderator reviews the profile before it appears in the directory, and again after each change; meanwhile the directory keeps showing the last approved version.
providers-field = Field
providers-field-name = Name
providers-field-contact-email = Contact e-mail address
providers-contact-email-help = Help requests are sent to this address. It stays private: visitors write through a form and never see it.
providers-field-original-language = Language of the main description
providers-field-description = Description in the main language
providers-field-descriptions = Descriptions
providers-descriptions-help = Write the description in the main language (at least 40 characters: what you offer and to whom); add translations if you have them.
providers-description-in = Description in { $language }
providers-description-original = (main language, required)
providers-field-help = Kinds of help
providers-field-services = Services hosted
providers-services-help = Required if you host services.
providers-field-areas = Countries and regions served
providers-areas-help = Tick whole countries or some of their regions.
providers-area-whole = All of { $country }
providers-field-areas-other = Other countries
providers-areas-other-help = Two-letter codes separated by commas, such as PL, SE.
providers-field-delivery = How you work
providers-remote = Remotely
providers-on-site = On site
providers-field-languages = Languages spoken
providers-languages-help = Language codes separated by commas, such as fr, en, de.
providers-field-prices = Price models
providers-field-legal-form = Legal form
providers-field-chatons = CHATONS
providers-chatons = We are a member of the CHATONS collective of alternative hosters.
providers-field-website = Website
providers-website-help = A full address starting with https:// (optional).
providers-field-commitments = Charter commitments
providers-commitments-help = Tick the commitments of the charter that you subscribe to.
providers-field-status = State
providers-field-logo = Logo
providers-field-member = Member
providers-create = Create the draft
providers-save = Save the changes
providers-yes = Yes
providers-no = No
providers-status-draft = This profile is a draft: only its members and the moderators see it. Submit it for review when it is ready.
providers-status-draft-published = You changed the published profile. The directory keeps showing the approved version until you submit the changes and a moderator approves them.
providers-status-pending = The profile waits for a moderator before its first publication.
providers-status-changes-pending = Your changes wait for a moderator; the directory shows the last approved version meanwhile.
providers-status-published = The profile is published in the directory.
providers-status-rejected = A moderator sent the profile back. Change it as the note says, then submit it again.
providers-moderator-note = The moderator's note
providers-submit = Submit for review
providers-due = This profile has not changed for a year: please check it and confirm that it is still accurate.
providers-due-short = To confirm
providers-confirmed-at = Last confirmed on { $date }.
providers-confirm = Confirm the profile is still accurate
providers-public-page = See the public page
providers-logo-current = The current logo
providers-logo-choose = Choose an image
providers-logo-help = PNG, JPEG or WebP, 1 MB at most. A new logo is reviewed like any change.
providers-logo-upload = Upload the logo
providers-preview = Preview
providers-preview-help = The working version, as the directory will show it once approved.
providers-history = History
providers-history-empty = Nothing has happened yet.
providers-date = Date
providers-who = By
providers-action = What
providers-detail = Detail
providers-event-created = Created
providers-event-edited = Edited
providers-event-submitted = Submitted for review
providers-event-approved = Approved
providers-event-rejected = Sent back
providers-event-unpublished = Taken off the directory
providers-event-confirmed = Confirmed as accurate
providers-event-member-added = Member added
providers-event-member-removed = Member removed
providers-event-other = Other change
providers-unread = { $count ->
    [one] { $count } unread
   *[other] { $count } unread
}
providers-queue-link = { $count ->
    [one] Directory moderation ({ $count } waiting)
   *[other] Directory moderation ({ $count } waiting)
}
providers-inbox-unread = { $count ->
    [0] No new request.
    [one] { $count } new request.
   *[other] { $count } new requests.
}
providers-inbox-help = Opening this page marks new requests as read. Answer by e-mail, then mark the request answered or archive it.
providers-inbox-empty = No help request yet.
providers-request-new = New
providers-request-read = Read
providers-request-answered = Answered
providers-request-archived = Archived
providers-request-mark-answered = Answered
providers-request-archive = Archive
providers-member-add = Add a member
providers-member-add-help = The e-mail address of an existing account. Members edit the profile and read the help requests.
providers-member-remove = Remove
providers-member-leave = Leave
providers-members-last = A provider keeps at least one member: add someone else before you leave.
providers-queue-waiting = Waiting for review
providers-queue-empty = Nothing waits for review.
providers-queue-first = first publication
providers-queue-changes = changes to a published profile
providers-queue-own = your provider: another moderator reviews it
providers-submitted = Submitted
providers-queue-due = Due for confirmation
providers-queue-due-help = Published profiles unchanged and unconfirmed for a year. Their members see a request to confirm them.
providers-queue-due-empty = Every published profile was confirmed within the year.
providers-last-confirmed = Last confirmed
providers-published-version = Published version
providers-working-version = Submitted version
providers-nothing-published = (nothing published)
providers-changed = changed
providers-decide = Decision
providers-approve = Approve and publish
providers-reject = Send back
providers-reject-note = Why the profile is sent back
providers-reject-help = The members see this note. Say what to change.
providers-unpublish = Take off the directory
providers-unpublish-note = Reason
providers-unpublish-help = The profile leaves the directory at once; its members see the reason and may submit it again.
providers-provider = Provider
providers-sender = Sender
providers-message = Message
providers-delivery = E-mail
providers-delivery-delivered = Delivered
providers-delivery-waiting = Not sent yet
providers-delivery-failed = Failed
providers-delivery-attempts = { $count ->
    [one] ({ $count } attempt)
   *[other] ({ $count } attempts)
}
flash-providers-created = The draft is created. Complete it, then submit it for review.
flash-providers-saved = The changes are saved.
flash-providers-submitted = The profile is submitted: a moderator will review it.
flash-providers-confirmed = Thank you: the profile is confirmed for another year.
flash-providers-logo-saved = The logo is saved; it is reviewed with the profile.
flash-providers-approved = The profile is approved and published.
flash-providers-rejected = The profile is sent back to its members with your note.
flash-providers-unpublished = The profile is taken off the directory.
flash-providers-request-updated = The request is updated.
flash-providers-member-added = The member is added.
flash-providers-member-removed = The member is removed.
flash-providers-member-left = You are no longer a member of this provider.
