//! Plain-language analysis of Dutch text: sentences and words as schools
//! write them, syllables from Dutch hyphenation patterns, the Flesch-Douma
//! score and its band, and concrete hints (long sentences and words, passive
//! voice, nominalisations, jargon with a plain alternative). No IO.

mod advice;
mod checks;
mod jargon;
mod memo;
mod own_terms;
mod rare;
mod score;
mod segment;
mod syllables;

use rustc_hash::FxHashMap as HashMap;

use serde::Serialize;

pub use advice::{Advice, Change, MAX_ADVICE};
pub use jargon::{EXPLAIN_ABBREVIATION, Glossary, JargonKind, JargonTerm, jargon_terms};
pub use own_terms::{MAX_PLAIN_CHARS, MAX_TERM_CHARS, check_own_term};
pub use rare::{is_frequent, splits_into_frequent};
pub use score::{Band, flesch_douma};
pub use segment::{Sentence, sentences};
pub use syllables::syllables;

/// What a writer may tune.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// A sentence with more words is long.
    pub max_sentence_words: usize,
    /// A word with more letters is long.
    pub max_word_letters: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { max_sentence_words: 20, max_word_letters: 14 }
    }
}

/// A sentence a hint is about.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SentenceHint {
    /// 0-based position among the text's sentences.
    pub index: usize,
    pub text: String,
    pub words: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JargonHit {
    pub term: String,
    pub suggestion: String,
    pub count: usize,
    /// The forms the text uses, in lower case, in order of appearance (*interne begeleiders*).
    pub forms: Vec<String>,
    pub kind: JargonKind,
    /// Whether the term comes from the platform's or the SWV's own list.
    pub own: bool,
    /// For a compound: the term inside it (*arrangement* in *zorgarrangement*).
    pub part: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    pub sentences: usize,
    pub words: usize,
    pub syllables: usize,
    /// `None` for a text without words.
    pub flesch_douma: Option<f64>,
    pub band: Option<Band>,
    pub words_per_sentence: f64,
    pub syllables_per_word: f64,
    pub long_sentences: Vec<SentenceHint>,
    pub long_words: Vec<String>,
    pub passive_sentences: Vec<SentenceHint>,
    pub nominalisations: Vec<String>,
    pub jargon: Vec<JargonHit>,
    /// Words outside the 30,000 most frequent Dutch words, in order of appearance.
    pub rare_words: Vec<String>,
    /// Words the Dutch dictionary does not know; `None` when no dictionary was given.
    pub misspelled: Option<Vec<String>>,
    /// The few changes that would raise the score most, largest effect first.
    pub advice: Vec<Advice>,
}

/// Tells whether a word is spelled right (a Hunspell dictionary, say).
pub trait Speller {
    fn knows(&self, word: &str) -> bool;
}

/// Texts of fewer words are not scored or ranked: a one-word answer ("basisschool")
/// has a Flesch-Douma score (−25) that says nothing about how it reads.
pub const MIN_SCORED_WORDS: usize = 3;

/// Whether a text is long enough for its score to mean something.
/// A single list item ("- Jenaplan met extra zorg") is a label, not prose: not scored either.
pub fn worth_scoring(text: &str) -> bool {
    let words = text.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count();
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let single_item = match (lines.next(), lines.next()) {
        (Some(only), None) => segment::is_bullet(only),
        _ => false,
    };
    words >= MIN_SCORED_WORDS && !single_item
}

/// Every word of the sentences in lower case, in one buffer: a whole
/// profile has millions of words, and one allocation each cost more than the
/// analysis itself.
struct LoweredWords {
    buffer: String,
    /// Per sentence, each word's range in `buffer`.
    ranges: Vec<Vec<std::ops::Range<usize>>>,
}

impl LoweredWords {
    fn of(sentences: &[Sentence]) -> LoweredWords {
        let mut buffer = String::with_capacity(sentences.iter().map(|s| s.text.len()).sum());
        let ranges = sentences
            .iter()
            .map(|sentence| {
                sentence
                    .words
                    .iter()
                    .map(|word| {
                        let start = buffer.len();
                        buffer.extend(word.chars().flat_map(char::to_lowercase));
                        start..buffer.len()
                    })
                    .collect()
            })
            .collect();
        LoweredWords { buffer, ranges }
    }

