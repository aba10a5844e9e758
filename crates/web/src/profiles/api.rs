use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use passend_domain::organisations::{Brin, OrgRef};
use passend_domain::questionnaire::{SchoolYear, TemplateVariant, compose, default_template, spread};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{answered, by_key, load, progress_of};
use crate::accounts::api::problems_error;
use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::i18n::ReaderLang;
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
        .routes(routes!(composed_profile))
        .routes(routes!(get_swv_template, save_swv_template))
        .routes(routes!(publish_swv_template))
}

/// The platform's default questionnaire template (sections, items, stable keys).
#[utoipa::path(get, path = "/api/v1/templates/default", tag = "questionnaire", security(()),
    responses((status = 200, description = "The template", body = Object)))]
pub async fn default_template_json() -> Json<Value> {
    Json(serde_json::to_value(default_template()).unwrap_or_default())
}

#[derive(Serialize, ToSchema)]
pub struct ProfileItem {
    pub id: i64,
    pub location_code: String,
    pub location_name: String,
    pub school_year: String,
    pub open_for_team: bool,
    pub answered: i64,
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
            })
            .collect(),
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct StartProfile {
    /// Location code (BRIN6), e.g. `04FZ00`.
    pub location: String,
    /// e.g. `2026-2027`.
    pub school_year: String,
}

/// Starts a location's profile for a school year (director or IB-er): the SWV's
/// published template or the default, DUO data pre-filled, last year's answers copied.
#[utoipa::path(post, path = "/api/v1/schools/{brin}/profiles", tag = "questionnaire", security(("session" = [])),
    params(("brin" = String, Path)), request_body = StartProfile,
    responses((status = 201, description = "Started; the body holds the id"), (status = 400, description = "Field errors"),
              (status = 403, description = "Not a coordinator"), (status = 409, description = "The profile exists")))]
pub async fn start_profile(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path(brin): Path<String>,
    Json(body): Json<StartProfile>,
) -> AppResult<(StatusCode, Json<Value>)> {
    let brin = Brin::parse(&brin).map_err(|_| AppError::not_found())?;
    let school = state.app.school(brin.as_str()).await?;
    let year = SchoolYear::parse(&body.school_year).ok_or_else(|| {
        AppError::invalid(vec![("school_year".into(), passend_domain::Message::new("profile-year-invalid"))])
    })?;
    let id = state.app.start_profile(&session.actor, &school, &body.location, year).await?;
    Ok((StatusCode::CREATED, Json(json!({ "id": id }))))
}

/// A profile: its template, whether the team may answer, and progress.
#[utoipa::path(get, path = "/api/v1/profiles/{id}", tag = "questionnaire", security(("session" = [])),
    params(("id" = i64, Path)), responses((status = 200, body = Object), (status = 404, description = "No such profile for you")))]
pub async fn get_profile(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path(id): Path<i64>,
) -> AppResult<Json<Value>> {
    let loaded = load(&state, &session, id).await?;
    let answers = by_key(state.app.school_answers(&loaded).await?);
    let progress = progress_of(&loaded.profile, &answers);
    Ok(Json(json!({
        "id": loaded.profile.id,
        "location_code": loaded.profile.location_code,
        "brin": loaded.profile.brin,
        "school_year": loaded.profile.school_year,
        "open_for_team": loaded.profile.open_for_team,
        "template": loaded.profile.template,
        "progress": { "answered": progress.answered, "total": progress.total, "percent": progress.percent(), "sections": progress.sections },
    })))
}

#[derive(Deserialize, ToSchema)]
pub struct TeamAccess {
    /// Whether team members may answer.
    pub open: bool,
}

/// Opens the questionnaire to the team, or closes it (coordinators).
#[utoipa::path(put, path = "/api/v1/profiles/{id}/team", tag = "questionnaire", security(("session" = [])),
    params(("id" = i64, Path)), request_body = TeamAccess, responses((status = 204, description = "Done"), (status = 403, description = "Not a coordinator")))]
pub async fn set_team(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path(id): Path<i64>,
    Json(body): Json<TeamAccess>,
) -> AppResult<StatusCode> {
    let loaded = load(&state, &session, id).await?;
    state.app.set_open_for_team(&session.actor, &loaded, body.open).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The signed-in respondent's own answers.
#[utoipa::path(get, path = "/api/v1/profiles/{id}/my-answers", tag = "questionnaire", security(("session" = [])),
    params(("id" = i64, Path)), responses((status = 200, body = Object)))]
