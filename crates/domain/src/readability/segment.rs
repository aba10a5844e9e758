//! Sentences and words in Dutch text as schools write it: abbreviations with
//! dots (o.a., bijv., m.b.t.), numbers (1.250, 2,5), bullet lists, headings,
//! and text pasted from a PDF with line breaks in the middle of sentences.

use std::borrow::Cow;

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sentence {
    pub text: String,
    pub words: Vec<String>,
}

/// Abbreviations whose dots do not end a sentence (lower case, with their dots).
const ABBREVIATIONS: &[&str] = &[
    "o.a.", "bijv.", "bv.", "m.b.t.", "z.s.m.", "enz.", "etc.", "d.w.z.", "i.p.v.", "t.a.v.", "e.d.", "nl.", "ca.",
    "dhr.", "mevr.", "mw.", "drs.", "dr.", "prof.", "ir.", "mr.", "jl.", "a.s.", "i.s.m.", "v.a.", "resp.", "incl.",
    "excl.", "evt.", "vgl.", "zgn.", "zg.", "m.n.", "t.z.t.", "i.o.m.", "i.v.m.", "n.a.v.", "o.b.v.", "m.i.v.", "p.w.",
    "blz.", "nr.", "st.", "max.", "min.", "gem.", "t.b.v.", "m.u.v.", "e.v.", "jr.", "sr.", "tel.", "w.o.", "a.d.h.v.",
];

/// Lines that start a list item.
pub(super) fn is_bullet(line: &str) -> bool {
    let t = line.trim_start();
    if t.starts_with(['-', '•', '*', '–', '—', '·', '▪', '◦']) {
        return true;
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && digits <= 2 && t[digits..].starts_with(['.', ')']) && t[digits + 1..].starts_with(' ')
}

fn strip_bullet(line: &str) -> &str {
    let t = line.trim_start();
    if let Some(rest) = t.strip_prefix(['-', '•', '*', '–', '—', '·', '▪', '◦']) {
        return rest.trim_start();
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && is_bullet(t) { t[digits + 1..].trim_start() } else { t }
}

/// Paragraph-like blocks, each given to `emit` in order: paragraphs (joined
/// across stray line breaks), list items and headings each make their own
/// block. One buffer serves every joined block; a heading is the text itself.
fn each_block(text: &str, mut emit: impl FnMut(&str)) {
    let text: Cow<'_, str> = if text.contains(['\r', '\u{00AD}']) {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n").replace('\u{00AD}', ""))
    } else {
        Cow::Borrowed(text)
    };
    let mut current = String::new();
    let mut lines = text.lines().peekable();
    while let Some(raw) = lines.next() {
        let line = raw.trim();
        let next_blank = lines.peek().is_none_or(|l| l.trim().is_empty());
        if line.is_empty() {
            if !current.is_empty() {
                emit(&current);
                current.clear();
            }
            continue;
        }
        if is_bullet(line) {
            if !current.is_empty() {
                emit(&current);
                current.clear();
            }
            current.push_str(strip_bullet(line));
            continue;
        }
        // A short line without closing punctuation before a blank line (or
        // followed by text, while nothing runs on into it) is a heading.
        let ends_open = !line.ends_with(['.', '!', '?', ':', ';', ',']);
        let heading = current.is_empty() && ends_open && line.split_whitespace().nth(8).is_none() && next_blank;
        if heading {
            emit(line);
            continue;
        }
        if !current.is_empty() {
            // A word broken with a hyphen at the end of a PDF line joins up.
            if current.ends_with('-') && line.starts_with(char::is_lowercase) {
                current.pop();
            } else {
                current.push(' ');
            }
        }
        current.push_str(line);
    }
    if !current.is_empty() {
        emit(&current);
    }
}

fn is_abbreviation(token: &str) -> bool {
    let token = token.trim_start_matches(['(', '"', '\'', '‘', '“']);
    // Most tokens are lower-case ASCII already: no copy for them.
    let lower: Cow<'_, str> = if token.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(token)
    } else {
        Cow::Owned(token.to_lowercase())
    };
    ABBREVIATIONS.contains(&lower.as_ref())
        // Initials: "J." in "J. de Vries"; single letters with a dot.
        || (lower.chars().count() == 2 && lower.ends_with('.') && lower.starts_with(char::is_alphabetic))
        // Letter-dot sequences such as "a.u.b." that the list lacks.
        || (lower.len() >= 4 && lower.split('.').filter(|p| !p.is_empty()).all(|p| p.chars().count() == 1))
}

/// The word in a token: letters, digits and inner hyphens or apostrophes.
fn word_of(token: &str) -> Option<&str> {
    let trimmed = token.trim_matches(|c: char| !c.is_alphanumeric());
    (!trimmed.is_empty()).then_some(trimmed)
}

/// The sentences of a text, each with its words.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    each_sentence(text, |tokens, words| {
        out.push(Sentence { text: tokens.join(" "), words: words.iter().map(|w| (*w).to_owned()).collect() });
    });
    out
}

/// Gives `each` the sentences of a text in order, each as its tokens (as
/// written, split at white space; joined by spaces they are the sentence's
/// text) and its words (slices of the tokens), without a copy of either: the
/// analysis of a whole profile reads millions of words, and one allocation
/// each cost more than the analysis itself. A sentence has at least one word.
pub(super) fn each_sentence(text: &str, mut each: impl FnMut(&[&str], &[&str])) {
    each_block(text, |block| block_sentences(block, &mut each));
}

fn block_sentences<'b>(block: &'b str, each: &mut impl FnMut(&[&str], &[&str])) {
    let tokens: Vec<&'b str> = block.split_whitespace().collect();
    let mut words: Vec<&'b str> = Vec::new();
    let mut sentence = |tokens: &[&'b str]| {
        words.clear();
        words.extend(tokens.iter().filter_map(|t| word_of(t)));
        if !words.is_empty() {
            each(tokens, &words);
        }
    };
    let mut start = 0;
    for (i, token) in tokens.iter().enumerate() {
        let closing = token.trim_end_matches(['"', '\'', ')', '’', '”']);
        let ends = closing.ends_with(['.', '!', '?']) || closing.ends_with('…');
        if !ends || (closing.ends_with('.') && is_abbreviation(closing)) {
            continue;
        }
        // The next word must look like a new sentence: a capital, a digit or a quote.
        let next_starts = tokens
            .get(i + 1)
            .is_none_or(|n| n.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "\"'‘“(".contains(c)));
        if next_starts {
            sentence(&tokens[start..=i]);
            start = i + 1;
        }
    }
    if start < tokens.len() {
        sentence(&tokens[start..]);
    }
}
