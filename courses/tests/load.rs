//! Loading course trees: a valid one, one with translations, and one where
//! every kind of mistake is made once and must be reported with file and line.

use std::path::{Path, PathBuf};

use courses::{Level, load};

/// The crate's folder, read when the test runs (not when it was compiled).
fn manifest_dir() -> PathBuf {
    PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("run through cargo test"))
}

fn fixture(name: &str) -> PathBuf {
    manifest_dir().join("tests/fixtures").join(name)
}

#[test]
fn a_valid_tree_loads_in_order() {
    let lib = load(&fixture("valid")).unwrap_or_else(|r| panic!("{r}"));
    let course = lib.course("sample").unwrap();
    assert_eq!(course.front.title, "Cours d'exemple");
    assert_eq!(course.front.level, Level::Beginner);
    assert_eq!(course.front.estimated_hours, 1.5);
    assert_eq!(course.front.pass_mark, 50);
    assert_eq!(course.front.topics, ["free-software"]);
    let topic = lib.topics.get("free-software").unwrap();
    assert_eq!(topic.label_in("en"), "Free software");
    assert_eq!(topic.label_in("hr"), "Free software", "English stands in");
    assert_eq!(
        lib.topics
            .narrower(Some("ethics"))
            .map(|c| c.id.as_str())
            .collect::<Vec<_>>(),
        ["free-software"]
    );
    assert_eq!(course.languages(), ["fr"]);
    let modules: Vec<_> = course
        .modules
        .iter()
        .map(|m| (m.number, m.slug.as_str(), m.front.title.as_str()))
        .collect();
    assert_eq!(
        modules,
        [(1, "basics", "Les bases"), (2, "next", "La suite")]
    );
    let lessons: Vec<_> = course.lessons().map(|l| l.id.as_str()).collect();
    assert_eq!(
        lessons,
        [
            "courses/sample/01-basics/01-first.md",
            "courses/sample/01-basics/02-with-files/index.md",
            "courses/sample/02-next/01-more.md"
        ]
    );
    let with_files = &course.modules[0].lessons[1];
    assert_eq!(with_files.slug, "with-files");
    assert_eq!(
        with_files.dir,
        Path::new("courses/sample/01-basics/02-with-files")
    );
    let text = &with_files.versions["fr"].text;
    assert_eq!(text.line, 5, "the body starts after the front matter");
    assert!(text.markdown.starts_with("## Une image"));
    assert!(with_files.versions["fr"].quiz.is_none());

    let first = &course.modules[0].lessons[0].versions["fr"];
    let quiz = first.quiz.as_ref().expect("the first lesson has a quiz");
    assert_eq!(quiz.line, 8, "the fence's line in the file");
    assert_eq!(quiz.questions[0].kind_name(), "true-false");
    assert!(
        quiz.questions[0]
            .grade(&courses::quiz::Response::Bool(true))
            .correct
    );
    assert!(
        !first.text.markdown.contains("```quiz"),
        "the quiz block is not part of the text"
    );
}

#[test]
fn translations_sit_beside_their_originals() {
    let lib = load(&fixture("i18n")).unwrap_or_else(|r| panic!("{r}"));
    let course = lib.course("sample").unwrap();
    assert_eq!(course.languages(), ["fr", "en"]);
    assert_eq!(course.translations["en"].0.title, "Sample course");
    assert_eq!(course.modules[0].translations["en"].0.title, "The basics");
    let first = &course.modules[0].lessons[0];
    assert_eq!(
        first.versions.keys().collect::<Vec<_>>(),
        ["de-AT", "en", "fr"]
    );
    assert_eq!(first.versions["en"].front.title, "First lesson");
    let de = first.versions["de-AT"].quiz.as_ref().unwrap();
    assert!(
        de.questions[0]
            .grade(&courses::quiz::Response::Text("Grüss Gott".into()))
            .correct
    );
    let second = &course.modules[0].lessons[1];
    assert_eq!(
        second.versions.keys().collect::<Vec<_>>(),
        ["fr"],
        "untranslated lessons keep their original only"
    );
}

