//! Step 2 of the cycle as a page and API: the wish list (items with an
//! owner), who reads along, and the time line of milestones.

use askama::Template;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use passend_app::lifecycle::READER_KINDS;
use passend_app::lifecycle::{CoReader, Milestone, Wish};
use passend_domain::FieldProblems;
use passend_domain::lifecycle::{MilestoneKind, iso_day};
use passend_domain::questionnaire::SchoolYear;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::accounts::api::problems_error;
use crate::app::AppState;
use crate::error::AppResult;
use crate::pages::{FieldErrors, PageContext, render};
use crate::profiles::Loaded;
use crate::profiles::OnProfile;
use crate::security::csrf::CsrfForm;
use crate::security::session::Session;

pub fn page_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(planning_page))
        .routes(routes!(add_wish_form))
        .routes(routes!(change_wish_form))
        .routes(routes!(add_reader_form))
        .routes(routes!(remove_reader_form))
        .routes(routes!(time_line_form))
}

pub fn api_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(planning_json))
        .routes(routes!(add_wish))
        .routes(routes!(change_wish, remove_wish))
        .routes(routes!(add_reader))
        .routes(routes!(remove_reader))
        .routes(routes!(set_time_line))
}

#[derive(Deserialize, Default, ToSchema)]
#[serde(default)]
pub struct NewWish {
    /// Spaces are collapsed; not empty after that.
    #[schema(
        required = true,
        min_length = 1,
        max_length = 500,
        pattern = r"[^\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
    )]
    pub body: String,
    /// Who takes it on.
    #[schema(
        required = true,
        min_length = 1,
        max_length = 100,
        pattern = r"[^\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
    )]
    pub owner: String,
}

#[derive(Deserialize, Default, ToSchema)]
#[serde(default)]
pub struct NewReader {
    /// `mr`, `swv` or `other`.
    #[schema(required = true, schema_with = reader_kind_schema)]
    pub kind: String,
    #[schema(
        required = true,
        min_length = 1,
        max_length = 100,
        pattern = r"[^\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
    )]
    pub name: String,
    /// An e-mail address, or empty for none.
    #[schema(schema_with = crate::contract::email_or_empty)]
    pub email: String,
}

fn reader_kind_schema() -> utoipa::openapi::schema::Object {
    utoipa::openapi::schema::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .enum_values(Some(READER_KINDS))
        .description(Some("Who reads along: the MR, the SWV or someone else."))
        .build()
}

impl NewWish {
    fn input(&self) -> passend_app::lifecycle::NewWish<'_> {
        passend_app::lifecycle::NewWish { body: &self.body, owner: &self.owner }
    }
}

impl NewReader {
    fn input(&self) -> passend_app::lifecycle::NewReader<'_> {
        passend_app::lifecycle::NewReader { kind: &self.kind, name: &self.name, email: &self.email }
    }
}

struct MilestoneRow {
    kind: MilestoneKind,
    value: String,
    suggested: bool,
}

#[derive(Template)]
#[template(path = "lifecycle/planning.html")]
struct PlanningPage {
    ctx: PageContext,
    profile_id: i64,
    school_year: String,
    coordinates: bool,
    wishes: Vec<Wish>,
    readers: Vec<CoReader>,
    milestones: Vec<MilestoneRow>,
    errors: FieldErrors,
}

impl PlanningPage {
    fn reader_kind(&self, kind: &str) -> String {
        self.ctx.t(&format!("reader-{kind}"))
    }
}

async fn page(
    state: &AppState,
    ctx: PageContext,
    session: &Session,
    loaded: &Loaded,
    errors: FieldErrors,
    typed: Option<Vec<(MilestoneKind, String)>>,
) -> AppResult<Html<String>> {
    let stored: Vec<Milestone> = state.app.milestones(loaded).await?;
    let year = SchoolYear::parse(&loaded.profile.school_year);
    let milestones = MilestoneKind::ALL
        .iter()
        .map(|kind| {
            let typed_value = typed.as_ref().and_then(|t| t.iter().find(|(k, _)| k == kind).map(|(_, v)| v.clone()));
            let stored_value = stored.iter().find(|m| m.kind == *kind).map(|m| m.due_on.clone());
            let suggestion = year.and_then(|y| kind.suggestion(y)).map(iso_day);
            let suggested = typed_value.is_none() && stored_value.is_none() && suggestion.is_some();
            MilestoneRow {
                kind: *kind,
                value: typed_value.or(stored_value).or(suggestion).unwrap_or_default(),
                suggested,
            }
        })
        .collect();
    render(&PlanningPage {
        profile_id: loaded.profile.id,
        school_year: loaded.profile.school_year.clone(),
        coordinates: passend_app::questionnaire::coordinates(&session.actor, &loaded.school),
        wishes: state.app.wishes(loaded).await?,
        readers: state.app.co_readers(loaded).await?,
        milestones,
        errors,
        ctx,
    })
}

