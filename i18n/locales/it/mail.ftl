# L’e-mail che un fornitore riceve per ogni richiesta di aiuto inviata tramite l’elenco.
mail-request-subject = Richiesta di aiuto per { $provider } da { $sender }
mail-request-intro = { $sender } ({ $email }) ha scritto a { $provider } tramite l’elenco dei fornitori:
mail-request-intro-organisation = { $sender } ({ $email }), per { $organisation }, ha scritto a { $provider } tramite l’elenco dei fornitori:
mail-request-reply = Rispondi a questa e-mail: la tua risposta arriva direttamente a { $sender } ({ $email }).
mail-request-inbox = La richiesta è anche nella tua casella sul sito: { $inbox }
