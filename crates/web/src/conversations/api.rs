//! The conversation API (`/api/v1/swvs/{code}/conversations`, `/api/v1/conversations/{id}`, guides, funds).

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use passend_app::conversations::{AnswerOutcome, Attendee, PlanInput, parse_agreement};
use passend_domain::conversations::{AgreementStatus, FundRates};
use passend_domain::questionnaire::SchoolYear;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::bodies::*;
use super::{InConversation, SwvTalks};
use crate::accounts::api::problems_error;
use crate::app::AppState;
use crate::error::{AppError, AppResult, ErrorDetail, ErrorKind};
use crate::i18n::ReaderLang;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_conversations, plan_conversation))
        .routes(routes!(get_conversation))
        .routes(routes!(save_answer))
        .routes(routes!(set_details))
        .routes(routes!(add_agreement))
        .routes(routes!(update_agreement, delete_agreement))
        .routes(routes!(follow_up_agreement))
        .routes(routes!(confirm))
        .routes(routes!(get_guide, put_guide))
        .routes(routes!(copy_guide))
        .routes(routes!(get_funds, put_funds))
        .routes(routes!(follow_up))
        .routes(routes!(school_conversations))
        .routes(routes!(replan_conversation))
}

/// Changes a planned conversation's appointment (the SWV's staff) and mails
/// each attendee with an address the changed invitation with an `.ics` file.
#[utoipa::path(put, path = "/api/v1/conversations/{id}/plan", tag = "conversations", security(("session" = [])),
    params(("id" = i64, Path)), request_body = ReplanBody,
    responses((status = 204, description = "Changed"), (status = 400, description = "Field errors; nothing changed"),
              (status = 403, description = "Not the SWV's side"), (status = 404, description = "No such conversation for you"),
              (status = 409, description = "The report is fixed")))]
pub async fn replan_conversation(
    State(state): State<AppState>,
    InConversation { on, .. }: InConversation,
    Json(body): Json<ReplanBody>,
) -> AppResult<StatusCode> {
    let input = PlanInput {
        location: &on.location_code,
        year: on.year,
        date: &body.date,
        time: &body.time,
        minutes: body.minutes,
        place: &body.place,
        video_link: body.video_link.as_deref(),
        attendees: body
            .attendees
            .into_iter()
            .map(|a| Attendee { name: a.name, role: a.role, side: a.side, email: a.email })
            .collect(),
        consultant: &body.consultant,
    };
    state.app.replan_conversation(&on, &input).await?.map_err(problems_error)?;
    Ok(StatusCode::NO_CONTENT)
}

/// A school's conversations with its SWVs that the caller takes part in or
/// reads, newest year first, each with its state.
#[utoipa::path(get, path = "/api/v1/schools/{brin}/conversations", tag = "conversations", security(("session" = [])),
    params(("brin" = String, Path)),
    responses((status = 200, body = Vec<SchoolConversation>), (status = 403, description = "Does not see this school"),
              (status = 404, description = "No such school")))]
pub async fn school_conversations(
    State(state): State<AppState>,
    crate::security::session::SignedIn(session): crate::security::session::SignedIn,
    Path(brin): Path<String>,
) -> AppResult<Json<Vec<SchoolConversation>>> {
    let list = state.app.school_conversations(&session.actor, &brin).await?;
    Ok(Json(list.into_iter().map(SchoolConversation::from).collect()))
}

fn year_of(raw: &str) -> AppResult<SchoolYear> {
    SchoolYear::parse(raw)
        .ok_or_else(|| AppError::invalid(vec![("year".into(), passend_domain::Message::new("profile-year-invalid"))]))
}

#[derive(Deserialize, IntoParams, Default)]
#[serde(default)]
pub struct YearParam {
    /// e.g. 2026-2027 (default: this school year).
    #[param(value_type = Option<crate::contract::SchoolYearName>)]
    year: Option<String>,
}

/// Every location of the SWV with its conversation of the year and its state
/// (`planned`, `prepared`, `held`, `confirmed`); locations without one are not planned yet.
#[utoipa::path(get, path = "/api/v1/swvs/{code}/conversations", tag = "conversations", security(("session" = [])),
    params(("code" = String, Path), YearParam),
    responses((status = 200, body = ConversationList), (status = 403, description = "Not this SWV's staff"),
              (status = 404, description = "No such SWV")))]