#[test]
fn every_mistake_is_reported_at_once_with_file_and_line() {
    let report = load(&fixture("invalid")).expect_err("the invalid tree must not load");
    let got: Vec<(String, usize, String)> = report
        .problems
        .iter()
        .map(|p| {
            (
                p.file.to_string_lossy().replace('\\', "/"),
                p.line,
                p.message.clone(),
            )
        })
        .collect();
    let expected: &[(&str, usize, &str)] = &[
        (
            "courses/broken/01-mod",
            1,
            "\"a\" and \"b\" both have the number 06",
        ),
        (
            "courses/broken/01-mod/01-fine.xx_yy.md",
            1,
            "\"xx_yy\" is not a language tag",
        ),
        (
            "courses/broken/01-mod/04-orphan.en.md",
            1,
            "a translation without its original lesson",
        ),
        (
            "courses/broken/01-mod/05-nofront.md",
            1,
            "the file does not start with TOML front matter",
        ),
        (
            "courses/broken/01-mod/07-level.md",
            1,
            "the front matter is not closed",
        ),
        (
            "courses/broken/01-mod/_index.md",
            2,
            "invalid front matter: missing field `title`",
        ),
        (
            "courses/broken/01-mod/nonumber.md",
            1,
            "lesson file \"nonumber.md\" is not numbered",
        ),
        ("courses/broken/02-empty", 1, "this folder has no _index.md"),
        (
            "courses/broken/_index.md",
            3,
            "invalid front matter: unknown field `titel`",
        ),
        (
            "courses/levels/_index.md",
            6,
            "invalid front matter: unknown variant `expert`",
        ),
        (
            "courses/links/01-mod/01-a.en.md",
            6,
            "the quiz differs from the original's: [true-false] here, [] there",
        ),
        (
            "courses/links/01-mod/01-a.md",
            8,
            "broken link: no file @/courses/links/01-mod/09-missing.md",
        ),
        (
            "courses/links/01-mod/01-a.md",
            9,
            "broken link: @/courses/links/01-mod/02-b.md has no heading #nulle-part",
        ),
        (
            "courses/links/01-mod/02-b.md",
            7,
            "question 1: a single-choice question needs exactly one answer with correct = true",
        ),
        (
            "courses/links/01-mod/03-images.md",
            6,
            "image courses/links/01-mod/absent.png: cannot read the image",
        ),
        (
            "courses/links/01-mod/03-images.md",
            10,
            "image courses/links/01-mod/broken.png: the file is not an image",
        ),
        (
            "courses/themes/_index.md",
            9,
            "unknown topic \"unknown-topic\"",
        ),
        ("courses/themes/_index.md", 10, "pass_mark is a percentage"),
        (
            "courses/themes/_index.md",
            11,
            "\"not an address\" is not an e-mail address",
        ),
        (
            "topics.toml",
            6,
            "concept \"orphan\" has an unknown broader concept \"nowhere\"",
        ),
    ];
    assert_eq!(got.len(), expected.len(), "{report}");
    for ((file, line, message), (efile, eline, emessage)) in got.iter().zip(expected) {
        assert_eq!((file.as_str(), *line), (*efile, *eline), "{message}");
        assert!(
            message.starts_with(emessage),
            "{file}:{line}: {message:?} should start with {emessage:?}"
        );
    }
    assert!(
        report.problems.iter().all(|p| p.hint.is_some()),
        "every problem says how to fix it"
    );
    let printed = report.to_string();
    assert!(
        printed.contains("  --> courses/links/01-mod/01-a.md:8"),
        "{printed}"
    );
    assert!(
        printed.ends_with("20 problems in the content tree"),
        "{printed}"
    );
}

#[test]
fn a_missing_courses_folder_is_reported() {
    let dir = std::env::temp_dir().join(format!("archipel-no-courses-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let report = load(&dir).unwrap_err();
    assert_eq!(report.problems.len(), 1);
    assert!(
        report.problems[0]
            .message
            .starts_with("cannot read the folder")
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_shipped_courses_are_valid_and_complete() {
    let root = manifest_dir().join("../content");
    let lib = load(&root).unwrap_or_else(|r| panic!("{r}"));
    let mooc = lib
        .course("mooc-chatons")
        .expect("the MOOC CHATONS is shipped");
    let emancipasso = lib.course("emancipasso").expect("Emancip'Asso is shipped");
    assert_eq!(mooc.modules.len(), 3, "three MOOC modules");
    for module in &mooc.modules {
        assert!(
            module.lessons.len() >= 4,
            "{}: at least 4 lessons",
            module.slug
        );
    }
    assert!(emancipasso.lessons().count() >= 4);
    for course in [mooc, emancipasso] {
        assert_eq!(course.front.language, "fr", "written in French first");
        assert!(course.translations.contains_key("en"));
        for lesson in course.lessons() {
            for lang in ["fr", "en"] {
                let version = lesson
                    .versions
                    .get(lang)
                    .unwrap_or_else(|| panic!("{} has no {lang} version", lesson.id));
                assert!(
                    version
                        .quiz
                        .as_ref()
                        .is_some_and(|q| !q.questions.is_empty()),
                    "{} ({lang}) has a quiz",
                    lesson.id
                );
            }
        }
    }
    // At least one module is also in German, Italian or Croatian, so that
    // readers of the other modules in those languages see the fallback.
    let third_language = mooc.modules.iter().any(|m| {
        ["de", "it", "hr"].iter().any(|l| {
            m.lessons
                .iter()
                .all(|lesson| lesson.versions.contains_key(*l))
        })
    });
    assert!(third_language);
    for lesson in mooc.lessons().chain(emancipasso.lessons()) {
        for (lang, version) in &lesson.versions {
            let words = version.text.markdown.split_whitespace().count();
            assert!(words >= 150, "{} ({lang}) is only {words} words", lesson.id);
        }
    }
}
