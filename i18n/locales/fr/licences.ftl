# Licences : le champ « autre licence » du formulaire et les noms localisés.
field-licence-other-choice = Une autre licence (à indiquer ci-dessous)
field-licence-other = Autre licence
field-licence-other-help = Si elle n'est pas dans la liste : son adresse web ou son identifiant SPDX, par exemple https://www.gnu.org/licenses/old-licenses/gpl-2.0.html ou GPL-2.0-or-later. Choisissez « Une autre licence » ci-dessus.
error-licence-unknown = Ce n'est ni l'adresse web (http ou https) d'une licence, ni un identifiant de licence SPDX.
licence-or-later = { $name } ou version ultérieure
licence-public-domain-mark = Marque du domaine public { $version }
licence-public-domain = Domaine public
licence-free-art = Licence Art Libre { $version }
licence-open-licence = Licence Ouverte { $version } (Etalab)
