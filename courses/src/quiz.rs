//! Quizzes, written inside a lesson as a fenced block whose info string is
//! `quiz`, holding TOML:
//!
//! ````markdown
//! ```quiz
//! [[question]]
//! kind = "single"            # single, multiple, true-false, text, numeric, ordering, matching
//! prompt = "Who may read a letter sent through a neutral network?"
//! explanation = "Shown once the question is answered."
//! answers = [
//!   { text = "Only the addressee", correct = true, feedback = "Yes." },
//!   { text = "Every router on the way", feedback = "Routers carry it, they do not open it." },
//! ]
//!
//! [[question]]
//! kind = "text"
//! prompt = "What does the C of CHATONS stand for?"
//! accepted = ["Collectif"]   # compared without case or accents
//! ```
//! ````
//!
//! Other kinds: `true-false` (`answer = true`), `numeric` (`value`, `tolerance`),
//! `ordering` (`items` in the right order; shown shuffled), `matching`
//! (`pairs = [["left", "right"], …]`).

pub mod form;

use std::path::Path;

use serde::Deserialize;
use unicode_normalization::UnicodeNormalization;

use crate::report::Problem;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    pub text: String,
    #[serde(default)]
    pub correct: bool,
    #[serde(default)]
    pub feedback: Option<String>,
}

/// What a question asks for, and what is right.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Single { answers: Vec<Answer> },
    Multiple { answers: Vec<Answer> },
    TrueFalse { answer: bool },
    Text { accepted: Vec<String> },
    Numeric { value: f64, tolerance: f64 },
    Ordering { items: Vec<String> },
    Matching { pairs: Vec<(String, String)> },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub prompt: String,
    pub explanation: Option<String>,
    pub kind: Kind,
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum KindName {
    Single,
    Multiple,
    TrueFalse,
    Text,
    Numeric,
    Ordering,
    Matching,
}

/// A question as written: every key of every kind, checked against its kind
/// afterwards so that a misplaced key gets a precise message.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    kind: KindName,
    prompt: String,
    explanation: Option<String>,
    answers: Option<Vec<Answer>>,
    answer: Option<bool>,
    accepted: Option<Vec<String>>,
    value: Option<f64>,
    tolerance: Option<f64>,
    items: Option<Vec<String>>,
    pairs: Option<Vec<(String, String)>>,
}

impl RawQuestion {
    fn into_question(self) -> Result<Question, String> {
        let present: Vec<&str> = [
            ("answers", self.answers.is_some()),
            ("answer", self.answer.is_some()),
            ("accepted", self.accepted.is_some()),
            ("value", self.value.is_some()),
            ("tolerance", self.tolerance.is_some()),
            ("items", self.items.is_some()),
            ("pairs", self.pairs.is_some()),
        ]
        .into_iter()
        .filter_map(|(k, p)| p.then_some(k))
        .collect();
        let (allowed, kind): (&[&str], Option<Kind>) = match self.kind {
            KindName::Single => (
                &["answers"],
                self.answers.clone().map(|answers| Kind::Single { answers }),
            ),
            KindName::Multiple => (
                &["answers"],
                self.answers
                    .clone()
                    .map(|answers| Kind::Multiple { answers }),
            ),
            KindName::TrueFalse => (
                &["answer"],
                self.answer.map(|answer| Kind::TrueFalse { answer }),
            ),
            KindName::Text => (
                &["accepted"],
                self.accepted
                    .clone()
                    .map(|accepted| Kind::Text { accepted }),
            ),
            KindName::Numeric => (
                &["value", "tolerance"],
                self.value.map(|value| Kind::Numeric {
                    value,
                    tolerance: self.tolerance.unwrap_or(0.0),
                }),
            ),
            KindName::Ordering => (
                &["items"],
                self.items.clone().map(|items| Kind::Ordering { items }),
            ),
            KindName::Matching => (
                &["pairs"],
                self.pairs.clone().map(|pairs| Kind::Matching { pairs }),
            ),
        };
        if let Some(extra) = present.iter().find(|k| !allowed.contains(k)) {
            return Err(format!(
                "`{extra}` does not belong to this kind of question (it takes {})",
                allowed.join(", ")
            ));
        }
        let kind = kind.ok_or_else(|| format!("this kind of question needs `{}`", allowed[0]))?;
        Ok(Question {
            prompt: self.prompt,
            explanation: self.explanation,
            kind,
        })
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct QuizToml {
    question: Vec<RawQuestion>,
}

/// The questions of one lesson, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Quiz {
    pub questions: Vec<Question>,
    /// 1-based line of the ```quiz fence in the file.
    pub line: usize,
}

/// A learner's answer to one question.
#[derive(Debug, Clone, PartialEq)]
pub enum Response {
    /// Indexes of the chosen answers (single, multiple).
    Choices(Vec<usize>),
    Bool(bool),
    Text(String),
    Number(f64),
    /// Item indexes in the order given (ordering), or for each left item the
    /// index of the right item chosen (matching).
    Order(Vec<usize>),
}

/// The verdict on one answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Grade {
    pub correct: bool,
    /// Feedback attached to the answers chosen.
    pub feedback: Vec<String>,
}

