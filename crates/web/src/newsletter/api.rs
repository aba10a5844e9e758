//! The newsletter through the JSON API.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use passend_app::newsletter::Issue;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::accounts::api::problems_error;
use crate::activities::rfc3339;
use crate::app::AppState;
use crate::error::AppResult;
use crate::security::session::SignedIn;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(subscribe))
        .routes(routes!(list_issues, write_issue))
        .routes(routes!(send_issue))
}

#[derive(Deserialize, ToSchema)]
pub struct SubscriptionBody {
    pub email: String,
}

#[derive(Serialize, ToSchema)]
pub struct SubscriptionResult {
    /// Always `confirmation_sent`: a mail with a confirmation link goes out (unless the address is confirmed already,
    /// which the answer does not tell). Nothing else is sent before the link is followed.
    #[schema(example = "confirmation_sent")]
    pub status: &'static str,
}

/// Subscribes to the newsletter (double opt-in).
#[utoipa::path(post, path = "/api/v1/newsletter/subscriptions", tag = "newsletter", request_body = SubscriptionBody,
    responses((status = 202, body = SubscriptionResult), (status = 400, description = "Not an e-mail address")))]
pub async fn subscribe(
    State(state): State<AppState>,
    Json(body): Json<SubscriptionBody>,
) -> AppResult<(StatusCode, Json<SubscriptionResult>)> {
    state.app.subscribe_newsletter(&body.email).await?.map_err(problems_error)?;
    Ok((StatusCode::ACCEPTED, Json(SubscriptionResult { status: "confirmation_sent" })))
}

#[derive(Serialize, ToSchema)]
pub struct IssueBody {
    pub id: i64,
    pub subject: String,
    pub body_markdown: String,
    /// `draft`, `sending` or `sent`.
    pub state: &'static str,
    pub sent_at: Option<String>,
    /// Subscribers it goes to, and how many of those mails are queued so far.
    pub recipients: i64,
    pub queued: i64,
}

impl From<Issue> for IssueBody {
    fn from(i: Issue) -> Self {
        IssueBody {
            id: i.id,
            state: i.state.as_str(),
            sent_at: i.sent_at.map(rfc3339),
            recipients: i.deliveries,
            queued: i.delivered,
            subject: i.subject,
            body_markdown: i.body_markdown,
        }
    }
}

/// Every issue, newest first (editors).
#[utoipa::path(get, path = "/api/v1/newsletter/issues", tag = "newsletter", security(("session" = [])),
    responses((status = 200, body = [IssueBody]), (status = 401, description = "Not signed in"), (status = 403, description = "Not an editor")))]
pub async fn list_issues(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
) -> AppResult<Json<Vec<IssueBody>>> {
    let (issues, _) = state.app.newsletter_issues(&session.actor).await?;
    Ok(Json(issues.into_iter().map(IssueBody::from).collect()))
}

#[derive(Deserialize, ToSchema)]
pub struct NewIssue {
    pub subject: String,
    /// Markdown; HTML in it is refused.
    pub body_markdown: String,
}

#[derive(Serialize, ToSchema)]
pub struct CreatedIssue {
    pub id: i64,
}

/// Saves a draft issue (editors).
#[utoipa::path(post, path = "/api/v1/newsletter/issues", tag = "newsletter", security(("session" = [])), request_body = NewIssue,
    responses((status = 201, body = CreatedIssue), (status = 400, description = "Field problems (also HTML in the Markdown)"),
              (status = 401, description = "Not signed in"), (status = 403, description = "Not an editor")))]
pub async fn write_issue(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Json(body): Json<NewIssue>,
) -> AppResult<(StatusCode, Json<CreatedIssue>)> {
    let id =
        state.app.write_issue(&session.actor, &body.subject, &body.body_markdown).await?.map_err(problems_error)?;
    Ok((StatusCode::CREATED, Json(CreatedIssue { id })))
}

#[derive(Serialize, ToSchema)]
pub struct SendingIssue {
    /// The confirmed subscribers it goes to; the mails go out in the background.
    pub recipients: i64,
}

/// Sends a draft to every confirmed subscriber, once each, in the background at a bounded rate (editors).
#[utoipa::path(post, path = "/api/v1/newsletter/issues/{id}/send", tag = "newsletter", security(("session" = [])),
    params(("id" = i64, Path)),
    responses((status = 202, body = SendingIssue), (status = 401, description = "Not signed in"), (status = 403, description = "Not an editor"),
              (status = 404, description = "No such issue"), (status = 409, description = "Sent before")))]
pub async fn send_issue(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path(id): Path<i64>,
) -> AppResult<(StatusCode, Json<SendingIssue>)> {
    let recipients = state.app.send_issue(&session.actor, id).await?;
    Ok((StatusCode::ACCEPTED, Json(SendingIssue { recipients })))
}
