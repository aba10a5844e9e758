//! Contact details a parent may leave when they want to think along
//! ("Wilt u meedenken?"): a name and an e-mail address or phone number, only
//! with explicit consent. They are kept apart from the answers and shown only
//! to the profile's coordinators.

use std::collections::BTreeMap;

use serde::Serialize;

use super::questions::Question;
use crate::accounts::Email;
use crate::{FieldProblems, Message};

/// The question after which the form offers to leave contact details.
pub const CONTACT_QUESTION: &str = "meedenken";
/// The answers to it that go with contact details.
pub const CONTACT_ANSWERS: &[&str] = &["ja", "misschien"];
pub const MAX_CONTACT_NAME: usize = 100;
pub const MAX_PHONE: usize = 20;

/// What the form sent, as typed.
#[derive(Debug, Clone, Copy, Default)]
pub struct ContactInput<'a> {
    pub name: &'a str,
    pub email: &'a str,
    pub phone: &'a str,
    /// The consent checkbox was ticked.
    pub consent: bool,
}

impl ContactInput<'_> {
    fn is_empty(&self) -> bool {
        [self.name, self.email, self.phone].iter().all(|v| v.trim().is_empty())
    }
}

/// Checked contact details: a name and at least one way to reach the person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Contact {
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// Whether a survey asks the question that goes with contact details.
pub fn offers_contact(asked: &[Question]) -> bool {
    asked.iter().any(|q| q.key == CONTACT_QUESTION)
}

/// A phone number as people write it: digits with spaces, dashes, dots,
/// brackets and a leading `+`; 10 to 15 digits.
fn parse_phone(raw: &str) -> Option<String> {
    let phone = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    let allowed =
        phone.chars().enumerate().all(|(i, c)| c.is_ascii_digit() || " -.()".contains(c) || (c == '+' && i == 0));
    (allowed && (10..=15).contains(&digits) && phone.chars().count() <= MAX_PHONE).then_some(phone)
}

/// Checks contact details against the answers given. Nothing typed: no
/// contact. Anything typed needs the contact question answered with yes (or
/// maybe), the consent box, a name, and an e-mail address or phone number.
pub fn parse_contact(
    asked: &[Question],
    answers: &BTreeMap<String, String>,
    input: &ContactInput<'_>,
) -> Result<Option<Contact>, FieldProblems> {
    if input.is_empty() {
        return Ok(None);
    }
    let mut problems = FieldProblems::new();
    if !offers_contact(asked) {
        problems.push(("contact", Message::new("survey-contact-not-asked")));
        return Err(problems);
    }
    let wants = answers.get(CONTACT_QUESTION).is_some_and(|a| CONTACT_ANSWERS.contains(&a.trim()));
    if !wants {
        problems.push(("contact", Message::new("survey-contact-needs-yes")));
    }
    if !input.consent {
        problems.push(("consent", Message::new("survey-contact-consent-required")));
    }
    let name = input.name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        problems.push(("contact_name", Message::new("survey-contact-name-required")));
    } else if name.chars().count() > MAX_CONTACT_NAME {
        problems.push(("contact_name", Message::new("answer-too-long").with("max", MAX_CONTACT_NAME)));
    }
    let email = match input.email.trim() {
        "" => None,
        raw => match Email::parse(raw) {
            Ok(email) => Some(email.as_str().to_owned()),
            Err(_) => {
                problems.push(("contact_email", Message::new("account-email-invalid")));
                None
            }
        },
    };
    let phone = match input.phone.trim() {
        "" => None,
        raw => match parse_phone(raw) {
            Some(phone) => Some(phone),
            None => {
                problems.push(("contact_phone", Message::new("survey-contact-phone-invalid")));
                None
            }
        },
    };
    if input.email.trim().is_empty() && input.phone.trim().is_empty() {
        problems.push(("contact_email", Message::new("survey-contact-reach-required")));
    }
    if problems.is_empty() { Ok(Some(Contact { name, email, phone })) } else { Err(problems) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::surveys::{Audience, SurveyKind, questions};

    fn answers(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    fn fields(problems: &FieldProblems) -> Vec<(&str, &str)> {
        problems.iter().map(|(f, m)| (*f, m.id)).collect()
    }

    #[test]
    fn contact_details_need_a_yes_consent_a_name_and_a_way_to_reach() {
        let asked = questions(SurveyKind::Evaluation, Audience::Parents);
        let yes = answers(&[("meedenken", "ja")]);
        let full = ContactInput { name: " Fatima  El Amrani ", email: "F@Voorbeeld.nl", phone: "", consent: true };
        assert_eq!(
            parse_contact(asked, &yes, &full).unwrap(),
            Some(Contact { name: "Fatima El Amrani".into(), email: Some("f@voorbeeld.nl".into()), phone: None })
        );
        assert_eq!(parse_contact(asked, &yes, &ContactInput { consent: true, ..Default::default() }).unwrap(), None);
        let no_consent = parse_contact(asked, &yes, &ContactInput { consent: false, ..full }).unwrap_err();
        assert_eq!(fields(&no_consent), [("consent", "survey-contact-consent-required")]);
        let no_yes = parse_contact(asked, &answers(&[("meedenken", "nee")]), &full).unwrap_err();
        assert_eq!(fields(&no_yes), [("contact", "survey-contact-needs-yes")]);
        let maybe = answers(&[("meedenken", "misschien")]);
        let phone = ContactInput { name: "Jan", email: "", phone: "+31 6 1234 5678", consent: true };
        assert_eq!(parse_contact(asked, &maybe, &phone).unwrap().unwrap().phone.as_deref(), Some("+31 6 1234 5678"));
        let bad = ContactInput { name: "", email: "geen-adres", phone: "bel me", consent: true };
        assert_eq!(
            fields(&parse_contact(asked, &yes, &bad).unwrap_err()),
            [
                ("contact_name", "survey-contact-name-required"),
                ("contact_email", "account-email-invalid"),
                ("contact_phone", "survey-contact-phone-invalid")
            ]
        );
        let unreachable = ContactInput { name: "Jan", email: " ", phone: "", consent: true };
        assert_eq!(
            fields(&parse_contact(asked, &yes, &unreachable).unwrap_err()),
            [("contact_email", "survey-contact-reach-required")]
        );
    }

    #[test]
    fn only_the_parents_evaluation_asks_for_contact_details() {
        assert!(offers_contact(questions(SurveyKind::Evaluation, Audience::Parents)));
        let pupils = questions(SurveyKind::Evaluation, Audience::Pupils);
        assert!(!offers_contact(pupils));
        let sent = ContactInput { name: "Sam", email: "sam@voorbeeld.nl", phone: "", consent: true };
        let refused = parse_contact(pupils, &answers(&[("meepraten", "ja")]), &sent).unwrap_err();
        assert_eq!(fields(&refused), [("contact", "survey-contact-not-asked")]);
    }
}
