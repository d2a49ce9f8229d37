//! The known licences: a fixed table, and Creative Commons licences by
//! pattern (elements, version, optional jurisdiction).

use std::collections::HashMap;
use std::sync::LazyLock;

use super::uri_key;

/// A known licence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Licence {
    /// Its SPDX id, when SPDX lists it (ported Creative Commons licences
    /// and a few national ones have none).
    pub spdx: Option<String>,
    /// The URI it is stored as.
    pub uri: String,
    /// Its short name, the same in every language (`CC BY-SA 3.0`,
    /// `GNU GPL 2.0 or later`): for search facets, feeds and the API.
    pub label: String,
    /// A name in the reader's language, when it has one: a Fluent message
    /// and its arguments (`licence-or-later` with `name = GNU GPL 2.0`).
    pub local: Option<(&'static str, Vec<(&'static str, String)>)>,
}

/// One row of the fixed table.
struct Row {
    spdx: Option<&'static str>,
    uri: &'static str,
    label: &'static str,
    /// A Fluent message and the `version` it takes, if any.
    local: Option<(&'static str, Option<&'static str>)>,
    /// Other URIs naming it (spellings are normalised by `uri_key`).
    aliases: &'static [&'static str],
}

impl Row {
    fn licence(&self) -> Licence {
        Licence {
            spdx: self.spdx.map(str::to_string),
            uri: self.uri.to_string(),
            label: self.label.to_string(),
            local: self.local.map(|(key, version)| {
                let args = version.map(|v| ("version", v.to_string()));
                (key, args.into_iter().collect())
            }),
        }
    }
}

const fn row(
    spdx: &'static str,
    uri: &'static str,
    label: &'static str,
    aliases: &'static [&'static str],
) -> Row {
    Row {
        spdx: Some(spdx),
        uri,
        label,
        local: None,
        aliases,
    }
}

/// The GNU licences: `(SPDX stem, file, in old-licenses, label)`.
const GNU: &[(&str, &str, bool, &str)] = &[
    ("GPL-2.0", "gpl-2.0", true, "GNU GPL 2.0"),
    ("GPL-3.0", "gpl-3.0", false, "GNU GPL 3.0"),
    ("LGPL-2.1", "lgpl-2.1", true, "GNU LGPL 2.1"),
    ("LGPL-3.0", "lgpl-3.0", false, "GNU LGPL 3.0"),
    ("AGPL-3.0", "agpl-3.0", false, "GNU AGPL 3.0"),
    ("GFDL-1.1", "fdl-1.1", true, "GNU FDL 1.1"),
    ("GFDL-1.2", "fdl-1.2", true, "GNU FDL 1.2"),
    ("GFDL-1.3", "fdl-1.3", false, "GNU FDL 1.3"),
];