pub async fn list_conversations(
    State(state): State<AppState>,
    SwvTalks { scope, .. }: SwvTalks,
    Query(params): Query<YearParam>,
) -> AppResult<Json<ConversationList>> {
    let year = crate::contract::year_or_current(params.year.as_deref(), "year")?;
    let rows = state.app.conversation_list(&scope, year).await?;
    let conversations: Vec<ListEntry> = rows.into_iter().map(ListEntry::from).collect();
    Ok(Json(ConversationList {
        school_year: year.to_string(),
        not_planned: conversations.iter().filter(|c| c.conversation_id.is_none()).count(),
        conversations,
    }))
}

/// Plans a conversation with a location for the year and mails each attendee
/// with an address an invitation with an `.ics` file (the SWV's staff).
#[utoipa::path(post, path = "/api/v1/swvs/{code}/conversations", tag = "conversations", security(("session" = [])),
    params(("code" = String, Path), YearParam), request_body = PlanBody,
    responses((status = 201, body = Planned), (status = 400, description = "Field errors; nothing planned"),
              (status = 403, description = "Not this SWV's staff"), (status = 404, description = "No such SWV")))]
pub async fn plan_conversation(
    State(state): State<AppState>,
    SwvTalks { scope, session }: SwvTalks,
    Query(params): Query<YearParam>,
    Json(body): Json<PlanBody>,
) -> AppResult<(StatusCode, Json<Planned>)> {
    let year = crate::contract::year_or_current(params.year.as_deref(), "year")?;
    let input = PlanInput {
        location: &body.location,
        year,
        date: &body.date,
        time: &body.time,
        minutes: body.minutes,
        place: &body.place,
        video_link: body.video_link.as_deref(),
        attendees: body
            .attendees
            .into_iter()
            .map(|a| Attendee { name: a.name, role: a.role, side: a.side, email: a.email })
            .collect(),
        consultant: &body.consultant,
    };
    let id = state.app.plan_conversation(&session.actor, &scope, &input).await?.map_err(problems_error)?;
    Ok((StatusCode::CREATED, Json(Planned { id })))
}

/// One conversation: its guide's sections with their questions (each with a
/// `key` and a `kind`), the prepared and recorded answers, agreements, last
/// year's agreements, the figures, the funds and what Passend knows.
#[utoipa::path(get, path = "/api/v1/conversations/{id}", tag = "conversations", security(("session" = [])),
    params(("id" = i64, Path)),
    responses((status = 200, body = ConversationBody), (status = 404, description = "No such conversation for you")))]
pub async fn get_conversation(
    State(state): State<AppState>,
    InConversation { on, .. }: InConversation,
) -> AppResult<Json<ConversationBody>> {
    let view = state.app.conversation_view(&on).await?;
    Ok(Json(ConversationBody::of(&view, on.side())))
}

/// Saves one answer: the school's preparation before the conversation, the
/// conversation's answer after it is held. The body names the version it
/// starts from; when someone saved in between, 409 returns what is stored now.
#[utoipa::path(put, path = "/api/v1/conversations/{id}/answers/{key}", tag = "conversations", security(("session" = [])),
    params(("id" = i64, Path), ("key" = String, Path)), request_body = ConversationAnswerInput,
    responses((status = 200, body = AnswerSaved), (status = 400, description = "Not a value for the question (a negative or non-whole figure, pupil data in text)"),
              (status = 403, description = "Reads only"), (status = 404, description = "No such conversation or question"),
              (status = 409, description = "Changed by someone else, or the report is fixed", body = ConversationAnswerConflict)))]
pub async fn save_answer(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    InConversation { on, session }: InConversation,
    Path((_id, key)): Path<(i64, String)>,
    Json(body): Json<ConversationAnswerInput>,
) -> AppResult<Response> {
    let outcome = state
        .app
        .save_conversation_answer(&session.actor, &on, &key, &body.value, body.version)
        .await?
        .map_err(problems_error)?;
    Ok(match outcome {
        AnswerOutcome::Saved { version, phase } => {
            Json(AnswerSaved { version, phase: phase.as_str().to_owned() }).into_response()
        }
        AnswerOutcome::Conflict { current, version } => (
            StatusCode::CONFLICT,
            Json(ConversationAnswerConflict {
                error: ErrorDetail { code: ErrorKind::Conflict, message: lang.t("conflict-title"), fields: Vec::new() },
                current: current.map(|c| c.value.to_json()).unwrap_or_default(),
                version,
            }),
        )
            .into_response(),
    })
}

