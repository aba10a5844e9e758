//! Passend's message catalogues: Fluent files under `locales/`, Dutch first,
//! English second, compiled into the binary.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{Loader, static_loader};
use passend_domain::{Message, MessageArg};
use unic_langid::{LanguageIdentifier, langid};

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "nl",
        // Unicode isolation marks around arguments would end up in mails and CSV.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

const NL_SOURCE: &str = include_str!("../locales/nl/main.ftl");
const EN_SOURCE: &str = include_str!("../locales/en/main.ftl");
const NL_PUBLIC: &str = include_str!("../locales/nl/public.ftl");
const EN_PUBLIC: &str = include_str!("../locales/en/public.ftl");

mod parent_lang;
pub use parent_lang::ParentLang;

/// Named message arguments as Fluent takes them.
fn fluent_args(args: &[(&str, MessageArg)]) -> HashMap<Cow<'static, str>, FluentValue<'static>> {
    args.iter()
        .map(|(name, value)| {
            let value = match value {
                MessageArg::Text(text) => FluentValue::from(text.clone()),
                MessageArg::Number(n) => FluentValue::from(*n),
            };
            (Cow::Owned((*name).to_owned()), value)
        })
        .collect()
}

/// Whether a Fluent source defines the entry.
fn defines(source: &str, id: &str) -> bool {
    source.lines().any(|line| line.strip_prefix(id).is_some_and(|rest| rest.starts_with(" =")))
}

static NL: LanguageIdentifier = langid!("nl");
static EN: LanguageIdentifier = langid!("en");

/// A language the interface speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "nl" | "nl-nl" | "nl-be" => Some(Lang::Nl),
            "en" | "en-gb" | "en-us" => Some(Lang::En),
            _ => None,
        }
    }

    /// The first supported language of an `Accept-Language` header, in the
    /// order the browser gives; Dutch when none fits.
    pub fn from_accept_language(header: &str) -> Lang {
        header
            .split(',')
            .filter_map(|part| part.split(';').next())
            .filter_map(|tag| Lang::parse(tag.trim().split('-').next().unwrap_or("")))
            .next()
            .unwrap_or_default()
    }

    fn id(self) -> &'static LanguageIdentifier {
        match self {
            Lang::Nl => &NL,
            Lang::En => &EN,
        }
    }

    /// The text of a catalogue entry without arguments.
    pub fn t(self, id: &str) -> String {
        LOCALES.lookup(self.id(), id)
    }

    /// The text of a catalogue entry with named arguments.
    pub fn t_with(self, id: &str, args: &[(&str, MessageArg)]) -> String {
        LOCALES.lookup_with_args(self.id(), id, &fluent_args(args))
    }

    pub fn message(self, message: &Message) -> String {
        self.t_with(message.id, &message.args)
    }

    /// Whether the catalogue defines the entry (for tests of the catalogues;
    /// a lookup alone cannot tell, as an entry with arguments fails without them).
    pub fn has(self, id: &str) -> bool {
        let (main, public) = match self {
            Lang::Nl => (NL_SOURCE, NL_PUBLIC),
            Lang::En => (EN_SOURCE, EN_PUBLIC),
        };
        defines(main, id) || defines(public, id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(lang: &str) -> Vec<String> {
        let dir = format!("{}/locales/{lang}", env!("CARGO_MANIFEST_DIR"));
        let mut ids = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            ids.extend(
                text.lines()
                    .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
                    .filter_map(|l| l.split_once(" =").map(|(id, _)| id.trim().to_owned())),
            );
        }
        ids.sort();
        ids
    }

    #[test]
    fn both_catalogues_have_the_same_entries() {
        let nl = ids("nl");
        let en = ids("en");
        let missing_en: Vec<_> = nl.iter().filter(|id| !en.contains(id)).collect();
        let missing_nl: Vec<_> = en.iter().filter(|id| !nl.contains(id)).collect();
        assert!(missing_en.is_empty(), "missing in en: {missing_en:?}");
        assert!(missing_nl.is_empty(), "missing in nl: {missing_nl:?}");
        let mut unique = nl.clone();
        unique.dedup();
        assert_eq!(unique.len(), nl.len(), "an id is defined twice");
    }

    #[test]
    fn arguments_are_filled_in() {
        let text = Lang::Nl.t_with("account-password-too-short", &[("min", MessageArg::Number(10))]);
        assert!(text.contains("10"), "{text}");
        assert_ne!(Lang::En.t("login-title"), Lang::Nl.t("login-title"));
    }

    #[test]
    fn the_browser_language_is_followed() {
        assert_eq!(Lang::from_accept_language("en-GB,en;q=0.9,nl;q=0.8"), Lang::En);
        assert_eq!(Lang::from_accept_language("de-DE,nl;q=0.5"), Lang::Nl);
        assert_eq!(Lang::from_accept_language("fr"), Lang::Nl);
    }
}
