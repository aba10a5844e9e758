//! Per-thread memory of what a word costs to work out (its syllables,
//! whether it is rare, a form of a term, …). The live hints analyse one paragraph at a time and a
//! writer's paragraphs repeat the same uncommon words, so a per-text cache
//! saves little there. The answers depend on the word alone, so remembering
//! them changes no result; the memory is bounded and starts afresh when full.

use std::cell::RefCell;
use std::thread::LocalKey;

use rustc_hash::FxHashMap;

/// Words remembered per table and thread before it starts afresh.
const MAX_WORDS: usize = 20_000;

pub(super) type Table<V> = RefCell<FxHashMap<Box<str>, V>>;

thread_local! {
    pub(super) static SYLLABLES: Table<usize> = RefCell::new(FxHashMap::default());
    /// Everything the analysis needs of a word in lower case (`super::word`).
    pub(super) static WORDS: Table<super::word::WordInfo> = RefCell::new(FxHashMap::default());
}

/// The remembered answer for `word`, or `work_out()` remembered.
pub(super) fn remembered<V: Copy>(table: &'static LocalKey<Table<V>>, word: &str, work_out: impl FnOnce() -> V) -> V {
    if let Some(known) = table.with(|t| t.borrow().get(word).copied()) {
        return known;
    }
    // Worked out outside the borrow: `work_out` may use another table.
    let value = work_out();
    table.with(|t| {
        let mut t = t.borrow_mut();
        if t.len() >= MAX_WORDS {
            t.clear();
        }
        t.insert(word.into(), value);
    });
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        static TEST: Table<usize> = RefCell::new(FxHashMap::default());
    }

    #[test]
    fn a_word_is_worked_out_once_and_the_table_stays_bounded() {
        let mut calls = 0;
        assert_eq!(
            remembered(&TEST, "woord", || {
                calls += 1;
                7
            }),
            7
        );
        assert_eq!(
            remembered(&TEST, "woord", || {
                calls += 1;
                8
            }),
            7
        );
        assert_eq!(calls, 1);
        for i in 0..MAX_WORDS + 10 {
            remembered(&TEST, &format!("w{i}"), || i);
        }
        assert!(TEST.with(|t| t.borrow().len()) <= MAX_WORDS);
    }
}
