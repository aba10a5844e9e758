//! Jargon of passend onderwijs and its plain alternatives (`jargon.tsv`, and
//! the platform's and an SWV's own lists), found by form: inflections and
//! spelling variants (*interne begeleiders*, *IB'er*, *ib-ers*), compounds
//! with a term as a part (*zorgarrangement*, *ondersteuningsteam*), and
//! abbreviations a text does not explain (*LOVS*).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::sync::OnceLock;

use serde::Serialize;

use super::JargonHit;
use super::rare::is_frequent;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JargonTerm {
    pub term: &'static str,
    pub suggestion: &'static str,
}

const SOURCE: &str = include_str!("jargon.tsv");

/// What an abbreviation hint advises.
pub const EXPLAIN_ABBREVIATION: &str = "afkorting: leg uit";

/// Abbreviations every Dutch adult knows: not jargon.
const KNOWN_ABBREVIATIONS: &[&str] = &[
    "ICT", "PDF", "AVG", "BSO", "HAVO", "VWO", "VMBO", "MBO", "HBO", "WO", "EU", "NL", "DVD", "SMS", "APP", "WC",
    "EHBO", "BHV", "KNMI", "ANWB", "NS", "OV", "BSN", "BTW", "CEO", "DNA", "PC", "TV", "WIFI", "URL",
];

/// How a hint was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum JargonKind {
    /// A term of a list, in one of its forms.
    Term,
    /// A compound with a term as one of its parts.
    Compound,
    /// Capitals the text does not explain.
    Abbreviation,
}

/// The built-in list.
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

#[derive(Debug, Clone)]
struct Entry {
    term: String,
    suggestion: String,
    own: bool,
}

/// A list of terms with plain alternatives, indexed for finding them by form.
/// The built-in list is one; the platform's and each SWV's own words make others.
#[derive(Debug, Clone, Default)]
pub struct Glossary {
    entries: Vec<Entry>,
    /// Each entry's term folded, found once rather than at every compound tried.
    folded_terms: Vec<String>,
    /// Acronyms (*OPP*, *NT2*), matched as written.
    acronyms: HashMap<String, usize>,
    /// Other terms by their first word, folded (lower case, without hyphens
    /// and apostrophes): each with all its folded words.
    words: HashMap<String, Vec<(Vec<String>, usize)>>,
    /// One-word terms of six letters or more, for compounds, by their last
    /// and by their first four letters.
    heads: HashMap<String, Vec<usize>>,
    modifiers: HashMap<String, Vec<usize>>,
    /// Parts that make jargon only in compounds (`ondersteunings-`): the
    /// suggestion says `{rest}` for the compound's other part.
    prefixes: Vec<(String, usize)>,
}

/// Lower case without hyphens and apostrophes: *IB'er*, *IB-er* and *iber* are one word.
fn fold(word: &str) -> Cow<'_, str> {
    if word.chars().any(|c| c.is_uppercase() || matches!(c, '-' | '\'' | '’')) {
        Cow::Owned(word.chars().filter(|c| !matches!(c, '-' | '\'' | '’')).flat_map(char::to_lowercase).collect())
    } else {
        Cow::Borrowed(word)
    }
}

fn is_acronym(term: &str) -> bool {
    let n = term.chars().count();
    (2..=6).contains(&n)
        && term.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
        && term.chars().filter(|c| c.is_uppercase()).count() >= 2
}

fn first_letters(word: &str, n: usize) -> Option<&str> {
    word.char_indices().nth(n).map(|(i, _)| &word[..i]).or((word.chars().count() == n).then_some(word))
}

fn last_letters(word: &str, n: usize) -> Option<&str> {
    let count = word.chars().count();
    (count >= n).then(|| &word[word.char_indices().nth(count - n).map_or(0, |(i, _)| i)..])
}

impl Glossary {
    /// A glossary of own terms (the platform's or an SWV's): `(term, plain alternative)`.
    pub fn own<I, S, T>(terms: I) -> Glossary
    where
        I: IntoIterator<Item = (S, T)>,
        S: Into<String>,
        T: Into<String>,
    {
        Glossary::of(terms.into_iter().map(|(t, s)| Entry { term: t.into(), suggestion: s.into(), own: true }))
    }

