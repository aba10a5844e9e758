//! Hints beyond the score: passive voice and nominalisations.

/// Forms of the auxiliaries of the passive (worden, and zijn for the perfect).
const AUXILIARIES: &[&str] =
    &["word", "wordt", "worden", "werd", "werden", "geworden", "is", "zijn", "was", "waren", "ben", "bent"];

/// Irregular past participles that do not end in -d, -t or -en after ge-.
const IRREGULAR_PARTICIPLES: &[&str] = &["gedaan", "gegaan", "gestaan", "gezien", "geslagen"];

/// Common words that look like participles but are not used as such.
const NOT_PARTICIPLES: &[&str] = &[
    "geen",
    "geven",
    "gemeente",
    "gebied",
    "gebouw",
    "gedrag",
    "gesprek",
    "gezin",
    "gevoel",
    "geval",
    "gevallen",
    "geld",
    "genoeg",
    "gewoon",
    "geleden",
    "gelukkig",
    "geheel",
    "gemiddeld",
    "gezond",
    "gericht",
    "gemak",
    "gebruik",
    "geluid",
    "geschiedenis",
    "gedachte",
    "gedachten",
    "geloof",
    "gebeuren",
    "gebeurt",
    "gelden",
    "geldt",
    "beleid",
    "bericht",
    "bestand",
    "verband",
    "verhaal",
    "verschillend",
    "bedoeld",
    "betekent",
    "bestaat",
    "bevat",
    "ontstaat",
    "ontvangt",
    "verwacht",
    "verstaan",
    "beschikbaar",
    "gesproken",
    "gelegen",
];

/// `w` in lower case.
fn is_participle(w: &str) -> bool {
    if !w.contains("ge") && !["be", "ver", "ont", "her", "er"].iter().any(|p| w.starts_with(p)) {
        return false;
    }
    if NOT_PARTICIPLES.contains(&w) {
        return false;
    }
    if IRREGULAR_PARTICIPLES.contains(&w) {
        return true;
    }
    // ge-…-d/t/en, also after a separable prefix (aangeboden, ingezet, opgesteld) or be-/ver-/ont- (besproken, verzorgd).
    let core =
        ["aan", "in", "op", "uit", "af", "mee", "door", "over", "voor", "toe", "na", "bij", "om", "vast", "samen"]
            .iter()
            .find_map(|p| w.strip_prefix(p).filter(|rest| rest.starts_with("ge")))
            .unwrap_or(w);
    let prefixed = ["ge", "be", "ver", "ont", "her", "er"].iter().any(|p| core.starts_with(p));
    prefixed && core.chars().count() >= 5 && (core.ends_with('d') || core.ends_with('t') || core.ends_with("en"))
}

/// A form of *worden* or *zijn* with a past participle in the same sentence:
/// "De ouders worden uitgenodigd", "Het plan is besproken".
/// `lower`: the sentence's words in lower case.
pub fn is_passive(lower: &[&str]) -> bool {
    lower.iter().any(|w| AUXILIARIES.contains(w)) && lower.iter().any(|w| is_participle(w))
}

/// Nouns made from verbs or adjectives that often hide who does what:
/// -ing, -atie/-tie, -heid, -isatie. `w` in lower case.
pub fn is_nominalisation(w: &str) -> bool {
    w.chars().count() >= 9
        && w.chars().next().is_some_and(char::is_alphabetic)
        && (w.ends_with("ing") || w.ends_with("atie") || w.ends_with("heid") || w.ends_with("ering"))
}

/// Words the speller does not know, each once, in order. Acronyms, numbers
/// and jargon terms are left alone; a capitalised word may be a name, so it
/// counts only when neither it nor its lower case is known.
pub fn misspelled(sentences: &[super::Sentence], speller: &dyn super::Speller) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in sentences.iter().flat_map(|s| s.words.iter()) {
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        let acronym = word.chars().filter(|c| c.is_uppercase()).count() >= 2;
        if letters < 2 || acronym || word.chars().any(|c| c.is_ascii_digit()) || out.contains(word) {
            continue;
        }
        let parts_known = word
            .split('-')
            .filter(|p| !p.is_empty())
            .all(|part| speller.knows(part) || speller.knows(&part.to_lowercase()) || part.len() <= 2);
        if !speller.knows(word) && !parts_known {
            out.push(word.clone());
        }
    }
    out
}
