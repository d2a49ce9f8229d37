//! What the open data page shows: the ways in (SPARQL, dumps, the catalogue,
//! entity URIs), example queries, and the query the reader ran with its
//! results.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DataView {
    /// The public base URL (for addresses shown in full).
    pub base_url: String,
    pub dumps: Vec<DumpView>,
    /// When the dumps were last written (RFC 3339), and the quads they hold.
    pub written: Option<String>,
    pub quads: Option<u64>,
    pub examples: Vec<ExampleView>,
    /// The query in the editor.
    pub query: String,
    /// The example the query came from, if it did.
    pub example: Option<String>,
    pub outcome: Option<QueryOutcome>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DumpView {
    /// Address without the language (`/data/dumps/archipel.nq.gz`).
    pub href: String,
    pub name: String,
    /// `N-Quads`, `Turtle`.
    pub format: String,
    pub bytes: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExampleView {
    pub id: String,
    /// Interface string key of its title.
    pub title_key: String,
    pub query: String,
}

/// A value in a results table.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Cell {
    pub text: String,
    /// Set for IRIs: where the value leads (an instance's own URIs lead to
    /// their pages).
    pub href: Option<String>,
    pub lang: Option<String>,
    /// A literal's datatype, when not a plain string.
    pub datatype: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum QueryOutcome {
    /// SELECT: the variables and the first rows.
    Table {
        columns: Vec<String>,
        rows: Vec<Vec<Option<Cell>>>,
        /// How many rows there are in all (more than shown when cut).
        total: usize,
        downloads: Vec<Download>,
    },
    /// ASK.
    Boolean {
        value: bool,
        downloads: Vec<Download>,
    },
    /// CONSTRUCT or DESCRIBE: the graph as Turtle.
    Graph {
        turtle: String,
        downloads: Vec<Download>,
    },
    /// The query could not run: the sentence to show (a parser's message
    /// with its line and column, a time-out…).
    Failed { message: String },
}

/// A link that downloads the current query's results in one format.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Download {
    /// `CSV`, `Turtle`…
    pub label: String,
    /// `/sparql?query=…&format=csv`.
    pub href: String,
}
