//! Sentences and words in Dutch text as schools write it: abbreviations with
//! dots (o.a., bijv., m.b.t.), numbers (1.250, 2,5), bullet lists, headings,
//! and text pasted from a PDF with line breaks in the middle of sentences.

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
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    !digits.is_empty()
        && digits.len() <= 2
        && t[digits.len()..].starts_with(['.', ')'])
        && t[digits.len() + 1..].starts_with(' ')
}

fn strip_bullet(line: &str) -> &str {
    let t = line.trim_start();
    if let Some(rest) = t.strip_prefix(['-', '•', '*', '–', '—', '·', '▪', '◦']) {
        return rest.trim_start();
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && is_bullet(t) { t[digits + 1..].trim_start() } else { t }
}

/// Paragraph-like blocks: paragraphs (joined across stray line breaks), list
/// items and headings each make their own block.
fn blocks(text: &str) -> Vec<String> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n").replace('\u{00AD}', "");
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let lines: Vec<&str> = text.lines().collect();
    for (i, raw) in lines.iter().enumerate() {
        let line = raw.trim();
        let next_blank = lines.get(i + 1).is_none_or(|l| l.trim().is_empty());
        if line.is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        if is_bullet(line) {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            current.push_str(strip_bullet(line));
            continue;
        }
        // A short line without closing punctuation before a blank line (or
        // followed by text, while nothing runs on into it) is a heading.
        let ends_open = !line.ends_with(['.', '!', '?', ':', ';', ',']);
        let heading = current.is_empty() && ends_open && line.split_whitespace().count() <= 8 && next_blank;
        if heading {
            out.push(line.to_owned());
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
        out.push(current);
    }
    out
}

fn is_abbreviation(token: &str) -> bool {
    let lower = token.trim_start_matches(['(', '"', '\'', '‘', '“']).to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
        // Initials: "J." in "J. de Vries"; single letters with a dot.
        || (lower.chars().count() == 2 && lower.ends_with('.') && lower.starts_with(char::is_alphabetic))
        // Letter-dot sequences such as "a.u.b." that the list lacks.
        || (lower.len() >= 4 && lower.split('.').filter(|p| !p.is_empty()).all(|p| p.chars().count() == 1))
}

/// The word in a token: letters, digits and inner hyphens or apostrophes.
fn word_of(token: &str) -> Option<String> {
    let trimmed = token.trim_matches(|c: char| !c.is_alphanumeric());
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

/// The sentences of a text, each with its words.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    for block in blocks(text) {
        let tokens: Vec<&str> = block.split_whitespace().collect();
        let mut start = 0;
        for (i, token) in tokens.iter().enumerate() {
            let closing = token.trim_end_matches(['"', '\'', ')', '’', '”']);
            let ends = closing.ends_with(['.', '!', '?']) || closing.ends_with('…');
            if !ends || (closing.ends_with('.') && is_abbreviation(closing)) {
                continue;
            }
            // The next word must look like a new sentence: a capital, a digit or a quote.
            let next_starts = tokens.get(i + 1).is_none_or(|n| {
                n.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "\"'‘“(".contains(c))
            });
            if next_starts {
                push(&mut out, &tokens[start..=i]);
                start = i + 1;
            }
        }
        if start < tokens.len() {
            push(&mut out, &tokens[start..]);
        }
    }
    out
}

fn push(out: &mut Vec<Sentence>, tokens: &[&str]) {
    let words: Vec<String> = tokens.iter().filter_map(|t| word_of(t)).collect();
    if !words.is_empty() {
        out.push(Sentence { text: tokens.join(" "), words });
    }
}
