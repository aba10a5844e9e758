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

/// A form of *worden* or *zijn* (`w` in lower case).
pub(super) fn is_auxiliary(w: &str) -> bool {
    AUXILIARIES.contains(&w)
}

/// `w` in lower case.
pub(super) fn is_participle(w: &str) -> bool {
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
/// "De ouders worden uitgenodigd", "Het plan is besproken". `auxiliary(i)`
/// and `participle(i)` tell whether the sentence's `i`th word (of `words`) is one.
pub(super) fn is_passive(words: usize, auxiliary: impl Fn(usize) -> bool, participle: impl Fn(usize) -> bool) -> bool {
    (0..words).any(auxiliary) && (0..words).any(participle)
}

/// Nouns made from verbs or adjectives that often hide who does what:
/// -ing, -atie/-tie, -heid, -isatie. `w` in lower case.
pub fn is_nominalisation(w: &str) -> bool {
    w.chars().count() >= 9
        && w.chars().next().is_some_and(char::is_alphabetic)
        && (w.ends_with("ing") || w.ends_with("atie") || w.ends_with("heid") || w.ends_with("ering"))
}

/// Words the speller does not know, each once, in order, sentence by
/// sentence. Acronyms, numbers and jargon terms are left alone; a
/// capitalised word may be a name, so it counts only when neither it nor its
/// lower case is known. A word is asked about once (the speller's answer
/// depends on the word alone).
pub(super) struct Misspelled<'s> {
    speller: &'s dyn super::Speller,
    asked: rustc_hash::FxHashSet<Box<str>>,
    found: Vec<String>,
}

impl<'s> Misspelled<'s> {
    pub(super) fn new(speller: &'s dyn super::Speller) -> Misspelled<'s> {
        Misspelled { speller, asked: Default::default(), found: Vec::new() }
    }

    /// The words of one sentence, as written.
    pub(super) fn sentence(&mut self, words: &[&str]) {
        for &word in words {
            let letters = word.chars().filter(|c| c.is_alphabetic()).count();
            let acronym = word.chars().filter(|c| c.is_uppercase()).count() >= 2;
            if letters < 2 || acronym || word.chars().any(|c| c.is_ascii_digit()) || self.asked.contains(word) {
                continue;
            }
            self.asked.insert(word.into());
            let speller = self.speller;
            let parts_known = word
                .split('-')
                .filter(|p| !p.is_empty())
                .all(|part| speller.knows(part) || speller.knows(&part.to_lowercase()) || part.len() <= 2);
            if !speller.knows(word) && !parts_known {
                self.found.push(word.to_owned());
            }
        }
    }

    pub(super) fn finish(self) -> Vec<String> {
        self.found
    }
}
