//! People's accounts: e-mail addresses, names and the password policy.

use serde::Serialize;
use thiserror::Error;

use crate::Message;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AccountError {
    #[error("invalid e-mail address")]
    InvalidEmail,
    #[error("name is empty or too long")]
    InvalidName,
    #[error("password shorter than {min} characters")]
    PasswordTooShort { min: usize },
    #[error("password longer than {max} characters")]
    PasswordTooLong { max: usize },
    #[error("password equals the e-mail address")]
    PasswordIsEmail,
}

impl AccountError {
    pub fn message(&self) -> Message {
        match self {
            AccountError::InvalidEmail => Message::new("account-email-invalid"),
            AccountError::InvalidName => Message::new("account-name-invalid"),
            AccountError::PasswordTooShort { min } => Message::new("account-password-too-short").with("min", *min),
            AccountError::PasswordTooLong { max } => Message::new("account-password-too-long").with("max", *max),
            AccountError::PasswordIsEmail => Message::new("account-password-is-email"),
        }
    }
}

/// An e-mail address, trimmed and lower-cased so that one person has one account.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Self, AccountError> {
        let email = raw.trim().to_lowercase();
        let Some((local, domain)) = email.split_once('@') else {
            return Err(AccountError::InvalidEmail);
        };
        let valid = !local.is_empty()
            && local.len() <= 64
            && email.len() <= 254
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains('@')
            && !email.chars().any(|c| c.is_whitespace() || c.is_control() || "<>(),;:\"[]\\".contains(c));
        if valid { Ok(Email(email)) } else { Err(AccountError::InvalidEmail) }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A person's display name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonName(String);

impl PersonName {
    pub const MAX_CHARS: usize = 100;

    pub fn parse(raw: &str) -> Result<Self, AccountError> {
        let name = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() || name.chars().count() > Self::MAX_CHARS {
            return Err(AccountError::InvalidName);
        }
        Ok(PersonName(name))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A new password that meets the policy: long enough (NCSC advises length over
/// complexity), bounded so hashing stays cheap, and not the e-mail address.
pub struct NewPassword(String);

impl NewPassword {
    pub const MIN_CHARS: usize = 10;
    pub const MAX_CHARS: usize = 256;

    pub fn parse(raw: &str, email: &Email) -> Result<Self, AccountError> {
        let chars = raw.chars().count();
        if chars < Self::MIN_CHARS {
            return Err(AccountError::PasswordTooShort { min: Self::MIN_CHARS });
        }
        if chars > Self::MAX_CHARS {
            return Err(AccountError::PasswordTooLong { max: Self::MAX_CHARS });
        }
        if raw.trim().to_lowercase() == email.as_str() {
            return Err(AccountError::PasswordIsEmail);
        }
        Ok(NewPassword(raw.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(Email::parse(" Anne@School.NL ").unwrap().as_str(), "anne@school.nl");
        for bad in ["", "anne", "anne@", "@school.nl", "anne@school", "an ne@school.nl", "a@b@c.nl"] {
            assert!(Email::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(PersonName::parse("  Anne   de Vries ").unwrap().as_str(), "Anne de Vries");
        assert!(PersonName::parse("   ").is_err());
        assert!(PersonName::parse(&"x".repeat(101)).is_err());
    }

    #[test]
    fn passwords_follow_the_policy() {
        let email = Email::parse("anne@school.nl").unwrap();
        assert!(NewPassword::parse("kort", &email).is_err());
        assert!(NewPassword::parse("anne@school.nl", &email).is_err());
        assert!(NewPassword::parse(&"x".repeat(257), &email).is_err());
        assert!(NewPassword::parse("lange zin als wachtwoord", &email).is_ok());
    }
}
