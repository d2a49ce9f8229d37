//! A search as a page address and back: the text (`q`), the chosen facet
//! values (one parameter per group, repeatable; `language` for the `lang`
//! group), `sort=newest`, `page`, and `prefix=1` while the reader types.
//! Unknown parameters and values too long are left out.

use crate::{FACET_GROUPS, Sort};

/// What the address asks: the text, the chosen facet values (`group/value`)
/// and the page.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Asked {
    pub text: String,
    pub filters: Vec<String>,
    pub page: usize,
    pub sort: Sort,
    /// Typed so far rather than submitted: the last word may be a beginning.
    pub prefix: bool,
}

/// The address parameter of a facet group (`language` for `lang`, which
/// in the API names the reader's language).
fn param_of(group: &str) -> &str {
    if group == "lang" { "language" } else { group }
}

fn group_of(param: &str) -> Option<&'static str> {
    match param {
        "language" => Some("lang"),
        "lang" => None,
        other => FACET_GROUPS.iter().copied().find(|g| *g == other),
    }
}

/// What `query` (an address's query string) asks.
pub fn parse(query: Option<&str>) -> Asked {
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_str(query.unwrap_or_default()).unwrap_or_default();
    let mut asked = Asked {
        page: 1,
        ..Asked::default()
    };
    for (k, v) in pairs {
        let v = v.trim();
        match k.as_str() {
            "q" => asked.text = v.chars().take(200).collect(),
            "page" => asked.page = v.parse().unwrap_or(1).clamp(1, 500),
            "sort" if v == "newest" => asked.sort = Sort::Newest,
            "prefix" => asked.prefix = matches!(v, "1" | "true"),
            param if !v.is_empty() && v.len() <= 120 && group_of(param).is_some() => {
                let group = group_of(param).unwrap_or_default();
                let value = format!("{group}/{v}");
                if !asked.filters.contains(&value) {
                    asked.filters.push(value);
                }
            }
            _ => {}
        }
    }
    asked
}

/// The address of a search (without the language prefix).
pub fn href(text: &str, filters: &[String], sort: Sort, page: usize) -> String {
    let mut pairs: Vec<(&str, String)> = Vec::new();
    if !text.is_empty() {
        pairs.push(("q", text.to_string()));
    }
    if sort == Sort::Newest {
        pairs.push(("sort", "newest".into()));
    }
    for f in filters {
        if let Some((group, value)) = f.split_once('/') {
            pairs.push((param_of(group), value.to_string()));
        }
    }
    if page > 1 {
        pairs.push(("page", page.to_string()));
    }
    let query = serde_urlencoded::to_string(&pairs).unwrap_or_default();
    if query.is_empty() {
        "/search".into()
    } else {
        format!("/search?{query}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_round_trip() {
        let asked = parse(Some(
            "q=donn%C3%A9es&topic=data-protection&type=guide&type=video&page=2&bogus=1",
        ));
        assert_eq!(asked.text, "données");
        assert_eq!(
            asked.filters,
            ["topic/data-protection", "type/guide", "type/video"]
        );
        assert_eq!(asked.page, 2);
        let back = href(&asked.text, &asked.filters, asked.sort, asked.page);
        assert_eq!(parse(back.strip_prefix("/search?")), asked);
        assert_eq!(href("", &[], Sort::Relevance, 1), "/search");
        let newest = parse(Some("q=a&sort=newest&prefix=1"));
        assert_eq!((newest.sort, newest.prefix), (Sort::Newest, true));
        assert_eq!(
            href(&newest.text, &[], newest.sort, 1),
            "/search?q=a&sort=newest",
            "typing is not part of a search's address"
        );
        assert_eq!(parse(Some("page=-3")).page, 1);
    }
}
