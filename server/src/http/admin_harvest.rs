//! The administrators' harvest pages: registering sources, their schedule,
//! "Harvest now", the run history with each run's report, and removal.

use std::collections::HashMap;

use crate::http::form::Form;
use app::Page;
use app::page::{
    HarvestAdmin, HarvestProblem, HarvestRunView, HarvestSourceDetail, HarvestSourceRow,
    REJECTED_SHOWN, RUNS_SHOWN,
};
use axum::extract::Path;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use store::authz::Action;
use store::harvest::{self, Run, RunStatus, Source, SourceForm, SourceKind};
use store::{FieldError, StoreError, organisations};

use super::render::{Ctx, PageResult};
use crate::error::AppError;

/// The organisations by id: `(slug, name)`.
type Partners = HashMap<i64, (String, String)>;

async fn partners(ctx: &Ctx) -> Result<Partners, AppError> {
    let list = organisations::list(&ctx.state.db).await?;
    Ok(list.into_iter().map(|o| (o.id, (o.slug, o.name))).collect())
}

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

async fn source_row(
    ctx: &Ctx,
    source: &Source,
    last: Option<&Run>,
    partners: &Partners,
) -> Result<HarvestSourceRow, AppError> {
    let entries = harvest::count_entries(&ctx.state.db, source.id).await?;
    Ok(HarvestSourceRow {
        id: source.id,
        kind: source.kind.as_str().to_string(),
        url: source.url.clone(),
        label: source.label.clone(),
        partner: source
            .organisation_id
            .and_then(|id| partners.get(&id).cloned()),
        interval_hours: source.interval_hours,
        enabled: source.enabled,
        created_at: source.created_at.clone(),
        last_run: last.map(run_view),
        entries: Some(entries),
    })
}

async fn list_page(ctx: &Ctx) -> Result<Page, AppError> {
    let partners = partners(ctx).await?;
    let mut sources = Vec::new();
    for (source, last) in harvest::list(&ctx.state.db).await? {
        sources.push(source_row(ctx, &source, last.as_ref(), &partners).await?);
    }
    let mut organisations: Vec<(i64, String)> = partners
        .iter()
        .map(|(id, (_, name))| (*id, name.clone()))
        .collect();
    organisations.sort_by_key(|o| o.1.to_lowercase());
    Ok(Page::AdminHarvest(HarvestAdmin {
        sources,
        kinds: SourceKind::ALL
            .iter()
            .map(|k| k.as_str().to_string())
            .collect(),
        organisations,
        counts_entries: true,
    }))
}

/// The source `id`, or the not-found page.
async fn source(ctx: &Ctx, id: i64) -> Result<Source, AppError> {
    harvest::get(&ctx.state.db, id)
        .await
        .map_err(AppError::from)
}

async fn detail_page(ctx: &Ctx, source: &Source) -> Result<Page, AppError> {
    let db = &ctx.state.db;
    let runs = harvest::runs(db, source.id, RUNS_SHOWN).await?;
    let total_runs = harvest::count_runs(db, source.id).await?;
    let partners = partners(ctx).await?;
    let row = source_row(ctx, source, runs.first(), &partners).await?;
    Ok(Page::AdminHarvestSource(HarvestSourceDetail {
        source: row,
        runs: runs.iter().map(run_view).collect(),
        total_runs,
    }))
}

/// `GET /{lang}/admin/harvest`: the sources and the form to register one.
pub async fn list(ctx: Ctx) -> PageResult {
    ctx.authorize(Action::ManageHarvest).await?;
    let page = list_page(&ctx).await?;
    Ok(ctx.show(page))
}

#[derive(Deserialize, Serialize)]
pub struct SourceFields {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    url: String,
    #[serde(default)]
    label: String,
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    interval_hours: String,
}

/// Hours from a form field: a whole number, or the error code for it.
fn hours(value: &str) -> Result<i64, &'static str> {
    let value = value.trim();
    if value.is_empty() {
        return Err("required");
    }
    match value.parse::<i64>() {
        Ok(h) if h >= 0 => Ok(h),
        _ => Err("out-of-range"),
    }
}

/// `POST /{lang}/admin/harvest`: registers a source.
pub async fn add(ctx: Ctx, Form(f): Form<SourceFields>) -> PageResult {
    ctx.authorize(Action::ManageHarvest).await?;
    let interval = hours(&f.interval_hours);
    let organisation_id = match f.organisation.trim() {
        "" => None,
        // An id that names no organisation is refused by the store.
        id => Some(id.parse::<i64>().unwrap_or(-1)),
    };
    let form = SourceForm {
        kind: f.kind.clone(),
        url: f.url.clone(),
        label: f.label.clone(),
        organisation_id,
        // A negative interval makes the store refuse the form while still
        // checking every other field; its error is then replaced below.
        interval_hours: *interval.as_ref().unwrap_or(&-1),
    };
    match harvest::add(&ctx.state.db, &form).await {
        Ok(source) => {
            tracing::info!(
                source = source.id,
                kind = source.kind.as_str(),
                url = source.url,
                "harvest source registered"
            );
            ctx.redirect_with("/admin/harvest", "flash-harvest-added")
                .await
        }
        Err(StoreError::Invalid(mut errors)) => {
            if let Err(code) = interval {
                errors.retain(|e| e.field != "interval_hours");
                errors.push(FieldError::new("interval_hours", code));
            }
            let page = list_page(&ctx).await?;
            Ok(ctx.invalid(page, "source", &f, &errors))
        }
        Err(e) => Err(e.into()),
    }
}