const FIXED: &[Row] = &[
    Row {
        spdx: Some("CC0-1.0"),
        uri: "https://creativecommons.org/publicdomain/zero/1.0/",
        label: "CC0 1.0",
        local: None,
        aliases: &["https://creativecommons.org/publicdomain/zero/1.0/legalcode"],
    },
    Row {
        spdx: Some("CC-PDM-1.0"),
        uri: "https://creativecommons.org/publicdomain/mark/1.0/",
        label: "Public Domain Mark 1.0",
        local: Some(("licence-public-domain-mark", Some("1.0"))),
        aliases: &[],
    },
    Row {
        spdx: Some("CC-PDDC"),
        uri: "https://creativecommons.org/licenses/publicdomain/",
        label: "Public Domain",
        local: Some(("licence-public-domain", None)),
        aliases: &[],
    },
    row(
        "MIT",
        "https://opensource.org/licenses/MIT",
        "MIT",
        &[
            "https://opensource.org/license/mit",
            "https://spdx.org/licenses/MIT",
        ],
    ),
    row(
        "Apache-2.0",
        "https://www.apache.org/licenses/LICENSE-2.0",
        "Apache 2.0",
        &[
            "https://opensource.org/licenses/Apache-2.0",
            "https://opensource.org/license/apache-2-0",
            "https://spdx.org/licenses/Apache-2.0",
        ],
    ),
    row(
        "BSD-2-Clause",
        "https://opensource.org/licenses/BSD-2-Clause",
        "BSD 2-Clause",
        &[
            "https://opensource.org/license/bsd-2-clause",
            "https://spdx.org/licenses/BSD-2-Clause",
        ],
    ),
    row(
        "BSD-3-Clause",
        "https://opensource.org/licenses/BSD-3-Clause",
        "BSD 3-Clause",
        &[
            "https://opensource.org/license/bsd-3-clause",
            "https://spdx.org/licenses/BSD-3-Clause",
        ],
    ),
    row(
        "MPL-2.0",
        "https://www.mozilla.org/MPL/2.0/",
        "MPL 2.0",
        &[
            "https://www.mozilla.org/en-US/MPL/2.0/",
            "https://opensource.org/licenses/MPL-2.0",
            "https://opensource.org/license/mpl-2-0",
            "https://spdx.org/licenses/MPL-2.0",
        ],
    ),
    row(
        "EUPL-1.2",
        "https://joinup.ec.europa.eu/collection/eupl/eupl-text-eupl-12",
        "EUPL 1.2",
        &[
            "https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12",
            "https://eupl.eu/1.2/en/",
            "https://opensource.org/licenses/EUPL-1.2",
            "https://spdx.org/licenses/EUPL-1.2",
        ],
    ),
    Row {
        spdx: Some("etalab-2.0"),
        uri: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
        label: "Licence Ouverte 2.0",
        local: Some(("licence-open-licence", Some("2.0"))),
        aliases: &[
            "https://www.etalab.gouv.fr/wp-content/uploads/2017/04/ETALAB-Licence-Ouverte-v2.0.pdf",
            "https://www.etalab.gouv.fr/wp-content/uploads/2018/11/open-licence.pdf",
            "https://spdx.org/licenses/etalab-2.0",
        ],
    },
    Row {
        spdx: None,
        uri: "https://www.etalab.gouv.fr/wp-content/uploads/2014/05/Licence_Ouverte.pdf",
        label: "Licence Ouverte 1.0",
        local: Some(("licence-open-licence", Some("1.0"))),
        aliases: &["https://www.etalab.gouv.fr/wp-content/uploads/2014/05/Open_Licence.pdf"],
    },
    row(
        "ODbL-1.0",
        "https://opendatacommons.org/licenses/odbl/1-0/",
        "ODbL 1.0",
        &[
            "https://opendatacommons.org/licenses/odbl/1.0/",
            "https://opendatacommons.org/licenses/odbl/",
            "https://opendatacommons.org/licenses/odbl/summary/",
            "https://spdx.org/licenses/ODbL-1.0",
        ],
    ),
    row(
        "ODC-By-1.0",
        "https://opendatacommons.org/licenses/by/1-0/",
        "ODC-By 1.0",
        &[
            "https://opendatacommons.org/licenses/by/1.0/",
            "https://opendatacommons.org/licenses/by/",
            "https://opendatacommons.org/licenses/by/summary/",
            "https://spdx.org/licenses/ODC-By-1.0",
        ],
    ),
    row(
        "PDDL-1.0",
        "https://opendatacommons.org/licenses/pddl/1-0/",
        "PDDL 1.0",
        &[
            "https://opendatacommons.org/licenses/pddl/1.0/",
            "https://opendatacommons.org/licenses/pddl/",
            "https://opendatacommons.org/licenses/pddl/summary/",
            "https://spdx.org/licenses/PDDL-1.0",
        ],
    ),
    Row {
        spdx: Some("LAL-1.3"),
        uri: "https://artlibre.org/licence/lal/en/",
        label: "Licence Art Libre 1.3",
        local: Some(("licence-free-art", Some("1.3"))),
        aliases: &[
            "https://artlibre.org/licence/lal/",
            "https://artlibre.org/licence/lal/de/",
            "https://artlibre.org/licence/lal/es/",
            "https://artlibre.org/licence/lal/it/",
            "https://artlibre.org/licence/lal/pt/",
            "https://artlibre.org/licence/lal/pl/",
            "https://artlibre.org/licence/lal/licence-art-libre-13/",
            "https://artlibre.org/licence/lal/en/free-art-license-13/",
            "https://spdx.org/licenses/LAL-1.3",
        ],
    },
    row(
        "CECILL-2.1",
        "https://cecill.info/licences/Licence_CeCILL_V2.1-en.html",
        "CeCILL 2.1",
        &[
            "https://cecill.info/licences/Licence_CeCILL_V2.1-fr.html",
            "https://cecill.info/licences/Licence_CeCILL_V2.1-fr.txt",
            "https://cecill.info/licences/Licence_CeCILL_V2.1-en.txt",
            "https://spdx.org/licenses/CECILL-2.1",
        ],
    ),
    row(
        "CECILL-2.0",
        "https://cecill.info/licences/Licence_CeCILL_V2-en.html",
        "CeCILL 2.0",
        &[
            "https://cecill.info/licences/Licence_CeCILL_V2-fr.html",
            "https://spdx.org/licenses/CECILL-2.0",
        ],
    ),
    row(
        "CECILL-B",
        "https://cecill.info/licences/Licence_CeCILL-B_V1-en.html",
        "CeCILL-B",
        &[
            "https://cecill.info/licences/Licence_CeCILL-B_V1-fr.html",
            "https://spdx.org/licenses/CECILL-B",
        ],
    ),
    row(
        "CECILL-C",
        "https://cecill.info/licences/Licence_CeCILL-C_V1-en.html",
        "CeCILL-C",
        &[
            "https://cecill.info/licences/Licence_CeCILL-C_V1-fr.html",
            "https://spdx.org/licenses/CECILL-C",
        ],
    ),
];

