# Interface d'Archipel, en français.

site-name = Archipel
site-tagline = Apprendre et partager des ressources entre collectifs solidaires
skip-to-content = Aller au contenu
nav-label = Navigation principale
nav-courses = Cours
nav-library = Bibliothèque
nav-directory = Annuaire
nav-search = Recherche
nav-data = Données ouvertes
nav-partners = Partenaires
nav-login = Connexion
nav-register = Créer un compte
nav-account = Mon compte
nav-admin-users = Comptes
nav-logout = Se déconnecter
language-switcher-label = Langue
footer-licence = Sauf mention contraire, les textes des cours et les ressources partagées sont publiés sous licence CC BY-SA 4.0.
footer-about = À propos d'Archipel
footer-source = Code source
footer-api = API

home-title = Apprendre, partager, passer à un numérique éthique
home-intro = Archipel accueille le MOOC CHATONS, la formation Emancip'Asso et une bibliothèque multilingue que des associations partenaires de toute l'Europe construisent ensemble.
home-courses-title = Cours
home-courses-text = Des cours libres et gratuits, à suivre à votre rythme, pour reprendre le contrôle d'Internet, faire vivre un chaton et aider les associations à quitter les grandes plateformes.
home-library-title = Bibliothèque partagée
home-library-text = Guides, kits d'atelier, vidéos et articles proposés, traduits et relus par les organisations partenaires.
home-data-title = Données ouvertes
home-data-text = Chaque cours, chaque ressource et chaque partenaire a une adresse stable que d'autres systèmes peuvent lire et moissonner.

about-title = À propos d'Archipel
about-what = Archipel est une plateforme d'apprentissage et un commun de ressources pour les petits collectifs solidaires. C'est un logiciel libre, léger à héberger sur un petit serveur, pensé pour des personnes qui apprennent avec un téléphone lent, sans JavaScript ou avec un lecteur d'écran.
about-who = Trois publics partagent une instance : les personnes qui suivent les cours, sans avoir besoin de compte ; les organisations partenaires, qui proposent et traduisent des ressources ; et les autres systèmes, qui lisent la bibliothèque sous forme de données liées.
about-licence = Les textes des cours sont des œuvres originales publiées sous licence Creative Commons Attribution - Partage dans les mêmes conditions 4.0.
about-privacy = Archipel ne dépose aucun cookie de pistage. Un cookie de session n'est utilisé que lorsque vous vous connectez, et un cookie de sécurité protège les formulaires.

courses-title = Cours
courses-intro = Les cours du MOOC CHATONS et de la formation Emancip'Asso, à suivre à votre rythme.
courses-empty = Aucun cours n'est encore publié sur cette instance.
library-title = Bibliothèque
library-intro = Les ressources proposées et traduites par les organisations partenaires du réseau.
library-empty = La bibliothèque ne contient encore aucune ressource publiée.
search-title = Recherche
search-intro = Cherchez parmi les cours, les leçons, les ressources et les prestataires, dans toutes les langues de la bibliothèque.
search-label = Termes recherchés
search-submit = Rechercher
search-count = { $count ->
    [0] Aucun résultat.
    [one] Un résultat.
   *[other] { $count } résultats.
}
search-kind-partner = Organisation partenaire
directory-title = Annuaire
directory-intro = Les hébergeurs et les formateurs qui aident les associations à passer à des outils numériques éthiques.
directory-empty = Aucun prestataire n'est encore référencé.
data-title = Données ouvertes
data-intro = Archipel publie ce qu'il contient pour d'autres systèmes. Ces points d'accès répondent dès maintenant :
data-health = L'état du service, en JSON.
data-api = L'API JSON, décrite par un document OpenAPI.
data-partners = Les organisations partenaires, en JSON.

partners-title = Organisations partenaires
partners-intro = Les associations qui alimentent la bibliothèque de cette instance.
partners-empty = Aucune organisation partenaire pour l'instant.
partner-country = Pays
partner-languages = Langues de travail
partner-website = Site web
partner-logo-alt = Logo de { $name }
partner-members = Membres
partner-members-empty = Aucun membre pour l'instant.
partner-add-member = Ajouter un membre
partner-remove-member = Retirer
partner-edit = Modifier l'organisation
partner-delete = Supprimer l'organisation
partner-delete-warning = Supprimer une organisation supprime ses adhésions. Les membres qui n'appartiennent à aucune autre organisation redeviennent apprenants.
partner-logo = Logo
partner-logo-help = PNG, JPEG ou WebP, 1 Mo et 2000 × 2000 pixels au plus.
partner-logo-upload = Envoyer le logo
partner-create = Ajouter une organisation
partner-save = Enregistrer
org-role = Rôle dans l'organisation
org-role-member = Membre
org-role-admin = Administrateur ou administratrice de l'organisation

