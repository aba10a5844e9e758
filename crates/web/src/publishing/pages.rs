//! The public pages of a published profile (no login) and its documents:
//! `/scholen/{vestigingscode}` and below. Only published versions are found;
//! every other state answers 404 through every route.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use passend_documents::{DocumentKind, school_guide_docx};
use passend_domain::publishing::{CONTACT_MAX, LIMITS_MAX, SUMMARY_MAX, excerpt};
use passend_domain::questionnaire::{SchoolYear, Shown, SupportCategory};
use passend_i18n::ParentLang;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::documents::{document_json, document_key, file_response};
use super::view::PublicView;
use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::pages::render;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(year_page))
        .routes(routes!(parents_page))
        .routes(routes!(parents_pdf))
        .routes(routes!(poster_pdf))
        .routes(routes!(guide_page))
        .routes(routes!(guide_pdf))
        .routes(routes!(guide_docx))
        .routes(routes!(vensters_page))
        .routes(routes!(vensters_txt))
        .routes(routes!(embed_page))
}

#[derive(Deserialize, IntoParams, Default)]
#[serde(default)]
pub struct LangQuery {
    /// The parents' language: nl (default), en, pl, tr, ar or uk.
    taal: Option<String>,
}

impl LangQuery {
    pub fn lang(&self) -> ParentLang {
        self.taal.as_deref().and_then(ParentLang::parse).unwrap_or_default()
    }
}

/// What every public page's frame needs.
struct Frame {
    lang: ParentLang,
    languages: [ParentLang; 6],
    self_path: String,
    lang_query: String,
}

fn frame(v: &PublicView, path: String) -> Frame {
    Frame { lang: v.lang, languages: ParentLang::ALL, self_path: path, lang_query: v.lang_query() }
}

#[derive(Template)]
#[template(path = "public/profile.html")]
struct ProfilePage {
    lang: ParentLang,
    languages: [ParentLang; 6],
    self_path: String,
    lang_query: String,
    v: PublicView,
    contact: Option<String>,
    /// The year in the URL, when the page is a given year's.
    year_in_path: bool,
    /// Practice examples for the ambitions the profile names.
    ambition_examples: Vec<passend_app::knowledge::ambitions::AmbitionExamples>,
}

#[derive(Template)]
#[template(path = "public/parents.html")]
struct ParentsPage {
    lang: ParentLang,
    languages: [ParentLang; 6],
    self_path: String,
    lang_query: String,
    v: PublicView,
    summary: Option<String>,
    limits: Option<String>,
    contact: Option<String>,
    changes: Vec<String>,
}

#[derive(Template)]
#[template(path = "public/guide_snippet.html")]
struct GuideSnippet<'a> {
    v: &'a PublicView,
    rows: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "public/guide.html")]
struct GuidePage {
    lang: ParentLang,
    languages: [ParentLang; 6],
    self_path: String,
    lang_query: String,
    v: PublicView,
    snippet: String,
}

#[derive(Template)]
#[template(path = "public/vensters.html")]
struct VenstersPage {
    lang: ParentLang,
    languages: [ParentLang; 6],
    self_path: String,
    lang_query: String,
    v: PublicView,
    text: String,
}

#[derive(Template)]
#[template(path = "public/embed_snippet.html")]
struct EmbedSnippet<'a> {
    v: &'a PublicView,
    lang_query: String,
    link_text: String,
}

#[derive(Template)]
#[template(path = "public/embed.html")]
struct EmbedPage {
    lang: ParentLang,
    languages: [ParentLang; 6],
    self_path: String,
    lang_query: String,
    v: PublicView,
    snippet: String,
}

impl ProfilePage {
    /// The full profile's PDF: the given year's when the page is a year's.
    fn doc_path(&self, suffix: &str) -> String {
        let year = if self.year_in_path { format!("/{}", self.v.year) } else { String::new() };
        format!("/scholen/{}{year}{suffix}{}", self.v.code, self.v.lang_query())
    }
}