/// Lookup maps over the fixed table and the GNU licences.
struct Registry {
    licences: Vec<Licence>,
    by_key: HashMap<String, usize>,
    by_spdx: HashMap<String, usize>,
}

fn gnu(stem: &str, file: &str, old: bool, label: &str) -> [(Licence, Vec<String>, Vec<String>); 2] {
    let dir = if old { "old-licenses/" } else { "" };
    let text = format!("https://www.gnu.org/licenses/{dir}{file}.html");
    let only = Licence {
        spdx: Some(format!("{stem}-only")),
        uri: text.clone(),
        label: label.to_string(),
        local: None,
    };
    let later_id = format!("{stem}-or-later");
    let later = Licence {
        spdx: Some(later_id.clone()),
        uri: format!("https://spdx.org/licenses/{later_id}.html"),
        label: format!("{label} or later"),
        local: Some(("licence-or-later", vec![("name", label.to_string())])),
    };
    [
        (
            only,
            vec![
                text,
                format!("https://www.gnu.org/licenses/{file}"),
                format!("https://www.gnu.org/licenses/old-licenses/{file}"),
                format!("https://opensource.org/licenses/{stem}"),
                format!("https://spdx.org/licenses/{stem}-only"),
                format!("https://spdx.org/licenses/{stem}"),
            ],
            vec![format!("{stem}-only"), stem.to_string()],
        ),
        (
            later,
            vec![format!("https://spdx.org/licenses/{later_id}")],
            vec![later_id, format!("{stem}+")],
        ),
    ]
}

static REGISTRY: LazyLock<Registry> = LazyLock::new(|| {
    let mut r = Registry {
        licences: Vec::new(),
        by_key: HashMap::new(),
        by_spdx: HashMap::new(),
    };
    let mut add = |l: Licence, uris: Vec<String>, ids: Vec<String>| {
        let i = r.licences.len();
        for uri in std::iter::once(&l.uri).chain(&uris) {
            let key = uri_key(uri).unwrap_or_else(|| panic!("{uri} is a URI"));
            r.by_key.entry(key).or_insert(i);
        }
        for id in ids {
            r.by_spdx.entry(id.to_ascii_uppercase()).or_insert(i);
        }
        r.licences.push(l);
    };
    for row in FIXED {
        add(
            row.licence(),
            row.aliases.iter().map(|s| s.to_string()).collect(),
            row.spdx.iter().map(|s| s.to_string()).collect(),
        );
    }
    for (stem, file, old, label) in GNU {
        for (l, uris, ids) in gnu(stem, file, *old, label) {
            add(l, uris, ids);
        }
    }
    r
});

