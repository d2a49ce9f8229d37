# L’e-mail che un fornitore riceve per ogni richiesta di aiuto inviata tramite l’elenco.
mail-request-subject = Richiesta di aiuto per { $provider } da { $sender }
mail-request-intro = { $sender } ({ $email }) ha scritto a { $provider } tramite l’elenco dei fornitori:
mail-request-intro-organisation = { $sender } ({ $email }), per { $organisation }, ha scritto a { $provider } tramite l’elenco dei fornitori:
mail-request-reply = Rispondi a questa e-mail: la tua risposta arriva direttamente a { $sender } ({ $email }).
mail-request-inbox = La richiesta è anche nella tua casella sul sito: { $inbox }

# Le e-mail della vita di un account.
mail-hello = Ciao { $name },
mail-account-footer = Ricevi questo messaggio perché questo indirizzo è stato indicato su Archipel. Se non sei stato tu, ignoralo: senza il link non cambia nulla.
mail-verify-subject = Verifica il tuo indirizzo e-mail
mail-verify-text = Per verificare l'indirizzo del tuo account Archipel, apri questo link entro due giorni:
mail-reset-subject = Scegli una nuova password
mail-reset-text = Qualcuno ha chiesto di reimpostare la password del tuo account Archipel. Per sceglierne una nuova, apri questo link entro un'ora. Se non sei stato tu, ignora questo messaggio: la tua password resta invariata.
mail-change-subject = Conferma il tuo nuovo indirizzo e-mail
mail-change-text = Perché il tuo account Archipel usi questo indirizzo, apri questo link entro due giorni:
mail-changed-subject = L'indirizzo del tuo account è cambiato
mail-changed-text = Il tuo account Archipel ora usa l'indirizzo { $email }. Se non l'hai chiesto tu, scegli subito una nuova password con questo link e scrivi agli amministratori dell'istanza:

# Le notifiche per e-mail.
mail-notify-note = La nota dei moderatori: { $note }
mail-notify-footer = Ricevi questa e-mail in base alle tue impostazioni delle notifiche ({ $settings }). Per non ricevere più e-mail di questo tipo: { $unsubscribe }
mail-digest-subject = { $count ->
    [one] Una notifica su Archipel
   *[other] { $count } notifiche su Archipel
}
mail-digest-intro = { $count ->
    [one] Ecco la novità per te dall'ultimo riepilogo:
   *[other] Ecco le { $count } novità per te dall'ultimo riepilogo:
}
