//! A filled-in survey, checked against its questions.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::contact::{Contact, ContactInput, parse_contact};
use super::questions::{Question, QuestionKind};
use crate::pupil_data::pupil_data_in;
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
/// question may be left empty; a response with nothing in it is refused, and
/// so is an open answer that looks like a pupil's data (`this_year` dates it).
pub fn parse_response(
    asked: &[Question],
    raw: &BTreeMap<String, String>,
    name: Option<&str>,
    this_year: u16,
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
            QuestionKind::Open => match pupil_data_in(value, this_year) {
                Some(refused) => problems.push((question.key, refused)),
                None => {
                    answers.insert(question.key.to_owned(), value.replace("\r\n", "\n"));
                }
            },
            QuestionKind::Choice { .. } => {
                answers.insert(question.key.to_owned(), value.to_owned());
            }
        }
    }
    let name = name.map(str::trim).filter(|n| !n.is_empty()).map(str::to_owned);
    if name.as_ref().is_some_and(|n| n.chars().count() > MAX_NAME) {
        problems.push(("name", Message::new("answer-too-long").with("max", MAX_NAME)));
    } else if let Some(refused) = name.as_deref().and_then(|n| pupil_data_in(n, this_year)) {
        problems.push(("name", refused));
    }
    if problems.is_empty() && answers.is_empty() {
        problems.push(("answers", Message::new("survey-empty")));
    }
    if problems.is_empty() { Ok(SurveyResponse { answers, name }) } else { Err(problems) }
}

/// A response with the contact details that go with it, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct Submission {
    pub response: SurveyResponse,
    pub contact: Option<Contact>,
}

/// Checks a whole submission: the answers as [`parse_response`] does and the
/// contact details as [`parse_contact`] does, with every problem of both at
/// once, so that the form can show them all and keep what was typed.
pub fn parse_submission(
    asked: &[Question],
    raw: &BTreeMap<String, String>,
    name: Option<&str>,
    contact: &ContactInput<'_>,
    this_year: u16,
) -> Result<Submission, FieldProblems> {
    let response = parse_response(asked, raw, name, this_year);
    let contact = parse_contact(asked, raw, contact);
    match (response, contact) {
        (Ok(response), Ok(contact)) => Ok(Submission { response, contact }),
        (response, contact) => {
            let mut problems = response.err().unwrap_or_default();
            problems.retain(|(field, _)| *field != "answers" || contact.is_ok());
            problems.extend(contact.err().unwrap_or_default());
            Err(problems)
        }
    }
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
            2026,
        )
        .unwrap();
        assert_eq!(ok.answers, raw(&[("begrijpelijk", "een_beetje"), ("beter", "Kortere zinnen.")]));
        assert_eq!(ok.name, None, "anonymous unless a name is given");
        let bad =
            parse_response(asked, &raw(&[("begrijpelijk", "heel_goed"), ("beter", &"x".repeat(1001))]), None, 2026)
                .unwrap_err();
        let fields: Vec<&str> = bad.iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, ["begrijpelijk", "beter"]);
        assert_eq!(parse_response(asked, &raw(&[]), None, 2026).unwrap_err()[0].1.id, "survey-empty");
    }

    #[test]
    fn pupil_data_is_refused_beside_its_answer() {
        let asked = questions(SurveyKind::Evaluation, Audience::Parents);
        let sent = raw(&[("tevreden", "Fijne juf"), ("anders", "Mijn dochter, geboren 4-2-2017, heeft hulp nodig")]);
        let refused = parse_response(asked, &sent, None, 2026).unwrap_err();
        assert_eq!(refused.iter().map(|(f, m)| (*f, m.id)).collect::<Vec<_>>(), [("anders", "pupil-data-birth-date")]);
    }

    #[test]
    fn a_submission_reports_answers_and_contact_problems_together() {
        let asked = questions(SurveyKind::Evaluation, Audience::Parents);
        let sent = raw(&[("meedenken", "ja"), ("tevreden", "De juf belt ons")]);
        let no_consent = ContactInput { name: "Fatima", email: "fatima@voorbeeld.nl", phone: "", consent: false };
        let refused = parse_submission(asked, &sent, None, &no_consent, 2026).unwrap_err();
        assert_eq!(refused.iter().map(|(f, _)| *f).collect::<Vec<_>>(), ["consent"]);
        let given = parse_submission(asked, &sent, None, &ContactInput { consent: true, ..no_consent }, 2026).unwrap();
        assert_eq!(given.response.answers.len(), 2);
        assert_eq!(given.contact.unwrap().email.as_deref(), Some("fatima@voorbeeld.nl"));
        let only_contact =
            parse_submission(asked, &raw(&[]), None, &ContactInput { consent: true, ..no_consent }, 2026);
        let fields: Vec<&str> = only_contact.unwrap_err().iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, ["contact"], "contact details without the yes: said next to them, not as an empty form");
    }
}