/// The known licence of a URI key (see `uri_key`).
pub(super) fn by_key(key: &str) -> Option<Licence> {
    // The legal code or a deed in some language names the same licence.
    let key = match key.strip_prefix("creativecommons.org/") {
        Some(_) => key
            .strip_suffix("/legalcode")
            .or_else(|| key.strip_suffix("/deed"))
            .unwrap_or(key),
        None => key,
    };
    let r = &*REGISTRY;
    if let Some(&i) = r.by_key.get(key) {
        return Some(r.licences[i].clone());
    }
    // SPDX's page of a licence: `spdx.org/licenses/GPL-2.0+.html`.
    if let Some(id) = key.strip_prefix("spdx.org/licenses/") {
        return by_spdx(id);
    }
    let path = key
        .strip_prefix("creativecommons.org/licenses/")
        .or_else(|| key.strip_prefix("creativecommons.org/licences/"))?;
    let parts: Vec<&str> = path.split('/').collect();
    match parts.as_slice() {
        [elements, version] => creative_commons(elements, version, None),
        [elements, version, jurisdiction] => {
            creative_commons(elements, version, Some(jurisdiction))
        }
        _ => None,
    }
}

/// The known licence of an SPDX id (case-insensitive).
pub(super) fn by_spdx(id: &str) -> Option<Licence> {
    let upper = id.to_ascii_uppercase();
    let r = &*REGISTRY;
    if let Some(&i) = r.by_spdx.get(&upper) {
        return Some(r.licences[i].clone());
    }
    // `CC-BY-SA-3.0`, or ported `CC-BY-SA-3.0-DE`.
    let rest = upper.strip_prefix("CC-")?.to_ascii_lowercase();
    let at = rest.find(|c: char| c.is_ascii_digit())?;
    let elements = rest.get(..at)?.strip_suffix('-')?;
    let (version, jurisdiction) = match rest[at..].split_once('-') {
        Some((v, j)) => (v, Some(j)),
        None => (&rest[at..], None),
    };
    creative_commons(elements, version, jurisdiction)
}

/// Creative Commons licence elements in each version: `by-nd-nc` (and the
/// licences without attribution) only existed in 1.0.
const CC_ELEMENTS: &[&str] = &["by", "by-sa", "by-nd", "by-nc", "by-nc-sa", "by-nc-nd"];
const CC_ELEMENTS_1: &[&str] = &["by-nd-nc", "nd", "nc", "sa", "nc-sa", "nd-nc"];
const CC_VERSIONS: &[&str] = &["1.0", "2.0", "2.1", "2.5", "3.0", "4.0"];

fn creative_commons(elements: &str, version: &str, jurisdiction: Option<&str>) -> Option<Licence> {
    // 1.0 wrote BY-NC-ND as `by-nd-nc`.
    let elements = if version == "1.0" && elements == "by-nc-nd" {
        "by-nd-nc"
    } else {
        elements
    };
    let known =
        CC_ELEMENTS.contains(&elements) || (version == "1.0" && CC_ELEMENTS_1.contains(&elements));
    // 4.0 is international; 2.1 exists only ported.
    let place_ok = match jurisdiction {
        None => version != "2.1",
        Some(j) => {
            version != "4.0"
                && (2..=5).contains(&j.len())
                && j.chars().all(|c| c.is_ascii_lowercase() || c == '-')
        }
    };
    if !known || !CC_VERSIONS.contains(&version) || !place_ok {
        return None;
    }
    // SPDX writes the 1.0 `by-nd-nc` as BY-NC-ND.
    let spdx_elements = if elements == "by-nd-nc" {
        "by-nc-nd"
    } else {
        elements
    };
    let words = spdx_elements.to_ascii_uppercase();
    let (uri, label, spdx) = match jurisdiction {
        None => (
            format!("https://creativecommons.org/licenses/{elements}/{version}/"),
            format!("CC {words} {version}"),
            elements
                .starts_with("by")
                .then(|| format!("CC-{words}-{version}")),
        ),
        Some(j) => (
            format!("https://creativecommons.org/licenses/{elements}/{version}/{j}/"),
            format!("CC {words} {version} {}", j.to_ascii_uppercase()),
            None,
        ),
    };
    Some(Licence {
        spdx,
        uri,
        label,
        local: None,
    })
}