impl ParentsPage {
    fn doc_path(&self, suffix: &str) -> String {
        format!("/scholen/{}{suffix}{}", self.v.code, self.v.lang_query())
    }
}

fn html(body: impl Into<axum::body::Body>) -> Response {
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=60")], body.into())
        .into_response()
}

/// `/scholen/{vestigingscode}` and `/scholen/{vestigingscode}.pdf` (the
/// directory's `/scholen/{brin}` route hands location codes here).
pub async fn location(state: &AppState, raw: &str, lang: ParentLang) -> AppResult<Response> {
    match raw.strip_suffix(".pdf") {
        Some(code) => full_pdf(state, code, None, lang).await,
        None => profile(state, raw, None, lang).await,
    }
}

async fn profile(state: &AppState, code: &str, year: Option<&str>, lang: ParentLang) -> AppResult<Response> {
    let path = match year {
        Some(y) => format!("/scholen/{}/{y}", code.to_uppercase()),
        None => format!("/scholen/{}", code.to_uppercase()),
    };
    let key = format!("{path}?{}", lang.code());
    let public_generation = state.app.public_generation().await?;
    if let Some(hit) = state.public.pages.get(&key, public_generation) {
        return Ok(html(hit));
    }
    let generation = state.public.pages.generation();
    let v = PublicView::load(state, code, year, lang).await?;
    let ambition_examples = state.app.examples_for_ambitions(&v.ambitions).await?;
    let f = frame(&v, path);
    let body = render(&ProfilePage {
        contact: v.contact.clone(),
        year_in_path: year.is_some(),
        ambition_examples,
        lang: f.lang,
        languages: f.languages,
        self_path: f.self_path,
        lang_query: f.lang_query,
        v,
    })?;
    state.public.pages.put(key, &body.0, generation, public_generation);
    Ok(html(body.0))
}

/// Renders a published location's Dutch parent report and full profile into
/// this server's document cache: the pre-render job after a publication.
pub async fn prerender(state: &AppState, code: &str) -> AppResult<()> {
    let v = PublicView::load(state, code, None, ParentLang::Nl).await?;
    state.public.documents.pdf(DocumentKind::ParentReport, v.lang, &v.parent_data()).await?;
    state.public.documents.pdf(DocumentKind::FullProfile, v.lang, &v.full_data()).await?;
    Ok(())
}

async fn full_pdf(state: &AppState, code: &str, year: Option<&str>, lang: ParentLang) -> AppResult<Response> {
    let v = PublicView::load(state, code, year, lang).await?;
    document(state, &v, DocumentKind::FullProfile, &v.full_data()).await
}

async fn document(
    state: &AppState,
    v: &PublicView,
    kind: DocumentKind,
    data: &impl serde::Serialize,
) -> AppResult<Response> {
    let (pdf, key) = state.public.documents.pdf(kind, v.lang, data).await?;
    let name = format!("{}-{}-{}-{}.pdf", v.code, v.year, kind.key(), v.lang.code());
    Ok(file_response(&pdf, "application/pdf", &name, &key))
}

/// A school year's version: `/scholen/{vestigingscode}/2025-2026` (and `.pdf`).
#[utoipa::path(get, path = "/scholen/{brin}/{year}", tag = "public", security(()),
    params(("brin" = String, Path, description = "Vestigingscode, e.g. 04FZ00"), ("year" = String, Path, description = "School year, e.g. 2026-2027, or 2026-2027.pdf"), LangQuery),
    responses((status = 200, content_type = "text/html"), (status = 404, description = "No published version of that year")))]
pub async fn year_page(
    State(state): State<AppState>,
    Path((code, year)): Path<(String, String)>,
    Query(query): Query<LangQuery>,
) -> AppResult<Response> {
    let (raw, pdf) = match year.strip_suffix(".pdf") {
        Some(y) => (y, true),
        None => (year.as_str(), false),
    };
    let year = SchoolYear::parse(raw).ok_or_else(AppError::not_found)?.to_string();
    if pdf {
        full_pdf(&state, &code, Some(&year), query.lang()).await
    } else {
        profile(&state, &code, Some(&year), query.lang()).await
    }
}

