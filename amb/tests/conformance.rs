//! Checks the crate against the conformance examples of the AMB profile:
//! every valid example must be accepted and every invalid one refused for
//! the reason its file name gives.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use amb::{Problem, ReadError, Record, check, read_records};

/// The conformance folder of the AMB profile, shared with other checkers.
const CONFORMANCE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/conformance/amb");

/// For each invalid example, path fragments that the problems must name:
/// every fragment must occur in the path of at least one problem.
const INVALID: &[(&str, &[&str])] = &[
    ("Mozilla-Public-License.json", &["license.id"]),
    ("about.json", &["about"]),
    ("assessesWithoutURI.json", &["assesses[0].id"]),
    ("captionInMultipleLanguages.json", &["caption"]),
    ("captionWithoutArray.json", &["caption"]),
    ("competencyRequiredAsObject.json", &["competencyRequired"]),
    (
        "conceptWithMonolingualLabels.json",
        &[
            "about[0].prefLabel",
            "audience[0].prefLabel",
            "learningResourceType[0].prefLabel",
        ],
    ),
    (
        "conditionsOfAccessStringInsteadObject.json",
        &["conditionsOfAccess"],
    ),
    (
        "contentSizeAndBitRateWithUnits.json",
        &["encoding[0].contentSize", "encoding[1].bitrate"],
    ),
    (
        "educationalLevelWithWrongID.json",
        &["educationalLevel[0].id"],
    ),
    ("funderInvalidType.json", &["funder[0].type"]),
    ("inLanguageWithoutArray.json", &["inLanguage"]),
    (
        "interactivityType.json",
        &["interactivityType.id", "interactivityType.prefLabel"],
    ),
    ("invalidAboutConceptUri.json", &["about"]),
    ("isAccessibleForFree.json", &["isAccessibleForFree"]),
    ("isBasedOn.json", &["isBasedOn"]),
    ("keywordWithoutArray.json", &["keywords"]),
    (
        "learningResourceType-wihtout-any-valid-id.json",
        &["learningResourceType"],
    ),
    ("license-as-string.json", &["license"]),
    ("lrtWithoutArray.json", &["learningResourceType"]),
    ("mainEntityOf.json", &["mainEntityOfPage"]),
    (
        "mainEntityOfPageInvalidType.json",
        &["mainEntityOfPage[0].type"],
    ),
    ("missingDefaultLanguage.json", &["@context"]),
    ("missingDefaultLanguage2.json", &["@context"]),
    ("noContext.json", &["@context"]),
    ("partWithoutId.json", &["isPartOf[0].id", "hasPart[0].id"]),
    (
        "teachesWithoutLocalizedPrefLabel.json",
        &["teaches[0].prefLabel"],
    ),
    ("typeAsURI.json", &["type[1]"]),
    ("typeWithoutArray.json", &["type"]),
    ("typeWithoutLearningResource.json", &["type"]),
    ("videoWithoutUrls.json", &["encoding[0]"]),
    ("wrongContextLink.json", &["@context"]),
    (
        "wrongDateTime.json",
        &[
            "dateCreated",
            "dateModified",
            "mainEntityOfPage[0].dateCreated",
            "mainEntityOfPage[0].dateModified",
        ],
    ),
    ("wrongDefaultLanguageTag.json", &["@context[1].@language"]),
    ("wrongDuration.json", &["duration"]),
];

/// The folder of valid or invalid examples; fails if it is missing.
fn examples(kind: &str) -> PathBuf {
    let dir = Path::new(CONFORMANCE).join("examples").join(kind);
    assert!(
        dir.is_dir(),
        "the AMB conformance examples are missing: expected the folder {} \
         (shared/conformance/amb next to the workspace)",
        dir.display()
    );
    dir
}

