//! The administrators' harvest pages: the sources with their last run and
//! the form to register one, a source's details with its run history and
//! reports, and the confirmation before a source is removed.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::{DangerZone, PageHeader};
use crate::forms::{CsrfField, ErrorSummary, Field, FieldFrame, described_by};
use crate::i18n;
use crate::page::FormState;
use crate::{ctx, tr};

/// The list page: every source, and what the registration form offers.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HarvestAdmin {
    pub sources: Vec<HarvestSourceRow>,
    /// The kinds of source that can be registered (`rdf-dump`, …).
    pub kinds: Vec<String>,
    /// The organisations that can be credited: `(id, name)`.
    pub organisations: Vec<(i64, String)>,
    /// Whether sources count the library entries made from them.
    pub counts_entries: bool,
}

/// One registered source.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HarvestSourceRow {
    pub id: i64,
    pub kind: String,
    pub url: String,
    pub label: String,
    /// The partner credited: `(slug, name)`.
    pub partner: Option<(String, String)>,
    /// Hours between scheduled runs; 0 means on demand only.
    pub interval_hours: i64,
    pub enabled: bool,
    pub created_at: String,
    pub last_run: Option<HarvestRunView>,
    /// Library entries made from the source, when they are counted.
    pub entries: Option<i64>,
}

/// One run and what its report says.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HarvestRunView {
    pub id: i64,
    pub started_at: String,
    pub finished_at: String,
    /// `ok`, `failed` or `unchanged`.
    pub status: String,
    pub kept: i64,
    pub rejected: i64,
    /// The address that answered, after redirects.
    pub fetched: Option<String>,
    pub format: Option<String>,
    pub triples: Option<i64>,
    /// Why the run failed.
    pub error: Option<HarvestProblem>,
    /// The records left out, and why (at most [`REJECTED_SHOWN`]).
    pub rejected_records: Vec<HarvestProblem>,
    /// Rejected records in the report beyond those listed.
    pub rejected_more: usize,
    /// Anything else the report holds, as `(name, value)`.
    pub other: Vec<(String, String)>,
}

/// A problem from a report: the record it concerns (for a rejected
/// record), a stable code and a sentence.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HarvestProblem {
    pub subject: Option<String>,
    pub code: String,
    pub message: String,
}

/// A source's page: its details and its newest runs.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct HarvestSourceDetail {
    pub source: HarvestSourceRow,
    /// Newest first, at most [`RUNS_SHOWN`].
    pub runs: Vec<HarvestRunView>,
    /// Runs the source has had in all.
    pub total_runs: i64,
}

/// Runs shown on a source's page.
pub const RUNS_SHOWN: i64 = 50;
/// Rejected records listed per run.
pub const REJECTED_SHOWN: usize = 200;

const SOURCE_LABELS: [(&str, &str); 5] = [
    ("kind", "harvest-field-kind"),
    ("url", "harvest-field-url"),
    ("label", "harvest-field-label"),
    ("organisation", "harvest-field-partner"),
    ("interval_hours", "harvest-field-interval"),
];

/// The interface string of a kind of source; an unknown kind shows as stored.
fn kind_label(kind: &str) -> String {
    let key = match kind {
        "rdf-dump" => "harvest-kind-rdf-dump",
        "archipel" => "harvest-kind-archipel",
        "archipel-sparql" => "harvest-kind-archipel-sparql",
        "oai-pmh" => "harvest-kind-oai-pmh",
        other => return other.to_string(),
    };
    tr(key)
}

/// A run's status as a badge: a word, never colour alone.
fn status_badge(status: &str) -> impl IntoView + use<> {
    let (key, class) = match status {
        "ok" => ("harvest-status-ok", "badge run-ok"),
        "failed" => ("harvest-status-failed", "badge run-failed"),
        "unchanged" => ("harvest-status-unchanged", "badge run-unchanged"),
        _ => ("", "badge"),
    };
    let text = if key.is_empty() {
        status.to_string()
    } else {
        tr(key)
    };
    view! { <span class=class>{text}</span> }
}

/// An RFC 3339 time as `2026-12-01 10:05 UTC`, in a `<time>` element.
fn when(rfc3339: &str) -> impl IntoView + use<> {
    let shown = rfc3339.get(..16).unwrap_or(rfc3339).replace('T', " ");
    let shown = if rfc3339.ends_with('Z') || rfc3339.ends_with("+00:00") {
        format!("{shown} UTC")
    } else {
        shown
    };
    view! { <time datetime=rfc3339.to_string()>{shown}</time> }
}

