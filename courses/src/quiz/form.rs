//! A quiz as an HTML form and back: the fields each question kind uses, how
//! submitted fields become responses to grade, and the right answers as
//! fields (the demo's learners give them).
//!
//! Field names: `q{i}` for choices, true/false, text and numbers (repeated for
//! multiple choice); `q{i}-{item}` = position for ordering; `q{i}-{left}` =
//! right-hand index for matching. Ordering items and matching right-hand
//! items are shown in a shuffled order that is stable for a given lesson, so
//! a form shown again after an answer looks the same.

use super::{Kind, Question, Quiz, Response};

/// Most fields a quiz form may send; more is refused, not truncated.
pub const MAX_FIELDS: usize = 400;
/// Longest value kept from one field.
pub const MAX_VALUE_CHARS: usize = 500;

/// A permutation of `0..n` that depends only on `seed`, never the identity
/// when `n > 1` (an ordering question shown in order would answer itself).
pub fn shuffled(n: usize, seed: &str) -> Vec<usize> {
    // FNV-1a of the seed drives a xorshift generator for Fisher–Yates.
    let mut state = seed.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    }) | 1;
    let mut order: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let j = (state % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    if n > 1 && order.iter().enumerate().all(|(i, v)| i == *v) {
        order.rotate_left(1);
    }
    order
}

/// The seed of question `index`'s shuffles in a lesson.
pub fn seed(lesson: &str, index: usize) -> String {
    format!("{lesson}#{index}")
}

fn values<'a>(fields: &'a [(String, String)], name: &'a str) -> impl Iterator<Item = &'a str> {
    fields
        .iter()
        .filter(move |(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

fn first<'a>(fields: &'a [(String, String)], name: &str) -> Option<&'a str> {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// "3,5" and " 1 000 " are numbers too.
fn number(text: &str) -> Option<f64> {
    let cleaned: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202f}' && *c != '\u{a0}')
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    cleaned.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// The response the fields give to question `index`, if complete.
pub fn response(
    question: &Question,
    index: usize,
    fields: &[(String, String)],
) -> Option<Response> {
    let name = format!("q{index}");
    match &question.kind {
        Kind::Single { .. } | Kind::Multiple { .. } => {
            let chosen: Vec<usize> = values(fields, &name)
                .filter_map(|v| v.parse().ok())
                .collect();
            (!chosen.is_empty()).then_some(Response::Choices(chosen))
        }
        Kind::TrueFalse { .. } => match first(fields, &name)? {
            "true" => Some(Response::Bool(true)),
            "false" => Some(Response::Bool(false)),
            _ => None,
        },
        Kind::Text { .. } => first(fields, &name)
            .filter(|t| !t.trim().is_empty())
            .map(|t| Response::Text(t.to_string())),
        Kind::Numeric { .. } => first(fields, &name).and_then(number).map(Response::Number),
        Kind::Ordering { items } => {
            let mut positions = Vec::with_capacity(items.len());
            for item in 0..items.len() {
                let p: usize = first(fields, &format!("{name}-{item}"))?.parse().ok()?;
                positions.push((p, item));
            }
            positions.sort_unstable();
            let distinct = positions.windows(2).all(|w| w[0].0 != w[1].0);
            distinct.then(|| Response::Order(positions.into_iter().map(|(_, i)| i).collect()))
        }
        Kind::Matching { pairs } => {
            let mut chosen = Vec::with_capacity(pairs.len());
            for left in 0..pairs.len() {
                chosen.push(first(fields, &format!("{name}-{left}"))?.parse().ok()?);
            }
            Some(Response::Order(chosen))
        }
    }
}

/// Keeps the quiz fields of a submitted form (`q…`), within the limits;
/// `None` when the form is too large to be a real answer.
pub fn quiz_fields(form: Vec<(String, String)>) -> Option<Vec<(String, String)>> {
    let kept: Vec<(String, String)> = form
        .into_iter()
        .filter(|(k, _)| {
            k.strip_prefix('q')
                .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        })
        .collect();
    if kept.len() > MAX_FIELDS {
        return None;
    }
    Some(
        kept.into_iter()
            .map(|(k, v)| (k, v.chars().take(MAX_VALUE_CHARS).collect()))
            .collect(),
    )
}

/// The fields of a submission that answers every question right (for demo
/// data and tests).
pub fn right_answers(quiz: &Quiz) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (i, q) in quiz.questions.iter().enumerate() {
        let name = format!("q{i}");
        match &q.kind {
            Kind::Single { answers } | Kind::Multiple { answers } => {
                for (n, _) in answers.iter().enumerate().filter(|(_, a)| a.correct) {
                    out.push((name.clone(), n.to_string()));
                }
            }
            Kind::TrueFalse { answer } => out.push((name, answer.to_string())),
            Kind::Text { accepted } => out.push((name, accepted[0].clone())),
            Kind::Numeric { value, .. } => out.push((name, value.to_string())),
            Kind::Ordering { items } => {
                for n in 0..items.len() {
                    out.push((format!("{name}-{n}"), (n + 1).to_string()));
                }
            }
            Kind::Matching { pairs } => {
                for n in 0..pairs.len() {
                    out.push((format!("{name}-{n}"), n.to_string()));
                }
            }
        }
    }
    out
}

/// Grades a whole submission: `(score, total)`.
pub fn score(quiz: &Quiz, fields: &[(String, String)]) -> (i64, i64) {
    let right = quiz
        .questions
        .iter()
        .enumerate()
        .filter(|(i, q)| response(q, *i, fields).is_some_and(|r| q.grade(&r).correct))
        .count();
    (right as i64, quiz.questions.len() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn shuffles_are_stable_and_never_the_identity() {
        for n in 2..8 {
            let a = shuffled(n, "lesson#3");
            assert_eq!(a, shuffled(n, "lesson#3"));
            let mut sorted = a.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, (0..n).collect::<Vec<_>>());
            assert_ne!(a, sorted);
        }
        assert_eq!(shuffled(1, "x"), [0]);
    }

    #[test]
    fn only_quiz_fields_are_kept_and_floods_refused() {
        let kept = quiz_fields(f(&[
            ("_csrf", "t"),
            ("q0", "1"),
            ("q12-3", "2"),
            ("query", "x"),
        ]))
        .unwrap();
        assert_eq!(kept, f(&[("q0", "1"), ("q12-3", "2")]));
        let flood = (0..=MAX_FIELDS)
            .map(|i| (format!("q{i}"), "1".to_string()))
            .collect();
        assert!(quiz_fields(flood).is_none());
    }
}
