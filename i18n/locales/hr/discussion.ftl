# Rasprave uz lekcije, njihovo moderiranje i obavijesti.
discussion-title = Rasprava
discussion-link = Pitanja i komentari
discussion-summary = { $threads ->
    [0] Još nema pitanja
    [one] { $threads } tema
    [few] { $threads } teme
   *[other] { $threads } tema
}{ $unanswered ->
    [0] {""}
    [one] , { $unanswered } pitanje bez odgovora
    [few] , { $unanswered } pitanja bez odgovora
   *[other] , { $unanswered } pitanja bez odgovora
}
course-unanswered = { $count ->
    [one] { $count } pitanje bez odgovora
    [few] { $count } pitanja bez odgovora
   *[other] { $count } pitanja bez odgovora
}
discussion-intro = Postavite pitanje o ovoj lekciji ili ostavite komentar, na jeziku koji vam odgovara. Budite ljubazni: moderatori mogu sakriti objavu.
discussion-back = Natrag na lekciju
discussion-sign-in = Prijavite se kako biste postavili pitanje ili odgovorili.
discussion-verify = Potvrdite svoju adresu e-pošte kako biste mogli pisati: slijedite poveznicu koju smo vam poslali ili zatražite novu na stranici svojeg računa.
discussion-empty = O ovoj lekciji još nema pitanja.
discussion-filter = Prikaži
discussion-filter-newest = Najnovije
discussion-filter-unanswered = Bez odgovora
discussion-new = Pitajte ili komentirajte
field-post-kind = Vrsta objave
post-kind-question = Pitanje
post-kind-comment = Komentar
field-post-body = Vaša poruka
field-post-body-help = Markdown: **podebljano**, *kurziv*, popisi, poveznice; poveznica poput @/courses/…/lesson.md vodi na drugu lekciju. Bez HTML-a.
field-reply-body = Vaš odgovor
discussion-submit = Objavi
discussion-reply-submit = Odgovori
discussion-pages = Stranica { $page } od { $pages }
discussion-previous = Prethodna stranica
discussion-next = Sljedeća stranica
post-by = { $name }, { $date }
post-former-learner = bivši polaznik
post-deleted-author = Izbrisala ju je osoba koja ju je napisala.
post-deleted-moderator = Uklonio ju je moderator.
post-hidden = Moderator ju je sakrio: { $note }
post-pending = Čeka odobrenje moderatora: vidite je samo vi i moderatori.
post-edited = uređeno
post-accepted = Prihvaćeni odgovor
post-pinned = Prikvačeno
post-question = Pitanje
post-replies = { $count ->
    [one] { $count } odgovor
    [few] { $count } odgovora
   *[other] { $count } odgovora
}
post-edit = Uredi
post-edit-submit = Spremi izmjene
post-delete = Izbriši
post-accept = Prihvati kao odgovor
post-unaccept = Povuci prihvaćanje
post-pin = Prikvači
post-unpin = Otkvači
post-report = Prijavi
field-report-reason = Što nije u redu s ovom objavom?
post-report-submit = Pošalji prijavu
post-moderate = Moderiraj
flash-post-created = Vaša je objava sada vidljiva.
flash-post-pending = Vaša će se objava prikazati čim je moderator odobri.
flash-post-edited = Vaša je objava ažurirana.
flash-post-deleted = Vaša je objava izbrisana.
flash-post-reported = Hvala: moderatori će je pregledati.
flash-post-moderated = Gotovo.
error-post-empty = Najprije nešto napišite.
error-post-too-long = Objava može imati najviše 10.000 znakova.
error-post-rate-limited = U posljednjih nekoliko minuta napisali ste više objava. Pričekajte malo prije sljedeće.
error-post-parent-invalid = Ova tema više ne prima odgovore.
error-post-edit-closed = Objava se može mijenjati samo u prvih 30 minuta nakon što je napisana.
error-post-link-unknown = Poveznica @/ ne vodi ni na jednu lekciju tečajeva.
error-post-state-changed = Objava se u međuvremenu promijenila: pogledajte je ponovno.
error-note-required = Napišite napomenu: pročitat će je osoba koja je napisala objavu.
error-note-too-long = Najviše 1.000 znakova.
moderation-title = Moderiranje rasprava
moderation-intro = Objave koje čekaju odobrenje i prijavljene objave, od najstarijih.
moderation-empty = Ništa ne čeka.
moderation-reports = Prijave
moderation-in = U lekciji { $lesson }
field-moderation-note = Napomena osobi koja je napisala objavu
moderation-approve = Odobri
moderation-hide = Sakrij
moderation-restore = Vrati
moderation-remove = Ukloni
moderation-dismiss = Odbaci prijave
moderation-history = Posljednje radnje
moderation-history-empty = Još nema radnji.
moderation-action-approve = je odobrio/la
moderation-action-hide = je sakrio/la
moderation-action-restore = je vratio/la
moderation-action-remove = je uklonio/la
moderation-action-dismiss = je odbacio/la prijave za
moderation-action-accept = je kao odgovor prihvatio/la
moderation-action-unaccept = je povukao/la prihvaćanje za
moderation-action-pin = je prikvačio/la
moderation-action-unpin = je otkvačio/la
moderation-history-row = { $moderator } { $action } objavu #{ $post }
moderation-settings = Postavke tečaja
moderation-premoderation = U tečaju { $course } prve objave novih računa čekaju odobrenje
moderation-settings-save = Spremi
flash-moderation-saved = Postavke su spremljene.
unanswered-title = Pitanja bez odgovora
unanswered-intro = Pitanja o tečajevima koje moderirate na koja još nitko nije odgovorio, od najstarijih.
unanswered-empty = Svako pitanje ima odgovor.
nav-notifications = Obavijesti
notifications-unread-count = { $count ->
    [one] { $count } nepročitana
    [few] { $count } nepročitane
   *[other] { $count } nepročitanih
}
notifications-title = Obavijesti
notifications-empty = Za vas nema ništa novo.
notifications-mark-all = Označi sve kao pročitano
notifications-mark-read = Označi kao pročitano
notifications-new = Novo
notifications-settings-title = Postavke obavijesti
notifications-settings-intro = Za svaku vrstu obavijesti odaberite hoće li se prikazivati na stranici i kako će vam stizati e-poštom.
notifications-settings-kind = Vrsta
notifications-settings-in-app = Na stranici
notifications-settings-email = E-poštom
notifications-email-off = Nikad
notifications-email-instant = Odmah
notifications-email-digest = U dnevnom sažetku
notifications-settings-save = Spremi odabir
flash-notifications-saved = Vaš je odabir spremljen.
notify-reply = { $actor } je odgovorio/la na vašu objavu o „{ $subject }”
notify-accepted = Vaš odgovor o „{ $subject }” je prihvaćen
notify-post-hidden = Moderator je sakrio vašu objavu o „{ $subject }”
notify-new-question = { $actor } je postavio/la pitanje o „{ $subject }”
notify-resource-reviewed = Resurs „{ $subject }” je objavljen
notify-changes-requested = Zatražene su izmjene resursa „{ $subject }”
notify-translation-requested = { $actor } je zatražio/la „{ $subject }” na jeziku koji govorite
notify-kind-reply = Odgovori na moje objave
notify-kind-accepted = Moji prihvaćeni odgovori
notify-kind-post-hidden = Moje objave koje je sakrio moderator
notify-kind-new-question = Nova pitanja o tečajevima koje sam napisao/la
notify-kind-resource-reviewed = Objavljeni resursi moje organizacije
notify-kind-changes-requested = Zatražene izmjene resursa moje organizacije
notify-kind-translation-requested = Zatraženi prijevodi na moje jezike
unsubscribe-title = Odjava od ovih e-poruka
unsubscribe-confirm = Odjava od e-poruka ove vrste: { $kind }.
unsubscribe-confirm-digest = Odjava od dnevnog sažetka.
unsubscribe-submit = Odjavi me od ovih e-poruka
unsubscribe-done = Gotovo: te vam se e-poruke više neće slati. Možete ih ponovno uključiti u postavkama obavijesti.
unsubscribe-invalid = Ova poveznica za odjavu nije valjana.
notify-group-discussions = Rasprave
notify-group-contributors = Doprinosi knjižnici
flash-notifications-read = Označeno kao pročitano.
discussion-reply-open = Odgovori na ovo
moderation-authors = Autori tečaja { $course }
field-author-email = Adresa e-pošte računa
moderation-author-add = Dodaj kao autora
moderation-author-remove = Ukloni
flash-authors-saved = Autori tečaja su spremljeni.
error-account-unknown = Nijedan račun ne koristi ovu adresu.
moderation-author-from-content = (naveden u datotekama tečaja)
