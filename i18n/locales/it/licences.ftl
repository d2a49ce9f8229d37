# Licenze: il campo «altra licenza» del modulo e i nomi tradotti.
field-licence-other-choice = Un'altra licenza (da indicare qui sotto)
field-licence-other = Altra licenza
field-licence-other-help = Se non è nell'elenco: il suo indirizzo web o il suo identificativo SPDX, per esempio https://www.gnu.org/licenses/old-licenses/gpl-2.0.html o GPL-2.0-or-later. Scegli «Un'altra licenza» qui sopra.
error-licence-unknown = Non è né l'indirizzo web (http o https) di una licenza né un identificativo di licenza SPDX.
licence-or-later = { $name } o successiva
licence-public-domain-mark = Marchio di pubblico dominio { $version }
licence-public-domain = Pubblico dominio
licence-free-art = Licenza Arte Libera { $version }
licence-open-licence = Licenza Aperta { $version } (Etalab)
