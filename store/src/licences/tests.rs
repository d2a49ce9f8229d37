use super::*;

fn canonical(input: &str) -> String {
    match resolve(input) {
        Ok(Resolved::Known(l)) => l.uri,
        other => panic!("{input}: {other:?}"),
    }
}

#[test]
fn every_spelling_names_the_same_licence() {
    let cases: &[(&str, &[&str])] = &[
        (
            "https://www.gnu.org/licenses/old-licenses/gpl-2.0.html",
            &[
                "https://www.gnu.org/licenses/old-licenses/gpl-2.0",
                "http://www.gnu.org/licenses/old-licenses/gpl-2.0.html",
                "https://gnu.org/licenses/old-licenses/gpl-2.0.en.html",
                "http://www.gnu.org/licenses/gpl-2.0.html",
                "https://www.gnu.org/licenses/gpl-2.0/",
                "GPL-2.0-only",
                "gpl-2.0",
            ],
        ),
        (
            "https://spdx.org/licenses/GPL-2.0-or-later.html",
            &[
                "GPL-2.0+",
                "GPL-2.0-or-later",
                "gpl-2.0-OR-LATER",
                "https://spdx.org/licenses/GPL-2.0+",
            ],
        ),
        (
            "https://creativecommons.org/licenses/by-sa/3.0/",
            &[
                "http://creativecommons.org/licenses/by-sa/3.0",
                "https://creativecommons.org/licenses/by-sa/3.0/deed.fr",
                "https://creativecommons.org/licenses/by-sa/3.0/legalcode",
                "https://www.creativecommons.org/licences/by-sa/3.0/",
                "CC-BY-SA-3.0",
                "cc-by-sa-3.0",
            ],
        ),
        (
            "https://creativecommons.org/licenses/by-nc-sa/3.0/fr/",
            &[
                "http://creativecommons.org/licenses/by-nc-sa/3.0/fr",
                "https://creativecommons.org/licenses/by-nc-sa/3.0/fr/deed.en",
                "https://creativecommons.org/licenses/by-nc-sa/3.0/fr/legalcode",
                "CC-BY-NC-SA-3.0-FR",
            ],
        ),
        (
            "https://creativecommons.org/licenses/by/4.0/",
            &[
                "https://creativecommons.org/licenses/by/4.0/legalcode.de",
                "https://creativecommons.org/licenses/by/4.0/deed.zh-hant",
                "CC-BY-4.0",
            ],
        ),
        (
            "https://creativecommons.org/licenses/by-nd-nc/1.0/",
            &[
                "CC-BY-NC-ND-1.0",
                "http://creativecommons.org/licenses/by-nd-nc/1.0",
            ],
        ),
        (
            "https://creativecommons.org/publicdomain/zero/1.0/",
            &[
                "CC0-1.0",
                "http://creativecommons.org/publicdomain/zero/1.0/deed.fr",
            ],
        ),
        (
            "https://creativecommons.org/publicdomain/mark/1.0/",
            &[
                "http://creativecommons.org/publicdomain/mark/1.0",
                "cc-pdm-1.0",
            ],
        ),
        (
            "https://artlibre.org/licence/lal/en/",
            &[
                "http://artlibre.org/licence/lal/",
                "https://artlibre.org/licence/lal/de",
                "LAL-1.3",
            ],
        ),
        (
            "https://www.gnu.org/licenses/fdl-1.3.html",
            &[
                "http://www.gnu.org/licenses/fdl-1.3",
                "GFDL-1.3",
                "gfdl-1.3-only",
            ],
        ),
        (
            "https://www.gnu.org/licenses/old-licenses/lgpl-2.1.html",
            &[
                "https://www.gnu.org/licenses/lgpl-2.1.html",
                "LGPL-2.1-only",
            ],
        ),
        (
            "https://www.mozilla.org/MPL/2.0/",
            &[
                "https://opensource.org/licenses/MPL-2.0",
                "https://www.mozilla.org/en-US/MPL/2.0/",
                "mpl-2.0",
            ],
        ),
        (
            "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
            &[
                "http://www.etalab.gouv.fr/licence-ouverte-open-licence",
                "etalab-2.0",
            ],
        ),
        (
            "https://opendatacommons.org/licenses/odbl/1-0/",
            &["http://opendatacommons.org/licenses/odbl/1.0/", "ODbL-1.0"],
        ),
        (
            "https://www.apache.org/licenses/LICENSE-2.0",
            &[
                "http://www.apache.org/licenses/LICENSE-2.0.html",
                "apache-2.0",
            ],
        ),
        (
            "https://cecill.info/licences/Licence_CeCILL_V2.1-en.html",
            &[
                "http://www.cecill.info/licences/Licence_CeCILL_V2.1-fr.html",
                "CECILL-2.1",
            ],
        ),
    ];
    for (uri, spellings) in cases {
        assert_eq!(canonical(uri), *uri, "{uri} is its own canonical form");
        for s in *spellings {
            assert_eq!(canonical(s), *uri, "{s}");
        }
    }
}

