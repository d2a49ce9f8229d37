# Le courriel qu’un prestataire reçoit pour chaque demande d’aide envoyée par l’annuaire.
mail-request-subject = Demande d’aide pour { $provider } de la part de { $sender }
mail-request-intro = { $sender } ({ $email }) a écrit à { $provider } depuis l’annuaire des prestataires :
mail-request-intro-organisation = { $sender } ({ $email }), pour { $organisation }, a écrit à { $provider } depuis l’annuaire des prestataires :
mail-request-reply = Répondez à ce courriel pour répondre : votre réponse va directement à { $sender } ({ $email }).
mail-request-inbox = La demande est aussi dans votre boîte de réception sur le site : { $inbox }

# Les e-mails de la vie d'un compte.
mail-hello = Bonjour { $name },
mail-account-footer = Vous recevez ce message parce que cette adresse a été indiquée sur Archipel. Si ce n'était pas vous, ignorez-le : rien ne change sans le lien.
mail-verify-subject = Vérifiez votre adresse e-mail
mail-verify-text = Pour vérifier l'adresse de votre compte Archipel, ouvrez ce lien dans les deux jours :
mail-reset-subject = Choisir un nouveau mot de passe
mail-reset-text = Quelqu'un a demandé à réinitialiser le mot de passe de votre compte Archipel. Pour en choisir un nouveau, ouvrez ce lien dans l'heure. Si ce n'était pas vous, ignorez ce message : votre mot de passe reste le même.
mail-change-subject = Confirmez votre nouvelle adresse e-mail
mail-change-text = Pour que votre compte Archipel utilise cette adresse, ouvrez ce lien dans les deux jours :
mail-changed-subject = L'adresse de votre compte a changé
mail-changed-text = Votre compte Archipel utilise maintenant l'adresse { $email }. Si vous ne l'avez pas demandé, choisissez tout de suite un nouveau mot de passe avec ce lien et écrivez aux administrateurs de l'instance :

# Les notifications par e-mail.
mail-notify-note = La note de la modération : { $note }
mail-notify-footer = Vous recevez cet e-mail en raison de vos réglages de notification ({ $settings }). Pour ne plus recevoir les e-mails de ce type : { $unsubscribe }
mail-digest-subject = { $count ->
    [one] Une notification sur Archipel
   *[other] { $count } notifications sur Archipel
}
mail-digest-intro = { $count ->
    [one] Voici la nouveauté qui vous concerne depuis le dernier récapitulatif :
   *[other] Voici les { $count } nouveautés qui vous concernent depuis le dernier récapitulatif :
}