    fn words(&self) -> Vec<Vec<&str>> {
        self.ranges.iter().map(|sentence| sentence.iter().map(|range| &self.buffer[range.clone()]).collect()).collect()
    }
}

/// Analyses a text.
pub fn analyse(text: &str, options: &Options) -> Analysis {
    analyse_with(text, options, None)
}

/// Analyses a text and checks its spelling with `speller`.
pub fn analyse_with(text: &str, options: &Options, speller: Option<&dyn Speller>) -> Analysis {
    analyse_in(text, options, speller, &Glossary::default())
}

/// Analyses a text with the platform's and an SWV's own terms (`own`, found
/// before the built-in list) and, given a speller, its spelling. Every caller
/// (the live hints, the report, the parent version's check, the command line)
/// goes through here, so they all see the same terms.
pub fn analyse_in(text: &str, options: &Options, speller: Option<&dyn Speller>, own: &Glossary) -> Analysis {
    let found = sentences(text);
    // Words are lowered and their syllables counted once: texts repeat words a lot.
    let lowered_text = LoweredWords::of(&found);
    let lowered = lowered_text.words();
    let mut syllable_cache: HashMap<&str, usize> = HashMap::default();
    let mut syllable_count = 0;
    let mut word_count = 0;
    for lower in &lowered {
        for low in lower {
            syllable_count += *syllable_cache.entry(*low).or_insert_with(|| rare::syllables_of_lower(low));
            word_count += 1;
        }
    }
    let sentence_count = found.len();
    let score = flesch_douma(sentence_count, word_count, syllable_count);
    let hint = |index: usize, s: &Sentence| SentenceHint { index, text: s.text.clone(), words: s.words.len() };
    let long_sentences = found
        .iter()
        .enumerate()
        .filter(|(_, s)| s.words.len() > options.max_sentence_words)
        .map(|(i, s)| hint(i, s))
        .collect();
    let passive_sentences = found
        .iter()
        .zip(&lowered)
        .enumerate()
        .filter(|(_, (_, lower))| checks::is_passive(lower))
        .map(|(i, (s, _))| hint(i, s))
        .collect();
    let distinct_words = syllable_cache.keys().copied();
    let mut long_words: Vec<&str> = distinct_words
        .clone()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() > options.max_word_letters)
        .collect();
    let mut nominalisations: Vec<&str> = distinct_words.filter(|w| checks::is_nominalisation(w)).collect();
    // In order of first appearance, so that a report reads like the text.
    if !long_words.is_empty() || !nominalisations.is_empty() {
        let mut order: HashMap<&str, usize> = HashMap::default();
        for (i, word) in lowered.iter().flatten().enumerate() {
            order.entry(*word).or_insert(i);
        }
        long_words.sort_by_key(|w| order.get(w).copied().unwrap_or(usize::MAX));
        nominalisations.sort_by_key(|w| order.get(w).copied().unwrap_or(usize::MAX));
    }
    let glossaries: &[&Glossary] = if own.is_empty() { &[Glossary::built_in()] } else { &[own, Glossary::built_in()] };
    let jargon = jargon::find(&found, &lowered, glossaries);
    // The words already hinted at as jargon are not also called rare.
    let jargon_words: rustc_hash::FxHashSet<String> =
        jargon.iter().flat_map(|j| j.forms.iter().flat_map(|f| f.split_whitespace().map(str::to_owned))).collect();
    let advice = advice::advise(&found, &lowered, syllable_count, &jargon, options.max_sentence_words, |lower| {
        checks::is_passive(lower)
    });
    Analysis {
        advice,
        rare_words: rare::find(&found, &lowered, &jargon_words),
        sentences: sentence_count,
        words: word_count,
        syllables: syllable_count,
        flesch_douma: score,
        band: score.map(Band::of),
        words_per_sentence: if sentence_count == 0 { 0.0 } else { word_count as f64 / sentence_count as f64 },
        syllables_per_word: if word_count == 0 { 0.0 } else { syllable_count as f64 / word_count as f64 },
        long_sentences,
        long_words: long_words.into_iter().map(str::to_owned).collect(),
        passive_sentences,
        nominalisations: nominalisations.into_iter().map(str::to_owned).collect(),
        jargon,
        misspelled: speller.map(|speller| checks::misspelled(&found, speller)),
    }
}

#[cfg(test)]
mod golden;
#[cfg(test)]
mod test_set;
#[cfg(test)]
mod tests;
