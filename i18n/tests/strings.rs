//! The interface translations are complete: every language has exactly the
//! French keys, every key is used by the code, and every key the code uses
//! (including each validation error code) exists.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, PatternElement};

const LANGS: [&str; 5] = ["fr", "en", "de", "it", "hr"];

fn root() -> PathBuf {
    // Read when the test runs: a test binary built from another checkout
    // of the repository must still read this one.
    PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("run through cargo test"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// The Fluent files of one language (`main.ftl` and one per area), in name
/// order.
fn files(lang: &str) -> Vec<PathBuf> {
    let dir = root().join("i18n/locales").join(lang);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_language_has_the_same_files() {
    let names = |lang| -> Vec<_> {
        files(lang)
            .iter()
            .map(|p| p.file_name().unwrap().to_owned())
            .collect()
    };
    for lang in LANGS {
        assert_eq!(names(lang), names("fr"), "{lang}: Fluent files");
    }
}

/// Message ids of one language (over all its files), with the variables each
/// one uses.
fn messages(lang: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for path in files(lang) {
        messages_of(lang, &path, &mut out);
    }
    out
}

fn messages_of(lang: &str, path: &std::path::Path, out: &mut BTreeMap<String, BTreeSet<String>>) {
    let text = std::fs::read_to_string(path).unwrap();
    let resource = fluent_syntax::parser::parse(text.as_str())
        .unwrap_or_else(|(_, errors)| panic!("{}: syntax errors {errors:?}", path.display()));
    for entry in resource.body {
        if let Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(p) = &m.value {
                for el in &p.elements {
                    if let PatternElement::Placeable {
                        expression: Expression::Inline(InlineExpression::VariableReference { id }),
                    } = el
                    {
                        vars.insert(id.name.to_string());
                    }
                }
            }
            assert!(
                out.insert(m.id.name.to_string(), vars).is_none(),
                "{lang}: duplicate key {}",
                m.id.name
            );
        }
    }
}

fn rust_sources() -> String {
    let mut all = String::new();
    // Every member crate's sources: strings are used wherever people are
    // spoken to (pages, e-mails, records), whichever crate that is.
    let mut stack: Vec<PathBuf> = std::fs::read_dir(root())
        .unwrap()
        .map(|e| e.unwrap().path().join("src"))
        .filter(|src| src.is_dir() && src.parent().unwrap().join("Cargo.toml").is_file())
        .collect();
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                all.push_str(&std::fs::read_to_string(path).unwrap());
                all.push('\n');
            }
        }
    }
    all
}

/// The contents of the string literals of Rust source: escaped quotes stay
/// inside their string, the character literal `'"'` starts none, and raw
/// strings (`r#"…"#`) end only at their own closing quote.
fn string_literals(src: &str) -> Vec<String> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts_word = i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
        if chars[i] == 'r' && starts_word {
            let hashes = chars[i + 1..].iter().take_while(|c| **c == '#').count();
            if chars.get(i + 1 + hashes) == Some(&'"') {
                let body = i + 2 + hashes;
                let closing: String = std::iter::once('"')
                    .chain(std::iter::repeat_n('#', hashes))
                    .collect();
                let rest: String = chars[body..].iter().collect();
                let len = rest.find(&closing).unwrap_or(rest.len());
                out.push(rest[..len].to_string());
                i = body + rest[..len].chars().count() + closing.chars().count();
                continue;
            }
        }
        match chars[i] {
            '\'' if chars.get(i + 1) == Some(&'"') && chars.get(i + 2) == Some(&'\'') => i += 3,
            '\'' if chars.get(i + 1) == Some(&'\\') && chars.get(i + 3) == Some(&'\'') => i += 4,
            '"' => {
                let mut lit = String::new();
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    if chars[i] == '\\' {
                        i += 1;
                    }
                    if let Some(c) = chars.get(i) {
                        lit.push(*c);
                    }
                    i += 1;
                }
                out.push(lit);
                i += 1;
            }
            _ => i += 1,
        }
    }
    out
}

/// Every string literal in the sources that has the shape of a message key.
fn key_like_literals(src: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for piece in string_literals(src) {
        let shaped = piece.contains('-')
            && piece
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !piece.starts_with('-')
            && !piece.ends_with('-');
        if shaped {
            out.insert(piece.to_string());
        }
    }
    out
}

#[test]
fn every_language_has_exactly_the_french_keys_and_variables() {
    let fr = messages("fr");
    assert!(fr.len() > 100, "the French file holds the interface");
    for lang in LANGS {
        let other = messages(lang);
        let missing: Vec<_> = fr.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<_> = other.keys().filter(|k| !fr.contains_key(*k)).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{lang}: missing {missing:?}, unknown {extra:?}"
        );
        for (key, vars) in &fr {
            assert_eq!(
                &other[key], vars,
                "{lang}: {key} uses other variables than French"
            );
        }
    }
}

