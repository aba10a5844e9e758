//! DUO codes, parsed once at the edge so that the rest of the code can trust them.

use std::fmt;

use serde::{Deserialize, Serialize};
use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CodeError {
    #[error("invalid SWV code {0:?}: expected PO or VO followed by four digits, e.g. PO2707")]
    Swv(String),
    #[error("invalid BRIN {0:?}: expected two digits and two letters, e.g. 32DD")]
    Brin(String),
    #[error("invalid location code {0:?}: expected a BRIN and two digits, e.g. 32DD00")]
    Location(String),
    #[error("invalid board number {0:?}: expected digits, e.g. 41234")]
    Board(String),
}

impl CodeError {
    pub fn message(&self) -> crate::Message {
        let (id, value) = match self {
            CodeError::Swv(v) => ("code-swv-invalid", v),
            CodeError::Brin(v) => ("code-brin-invalid", v),
            CodeError::Location(v) => ("code-location-invalid", v),
            CodeError::Board(v) => ("code-board-invalid", v),
        };
        crate::Message::new(id).with("value", value.as_str())
    }
}

/// Primary (PO) or secondary (VO) samenwerkingsverband.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SwvKind {
    Po,
    Vo,
}

/// An SWV code, normalised: `PO 27-07`, `po2707` and `PO-27-07` all become `PO2707`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct SwvCode(String);

impl SwvCode {
    pub fn parse(raw: &str) -> Result<Self, CodeError> {
        let compact: String = raw
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-' && *c != '.' && *c != '_')
            .collect::<String>()
            .to_ascii_uppercase();
        let valid = compact.len() == 6
            && (compact.starts_with("PO") || compact.starts_with("VO"))
            && compact[2..].bytes().all(|b| b.is_ascii_digit());
        if valid { Ok(SwvCode(compact)) } else { Err(CodeError::Swv(raw.to_owned())) }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn kind(&self) -> SwvKind {
        if self.0.starts_with("PO") { SwvKind::Po } else { SwvKind::Vo }
    }

    /// The way people write the code: `PO 27-07`.
    pub fn display(&self) -> String {
        format!("{} {}-{}", &self.0[..2], &self.0[2..4], &self.0[4..])
    }
}

impl fmt::Display for SwvCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for SwvCode {
    type Error = CodeError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        SwvCode::parse(&value)
    }
}

impl From<SwvCode> for String {
    fn from(value: SwvCode) -> Self {
        value.0
    }
}

/// A school's BRIN number (*instellingscode*): two digits and two letters, e.g. `32DD`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Brin(String);

impl Brin {
    pub fn parse(raw: &str) -> Result<Self, CodeError> {
        let code = raw.trim().to_ascii_uppercase();
        let b = code.as_bytes();
        let valid = b.len() == 4
            && b[0].is_ascii_digit()
            && b[1].is_ascii_digit()
            && b[2].is_ascii_alphanumeric()
            && b[3].is_ascii_alphanumeric()
            && (b[2].is_ascii_alphabetic() || b[3].is_ascii_alphabetic());
        if valid { Ok(Brin(code)) } else { Err(CodeError::Brin(raw.to_owned())) }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Brin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for Brin {
    type Error = CodeError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Brin::parse(&value)
    }
}

impl From<Brin> for String {
    fn from(value: Brin) -> Self {
        value.0
    }
}

/// A location code (*vestigingscode*, BRIN6): the BRIN and a two-digit number.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct LocationCode(String);

impl LocationCode {
    pub fn parse(raw: &str) -> Result<Self, CodeError> {
        let code = raw.trim().to_ascii_uppercase();
        if code.len() != 6 || !code.is_ascii() {
            return Err(CodeError::Location(raw.to_owned()));
        }
        let (brin, number) = code.split_at(4);
        if Brin::parse(brin).is_err() || !number.bytes().all(|b| b.is_ascii_digit()) {
            return Err(CodeError::Location(raw.to_owned()));
        }
        Ok(LocationCode(code))
    }

    /// Builds the code from a BRIN and DUO's older two-digit *vestigingsnummer*.
    pub fn from_parts(brin: &Brin, number: &str) -> Result<Self, CodeError> {
        let number = number.trim();
        if number.len() == 6 {
            let code = Self::parse(number)?;
            if code.brin().as_str() != brin.as_str() {
                return Err(CodeError::Location(number.to_owned()));
            }
            return Ok(code);
        }
        let padded = format!("{:0>2}", number);
        Self::parse(&format!("{}{}", brin.as_str(), padded))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn brin(&self) -> Brin {
        Brin(self.0[..4].to_owned())
    }
}

impl fmt::Display for LocationCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A board's number (*bevoegd gezag nummer*).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct BoardCode(String);

impl BoardCode {
    pub fn parse(raw: &str) -> Result<Self, CodeError> {
        let code = raw.trim();
        if code.is_empty() || code.len() > 8 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(CodeError::Board(raw.to_owned()));
        }
        Ok(BoardCode(code.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swv_codes_in_the_wild_normalise_to_one_form() {
        for raw in ["PO 27-07", "po2707", "PO-27-07", " PO2707 ", "po 27.07"] {
            assert_eq!(SwvCode::parse(raw).unwrap().as_str(), "PO2707", "{raw}");
        }
        assert_eq!(SwvCode::parse("vo 27-08").unwrap().kind(), SwvKind::Vo);
        assert_eq!(SwvCode::parse("PO2707").unwrap().display(), "PO 27-07");
    }

    #[test]
    fn swv_codes_that_are_not_codes_are_refused() {
        for raw in ["", "Europoort", "PO27", "XO2707", "PO27077", "PO27A7"] {
            assert!(SwvCode::parse(raw).is_err(), "{raw}");
        }
    }

    #[test]
    fn brin_has_two_digits_then_letters() {
        assert_eq!(Brin::parse("32dd").unwrap().as_str(), "32DD");
        assert!(Brin::parse("00A1").is_ok());
        for raw in ["", "3DD", "32DD0", "AB12", "3X1D", "1234"] {
            assert!(Brin::parse(raw).is_err(), "{raw}");
        }
    }

    #[test]
    fn location_codes_accept_both_duo_spellings() {
        let brin = Brin::parse("32DD").unwrap();
        assert_eq!(LocationCode::from_parts(&brin, "0").unwrap().as_str(), "32DD00");
        assert_eq!(LocationCode::from_parts(&brin, "01").unwrap().as_str(), "32DD01");
        assert_eq!(LocationCode::from_parts(&brin, "32DD02").unwrap().as_str(), "32DD02");
        assert!(LocationCode::from_parts(&brin, "13EU00").is_err());
        assert!(LocationCode::parse("32DDX0").is_err());
        assert_eq!(LocationCode::parse("13eu00").unwrap().brin().as_str(), "13EU");
    }

    #[test]
    fn board_numbers_are_digits() {
        assert!(BoardCode::parse("41234").is_ok());
        assert!(BoardCode::parse("4A").is_err());
        assert!(BoardCode::parse("").is_err());
    }
}
