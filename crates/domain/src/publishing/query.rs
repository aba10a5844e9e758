//! The one search box of the home page and `/scholen`: what a person means by
//! what they type. A postcode (`1079`, `1079AZ`, `1079 az`) asks for the
//! nearest locations; a BRIN (`31FN`) or location code (`31FN00`) for that
//! school; a kind of support (`dyslexie`, perhaps with a postcode or a place:
//! `dyslexie 1079`, `hoogbegaafd in Diemen`) for the locations that offer it;
//! anything else is part of a name, place or municipality.

use crate::organisations::{Brin, LocationCode};
use crate::questionnaire::SupportCategory;

/// A Dutch postcode: its four digits, and its two letters when given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Postcode {
    digits: u16,
    letters: Option<String>,
}

impl Postcode {
    /// `1234`, `1234AB`, `1234 ab` (the first digit not 0).
    pub fn parse(raw: &str) -> Option<Postcode> {
        let compact: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
        if !compact.is_ascii() || !(compact.len() == 4 || compact.len() == 6) {
            return None;
        }
        let (digits, letters) = compact.split_at(4);
        if !digits.bytes().all(|b| b.is_ascii_digit()) || !letters.bytes().all(|b| b.is_ascii_alphabetic()) {
            return None;
        }
        let digits: u16 = digits.parse().ok().filter(|d| (1000..=9999).contains(d))?;
        Some(Postcode { digits, letters: (!letters.is_empty()).then(|| letters.to_ascii_uppercase()) })
    }

    /// The four digits (the PC4 area).
    pub fn pc4(&self) -> u16 {
        self.digits
    }

    /// `1079AZ` as DUO stores it, when the letters were given.
    pub fn pc6(&self) -> Option<String> {
        self.letters.as_ref().map(|l| format!("{}{l}", self.digits))
    }

    /// As people write it: `1079 AZ` or `1079`.
    pub fn display(&self) -> String {
        match &self.letters {
            Some(l) => format!("{} {l}", self.digits),
            None => self.digits.to_string(),
        }
    }
}

/// What a search asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SchoolQuery {
    /// The locations nearest to a postcode.
    Near(Postcode),
    /// A school's locations by its BRIN.
    School(Brin),
    /// One location by its code.
    Location(LocationCode),
    /// The locations whose published profile offers a kind of support; nearest
    /// first when a postcode is given, only those in a place when one is.
    Topic { category: SupportCategory, near: Option<Postcode>, place: Option<String> },
    /// Part of a school's or location's name, its place or its municipality.
    Text(String),
}

impl SchoolQuery {
    /// `postcode`, `school`, `location`, `topic` or `text` (for the API).
    pub fn kind(&self) -> &'static str {
        match self {
            SchoolQuery::Near(_) => "postcode",
            SchoolQuery::School(_) => "school",
            SchoolQuery::Location(_) => "location",
            SchoolQuery::Topic { .. } => "topic",
            SchoolQuery::Text(_) => "text",
        }
    }

    /// The postcode searched near, if any.
    pub fn postcode(&self) -> Option<&Postcode> {
        match self {
            SchoolQuery::Near(p) | SchoolQuery::Topic { near: Some(p), .. } => Some(p),
            _ => None,
        }
    }
}

/// The fewest characters (besides spaces) a search needs.
pub const MIN_QUERY_CHARS: usize = 2;

/// Words for the kinds of support, in Dutch and English, as parents may type
/// them (after [`normalise`]); a phrase is a run of whole words. Words that
/// school names often hold ("leren", "zien") only in a phrase.
const TOPIC_WORDS: &[(SupportCategory, &[&str])] = &[
    (SupportCategory::Dyslexie, &["dyslexie", "dyslectisch", "dyslexia", "dyslexic", "leesproblemen"]),
    (SupportCategory::Dyscalculie, &["dyscalculie", "dyscalculia", "rekenproblemen"]),
    (
        SupportCategory::TaalSpraak,
        &["taal en spraak", "spraak en taal", "taal spraak", "spraak", "taalontwikkeling", "logopedie", "speech"],
    ),
    (
        SupportCategory::Nt2,
        &[
            "nederlands als tweede taal",
            "tweede taal",
            "nt2",
            "nieuwkomers",
            "nieuwkomer",
            "newcomers",
            "dutch as a second language",
        ],
    ),
    (
        SupportCategory::MeerHoogbegaafdheid,
        &[
            "meer en hoogbegaafdheid",
            "hoogbegaafdheid",
            "hoogbegaafd",
            "meerbegaafdheid",
            "meerbegaafd",
            "begaafdheid",
            "plusklas",
            "gifted",
            "giftedness",
        ],
    ),
    (SupportCategory::Leren, &["moeite met leren", "leerproblemen", "learning difficulties"]),
    (SupportCategory::Gedrag, &["gedragsproblemen", "gedrag", "behaviour", "behavior"]),
    (SupportCategory::Werkhouding, &["werkhouding", "concentratie", "work attitude"]),
    (SupportCategory::Motoriek, &["motoriek", "motorisch", "motor skills"]),
    (SupportCategory::Medisch, &["medische zorg", "medisch", "medische", "medical care", "medical"]),
    (
        SupportCategory::Zien,
        &["slecht zien", "slechtziend", "slechtziendheid", "blind", "visueel", "visual impairment"],
    ),
    (SupportCategory::Horen, &["slecht horen", "slechthorend", "doof", "gehoor", "deaf", "hearing"]),
];

