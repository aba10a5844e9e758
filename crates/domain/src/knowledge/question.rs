//! The question desk: someone asks (name, phone, e-mail, organisation and a
//! short description), the platform's experts answer by mail, the asker reads
//! the answer by link; an editor may publish it, anonymised, as a FAQ item.
//! The asker's details are kept only for a year after the answer.

use crate::accounts::Email;
use crate::{FieldProblems, Message};

use super::{TAGS_MAX, Tag, check_text};

pub const NAME_MAX: usize = 120;
pub const PHONE_MAX: usize = 30;
pub const ORGANISATION_MAX: usize = 160;
pub const DESCRIPTION_MAX: usize = 2_000;
pub const ANSWER_MAX: usize = 10_000;
/// The asker's details go a year after the answer (the housekeeping job deletes them).
pub const DETAILS_KEPT_SECS: i64 = 365 * 24 * 3600;

/// What the question form sends.
#[derive(Debug, Clone, Default)]
pub struct QuestionInput {
    pub name: String,
    pub phone: String,
    pub email: String,
    pub organisation: String,
    pub description: String,
}

/// A checked question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub name: String,
    pub phone: String,
    pub email: Email,
    pub organisation: String,
    pub description: String,
}

/// A phone number as people write it: digits, spaces, `+`, `-`, `(`, `)`; 8–15 digits.
fn phone_ok(phone: &str) -> bool {
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    (8..=15).contains(&digits) && phone.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c))
}

impl QuestionInput {
    pub fn validate(&self, this_year: u16) -> Result<Question, FieldProblems> {
        let mut problems = FieldProblems::new();
        let name = check_text(&mut problems, "name", &self.name, NAME_MAX, true, this_year);
        let phone = self.phone.trim().to_owned();
        if phone.is_empty() {
            problems.push(("phone", Message::new("kb-field-required")));
        } else if phone.chars().count() > PHONE_MAX || !phone_ok(&phone) {
            problems.push(("phone", Message::new("kb-phone-invalid")));
        }
        let email = Email::parse(&self.email);
        if email.is_err() {
            problems.push(("email", Message::new("kb-email-invalid")));
        }
        let organisation =
            check_text(&mut problems, "organisation", &self.organisation, ORGANISATION_MAX, false, this_year);
        let description = check_text(&mut problems, "description", &self.description, DESCRIPTION_MAX, true, this_year);
        match email {
            Ok(email) if problems.is_empty() => Ok(Question { name, phone, email, organisation, description }),
            _ => Err(problems),
        }
    }
}

/// An expert's answer: plain text (it goes into a mail and onto a page).
pub fn validate_answer(answer: &str, this_year: u16) -> Result<String, FieldProblems> {
    let mut problems = FieldProblems::new();
    let answer = check_text(&mut problems, "answer", answer, ANSWER_MAX, true, this_year);
    if problems.is_empty() { Ok(answer) } else { Err(problems) }
}

/// What an editor publishes as a FAQ item: the question rewritten without
/// names (the editor anonymises; Passend refuses what still looks like the
/// asker's details or a pupil's data), the answer, and tags.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaqItem {
    pub question: String,
    pub answer: String,
    pub tags: Vec<Tag>,
}

pub fn validate_faq(
    question: &str,
    answer: &str,
    tags: &[String],
    asker: Option<&Question>,
    this_year: u16,
) -> Result<FaqItem, FieldProblems> {
    let mut problems = FieldProblems::new();
    let question = check_text(&mut problems, "question", question, DESCRIPTION_MAX, true, this_year);
    let answer = check_text(&mut problems, "answer", answer, ANSWER_MAX, true, this_year);
    if let Some(asker) = asker {
        let leaks = |text: &str| {
            let lower = text.to_lowercase();
            [asker.name.as_str(), asker.phone.as_str(), asker.email.as_str()]
                .iter()
                .filter(|d| d.chars().count() >= 3)
                .any(|detail| lower.contains(&detail.to_lowercase()))
        };
        if leaks(&question) {
            problems.push(("question", Message::new("kb-faq-not-anonymous")));
        }
        if leaks(&answer) {
            problems.push(("answer", Message::new("kb-faq-not-anonymous")));
        }
    }
    let mut parsed = Vec::new();
    for raw in tags.iter().filter(|t| !t.trim().is_empty()) {
        match Tag::parse(raw) {
            Ok(tag) if !parsed.contains(&tag) => parsed.push(tag),
            Ok(_) => {}
            Err(problem) => problems.push(("tags", problem)),
        }
    }
    if parsed.len() > TAGS_MAX {
        problems.push(("tags", Message::new("kb-tags-too-many").with("max", TAGS_MAX)));
    }
    if problems.is_empty() { Ok(FaqItem { question, answer, tags: parsed }) } else { Err(problems) }
}

/// Whether the asker's details are due for deletion at `now`.
pub fn details_expired(answered_at: Option<i64>, now: i64) -> bool {
    answered_at.is_some_and(|at| now - at >= DETAILS_KEPT_SECS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> QuestionInput {
        QuestionInput {
            name: "Anne de Vries".into(),
            phone: "030 - 123 45 67".into(),
            email: "anne@school.example".into(),
            organisation: "SWV Voorbeeld".into(),
            description: "Hoe combineren jullie sbo en so in één gebouw?".into(),
        }
    }

    #[test]
    fn a_question_passes_and_bad_fields_are_named() {
        assert!(input().validate(2026).is_ok());
        let bad = QuestionInput { phone: "bel me".into(), email: "geen".into(), description: String::new(), ..input() };
        let fields: Vec<_> = bad.validate(2026).unwrap_err().into_iter().map(|(f, _)| f).collect();
        assert_eq!(fields, vec!["phone", "email", "description"]);
    }

    #[test]
    fn a_faq_must_not_name_the_asker() {
        let asker = input().validate(2026).unwrap();
        let err = validate_faq("Anne vraagt: hoe?", "Zo.", &[], Some(&asker), 2026);
        assert!(err.is_ok(), "a first name alone is not the asker's full name");
        let err =
            validate_faq("Anne de Vries vraagt: hoe?", "Bel 030 - 123 45 67", &[], Some(&asker), 2026).unwrap_err();
        assert_eq!(err.iter().map(|(f, _)| *f).collect::<Vec<_>>(), vec!["question", "answer"]);
    }

    #[test]
    fn details_go_a_year_after_the_answer() {
        assert!(!details_expired(None, 10 * DETAILS_KEPT_SECS));
        assert!(!details_expired(Some(100), 100 + DETAILS_KEPT_SECS - 1));
        assert!(details_expired(Some(100), 100 + DETAILS_KEPT_SECS));
    }
}
