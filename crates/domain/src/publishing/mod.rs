//! Publishing a profile: what the public may see, and the bounded, plain
//! pieces the parent report, poster and school-guide chapter are made of.
//!
//! The parent report must fit on three A4 pages whatever the school typed,
//! so every free text in it is an excerpt of bounded length.

mod query;
mod search;

use std::collections::HashMap;

pub use query::{MIN_QUERY_CHARS, Postcode, SchoolQuery, understand};
pub use search::{FoundLocation, Place, SearchHit, bounding_box, distance_km, nearest};

use crate::lifecycle::ProfileState;
use crate::questionnaire::{AnswerValue, SupportCategory, Template};

/// The longest excerpt of the parent summary in the parent report (characters).
pub const SUMMARY_MAX: usize = 900;
/// The longest excerpt of the limits of support in the parent report.
pub const LIMITS_MAX: usize = 700;
/// The longest excerpt of the contact text in the parent report.
pub const CONTACT_MAX: usize = 500;
/// The longest excerpt of the contact text on the poster.
pub const POSTER_CONTACT_MAX: usize = 220;
/// At most this many changes are listed for parents.
pub const CHANGES_MAX: usize = 8;

/// Whether a version may be shown to the public: it was published (a
/// superseded version stays readable under its school year).
pub fn is_public(state: ProfileState, published_at: Option<i64>) -> bool {
    published_at.is_some() && matches!(state, ProfileState::Published | ProfileState::Superseded)
}

/// At most `max` characters of `text`, whitespace tidied (paragraphs kept):
/// whole sentences when they fit, else whole words and an ellipsis.
pub fn excerpt(text: &str, max: usize) -> String {
    let tidy: Vec<String> = text
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect();
    let tidy = tidy.join("\n\n");
    if tidy.chars().count() <= max {
        return tidy;
    }
    let cut: String = tidy.chars().take(max).collect();
    let sentence_end = cut
        .char_indices()
        .filter(|(i, c)| matches!(c, '.' | '!' | '?') && cut[i + c.len_utf8()..].starts_with(char::is_whitespace))
        .map(|(i, c)| i + c.len_utf8())
        .next_back();
    match sentence_end {
        Some(end) if end >= max / 3 => cut[..end].to_owned(),
        _ => {
            let words = cut.rsplit_once(char::is_whitespace).map_or(cut.as_str(), |(head, _)| head);
            format!("{}…", words.trim_end_matches([',', ';', ':']))
        }
    }
}

/// The levels of section D's scale, as keys.
pub const STANDARD: &str = "standaard";
pub const CONSULT: &str = "na_overleg";
pub const NOT_OFFERED: &str = "niet";
/// Not answered (a key of the catalogues, not of the scale).
pub const UNKNOWN: &str = "unknown";

/// What a school offers, per category, grouped by level (in the template's order).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Offer {
    pub standard: Vec<SupportCategory>,
    pub consult: Vec<SupportCategory>,
    pub not: Vec<SupportCategory>,
    pub unknown: Vec<SupportCategory>,
}

impl Offer {
    /// The level key of a category (`unknown` when not answered).
    pub fn level(&self, category: SupportCategory) -> &'static str {
        if self.standard.contains(&category) {
            STANDARD
        } else if self.consult.contains(&category) {
            CONSULT
        } else if self.not.contains(&category) {
            NOT_OFFERED
        } else {
            UNKNOWN
        }
    }
}

/// The level key a profile gives a category, if answered.
pub fn level_of<'a>(
    template: &Template,
    answers: &'a HashMap<String, AnswerValue>,
    category: SupportCategory,
) -> Option<&'a str> {
    template.items().filter(|i| !i.hidden && i.category == Some(category)).find_map(|item| {
        match answers.get(&item.key) {
            Some(AnswerValue::Choice(level)) => Some(level.as_str()),
            _ => None,
        }
    })
}

pub fn offer(template: &Template, answers: &HashMap<String, AnswerValue>) -> Offer {
    let mut out = Offer::default();
    for category in SupportCategory::ALL {
        match level_of(template, answers, category) {
            Some(STANDARD) => out.standard.push(category),
            Some(CONSULT) => out.consult.push(category),
            Some(NOT_OFFERED) => out.not.push(category),
            _ => out.unknown.push(category),
        }
    }
    out
}

/// A category whose level differs from last year's version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfferChange {
    pub category: SupportCategory,
    pub before: Option<String>,
    pub after: String,
}

