# Licence: polje „druga licenca” u obrascu i prevedeni nazivi.
field-licence-other-choice = Druga licenca (navedite je ispod)
field-licence-other = Druga licenca
field-licence-other-help = Ako nije na popisu: njezina web adresa ili SPDX oznaka, na primjer https://www.gnu.org/licenses/old-licenses/gpl-2.0.html ili GPL-2.0-or-later. Gore odaberite „Druga licenca”.
error-licence-unknown = To nije ni web adresa (http ili https) licence ni SPDX oznaka licence.
licence-or-later = { $name } ili novija
licence-public-domain-mark = Oznaka javnog dobra { $version }
licence-public-domain = Javno dobro
licence-free-art = Licenca slobodne umjetnosti { $version }
licence-open-licence = Otvorena licenca { $version } (Etalab)
