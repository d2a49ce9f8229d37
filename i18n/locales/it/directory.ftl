# L'elenco pubblico dei fornitori: elenco filtrato, regioni, pagina di un fornitore e richieste di aiuto.

## Elenco
directory-add = Aggiungi la tua organizzazione
directory-regions-link = Sfoglia per paese e regione
directory-filters = Restringi l'elenco
directory-filter-q = Parole chiave
directory-filter-help = Tipo di aiuto
directory-filter-service = Servizio ospitato
directory-filter-price = Modello di prezzo
directory-filter-language = Lingua parlata
directory-filter-area = Territorio
directory-filter-area-help = Un fornitore che copre un intero paese si trova in ciascuna delle sue regioni.
directory-regions-of = Regioni: { $country }
directory-filter-more = Modo di lavorare
directory-filter-chatons = Membro del collettivo CHATONS
directory-filter-remote = Lavora a distanza
directory-filter-on-site = Viene sul posto
directory-results = Risultati
directory-to-results = Vai ai risultati
directory-found = Fornitori trovati: { $count }
directory-chosen = Filtri scelti
directory-remove-filter = Rimuovi il filtro: { $filter }
directory-clear = Cancella tutti i filtri
directory-no-match = Nessun fornitore corrisponde a questi filtri.
directory-no-match-hint = Rimuovi uno dei filtri qui sopra, scegli l'intero paese invece di una regione, oppure cerca con meno parole chiave.
directory-pages = Pagine dei risultati
directory-prev = Pagina precedente
directory-next = Pagina successiva
directory-page-of = Pagina { $page } di { $pages }
directory-more-areas = e altri { $count }
directory-chatons-badge = Membro CHATONS
directory-excerpt-in = Scritto in { $language }
directory-help = Aiuto offerto
directory-areas = Territori
directory-languages = Lingue
directory-prices = Prezzi

## Regioni
directory-regions-title = Paesi e regioni dell'elenco
directory-regions-intro = I territori in cui lavorano i fornitori, con il loro numero. Scegline uno per vedere i fornitori che lo coprono.
directory-providers-count = (fornitori: { $count })

## Pagina di un fornitore
directory-written-in = Questa descrizione è scritta in { $language }.
directory-services = Servizi ospitati
directory-whole-country = { $country } (tutto il paese)
directory-way = Modo di lavorare
directory-remote = A distanza
directory-on-site = Sul posto
directory-legal-form = Forma giuridica
directory-website = Sito web
directory-commitments = Impegni della carta
directory-commitments-intro = Questo fornitore si impegna a rispettare questi punti della carta dell'elenco:
directory-confirmed = Informazioni confermate il { $date }.

## Richieste di aiuto
directory-contact-title = Chiedi aiuto
directory-contact-intro = Descrivi ciò di cui hai bisogno: il tuo messaggio viene inoltrato a { $name }, che ti risponde direttamente.
directory-contact-privacy = Il tuo indirizzo e-mail viene trasmesso al fornitore solo perché possa risponderti. Non viene pubblicato né usato per altri scopi.
directory-contact-name = Il tuo nome
directory-contact-email = Il tuo indirizzo e-mail
directory-contact-email-help = Il fornitore ti risponderà a questo indirizzo.
directory-contact-organisation = La tua associazione (facoltativo)
directory-contact-message = Il tuo messaggio
directory-contact-message-help = Almeno 20 caratteri: la tua organizzazione, di cosa hai bisogno, per quante persone, entro quando.
directory-contact-leave-empty = Lascia vuoto questo campo
directory-contact-send = Invia la richiesta
flash-directory-request-sent = La tua richiesta è stata inviata al fornitore. Ti risponderà all'indirizzo che hai indicato.
