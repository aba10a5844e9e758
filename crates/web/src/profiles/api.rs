use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use passend_domain::lifecycle::ProfileState;
use passend_domain::organisations::{Brin, OrgRef};
use passend_domain::questionnaire::{SchoolYear, TemplateVariant, compose, default_template, spread};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{answered, by_key, progress_of};
use crate::accounts::api::problems_error;
use crate::app::AppState;
use crate::contract::{Created, RawAnswer, raw_answer};
use crate::error::{AppError, AppResult, ErrorDetail, ErrorKind};
use crate::i18n::ReaderLang;
use crate::profiles::OnProfile;
use crate::security::session::SignedIn;
use passend_app::questionnaire::SchoolSave;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(default_template_json))
        .routes(routes!(school_profiles, start_profile))
        .routes(routes!(get_profile))
        .routes(routes!(set_team))
        .routes(routes!(my_answers))
        .routes(routes!(save_my_answer))
        .routes(routes!(school_answers))
        .routes(routes!(save_school_answer))
        .routes(routes!(confirm_school_answer))
        .routes(routes!(take_over_answer))
        .routes(routes!(confirm_section))
        .routes(routes!(composed_profile))
        .routes(routes!(get_swv_template, save_swv_template))
        .routes(routes!(publish_swv_template))
}

/// The platform's default questionnaire template (sections, items, stable keys).
#[utoipa::path(get, path = "/api/v1/templates/default", tag = "questionnaire", security(()),
    responses((status = 200, description = "The template", body = TemplateDocument)))]
pub async fn default_template_json() -> Json<&'static passend_domain::questionnaire::Template> {
    Json(default_template())
}

/// A questionnaire template: `sections` (key `A`…`L`, title, `items`), each
/// item with its stable `key`, `label`, `type` and the choices, levels,
/// columns or limits of that type (docs/questionnaire.md). Its inner shape is
/// the domain's and is not spelled out here.
pub struct TemplateDocument;

impl utoipa::PartialSchema for TemplateDocument {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::Schema> {
        utoipa::openapi::schema::ObjectBuilder::new()
            .property(
                "sections",
                utoipa::openapi::schema::ArrayBuilder::new().items(utoipa::openapi::schema::Object::new()),
            )
            .required("sections")
            .description(Some("A questionnaire template (docs/questionnaire.md)."))
            .into()
    }
}

impl ToSchema for TemplateDocument {}

#[derive(Serialize, ToSchema)]
pub struct ProfileItem {
    pub id: i64,
    pub location_code: String,
    pub location_name: String,
    pub school_year: String,
    pub open_for_team: bool,
    pub answered: i64,
    /// Where the profile is in its yearly cycle.
    #[schema(schema_with = crate::contract::profile_state)]
    pub state: ProfileState,
}

/// A school's profiles (its members, its SWV and board).
#[utoipa::path(get, path = "/api/v1/schools/{brin}/profiles", tag = "questionnaire", security(("session" = [])),
    params(("brin" = String, Path)), responses((status = 200, body = [ProfileItem]), (status = 403, description = "Not visible to you")))]
