//! The machinery shared by all rules: a collector of problems, JSON paths,
//! and typed accessors that report a problem when a value has the wrong
//! shape.

use serde_json::{Map, Value};

use crate::Problem;
use crate::dates::is_date_or_date_time;
use crate::syntax::is_absolute_iri;

/// The path shown for problems about the record as a whole.
pub(crate) const ROOT: &str = "$";

/// The path of member `key` of the object at `parent` (`""` is the record).
pub(crate) fn member(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_owned()
    } else {
        format!("{parent}.{key}")
    }
}

/// The path of item `index` of the array at `parent`.
pub(crate) fn item(parent: &str, index: usize) -> String {
    format!("{parent}[{index}]")
}

/// The kind of a JSON value with its article, for messages ("a string").
pub(crate) fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// `s` in double quotes, shortened if long, for quoting input in messages.
pub(crate) fn quote(s: &str) -> String {
    const LIMIT: usize = 80;
    if s.chars().count() <= LIMIT {
        format!("\"{s}\"")
    } else {
        let head: String = s.chars().take(LIMIT).collect();
        format!("\"{head}…\"")
    }
}

/// A list of allowed values for messages: `"a", "b" or "c"`.
pub(crate) fn alternatives(values: &[&str]) -> String {
    let quoted: Vec<String> = values.iter().map(|v| format!("\"{v}\"")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

/// A JSON object under check, together with its path.
#[derive(Debug, Clone)]
pub(crate) struct Node<'a> {
    /// The members of the object.
    pub(crate) map: &'a Map<String, Value>,
    /// The path of the object; empty for the record itself.
    pub(crate) path: String,
}

impl<'a> Node<'a> {
    /// The member `key`, if present.
    pub(crate) fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key)
    }

    /// The path of member `key`.
    pub(crate) fn path_of(&self, key: &str) -> String {
        member(&self.path, key)
    }
}

/// Collects every problem found in a record.
#[derive(Debug, Default)]
pub(crate) struct Checker {
    /// The problems found so far, in the order they were found.
    pub(crate) problems: Vec<Problem>,
    /// Whether any IRI is accepted as a licence (see [`crate::Licences`]).
    pub(crate) any_licence: bool,
}

impl Checker {
    /// Records a problem at `path`.
    pub(crate) fn report(&mut self, path: &str, message: impl Into<String>) {
        let path = if path.is_empty() { ROOT } else { path };
        self.problems.push(Problem {
            path: path.to_owned(),
            message: message.into(),
        });
    }

    /// Applies `rule` to member `key` of `node` if it is present.
    pub(crate) fn optional<'a, T>(
        &mut self,
        node: &Node<'a>,
        key: &str,
        rule: impl FnOnce(&mut Self, &'a Value, &str) -> Option<T>,
    ) -> Option<T> {
        let value = node.get(key)?;
        rule(self, value, &node.path_of(key))
    }

    /// Applies `rule` to member `key` of `node`, reporting it if missing.
    pub(crate) fn required<'a, T>(
        &mut self,
        node: &Node<'a>,
        key: &str,
        rule: impl FnOnce(&mut Self, &'a Value, &str) -> Option<T>,
    ) -> Option<T> {
        match node.get(key) {
            Some(value) => rule(self, value, &node.path_of(key)),
            None => {
                self.report(&node.path_of(key), "is required but missing");
                None
            }
        }
    }

