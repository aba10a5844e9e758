//! Contact details as people type them: a Dutch phone number, an e-mail
//! address and a website. One set of rules for a school location's contact
//! (its director keeps it) and an SWV's (its admins keep it).

use serde::{Deserialize, Serialize};

use crate::Message;
use crate::accounts::Email;

/// A trimmed text, `None` when empty.
pub(crate) fn clean(value: &Option<String>) -> Option<String> {
    value.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned)
}

/// A Dutch phone number as typed (`020 123 45 67`, `06-12345678`,
/// `+31 20 1234567`, `0800-1234`), trimmed; `None` when it is not one.
///
/// Digits with spaces, dashes, dots, brackets and one leading `+`; written
/// nationally (0 and nine more digits, or a 0800/0900/090x service number of
/// eight to eleven digits) or internationally (`+31`/`0031` and nine digits).
pub fn dutch_phone(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let body = raw.strip_prefix('+').unwrap_or(raw);
    if body.is_empty() || !body.chars().all(|c| c.is_ascii_digit() || " -.()".contains(c)) {
        return None;
    }
    let digits: String = body.chars().filter(char::is_ascii_digit).collect();
    let national = if raw.starts_with('+') {
        format!("0{}", digits.strip_prefix("31")?)
    } else if let Some(rest) = digits.strip_prefix("0031") {
        format!("0{rest}")
    } else {
        digits
    };
    let service = ["0800", "0900", "0906", "0909"].iter().any(|p| national.starts_with(p));
    let valid = if service {
        (8..=11).contains(&national.len())
    } else {
        national.len() == 10 && national.starts_with('0') && !national[1..].starts_with('0')
    };
    valid.then(|| raw.to_owned())
}

/// A website: `http(s)://` with a host that has a dot. A site typed without a
/// scheme (`www.school.nl`, as DUO's files write it) gets `https://`.
pub fn website(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let full = if raw.contains("://") { raw.to_owned() } else { format!("https://{raw}") };
    let valid = !raw.chars().any(char::is_whitespace)
        && url::Url::parse(&full).is_ok_and(|u| {
            matches!(u.scheme(), "http" | "https")
                && u.host_str().is_some_and(|h| h.contains('.') && !h.starts_with('.') && !h.ends_with('.'))
        });
    valid.then_some(full)
}

/// `tel:` link target of a phone number: its digits, `+` kept.
pub fn phone_href(phone: &str) -> String {
    let plus = if phone.trim_start().starts_with('+') { "+" } else { "" };
    format!("tel:{plus}{}", phone.chars().filter(char::is_ascii_digit).collect::<String>())
}

/// Checks the three contact fields named `phone`, `email` and `website` (with
/// the given names), pushing a problem for each bad one; returns the cleaned
/// values (the website with its scheme).
pub(crate) fn check_contact(
    problems: &mut crate::FieldProblems,
    (phone_field, phone): (&'static str, Option<String>),
    (email_field, email): (&'static str, Option<String>),
    (website_field, site): (&'static str, Option<String>),
) -> (Option<String>, Option<String>, Option<String>) {
    let phone = phone.map(|p| match dutch_phone(&p) {
        Some(p) => p,
        None => {
            problems.push((phone_field, Message::new("field-phone-invalid")));
            p
        }
    });
    let email = email.map(|e| match Email::parse(&e) {
        Ok(parsed) => parsed.as_str().to_owned(),
        Err(_) => {
            problems.push((email_field, Message::new("account-email-invalid")));
            e
        }
    });
    let site = site.map(|s| match website(&s) {
        Some(full) => full,
        None => {
            problems.push((website_field, Message::new("field-url-invalid")));
            s
        }
    });
    (phone, email, site)
}

/// How parents reach a school location: phone, e-mail and website. Pre-filled
/// from DUO's files where they have them; the school's director keeps them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocationContact {
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
}

impl LocationContact {
    /// Trims every field, turns empty ones into `None` and checks the rest;
    /// every problem by field name.
    pub fn validate(raw: &LocationContact) -> Result<LocationContact, crate::FieldProblems> {
        let mut problems = Vec::new();
        let (phone, email, website) = check_contact(
            &mut problems,
            ("phone", clean(&raw.phone)),
            ("email", clean(&raw.email)),
            ("website", clean(&raw.website)),
        );
        if problems.is_empty() { Ok(LocationContact { phone, email, website }) } else { Err(problems) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_phone_numbers_as_people_write_them() {
        for good in [
            "020 123 45 67",
            "020-1234567",
            "06-12345678",
            "+31 20 123 4567",
            "0031201234567",
            "0800-1234",
            "(020) 1234567",
        ] {
            assert_eq!(dutch_phone(good).as_deref(), Some(good.trim()), "{good}");
        }
        for bad in ["12345", "020 123 45 678", "+32 2 123 45 67", "0020 1234567", "bel 020 1234567", "", "+", "0900-12"]
        {
            assert_eq!(dutch_phone(bad), None, "{bad}");
        }
        assert_eq!(phone_href("020 123 45 67"), "tel:0201234567");
        assert_eq!(phone_href("+31 20 1234567"), "tel:+31201234567");
    }

    #[test]
    fn a_website_gets_its_scheme() {
        assert_eq!(website("www.debrug.nl").as_deref(), Some("https://www.debrug.nl"));
        assert_eq!(website("http://debrug.nl/ouders").as_deref(), Some("http://debrug.nl/ouders"));
        for bad in ["debrug", "ftp://debrug.nl", "https://[x", "geen site", "https://.nl"] {
            assert_eq!(website(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_location_contact_is_cleaned_and_every_bad_field_named() {
        let raw = LocationContact {
            phone: Some(" 020 123 45 67 ".into()),
            email: Some("Info@DeBrug.example".into()),
            website: Some("".into()),
        };
        let clean = LocationContact::validate(&raw).unwrap();
        assert_eq!(clean.phone.as_deref(), Some("020 123 45 67"));
        assert_eq!(clean.email.as_deref(), Some("info@debrug.example"));
        assert_eq!(clean.website, None);
        let bad = LocationContact {
            phone: Some("123".into()),
            email: Some("geen mail".into()),
            website: Some("debrug".into()),
        };
        let fields: Vec<_> = LocationContact::validate(&bad).unwrap_err().into_iter().map(|(f, _)| f).collect();
        assert_eq!(fields, vec!["phone", "email", "website"]);
    }
}
