# Archipel-Benutzeroberfläche, Deutsch.

site-name = Archipel
site-tagline = Lernen und Ressourcen teilen für solidarische Kollektive
skip-to-content = Zum Inhalt springen
nav-label = Hauptnavigation
nav-courses = Kurse
nav-library = Bibliothek
nav-directory = Verzeichnis
nav-search = Suche
nav-data = Offene Daten
nav-partners = Partner
nav-login = Anmelden
nav-register = Konto erstellen
nav-account = Mein Konto
nav-admin-users = Konten
nav-logout = Abmelden
language-switcher-label = Sprache
footer-licence = Kurstexte und geteilte Ressourcen stehen, wenn nicht anders angegeben, unter der Lizenz CC BY-SA 4.0.
footer-about = Über Archipel
footer-source = Quellcode
footer-api = API

home-title = Lernen, teilen, zu ethischen digitalen Werkzeugen wechseln
home-intro = Archipel beherbergt den MOOC CHATONS, die Emancip'Asso-Weiterbildung und eine mehrsprachige Bibliothek, die Partnervereine aus ganz Europa gemeinsam aufbauen.
home-courses-title = Kurse
home-courses-text = Freie Kurse im eigenen Tempo: die Kontrolle über das Internet zurückgewinnen, ein CHATONS-Hosting-Kollektiv betreiben und Vereinen helfen, die großen Plattformen zu verlassen.
home-library-title = Gemeinsame Bibliothek
home-library-text = Leitfäden, Workshop-Materialien, Videos und Artikel, beigetragen, übersetzt und geprüft von den Partnerorganisationen.
home-data-title = Offene Daten
home-data-text = Jeder Kurs, jede Ressource und jeder Partner hat eine stabile Adresse, die andere Systeme lesen und einsammeln können.

about-title = Über Archipel
about-what = Archipel ist eine Lernplattform und ein Gemeingut an Ressourcen für kleine solidarische Kollektive. Es ist freie Software, leicht auf einem kleinen Server zu betreiben und für Lernende gemacht, die vielleicht ein langsames Telefon, kein JavaScript oder einen Screenreader nutzen.
about-who = Drei Gruppen teilen sich eine Instanz: Lernende, die Kurse ohne Konto belegen können, Partnerorganisationen, die Ressourcen beitragen und übersetzen, und andere Systeme, die die Bibliothek als verknüpfte Daten lesen.
about-licence = Die Kurstexte sind Originalwerke unter der Lizenz Creative Commons Namensnennung – Weitergabe unter gleichen Bedingungen 4.0.
about-privacy = Archipel setzt keine Tracking-Cookies. Ein Sitzungs-Cookie wird nur nach der Anmeldung verwendet, und ein Sicherheits-Cookie schützt die Formulare.

courses-title = Kurse
courses-intro = Kurse aus dem MOOC CHATONS und der Emancip'Asso-Weiterbildung, im eigenen Tempo.
courses-empty = Auf dieser Instanz ist noch kein Kurs veröffentlicht.
library-title = Bibliothek
library-intro = Ressourcen, die von den Partnerorganisationen des Netzwerks beigetragen und übersetzt wurden.
library-empty = Die Bibliothek enthält noch keine veröffentlichte Ressource.
search-title = Suche
search-intro = Durchsuchen Sie Kurse, Lektionen, Ressourcen und Anbieter in allen Sprachen der Bibliothek.
search-label = Suchbegriffe
search-submit = Suchen
search-count = { $count ->
    [0] Kein Ergebnis.
    [one] Ein Ergebnis.
   *[other] { $count } Ergebnisse.
}
search-kind-partner = Partnerorganisation
directory-title = Verzeichnis
directory-intro = Hosting-Anbieter und Trainer·innen, die Vereinen beim Wechsel zu ethischen digitalen Werkzeugen helfen.
directory-empty = Noch ist kein Anbieter eingetragen.
data-title = Offene Daten
data-intro = Archipel veröffentlicht seine Inhalte für andere Systeme. Diese Schnittstellen antworten bereits:
data-health = Der Zustand des Dienstes, als JSON.
data-api = Die JSON-API, beschrieben durch ein OpenAPI-Dokument.
data-partners = Die Partnerorganisationen, als JSON.

partners-title = Partnerorganisationen
partners-intro = Die Vereine, die zur Bibliothek dieser Instanz beitragen.
partners-empty = Noch keine Partnerorganisation.
partner-country = Land
partner-languages = Arbeitssprachen
partner-website = Website
partner-logo-alt = Logo von { $name }
partner-members = Mitglieder
partner-members-empty = Noch keine Mitglieder.
partner-add-member = Mitglied hinzufügen
partner-remove-member = Entfernen
partner-edit = Organisation bearbeiten
partner-delete = Organisation löschen
partner-delete-warning = Wird eine Organisation gelöscht, enden ihre Mitgliedschaften. Mitglieder, die keiner anderen Organisation angehören, werden wieder Lernende.
partner-logo = Logo
partner-logo-help = PNG, JPEG oder WebP, höchstens 1 MB und 2000 × 2000 Pixel.
partner-logo-upload = Logo hochladen
partner-create = Organisation hinzufügen
partner-save = Speichern
org-role = Rolle in der Organisation
org-role-member = Mitglied
org-role-admin = Administrator·in der Organisation

