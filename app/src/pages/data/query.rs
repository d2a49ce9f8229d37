//! The open data page: a SPARQL editor (a GET form, so a query is a
//! shareable address and works without JavaScript) with its results as a
//! table and download links, example queries, syntax help, and every way
//! the data can be read: endpoint, dumps, catalogue, entity URIs, API.

use leptos::prelude::*;

use crate::pages::PageHeader;
use crate::pages::data::{Cell, DataView, Download, DumpView, QueryOutcome};
use crate::{ctx, i18n, tr};

/// Prefixes the examples use, shown in the syntax help.
const PREFIXES: [(&str, &str); 6] = [
    ("schema", "http://schema.org/"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("dct", "http://purl.org/dc/terms/"),
    ("dcat", "http://www.w3.org/ns/dcat#"),
    ("void", "http://rdfs.org/ns/void#"),
    ("hcrt", "https://w3id.org/kim/hcrt/"),
];

/// The syntax help: a pattern each, with what it does.
const HELP: [(&str, &str); 6] = [
    ("?r schema:name ?title .", "data-help-pattern"),
    ("FILTER(lang(?title) = \"fr\")", "data-help-lang"),
    ("OPTIONAL { ?r schema:url ?url }", "data-help-optional"),
    ("?r schema:about/skos:broader* ?topic", "data-help-path"),
    (
        "SELECT ?p (COUNT(?r) AS ?n) … GROUP BY ?p",
        "data-help-count",
    ),
    ("ORDER BY ?title LIMIT 20", "data-help-limit"),
];

fn size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

fn cell(value: Option<Cell>) -> AnyView {
    let Some(v) = value else {
        return view! { <td></td> }.into_any();
    };
    let note = match (&v.lang, &v.datatype) {
        (Some(lang), _) => Some(format!("@{lang}")),
        (None, Some(datatype)) => Some(format!("^^{datatype}")),
        _ => None,
    };
    let lang = v.lang.clone();
    let text = match v.href {
        Some(href) => view! { <a href=href>{v.text}</a> }.into_any(),
        None => view! { <span lang=lang>{v.text}</span> }.into_any(),
    };
    view! { <td>{text}{note.map(|n| view! { " "<span class="term-note">{n}</span> })}</td> }
        .into_any()
}

fn downloads(links: Vec<Download>) -> AnyView {
    let links = links
        .into_iter()
        .map(|d| view! { <li><a href=d.href download>{d.label}</a></li> })
        .collect_view();
    view! {
        <div class="downloads">
            <h3>{tr("data-download")}</h3>
            <ul class="tags">{links}</ul>
        </div>
    }
    .into_any()
}

fn outcome(result: QueryOutcome) -> AnyView {
    let lang = crate::lang();
    match result {
        QueryOutcome::Table {
            columns,
            rows,
            total,
            downloads: links,
        } => {
            let shown = rows.len();
            let count = if shown < total {
                i18n::t_args(
                    lang,
                    "data-rows-cut",
                    &[("shown", shown.to_string()), ("count", total.to_string())],
                )
            } else {
                i18n::t_args(lang, "data-rows", &[("count", total.to_string())])
            };
            let head = columns
                .into_iter()
                .map(|c| view! { <th scope="col">{format!("?{c}")}</th> })
                .collect_view();
            let body = rows
                .into_iter()
                .map(|row| view! { <tr>{row.into_iter().map(cell).collect_view()}</tr> })
                .collect_view();
            view! {
                <p class="result-count">{count}</p>
                <div class="table-wrap" tabindex="0" role="region" aria-label=tr("data-results-title")>
                    <table class="table results-table">
                        <thead><tr>{head}</tr></thead>
                        <tbody>{body}</tbody>
                    </table>
                </div>
                {downloads(links)}
            }
            .into_any()
        }
        QueryOutcome::Boolean {
            value,
            downloads: links,
        } => view! {
            <p class="answer">{tr(if value { "data-answer-yes" } else { "data-answer-no" })}</p>
            {downloads(links)}
        }
        .into_any(),
        QueryOutcome::Graph {
            turtle,
            downloads: links,
        } => view! {
            <pre class="code-block" tabindex="0"><code>{turtle}</code></pre>
            {downloads(links)}
        }
        .into_any(),
        QueryOutcome::Failed { message } => view! {
            <div class="form-errors" role="alert">
                <h3>{tr("data-query-failed")}</h3>
                <pre class="code-block" tabindex="0"><code>{message}</code></pre>
            </div>
        }
        .into_any(),
    }
}

fn dump_item(d: DumpView) -> AnyView {
    let c = ctx();
    let url = format!("{}{}", c.base_url, d.href);
    let details = match d.bytes {
        Some(b) => format!("{}, gzip, {}", d.format, size(b)),
        None => format!("{}, gzip", d.format),
    };
    view! { <li><a href=d.href download><code>{url}</code></a>" — "{details}</li> }.into_any()
}

#[component]
pub fn Data(view: DataView) -> impl IntoView {
    let c = ctx();
    let base = view.base_url.clone();
    let examples = view
        .examples
        .into_iter()
        .map(|e| {
            let current = (view.example.as_deref() == Some(e.id.as_str())).then_some("true");
            let href = format!("{}?example={}#results", c.href("/data"), e.id);
            view! { <li><a href=href aria-current=current>{tr(&e.title_key)}</a></li> }
        })
        .collect_view();
    let prefixes = PREFIXES
        .iter()
        .map(|(p, iri)| view! { <li><code>{format!("PREFIX {p}: <{iri}>")}</code></li> })
        .collect_view();
    let help = HELP
        .iter()
        .map(|(code, key)| view! { <dt><code>{*code}</code></dt><dd>{tr(key)}</dd> })
        .collect_view();
    let results = view.outcome.map(|o| {
        view! {
            <section id="results" class="sparql-results" aria-labelledby="results-title">
                <h2 id="results-title">{tr("data-results-title")}</h2>
                {outcome(o)}
            </section>
        }
    });
    let dumps = view.dumps.into_iter().map(dump_item).collect_view();
    let written = view.written.map(|w| {
        let day: String = w.chars().take(10).collect();
        let quads = view.quads.unwrap_or(0).to_string();
        view! {
            <p class="field-help">
                {i18n::t_args(c.lang, "data-dumps-written", &[("date", day), ("count", quads)])}
            </p>
        }
    });
    let endpoint = |path: &str, key: &'static str| {
        let url = format!("{base}{path}");
        view! { <li><a href=path.to_string()><code>{url}</code></a>" — "{tr(key)}</li> }
    };
    view! {
        <PageHeader title="data-title" intro="data-intro" />
        <div class="data-layout">
            <section class="sparql" aria-labelledby="query-title">
                <h2 id="query-title">{tr("data-query-title")}</h2>
                <form method="get" action=c.href("/data") class="form sparql-form">
                    <div class="field">
                        <label for="sparql-query">{tr("data-query-label")}</label>
                        <p class="field-help" id="sparql-query-help">{tr("data-query-help")}</p>
                        <textarea id="sparql-query" name="query" rows="14" class="code-input"
                            spellcheck="false" autocapitalize="off" autocomplete="off"
                            aria-describedby="sparql-query-help" required>
                            {view.query}
                        </textarea>
                    </div>
                    <div class="form-actions">
                        <button type="submit" class="button button-primary">{tr("data-query-run")}</button>
                    </div>
                </form>
                {results}
            </section>
            <aside class="sparql-aside">
                <section aria-labelledby="examples-title">
                    <h2 id="examples-title">{tr("data-examples-title")}</h2>
                    <ul class="example-list">{examples}</ul>
                </section>
                <details class="syntax-help">
                    <summary>{tr("data-help-title")}</summary>
                    <p>{tr("data-help-intro")}</p>
                    <ul class="prefix-list">{prefixes}</ul>
                    <dl class="help-list">{help}</dl>
                    <p>
                        <a href="https://www.w3.org/TR/sparql11-query/">{tr("data-help-spec")}</a>
                    </p>
                </details>
            </aside>
        </div>
        <section aria-labelledby="ways-title">
            <h2 id="ways-title">{tr("data-ways-title")}</h2>
            <ul class="endpoints">
                {endpoint("/sparql", "data-sparql")}
                {endpoint("/data/catalogue", "data-catalogue")}
                {endpoint("/.well-known/void", "data-void")}
                {endpoint("/oai?verb=Identify", "data-oai")}
                {endpoint("/library/topics", "data-uris")}
                {endpoint("/api/v1/openapi.json", "data-api")}
                {endpoint("/api/v1/partners", "data-partners")}
                {endpoint("/healthz", "data-health")}
            </ul>
            <h3>{tr("data-dumps-title")}</h3>
            {written}
            <ul class="endpoints">{dumps}</ul>
        </section>
    }
}
