//! Checks on the shape of the workspace, run as tests: no module imports a
//! module that imports it back (within one crate), and the crates that must
//! build without Leptos do not depend on `app`, even through another crate.
//!
//! Modules are files (`a/b.rs` or `a/b/mod.rs` is `a::b`, `lib.rs` and
//! `main.rs` the root). A module imports another when its code names a path
//! into it: `crate::…`, `super::…`, `self::…`, or a child module declared in
//! the file, in `use` trees (groups included) or in expressions and types.
//! Inline test modules (`#[cfg(test)] mod tests { … }`) are left out: they
//! belong to their module. The reading is lexical, which is enough for code
//! that rustfmt keeps tidy: comments and string literals are skipped.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A crate's modules, by path (`""` for the root), with their file.
pub fn module_files(src: &Path) -> BTreeMap<String, PathBuf> {
    let mut out = BTreeMap::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path.strip_prefix(src).unwrap_or(&path).with_extension("");
            let mut parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if parts.last().is_some_and(|p| p == "mod") {
                parts.pop();
            }
            if parts == ["lib"] || parts == ["main"] {
                parts.clear();
            }
            out.insert(parts.join("::"), path);
        }
    }
    out
}

/// The text with comments, string and char literals blanked, and inline
/// test modules removed.
fn code_only(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        if b[i..].starts_with(b"//") {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if b[i..].starts_with(b"/*") {
            let mut depth = 0;
            while i < b.len() {
                if b[i..].starts_with(b"/*") {
                    depth += 1;
                    i += 2;
                } else if b[i..].starts_with(b"*/") {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if b[i] == b'r'
            && (b[i..].starts_with(b"r#") || b[i..].starts_with(b"r\""))
            && (i == 0 || !is_ident(b[i - 1]))
        {
            // A raw string: r"…", r#"…"#, …
            let mut j = i + 1;
            let mut hashes = 0;
            while j < b.len() && b[j] == b'#' {
                hashes += 1;
                j += 1;
            }
            if j < b.len() && b[j] == b'"' {
                let close: Vec<u8> = std::iter::once(b'"')
                    .chain(std::iter::repeat_n(b'#', hashes))
                    .collect();
                j += 1;
                while j < b.len() && !b[j..].starts_with(&close) {
                    j += 1;
                }
                i = (j + close.len()).min(b.len());
                out.push_str("\"\"");
            } else {
                out.push('r');
                i += 1;
            }
        } else if b[i] == b'"' {
            i += 1;
            while i < b.len() && b[i] != b'"' {
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if let Some(len) = (b[i] == b'\'')
            .then(|| char_literal_len(&text[i..]))
            .flatten()
        {
            i += len;
            out.push_str("' '");
        } else {
            let ch = text[i..].chars().next().unwrap_or(' ');
            out.push(ch);
            i += ch.len_utf8();
        }
    }
    match out.find("#[cfg(test)]\nmod tests") {
        Some(at) => out[..at].to_string(),
        None => out,
    }
}

/// The length of a char literal at the start of `s` (`'a'`, `'\n'`,
/// `'\''`), not a lifetime.
fn char_literal_len(s: &str) -> Option<usize> {
    let rest = s.get(1..)?;
    if let Some(escaped) = rest.strip_prefix('\\') {
        let end = escaped.get(1..)?.find('\'')? + 1;
        return (end < 10).then_some(1 + 1 + end + 1);
    }
    let c = rest.chars().next()?;
    rest[c.len_utf8()..]
        .starts_with('\'')
        .then_some(1 + c.len_utf8() + 1)
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// The child modules a file declares (`mod name;` or `pub mod name;`).
fn declared_children(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for line in code.lines() {
        let line = line.trim();
        let rest = line
            .strip_prefix("pub ")
            .or_else(|| line.strip_prefix("pub(crate) "))
            .or_else(|| line.strip_prefix("pub(super) "))
            .unwrap_or(line);
        if let Some(name) = rest.strip_prefix("mod ").and_then(|r| r.strip_suffix(';')) {
            out.insert(name.trim().to_string());
        }
    }
    out
}

/// Every path written in `code` that starts with `crate`, `super`, `self`
/// or one of `children`, as segments, groups expanded.
fn paths(code: &str, children: &BTreeSet<String>) -> Vec<Vec<String>> {
    let b = code.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !is_ident(b[i]) || (i > 0 && (is_ident(b[i - 1]) || b[i - 1] == b':')) {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && is_ident(b[i]) {
            i += 1;
        }
        let first = &code[start..i];
        let starts = matches!(first, "crate" | "super" | "self") || children.contains(first);
        if !starts || !code[i..].starts_with("::") {
            continue;
        }
        let (found, end) = read_path(code, start);
        out.extend(found);
        i = end;
    }
    out
}

/// The paths of the path (or use tree) starting at `at`, and where it ends.
fn read_path(code: &str, at: usize) -> (Vec<Vec<String>>, usize) {
    let b = code.as_bytes();
    let mut segments = Vec::new();
    let mut i = at;
    loop {
        let start = i;
        while i < b.len() && is_ident(b[i]) {
            i += 1;
        }
        if start == i {
            break;
        }
        segments.push(code[start..i].to_string());
        if !code[i..].starts_with("::") {
            return (vec![segments], i);
        }
        i += 2;
        if code[i..].starts_with('{') {
            // A group: each item is a path of its own after the prefix.
            let mut out = Vec::new();
            i += 1;
            loop {
                while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b',') {
                    i += 1;
                }
                if i >= b.len() || b[i] == b'}' {
                    return (out, (i + 1).min(b.len()));
                }
                if b[i] == b'*' {
                    i += 1;
                    continue;
                }
                let (items, end) = read_path(code, i);
                for item in items {
                    let mut full = segments.clone();
                    full.extend(item);
                    out.push(full);
                }
                i = end;
                // `as name`
                while i < b.len() && b[i] != b',' && b[i] != b'}' {
                    i += 1;
                }
            }
        }
    }
    (vec![segments], i)
}

/// Which modules each module imports (itself and unknown paths left out).
pub fn import_graph(files: &BTreeMap<String, PathBuf>) -> BTreeMap<String, BTreeSet<String>> {
    let mut graph = BTreeMap::new();
    for (module, file) in files {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        graph.insert(module.clone(), imports_of(module, &text, files));
    }
    graph
}

/// The modules `module`, whose source is `text`, imports among `known`.
pub fn imports_of<T>(module: &str, text: &str, known: &BTreeMap<String, T>) -> BTreeSet<String> {
    let code = code_only(text);
    let children = declared_children(&code);
    let here: Vec<&str> = if module.is_empty() {
        Vec::new()
    } else {
        module.split("::").collect()
    };
    let mut out = BTreeSet::new();
    for path in paths(&code, &children) {
        let mut base: Vec<&str> = match path[0].as_str() {
            "crate" => Vec::new(),
            "self" => here.clone(),
            "super" => here[..here.len().saturating_sub(1)].to_vec(),
            _ => here.clone(),
        };
        let mut rest: &[String] = if path[0] == "crate" || path[0] == "self" || path[0] == "super" {
            &path[1..]
        } else {
            &path[..]
        };
        while rest.first().is_some_and(|s| s == "super") {
            base.pop();
            rest = &rest[1..];
        }
        let mut full: Vec<&str> = base;
        full.extend(rest.iter().map(String::as_str));
        // The longest prefix that is a module.
        let target = (0..=full.len())
            .rev()
            .map(|n| full[..n].join("::"))
            .find(|candidate| known.contains_key(candidate));
        if let Some(target) = target
            && target != module
        {
            out.insert(target);
        }
    }
    out
}

/// The groups of modules that import each other in a circle (strongly
/// connected components of more than one module), each sorted.
pub fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct Tarjan<'a> {
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        next: usize,
        found: Vec<Vec<String>>,
    }
    impl<'a> Tarjan<'a> {
        fn visit(&mut self, v: &'a str) {
            self.index.insert(v, self.next);
            self.low.insert(v, self.next);
            self.next += 1;
            self.stack.push(v);
            self.on_stack.insert(v);
            let graph = self.graph;
            for w in graph.get(v).into_iter().flatten() {
                let w = w.as_str();
                if !self.index.contains_key(w) {
                    self.visit(w);
                    let low = self.low[v].min(self.low[w]);
                    self.low.insert(v, low);
                } else if self.on_stack.contains(w) {
                    let low = self.low[v].min(self.index[w]);
                    self.low.insert(v, low);
                }
            }
            if self.low[v] == self.index[v] {
                let mut component = Vec::new();
                while let Some(w) = self.stack.pop() {
                    self.on_stack.remove(w);
                    component.push(w.to_string());
                    if w == v {
                        break;
                    }
                }
                if component.len() > 1 {
                    component.sort();
                    self.found.push(component);
                }
            }
        }
    }
    let mut t = Tarjan {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        next: 0,
        found: Vec::new(),
    };
    for v in graph.keys() {
        if !t.index.contains_key(v.as_str()) {
            t.visit(v);
        }
    }
    t.found.sort();
    t.found
}

/// The workspace crates a member's `Cargo.toml` lists under
/// `[dependencies]` (not dev- or build-dependencies), among `members`.
pub fn crate_dependencies(manifest: &str, members: &BTreeSet<String>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut in_deps = false;
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_deps = line == "[dependencies]";
            continue;
        }
        if !in_deps || line.starts_with('#') {
            continue;
        }
        let name = line
            .split(['=', '.', ' '])
            .next()
            .unwrap_or("")
            .trim()
            .to_string();
        if members.contains(&name) {
            out.insert(name);
        }
    }
    out
}

/// Every crate `from` depends on, directly or through others.
pub fn reachable(graph: &BTreeMap<String, BTreeSet<String>>, from: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut todo = vec![from.to_string()];
    while let Some(c) = todo.pop() {
        for d in graph.get(&c).into_iter().flatten() {
            if seen.insert(d.clone()) {
                todo.push(d.clone());
            }
        }
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(names: &[&str]) -> BTreeMap<String, ()> {
        names.iter().map(|n| (n.to_string(), ())).collect()
    }

    #[test]
    fn use_trees_groups_and_relative_paths_are_read() {
        let modules = known(&["", "http", "http::render", "http::csrf", "state", "error"]);
        let text = "use super::render::{Ctx, Failure};\n\
                    use crate::{error::AppError, state::AppState};\n\
                    fn f() { let x = crate::http::csrf::guard(); }\n";
        let got = imports_of("http::library", text, &modules);
        let want: BTreeSet<String> = ["http::render", "error", "state", "http::csrf"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn comments_strings_tests_and_locals_do_not_count() {
        let modules = known(&["", "a", "b", "providers"]);
        let text = "// uses crate::b::x\n\
                    const S: &str = \"crate::b::y\";\n\
                    fn f(providers: Vec<u8>) { providers.len(); }\n\
                    #[cfg(test)]\nmod tests {\n    use crate::b::z;\n}\n";
        assert!(imports_of("a", text, &modules).is_empty());
    }

    #[test]
    fn declared_children_are_paths_too() {
        let modules = known(&["", "http", "http::linked"]);
        let text = "pub mod linked;\nfn app() { linked::routes(); }\n";
        let got = imports_of("http", text, &modules);
        assert_eq!(got.into_iter().collect::<Vec<_>>(), ["http::linked"]);
    }

    #[test]
    fn a_circle_of_three_is_found_and_a_chain_is_not() {
        let edges = |pairs: &[(&str, &str)]| {
            let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
            for (a, b) in pairs {
                g.entry(a.to_string()).or_default().insert(b.to_string());
                g.entry(b.to_string()).or_default();
            }
            g
        };
        let circle = edges(&[("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")]);
        assert_eq!(cycles(&circle), [["a", "b", "c"]]);
        let chain = edges(&[("a", "b"), ("b", "c"), ("a", "c")]);
        assert!(cycles(&chain).is_empty());
    }

    #[test]
    fn dependencies_come_from_the_dependencies_table_only() {
        let members: BTreeSet<String> = ["app", "store", "i18n"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let manifest = "[package]\nname = \"x\"\n\n[dependencies]\nstore.workspace = true\n\
                        i18n = { workspace = true, features = [\"strings\"] }\nserde.workspace = true\n\n\
                        [dev-dependencies]\napp.workspace = true\n";
        let got = crate_dependencies(manifest, &members);
        assert_eq!(got.into_iter().collect::<Vec<_>>(), ["i18n", "store"]);
    }
}
