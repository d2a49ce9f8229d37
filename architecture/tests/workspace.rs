//! The workspace keeps the shape ARCHITECTURE.md describes.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use architecture::{crate_dependencies, cycles, import_graph, module_files, reachable};

fn root() -> PathBuf {
    // Read when the test runs, so a binary built elsewhere reads this checkout.
    PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("run through cargo test"))
        .parent()
        .expect("the workspace root")
        .to_path_buf()
}

/// The crates whose modules must not import each other in a circle: the
/// server and the crates carved out of it.
const ACYCLIC: &[&str] = &[
    "server",
    "projections",
    "harvest",
    "i18n",
    "mail",
    "oai-provider",
    "uploads",
    "architecture",
    "courses",
    "views",
];

/// The crates that must build without Leptos.
const WITHOUT_APP: &[&str] = &[
    "i18n",
    "harvest",
    "projections",
    "mail",
    "oai-provider",
    "uploads",
    "settings",
];

#[test]
fn no_module_imports_a_module_that_imports_it_back() {
    let mut problems = Vec::new();
    for name in ACYCLIC {
        let files = module_files(&root().join(name).join("src"));
        assert!(
            files.len() > 1 || *name == "architecture",
            "{name}: no modules found"
        );
        let graph = import_graph(&files);
        for group in cycles(&graph) {
            let members: BTreeSet<&String> = group.iter().collect();
            let edges: Vec<String> = group
                .iter()
                .flat_map(|a| {
                    graph[a]
                        .iter()
                        .filter(|b| members.contains(b))
                        .map(move |b| format!("{} -> {}", show(a), show(b)))
                })
                .collect();
            problems.push(format!("{name}: {}", edges.join(", ")));
        }
    }
    assert!(
        problems.is_empty(),
        "modules importing each other in a circle:\n{}",
        problems.join("\n")
    );
}

fn show(module: &str) -> &str {
    if module.is_empty() {
        "(crate root)"
    } else {
        module
    }
}

fn members() -> BTreeMap<String, String> {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
    let line = manifest
        .lines()
        .find(|l| l.trim_start().starts_with("members"))
        .expect("a members list");
    line.split('"')
        .skip(1)
        .step_by(2)
        .map(|m| {
            let text = std::fs::read_to_string(root().join(m).join("Cargo.toml")).unwrap();
            (m.to_string(), text)
        })
        .collect()
}

#[test]
fn crates_that_speak_to_people_or_keep_data_do_not_need_leptos() {
    let members = members();
    let names: BTreeSet<String> = members.keys().cloned().collect();
    for needed in WITHOUT_APP.iter().chain(["app", "server"].iter()) {
        assert!(
            names.contains(*needed),
            "{needed} is not a workspace member"
        );
    }
    let graph: BTreeMap<String, BTreeSet<String>> = members
        .iter()
        .map(|(name, text)| (name.clone(), crate_dependencies(text, &names)))
        .collect();
    assert!(
        reachable(&graph, "server").contains("app"),
        "the check reads dependencies: server depends on app"
    );
    for name in WITHOUT_APP {
        assert!(
            !reachable(&graph, name).contains("app"),
            "{name} depends on app (Leptos), directly or through another crate"
        );
    }
    for (name, deps) in &graph {
        assert!(!deps.contains("server"), "{name} depends on server");
    }
}