pub async fn school_profiles(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path(brin): Path<String>,
) -> AppResult<Json<Vec<ProfileItem>>> {
    let brin = Brin::parse(&brin).map_err(|_| AppError::not_found())?;
    let (view, _) = state.app.view_org(&session.actor, &OrgRef::school(&brin)).await?;
    let profiles = state.app.profiles_of_school(&view).await?;
    Ok(Json(
        profiles
            .into_iter()
            .map(|p| ProfileItem {
                id: p.id,
                location_code: p.location_code,
                location_name: p.location_name,
                school_year: p.school_year,
                open_for_team: p.open_for_team,
                answered: p.answered,
                state: p.state,
            })
            .collect(),
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct StartProfile {
    /// Location code (BRIN6), e.g. `04FZ00`.
    pub location: String,
    /// e.g. `2026-2027`.
    #[schema(value_type = crate::contract::SchoolYearName)]
    pub school_year: String,
}

/// Starts a location's profile for a school year (director or IB-er): the SWV's
/// published template or the default, DUO data pre-filled, last year's answers copied.
#[utoipa::path(post, path = "/api/v1/schools/{brin}/profiles", tag = "questionnaire", security(("session" = [])),
    params(("brin" = String, Path)), request_body = StartProfile,
    responses((status = 201, description = "Started", body = Created), (status = 400, description = "Field errors"),
              (status = 403, description = "Not a coordinator"), (status = 409, description = "The profile exists")))]
pub async fn start_profile(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path(brin): Path<String>,
    Json(body): Json<StartProfile>,
) -> AppResult<(StatusCode, Json<Created>)> {
    let brin = Brin::parse(&brin).map_err(|_| AppError::not_found())?;
    let school = state.app.school(brin.as_str()).await?;
    let year = SchoolYear::parse(&body.school_year).ok_or_else(|| {
        AppError::invalid(vec![("school_year".into(), passend_domain::Message::new("profile-year-invalid"))])
    })?;
    let id = state.app.start_profile(&session.actor, &school, &body.location, year).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

/// A profile: its template, whether the team may answer, and progress.
#[utoipa::path(get, path = "/api/v1/profiles/{id}", tag = "questionnaire", security(("session" = [])),
    params(("id" = i64, Path)), responses((status = 200, body = ProfileBody), (status = 404, description = "No such profile for you")))]
pub async fn get_profile(
    State(state): State<AppState>,
    OnProfile { loaded, .. }: OnProfile,
) -> AppResult<Json<ProfileBody>> {
    let answers = by_key(state.app.school_answers(&loaded).await?);
    let progress = progress_of(&loaded.profile, &answers);
    Ok(Json(ProfileBody {
        progress: ProgressBody {
            answered: progress.answered,
            total: progress.total,
            percent: progress.percent(),
            sections: progress
                .sections
                .into_iter()
                .map(|s| SectionProgressBody {
                    percent: s.percent(),
                    key: s.key,
                    title: s.title,
                    answered: s.answered,
                    total: s.total,
                    empty: s.empty,
                })
                .collect(),
        },
        id: loaded.profile.id,
        location_code: loaded.profile.location_code,
        brin: loaded.profile.brin,
        school_year: loaded.profile.school_year,
        open_for_team: loaded.profile.open_for_team,
        template: loaded.profile.template,
    }))
}

#[derive(Serialize, ToSchema)]
pub struct ProfileBody {
    pub id: i64,
    pub location_code: String,
    pub brin: String,
    /// e.g. `2026-2027`.
    pub school_year: String,
    pub open_for_team: bool,
    /// The template this profile was started from.
    #[schema(value_type = TemplateDocument)]
    pub template: passend_domain::questionnaire::Template,
    pub progress: ProgressBody,
}

/// How much of the visible items has the school's answer.
#[derive(Serialize, ToSchema)]
pub struct ProgressBody {
    pub answered: usize,
    pub total: usize,
    /// Whole percent, rounded down.
    #[schema(maximum = 100)]
    pub percent: usize,
    pub sections: Vec<SectionProgressBody>,
}

#[derive(Serialize, ToSchema)]
pub struct SectionProgressBody {
    /// `A` … `L`.
    pub key: String,
    pub title: String,
    pub answered: usize,
    pub total: usize,
    #[schema(maximum = 100)]
    pub percent: usize,
    /// Keys of the visible items without an answer.
    pub empty: Vec<String>,
}

#[derive(Deserialize, ToSchema)]
pub struct TeamAccess {
    /// Whether team members may answer.
    pub open: bool,
}

