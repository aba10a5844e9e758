//! The profile questionnaire: starting a profile, each respondent's answers,
//! the coordinator's school answers with optimistic concurrency, progress and
//! the composed profile.

pub mod actions;
pub mod api;
pub mod pages;
pub mod swv_template;
pub mod view;

use std::collections::{HashMap, HashSet};

use passend_domain::access::{self, OrgView};
use passend_domain::organisations::{OrgContext, OrgKind, OrgRef};
use passend_domain::questionnaire::{AnswerValue, Progress, progress};
use passend_storage::profiles::{ProfileRecord, SchoolAnswer};

use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::security::session::Session;

/// A profile with the school it belongs to, readable by the caller.
pub struct Loaded {
    pub profile: ProfileRecord,
    pub school: OrgRef,
    pub view: OrgView,
    /// Where the school sits: its SWVs and board.
    pub context: OrgContext,
}

/// Loads the profile if the caller may read its school's data; 404 otherwise,
/// so that another school's profile ids tell nothing.
pub async fn load(state: &AppState, session: &Session, id: i64) -> AppResult<Loaded> {
    let profile = state.db.profile(id).await?.ok_or_else(AppError::not_found)?;
    let school = OrgRef { kind: OrgKind::School, code: profile.brin.clone() };
    let context = state.db.org_context(&school).await?.ok_or_else(AppError::not_found)?;
    let view = access::view_org(&session.actor, &school, &context).map_err(|_| AppError::not_found())?;
    Ok(Loaded { profile, school, view, context })
}

/// The school's answers by item key.
pub fn by_key(answers: Vec<SchoolAnswer>) -> HashMap<String, SchoolAnswer> {
    answers.into_iter().map(|a| (a.item_key.clone(), a)).collect()
}

pub fn progress_of(profile: &ProfileRecord, answers: &HashMap<String, SchoolAnswer>) -> Progress {
    let answered: HashSet<String> =
        answers.values().filter(|a| a.value.is_some()).map(|a| a.item_key.clone()).collect();
    progress(&profile.template, &answered)
}

/// The answers as the composition wants them.
pub fn answered(answers: &HashMap<String, SchoolAnswer>) -> HashMap<String, (AnswerValue, Option<String>)> {
    answers.values().filter_map(|a| a.value.clone().map(|v| (a.item_key.clone(), (v, a.note.clone())))).collect()
}