field-email = E-Mail-Adresse
field-password = Passwort
field-password-help = Mindestens 10 Zeichen. Ein Satz, den Sie sich merken können, eignet sich gut.
field-display-name = Anzeigename
field-current-password = Aktuelles Passwort
field-new-password = Neues Passwort
field-preferred-languages = Bevorzugte Sprachen
field-preferred-languages-help = Sprachcodes durch Kommas getrennt, in der Reihenfolge Ihrer Vorliebe, zum Beispiel: de, en
field-name = Name
field-country = Ländercode
field-country-help = Zwei Buchstaben (ISO 3166), zum Beispiel FR, IT, DE, BE, HR
field-languages = Sprachen
field-languages-help = Sprachcodes durch Kommas getrennt, zum Beispiel: de, en
field-website = Website
field-role = Rolle

login-title = Anmelden
login-submit = Anmelden
login-no-account = Noch kein Konto?
login-failed = Die E-Mail-Adresse oder das Passwort ist falsch.
login-throttled = Zu viele Versuche. Warten Sie eine Minute, bevor Sie es erneut versuchen.
register-title = Konto erstellen
register-intro = Ein Konto speichert Ihren Lernfortschritt. Alle Kurse können Sie auch ohne Konto belegen.
register-submit = Mein Konto erstellen
register-have-account = Bereits registriert?

account-title = Mein Konto
account-role = Rolle: { $role }
account-profile = Profil
account-profile-save = Profil speichern
account-password = Passwort ändern
account-password-save = Passwort ändern
account-delete = Mein Konto löschen
account-delete-warning = Damit werden Ihr Konto, Ihr Lernfortschritt und Ihre Mitgliedschaften auf einmal gelöscht. Das lässt sich nicht rückgängig machen.
account-delete-submit = Mein Konto endgültig löschen
account-organisations = Meine Organisationen

role-learner = Lernende·r
role-contributor = Beitragende·r
role-moderator = Moderator·in
role-admin = Administrator·in

admin-users-title = Konten
admin-users-set-role = Rolle ändern
admin-users-joined = Registriert am

flash-registered = Willkommen! Ihr Konto ist bereit.
flash-logged-in = Sie sind angemeldet.
flash-logged-out = Sie sind abgemeldet.
flash-profile-saved = Ihr Profil ist gespeichert.
flash-password-changed = Ihr Passwort wurde geändert. Ihre anderen Sitzungen wurden beendet.
flash-account-deleted = Ihr Konto und Ihre Daten wurden gelöscht.
flash-partner-saved = Die Organisation ist gespeichert.
flash-partner-deleted = Die Organisation wurde gelöscht.
flash-member-added = Das Mitglied wurde hinzugefügt.
flash-member-removed = Das Mitglied wurde entfernt.
flash-logo-saved = Das Logo ist gespeichert.
flash-role-changed = Die Rolle wurde geändert.

form-errors-title = Das Formular enthält Fehler
error-required = Dieses Feld ist erforderlich.
error-too-long = Das ist zu lang.
error-invalid-characters = Das enthält unzulässige Zeichen.
error-email-invalid = Das ist keine gültige E-Mail-Adresse.
error-email-taken = Diese E-Mail-Adresse wird bereits von einem Konto verwendet.
error-password-too-short = Das Passwort braucht mindestens 10 Zeichen.
error-password-wrong = Das Passwort ist falsch.
error-last-admin = Der letzte Administrator kann das nicht tun: Ernennen Sie zuerst eine weitere Person zum Administrator.
error-language-invalid = Verwenden Sie Sprachcodes wie de, en oder de-AT, durch Kommas getrennt.
error-country-invalid = Verwenden Sie einen zweistelligen Ländercode wie DE.
error-url-invalid = Geben Sie eine vollständige Webadresse an, die mit https:// beginnt.
error-name-taken = Dieser Name ist bereits vergeben.
error-no-such-account = Kein Konto verwendet diese E-Mail-Adresse.
error-file-too-large = Die Datei ist zu groß.
error-image-invalid = Die Datei ist kein PNG-, JPEG- oder WebP-Bild.
error-image-too-big = Das Bild hat zu viele Pixel.
error-role-invalid = Unbekannte Rolle.

password-hint-count = { $count } von 10 Zeichen
password-hint-ok = Lang genug

not-found-title = Seite nicht gefunden
not-found-text = Unter dieser Adresse gibt es nichts. Die Seite wurde vielleicht verschoben, oder der Link ist falsch.
forbidden-title = Nicht erlaubt
forbidden-text = Ihr Konto darf das nicht.
error-title = Etwas ist schiefgegangen
error-text = Der Server konnte diese Anfrage nicht bearbeiten. Der Fehler wurde protokolliert; bitte versuchen Sie es später erneut.
bad-request-title = Diese Anfrage kann nicht bearbeitet werden
bad-request-text = Das Formular ist vielleicht abgelaufen. Gehen Sie zurück, laden Sie die Seite neu und versuchen Sie es noch einmal.
back-home = Zurück zur Startseite
