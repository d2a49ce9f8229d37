//! The open data page's results: SPARQL JSON results as a table, a yes/no,
//! and the downloads of the whole answer.

use app::pages::data::{Cell, Download, QueryOutcome};

/// Rows shown on the page; the downloads have them all.
const SHOWN_ROWS: usize = 500;

/// SPARQL JSON results (SELECT or ASK) as a table or a yes/no.
pub fn tabular(body: &[u8], base: &str, query: &str) -> QueryOutcome {
    let json: serde_json::Value = serde_json::from_slice(body).unwrap_or_default();
    let formats = ["csv", "tsv", "json", "xml"];
    if let Some(value) = json["boolean"].as_bool() {
        return QueryOutcome::Boolean {
            value,
            downloads: downloads(query, &formats),
        };
    }
    let columns: Vec<String> = json["head"]["vars"]
        .as_array()
        .map(|vars| {
            vars.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    let bindings = json["results"]["bindings"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let rows = bindings
        .iter()
        .take(SHOWN_ROWS)
        .map(|b| columns.iter().map(|c| term(&b[c.as_str()], base)).collect())
        .collect();
    QueryOutcome::Table {
        columns,
        rows,
        total: bindings.len(),
        downloads: downloads(query, &formats),
    }
}

/// One value of a SPARQL JSON result.
fn term(value: &serde_json::Value, base: &str) -> Option<Cell> {
    let text = value["value"].as_str()?.to_string();
    let mut cell = Cell::default();
    match value["type"].as_str() {
        // The instance's own URIs open their page (by negotiation); others
        // are followed only when they are web addresses.
        Some("uri") if text.starts_with(base) => {
            let path = &text[base.len()..];
            cell.href = Some(if path.is_empty() { "/" } else { path }.to_string());
        }
        Some("uri") if text.starts_with("https://") || text.starts_with("http://") => {
            cell.href = Some(text.clone());
        }
        Some("literal") | Some("typed-literal") => {
            cell.lang = value["xml:lang"].as_str().map(str::to_string);
            cell.datatype = value["datatype"]
                .as_str()
                // Strings and numbers read as what they are; other types say it.
                .filter(|d| {
                    !["string", "integer", "decimal", "double"]
                        .iter()
                        .any(|t| d.strip_prefix("http://www.w3.org/2001/XMLSchema#") == Some(t))
                })
                .map(|d| {
                    d.strip_prefix("http://www.w3.org/2001/XMLSchema#")
                        .map_or(d.to_string(), |local| format!("xsd:{local}"))
                });
        }
        _ => {}
    }
    cell.text = text;
    Some(cell)
}

/// Download links of the query's results in each of `formats`.
pub fn downloads(query: &str, formats: &[&str]) -> Vec<Download> {
    formats
        .iter()
        .map(|f| Download {
            label: match *f {
                "json" => "JSON",
                "xml" => "XML",
                "csv" => "CSV",
                "tsv" => "TSV",
                "ttl" => "Turtle",
                "nt" => "N-Triples",
                "rdf" => "RDF/XML",
                _ => "JSON-LD",
            }
            .to_string(),
            href: format!(
                "/sparql?{}",
                serde_urlencoded::to_string([("query", query), ("format", f)]).unwrap_or_default()
            ),
        })
        .collect()
}
