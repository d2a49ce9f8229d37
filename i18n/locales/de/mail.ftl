# Die E-Mail, die ein Anbieter für jede über das Verzeichnis gesendete Hilfeanfrage erhält.
mail-request-subject = Hilfeanfrage an { $provider } von { $sender }
mail-request-intro = { $sender } ({ $email }) hat { $provider } über das Anbieterverzeichnis geschrieben:
mail-request-intro-organisation = { $sender } ({ $email }) hat für { $organisation } { $provider } über das Anbieterverzeichnis geschrieben:
mail-request-reply = Antworten Sie auf diese E-Mail: Ihre Antwort geht direkt an { $sender } ({ $email }).
mail-request-inbox = Die Anfrage liegt auch in Ihrem Posteingang auf der Website: { $inbox }