fn schedule(source: &HarvestSourceRow) -> String {
    if source.interval_hours == 0 {
        tr("harvest-on-demand")
    } else {
        i18n::t_args(
            crate::lang(),
            "harvest-every-hours",
            &[("hours", source.interval_hours.to_string())],
        )
    }
}

fn enabled_text(enabled: bool) -> String {
    if enabled {
        tr("harvest-enabled-yes")
    } else {
        tr("harvest-enabled-no")
    }
}

fn counts(run: &HarvestRunView) -> String {
    i18n::t_args(
        crate::lang(),
        "harvest-counts",
        &[
            ("kept", run.kept.to_string()),
            ("rejected", run.rejected.to_string()),
        ],
    )
}

/// The last run in a table cell: when, status, counts, and the failure.
fn last_run_cell(run: Option<&HarvestRunView>) -> AnyView {
    let Some(run) = run else {
        return view! { <span class="meta">{tr("harvest-never-run")}</span> }.into_any();
    };
    let error = run.error.as_ref().map(|e| {
        view! {
            <p class="run-error"><code>{e.code.clone()}</code>" "{e.message.clone()}</p>
        }
    });
    view! {
        {status_badge(&run.status)}
        " "
        {when(&run.finished_at)}
        <br />
        <span class="meta">{counts(run)}</span>
        {error}
    }
    .into_any()
}

/// The "Harvest now" button: runs the source and comes back to `back`.
fn run_button(id: i64, back: &'static str, label: String) -> impl IntoView + use<> {
    let c = ctx();
    view! {
        <form class="inline-form" method="post" action=c.href(&format!("/admin/harvest/{id}/run"))>
            <CsrfField />
            <input type="hidden" name="back" value=back />
            <button type="submit" class="button button-small">{tr("harvest-run-now")}</button>
            <span class="visually-hidden">{label}</span>
        </form>
    }
}

/// A labelled select whose options are `(value, label)`, the current one chosen.
fn select(
    state: &FormState,
    name: &'static str,
    label: &'static str,
    options: Vec<(String, String)>,
    current: String,
) -> AnyView {
    let error = state.error(name);
    let described = described_by(name, false, error.is_some());
    let invalid = error.as_ref().map(|_| "true");
    let opts = options
        .into_iter()
        .map(|(value, text)| {
            let selected = value == current;
            view! { <option value=value selected=selected>{text}</option> }
        })
        .collect_view();
    view! {
        <FieldFrame name label help=None error>
            <select id=name name=name aria-describedby=described aria-invalid=invalid>
                {opts}
            </select>
        </FieldFrame>
    }
    .into_any()
}

/// The hours between scheduled runs (0: on demand only), with its help and error.
fn interval_field(state: &FormState, value: String) -> AnyView {
    let error = state.error("interval_hours");
    let described = described_by("interval_hours", true, error.is_some());
    let invalid = error.as_ref().map(|_| "true");
    view! {
        <FieldFrame name="interval_hours" label="harvest-field-interval" help=Some("harvest-field-interval-help") error>
            <input
                id="interval_hours"
                name="interval_hours"
                type="number"
                min="0"
                step="1"
                value=value
                required=true
                aria-describedby=described
                aria-invalid=invalid
            />
        </FieldFrame>
    }
    .into_any()
}

