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
