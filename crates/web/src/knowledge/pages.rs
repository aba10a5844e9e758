//! The knowledge platform's pages: search and read practice examples, ask
//! the question desk and read its answer by link, and the experts' desk.
//! Forms work without JavaScript (Post/Redirect/Get).

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use passend_app::knowledge::{ExampleHit, ExampleSearch, ExampleView, FaqRecord, QuestionRecord};
use passend_domain::knowledge::ExampleSector;
use passend_domain::knowledge::question::QuestionInput;
use passend_domain::questionnaire::SupportCategory;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::app::AppState;
use crate::error::{AppError, AppResult, ErrorKind};
use crate::pages::{FieldErrors, PageContext, render};
use crate::security::csrf::{CsrfForm, PublicForm};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(knowledge_page))
        .routes(routes!(example_page))
        .routes(routes!(question_page, ask))
        .routes(routes!(answer_by_link))
        .routes(routes!(desk_page))
        .routes(routes!(desk_ticket_page, answer))
        .merge(super::editor::router())
}

/// A tag's name for people: a support category by its name, a theme as written.
pub fn tag_name(ctx: &PageContext, tag: &str) -> String {
    SupportCategory::parse(tag).map_or_else(|| tag.replace(['-', '_'], " "), |c| ctx.t(c.message_id()))
}

#[derive(Deserialize, IntoParams, Default)]
#[serde(default)]
pub struct KnowledgeParams {
    /// Words to find (Dutch, with stemming).
    pub q: String,
    /// A tag: a support category key or a theme.
    pub tag: String,
    /// `po`, `vo`, `so` or `swv`.
    pub sector: String,
}

#[derive(Template)]
#[template(path = "knowledge/search.html")]
struct KnowledgePage {
    ctx: PageContext,
    params: KnowledgeParams,
    sectors: Vec<(&'static str, String)>,
    tags: Vec<(String, String, i64)>,
    hits: Vec<ExampleHit>,
    faq: Vec<FaqRecord>,
    errors: FieldErrors,
    /// Whether the reader is an editor (writes, publishes, sees drafts).
    editor: bool,
    /// The school a director or IB-er may share an example of.
    author_school: Option<String>,
}

impl KnowledgePage {
    fn tag_name(&self, tag: &str) -> String {
        tag_name(&self.ctx, tag)
    }

    fn sector_name(&self, sector: &ExampleSector) -> String {
        self.ctx.t(sector.message_id())
    }
}

/// The knowledge base: practice examples found by words, tag and sector, and the question desk's FAQ.
#[utoipa::path(get, path = "/kennisbank", tag = "pages", security(()), params(KnowledgeParams),
    responses((status = 200, content_type = "text/html"), (status = 422, description = "Field errors, shown next to the fields")))]
pub async fn knowledge_page(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(params): Query<KnowledgeParams>,
) -> AppResult<Response> {
    let tags = [params.tag.clone()];
    let search = ExampleSearch { q: &params.q, tags: &tags, sector: &params.sector, limit: Some(50) };
    let (hits, errors) = match state.app.search_examples(&search).await? {
        Ok(hits) => (hits, FieldErrors::default()),
        Err(problems) => (Vec::new(), FieldErrors::from_problems(ctx.lang, problems)),
    };
    let faq = match state.app.faq(None).await? {
        Ok(items) => items.into_iter().take(5).collect(),
        Err(_) => Vec::new(),
    };
    let tags = state
        .app
        .example_tags()
        .await?
        .into_iter()
        .map(|(tag, count)| (tag.clone(), tag_name(&ctx, &tag), count))
        .collect();
    let sectors = ExampleSector::ALL.iter().map(|s| (s.key(), ctx.t(s.message_id()))).collect();
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let editor = ctx.session.as_ref().is_some_and(|s| passend_app::App::is_editor(&s.actor));
    let author_school = ctx.session.as_ref().and_then(|s| super::editor::school_of(s, "", editor));
    let page = render(&KnowledgePage { ctx, params, sectors, tags, hits, faq, errors, editor, author_school })?;
    Ok((status, page).into_response())
}

#[derive(Template)]
#[template(path = "knowledge/example.html")]
struct ExamplePage {
    ctx: PageContext,
    view: ExampleView,
    attachments: crate::groups::pages::AttachmentsBlock,
}

impl ExamplePage {
    fn tag_name(&self, tag: &str) -> String {
        tag_name(&self.ctx, tag)
    }

    fn sector_name(&self, sector: &ExampleSector) -> String {
        self.ctx.t(sector.message_id())
    }
}

#[derive(Deserialize, IntoParams, Default)]
#[serde(default)]
pub struct AttachmentError {
    /// Why the last attachment was refused (a file message's id), shown next to the file field.
    #[serde(rename = "bijlage-fout")]
    pub bijlage_fout: String,
    /// The refused file's extension, for that message.
    pub ext: String,
}

/// A published practice example with related items and its attachments.
#[utoipa::path(get, path = "/kennisbank/{id}", tag = "pages", security(()), params(("id" = i64, Path), AttachmentError),
    responses((status = 200, content_type = "text/html")))]
