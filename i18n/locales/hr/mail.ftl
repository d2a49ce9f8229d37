# E-poruka koju pružatelj usluga prima za svaki zahtjev za pomoć poslan putem imenika.
mail-request-subject = Zahtjev za pomoć za { $provider } od { $sender }
mail-request-intro = { $sender } ({ $email }) piše za { $provider } putem imenika pružatelja usluga:
mail-request-intro-organisation = { $sender } ({ $email }), za { $organisation }, piše za { $provider } putem imenika pružatelja usluga:
mail-request-reply = Odgovorite na ovu e-poruku: vaš odgovor ide izravno osobi { $sender } ({ $email }).
mail-request-inbox = Zahtjev je i u vašem sandučiću na stranici: { $inbox }