/// Words around a topic that say nothing about the place ("school met
/// dyslexie in Diemen"); dropped from the start and end of what remains.
const FILLERS: &[&str] = &[
    "in",
    "bij",
    "nabij",
    "rond",
    "rondom",
    "omgeving",
    "buurt",
    "de",
    "near",
    "around",
    "school",
    "scholen",
    "basisschool",
    "ondersteuning",
    "hulp",
    "voor",
    "met",
    "kind",
    "kinderen",
    "schools",
    "support",
    "with",
    "for",
    "help",
    "a",
    "the",
    "een",
];

/// What the search box's text asks for; `None` when it is too short.
pub fn understand(raw: &str) -> Option<SchoolQuery> {
    let tidy = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if tidy.chars().filter(|c| !c.is_whitespace()).count() < MIN_QUERY_CHARS {
        return None;
    }
    if let Ok(brin) = Brin::parse(&tidy) {
        return Some(SchoolQuery::School(brin));
    }
    if let Ok(code) = LocationCode::parse(&tidy) {
        return Some(SchoolQuery::Location(code));
    }
    let mut words: Vec<String> = normalise(&tidy).split(' ').filter(|w| !w.is_empty()).map(str::to_owned).collect();
    let near = take_postcode(&mut words);
    let category = take_topic(&mut words);
    trim_fillers(&mut words);
    match (category, near) {
        (Some(category), near) => {
            Some(SchoolQuery::Topic { category, near, place: (!words.is_empty()).then(|| words.join(" ")) })
        }
        // "1079 Amsterdam": the postcode says more than the place.
        (None, Some(near)) => Some(SchoolQuery::Near(near)),
        (None, None) => Some(SchoolQuery::Text(tidy)),
    }
}

/// Lower case, punctuation between words as spaces (a hyphen inside a word
/// and an apostrophe kept: `'s-gravenhage`), single spaces.
fn normalise(text: &str) -> String {
    let spaced: String = text
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() || c == '-' || c == '\'' || c == '’' { c } else { ' ' })
        .collect();
    spaced.split_whitespace().map(|w| w.trim_matches('-')).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

/// Takes the first postcode out of the words: `1079az`, or `1079` `az`, or `1079`.
fn take_postcode(words: &mut Vec<String>) -> Option<Postcode> {
    for i in 0..words.len() {
        if let Some(next) = words.get(i + 1)
            && next.len() == 2
            && let Some(pc) = Postcode::parse(&format!("{}{next}", words[i]))
        {
            words.drain(i..i + 2);
            return Some(pc);
        }
        if let Some(pc) = Postcode::parse(&words[i]) {
            words.remove(i);
            return Some(pc);
        }
    }
    None
}

/// Takes the first phrase naming a kind of support out of the words, longest
/// phrases first (so "tweede taal" is NT2, not language and speech).
fn take_topic(words: &mut Vec<String>) -> Option<SupportCategory> {
    let mut phrases: Vec<(SupportCategory, Vec<&str>)> = TOPIC_WORDS
        .iter()
        .flat_map(|(c, list)| list.iter().map(move |p| (*c, p.split(' ').collect::<Vec<_>>())))
        .collect();
    phrases.sort_by_key(|(_, p)| std::cmp::Reverse(p.len()));
    // "meer- en hoogbegaafdheid" is normalised to "meer en hoogbegaafdheid".
    for (category, phrase) in phrases {
        if phrase.len() > words.len() {
            continue;
        }
        if let Some(at) = (0..=words.len() - phrase.len())
            .find(|&i| words[i..i + phrase.len()].iter().zip(&phrase).all(|(w, p)| w.as_str() == *p))
        {
            words.drain(at..at + phrase.len());
            return Some(category);
        }
    }
    None
}

