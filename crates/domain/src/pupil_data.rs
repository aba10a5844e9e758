//! Free text that looks like a pupil's personal data. Passend keeps no pupil
//! data; text from people without an account (surveys by link) is checked
//! before it is kept, and refused with a message that says what to leave out.
//!
//! Two things are recognised: a citizen service number (BSN: nine digits,
//! possibly grouped with spaces, dots or dashes, that pass the eleven test)
//! and a birth date (a whole date, day, month and year, in a year a pupil can
//! be born in, or any whole date beside a word such as "geboren"). A year or a
//! month alone is fine ("sinds 2021", "in maart").

use crate::Message;

/// Pupils are between 2 and 21 years old: a whole date in those years before
/// `this_year` is taken for a birth date.
const YOUNGEST: u16 = 2;
const OLDEST: u16 = 21;

const BIRTH_WORDS: &[&str] = &["geboren", "geb.", "geboortedatum", "geboortedag", "verjaardag", "jarig"];

const MONTHS: &[(&str, u8)] = &[
    ("januari", 1),
    ("jan", 1),
    ("februari", 2),
    ("feb", 2),
    ("maart", 3),
    ("mrt", 3),
    ("april", 4),
    ("apr", 4),
    ("mei", 5),
    ("juni", 6),
    ("jun", 6),
    ("juli", 7),
    ("jul", 7),
    ("augustus", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("oktober", 10),
    ("okt", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// Why `text` may not be kept, if it looks like a pupil's data.
pub fn pupil_data_in(text: &str, this_year: u16) -> Option<Message> {
    if has_bsn(text) {
        return Some(Message::new("pupil-data-bsn"));
    }
    if has_birth_date(text, this_year) {
        return Some(Message::new("pupil-data-birth-date"));
    }
    None
}

/// The eleven test of a BSN: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11.
fn eleven_test(digits: &[u8]) -> bool {
    if digits.len() != 9 || digits.iter().all(|d| *d == 0) {
        return false;
    }
    let sum: i64 = digits.iter().enumerate().map(|(i, d)| i64::from(*d) * if i == 8 { -1 } else { 9 - i as i64 }).sum();
    sum % 11 == 0
}

/// Runs of digits, with the groups that one space, dot or dash joins.
fn number_runs(text: &str) -> Vec<Vec<Vec<u8>>> {
    let chars: Vec<char> = text.chars().collect();
    let mut runs = Vec::new();
    let mut groups: Vec<Vec<u8>> = Vec::new();
    let mut current: Vec<u8> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if let Some(d) = c.to_digit(10) {
            current.push(d as u8);
        } else if !current.is_empty()
            && matches!(c, ' ' | '.' | '-')
            && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit())
        {
            groups.push(std::mem::take(&mut current));
        } else {
            if !current.is_empty() {
                groups.push(std::mem::take(&mut current));
            }
            if !groups.is_empty() {
                runs.push(std::mem::take(&mut groups));
            }
        }
        i += 1;
    }
    if !current.is_empty() {
        groups.push(current);
    }
    if !groups.is_empty() {
        runs.push(groups);
    }
    runs
}

fn has_bsn(text: &str) -> bool {
    number_runs(text).iter().any(|groups| {
        // Each group alone, and every stretch of neighbouring groups together.
        (0..groups.len()).any(|start| {
            let mut digits = Vec::new();
            groups[start..].iter().any(|group| {
                digits.extend_from_slice(group);
                eleven_test(&digits)
            })
        })
    })
}

/// The whole dates in a text, as (day, month, year).
fn dates(text: &str) -> Vec<(u8, u8, u16)> {
    let lower = text.to_lowercase();
    let tokens: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')')
        .filter(|t| !t.is_empty())
        .collect();
    let mut out = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        let token = token.trim_end_matches(['.', ';', ':', '!', '?']);
        // 12-3-2016, 12/03/2016, 12.03.2016 and 2016-03-12.
        let parts: Vec<&str> = token.split(['-', '/', '.']).collect();
        if parts.len() == 3 && parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())) {
            let numbers: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
            if numbers.len() == 3 {
                let found = if parts[0].len() == 4 {
                    (numbers[2], numbers[1], numbers[0])
                } else if parts[2].len() == 4 {
                    (numbers[0], numbers[1], numbers[2])
                } else {
                    continue;
                };
                if let Some(date) = valid(found.0, found.1, found.2) {
                    out.push(date);
                }
            }
            continue;
        }
        // 12 maart 2016, 12 mrt. 2016.
        if let (Ok(day), Some(month), Some(year)) = (
            token.parse::<u32>(),
            tokens.get(i + 1).map(|m| m.trim_end_matches('.')),
            tokens.get(i + 2).map(|y| y.trim_end_matches(['.', ';', ':', '!', '?'])),
        ) && let Some((_, month)) = MONTHS.iter().find(|(name, _)| *name == month)
            && year.len() == 4
            && let Ok(year) = year.parse::<u32>()
            && let Some(date) = valid(day, u32::from(*month), year)
        {
            out.push(date);
        }
    }
    out
}

fn valid(day: u32, month: u32, year: u32) -> Option<(u8, u8, u16)> {
    let ok = (1..=31).contains(&day) && (1..=12).contains(&month) && (1900..=2200).contains(&year);
    ok.then_some((day as u8, month as u8, year as u16))
}

fn has_birth_date(text: &str, this_year: u16) -> bool {
    let found = dates(text);
    if found.is_empty() {
        return false;
    }
    let lower = text.to_lowercase();
    if BIRTH_WORDS.iter().any(|w| lower.contains(w)) {
        return true;
    }
    let pupil_years = this_year.saturating_sub(OLDEST)..=this_year.saturating_sub(YOUNGEST);
    found.iter().any(|(_, _, year)| pupil_years.contains(year))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(text: &str) -> Option<&'static str> {
        pupil_data_in(text, 2026).map(|m| m.id)
    }

    #[test]
    fn a_citizen_service_number_is_refused_however_it_is_written() {
        // 111222333 passes the eleven test: 9+8+7+12+10+8+9+6-3 = 66.
        for text in ["BSN 111222333", "bsn: 111.222.333", "nummer 111 222 333 graag", "(111-22-2333)"] {
            assert_eq!(refused(text), Some("pupil-data-bsn"), "{text}");
        }
        // Nine digits that fail the test, a phone number and an amount are fine.
        for text in ["123456789", "Bel 06 12345678 of 020-1234567", "Wij kregen 25.000 euro", "groep 3 en 4"] {
            assert_eq!(refused(text), None, "{text}");
        }
    }

    #[test]
    fn a_birth_date_is_refused_a_year_or_recent_date_is_not() {
        for text in [
            "Mijn zoon (12-03-2016) heeft dyslexie",
            "geboren op 3 mei 2019",
            "Geb. 1-9-2024",
            "2015-06-30 is haar verjaardag",
            "Op 12 mrt. 2012 kwam hij op school",
        ] {
            assert_eq!(refused(text), Some("pupil-data-birth-date"), "{text}");
        }
        for text in [
            "Sinds 2021 werken we met Kanjertraining",
            "Het gesprek op 14-11-2025 was goed",
            "In maart 2016 begon de school",
            "Groep 7 (10 tot 11 jaar)",
            "Versie 1.2.3 van de app",
        ] {
            assert_eq!(refused(text), None, "{text}");
        }
    }
}