/// Opens the questionnaire to the team, or closes it (coordinators).
///
/// Opening a closed questionnaire mails everyone of the team but the caller the link.
#[utoipa::path(put, path = "/api/v1/profiles/{id}/team", tag = "questionnaire", security(("session" = [])),
    params(("id" = i64, Path)), request_body = TeamAccess,
    responses((status = 204, description = "Done"), (status = 403, description = "Not a coordinator"), (status = 409, description = "The profile is no longer a concept")))]
pub async fn set_team(
    State(state): State<AppState>,
    OnProfile { loaded, session }: OnProfile,
    Json(body): Json<TeamAccess>,
) -> AppResult<StatusCode> {
    // Opening mails the team; the page says how many (the API keeps its 204).
    state.app.set_open_for_team(&session.actor, &loaded, body.open).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The signed-in respondent's own answers.
#[utoipa::path(get, path = "/api/v1/profiles/{id}/my-answers", tag = "questionnaire", security(("session" = [])),
    params(("id" = i64, Path)), responses((status = 200, body = [MyAnswer]), (status = 403, description = "Not a respondent of this school")))]
pub async fn my_answers(
    State(state): State<AppState>,
    OnProfile { loaded, session }: OnProfile,
) -> AppResult<Json<Vec<MyAnswer>>> {
    let answers = state.app.my_answers(&session.actor, &loaded).await?;
    Ok(Json(
        answers.into_iter().map(|a| MyAnswer { value: a.value.to_raw(), item_key: a.item_key, note: a.note }).collect(),
    ))
}

/// A respondent's own answer to one item.
#[derive(Serialize, ToSchema)]
pub struct MyAnswer {
    pub item_key: String,
    /// As `PUT …/my-answers/{item}` takes it.
    #[schema(value_type = RawAnswer)]
    pub value: Value,
    pub note: Option<String>,
}

#[derive(Deserialize, ToSchema)]
pub struct AnswerBody {
    /// The raw answer: a level or option key, a list of keys, `true`/`false`,
    /// a number, text, or a list of table rows (objects by column key). Empty clears it.
    #[serde(default)]
    #[schema(value_type = RawAnswer)]
    pub value: Value,
    /// A note beside the answer; only with an answer.
    #[serde(default)]
    #[schema(max_length = 1000)]
    pub note: Option<String>,
    /// For the school's answer: the version this change starts from (0 when there was none).
    #[serde(default, deserialize_with = "crate::contract::whole_number")]
    #[schema(minimum = 0)]
    pub version: i64,
}

/// Saves the respondent's own answer to one item.
#[utoipa::path(put, path = "/api/v1/profiles/{id}/my-answers/{item}", tag = "questionnaire", security(("session" = [])),
    params(("id" = i64, Path), ("item" = String, Path, description = "Item key, e.g. aanbod.dyslexie")), request_body = AnswerBody,
    responses((status = 204, description = "Saved"), (status = 400, description = "Field errors; nothing saved"), (status = 403, description = "Not open to you"),
              (status = 404, description = "No such profile for you, or no such visible item"), (status = 409, description = "The profile is no longer a concept")))]
pub async fn save_my_answer(
    State(state): State<AppState>,
    OnProfile { loaded, session }: OnProfile,
    Path((_id, item)): Path<(i64, String)>,
    Json(body): Json<AnswerBody>,
) -> AppResult<StatusCode> {
    state
        .app
        .save_my_answer(&session.actor, &loaded, &item, &body.value, body.note.as_deref())
        .await?
        .map_err(problems_error)?;
    Ok(StatusCode::NO_CONTENT)
}

/// The school's answers with their versions; coordinators also get the spread of the team's answers.
#[utoipa::path(get, path = "/api/v1/profiles/{id}/answers", tag = "questionnaire", security(("session" = [])),
    params(("id" = i64, Path)), responses((status = 200, body = [SchoolAnswerBody])))]