fn trim_fillers(words: &mut Vec<String>) {
    while words.first().is_some_and(|w| FILLERS.contains(&w.as_str())) {
        words.remove(0);
    }
    while words.last().is_some_and(|w| FILLERS.contains(&w.as_str())) {
        words.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pc(raw: &str) -> Postcode {
        Postcode::parse(raw).unwrap()
    }

    #[test]
    fn postcodes_in_four_or_six_characters() {
        assert_eq!(pc("1079").pc4(), 1079);
        assert_eq!(pc("1079").pc6(), None);
        assert_eq!(pc("1079AZ").pc6().as_deref(), Some("1079AZ"));
        assert_eq!(pc("1079 az").pc6().as_deref(), Some("1079AZ"));
        assert_eq!(pc(" 1079 AZ ").display(), "1079 AZ");
        for bad in ["", "107", "0123", "10799", "1079 A", "1079 A1", "abcd", "1079ÅB", "１０７９", "123é", "12€"]
        {
            assert_eq!(Postcode::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_postcode_asks_for_the_nearest_locations() {
        for raw in ["1079", "1079AZ", "1079 AZ", "1079 az", " 1079az ", "1079 AZ Amsterdam", "bij 1079"] {
            let Some(SchoolQuery::Near(p)) = understand(raw) else { panic!("{raw}: {:?}", understand(raw)) };
            assert_eq!(p.pc4(), 1079, "{raw}");
        }
        assert_eq!(understand("1079 az").and_then(|q| q.postcode().and_then(Postcode::pc6)).as_deref(), Some("1079AZ"));
    }

    #[test]
    fn codes_ask_for_a_school_or_a_location() {
        assert_eq!(understand("31fn"), Some(SchoolQuery::School(Brin::parse("31FN").unwrap())));
        assert_eq!(understand(" 31FN00 "), Some(SchoolQuery::Location(LocationCode::parse("31FN00").unwrap())));
        assert_eq!(understand("31FN").map(|q| q.kind()), Some("school"));
    }

    #[test]
    fn a_kind_of_support_alone_near_a_postcode_or_in_a_place() {
        assert_eq!(
            understand("dyslexie"),
            Some(SchoolQuery::Topic { category: SupportCategory::Dyslexie, near: None, place: None })
        );
        assert_eq!(
            understand("Dyslexie 1079AZ"),
            Some(SchoolQuery::Topic { category: SupportCategory::Dyslexie, near: Some(pc("1079AZ")), place: None })
        );
        assert_eq!(
            understand("1079 az, dyscalculie"),
            Some(SchoolQuery::Topic { category: SupportCategory::Dyscalculie, near: Some(pc("1079AZ")), place: None })
        );
        assert_eq!(
            understand("school met hoogbegaafdheid in Diemen"),
            Some(SchoolQuery::Topic {
                category: SupportCategory::MeerHoogbegaafdheid,
                near: None,
                place: Some("diemen".into())
            })
        );
        assert_eq!(
            understand("dyslexie Bergen op Zoom"),
            Some(SchoolQuery::Topic {
                category: SupportCategory::Dyslexie,
                near: None,
                place: Some("bergen op zoom".into())
            })
        );
        let category = |raw: &str| match understand(raw) {
            Some(SchoolQuery::Topic { category, .. }) => Some(category),
            _ => None,
        };
        assert_eq!(category("Nederlands als tweede taal"), Some(SupportCategory::Nt2));
        assert_eq!(category("taal en spraak"), Some(SupportCategory::TaalSpraak));
        assert_eq!(category("Meer- en hoogbegaafdheid"), Some(SupportCategory::MeerHoogbegaafdheid));
        assert_eq!(category("slechthorend"), Some(SupportCategory::Horen));
        assert_eq!(category("Dyslexia"), Some(SupportCategory::Dyslexie));
        // A word inside a name is not a topic, nor a word that names often hold.
        assert_eq!(category("Taalschool"), None);
        assert_eq!(category("Samen Leren"), None);
    }

    #[test]
    fn anything_else_is_a_name_or_place() {
        assert_eq!(understand("  De   Brug "), Some(SchoolQuery::Text("De Brug".into())));
        assert_eq!(understand("'s-Gravenhage"), Some(SchoolQuery::Text("'s-Gravenhage".into())));
        assert_eq!(understand("Diemen"), Some(SchoolQuery::Text("Diemen".into())));
        // Too short, or only spaces.
        assert_eq!(understand("a"), None);
        assert_eq!(understand("   "), None);
        assert_eq!(understand("ab").map(|q| q.kind()), Some("text"));
    }

    #[test]
    fn every_kind_of_support_has_words() {
        for c in SupportCategory::ALL {
            assert!(TOPIC_WORDS.iter().any(|(k, w)| *k == c && !w.is_empty()), "{c:?}");
        }
    }
}