    /// The built-in list (`jargon.tsv`).
    pub fn built_in() -> &'static Glossary {
        static BUILT_IN: OnceLock<Glossary> = OnceLock::new();
        BUILT_IN.get_or_init(|| {
            Glossary::of(jargon_terms().iter().map(|t| Entry {
                term: t.term.to_owned(),
                suggestion: t.suggestion.to_owned(),
                own: false,
            }))
        })
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn of(entries: impl Iterator<Item = Entry>) -> Glossary {
        let mut g = Glossary::default();
        for entry in entries {
            let term = entry.term.trim();
            if term.is_empty() {
                continue;
            }
            let id = g.entries.len();
            if let Some(prefix) = term.strip_suffix('-').filter(|p| !p.contains(' ') && p.chars().count() >= 4) {
                g.prefixes.push((fold(prefix).into_owned(), id));
            } else if is_acronym(term) {
                g.acronyms.insert(term.to_owned(), id);
            } else {
                let parts: Vec<String> = term
                    .split_whitespace()
                    .map(|p| fold(p.trim_matches(|c: char| !c.is_alphanumeric())).into_owned())
                    .filter(|p| !p.is_empty())
                    .collect();
                let Some(first) = parts.first().cloned() else { continue };
                if parts.len() == 1 && first.chars().count() >= 6 {
                    if let Some(last) = last_letters(&first, 4) {
                        g.heads.entry(last.to_owned()).or_default().push(id);
                    }
                    if let Some(start) = first_letters(&first, 4) {
                        g.modifiers.entry(start.to_owned()).or_default().push(id);
                    }
                }
                g.words.entry(first).or_default().push((parts, id));
            }
            g.folded_terms.push(fold(term).into_owned());
            g.entries.push(Entry { term: term.to_owned(), ..entry });
        }
        g
    }

    fn folded_term(&self, id: usize) -> &str {
        &self.folded_terms[id]
    }
}

/// The forms a folded word may stand for, the word itself first: without a
/// plural or inflection ending (*arrangement-en*, *interne*, *ib'er-s*), with
/// a doubled consonant undone (*groepsplann-en*), *v*/*z* back to *f*/*s*
/// (*curatiev-e*), and verbs in *-eren* from their other forms (*gearrangeerd*).
/// `found` is called on each until it says yes.
fn each_base(word: &str, found: &mut dyn FnMut(&str) -> bool) -> bool {
    if found(word) {
        return true;
    }
    let long_enough = |base: &str| base.chars().count() >= 6 || (base.ends_with("er") && base.chars().count() >= 4);
    for ending in ["en", "s", "e", "n", "'s"] {
        let Some(base) = word.strip_suffix(ending).filter(|b| long_enough(b)) else { continue };
        if found(base) {
            return true;
        }
        if ending == "en" || ending == "e" {
            let mut chars = base.chars().rev();
            let (last, before) = (chars.next(), chars.next());
            if last.is_some() && last == before && last.is_some_and(|c| !"aeiou".contains(c)) {
                let undoubled = &base[..base.len() - last.map_or(0, char::len_utf8)];
                if found(undoubled) {
                    return true;
                }
            }
            for (from, to) in [('v', "f"), ('z', "s")] {
                if let Some(stem) = base.strip_suffix(from)
                    && found(&format!("{stem}{to}"))
                {
                    return true;
                }
            }
        }
    }
    let verb = word.strip_prefix("ge").unwrap_or(word);
    for ending in ["eert", "eerd", "eerde", "eerden"] {
        if let Some(stem) = verb.strip_suffix(ending).filter(|s| s.chars().count() >= 4)
            && found(&format!("{stem}eren"))
        {
            return true;
        }
    }
    false
}

fn same(word: &str, part: &str) -> bool {
    each_base(word, &mut |base| base == part)
}

/// A hit before it is counted: which glossary and entry (or an abbreviation),
/// how, and the compound's part; borrowed from the glossary or the text until
/// it is counted for the first time.
struct Found<'a> {
    key: Cow<'a, str>,
    term: Cow<'a, str>,
    suggestion: Cow<'a, str>,
    kind: JargonKind,
    own: bool,
    part: Option<Cow<'a, str>>,
}

/// What the built-in list knows of a word in lower case, worked out once per
/// word (`super::word`): whether a term may start with it (one of its forms is
/// a term's first word) and whether it is a compound with a term as a part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct WordFacts {
    pub term_start: bool,
    pub compound: bool,
}

impl WordFacts {
    /// Nothing known: every way of finding a term is tried (for own lists).
    const UNKNOWN: WordFacts = WordFacts { term_start: true, compound: true };
}

