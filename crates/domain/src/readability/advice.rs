//! Advice in order: the few changes that would raise a text's score most,
//! each with its expected effect, computed by scoring the text as it would be
//! after the change. A sentence is quoted by one piece of advice at most.

use serde::Serialize;

use super::rare::syllables_of;
#[cfg(test)]
use super::segment::Sentence;
use super::{JargonHit, JargonKind, flesch_douma};

/// At most this many pieces of advice per text.
pub const MAX_ADVICE: usize = 3;

/// Words where a long sentence splits well into two.
const SPLIT_WORDS: &[&str] = &["omdat", "want", "maar", "waardoor", "zodat", "doordat", "terwijl", "en", "of"];

/// Auxiliaries of the passive, dropped when the sentence says who does it.
const PASSIVE_AUXILIARIES: &[&str] = &["word", "wordt", "worden", "werd", "werden"];

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum Change {
    /// Make two sentences of one, at `at` (a word such as *omdat*, or `;`) when it has one.
    Split { sentence: usize, text: String, at: Option<String> },
    /// Put the plain alternatives in the place of these terms.
    Replace { terms: Vec<(String, String)> },
    /// Say who does it ("Wie doet dit?").
    Active { sentence: usize, text: String },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Advice {
    #[serde(flatten)]
    pub change: Change,
    /// The expected rise of the Flesch-Douma score, in points.
    pub effect: f64,
}

/// The counts a score is made of.
#[derive(Clone, Copy)]
struct Counts {
    sentences: usize,
    words: usize,
    syllables: usize,
}

impl Counts {
    fn score(self) -> f64 {
        flesch_douma(self.sentences, self.words, self.syllables).unwrap_or(0.0)
    }
}

fn words_and_syllables(text: &str) -> (usize, usize) {
    let words: Vec<&str> = text.split_whitespace().collect();
    (words.len(), words.iter().map(|w| syllables_of(w.trim_matches(|c: char| !c.is_alphanumeric()))).sum())
}

/// Where a sentence splits best: a split word or a `;` near its middle, with
/// four words or more on each side.
#[cfg(test)]
fn split_point(sentence: &Sentence, lower: &[&str]) -> Option<String> {
    let tokens: Vec<&str> = sentence.text.split_whitespace().collect();
    split_point_in(&tokens, lower)
}

/// Where a sentence splits best (see `split_point`); `tokens`: the sentence
/// split at white space, `lower`: its words in lower case.
fn split_point_in(tokens: &[&str], lower: &[&str]) -> Option<String> {
    let middle = tokens.len() / 2;
    let mut best: Option<(usize, String)> = None;
    for (i, token) in tokens.iter().enumerate() {
        let word = token.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        let candidate = if token.ends_with(';') {
            Some((i + 1, ";".to_owned()))
        } else if SPLIT_WORDS.contains(&word.as_str()) && lower.contains(&word.as_str()) {
            Some((i, word))
        } else {
            None
        };
        let Some((at, name)) = candidate else { continue };
        if at < 4 || tokens.len() - at < 4 {
            continue;
        }
        if best.as_ref().is_none_or(|(b, _)| at.abs_diff(middle) < b.abs_diff(middle)) {
            best = Some((at, name));
        }
    }
    best.map(|(_, name)| name)
}

/// A change before its effect is known; a sentence's text is quoted only
/// when the change is advised.
enum Candidate {
    Split {
        sentence: usize,
        at: Option<String>,
    },
    /// `auxiliary`: the syllables of the auxiliary that goes.
    Active {
        sentence: usize,
        auxiliary: usize,
    },
    Replace {
        terms: Vec<(String, String)>,
    },
}

/// The advice for a text, gathered sentence by sentence: a long sentence may
/// be split, a passive one made active. Their effects depend on the whole
/// text's counts, so they are scored at the end.
#[derive(Default)]
pub(super) struct Adviser {
    candidates: Vec<Candidate>,
}

impl Adviser {
    /// One sentence: its position, tokens and words in lower case; whether it is long or passive.
    pub(super) fn sentence(&mut self, index: usize, tokens: &[&str], lower: &[&str], long: bool, passive: bool) {
        if long {
            self.candidates.push(Candidate::Split { sentence: index, at: split_point_in(tokens, lower) });
        }
        if passive {
            // Without the auxiliary and with a subject ("wij"), and the participle's ge- gone.
            let auxiliary: usize =
                lower.iter().filter(|w| PASSIVE_AUXILIARIES.contains(w)).map(|w| syllables_of(w)).take(1).sum();
            self.candidates.push(Candidate::Active { sentence: index, auxiliary });
        }
    }

    /// The advice for the text, largest effect first, from its counts and
    /// jargon; `text(i)`: the text of its `i`th sentence (a long or passive one).
    pub(super) fn finish(
        self,
        sentences: usize,
        words: usize,
        syllables: usize,
        jargon: &[JargonHit],
        text: impl Fn(usize) -> String,
    ) -> Vec<Advice> {
        let now = Counts { sentences, words, syllables };
        if now.words == 0 {
            return Vec::new();
        }
        let before = now.score();
        let mut candidates: Vec<(Candidate, f64)> = Vec::new();
        for candidate in self.candidates {
            let after = match candidate {
                Candidate::Split { .. } => Counts { sentences: now.sentences + 1, ..now },
                Candidate::Active { auxiliary, .. } => {
                    Counts { syllables: (now.syllables + 1).saturating_sub(auxiliary), ..now }
                }
                Candidate::Replace { .. } => now,
            };
            candidates.push((candidate, after.score() - before));
        }
        // The three terms whose plain words raise the score most, together.
        let mut replacements: Vec<(f64, &JargonHit, isize, isize)> = jargon
            .iter()
            .filter(|j| j.kind != JargonKind::Abbreviation && !j.suggestion.contains('{'))
            .filter_map(|j| {
                let (plain_words, plain_syllables) = words_and_syllables(&j.suggestion);
                let (term_words, term_syllables) = words_and_syllables(j.forms.first().unwrap_or(&j.term));
                let dw = (plain_words as isize - term_words as isize) * j.count as isize;
                let ds = (plain_syllables as isize - term_syllables as isize) * j.count as isize;
                let after = Counts {
                    words: (now.words as isize + dw).max(1) as usize,
                    syllables: (now.syllables as isize + ds).max(1) as usize,
                    ..now
                };
                let effect = after.score() - before;
                (effect > 0.0).then_some((effect, j, dw, ds))
            })
            .collect();
        replacements.sort_by(|a, b| b.0.total_cmp(&a.0));
        replacements.truncate(3);
        if !replacements.is_empty() {
            let (dw, ds) = replacements.iter().fold((0, 0), |(w, s), r| (w + r.2, s + r.3));
            let after = Counts {
                words: (now.words as isize + dw).max(1) as usize,
                syllables: (now.syllables as isize + ds).max(1) as usize,
                ..now
            };
            let terms = replacements.iter().map(|r| (r.1.term.clone(), r.1.suggestion.clone())).collect();
            candidates.push((Candidate::Replace { terms }, after.score() - before));
        }
        candidates.retain(|a| a.1 > 0.05);
        candidates.sort_by(|a, b| b.1.total_cmp(&a.1));
        // One piece of advice per sentence: the one that helps most.
        let mut quoted = rustc_hash::FxHashSet::default();
        candidates.retain(|a| match &a.0 {
            Candidate::Split { sentence, .. } | Candidate::Active { sentence, .. } => quoted.insert(*sentence),
            Candidate::Replace { .. } => true,
        });
        candidates.truncate(MAX_ADVICE);
        candidates
            .into_iter()
            .map(|(candidate, effect)| {
                let change = match candidate {
                    Candidate::Split { sentence, at } => Change::Split { sentence, text: text(sentence), at },
                    Candidate::Active { sentence, .. } => Change::Active { sentence, text: text(sentence) },
                    Candidate::Replace { terms } => Change::Replace { terms },
                };
                Advice { change, effect }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::readability::{Options, analyse, sentences};

    #[test]
    fn advice_comes_in_order_of_its_effect_and_each_effect_is_what_the_rewrite_scores() {
        let text = "De ouders worden uitgenodigd voor een gesprek over het OPP van hun kind. \
            Wij kijken samen met de ouders en de leerkracht naar wat het kind nodig heeft en \
            we maken daarna een plan met doelen voor de komende periode van zes weken omdat we \
            dan kunnen zien of de hulp werkt.";
        let analysis = analyse(text, &Options::default());
        let advice = &analysis.advice;
        assert!(!advice.is_empty() && advice.len() <= MAX_ADVICE);
        assert!(advice.windows(2).all(|w| w[0].effect >= w[1].effect), "{advice:?}");
        let split = advice.iter().find(|a| matches!(a.change, Change::Split { .. })).expect("a split");
        let Change::Split { sentence, at, .. } = &split.change else { unreachable!() };
        assert_eq!(*sentence, 1);
        assert!(matches!(at.as_deref(), Some("en") | Some("omdat")), "{at:?}");
        // The effect is the score of the text with one sentence more.
        let before = analysis.flesch_douma.unwrap();
        let after = flesch_douma(analysis.sentences + 1, analysis.words, analysis.syllables).unwrap();
        assert!((split.effect - (after - before)).abs() < 1e-9);
        assert!(advice.iter().any(|a| matches!(a.change, Change::Active { sentence: 0, .. })), "{advice:?}");
    }

    #[test]
    fn a_sentence_is_quoted_by_one_piece_of_advice() {
        let long_and_passive = "De ouders worden door de leerkracht en de intern begeleider van de school \
            uitgenodigd voor een gesprek over de hulp die hun kind in de klas krijgt en over de doelen \
            voor de komende periode, zodat iedereen weet wat er gaat gebeuren.";
        let analysis = analyse(long_and_passive, &Options::default());
        let quoting = analysis
            .advice
            .iter()
            .filter(|a| matches!(a.change, Change::Split { sentence: 0, .. } | Change::Active { sentence: 0, .. }))
            .count();
        assert_eq!(quoting, 1, "{:?}", analysis.advice);
        assert_eq!(split_point(&sentences("kort en klein.")[0], &["kort", "en", "klein"]), None);
    }
}
