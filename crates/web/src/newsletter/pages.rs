//! The newsletter pages.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use passend_app::newsletter::{Issue, LinkOutcome};
use passend_domain::newsletter::IssueState;
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::app::AppState;
use crate::error::AppResult;
use crate::pages::{FieldErrors, PageContext, render};
use crate::security::csrf::CsrfForm;
use crate::security::session::SignedIn;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(newsletter_page, subscribe))
        .routes(routes!(requested_page))
        .routes(routes!(issue_page))
        .routes(routes!(confirm_page, confirm))
        .routes(routes!(unsubscribe_page, unsubscribe))
        .routes(routes!(editor_page, write_issue))
        .routes(routes!(send_issue))
}

#[derive(Template)]
#[template(path = "newsletter/index.html")]
struct NewsletterPage {
    ctx: PageContext,
    email: String,
    errors: FieldErrors,
    issues: Vec<Issue>,
    editor: bool,
}

async fn newsletter_html(
    state: &AppState,
    ctx: PageContext,
    email: String,
    errors: FieldErrors,
) -> AppResult<Html<String>> {
    let issues = state.app.sent_issues().await?;
    let editor = ctx.session.as_ref().is_some_and(|s| passend_domain::access::edit_newsletter(&s.actor).is_ok());
    render(&NewsletterPage { ctx, email, errors, issues, editor })
}

/// Subscribe, and the archive of sent issues.
#[utoipa::path(get, path = "/nieuwsbrief", tag = "pages", responses((status = 200, content_type = "text/html")))]
pub async fn newsletter_page(State(state): State<AppState>, ctx: PageContext) -> AppResult<Html<String>> {
    newsletter_html(&state, ctx, String::new(), FieldErrors::default()).await
}

#[derive(Deserialize)]
pub struct SubscribeForm {
    #[serde(default)]
    email: String,
}

#[utoipa::path(post, path = "/nieuwsbrief", tag = "pages",
    request_body(content = Object, content_type = "application/x-www-form-urlencoded", description = "`email`"),
    responses((status = 303, description = "Confirmation mail sent"), (status = 422, description = "Field errors")))]
pub async fn subscribe(
    State(state): State<AppState>,
    ctx: PageContext,
    Form(form): Form<SubscribeForm>,
) -> AppResult<Response> {
    match state.app.subscribe_newsletter(&form.email).await? {
        Ok(()) => Ok(Redirect::to("/nieuwsbrief/aangevraagd").into_response()),
        Err(problems) => {
            let errors = FieldErrors::from_problems(ctx.lang, problems);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, newsletter_html(&state, ctx, form.email, errors).await?)
                .into_response())
        }
    }
}

#[derive(Template)]
#[template(path = "newsletter/message.html")]
struct MessagePage {
    ctx: PageContext,
    title: String,
    message: String,
    /// A button that posts to this path, when the page asks for a click.
    action: Option<String>,
    button: String,
}

/// A page with a title, a message and, when `click` names one, a button posting to a path.
fn message(ctx: PageContext, title: &str, text: &str, click: Option<(String, &str)>) -> AppResult<Html<String>> {
    let (title, message) = (ctx.t(title), ctx.t(text));
    let (action, button) = match click {
        Some((path, button)) => (Some(path), ctx.t(button)),
        None => (None, String::new()),
    };
    render(&MessagePage { ctx, title, message, action, button })
}

#[utoipa::path(get, path = "/nieuwsbrief/aangevraagd", tag = "pages", responses((status = 200, content_type = "text/html")))]
pub async fn requested_page(ctx: PageContext) -> AppResult<Html<String>> {
    message(ctx, "news-requested-title", "news-requested", None)
}

#[derive(Template)]
#[template(path = "newsletter/issue.html")]
struct IssuePage {
    ctx: PageContext,
    issue: Issue,
    html: String,
}

/// A sent issue from the archive.
#[utoipa::path(get, path = "/nieuwsbrief/{id}", tag = "pages", security(()), params(("id" = i64, Path)),
    responses((status = 200, content_type = "text/html"), (status = 404, description = "No such sent issue")))]
pub async fn issue_page(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<i64>,
) -> AppResult<Html<String>> {
    let (issue, html) = state.app.sent_issue(id).await?;
    render(&IssuePage { ctx, issue, html })
}

/// The confirmation link's page: a button, so a mail scanner opening the link confirms nothing.
#[utoipa::path(get, path = "/nieuwsbrief/bevestigen/{token}", tag = "pages", params(("token" = String, Path)),
    responses((status = 200, content_type = "text/html")))]
pub async fn confirm_page(ctx: PageContext, Path(token): Path<String>) -> AppResult<Html<String>> {
    message(
        ctx,
        "news-confirm-title",
        "news-confirm-ask",
        Some((format!("/nieuwsbrief/bevestigen/{token}"), "news-confirm-button")),
    )
}

#[utoipa::path(post, path = "/nieuwsbrief/bevestigen/{token}", tag = "pages", params(("token" = String, Path)),
    responses((status = 200, content_type = "text/html")))]