/// Marks the conversation held, sets who writes the report and (the school)
/// whether it becomes an annex of the profile. Takes earlier confirmations away.
#[utoipa::path(put, path = "/api/v1/conversations/{id}/details", tag = "conversations", security(("session" = [])),
    params(("id" = i64, Path)), request_body = DetailsInput,
    responses((status = 204, description = "Saved"), (status = 400, description = "Field errors"),
              (status = 403, description = "Reads only, or the SWV setting the annex"), (status = 404, description = "No such conversation for you"),
              (status = 409, description = "The report is fixed")))]
pub async fn set_details(
    State(state): State<AppState>,
    InConversation { on, .. }: InConversation,
    Json(body): Json<DetailsInput>,
) -> AppResult<StatusCode> {
    state
        .app
        .set_conversation_details(&on, body.held, body.report_author.as_deref(), body.annexed)
        .await?
        .map_err(problems_error)?;
    Ok(StatusCode::NO_CONTENT)
}

/// Records an agreement: what, who, by when, linked to a goal.
#[utoipa::path(post, path = "/api/v1/conversations/{id}/agreements", tag = "conversations", security(("session" = [])),
    params(("id" = i64, Path)), request_body = AgreementInputBody,
    responses((status = 201, body = AgreementBody), (status = 400, description = "Field errors"),
              (status = 403, description = "Reads only"), (status = 404, description = "No such conversation for you"),
              (status = 409, description = "The report is fixed")))]
pub async fn add_agreement(
    State(state): State<AppState>,
    InConversation { on, .. }: InConversation,
    Json(body): Json<AgreementInputBody>,
) -> AppResult<(StatusCode, Json<AgreementBody>)> {
    let guide = state.app.guide_of_conversation(&on).await?;
    let input = parse_agreement(&guide, &body.what, &body.who, body.due.as_deref(), body.goal.as_deref())
        .map_err(problems_error)?;
    let agreement = state.app.add_agreement(&on, &input).await?;
    Ok((StatusCode::CREATED, Json(AgreementBody::from(&agreement))))
}

/// Changes an agreement at the version it starts from.
#[utoipa::path(put, path = "/api/v1/conversations/{id}/agreements/{agreement}", tag = "conversations", security(("session" = [])),
    params(("id" = i64, Path), ("agreement" = i64, Path)), request_body = AgreementInputBody,
    responses((status = 200, body = AgreementBody), (status = 400, description = "Field errors"),
              (status = 403, description = "Reads only"), (status = 404, description = "No such agreement for you"),
              (status = 409, description = "Changed by someone else (the body is what is stored), or the report is fixed", body = AgreementBody)))]
pub async fn update_agreement(
    State(state): State<AppState>,
    InConversation { on, .. }: InConversation,
    Path((_id, agreement)): Path<(i64, i64)>,
    Json(body): Json<AgreementInputBody>,
) -> AppResult<Response> {
    let guide = state.app.guide_of_conversation(&on).await?;
    let input = parse_agreement(&guide, &body.what, &body.who, body.due.as_deref(), body.goal.as_deref())
        .map_err(problems_error)?;
    Ok(match state.app.update_agreement(&on, agreement, &input, body.version).await? {
        Ok(saved) => Json(AgreementBody::from(&saved)).into_response(),
        Err(current) => (StatusCode::CONFLICT, Json(AgreementBody::from(&current))).into_response(),
    })
}

/// Removes an agreement.
#[utoipa::path(delete, path = "/api/v1/conversations/{id}/agreements/{agreement}", tag = "conversations", security(("session" = [])),
    params(("id" = i64, Path), ("agreement" = i64, Path)),
    responses((status = 204, description = "Removed"), (status = 403, description = "Reads only"),
              (status = 404, description = "No such agreement for you"), (status = 409, description = "The report is fixed")))]
