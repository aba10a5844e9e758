//! The published practice examples' search index, held in each server's
//! memory (ADR 0025): Dutch stems ([`super::search`]) with BM25 ranking over
//! title, summary and body (the title weighs 10, the summary 4, the body 1),
//! every query word required, filters by sector and tags, newest first when
//! there are no words.
//!
//! Why not the database's full-text search: ranking a common word (such as
//! `leerlingen`, in nearly every example) makes SQLite's FTS5 and
//! PostgreSQL's `ts_rank` score every match, tens of milliseconds over
//! 10,000 examples; here the same is an intersection of sorted lists and a
//! score per candidate, well under one. It also gives the same results on
//! both backends. The index is rebuilt from the database, which stays the
//! only record: the application brings it up to date from a change counter.

use std::cmp::Ordering;
use std::collections::HashMap;

use super::search::stems;
use super::{ExampleSector, Tag};

/// How much a word counts in each part of an example.
const TITLE_WEIGHT: f32 = 10.0;
const SUMMARY_WEIGHT: f32 = 4.0;
const BODY_WEIGHT: f32 = 1.0;
/// BM25's usual constants: how fast repeats stop adding, how much length counts.
const K1: f64 = 1.2;
const B: f64 = 0.75;

/// What a search shows of an example (the hit), kept with its words.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexedExample {
    pub id: i64,
    pub title: String,
    pub summary: String,
    pub source_name: String,
    pub sector: ExampleSector,
    pub tags: Vec<Tag>,
    pub published_at: Option<i64>,
}

/// The text that is searched: the body as plain text (Markdown taken out).
#[derive(Debug, Clone, Copy)]
pub struct SearchedText<'a> {
    pub title: &'a str,
    pub summary: &'a str,
    pub body: &'a str,
}

#[derive(Debug, Clone)]
struct Entry {
    example: IndexedExample,
    /// (term id, weighted count), sorted by term id.
    terms: Vec<(u32, f32)>,
    /// The weighted number of words.
    length: f32,
}

impl Entry {
    fn weight_of(&self, term: u32) -> f32 {
        self.terms.binary_search_by_key(&term, |(t, _)| *t).map_or(0.0, |i| self.terms[i].1)
    }
}

/// A search: the query's stems (each required), tags (each required), a sector, how many.
#[derive(Debug, Clone, Copy)]
pub struct IndexQuery<'a> {
    pub terms: &'a [String],
    pub tags: &'a [Tag],
    pub sector: Option<ExampleSector>,
    pub limit: usize,
}

/// The index of the published examples.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    dictionary: HashMap<String, u32>,
    /// Per term id: the ids of the examples that hold it, ascending.
    postings: Vec<Vec<i64>>,
    entries: HashMap<i64, Entry>,
    total_length: f64,
}