/// `GET /{lang}/admin/harvest/{id}`: a source and its runs.
pub async fn detail(ctx: Ctx, Path((_lang, id)): Path<(String, i64)>) -> PageResult {
    ctx.authorize(Action::ManageHarvest).await?;
    let source = source(&ctx, id).await?;
    let page = detail_page(&ctx, &source).await?;
    Ok(ctx.show(page))
}

#[derive(Deserialize, Serialize)]
pub struct ScheduleFields {
    /// Present (`on`) when the box is ticked.
    enabled: Option<String>,
    #[serde(default)]
    interval_hours: String,
}

/// `POST /{lang}/admin/harvest/{id}`: enables or disables a source and
/// changes its interval.
pub async fn schedule(
    ctx: Ctx,
    Path((_lang, id)): Path<(String, i64)>,
    Form(f): Form<ScheduleFields>,
) -> PageResult {
    ctx.authorize(Action::ManageHarvest).await?;
    let source = source(&ctx, id).await?;
    let enabled = f.enabled.is_some();
    let result = match hours(&f.interval_hours) {
        Ok(h) => harvest::set_schedule(&ctx.state.db, id, enabled, h).await,
        Err(code) => Err(StoreError::invalid("interval_hours", code)),
    };
    match result {
        Ok(s) => {
            tracing::info!(
                source = id,
                enabled = s.enabled,
                interval_hours = s.interval_hours,
                "harvest schedule changed"
            );
            ctx.redirect_with(
                &format!("/admin/harvest/{id}"),
                "flash-harvest-schedule-saved",
            )
            .await
        }
        Err(StoreError::Invalid(errors)) => {
            let page = detail_page(&ctx, &source).await?;
            Ok(ctx.invalid(page, "schedule", &f, &errors))
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct RunFields {
    /// `detail` to come back to the source's page, else the list.
    #[serde(default)]
    back: String,
}

/// `POST /{lang}/admin/harvest/{id}/run`: harvests the source now, in the
/// request (bounded by the harvest limits), and says how it went.
pub async fn run_now(
    ctx: Ctx,
    Path((_lang, id)): Path<(String, i64)>,
    Form(f): Form<RunFields>,
) -> PageResult {
    ctx.authorize(Action::ManageHarvest).await?;
    source(&ctx, id).await?;
    let run = ctx.state.harvester.run(id).await?;
    let flash = match run.status {
        RunStatus::Ok => "flash-harvest-ok",
        RunStatus::Unchanged => "flash-harvest-unchanged",
        RunStatus::Failed => "flash-harvest-failed",
    };
    let back = if f.back == "detail" {
        format!("/admin/harvest/{id}")
    } else {
        "/admin/harvest".to_string()
    };
    ctx.redirect_with(&back, flash).await
}

/// `GET /{lang}/admin/harvest/{id}/remove`: asks before removing.
pub async fn confirm_remove(ctx: Ctx, Path((_lang, id)): Path<(String, i64)>) -> PageResult {
    ctx.authorize(Action::ManageHarvest).await?;
    let source = source(&ctx, id).await?;
    let partners = partners(&ctx).await?;
    let row = source_row(&ctx, &source, None, &partners).await?;
    Ok(ctx.show(Page::AdminHarvestRemove(row)))
}

/// `POST /{lang}/admin/harvest/{id}/remove`: removes the source, its runs
/// and what it gave.
pub async fn remove(ctx: Ctx, Path((_lang, id)): Path<(String, i64)>) -> PageResult {
    ctx.authorize(Action::ManageHarvest).await?;
    source(&ctx, id).await?;
    ctx.state.harvester.remove(id).await?;
    tracing::info!(source = id, "harvest source removed");
    ctx.redirect_with("/admin/harvest", "flash-harvest-removed")
        .await
}

#[cfg(test)]
mod tests {
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

    #[test]
    fn hours_are_whole_and_not_negative() {
        assert_eq!(hours(" 24 "), Ok(24));
        assert_eq!(hours("0"), Ok(0));
        assert_eq!(hours(""), Err("required"));
        assert_eq!(hours("-1"), Err("out-of-range"));
        assert_eq!(hours("soon"), Err("out-of-range"));
    }
}
