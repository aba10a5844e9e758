use axum::Json;
use axum::extract::{Path, Query, State};
use passend_app::jobs::JobFilter;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::app::AppState;
use crate::error::AppResult;
use crate::security::session::SignedIn;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_outbox))
        .routes(routes!(get_outbox_mail))
        .routes(routes!(list_jobs))
        .routes(routes!(get_job))
        .routes(routes!(retry_job))
}

#[derive(Serialize, ToSchema)]
pub struct OutboxMailBody {
    pub id: i64,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub created_at: i64,
    /// When SMTP accepted it; empty while it waits or when no SMTP is configured.
    pub sent_at: Option<i64>,
    pub error: Option<String>,
}

impl From<passend_app::admin::OutboxMail> for OutboxMailBody {
    fn from(m: passend_app::admin::OutboxMail) -> Self {
        OutboxMailBody {
            id: m.id,
            recipient: m.recipient,
            subject: m.subject,
            body: m.body,
            created_at: m.created_at,
            sent_at: m.sent_at,
            error: m.error,
        }
    }
}

/// The newest mails Passend sent or kept (platform admins).
#[utoipa::path(get, path = "/api/v1/admin/outbox", tag = "admin", security(("session" = [])),
    responses((status = 200, body = [OutboxMailBody]), (status = 403, description = "Platform admins only")))]
pub async fn list_outbox(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
) -> AppResult<Json<Vec<OutboxMailBody>>> {
    Ok(Json(state.app.outbox(&session.actor).await?.into_iter().map(Into::into).collect()))
}

/// One mail of the outbox.
#[utoipa::path(get, path = "/api/v1/admin/outbox/{id}", tag = "admin", security(("session" = [])),
    params(("id" = i64, Path)),
    responses((status = 200, body = OutboxMailBody), (status = 403, description = "Platform admins only"), (status = 404, description = "No such mail")))]
pub async fn get_outbox_mail(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path(id): Path<i64>,
) -> AppResult<Json<OutboxMailBody>> {
    Ok(Json(state.app.outbox_mail(&session.actor, id).await?.into()))
}

/// A background job (mail, reminders, document pre-rendering).
#[derive(Serialize, ToSchema)]
pub struct JobBody {
    pub id: i64,
    /// `mail`, `reminders`, `prerender`, …
    pub kind: String,
    /// The job's input as JSON text, e.g. `{"outbox_id":12}`.
    pub payload: String,
    /// `waiting` (also waiting for a retry), `running`, `done` or `failed` (given up).
    #[schema(example = "waiting")]
    pub state: String,
    /// Not before this moment (seconds since the epoch).
    pub run_after: i64,
    pub attempts: i64,
    pub last_error: Option<String>,
    /// The server's worker that holds it, while it runs.
    pub claimed_by: Option<String>,
    pub claimed_until: Option<i64>,
    pub done_at: Option<i64>,
    pub created_at: i64,
}

impl JobBody {
    fn new(job: passend_app::jobs::StoredJob, at: i64) -> Self {
        JobBody {
            state: job.state(at).to_owned(),
            id: job.id,
            kind: job.kind,
            payload: job.payload,
            run_after: job.run_after,
            attempts: job.attempts,
            last_error: job.last_error,
            claimed_by: job.claimed_by,
            claimed_until: job.claimed_until,
            done_at: job.done_at,
            created_at: job.created_at,
        }
    }
}

/// How many jobs are in each state.
#[derive(Serialize, ToSchema)]
pub struct JobCountsBody {
    pub waiting: i64,
    pub running: i64,
    pub done: i64,
    pub failed: i64,
}

#[derive(Serialize, ToSchema)]
pub struct JobsBody {
    pub counts: JobCountsBody,
    /// The newest jobs first (at most 200).
    pub jobs: Vec<JobBody>,
}

#[derive(Deserialize, IntoParams, Default)]
#[serde(default)]
pub struct JobsQuery {
    /// `open` (not done yet), `failed`, or empty for all.
    #[param(example = "open")]
    pub state: Option<String>,
}

impl JobsQuery {
    pub fn filter(&self) -> JobFilter {
        match self.state.as_deref() {
            Some("open") => JobFilter::Open,
            Some("failed") => JobFilter::Failed,
            _ => JobFilter::All,
        }
    }
}

/// The background jobs of every server, with counts per state (platform admins).
#[utoipa::path(get, path = "/api/v1/admin/jobs", tag = "admin", security(("session" = [])), params(JobsQuery),
    responses((status = 200, body = JobsBody), (status = 403, description = "Platform admins only")))]
pub async fn list_jobs(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Query(query): Query<JobsQuery>,
) -> AppResult<Json<JobsBody>> {
    let overview = state.app.jobs(&session.actor, query.filter()).await?;
    let at = passend_app::now();
    let c = overview.counts;
    Ok(Json(JobsBody {
        counts: JobCountsBody { waiting: c.waiting, running: c.running, done: c.done, failed: c.failed },
        jobs: overview.jobs.into_iter().map(|j| JobBody::new(j, at)).collect(),
    }))
}

/// One background job.
#[utoipa::path(get, path = "/api/v1/admin/jobs/{id}", tag = "admin", security(("session" = [])),
    params(("id" = i64, Path)),
    responses((status = 200, body = JobBody), (status = 403, description = "Platform admins only"), (status = 404, description = "No such job")))]
pub async fn get_job(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path(id): Path<i64>,
) -> AppResult<Json<JobBody>> {
    Ok(Json(JobBody::new(state.app.job(&session.actor, id).await?, passend_app::now())))
}

/// Puts a failed job back in the queue, due now, with its attempts counted from 0.
#[utoipa::path(post, path = "/api/v1/admin/jobs/{id}/retry", tag = "admin", security(("session" = [])),
    params(("id" = i64, Path)),
    responses((status = 200, body = JobBody), (status = 403, description = "Platform admins only"), (status = 404, description = "No such job"),
              (status = 409, description = "The job has not failed")))]
pub async fn retry_job(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path(id): Path<i64>,
) -> AppResult<Json<JobBody>> {
    Ok(Json(JobBody::new(state.app.retry_failed_job(&session.actor, id).await?, passend_app::now())))
}