/// Lower case, accents removed, spaces collapsed: how text answers compare.
pub fn fold(text: &str) -> String {
    let folded: String = text
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect();
    // ß has no upper or lower pair to fold to; it is written ss in Switzerland.
    let folded = folded.to_lowercase().replace('ß', "ss");
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Question {
    pub fn grade(&self, response: &Response) -> Grade {
        let plain = |correct| Grade {
            correct,
            feedback: Vec::new(),
        };
        match (&self.kind, response) {
            (Kind::Single { answers } | Kind::Multiple { answers }, Response::Choices(chosen)) => {
                let mut chosen = chosen.clone();
                chosen.sort_unstable();
                chosen.dedup();
                let right: Vec<usize> = answers
                    .iter()
                    .enumerate()
                    .filter(|(_, a)| a.correct)
                    .map(|(i, _)| i)
                    .collect();
                let feedback = chosen
                    .iter()
                    .filter_map(|i| answers.get(*i)?.feedback.clone())
                    .collect();
                Grade {
                    correct: chosen == right,
                    feedback,
                }
            }
            (Kind::TrueFalse { answer }, Response::Bool(b)) => plain(answer == b),
            (Kind::Text { accepted }, Response::Text(t)) => {
                plain(accepted.iter().any(|a| fold(a) == fold(t)))
            }
            (Kind::Numeric { value, tolerance }, Response::Number(n)) => plain(
                n.is_finite()
                    && (n - value).abs() <= tolerance.abs() + f64::EPSILON * value.abs().max(1.0),
            ),
            (Kind::Ordering { items }, Response::Order(order)) => {
                plain(*order == (0..items.len()).collect::<Vec<_>>())
            }
            (Kind::Matching { pairs }, Response::Order(order)) => {
                plain(*order == (0..pairs.len()).collect::<Vec<_>>())
            }
            _ => plain(false),
        }
    }

    /// What is wrong with the question as written, if anything.
    fn check(&self) -> Option<String> {
        match &self.kind {
            Kind::Single { answers } if answers.len() < 2 => {
                Some("a single-choice question needs at least two answers".into())
            }
            Kind::Single { answers } if answers.iter().filter(|a| a.correct).count() != 1 => {
                Some("a single-choice question needs exactly one answer with correct = true".into())
            }
            Kind::Multiple { answers } if answers.len() < 2 => {
                Some("a multiple-choice question needs at least two answers".into())
            }
            Kind::Multiple { answers } if !answers.iter().any(|a| a.correct) => Some(
                "a multiple-choice question needs at least one answer with correct = true".into(),
            ),
            Kind::Text { accepted } if accepted.iter().all(|a| fold(a).is_empty()) => {
                Some("a text question needs at least one accepted answer".into())
            }
            Kind::Numeric { value, tolerance }
                if !value.is_finite() || !tolerance.is_finite() || *tolerance < 0.0 =>
            {
                Some(
                    "a numeric question needs a finite value and a tolerance of zero or more"
                        .into(),
                )
            }
            Kind::Ordering { items } if items.len() < 2 => {
                Some("an ordering question needs at least two items".into())
            }
            Kind::Matching { pairs } if pairs.len() < 2 => {
                Some("a matching question needs at least two pairs".into())
            }
            _ if self.prompt.trim().is_empty() => Some("the question has an empty prompt".into()),
            _ => None,
        }
    }

    /// The kind's name as authors write it.
    pub fn kind_name(&self) -> &'static str {
        match self.kind {
            Kind::Single { .. } => "single",
            Kind::Multiple { .. } => "multiple",
            Kind::TrueFalse { .. } => "true-false",
            Kind::Text { .. } => "text",
            Kind::Numeric { .. } => "numeric",
            Kind::Ordering { .. } => "ordering",
            Kind::Matching { .. } => "matching",
        }
    }
}

