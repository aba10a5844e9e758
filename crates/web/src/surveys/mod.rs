//! Surveys by link: the school makes a link per survey and audience (team,
//! parents, pupils); people answer without an account, anonymously unless
//! they give their name; the team reads the results per group.

pub mod api;
pub mod pages;
pub mod public;

use std::collections::BTreeMap;

use passend_domain::FieldProblems;
use passend_domain::access;
use passend_domain::surveys::{Audience, QuestionSummary, SurveyKind, parse_response, questions, summarise};
use passend_storage::surveys::{Answered, Survey};

use crate::app::AppState;
use crate::error::{AppError, AppResult, ErrorKind};
use crate::profiles::Loaded;
use crate::security::session::Session;
use crate::security::tokens::random_token;

/// The browser's key for "one answer per browser".
pub const BROWSER_COOKIE: &str = "passend_enquete";

/// A survey with its results, for the team.
pub struct SurveyResults {
    pub survey: Survey,
    pub link: String,
    pub summary: Vec<QuestionSummary>,
    pub named: Vec<String>,
}

/// Every survey of the profile with its results.
pub async fn results(state: &AppState, loaded: &Loaded) -> AppResult<Vec<SurveyResults>> {
    let mut out = Vec::new();
    for survey in state.db.surveys_of(&loaded.view, loaded.profile.id).await? {
        let responses = state.db.survey_responses(&loaded.view, survey.id).await?;
        out.push(SurveyResults {
            link: state.config.link(&format!("/enquete/{}", survey.link_code)),
            summary: summarise(questions(survey.kind, survey.audience), &responses),
            named: responses.iter().filter_map(|r| r.name.clone()).collect(),
            survey,
        });
    }
    Ok(out)
}

/// Makes (or reopens) the link for a survey and audience (coordinators).
pub async fn open(
    state: &AppState,
    session: &Session,
    loaded: &Loaded,
    kind: &str,
    audience: &str,
) -> AppResult<Survey> {
    let coordination = access::coordinate_profiles(&session.actor, &loaded.school)?;
    let kind = SurveyKind::parse(kind).ok_or_else(|| AppError::new(ErrorKind::BadRequest))?;
    let audience = Audience::parse(audience)
        .filter(|a| kind.audiences().contains(a))
        .ok_or_else(|| AppError::new(ErrorKind::BadRequest))?;
    // 128 bits is plenty for a link that only lets people answer.
    let code = random_token()[..32].to_owned();
    Ok(state.db.open_survey(&coordination, loaded.profile.id, kind, audience, &code, session.user.id).await?)
}

/// Closes or reopens a survey and sets whether a browser may answer more than once.
pub async fn set(
    state: &AppState,
    session: &Session,
    loaded: &Loaded,
    survey_id: i64,
    closed: bool,
    allow_multiple: bool,
) -> AppResult<()> {
    let coordination = access::coordinate_profiles(&session.actor, &loaded.school)?;
    if !state.db.surveys_of(&loaded.view, loaded.profile.id).await?.iter().any(|s| s.id == survey_id) {
        return Err(AppError::not_found());
    }
    Ok(state.db.set_survey(&coordination, survey_id, closed, allow_multiple).await?)
}

/// Checks and keeps an answer given through a link.
pub async fn answer(
    state: &AppState,
    link_code: &str,
    raw: &BTreeMap<String, String>,
    name: Option<&str>,
    browser_key: &str,
) -> AppResult<Result<Answered, FieldProblems>> {
    let survey = state.db.survey_by_link(link_code).await?.ok_or_else(AppError::not_found)?;
    let response = match parse_response(questions(survey.kind, survey.audience), raw, name) {
        Ok(response) => response,
        Err(problems) => return Ok(Err(problems)),
    };
    Ok(Ok(state.db.answer_survey(link_code, &response, browser_key).await?))
}