field-email = Adresse e-mail
field-password = Mot de passe
field-password-help = Au moins 10 caractères. Une phrase facile à retenir fait très bien l'affaire.
field-display-name = Nom affiché
field-current-password = Mot de passe actuel
field-new-password = Nouveau mot de passe
field-preferred-languages = Langues préférées
field-preferred-languages-help = Codes de langue séparés par des virgules, par ordre de préférence, par exemple : fr, en
field-name = Nom
field-country = Code pays
field-country-help = Deux lettres (ISO 3166), par exemple FR, IT, DE, BE, HR
field-languages = Langues
field-languages-help = Codes de langue séparés par des virgules, par exemple : fr, nl
field-website = Site web
field-role = Rôle

login-title = Connexion
login-submit = Se connecter
login-no-account = Pas encore de compte ?
login-failed = L'adresse e-mail ou le mot de passe est incorrect.
login-throttled = Trop de tentatives. Patientez une minute avant de réessayer.
register-title = Créer un compte
register-intro = Un compte garde la trace de votre progression dans les cours. Vous pouvez suivre tous les cours sans compte.
register-submit = Créer mon compte
register-have-account = Déjà inscrit ou inscrite ?

account-title = Mon compte
account-role = Rôle : { $role }
account-profile = Profil
account-profile-save = Enregistrer mon profil
account-password = Changer mon mot de passe
account-password-save = Changer mon mot de passe
account-delete = Supprimer mon compte
account-delete-warning = Cette action supprime en une fois votre compte, votre progression et vos adhésions. Elle est définitive.
account-delete-submit = Supprimer définitivement mon compte
account-organisations = Mes organisations

role-learner = Apprenant ou apprenante
role-contributor = Contributeur ou contributrice
role-moderator = Modérateur ou modératrice
role-admin = Administrateur ou administratrice

admin-users-title = Comptes
admin-users-set-role = Changer le rôle
admin-users-joined = Inscription

flash-registered = Bienvenue ! Votre compte est prêt.
flash-logged-in = Vous êtes connecté·e.
flash-logged-out = Vous êtes déconnecté·e.
flash-profile-saved = Votre profil est enregistré.
flash-password-changed = Votre mot de passe a été changé. Vos autres sessions ont été fermées.
flash-account-deleted = Votre compte et vos données ont été supprimés.
flash-partner-saved = L'organisation est enregistrée.
flash-partner-deleted = L'organisation a été supprimée.
flash-member-added = Le membre a été ajouté.
flash-member-removed = Le membre a été retiré.
flash-logo-saved = Le logo est enregistré.
flash-role-changed = Le rôle a été changé.

form-errors-title = Le formulaire contient des erreurs
error-required = Ce champ est obligatoire.
error-too-long = Ce texte est trop long.
error-invalid-characters = Ce texte contient des caractères non autorisés.
error-email-invalid = Cette adresse e-mail n'est pas valide.
error-email-taken = Un compte utilise déjà cette adresse e-mail.
error-password-too-short = Le mot de passe doit compter au moins 10 caractères.
error-password-wrong = Le mot de passe est incorrect.
error-last-admin = Le dernier administrateur ne peut pas faire cela : nommez d'abord un autre administrateur.
error-language-invalid = Utilisez des codes de langue comme fr, en ou de-AT, séparés par des virgules.
error-country-invalid = Utilisez un code pays de deux lettres, comme FR.
error-url-invalid = Indiquez une adresse web complète commençant par https://
error-name-taken = Ce nom est déjà pris.
error-no-such-account = Aucun compte n'utilise cette adresse e-mail.
error-file-too-large = Le fichier est trop volumineux.
error-image-invalid = Le fichier n'est pas une image PNG, JPEG ou WebP.
error-image-too-big = L'image compte trop de pixels.
error-role-invalid = Rôle inconnu.

password-hint-count = { $count } caractères sur 10
password-hint-ok = Longueur suffisante

not-found-title = Page introuvable
not-found-text = Il n'y a rien à cette adresse. La page a peut-être été déplacée, ou le lien est erroné.
forbidden-title = Accès refusé
forbidden-text = Votre compte ne permet pas de faire cela.
error-title = Une erreur s'est produite
error-text = Le serveur n'a pas pu traiter cette demande. L'erreur a été enregistrée ; réessayez plus tard.
bad-request-title = Cette demande ne peut pas être traitée
bad-request-text = Le formulaire a peut-être expiré. Revenez en arrière, rechargez la page et réessayez.
back-home = Retour à l'accueil
