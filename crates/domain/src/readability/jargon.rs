//! Jargon of passend onderwijs and its plain alternatives (`jargon.tsv`).

use std::sync::OnceLock;

use serde::Serialize;

use super::JargonHit;
use super::segment::Sentence;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JargonTerm {
    pub term: &'static str,
    pub suggestion: &'static str,
}

const SOURCE: &str = include_str!("jargon.tsv");

pub fn jargon_terms() -> &'static [JargonTerm] {
    static TERMS: OnceLock<Vec<JargonTerm>> = OnceLock::new();
    TERMS.get_or_init(|| {
        SOURCE
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .map(|(term, suggestion)| JargonTerm { term: term.trim(), suggestion: suggestion.trim() })
            .collect()
    })
}

/// Whether a word is the term's word: exactly for acronyms, otherwise in any
/// case and with a short ending (arrangement-en, interventie-s).
fn matches(word: &str, term_word: &str, acronym: bool) -> bool {
    if acronym {
        return word == term_word || word.strip_suffix("'s").is_some_and(|w| w == term_word);
    }
    let (word, term_word) = (word.to_lowercase(), term_word.to_lowercase());
    word == term_word
        || word
            .strip_prefix(&term_word)
            .is_some_and(|rest| term_word.chars().count() >= 6 && ["en", "s", "e", "n", "'s"].contains(&rest))
}

pub fn find(sentences: &[Sentence]) -> Vec<JargonHit> {
    let mut hits: Vec<JargonHit> = Vec::new();
    for term in jargon_terms() {
        let acronym = term.term.chars().any(char::is_uppercase) && !term.term.contains(' ');
        let parts: Vec<&str> =
            term.term.split_whitespace().map(|p| p.trim_matches(|c: char| !c.is_alphanumeric())).collect();
        let count: usize = sentences
            .iter()
            .map(|s| {
                s.words
                    .windows(parts.len())
                    .filter(|w| w.iter().zip(&parts).all(|(a, b)| matches(a, b, acronym)))
                    .count()
            })
            .sum();
        if count > 0 {
            hits.push(JargonHit { term: term.term.to_owned(), suggestion: term.suggestion.to_owned(), count });
        }
    }
    hits.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.term.cmp(&b.term)));
    hits
}
