# Sučelje Archipela, hrvatski.

site-name = Archipel
site-tagline = Učenje i dijeljenje resursa među solidarnim kolektivima
skip-to-content = Preskoči na sadržaj
nav-label = Glavna navigacija
nav-courses = Tečajevi
nav-library = Knjižnica
nav-directory = Imenik
nav-search = Pretraživanje
nav-data = Otvoreni podaci
nav-partners = Partneri
nav-login = Prijava
nav-register = Izradi račun
nav-account = Moj račun
nav-admin-users = Računi
nav-logout = Odjava
language-switcher-label = Jezik
footer-licence = Ako nije drukčije navedeno, tekstovi tečajeva i zajednički resursi objavljeni su pod licencom CC BY-SA 4.0.
footer-about = O Archipelu
footer-source = Izvorni kod
footer-api = API

home-title = Učite, dijelite, prijeđite na etične digitalne alate
home-intro = Archipel udomljuje MOOC CHATONS, edukaciju Emancip'Asso i višejezičnu knjižnicu koju zajedno grade partnerske udruge iz cijele Europe.
home-courses-title = Tečajevi
home-courses-text = Slobodni i besplatni tečajevi vlastitim tempom: kako preuzeti kontrolu nad internetom, voditi CHATONS kolektiv za hosting i pomoći udrugama da napuste velike platforme.
home-library-title = Zajednička knjižnica
home-library-text = Vodiči, materijali za radionice, videozapisi i članci koje partnerske organizacije predlažu, prevode i pregledavaju.
home-data-title = Otvoreni podaci
home-data-text = Svaki tečaj, resurs i partner ima stabilnu adresu koju drugi sustavi mogu čitati i prikupljati.

about-title = O Archipelu
about-what = Archipel je platforma za učenje i zajedničko dobro resursa za male solidarne kolektive. To je slobodan softver, lagan za održavanje na malom poslužitelju i osmišljen za polaznike koji možda koriste spor telefon, nemaju JavaScript ili se služe čitačem zaslona.
about-who = Instancu dijele tri skupine: polaznici koji prate tečajeve i bez računa, partnerske organizacije koje predlažu i prevode resurse te drugi sustavi koji knjižnicu čitaju kao povezane podatke.
about-licence = Tekstovi tečajeva izvorna su djela objavljena pod licencom Creative Commons Imenovanje – Dijeli pod istim uvjetima 4.0.
about-privacy = Archipel ne postavlja kolačiće za praćenje. Kolačić sesije koristi se samo kad se prijavite, a sigurnosni kolačić štiti obrasce.

courses-title = Tečajevi
courses-intro = Tečajevi MOOC-a CHATONS i edukacije Emancip'Asso, vlastitim tempom.
courses-empty = Na ovoj instanci još nije objavljen nijedan tečaj.
library-title = Knjižnica
library-intro = Resursi koje su predložile i prevele partnerske organizacije mreže.
library-empty = Knjižnica još nema objavljenih resursa.
search-title = Pretraživanje
search-intro = Pretražujte tečajeve, lekcije, resurse i pružatelje usluga na svim jezicima knjižnice.
search-label = Pojmovi za pretraživanje
search-submit = Traži
search-count = { $count ->
    [0] Nema rezultata.
    [one] { $count } rezultat.
   *[other] { $count } rezultata.
}
search-kind-partner = Partnerska organizacija
directory-title = Imenik
directory-intro = Pružatelji hostinga i edukatori koji pomažu udrugama da prijeđu na etične digitalne alate.
directory-empty = Još nije naveden nijedan pružatelj usluga.
data-title = Otvoreni podaci
data-intro = Archipel objavljuje svoj sadržaj za druge sustave. Ove pristupne točke već odgovaraju:
data-health = Stanje usluge, u JSON-u.
data-api = JSON API, opisan dokumentom OpenAPI.
data-partners = Partnerske organizacije, u JSON-u.

partners-title = Partnerske organizacije
partners-intro = Udruge koje pridonose knjižnici ove instance.
partners-empty = Još nema partnerskih organizacija.
partner-country = Država
partner-languages = Radni jezici
partner-website = Mrežna stranica
partner-logo-alt = Logotip organizacije { $name }
partner-members = Članovi
partner-members-empty = Još nema članova.
partner-add-member = Dodaj člana
partner-remove-member = Ukloni
partner-edit = Uredi organizaciju
partner-delete = Izbriši organizaciju
partner-delete-warning = Brisanjem organizacije brišu se i njezina članstva. Članovi koji ne pripadaju nijednoj drugoj organizaciji ponovno postaju polaznici.
partner-logo = Logotip
partner-logo-help = PNG, JPEG ili WebP, najviše 1 MB i 2000 × 2000 piksela.
partner-logo-upload = Učitaj logotip
partner-create = Dodaj organizaciju
partner-save = Spremi
org-role = Uloga u organizaciji
org-role-member = Član
org-role-admin = Administrator organizacije

