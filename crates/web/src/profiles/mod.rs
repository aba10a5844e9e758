//! The profile questionnaire's pages and API: starting a profile, each
//! respondent's answers, the coordinator's school answers with optimistic
//! concurrency, progress and the composed profile. The use cases are in
//! `passend_app::questionnaire`.

pub mod api;
pub mod pages;
pub mod swv_template;
pub mod view;

pub use passend_app::questionnaire::{LoadedProfile as Loaded, answered, by_key, progress_of};

use crate::app::AppState;
use crate::error::AppResult;
use crate::security::session::Session;

/// Loads the profile if the caller may read its school's data; 404 otherwise.
pub async fn load(state: &AppState, session: &Session, id: i64) -> AppResult<Loaded> {
    Ok(state.app.profile(&session.actor, id).await?)
}

/// The profile named by the route's `{id}`, readable by the signed-in person:
/// the preamble every page and API route on one profile starts from.
pub struct OnProfile {
    pub loaded: Loaded,
    pub session: std::sync::Arc<Session>,
}

impl axum::extract::FromRequestParts<AppState> for OnProfile {
    type Rejection = crate::error::AppError;

    async fn from_request_parts(parts: &mut axum::http::request::Parts, state: &AppState) -> AppResult<Self> {
        use crate::error::{AppError, ErrorKind};
        let crate::security::session::SignedIn(session) =
            crate::security::session::SignedIn::from_request_parts(parts, state).await?;
        let axum::extract::Path(params) =
            axum::extract::Path::<std::collections::HashMap<String, String>>::from_request_parts(parts, state)
                .await
                .map_err(|_| AppError::new(ErrorKind::BadRequest))?;
        let id =
            params.get("id").and_then(|raw| raw.parse::<i64>().ok()).ok_or(AppError::new(ErrorKind::BadRequest))?;
        let loaded = load(state, &session, id).await?;
        Ok(OnProfile { loaded, session })
    }
}
