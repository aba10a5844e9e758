//! A filled-in survey, checked against its questions.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::questions::{Question, QuestionKind};
use crate::{FieldProblems, Message};

pub const MAX_OPEN_ANSWER: usize = 1000;
pub const MAX_NAME: usize = 100;

/// Answers by question key; a name only when the person chose to give one.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SurveyResponse {
    pub answers: BTreeMap<String, String>,
    pub name: Option<String>,
}

/// Checks raw answers (question key → value) and an optional name. Every
/// question may be left empty; a response with nothing in it is refused.
pub fn parse_response(
    asked: &[Question],
    raw: &BTreeMap<String, String>,
    name: Option<&str>,
) -> Result<SurveyResponse, FieldProblems> {
    let mut problems = FieldProblems::new();
    let mut answers = BTreeMap::new();
    for question in asked {
        let value = raw.get(question.key).map(|v| v.trim()).unwrap_or_default();
        if value.is_empty() {
            continue;
        }
        match question.kind {
            QuestionKind::Choice { options } if !options.iter().any(|(k, _)| *k == value) => {
                problems.push((question.key, Message::new("answer-choice-invalid")));
            }
            QuestionKind::Open if value.chars().count() > MAX_OPEN_ANSWER => {
                problems.push((question.key, Message::new("answer-too-long").with("max", MAX_OPEN_ANSWER)));
            }
            _ => {
                answers.insert(question.key.to_owned(), value.replace("\r\n", "\n"));
            }
        }
    }
    let name = name.map(str::trim).filter(|n| !n.is_empty()).map(str::to_owned);
    if name.as_ref().is_some_and(|n| n.chars().count() > MAX_NAME) {
        problems.push(("name", Message::new("answer-too-long").with("max", MAX_NAME)));
    }
    if problems.is_empty() && answers.is_empty() {
        problems.push(("answers", Message::new("survey-empty")));
    }
    if problems.is_empty() { Ok(SurveyResponse { answers, name }) } else { Err(problems) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::surveys::{Audience, SurveyKind, questions};

    fn raw(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn answers_are_checked_against_the_questions() {
        let asked = questions(SurveyKind::ControlGroup, Audience::Parents);
        let ok = parse_response(
            asked,
            &raw(&[("begrijpelijk", "een_beetje"), ("beter", " Kortere zinnen. "), ("onbekend", "x")]),
            Some(" "),
        )
        .unwrap();
        assert_eq!(ok.answers, raw(&[("begrijpelijk", "een_beetje"), ("beter", "Kortere zinnen.")]));
        assert_eq!(ok.name, None, "anonymous unless a name is given");
        let bad = parse_response(asked, &raw(&[("begrijpelijk", "heel_goed"), ("beter", &"x".repeat(1001))]), None)
            .unwrap_err();
        let fields: Vec<&str> = bad.iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, ["begrijpelijk", "beter"]);
        assert_eq!(parse_response(asked, &raw(&[]), None).unwrap_err()[0].1.id, "survey-empty");
    }
}
