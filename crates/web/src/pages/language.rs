use axum::extract::{Path, Query};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use passend_i18n::Lang;
use serde::Deserialize;

use crate::error::{AppError, AppResult};
use crate::i18n::LANG_COOKIE;
use crate::security::cookies::set_cookie;

#[derive(Deserialize)]
pub struct Back {
    terug: Option<String>,
}

/// Switches the interface language (a preference cookie) and returns to the page.
#[utoipa::path(get, path = "/taal/{lang}", tag = "pages", security(()),
    params(("lang" = String, Path, description = "nl or en")),
    responses((status = 303, description = "Back to the page")))]
pub async fn switch(Path(lang): Path<String>, Query(back): Query<Back>) -> AppResult<Response> {
    let lang = Lang::parse(&lang).ok_or_else(AppError::not_found)?;
    let target = super::local_path(back.terug.as_deref());
    let target = if back.terug.is_none() { "/".to_owned() } else { target };
    Ok(([(header::SET_COOKIE, set_cookie(LANG_COOKIE, lang.code(), 365 * 24 * 3600, false))], Redirect::to(&target))
        .into_response())
}
