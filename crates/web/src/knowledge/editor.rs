//! Writing practice examples on the web: an editor writes one and publishes
//! it at once or keeps it as a draft; a school's director or IB-er writes a
//! draft for its SWV's editors; editors see the drafts waiting for them,
//! change any example they keep and publish drafts. The same use cases as
//! `POST /api/v1/knowledge/examples` and its `publish`.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use passend_app::knowledge::ExampleRecord;
use passend_domain::knowledge::{ExampleInput, ExampleSector, ExampleState};
use passend_domain::organisations::OrgKind;
use passend_domain::questionnaire::SupportCategory;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::pages::{AttachmentError, tag_name};
use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::pages::{FieldErrors, PageContext, render};
use crate::security::csrf::CsrfForm;
use crate::security::session::SignedIn;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(new_example_page, create_example))
        .routes(routes!(drafts_page))
        .routes(routes!(edit_example_page, save_example))
        .routes(routes!(publish_example))
}

/// The form as typed: what the page shows again after a refusal.
#[derive(Debug, Clone, Default)]
struct Typed {
    title: String,
    summary: String,
    body: String,
    sector: String,
    /// Support categories ticked.
    categories: Vec<String>,
    /// Other themes, comma-separated as typed.
    themes: String,
    source_name: String,
    contact: String,
    /// The school a school's author writes for (its BRIN).
    school: String,
}

fn get<'a>(form: &'a [(String, String)], key: &str) -> &'a str {
    form.iter().find(|(k, _)| k == key).map_or("", |(_, v)| v.as_str())
}

impl Typed {
    fn from_form(form: &[(String, String)]) -> Typed {
        Typed {
            title: get(form, "title").to_owned(),
            summary: get(form, "summary").to_owned(),
            body: get(form, "body").to_owned(),
            sector: get(form, "sector").to_owned(),
            categories: form.iter().filter(|(k, _)| k == "category").map(|(_, v)| v.clone()).collect(),
            themes: get(form, "themes").to_owned(),
            source_name: get(form, "source_name").to_owned(),
            contact: get(form, "contact").to_owned(),
            school: get(form, "school").trim().to_uppercase(),
        }
    }

    fn from_record(record: &ExampleRecord) -> Typed {
        let (categories, themes): (Vec<_>, Vec<_>) =
            record.tags.iter().map(|t| t.as_str().to_owned()).partition(|t| SupportCategory::parse(t).is_some());
        Typed {
            title: record.title.clone(),
            summary: record.summary.clone(),
            body: record.body.clone(),
            sector: record.sector.key().to_owned(),
            categories,
            themes: themes.join(", "),
            source_name: record.source_name.clone(),
            contact: record.contact.clone(),
            school: record.source_brin.clone().unwrap_or_default(),
        }
    }

    /// The input the use case checks: categories first, then the themes.
    fn input(&self) -> ExampleInput {
        let mut tags = self.categories.clone();
        tags.extend(self.themes.split([',', ';']).map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned));
        ExampleInput {
            title: self.title.clone(),
            summary: self.summary.clone(),
            body: self.body.clone(),
            sector: self.sector.clone(),
            tags,
            source_name: self.source_name.clone(),
            contact: self.contact.clone(),
        }
    }
}

#[derive(Template)]
#[template(path = "knowledge/editor.html")]
struct EditorPage {
    ctx: PageContext,
    /// `None` for a new example.
    record: Option<ExampleRecord>,
    typed: Typed,
    /// Whether the reader is an editor (may publish); a school's author writes drafts only.
    editor: bool,
    sectors: [ExampleSector; 4],
    categories: [SupportCategory; 12],
    errors: FieldErrors,
    /// A stored example's attachments, to add and remove here while it is a draft.
    attachments: Option<crate::groups::pages::AttachmentsBlock>,
}

impl EditorPage {
    fn category_checked(&self, category: &SupportCategory) -> bool {
        self.typed.categories.iter().any(|c| c == category.key())
    }

    fn action(&self) -> String {
        match &self.record {
            Some(record) => format!("/kennisbank/{}/bewerken", record.id),
            None => "/kennisbank/schrijven".to_owned(),
        }
    }

    fn is_draft(&self) -> bool {
        self.record.as_ref().is_none_or(|r| r.state == ExampleState::Draft)
    }
}

#[derive(Deserialize, IntoParams, Default)]
#[serde(default)]
pub struct SchoolParam {
    /// The BRIN of the school a director or IB-er writes for.
    school: String,
}

