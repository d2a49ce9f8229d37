//! Walks `courses/` under a content root and builds the [`Library`].

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::frontmatter::{self, CourseFront, LessonFront, ModuleFront, TranslatedFront};
use crate::links;
use crate::model::{Course, Lesson, LessonVersion, Library, Module, Text, Translations};
use crate::quiz::{self, Quiz};
use crate::report::{Problem, Report};

/// Loads every course under `root/courses`. Any problem anywhere makes the
/// whole load fail with the full list, in file order.
pub fn load(root: &Path) -> Result<Library, Report> {
    let mut problems = Vec::new();
    let mut courses = Vec::new();
    let dir = root.join("courses");
    for entry in sorted_entries(&dir, root, &mut problems) {
        if entry.is_dir() {
            if let Some(course) = load_course(root, &entry, &mut problems) {
                courses.push(course);
            }
        } else {
            problems.push(
                Problem::new(
                    &rel(root, &entry),
                    1,
                    "a file directly under courses/ belongs to no course",
                )
                .hint("put each course in its own folder with an _index.md"),
            );
        }
    }
    courses.sort_by(|a, b| {
        a.front
            .weight
            .cmp(&b.front.weight)
            .then(a.slug.cmp(&b.slug))
    });
    let topics = crate::topics::load(root, &mut problems);
    for course in &courses {
        let file = PathBuf::from("courses")
            .join(&course.slug)
            .join("_index.md");
        for t in &course.front.topics {
            if topics.get(t).is_none() {
                problems.push(
                    Problem::new(
                        &file,
                        front_line(root, &file, "topics"),
                        format!("unknown topic {t:?}"),
                    )
                    .hint("topics name concepts declared in topics.toml at the content root"),
                );
            }
        }
        for address in &course.front.author_accounts {
            let a = address.trim();
            let plausible = a.split_once('@').is_some_and(|(user, host)| {
                !user.is_empty() && host.contains('.') && !a.contains(char::is_whitespace)
            });
            if !plausible {
                problems.push(
                    Problem::new(
                        &file,
                        front_line(root, &file, "author_accounts"),
                        format!("{address:?} is not an e-mail address"),
                    )
                    .hint("author_accounts lists the e-mail addresses of the authors' accounts on the instance"),
                );
            }
        }
        if course.front.pass_mark > 100 {
            problems.push(
                Problem::new(
                    &file,
                    front_line(root, &file, "pass_mark"),
                    "pass_mark is a percentage",
                )
                .hint("write a number from 0 to 100, e.g. pass_mark = 70"),
            );
        }
    }
    let library = Library { courses, topics };
    links::check(&library, &mut problems);
    crate::images::check_all(root, &library, &mut problems);
    if problems.is_empty() {
        Ok(library)
    } else {
        problems.sort_by(|a, b| a.file.cmp(&b.file).then(a.line.cmp(&b.line)));
        Err(Report { problems })
    }
}

/// The line of a front matter key in a file (relative to `root`), for reports.
fn front_line(root: &Path, file: &Path, key: &str) -> usize {
    std::fs::read_to_string(root.join(file))
        .ok()
        .and_then(|t| {
            t.lines().position(|l| {
                l.trim_start()
                    .strip_prefix(key)
                    .is_some_and(|rest| rest.trim_start().starts_with('='))
            })
        })
        .map_or(1, |i| i + 1)
}

fn rel(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

fn sorted_entries(dir: &Path, root: &Path, problems: &mut Vec<Problem>) -> Vec<PathBuf> {
    match std::fs::read_dir(dir) {
        Ok(entries) => {
            let mut list: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    !p.file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                })
                .collect();
            list.sort();
            list
        }
        Err(e) => {
            problems.push(Problem::new(
                &rel(root, dir),
                1,
                format!("cannot read the folder: {e}"),
            ));
            Vec::new()
        }
    }
}

/// `NN-slug` → (NN, slug).
fn numbered(name: &str) -> Option<(u32, &str)> {
    let (n, slug) = name.split_once('-')?;
    let ok = !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) && is_slug(slug);
    ok.then(|| (n.parse().ok(), slug))
        .and_then(|(n, s)| Some((n?, s)))
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// `stem.md` → (stem, None), `stem.fr.md` → (stem, Some("fr")).
fn language_of(file_name: &str) -> Option<(&str, Option<&str>)> {
    let stem = file_name.strip_suffix(".md")?;
    match stem.rsplit_once('.') {
        Some((base, lang)) => Some((base, Some(lang))),
        None => Some((stem, None)),
    }
}

fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Reads a Markdown file and its front matter.
fn read<T: DeserializeOwned>(
    root: &Path,
    path: &Path,
    problems: &mut Vec<Problem>,
) -> Option<(T, Text)> {
    let file = rel(root, path);
    let raw = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            problems.push(
                Problem::new(&file, 1, format!("cannot read the file: {e}"))
                    .hint("content files are UTF-8 text"),
            );
            return None;
        }
    };
    let split = match frontmatter::split(&file, &raw) {
        Ok(s) => s,
        Err(p) => {
            problems.push(p);
            return None;
        }
    };
    match frontmatter::parse::<T>(&file, &split) {
        Ok(front) => {
            let text = Text {
                file: file.clone(),
                line: split.body_line,
                markdown: split.body.to_string(),
            };
            Some((front, text))
        }
        Err(p) => {
            problems.push(p);
            None
        }
    }
}

