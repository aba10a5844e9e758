//! When a profile must be reviewed: every year since law 36443, every four
//! years before it.

use serde::Serialize;

use crate::questionnaire::SchoolYear;

/// Profiles adopted before this date (1 August 2025) fall under the old rule:
/// adopted at least once every four years.
pub const FOUR_YEAR_RULE_UNTIL: (u16, u8, u8) = (2025, 8, 1);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum ReviewDue {
    /// The support offer is part of the school guide and adopted every year:
    /// next year's version must be adopted before 1 August that starts it.
    Yearly { by: (u16, u8, u8) },
    /// The legacy rule: four years after adoption.
    FourYearly { by: (u16, u8, u8) },
}

impl ReviewDue {
    pub fn by(self) -> (u16, u8, u8) {
        match self {
            ReviewDue::Yearly { by } | ReviewDue::FourYearly { by } => by,
        }
    }

    /// Whether the date has come on `today` (year, month, day).
    pub fn is_due(self, today: (u16, u8, u8)) -> bool {
        today >= self.by()
    }
}

/// The review date of a profile for `year` adopted on `adopted` (year, month, day).
pub fn review_due(year: SchoolYear, adopted: (u16, u8, u8)) -> ReviewDue {
    if adopted < FOUR_YEAR_RULE_UNTIL {
        let (y, m, d) = adopted;
        // 29 February four years on exists again; no other day moves.
        ReviewDue::FourYearly { by: (y + 4, m, d) }
    } else {
        ReviewDue::Yearly { by: (year.start() + 1, 8, 1) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn since_august_2025_a_profile_is_reviewed_every_year() {
        let year = SchoolYear::parse("2026-2027").unwrap();
        let due = review_due(year, (2026, 6, 20));
        assert_eq!(due, ReviewDue::Yearly { by: (2027, 8, 1) });
        assert!(!due.is_due((2027, 7, 31)));
        assert!(due.is_due((2027, 8, 1)));
    }

    #[test]
    fn a_profile_adopted_before_the_law_keeps_four_years() {
        let year = SchoolYear::parse("2023-2024").unwrap();
        assert_eq!(review_due(year, (2023, 10, 2)), ReviewDue::FourYearly { by: (2027, 10, 2) });
        assert_eq!(review_due(year, (2025, 7, 31)).by(), (2029, 7, 31));
        assert!(matches!(review_due(year, (2025, 8, 1)), ReviewDue::Yearly { .. }));
    }
}
