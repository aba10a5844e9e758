//! Syllables from the Dutch hyphenation patterns (the TeX patterns that
//! word processors use), through `hypher`.

use hypher::{Lang, hyphenate_bounded};

/// The number of syllables in a word; a number or a letter-less token counts as one.
pub fn syllables(word: &str) -> usize {
    let lower = word.to_lowercase();
    if !lower.chars().any(char::is_alphabetic) {
        return 1;
    }
    // Hyphenated compounds (zorg-en-adviesteam) count per part.
    lower
        .split(['-', '\'', '’'])
        .filter(|part| part.chars().any(char::is_alphabetic))
        .map(|part| {
            let letters: String = part.chars().filter(|c| c.is_alphabetic()).collect();
            if letters.chars().count() <= 1 {
                1
            } else if letters.chars().all(|c| !"aeiouyáéíóúàèëïöüâêîôû".contains(c)) {
                // An acronym without vowels is read letter by letter (SWV: es-wee-vee).
                letters.chars().count()
            } else {
                hyphenate_bounded(&letters, Lang::Dutch, 1, 1).count()
            }
        })
        .sum::<usize>()
        .max(1)
}