pub async fn example_page(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<i64>,
    Query(refused): Query<AttachmentError>,
) -> AppResult<Response> {
    let view = state.app.example(id).await?;
    let refused = (refused.bijlage_fout.as_str(), refused.ext.as_str());
    let attachments = crate::groups::pages::AttachmentsBlock::load(&ctx, &state, id, refused, false).await?;
    Ok(render(&ExamplePage { ctx, view, attachments })?.into_response())
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct AskForm {
    name: String,
    phone: String,
    email: String,
    organisation: String,
    description: String,
}

#[derive(Template)]
#[template(path = "knowledge/ask.html")]
struct AskPage {
    ctx: PageContext,
    form: AskForm,
    errors: FieldErrors,
    sent: bool,
}

impl AskPage {
    /// The short fields: name, label id, value typed, input type, autocomplete.
    fn fields(&self) -> Vec<(&'static str, &'static str, &str, &'static str, &'static str)> {
        vec![
            ("name", "kb-ask-name", self.form.name.as_str(), "text", "name"),
            ("phone", "kb-ask-phone", self.form.phone.as_str(), "tel", "tel"),
            ("email", "kb-ask-email", self.form.email.as_str(), "email", "email"),
            ("organisation", "kb-ask-organisation", self.form.organisation.as_str(), "text", "organization"),
        ]
    }
}

#[derive(Deserialize, IntoParams, Default)]
#[serde(default)]
pub struct SentParam {
    /// `1` after the question was received.
    verstuurd: String,
}

/// The question desk's form: name, phone, e-mail, organisation and a short description.
#[utoipa::path(get, path = "/vraag", tag = "pages", security(()), params(SentParam),
    responses((status = 200, content_type = "text/html")))]
pub async fn question_page(ctx: PageContext, Query(sent): Query<SentParam>) -> AppResult<Response> {
    let page = AskPage { ctx, form: AskForm::default(), errors: FieldErrors::default(), sent: sent.verstuurd == "1" };
    Ok(render(&page)?.into_response())
}

/// Sends the question; on field errors the form comes back with what was typed.
#[utoipa::path(post, path = "/vraag", tag = "pages", security(()),
    responses((status = 303, description = "Received; a mail with a link follows"), (status = 422, description = "Field errors")))]
pub async fn ask(
    State(state): State<AppState>,
    ctx: PageContext,
    PublicForm(form): PublicForm<AskForm>,
) -> AppResult<Response> {
    let input = QuestionInput {
        name: form.name.clone(),
        phone: form.phone.clone(),
        email: form.email.clone(),
        organisation: form.organisation.clone(),
        description: form.description.clone(),
    };
    match state.app.ask_question(ctx.lang, &input).await? {
        Ok(_) => Ok(Redirect::to("/vraag?verstuurd=1").into_response()),
        Err(problems) => {
            let errors = FieldErrors::from_problems(ctx.lang, problems);
            let page = render(&AskPage { ctx, form, errors, sent: false })?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

#[derive(Template)]
#[template(path = "knowledge/answer.html")]
struct AnswerPage {
    ctx: PageContext,
    question: QuestionRecord,
}

/// The asker's own page: the question and, once given, the answer.
#[utoipa::path(get, path = "/vraag/antwoord/{token}", tag = "pages", security(()), params(("token" = String, Path)),
    responses((status = 200, content_type = "text/html")))]
pub async fn answer_by_link(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(token): Path<String>,
) -> AppResult<Response> {
    let question = state.app.question_by_link(&token).await?;
    Ok(render(&AnswerPage { ctx, question })?.into_response())
}

#[derive(Template)]
#[template(path = "knowledge/desk.html")]
struct DeskPage {
    ctx: PageContext,
    questions: Vec<QuestionRecord>,
}

/// The experts' desk: open tickets first.
#[utoipa::path(get, path = "/vraagbaak", tag = "pages", security(("session" = [])),
    responses((status = 200, content_type = "text/html")))]
pub async fn desk_page(
    State(state): State<AppState>,
    ctx: PageContext,
    crate::security::session::SignedIn(session): crate::security::session::SignedIn,
) -> AppResult<Response> {
    let questions = state.app.desk_questions(&session.actor).await?;
    Ok(render(&DeskPage { ctx, questions })?.into_response())
}

#[derive(Template)]
#[template(path = "knowledge/ticket.html")]
struct TicketPage {
    ctx: PageContext,
    question: QuestionRecord,
    answer: String,
    errors: FieldErrors,
}

/// One ticket with the answer form.
#[utoipa::path(get, path = "/vraagbaak/{id}", tag = "pages", security(("session" = [])), params(("id" = i64, Path)),
    responses((status = 200, content_type = "text/html")))]
pub async fn desk_ticket_page(
    State(state): State<AppState>,
    ctx: PageContext,
    crate::security::session::SignedIn(session): crate::security::session::SignedIn,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let question = state.app.desk_question(&session.actor, id).await?;
    Ok(render(&TicketPage { ctx, question, answer: String::new(), errors: FieldErrors::default() })?.into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AnswerForm {
    answer: String,
}

/// Sends the expert's answer to the asker.
#[utoipa::path(post, path = "/vraagbaak/{id}", tag = "pages", security(("session" = [])), params(("id" = i64, Path)),
    responses((status = 303, description = "Answered and mailed"), (status = 422, description = "Field errors"),
              (status = 409, description = "Answered already")))]
pub async fn answer(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<i64>,
    form: CsrfForm<AnswerForm>,
) -> AppResult<Response> {
    let CsrfForm { session, form } = form;
    match state.app.answer_question(&session.actor, &session.user.name, id, &form.answer).await {
        Ok(Ok(())) => Ok(Redirect::to("/vraagbaak?melding=opgeslagen").into_response()),
        Ok(Err(problems)) => {
            let question = state.app.desk_question(&session.actor, id).await?;
            let errors = FieldErrors::from_problems(ctx.lang, problems);
            let page = render(&TicketPage { ctx, question, answer: form.answer, errors })?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(passend_app::Error::Conflict(_)) => Err(AppError::new(ErrorKind::Conflict)),
        Err(other) => Err(other.into()),
    }
}
