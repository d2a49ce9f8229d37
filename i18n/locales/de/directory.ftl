# Das öffentliche Verzeichnis der Anbieter: gefilterte Liste, Regionen, Seite eines Anbieters und Hilfeanfragen.

## Liste
directory-add = Ihre Organisation eintragen
directory-regions-link = Nach Land und Region stöbern
directory-filters = Liste eingrenzen
directory-filter-q = Stichwörter
directory-filter-help = Art der Hilfe
directory-filter-service = Gehosteter Dienst
directory-filter-price = Preismodell
directory-filter-language = Gesprochene Sprache
directory-filter-area = Gebiet
directory-filter-area-help = Ein Anbieter, der ein ganzes Land abdeckt, wird in jeder seiner Regionen gefunden.
directory-regions-of = Regionen: { $country }
directory-filter-more = Arbeitsweise
directory-filter-chatons = Mitglied des CHATONS-Kollektivs
directory-filter-remote = Arbeitet aus der Ferne
directory-filter-on-site = Kommt vor Ort
directory-results = Ergebnisse
directory-to-results = Zu den Ergebnissen
directory-found = Gefundene Anbieter: { $count }
directory-chosen = Gewählte Filter
directory-remove-filter = Filter entfernen: { $filter }
directory-clear = Alle Filter löschen
directory-no-match = Kein Anbieter entspricht diesen Filtern.
directory-no-match-hint = Entfernen Sie oben einen Filter, wählen Sie das ganze Land statt einer Region, oder suchen Sie mit weniger Stichwörtern.
directory-pages = Ergebnisseiten
directory-prev = Vorherige Seite
directory-next = Nächste Seite
directory-page-of = Seite { $page } von { $pages }
directory-more-areas = und { $count } weitere
directory-chatons-badge = CHATONS-Mitglied
directory-excerpt-in = Verfasst auf { $language }
directory-help = Angebotene Hilfe
directory-areas = Gebiete
directory-languages = Sprachen
directory-prices = Preise

## Regionen
directory-regions-title = Länder und Regionen des Verzeichnisses
directory-regions-intro = Die Gebiete, in denen Anbieter arbeiten, mit ihrer Anzahl. Wählen Sie eines, um die Anbieter zu sehen, die es abdecken.
directory-providers-count = (Anbieter: { $count })

## Seite eines Anbieters
directory-written-in = Diese Beschreibung ist auf { $language } verfasst.
directory-services = Gehostete Dienste
directory-whole-country = { $country } (das ganze Land)
directory-way = Arbeitsweise
directory-remote = Aus der Ferne
directory-on-site = Vor Ort
directory-legal-form = Rechtsform
directory-website = Website
directory-commitments = Verpflichtungen der Charta
directory-commitments-intro = Dieser Anbieter verpflichtet sich zu diesen Punkten der Charta des Verzeichnisses:
directory-confirmed = Angaben bestätigt am { $date }.

## Hilfeanfragen
directory-contact-title = Hilfe anfragen
directory-contact-intro = Beschreiben Sie, was Sie brauchen: Ihre Nachricht wird an { $name } weitergeleitet, der Ihnen direkt antwortet.
directory-contact-privacy = Ihre E-Mail-Adresse wird nur an den Anbieter weitergegeben, damit er Ihnen antworten kann. Sie wird weder veröffentlicht noch für anderes verwendet.
directory-contact-name = Ihr Name
directory-contact-email = Ihre E-Mail-Adresse
directory-contact-email-help = Der Anbieter antwortet Ihnen an diese Adresse.
directory-contact-organisation = Ihr Verein (optional)
directory-contact-message = Ihre Nachricht
directory-contact-message-help = Mindestens 20 Zeichen: Ihre Organisation, was Sie brauchen, für wie viele Personen, bis wann.
directory-contact-leave-empty = Dieses Feld leer lassen
directory-contact-send = Anfrage senden
flash-directory-request-sent = Ihre Anfrage wurde an den Anbieter gesendet. Er antwortet Ihnen an die angegebene Adresse.
