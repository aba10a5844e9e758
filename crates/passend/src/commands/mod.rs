pub mod backup;
pub mod create_admin;
pub mod demo;
pub mod import;
pub mod migrate;
pub mod readability;
pub mod serve;

use passend_i18n::Lang;

/// The operator's language for command-line messages: `PASSEND_LANG`, else `LANG`, else Dutch.
pub fn cli_lang() -> Lang {
    ["PASSEND_LANG", "LANG"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find_map(|v| Lang::parse(v.split(['_', '.']).next().unwrap_or("")))
        .unwrap_or_default()
}