pub async fn school_answers(
    State(state): State<AppState>,
    OnProfile { loaded, session }: OnProfile,
) -> AppResult<Json<Vec<SchoolAnswerBody>>> {
    let answers = state.app.school_answers(&loaded).await?;
    let team = match state.app.team_answers(&session.actor, &loaded).await {
        Ok(team) => Some(team),
        Err(passend_app::Error::Forbidden) => None,
        Err(other) => return Err(other.into()),
    };
    let items = loaded
        .profile
        .template
        .items()
        .filter(|i| !i.hidden)
        .map(|item| {
            let answer = answers.iter().find(|a| a.item_key == item.key);
            let spread = team.as_ref().map(|team| {
                let mine: Vec<_> = team.iter().filter(|t| t.item_key == item.key).collect();
                let given: Vec<_> = mine.iter().map(|t| (t.respondent.clone(), t.value.clone())).collect();
                let spread = spread(&given);
                SpreadBody {
                    divergent: spread.divergent,
                    entries: spread
                        .entries
                        .into_iter()
                        .map(|e| SpreadEntryBody { value: e.value.to_raw(), respondents: e.respondents })
                        .collect(),
                    answers: mine
                        .into_iter()
                        .map(|t| GivenAnswerBody {
                            respondent_id: t.user_id,
                            respondent: t.respondent.clone(),
                            value: t.value.to_raw(),
                            note: t.note.clone(),
                        })
                        .collect(),
                }
            });
            SchoolAnswerBody {
                item_key: item.key.clone(),
                value: raw_answer(answer.and_then(|a| a.value.as_ref())),
                note: answer.and_then(|a| a.note.clone()),
                version: answer.map_or(0, |a| a.version),
                from_last_year: answer.is_some_and(|a| a.from_last_year),
                updated_by: answer.and_then(|a| a.updated_by.clone()),
                spread,
            }
        })
        .collect();
    Ok(Json(items))
}

/// The school's answer to one visible item (`null` when there is none yet).
#[derive(Serialize, ToSchema)]
pub struct SchoolAnswerBody {
    pub item_key: String,
    /// As `PUT …/answers/{item}` takes it.
    #[schema(value_type = RawAnswer)]
    pub value: Value,
    pub note: Option<String>,
    /// Send this back as `version` with a change; 0 when never saved.
    pub version: i64,
    /// Copied from last year's profile and not yet confirmed.
    pub from_last_year: bool,
    pub updated_by: Option<String>,
    /// The team's own answers, for coordinators only (left out for others).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spread: Option<SpreadBody>,
}

#[derive(Serialize, ToSchema)]
pub struct SpreadBody {
    /// Distinct answers, most given first.
    pub entries: Vec<SpreadEntryBody>,
    /// The team does not agree: more than one distinct answer.
    pub divergent: bool,
    /// Each respondent's own answer with their note, in name order; take one
    /// over with `POST …/answers/{item}/take-over`.
    pub answers: Vec<GivenAnswerBody>,
}