async fn after(
    state: &AppState,
    ctx: PageContext,
    session: &Session,
    loaded: &Loaded,
    result: Result<(), FieldProblems>,
    typed: Option<Vec<(MilestoneKind, String)>>,
) -> AppResult<Response> {
    match result {
        Ok(()) => {
            Ok(Redirect::to(&format!("/profielen/{}/planning?melding=opgeslagen", loaded.profile.id)).into_response())
        }
        Err(problems) => {
            let errors = FieldErrors::from_problems(ctx.lang, problems);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page(state, ctx, session, loaded, errors, typed).await?)
                .into_response())
        }
    }
}

#[utoipa::path(get, path = "/profielen/{id}/planning", tag = "pages", params(("id" = i64, Path)),
    responses((status = 200, content_type = "text/html")))]
pub async fn planning_page(
    State(state): State<AppState>,
    ctx: PageContext,
    OnProfile { loaded, session }: OnProfile,
) -> AppResult<Html<String>> {
    page(&state, ctx, &session, &loaded, FieldErrors::default(), None).await
}

#[utoipa::path(post, path = "/profielen/{id}/planning/wensen", tag = "pages", params(("id" = i64, Path)),
    responses((status = 303, description = "Added"), (status = 422, description = "Field errors")))]
pub async fn add_wish_form(
    State(state): State<AppState>,
    ctx: PageContext,
    OnProfile { loaded, .. }: OnProfile,
    form: CsrfForm<NewWish>,
) -> AppResult<Response> {
    let result = state.app.add_wish(&form.session.actor, &loaded, &form.form.input()).await?;
    after(&state, ctx, &form.session, &loaded, result, None).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct WishAction {
    /// `klaar`, `open` or `verwijderen`.
    action: String,
}

#[utoipa::path(post, path = "/profielen/{id}/planning/wensen/{wish}", tag = "pages", params(("id" = i64, Path), ("wish" = i64, Path)),
    responses((status = 303, description = "Changed")))]
pub async fn change_wish_form(
    State(state): State<AppState>,
    Path((id, wish)): Path<(i64, i64)>,
    OnProfile { loaded, .. }: OnProfile,
    form: CsrfForm<WishAction>,
) -> AppResult<Redirect> {
    let done = match form.form.action.as_str() {
        "klaar" => Some(true),
        "open" => Some(false),
        _ => None,
    };
    state.app.change_wish(&form.session.actor, &loaded, wish, done).await?;
    Ok(Redirect::to(&format!("/profielen/{id}/planning?melding=opgeslagen")))
}

#[utoipa::path(post, path = "/profielen/{id}/planning/meelezers", tag = "pages", params(("id" = i64, Path)),
    responses((status = 303, description = "Added"), (status = 422, description = "Field errors")))]
pub async fn add_reader_form(
    State(state): State<AppState>,
    ctx: PageContext,
    OnProfile { loaded, .. }: OnProfile,
    form: CsrfForm<NewReader>,
) -> AppResult<Response> {
    let result = state.app.add_co_reader(&form.session.actor, &loaded, &form.form.input()).await?;
    after(&state, ctx, &form.session, &loaded, result, None).await
}

#[utoipa::path(post, path = "/profielen/{id}/planning/meelezers/{reader}", tag = "pages", params(("id" = i64, Path), ("reader" = i64, Path)),
    responses((status = 303, description = "Removed")))]
pub async fn remove_reader_form(
    State(state): State<AppState>,
    Path((id, reader)): Path<(i64, i64)>,
    OnProfile { loaded, .. }: OnProfile,
    form: CsrfForm<WishAction>,
) -> AppResult<Redirect> {
    state.app.remove_co_reader(&form.session.actor, &loaded, reader).await?;
    Ok(Redirect::to(&format!("/profielen/{id}/planning?melding=opgeslagen")))
}

fn dates_from(pairs: &[(String, String)]) -> Vec<(MilestoneKind, String)> {
    MilestoneKind::ALL
        .iter()
        .filter_map(|kind| pairs.iter().find(|(k, _)| k == kind.as_str()).map(|(_, v)| (*kind, v.clone())))
        .collect()
}

