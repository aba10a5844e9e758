//! The knowledge platform's JSON API.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use passend_app::knowledge::ExampleSearch;
use passend_app::knowledge::{ExampleHit, ExampleRecord, FaqRecord};
use passend_domain::knowledge::ExampleInput;
use passend_domain::knowledge::question::QuestionInput;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::accounts::api::problems_error;
use crate::app::AppState;
use crate::error::AppResult;
use crate::i18n::lang_of;
use crate::security::session::SignedIn;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(search_examples, write_example))
        .routes(routes!(get_example, update_example))
        .routes(routes!(publish_example))
        .routes(routes!(ask_question))
        .routes(routes!(answer_question))
        .routes(routes!(publish_faq))
        .routes(routes!(list_faq))
}

#[derive(Deserialize, IntoParams, Default)]
#[serde(default)]
pub struct ExampleSearchParams {
    /// Words to find, in Dutch (`leerlingen` finds `leerling`); empty: the newest first.
    pub q: String,
    /// A tag the examples must carry: a support category (`dyslexie`) or a theme (`ouders`).
    pub tag: String,
    /// `po`, `vo`, `so` or `swv`.
    pub sector: String,
    /// At most this many (1–100, default 20).
    pub limit: Option<i64>,
}

/// A practice example in a list.
#[derive(Serialize, ToSchema)]
pub struct ExampleCard {
    pub id: i64,
    pub title: String,
    pub summary: String,
    /// `po`, `vo`, `so` or `swv`.
    pub sector: String,
    /// The school or SWV it comes from.
    pub source_name: String,
    pub tags: Vec<String>,
    /// Relevance: higher is better (0 without a query).
    pub rank: f64,
    /// Unix seconds.
    pub published_at: Option<i64>,
}

impl From<ExampleHit> for ExampleCard {
    fn from(hit: ExampleHit) -> Self {
        ExampleCard {
            id: hit.id,
            title: hit.title,
            summary: hit.summary,
            sector: hit.sector.key().to_owned(),
            source_name: hit.source_name,
            tags: hit.tags.iter().map(|t| t.as_str().to_owned()).collect(),
            rank: hit.rank,
            published_at: hit.published_at,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ExampleResults {
    pub count: usize,
    pub results: Vec<ExampleCard>,
}

/// Searches the published practice examples: Dutch full-text search with
/// stemming, ranked (title first, then summary, then body); filters by tag and sector.
#[utoipa::path(get, path = "/api/v1/knowledge/examples", tag = "knowledge", security(()), params(ExampleSearchParams),
    responses((status = 200, body = ExampleResults), (status = 400, description = "Field errors (tag, sector, q too long)")))]
pub async fn search_examples(
    State(state): State<AppState>,
    Query(params): Query<ExampleSearchParams>,
) -> AppResult<Json<ExampleResults>> {
    let tags = [params.tag];
    let search = ExampleSearch { q: &params.q, tags: &tags, sector: &params.sector, limit: params.limit };
    let hits = state.app.search_examples(&search).await?.map_err(problems_error)?;
    Ok(Json(ExampleResults { count: hits.len(), results: hits.into_iter().map(ExampleCard::from).collect() }))
}

/// A practice example in full.
#[derive(Serialize, ToSchema)]
pub struct ExampleBody {
    pub id: i64,
    pub title: String,
    pub summary: String,
    /// Markdown as written.
    pub body: String,
    /// The body rendered and sanitised (only for published examples).
    pub body_html: Option<String>,
    pub sector: String,
    pub source_name: String,
    pub contact: String,
    pub tags: Vec<String>,
    /// `draft` or `published`.
    pub state: String,
    pub published_at: Option<i64>,
    /// Published examples sharing tags with this one.
    pub related: Vec<ExampleCard>,
}

impl ExampleBody {
    fn of(record: ExampleRecord, body_html: Option<String>, related: Vec<ExampleHit>) -> Self {
        ExampleBody {
            id: record.id,
            title: record.title,
            summary: record.summary,
            body: record.body,
            body_html,
            sector: record.sector.key().to_owned(),
            source_name: record.source_name,
            contact: record.contact,
            tags: record.tags.iter().map(|t| t.as_str().to_owned()).collect(),
            state: record.state.key().to_owned(),
            published_at: record.published_at,
            related: related.into_iter().map(ExampleCard::from).collect(),
        }
    }
}

/// A published practice example with related items (shared tags).
#[utoipa::path(get, path = "/api/v1/knowledge/examples/{id}", tag = "knowledge", security(()),
    params(("id" = i64, Path)), responses((status = 200, body = ExampleBody)))]