/// The `_index.md` of a folder and its `_index.{lang}.md` translations.
fn read_index<T: DeserializeOwned>(
    root: &Path,
    dir: &Path,
    problems: &mut Vec<Problem>,
) -> (Option<(T, Text)>, Translations) {
    let index = dir.join("_index.md");
    let original = if index.exists() {
        read::<T>(root, &index, problems)
    } else {
        problems.push(
            Problem::new(&rel(root, dir), 1, "this folder has no _index.md")
                .hint("add an _index.md with the front matter (title, …) of the course or module"),
        );
        None
    };
    let mut translations = BTreeMap::new();
    for path in sorted_entries(dir, root, problems) {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        if let Some(("_index", Some(lang))) = language_of(&name) {
            if !is_language_tag(lang) {
                problems.push(bad_language(root, &path, lang));
            } else if let Some(t) = read::<TranslatedFront>(root, &path, problems) {
                translations.insert(lang.to_string(), t);
            }
        }
    }
    (original, translations)
}

fn bad_language(root: &Path, path: &Path, lang: &str) -> Problem {
    Problem::new(
        &rel(root, path),
        1,
        format!("{lang:?} is not a language tag"),
    )
    .hint("name translations like lesson.fr.md, lesson.de-AT.md")
}

fn load_course(root: &Path, dir: &Path, problems: &mut Vec<Problem>) -> Option<Course> {
    let slug = dir.file_name()?.to_string_lossy().to_string();
    if !is_slug(&slug) {
        problems.push(
            Problem::new(
                &rel(root, dir),
                1,
                format!("{slug:?} is not a valid course folder name"),
            )
            .hint("use lower-case letters, digits and hyphens: it becomes the course's URL"),
        );
    }
    let (original, translations) = read_index::<CourseFront>(root, dir, problems);
    if let Some((front, _)) = &original
        && !is_language_tag(&front.language)
    {
        problems.push(
            Problem::new(
                &rel(root, &dir.join("_index.md")),
                front_line(root, &rel(root, &dir.join("_index.md")), "language"),
                format!("language {:?} is not a language tag", front.language),
            )
            .hint("the language the course is written in, e.g. language = \"fr\""),
        );
    }
    let mut modules = Vec::new();
    for path in sorted_entries(dir, root, problems) {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        if path.is_dir() {
            match numbered(&name) {
                Some((number, mslug)) => {
                    let lang = original
                        .as_ref()
                        .map(|(f, _)| f.language.clone())
                        .unwrap_or_else(|| "und".into());
                    if let Some(m) = load_module(root, &path, number, mslug, &lang, problems) {
                        modules.push(m);
                    }
                }
                None => problems.push(
                    Problem::new(
                        &rel(root, &path),
                        1,
                        format!("module folder {name:?} is not numbered"),
                    )
                    .hint("name module folders like 01-internet: the number sets their order"),
                ),
            }
        } else if !name.starts_with("_index") && !name.ends_with(".md") {
            // Files beside the course (a cover image) are fine.
        } else if !name.starts_with("_index") {
            problems.push(
                Problem::new(
                    &rel(root, &path),
                    1,
                    "lessons belong in a module folder, not directly in the course",
                )
                .hint("move it into a numbered module folder such as 01-basics/"),
            );
        }
    }
    check_numbers(
        root,
        dir,
        modules.iter().map(|m| (m.number, m.slug.as_str())),
        problems,
    );
    let (front, intro) = original?;
    Some(Course {
        slug,
        front,
        intro,
        translations,
        modules,
    })
}

