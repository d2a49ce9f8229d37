# Lesson discussions, their moderation, and notifications.
discussion-title = Discussion
discussion-link = Questions and comments
discussion-summary = { $threads ->
    [0] No question yet
    [one] One thread
   *[other] { $threads } threads
}{ $unanswered ->
    [0] {""}
    [one] , one unanswered
   *[other] , { $unanswered } unanswered
}
course-unanswered = { $count ->
    [one] One unanswered question
   *[other] { $count } unanswered questions
}
discussion-intro = Ask a question about this lesson or share a comment, in the language you like. Be kind: moderators may hide a post.
discussion-back = Back to the lesson
discussion-sign-in = Log in to ask a question or to reply.
discussion-verify = Verify your e-mail address to post: follow the link we sent you, or send it again from your account page.
discussion-empty = No question yet on this lesson.
discussion-filter = Show
discussion-filter-newest = Newest
discussion-filter-unanswered = Unanswered
discussion-new = Ask or comment
field-post-kind = Kind of post
post-kind-question = Question
post-kind-comment = Comment
field-post-body = Your message
field-post-body-help = Markdown: **bold**, *italics*, lists, links; a link such as @/courses/…/lesson.md points to another lesson. No HTML.
field-reply-body = Your reply
discussion-submit = Post
discussion-reply-submit = Reply
discussion-pages = Page { $page } of { $pages }
discussion-previous = Previous page
discussion-next = Next page
post-by = { $name }, { $date }
post-former-learner = a former learner
post-deleted-author = Deleted by its author.
post-deleted-moderator = Removed by a moderator.
post-hidden = Hidden by a moderator: { $note }
post-pending = Waiting for a moderator's approval: only you and the moderators see it.
post-edited = edited
post-accepted = Accepted answer
post-pinned = Pinned
post-question = Question
post-replies = { $count ->
    [one] One reply
   *[other] { $count } replies
}
post-edit = Edit
post-edit-submit = Save the changes
post-delete = Delete
post-accept = Accept as the answer
post-unaccept = Withdraw the acceptance
post-pin = Pin
post-unpin = Unpin
post-report = Report
field-report-reason = What is wrong with this post?
post-report-submit = Send the report
post-moderate = Moderate
flash-post-created = Your post is published.
flash-post-pending = Your post will appear once a moderator approves it.
flash-post-edited = Your post is updated.
flash-post-deleted = Your post is deleted.
flash-post-reported = Thank you: the moderators will look at it.
flash-post-moderated = Done.
error-post-empty = Write something first.
error-post-too-long = A post holds at most 10,000 characters.
error-post-rate-limited = You wrote several posts in the last minutes. Wait a little before posting again.
error-post-parent-invalid = This thread no longer takes replies.
error-post-edit-closed = A post can be changed during the 30 minutes after it is written.
error-post-link-unknown = An @/ link points to no lesson of the courses.
error-post-state-changed = The post changed meanwhile: look at it again.
error-note-required = Write a note: the author will read it.
error-note-too-long = At most 1,000 characters.
moderation-title = Moderation of discussions
moderation-intro = Posts waiting for approval and reported posts, oldest first.
moderation-empty = Nothing is waiting.
moderation-reports = Reports
moderation-in = In { $lesson }
field-moderation-note = Note to the author
moderation-approve = Approve
moderation-hide = Hide
moderation-restore = Restore
moderation-remove = Remove
moderation-dismiss = Dismiss the reports
moderation-history = Latest actions
moderation-history-empty = No action yet.
moderation-action-approve = approved
moderation-action-hide = hid
moderation-action-restore = restored
moderation-action-remove = removed
moderation-action-dismiss = dismissed the reports on
moderation-action-accept = accepted
moderation-action-unaccept = withdrew the acceptance of
moderation-action-pin = pinned
moderation-action-unpin = unpinned
moderation-history-row = { $moderator } { $action } post #{ $post }
moderation-settings = Course settings
moderation-premoderation = In { $course }, new accounts' first posts wait for approval
moderation-settings-save = Save
flash-moderation-saved = The settings are saved.
unanswered-title = Unanswered questions
unanswered-intro = Questions on the courses you moderate that nobody answered yet, oldest first.
unanswered-empty = Every question has an answer.
nav-notifications = Notifications
notifications-unread-count = { $count ->
    [one] one unread
   *[other] { $count } unread
}
notifications-title = Notifications
notifications-empty = Nothing new for you.
notifications-mark-all = Mark all as read
notifications-mark-read = Mark as read
notifications-new = New
notifications-settings-title = Notification settings
notifications-settings-intro = For each kind of notification, choose whether it shows on the site and how it reaches you by e-mail.
notifications-settings-kind = Kind
notifications-settings-in-app = On the site
notifications-settings-email = By e-mail
notifications-email-off = Never
notifications-email-instant = At once
notifications-email-digest = In a daily digest
notifications-settings-save = Save my choices
flash-notifications-saved = Your choices are saved.
notify-reply = { $actor } replied to your post on “{ $subject }”
notify-accepted = Your answer on “{ $subject }” was accepted
notify-post-hidden = A moderator hid your post on “{ $subject }”
notify-new-question = { $actor } asked a question on “{ $subject }”
notify-resource-reviewed = “{ $subject }” is published
notify-changes-requested = Changes are requested on “{ $subject }”
notify-translation-requested = { $actor } asked for “{ $subject }” in a language you speak
notify-kind-reply = Replies to my posts
notify-kind-accepted = My answers accepted
notify-kind-post-hidden = My posts hidden by a moderator
notify-kind-new-question = New questions on the courses I author
notify-kind-resource-reviewed = My organisation's resources published
notify-kind-changes-requested = Changes requested on my organisation's resources
notify-kind-translation-requested = Translations asked for in my languages
unsubscribe-title = Stop these e-mails
unsubscribe-confirm = Stop the e-mails of this kind: { $kind }.
unsubscribe-confirm-digest = Stop the daily digest.
unsubscribe-submit = Stop these e-mails
unsubscribe-done = Done: these e-mails will no longer be sent. Your notification settings can bring them back.
unsubscribe-invalid = This unsubscribe link is not valid.
notify-group-discussions = Discussions
notify-group-contributors = Library contributions
flash-notifications-read = Marked as read.
discussion-reply-open = Reply to this
moderation-authors = Authors of { $course }
field-author-email = E-mail address of an account
moderation-author-add = Add as an author
moderation-author-remove = Remove
flash-authors-saved = The course's authors are saved.
error-account-unknown = No account uses this address.
moderation-author-from-content = (named in the course's files)
