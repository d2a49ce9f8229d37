# Archipel user interface, English.

site-name = Archipel
site-tagline = Learning and shared resources for solidarity collectives
skip-to-content = Skip to content
nav-label = Main navigation
nav-courses = Courses
nav-library = Library
nav-directory = Directory
nav-search = Search
nav-data = Open data
nav-partners = Partners
nav-login = Log in
nav-register = Create an account
nav-account = My account
nav-admin-users = Accounts
nav-logout = Log out
language-switcher-label = Language
footer-licence = Course texts and shared resources are published under CC BY-SA 4.0 unless stated otherwise.
footer-about = About Archipel
footer-source = Source code
footer-api = API

home-title = Learn, share, move to ethical digital tools
home-intro = Archipel hosts the MOOC CHATONS and the Emancip'Asso training, and a multilingual library that partner associations across Europe build together.
home-courses-title = Courses
home-courses-text = Free, self-paced courses on taking back control of the Internet, running a CHATONS hosting collective and helping associations leave the big platforms.
home-library-title = Shared library
home-library-text = Guides, workshop kits, videos and articles contributed, translated and reviewed by partner organisations.
home-data-title = Open data
home-data-text = Every course, resource and partner has a stable address that other systems can read and harvest.

about-title = About Archipel
about-what = Archipel is a learning platform and resource commons for small solidarity collectives. It is free software, light to host on a small server, and built for learners who may have a slow phone, no JavaScript or a screen reader.
about-who = Three groups share an instance: learners who follow courses without needing an account, partner organisations who contribute and translate resources, and other systems that read the library as linked data.
about-licence = The course texts are original works published under the Creative Commons Attribution-ShareAlike 4.0 licence.
about-privacy = Archipel sets no tracking cookies. A session cookie is used only when you log in, and a security cookie protects forms.

courses-title = Courses
courses-intro = Self-paced courses from the MOOC CHATONS and the Emancip'Asso training.
courses-empty = No course is published on this instance yet.
library-title = Library
library-intro = Resources contributed and translated by the partner organisations of the network.
library-empty = The library has no published resource yet.
search-title = Search
search-intro = Search courses, lessons, resources and providers in every language of the library.
search-label = Search terms
search-submit = Search
search-count = { $count ->
    [0] No result.
    [one] One result.
   *[other] { $count } results.
}
search-kind-partner = Partner organisation
directory-title = Directory
directory-intro = Hosting providers and trainers that help associations move to ethical digital tools.
directory-empty = No provider is listed yet.
data-title = Open data
data-intro = Archipel publishes what it holds for other systems. These endpoints answer now:
data-health = Service health, as JSON.
data-api = The JSON API, described by an OpenAPI document.
data-partners = The partner organisations, as JSON.

partners-title = Partner organisations
partners-intro = The associations that contribute to this instance's library.
partners-empty = No partner organisation yet.
partner-country = Country
partner-languages = Working languages
partner-website = Website
partner-logo-alt = Logo of { $name }
partner-members = Members
partner-members-empty = No member yet.
partner-add-member = Add a member
partner-remove-member = Remove
partner-edit = Edit the organisation
partner-delete = Delete the organisation
partner-delete-warning = Deleting an organisation removes its memberships. Members who belong nowhere else become learners.
partner-logo = Logo
partner-logo-help = PNG, JPEG or WebP, at most 1 MB and 2000 × 2000 pixels.
partner-logo-upload = Upload the logo
partner-create = Add an organisation
partner-save = Save
org-role = Role in the organisation
org-role-member = Member
org-role-admin = Organisation administrator

field-email = E-mail address
field-password = Password
field-password-help = At least 10 characters. A sentence you can remember works well.
field-display-name = Display name
field-current-password = Current password
field-new-password = New password
field-preferred-languages = Preferred languages
field-preferred-languages-help = Language codes separated by commas, in order of preference, for example: fr, en
field-name = Name
field-country = Country code
field-country-help = Two letters (ISO 3166), for example FR, IT, DE, BE, HR
field-languages = Languages
field-languages-help = Language codes separated by commas, for example: fr, nl
field-website = Website
field-role = Role

login-title = Log in
login-submit = Log in
login-no-account = No account yet?
login-failed = The e-mail address or the password is wrong.
login-throttled = Too many attempts. Wait a minute before trying again.
register-title = Create an account
register-intro = An account keeps your course progress. You can follow every course without one.
register-submit = Create my account
register-have-account = Already registered?

account-title = My account
account-role = Role: { $role }
account-profile = Profile
account-profile-save = Save my profile
account-password = Change my password
account-password-save = Change my password
account-delete = Delete my account
account-delete-warning = This deletes your account, your progress and your memberships at once. It cannot be undone.
account-delete-submit = Delete my account for good
account-organisations = My organisations

role-learner = Learner
role-contributor = Contributor
role-moderator = Moderator
role-admin = Administrator

admin-users-title = Accounts
admin-users-set-role = Change the role
admin-users-joined = Joined

flash-registered = Welcome! Your account is ready.
flash-logged-in = You are logged in.
flash-logged-out = You are logged out.
flash-profile-saved = Your profile is saved.
flash-password-changed = Your password is changed. Your other sessions were closed.
flash-account-deleted = Your account and your data are deleted.
flash-partner-saved = The organisation is saved.
flash-partner-deleted = The organisation is deleted.
flash-member-added = The member is added.
flash-member-removed = The member is removed.
flash-logo-saved = The logo is saved.
flash-role-changed = The role is changed.

form-errors-title = The form has errors
error-required = This field is required.
error-too-long = This is too long.
error-invalid-characters = This contains characters that are not allowed.
error-email-invalid = This is not a valid e-mail address.
error-email-taken = An account already uses this e-mail address.
error-password-too-short = The password needs at least 10 characters.
error-password-wrong = The password is wrong.
error-last-admin = The last administrator cannot do this: name another administrator first.
error-language-invalid = Use language codes such as fr, en or de-AT, separated by commas.
error-country-invalid = Use a two-letter country code such as FR.
error-url-invalid = Use a full web address starting with https://
error-name-taken = This name is already taken.
error-no-such-account = No account uses this e-mail address.
error-file-too-large = The file is too large.
error-image-invalid = The file is not a PNG, JPEG or WebP image.
error-image-too-big = The image has too many pixels.
error-role-invalid = Unknown role.

password-hint-count = { $count } of 10 characters
password-hint-ok = Long enough

not-found-title = Page not found
not-found-text = There is nothing at this address. It may have moved, or the link may be wrong.
forbidden-title = Not allowed
forbidden-text = Your account cannot do this.
error-title = Something went wrong
error-text = The server could not complete this request. It has been logged; please try again later.
bad-request-title = This request cannot be processed
bad-request-text = The form may have expired. Go back, reload the page and try again.
back-home = Back to the home page