pub async fn delete_agreement(
    State(state): State<AppState>,
    InConversation { on, .. }: InConversation,
    Path((_id, agreement)): Path<(i64, i64)>,
) -> AppResult<StatusCode> {
    state.app.delete_agreement(&on, agreement).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Follows up one of last year's agreements in this year's conversation: done, in progress, dropped, with a note.
#[utoipa::path(put, path = "/api/v1/conversations/{id}/follow-up/{agreement}", tag = "conversations", security(("session" = [])),
    params(("id" = i64, Path), ("agreement" = i64, Path)), request_body = FollowUpInput,
    responses((status = 200, body = AgreementBody), (status = 400, description = "Field errors"),
              (status = 403, description = "Reads only"), (status = 404, description = "Not last year's agreement of this school"),
              (status = 409, description = "Changed by someone else (the body is what is stored), or the report is fixed", body = AgreementBody)))]
pub async fn follow_up_agreement(
    State(state): State<AppState>,
    InConversation { on, .. }: InConversation,
    Path((_id, agreement)): Path<(i64, i64)>,
    Json(body): Json<FollowUpInput>,
) -> AppResult<Response> {
    let status = AgreementStatus::parse(&body.status).ok_or_else(|| {
        AppError::invalid(vec![("status".into(), passend_domain::Message::new("conv-answer-choice-invalid"))])
    })?;
    let outcome = state
        .app
        .follow_up_agreement(&on, agreement, status, body.note.as_deref(), body.version)
        .await?
        .map_err(problems_error)?;
    Ok(match outcome {
        Ok(saved) => Json(AgreementBody::from(&saved)).into_response(),
        Err(current) => (StatusCode::CONFLICT, Json(AgreementBody::from(&current))).into_response(),
    })
}

/// Confirms the report for the caller's side, with a name. When both sides
/// have confirmed, the report is fixed by its content hash and every write after is a 409.
#[utoipa::path(post, path = "/api/v1/conversations/{id}/confirm", tag = "conversations", security(("session" = [])),
    params(("id" = i64, Path)), request_body = ConfirmInput,
    responses((status = 200, body = Confirmed), (status = 400, description = "Field errors"),
              (status = 403, description = "Reads only"), (status = 404, description = "No such conversation for you"),
              (status = 409, description = "Not held yet, or the report is fixed already")))]
pub async fn confirm(
    State(state): State<AppState>,
    InConversation { on, .. }: InConversation,
    Json(body): Json<ConfirmInput>,
) -> AppResult<Json<Confirmed>> {
    let fixed = state.app.confirm_conversation(&on, &body.name).await?.map_err(problems_error)?;
    Ok(Json(Confirmed { fixed }))
}

/// The SWV's guide for the year (version 0 is Passend's default guide).
#[utoipa::path(get, path = "/api/v1/swvs/{code}/conversation-guides/{year}", tag = "conversations", security(("session" = [])),
    params(("code" = String, Path), ("year" = crate::contract::SchoolYearName, Path)),
    responses((status = 200, body = GuideBody), (status = 400, description = "Not a school year"),
              (status = 403, description = "Not this SWV's staff"), (status = 404, description = "No such SWV")))]
pub async fn get_guide(
    State(state): State<AppState>,
    SwvTalks { scope, .. }: SwvTalks,
    Path((_code, year)): Path<(String, String)>,
) -> AppResult<Json<GuideBody>> {
    let year = year_of(&year)?;
    Ok(Json(GuideBody::of(&year.to_string(), state.app.conversation_guide(&scope, year).await?)))
}

/// Saves the year's guide (the SWV's admins): over the draft, or as a new
/// version once the newest is published; `publish` publishes it.
#[utoipa::path(put, path = "/api/v1/swvs/{code}/conversation-guides/{year}", tag = "conversations", security(("session" = [])),
    params(("code" = String, Path), ("year" = crate::contract::SchoolYearName, Path)), request_body = GuideInput,
    responses((status = 200, body = GuideBody), (status = 400, description = "Field errors (keys, goals, options)"),
              (status = 403, description = "Not this SWV's admin"), (status = 404, description = "No such SWV")))]
pub async fn put_guide(
    State(state): State<AppState>,
    SwvTalks { scope, session }: SwvTalks,
    Path((_code, year)): Path<(String, String)>,
    Json(body): Json<GuideInput>,
) -> AppResult<Json<GuideBody>> {
    let year = year_of(&year)?;
    let guide = body.guide.into();
    let stored = state
        .app
        .save_conversation_guide(&session.actor, &scope, year, &guide, body.publish)
        .await?
        .map_err(AppError::invalid)?;
    Ok(Json(GuideBody::of(&year.to_string(), stored)))
}