pub fn offer_changes(
    template: &Template,
    before: &HashMap<String, AnswerValue>,
    after: &HashMap<String, AnswerValue>,
) -> Vec<OfferChange> {
    SupportCategory::ALL
        .into_iter()
        .filter_map(|category| {
            let now = level_of(template, after, category)?;
            let was = level_of(template, before, category);
            (was != Some(now)).then(|| OfferChange { category, before: was.map(str::to_owned), after: now.to_owned() })
        })
        .collect()
}

/// The specialists of section F with their *dagdelen per week*, written the
/// Dutch way (`2,5`).
pub fn specialists(answers: &HashMap<String, AnswerValue>) -> Vec<(String, String)> {
    match answers.get("deskundigheid.aanwezig") {
        Some(AnswerValue::Rows(rows)) => rows
            .iter()
            .filter_map(|row| {
                let name = row.get("specialist")?.trim().to_owned();
                let halves = row.get("dagdelen").map(|d| d.replace('.', ",")).unwrap_or_default();
                (!name.is_empty()).then_some((name, halves))
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// The text of a free-text answer, if any.
pub fn text_of<'a>(answers: &'a HashMap<String, AnswerValue>, key: &str) -> Option<&'a str> {
    match answers.get(key) {
        Some(AnswerValue::Text(text)) if !text.trim().is_empty() => Some(text.as_str()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::questionnaire::{default_template, parse_answer};

    fn answers(list: &[(&str, serde_json::Value)]) -> HashMap<String, AnswerValue> {
        list.iter()
            .map(|(key, raw)| {
                let item = default_template().item(key).unwrap();
                ((*key).to_owned(), parse_answer(item, raw).unwrap().unwrap())
            })
            .collect()
    }

    #[test]
    fn only_published_versions_are_public() {
        assert!(is_public(ProfileState::Published, Some(1)));
        assert!(is_public(ProfileState::Superseded, Some(1)));
        assert!(!is_public(ProfileState::Superseded, None), "adopted, superseded before it was published");
        for state in [ProfileState::Concept, ProfileState::TeamReview, ProfileState::MrAdvised, ProfileState::Adopted] {
            assert!(!is_public(state, Some(1)), "{state:?}");
        }
    }

    #[test]
    fn excerpts_keep_whole_sentences_or_whole_words() {
        assert_eq!(excerpt("  Kort.\n\n\n Ook  kort. ", 100), "Kort.\n\nOok kort.");
        let text = "Wij helpen elk kind. Soms vragen we hulp van buiten de school. Dat bespreken we altijd met u.";
        assert_eq!(excerpt(text, 60), "Wij helpen elk kind.");
        assert_eq!(excerpt("Eenheelerglangwoord zonder punt maar met spaties", 30), "Eenheelerglangwoord zonder…");
        let long = "a ".repeat(3000);
        assert!(excerpt(&long, SUMMARY_MAX).chars().count() <= SUMMARY_MAX + 1);
    }

    #[test]
    fn the_offer_is_grouped_by_level_and_changes_name_the_old_level() {
        let t = default_template();
        let now = answers(&[
            ("aanbod.dyslexie", json!("standaard")),
            ("aanbod.gedrag", json!("na_overleg")),
            ("aanbod.medisch", json!("niet")),
        ]);
        let o = offer(t, &now);
        assert_eq!(o.standard, vec![SupportCategory::Dyslexie]);
        assert_eq!(o.consult, vec![SupportCategory::Gedrag]);
        assert_eq!(o.not, vec![SupportCategory::Medisch]);
        assert_eq!(o.unknown.len(), 9);
        assert_eq!((o.level(SupportCategory::Gedrag), o.level(SupportCategory::Zien)), (CONSULT, UNKNOWN));
        let before = answers(&[("aanbod.dyslexie", json!("na_overleg")), ("aanbod.gedrag", json!("na_overleg"))]);
        let changes = offer_changes(t, &before, &now);
        assert_eq!(
            changes,
            vec![
                OfferChange {
                    category: SupportCategory::Dyslexie,
                    before: Some("na_overleg".into()),
                    after: "standaard".into()
                },
                OfferChange { category: SupportCategory::Medisch, before: None, after: "niet".into() },
            ]
        );
    }

    #[test]
    fn a_categorys_key_is_its_json_name() {
        for category in SupportCategory::ALL {
            assert_eq!(serde_json::to_value(category).unwrap(), category.key());
            assert_eq!(SupportCategory::parse(category.key()), Some(category));
        }
        assert_eq!(SupportCategory::parse("soms"), None);
    }

    #[test]
    fn specialists_are_written_with_a_decimal_comma() {
        let a = answers(&[("deskundigheid.aanwezig", json!([{ "specialist": "IB", "dagdelen": "2,5" }]))]);
        assert_eq!(specialists(&a), vec![("IB".to_owned(), "2,5".to_owned())]);
    }
}
