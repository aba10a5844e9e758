//! The platform's and each SWV's own terms with a plain alternative: a page
//! and an API for each list. SWV admins keep their SWV's list (its staff read
//! it), platform admins the platform's; the plain-language assistant uses
//! them for the SWV's schools.

use askama::Template;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use passend_app::plain_terms::{PlainTerm, TermOwner};
use passend_domain::readability::{MAX_PLAIN_CHARS, MAX_TERM_CHARS};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::app::AppState;
use crate::coverage::InSwv;
use crate::error::{AppError, AppResult};
use crate::pages::{PageContext, render};
use crate::security::csrf::CsrfForm;
use crate::security::session::SignedIn;

pub fn page_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(swv_terms_page, add_swv_term_form))
        .routes(routes!(remove_swv_term_form))
        .routes(routes!(platform_terms_page, add_platform_term_form))
        .routes(routes!(remove_platform_term_form))
}

pub fn api_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(swv_terms_json, add_swv_term))
        .routes(routes!(remove_swv_term))
        .routes(routes!(platform_terms_json, add_platform_term))
        .routes(routes!(remove_platform_term))
}

/// A new term with its plain alternative.
#[derive(Deserialize, ToSchema)]
pub struct NewTerm {
    /// The word or words as schools write them (*kernteam jeugd*); found in all their forms.
    #[schema(max_length = 80)]
    pub term: String,
    /// What to write instead, for parents.
    #[schema(max_length = 200)]
    pub plain: String,
}

/// One own term.
#[derive(Serialize, ToSchema)]
pub struct TermBody {
    pub id: i64,
    pub term: String,
    pub plain: String,
}

/// A list of own terms.
#[derive(Serialize, ToSchema)]
pub struct TermsBody {
    /// The SWV's code; `null` for the platform's list.
    pub swv: Option<String>,
    /// Whether the signed-in person may change the list.
    pub editable: bool,
    pub terms: Vec<TermBody>,
}

/// The id of an added term.
#[derive(Serialize, ToSchema)]
pub struct AddedTerm {
    pub id: i64,
}

impl From<PlainTerm> for TermBody {
    fn from(t: PlainTerm) -> Self {
        TermBody { id: t.id, term: t.term, plain: t.plain }
    }
}

#[derive(Template)]
#[template(path = "readability/terms.html")]
struct TermsPage {
    ctx: PageContext,
    /// Where the forms post: the page's own path.
    action: String,
    /// The SWV's code, or none for the platform's list.
    swv: Option<String>,
    can_edit: bool,
    terms: Vec<PlainTerm>,
    term: String,
    plain: String,
    errors: Vec<(String, String)>,
    max_term: usize,
    max_plain: usize,
}

impl TermsPage {
    fn error(&self, field: &str) -> Option<&str> {
        self.errors.iter().find(|(f, _)| f == field).map(|(_, m)| m.as_str())
    }
}

fn path_of(owner: &TermOwner) -> String {
    match owner {
        TermOwner::Platform => "/beheer/vaktaal".to_owned(),
        TermOwner::Swv(code) => format!("/samenwerkingsverbanden/{code}/vaktaal"),
    }
}

async fn page(
    state: &AppState,
    ctx: PageContext,
    owner: &TermOwner,
    can_edit: bool,
    typed: Option<&NewTerm>,
    errors: Vec<(String, String)>,
) -> AppResult<Html<String>> {
    let terms = state.app.plain_term_list(owner).await?;
    render(&TermsPage {
        action: path_of(owner),
        swv: match owner {
            TermOwner::Platform => None,
            TermOwner::Swv(code) => Some(code.to_string()),
        },
        can_edit,
        terms,
        term: typed.map(|t| t.term.clone()).unwrap_or_default(),
        plain: typed.map(|t| t.plain.clone()).unwrap_or_default(),
        errors,
        max_term: MAX_TERM_CHARS,
        max_plain: MAX_PLAIN_CHARS,
        ctx,
    })
}

