use std::fmt;

use serde::{Deserialize, Serialize};

/// A school year, `2026-2027`: it starts on 1 August.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct SchoolYear {
    start: u16,
}

impl SchoolYear {
    pub fn starting(start: u16) -> Self {
        SchoolYear { start }
    }

    /// `2026-2027` (also `2026/2027` and `2026-27`).
    pub fn parse(raw: &str) -> Option<Self> {
        let raw = raw.trim();
        let (a, b) = raw.split_once(['-', '/'])?;
        let start: u16 = a.parse().ok().filter(|y| (2000..=2100).contains(y))?;
        let end: u16 = match b.len() {
            2 => start / 100 * 100 + b.parse::<u16>().ok()?,
            4 => b.parse().ok()?,
            _ => return None,
        };
        (end == start + 1).then_some(SchoolYear { start })
    }

    /// The school year a date (year, month) falls in.
    pub fn of(year: u16, month: u8) -> Self {
        SchoolYear { start: if month >= 8 { year } else { year - 1 } }
    }

    pub fn previous(self) -> Self {
        SchoolYear { start: self.start - 1 }
    }

    pub fn start(self) -> u16 {
        self.start
    }
}

impl fmt::Display for SchoolYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.start, self.start + 1)
    }
}

impl TryFrom<String> for SchoolYear {
    type Error = String;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        SchoolYear::parse(&value).ok_or(value)
    }
}

impl From<SchoolYear> for String {
    fn from(value: SchoolYear) -> Self {
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn school_years_parse_in_the_usual_spellings() {
        for raw in ["2026-2027", "2026/2027", "2026-27", " 2026-2027 "] {
            assert_eq!(SchoolYear::parse(raw), Some(SchoolYear::starting(2026)), "{raw}");
        }
        for raw in ["2026-2028", "2026", "abcd-efgh", "1990-1991"] {
            assert_eq!(SchoolYear::parse(raw), None, "{raw}");
        }
        assert_eq!(SchoolYear::of(2026, 11).to_string(), "2026-2027");
        assert_eq!(SchoolYear::of(2027, 7).to_string(), "2026-2027");
        assert_eq!(SchoolYear::starting(2026).previous().to_string(), "2025-2026");
    }
}
