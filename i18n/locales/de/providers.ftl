# Der Bereich der Anbieter im Verzeichnis: Profil-Editor, Mitglieder,
# eingegangene Hilfeanfragen; Moderation; die Liste aller Anfragen für Administratoren.

providers-new-title = Anbieter hinzufügen
providers-edit-title = Profil bearbeiten
providers-mine-title = Meine Anbieterprofile
providers-mine-intro = Die Anbieter, deren Mitglied Sie sind: ihr Profil, die erhaltenen Hilfeanfragen und ihre Mitglieder.
providers-mine-empty = Sie sind noch bei keinem Anbieter Mitglied.
providers-members-title = Mitglieder
providers-inbox-title = Hilfeanfragen
providers-queue-title = Moderation des Verzeichnisses
providers-queue-intro = Profile, die auf ihre erste Veröffentlichung warten oder deren Änderungen zu prüfen sind, die ältesten zuerst; danach veröffentlichte Profile, die seit einem Jahr niemand bestätigt hat.
providers-review-title = Profil prüfen
providers-admin-requests-title = Alle Hilfeanfragen
providers-admin-requests-intro = Alle über das Verzeichnis gesendeten Hilfeanfragen, die neuesten zuerst, und ob ihre E-Mail an den Anbieter verschickt wurde.
providers-account-title = Anbieterprofile
providers-account-intro = Wenn Sie Vereine hosten, schulen oder begleiten, beschreiben Sie Ihr Angebot im Anbieterverzeichnis.
providers-nav = Die Seiten des Anbieters
providers-form-intro = Beschreiben Sie, was Sie Vereinen anbieten. Eine Moderatorin oder ein Moderator prüft das Profil, bevor es im Verzeichnis erscheint, und nach jeder Änderung erneut; bis dahin zeigt das Verzeichnis die zuletzt freigegebene Fassung.
providers-field = Feld
providers-field-name = Name
providers-field-contact-email = Kontakt-E-Mail-Adresse
providers-contact-email-help = Hilfeanfragen werden an diese Adresse gesendet. Sie bleibt privat: Besucher schreiben über ein Formular und sehen sie nie.
providers-field-original-language = Sprache der Hauptbeschreibung
providers-field-description = Beschreibung in der Hauptsprache
providers-field-descriptions = Beschreibungen
providers-descriptions-help = Schreiben Sie die Beschreibung in der Hauptsprache (mindestens 40 Zeichen: was Sie anbieten und für wen); fügen Sie Übersetzungen hinzu, wenn Sie welche haben.
providers-description-in = Beschreibung auf { $language }
providers-description-original = (Hauptsprache, Pflichtfeld)
providers-field-help = Arten der Hilfe
providers-field-services = Gehostete Dienste
providers-services-help = Pflicht, wenn Sie Dienste hosten.
providers-field-areas = Bediente Länder und Regionen
providers-areas-help = Kreuzen Sie ganze Länder oder einzelne ihrer Regionen an.
providers-area-whole = Ganz { $country }
providers-field-areas-other = Weitere Länder
providers-areas-other-help = Zweibuchstabige Codes, durch Kommas getrennt, etwa PL, SE.
providers-field-delivery = Arbeitsweise
providers-remote = Aus der Ferne
providers-on-site = Vor Ort
providers-field-languages = Gesprochene Sprachen
providers-languages-help = Sprachcodes, durch Kommas getrennt, etwa fr, en, de.
providers-field-prices = Preismodelle
providers-field-legal-form = Rechtsform
providers-field-chatons = CHATONS
providers-chatons = Wir sind Mitglied des CHATONS-Kollektivs alternativer Hoster.
providers-field-website = Website
providers-website-help = Eine vollständige Adresse, die mit https:// beginnt (optional).
providers-field-commitments = Verpflichtungen der Charta
providers-commitments-help = Kreuzen Sie die Verpflichtungen der Charta an, die Sie eingehen.
providers-field-status = Stand
providers-field-logo = Logo
providers-field-member = Mitglied
providers-create = Entwurf anlegen
providers-save = Änderungen speichern
providers-yes = Ja
providers-no = Nein
providers-status-draft = Dieses Profil ist ein Entwurf: Nur seine Mitglieder und die Moderation sehen es. Reichen Sie es zur Prüfung ein, wenn es fertig ist.
providers-status-draft-published = Sie haben das veröffentlichte Profil geändert. Das Verzeichnis zeigt die freigegebene Fassung, bis Sie die Änderungen einreichen und sie freigegeben werden.
providers-status-pending = Das Profil wartet vor seiner ersten Veröffentlichung auf die Moderation.
providers-status-changes-pending = Ihre Änderungen warten auf die Moderation; das Verzeichnis zeigt bis dahin die zuletzt freigegebene Fassung.
providers-status-published = Das Profil ist im Verzeichnis veröffentlicht.
providers-status-rejected = Die Moderation hat das Profil zurückgeschickt. Ändern Sie es gemäß der Notiz und reichen Sie es erneut ein.
providers-moderator-note = Die Notiz der Moderation
providers-submit = Zur Prüfung einreichen
providers-due = Dieses Profil hat sich seit einem Jahr nicht geändert: Bitte prüfen Sie es und bestätigen Sie, dass es noch stimmt.
providers-due-short = Zu bestätigen
providers-confirmed-at = Zuletzt bestätigt am { $date }.
providers-confirm = Bestätigen, dass das Profil noch stimmt
providers-public-page = Öffentliche Seite ansehen
providers-logo-current = Das aktuelle Logo
providers-logo-choose = Bild auswählen
providers-logo-help = PNG, JPEG oder WebP, höchstens 1 MB. Ein neues Logo wird wie jede Änderung geprüft.
providers-logo-upload = Logo hochladen
providers-preview = Vorschau
providers-preview-help = Die Arbeitsfassung, wie das Verzeichnis sie nach der Freigabe zeigen wird.
providers-history = Verlauf
providers-history-empty = Noch ist nichts geschehen.
providers-date = Datum
providers-who = Von
providers-action = Was
providers-detail = Einzelheiten
providers-event-created = Angelegt
providers-event-edited = Bearbeitet
providers-event-submitted = Zur Prüfung eingereicht
providers-event-approved = Freigegeben
providers-event-rejected = Zurückgeschickt
providers-event-unpublished = Aus dem Verzeichnis genommen
providers-event-confirmed = Als zutreffend bestätigt
providers-event-member-added = Mitglied hinzugefügt
providers-event-member-removed = Mitglied entfernt
providers-event-other = Andere Änderung
providers-unread = { $count ->
    [one] { $count } ungelesen
   *[other] { $count } ungelesen
}
providers-queue-link = { $count ->
    [one] Moderation des Verzeichnisses ({ $count } wartet)
   *[other] Moderation des Verzeichnisses ({ $count } warten)
}
providers-inbox-unread = { $count ->
    [0] Keine neue Anfrage.
    [one] { $count } neue Anfrage.
   *[other] { $count } neue Anfragen.
}
providers-inbox-help = Beim Öffnen dieser Seite werden neue Anfragen als gelesen markiert. Antworten Sie per E-Mail und markieren Sie die Anfrage dann als beantwortet oder archivieren Sie sie.
providers-inbox-empty = Noch keine Hilfeanfrage.
providers-request-new = Neu
providers-request-read = Gelesen
providers-request-answered = Beantwortet
providers-request-archived = Archiviert
providers-request-mark-answered = Beantwortet
providers-request-archive = Archivieren
providers-member-add = Mitglied hinzufügen
providers-member-add-help = Die E-Mail-Adresse eines bestehenden Kontos. Mitglieder bearbeiten das Profil und lesen die Hilfeanfragen.
providers-member-remove = Entfernen
providers-member-leave = Austreten
providers-members-last = Ein Anbieter behält mindestens ein Mitglied: Fügen Sie jemand anderen hinzu, bevor Sie austreten.
providers-queue-waiting = Warten auf Prüfung
providers-queue-empty = Nichts wartet auf Prüfung.
providers-queue-first = erste Veröffentlichung
providers-queue-changes = Änderungen eines veröffentlichten Profils
providers-queue-own = Ihr Anbieter: eine andere Person prüft ihn
providers-submitted = Eingereicht
providers-queue-due = Zu bestätigen
providers-queue-due-help = Veröffentlichte Profile, die seit einem Jahr weder geändert noch bestätigt wurden. Ihre Mitglieder sehen eine Bitte um Bestätigung.
providers-queue-due-empty = Jedes veröffentlichte Profil wurde innerhalb des Jahres bestätigt.
providers-last-confirmed = Zuletzt bestätigt
providers-published-version = Veröffentlichte Fassung
providers-working-version = Eingereichte Fassung
providers-nothing-published = (nichts veröffentlicht)
providers-changed = geändert
providers-decide = Entscheidung
providers-approve = Freigeben und veröffentlichen
providers-reject = Zurückschicken
providers-reject-note = Warum das Profil zurückgeschickt wird
providers-reject-help = Die Mitglieder sehen diese Notiz. Sagen Sie, was zu ändern ist.
providers-unpublish = Aus dem Verzeichnis nehmen
providers-unpublish-note = Grund
providers-unpublish-help = Das Profil verschwindet sofort aus dem Verzeichnis; seine Mitglieder sehen den Grund und können es erneut einreichen.
providers-provider = Anbieter
providers-sender = Absender
providers-message = Nachricht
providers-delivery = E-Mail
providers-delivery-delivered = Zugestellt
providers-delivery-waiting = Noch nicht gesendet
providers-delivery-failed = Fehlgeschlagen
providers-delivery-attempts = { $count ->
    [one] ({ $count } Versuch)
   *[other] ({ $count } Versuche)
}
flash-providers-created = Der Entwurf ist angelegt. Vervollständigen Sie ihn und reichen Sie ihn dann zur Prüfung ein.
flash-providers-saved = Die Änderungen sind gespeichert.
flash-providers-submitted = Das Profil ist eingereicht: Die Moderation wird es prüfen.
flash-providers-confirmed = Danke: Das Profil ist für ein weiteres Jahr bestätigt.
flash-providers-logo-saved = Das Logo ist gespeichert; es wird mit dem Profil geprüft.
flash-providers-approved = Das Profil ist freigegeben und veröffentlicht.
flash-providers-rejected = Das Profil ist mit Ihrer Notiz an seine Mitglieder zurückgeschickt.
flash-providers-unpublished = Das Profil ist aus dem Verzeichnis genommen.
flash-providers-request-updated = Die Anfrage ist aktualisiert.
flash-providers-member-added = Das Mitglied ist hinzugefügt.
flash-providers-member-removed = Das Mitglied ist entfernt.
flash-providers-member-left = Sie sind nicht mehr Mitglied dieses Anbieters.
