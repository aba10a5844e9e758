use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Html;
use passend_app::admin::OutboxMail;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::app::AppState;
use crate::error::AppResult;
use crate::pages::{PageContext, render};
use crate::security::session::SignedIn;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(outbox)).routes(routes!(outbox_mail)).routes(routes!(jobs))
}

#[derive(Template)]
#[template(path = "admin/outbox.html")]
struct OutboxPage {
    ctx: PageContext,
    mails: Vec<OutboxMail>,
    smtp: bool,
}

#[utoipa::path(get, path = "/beheer/outbox", tag = "pages", responses((status = 200, content_type = "text/html")))]
pub async fn outbox(
    State(state): State<AppState>,
    ctx: PageContext,
    SignedIn(session): SignedIn,
) -> AppResult<Html<String>> {
    let mails = state.app.outbox(&session.actor).await?;
    render(&OutboxPage { ctx, mails, smtp: state.app.mailer().sends_over_smtp() })
}

#[derive(Template)]
#[template(path = "admin/outbox_mail.html")]
struct OutboxMailPage {
    ctx: PageContext,
    mail: OutboxMail,
}

#[utoipa::path(get, path = "/beheer/outbox/{id}", tag = "pages", params(("id" = i64, Path)),
    responses((status = 200, content_type = "text/html")))]
pub async fn outbox_mail(
    State(state): State<AppState>,
    ctx: PageContext,
    SignedIn(session): SignedIn,
    Path(id): Path<i64>,
) -> AppResult<Html<String>> {
    let mail = state.app.outbox_mail(&session.actor, id).await?;
    render(&OutboxMailPage { ctx, mail })
}

/// A job as the jobs page lists it.
struct JobRow {
    job: passend_app::jobs::StoredJob,
    state: &'static str,
}

#[derive(Template)]
#[template(path = "admin/jobs.html")]
struct JobsPage {
    ctx: PageContext,
    counts: passend_app::jobs::JobCounts,
    jobs: Vec<JobRow>,
    /// `open`, `failed` or empty.
    shown: String,
}

/// Background jobs of every server: waiting, running, done and failed, the newest first.
#[utoipa::path(get, path = "/beheer/taken", tag = "pages", params(super::api::JobsQuery),
    responses((status = 200, content_type = "text/html")))]
pub async fn jobs(
    State(state): State<AppState>,
    ctx: PageContext,
    SignedIn(session): SignedIn,
    Query(query): Query<super::api::JobsQuery>,
) -> AppResult<Html<String>> {
    let overview = state.app.jobs(&session.actor, query.filter()).await?;
    let at = passend_app::now();
    let jobs = overview.jobs.into_iter().map(|job| JobRow { state: job.state(at), job }).collect();
    let shown = match query.filter() {
        passend_app::jobs::JobFilter::Open => "open",
        passend_app::jobs::JobFilter::Failed => "failed",
        passend_app::jobs::JobFilter::All => "",
    };
    render(&JobsPage { ctx, counts: overview.counts, jobs, shown: shown.to_owned() })
}
