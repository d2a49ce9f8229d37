//! The HTTP client of the SPARQL bench: one blocking `ureq` agent asks
//! both endpoints, with the same headers, and counts what they answer.

use std::collections::HashSet;
use std::time::{Duration, Instant};

use super::queries::Answer;

const COUNT_QUADS: &str = "SELECT (COUNT(*) AS ?quads) WHERE { GRAPH ?g { ?s ?p ?o } }";

/// One answer, or why there is none.
pub enum Outcome {
    Done { ms: f64, rows: usize },
    Failed(String),
}

/// The blocking client both endpoints are asked with.
pub struct Client {
    agent: ureq::Agent,
}

impl Client {
    pub fn new() -> Self {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(900)))
            .build()
            .new_agent();
        Client { agent }
    }

    /// POSTs a query as a form; the time includes reading the whole answer.
    pub fn fetch(
        &self,
        endpoint: &str,
        query: &str,
        answer: Answer,
    ) -> Result<(f64, Vec<u8>), String> {
        let accept = match answer {
            Answer::Results => "application/sparql-results+json",
            Answer::Graph => "application/n-triples",
        };
        let started = Instant::now();
        let mut response = self
            .agent
            .post(endpoint)
            .header("Accept", accept)
            .send_form([("query", query)])
            .map_err(|e| e.to_string())?;
        let body = response
            .body_mut()
            .with_config()
            .limit(u64::MAX)
            .read_to_vec()
            .map_err(|e| e.to_string())?;
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        if !response.status().is_success() {
            let text = String::from_utf8_lossy(&body);
            let first = text.lines().next().unwrap_or_default();
            return Err(format!("{}: {}", response.status().as_u16(), first.trim()));
        }
        Ok((ms, body))
    }

    pub fn query(&self, endpoint: &str, query: &str, answer: Answer) -> Outcome {
        match self
            .fetch(endpoint, query, answer)
            .and_then(|(ms, body)| Ok((ms, rows(answer, &body)?)))
        {
            Ok((ms, rows)) => Outcome::Done { ms, rows },
            Err(e) => Outcome::Failed(e),
        }
    }

    pub fn count_quads(&self, endpoint: &str) -> Result<u64, String> {
        let (_, body) = self.fetch(endpoint, COUNT_QUADS, Answer::Results)?;
        let json: serde_json::Value = serde_json::from_slice(&body).map_err(|e| e.to_string())?;
        json["results"]["bindings"][0]["quads"]["value"]
            .as_str()
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| format!("no count in {json}"))
    }

    /// Replaces the whole dataset of an Oxigraph server (Graph Store
    /// protocol, through its bulk loader).
    pub fn load_oxigraph(&self, base: &str, nquads: &[u8]) -> Result<(), String> {
        let mut response = self
            .agent
            .put(format!("{base}/store?no_transaction"))
            .header("Content-Type", "application/n-quads")
            .send(nquads)
            .map_err(|e| e.to_string())?;
        if response.status().is_success() {
            return Ok(());
        }
        let text = response.body_mut().read_to_string().unwrap_or_default();
        Err(format!("{}: {text}", response.status()))
    }
}

/// Solutions of a SELECT, 1 or 0 for an ASK, distinct triples of a graph.
pub fn rows(answer: Answer, body: &[u8]) -> Result<usize, String> {
    match answer {
        Answer::Graph => {
            let text = std::str::from_utf8(body).map_err(|e| e.to_string())?;
            let lines: HashSet<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
            Ok(lines.len())
        }
        Answer::Results => {
            let json: serde_json::Value =
                serde_json::from_slice(body).map_err(|e| e.to_string())?;
            if let Some(b) = json["boolean"].as_bool() {
                return Ok(usize::from(b));
            }
            json["results"]["bindings"]
                .as_array()
                .map(Vec::len)
                .ok_or_else(|| "no bindings in the answer".to_string())
        }
    }
}