field-email = Adresa e-pošte
field-password = Lozinka
field-password-help = Najmanje 10 znakova. Rečenica koju lako pamtite sasvim je dobra.
field-display-name = Prikazano ime
field-current-password = Trenutačna lozinka
field-new-password = Nova lozinka
field-preferred-languages = Željeni jezici
field-preferred-languages-help = Kodovi jezika odvojeni zarezima, redom kojim ih preferirate, na primjer: hr, en
field-name = Naziv
field-country = Kod države
field-country-help = Dva slova (ISO 3166), na primjer FR, IT, DE, BE, HR
field-languages = Jezici
field-languages-help = Kodovi jezika odvojeni zarezima, na primjer: hr, en
field-website = Mrežna stranica
field-role = Uloga

login-title = Prijava
login-submit = Prijavi se
login-no-account = Još nemate račun?
login-failed = Adresa e-pošte ili lozinka nisu točni.
login-throttled = Previše pokušaja. Pričekajte minutu prije ponovnog pokušaja.
register-title = Izradi račun
register-intro = Račun čuva vaš napredak u tečajevima. Sve tečajeve možete pratiti i bez računa.
register-submit = Izradi moj račun
register-have-account = Već ste registrirani?

account-title = Moj račun
account-role = Uloga: { $role }
account-profile = Profil
account-profile-save = Spremi moj profil
account-password = Promijeni lozinku
account-password-save = Promijeni lozinku
account-delete = Izbriši moj račun
account-delete-warning = Ovime se odjednom brišu vaš račun, vaš napredak i vaša članstva. To se ne može poništiti.
account-delete-submit = Trajno izbriši moj račun
account-organisations = Moje organizacije

role-learner = Polaznik
role-contributor = Suradnik
role-moderator = Moderator
role-admin = Administrator

admin-users-title = Računi
admin-users-set-role = Promijeni ulogu
admin-users-joined = Registriran

flash-registered = Dobro došli! Vaš je račun spreman.
flash-logged-in = Prijavljeni ste.
flash-logged-out = Odjavljeni ste.
flash-profile-saved = Vaš je profil spremljen.
flash-password-changed = Vaša je lozinka promijenjena. Ostale su sesije zatvorene.
flash-account-deleted = Vaš račun i vaši podaci su izbrisani.
flash-partner-saved = Organizacija je spremljena.
flash-partner-deleted = Organizacija je izbrisana.
flash-member-added = Član je dodan.
flash-member-removed = Član je uklonjen.
flash-logo-saved = Logotip je spremljen.
flash-role-changed = Uloga je promijenjena.

form-errors-title = Obrazac sadrži pogreške
error-required = Ovo je polje obavezno.
error-too-long = Tekst je predug.
error-invalid-characters = Tekst sadrži nedopuštene znakove.
error-email-invalid = Ovo nije valjana adresa e-pošte.
error-email-taken = Ovu adresu e-pošte već koristi jedan račun.
error-password-too-short = Lozinka mora imati najmanje 10 znakova.
error-password-wrong = Lozinka nije točna.
error-last-admin = Posljednji administrator to ne može učiniti: najprije imenujte drugog administratora.
error-language-invalid = Koristite kodove jezika kao što su hr, en ili de-AT, odvojene zarezima.
error-country-invalid = Koristite dvoslovni kod države, na primjer HR.
error-url-invalid = Upišite potpunu mrežnu adresu koja počinje s https://
error-name-taken = Taj je naziv već zauzet.
error-no-such-account = Nijedan račun ne koristi ovu adresu e-pošte.
error-file-too-large = Datoteka je prevelika.
error-image-invalid = Datoteka nije slika u formatu PNG, JPEG ili WebP.
error-image-too-big = Slika ima previše piksela.
error-role-invalid = Nepoznata uloga.

password-hint-count = { $count } od 10 znakova
password-hint-ok = Dovoljno dugo

not-found-title = Stranica nije pronađena
not-found-text = Na ovoj adresi nema ničega. Stranica je možda premještena ili je poveznica pogrešna.
forbidden-title = Nije dopušteno
forbidden-text = Vaš račun to ne može učiniti.
error-title = Nešto je pošlo po zlu
error-text = Poslužitelj nije mogao dovršiti ovaj zahtjev. Pogreška je zabilježena; pokušajte ponovno kasnije.
bad-request-title = Ovaj se zahtjev ne može obraditi
bad-request-text = Obrazac je možda istekao. Vratite se, ponovno učitajte stranicu i pokušajte opet.
back-home = Natrag na početnu
