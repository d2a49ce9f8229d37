# The directory's vocabularies: one prefix per code list (see app/src/labels.rs).

## Tipi di aiuto
dir-help-hosting = Hosting di servizi
dir-help-training = Formazione
dir-help-migration = Supporto alla migrazione
dir-help-audit = Diagnosi e audit
dir-help-development = Sviluppo su misura
dir-help-other = Altro aiuto

## Servizi ospitati
dir-service-nextcloud = Nextcloud (file, calendari, contatti)
dir-service-collabora = Modifica collaborativa di documenti (Collabora, OnlyOffice)
dir-service-mattermost = Chat di squadra (Mattermost)
dir-service-matrix = Chat Matrix (Element)
dir-service-forms = Moduli online
dir-service-polls = Sondaggi e pianificazione
dir-service-peertube = Video (PeerTube)
dir-service-mastodon = Social network (Mastodon)
dir-service-jitsi = Videochiamate (Jitsi Meet)
dir-service-bigbluebutton = Aule virtuali (BigBlueButton)
dir-service-etherpad = Pad di scrittura collaborativa (Etherpad)
dir-service-wiki = Wiki
dir-service-email = Posta elettronica
dir-service-mailing-lists = Liste di distribuzione
dir-service-website = Sito web
dir-service-crm = Gestione di soci e donazioni
dir-service-other = Altro servizio

## Modelli di prezzo
dir-price-free = Gratuito
dir-price-donation = Offerta libera
dir-price-paid = A pagamento
dir-price-sliding-scale = Prezzi modulati

## Forme giuridiche
dir-legal-association = Associazione
dir-legal-cooperative = Cooperativa
dir-legal-company = Impresa
dir-legal-individual = Libero professionista
dir-legal-public = Ente pubblico
dir-legal-other = Altra forma

## Impegni della carta
dir-commitment-free-software = Usare solo software libero e pubblicare il codice delle nostre modifiche
dir-commitment-open-standards = Preferire standard e formati aperti
dir-commitment-no-advertising = Nessuna pubblicità
dir-commitment-no-tracking = Nessun tracciamento né profilazione
dir-commitment-portability = Permettere di riprendere i propri dati in qualsiasi momento, in un formato aperto
dir-commitment-transparent-pricing = Pubblicare le nostre tariffe, uguali per tutti a parità di situazione
dir-commitment-european-hosting = Conservare i dati in Europa, secondo il diritto europeo
dir-commitment-accessibility = Rendere servizi e documenti accessibili alle persone con disabilità
dir-commitment-backups = Fare backup regolari, verificati e conservati altrove
dir-commitment-sober-design = Progettare in modo sobrio e far durare l'hardware

## Stati di revisione
dir-status-draft = Bozza
dir-status-pending = In attesa di revisione
dir-status-published = Pubblicato
dir-status-changes-pending = Pubblicato, modifiche in attesa
dir-status-rejected = Rimandato per modifiche

## Paesi
country-ad = Andorra
country-al = Albania
country-at = Austria
country-ba = Bosnia ed Erzegovina
country-be = Belgio
country-bg = Bulgaria
country-ch = Svizzera
country-cy = Cipro
country-cz = Cechia
country-de = Germania
country-dk = Danimarca
country-ee = Estonia
country-es = Spagna
country-fi = Finlandia
country-fr = Francia
country-gb = Regno Unito
country-gr = Grecia
country-hr = Croazia
country-hu = Ungheria
country-ie = Irlanda
country-is = Islanda
country-it = Italia
country-li = Liechtenstein
country-lt = Lituania
country-lu = Lussemburgo
country-lv = Lettonia
country-mc = Monaco
country-md = Moldavia
country-me = Montenegro
country-mk = Macedonia del Nord
country-mt = Malta
country-nl = Paesi Bassi
country-no = Norvegia
country-pl = Polonia
country-pt = Portogallo
country-ro = Romania
country-rs = Serbia
country-se = Svezia
country-si = Slovenia
country-sk = Slovacchia
country-sm = San Marino
country-ua = Ucraina
country-va = Città del Vaticano
country-xk = Kosovo