#[derive(Serialize, ToSchema)]
pub struct GivenAnswerBody {
    /// Names the respondent for a take-over.
    pub respondent_id: i64,
    pub respondent: String,
    #[schema(value_type = RawAnswer)]
    pub value: Value,
    pub note: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct SpreadEntryBody {
    #[schema(value_type = RawAnswer)]
    pub value: Value,
    /// Who gave this answer, in the order given.
    pub respondents: Vec<String>,
}

/// A save of the school's answer: the version it now has.
#[derive(Serialize, ToSchema)]
pub struct SavedVersion {
    pub version: i64,
}

/// 409 of a save: someone saved first; nothing changed, and this is what is stored now.
#[derive(Serialize, ToSchema)]
pub struct AnswerConflict {
    pub error: ErrorDetail,
    /// What is stored now, when someone saved in between; a locked profile's
    /// 409 has the error alone.
    #[schema(required = false)]
    pub current: CurrentAnswer,
}

#[derive(Serialize, ToSchema)]
pub struct CurrentAnswer {
    /// The stored answer as people read it, in the reader's language.
    pub shown: String,
    #[schema(value_type = RawAnswer)]
    pub value: Value,
    pub note: Option<String>,
    pub version: i64,
    pub updated_by: Option<String>,
    /// Unix seconds.
    pub updated_at: i64,
}

fn save_response(
    lang: passend_i18n::Lang,
    item: Option<&passend_domain::questionnaire::Item>,
    outcome: SchoolSave,
) -> AppResult<Response> {
    Ok(match outcome {
        SchoolSave::Saved { version } => Json(SavedVersion { version }).into_response(),
        SchoolSave::Invalid(problems) => return Err(problems_error(problems)),
        SchoolSave::Conflict(current) => (
            StatusCode::CONFLICT,
            Json(AnswerConflict {
                error: ErrorDetail { code: ErrorKind::Conflict, message: lang.t("conflict-title"), fields: Vec::new() },
                current: CurrentAnswer {
                    shown: match (item, &current.value) {
                        (Some(item), Some(value)) => {
                            super::view::shown_text(lang, &passend_domain::questionnaire::show(item, value))
                        }
                        _ => lang.t("answer-empty"),
                    },
                    value: raw_answer(current.value.as_ref()),
                    note: current.note,
                    version: current.version,
                    updated_by: current.updated_by,
                    updated_at: current.updated_at,
                },
            }),
        )
            .into_response(),
    })
}

/// Sets the school's answer to one item (coordinators). The body names the
/// version it starts from; when someone saved in between, 409 returns what is
/// stored now and nothing changes.
#[utoipa::path(put, path = "/api/v1/profiles/{id}/answers/{item}", tag = "questionnaire", security(("session" = [])),
    params(("id" = i64, Path), ("item" = String, Path)), request_body = AnswerBody,
    responses((status = 200, description = "Saved; the new version", body = SavedVersion), (status = 400, description = "Field errors; nothing saved"),
              (status = 403, description = "Not a coordinator"), (status = 404, description = "No such profile for you, or no such visible item"),
              (status = 409, description = "Changed by someone else, or the profile is locked", body = AnswerConflict)))]
pub async fn save_school_answer(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    OnProfile { loaded, session }: OnProfile,
    Path((_id, item)): Path<(i64, String)>,
    Json(body): Json<AnswerBody>,
) -> AppResult<Response> {
    let outcome = state
        .app
        .save_school_answer(&session.actor, &loaded, &item, &body.value, body.note.as_deref(), body.version)
        .await?;
    save_response(lang, loaded.profile.template.item(&item), outcome)
}

#[derive(Deserialize, ToSchema)]
pub struct Confirmation {
    /// The version the copied answer has now.
    #[serde(deserialize_with = "crate::contract::whole_number")]
    #[schema(minimum = 0)]
    pub version: i64,
}

/// Confirms an answer copied from last year (coordinators).
#[utoipa::path(post, path = "/api/v1/profiles/{id}/answers/{item}/confirm", tag = "questionnaire", security(("session" = [])),
    params(("id" = i64, Path), ("item" = String, Path)), request_body = Confirmation,
    responses((status = 200, description = "Confirmed; the new version", body = SavedVersion), (status = 403, description = "Not a coordinator"),
              (status = 409, description = "Changed by someone else, or the profile is locked", body = AnswerConflict)))]
pub async fn confirm_school_answer(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    OnProfile { loaded, session }: OnProfile,
    Path((_id, item)): Path<(i64, String)>,
    Json(body): Json<Confirmation>,
) -> AppResult<Response> {
    let outcome = state.app.confirm_school_answer(&session.actor, &loaded, &item, body.version).await?;
    save_response(lang, loaded.profile.template.item(&item), outcome)
}

#[derive(Deserialize, ToSchema)]
pub struct TakeOver {
    /// The respondent whose answer (with its note) becomes the school's: a `respondent_id` of the spread.
    #[serde(deserialize_with = "crate::contract::whole_number")]
    pub respondent: i64,
    /// The version of the school's answer the coordinator saw (0 when there was none).
    #[serde(deserialize_with = "crate::contract::whole_number")]
    #[schema(minimum = 0)]
    pub version: i64,
}