#[component]
pub fn HarvestSources(view: HarvestAdmin) -> impl IntoView {
    let c = ctx();
    let counts_entries = view.counts_entries;
    let list = if view.sources.is_empty() {
        view! { <p class="empty">{tr("harvest-empty")}</p> }.into_any()
    } else {
        let rows = view
            .sources
            .iter()
            .map(|s| {
                let detail = c.href(&format!("/admin/harvest/{}", s.id));
                let partner = s.partner.clone().map(|(slug, name)| {
                    view! { <a href=c.href(&format!("/partners/{slug}"))>{name}</a> }
                });
                let entries = counts_entries
                    .then(|| view! { <td>{s.entries.unwrap_or_default().to_string()}</td> });
                view! {
                    <tr>
                        <th scope="row"><a href=detail.clone()>{s.label.clone()}</a></th>
                        <td>{kind_label(&s.kind)}</td>
                        <td class="url-cell">{s.url.clone()}</td>
                        <td>{partner}</td>
                        <td>{schedule(s)}</td>
                        <td>{enabled_text(s.enabled)}</td>
                        <td>{last_run_cell(s.last_run.as_ref())}</td>
                        {entries}
                        <td>
                            {run_button(s.id, "list", s.label.clone())}
                            " "
                            <a href=c.href(&format!("/admin/harvest/{}/remove", s.id))>
                                {tr("harvest-remove")}
                                <span class="visually-hidden">{format!(" {}", s.label)}</span>
                            </a>
                        </td>
                    </tr>
                }
            })
            .collect_view();
        let entries_head =
            counts_entries.then(|| view! { <th scope="col">{tr("harvest-col-entries")}</th> });
        view! {
            <div class="table-wrap">
                <table class="table">
                    <caption class="visually-hidden">{tr("harvest-sources")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{tr("harvest-field-label")}</th>
                            <th scope="col">{tr("harvest-field-kind")}</th>
                            <th scope="col">{tr("harvest-field-url")}</th>
                            <th scope="col">{tr("harvest-field-partner")}</th>
                            <th scope="col">{tr("harvest-col-schedule")}</th>
                            <th scope="col">{tr("harvest-col-enabled")}</th>
                            <th scope="col">{tr("harvest-col-last-run")}</th>
                            {entries_head}
                            <th scope="col">{tr("harvest-col-actions")}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    let state = c.form_for("source");
    let kinds = view
        .kinds
        .iter()
        .map(|k| (k.clone(), kind_label(k)))
        .collect();
    let kind_now = state.values.get("kind").cloned().unwrap_or_default();
    let mut partners = vec![(String::new(), tr("harvest-partner-none"))];
    partners.extend(
        view.organisations
            .iter()
            .map(|(id, name)| (id.to_string(), name.clone())),
    );
    let partner_now = state.value("organisation");
    let interval = state
        .values
        .get("interval_hours")
        .cloned()
        .unwrap_or_else(|| "24".into());
    view! {
        <PageHeader title="harvest-title" intro="harvest-intro" />
        {list}
        <section class="panel" aria-labelledby="add-source-heading">
            <h2 id="add-source-heading">{tr("harvest-add")}</h2>
            <form class="form" method="post" action=c.href("/admin/harvest") novalidate>
                <ErrorSummary state=state.clone() labels=SOURCE_LABELS.to_vec() />
                <CsrfField />
                {select(&state, "kind", "harvest-field-kind", kinds, kind_now)}
                <Field state=state.clone() name="url" label="harvest-field-url" kind="url" help="harvest-field-url-help" maxlength=2000 />
                <Field state=state.clone() name="label" label="harvest-field-label" maxlength=200 />
                {select(&state, "organisation", "harvest-field-partner", partners, partner_now)}
                {interval_field(&state, interval)}
                <div class="form-actions">
                    <button type="submit" class="button button-primary">{tr("harvest-add-submit")}</button>
                </div>
            </form>
        </section>
    }
}

/// What a run's report holds, as a definition list.
fn report(run: &HarvestRunView) -> impl IntoView + use<> {
    let item = |key: &'static str, value: Option<String>| {
        value.map(|v| view! { <dt>{tr(key)}</dt><dd>{v}</dd> })
    };
    let error = run.error.as_ref().map(|e| {
        view! {
            <dt>{tr("harvest-report-error")}</dt>
            <dd class="run-error"><code>{e.code.clone()}</code>" "{e.message.clone()}</dd>
        }
    });
    let other = run
        .other
        .iter()
        .map(|(k, v)| view! { <dt><code>{k.clone()}</code></dt><dd>{v.clone()}</dd> })
        .collect_view();
    let rejected = (!run.rejected_records.is_empty()).then(|| {
        let items = run
            .rejected_records
            .iter()
            .map(|p| {
                view! {
                    <li>
                        {p.subject.clone().map(|s| view! { <span class="url-cell">{s}</span>" — " })}
                        <code>{p.code.clone()}</code>" "{p.message.clone()}
                    </li>
                }
            })
            .collect_view();
        let more = (run.rejected_more > 0).then(|| {
            view! {
                <p class="meta">
                    {i18n::t_args(crate::lang(), "harvest-rejected-more", &[("count", run.rejected_more.to_string())])}
                </p>
            }
        });
        let summary = i18n::t_args(
            crate::lang(),
            "harvest-rejected-list",
            &[(
                "count",
                (run.rejected_records.len() + run.rejected_more).to_string(),
            )],
        );
        view! {
            <details class="rejected-records">
                <summary>{summary}</summary>
                <ul>{items}</ul>
                {more}
            </details>
        }
    });
    view! {
        <dl class="help-list">
            {item("harvest-report-fetched", run.fetched.clone())}
            {item("harvest-report-format", run.format.clone())}
            {item("harvest-report-triples", run.triples.map(|t| t.to_string()))}
            {error}
            {other}
        </dl>
        {rejected}
    }
}

#[component]
pub fn HarvestSourcePage(detail: HarvestSourceDetail) -> impl IntoView {
    let c = ctx();
    let s = detail.source.clone();
    let partner = match s.partner.clone() {
        Some((slug, name)) => {
            view! { <a href=c.href(&format!("/partners/{slug}"))>{name}</a> }.into_any()
        }
        None => tr("harvest-partner-none").into_any(),
    };
    let entries = s.entries.map(|n| {
        view! { <dt>{tr("harvest-col-entries")}</dt><dd>{n.to_string()}</dd> }
    });
    let runs = if detail.runs.is_empty() {
        view! { <p class="empty">{tr("harvest-never-run")}</p> }.into_any()
    } else {
        let items = detail
            .runs
            .iter()
            .map(|r| {
                view! {
                    <li class="run">
                        <h3>
                            {status_badge(&r.status)}" "{when(&r.started_at)}
                        </h3>
                        <p class="meta">
                            {tr("harvest-run-finished")}" "{when(&r.finished_at)}" · "{counts(r)}
                        </p>
                        {report(r)}
                    </li>
                }
            })
            .collect_view();
        let shown = detail.runs.len() as i64;
        let note = (detail.total_runs > shown).then(|| {
            view! {
                <p class="meta">
                    {i18n::t_args(c.lang, "harvest-runs-newest", &[("shown", shown.to_string()), ("total", detail.total_runs.to_string())])}
                </p>
            }
        });
        view! {
            {note}
            <ol class="run-list">{items}</ol>
        }
        .into_any()
    };
    let state = c.form_for("schedule");
    let interval = state
        .values
        .get("interval_hours")
        .cloned()
        .unwrap_or_else(|| s.interval_hours.to_string());
    let enabled = if state.form == "schedule" {
        state.values.contains_key("enabled")
    } else {
        s.enabled
    };
    view! {
        <p class="breadcrumb"><a href=c.href("/admin/harvest")>{tr("harvest-title")}</a></p>
        <div class="page-header">
            <h1>{s.label.clone()}</h1>
        </div>
        <dl class="help-list">
            <dt>{tr("harvest-field-kind")}</dt><dd>{kind_label(&s.kind)}</dd>
            <dt>{tr("harvest-field-url")}</dt><dd class="url-cell">{s.url.clone()}</dd>
            <dt>{tr("harvest-field-partner")}</dt><dd>{partner}</dd>
            <dt>{tr("harvest-col-schedule")}</dt><dd>{schedule(&s)}</dd>
            <dt>{tr("harvest-col-enabled")}</dt><dd>{enabled_text(s.enabled)}</dd>
            <dt>{tr("harvest-registered")}</dt><dd>{when(&s.created_at)}</dd>
            {entries}
        </dl>
        <p>{run_button(s.id, "detail", s.label.clone())}</p>
        <section class="panel" aria-labelledby="schedule-heading">
            <h2 id="schedule-heading">{tr("harvest-schedule")}</h2>
            <form class="form" method="post" action=c.href(&format!("/admin/harvest/{}", s.id)) novalidate>
                <ErrorSummary state=state.clone() labels=SOURCE_LABELS.to_vec() />
                <CsrfField />
                <div class="field">
                    <label>
                        <input type="checkbox" name="enabled" value="on" checked=enabled />
                        " "{tr("harvest-field-enabled")}
                    </label>
                </div>
                {interval_field(&state, interval)}
                <div class="form-actions">
                    <button type="submit" class="button button-primary">{tr("harvest-schedule-save")}</button>
                </div>
            </form>
        </section>
        <section aria-labelledby="runs-heading">
            <h2 id="runs-heading">{tr("harvest-runs")}</h2>
            {runs}
        </section>
        <p>
            <a class="button button-danger" href=c.href(&format!("/admin/harvest/{}/remove", s.id))>
                {tr("harvest-remove")}
            </a>
        </p>
    }
}

#[component]
pub fn HarvestRemove(source: HarvestSourceRow) -> impl IntoView {
    let c = ctx();
    let question = i18n::t_args(
        c.lang,
        "harvest-remove-question",
        &[("label", source.label.clone())],
    );
    view! {
        <PageHeader title="harvest-title" />
        <DangerZone title="harvest-remove-title" warning="harvest-remove-warning">
            <p>{question}</p>
            <p class="url-cell">{source.url.clone()}</p>
            <form class="form" method="post" action=c.href(&format!("/admin/harvest/{}/remove", source.id))>
                <CsrfField />
                <div class="form-actions">
                    <button type="submit" class="button button-danger">{tr("harvest-remove-confirm")}</button>
                    " "
                    <a href=c.href(&format!("/admin/harvest/{}", source.id))>{tr("harvest-remove-cancel")}</a>
                </div>
            </form>
        </DangerZone>
    }
}
