# Interfaccia di Archipel, italiano.

site-name = Archipel
site-tagline = Imparare e condividere risorse tra collettivi solidali
skip-to-content = Vai al contenuto
nav-label = Navigazione principale
nav-courses = Corsi
nav-library = Biblioteca
nav-directory = Elenco
nav-search = Cerca
nav-data = Dati aperti
nav-partners = Partner
nav-login = Accedi
nav-register = Crea un account
nav-account = Il mio account
nav-admin-users = Account
nav-logout = Esci
language-switcher-label = Lingua
footer-licence = Salvo diversa indicazione, i testi dei corsi e le risorse condivise sono pubblicati con licenza CC BY-SA 4.0.
footer-about = Informazioni su Archipel
footer-source = Codice sorgente
footer-api = API

home-title = Imparare, condividere, passare a strumenti digitali etici
home-intro = Archipel ospita il MOOC CHATONS, la formazione Emancip'Asso e una biblioteca multilingue costruita insieme da associazioni partner di tutta Europa.
home-courses-title = Corsi
home-courses-text = Corsi liberi e gratuiti, da seguire con i propri tempi, per riprendere il controllo di Internet, gestire un collettivo di hosting CHATONS e aiutare le associazioni a lasciare le grandi piattaforme.
home-library-title = Biblioteca condivisa
home-library-text = Guide, kit per laboratori, video e articoli proposti, tradotti e revisionati dalle organizzazioni partner.
home-data-title = Dati aperti
home-data-text = Ogni corso, risorsa e partner ha un indirizzo stabile che altri sistemi possono leggere e raccogliere.

about-title = Informazioni su Archipel
about-what = Archipel è una piattaforma di apprendimento e un bene comune di risorse per piccoli collettivi solidali. È software libero, leggero da ospitare su un piccolo server e pensato per chi impara con un telefono lento, senza JavaScript o con un lettore di schermo.
about-who = Tre gruppi condividono un'istanza: chi segue i corsi, anche senza account; le organizzazioni partner, che propongono e traducono risorse; e gli altri sistemi, che leggono la biblioteca come dati collegati.
about-licence = I testi dei corsi sono opere originali pubblicate con licenza Creative Commons Attribuzione - Condividi allo stesso modo 4.0.
about-privacy = Archipel non usa cookie di tracciamento. Un cookie di sessione viene usato solo quando si accede, e un cookie di sicurezza protegge i moduli.

courses-title = Corsi
courses-intro = I corsi del MOOC CHATONS e della formazione Emancip'Asso, da seguire con i propri tempi.
courses-empty = Su questa istanza non è ancora pubblicato alcun corso.
library-title = Biblioteca
library-intro = Le risorse proposte e tradotte dalle organizzazioni partner della rete.
library-empty = La biblioteca non contiene ancora risorse pubblicate.
search-title = Cerca
search-intro = Cerca tra corsi, lezioni, risorse e fornitori, in tutte le lingue della biblioteca.
search-label = Termini di ricerca
search-submit = Cerca
search-count = { $count ->
    [0] Nessun risultato.
    [one] Un risultato.
   *[other] { $count } risultati.
}
search-kind-partner = Organizzazione partner
directory-title = Elenco
directory-intro = Fornitori di hosting e formatori che aiutano le associazioni a passare a strumenti digitali etici.
directory-empty = Nessun fornitore è ancora elencato.
data-title = Dati aperti
data-intro = Archipel pubblica i suoi contenuti per altri sistemi. Questi punti di accesso rispondono già:
data-health = Lo stato del servizio, in JSON.
data-api = L'API JSON, descritta da un documento OpenAPI.
data-partners = Le organizzazioni partner, in JSON.

partners-title = Organizzazioni partner
partners-intro = Le associazioni che contribuiscono alla biblioteca di questa istanza.
partners-empty = Ancora nessuna organizzazione partner.
partner-country = Paese
partner-languages = Lingue di lavoro
partner-website = Sito web
partner-logo-alt = Logo di { $name }
partner-members = Membri
partner-members-empty = Ancora nessun membro.
partner-add-member = Aggiungi un membro
partner-remove-member = Rimuovi
partner-edit = Modifica l'organizzazione
partner-delete = Elimina l'organizzazione
partner-delete-warning = Eliminare un'organizzazione ne cancella le adesioni. I membri che non appartengono ad altre organizzazioni tornano a essere studenti.
partner-logo = Logo
partner-logo-help = PNG, JPEG o WebP, al massimo 1 MB e 2000 × 2000 pixel.
partner-logo-upload = Carica il logo
partner-create = Aggiungi un'organizzazione
partner-save = Salva
org-role = Ruolo nell'organizzazione
org-role-member = Membro
org-role-admin = Amministratore dell'organizzazione

