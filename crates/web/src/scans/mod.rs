//! The Scan Passend Onderwijs on the web: the school's rounds with links, QR
//! codes and counts, the public form, the report page and PDF, the SWV's
//! aggregated view and the API. Use cases in `passend_app::scan`.

pub mod api;
pub mod pages;
pub mod public;

use std::sync::Arc;

use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use passend_app::scan::LoadedScan;

use crate::app::AppState;
use crate::error::{AppError, AppResult, ErrorKind};
use crate::security::session::{Session, SignedIn};
/// The same browser key as surveys by link: one answer per browser.
pub use crate::surveys::BROWSER_COOKIE;

/// The round named by the route's `{id}`, readable by the signed-in person
/// (not found for another school's, or for the SWV a round not shared).
pub struct OnScan {
    pub loaded: LoadedScan,
    pub session: Arc<Session>,
}

impl FromRequestParts<AppState> for OnScan {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> AppResult<Self> {
        let SignedIn(session) = SignedIn::from_request_parts(parts, state).await?;
        let Path(params) = Path::<std::collections::HashMap<String, String>>::from_request_parts(parts, state)
            .await
            .map_err(|_| AppError::new(ErrorKind::BadRequest))?;
        let id =
            params.get("id").and_then(|raw| raw.parse::<i64>().ok()).ok_or(AppError::new(ErrorKind::BadRequest))?;
        let loaded = state.app.load_scan(&session.actor, id).await?;
        Ok(OnScan { loaded, session })
    }
}
