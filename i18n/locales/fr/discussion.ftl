# Les discussions des leçons, leur modération et les notifications.
discussion-title = Discussion
discussion-link = Questions et commentaires
discussion-summary = { $threads ->
    [0] Aucune question pour l'instant
    [one] Un sujet
   *[other] { $threads } sujets
}{ $unanswered ->
    [0] {""}
    [one] , une question sans réponse
   *[other] , { $unanswered } questions sans réponse
}
course-unanswered = { $count ->
    [one] { $count } question sans réponse
   *[other] { $count } questions sans réponse
}
discussion-intro = Posez une question sur cette leçon ou laissez un commentaire, dans la langue de votre choix. La bienveillance est de mise : la modération peut masquer un message.
discussion-back = Retour à la leçon
discussion-sign-in = Connectez-vous pour poser une question ou répondre.
discussion-verify = Vérifiez votre adresse e-mail pour pouvoir écrire : suivez le lien que nous vous avons envoyé, ou demandez-en un nouveau depuis la page de votre compte.
discussion-empty = Aucune question pour l'instant sur cette leçon.
discussion-filter = Afficher
discussion-filter-newest = Les plus récents
discussion-filter-unanswered = Sans réponse
discussion-new = Poser une question ou commenter
field-post-kind = Type de message
post-kind-question = Question
post-kind-comment = Commentaire
field-post-body = Votre message
field-post-body-help = Markdown : **gras**, *italique*, listes, liens ; un lien comme @/courses/…/lesson.md renvoie vers une autre leçon. Pas de HTML.
field-reply-body = Votre réponse
discussion-submit = Publier
discussion-reply-submit = Répondre
discussion-pages = Page { $page } sur { $pages }
discussion-previous = Page précédente
discussion-next = Page suivante
post-by = { $name }, { $date }
post-former-learner = une personne qui a quitté Archipel
post-deleted-author = Supprimé par son auteur ou son autrice.
post-deleted-moderator = Retiré par la modération.
post-hidden = Masqué par la modération : { $note }
post-pending = En attente de validation par la modération : il n'est visible que par vous et les modérateurs.
post-edited = modifié
post-accepted = Réponse acceptée
post-pinned = Épinglé
post-question = Question
post-replies = { $count ->
    [one] { $count } réponse
   *[other] { $count } réponses
}
post-edit = Modifier
post-edit-submit = Enregistrer les modifications
post-delete = Supprimer
post-accept = Accepter comme réponse
post-unaccept = Annuler l'acceptation
post-pin = Épingler
post-unpin = Désépingler
post-report = Signaler
field-report-reason = Quel est le problème avec ce message ?
post-report-submit = Envoyer le signalement
post-moderate = Modérer
flash-post-created = Votre message est publié.
flash-post-pending = Votre message apparaîtra dès que la modération l'aura validé.
flash-post-edited = Votre message est mis à jour.
flash-post-deleted = Votre message est supprimé.
flash-post-reported = Merci : la modération va l'examiner.
flash-post-moderated = C'est fait.
error-post-empty = Écrivez d'abord quelque chose.
error-post-too-long = Un message ne peut pas dépasser 10 000 caractères.
error-post-rate-limited = Vous avez écrit plusieurs messages ces dernières minutes. Patientez un peu avant d'en publier un autre.
error-post-parent-invalid = Ce sujet n'accepte plus de réponses.
error-post-edit-closed = Un message ne peut être modifié que dans les 30 minutes qui suivent son écriture.
error-post-link-unknown = Un lien @/ ne renvoie vers aucune leçon des cours.
error-post-state-changed = Le message a changé entre-temps : relisez-le avant d'agir.
error-note-required = Écrivez une note : l'auteur ou l'autrice du message la lira.
error-note-too-long = 1 000 caractères au plus.
moderation-title = Modération des discussions
moderation-intro = Les messages en attente de validation et les messages signalés, des plus anciens aux plus récents.
moderation-empty = Rien n'est en attente.
moderation-reports = Signalements
moderation-in = Dans { $lesson }
field-moderation-note = Note pour l'auteur ou l'autrice
moderation-approve = Valider
moderation-hide = Masquer
moderation-restore = Rétablir
moderation-remove = Retirer
moderation-dismiss = Classer les signalements
moderation-history = Dernières actions
moderation-history-empty = Aucune action pour l'instant.
moderation-action-approve = a validé
moderation-action-hide = a masqué
moderation-action-restore = a rétabli
moderation-action-remove = a retiré
moderation-action-dismiss = a classé les signalements visant
moderation-action-accept = a accepté comme réponse
moderation-action-unaccept = a annulé l'acceptation visant
moderation-action-pin = a épinglé
moderation-action-unpin = a désépinglé
moderation-history-row = { $moderator } { $action } le message n° { $post }
moderation-settings = Réglages du cours
moderation-premoderation = Dans { $course }, les premiers messages des nouveaux comptes attendent une validation
moderation-settings-save = Enregistrer
flash-moderation-saved = Les réglages sont enregistrés.
unanswered-title = Questions sans réponse
unanswered-intro = Les questions posées dans les cours que vous modérez et auxquelles personne n'a encore répondu, des plus anciennes aux plus récentes.
unanswered-empty = Toutes les questions ont une réponse.
nav-notifications = Notifications
notifications-unread-count = { $count ->
    [one] { $count } non lue
   *[other] { $count } non lues
}
notifications-title = Notifications
notifications-empty = Rien de nouveau pour vous.
notifications-mark-all = Tout marquer comme lu
notifications-mark-read = Marquer comme lue
notifications-new = Nouvelle
notifications-settings-title = Réglages des notifications
notifications-settings-intro = Pour chaque type de notification, choisissez si elle s'affiche sur le site et comment elle vous parvient par e-mail.
notifications-settings-kind = Type
notifications-settings-in-app = Sur le site
notifications-settings-email = Par e-mail
notifications-email-off = Jamais
notifications-email-instant = Tout de suite
notifications-email-digest = Dans un récapitulatif quotidien
notifications-settings-save = Enregistrer mes choix
flash-notifications-saved = Vos choix sont enregistrés.
notify-reply = { $actor } a répondu à votre message sur « { $subject } »
notify-accepted = Votre réponse sur « { $subject } » a été acceptée
notify-post-hidden = La modération a masqué votre message sur « { $subject } »
notify-new-question = { $actor } a posé une question sur « { $subject } »
notify-resource-reviewed = La ressource « { $subject } » est publiée
notify-changes-requested = Des modifications sont demandées pour « { $subject } »
notify-translation-requested = { $actor } a demandé « { $subject } » dans une langue que vous parlez
notify-kind-reply = Réponses à mes messages
notify-kind-accepted = Mes réponses acceptées
notify-kind-post-hidden = Mes messages masqués par la modération
notify-kind-new-question = Nouvelles questions sur les cours que j'ai écrits
notify-kind-resource-reviewed = Ressources de mon organisation publiées
notify-kind-changes-requested = Modifications demandées sur les ressources de mon organisation
notify-kind-translation-requested = Traductions demandées dans mes langues
unsubscribe-title = Ne plus recevoir ces e-mails
unsubscribe-confirm = Ne plus recevoir les e-mails de ce type : { $kind }.
unsubscribe-confirm-digest = Ne plus recevoir le récapitulatif quotidien.
unsubscribe-submit = Ne plus recevoir ces e-mails
unsubscribe-done = C'est fait : ces e-mails ne vous seront plus envoyés. Vous pourrez les réactiver dans vos réglages de notification.
unsubscribe-invalid = Ce lien de désinscription n'est pas valide.
notify-group-discussions = Discussions
notify-group-contributors = Contributions à la bibliothèque
flash-notifications-read = Marqué comme lu.
discussion-reply-open = Répondre à ce fil
moderation-authors = Auteurs et autrices de { $course }
field-author-email = Adresse e-mail d'un compte
moderation-author-add = Ajouter comme auteur ou autrice
moderation-author-remove = Retirer
flash-authors-saved = Les auteurs du cours sont enregistrés.
error-account-unknown = Aucun compte n'utilise cette adresse.
moderation-author-from-content = (désigné dans les fichiers du cours)