    /// The object `value`, or a problem saying it must be `expected`.
    pub(crate) fn object<'a>(
        &mut self,
        value: &'a Value,
        path: &str,
        expected: &str,
    ) -> Option<Node<'a>> {
        match value {
            Value::Object(map) => Some(Node {
                map,
                path: path.to_owned(),
            }),
            other => {
                self.report(path, format!("must be {expected}, found {}", kind(other)));
                None
            }
        }
    }

    /// The array `value`, or a problem saying it must be `expected`.
    pub(crate) fn array<'a>(
        &mut self,
        value: &'a Value,
        path: &str,
        expected: &str,
    ) -> Option<&'a [Value]> {
        match value {
            Value::Array(items) => Some(items),
            other => {
                self.report(path, format!("must be {expected}, found {}", kind(other)));
                None
            }
        }
    }

    /// The string `value`.
    pub(crate) fn string<'a>(&mut self, value: &'a Value, path: &str) -> Option<&'a str> {
        match value {
            Value::String(s) => Some(s),
            other => {
                self.report(path, format!("must be a string, found {}", kind(other)));
                None
            }
        }
    }

    /// The string `value`, owned.
    pub(crate) fn owned_string(&mut self, value: &Value, path: &str) -> Option<String> {
        self.string(value, path).map(str::to_owned)
    }

    /// The boolean `value`.
    pub(crate) fn boolean(&mut self, value: &Value, path: &str) -> Option<bool> {
        match value {
            Value::Bool(b) => Some(*b),
            other => {
                self.report(
                    path,
                    format!("must be true or false, found {}", kind(other)),
                );
                None
            }
        }
    }

    /// The string `value` if `test` accepts it; otherwise a problem saying
    /// it must be `expected`.
    pub(crate) fn matching<'a>(
        &mut self,
        value: &'a Value,
        path: &str,
        test: fn(&str) -> bool,
        expected: &str,
    ) -> Option<&'a str> {
        let s = self.string(value, path)?;
        if test(s) {
            Some(s)
        } else {
            self.report(path, format!("must be {expected}, found {}", quote(s)));
            None
        }
    }

    /// The string `value` if it is an absolute IRI.
    pub(crate) fn iri<'a>(&mut self, value: &'a Value, path: &str) -> Option<&'a str> {
        self.matching(
            value,
            path,
            is_absolute_iri,
            "an absolute IRI such as \"https://example.org/resource\"",
        )
    }

    /// The absolute IRI `value`, owned.
    pub(crate) fn owned_iri(&mut self, value: &Value, path: &str) -> Option<String> {
        self.iri(value, path).map(str::to_owned)
    }

    /// The string `value` if it is an ISO 8601 date or date-time, owned.
    pub(crate) fn date(&mut self, value: &Value, path: &str) -> Option<String> {
        self.matching(
            value,
            path,
            is_date_or_date_time,
            "an ISO 8601 date (YYYY-MM-DD) or date-time (YYYY-MM-DDThh:mm:ss with optional time zone)",
        )
        .map(str::to_owned)
    }

    /// The string `value` if it is one of `allowed`.
    pub(crate) fn one_of<'a>(
        &mut self,
        value: &'a Value,
        path: &str,
        allowed: &[&str],
    ) -> Option<&'a str> {
        let s = self.string(value, path)?;
        if allowed.contains(&s) {
            Some(s)
        } else {
            self.report(
                path,
                format!("must be {}, found {}", alternatives(allowed), quote(s)),
            );
            None
        }
    }

    /// Applies `rule` to every item of the array `value`, keeping the
    /// results of the items that pass.
    pub(crate) fn each<'a, T>(
        &mut self,
        value: &'a Value,
        path: &str,
        expected: &str,
        mut rule: impl FnMut(&mut Self, &'a Value, &str) -> Option<T>,
    ) -> Option<Vec<T>> {
        let items = self.array(value, path, expected)?;
        Some(
            items
                .iter()
                .enumerate()
                .filter_map(|(i, v)| rule(self, v, &item(path, i)))
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths() {
        assert_eq!(member("", "name"), "name");
        assert_eq!(member(&item("about", 2), "id"), "about[2].id");
    }

    #[test]
    fn messages() {
        assert_eq!(alternatives(&["a"]), "\"a\"");
        assert_eq!(alternatives(&["a", "b", "c"]), "\"a\", \"b\" or \"c\"");
        assert_eq!(quote(&"x".repeat(100)).chars().count(), 83);
    }

    #[test]
    fn report_all_problems_with_paths() {
        let mut ck = Checker::default();
        let value = serde_json::json!({"name": 3, "keywords": "a"});
        let Value::Object(map) = &value else {
            unreachable!()
        };
        let node = Node {
            map,
            path: String::new(),
        };
        assert_eq!(ck.required(&node, "name", Checker::string), None);
        assert_eq!(ck.required(&node, "id", Checker::iri), None);
        let keywords = ck.optional(&node, "keywords", |ck, v, p| {
            ck.each(v, p, "an array of strings", Checker::owned_string)
        });
        assert_eq!(keywords, None);
        let shown: Vec<String> = ck.problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "name: must be a string, found a number",
                "id: is required but missing",
                "keywords: must be an array of strings, found a string",
            ]
        );
    }
}
