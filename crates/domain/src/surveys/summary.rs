//! Results per question for the team: counts per option, and the open answers.

use serde::Serialize;

use super::questions::{Question, QuestionKind};
use super::response::SurveyResponse;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionSummary {
    pub key: &'static str,
    pub text: &'static str,
    /// For choice questions: (option label, how many chose it), in the options' order.
    pub counts: Vec<(&'static str, usize)>,
    /// For open questions: the answers, oldest first.
    pub texts: Vec<OpenAnswer>,
    /// How many answered this question.
    pub answered: usize,
}

/// An open answer and the response it is part of (its index in the responses summarised).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OpenAnswer {
    pub response: usize,
    pub text: String,
}

impl QuestionSummary {
    /// The counts as one line: `Ja 2, Een beetje 0, Nee 1`.
    pub fn counts_line(&self) -> String {
        self.counts.iter().map(|(label, count)| format!("{label} {count}")).collect::<Vec<_>>().join(", ")
    }
}

pub fn summarise(asked: &[Question], responses: &[SurveyResponse]) -> Vec<QuestionSummary> {
    asked
        .iter()
        .map(|question| {
            let given: Vec<(usize, &str)> = responses
                .iter()
                .enumerate()
                .filter_map(|(i, r)| r.answers.get(question.key).map(|a| (i, a.as_str())))
                .collect();
            let (counts, texts) = match question.kind {
                QuestionKind::Choice { options } => (
                    options
                        .iter()
                        .map(|(key, label)| (*label, given.iter().filter(|(_, g)| g == key).count()))
                        .collect(),
                    Vec::new(),
                ),
                QuestionKind::Open => (
                    Vec::new(),
                    given.iter().map(|(i, g)| OpenAnswer { response: *i, text: (*g).to_owned() }).collect(),
                ),
            };
            QuestionSummary { key: question.key, text: question.text, counts, texts, answered: given.len() }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::surveys::{Audience, SurveyKind, questions};

    #[test]
    fn choices_are_counted_and_open_answers_listed() {
        let asked = questions(SurveyKind::ControlGroup, Audience::Parents);
        let response = |pairs: &[(&str, &str)]| SurveyResponse {
            answers: pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect::<BTreeMap<_, _>>(),
            name: None,
        };
        let responses = [
            response(&[("begrijpelijk", "ja"), ("beter", "Minder afkortingen")]),
            response(&[("begrijpelijk", "nee")]),
            response(&[("begrijpelijk", "ja"), ("beter", "Kortere zinnen")]),
        ];
        let summary = summarise(asked, &responses);
        let understood = summary.iter().find(|s| s.key == "begrijpelijk").unwrap();
        assert_eq!(understood.counts, [("Ja", 2), ("Een beetje", 0), ("Nee", 1)]);
        assert_eq!(understood.answered, 3);
        assert_eq!(understood.counts_line(), "Ja 2, Een beetje 0, Nee 1");
        let better = summary.iter().find(|s| s.key == "beter").unwrap();
        assert_eq!(
            better.texts,
            [
                OpenAnswer { response: 0, text: "Minder afkortingen".into() },
                OpenAnswer { response: 2, text: "Kortere zinnen".into() }
            ]
        );
    }
}
