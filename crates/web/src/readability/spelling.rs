//! Spelling through Hunspell's Dutch dictionary (Debian `hunspell-nl`),
//! loaded once when it is present; without it, spelling is off and the
//! pages say why.

use std::path::PathBuf;
use std::sync::OnceLock;

use passend_domain::readability::Speller;

/// The Dutch dictionary: `nl.aff` and `nl.dic`.
pub struct DutchDictionary(spellbook::Dictionary);

impl Speller for DutchDictionary {
    fn knows(&self, word: &str) -> bool {
        self.0.check(word)
    }
}

/// Where the dictionary is looked for: `PASSEND_HUNSPELL_DIR`, else Debian's place.
fn folder() -> PathBuf {
    std::env::var_os("PASSEND_HUNSPELL_DIR").map_or_else(|| PathBuf::from("/usr/share/hunspell"), PathBuf::from)
}

/// The dictionary, or `None` when it is not installed (or unreadable).
pub fn dutch() -> Option<&'static DutchDictionary> {
    static DICTIONARY: OnceLock<Option<DutchDictionary>> = OnceLock::new();
    DICTIONARY
        .get_or_init(|| {
            let dir = folder();
            let aff = std::fs::read_to_string(dir.join("nl.aff")).ok()?;
            let dic = std::fs::read_to_string(dir.join("nl.dic")).ok()?;
            match spellbook::Dictionary::new(&aff, &dic) {
                Ok(dictionary) => Some(DutchDictionary(dictionary)),
                Err(error) => {
                    tracing::warn!(%error, "the Dutch Hunspell dictionary could not be read; spelling is off");
                    None
                }
            }
        })
        .as_ref()
}