impl SearchIndex {
    pub fn new() -> SearchIndex {
        SearchIndex::default()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Adds a published example, or replaces what the index had of it.
    pub fn upsert(&mut self, example: IndexedExample, text: SearchedText<'_>) {
        self.remove(example.id);
        let mut counts: HashMap<u32, f32> = HashMap::new();
        let mut length = 0.0;
        for (part, weight) in [(text.title, TITLE_WEIGHT), (text.summary, SUMMARY_WEIGHT), (text.body, BODY_WEIGHT)] {
            for stem in stems(part) {
                let term = self.term_id(stem);
                *counts.entry(term).or_insert(0.0) += weight;
                length += weight;
            }
        }
        let mut terms: Vec<(u32, f32)> = counts.into_iter().collect();
        terms.sort_unstable_by_key(|(t, _)| *t);
        for (term, _) in &terms {
            let list = &mut self.postings[*term as usize];
            if let Err(at) = list.binary_search(&example.id) {
                list.insert(at, example.id);
            }
        }
        self.total_length += f64::from(length);
        self.entries.insert(example.id, Entry { example, terms, length });
    }

    /// Takes an example out (it is no longer published); nothing when it was not in.
    pub fn remove(&mut self, id: i64) {
        let Some(entry) = self.entries.remove(&id) else { return };
        for (term, _) in &entry.terms {
            let list = &mut self.postings[*term as usize];
            if let Ok(at) = list.binary_search(&id) {
                list.remove(at);
            }
        }
        self.total_length -= f64::from(entry.length);
    }

    fn term_id(&mut self, stem: String) -> u32 {
        if let Some(id) = self.dictionary.get(&stem) {
            return *id;
        }
        let id = u32::try_from(self.postings.len()).expect("fewer than 4 billion distinct words");
        self.dictionary.insert(stem, id);
        self.postings.push(Vec::new());
        id
    }

    /// The best `limit` examples for the query with their rank (higher is
    /// better; 0 without words, then newest first), ties by the newer id.
    pub fn search(&self, query: &IndexQuery<'_>) -> Vec<(&IndexedExample, f64)> {
        let passes = |entry: &Entry| {
            query.sector.is_none_or(|s| entry.example.sector == s)
                && query.tags.iter().all(|tag| entry.example.tags.contains(tag))
        };
        if query.terms.is_empty() {
            let mut found: Vec<&IndexedExample> =
                self.entries.values().filter(|e| passes(e)).map(|e| &e.example).collect();
            let newest_first =
                |a: &&IndexedExample, b: &&IndexedExample| (b.published_at, b.id).cmp(&(a.published_at, a.id));
            return best(&mut found, query.limit, newest_first).into_iter().map(|e| (e, 0.0)).collect();
        }
        let mut terms = Vec::with_capacity(query.terms.len());
        for stem in query.terms {
            match self.dictionary.get(stem) {
                Some(id) => terms.push(*id),
                // Every word is required: one that no example holds leaves nothing.
                None => return Vec::new(),
            }
        }
        terms.sort_unstable();
        terms.dedup();
        let count = self.entries.len() as f64;
        let average = if count > 0.0 { self.total_length / count } else { 1.0 };
        let weighted: Vec<(u32, f64)> = terms
            .iter()
            .map(|t| {
                let df = self.postings[*t as usize].len() as f64;
                (*t, (1.0 + (count - df + 0.5) / (df + 0.5)).ln())
            })
            .collect();
        let mut lists: Vec<&[i64]> = terms.iter().map(|t| self.postings[*t as usize].as_slice()).collect();
        lists.sort_unstable_by_key(|l| l.len());
        let (shortest, others) = lists.split_first().expect("at least one term");
        let mut scored: Vec<(f64, &IndexedExample)> = Vec::new();
        for id in shortest.iter() {
            if !others.iter().all(|list| list.binary_search(id).is_ok()) {
                continue;
            }
            let Some(entry) = self.entries.get(id) else { continue };
            if !passes(entry) {
                continue;
            }
            let norm = K1 * (1.0 - B + B * f64::from(entry.length) / average);
            let score = weighted
                .iter()
                .map(|(term, idf)| {
                    let tf = f64::from(entry.weight_of(*term));
                    idf * tf * (K1 + 1.0) / (tf + norm)
                })
                .sum();
            scored.push((score, &entry.example));
        }
        let best_first =
            |a: &(f64, &IndexedExample), b: &(f64, &IndexedExample)| b.0.total_cmp(&a.0).then(b.1.id.cmp(&a.1.id));
        best(&mut scored, query.limit, best_first).into_iter().map(|(score, e)| (e, score)).collect()
    }
}

/// The first `limit` of `items` in `order`, sorted: a partial selection, then a sort of only those.
fn best<T: Copy>(items: &mut [T], limit: usize, order: impl Fn(&T, &T) -> Ordering) -> Vec<T> {
    if limit == 0 || items.is_empty() {
        return Vec::new();
    }
    if items.len() > limit {
        items.select_nth_unstable_by(limit - 1, &order);
    }
    let kept = limit.min(items.len());
    let top = &mut items[..kept];
    top.sort_unstable_by(&order);
    top.to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::search::query_terms;

    fn example(id: i64, sector: ExampleSector, tags: &[&str], published_at: i64) -> IndexedExample {
        IndexedExample {
            id,
            title: format!("Voorbeeld {id}"),
            summary: String::new(),
            source_name: "School".into(),
            sector,
            tags: tags.iter().map(|t| Tag::parse(t).unwrap()).collect(),
            published_at: Some(published_at),
        }
    }

    fn add(index: &mut SearchIndex, id: i64, title: &str, body: &str, sector: ExampleSector, tags: &[&str]) {
        index.upsert(example(id, sector, tags, 1000 + id), SearchedText { title, summary: "", body });
    }

    fn ids(index: &SearchIndex, q: &str, tags: &[&str], sector: Option<ExampleSector>) -> Vec<i64> {
        let terms = query_terms(q);
        let tags: Vec<Tag> = tags.iter().map(|t| Tag::parse(t).unwrap()).collect();
        index.search(&IndexQuery { terms: &terms, tags: &tags, sector, limit: 20 }).iter().map(|(e, _)| e.id).collect()
    }

    fn sample() -> SearchIndex {
        let mut index = SearchIndex::new();
        add(
            &mut index,
            1,
            "Rust in de klas",
            "Leerlingen met gedragsproblemen krijgen een vaste plek.",
            ExampleSector::Po,
            &["gedrag"],
        );
        add(
            &mut index,
            2,
            "Lezen met dyslexie",
            "De leerling leest met software voor.",
            ExampleSector::Po,
            &["dyslexie"],
        );
        add(
            &mut index,
            3,
            "Leerlingen lezen samen",
            "Een leesclub voor de hele groep.",
            ExampleSector::Vo,
            &["dyslexie", "ouders"],
        );
        add(
            &mut index,
            4,
            "Ouders als partner",
            "Gesprekken met ouders over de overstap.",
            ExampleSector::Vo,
            &["ouders"],
        );
        index
    }

    #[test]
    fn a_plural_finds_the_singular_and_every_word_is_required() {
        let index = sample();
        let mut found = ids(&index, "leerlingen", &[], None);
        found.sort_unstable();
        assert_eq!(found, vec![1, 2, 3]);
        assert_eq!(ids(&index, "leerling lezen", &[], None), vec![3, 2], "3 has both words in the title");
        assert!(ids(&index, "leerling onbekendwoord", &[], None).is_empty());
    }

    #[test]
    fn the_title_weighs_more_than_the_body() {
        let mut index = SearchIndex::new();
        add(
            &mut index,
            1,
            "Een plan",
            "Over de overstap naar het vo, met de overstap als rode draad.",
            ExampleSector::Po,
            &[],
        );
        add(&mut index, 2, "De overstap", "Een plan.", ExampleSector::Po, &[]);
        assert_eq!(ids(&index, "overstap", &[], None), vec![2, 1]);
    }

    #[test]
    fn filters_by_sector_and_every_tag() {
        let index = sample();
        assert_eq!(ids(&index, "lezen", &[], Some(ExampleSector::Vo)), vec![3]);
        assert_eq!(ids(&index, "", &["dyslexie", "ouders"], None), vec![3]);
        assert_eq!(ids(&index, "", &["ouders"], Some(ExampleSector::Vo)), vec![4, 3], "newest first without words");
        assert!(ids(&index, "", &["ouders"], Some(ExampleSector::Po)).is_empty());
    }

    #[test]
    fn a_changed_example_is_found_by_its_new_words_only_and_a_removed_one_not_at_all() {
        let mut index = sample();
        add(
            &mut index,
            2,
            "Rekenen met dyscalculie",
            "Materiaal om mee te rekenen.",
            ExampleSector::Po,
            &["dyscalculie"],
        );
        assert_eq!(ids(&index, "rekenen", &[], None), vec![2]);
        assert!(!ids(&index, "dyslexie", &[], None).contains(&2));
        assert_eq!(index.len(), 4);
        index.remove(2);
        index.remove(2);
        assert!(ids(&index, "rekenen", &[], None).is_empty());
        assert_eq!(index.len(), 3);
    }

    #[test]
    fn the_limit_keeps_the_best_and_ties_go_to_the_newer() {
        let mut index = SearchIndex::new();
        for id in 1..=30 {
            add(&mut index, id, "Samenwerken", "Een aanpak.", ExampleSector::Po, &[]);
        }
        add(&mut index, 31, "Samenwerken samenwerken", "Samenwerken.", ExampleSector::Po, &[]);
        let terms = query_terms("samenwerken");
        let found = index.search(&IndexQuery { terms: &terms, tags: &[], sector: None, limit: 5 });
        let found: Vec<i64> = found.iter().map(|(e, _)| e.id).collect();
        assert_eq!(found, vec![31, 30, 29, 28, 27]);
        assert!(index.search(&IndexQuery { terms: &terms, tags: &[], sector: None, limit: 0 }).is_empty());
    }
}