pub async fn get_example(State(state): State<AppState>, Path(id): Path<i64>) -> AppResult<Json<ExampleBody>> {
    let view = state.app.example(id).await?;
    Ok(Json(ExampleBody::of(view.record, Some(view.body_html), view.related)))
}

/// A practice example as its author writes it.
/// Missing fields are empty, so that access is decided before the fields are judged.
#[derive(Deserialize, ToSchema, Default)]
#[serde(default)]
pub struct ExampleForm {
    pub title: String,
    pub summary: String,
    /// Markdown; HTML is refused.
    pub body: String,
    /// `po`, `vo`, `so` or `swv`.
    pub sector: String,
    #[serde(default)]
    pub tags: Vec<String>,
    /// The school or SWV it comes from, as people know it.
    pub source_name: String,
    #[serde(default)]
    pub contact: String,
    /// For a school's director or IB-er: the school's BRIN; the example becomes
    /// a draft for its SWV's editors. Editors leave it out.
    #[serde(default)]
    pub school: Option<String>,
    /// An editor may publish at once.
    #[serde(default)]
    pub publish: bool,
}

impl ExampleForm {
    fn input(&self) -> ExampleInput {
        ExampleInput {
            title: self.title.clone(),
            summary: self.summary.clone(),
            body: self.body.clone(),
            sector: self.sector.clone(),
            tags: self.tags.clone(),
            source_name: self.source_name.clone(),
            contact: self.contact.clone(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct Created {
    pub id: i64,
}

/// Writes a practice example: editors (platform or SWV), or a school's director or IB-er as a draft.
#[utoipa::path(post, path = "/api/v1/knowledge/examples", tag = "knowledge", security(("session" = [])),
    request_body = ExampleForm,
    responses((status = 201, body = Created), (status = 400, description = "Field errors"),
              (status = 404, description = "The school named is not known")))]
pub async fn write_example(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Json(form): Json<ExampleForm>,
) -> AppResult<(StatusCode, Json<Created>)> {
    let id = state
        .app
        .write_example(&session.actor, &form.input(), form.school.as_deref(), form.publish)
        .await?
        .map_err(problems_error)?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

/// Changes an example the editor keeps (draft or published).
#[utoipa::path(put, path = "/api/v1/knowledge/examples/{id}", tag = "knowledge", security(("session" = [])),
    params(("id" = i64, Path)), request_body = ExampleForm,
    responses((status = 204, description = "Saved"), (status = 400, description = "Field errors")))]
pub async fn update_example(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path(id): Path<i64>,
    Json(form): Json<ExampleForm>,
) -> AppResult<StatusCode> {
    state.app.update_example(&session.actor, id, &form.input()).await?.map_err(problems_error)?;
    Ok(StatusCode::NO_CONTENT)
}

/// An editor publishes a draft it keeps.
#[utoipa::path(post, path = "/api/v1/knowledge/examples/{id}/publish", tag = "knowledge", security(("session" = [])),
    params(("id" = i64, Path)), responses((status = 204, description = "Published")))]
pub async fn publish_example(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path(id): Path<i64>,
) -> AppResult<StatusCode> {
    state.app.publish_example(&session.actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A question for the question desk. The name, phone number and e-mail let
/// the experts reach the asker; they are deleted a year after the answer.
#[derive(Deserialize, ToSchema)]
pub struct QuestionForm {
    pub name: String,
    pub phone: String,
    pub email: String,
    #[serde(default)]
    pub organisation: String,
    /// A short description of the question (at most 2,000 characters).
    pub description: String,
}

#[derive(Serialize, ToSchema)]
pub struct QuestionReceived {
    /// The ticket number.
    pub id: i64,
    /// The secret of the asker's link (`/vraag/antwoord/{token}`), also in the confirmation mail.
    pub token: String,
}

/// Asks the question desk; the asker gets a mail with a link to follow the question.
#[utoipa::path(post, path = "/api/v1/questions", tag = "knowledge", security(()), request_body = QuestionForm,
    responses((status = 201, body = QuestionReceived), (status = 400, description = "Field errors")))]
