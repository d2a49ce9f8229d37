# Die E-Mail, die ein Anbieter für jede über das Verzeichnis gesendete Hilfeanfrage erhält.
mail-request-subject = Hilfeanfrage an { $provider } von { $sender }
mail-request-intro = { $sender } ({ $email }) hat { $provider } über das Anbieterverzeichnis geschrieben:
mail-request-intro-organisation = { $sender } ({ $email }) hat für { $organisation } { $provider } über das Anbieterverzeichnis geschrieben:
mail-request-reply = Antworten Sie auf diese E-Mail: Ihre Antwort geht direkt an { $sender } ({ $email }).
mail-request-inbox = Die Anfrage liegt auch in Ihrem Posteingang auf der Website: { $inbox }

# Die E-Mails im Leben eines Kontos.
mail-hello = Hallo { $name },
mail-account-footer = Sie erhalten diese Nachricht, weil diese Adresse bei Archipel angegeben wurde. Wenn Sie das nicht waren, ignorieren Sie sie: Ohne den Link ändert sich nichts.
mail-verify-subject = Bestätigen Sie Ihre E-Mail-Adresse
mail-verify-text = Um die Adresse Ihres Archipel-Kontos zu bestätigen, öffnen Sie diesen Link innerhalb von zwei Tagen:
mail-reset-subject = Neues Passwort wählen
mail-reset-text = Jemand hat verlangt, das Passwort Ihres Archipel-Kontos zurückzusetzen. Um ein neues zu wählen, öffnen Sie diesen Link innerhalb einer Stunde. Wenn Sie das nicht waren, ignorieren Sie diese Nachricht: Ihr Passwort bleibt, wie es ist.
mail-change-subject = Bestätigen Sie Ihre neue E-Mail-Adresse
mail-change-text = Damit Ihr Archipel-Konto diese Adresse verwendet, öffnen Sie diesen Link innerhalb von zwei Tagen:
mail-changed-subject = Die Adresse Ihres Kontos hat sich geändert
mail-changed-text = Ihr Archipel-Konto verwendet jetzt die Adresse { $email }. Wenn Sie das nicht verlangt haben, wählen Sie sofort mit diesem Link ein neues Passwort und schreiben Sie den Administratoren der Instanz:

# Benachrichtigungen per E-Mail.
mail-notify-note = Notiz der Moderation: { $note }
mail-notify-footer = Sie erhalten diese E-Mail aufgrund Ihrer Benachrichtigungseinstellungen ({ $settings }). E-Mails dieser Art abbestellen: { $unsubscribe }
mail-digest-subject = { $count ->
    [one] Eine Benachrichtigung auf Archipel
   *[other] { $count } Benachrichtigungen auf Archipel
}
mail-digest-intro = { $count ->
    [one] Seit der letzten Zusammenfassung gibt es eine Neuigkeit für Sie:
   *[other] Seit der letzten Zusammenfassung gibt es { $count } Neuigkeiten für Sie:
}
