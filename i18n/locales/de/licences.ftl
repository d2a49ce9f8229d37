# Lizenzen: das Feld „andere Lizenz“ des Formulars und übersetzte Namen.
field-licence-other-choice = Eine andere Lizenz (unten angeben)
field-licence-other = Andere Lizenz
field-licence-other-help = Wenn sie nicht in der Liste steht: ihre Webadresse oder SPDX-Kennung, zum Beispiel https://www.gnu.org/licenses/old-licenses/gpl-2.0.html oder GPL-2.0-or-later. Wählen Sie oben „Eine andere Lizenz“.
error-licence-unknown = Das ist weder die Webadresse (http oder https) einer Lizenz noch eine SPDX-Lizenzkennung.
licence-or-later = { $name } oder später
licence-public-domain-mark = Public-Domain-Kennzeichnung { $version }
licence-public-domain = Gemeinfrei
licence-free-art = Lizenz Freie Kunst { $version }
licence-open-licence = Offene Lizenz { $version } (Etalab)