#[test]
fn the_required_licences_are_known_with_names() {
    let required = [
        ("CC-BY-2.5", "CC BY 2.5"),
        ("GPL-3.0-or-later", "GNU GPL 3.0 or later"),
        ("AGPL-3.0-only", "GNU AGPL 3.0"),
        ("LGPL-3.0+", "GNU LGPL 3.0 or later"),
        ("GFDL-1.1", "GNU FDL 1.1"),
        ("GFDL-1.2-or-later", "GNU FDL 1.2 or later"),
        ("MIT", "MIT"),
        ("BSD-2-Clause", "BSD 2-Clause"),
        ("BSD-3-Clause", "BSD 3-Clause"),
        ("EUPL-1.2", "EUPL 1.2"),
        ("ODC-By-1.0", "ODC-By 1.0"),
        ("PDDL-1.0", "PDDL 1.0"),
        ("CECILL-B", "CeCILL-B"),
        ("CECILL-C", "CeCILL-C"),
        ("CC-PDDC", "Public Domain"),
    ];
    for (id, label) in required {
        let l = known(id).unwrap_or_else(|| panic!("{id} is known"));
        assert_eq!(l.label, label, "{id}");
        assert_eq!(
            known(&l.uri),
            Some(l.clone()),
            "{id}: its URI resolves to it"
        );
    }
    for version in ["1.0", "2.0", "2.5", "3.0", "4.0"] {
        for elements in ["by", "by-sa", "by-nd", "by-nc", "by-nc-sa", "by-nc-nd"] {
            let uri = format!("https://creativecommons.org/licenses/{elements}/{version}/");
            let l = known(&uri).unwrap_or_else(|| panic!("{uri}"));
            assert!(l.spdx.is_some_and(|id| id.starts_with("CC-BY")), "{uri}");
        }
    }
    assert_eq!(
        known("https://creativecommons.org/licenses/by/2.1/jp/").map(|l| l.label),
        Some("CC BY 2.1 JP".to_string())
    );
    let lo = known("http://www.etalab.gouv.fr/wp-content/uploads/2014/05/Licence_Ouverte.pdf");
    assert_eq!(lo.map(|l| l.label), Some("Licence Ouverte 1.0".to_string()));
    let later = known("GPL-2.0+").unwrap();
    assert_eq!(later.spdx.as_deref(), Some("GPL-2.0-or-later"));
    assert_eq!(
        later.local,
        Some((
            "licence-or-later",
            vec![("name", "GNU GPL 2.0".to_string())]
        ))
    );
}

#[test]
fn unknown_licence_uris_are_kept_as_given() {
    for uri in [
        "https://example.org/our-licence/v2",
        "http://licences.example.coop/terms.html?lang=fr",
        "https://creativecommons.org/licenses/by/4.0/fr/",
        "https://creativecommons.org/licenses/by-xx/3.0/",
    ] {
        assert_eq!(resolve(uri), Ok(Resolved::Other(uri.to_string())), "{uri}");
    }
    assert_eq!(
        resolve("  https://example.org/l  ").unwrap().uri(),
        "https://example.org/l"
    );
    assert_eq!(
        label("https://www.example.org/our-licence/v2/"),
        "example.org/our-licence/v2"
    );
    assert_eq!(
        label("https://creativecommons.org/licenses/by-sa/4.0/"),
        "CC BY-SA 4.0"
    );
}

#[test]
fn what_is_not_a_licence_is_refused() {
    for junk in [
        "free",
        "public domain",
        "GPL",
        "CC-BY-SA-9.0",
        "ftp://creativecommons.org/licenses/by/4.0/",
        "javascript:alert(1)",
        "https://",
        "https:///path",
        "http://localhost/licence",
        "https://exa mple.org/licence",
        "mailto:rights@example.org",
    ] {
        let err = resolve(junk).unwrap_err();
        assert_eq!(err.code(), "licence-unknown", "{junk}");
    }
    let long = format!("https://example.org/{}", "a".repeat(MAX_CHARS));
    assert_eq!(resolve(&long), Err(LicenceError::TooLong));
    assert_eq!(resolve("  "), Err(LicenceError::Empty));
}
