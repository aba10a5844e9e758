//! Jargon of passend onderwijs and its plain alternatives (`jargon.tsv`).

use std::collections::HashMap;
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

/// The terms by their first word: acronyms as written, others in lower case.
struct Index {
    acronyms: HashMap<&'static str, Vec<Vec<&'static str>>>,
    words: HashMap<String, Vec<Vec<String>>>,
    /// The term each word sequence stands for, by its words joined with spaces.
    by_words: HashMap<String, &'static JargonTerm>,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = Index { acronyms: HashMap::new(), words: HashMap::new(), by_words: HashMap::new() };
        for term in jargon_terms() {
            let parts: Vec<&'static str> =
                term.term.split_whitespace().map(|p| p.trim_matches(|c: char| !c.is_alphanumeric())).collect();
            if term.term.chars().any(char::is_uppercase) && parts.len() == 1 {
                index.acronyms.entry(parts[0]).or_default().push(parts.clone());
                index.by_words.insert(parts.join(" "), term);
            } else {
                let lower: Vec<String> = parts.iter().map(|p| p.to_lowercase()).collect();
                index.by_words.insert(lower.join(" "), term);
                index.words.entry(lower[0].clone()).or_default().push(lower);
            }
        }
        index
    })
}

/// The forms of a lower-case word a term may take: itself, and without a
/// short ending when what remains is long enough (arrangement-en, interventie-s).
fn bases(word: &str) -> impl Iterator<Item = &str> {
    std::iter::once(word).chain(
        ["en", "s", "e", "n", "'s"]
            .into_iter()
            .filter_map(move |ending| word.strip_suffix(ending).filter(|base| base.chars().count() >= 6)),
    )
}

fn same(word: &str, part: &str) -> bool {
    bases(word).any(|base| base == part)
}

/// The jargon in the sentences (`lowered`: their words in lower case), most frequent first.
pub fn find(sentences: &[Sentence], lowered: &[Vec<String>]) -> Vec<JargonHit> {
    let index = index();
    let mut counts: HashMap<&'static str, (usize, &'static JargonTerm)> = HashMap::new();
    for (sentence, lower) in sentences.iter().zip(lowered) {
        for i in 0..sentence.words.len() {
            let word = sentence.words[i].as_str();
            let acronym =
                index.acronyms.get(word).or_else(|| word.strip_suffix("'s").and_then(|w| index.acronyms.get(w)));
            for parts in acronym.into_iter().flatten() {
                let term = index.by_words[&parts.join(" ")];
                counts.entry(term.term).or_insert((0, term)).0 += 1;
            }
            for base in bases(&lower[i]) {
                for parts in index.words.get(base).into_iter().flatten() {
                    let fits = parts.len() <= lower.len() - i
                        && parts.iter().enumerate().skip(1).all(|(k, part)| same(&lower[i + k], part));
                    if fits {
                        let term = index.by_words[&parts.join(" ")];
                        counts.entry(term.term).or_insert((0, term)).0 += 1;
                    }
                }
            }
        }
    }
    let mut hits: Vec<JargonHit> = counts
        .into_values()
        .map(|(count, term)| JargonHit { term: term.term.to_owned(), suggestion: term.suggestion.to_owned(), count })
        .collect();
    hits.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.term.cmp(&b.term)));
    hits
}