#[test]
fn every_key_is_used_and_every_used_key_exists() {
    let fr = messages("fr");
    let src = rust_sources();
    let literals = key_like_literals(&src);
    // Keys built at run time: `error-{code}`, `role-{role}`, `org-role-{role}`, `search-kind-{kind}`.
    // The directory's vocabularies (`app/src/labels.rs`) too, and country
    // names, whose codes are written in capitals (`"HR"` → `country-hr`).
    let dynamic = [
        "error-",
        "org-role-",
        "role-",
        "search-kind-",
        "level-",
        "dir-help-",
        "dir-service-",
        "dir-price-",
        "dir-legal-",
        "dir-commitment-",
        "dir-status-",
        "notify-kind-",
        "notify-",
        "moderation-action-",
        "notifications-email-",
    ];
    let unused: Vec<_> = fr
        .keys()
        .filter(|k| {
            if literals.contains(*k) {
                return false;
            }
            if let Some(code) = k.strip_prefix("country-") {
                return !src.contains(&format!("\"{}\"", code.to_ascii_uppercase()));
            }
            let suffix = dynamic.iter().find_map(|p| k.strip_prefix(p));
            !suffix.is_some_and(|s| src.contains(&format!("\"{s}\"")))
        })
        .collect();
    assert!(unused.is_empty(), "keys no code uses: {unused:?}");

    // Literals shaped like keys with a known prefix must exist, except codes
    // completed at run time (`email-taken` → `error-email-taken`) and the CSS
    // classes and element ids that happen to share a prefix.
    let prefixes: BTreeSet<&str> = fr.keys().map(|k| k.split('-').next().unwrap()).collect();
    let not_keys = [
        "data-protection",
        "search-layout",
        "search-browse",
        "search-results",
        "search-tips",
        "data-key",
        "topics-error",
        "topic-tree",
        "topic-form",
        "topic-form-heading",
        "file-added",
        "file-removed",
        "file-icon",
        "file-thumbnail",
        "resource-thumbnail",
        "form-errors",
        "form-actions",
        "form-note",
        "field-error",
        "field-help",
        "field-invalid",
        "page-header",
        "partner-logo",
        "account-nav",
        "site-nav",
        "site-header",
        "site-footer",
        "footer-inner",
        "footer-links",
        "header-inner",
        "brand-name",
        "brand-tagline",
        "error-page",
        "password-hint",
        "search-form",
        "button-small",
        "button-primary",
        "button-danger",
        "link-button",
        "skip-link",
        "lang-switcher",
        "inline-form",
        "danger-zone",
        "table-wrap",
        "create-heading",
        "edit-heading",
        "logo-heading",
        "delete-heading",
        "members-heading",
        "profile-heading",
        "password-heading",
        "logo-help",
        "new-password",
        "current-password",
        "result-kind",
        "result-snippet",
        "result-lang",
        "result-count",
        "flash-success",
        "course-card",
        "course-actions",
        "lesson-item",
        "lesson-done",
        "lang-note",
        "quiz-state",
        "quiz-result",
        "certificate-site",
        "certificate-holder",
        "done-state",
        "resume-at",
        "no-print",
        "progress-title",
        "toc-title",
        "toc-sub",
        "translation-description",
        // A path segment of the review forms.
        "request-changes",
        // The open data page's layout and example query ids.
        "data-layout",
        "course-citations",
        "course-outline",
        "partner-contributions",
        // The purpose of an account token, a stored code.
        "reset-password",
        // History actions recorded by the store, shown through `event-…` keys.
        "translation-saved",
        "translation-submitted",
        "translation-published",
        "translation-changes-requested",
    ];
    let missing: Vec<_> = literals
        .iter()
        .filter(|l| prefixes.contains(l.split('-').next().unwrap()))
        .filter(|l| !fr.contains_key(*l) && !not_keys.contains(&l.as_str()))
        .filter(|l| !dynamic.iter().any(|p| fr.contains_key(&format!("{p}{l}"))))
        .cloned()
        .collect();
    assert!(
        missing.is_empty(),
        "keys the code uses but no file defines: {missing:?}"
    );
}

#[test]
fn every_validation_error_code_has_a_message() {
    let fr = messages("fr");
    let src = rust_sources();
    let mut codes = BTreeSet::new();
    for marker in ["FieldError::new(", "StoreError::invalid(", "Err(\""] {
        for rest in src.split(marker).skip(1) {
            let call = rest.split(')').next().unwrap_or_default();
            // The code is the call's last argument when that is a literal.
            if call.trim_end().ends_with('"')
                && let Some(code) = call.split('"').rev().nth(1)
                && !code.is_empty()
                && code.chars().all(|c| c.is_ascii_lowercase() || c == '-')
            {
                codes.insert(code.to_string());
            }
        }
    }
    assert!(
        codes.contains("email-taken") && codes.contains("image-too-big"),
        "found {codes:?}"
    );
    let missing: Vec<_> = codes
        .iter()
        .filter(|c| !fr.contains_key(&format!("error-{c}")))
        .collect();
    assert!(
        missing.is_empty(),
        "error codes without a message: {missing:?}"
    );
}
