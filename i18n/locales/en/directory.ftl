# The public directory of providers: filtered listing, regions, a provider's page and help requests.

## Listing
directory-add = Add your organisation
directory-regions-link = Browse by country and region
directory-filters = Narrow the list
directory-filter-q = Keywords
directory-filter-help = Kind of help
directory-filter-service = Hosted service
directory-filter-price = Price model
directory-filter-language = Language spoken
directory-filter-area = Area
directory-filter-area-help = A provider that serves a whole country is found in each of its regions.
directory-regions-of = Regions: { $country }
directory-filter-more = Way of working
directory-filter-chatons = Member of the CHATONS collective
directory-filter-remote = Works remotely
directory-filter-on-site = Comes on site
directory-results = Results
directory-to-results = Go to the results
directory-found = Providers found: { $count }
directory-chosen = Chosen filters
directory-remove-filter = Remove the filter: { $filter }
directory-clear = Clear all filters
directory-no-match = No provider matches these filters.
directory-no-match-hint = Remove one of the filters above, choose the whole country rather than a region, or search with fewer keywords.
directory-pages = Result pages
directory-prev = Previous page
directory-next = Next page
directory-page-of = Page { $page } of { $pages }
directory-more-areas = and { $count } more
directory-chatons-badge = CHATONS member
directory-excerpt-in = Written in { $language }
directory-help = Help offered
directory-areas = Areas
directory-languages = Languages
directory-prices = Prices

## Regions
directory-regions-title = Countries and regions of the directory
directory-regions-intro = The areas where providers work, with how many serve each. Choose one to see the providers that serve it.
directory-providers-count = (providers: { $count })

## A provider's page
directory-written-in = This description is written in { $language }.
directory-services = Hosted services
directory-whole-country = { $country } (the whole country)
directory-way = Way of working
directory-remote = Remotely
directory-on-site = On site
directory-legal-form = Legal form
directory-website = Website
directory-commitments = Charter commitments
directory-commitments-intro = This provider commits to these points of the directory's charter:
directory-confirmed = Information confirmed on { $date }.

## Help requests
directory-contact-title = Request help
directory-contact-intro = Describe what you need: your message is passed to { $name }, who answers you directly.
directory-contact-privacy = Your e-mail address is passed to the provider only so that they can answer you. It is neither published nor used for anything else.
directory-contact-name = Your name
directory-contact-email = Your e-mail address
directory-contact-email-help = The provider will answer you at this address.
directory-contact-organisation = Your association (optional)
directory-contact-message = Your message
directory-contact-message-help = At least 20 characters: your organisation, what you need, for how many people, by when.
directory-contact-leave-empty = Leave this field empty
directory-contact-send = Send the request
flash-directory-request-sent = Your request was sent to the provider. They will answer you at the address you gave.
