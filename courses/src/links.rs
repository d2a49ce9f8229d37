//! Checked links between course files: `@/courses/…/file.md#anchor`.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Library, Text};
use crate::report::Problem;

/// The ids of a text's headings, as rendering gives them.
fn anchors(markdown: &str) -> BTreeSet<String> {
    crate::render::heading_ids(markdown).into_iter().collect()
}

/// Every `](@/target)` in a text, with its line.
fn links(text: &Text) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut in_code = false;
    for (i, line) in text.markdown.lines().enumerate() {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            continue;
        }
        for piece in line.split("](@/").skip(1) {
            let target = piece.split([')', ' ']).next().unwrap_or_default();
            out.push((text.line + i, target.to_string()));
        }
    }
    out
}

/// Checks every checked link of the library against the files it holds.
pub fn check(library: &Library, problems: &mut Vec<Problem>) {
    // Targets: every original file, with the anchors of its headings.
    let mut targets: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut texts: Vec<&Text> = Vec::new();
    for course in &library.courses {
        targets.insert(path(&course.intro), anchors(&course.intro.markdown));
        texts.push(&course.intro);
        texts.extend(course.translations.values().map(|(_, t)| t));
        for module in &course.modules {
            targets.insert(path(&module.intro), anchors(&module.intro.markdown));
            texts.push(&module.intro);
            texts.extend(module.translations.values().map(|(_, t)| t));
            for lesson in &module.lessons {
                // A link may name an anchor of any language version.
                let set = targets.entry(lesson.id.clone()).or_default();
                for version in lesson.versions.values() {
                    set.extend(anchors(&version.text.markdown));
                    texts.push(&version.text);
                }
            }
        }
    }
    for text in texts {
        for (line, target) in links(text) {
            let (file, anchor) = match target.split_once('#') {
                Some((f, a)) => (f, Some(a)),
                None => (target.as_str(), None),
            };
            match targets.get(file) {
                None => problems.push(
                    Problem::new(&text.file, line, format!("broken link: no file @/{file}"))
                        .hint("link to the original file of a lesson, module or course, e.g. @/courses/chatons/01-internet/01-how-it-works.md"),
                ),
                Some(ids) => {
                    if let Some(a) = anchor.filter(|a| !ids.contains(*a)) {
                        let known: Vec<&str> = ids.iter().map(String::as_str).collect();
                        problems.push(
                            Problem::new(&text.file, line, format!("broken link: @/{file} has no heading #{a}"))
                                .hint(format!("its headings are: {}", if known.is_empty() { "(none)".into() } else { known.join(", ") })),
                        );
                    }
                }
            }
        }
    }
}

fn path(text: &Text) -> String {
    text.file.to_string_lossy().replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_links_and_anchors_outside_code() {
        let text = Text {
            file: "x.md".into(),
            line: 5,
            markdown: "# Title\n\nSee [a](@/courses/a.md#b) and [c](@/courses/c.md).\n```\n[no](@/courses/z.md)\n## not a heading\n```\n## Real one\n".into(),
        };
        assert_eq!(
            links(&text),
            [
                (7, "courses/a.md#b".to_string()),
                (7, "courses/c.md".to_string())
            ]
        );
        assert_eq!(
            anchors(&text.markdown),
            ["real-one", "title"]
                .into_iter()
                .map(String::from)
                .collect()
        );
    }
}