impl Glossary {
    fn term_hit(&self, id: usize) -> Found<'_> {
        let e = &self.entries[id];
        Found {
            key: Cow::Borrowed(&e.term),
            term: Cow::Borrowed(&e.term),
            suggestion: Cow::Borrowed(&e.suggestion),
            kind: JargonKind::Term,
            own: e.own,
            part: None,
        }
    }

    fn compound_hit(&self, id: usize, word: &str, rest: &str) -> Found<'_> {
        let e = &self.entries[id];
        Found {
            key: Cow::Owned(word.to_owned()),
            term: Cow::Owned(word.to_owned()),
            suggestion: Cow::Owned(e.suggestion.replace("{rest}", rest)),
            kind: JargonKind::Compound,
            own: e.own,
            part: Some(Cow::Borrowed(e.term.trim_end_matches('-'))),
        }
    }

    /// What this list knows of a word in lower case (see [`WordFacts`]).
    pub(super) fn facts(&self, lower: &str) -> WordFacts {
        let folded = fold(lower);
        WordFacts {
            term_start: each_base(&folded, &mut |base| self.words.contains_key(base)),
            compound: self.compound(&folded).is_some(),
        }
    }

    /// A term starting at `words[i]`: how many words it spans and the hit.
    /// `capitals`: whether the word has two capitals or more (an acronym
    /// needs them); `facts`: what is known of the word in lower case.
    fn term_at(
        &self,
        words: &[&str],
        lower: &[&str],
        i: usize,
        capitals: bool,
        facts: WordFacts,
    ) -> Option<(usize, Found<'_>)> {
        let word = words[i];
        // Acronyms as written, also with 's or as a part of a hyphenated word (OPP-gesprek).
        if capitals {
            let acronym =
                self.acronyms.get(word).or_else(|| word.strip_suffix("'s").and_then(|w| self.acronyms.get(w)));
            let acronym = acronym.or_else(|| {
                word.contains('-').then(|| word.split('-').find_map(|part| self.acronyms.get(part))).flatten()
            });
            if let Some(&id) = acronym {
                return Some((1, self.term_hit(id)));
            }
        }
        if !facts.term_start && !facts.compound {
            return None;
        }
        let folded = fold(lower[i]);
        if facts.term_start {
            let mut best: Option<(usize, usize)> = None;
            each_base(&folded, &mut |base| {
                for (parts, id) in self.words.get(base).into_iter().flatten() {
                    let fits = parts.len() <= lower.len() - i
                        && parts.iter().enumerate().skip(1).all(|(k, part)| same(&fold(lower[i + k]), part));
                    if fits && best.is_none_or(|(len, _)| parts.len() > len) {
                        best = Some((parts.len(), *id));
                    }
                }
                best.is_some()
            });
            if let Some((len, id)) = best {
                return Some((len, self.term_hit(id)));
            }
        }
        if facts.compound { self.compound(&folded).map(|f| (1, f)) } else { None }
    }

    /// A compound with a one-word term as its head (*zorg+arrangement*) or
    /// first part (*arrangement+s+aanvraag*, the rest a frequent word), or
    /// with a compound-only part (*ondersteunings+team*).
    fn compound(&self, folded: &str) -> Option<Found<'_>> {
        // An everyday word (in the frequency list) is no jargon, whatever it is made of.
        if folded.chars().count() < 8 || !folded.chars().all(char::is_alphabetic) || is_frequent(folded) {
            return None;
        }
        for (prefix, id) in &self.prefixes {
            if let Some(rest) = folded.strip_prefix(prefix.as_str())
                && rest.chars().count() >= 3
                && is_frequent(rest)
            {
                return Some(self.compound_hit(*id, folded, rest));
            }
        }
        let mut head = None;
        each_base(folded, &mut |base| {
            let Some(last) = last_letters(base, 4) else { return false };
            head = self.heads.get(last).into_iter().flatten().find_map(|&id| {
                let term = self.folded_term(id);
                base.strip_suffix(term).filter(|modifier| modifier.chars().count() >= 3).map(|_| id)
            });
            head.is_some()
        });
        if let Some(id) = head {
            return Some(self.compound_hit(id, folded, ""));
        }
        let start = first_letters(folded, 4)?;
        self.modifiers.get(start).into_iter().flatten().find_map(|&id| {
            let term = self.folded_term(id);
            let rest = folded.strip_prefix(term)?;
            let rest =
                ["s", "e", "en"].iter().find_map(|l| rest.strip_prefix(l).filter(|r| is_frequent(r))).or(Some(rest));
            rest.filter(|r| r.chars().count() >= 3 && is_frequent(r)).map(|r| self.compound_hit(id, folded, r))
        })
    }
}