pub async fn confirm(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(token): Path<String>,
) -> AppResult<Html<String>> {
    match state.app.confirm_newsletter(&token).await? {
        LinkOutcome::Done => message(ctx, "news-confirm-title", "news-confirm-done", None),
        LinkOutcome::AlreadyUsed => message(ctx, "news-confirm-title", "news-confirm-used", None),
    }
}

/// The unsubscribe link's page: one button.
#[utoipa::path(get, path = "/nieuwsbrief/afmelden/{token}", tag = "pages", params(("token" = String, Path)),
    responses((status = 200, content_type = "text/html")))]
pub async fn unsubscribe_page(ctx: PageContext, Path(token): Path<String>) -> AppResult<Html<String>> {
    message(
        ctx,
        "news-unsubscribe-title",
        "news-unsubscribe-ask",
        Some((format!("/nieuwsbrief/afmelden/{token}"), "news-unsubscribe-button")),
    )
}

/// Unsubscribes: the button's target and the one-click `List-Unsubscribe-Post` target (RFC 8058).
#[utoipa::path(post, path = "/nieuwsbrief/afmelden/{token}", tag = "pages", params(("token" = String, Path)),
    request_body(content = Object, content_type = "application/x-www-form-urlencoded", description = "Anything, e.g. `List-Unsubscribe=One-Click`"),
    responses((status = 200, content_type = "text/html")))]
pub async fn unsubscribe(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(token): Path<String>,
) -> AppResult<Html<String>> {
    match state.app.unsubscribe_newsletter(&token).await? {
        LinkOutcome::Done => message(ctx, "news-unsubscribe-title", "news-unsubscribe-done", None),
        LinkOutcome::AlreadyUsed => message(ctx, "news-unsubscribe-title", "news-unsubscribe-used", None),
    }
}

#[derive(Template)]
#[template(path = "newsletter/editor.html")]
struct EditorPage {
    ctx: PageContext,
    issues: Vec<Issue>,
    subscribers: i64,
    subject: String,
    body: String,
    errors: FieldErrors,
}

impl EditorPage {
    fn draft(&self, issue: &Issue) -> bool {
        issue.state == IssueState::Draft
    }

    fn state(&self, issue: &Issue) -> String {
        self.ctx.t(&format!("news-state-{}", issue.state.as_str()))
    }
}

async fn editor_html(
    state: &AppState,
    ctx: PageContext,
    actor: &passend_domain::access::Actor,
    subject: String,
    body: String,
    errors: FieldErrors,
) -> AppResult<Html<String>> {
    let (issues, subscribers) = state.app.newsletter_issues(actor).await?;
    render(&EditorPage { ctx, issues, subscribers, subject, body, errors })
}

#[utoipa::path(get, path = "/nieuwsbrief/redactie", tag = "pages",
    responses((status = 200, content_type = "text/html"), (status = 401, description = "Not signed in"), (status = 403, description = "Not an editor")))]
pub async fn editor_page(
    State(state): State<AppState>,
    ctx: PageContext,
    SignedIn(session): SignedIn,
) -> AppResult<Html<String>> {
    editor_html(&state, ctx, &session.actor, String::new(), String::new(), FieldErrors::default()).await
}

#[derive(Deserialize)]
pub struct IssueForm {
    #[serde(default)]
    subject: String,
    #[serde(default)]
    body: String,
}

#[utoipa::path(post, path = "/nieuwsbrief/redactie", tag = "pages",
    request_body(content = Object, content_type = "application/x-www-form-urlencoded", description = "`subject`, `body` (Markdown)"),
    responses((status = 303, description = "Draft saved"), (status = 422, description = "Field errors"), (status = 403, description = "Not an editor")))]
pub async fn write_issue(
    State(state): State<AppState>,
    ctx: PageContext,
    form: CsrfForm<IssueForm>,
) -> AppResult<Response> {
    let CsrfForm { session, form } = form;
    match state.app.write_issue(&session.actor, &form.subject, &form.body).await? {
        Ok(_) => Ok(Redirect::to("/nieuwsbrief/redactie").into_response()),
        Err(problems) => {
            let errors = FieldErrors::from_problems(ctx.lang, problems);
            let html = editor_html(&state, ctx, &session.actor, form.subject, form.body, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
        }
    }
}

#[derive(Deserialize)]
pub struct Empty {}

#[utoipa::path(post, path = "/nieuwsbrief/redactie/{id}/versturen", tag = "pages", params(("id" = i64, Path)),
    responses((status = 303, description = "Sending"), (status = 403, description = "Not an editor"), (status = 404, description = "No such issue"),
              (status = 409, description = "Sent before")))]
pub async fn send_issue(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: CsrfForm<Empty>,
) -> AppResult<Redirect> {
    state.app.send_issue(&form.session.actor, id).await?;
    Ok(Redirect::to("/nieuwsbrief/redactie"))
}