fn load_module(
    root: &Path,
    dir: &Path,
    number: u32,
    slug: &str,
    course_lang: &str,
    problems: &mut Vec<Problem>,
) -> Option<Module> {
    let (original, translations) = read_index::<ModuleFront>(root, dir, problems);
    let mut lessons: BTreeMap<(u32, String), Lesson> = BTreeMap::new();
    let mut pending: Vec<(PathBuf, Option<String>, u32, String, PathBuf)> = Vec::new();
    for path in sorted_entries(dir, root, problems) {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        if name.starts_with("_index") {
            continue;
        }
        if path.is_dir() {
            let Some((n, lslug)) = numbered(&name) else {
                problems.push(
                    Problem::new(
                        &rel(root, &path),
                        1,
                        format!("lesson folder {name:?} is not numbered"),
                    )
                    .hint("name lesson folders like 02-neutrality/ with an index.md inside"),
                );
                continue;
            };
            let mut found = false;
            for file in sorted_entries(&path, root, problems) {
                let fname = file
                    .file_name()
                    .map(|n| n.to_string_lossy().to_string())
                    .unwrap_or_default();
                if let Some(("index", lang)) = language_of(&fname) {
                    found |= lang.is_none();
                    pending.push((
                        file.clone(),
                        lang.map(str::to_owned),
                        n,
                        lslug.to_string(),
                        path.clone(),
                    ));
                }
            }
            if !found {
                problems.push(
                    Problem::new(&rel(root, &path), 1, "this lesson folder has no index.md")
                        .hint("the lesson's text goes in index.md; images and PDFs beside it"),
                );
            }
        } else if let Some((stem, lang)) = language_of(&name) {
            match numbered(stem) {
                Some((n, lslug)) => pending.push((
                    path.clone(),
                    lang.map(str::to_owned),
                    n,
                    lslug.to_string(),
                    dir.to_path_buf(),
                )),
                None => problems.push(
                    Problem::new(
                        &rel(root, &path),
                        1,
                        format!("lesson file {name:?} is not numbered"),
                    )
                    .hint("name lessons like 01-how-it-works.md: the number sets their order"),
                ),
            }
        }
    }
    // Originals first, so translations find them.
    pending.sort_by_key(|(_, lang, ..)| lang.is_some());
    let originals: std::collections::BTreeSet<(u32, String)> = pending
        .iter()
        .filter(|p| p.1.is_none())
        .map(|p| (p.2, p.3.clone()))
        .collect();
    for (path, lang, n, lslug, lesson_dir) in pending {
        let key = (n, lslug.clone());
        match lang {
            None => {
                if let Some((front, text)) = read::<LessonFront>(root, &path, problems) {
                    let (text, quiz) = with_quiz(text, problems);
                    let id = text.file.to_string_lossy().replace('\\', "/");
                    let mut versions = BTreeMap::new();
                    versions.insert(course_lang.to_string(), LessonVersion { front, text, quiz });
                    lessons.insert(
                        key,
                        Lesson {
                            id,
                            slug: lslug,
                            number: n,
                            dir: rel(root, &lesson_dir),
                            versions,
                        },
                    );
                }
            }
            Some(lang) => {
                if !is_language_tag(&lang) {
                    problems.push(bad_language(root, &path, &lang));
                    continue;
                }
                let Some(lesson) = lessons.get_mut(&key) else {
                    // An original that failed to load was reported already.
                    if !originals.contains(&key) {
                        problems.push(
                            Problem::new(&rel(root, &path), 1, "a translation without its original lesson")
                                .hint("the original file has the same name without the language, e.g. 01-intro.md"),
                        );
                    }
                    continue;
                };
                if let Some((front, text)) = read::<LessonFront>(root, &path, problems) {
                    let (text, quiz) = with_quiz(text, problems);
                    let original = lesson
                        .versions
                        .get(course_lang)
                        .and_then(|v| v.quiz.as_ref());
                    if let Some(problem) = quiz_mismatch(&text, quiz.as_ref(), original) {
                        problems.push(problem);
                    }
                    lesson
                        .versions
                        .insert(lang, LessonVersion { front, text, quiz });
                }
            }
        }
    }
    let lessons: Vec<Lesson> = lessons.into_values().collect();
    check_numbers(
        root,
        dir,
        lessons.iter().map(|l| (l.number, l.slug.as_str())),
        problems,
    );
    let (front, intro) = original?;
    Some(Module {
        slug: slug.to_string(),
        number,
        front,
        intro,
        translations,
        lessons,
    })
}

/// Takes the quiz block out of a lesson's text.
fn with_quiz(text: Text, problems: &mut Vec<Problem>) -> (Text, Option<Quiz>) {
    let (markdown, quiz) = quiz::extract(&text.file, &text.markdown, text.line, problems);
    (Text { markdown, ..text }, quiz)
}

/// Progress and scores are per lesson whatever the language read, so a
/// translation asks the same kinds of questions in the same order.
fn quiz_mismatch(
    text: &Text,
    translated: Option<&Quiz>,
    original: Option<&Quiz>,
) -> Option<Problem> {
    let kinds = |q: Option<&Quiz>| {
        q.map(|q| {
            q.questions
                .iter()
                .map(|x| x.kind_name())
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    };
    let (t, o) = (kinds(translated), kinds(original));
    (t != o).then(|| {
        let line = translated.map(|q| q.line).unwrap_or(text.line);
        Problem::new(
            &text.file,
            line,
            format!(
                "the quiz differs from the original's: [{}] here, [{}] there",
                t.join(", "),
                o.join(", ")
            ),
        )
        .hint("translate each question of the original, in the same order and of the same kind")
    })
}

/// Two siblings may not share a number: their order would be undefined.
fn check_numbers<'a>(
    root: &Path,
    dir: &Path,
    items: impl Iterator<Item = (u32, &'a str)>,
    problems: &mut Vec<Problem>,
) {
    let mut seen: BTreeMap<u32, &str> = BTreeMap::new();
    for (n, slug) in items {
        if let Some(other) = seen.insert(n, slug) {
            problems.push(
                Problem::new(
                    &rel(root, dir),
                    1,
                    format!("{other:?} and {slug:?} both have the number {n:02}"),
                )
                .hint("give each module or lesson its own number"),
            );
        }
    }
}