/// An abbreviation: 2–6 capitals (a digit may follow the first two), read as
/// written, not a word in capitals (a heading), not known to every adult.
fn abbreviation(word: &str) -> bool {
    // The cheapest test first: most words start in lower case.
    word.chars().take(2).all(|c| c.is_ascii_uppercase())
        && (2..=6).contains(&word.chars().filter(char::is_ascii_alphabetic).count())
        && word.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && !KNOWN_ABBREVIATIONS.contains(&word)
        && !word.chars().all(|c| "IVXLC".contains(c))
        && !is_frequent(&word.to_lowercase())
}

/// The abbreviations a sentence explains: *LOVS (leerlingvolgsysteem)* and
/// *leerlingvolgsysteem (LOVS)*. `tokens`: the sentence split at white space.
fn explained_in(tokens: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        let bare = token.trim_matches(|c: char| !c.is_alphanumeric());
        if !abbreviation(bare) {
            continue;
        }
        let inside_brackets = token.starts_with('(') && i > 0;
        let before_brackets =
            tokens.get(i + 1).is_some_and(|next| next.starts_with('(')) && !token.ends_with(['.', ',']);
        if inside_brackets || before_brackets {
            out.push(bare.to_owned());
        }
    }
    out
}

/// Whether a word has two capitals or more (an acronym and an abbreviation need them).
pub(super) fn has_two_capitals(word: &str) -> bool {
    word.chars().filter(|c| c.is_uppercase()).nth(1).is_some()
}

/// The jargon in a text, sentence by sentence: the terms of the glossaries
/// (the first that knows a word wins: own lists before the built-in one),
/// then unexplained abbreviations.
pub(super) struct Finder<'g> {
    /// The platform's and an SWV's own terms, when there are any.
    own: Option<&'g Glossary>,
    hits: Vec<JargonHit>,
    by_key: HashMap<String, usize>,
    explained: HashSet<String>,
    /// The form being counted, in one buffer.
    form: String,
}

impl<'g> Finder<'g> {
    pub(super) fn new(own: Option<&'g Glossary>) -> Finder<'g> {
        Finder { own, hits: Vec::new(), by_key: HashMap::default(), explained: HashSet::default(), form: String::new() }
    }

    /// One sentence: its tokens, its words as written and in lower case, and
    /// what the built-in list knows of each word (`facts(i)`, in lower case).
    pub(super) fn sentence(
        &mut self,
        tokens: &[&str],
        words: &[&str],
        lower: &[&str],
        facts: impl Fn(usize) -> WordFacts,
    ) {
        self.explained.extend(explained_in(tokens));
        let built_in = Glossary::built_in();
        // Whether no word has a lower-case letter (a heading in capitals), worked out when needed.
        let mut all_capitals: Option<bool> = None;
        let mut i = 0;
        while i < words.len() {
            let word = words[i];
            let capitals = has_two_capitals(word);
            let found = self
                .own
                .and_then(|own| own.term_at(words, lower, i, capitals, WordFacts::UNKNOWN))
                .or_else(|| built_in.term_at(words, lower, i, capitals, facts(i)));
            if let Some((len, found)) = found {
                self.count(found, &lower[i..i + len]);
                i += len;
                continue;
            }
            // An abbreviation starts with two capitals.
            let unexplained = if capitals {
                word.split('-').find(|part| abbreviation(part) && !self.explained.contains(*part)).filter(|_| {
                    !*all_capitals.get_or_insert_with(|| words.iter().all(|w| !w.chars().any(char::is_lowercase)))
                        || words.len() == 1
                })
            } else {
                None
            };
            if let Some(abbr) = unexplained {
                let found = Found {
                    key: Cow::Borrowed(abbr),
                    term: Cow::Borrowed(abbr),
                    suggestion: Cow::Borrowed(EXPLAIN_ABBREVIATION),
                    kind: JargonKind::Abbreviation,
                    own: false,
                    part: None,
                };
                self.count(found, &lower[i..=i]);
            }
            i += 1;
        }
    }

    /// Counts a hit in `form` (its words in lower case).
    fn count(&mut self, found: Found<'_>, form: &[&str]) {
        let at = match self.by_key.get(found.key.as_ref()) {
            Some(&at) => at,
            None => {
                self.hits.push(JargonHit {
                    term: found.term.into_owned(),
                    suggestion: found.suggestion.into_owned(),
                    count: 0,
                    forms: Vec::new(),
                    kind: found.kind,
                    own: found.own,
                    part: found.part.map(Cow::into_owned),
                });
                self.by_key.insert(found.key.into_owned(), self.hits.len() - 1);
                self.hits.len() - 1
            }
        };
        let hit = &mut self.hits[at];
        hit.count += 1;
        self.form.clear();
        for (k, word) in form.iter().enumerate() {
            if k > 0 {
                self.form.push(' ');
            }
            self.form.push_str(word);
        }
        if !hit.forms.contains(&self.form) {
            hit.forms.push(self.form.clone());
        }
    }

    /// The jargon found, most frequent first.
    pub(super) fn finish(mut self) -> Vec<JargonHit> {
        self.hits.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.term.cmp(&b.term)));
        self.hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::readability::{Options, analyse};