/// Takes one respondent's answer with its note over as the school's answer
/// (coordinators), under the same rules as `PUT …/answers/{item}`: 409 with
/// what is stored now when someone saved in between.
#[utoipa::path(post, path = "/api/v1/profiles/{id}/answers/{item}/take-over", tag = "questionnaire", security(("session" = [])),
    params(("id" = i64, Path), ("item" = String, Path)), request_body = TakeOver,
    responses((status = 200, description = "Taken over; the new version", body = SavedVersion), (status = 400, description = "The answer no longer fits the item"),
              (status = 403, description = "Not a coordinator"), (status = 404, description = "That person gave no answer to this item"),
              (status = 409, description = "Changed by someone else, or the profile is locked", body = AnswerConflict)))]
pub async fn take_over_answer(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    OnProfile { loaded, session }: OnProfile,
    Path((_id, item)): Path<(i64, String)>,
    Json(body): Json<TakeOver>,
) -> AppResult<Response> {
    let outcome = state.app.take_over_answer(&session.actor, &loaded, &item, body.respondent, body.version).await?;
    save_response(lang, loaded.profile.template.item(&item), outcome)
}

/// The answers a section confirmation confirmed.
#[derive(Serialize, ToSchema)]
pub struct SectionConfirmed {
    /// Each confirmed item with its new version; empty when nothing was left to confirm.
    pub confirmed: Vec<ConfirmedAnswer>,
}

#[derive(Serialize, ToSchema)]
pub struct ConfirmedAnswer {
    pub item_key: String,
    pub version: i64,
}

/// Confirms every answer of the section still as it was copied from last
/// year, in one request ("alles in dit onderdeel klopt nog", coordinators);
/// the audit log records the section and the count.
#[utoipa::path(post, path = "/api/v1/profiles/{id}/sections/{section}/confirm", tag = "questionnaire", security(("session" = [])),
    params(("id" = i64, Path), ("section" = String, Path, description = "A to L")),
    responses((status = 200, description = "Confirmed", body = SectionConfirmed), (status = 403, description = "Not a coordinator"),
              (status = 404, description = "No such section"), (status = 409, description = "The profile is no longer a concept")))]
pub async fn confirm_section(
    State(state): State<AppState>,
    OnProfile { loaded, session }: OnProfile,
    Path((_id, section)): Path<(i64, String)>,
) -> AppResult<Json<SectionConfirmed>> {
    let confirmed = state.app.confirm_section(&session.actor, &session.user.name, &loaded, &section).await?;
    Ok(Json(SectionConfirmed {
        confirmed: confirmed.into_iter().map(|(item_key, version)| ConfirmedAnswer { item_key, version }).collect(),
    }))
}

/// The composed profile: the school's answers in the chapters of a profile.
#[utoipa::path(get, path = "/api/v1/profiles/{id}/composed", tag = "questionnaire", security(("session" = [])),
    params(("id" = i64, Path)), responses((status = 200, body = [ComposedChapterBody])))]
pub async fn composed_profile(
    State(state): State<AppState>,
    OnProfile { loaded, .. }: OnProfile,
) -> AppResult<Json<Vec<ComposedChapterBody>>> {
    let answers = by_key(state.app.school_answers(&loaded).await?);
    Ok(Json(
        compose(&loaded.profile.template, &answered(&answers))
            .into_iter()
            .map(|c| ComposedChapterBody { chapter: c.chapter, entries: c.entries })
            .collect(),
    ))
}