field-email = Indirizzo e-mail
field-password = Password
field-password-help = Almeno 10 caratteri. Una frase facile da ricordare va benissimo.
field-display-name = Nome visualizzato
field-current-password = Password attuale
field-new-password = Nuova password
field-preferred-languages = Lingue preferite
field-preferred-languages-help = Codici di lingua separati da virgole, in ordine di preferenza, per esempio: it, en
field-name = Nome
field-country = Codice del paese
field-country-help = Due lettere (ISO 3166), per esempio FR, IT, DE, BE, HR
field-languages = Lingue
field-languages-help = Codici di lingua separati da virgole, per esempio: it, en
field-website = Sito web
field-role = Ruolo

login-title = Accesso
login-submit = Accedi
login-no-account = Non hai ancora un account?
login-failed = L'indirizzo e-mail o la password non sono corretti.
login-throttled = Troppi tentativi. Attendi un minuto prima di riprovare.
register-title = Crea un account
register-intro = Un account conserva i progressi nei corsi. Puoi seguire tutti i corsi anche senza account.
register-submit = Crea il mio account
register-have-account = Sei già registrato?

account-title = Il mio account
account-role = Ruolo: { $role }
account-profile = Profilo
account-profile-save = Salva il mio profilo
account-password = Cambia la mia password
account-password-save = Cambia la mia password
account-delete = Elimina il mio account
account-delete-warning = Questa operazione elimina in una volta il tuo account, i tuoi progressi e le tue adesioni. Non può essere annullata.
account-delete-submit = Elimina definitivamente il mio account
account-organisations = Le mie organizzazioni

role-learner = Studente
role-contributor = Collaboratore
role-moderator = Moderatore
role-admin = Amministratore

admin-users-title = Account
admin-users-set-role = Cambia il ruolo
admin-users-joined = Registrato il

flash-registered = Benvenuto! Il tuo account è pronto.
flash-logged-in = Hai effettuato l'accesso.
flash-logged-out = Sei uscito.
flash-profile-saved = Il tuo profilo è stato salvato.
flash-password-changed = La tua password è stata cambiata. Le altre sessioni sono state chiuse.
flash-account-deleted = Il tuo account e i tuoi dati sono stati eliminati.
flash-partner-saved = L'organizzazione è stata salvata.
flash-partner-deleted = L'organizzazione è stata eliminata.
flash-member-added = Il membro è stato aggiunto.
flash-member-removed = Il membro è stato rimosso.
flash-logo-saved = Il logo è stato salvato.
flash-role-changed = Il ruolo è stato cambiato.

form-errors-title = Il modulo contiene errori
error-required = Questo campo è obbligatorio.
error-too-long = Il testo è troppo lungo.
error-invalid-characters = Il testo contiene caratteri non ammessi.
error-email-invalid = Questo indirizzo e-mail non è valido.
error-email-taken = Un account usa già questo indirizzo e-mail.
error-password-too-short = La password deve avere almeno 10 caratteri.
error-password-wrong = La password non è corretta.
error-last-admin = L'ultimo amministratore non può farlo: nomina prima un altro amministratore.
error-language-invalid = Usa codici di lingua come it, en o de-AT, separati da virgole.
error-country-invalid = Usa un codice del paese di due lettere, come IT.
error-url-invalid = Indica un indirizzo web completo che inizi con https://
error-name-taken = Questo nome è già in uso.
error-no-such-account = Nessun account usa questo indirizzo e-mail.
error-file-too-large = Il file è troppo grande.
error-image-invalid = Il file non è un'immagine PNG, JPEG o WebP.
error-image-too-big = L'immagine ha troppi pixel.
error-role-invalid = Ruolo sconosciuto.

password-hint-count = { $count } caratteri su 10
password-hint-ok = Lunghezza sufficiente

not-found-title = Pagina non trovata
not-found-text = A questo indirizzo non c'è nulla. La pagina potrebbe essere stata spostata, oppure il link è sbagliato.
forbidden-title = Non consentito
forbidden-text = Il tuo account non può farlo.
error-title = Qualcosa è andato storto
error-text = Il server non è riuscito a completare la richiesta. L'errore è stato registrato; riprova più tardi.
bad-request-title = Questa richiesta non può essere elaborata
bad-request-text = Il modulo potrebbe essere scaduto. Torna indietro, ricarica la pagina e riprova.
back-home = Torna alla home
