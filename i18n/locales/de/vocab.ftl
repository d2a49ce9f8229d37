# The directory's vocabularies: one prefix per code list (see app/src/labels.rs).

## Arten der Hilfe
dir-help-hosting = Hosting von Diensten
dir-help-training = Schulung
dir-help-migration = Begleitung beim Umstieg
dir-help-audit = Bestandsaufnahme und Audit
dir-help-development = Individuelle Entwicklung
dir-help-other = Andere Hilfe

## Gehostete Dienste
dir-service-nextcloud = Nextcloud (Dateien, Kalender, Kontakte)
dir-service-collabora = Gemeinsame Dokumentbearbeitung (Collabora, OnlyOffice)
dir-service-mattermost = Team-Chat (Mattermost)
dir-service-matrix = Matrix-Chat (Element)
dir-service-forms = Online-Formulare
dir-service-polls = Umfragen und Terminfindung
dir-service-peertube = Videos (PeerTube)
dir-service-mastodon = Soziales Netzwerk (Mastodon)
dir-service-jitsi = Videokonferenzen (Jitsi Meet)
dir-service-bigbluebutton = Virtuelle Klassenräume (BigBlueButton)
dir-service-etherpad = Gemeinsame Textpads (Etherpad)
dir-service-wiki = Wiki
dir-service-email = E-Mail
dir-service-mailing-lists = Mailinglisten
dir-service-website = Website
dir-service-crm = Mitglieder- und Spendenverwaltung
dir-service-other = Anderer Dienst

## Preismodelle
dir-price-free = Kostenlos
dir-price-donation = Spende nach Wahl
dir-price-paid = Kostenpflichtig
dir-price-sliding-scale = Gestaffelte Preise

## Rechtsformen
dir-legal-association = Verein
dir-legal-cooperative = Genossenschaft
dir-legal-company = Unternehmen
dir-legal-individual = Selbstständig
dir-legal-public = Öffentliche Einrichtung
dir-legal-other = Andere Rechtsform

## Verpflichtungen der Charta
dir-commitment-free-software = Nur freie Software einsetzen und den Quelltext unserer Änderungen veröffentlichen
dir-commitment-open-standards = Offene Standards und Formate bevorzugen
dir-commitment-no-advertising = Keine Werbung
dir-commitment-no-tracking = Kein Tracking und kein Profiling
dir-commitment-portability = Daten jederzeit in einem offenen Format mitnehmen lassen
dir-commitment-transparent-pricing = Unsere Preise veröffentlichen, gleich für alle in gleicher Lage
dir-commitment-european-hosting = Daten in Europa unter europäischem Recht speichern
dir-commitment-accessibility = Dienste und Dokumente für Menschen mit Behinderung zugänglich machen
dir-commitment-backups = Regelmäßige, geprüfte Sicherungen an einem anderen Ort
dir-commitment-sober-design = Sparsam gestalten und Hardware lange nutzen

## Prüfstatus
dir-status-draft = Entwurf
dir-status-pending = Wartet auf Prüfung
dir-status-published = Veröffentlicht
dir-status-changes-pending = Veröffentlicht, Änderungen warten auf Prüfung
dir-status-rejected = Zur Überarbeitung zurückgegeben

## Länder
country-ad = Andorra
country-al = Albanien
country-at = Österreich
country-ba = Bosnien und Herzegowina
country-be = Belgien
country-bg = Bulgarien
country-ch = Schweiz
country-cy = Zypern
country-cz = Tschechien
country-de = Deutschland
country-dk = Dänemark
country-ee = Estland
country-es = Spanien
country-fi = Finnland
country-fr = Frankreich
country-gb = Vereinigtes Königreich
country-gr = Griechenland
country-hr = Kroatien
country-hu = Ungarn
country-ie = Irland
country-is = Island
country-it = Italien
country-li = Liechtenstein
country-lt = Litauen
country-lu = Luxemburg
country-lv = Lettland
country-mc = Monaco
country-md = Moldau
country-me = Montenegro
country-mk = Nordmazedonien
country-mt = Malta
country-nl = Niederlande
country-no = Norwegen
country-pl = Polen
country-pt = Portugal
country-ro = Rumänien
country-rs = Serbien
country-se = Schweden
country-si = Slowenien
country-sk = Slowakei
country-sm = San Marino
country-ua = Ukraine
country-va = Vatikanstadt
country-xk = Kosovo
