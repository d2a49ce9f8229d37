# L'annuaire public des prestataires : liste filtrée, régions, page d'un prestataire et demande d'aide.

## Liste
directory-add = Ajouter votre structure
directory-regions-link = Parcourir par pays et région
directory-filters = Affiner la recherche
directory-filter-q = Mots-clés
directory-filter-help = Type d'aide
directory-filter-service = Service hébergé
directory-filter-price = Modèle de prix
directory-filter-language = Langue parlée
directory-filter-area = Territoire
directory-filter-area-help = Un prestataire qui couvre tout un pays est trouvé dans chacune de ses régions.
directory-regions-of = Régions : { $country }
directory-filter-more = Façon de travailler
directory-filter-chatons = Membre du collectif CHATONS
directory-filter-remote = Travaille à distance
directory-filter-on-site = Se déplace sur place
directory-results = Résultats
directory-to-results = Aller aux résultats
directory-found = Prestataires trouvés : { $count }
directory-chosen = Filtres choisis
directory-remove-filter = Retirer le filtre : { $filter }
directory-clear = Effacer tous les filtres
directory-no-match = Aucun prestataire ne correspond à ces filtres.
directory-no-match-hint = Retirez un filtre ci-dessus, choisissez le pays entier plutôt qu'une région, ou cherchez avec moins de mots-clés.
directory-pages = Pages de résultats
directory-prev = Page précédente
directory-next = Page suivante
directory-page-of = Page { $page } sur { $pages }
directory-more-areas = et { $count } autres
directory-chatons-badge = Membre CHATONS
directory-excerpt-in = Présentation en { $language }
directory-help = Aide proposée
directory-areas = Territoires
directory-languages = Langues
directory-prices = Prix

## Régions
directory-regions-title = Pays et régions de l'annuaire
directory-regions-intro = Les territoires où travaillent les prestataires, avec leur nombre. Choisissez-en un pour voir les prestataires qui le couvrent.
directory-providers-count = (prestataires : { $count })

## Page d'un prestataire
directory-written-in = Cette présentation est rédigée en { $language }.
directory-services = Services hébergés
directory-whole-country = { $country } (tout le pays)
directory-way = Façon de travailler
directory-remote = À distance
directory-on-site = Sur place
directory-legal-form = Forme juridique
directory-website = Site web
directory-commitments = Engagements de la charte
directory-commitments-intro = Ce prestataire s'engage à respecter ces points de la charte de l'annuaire :
directory-confirmed = Informations confirmées le { $date }.

## Demande d'aide
directory-contact-title = Demander de l'aide
directory-contact-intro = Décrivez votre besoin : votre message est transmis à { $name }, qui vous répond directement.
directory-contact-privacy = Votre adresse e-mail est transmise au prestataire uniquement pour qu'il puisse vous répondre. Elle n'est ni publiée ni utilisée à d'autres fins.
directory-contact-name = Votre nom
directory-contact-email = Votre adresse e-mail
directory-contact-email-help = Le prestataire vous répondra à cette adresse.
directory-contact-organisation = Votre association (facultatif)
directory-contact-message = Votre message
directory-contact-message-help = Au moins 20 caractères : votre structure, ce dont vous avez besoin, pour combien de personnes, dans quels délais.
directory-contact-leave-empty = Laissez ce champ vide
directory-contact-send = Envoyer la demande
flash-directory-request-sent = Votre demande a été envoyée au prestataire. Il vous répondra à l'adresse que vous avez indiquée.
