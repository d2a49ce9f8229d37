# E-poruka koju pružatelj usluga prima za svaki zahtjev za pomoć poslan putem imenika.
mail-request-subject = Zahtjev za pomoć za { $provider } od { $sender }
mail-request-intro = { $sender } ({ $email }) piše za { $provider } putem imenika pružatelja usluga:
mail-request-intro-organisation = { $sender } ({ $email }), za { $organisation }, piše za { $provider } putem imenika pružatelja usluga:
mail-request-reply = Odgovorite na ovu e-poruku: vaš odgovor ide izravno osobi { $sender } ({ $email }).
mail-request-inbox = Zahtjev je i u vašem sandučiću na stranici: { $inbox }

# E-poruke iz života računa.
mail-hello = Pozdrav { $name },
mail-account-footer = Ovu poruku primate jer je ova adresa upisana na Archipelu. Ako to niste bili vi, zanemarite je: bez poveznice se ništa ne mijenja.
mail-verify-subject = Potvrdite svoju adresu e-pošte
mail-verify-text = Za potvrdu adrese svojeg računa na Archipelu otvorite ovu poveznicu u roku od dva dana:
mail-reset-subject = Odaberite novu lozinku
mail-reset-text = Netko je zatražio ponovno postavljanje lozinke vašeg računa na Archipelu. Za odabir nove otvorite ovu poveznicu u roku od jednog sata. Ako to niste bili vi, zanemarite ovu poruku: lozinka ostaje ista.
mail-change-subject = Potvrdite svoju novu adresu e-pošte
mail-change-text = Kako bi vaš račun na Archipelu koristio ovu adresu, otvorite ovu poveznicu u roku od dva dana:
mail-changed-subject = Adresa vašeg računa je promijenjena
mail-changed-text = Vaš račun na Archipelu sada koristi adresu { $email }. Ako to niste zatražili, odmah odaberite novu lozinku putem ove poveznice i pišite administratorima instance:

# Obavijesti e-poštom.
mail-notify-note = Napomena moderatora: { $note }
mail-notify-footer = Ovu e-poruku primate zbog svojih postavki obavijesti ({ $settings }). Za prestanak primanja e-poruka ove vrste: { $unsubscribe }
mail-digest-subject = { $count ->
    [one] { $count } obavijest na Archipelu
    [few] { $count } obavijesti na Archipelu
   *[other] { $count } obavijesti na Archipelu
}
mail-digest-intro = { $count ->
    [one] Od posljednjeg sažetka imate { $count } novost:
    [few] Od posljednjeg sažetka imate { $count } novosti:
   *[other] Od posljednjeg sažetka imate { $count } novosti:
}