async fn add_from_form(
    state: &AppState,
    ctx: PageContext,
    owner: TermOwner,
    form: CsrfForm<NewTerm>,
) -> AppResult<Response> {
    let actor = &form.session.actor;
    match state.app.add_plain_term(actor, &owner, &form.form.term, &form.form.plain).await? {
        Ok(_) => Ok(Redirect::to(&format!("{}?melding=opgeslagen", path_of(&owner))).into_response()),
        Err(problems) => {
            let errors = problems.into_iter().map(|(f, m)| (f, ctx.lang.message(&m))).collect();
            let html = page(state, ctx, &owner, true, Some(&form.form), errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
        }
    }
}

fn swv_owner(scope: &crate::coverage::SwvScope) -> TermOwner {
    TermOwner::Swv(scope.code().clone())
}

/// The SWV of a route with a term id, readable by the signed-in person.
async fn swv_of(state: &AppState, actor: &passend_domain::access::Actor, code: &str) -> AppResult<TermOwner> {
    Ok(swv_owner(&state.app.swv_scope(actor, code).await?))
}

#[utoipa::path(get, path = "/samenwerkingsverbanden/{code}/vaktaal", tag = "pages", params(("code" = String, Path)),
    responses((status = 200, content_type = "text/html")))]
pub async fn swv_terms_page(
    State(state): State<AppState>,
    ctx: PageContext,
    InSwv { scope, .. }: InSwv,
) -> AppResult<Html<String>> {
    page(&state, ctx, &swv_owner(&scope), scope.editable(), None, Vec::new()).await
}

#[utoipa::path(post, path = "/samenwerkingsverbanden/{code}/vaktaal", tag = "pages", params(("code" = String, Path)),
    responses((status = 303, description = "Added"), (status = 422, description = "Field errors")))]
pub async fn add_swv_term_form(
    State(state): State<AppState>,
    ctx: PageContext,
    InSwv { scope, .. }: InSwv,
    form: CsrfForm<NewTerm>,
) -> AppResult<Response> {
    add_from_form(&state, ctx, swv_owner(&scope), form).await
}

#[utoipa::path(post, path = "/samenwerkingsverbanden/{code}/vaktaal/{id}/verwijderen", tag = "pages",
    params(("code" = String, Path), ("id" = i64, Path)), responses((status = 303, description = "Removed")))]
pub async fn remove_swv_term_form(
    State(state): State<AppState>,
    Path((code, id)): Path<(String, i64)>,
    form: CsrfForm<Vec<(String, String)>>,
) -> AppResult<Redirect> {
    let owner = swv_of(&state, &form.session.actor, &code).await?;
    state.app.remove_plain_term(&form.session.actor, &owner, id).await?;
    Ok(Redirect::to(&format!("{}?melding=opgeslagen", path_of(&owner))))
}

#[utoipa::path(get, path = "/beheer/vaktaal", tag = "pages", responses((status = 200, content_type = "text/html")))]
pub async fn platform_terms_page(
    State(state): State<AppState>,
    ctx: PageContext,
    SignedIn(session): SignedIn,
) -> AppResult<Html<String>> {
    let owner = TermOwner::Platform;
    let editable = state.app.may_edit_terms(&session.actor, &owner);
    page(&state, ctx, &owner, editable, None, Vec::new()).await
}

#[utoipa::path(post, path = "/beheer/vaktaal", tag = "pages",
    responses((status = 303, description = "Added"), (status = 422, description = "Field errors")))]
pub async fn add_platform_term_form(
    State(state): State<AppState>,
    ctx: PageContext,
    form: CsrfForm<NewTerm>,
) -> AppResult<Response> {
    add_from_form(&state, ctx, TermOwner::Platform, form).await
}

#[utoipa::path(post, path = "/beheer/vaktaal/{id}/verwijderen", tag = "pages", params(("id" = i64, Path)),
    responses((status = 303, description = "Removed")))]
pub async fn remove_platform_term_form(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: CsrfForm<Vec<(String, String)>>,
) -> AppResult<Redirect> {
    state.app.remove_plain_term(&form.session.actor, &TermOwner::Platform, id).await?;
    Ok(Redirect::to("/beheer/vaktaal?melding=opgeslagen"))
}

