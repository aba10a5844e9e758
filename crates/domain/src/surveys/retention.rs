//! How long a survey is kept: until the end of the school year in which its
//! link was made. Then it goes, with its answers and contact details; what
//! the school wants to keep it exports or puts on the wish list first.

use crate::lifecycle::Day;
use crate::questionnaire::SchoolYear;

/// The last day a survey made on `made` is kept: 31 July that ends its school year.
pub fn kept_until((year, month, _): Day) -> Day {
    (SchoolYear::of(year, month).start() + 1, 7, 31)
}

/// The first day of the school year `today` falls in: surveys made before it are deleted.
pub fn purge_before((year, month, _): Day) -> Day {
    (SchoolYear::of(year, month).start(), 8, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_survey_is_kept_until_the_end_of_its_school_year() {
        assert_eq!(kept_until((2026, 3, 10)), (2026, 7, 31));
        assert_eq!(kept_until((2026, 7, 31)), (2026, 7, 31));
        assert_eq!(kept_until((2026, 8, 1)), (2027, 7, 31));
        assert_eq!(purge_before((2026, 7, 31)), (2025, 8, 1));
        assert_eq!(purge_before((2026, 8, 1)), (2026, 8, 1));
        // What kept_until keeps, purge_before lets go the next day.
        let made = (2026, 3, 10);
        assert!(purge_before(kept_until(made)) <= made);
        assert!(purge_before((2026, 8, 1)) > made);
    }
}