/// One chapter of the composed profile, every chapter in its fixed order.
#[derive(Serialize, ToSchema)]
pub struct ComposedChapterBody {
    #[schema(schema_with = chapter_schema)]
    pub chapter: passend_domain::questionnaire::Chapter,
    /// The answered items of the chapter: `item_key`, `label`, `shown` (the
    /// answer with labels: `{"type": "text"|"labels"|"yes_no"|"number"|"table", "value": …}`),
    /// `note` and `aspect`.
    #[schema(value_type = Vec<Object>)]
    pub entries: Vec<passend_domain::questionnaire::Entry>,
}

fn chapter_schema() -> utoipa::openapi::schema::Object {
    crate::contract::names_of(&passend_domain::questionnaire::Chapter::ALL, "A chapter of the profile.")
}

/// An SWV's own version of the default template for a school year (its admins).
#[utoipa::path(get, path = "/api/v1/swvs/{code}/templates/{year}", tag = "questionnaire", security(("session" = [])),
    params(("code" = String, Path), ("year" = crate::contract::SchoolYearName, Path, description = "e.g. 2026-2027")),
    responses((status = 200, body = SwvTemplateBody), (status = 403, description = "Not this SWV's admin"), (status = 404, description = "No version for that year")))]
pub async fn get_swv_template(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path((code, year)): Path<(String, String)>,
) -> AppResult<Json<SwvTemplateBody>> {
    let code = crate::directory::swv_code(&code)?;
    let year = SchoolYear::parse(&year).ok_or_else(AppError::not_found)?;
    let record = state.app.swv_template(&session.actor, &code, year).await?.ok_or_else(AppError::not_found)?;
    let template = record.variant.apply(default_template()).map_err(|e| anyhow::anyhow!("stored variant: {e}"))?;
    Ok(Json(SwvTemplateBody { variant: record.variant, published: record.published_at.is_some(), template }))
}

/// An SWV's version of the template: its changes, and the template they make.
#[derive(Serialize, ToSchema)]
pub struct SwvTemplateBody {
    /// As `PUT` takes it: `owner`, `changes` (hidden, reworded or relabelled items) and `added` items.
    #[schema(value_type = Object)]
    pub variant: TemplateVariant,
    pub published: bool,
    #[schema(value_type = TemplateDocument)]
    pub template: passend_domain::questionnaire::Template,
}

/// Stores the SWV's changes to the default template for a school year: hidden,
/// reworded or relabelled items and items of its own (keys `swv.<code>.…`).
#[utoipa::path(put, path = "/api/v1/swvs/{code}/templates/{year}", tag = "questionnaire", security(("session" = [])),
    params(("code" = String, Path), ("year" = crate::contract::SchoolYearName, Path)), request_body(content = crate::contract::TemplateVariantDocument, description = "A template variant: changes and added items"),
    responses((status = 204, description = "Stored"), (status = 400, description = "The variant would break shared keys"), (status = 403, description = "Not this SWV's admin")))]
pub async fn save_swv_template(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path((code, year)): Path<(String, String)>,
    Json(variant): Json<TemplateVariant>,
) -> AppResult<StatusCode> {
    let code = crate::directory::swv_code(&code)?;
    let year = SchoolYear::parse(&year).ok_or_else(AppError::not_found)?;
    state.app.save_swv_template(&session.actor, &code, year, variant).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Publishes the SWV's version: profiles started from then on use it.
#[utoipa::path(post, path = "/api/v1/swvs/{code}/templates/{year}/publish", tag = "questionnaire", security(("session" = [])),
    params(("code" = String, Path), ("year" = crate::contract::SchoolYearName, Path)),
    responses((status = 204, description = "Published"), (status = 403, description = "Not this SWV's admin"), (status = 404, description = "No version stored for that year")))]
pub async fn publish_swv_template(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path((code, year)): Path<(String, String)>,
) -> AppResult<StatusCode> {
    let code = crate::directory::swv_code(&code)?;
    let year = SchoolYear::parse(&year).ok_or_else(AppError::not_found)?;
    state.app.publish_swv_template(&session.actor, &code, year).await?;
    Ok(StatusCode::NO_CONTENT)
}
