//! What the analysis needs to know of a word in lower case, worked out once
//! per word and thread (`memo.rs`) instead of at every occurrence: its
//! syllables and letters, whether it is an auxiliary or a past participle of
//! the passive, a nominalisation, rare, or a form of a term of the built-in
//! list. Each answer depends on the word alone, so remembering it changes no
//! result; texts repeat their words (a profile of 20 MB has a few thousand
//! distinct ones), so most occurrences cost one lookup.

use super::jargon::{Glossary, WordFacts};
use super::{checks, memo, rare};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct WordInfo {
    pub syllables: usize,
    /// Its letters (not digits, hyphens or apostrophes), for long words.
    pub letters: usize,
    pub nominalisation: bool,
    /// A form of *worden* or *zijn*.
    pub auxiliary: bool,
    pub participle: bool,
    pub rare: bool,
    /// What the built-in jargon list knows of it.
    pub jargon: WordFacts,
}

impl WordInfo {
    fn of(lower: &str) -> WordInfo {
        WordInfo {
            syllables: rare::count_syllables_of_lower(lower),
            letters: lower.chars().filter(|c| c.is_alphabetic()).count(),
            nominalisation: checks::is_nominalisation(lower),
            auxiliary: checks::is_auxiliary(lower),
            participle: checks::is_participle(lower),
            rare: rare::is_rare(lower),
            jargon: Glossary::built_in().facts(lower),
        }
    }
}

/// What is known of a word in lower case.
pub(super) fn info(lower: &str) -> WordInfo {
    memo::remembered(&memo::WORDS, lower, || WordInfo::of(lower))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_is_known_by_its_parts() {
        let worden = info("worden");
        assert!(worden.auxiliary && !worden.participle && !worden.rare);
        assert_eq!((worden.syllables, worden.letters), (2, 6));
        let invited = info("uitgenodigd");
        assert!(invited.participle && !invited.auxiliary);
        assert!(info("implementatie").nominalisation);
        assert!(info("diagnostiek").rare && !info("rekenles").rare);
        assert!(info("arrangementen").jargon.term_start && info("zorgarrangement").jargon.compound);
        assert!(!info("school").jargon.term_start && !info("school").jargon.compound);
        // Remembered: the same answer the second time.
        assert_eq!(info("uitgenodigd"), invited);
    }
}