/// Finds the ```quiz block of a lesson body (whose first line is `body_line`
/// of `file`) and parses it. Returns the body without the block.
pub fn extract(
    file: &Path,
    body: &str,
    body_line: usize,
    problems: &mut Vec<Problem>,
) -> (String, Option<Quiz>) {
    let mut kept = String::with_capacity(body.len());
    let mut quiz: Option<Quiz> = None;
    let mut block: Option<(usize, String)> = None;
    for (i, line) in body.split_inclusive('\n').enumerate() {
        let trimmed = line.trim();
        match &mut block {
            None if trimmed == "```quiz" => block = Some((body_line + i, String::new())),
            None => kept.push_str(line),
            Some((start, toml)) if trimmed == "```" => {
                let start = *start;
                if quiz.is_some() {
                    problems.push(
                        Problem::new(file, start, "a lesson has at most one quiz")
                            .hint("put every question in the same ```quiz block"),
                    );
                } else {
                    quiz = parse(file, start, toml, problems);
                }
                block = None;
            }
            Some((_, toml)) => toml.push_str(line),
        }
    }
    if let Some((start, _)) = block {
        problems.push(
            Problem::new(file, start, "the quiz block is not closed")
                .hint("end it with a line ```"),
        );
    }
    (kept, quiz)
}

