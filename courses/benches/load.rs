//! Content load and render time: `cargo bench -p courses`. Loads the shipped
//! `content/` tree repeatedly (parsing, quizzes, link checks) and renders every
//! lesson version, then reports the median and worst times. No test asserts a time.

use std::path::Path;
use std::time::Instant;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
    let mut loads = Vec::new();
    let mut renders = Vec::new();
    let mut versions = 0;
    for _ in 0..50 {
        let t = Instant::now();
        let library = courses::load(&root).unwrap_or_else(|r| panic!("{r}"));
        loads.push(t.elapsed().as_secs_f64() * 1000.0);
        let t = Instant::now();
        versions = 0;
        for course in &library.courses {
            for lesson in course.lessons() {
                for version in lesson.versions.values() {
                    let html =
                        courses::render::render(&version.text.markdown, |target| match target {
                            courses::render::Target::Checked(t) => format!("/fr/{t}"),
                            courses::render::Target::File(f)
                            | courses::render::Target::Image(f) => format!("/files/{f}"),
                        });
                    assert!(!html.html.is_empty());
                    versions += 1;
                }
            }
        }
        renders.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let report = |label: &str, times: &mut Vec<f64>| {
        times.sort_by(f64::total_cmp);
        println!(
            "{label}: median {:.2} ms, worst {:.2} ms ({} runs)",
            times[times.len() / 2],
            times[times.len() - 1],
            times.len()
        );
    };
    report("load and check content/", &mut loads);
    report(
        &format!("render all {versions} lesson versions"),
        &mut renders,
    );
}
