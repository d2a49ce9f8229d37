# Prostor pružatelja u imeniku: uređivač profila, članovi,
# primljeni zahtjevi za pomoć; moderiranje; popis svih zahtjeva za administratore.

providers-new-title = Dodaj pružatelja
providers-edit-title = Uredi profil
providers-mine-title = Moji profili pružatelja
providers-mine-intro = Pružatelji kojih ste član: njihov profil, primljeni zahtjevi za pomoć i njihovi članovi.
providers-mine-empty = Još niste član nijednog pružatelja.
providers-members-title = Članovi
providers-inbox-title = Zahtjevi za pomoć
providers-queue-title = Moderiranje imenika
providers-queue-intro = Profili koji čekaju prvu objavu ili čije izmjene treba pregledati, najstariji prvi; zatim objavljeni profili koje nitko nije potvrdio godinu dana.
providers-review-title = Pregled profila
providers-admin-requests-title = Svi zahtjevi za pomoć
providers-admin-requests-intro = Svi zahtjevi za pomoć poslani putem imenika, najnoviji prvi, i je li njihova e-poruka otišla pružatelju.
providers-account-title = Profili pružatelja
providers-account-intro = Ako udomljujete usluge, educirate ili pratite udruge, opišite svoju ponudu u imeniku pružatelja.
providers-nav = Stranice pružatelja
providers-form-intro = Opišite što nudite udrugama. Moderatorica ili moderator pregledava profil prije nego se pojavi u imeniku, i ponovno nakon svake izmjene; dotad imenik prikazuje posljednju odobrenu verziju.
providers-field = Polje
providers-field-name = Naziv
providers-field-contact-email = Adresa e-pošte za kontakt
providers-contact-email-help = Zahtjevi za pomoć šalju se na ovu adresu. Ostaje privatna: posjetitelji pišu putem obrasca i nikad je ne vide.
providers-field-original-language = Jezik glavnog opisa
providers-field-description = Opis na glavnom jeziku
providers-field-descriptions = Opisi
providers-descriptions-help = Napišite opis na glavnom jeziku (barem 40 znakova: što nudite i kome); dodajte prijevode ako ih imate.
providers-description-in = Opis na jeziku: { $language }
providers-description-original = (glavni jezik, obavezno)
providers-field-help = Vrste pomoći
providers-field-services = Udomljene usluge
providers-services-help = Obavezno ako udomljujete usluge.
providers-field-areas = Zemlje i regije u kojima radite
providers-areas-help = Označite cijele zemlje ili neke njihove regije.
providers-area-whole = Cijela zemlja: { $country }
providers-field-areas-other = Druge zemlje
providers-areas-other-help = Dvoslovne oznake odvojene zarezima, npr. PL, SE.
providers-field-delivery = Način rada
providers-remote = Na daljinu
providers-on-site = Na licu mjesta
providers-field-languages = Jezici kojima govorite
providers-languages-help = Oznake jezika odvojene zarezima, npr. fr, en, de.
providers-field-prices = Modeli cijena
providers-field-legal-form = Pravni oblik
providers-field-chatons = CHATONS
providers-chatons = Članovi smo kolektiva alternativnih pružatelja udomljavanja CHATONS.
providers-field-website = Mrežna stranica
providers-website-help = Potpuna adresa koja počinje s https:// (neobavezno).
providers-field-commitments = Obveze iz povelje
providers-commitments-help = Označite obveze iz povelje koje prihvaćate.
providers-field-status = Stanje
providers-field-logo = Logotip
providers-field-member = Član
providers-create = Izradi nacrt
providers-save = Spremi izmjene
providers-yes = Da
providers-no = Ne
providers-status-draft = Ovaj profil je nacrt: vide ga samo njegovi članovi i moderatori. Pošaljite ga na pregled kad bude spreman.
providers-status-draft-published = Izmijenili ste objavljeni profil. Imenik prikazuje odobrenu verziju dok ne pošaljete izmjene i dok ih se ne odobri.
providers-status-pending = Profil prije prve objave čeka moderatora.
providers-status-changes-pending = Vaše izmjene čekaju moderatora; imenik dotad prikazuje posljednju odobrenu verziju.
providers-status-published = Profil je objavljen u imeniku.
providers-status-rejected = Moderacija je vratila profil. Izmijenite ga prema bilješci pa ga ponovno pošaljite.
providers-moderator-note = Bilješka moderacije
providers-submit = Pošalji na pregled
providers-due = Ovaj se profil nije mijenjao godinu dana: provjerite ga i potvrdite da je još točan.
providers-due-short = Za potvrdu
providers-confirmed-at = Posljednja potvrda: { $date }.
providers-confirm = Potvrdi da je profil još točan
providers-public-page = Pogledaj javnu stranicu
providers-logo-current = Trenutni logotip
providers-logo-choose = Odaberite sliku
providers-logo-help = PNG, JPEG ili WebP, najviše 1 MB. Novi logotip pregledava se kao svaka izmjena.
providers-logo-upload = Učitaj logotip
providers-preview = Pretpregled
providers-preview-help = Radna verzija, kako će je imenik prikazati nakon odobrenja.
providers-history = Povijest
providers-history-empty = Još se ništa nije dogodilo.
providers-date = Datum
providers-who = Tko
providers-action = Što
providers-detail = Pojedinosti
providers-event-created = Izrađen
providers-event-edited = Izmijenjen
providers-event-submitted = Poslan na pregled
providers-event-approved = Odobren
providers-event-rejected = Vraćen
providers-event-unpublished = Uklonjen iz imenika
providers-event-confirmed = Potvrđen kao točan
providers-event-member-added = Dodan član
providers-event-member-removed = Uklonjen član
providers-event-other = Druga izmjena
providers-unread = { $count ->
    [one] { $count } nepročitan
    [few] { $count } nepročitana
   *[other] { $count } nepročitanih
}
providers-queue-link = { $count ->
    [one] Moderiranje imenika ({ $count } čeka)
    [few] Moderiranje imenika ({ $count } čekaju)
   *[other] Moderiranje imenika ({ $count } čeka)
}
providers-inbox-unread = { $count ->
    [0] Nema novih zahtjeva.
    [one] { $count } novi zahtjev.
    [few] { $count } nova zahtjeva.
   *[other] { $count } novih zahtjeva.
}
providers-inbox-help = Otvaranjem ove stranice novi se zahtjevi označavaju kao pročitani. Odgovorite e-poštom, zatim označite zahtjev kao odgovoren ili ga arhivirajte.
providers-inbox-empty = Još nema zahtjeva za pomoć.
providers-request-new = Novi
providers-request-read = Pročitan
providers-request-answered = Odgovoren
providers-request-archived = Arhiviran
providers-request-mark-answered = Odgovoreno
providers-request-archive = Arhiviraj
providers-member-add = Dodaj člana
providers-member-add-help = Adresa e-pošte postojećeg računa. Članovi uređuju profil i čitaju zahtjeve za pomoć.
providers-member-remove = Ukloni
providers-member-leave = Napusti
providers-members-last = Pružatelj zadržava barem jednog člana: dodajte nekog drugog prije nego odete.
providers-queue-waiting = Čeka pregled
providers-queue-empty = Ništa ne čeka pregled.
providers-queue-first = prva objava
providers-queue-changes = izmjene objavljenog profila
providers-queue-own = vaš pružatelj: pregledava ga netko drugi
providers-submitted = Poslano
providers-queue-due = Za potvrdu
providers-queue-due-help = Objavljeni profili koji godinu dana nisu ni mijenjani ni potvrđeni. Njihovi članovi vide molbu za potvrdu.
providers-queue-due-empty = Svaki objavljeni profil potvrđen je unutar godine.
providers-last-confirmed = Posljednja potvrda
providers-published-version = Objavljena verzija
providers-working-version = Poslana verzija
providers-nothing-published = (ništa nije objavljeno)
providers-changed = izmijenjeno
providers-decide = Odluka
providers-approve = Odobri i objavi
providers-reject = Vrati
providers-reject-note = Zašto se profil vraća
providers-reject-help = Članovi vide ovu bilješku. Recite što treba promijeniti.
providers-unpublish = Ukloni iz imenika
providers-unpublish-note = Razlog
providers-unpublish-help = Profil odmah napušta imenik; njegovi članovi vide razlog i mogu ga ponovno poslati.
providers-provider = Pružatelj
providers-sender = Pošiljatelj
providers-message = Poruka
providers-delivery = E-pošta
providers-delivery-delivered = Isporučeno
providers-delivery-waiting = Još nije poslano
providers-delivery-failed = Neuspjelo
providers-delivery-attempts = { $count ->
    [one] ({ $count } pokušaj)
    [few] ({ $count } pokušaja)
   *[other] ({ $count } pokušaja)
}
flash-providers-created = Nacrt je izrađen. Dovršite ga pa ga pošaljite na pregled.
flash-providers-saved = Izmjene su spremljene.
flash-providers-submitted = Profil je poslan: moderacija će ga pregledati.
flash-providers-confirmed = Hvala: profil je potvrđen za još godinu dana.
flash-providers-logo-saved = Logotip je spremljen; pregledat će se zajedno s profilom.
flash-providers-approved = Profil je odobren i objavljen.
flash-providers-rejected = Profil je vraćen članovima s vašom bilješkom.
flash-providers-unpublished = Profil je uklonjen iz imenika.
flash-providers-request-updated = Zahtjev je ažuriran.
flash-providers-member-added = Član je dodan.
flash-providers-member-removed = Član je uklonjen.
flash-providers-member-left = Više niste član ovog pružatelja.
