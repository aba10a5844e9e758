//! Surveys through the JSON API: the school's side and the public answer.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use passend_app::App;
use passend_app::surveys::{Answered, Survey, SurveyResults, new_browser_key};
use passend_domain::lifecycle::iso_day;
use passend_domain::surveys::{Audience, ContactInput, QuestionKind, SurveyKind, questions};
use serde::{Deserialize, Serialize};
use utoipa::openapi::schema::{ObjectBuilder, OneOfBuilder, Type};
use utoipa::openapi::{RefOr, Schema};
use utoipa::{PartialSchema, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::BROWSER_COOKIE;
use crate::accounts::api::problems_error;
use crate::app::AppState;
use crate::error::{AppError, AppResult, ErrorKind};
use crate::profiles::OnProfile;
use crate::security::cookies::{cookie, set_cookie};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_surveys, open_survey))
        .routes(routes!(set_survey))
        .routes(routes!(public_survey))
        .routes(routes!(answer_survey))
        .merge(super::results::router())
}

/// The profile's surveys with their links and results per question.
#[utoipa::path(get, path = "/api/v1/profiles/{id}/surveys", tag = "surveys", security(("session" = [])),
    params(("id" = i64, Path)), responses((status = 200, body = [SurveyResultsBody])))]
pub async fn list_surveys(
    State(state): State<AppState>,
    OnProfile { loaded, .. }: OnProfile,
) -> AppResult<Json<Vec<SurveyResultsBody>>> {
    let results = state.app.survey_results(&loaded).await?;
    Ok(Json(results.into_iter().map(SurveyResultsBody::from).collect()))
}

impl From<SurveyResults> for SurveyResultsBody {
    fn from(r: SurveyResults) -> Self {
        let results = r
            .summary
            .iter()
            .map(|q| QuestionResult {
                key: q.key,
                text: q.text,
                counts: q.counts.iter().map(|(option, count)| OptionCount { option, count: *count }).collect(),
                texts: q.texts.iter().map(|t| t.text.clone()).collect(),
                response_ids: q.texts.iter().map(|t| r.response_id(t.response)).collect(),
                answered: q.answered,
            })
            .collect();
        SurveyResultsBody {
            kept_until: iso_day(r.kept_until),
            survey: r.survey.into(),
            link: r.link,
            results,
            named_respondents: r.named,
        }
    }
}

/// A survey of the profile.
#[derive(Serialize, ToSchema)]
pub struct SurveyBody {
    pub id: i64,
    pub profile_id: i64,
    #[schema(schema_with = kind_schema)]
    pub kind: SurveyKind,
    #[schema(schema_with = audience_schema)]
    pub audience: Audience,
    /// The code in the survey's link (`/enquete/{code}`).
    pub link_code: String,
    pub allow_multiple: bool,
    pub closed: bool,
    /// How many answered so far.
    pub responses: i64,
}

impl From<Survey> for SurveyBody {
    fn from(s: Survey) -> Self {
        SurveyBody {
            id: s.id,
            profile_id: s.profile_id,
            kind: s.kind,
            audience: s.audience,
            link_code: s.link_code,
            allow_multiple: s.allow_multiple,
            closed: s.closed,
            responses: s.responses,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct SurveyResultsBody {
    pub survey: SurveyBody,
    /// The link to hand out.
    pub link: String,
    /// Per question, in the order asked.
    pub results: Vec<QuestionResult>,
    /// The names of those who gave one.
    pub named_respondents: Vec<String>,
    /// The last day (`YYYY-MM-DD`) the survey, its answers and contact details
    /// are kept (the end of the school year it was made in); then they are deleted.
    pub kept_until: String,
}

#[derive(Serialize, ToSchema)]
pub struct QuestionResult {
    pub key: &'static str,
    pub text: &'static str,
    /// For choice questions: each option's label and how many chose it, in the options' order.
    pub counts: Vec<OptionCount>,
    /// For open questions: the answers, oldest first.
    pub texts: Vec<String>,
    /// The response each of `texts` came from, in the same order: with the
    /// question's key it names a remark to make a wish of (`key:response_id`).
    pub response_ids: Vec<i64>,
    /// How many answered this question.
    pub answered: usize,
}

#[derive(Serialize, ToSchema)]
pub struct OptionCount {
    pub option: &'static str,
    pub count: usize,
}

/// The survey with the link to hand out.
#[derive(Serialize, ToSchema)]
pub struct OpenedSurvey {
    pub survey: SurveyBody,
    pub link: String,
}

fn kind_schema() -> utoipa::openapi::schema::Object {
    crate::contract::names_of(&SurveyKind::ALL, "`evaluation` (step 1) or `control_group` (step 3).")
}

fn audience_schema() -> utoipa::openapi::schema::Object {
    crate::contract::names_of(&Audience::ALL, "Who the survey asks.")
}

#[derive(Deserialize)]
pub struct NewSurvey {
    /// `evaluation` or `control_group`.
    pub kind: String,
    /// `team`, `parents` or `pupils` (the control group asks parents and pupils).
    pub audience: String,
}

/// One object per kind, each with the audiences that kind may ask: the
/// pairs the server takes, from the domain's own lists.
impl PartialSchema for NewSurvey {
    fn schema() -> RefOr<Schema> {
        let mut one_of = OneOfBuilder::new();
        for kind in SurveyKind::ALL {
            let audiences = kind.audiences().iter().map(|a| a.as_str());
            one_of = one_of.item(
                ObjectBuilder::new()
                    .property("kind", ObjectBuilder::new().schema_type(Type::String).enum_values(Some([kind.as_str()])))
                    .required("kind")
                    .property("audience", ObjectBuilder::new().schema_type(Type::String).enum_values(Some(audiences)))
                    .required("audience"),
            );
        }
        one_of.description(Some("A kind of survey and an audience it may ask.")).into()
    }
}

impl ToSchema for NewSurvey {}

/// Makes (or reopens) the link for a survey and audience (coordinators).
#[utoipa::path(post, path = "/api/v1/profiles/{id}/surveys", tag = "surveys", security(("session" = [])),
    params(("id" = i64, Path)), request_body = NewSurvey,
    responses((status = 200, description = "The survey with its link", body = OpenedSurvey), (status = 403, description = "Not a coordinator")))]
pub async fn open_survey(
    State(state): State<AppState>,
    OnProfile { loaded, session }: OnProfile,
    Json(body): Json<NewSurvey>,
) -> AppResult<Json<OpenedSurvey>> {
    let survey = state.app.open_survey(&session.actor, &loaded, &body.kind, &body.audience).await?;
    let link = state.config.link(&format!("/enquete/{}", survey.link_code));
    Ok(Json(OpenedSurvey { survey: survey.into(), link }))
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
    responses((status = 204, description = "Saved"), (status = 403, description = "Not a coordinator"), (status = 404, description = "No such survey of this profile")))]