/// The school the actor writes for: the one asked, or the one school it
/// coordinates; `None` for an editor writing as the platform or its SWV.
pub fn school_of(session: &crate::security::session::Session, asked: &str, editor: bool) -> Option<String> {
    let asked = asked.trim().to_uppercase();
    if !asked.is_empty() {
        return Some(asked);
    }
    if editor {
        return None;
    }
    session
        .actor
        .memberships()
        .iter()
        .find(|m| {
            m.org.kind == OrgKind::School
                && matches!(m.role, passend_domain::access::Role::Director | passend_domain::access::Role::Ib)
        })
        .map(|m| m.org.code.clone())
}

/// The form for a new practice example (editors, and a school's director or IB-er).
#[utoipa::path(get, path = "/kennisbank/schrijven", tag = "pages", params(SchoolParam),
    responses((status = 200, content_type = "text/html"), (status = 403, description = "Neither an editor nor a school's coordinator")))]
pub async fn new_example_page(
    ctx: PageContext,
    SignedIn(session): SignedIn,
    Query(param): Query<SchoolParam>,
) -> AppResult<Response> {
    let editor = passend_app::App::is_editor(&session.actor);
    let school = school_of(&session, &param.school, editor);
    if !editor && school.is_none() {
        return Err(AppError::forbidden());
    }
    let typed = Typed { school: school.unwrap_or_default(), ..Typed::default() };
    page(ctx, None, typed, editor, FieldErrors::default(), None, StatusCode::OK)
}

fn page(
    ctx: PageContext,
    record: Option<ExampleRecord>,
    typed: Typed,
    editor: bool,
    errors: FieldErrors,
    attachments: Option<crate::groups::pages::AttachmentsBlock>,
    status: StatusCode,
) -> AppResult<Response> {
    let html = render(&EditorPage {
        ctx,
        record,
        typed,
        editor,
        sectors: ExampleSector::ALL,
        categories: SupportCategory::ALL,
        errors,
        attachments,
    })?;
    Ok((status, html).into_response())
}

/// The editor's page of a stored example; a draft's with its attachments
/// (a published one's are on its own page).
async fn stored_page(
    state: &AppState,
    ctx: PageContext,
    record: ExampleRecord,
    typed: Typed,
    errors: FieldErrors,
    refused: &AttachmentError,
    status: StatusCode,
) -> AppResult<Response> {
    let attachments = if record.state == ExampleState::Draft {
        let refused = (refused.bijlage_fout.as_str(), refused.ext.as_str());
        Some(crate::groups::pages::AttachmentsBlock::load(&ctx, state, record.id, refused, true).await?)
    } else {
        None
    };
    page(ctx, Some(record), typed, true, errors, attachments, status)
}

/// Writes a new example: an editor's is published with `action=publish`; a school's is a draft.
#[utoipa::path(post, path = "/kennisbank/schrijven", tag = "pages",
    request_body(content = Object, content_type = "application/x-www-form-urlencoded", description = "`title`, `summary`, `body` (Markdown), `sector`, `category` (repeated), `themes` (comma-separated), `source_name`, `contact`, `school` (a school's author), `action` (`draft` or `publish`)"),
    responses((status = 303, description = "Written"), (status = 403, description = "Neither an editor nor the school's coordinator"),
              (status = 422, description = "Field errors, shown next to the fields")))]
pub async fn create_example(
    State(state): State<AppState>,
    ctx: PageContext,
    form: CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let typed = Typed::from_form(&form.form);
    let editor = passend_app::App::is_editor(&form.session.actor);
    let publish = editor && get(&form.form, "action") == "publish";
    let school = (!editor || !typed.school.is_empty()).then(|| typed.school.clone()).filter(|s| !s.is_empty());
    if !editor && school.is_none() {
        return Err(AppError::forbidden());
    }
    match state.app.write_example(&form.session.actor, &typed.input(), school.as_deref(), publish).await? {
        Ok(id) => {
            let to =
                if publish { format!("/kennisbank/{id}?melding=gepubliceerd") } else { concept_target(editor, id) };
            Ok(Redirect::to(&to).into_response())
        }
        Err(problems) => {
            let errors = FieldErrors::from_problems(ctx.lang, problems);
            page(ctx, None, typed, editor, errors, None, StatusCode::UNPROCESSABLE_ENTITY)
        }
    }
}

