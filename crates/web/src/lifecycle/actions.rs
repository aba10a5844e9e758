//! What the lifecycle pages and API share.

use passend_domain::access;
use passend_domain::lifecycle::{AdviceVerdict, ProfileState, Step, iso_day, parse_day, step_roles};
use passend_domain::{FieldProblems, Message};
use passend_storage::lifecycle::{StepBy, StepDetails};

use super::notify;
use crate::app::AppState;
use crate::error::{AppError, AppResult, ErrorKind};
use crate::profiles::Loaded;
use crate::security::session::Session;

/// Longest advice, response or review comment.
pub const MAX_TEXT: usize = 4000;

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
}

/// A required text, trimmed and bounded.
pub fn required_text(raw: &str, field: &'static str, empty_id: &'static str, problems: &mut FieldProblems) -> String {
    let text = raw.trim().replace("\r\n", "\n");
    if text.is_empty() {
        problems.push((field, Message::new(empty_id)));
    } else if text.chars().count() > MAX_TEXT {
        problems.push((field, Message::new("answer-too-long").with("max", MAX_TEXT)));
    }
    text
}

/// Takes the step for the person; `Err` lists what to fix on the form.
pub async fn take(
    state: &AppState,
    session: &Session,
    loaded: &Loaded,
    input: &StepInput,
) -> AppResult<Result<ProfileState, FieldProblems>> {
    let step = Step::parse(&input.step).ok_or_else(|| AppError::new(ErrorKind::BadRequest))?;
    let steps = access::profile_steps(&session.actor, &loaded.school, &loaded.context)?;
    // Whose step it is comes before what the form says.
    if !step_roles(step).iter().any(|r| steps.roles().contains(r)) {
        return Err(AppError::forbidden());
    }
    let mut problems = FieldProblems::new();
    let mut day = String::new();
    let mut advice = String::new();
    let mut verdict = None;
    if matches!(step, Step::RecordAdvice | Step::Adopt) {
        match parse_day(&input.date) {
            Some(parsed) => day = iso_day(parsed),
            None => problems.push(("date", Message::new("date-invalid"))),
        }
    }
    if step == Step::RecordAdvice {
        verdict = AdviceVerdict::parse(&input.verdict);
        if verdict.is_none() {
            problems.push(("verdict", Message::new("advice-verdict-required")));
        }
        advice = required_text(&input.advice, "advice", "advice-text-required", &mut problems);
    }
    if !problems.is_empty() {
        return Ok(Err(problems));
    }
    let details = match (step, verdict) {
        (Step::RecordAdvice, Some(verdict)) => StepDetails::Advice { verdict, advice: &advice, advised_on: &day },
        (Step::Adopt, _) => StepDetails::Adoption { adopted_on: &day },
        _ => StepDetails::None,
    };
    let by = StepBy { user_id: session.user.id, name: &session.user.name };
    let to = state.db.take_step(&steps, loaded.profile.id, step, details, by).await?;
    // A publication (or a step that supersedes a version) changes public pages.
    state.public.pages.clear();
    notify::hand_over(state, loaded, &steps, step).await;
    Ok(Ok(to))
}

/// The school's response to the MR's advice.
pub async fn respond(
    state: &AppState,
    session: &Session,
    loaded: &Loaded,
    raw: &str,
) -> AppResult<Result<(), FieldProblems>> {
    let coordination = access::coordinate_profiles(&session.actor, &loaded.school)?;
    let mut problems = FieldProblems::new();
    let response = required_text(raw, "response", "advice-response-required", &mut problems);
    if !problems.is_empty() {
        return Ok(Err(problems));
    }
    let by = StepBy { user_id: session.user.id, name: &session.user.name };
    state.db.respond_to_advice(&coordination, loaded.profile.id, &response, by).await?;
    Ok(Ok(()))
}

/// A team member's comment on a section during the team review.
pub async fn comment(
    state: &AppState,
    session: &Session,
    loaded: &Loaded,
    section: &str,
    raw: &str,
) -> AppResult<Result<(), FieldProblems>> {
    let respondent = access::respond_to_profiles(&session.actor, &loaded.school)?;
    let mut problems = FieldProblems::new();
    if loaded.profile.template.section(section).is_none() {
        problems.push(("section", Message::new("comment-section-invalid")));
    }
    let body = required_text(raw, "body", "comment-text-required", &mut problems);
    if !problems.is_empty() {
        return Ok(Err(problems));
    }
    state.db.add_review_comment(&respondent, loaded.profile.id, section, &body, &session.user.name).await?;
    Ok(Ok(()))
}