/// The parent report: what the school offers and cannot offer, who to go to,
/// what changed this year (prints on at most three A4 pages).
#[utoipa::path(get, path = "/scholen/{brin}/ouders", tag = "public", security(()),
    params(("brin" = String, Path, description = "Vestigingscode"), LangQuery),
    responses((status = 200, content_type = "text/html"), (status = 404, description = "Not published")))]
pub async fn parents_page(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(query): Query<LangQuery>,
) -> AppResult<Response> {
    let lang = query.lang();
    let key = format!("/scholen/{}/ouders?{}", code.to_uppercase(), lang.code());
    let public_generation = state.app.public_generation().await?;
    if let Some(hit) = state.public.pages.get(&key, public_generation) {
        return Ok(html(hit));
    }
    let generation = state.public.pages.generation();
    let v = PublicView::load(&state, &code, None, lang).await?;
    let f = frame(&v, v.path("/ouders"));
    let body = render(&ParentsPage {
        summary: v.summary.as_deref().map(|s| excerpt(s, SUMMARY_MAX)),
        limits: v.limits.as_deref().map(|s| excerpt(s, LIMITS_MAX)),
        contact: v.contact.as_deref().map(|s| excerpt(s, CONTACT_MAX)),
        changes: v.changes.iter().take(passend_domain::publishing::CHANGES_MAX).cloned().collect(),
        lang: f.lang,
        languages: f.languages,
        self_path: f.self_path,
        lang_query: f.lang_query,
        v,
    })?;
    state.public.pages.put(key, &body.0, generation, public_generation);
    Ok(html(body.0))
}

#[utoipa::path(get, path = "/scholen/{brin}/ouders.pdf", tag = "public", security(()),
    params(("brin" = String, Path, description = "Vestigingscode"), LangQuery),
    responses((status = 200, content_type = "application/pdf"), (status = 404, description = "Not published"), (status = 503, description = "Could not be typeset now")))]
pub async fn parents_pdf(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(query): Query<LangQuery>,
) -> AppResult<Response> {
    let v = PublicView::load(&state, &code, None, query.lang()).await?;
    document(&state, &v, DocumentKind::ParentReport, &v.parent_data()).await
}

/// The parents' poster: one A3 page for the school's entrance.
#[utoipa::path(get, path = "/scholen/{brin}/poster.pdf", tag = "public", security(()),
    params(("brin" = String, Path, description = "Vestigingscode"), LangQuery),
    responses((status = 200, content_type = "application/pdf"), (status = 404, description = "Not published")))]
pub async fn poster_pdf(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(query): Query<LangQuery>,
) -> AppResult<Response> {
    let v = PublicView::load(&state, &code, None, query.lang()).await?;
    document(&state, &v, DocumentKind::Poster, &v.poster_data()).await
}

fn guide_rows(v: &PublicView) -> Vec<(String, String)> {
    SupportCategory::ALL.iter().map(|c| (v.category_name(c), v.level_name(v.offer.level(*c)))).collect()
}

/// The school-guide chapter as an HTML snippet to paste, with its DOCX and PDF.
#[utoipa::path(get, path = "/scholen/{brin}/schoolgids", tag = "public", security(()),
    params(("brin" = String, Path, description = "Vestigingscode"), LangQuery),
    responses((status = 200, content_type = "text/html"), (status = 404, description = "Not published")))]
pub async fn guide_page(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(query): Query<LangQuery>,
) -> AppResult<Html<String>> {
    let v = PublicView::load(&state, &code, None, query.lang()).await?;
    let snippet = render(&GuideSnippet { v: &v, rows: guide_rows(&v) })?.0;
    let f = frame(&v, v.path("/schoolgids"));
    render(&GuidePage {
        lang: f.lang,
        languages: f.languages,
        self_path: f.self_path,
        lang_query: f.lang_query,
        v,
        snippet,
    })
}

