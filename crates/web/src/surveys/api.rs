//! Surveys through the JSON API: the school's side and the public answer.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use passend_app::surveys::{Answered, new_browser_key};
use passend_domain::surveys::questions;
use serde::Deserialize;
use serde_json::{Value, json};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::BROWSER_COOKIE;
use crate::accounts::api::problems_error;
use crate::app::AppState;
use crate::error::{AppError, AppResult, ErrorKind};
use crate::profiles::load;
use crate::security::cookies::{cookie, set_cookie};
use crate::security::session::SignedIn;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_surveys, open_survey))
        .routes(routes!(set_survey))
        .routes(routes!(public_survey))
        .routes(routes!(answer_survey))
}

/// The profile's surveys with their links and results per question.
#[utoipa::path(get, path = "/api/v1/profiles/{id}/surveys", tag = "surveys", security(("session" = [])),
    params(("id" = i64, Path)), responses((status = 200, body = Object)))]
pub async fn list_surveys(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path(id): Path<i64>,
) -> AppResult<Json<Value>> {
    let loaded = load(&state, &session, id).await?;
    let results = state.app.survey_results(&loaded).await?;
    Ok(Json(Value::Array(
        results
            .into_iter()
            .map(|r| json!({ "survey": r.survey, "link": r.link, "results": r.summary, "named_respondents": r.named }))
            .collect(),
    )))
}

#[derive(Deserialize, ToSchema)]
pub struct NewSurvey {
    /// `evaluation` or `control_group`.
    pub kind: String,
    /// `team`, `parents` or `pupils` (the control group asks parents and pupils).
    pub audience: String,
}

/// Makes (or reopens) the link for a survey and audience (coordinators).
#[utoipa::path(post, path = "/api/v1/profiles/{id}/surveys", tag = "surveys", security(("session" = [])),
    params(("id" = i64, Path)), request_body = NewSurvey,
    responses((status = 200, description = "The survey with its link"), (status = 403, description = "Not a coordinator")))]
pub async fn open_survey(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path(id): Path<i64>,
    Json(body): Json<NewSurvey>,
) -> AppResult<Json<Value>> {
    let loaded = load(&state, &session, id).await?;
    let survey = state.app.open_survey(&session.actor, &loaded, &body.kind, &body.audience).await?;
    let link = state.config.link(&format!("/enquete/{}", survey.link_code));
    Ok(Json(json!({ "survey": survey, "link": link })))
}

#[derive(Deserialize, ToSchema)]
pub struct SurveySettings {
    pub closed: bool,
    /// May one browser answer more than once (a shared computer in class)?
    pub allow_multiple: bool,
}

/// Closes or reopens a survey and sets whether a browser may answer more than once.
#[utoipa::path(put, path = "/api/v1/profiles/{id}/surveys/{survey}", tag = "surveys", security(("session" = [])),
    params(("id" = i64, Path), ("survey" = i64, Path)), request_body = SurveySettings,
    responses((status = 204, description = "Saved"), (status = 403, description = "Not a coordinator")))]
pub async fn set_survey(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path((id, survey)): Path<(i64, i64)>,
    Json(body): Json<SurveySettings>,
) -> AppResult<StatusCode> {
    let loaded = load(&state, &session, id).await?;
    state.app.set_survey(&session.actor, &loaded, survey, body.closed, body.allow_multiple).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The questions of a survey, for anyone with its link.
#[utoipa::path(get, path = "/api/v1/surveys/{link}", tag = "surveys", security(()),
    params(("link" = String, Path)), responses((status = 200, body = Object), (status = 404, description = "No such survey")))]
pub async fn public_survey(State(state): State<AppState>, Path(link): Path<String>) -> AppResult<Json<Value>> {
    let survey = state.app.survey_by_link(&link).await?;
    Ok(Json(json!({
        "kind": survey.kind,
        "audience": survey.audience,
        "closed": survey.closed,
        "questions": questions(survey.kind, survey.audience),
    })))
}

#[derive(Deserialize, ToSchema)]
pub struct SurveyAnswer {
    /// Question key → option key or text.
    pub answers: BTreeMap<String, String>,
    /// Left out to answer anonymously.
    #[serde(default)]
    pub name: Option<String>,
}

/// Answers a survey with its link, without an account. One answer per browser
/// (a cookie) unless the school allows more: 409 for a second one, 410 when closed.
#[utoipa::path(post, path = "/api/v1/surveys/{link}/responses", tag = "surveys", security(()),
    params(("link" = String, Path)), request_body = SurveyAnswer,
    responses((status = 201, description = "Kept"), (status = 400, description = "Field errors"),
              (status = 409, description = "This browser answered already"), (status = 410, description = "Closed")))]
pub async fn answer_survey(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(link): Path<String>,
    Json(body): Json<SurveyAnswer>,
) -> AppResult<Response> {
    let existing = cookie(&headers, BROWSER_COOKIE).filter(|k| k.len() == 64);
    let key = existing.clone().unwrap_or_else(new_browser_key);
    let outcome =
        state.app.answer_survey(&link, &body.answers, body.name.as_deref(), &key).await?.map_err(problems_error)?;
    let mut response = match outcome {
        Answered::Saved => StatusCode::CREATED.into_response(),
        Answered::AlreadyAnswered => return Err(AppError::new(ErrorKind::Conflict)),
        Answered::Closed => StatusCode::GONE.into_response(),
    };
    if existing.is_none() {
        response
            .headers_mut()
            .insert(header::SET_COOKIE, set_cookie(BROWSER_COOKIE, &key, 365 * 86_400, state.config.secure_cookies()));
    }
    Ok(response)
}
