# Le discussioni delle lezioni, la loro moderazione e le notifiche.
discussion-title = Discussione
discussion-link = Domande e commenti
discussion-summary = { $threads ->
    [0] Ancora nessuna domanda
    [one] Una discussione
   *[other] { $threads } discussioni
}{ $unanswered ->
    [0] {""}
    [one] , una domanda senza risposta
   *[other] , { $unanswered } domande senza risposta
}
course-unanswered = { $count ->
    [one] Una domanda senza risposta
   *[other] { $count } domande senza risposta
}
discussion-intro = Fai una domanda su questa lezione o lascia un commento, nella lingua che preferisci. Sii gentile: i moderatori possono nascondere un messaggio.
discussion-back = Torna alla lezione
discussion-sign-in = Accedi per fare una domanda o rispondere.
discussion-verify = Verifica il tuo indirizzo e-mail per poter scrivere: segui il link che ti abbiamo inviato, o chiedine uno nuovo dalla pagina del tuo account.
discussion-empty = Ancora nessuna domanda su questa lezione.
discussion-filter = Mostra
discussion-filter-newest = Più recenti
discussion-filter-unanswered = Senza risposta
discussion-new = Fai una domanda o commenta
field-post-kind = Tipo di messaggio
post-kind-question = Domanda
post-kind-comment = Commento
field-post-body = Il tuo messaggio
field-post-body-help = Markdown: **grassetto**, *corsivo*, elenchi, link; un link come @/courses/…/lesson.md rimanda a un'altra lezione. Niente HTML.
field-reply-body = La tua risposta
discussion-submit = Pubblica
discussion-reply-submit = Rispondi
discussion-pages = Pagina { $page } di { $pages }
discussion-previous = Pagina precedente
discussion-next = Pagina successiva
post-by = { $name }, { $date }
post-former-learner = un ex studente
post-deleted-author = Eliminato da chi l'ha scritto.
post-deleted-moderator = Rimosso da un moderatore.
post-hidden = Nascosto da un moderatore: { $note }
post-pending = In attesa dell'approvazione di un moderatore: è visibile solo a te e ai moderatori.
post-edited = modificato
post-accepted = Risposta accettata
post-pinned = In evidenza
post-question = Domanda
post-replies = { $count ->
    [one] Una risposta
   *[other] { $count } risposte
}
post-edit = Modifica
post-edit-submit = Salva le modifiche
post-delete = Elimina
post-accept = Accetta come risposta
post-unaccept = Annulla l'accettazione
post-pin = Metti in evidenza
post-unpin = Togli dall'evidenza
post-report = Segnala
field-report-reason = Che problema ha questo messaggio?
post-report-submit = Invia la segnalazione
post-moderate = Modera
flash-post-created = Il tuo messaggio è pubblicato.
flash-post-pending = Il tuo messaggio comparirà non appena un moderatore lo avrà approvato.
flash-post-edited = Il tuo messaggio è aggiornato.
flash-post-deleted = Il tuo messaggio è eliminato.
flash-post-reported = Grazie: i moderatori lo esamineranno.
flash-post-moderated = Fatto.
error-post-empty = Scrivi prima qualcosa.
error-post-too-long = Un messaggio può contenere al massimo 10.000 caratteri.
error-post-rate-limited = Hai scritto diversi messaggi negli ultimi minuti. Aspetta un po' prima di scriverne un altro.
error-post-parent-invalid = Questa discussione non accetta più risposte.
error-post-edit-closed = Un messaggio si può modificare solo entro 30 minuti da quando è stato scritto.
error-post-link-unknown = Un link @/ non rimanda a nessuna lezione dei corsi.
error-post-state-changed = Nel frattempo il messaggio è cambiato: ricontrollalo.
error-note-required = Scrivi una nota: chi ha scritto il messaggio la leggerà.
error-note-too-long = Al massimo 1.000 caratteri.
moderation-title = Moderazione delle discussioni
moderation-intro = I messaggi in attesa di approvazione e quelli segnalati, dal più vecchio al più recente.
moderation-empty = Niente in attesa.
moderation-reports = Segnalazioni
moderation-in = In { $lesson }
field-moderation-note = Nota per chi ha scritto il messaggio
moderation-approve = Approva
moderation-hide = Nascondi
moderation-restore = Ripristina
moderation-remove = Rimuovi
moderation-dismiss = Archivia le segnalazioni
moderation-history = Ultime azioni
moderation-history-empty = Ancora nessuna azione.
moderation-action-approve = ha approvato
moderation-action-hide = ha nascosto
moderation-action-restore = ha ripristinato
moderation-action-remove = ha rimosso
moderation-action-dismiss = ha archiviato le segnalazioni riguardanti
moderation-action-accept = ha accettato come risposta
moderation-action-unaccept = ha tolto dalle risposte accettate
moderation-action-pin = ha messo in evidenza
moderation-action-unpin = ha tolto dall'evidenza
moderation-history-row = { $moderator } { $action } il messaggio #{ $post }
moderation-settings = Impostazioni del corso
moderation-premoderation = In { $course }, i primi messaggi dei nuovi account attendono l'approvazione
moderation-settings-save = Salva
flash-moderation-saved = Le impostazioni sono salvate.
unanswered-title = Domande senza risposta
unanswered-intro = Le domande sui corsi che moderi a cui nessuno ha ancora risposto, dalla più vecchia alla più recente.
unanswered-empty = Ogni domanda ha una risposta.
nav-notifications = Notifiche
notifications-unread-count = { $count ->
    [one] { $count } non letta
   *[other] { $count } non lette
}
notifications-title = Notifiche
notifications-empty = Niente di nuovo per te.
notifications-mark-all = Segna tutte come lette
notifications-mark-read = Segna come letta
notifications-new = Nuova
notifications-settings-title = Impostazioni delle notifiche
notifications-settings-intro = Per ogni tipo di notifica, scegli se mostrarla sul sito e come fartela arrivare per e-mail.
notifications-settings-kind = Tipo
notifications-settings-in-app = Sul sito
notifications-settings-email = Per e-mail
notifications-email-off = Mai
notifications-email-instant = Subito
notifications-email-digest = In un riepilogo giornaliero
notifications-settings-save = Salva le mie scelte
flash-notifications-saved = Le tue scelte sono salvate.
notify-reply = { $actor } ha risposto al tuo messaggio su «{ $subject }»
notify-accepted = La tua risposta su «{ $subject }» è stata accettata
notify-post-hidden = Un moderatore ha nascosto il tuo messaggio su «{ $subject }»
notify-new-question = { $actor } ha fatto una domanda su «{ $subject }»
notify-resource-reviewed = La risorsa «{ $subject }» è pubblicata
notify-changes-requested = Sono richieste modifiche a «{ $subject }»
notify-translation-requested = { $actor } ha chiesto «{ $subject }» in una lingua che parli
notify-kind-reply = Risposte ai miei messaggi
notify-kind-accepted = Le mie risposte accettate
notify-kind-post-hidden = I miei messaggi nascosti da un moderatore
notify-kind-new-question = Nuove domande sui corsi che ho scritto
notify-kind-resource-reviewed = Risorse della mia organizzazione pubblicate
notify-kind-changes-requested = Modifiche richieste alle risorse della mia organizzazione
notify-kind-translation-requested = Traduzioni richieste nelle mie lingue
unsubscribe-title = Non ricevere più queste e-mail
unsubscribe-confirm = Non ricevere più le e-mail di questo tipo: { $kind }.
unsubscribe-confirm-digest = Non ricevere più il riepilogo giornaliero.
unsubscribe-submit = Non ricevere più queste e-mail
unsubscribe-done = Fatto: queste e-mail non ti verranno più inviate. Puoi riattivarle dalle impostazioni delle notifiche.
unsubscribe-invalid = Questo link di disiscrizione non è valido.
notify-group-discussions = Discussioni
notify-group-contributors = Contributi alla biblioteca
flash-notifications-read = Segnato come letto.
discussion-reply-open = Rispondi a questo
moderation-authors = Autori di { $course }
field-author-email = Indirizzo e-mail di un account
moderation-author-add = Aggiungi come autore
moderation-author-remove = Rimuovi
flash-authors-saved = Gli autori del corso sono salvati.
error-account-unknown = Nessun account usa questo indirizzo.
moderation-author-from-content = (indicato nei file del corso)