#[utoipa::path(post, path = "/profielen/{id}/planning/tijdpad", tag = "pages", params(("id" = i64, Path)),
    responses((status = 303, description = "Saved"), (status = 422, description = "Field errors")))]
pub async fn time_line_form(
    State(state): State<AppState>,
    ctx: PageContext,
    OnProfile { loaded, .. }: OnProfile,
    form: CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let dates = dates_from(&form.form);
    let result = state.app.set_time_line(&form.session.actor, &loaded, &dates).await?;
    after(&state, ctx, &form.session, &loaded, result, Some(dates)).await
}

/// The wish list, co-readers and time line.
#[utoipa::path(get, path = "/api/v1/profiles/{id}/planning", tag = "lifecycle", security(("session" = [])),
    params(("id" = i64, Path)), responses((status = 200, body = PlanningBody)))]
pub async fn planning_json(
    State(state): State<AppState>,
    OnProfile { loaded, .. }: OnProfile,
) -> AppResult<Json<PlanningBody>> {
    Ok(Json(PlanningBody {
        wishes: state.app.wishes(&loaded).await?.into_iter().map(WishBody::from).collect(),
        co_readers: state.app.co_readers(&loaded).await?.into_iter().map(CoReaderBody::from).collect(),
        milestones: state.app.milestones(&loaded).await?.into_iter().map(MilestoneBody::from).collect(),
    }))
}

#[derive(Serialize, ToSchema)]
pub struct PlanningBody {
    pub wishes: Vec<WishBody>,
    pub co_readers: Vec<CoReaderBody>,
    /// Only the milestones with a date.
    pub milestones: Vec<MilestoneBody>,
}

#[derive(Serialize, ToSchema)]
pub struct WishBody {
    pub id: i64,
    pub body: String,
    pub owner: String,
    pub done: bool,
}

impl From<Wish> for WishBody {
    fn from(w: Wish) -> Self {
        WishBody { id: w.id, body: w.body, owner: w.owner, done: w.done }
    }
}

#[derive(Serialize, ToSchema)]
pub struct CoReaderBody {
    pub id: i64,
    #[schema(schema_with = reader_kind_schema)]
    pub kind: String,
    pub name: String,
    pub email: Option<String>,
}

impl From<CoReader> for CoReaderBody {
    fn from(r: CoReader) -> Self {
        CoReaderBody { id: r.id, kind: r.kind, name: r.name, email: r.email }
    }
}

#[derive(Serialize, ToSchema)]
pub struct MilestoneBody {
    pub id: i64,
    #[schema(schema_with = milestone_kind_schema)]
    pub kind: MilestoneKind,
    /// `YYYY-MM-DD`.
    pub due_on: String,
}

impl From<Milestone> for MilestoneBody {
    fn from(m: Milestone) -> Self {
        MilestoneBody { id: m.id, kind: m.kind, due_on: m.due_on }
    }
}

fn milestone_kind_schema() -> utoipa::openapi::schema::Object {
    crate::contract::names_of(&MilestoneKind::ALL, "A milestone of the time line.")
}

/// Adds a wish with its owner (coordinators).
#[utoipa::path(post, path = "/api/v1/profiles/{id}/wishes", tag = "lifecycle", security(("session" = [])),
    params(("id" = i64, Path)), request_body = NewWish,
    responses((status = 201, description = "Added"), (status = 400, description = "Field errors"), (status = 403, description = "Not a coordinator")))]
pub async fn add_wish(
    State(state): State<AppState>,
    OnProfile { loaded, session }: OnProfile,
    Json(body): Json<NewWish>,
) -> AppResult<StatusCode> {
    state.app.add_wish(&session.actor, &loaded, &body.input()).await?.map_err(problems_error)?;
    Ok(StatusCode::CREATED)
}

#[derive(Deserialize, ToSchema)]
pub struct WishDone {
    pub done: bool,
}

/// Marks a wish done or open.
#[utoipa::path(put, path = "/api/v1/profiles/{id}/wishes/{wish}", tag = "lifecycle", security(("session" = [])),
    params(("id" = i64, Path), ("wish" = i64, Path)), request_body = WishDone,
    responses((status = 204, description = "Saved"), (status = 403, description = "Not a coordinator"), (status = 404, description = "No such wish of this profile")))]
