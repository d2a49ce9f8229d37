# Javni imenik pružatelja: filtrirani popis, regije, stranica pružatelja i zahtjevi za pomoć.

## Popis
directory-add = Dodajte svoju organizaciju
directory-regions-link = Pregledaj po državi i regiji
directory-filters = Suzite popis
directory-filter-q = Ključne riječi
directory-filter-help = Vrsta pomoći
directory-filter-service = Usluga na poslužitelju
directory-filter-price = Model cijene
directory-filter-language = Jezik koji se govori
directory-filter-area = Područje
directory-filter-area-help = Pružatelj koji pokriva cijelu državu nalazi se u svakoj njezinoj regiji.
directory-regions-of = Regije: { $country }
directory-filter-more = Način rada
directory-filter-chatons = Član kolektiva CHATONS
directory-filter-remote = Radi na daljinu
directory-filter-on-site = Dolazi na lice mjesta
directory-results = Rezultati
directory-to-results = Idi na rezultate
directory-found = Pronađeno pružatelja: { $count }
directory-chosen = Odabrani filtri
directory-remove-filter = Ukloni filtar: { $filter }
directory-clear = Očisti sve filtre
directory-no-match = Nijedan pružatelj ne odgovara ovim filtrima.
directory-no-match-hint = Uklonite jedan od filtara iznad, odaberite cijelu državu umjesto regije ili tražite s manje ključnih riječi.
directory-pages = Stranice rezultata
directory-prev = Prethodna stranica
directory-next = Sljedeća stranica
directory-page-of = Stranica { $page } od { $pages }
directory-more-areas = i još { $count }
directory-chatons-badge = Član CHATONS-a
directory-excerpt-in = Napisano na jeziku: { $language }
directory-help = Ponuđena pomoć
directory-areas = Područja
directory-languages = Jezici
directory-prices = Cijene

## Regije
directory-regions-title = Države i regije imenika
directory-regions-intro = Područja u kojima pružatelji rade, s njihovim brojem. Odaberite jedno da vidite pružatelje koji ga pokrivaju.
directory-providers-count = (pružatelja: { $count })

## Stranica pružatelja
directory-written-in = Ovaj je opis napisan na jeziku: { $language }.
directory-services = Usluge na poslužitelju
directory-whole-country = { $country } (cijela država)
directory-way = Način rada
directory-remote = Na daljinu
directory-on-site = Na licu mjesta
directory-legal-form = Pravni oblik
directory-website = Mrežna stranica
directory-commitments = Obveze iz povelje
directory-commitments-intro = Ovaj se pružatelj obvezuje poštovati ove točke povelje imenika:
directory-confirmed = Podaci potvrđeni { $date }.

## Zahtjevi za pomoć
directory-contact-title = Zatražite pomoć
directory-contact-intro = Opišite što vam treba: vaša se poruka prosljeđuje pružatelju { $name }, koji vam izravno odgovara.
directory-contact-privacy = Vaša se adresa e-pošte prosljeđuje pružatelju samo kako bi vam mogao odgovoriti. Ne objavljuje se niti se koristi u druge svrhe.
directory-contact-name = Vaše ime
directory-contact-email = Vaša adresa e-pošte
directory-contact-email-help = Pružatelj će vam odgovoriti na ovu adresu.
directory-contact-organisation = Vaša udruga (neobavezno)
directory-contact-message = Vaša poruka
directory-contact-message-help = Najmanje 20 znakova: vaša organizacija, što vam treba, za koliko ljudi, do kada.
directory-contact-leave-empty = Ostavite ovo polje praznim
directory-contact-send = Pošalji zahtjev
flash-directory-request-sent = Vaš je zahtjev poslan pružatelju. Odgovorit će vam na adresu koju ste naveli.
