//! The details an SWV admin keeps: name, contact and the ouder- en jeugdsteunpunt.

use serde::{Deserialize, Serialize};

use crate::Message;
use crate::accounts::Email;

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
        let clean = |v: &Option<String>| v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned);
        let out = SwvDetails {
            name: clean(&raw.name),
            email: clean(&raw.email),
            phone: clean(&raw.phone),
            website: clean(&raw.website),
            steunpunt_name: clean(&raw.steunpunt_name),
            steunpunt_email: clean(&raw.steunpunt_email),
            steunpunt_phone: clean(&raw.steunpunt_phone),
            steunpunt_website: clean(&raw.steunpunt_website),
        };
        for (field, value) in [("name", &out.name), ("steunpunt_name", &out.steunpunt_name)] {
            if value.as_ref().is_some_and(|v| v.chars().count() > MAX_TEXT) {
                problems.push((field, Message::new("field-too-long").with("max", MAX_TEXT)));
            }
        }
        for (field, value) in [("email", &out.email), ("steunpunt_email", &out.steunpunt_email)] {
            if value.as_ref().is_some_and(|v| Email::parse(v).is_err()) {
                problems.push((field, Message::new("account-email-invalid")));
            }
        }
        for (field, value) in [("phone", &out.phone), ("steunpunt_phone", &out.steunpunt_phone)] {
            let valid = |v: &String| {
                let digits = v.chars().filter(char::is_ascii_digit).count();
                (6..=15).contains(&digits) && v.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c))
            };
            if value.as_ref().is_some_and(|v| !valid(v)) {
                problems.push((field, Message::new("field-phone-invalid")));
            }
        }
        for (field, value) in [("website", &out.website), ("steunpunt_website", &out.steunpunt_website)] {
            let valid = |v: &String| {
                url::Url::parse(v).is_ok_and(|u| {
                    matches!(u.scheme(), "http" | "https") && u.host_str().is_some_and(|h| h.contains('.'))
                })
            };
            if value.as_ref().is_some_and(|v| !valid(v)) {
                problems.push((field, Message::new("field-url-invalid")));
            }
        }
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
            website: Some("www.swv.nl".into()),
            steunpunt_email: Some("geen mail".into()),
            ..SwvDetails::default()
        };
        let problems = SwvDetails::validate(&raw).unwrap_err();
        let fields: Vec<_> = problems.iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, vec!["steunpunt_email", "website"]);
        for bad in ["https://[x", "https://swv", "ftp://swv.nl"] {
            let raw = SwvDetails { website: Some(bad.into()), ..SwvDetails::default() };
            assert!(SwvDetails::validate(&raw).is_err(), "{bad}");
        }
        let ok = SwvDetails { website: Some("https://swv.nl".into()), steunpunt_email: None, ..raw };
        let clean = SwvDetails::validate(&ok).unwrap();
        assert_eq!(clean.name.as_deref(), Some("Passend Primair Amsterdam"));
        assert_eq!(clean.email, None);
    }
}
