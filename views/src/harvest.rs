//! Harvesting as the pages show it: a run with its report, and a harvested
//! entry in the reader's language.

use app::page::{HarvestProblem, HarvestRunView, HarvestedView, REJECTED_SHOWN};
use app::pages::learning::Link;
use serde_json::Value;
use store::harvest::{Entry, Run};
use store::library;

use crate::library::first_words;

/// A string from the report, when it is one.
fn text(v: Option<&Value>) -> Option<String> {
    v.and_then(Value::as_str).map(str::to_string)
}

/// A report value written out for people: strings as they are, anything
/// else as compact JSON.
fn shown(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn problem(v: &Value) -> HarvestProblem {
    match v {
        Value::Object(o) => HarvestProblem {
            subject: text(o.get("subject")),
            code: text(o.get("code")).unwrap_or_default(),
            message: o.get("message").map(shown).unwrap_or_default(),
        },
        other => HarvestProblem {
            subject: None,
            code: String::new(),
            message: shown(other),
        },
    }
}

/// A run as the pages show it. The report is read as whatever JSON it
/// holds: the known fields get their own lines, the rest is listed by name.
pub fn run_view(run: &Run) -> HarvestRunView {
    let report: Value = serde_json::from_str(&run.report).unwrap_or(Value::Null);
    let mut view = HarvestRunView {
        id: run.id,
        started_at: run.started_at.clone(),
        finished_at: run.finished_at.clone(),
        status: run.status.as_str().to_string(),
        kept: run.kept,
        rejected: run.rejected,
        ..HarvestRunView::default()
    };
    match report {
        Value::Object(fields) => {
            for (key, value) in fields {
                match key.as_str() {
                    "fetched" => view.fetched = Some(shown(&value)),
                    "format" => view.format = Some(shown(&value)),
                    "triples" => view.triples = value.as_i64(),
                    "error" if !value.is_null() => view.error = Some(problem(&value)),
                    "rejected" => match value {
                        Value::Array(items) => {
                            view.rejected_more = items.len().saturating_sub(REJECTED_SHOWN);
                            view.rejected_records =
                                items.iter().take(REJECTED_SHOWN).map(problem).collect();
                        }
                        other => view.other.push((key, shown(&other))),
                    },
                    _ => view.other.push((key, shown(&value))),
                }
            }
        }
        Value::Null => {}
        other => view.other.push(("report".into(), shown(&other))),
    }
    view
}

/// Whether the identifier is an address a browser can open.
fn is_address(uri: &str) -> bool {
    uri.starts_with("https://") || uri.starts_with("http://")
}

/// The entry's view, its text in `lang` when there is one (else its main one).
pub fn entry_view(
    e: &Entry,
    lang: &str,
    source: &str,
    partner: Option<Link>,
) -> Option<HarvestedView> {
    let text = e.text(lang)?;
    let licence = e.licence.as_ref().map(|uri| {
        let label = library::licence_label(uri);
        (uri.clone(), label)
    });
    let original_href = if is_address(&e.original_uri) {
        Some(e.original_uri.clone())
    } else {
        e.url.clone()
    };
    Some(HarvestedView {
        id: e.id,
        title: text.title.clone(),
        description: text.description.clone(),
        lang: text.lang.clone(),
        also_in: e
            .texts
            .iter()
            .filter(|t| t.lang != text.lang)
            .map(|t| t.lang.clone())
            .collect(),
        kind: e
            .kind
            .as_deref()
            .and_then(library::Kind::parse)
            .map(|k| k.as_str().to_string()),
        languages: e.languages.clone(),
        licence,
        keywords: e.keywords.clone(),
        creators: e.creators.clone(),
        issued: e.issued.clone().unwrap_or_default(),
        modified: e.modified.clone().unwrap_or_default(),
        original_uri: e.original_uri.clone(),
        original_href,
        url: e.url.clone(),
        source: source.to_string(),
        partner,
        harvested_on: e.harvested_at.chars().take(10).collect(),
        summary: first_words(&text.description),
    })
}

#[cfg(test)]
mod tests {
    use app::page::REJECTED_SHOWN;
    use store::harvest::RunStatus;

    use super::*;

    fn run(report: &str) -> Run {
        Run {
            id: 1,
            source_id: 1,
            started_at: "2026-12-01T10:00:00Z".into(),
            finished_at: "2026-12-01T10:00:01Z".into(),
            status: RunStatus::Ok,
            kept: 2,
            rejected: 1,
            report: report.into(),
            etag: None,
            last_modified: None,
        }
    }

    #[test]
    fn a_report_is_read_whatever_it_holds() {
        let v = run_view(&run(
            r#"{"fetched":"https://example.org/a.ttl","format":"Turtle","triples":2,
               "rejected":[{"subject":"https://example.org/x","code":"title-missing","message":"No title"},"odd"],
               "pages":3}"#,
        ));
        assert_eq!(v.fetched.as_deref(), Some("https://example.org/a.ttl"));
        assert_eq!(v.format.as_deref(), Some("Turtle"));
        assert_eq!(v.triples, Some(2));
        assert_eq!(v.rejected_records.len(), 2);
        assert_eq!(
            v.rejected_records[0].subject.as_deref(),
            Some("https://example.org/x")
        );
        assert_eq!(v.rejected_records[0].code, "title-missing");
        assert_eq!(v.rejected_records[1].message, "odd");
        assert_eq!(v.other, vec![("pages".to_string(), "3".to_string())]);
        assert!(v.error.is_none());
    }

    #[test]
    fn a_failed_run_keeps_its_code_and_message_and_odd_reports_survive() {
        let v = run_view(&run(
            r#"{"triples":0,"error":{"code":"http-status","message":"the source answered 404"}}"#,
        ));
        let e = v.error.unwrap();
        assert_eq!(
            (e.code.as_str(), e.message.as_str()),
            ("http-status", "the source answered 404")
        );
        assert!(run_view(&run("not json")).other.is_empty());
        assert_eq!(run_view(&run("[1]")).other[0].1, "[1]");
    }

    #[test]
    fn long_rejection_lists_are_cut_with_a_count() {
        let items: Vec<String> = (0..REJECTED_SHOWN + 5)
            .map(|i| format!(r#"{{"subject":"s{i}","code":"c","message":"m"}}"#))
            .collect();
        let v = run_view(&run(&format!(r#"{{"rejected":[{}]}}"#, items.join(","))));
        assert_eq!(v.rejected_records.len(), REJECTED_SHOWN);
        assert_eq!(v.rejected_more, 5);
    }
}
