//! The rules for the platform's and an SWV's own terms: a term and its plain
//! alternative, both short, no pupil data, each term once per list.

use crate::Message;
use crate::pupil_data::pupil_data_in;

pub const MAX_TERM_CHARS: usize = 80;
pub const MAX_PLAIN_CHARS: usize = 200;

/// What is wrong with a new term for a list that has `existing` terms, by field (`term`, `plain`).
pub fn check_own_term<'a>(
    term: &str,
    plain: &str,
    existing: impl IntoIterator<Item = &'a str>,
    this_year: u16,
) -> Vec<(String, Message)> {
    let mut problems = Vec::new();
    let (term, plain) = (term.trim(), plain.trim());
    for (field, text, max) in [("term", term, MAX_TERM_CHARS), ("plain", plain, MAX_PLAIN_CHARS)] {
        if text.is_empty() || !text.chars().any(char::is_alphanumeric) {
            problems.push((field.to_owned(), Message::new("plain-field-empty")));
        } else if text.chars().count() > max {
            problems.push((field.to_owned(), Message::new("plain-field-too-long").with("max", max)));
        } else if let Some(message) = pupil_data_in(text, this_year) {
            problems.push((field.to_owned(), message));
        }
    }
    if !term.is_empty() && existing.into_iter().any(|t| t.trim().to_lowercase() == term.to_lowercase()) {
        problems.push(("term".to_owned(), Message::new("plain-term-exists")));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_term_needs_words_on_both_sides_once_per_list_and_no_pupil_data() {
        assert!(check_own_term("kernteam jeugd", "het team van school en gemeente", ["moederschool"], 2026).is_empty());
        let fields =
            |problems: Vec<(String, Message)>| problems.into_iter().map(|(f, m)| (f, m.id)).collect::<Vec<_>>();
        assert_eq!(fields(check_own_term(" ", "iets", [], 2026)), [("term".to_owned(), "plain-field-empty")]);
        assert_eq!(
            fields(check_own_term("Moederschool", "de school waar uw kind ingeschreven staat", ["moederschool"], 2026)),
            [("term".to_owned(), "plain-term-exists")]
        );
        assert_eq!(
            fields(check_own_term("term", &"a".repeat(201), [], 2026)),
            [("plain".to_owned(), "plain-field-too-long")]
        );
        assert_eq!(
            fields(check_own_term("geboren 12-03-2019", "x", [], 2026)),
            [("term".to_owned(), "pupil-data-birth-date")]
        );
    }
}