/// Where a saved draft leads: the editor back to it, a school's author to the thanks on the knowledge base.
fn concept_target(editor: bool, id: i64) -> String {
    if editor {
        format!("/kennisbank/{id}/bewerken?melding=opgeslagen")
    } else {
        "/kennisbank?melding=concept-ingediend".to_owned()
    }
}

#[derive(Template)]
#[template(path = "knowledge/drafts.html")]
struct DraftsPage {
    ctx: PageContext,
    drafts: Vec<ExampleRecord>,
}

impl DraftsPage {
    fn tag_name(&self, tag: &str) -> String {
        tag_name(&self.ctx, tag)
    }
}

/// The drafts waiting for the editor: the platform's for a platform editor, its SWVs' for an SWV's.
#[utoipa::path(get, path = "/kennisbank/concepten", tag = "pages",
    responses((status = 200, content_type = "text/html"), (status = 403, description = "Not an editor")))]
pub async fn drafts_page(
    State(state): State<AppState>,
    ctx: PageContext,
    SignedIn(session): SignedIn,
) -> AppResult<Response> {
    let drafts = state.app.example_drafts(&session.actor).await?;
    Ok(render(&DraftsPage { ctx, drafts })?.into_response())
}

/// An example the editor keeps, to change (and publish, while a draft, with its attachments).
#[utoipa::path(get, path = "/kennisbank/{id}/bewerken", tag = "pages", params(("id" = i64, Path), AttachmentError),
    responses((status = 200, content_type = "text/html"), (status = 403, description = "Not an editor"),
              (status = 404, description = "No example this editor keeps")))]
pub async fn edit_example_page(
    State(state): State<AppState>,
    ctx: PageContext,
    SignedIn(session): SignedIn,
    Path(id): Path<i64>,
    Query(refused): Query<AttachmentError>,
) -> AppResult<Response> {
    let record = state.app.example_for_editor(&session.actor, id).await?;
    let typed = Typed::from_record(&record);
    stored_page(&state, ctx, record, typed, FieldErrors::default(), &refused, StatusCode::OK).await
}

/// Saves the changes; with `action=publish` a draft is published as well.
#[utoipa::path(post, path = "/kennisbank/{id}/bewerken", tag = "pages", params(("id" = i64, Path)),
    request_body(content = Object, content_type = "application/x-www-form-urlencoded", description = "The fields of `POST /kennisbank/schrijven`"),
    responses((status = 303, description = "Saved"), (status = 403, description = "Not an editor"),
              (status = 404, description = "No example this editor keeps"), (status = 422, description = "Field errors")))]
pub async fn save_example(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<i64>,
    form: CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let actor = &form.session.actor;
    let record = state.app.example_for_editor(actor, id).await?;
    let mut typed = Typed::from_form(&form.form);
    typed.school = record.source_brin.clone().unwrap_or_default();
    match state.app.update_example(actor, id, &typed.input()).await? {
        Ok(()) => {
            let publish = get(&form.form, "action") == "publish" && record.state == ExampleState::Draft;
            if publish {
                state.app.publish_example(actor, id).await?;
                return Ok(Redirect::to(&format!("/kennisbank/{id}?melding=gepubliceerd")).into_response());
            }
            let to = match record.state {
                ExampleState::Published => format!("/kennisbank/{id}?melding=opgeslagen"),
                ExampleState::Draft => format!("/kennisbank/{id}/bewerken?melding=opgeslagen"),
            };
            Ok(Redirect::to(&to).into_response())
        }
        Err(problems) => {
            let errors = FieldErrors::from_problems(ctx.lang, problems);
            let refused = AttachmentError::default();
            stored_page(&state, ctx, record, typed, errors, &refused, StatusCode::UNPROCESSABLE_ENTITY).await
        }
    }
}

/// Publishes a draft as it is (from the drafts list).
#[utoipa::path(post, path = "/kennisbank/{id}/publiceren", tag = "pages", params(("id" = i64, Path)),
    request_body(content = Object, content_type = "application/x-www-form-urlencoded", description = "Only the CSRF token"),
    responses((status = 303, description = "Published"), (status = 403, description = "Not an editor"),
              (status = 404, description = "No draft this editor keeps")))]
pub async fn publish_example(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: CsrfForm<Vec<(String, String)>>,
) -> AppResult<Redirect> {
    state.app.publish_example(&form.session.actor, id).await?;
    Ok(Redirect::to(&format!("/kennisbank/{id}?melding=gepubliceerd")))
}
