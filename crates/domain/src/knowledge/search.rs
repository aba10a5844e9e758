//! Dutch search terms. PostgreSQL stems with its `dutch` text search
//! configuration (Snowball); SQLite's FTS5 has no Dutch stemmer, so Passend
//! stems the same Snowball way in Rust before text goes into the index and
//! before a query is run. Both backends then match `leerlingen` to `leerling`.

use rust_stemmers::{Algorithm, Stemmer};

/// The longest query kept (characters); the rest is ignored.
pub const QUERY_MAX: usize = 200;
/// At most this many words of a query are searched for.
pub const TERMS_MAX: usize = 12;

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase)
}

/// The text as stemmed words, separated by spaces: what the SQLite index holds.
pub fn stemmed(text: &str) -> String {
    let stemmer = Stemmer::create(Algorithm::Dutch);
    words(text).map(|w| stemmer.stem(&w).into_owned()).collect::<Vec<_>>().join(" ")
}

/// The stems of a query's words (duplicates dropped), at most [`TERMS_MAX`].
pub fn query_terms(query: &str) -> Vec<String> {
    let stemmer = Stemmer::create(Algorithm::Dutch);
    let query: String = query.chars().take(QUERY_MAX).collect();
    let mut terms: Vec<String> = Vec::new();
    for word in words(&query) {
        let stem = stemmer.stem(&word).into_owned();
        if !terms.contains(&stem) && terms.len() < TERMS_MAX {
            terms.push(stem);
        }
    }
    terms
}

/// An FTS5 MATCH expression: every term must occur (each quoted, so no
/// query syntax reaches FTS5 from a user).
pub fn fts5_match(terms: &[String]) -> String {
    terms.iter().map(|t| format!("\"{}\"", t.replace('"', ""))).collect::<Vec<_>>().join(" AND ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_and_singular_share_a_stem() {
        assert_eq!(query_terms("leerlingen"), query_terms("leerling"));
        assert_eq!(query_terms("Scholen"), query_terms("school"));
        assert_eq!(
            stemmed("De leerlingen lezen"),
            format!("de {} {}", query_terms("leerling")[0], query_terms("lezen")[0])
        );
    }

    #[test]
    fn queries_cannot_inject_fts_syntax() {
        let terms = query_terms("dyslexie\" OR * NEAR(");
        let expression = fts5_match(&terms);
        assert_eq!(expression, "\"dyslexie\" AND \"or\" AND \"near\"");
    }

    #[test]
    fn long_queries_are_bounded() {
        let many = (0..50).map(|i| format!("woord{i}")).collect::<Vec<_>>().join(" ");
        assert_eq!(query_terms(&many).len(), TERMS_MAX);
    }
}
