//! The step form as pages and API receive it, and what happens at the edge
//! after a step: cached public pages are dropped. The use cases are in
//! `passend_app::lifecycle`.

use passend_app::lifecycle::{StepOutcome, StepRequest, StepTaker};

use crate::app::AppState;
use crate::error::AppResult;
use crate::profiles::Loaded;
use crate::security::session::Session;

/// A step as a form or the API asks for it.
#[derive(Debug, Default, Clone, serde::Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct StepInput {
    /// `ask_team_review`, `back_to_concept`, `ask_mr_advice`, `record_advice`, `adopt` or `publish`.
    #[schema(schema_with = crate::contract::step, required = true)]
    pub step: String,
    /// With `record_advice`: `positive`, `positive_with_remarks` or `negative`.
    #[schema(schema_with = crate::contract::verdict_or_none)]
    pub verdict: String,
    /// With `record_advice`: the advice in the council's words.
    pub advice: String,
    /// With `record_advice` (the day of the advice) and `adopt` (the day of adoption): `2026-06-15`.
    #[schema(schema_with = crate::contract::day_or_empty)]
    pub date: String,
    /// `true` once the person confirmed the step after its warning. `adopt` and
    /// `publish` cannot be undone and always need it; `ask_mr_advice` and
    /// `adopt` need it while answers copied from last year are unconfirmed.
    /// Without it such a step changes nothing and answers 409 with
    /// `error.code` `confirmation_required` and the count (`StepConfirmation`).
    pub confirmed: bool,
}

pub fn taker(session: &Session) -> StepTaker<'_> {
    StepTaker { actor: &session.actor, name: &session.user.name }
}

/// Takes the step; a publication (or a step that supersedes a version)
/// changes public pages, so this server's cached ones go.
pub async fn take(state: &AppState, session: &Session, loaded: &Loaded, input: &StepInput) -> AppResult<StepOutcome> {
    let request = StepRequest {
        step: &input.step,
        verdict: &input.verdict,
        advice: &input.advice,
        date: &input.date,
        confirmed: input.confirmed,
    };
    let outcome = state.app.take_step(taker(session), loaded, &request).await?;
    if matches!(outcome, StepOutcome::Taken(_)) {
        state.public.pages.clear();
    }
    Ok(outcome)
}
