//! Dutch search terms: the Snowball stems of the words, so that `leerlingen`
//! matches `leerling`. The same stemming goes into the index
//! ([`super::search_index`]) and into every query.

use rust_stemmers::{Algorithm, Stemmer};

/// The longest query kept (characters); the rest is ignored.
pub const QUERY_MAX: usize = 200;
/// At most this many words of a query are searched for.
pub const TERMS_MAX: usize = 12;

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase)
}

/// The stems of the text's words, in order (repeats kept: they count).
pub fn stems(text: &str) -> impl Iterator<Item = String> + '_ {
    let stemmer = Stemmer::create(Algorithm::Dutch);
    words(text).map(move |w| stemmer.stem(&w).into_owned())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_and_singular_share_a_stem() {
        assert_eq!(query_terms("leerlingen"), query_terms("leerling"));
        assert_eq!(query_terms("Scholen"), query_terms("school"));
        assert_eq!(
            stems("De leerlingen, lezen!").collect::<Vec<_>>(),
            vec!["de".to_owned(), query_terms("leerling")[0].clone(), query_terms("lezen")[0].clone()]
        );
    }

    #[test]
    fn query_syntax_is_only_words() {
        assert_eq!(query_terms("dyslexie\" OR * NEAR("), vec!["dyslexie", "or", "near"]);
    }

    #[test]
    fn long_queries_are_bounded() {
        let many = (0..50).map(|i| format!("woord{i}")).collect::<Vec<_>>().join(" ");
        assert_eq!(query_terms(&many).len(), TERMS_MAX);
    }
}
