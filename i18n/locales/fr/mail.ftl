# Le courriel qu’un prestataire reçoit pour chaque demande d’aide envoyée par l’annuaire.
mail-request-subject = Demande d’aide pour { $provider } de la part de { $sender }
mail-request-intro = { $sender } ({ $email }) a écrit à { $provider } depuis l’annuaire des prestataires :
mail-request-intro-organisation = { $sender } ({ $email }), pour { $organisation }, a écrit à { $provider } depuis l’annuaire des prestataires :
mail-request-reply = Répondez à ce courriel pour répondre : votre réponse va directement à { $sender } ({ $email }).
mail-request-inbox = La demande est aussi dans votre boîte de réception sur le site : { $inbox }
