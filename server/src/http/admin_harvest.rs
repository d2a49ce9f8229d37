//! The administrators' harvest pages: registering sources, their schedule,
//! "Harvest now", the run history with each run's report, and removal.

use std::collections::HashMap;

use crate::http::form::Form;
use app::Page;
use app::page::{HarvestAdmin, HarvestSourceDetail, HarvestSourceRow, RUNS_SHOWN};
use axum::extract::Path;
use serde::{Deserialize, Serialize};
use store::authz::Action;
use store::harvest::{self, Run, RunStatus, Source, SourceForm, SourceKind};
use store::{FieldError, StoreError, organisations};

use super::render::{Ctx, PageResult};
use crate::error::AppError;
use views::harvest::run_view;

/// The organisations by id: `(slug, name)`.
type Partners = HashMap<i64, (String, String)>;

async fn partners(ctx: &Ctx) -> Result<Partners, AppError> {
    let list = organisations::list(&ctx.state.db).await?;
    Ok(list.into_iter().map(|o| (o.id, (o.slug, o.name))).collect())
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

    #[test]
    fn hours_are_whole_and_not_negative() {
        assert_eq!(hours(" 24 "), Ok(24));
        assert_eq!(hours("0"), Ok(0));
        assert_eq!(hours(""), Err("required"));
        assert_eq!(hours("-1"), Err("out-of-range"));
        assert_eq!(hours("soon"), Err("out-of-range"));
    }
}