    fn terms(text: &str) -> Vec<(String, Vec<String>)> {
        analyse(text, &Options::default()).jargon.into_iter().map(|j| (j.term, j.forms)).collect()
    }

    fn finds(text: &str, term: &str) -> bool {
        terms(text).iter().any(|(t, _)| t == term)
    }

    #[test]
    fn inflections_and_spelling_variants_match_their_term() {
        for text in
            ["De interne begeleider belt u.", "Onze interne begeleiders bellen u.", "De intern begeleider belt."]
        {
            assert!(finds(text, "intern begeleider"), "{text}: {:?}", terms(text));
        }
        for text in ["Wij bieden een arrangement.", "Wij bieden arrangementen."] {
            assert!(finds(text, "arrangement"), "{text}");
        }
        for text in ["De IB-er belt.", "De IB'er belt.", "Onze ib'ers bellen.", "De IBer belt.", "De ib-ers bellen."] {
            assert!(finds(text, "IB-er"), "{text}: {:?}", terms(text));
        }
        assert!(finds("We maken groepsplannen voor elke groep.", "groepsplan"));
        assert!(finds("We geven ook licht curatieve hulp.", "curatief"));
        assert!(finds("Uw kind heeft een OPP-gesprek en twee OPP's.", "OPP"));
    }

    #[test]
    fn compounds_with_a_term_as_a_part_are_jargon() {
        let found = analyse("Het zorgarrangement en de arrangementsaanvraag volgen.", &Options::default()).jargon;
        let compounds: Vec<(&str, Option<&str>)> = found.iter().map(|j| (j.term.as_str(), j.part.as_deref())).collect();
        assert!(compounds.contains(&("zorgarrangement", Some("arrangement"))), "{compounds:?}");
        assert!(compounds.contains(&("arrangementsaanvraag", Some("arrangement"))), "{compounds:?}");
        assert!(found.iter().all(|j| j.kind == JargonKind::Compound));
        let team = analyse("Wij bespreken dit in het ondersteuningsteam.", &Options::default()).jargon;
        assert_eq!(team[0].term, "ondersteuningsteam");
        assert_eq!(team[0].suggestion, "team voor de extra hulp");
        assert!(finds("De ondersteuningscoördinator helpt.", "ondersteuningscoördinator"));
        // A frequent word that starts like a term is no compound.
        assert!(terms("De school heeft een grote tuin en een gymzaal.").is_empty());
    }

    #[test]
    fn unexplained_abbreviations_ask_to_be_explained_once_explained_they_are_not() {
        let found = analyse("De resultaten staan in het LOVS. Het LOVS is online.", &Options::default()).jargon;
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].term.as_str(), found[0].count), ("LOVS", 2));
        assert_eq!(found[0].kind, JargonKind::Abbreviation);
        assert_eq!(found[0].suggestion, EXPLAIN_ABBREVIATION);
        let explained =
            analyse("We gebruiken het LOVS (leerlingvolgsysteem). In het LOVS ziet u de toetsen.", &Options::default());
        assert!(explained.jargon.iter().all(|j| j.term != "LOVS"), "{:?}", explained.jargon);
        let other_way = analyse("Het jeugdteam (JT) komt langs. Het JT helpt.", &Options::default());
        assert!(other_way.jargon.iter().all(|j| j.term != "JT"), "{:?}", other_way.jargon);
        // Known abbreviations, a heading in capitals and Roman numerals are left alone.
        assert!(terms("De BSO en de AVG gelden hier. Hoofdstuk II gaat over ICT.").is_empty());
        assert!(terms("ONZE SCHOOL EN DE WIJK").is_empty());
    }

    #[test]
    fn own_terms_are_found_by_form_and_come_first() {
        let own =
            Glossary::own([("kernteam jeugd", "het team van school en gemeente"), ("arrangeren", "hulp regelen")]);
        let text = "Het kernteam jeugd bespreekt het. Daarna wordt er gearrangeerd.";
        let found = crate::readability::analyse_in(text, &Options::default(), None, &own).jargon;
        let names: Vec<(&str, bool)> = found.iter().map(|j| (j.term.as_str(), j.own)).collect();
        assert!(names.contains(&("kernteam jeugd", true)), "{names:?}");
        assert!(names.contains(&("arrangeren", true)), "{names:?}");
    }
}
