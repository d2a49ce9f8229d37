# The directory's vocabularies: one prefix per code list (see app/src/labels.rs).

## Types d'aide
dir-help-hosting = Hébergement de services
dir-help-training = Formation
dir-help-migration = Accompagnement à la migration
dir-help-audit = Diagnostic et audit
dir-help-development = Développement sur mesure
dir-help-other = Autre aide

## Services hébergés
dir-service-nextcloud = Nextcloud (fichiers, agendas, contacts)
dir-service-collabora = Édition collaborative de documents (Collabora, OnlyOffice)
dir-service-mattermost = Messagerie d'équipe (Mattermost)
dir-service-matrix = Messagerie Matrix (Element)
dir-service-forms = Formulaires en ligne
dir-service-polls = Sondages et prises de rendez-vous
dir-service-peertube = Vidéos (PeerTube)
dir-service-mastodon = Réseau social (Mastodon)
dir-service-jitsi = Visioconférence (Jitsi Meet)
dir-service-bigbluebutton = Classes virtuelles (BigBlueButton)
dir-service-etherpad = Pads d'écriture collaborative (Etherpad)
dir-service-wiki = Wiki
dir-service-email = Messagerie électronique
dir-service-mailing-lists = Listes de diffusion
dir-service-website = Site web
dir-service-crm = Gestion des adhérents et des dons
dir-service-other = Autre service

## Modèles de prix
dir-price-free = Gratuit
dir-price-donation = Participation libre (don)
dir-price-paid = Payant
dir-price-sliding-scale = Prix libre ou modulé

## Formes juridiques
dir-legal-association = Association
dir-legal-cooperative = Coopérative
dir-legal-company = Entreprise
dir-legal-individual = Indépendant·e
dir-legal-public = Organisme public
dir-legal-other = Autre forme

## Engagements de la charte
dir-commitment-free-software = N'utiliser que des logiciels libres et publier les sources de nos modifications
dir-commitment-open-standards = Privilégier les standards et formats ouverts
dir-commitment-no-advertising = Aucune publicité
dir-commitment-no-tracking = Aucun pistage ni profilage des personnes
dir-commitment-portability = Permettre de récupérer ses données à tout moment, dans un format ouvert
dir-commitment-transparent-pricing = Publier nos tarifs, les mêmes pour tous à situation égale
dir-commitment-european-hosting = Héberger les données en Europe, sous droit européen
dir-commitment-accessibility = Rendre services et documents accessibles aux personnes handicapées
dir-commitment-backups = Faire des sauvegardes régulières, testées et conservées ailleurs
dir-commitment-sober-design = Concevoir sobrement et faire durer le matériel

## États de relecture
dir-status-draft = Brouillon
dir-status-pending = En attente de validation
dir-status-published = Publié
dir-status-changes-pending = Publié, modifications en attente
dir-status-rejected = Refusé, à reprendre

## Pays
country-ad = Andorre
country-al = Albanie
country-at = Autriche
country-ba = Bosnie-Herzégovine
country-be = Belgique
country-bg = Bulgarie
country-ch = Suisse
country-cy = Chypre
country-cz = Tchéquie
country-de = Allemagne
country-dk = Danemark
country-ee = Estonie
country-es = Espagne
country-fi = Finlande
country-fr = France
country-gb = Royaume-Uni
country-gr = Grèce
country-hr = Croatie
country-hu = Hongrie
country-ie = Irlande
country-is = Islande
country-it = Italie
country-li = Liechtenstein
country-lt = Lituanie
country-lu = Luxembourg
country-lv = Lettonie
country-mc = Monaco
country-md = Moldavie
country-me = Monténégro
country-mk = Macédoine du Nord
country-mt = Malte
country-nl = Pays-Bas
country-no = Norvège
country-pl = Pologne
country-pt = Portugal
country-ro = Roumanie
country-rs = Serbie
country-se = Suède
country-si = Slovénie
country-sk = Slovaquie
country-sm = Saint-Marin
country-ua = Ukraine
country-va = Vatican
country-xk = Kosovo
