//! Calendar days as people type them on forms: `2026-06-15` (a date field) or
//! `15-6-2026` (typed the Dutch way).

/// (year, month, day), ordered as dates are.
pub type Day = (u16, u8, u8);

pub fn parse_day(raw: &str) -> Option<Day> {
    let parts: Vec<&str> = raw.trim().split(['-', '/', '.']).collect();
    let [a, b, c] = parts.as_slice() else { return None };
    let (y, m, d) = if a.len() == 4 { (a, b, c) } else { (c, b, a) };
    let (y, m, d): (u16, u8, u8) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    ((2000..=2100).contains(&y) && (1..=days).contains(&d)).then_some((y, m, d))
}

/// Days since 1 January 1970 (the civil-from-days algorithm, proleptic Gregorian).
pub fn day_number((y, m, d): Day) -> i64 {
    let (y, m, d) = (i64::from(y) - i64::from(m <= 2), i64::from(m), i64::from(d));
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let day_of_year = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The day `days` after `day` (before it when negative).
pub fn add_days(day: Day, days: i64) -> Day {
    let z = day_number(day) + days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let d = day_of_year - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = year_of_era + era * 400 + i64::from(m <= 2);
    (u16::try_from(y).unwrap_or(u16::MAX), m as u8, d as u8)
}

/// How many days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: Day, to: Day) -> i64 {
    day_number(to) - day_number(from)
}

/// `2026-06-15`, the form stored and sent to date fields.
pub fn iso_day((y, m, d): Day) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

/// `15-6-2026`, as Dutch readers write a date.
pub fn dutch_day((y, m, d): Day) -> String {
    format!("{d}-{m}-{y}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_from_a_date_field_or_typed_the_dutch_way() {
        assert_eq!(parse_day("2026-06-15"), Some((2026, 6, 15)));
        assert_eq!(parse_day("15-6-2026"), Some((2026, 6, 15)));
        assert_eq!(parse_day(" 1/8/2027 "), Some((2027, 8, 1)));
        assert_eq!(parse_day("2028-02-29"), Some((2028, 2, 29)));
        for bad in ["2027-02-29", "31-4-2026", "2026-13-01", "gisteren", "", "15-06"] {
            assert_eq!(parse_day(bad), None, "{bad}");
        }
        assert_eq!(iso_day((2026, 6, 5)), "2026-06-05");
        assert_eq!(dutch_day((2026, 6, 5)), "5-6-2026");
        assert_eq!(day_number((1970, 1, 1)), 0);
        assert_eq!(days_between((2026, 2, 25), (2026, 3, 1)), 4);
        assert_eq!(days_between((2028, 2, 25), (2028, 3, 1)), 5, "leap year");
        assert_eq!(days_between((2026, 12, 31), (2026, 12, 24)), -7);
        assert_eq!(add_days((2026, 12, 28), 7), (2027, 1, 4));
        assert_eq!(add_days((2028, 3, 1), -1), (2028, 2, 29));
        for n in [-800, -1, 0, 1, 59, 365, 10_000] {
            assert_eq!(days_between((2026, 11, 24), add_days((2026, 11, 24), n)), n);
        }
    }
}