/// Starts the year's guide as a draft copy of last year's (or of the default guide).
#[utoipa::path(post, path = "/api/v1/swvs/{code}/conversation-guides/{year}/copy-forward", tag = "conversations", security(("session" = [])),
    params(("code" = String, Path), ("year" = crate::contract::SchoolYearName, Path)),
    responses((status = 200, body = GuideBody), (status = 400, description = "Not a school year"),
              (status = 403, description = "Not this SWV's admin"), (status = 404, description = "No such SWV")))]
pub async fn copy_guide(
    State(state): State<AppState>,
    SwvTalks { scope, session }: SwvTalks,
    Path((_code, year)): Path<(String, String)>,
) -> AppResult<Json<GuideBody>> {
    let year = year_of(&year)?;
    let stored = state.app.copy_guide_forward(&session.actor, &scope, year).await?;
    Ok(Json(GuideBody::of(&year.to_string(), stored)))
}

/// The year's support funds per pupil and each location's amount from its pupil count, with the total.
#[utoipa::path(get, path = "/api/v1/swvs/{code}/funds/{year}", tag = "conversations", security(("session" = [])),
    params(("code" = String, Path), ("year" = crate::contract::SchoolYearName, Path)),
    responses((status = 200, body = FundsList), (status = 400, description = "Not a school year"),
              (status = 403, description = "Not this SWV's staff"), (status = 404, description = "No such SWV")))]
pub async fn get_funds(
    State(state): State<AppState>,
    SwvTalks { scope, .. }: SwvTalks,
    Path((_code, year)): Path<(String, String)>,
) -> AppResult<Json<FundsList>> {
    let year = year_of(&year)?;
    let (rates, rows) = state.app.funds_list(&scope, year).await?;
    let total_cents = rows.iter().filter_map(|(_, f)| f.map(|f| f.total_cents())).sum();
    Ok(Json(FundsList {
        school_year: year.to_string(),
        basic_cents: rates.map(|r| r.basic_cents),
        extra_cents: rates.map(|r| r.extra_cents),
        total_cents,
        locations: rows
            .into_iter()
            .map(|(l, funds)| LocationFunds {
                location_code: l.code,
                location_name: l.name,
                duo_pupils: l.duo_pupils,
                swv_pupils: l.swv_pupils,
                funds: funds.map(Into::into),
            })
            .collect(),
    }))
}

/// Sets the year's amounts per pupil (cents) and the SWV's own pupil counts (the SWV's admins).
#[utoipa::path(put, path = "/api/v1/swvs/{code}/funds/{year}", tag = "conversations", security(("session" = [])),
    params(("code" = String, Path), ("year" = crate::contract::SchoolYearName, Path)), request_body = FundsInput,
    responses((status = 204, description = "Saved"), (status = 400, description = "Field errors"),
              (status = 403, description = "Not this SWV's admin"), (status = 404, description = "No such SWV")))]
pub async fn put_funds(
    State(state): State<AppState>,
    SwvTalks { scope, session }: SwvTalks,
    Path((_code, year)): Path<(String, String)>,
    Json(body): Json<FundsInput>,
) -> AppResult<StatusCode> {
    let year = year_of(&year)?;
    let rates = FundRates { basic_cents: body.basic_cents, extra_cents: body.extra_cents };
    let counts: Vec<(String, Option<i64>)> = body.pupil_counts.into_iter().map(|c| (c.location, c.pupils)).collect();
    state.app.save_funds(&session.actor, &scope, year, rates, &counts).await?.map_err(problems_error)?;
    Ok(StatusCode::NO_CONTENT)
}

/// Per school and overall: conversations held, agreements open and overdue,
/// and the key figures summed per kern, municipality and the whole SWV, per year.
#[utoipa::path(get, path = "/api/v1/swvs/{code}/conversation-follow-up", tag = "conversations", security(("session" = [])),
    params(("code" = String, Path)),
    responses((status = 200, body = FollowUpBody), (status = 403, description = "Not this SWV's staff"),
              (status = 404, description = "No such SWV")))]
pub async fn follow_up(
    State(state): State<AppState>,
    SwvTalks { scope, .. }: SwvTalks,
) -> AppResult<Json<FollowUpBody>> {
    Ok(Json(state.app.conversation_follow_up(&scope).await?.into()))
}