/// The names of the JSON files in `dir`, sorted.
fn json_files(dir: &Path) -> BTreeSet<String> {
    fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|entry| {
            entry
                .expect("readable folder entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name.ends_with(".json"))
        .collect()
}

/// The text of example `name` of `kind`.
fn read(kind: &str, name: &str) -> String {
    let path = examples(kind).join(name);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The result of checking example `name` of `kind`.
fn check_example(kind: &str, name: &str) -> Result<Record, Vec<Problem>> {
    let value = serde_json::from_str(&read(kind, name))
        .unwrap_or_else(|e| panic!("{name} is not JSON: {e}"));
    check(&value)
}

/// The valid example `name`, which must be accepted.
fn valid(name: &str) -> Record {
    check_example("valid", name)
        .unwrap_or_else(|problems| panic!("{name} was refused: {}", listing(&problems)))
}

/// The problems, one per line, for failure messages.
fn listing(problems: &[Problem]) -> String {
    problems.iter().map(|p| format!("\n  {p}")).collect()
}

#[test]
fn every_valid_example_is_accepted() {
    let names = json_files(&examples("valid"));
    assert!(
        names.len() >= 33,
        "expected at least 33 valid examples, found {}",
        names.len()
    );
    let refused: Vec<String> = names
        .iter()
        .filter_map(|name| {
            check_example("valid", name)
                .err()
                .map(|p| format!("{name}:{}", listing(&p)))
        })
        .collect();
    assert!(
        refused.is_empty(),
        "valid examples refused:\n{}",
        refused.join("\n")
    );
}

#[test]
fn every_invalid_example_is_refused_for_its_reason() {
    let names = json_files(&examples("invalid"));
    let listed: BTreeSet<String> = INVALID.iter().map(|(name, _)| (*name).to_owned()).collect();
    assert_eq!(
        names, listed,
        "the table of invalid examples is out of date"
    );

    let mut failures = Vec::new();
    for (name, fragments) in INVALID {
        match check_example("invalid", name) {
            Ok(record) => failures.push(format!("{name} was accepted: {record:?}")),
            Err(problems) => {
                assert!(!problems.is_empty(), "{name}: refused without problems");
                for fragment in *fragments {
                    if !problems.iter().any(|p| p.path.contains(fragment)) {
                        failures.push(format!(
                            "{name}: no problem at {fragment}:{}",
                            listing(&problems)
                        ));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn problems_read_as_sentences() {
    let problems = check_example("invalid", "lrtWithoutArray.json").unwrap_err();
    assert_eq!(
        problems[0].to_string(),
        "learningResourceType: must be an array of concept objects, each with an \"id\", found an object"
    );
    let problems = check_example("invalid", "Mozilla-Public-License.json").unwrap_err();
    assert!(problems[0].to_string().starts_with(
        "license.id: \"https://opensource.org/licenses/MPL-2.0\" is not an allowed licence"
    ));
    let problems = check_example("invalid", "wrongDuration.json").unwrap_err();
    assert!(
        problems[0]
            .to_string()
            .starts_with("duration: must be an ISO 8601 duration")
    );
}

#[test]
fn tutory_example_is_mapped() {
    let record = valid("tutoryExample.json");
    assert_eq!(record.id, "https://www.tutory.de/w/fbbadf1a");
    assert_eq!(
        record.name,
        "Arbeitsblatt - Mon avenir - Französisch - tutory.de"
    );
    assert_eq!(
        record.description.as_deref(),
        Some("Französisch-Arbeitsblatt")
    );
    assert_eq!(record.language.as_deref(), Some("de"));
    assert_eq!(record.in_language, ["fr"]);
    assert_eq!(record.types, ["LearningResource"]);
    assert_eq!(record.keywords, ["Französisch", "Niveau A2"]);
    assert_eq!(
        record.licence.as_deref(),
        Some("https://creativecommons.org/publicdomain/zero/1.0/")
    );
    let lrt: Vec<&str> = record
        .learning_resource_types
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(
        lrt,
        [
            "https://w3id.org/kim/hcrt/worksheet",
            "http://w3id.org/openeduhub/vocabs/new_lrt/36e68792-6159-481d-a97b-2c00901f4f78"
        ]
    );
    assert_eq!(record.about[0].id, "http://w3id.org/kim/schulfaecher/s1009");
    assert_eq!(record.about[0].pref_label["de"], "Französisch");
    assert_eq!(record.audience[0].pref_label["en"], "student");
    assert_eq!(record.creators, ["HerunterS"]);
    assert_eq!(record.publishers, ["Tutory"]);
    assert_eq!(record.date_created.as_deref(), Some("2019-07-02"));
    assert_eq!(
        record.image.as_deref(),
        Some("https://www.tutory.de/worksheet/fbbadf1a-145a-463d-9a43-1ae9965c86b9.jpg?width=1000")
    );
}

#[test]
fn higher_education_course_is_mapped() {
    let record = valid("highered-course.json");
    assert_eq!(record.name, "Computer Structures and Operating Systems");
    assert_eq!(record.types, ["LearningResource", "Course"]);
    assert_eq!(record.in_language, ["en"]);
    assert_eq!(
        record.licence.as_deref(),
        Some("https://creativecommons.org/licenses/by-sa/4.0/")
    );
    assert_eq!(record.educational_level.len(), 1);
    let level = &record.educational_level[0];
    assert_eq!(level.id, "https://w3id.org/kim/educationalLevel/level_06");
    assert_eq!(level.pref_label["en"], "Bachelor or equivalent");
    assert_eq!(record.creators, ["Jens Lechtenbörger"]);
    assert!(record.learning_resource_types.is_empty());
}

#[test]
fn multilingual_labels_and_other_licences_are_mapped() {
    let record = valid("conceptsWithMultilingualLabels.json");
    assert_eq!(
        record.licence.as_deref(),
        Some("http://www.gnu.org/licenses/agpl-3.0")
    );
    let labels = &record.about[0].pref_label;
    assert_eq!(
        labels.keys().map(String::as_str).collect::<Vec<_>>(),
        ["de", "en", "fr"]
    );
    assert_eq!(labels["fr"], "Français");
    assert_eq!(
        record.learning_resource_types[0].id,
        "https://w3id.org/kim/hcrt/course"
    );

    let record = valid("MIT-License.json");
    assert_eq!(
        record.licence.as_deref(),
        Some("https://opensource.org/licenses/MIT")
    );
    assert_eq!(record.name, "Beispielkurs");
}

#[test]
fn video_example_is_mapped() {
    let record = valid("videoWithEncodings.json");
    assert_eq!(record.types, ["LearningResource", "VideoObject"]);
    assert_eq!(
        record.learning_resource_types[0].id,
        "https://w3id.org/kim/hcrt/video"
    );
    assert_eq!(record.learning_resource_types[0].pref_label["de"], "Video");
    assert_eq!(record.licence, None);
    assert_eq!(
        record.image.as_deref(),
        Some("https://av.tib.eu/thumbnail/32641")
    );
}

#[test]
fn read_records_checks_each_record_of_an_array() {
    let good = read("valid", "MIT-License.json");
    let bad = read("invalid", "lrtWithoutArray.json");
    let results = read_records(&format!("[{good}, {bad}]")).expect("an array of records");
    assert_eq!(results.len(), 2);
    assert_eq!(
        results[0].as_ref().map(|r| r.name.as_str()),
        Ok("Beispielkurs")
    );
    let problems = results[1]
        .as_ref()
        .expect_err("the second record is invalid");
    assert!(
        problems.iter().any(|p| p.path == "learningResourceType"),
        "{}",
        listing(problems)
    );
}

#[test]
fn read_records_accepts_a_single_record() {
    let results = read_records(&read("valid", "funder.json")).expect("one record");
    assert_eq!(results.len(), 1);
    assert_eq!(
        results[0].as_ref().map(|r| r.id.as_str()),
        Ok("https://example.org/course")
    );
}

#[test]
fn read_records_reports_broken_json_with_its_position() {
    let text = read("valid", "MIT-License.json");
    let broken = &text[..text.find("\"license\"").expect("a license member")];
    match read_records(broken) {
        Err(ReadError::Json { line, column, .. }) => {
            assert_eq!(line, broken.lines().count());
            assert!(column >= 1);
        }
        other => panic!("expected a JSON error, got {other:?}"),
    }
    let err = read_records("[{\"name\": \"x\",]").unwrap_err();
    assert!(
        err.to_string()
            .starts_with("not valid JSON at line 1, column "),
        "{err}"
    );
}
