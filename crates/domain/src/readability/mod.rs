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
mod word;

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
    let mut reading = Reading::new(options, speller, own);
    // The words of a sentence in lower case: those with a capital in one buffer, the others as written.
    let mut buffer = String::new();
    let mut spans: Vec<Option<std::ops::Range<usize>>> = Vec::new();
    let mut lower_store: Vec<&'static str> = Vec::new();
    let mut infos: Vec<word::WordInfo> = Vec::new();
    segment::each_sentence(text, |tokens, words| {
        buffer.clear();
        spans.clear();
        for word in words {
            if word.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
                spans.push(None);
            } else {
                let start = buffer.len();
                buffer.extend(word.chars().flat_map(char::to_lowercase));
                spans.push(Some(start..buffer.len()));
            }
        }
        let mut lower = recycle(std::mem::take(&mut lower_store));
        lower.extend(words.iter().zip(&spans).map(|(word, span)| match span {
            Some(range) => &buffer[range.clone()],
            None => *word,
        }));
        infos.clear();
        infos.extend(lower.iter().map(|low| word::info(low)));
        reading.sentence(tokens, words, &lower, &infos);
        lower_store = recycle(lower);
    });
    reading.finish()
}

/// An empty vector of string slices with the allocation of `v`, for slices
/// that live shorter or longer (no allocation per sentence).
fn recycle<'b>(mut v: Vec<&str>) -> Vec<&'b str> {
    v.clear();
    v.into_iter().map(|_| "").collect()
}

/// The analysis of one text, read sentence by sentence in one pass: what a
/// hint needs of a sentence is kept, the sentence itself is not.
struct Reading<'a> {
    options: &'a Options,
    sentences: usize,
    words: usize,
    syllables: usize,
    long_sentences: Vec<SentenceHint>,
    passive_sentences: Vec<SentenceHint>,
    /// The long words and nominalisations, each once, in order of first appearance.
    long_words: Vec<String>,
    nominalisations: Vec<String>,
    listed: rustc_hash::FxHashSet<Box<str>>,
    jargon: jargon::Finder<'a>,
    rare: rare::RareWords,
    adviser: advice::Adviser,
    misspelled: Option<checks::Misspelled<'a>>,
}

impl<'a> Reading<'a> {
    fn new(options: &'a Options, speller: Option<&'a dyn Speller>, own: &'a Glossary) -> Reading<'a> {
        Reading {
            options,
            sentences: 0,
            words: 0,
            syllables: 0,
            long_sentences: Vec::new(),
            passive_sentences: Vec::new(),
            long_words: Vec::new(),
            nominalisations: Vec::new(),
            listed: Default::default(),
            // Own terms are searched first, when there are any.
            jargon: jargon::Finder::new((!own.is_empty()).then_some(own)),
            rare: Default::default(),
            adviser: Default::default(),
            misspelled: speller.map(checks::Misspelled::new),
        }
    }

    /// One sentence: its tokens (joined by spaces they are its text), its words
    /// as written and in lower case, and what is known of each word.
    fn sentence(&mut self, tokens: &[&str], words: &[&str], lower: &[&str], infos: &[word::WordInfo]) {
        let index = self.sentences;
        self.sentences += 1;
        self.words += words.len();
        self.syllables += infos.iter().map(|info| info.syllables).sum::<usize>();
        let hint = || SentenceHint { index, text: tokens.join(" "), words: words.len() };
        let long = words.len() > self.options.max_sentence_words;
        if long {
            self.long_sentences.push(hint());
        }
        let passive = checks::is_passive(infos.len(), |i| infos[i].auxiliary, |i| infos[i].participle);
        if passive {
            self.passive_sentences.push(hint());
        }
        for (low, info) in lower.iter().zip(infos) {
            let is_long = info.letters > self.options.max_word_letters;
            if (is_long || info.nominalisation) && !self.listed.contains(*low) {
                self.listed.insert((*low).into());
                if is_long {
                    self.long_words.push((*low).to_owned());
                }
                if info.nominalisation {
                    self.nominalisations.push((*low).to_owned());
                }
            }
        }
        self.jargon.sentence(tokens, words, lower, |i| infos[i].jargon);
        self.rare.sentence(words, lower, |i| infos[i].rare);
        self.adviser.sentence(index, tokens, lower, long, passive);
        if let Some(misspelled) = &mut self.misspelled {
            misspelled.sentence(words);
        }
    }

    fn finish(self) -> Analysis {
        let (sentence_count, word_count, syllable_count) = (self.sentences, self.words, self.syllables);
        let score = flesch_douma(sentence_count, word_count, syllable_count);
        let jargon = self.jargon.finish();
        // The words already hinted at as jargon are not also called rare.
        let jargon_words: rustc_hash::FxHashSet<String> =
            jargon.iter().flat_map(|j| j.forms.iter().flat_map(|f| f.split_whitespace().map(str::to_owned))).collect();
        // Advice quotes a long or passive sentence: its text is in the hints.
        let (long_sentences, passive_sentences) = (self.long_sentences, self.passive_sentences);
        let text_of = |index: usize| {
            [&long_sentences, &passive_sentences]
                .iter()
                .find_map(|hints| hints.binary_search_by_key(&index, |h| h.index).ok().map(|at| hints[at].text.clone()))
                .unwrap_or_default()
        };
        let advice = self.adviser.finish(sentence_count, word_count, syllable_count, &jargon, text_of);
        Analysis {
            advice,
            rare_words: self.rare.finish(&jargon_words),
            sentences: sentence_count,
            words: word_count,
            syllables: syllable_count,
            flesch_douma: score,
            band: score.map(Band::of),
            words_per_sentence: if sentence_count == 0 { 0.0 } else { word_count as f64 / sentence_count as f64 },
            syllables_per_word: if word_count == 0 { 0.0 } else { syllable_count as f64 / word_count as f64 },
            long_sentences,
            long_words: self.long_words,
            passive_sentences,
            nominalisations: self.nominalisations,
            jargon,
            misspelled: self.misspelled.map(checks::Misspelled::finish),
        }
    }
}

#[cfg(test)]
mod golden;
#[cfg(test)]
mod test_set;
#[cfg(test)]
mod tests;