pub async fn set_survey(
    State(state): State<AppState>,
    OnProfile { loaded, session }: OnProfile,
    Path((_id, survey)): Path<(i64, i64)>,
    Json(body): Json<SurveySettings>,
) -> AppResult<StatusCode> {
    state.app.set_survey(&session.actor, &loaded, survey, body.closed, body.allow_multiple).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The questions of a survey, for anyone with its link.
#[utoipa::path(get, path = "/api/v1/surveys/{link}", tag = "surveys", security(()),
    params(("link" = String, Path)), responses((status = 200, body = PublicSurvey), (status = 404, description = "No such survey")))]
pub async fn public_survey(State(state): State<AppState>, Path(link): Path<String>) -> AppResult<Json<PublicSurvey>> {
    let place = state.app.survey_place(&link).await?;
    let survey = place.survey;
    Ok(Json(PublicSurvey {
        kind: survey.kind,
        audience: survey.audience,
        closed: survey.closed,
        school: place.school_name,
        location: place.location_name,
        profile_url: place.published.then(|| state.config.link(&format!("/scholen/{}/ouders", survey.location_code))),
        asks_contact: App::offers_contact(&survey),
        kept_until: iso_day(place.kept_until),
        questions: questions(survey.kind, survey.audience)
            .iter()
            .map(|q| QuestionBody {
                key: q.key,
                text: q.text,
                options: match q.kind {
                    QuestionKind::Choice { options } => {
                        Some(options.iter().map(|(key, label)| OptionBody { key, label }).collect())
                    }
                    QuestionKind::Open => None,
                },
                kind: match q.kind {
                    QuestionKind::Choice { .. } => QuestionType::Choice,
                    QuestionKind::Open => QuestionType::Open,
                },
            })
            .collect(),
    }))
}

/// What a person with the link sees.
#[derive(Serialize, ToSchema)]
pub struct PublicSurvey {
    #[schema(schema_with = kind_schema)]
    pub kind: SurveyKind,
    #[schema(schema_with = audience_schema)]
    pub audience: Audience,
    pub closed: bool,
    /// The name of the school the survey is for.
    pub school: String,
    /// The name of the school's location (often the same).
    pub location: String,
    /// The parent version of the location's published profile, when there is one.
    pub profile_url: Option<String>,
    /// Whether a parent who wants to think along may leave contact details (`contact`).
    pub asks_contact: bool,
    /// The last day (`YYYY-MM-DD`) the answers and contact details are kept.
    pub kept_until: String,
    pub questions: Vec<QuestionBody>,
}

#[derive(Serialize, ToSchema)]
pub struct QuestionBody {
    /// The key to answer it under.
    pub key: &'static str,
    pub text: &'static str,
    #[serde(rename = "type")]
    pub kind: QuestionType,
    /// For `choice`: the option keys to answer with and their labels.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<OptionBody>>,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuestionType {
    Choice,
    Open,
}

#[derive(Serialize, ToSchema)]
pub struct OptionBody {
    pub key: &'static str,
    pub label: &'static str,
}

#[derive(Deserialize, ToSchema)]
pub struct SurveyAnswer {
    /// Question key → option key or text.
    pub answers: BTreeMap<String, String>,
    /// Left out to answer anonymously.
    #[serde(default)]
    pub name: Option<String>,
    /// Where `asks_contact`: how the school may reach a parent who answered
    /// yes (or maybe) to thinking along. Only with `consent`; seen only by the
    /// school's coordinators; deleted with the survey.
    #[serde(default)]
    pub contact: Option<ContactBody>,
}

/// How to reach a parent: a name and an e-mail address, a phone number, or both.
#[derive(Deserialize, ToSchema)]
pub struct ContactBody {
    pub name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: String,
    /// The person agrees that the school keeps these details to contact them.
    #[serde(default)]
    pub consent: bool,
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
    let contact = body.contact.as_ref().map_or_else(ContactInput::default, |c| ContactInput {
        name: &c.name,
        email: &c.email,
        phone: &c.phone,
        consent: c.consent,
    });
    let outcome = state
        .app
        .answer_survey(&link, &body.answers, body.name.as_deref(), &contact, &key)
        .await?
        .map_err(problems_error)?;
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
