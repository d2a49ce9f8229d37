# Diskussionen zu den Lektionen, ihre Moderation und Benachrichtigungen.
discussion-title = Diskussion
discussion-link = Fragen und Kommentare
discussion-summary = { $threads ->
    [0] Noch keine Fragen
    [one] Ein Thema
   *[other] { $threads } Themen
}{ $unanswered ->
    [0] {""}
    [one] , eine Frage offen
   *[other] , { $unanswered } Fragen offen
}
course-unanswered = { $count ->
    [one] Eine unbeantwortete Frage
   *[other] { $count } unbeantwortete Fragen
}
discussion-intro = Stellen Sie eine Frage zu dieser Lektion oder hinterlassen Sie einen Kommentar, in der Sprache Ihrer Wahl. Bitte bleiben Sie freundlich: Die Moderation kann Beiträge ausblenden.
discussion-back = Zurück zur Lektion
discussion-sign-in = Melden Sie sich an, um eine Frage zu stellen oder zu antworten.
discussion-verify = Bestätigen Sie Ihre E-Mail-Adresse, um schreiben zu können: Folgen Sie dem Link, den wir Ihnen geschickt haben, oder fordern Sie auf Ihrer Kontoseite einen neuen an.
discussion-empty = Zu dieser Lektion gibt es noch keine Fragen.
discussion-filter = Anzeigen
discussion-filter-newest = Neueste zuerst
discussion-filter-unanswered = Unbeantwortet
discussion-new = Frage stellen oder kommentieren
field-post-kind = Art des Beitrags
post-kind-question = Frage
post-kind-comment = Kommentar
field-post-body = Ihre Nachricht
field-post-body-help = Markdown: **fett**, *kursiv*, Listen, Links; ein Link wie @/courses/…/lesson.md verweist auf eine andere Lektion. Kein HTML.
field-reply-body = Ihre Antwort
discussion-submit = Veröffentlichen
discussion-reply-submit = Antworten
discussion-pages = Seite { $page } von { $pages }
discussion-previous = Vorherige Seite
discussion-next = Nächste Seite
post-by = { $name }, { $date }
post-former-learner = ehemalige·r Lernende·r
post-deleted-author = Von der verfassenden Person gelöscht.
post-deleted-moderator = Von der Moderation entfernt.
post-hidden = Von der Moderation ausgeblendet: { $note }
post-pending = Wartet auf Freigabe durch die Moderation: Nur Sie und die Moderation sehen diesen Beitrag.
post-edited = bearbeitet
post-accepted = Akzeptierte Antwort
post-pinned = Angeheftet
post-question = Frage
post-replies = { $count ->
    [one] Eine Antwort
   *[other] { $count } Antworten
}
post-edit = Bearbeiten
post-edit-submit = Änderungen speichern
post-delete = Löschen
post-accept = Als Antwort akzeptieren
post-unaccept = Akzeptanz zurücknehmen
post-pin = Anheften
post-unpin = Loslösen
post-report = Melden
field-report-reason = Was stimmt mit diesem Beitrag nicht?
post-report-submit = Meldung senden
post-moderate = Moderieren
flash-post-created = Ihr Beitrag ist veröffentlicht.
flash-post-pending = Ihr Beitrag erscheint, sobald die Moderation ihn freigegeben hat.
flash-post-edited = Ihr Beitrag ist aktualisiert.
flash-post-deleted = Ihr Beitrag ist gelöscht.
flash-post-reported = Danke: Die Moderation sieht sich das an.
flash-post-moderated = Erledigt.
error-post-empty = Schreiben Sie zuerst etwas.
error-post-too-long = Ein Beitrag darf höchstens 10.000 Zeichen lang sein.
error-post-rate-limited = Sie haben in den letzten Minuten mehrere Beiträge geschrieben. Warten Sie ein wenig, bevor Sie den nächsten veröffentlichen.
error-post-parent-invalid = Auf dieses Thema kann nicht mehr geantwortet werden.
error-post-edit-closed = Ein Beitrag kann nur in den ersten 30 Minuten nach dem Schreiben geändert werden.
error-post-link-unknown = Ein @/-Link verweist auf keine Lektion der Kurse.
error-post-state-changed = Der Beitrag hat sich inzwischen geändert: Sehen Sie ihn sich noch einmal an.
error-note-required = Schreiben Sie eine Notiz: Die verfassende Person wird sie lesen.
error-note-too-long = Höchstens 1.000 Zeichen.
moderation-title = Moderation der Diskussionen
moderation-intro = Beiträge, die auf Freigabe warten, und gemeldete Beiträge, die ältesten zuerst.
moderation-empty = Nichts wartet.
moderation-reports = Meldungen
moderation-in = In { $lesson }
field-moderation-note = Notiz für die verfassende Person
moderation-approve = Freigeben
moderation-hide = Ausblenden
moderation-restore = Wiederherstellen
moderation-remove = Entfernen
moderation-dismiss = Meldungen verwerfen
moderation-history = Letzte Aktionen
moderation-history-empty = Noch keine Aktionen.
moderation-action-approve = freigegeben
moderation-action-hide = ausgeblendet
moderation-action-restore = wiederhergestellt
moderation-action-remove = entfernt
moderation-action-dismiss = trotz Meldungen belassen
moderation-action-accept = als Antwort akzeptiert
moderation-action-unaccept = die Akzeptanz als Antwort entzogen
moderation-action-pin = angeheftet
moderation-action-unpin = losgelöst
moderation-history-row = { $moderator } hat Beitrag #{ $post } { $action }
moderation-settings = Kurseinstellungen
moderation-premoderation = In { $course } warten die ersten Beiträge neuer Konten auf Freigabe
moderation-settings-save = Speichern
flash-moderation-saved = Die Einstellungen sind gespeichert.
unanswered-title = Unbeantwortete Fragen
unanswered-intro = Fragen zu den Kursen, die Sie moderieren, auf die noch niemand geantwortet hat, die ältesten zuerst.
unanswered-empty = Jede Frage hat eine Antwort.
nav-notifications = Benachrichtigungen
notifications-unread-count = { $count ->
    [one] { $count } ungelesen
   *[other] { $count } ungelesen
}
notifications-title = Benachrichtigungen
notifications-empty = Nichts Neues für Sie.
notifications-mark-all = Alle als gelesen markieren
notifications-mark-read = Als gelesen markieren
notifications-new = Neu
notifications-settings-title = Benachrichtigungseinstellungen
notifications-settings-intro = Legen Sie für jede Art von Benachrichtigung fest, ob sie auf der Website erscheint und wie sie Sie per E-Mail erreicht.
notifications-settings-kind = Art
notifications-settings-in-app = Auf der Website
notifications-settings-email = Per E-Mail
notifications-email-off = Nie
notifications-email-instant = Sofort
notifications-email-digest = In einer täglichen Zusammenfassung
notifications-settings-save = Auswahl speichern
flash-notifications-saved = Ihre Auswahl ist gespeichert.
notify-reply = { $actor } hat auf Ihren Beitrag zu „{ $subject }“ geantwortet
notify-accepted = Ihre Antwort zu „{ $subject }“ wurde akzeptiert
notify-post-hidden = Die Moderation hat Ihren Beitrag zu „{ $subject }“ ausgeblendet
notify-new-question = { $actor } hat eine Frage zu „{ $subject }“ gestellt
notify-resource-reviewed = Die Ressource „{ $subject }“ ist veröffentlicht
notify-changes-requested = Für „{ $subject }“ werden Änderungen erbeten
notify-translation-requested = { $actor } wünscht sich „{ $subject }“ in einer Sprache, die Sie sprechen
notify-kind-reply = Antworten auf meine Beiträge
notify-kind-accepted = Meine akzeptierten Antworten
notify-kind-post-hidden = Meine von der Moderation ausgeblendeten Beiträge
notify-kind-new-question = Neue Fragen zu Kursen, die ich verfasst habe
notify-kind-resource-reviewed = Veröffentlichte Ressourcen meiner Organisation
notify-kind-changes-requested = Erbetene Änderungen an Ressourcen meiner Organisation
notify-kind-translation-requested = Gewünschte Übersetzungen in meine Sprachen
unsubscribe-title = Diese E-Mails abbestellen
unsubscribe-confirm = E-Mails dieser Art abbestellen: { $kind }.
unsubscribe-confirm-digest = Die tägliche Zusammenfassung abbestellen.
unsubscribe-submit = Diese E-Mails abbestellen
unsubscribe-done = Erledigt: Diese E-Mails werden nicht mehr gesendet. In Ihren Benachrichtigungseinstellungen können Sie sie wieder einschalten.
unsubscribe-invalid = Dieser Abmeldelink ist ungültig.
notify-group-discussions = Diskussionen
notify-group-contributors = Beiträge zur Bibliothek
flash-notifications-read = Als gelesen markiert.
discussion-reply-open = Darauf antworten
moderation-authors = Autorinnen und Autoren von { $course }
field-author-email = E-Mail-Adresse eines Kontos
moderation-author-add = Als Autor·in hinzufügen
moderation-author-remove = Entfernen
flash-authors-saved = Die Autorinnen und Autoren des Kurses sind gespeichert.
error-account-unknown = Kein Konto verwendet diese Adresse.
moderation-author-from-content = (in den Dateien des Kurses genannt)
