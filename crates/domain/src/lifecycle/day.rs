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
    }
}
