# L'espace des prestataires dans l'annuaire : éditeur de fiche, membres,
# demandes d'aide reçues ; modération ; la liste des demandes pour les administrateurs.

providers-new-title = Ajouter un prestataire
providers-edit-title = Modifier la fiche
providers-mine-title = Mes fiches de prestataire
providers-mine-intro = Les prestataires dont vous êtes membre : leur fiche, les demandes d'aide reçues et leurs membres.
providers-mine-empty = Vous n'êtes encore membre d'aucun prestataire.
providers-members-title = Membres
providers-inbox-title = Demandes d'aide
providers-queue-title = Modération de l'annuaire
providers-queue-intro = Les fiches qui attendent une première publication ou dont des modifications sont à relire, des plus anciennes aux plus récentes ; puis les fiches publiées que personne n'a confirmées depuis un an.
providers-review-title = Relire une fiche
providers-admin-requests-title = Toutes les demandes d'aide
providers-admin-requests-intro = Toutes les demandes d'aide envoyées par l'annuaire, des plus récentes aux plus anciennes, et si leur courriel est parti chez le prestataire.
providers-account-title = Fiches de prestataire
providers-account-intro = Si vous hébergez, formez ou accompagnez des associations, décrivez ce que vous proposez dans l'annuaire des prestataires.
providers-nav = Les pages du prestataire
providers-form-intro = Décrivez ce que vous proposez aux associations. Une modératrice ou un modérateur relit la fiche avant qu'elle paraisse dans l'annuaire, puis après chaque modification ; en attendant, l'annuaire garde la dernière version approuvée.
providers-field = Champ
providers-field-name = Nom
providers-field-contact-email = Adresse électronique de contact
providers-contact-email-help = Les demandes d'aide sont envoyées à cette adresse. Elle reste privée : les visiteurs écrivent par un formulaire et ne la voient jamais.
providers-field-original-language = Langue de la description principale
providers-field-description = Description dans la langue principale
providers-field-descriptions = Descriptions
providers-descriptions-help = Rédigez la description dans la langue principale (au moins 40 caractères : ce que vous proposez et à qui) ; ajoutez des traductions si vous en avez.
providers-description-in = Description en { $language }
providers-description-original = (langue principale, obligatoire)
providers-field-help = Types d'aide
providers-field-services = Services hébergés
providers-services-help = Obligatoire si vous hébergez des services.
providers-field-areas = Pays et régions desservis
providers-areas-help = Cochez des pays entiers ou certaines de leurs régions.
providers-area-whole = Tout le pays : { $country }
providers-field-areas-other = Autres pays
providers-areas-other-help = Codes à deux lettres séparés par des virgules, par exemple PL, SE.
providers-field-delivery = Façon de travailler
providers-remote = À distance
providers-on-site = Sur place
providers-field-languages = Langues parlées
providers-languages-help = Codes de langue séparés par des virgules, par exemple fr, en, de.
providers-field-prices = Modèles de prix
providers-field-legal-form = Forme juridique
providers-field-chatons = CHATONS
providers-chatons = Nous sommes membres du collectif CHATONS des hébergeurs alternatifs.
providers-field-website = Site web
providers-website-help = Une adresse complète commençant par https:// (facultatif).
providers-field-commitments = Engagements de la charte
providers-commitments-help = Cochez les engagements de la charte auxquels vous souscrivez.
providers-field-status = État
providers-field-logo = Logo
providers-field-member = Membre
providers-create = Créer le brouillon
providers-save = Enregistrer les modifications
providers-yes = Oui
providers-no = Non
providers-status-draft = Cette fiche est un brouillon : seuls ses membres et les modérateurs la voient. Soumettez-la à la relecture quand elle est prête.
providers-status-draft-published = Vous avez modifié la fiche publiée. L'annuaire garde la version approuvée jusqu'à ce que vous soumettiez les modifications et qu'elles soient approuvées.
providers-status-pending = La fiche attend une modératrice ou un modérateur avant sa première publication.
providers-status-changes-pending = Vos modifications attendent la relecture ; l'annuaire montre en attendant la dernière version approuvée.
providers-status-published = La fiche est publiée dans l'annuaire.
providers-status-rejected = La modération a renvoyé la fiche. Modifiez-la comme l'indique la note, puis soumettez-la à nouveau.
providers-moderator-note = La note de la modération
providers-submit = Soumettre à la relecture
providers-due = Cette fiche n'a pas changé depuis un an : vérifiez-la et confirmez qu'elle est toujours exacte.
providers-due-short = À confirmer
providers-confirmed-at = Dernière confirmation le { $date }.
providers-confirm = Confirmer que la fiche est toujours exacte
providers-public-page = Voir la page publique
providers-logo-current = Le logo actuel
providers-logo-choose = Choisir une image
providers-logo-help = PNG, JPEG ou WebP, 1 Mo au plus. Un nouveau logo est relu comme toute modification.
providers-logo-upload = Envoyer le logo
providers-preview = Aperçu
providers-preview-help = La version de travail, telle que l'annuaire la montrera une fois approuvée.
providers-history = Historique
providers-history-empty = Rien ne s'est encore passé.
providers-date = Date
providers-who = Par
providers-action = Quoi
providers-detail = Détail
providers-event-created = Création
providers-event-edited = Modification
providers-event-submitted = Soumission à la relecture
providers-event-approved = Approbation
providers-event-rejected = Renvoi aux membres
providers-event-unpublished = Retrait de l'annuaire
providers-event-confirmed = Confirmation de l'exactitude
providers-event-member-added = Ajout d'un membre
providers-event-member-removed = Retrait d'un membre
providers-event-other = Autre changement
providers-unread = { $count ->
    [one] { $count } non lue
   *[other] { $count } non lues
}
providers-queue-link = { $count ->
    [one] Modération de l'annuaire ({ $count } en attente)
   *[other] Modération de l'annuaire ({ $count } en attente)
}
providers-inbox-unread = { $count ->
    [0] Aucune nouvelle demande.
    [one] { $count } nouvelle demande.
   *[other] { $count } nouvelles demandes.
}
providers-inbox-help = Ouvrir cette page marque les nouvelles demandes comme lues. Répondez par courriel, puis marquez la demande comme traitée ou archivez-la.
providers-inbox-empty = Aucune demande d'aide pour l'instant.
providers-request-new = Nouvelle
providers-request-read = Lue
providers-request-answered = Traitée
providers-request-archived = Archivée
providers-request-mark-answered = Traitée
providers-request-archive = Archiver
providers-member-add = Ajouter un membre
providers-member-add-help = L'adresse électronique d'un compte existant. Les membres modifient la fiche et lisent les demandes d'aide.
providers-member-remove = Retirer
providers-member-leave = Quitter
providers-members-last = Un prestataire garde au moins un membre : ajoutez quelqu'un d'autre avant de partir.
providers-queue-waiting = En attente de relecture
providers-queue-empty = Rien n'attend de relecture.
providers-queue-first = première publication
providers-queue-changes = modifications d'une fiche publiée
providers-queue-own = votre prestataire : une autre personne le relit
providers-submitted = Soumise le
providers-queue-due = À confirmer
providers-queue-due-help = Les fiches publiées ni modifiées ni confirmées depuis un an. Leurs membres voient une demande de confirmation.
providers-queue-due-empty = Toutes les fiches publiées ont été confirmées dans l'année.
providers-last-confirmed = Dernière confirmation
providers-published-version = Version publiée
providers-working-version = Version soumise
providers-nothing-published = (rien de publié)
providers-changed = modifié
providers-decide = Décision
providers-approve = Approuver et publier
providers-reject = Renvoyer aux membres
providers-reject-note = Pourquoi la fiche est renvoyée
providers-reject-help = Les membres voient cette note. Dites ce qu'il faut changer.
providers-unpublish = Retirer de l'annuaire
providers-unpublish-note = Motif
providers-unpublish-help = La fiche quitte l'annuaire aussitôt ; ses membres voient le motif et peuvent la soumettre à nouveau.
providers-provider = Prestataire
providers-sender = Expéditeur
providers-message = Message
providers-delivery = Courriel
providers-delivery-delivered = Envoyé
providers-delivery-waiting = Pas encore envoyé
providers-delivery-failed = Échec
providers-delivery-attempts = { $count ->
    [one] ({ $count } tentative)
   *[other] ({ $count } tentatives)
}
flash-providers-created = Le brouillon est créé. Complétez-le, puis soumettez-le à la relecture.
flash-providers-saved = Les modifications sont enregistrées.
flash-providers-submitted = La fiche est soumise : la modération va la relire.
flash-providers-confirmed = Merci : la fiche est confirmée pour une année de plus.
flash-providers-logo-saved = Le logo est enregistré ; il sera relu avec la fiche.
flash-providers-approved = La fiche est approuvée et publiée.
flash-providers-rejected = La fiche est renvoyée à ses membres avec votre note.
flash-providers-unpublished = La fiche est retirée de l'annuaire.
flash-providers-request-updated = La demande est mise à jour.
flash-providers-member-added = Le membre est ajouté.
flash-providers-member-removed = Le membre est retiré.
flash-providers-member-left = Vous n'êtes plus membre de ce prestataire.
