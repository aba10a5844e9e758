//! Rare words: words outside the 30,000 most frequent Dutch word forms
//! (`data/nl_frequent_words.txt`, CC BY-SA 4.0; see `data/README.md`).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

use super::memo;
#[cfg(test)]
use super::segment::Sentence;

static FREQUENT: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("data/nl_frequent_words.txt").lines().filter(|l| !l.starts_with('#') && !l.is_empty()).collect()
});

/// The syllables of every frequent word, counted once per process: most
/// words of a text are frequent, and the hyphenation patterns are the
/// analysis's single largest cost (the live hints analyse one paragraph at a
/// time, so a per-text cache saves little there).
static FREQUENT_SYLLABLES: LazyLock<HashMap<&'static str, usize>> =
    LazyLock::new(|| FREQUENT.iter().map(|word| (*word, super::syllables(word))).collect());

/// The syllables of a lower-case word, from the table when it is frequent,
/// counted otherwise (for [`super::word`], which remembers them itself).
pub(super) fn count_syllables_of_lower(lower: &str) -> usize {
    FREQUENT_SYLLABLES.get(lower).copied().unwrap_or_else(|| super::syllables(lower))
}

/// The syllables of a lower-case word, from the table when it is frequent.
pub(super) fn syllables_of_lower(lower: &str) -> usize {
    match FREQUENT_SYLLABLES.get(lower) {
        Some(&known) => known,
        None => memo::remembered(&memo::SYLLABLES, lower, || super::syllables(lower)),
    }
}

/// The syllables of a word as written, from the table when it is frequent.
pub(super) fn syllables_of(word: &str) -> usize {
    if word.chars().any(char::is_uppercase) {
        syllables_of_lower(&word.to_lowercase())
    } else {
        syllables_of_lower(word)
    }
}

/// Words shorter than this are never called rare (abbreviations, interjections).
const MIN_LETTERS: usize = 4;

/// Whether a lower-case word, or its stem without a plural or inflection
/// ending, is among the frequent words.
pub fn is_frequent(lower: &str) -> bool {
    let frequent = &*FREQUENT;
    if frequent.contains(lower) {
        return true;
    }
    ["en", "s", "e", "'s"].iter().any(|ending| lower.strip_suffix(ending).is_some_and(|stem| frequent.contains(stem)))
}

/// Whether a lower-case word splits into two frequent words of three letters
/// or more, the first perhaps with a linking *s* or *e* (*reken+les*,
/// *wijk+team*, *groep+s+plan*): a compound of everyday words is not rare.
pub fn splits_into_frequent(lower: &str) -> bool {
    let frequent = &*FREQUENT;
    lower.char_indices().skip(3).any(|(at, _)| {
        let (first, second) = lower.split_at(at);
        second.chars().count() >= 3
            && is_frequent(second)
            && (frequent.contains(first)
                || ["s", "e"].iter().any(|link| {
                    first.strip_suffix(link).is_some_and(|f| f.chars().count() >= 3 && frequent.contains(f))
                }))
    })
}

/// Whether a word in lower case is rare: a hyphenated word is rare when one
/// of its parts is; a part of four letters or more is rare only when neither
/// it nor a split into two frequent parts is frequent. Numbers are not rare.
pub(super) fn is_rare(lower: &str) -> bool {
    lower.split('-').any(|part| {
        part.chars().count() >= MIN_LETTERS
            && part.chars().all(char::is_alphabetic)
            && !is_frequent(part)
            && !splits_into_frequent(part)
    })
}

/// Rare words in order of first appearance, each once, sentence by sentence.
/// Names (a capital letter inside a sentence) are left out, and at the end
/// the jargon terms already hinted at.
#[derive(Default)]
pub(super) struct RareWords {
    listed: HashSet<Box<str>>,
    found: Vec<String>,
}

impl RareWords {
    /// One sentence: its words as written and in lower case; `rare(i)` tells
    /// whether the `i`th is rare (see [`is_rare`]).
    pub(super) fn sentence(&mut self, words: &[&str], lower: &[&str], rare: impl Fn(usize) -> bool) {
        for (position, (word, low)) in words.iter().zip(lower).enumerate() {
            let is_name = position > 0 && word.chars().next().is_some_and(char::is_uppercase);
            if !is_name && rare(position) && !self.listed.contains(*low) {
                self.listed.insert((*low).into());
                self.found.push((*low).to_owned());
            }
        }
    }

    /// The rare words, without the jargon hinted at (`jargon`: its words in lower case).
    pub(super) fn finish(self, jargon: &HashSet<String>) -> Vec<String> {
        self.found.into_iter().filter(|word| !jargon.contains(word)).collect()
    }
}

/// Rare words in order of first appearance, each once (see [`RareWords`]).
#[cfg(test)]
pub(super) fn find(sentences: &[Sentence], lowered: &[Vec<&str>], jargon: &HashSet<String>) -> Vec<String> {
    let mut rare = RareWords::default();
    for (sentence, lower) in sentences.iter().zip(lowered) {
        let words: Vec<&str> = sentence.words.iter().map(String::as_str).collect();
        rare.sentence(&words, lower, |i| is_rare(lower[i]));
    }
    rare.finish(jargon)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::readability::sentences;

    fn rare_in(text: &str) -> Vec<String> {
        let found = sentences(text);
        let lowered: Vec<Vec<String>> =
            found.iter().map(|s| s.words.iter().map(|w| w.to_lowercase()).collect()).collect();
        let lowered: Vec<Vec<&str>> = lowered.iter().map(|s| s.iter().map(String::as_str).collect()).collect();
        find(&found, &lowered, &HashSet::default())
    }

    #[test]
    fn everyday_words_are_frequent_and_plurals_count_too() {
        for word in ["school", "ouders", "leerling", "leerlingen", "ondersteuning", "kinderen"] {
            assert!(is_frequent(word), "{word}");
        }
    }

    #[test]
    fn compounds_of_two_frequent_words_are_not_rare() {
        for word in ["rekenles", "taalles", "wijkteam", "groepsplan"] {
            assert!(splits_into_frequent(word), "{word}");
        }
        assert!(rare_in("Na de rekenles en de taalles belt het wijkteam.").is_empty());
        assert!(!splits_into_frequent("diagnostiek"));
        assert_eq!(rare_in("De diagnostiek volgt."), vec!["diagnostiek"]);
    }

    #[test]
    fn rare_words_are_named_once_in_order_without_names_or_numbers() {
        let rare =
            rare_in("De remediërende diagnostiek volgt. Daarna komt Jansen met 2024 formulieren en diagnostiek.");
        assert_eq!(rare, vec!["remediërende", "diagnostiek"]);
        // Two frequent parts: handelings+gerichte.
        assert!(rare_in("De handelingsgerichte aanpak.").is_empty());
        assert!(rare_in("Ik ga naar school met mijn kind.").is_empty());
    }
}