#[utoipa::path(get, path = "/scholen/{brin}/schoolgids.pdf", tag = "public", security(()),
    params(("brin" = String, Path, description = "Vestigingscode"), LangQuery),
    responses((status = 200, content_type = "application/pdf"), (status = 404, description = "Not published")))]
pub async fn guide_pdf(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(query): Query<LangQuery>,
) -> AppResult<Response> {
    let v = PublicView::load(&state, &code, None, query.lang()).await?;
    document(&state, &v, DocumentKind::SchoolGuide, &v.guide_data()).await
}

#[utoipa::path(get, path = "/scholen/{brin}/schoolgids.docx", tag = "public", security(()),
    params(("brin" = String, Path, description = "Vestigingscode"), LangQuery),
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"), (status = 404, description = "Not published")))]
pub async fn guide_docx(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(query): Query<LangQuery>,
) -> AppResult<Response> {
    let v = PublicView::load(&state, &code, None, query.lang()).await?;
    let data = v.guide_data();
    let key = document_key(DocumentKind::SchoolGuide, v.lang, &document_json(DocumentKind::SchoolGuide, &data)?);
    let bytes = school_guide_docx(&data).map_err(|error| {
        tracing::error!(%error, "school-guide DOCX failed");
        AppError::new(crate::error::ErrorKind::DocumentFailed)
    })?;
    let name = format!("{}-{}-schoolgids-{}.docx", v.code, v.year, v.lang.code());
    Ok(file_response(
        &bytes,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        &name,
        &format!("{key}-docx"),
    ))
}

/// Text shaped for Vensters' indicator *Ondersteuning van leerlingen*.
#[utoipa::path(get, path = "/scholen/{brin}/vensters", tag = "public", security(()),
    params(("brin" = String, Path, description = "Vestigingscode"), LangQuery),
    responses((status = 200, content_type = "text/html"), (status = 404, description = "Not published")))]
pub async fn vensters_page(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(query): Query<LangQuery>,
) -> AppResult<Html<String>> {
    let v = PublicView::load(&state, &code, None, query.lang()).await?;
    let f = frame(&v, v.path("/vensters"));
    render(&VenstersPage {
        text: v.vensters_text(),
        lang: f.lang,
        languages: f.languages,
        self_path: f.self_path,
        lang_query: f.lang_query,
        v,
    })
}

#[utoipa::path(get, path = "/scholen/{brin}/vensters.txt", tag = "public", security(()),
    params(("brin" = String, Path, description = "Vestigingscode")),
    responses((status = 200, content_type = "text/plain"), (status = 404, description = "Not published")))]
pub async fn vensters_txt(State(state): State<AppState>, Path(code): Path<String>) -> AppResult<Response> {
    let v = PublicView::load(&state, &code, None, ParentLang::Nl).await?;
    let name = format!("{}-{}-vensters.txt", v.code, v.year);
    Ok((
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")),
        ],
        v.vensters_text(),
    )
        .into_response())
}

/// The block to paste on the school's website, linking to the parent report.
#[utoipa::path(get, path = "/scholen/{brin}/insluiten", tag = "public", security(()),
    params(("brin" = String, Path, description = "Vestigingscode"), LangQuery),
    responses((status = 200, content_type = "text/html"), (status = 404, description = "Not published")))]
pub async fn embed_page(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(query): Query<LangQuery>,
) -> AppResult<Html<String>> {
    let v = PublicView::load(&state, &code, None, query.lang()).await?;
    let snippet = render(&EmbedSnippet {
        v: &v,
        lang_query: v.lang_query(),
        link_text: v.lang.t_with("public-embed-link", &[("year", v.year.clone().into())]),
    })?
    .0;
    let f = frame(&v, v.path("/insluiten"));
    render(&EmbedPage {
        lang: f.lang,
        languages: f.languages,
        self_path: f.self_path,
        lang_query: f.lang_query,
        v,
        snippet,
    })
}
