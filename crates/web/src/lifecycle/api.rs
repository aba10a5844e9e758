//! The profile's cycle through the JSON API.

use axum::Json;
use axum::extract::{Path, State};
use passend_domain::access;
use serde::Deserialize;
use serde_json::{Value, json};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::actions::{self, StepInput};
use super::pages::{allowed_steps, review_of};
use crate::accounts::api::problems_error;
use crate::app::AppState;
use crate::error::AppResult;
use crate::profiles::load;
use crate::security::session::SignedIn;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(lifecycle))
        .routes(routes!(take_step))
        .routes(routes!(respond_to_advice))
        .routes(routes!(add_comment))
}

/// The profile's state, what the caller may do next, the MR's advice, the
/// team's review comments and the audit log.
#[utoipa::path(get, path = "/api/v1/profiles/{id}/lifecycle", tag = "lifecycle", security(("session" = [])),
    params(("id" = i64, Path)), responses((status = 200, body = Object), (status = 404, description = "No such profile for you")))]
pub async fn lifecycle(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path(id): Path<i64>,
) -> AppResult<Json<Value>> {
    let loaded = load(&state, &session, id).await?;
    let roles = access::profile_steps(&session.actor, &loaded.school, &loaded.context)
        .map(|p| p.roles().to_vec())
        .unwrap_or_default();
    let review = review_of(&loaded);
    let record = state.app.cycle_record(&loaded).await?;
    Ok(Json(json!({
        "state": loaded.profile.state,
        "adopted_on": loaded.profile.adopted_on,
        "content_hash": loaded.profile.content_hash,
        "published_at": loaded.profile.published_at,
        "review_due": review.map(|r| {
            let (y, m, d) = r.by();
            json!({ "by": format!("{y:04}-{m:02}-{d:02}"), "rule": r })
        }),
        "your_roles": roles,
        "allowed_steps": allowed_steps(&roles, loaded.profile.state),
        "advice": record.advice,
        "comments": record.comments,
        "history": record.history,
    })))
}

/// Takes a step of the cycle. 403 when the step is not the caller's, 409 when
/// the profile is not in a state the step starts from, 400 with field errors.
#[utoipa::path(post, path = "/api/v1/profiles/{id}/steps", tag = "lifecycle", security(("session" = [])),
    params(("id" = i64, Path)), request_body = StepInput,
    responses((status = 200, description = "Taken; the new state"), (status = 400, description = "Field errors"),
              (status = 403, description = "Not your step"), (status = 409, description = "Not from this state")))]
pub async fn take_step(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path(id): Path<i64>,
    Json(input): Json<StepInput>,
) -> AppResult<Json<Value>> {
    let loaded = load(&state, &session, id).await?;
    let to = actions::take(&state, &session, &loaded, &input).await?.map_err(problems_error)?;
    Ok(Json(json!({ "state": to })))
}

#[derive(Deserialize, ToSchema)]
pub struct AdviceResponse {
    pub response: String,
}

/// The school's response to the MR's advice (coordinators, before adoption).
#[utoipa::path(put, path = "/api/v1/profiles/{id}/advice/response", tag = "lifecycle", security(("session" = [])),
    params(("id" = i64, Path)), request_body = AdviceResponse,
    responses((status = 200, description = "Saved"), (status = 400, description = "Field errors"), (status = 409, description = "No advice awaits a response")))]
pub async fn respond_to_advice(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path(id): Path<i64>,
    Json(body): Json<AdviceResponse>,
) -> AppResult<Json<Value>> {
    let loaded = load(&state, &session, id).await?;
    state.app.respond_to_advice(actions::taker(&session), &loaded, &body.response).await?.map_err(problems_error)?;
    Ok(Json(json!({ "saved": true })))
}

#[derive(Deserialize, ToSchema)]
pub struct NewComment {
    /// The section key, `A` to `L`.
    pub section: String,
    pub body: String,
}

/// A review comment on a section while the team reviews the concept.
#[utoipa::path(post, path = "/api/v1/profiles/{id}/comments", tag = "lifecycle", security(("session" = [])),
    params(("id" = i64, Path)), request_body = NewComment,
    responses((status = 200, description = "Saved"), (status = 400, description = "Field errors"), (status = 409, description = "Not in team review")))]
pub async fn add_comment(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path(id): Path<i64>,
    Json(body): Json<NewComment>,
) -> AppResult<Json<Value>> {
    let loaded = load(&state, &session, id).await?;
    state
        .app
        .comment_on_section(actions::taker(&session), &loaded, &body.section, &body.body)
        .await?
        .map_err(problems_error)?;
    Ok(Json(json!({ "saved": true })))
}