pub async fn ask_question(
    State(state): State<AppState>,
    headers: axum::http::HeaderMap,
    Json(form): Json<QuestionForm>,
) -> AppResult<(StatusCode, Json<QuestionReceived>)> {
    let input = QuestionInput {
        name: form.name,
        phone: form.phone,
        email: form.email,
        organisation: form.organisation,
        description: form.description,
    };
    let asked = state.app.ask_question(lang_of(&headers), &input).await?.map_err(problems_error)?;
    Ok((StatusCode::CREATED, Json(QuestionReceived { id: asked.id, token: asked.token })))
}

/// Missing fields are empty, so that access is decided before the fields are judged.
#[derive(Deserialize, ToSchema, Default)]
#[serde(default)]
pub struct AnswerForm {
    pub answer: String,
}

/// An expert answers a ticket; the answer is mailed to the asker. 409 when it was answered already.
#[utoipa::path(post, path = "/api/v1/questions/{id}/answer", tag = "knowledge", security(("session" = [])),
    params(("id" = i64, Path)), request_body = AnswerForm,
    responses((status = 204, description = "Answered and mailed"), (status = 400, description = "Field errors"),
              (status = 409, description = "Answered already")))]
pub async fn answer_question(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path(id): Path<i64>,
    Json(form): Json<AnswerForm>,
) -> AppResult<StatusCode> {
    state.app.answer_question(&session.actor, &session.user.name, id, &form.answer).await?.map_err(problems_error)?;
    Ok(StatusCode::NO_CONTENT)
}

/// An answered question as the editor publishes it: rewritten without the asker's details.
/// Missing fields are empty, so that access is decided before the fields are judged.
#[derive(Deserialize, ToSchema, Default)]
#[serde(default)]
pub struct FaqForm {
    pub question: String,
    pub answer: String,
    #[serde(default)]
    pub tags: Vec<String>,
}

/// A platform editor publishes an answered question as an anonymised FAQ item.
#[utoipa::path(post, path = "/api/v1/questions/{id}/faq", tag = "knowledge", security(("session" = [])),
    params(("id" = i64, Path)), request_body = FaqForm,
    responses((status = 201, body = Created), (status = 400, description = "Field errors (also: still names the asker)"),
              (status = 409, description = "Not answered yet, or published already")))]
pub async fn publish_faq(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path(id): Path<i64>,
    Json(form): Json<FaqForm>,
) -> AppResult<(StatusCode, Json<Created>)> {
    let id = state
        .app
        .publish_faq(&session.actor, id, &form.question, &form.answer, &form.tags)
        .await?
        .map_err(problems_error)?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

#[derive(Deserialize, IntoParams, Default)]
#[serde(default)]
pub struct FaqParams {
    /// Only items with this tag.
    pub tag: String,
}

#[derive(Serialize, ToSchema)]
pub struct FaqEntry {
    pub id: i64,
    pub question: String,
    pub answer: String,
    pub tags: Vec<String>,
    pub published_at: i64,
}

impl From<FaqRecord> for FaqEntry {
    fn from(r: FaqRecord) -> Self {
        FaqEntry {
            id: r.id,
            question: r.question,
            answer: r.answer,
            tags: r.tags.iter().map(|t| t.as_str().to_owned()).collect(),
            published_at: r.published_at,
        }
    }
}

/// The published FAQ of the question desk.
#[utoipa::path(get, path = "/api/v1/knowledge/faq", tag = "knowledge", security(()), params(FaqParams),
    responses((status = 200, body = [FaqEntry]), (status = 400, description = "The tag is not a tag")))]
pub async fn list_faq(
    State(state): State<AppState>,
    Query(params): Query<FaqParams>,
) -> AppResult<Json<Vec<FaqEntry>>> {
    let items = state.app.faq(Some(&params.tag)).await?.map_err(problems_error)?;
    Ok(Json(items.into_iter().map(FaqEntry::from).collect()))
}
