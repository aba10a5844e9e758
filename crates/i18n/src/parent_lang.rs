//! The languages of what parents read: the public profile pages, the parent
//! report, the poster and the school-guide chapter. Their fixed texts come
//! from `locales/*/public.ftl`; what the school wrote stays as written.

use fluent_templates::Loader;
use passend_domain::MessageArg;
use unic_langid::{LanguageIdentifier, langid};

use super::{LOCALES, Lang};

static NL: LanguageIdentifier = langid!("nl");
static EN: LanguageIdentifier = langid!("en");
static PL: LanguageIdentifier = langid!("pl");
static TR: LanguageIdentifier = langid!("tr");
static AR: LanguageIdentifier = langid!("ar");
static UK: LanguageIdentifier = langid!("uk");

/// A language a parent can read the published profile in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ParentLang {
    #[default]
    Nl,
    En,
    Pl,
    Tr,
    Ar,
    Uk,
}

impl ParentLang {
    pub const ALL: [ParentLang; 6] =
        [ParentLang::Nl, ParentLang::En, ParentLang::Pl, ParentLang::Tr, ParentLang::Ar, ParentLang::Uk];

    pub fn code(self) -> &'static str {
        match self {
            ParentLang::Nl => "nl",
            ParentLang::En => "en",
            ParentLang::Pl => "pl",
            ParentLang::Tr => "tr",
            ParentLang::Ar => "ar",
            ParentLang::Uk => "uk",
        }
    }

    /// The language's own name, for the language menu.
    pub fn own_name(self) -> &'static str {
        match self {
            ParentLang::Nl => "Nederlands",
            ParentLang::En => "English",
            ParentLang::Pl => "Polski",
            ParentLang::Tr => "Türkçe",
            ParentLang::Ar => "العربية",
            ParentLang::Uk => "Українська",
        }
    }

    pub fn parse(code: &str) -> Option<ParentLang> {
        let code = code.trim().to_ascii_lowercase();
        Self::ALL.into_iter().find(|l| l.code() == code.split(['-', '_']).next().unwrap_or(""))
    }

    /// Arabic is written right to left.
    pub fn dir(self) -> &'static str {
        if self == ParentLang::Ar { "rtl" } else { "ltr" }
    }

    /// The interface language closest to this one (for pages outside the public part).
    pub fn ui(self) -> Lang {
        if self == ParentLang::Nl { Lang::Nl } else { Lang::En }
    }

    fn id(self) -> &'static LanguageIdentifier {
        match self {
            ParentLang::Nl => &NL,
            ParentLang::En => &EN,
            ParentLang::Pl => &PL,
            ParentLang::Tr => &TR,
            ParentLang::Ar => &AR,
            ParentLang::Uk => &UK,
        }
    }

    pub fn t(self, id: &str) -> String {
        LOCALES.lookup(self.id(), id)
    }

    pub fn t_with(self, id: &str, args: &[(&str, MessageArg)]) -> String {
        LOCALES.lookup_with_args(self.id(), id, &super::fluent_args(args))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn public_ids(lang: ParentLang) -> Vec<String> {
        let path = format!("{}/locales/{}/public.ftl", env!("CARGO_MANIFEST_DIR"), lang.code());
        let text = std::fs::read_to_string(path).unwrap();
        let mut ids: Vec<String> = text
            .lines()
            .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
            .filter_map(|l| l.split_once(" =").map(|(id, _)| id.trim().to_owned()))
            .collect();
        ids.sort();
        ids
    }

    #[test]
    fn every_parent_language_has_every_public_text() {
        let dutch = public_ids(ParentLang::Nl);
        assert!(dutch.len() > 60);
        for lang in ParentLang::ALL {
            assert_eq!(public_ids(lang), dutch, "public.ftl of {} differs from nl", lang.code());
        }
    }

    #[test]
    fn texts_are_in_their_language_and_arabic_runs_right_to_left() {
        assert_eq!(ParentLang::Nl.t("public-offers-standard"), "Wat wij bieden");
        assert_ne!(ParentLang::Pl.t("public-offers-standard"), ParentLang::Nl.t("public-offers-standard"));
        assert_eq!(ParentLang::Ar.dir(), "rtl");
        assert_eq!(ParentLang::parse("uk-UA"), Some(ParentLang::Uk));
        let year = ParentLang::Tr.t_with("public-profile-title", &[("year", "2026-2027".into())]);
        assert!(year.contains("2026-2027"), "{year}");
    }
}