fn parse(
    file: &Path,
    fence_line: usize,
    toml_text: &str,
    problems: &mut Vec<Problem>,
) -> Option<Quiz> {
    let parsed: QuizToml = match toml::from_str(toml_text) {
        Ok(q) => q,
        Err(e) => {
            let line = fence_line
                + 1
                + e.span()
                    .map(|s| toml_text[..s.start].matches('\n').count())
                    .unwrap_or(0);
            problems.push(
                Problem::new(file, line, format!("invalid quiz: {}", e.message()))
                    .hint("each question is a [[question]] table with kind, prompt and the keys of its kind"),
            );
            return None;
        }
    };
    // Where each [[question]] starts, to report problems at the right line.
    let starts: Vec<usize> = toml_text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.trim() == "[[question]]")
        .map(|(i, _)| fence_line + 1 + i)
        .collect();
    let mut questions = Vec::new();
    let mut failed = false;
    for (n, raw) in parsed.question.into_iter().enumerate() {
        let line = starts.get(n).copied().unwrap_or(fence_line);
        match raw
            .into_question()
            .and_then(|q| q.check().map_or(Ok(q), Err))
        {
            Ok(q) => questions.push(q),
            Err(message) => {
                failed = true;
                problems.push(
                    Problem::new(file, line, format!("question {}: {message}", n + 1))
                        .hint("the quiz syntax is described in courses/src/quiz.rs"),
                );
            }
        }
    }
    (!failed).then_some(Quiz {
        questions,
        line: fence_line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"Intro text.

```quiz
[[question]]
kind = "single"
prompt = "Pick one"
explanation = "Because."
answers = [{ text = "right", correct = true, feedback = "Yes" }, { text = "wrong", feedback = "No" }]

[[question]]
kind = "multiple"
prompt = "Pick two"
answers = [{ text = "a", correct = true }, { text = "b", correct = true }, { text = "c" }]

[[question]]
kind = "true-false"
prompt = "The sky is green."
answer = false

[[question]]
kind = "text"
prompt = "The C of CHATONS?"
accepted = ["Collectif"]

[[question]]
kind = "numeric"
prompt = "How many modules?"
value = 3
tolerance = 0

[[question]]
kind = "ordering"
prompt = "Order the steps"
items = ["plan", "install", "back up"]

[[question]]
kind = "matching"
prompt = "Match"
pairs = [["HTTP", "web"], ["SMTP", "mail"]]
```

After the quiz.
"#;

    #[test]
    fn parses_every_kind_and_keeps_the_rest_of_the_body() {
        let mut problems = Vec::new();
        let (body, quiz) = extract(Path::new("l.md"), SAMPLE, 4, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        let quiz = quiz.unwrap();
        assert_eq!(quiz.line, 6);
        let kinds: Vec<_> = quiz.questions.iter().map(Question::kind_name).collect();
        assert_eq!(
            kinds,
            [
                "single",
                "multiple",
                "true-false",
                "text",
                "numeric",
                "ordering",
                "matching"
            ]
        );
        assert_eq!(body, "Intro text.\n\n\nAfter the quiz.\n");
    }

    #[test]
    fn grades_answers() {
        let mut problems = Vec::new();
        let q = extract(Path::new("l.md"), SAMPLE, 1, &mut problems)
            .1
            .unwrap()
            .questions;
        assert_eq!(
            q[0].grade(&Response::Choices(vec![0])),
            Grade {
                correct: true,
                feedback: vec!["Yes".into()]
            }
        );
        assert_eq!(
            q[0].grade(&Response::Choices(vec![1])),
            Grade {
                correct: false,
                feedback: vec!["No".into()]
            }
        );
        assert!(q[1].grade(&Response::Choices(vec![1, 0])).correct);
        assert!(!q[1].grade(&Response::Choices(vec![0])).correct);
        assert!(q[2].grade(&Response::Bool(false)).correct);
        assert!(
            q[3].grade(&Response::Text("  COLLÈCTIF ".into())).correct,
            "case and accents do not matter"
        );
        assert!(!q[3].grade(&Response::Text("Collective".into())).correct);
        assert!(q[4].grade(&Response::Number(3.0)).correct);
        assert!(!q[4].grade(&Response::Number(3.1)).correct);
        assert!(!q[4].grade(&Response::Number(f64::NAN)).correct);
        assert!(q[5].grade(&Response::Order(vec![0, 1, 2])).correct);
        assert!(!q[5].grade(&Response::Order(vec![1, 0, 2])).correct);
        assert!(q[6].grade(&Response::Order(vec![0, 1])).correct);
        assert!(
            !q[0].grade(&Response::Text("right".into())).correct,
            "a response of the wrong shape is wrong"
        );
    }

    #[test]
    fn mistakes_in_quizzes_name_their_line() {
        let text = "x\n```quiz\n[[question]]\nkind = \"single\"\nprompt = \"p\"\nanswers = [{ text = \"a\" }, { text = \"b\" }]\n\n[[question]]\nkind = \"essay\"\nprompt = \"q\"\n```\n";
        let mut problems = Vec::new();
        extract(Path::new("l.md"), text, 10, &mut problems);
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].message.contains("unknown variant `essay`"),
            "{}",
            problems[0].message
        );
        assert_eq!(problems[0].line, 18, "the line of the bad kind in the file");

        let text = "```quiz\n[[question]]\nkind = \"single\"\nprompt = \"p\"\nanswers = [{ text = \"a\" }, { text = \"b\" }]\n```\n";
        let mut problems = Vec::new();
        extract(Path::new("l.md"), text, 5, &mut problems);
        assert_eq!(problems[0].line, 6);
        assert!(
            problems[0]
                .message
                .contains("exactly one answer with correct = true")
        );

        let mut problems = Vec::new();
        extract(
            Path::new("l.md"),
            "```quiz\n[[question]]\n",
            1,
            &mut problems,
        );
        assert!(problems[0].message.contains("not closed"));
    }

    #[test]
    fn folding_ignores_case_accents_and_spacing() {
        assert_eq!(fold("  Économie   SOLIDAIRE "), "economie solidaire");
        assert_eq!(fold("Čišćenje"), "ciscenje");
        assert_eq!(fold("Grüß Gott"), fold("GRÜSS GOTT"));
    }
}
