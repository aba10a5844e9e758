//! The details an SWV admin keeps: name, contact and the ouder- en jeugdsteunpunt.

use serde::{Deserialize, Serialize};

use super::contact::{check_contact, clean};
use crate::Message;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SwvDetails {
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub website: Option<String>,
    pub steunpunt_name: Option<String>,
    pub steunpunt_email: Option<String>,
    pub steunpunt_phone: Option<String>,
    pub steunpunt_website: Option<String>,
}

const MAX_TEXT: usize = 200;

impl SwvDetails {
    /// Trims every field, turns empty ones into `None` and checks the rest;
    /// returns every problem by field name.
    pub fn validate(raw: &SwvDetails) -> Result<SwvDetails, crate::FieldProblems> {
        let mut problems = Vec::new();
        let (name, steunpunt_name) = (clean(&raw.name), clean(&raw.steunpunt_name));
        for (field, value) in [("name", &name), ("steunpunt_name", &steunpunt_name)] {
            if value.as_ref().is_some_and(|v| v.chars().count() > MAX_TEXT) {
                problems.push((field, Message::new("field-too-long").with("max", MAX_TEXT)));
            }
        }
        let (phone, email, website) = check_contact(
            &mut problems,
            ("phone", clean(&raw.phone)),
            ("email", clean(&raw.email)),
            ("website", clean(&raw.website)),
        );
        let (steunpunt_phone, steunpunt_email, steunpunt_website) = check_contact(
            &mut problems,
            ("steunpunt_phone", clean(&raw.steunpunt_phone)),
            ("steunpunt_email", clean(&raw.steunpunt_email)),
            ("steunpunt_website", clean(&raw.steunpunt_website)),
        );
        let out = SwvDetails {
            name,
            email,
            phone,
            website,
            steunpunt_name,
            steunpunt_email,
            steunpunt_phone,
            steunpunt_website,
        };
        if problems.is_empty() { Ok(out) } else { Err(problems) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_fields_become_none_and_bad_ones_are_named() {
        let raw = SwvDetails {
            name: Some("  Passend Primair Amsterdam ".into()),
            email: Some("".into()),
            phone: Some("020-1234567".into()),
            website: Some("swv".into()),
            steunpunt_email: Some("geen mail".into()),
            ..SwvDetails::default()
        };
        let problems = SwvDetails::validate(&raw).unwrap_err();
        let fields: Vec<_> = problems.iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, vec!["website", "steunpunt_email"]);
        for bad in ["https://[x", "https://swv", "ftp://swv.nl", "geen site"] {
            let raw = SwvDetails { website: Some(bad.into()), ..SwvDetails::default() };
            assert!(SwvDetails::validate(&raw).is_err(), "{bad}");
        }
        let ok = SwvDetails { website: Some("www.swv.nl".into()), steunpunt_email: None, ..raw };
        let clean = SwvDetails::validate(&ok).unwrap();
        assert_eq!(clean.name.as_deref(), Some("Passend Primair Amsterdam"));
        assert_eq!(clean.website.as_deref(), Some("https://www.swv.nl"), "a site without scheme gets https://");
        assert_eq!(clean.email, None);
    }
}