pub async fn my_answers(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path(id): Path<i64>,
) -> AppResult<Json<Value>> {
    let loaded = load(&state, &session, id).await?;
    let answers = state.app.my_answers(&session.actor, &loaded).await?;
    Ok(Json(json!(
        answers.iter().map(|a| json!({ "item_key": a.item_key, "value": a.value, "note": a.note })).collect::<Vec<_>>()
    )))
}

#[derive(Deserialize, ToSchema)]
pub struct AnswerBody {
    /// The raw answer: a level or option key, a list of keys, `true`/`false`,
    /// a number, text, or a list of table rows (objects by column key). Empty clears it.
    #[serde(default)]
    #[schema(value_type = Object)]
    pub value: Value,
    #[serde(default)]
    pub note: Option<String>,
    /// For the school's answer: the version this change starts from (0 when there was none).
    #[serde(default)]
    pub version: i64,
}

/// Saves the respondent's own answer to one item.
#[utoipa::path(put, path = "/api/v1/profiles/{id}/my-answers/{item}", tag = "questionnaire", security(("session" = [])),
    params(("id" = i64, Path), ("item" = String, Path, description = "Item key, e.g. aanbod.dyslexie")), request_body = AnswerBody,
    responses((status = 204, description = "Saved"), (status = 400, description = "Field errors; nothing saved"), (status = 403, description = "Not open to you")))]
pub async fn save_my_answer(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path((id, item)): Path<(i64, String)>,
    Json(body): Json<AnswerBody>,
) -> AppResult<StatusCode> {
    let loaded = load(&state, &session, id).await?;
    state
        .app
        .save_my_answer(&session.actor, &loaded, &item, &body.value, body.note.as_deref())
        .await?
        .map_err(problems_error)?;
    Ok(StatusCode::NO_CONTENT)
}

/// The school's answers with their versions; coordinators also get the spread of the team's answers.
#[utoipa::path(get, path = "/api/v1/profiles/{id}/answers", tag = "questionnaire", security(("session" = [])),
    params(("id" = i64, Path)), responses((status = 200, body = Object)))]
pub async fn school_answers(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path(id): Path<i64>,
) -> AppResult<Json<Value>> {
    let loaded = load(&state, &session, id).await?;
    let answers = state.app.school_answers(&loaded).await?;
    let team = match state.app.team_answers(&session.actor, &loaded).await {
        Ok(team) => Some(team),
        Err(passend_app::Error::Forbidden) => None,
        Err(other) => return Err(other.into()),
    };
    let items: Vec<Value> = loaded
        .profile
        .template
        .items()
        .filter(|i| !i.hidden)
        .map(|item| {
            let answer = answers.iter().find(|a| a.item_key == item.key);
            let mut entry = json!({
                "item_key": item.key,
                "value": answer.and_then(|a| a.value.clone()),
                "note": answer.and_then(|a| a.note.clone()),
                "version": answer.map_or(0, |a| a.version),
                "from_last_year": answer.is_some_and(|a| a.from_last_year),
                "updated_by": answer.and_then(|a| a.updated_by.clone()),
            });
            if let Some(team) = &team {
                let given: Vec<_> = team
                    .iter()
                    .filter(|t| t.item_key == item.key)
                    .map(|t| (t.respondent.clone(), t.value.clone()))
                    .collect();
                entry["spread"] = serde_json::to_value(spread(&given)).unwrap_or_default();
            }
            entry
        })
        .collect();
    Ok(Json(Value::Array(items)))
}

fn save_response(
    lang: passend_i18n::Lang,
    item: Option<&passend_domain::questionnaire::Item>,
    outcome: SchoolSave,
) -> AppResult<Response> {
    Ok(match outcome {
        SchoolSave::Saved { version } => Json(json!({ "version": version })).into_response(),
        SchoolSave::Invalid(problems) => return Err(problems_error(problems)),
        SchoolSave::Conflict(current) => (
            StatusCode::CONFLICT,
            Json(json!({
                "error": { "code": "conflict", "message": lang.t("conflict-title"), "fields": [] },
                "current": {
                    "shown": match (item, &current.value) {
                        (Some(item), Some(value)) => super::view::shown_text(lang, &passend_domain::questionnaire::show(item, value)),
                        _ => lang.t("answer-empty"),
                    },
                    "value": current.value,
                    "note": current.note,
                    "version": current.version,
                    "updated_by": current.updated_by,
                    "updated_at": current.updated_at,
                },
            })),
        )
            .into_response(),
    })
}

