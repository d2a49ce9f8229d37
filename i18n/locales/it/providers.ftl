# Lo spazio dei fornitori nell'elenco: editor della scheda, membri,
# richieste di aiuto ricevute; moderazione; l'elenco di tutte le richieste per gli amministratori.

providers-new-title = Aggiungi un fornitore
providers-edit-title = Modifica la scheda
providers-mine-title = Le mie schede di fornitore
providers-mine-intro = I fornitori di cui sei membro: la loro scheda, le richieste di aiuto ricevute e i loro membri.
providers-mine-empty = Non sei ancora membro di alcun fornitore.
providers-members-title = Membri
providers-inbox-title = Richieste di aiuto
providers-queue-title = Moderazione dell'elenco
providers-queue-intro = Le schede in attesa di una prima pubblicazione o con modifiche da rivedere, dalle più vecchie; poi le schede pubblicate che nessuno ha confermato da un anno.
providers-review-title = Rivedi una scheda
providers-admin-requests-title = Tutte le richieste di aiuto
providers-admin-requests-intro = Tutte le richieste di aiuto inviate tramite l'elenco, dalle più recenti, e se la loro e-mail è partita verso il fornitore.
providers-account-title = Schede di fornitore
providers-account-intro = Se ospiti servizi, formi o accompagni associazioni, descrivi ciò che offri nell'elenco dei fornitori.
providers-nav = Le pagine del fornitore
providers-form-intro = Descrivi ciò che offri alle associazioni. Una moderatrice o un moderatore rivede la scheda prima che compaia nell'elenco, e di nuovo dopo ogni modifica; nel frattempo l'elenco mostra l'ultima versione approvata.
providers-field = Campo
providers-field-name = Nome
providers-field-contact-email = Indirizzo e-mail di contatto
providers-contact-email-help = Le richieste di aiuto arrivano a questo indirizzo. Resta privato: i visitatori scrivono tramite un modulo e non lo vedono mai.
providers-field-original-language = Lingua della descrizione principale
providers-field-description = Descrizione nella lingua principale
providers-field-descriptions = Descrizioni
providers-descriptions-help = Scrivi la descrizione nella lingua principale (almeno 40 caratteri: cosa offri e a chi); aggiungi traduzioni se ne hai.
providers-description-in = Descrizione in { $language }
providers-description-original = (lingua principale, obbligatoria)
providers-field-help = Tipi di aiuto
providers-field-services = Servizi ospitati
providers-services-help = Obbligatorio se ospiti servizi.
providers-field-areas = Paesi e regioni serviti
providers-areas-help = Spunta paesi interi o alcune delle loro regioni.
providers-area-whole = Tutto il paese: { $country }
providers-field-areas-other = Altri paesi
providers-areas-other-help = Codici di due lettere separati da virgole, ad esempio PL, SE.
providers-field-delivery = Modalità di lavoro
providers-remote = A distanza
providers-on-site = In presenza
providers-field-languages = Lingue parlate
providers-languages-help = Codici di lingua separati da virgole, ad esempio fr, en, de.
providers-field-prices = Modelli di prezzo
providers-field-legal-form = Forma giuridica
providers-field-chatons = CHATONS
providers-chatons = Siamo membri del collettivo CHATONS degli hoster alternativi.
providers-field-website = Sito web
providers-website-help = Un indirizzo completo che inizia con https:// (facoltativo).
providers-field-commitments = Impegni della carta
providers-commitments-help = Spunta gli impegni della carta che sottoscrivi.
providers-field-status = Stato
providers-field-logo = Logo
providers-field-member = Membro
providers-create = Crea la bozza
providers-save = Salva le modifiche
providers-yes = Sì
providers-no = No
providers-status-draft = Questa scheda è una bozza: la vedono solo i suoi membri e la moderazione. Inviala in revisione quando è pronta.
providers-status-draft-published = Hai modificato la scheda pubblicata. L'elenco mostra la versione approvata finché non invii le modifiche e vengono approvate.
providers-status-pending = La scheda attende la moderazione prima della prima pubblicazione.
providers-status-changes-pending = Le tue modifiche attendono la moderazione; nel frattempo l'elenco mostra l'ultima versione approvata.
providers-status-published = La scheda è pubblicata nell'elenco.
providers-status-rejected = La moderazione ha rimandato indietro la scheda. Modificala come indica la nota, poi inviala di nuovo.
providers-moderator-note = La nota della moderazione
providers-submit = Invia in revisione
providers-due = Questa scheda non cambia da un anno: controllala e conferma che è ancora esatta.
providers-due-short = Da confermare
providers-confirmed-at = Ultima conferma il { $date }.
providers-confirm = Conferma che la scheda è ancora esatta
providers-public-page = Vedi la pagina pubblica
providers-logo-current = Il logo attuale
providers-logo-choose = Scegli un'immagine
providers-logo-help = PNG, JPEG o WebP, al massimo 1 MB. Un nuovo logo viene rivisto come ogni modifica.
providers-logo-upload = Carica il logo
providers-preview = Anteprima
providers-preview-help = La versione di lavoro, come l'elenco la mostrerà una volta approvata.
providers-history = Cronologia
providers-history-empty = Non è ancora successo nulla.
providers-date = Data
providers-who = Da
providers-action = Cosa
providers-detail = Dettaglio
providers-event-created = Creata
providers-event-edited = Modificata
providers-event-submitted = Inviata in revisione
providers-event-approved = Approvata
providers-event-rejected = Rimandata indietro
providers-event-unpublished = Tolta dall'elenco
providers-event-confirmed = Confermata come esatta
providers-event-member-added = Membro aggiunto
providers-event-member-removed = Membro rimosso
providers-event-other = Altra modifica
providers-unread = { $count ->
    [one] { $count } non letta
   *[other] { $count } non lette
}
providers-queue-link = { $count ->
    [one] Moderazione dell'elenco ({ $count } in attesa)
   *[other] Moderazione dell'elenco ({ $count } in attesa)
}
providers-inbox-unread = { $count ->
    [0] Nessuna nuova richiesta.
    [one] { $count } nuova richiesta.
   *[other] { $count } nuove richieste.
}
providers-inbox-help = Aprire questa pagina segna come lette le nuove richieste. Rispondi per e-mail, poi segna la richiesta come evasa o archiviala.
providers-inbox-empty = Ancora nessuna richiesta di aiuto.
providers-request-new = Nuova
providers-request-read = Letta
providers-request-answered = Evasa
providers-request-archived = Archiviata
providers-request-mark-answered = Evasa
providers-request-archive = Archivia
providers-member-add = Aggiungi un membro
providers-member-add-help = L'indirizzo e-mail di un account esistente. I membri modificano la scheda e leggono le richieste di aiuto.
providers-member-remove = Rimuovi
providers-member-leave = Esci
providers-members-last = Un fornitore conserva almeno un membro: aggiungi qualcun altro prima di uscire.
providers-queue-waiting = In attesa di revisione
providers-queue-empty = Niente attende la revisione.
providers-queue-first = prima pubblicazione
providers-queue-changes = modifiche a una scheda pubblicata
providers-queue-own = il tuo fornitore: lo rivede un'altra persona
providers-submitted = Inviata
providers-queue-due = Da confermare
providers-queue-due-help = Schede pubblicate né modificate né confermate da un anno. I loro membri vedono una richiesta di conferma.
providers-queue-due-empty = Ogni scheda pubblicata è stata confermata entro l'anno.
providers-last-confirmed = Ultima conferma
providers-published-version = Versione pubblicata
providers-working-version = Versione inviata
providers-nothing-published = (niente di pubblicato)
providers-changed = modificato
providers-decide = Decisione
providers-approve = Approva e pubblica
providers-reject = Rimanda indietro
providers-reject-note = Perché la scheda viene rimandata
providers-reject-help = I membri vedono questa nota. Di' cosa cambiare.
providers-unpublish = Togli dall'elenco
providers-unpublish-note = Motivo
providers-unpublish-help = La scheda esce subito dall'elenco; i suoi membri vedono il motivo e possono inviarla di nuovo.
providers-provider = Fornitore
providers-sender = Mittente
providers-message = Messaggio
providers-delivery = E-mail
providers-delivery-delivered = Consegnata
providers-delivery-waiting = Non ancora inviata
providers-delivery-failed = Non riuscita
providers-delivery-attempts = { $count ->
    [one] ({ $count } tentativo)
   *[other] ({ $count } tentativi)
}
flash-providers-created = La bozza è creata. Completala, poi inviala in revisione.
flash-providers-saved = Le modifiche sono salvate.
flash-providers-submitted = La scheda è inviata: la moderazione la rivedrà.
flash-providers-confirmed = Grazie: la scheda è confermata per un altro anno.
flash-providers-logo-saved = Il logo è salvato; sarà rivisto con la scheda.
flash-providers-approved = La scheda è approvata e pubblicata.
flash-providers-rejected = La scheda è rimandata ai suoi membri con la tua nota.
flash-providers-unpublished = La scheda è tolta dall'elenco.
flash-providers-request-updated = La richiesta è aggiornata.
flash-providers-member-added = Il membro è aggiunto.
flash-providers-member-removed = Il membro è rimosso.
flash-providers-member-left = Non sei più membro di questo fornitore.
