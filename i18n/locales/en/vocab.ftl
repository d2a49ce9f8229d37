# The directory's vocabularies: one prefix per code list (see app/src/labels.rs).

## Kinds of help
dir-help-hosting = Hosting of services
dir-help-training = Training
dir-help-migration = Migration support
dir-help-audit = Assessment and audit
dir-help-development = Custom development
dir-help-other = Other help

## Hosted services
dir-service-nextcloud = Nextcloud (files, calendars, contacts)
dir-service-collabora = Collaborative document editing (Collabora, OnlyOffice)
dir-service-mattermost = Team chat (Mattermost)
dir-service-matrix = Matrix chat (Element)
dir-service-forms = Online forms
dir-service-polls = Polls and scheduling
dir-service-peertube = Video (PeerTube)
dir-service-mastodon = Social network (Mastodon)
dir-service-jitsi = Video calls (Jitsi Meet)
dir-service-bigbluebutton = Virtual classrooms (BigBlueButton)
dir-service-etherpad = Collaborative pads (Etherpad)
dir-service-wiki = Wiki
dir-service-email = E-mail
dir-service-mailing-lists = Mailing lists
dir-service-website = Website
dir-service-crm = Membership and donor management
dir-service-other = Other service

## Price models
dir-price-free = Free of charge
dir-price-donation = Donation
dir-price-paid = Paid
dir-price-sliding-scale = Sliding scale

## Legal forms
dir-legal-association = Association
dir-legal-cooperative = Cooperative
dir-legal-company = Company
dir-legal-individual = Self-employed
dir-legal-public = Public body
dir-legal-other = Other form

## Charter commitments
dir-commitment-free-software = Use free software only and publish the source of our changes
dir-commitment-open-standards = Prefer open standards and formats
dir-commitment-no-advertising = No advertising
dir-commitment-no-tracking = No tracking or profiling of people
dir-commitment-portability = Let people take their data away at any time, in an open format
dir-commitment-transparent-pricing = Publish our prices, the same for everyone in the same situation
dir-commitment-european-hosting = Keep data in Europe, under European law
dir-commitment-accessibility = Make services and documents accessible to disabled people
dir-commitment-backups = Make regular, tested backups kept in another place
dir-commitment-sober-design = Design soberly and keep hardware in use as long as possible

## Review states
dir-status-draft = Draft
dir-status-pending = Waiting for review
dir-status-published = Published
dir-status-changes-pending = Published, changes waiting for review
dir-status-rejected = Sent back for changes

## Countries
country-ad = Andorra
country-al = Albania
country-at = Austria
country-ba = Bosnia and Herzegovina
country-be = Belgium
country-bg = Bulgaria
country-ch = Switzerland
country-cy = Cyprus
country-cz = Czechia
country-de = Germany
country-dk = Denmark
country-ee = Estonia
country-es = Spain
country-fi = Finland
country-fr = France
country-gb = United Kingdom
country-gr = Greece
country-hr = Croatia
country-hu = Hungary
country-ie = Ireland
country-is = Iceland
country-it = Italy
country-li = Liechtenstein
country-lt = Lithuania
country-lu = Luxembourg
country-lv = Latvia
country-mc = Monaco
country-md = Moldova
country-me = Montenegro
country-mk = North Macedonia
country-mt = Malta
country-nl = Netherlands
country-no = Norway
country-pl = Poland
country-pt = Portugal
country-ro = Romania
country-rs = Serbia
country-se = Sweden
country-si = Slovenia
country-sk = Slovakia
country-sm = San Marino
country-ua = Ukraine
country-va = Vatican City
country-xk = Kosovo