/// Sets the school's answer to one item (coordinators). The body names the
/// version it starts from; when someone saved in between, 409 returns what is
/// stored now and nothing changes.
#[utoipa::path(put, path = "/api/v1/profiles/{id}/answers/{item}", tag = "questionnaire", security(("session" = [])),
    params(("id" = i64, Path), ("item" = String, Path)), request_body = AnswerBody,
    responses((status = 200, description = "Saved; the new version"), (status = 400, description = "Field errors; nothing saved"),
              (status = 403, description = "Not a coordinator"), (status = 409, description = "Changed by someone else; the current answer")))]
pub async fn save_school_answer(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    SignedIn(session): SignedIn,
    Path((id, item)): Path<(i64, String)>,
    Json(body): Json<AnswerBody>,
) -> AppResult<Response> {
    let loaded = load(&state, &session, id).await?;
    let outcome = state
        .app
        .save_school_answer(&session.actor, &loaded, &item, &body.value, body.note.as_deref(), body.version)
        .await?;
    save_response(lang, loaded.profile.template.item(&item), outcome)
}

#[derive(Deserialize, ToSchema)]
pub struct Confirmation {
    pub version: i64,
}

/// Confirms an answer copied from last year (coordinators).
#[utoipa::path(post, path = "/api/v1/profiles/{id}/answers/{item}/confirm", tag = "questionnaire", security(("session" = [])),
    params(("id" = i64, Path), ("item" = String, Path)), request_body = Confirmation,
    responses((status = 200, description = "Confirmed; the new version"), (status = 409, description = "Changed by someone else")))]
pub async fn confirm_school_answer(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    SignedIn(session): SignedIn,
    Path((id, item)): Path<(i64, String)>,
    Json(body): Json<Confirmation>,
) -> AppResult<Response> {
    let loaded = load(&state, &session, id).await?;
    let outcome = state.app.confirm_school_answer(&session.actor, &loaded, &item, body.version).await?;
    save_response(lang, loaded.profile.template.item(&item), outcome)
}

/// The composed profile: the school's answers in the chapters of a profile.
#[utoipa::path(get, path = "/api/v1/profiles/{id}/composed", tag = "questionnaire", security(("session" = [])),
    params(("id" = i64, Path)), responses((status = 200, body = Object)))]
pub async fn composed_profile(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path(id): Path<i64>,
) -> AppResult<Json<Value>> {
    let loaded = load(&state, &session, id).await?;
    let answers = by_key(state.app.school_answers(&loaded).await?);
    Ok(Json(serde_json::to_value(compose(&loaded.profile.template, &answered(&answers))).unwrap_or_default()))
}

/// An SWV's own version of the default template for a school year (its admins).
#[utoipa::path(get, path = "/api/v1/swvs/{code}/templates/{year}", tag = "questionnaire", security(("session" = [])),
    params(("code" = String, Path), ("year" = String, Path, description = "e.g. 2026-2027")),
    responses((status = 200, body = Object), (status = 404, description = "No version for that year")))]
pub async fn get_swv_template(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path((code, year)): Path<(String, String)>,
) -> AppResult<Json<Value>> {
    let code = crate::directory::swv_code(&code)?;
    let year = SchoolYear::parse(&year).ok_or_else(AppError::not_found)?;
    let record = state.app.swv_template(&session.actor, &code, year).await?.ok_or_else(AppError::not_found)?;
    let template = record.variant.apply(default_template()).map_err(|e| anyhow::anyhow!("stored variant: {e}"))?;
    Ok(Json(json!({ "variant": record.variant, "published": record.published_at.is_some(), "template": template })))
}

/// Stores the SWV's changes to the default template for a school year: hidden,
/// reworded or relabelled items and items of its own (keys `swv.<code>.…`).
#[utoipa::path(put, path = "/api/v1/swvs/{code}/templates/{year}", tag = "questionnaire", security(("session" = [])),
    params(("code" = String, Path), ("year" = String, Path)), request_body(content = Object, description = "A template variant: changes and added items"),
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
    params(("code" = String, Path), ("year" = String, Path)),
    responses((status = 204, description = "Published"), (status = 404, description = "No version stored for that year")))]
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
