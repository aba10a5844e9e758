//! What the questionnaire pages and API share.

use passend_domain::access;
use passend_domain::organisations::{OrgKind, OrgRef};
use passend_domain::questionnaire::{
    AnswerValue, LocationFacts, SchoolYear, Template, default_template, parse_answer, prefills,
};
use passend_domain::{FieldProblems, Message};
use passend_storage::directory::SchoolDetail;
use passend_storage::profiles::{AnswerChange, SaveOutcome};
use serde_json::Value;

use super::Loaded;
use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::security::session::Session;

/// Longest note beside an answer.
pub const MAX_NOTE: usize = 1000;

/// The template a location's profile starts from: its SWV's published version
/// for the year, else the default.
pub async fn template_for(state: &AppState, swv: Option<&str>, year: SchoolYear) -> AppResult<Template> {
    if let Some(swv) = swv
        && let Some(record) = state.db.template_variant(swv, year).await?
        && record.published_at.is_some()
    {
        return record.variant.apply(default_template()).map_err(|e| anyhow::anyhow!("stored variant: {e}").into());
    }
    Ok(default_template().clone())
}

/// Starts a profile for a location of the school, pre-filled from DUO's data.
pub async fn start(
    state: &AppState,
    session: &Session,
    school: &SchoolDetail,
    location_code: &str,
    year: SchoolYear,
) -> AppResult<i64> {
    let org = OrgRef { kind: OrgKind::School, code: school.school.brin.clone() };
    let coordination = access::coordinate_profiles(&session.actor, &org)?;
    let location = school.locations.iter().find(|l| l.code == location_code).ok_or_else(AppError::not_found)?;
    let swv = location.swv_po.clone().or_else(|| location.swv_vo.clone());
    let template = template_for(state, swv.as_deref(), year).await?;
    let facts = LocationFacts {
        pupils: location.pupils,
        duo_type: location.duo_type.clone(),
        denomination: location.denomination.clone(),
        swvs: [&location.swv_po, &location.swv_vo].into_iter().flatten().cloned().collect(),
    };
    let prefills = prefills(&template, &facts);
    Ok(state.db.create_profile(&coordination, location_code, year, &template, &prefills, session.user.id).await?)
}

/// A note: trimmed, bounded; empty is none.
pub fn parse_note(raw: Option<&str>) -> Result<Option<String>, Message> {
    let note = raw.map(str::trim).filter(|n| !n.is_empty());
    match note {
        Some(n) if n.chars().count() > MAX_NOTE => Err(Message::new("answer-too-long").with("max", MAX_NOTE)),
        other => Ok(other.map(str::to_owned)),
    }
}

/// A valid answer and note, ready to store; `None` empties it.
pub type ValidAnswer = (Option<AnswerValue>, Option<String>);

/// Validates one answer: `Err` names the field (`value` or `note`) and the problem.
pub fn validate(
    loaded: &Loaded,
    item_key: &str,
    raw: &Value,
    note: Option<&str>,
) -> AppResult<Result<ValidAnswer, FieldProblems>> {
    let item = loaded.profile.template.item(item_key).filter(|i| !i.hidden).ok_or_else(AppError::not_found)?;
    let mut problems = FieldProblems::new();
    let value = parse_answer(item, raw).map_err(|m| problems.push(("value", m))).ok().flatten();
    let note = parse_note(note).map_err(|m| problems.push(("note", m))).ok().flatten();
    Ok(if problems.is_empty() { Ok((value, note)) } else { Err(problems) })
}

/// Saves the respondent's own answer (the questionnaire must be open to the team).
pub async fn save_mine(
    state: &AppState,
    session: &Session,
    loaded: &Loaded,
    item_key: &str,
    raw: &Value,
    note: Option<&str>,
) -> AppResult<Result<(), FieldProblems>> {
    let respondent = access::respond_to_profiles(&session.actor, &loaded.school)?;
    let coordinates = access::coordinate_profiles(&session.actor, &loaded.school).is_ok();
    if !loaded.profile.open_for_team && !coordinates {
        return Err(AppError::forbidden());
    }
    let (value, note) = match validate(loaded, item_key, raw, note)? {
        Ok(valid) => valid,
        Err(problems) => return Ok(Err(problems)),
    };
    if value.is_none() && note.is_some() {
        return Ok(Err(vec![("value", Message::new("answer-note-needs-value"))]));
    }
    state.db.save_my_answer(&respondent, loaded.profile.id, item_key, value.as_ref(), note.as_deref()).await?;
    Ok(Ok(()))
}

/// The outcome of a school-answer save, for pages and API.
pub enum SchoolSave {
    Saved { version: i64 },
    Conflict(Box<passend_storage::profiles::SchoolAnswer>),
    Invalid(FieldProblems),
}

/// Sets the school's answer at the version the person saw.
pub async fn save_school(
    state: &AppState,
    session: &Session,
    loaded: &Loaded,
    item_key: &str,
    raw: &Value,
    note: Option<&str>,
    version: i64,
) -> AppResult<SchoolSave> {
    let coordination = access::coordinate_profiles(&session.actor, &loaded.school)?;
    let (value, note) = match validate(loaded, item_key, raw, note)? {
        Ok(valid) => valid,
        Err(problems) => return Ok(SchoolSave::Invalid(problems)),
    };
    let change = AnswerChange {
        item_key,
        value: value.as_ref(),
        note: note.as_deref(),
        expected_version: version,
        user_id: session.user.id,
    };
    let outcome = state.db.save_school_answer(&coordination, loaded.profile.id, change).await?;
    Ok(match outcome {
        SaveOutcome::Saved { version } => SchoolSave::Saved { version },
        SaveOutcome::Conflict(current) => SchoolSave::Conflict(current),
    })
}

/// Confirms an answer copied from last year.
pub async fn confirm(
    state: &AppState,
    session: &Session,
    loaded: &Loaded,
    item_key: &str,
    version: i64,
) -> AppResult<SchoolSave> {
    let coordination = access::coordinate_profiles(&session.actor, &loaded.school)?;
    Ok(
        match state
            .db
            .confirm_school_answer(&coordination, loaded.profile.id, item_key, version, session.user.id)
            .await?
        {
            SaveOutcome::Saved { version } => SchoolSave::Saved { version },
            SaveOutcome::Conflict(current) => SchoolSave::Conflict(current),
        },
    )
}

/// Whether the person coordinates (may see everyone's answers and set the school's).
pub fn coordinates(session: &Session, school: &OrgRef) -> bool {
    access::coordinate_profiles(&session.actor, school).is_ok()
}

/// Whether the person answers as a team member.
pub fn responds(session: &Session, school: &OrgRef) -> bool {
    access::respond_to_profiles(&session.actor, school).is_ok()
}
