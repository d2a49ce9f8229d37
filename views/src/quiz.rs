//! The questions of a quiz as the lesson page shows them, with or without an
//! attempt's verdicts. Field names and grading are `courses::quiz::form`'s.

use app::pages::learning::QuestionView;
use courses::quiz::form::{response, seed, shuffled};
use courses::quiz::{Kind, Quiz};

/// The questions as the form shows them; with `given`, also what was
/// answered and the verdicts, feedback and explanations.
pub fn views(quiz: &Quiz, lesson: &str, given: Option<&[(String, String)]>) -> Vec<QuestionView> {
    quiz.questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let (options, lefts) = match &q.kind {
                Kind::Single { answers } | Kind::Multiple { answers } => (
                    answers
                        .iter()
                        .enumerate()
                        .map(|(n, a)| (n.to_string(), a.text.clone()))
                        .collect(),
                    Vec::new(),
                ),
                Kind::Ordering { items } => (
                    shuffled(items.len(), &seed(lesson, i))
                        .into_iter()
                        .map(|n| (n.to_string(), items[n].clone()))
                        .collect(),
                    Vec::new(),
                ),
                Kind::Matching { pairs } => (
                    shuffled(pairs.len(), &seed(lesson, i))
                        .into_iter()
                        .map(|n| (n.to_string(), pairs[n].1.clone()))
                        .collect(),
                    pairs
                        .iter()
                        .enumerate()
                        .map(|(n, (l, _))| (n.to_string(), l.clone()))
                        .collect(),
                ),
                Kind::TrueFalse { .. } | Kind::Text { .. } | Kind::Numeric { .. } => {
                    (Vec::new(), Vec::new())
                }
            };
            let prefix = format!("q{i}");
            let mine = |k: &str| {
                k == prefix
                    || k.strip_prefix(&prefix)
                        .is_some_and(|rest| rest.starts_with('-'))
            };
            let (given_fields, correct, feedback, explanation) = match given {
                Some(fields) => {
                    let grade = response(q, i, fields).map(|r| q.grade(&r));
                    (
                        fields.iter().filter(|(k, _)| mine(k)).cloned().collect(),
                        Some(grade.as_ref().is_some_and(|g| g.correct)),
                        grade.map(|g| g.feedback).unwrap_or_default(),
                        q.explanation.clone(),
                    )
                }
                None => (Vec::new(), None, Vec::new(), None),
            };
            QuestionView {
                kind: q.kind_name().to_string(),
                prompt: q.prompt.clone(),
                options,
                lefts,
                given: given_fields,
                correct,
                feedback,
                explanation,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use courses::quiz::form::{right_answers, score};

    fn quiz() -> Quiz {
        let text = r#"
```quiz
[[question]]
kind = "single"
prompt = "One"
explanation = "Because b."
answers = [{ text = "a" }, { text = "b", correct = true, feedback = "Yes" }]

[[question]]
kind = "multiple"
prompt = "Many"
answers = [{ text = "a", correct = true }, { text = "b" }, { text = "c", correct = true }]

[[question]]
kind = "true-false"
prompt = "TF"
answer = false

[[question]]
kind = "text"
prompt = "Word"
accepted = ["Chaton"]

[[question]]
kind = "numeric"
prompt = "Number"
value = 3.5
tolerance = 0.1

[[question]]
kind = "ordering"
prompt = "Order"
items = ["first", "second", "third"]

[[question]]
kind = "matching"
prompt = "Match"
pairs = [["a", "1"], ["b", "2"]]
```
"#;
        let mut problems = Vec::new();
        let (_, quiz) =
            courses::quiz::extract(std::path::Path::new("l.md"), text, 1, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        quiz.unwrap()
    }

    fn f(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn a_right_submission_scores_everything() {
        let right = f(&[
            ("q0", "1"),
            ("q1", "0"),
            ("q1", "2"),
            ("q2", "false"),
            ("q3", " CHATON "),
            ("q4", "3,5"),
            ("q5-0", "1"),
            ("q5-1", "2"),
            ("q5-2", "3"),
            ("q6-0", "0"),
            ("q6-1", "1"),
        ]);
        assert_eq!(score(&quiz(), &right), (7, 7));
        assert_eq!(score(&quiz(), &right_answers(&quiz())), (7, 7));
        let views = views(&quiz(), "l", Some(&right));
        assert!(views.iter().all(|v| v.correct == Some(true)));
        assert_eq!(views[0].feedback, ["Yes"]);
        assert_eq!(views[1].given.len(), 2, "both boxes stay ticked");
    }

    #[test]
    fn wrong_partial_and_missing_answers_score_nothing() {
        let wrong = f(&[
            ("q0", "0"),
            ("q1", "0"),
            ("q2", "maybe"),
            ("q4", "three"),
            ("q5-0", "1"),
            ("q5-1", "1"),
            ("q5-2", "3"),
            ("q6-0", "1"),
        ]);
        assert_eq!(score(&quiz(), &wrong), (0, 7));
        let views = views(&quiz(), "l", Some(&wrong));
        assert!(views.iter().all(|v| v.correct == Some(false)));
        assert_eq!(views[0].explanation.as_deref(), Some("Because b."));
        let fresh = super::views(&quiz(), "l", None);
        assert!(
            fresh
                .iter()
                .all(|v| v.correct.is_none() && v.explanation.is_none())
        );
    }
}