async fn list_body(state: &AppState, owner: &TermOwner, editable: bool) -> AppResult<Json<TermsBody>> {
    let terms = state.app.plain_term_list(owner).await?;
    Ok(Json(TermsBody {
        swv: match owner {
            TermOwner::Platform => None,
            TermOwner::Swv(code) => Some(code.to_string()),
        },
        editable,
        terms: terms.into_iter().map(Into::into).collect(),
    }))
}

/// The SWV's own terms with their plain alternatives.
#[utoipa::path(get, path = "/api/v1/swvs/{code}/plain-terms", tag = "readability", security(("session" = [])),
    params(("code" = String, Path)),
    responses((status = 200, body = TermsBody), (status = 403, description = "Not this SWV's staff"), (status = 404, description = "No such SWV")))]
pub async fn swv_terms_json(State(state): State<AppState>, InSwv { scope, .. }: InSwv) -> AppResult<Json<TermsBody>> {
    list_body(&state, &swv_owner(&scope), scope.editable()).await
}

/// Adds a term to the SWV's list (its admins).
#[utoipa::path(post, path = "/api/v1/swvs/{code}/plain-terms", tag = "readability", security(("session" = [])),
    params(("code" = String, Path)), request_body = NewTerm,
    responses((status = 201, body = AddedTerm), (status = 400, description = "Field errors"), (status = 403, description = "Not this SWV's admin"), (status = 404, description = "No such SWV")))]
pub async fn add_swv_term(
    State(state): State<AppState>,
    InSwv { scope, session }: InSwv,
    Json(body): Json<NewTerm>,
) -> AppResult<(StatusCode, Json<AddedTerm>)> {
    let id = state
        .app
        .add_plain_term(&session.actor, &swv_owner(&scope), &body.term, &body.plain)
        .await?
        .map_err(AppError::invalid)?;
    Ok((StatusCode::CREATED, Json(AddedTerm { id })))
}

/// Removes a term from the SWV's list (its admins).
#[utoipa::path(delete, path = "/api/v1/swvs/{code}/plain-terms/{id}", tag = "readability", security(("session" = [])),
    params(("code" = String, Path), ("id" = i64, Path)),
    responses((status = 204, description = "Removed"), (status = 403, description = "Not this SWV's admin"), (status = 404, description = "No such term on this list")))]
pub async fn remove_swv_term(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path((code, id)): Path<(String, i64)>,
) -> AppResult<StatusCode> {
    let owner = swv_of(&state, &session.actor, &code).await?;
    state.app.remove_plain_term(&session.actor, &owner, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The platform's own terms, used for every school.
#[utoipa::path(get, path = "/api/v1/admin/plain-terms", tag = "readability", security(("session" = [])),
    responses((status = 200, body = TermsBody), (status = 401, description = "Not signed in")))]
pub async fn platform_terms_json(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
) -> AppResult<Json<TermsBody>> {
    let owner = TermOwner::Platform;
    let editable = state.app.may_edit_terms(&session.actor, &owner);
    list_body(&state, &owner, editable).await
}

/// Adds a term to the platform's list (platform admins).
#[utoipa::path(post, path = "/api/v1/admin/plain-terms", tag = "readability", security(("session" = [])),
    request_body = NewTerm,
    responses((status = 201, body = AddedTerm), (status = 400, description = "Field errors"), (status = 403, description = "Not a platform admin")))]
pub async fn add_platform_term(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Json(body): Json<NewTerm>,
) -> AppResult<(StatusCode, Json<AddedTerm>)> {
    let id = state
        .app
        .add_plain_term(&session.actor, &TermOwner::Platform, &body.term, &body.plain)
        .await?
        .map_err(AppError::invalid)?;
    Ok((StatusCode::CREATED, Json(AddedTerm { id })))
}

/// Removes a term from the platform's list (platform admins).
#[utoipa::path(delete, path = "/api/v1/admin/plain-terms/{id}", tag = "readability", security(("session" = [])),
    params(("id" = i64, Path)),
    responses((status = 204, description = "Removed"), (status = 403, description = "Not a platform admin"), (status = 404, description = "No such term on this list")))]
pub async fn remove_platform_term(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path(id): Path<i64>,
) -> AppResult<StatusCode> {
    state.app.remove_plain_term(&session.actor, &TermOwner::Platform, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
