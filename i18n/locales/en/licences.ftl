# Licences: the form's "other licence" field and localised names.
field-licence-other-choice = Another licence (give it below)
field-licence-other = Other licence
field-licence-other-help = If it is not in the list: its web address or SPDX id, for example https://www.gnu.org/licenses/old-licenses/gpl-2.0.html or GPL-2.0-or-later. Choose "Another licence" above.
error-licence-unknown = This is neither the web address (http or https) of a licence nor an SPDX licence id.
licence-or-later = { $name } or later
licence-public-domain-mark = Public Domain Mark { $version }
licence-public-domain = Public domain
licence-free-art = Free Art License { $version }
licence-open-licence = Open Licence { $version } (Etalab)