pub async fn change_wish(
    State(state): State<AppState>,
    OnProfile { loaded, session }: OnProfile,
    Path((_id, wish)): Path<(i64, i64)>,
    Json(body): Json<WishDone>,
) -> AppResult<StatusCode> {
    state.app.change_wish(&session.actor, &loaded, wish, Some(body.done)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Removes a wish.
#[utoipa::path(delete, path = "/api/v1/profiles/{id}/wishes/{wish}", tag = "lifecycle", security(("session" = [])),
    params(("id" = i64, Path), ("wish" = i64, Path)),
    responses((status = 204, description = "Removed"), (status = 403, description = "Not a coordinator"), (status = 404, description = "No such wish of this profile")))]
pub async fn remove_wish(
    State(state): State<AppState>,
    OnProfile { loaded, session }: OnProfile,
    Path((_id, wish)): Path<(i64, i64)>,
) -> AppResult<StatusCode> {
    state.app.change_wish(&session.actor, &loaded, wish, None).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Adds a co-reader: the MR, the SWV or someone else.
#[utoipa::path(post, path = "/api/v1/profiles/{id}/co-readers", tag = "lifecycle", security(("session" = [])),
    params(("id" = i64, Path)), request_body = NewReader,
    responses((status = 201, description = "Added"), (status = 400, description = "Field errors"), (status = 403, description = "Not a coordinator")))]
pub async fn add_reader(
    State(state): State<AppState>,
    OnProfile { loaded, session }: OnProfile,
    Json(body): Json<NewReader>,
) -> AppResult<StatusCode> {
    state.app.add_co_reader(&session.actor, &loaded, &body.input()).await?.map_err(problems_error)?;
    Ok(StatusCode::CREATED)
}

/// Removes a co-reader.
#[utoipa::path(delete, path = "/api/v1/profiles/{id}/co-readers/{reader}", tag = "lifecycle", security(("session" = [])),
    params(("id" = i64, Path), ("reader" = i64, Path)),
    responses((status = 204, description = "Removed"), (status = 403, description = "Not a coordinator"), (status = 404, description = "No such co-reader of this profile")))]
pub async fn remove_reader(
    State(state): State<AppState>,
    OnProfile { loaded, session }: OnProfile,
    Path((_id, reader)): Path<(i64, i64)>,
) -> AppResult<StatusCode> {
    state.app.remove_co_reader(&session.actor, &loaded, reader).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The whole time line: a date per milestone (`2027-06-15` or `15-6-2027`);
/// a milestone left out or null has no date.
#[derive(Deserialize, Default, ToSchema)]
#[serde(default)]
pub struct TimeLine {
    #[schema(schema_with = crate::contract::day_or_none)]
    pub concept_ready: Option<String>,
    #[schema(schema_with = crate::contract::day_or_none)]
    pub team_review: Option<String>,
    #[schema(schema_with = crate::contract::day_or_none)]
    pub mr_advice: Option<String>,
    #[schema(schema_with = crate::contract::day_or_none)]
    pub adoption: Option<String>,
    #[schema(schema_with = crate::contract::day_or_none)]
    pub publication: Option<String>,
    #[schema(schema_with = crate::contract::day_or_none)]
    pub school_guide: Option<String>,
}

/// Sets the time line (coordinators); reminders go out a week and a day before each date.
#[utoipa::path(put, path = "/api/v1/profiles/{id}/milestones", tag = "lifecycle", security(("session" = [])),
    params(("id" = i64, Path)), request_body = TimeLine,
    responses((status = 204, description = "Saved"), (status = 400, description = "Field errors"), (status = 403, description = "Not a coordinator")))]
pub async fn set_time_line(
    State(state): State<AppState>,
    OnProfile { loaded, session }: OnProfile,
    Json(body): Json<TimeLine>,
) -> AppResult<StatusCode> {
    let dates: Vec<(MilestoneKind, String)> = [
        (MilestoneKind::ConceptReady, body.concept_ready),
        (MilestoneKind::TeamReview, body.team_review),
        (MilestoneKind::MrAdvice, body.mr_advice),
        (MilestoneKind::Adoption, body.adoption),
        (MilestoneKind::Publication, body.publication),
        (MilestoneKind::SchoolGuide, body.school_guide),
    ]
    .into_iter()
    .map(|(kind, date)| (kind, date.unwrap_or_default()))
    .collect();
    state.app.set_time_line(&session.actor, &loaded, &dates).await?.map_err(problems_error)?;
    Ok(StatusCode::NO_CONTENT)
}
