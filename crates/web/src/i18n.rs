//! The reader's language: the `lang` cookie, else the browser's preference.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
pub use passend_i18n::Lang;

use crate::security::cookies::cookie;

pub const LANG_COOKIE: &str = "passend_lang";

pub fn lang_of(headers: &HeaderMap) -> Lang {
    if let Some(lang) = cookie(headers, LANG_COOKIE).and_then(|v| Lang::parse(&v)) {
        return lang;
    }
    headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).map_or(Lang::Nl, Lang::from_accept_language)
}

/// Extracts the reader's language.
pub struct ReaderLang(pub Lang);

impl<S: Send + Sync> FromRequestParts<S> for ReaderLang {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(ReaderLang(lang_of(&parts.headers)))
    }
}
