//! The profile's cycle through the JSON API.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use passend_app::lifecycle::{AdviceRecord, CommentThread, ReviewComment, StepOutcome, StepRecord};
use passend_domain::access;
use passend_domain::lifecycle::{ProfileState, ReviewDue, Step, StepRole};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::actions::{self, StepInput};
use super::pages::{allowed_steps, review_of};
use crate::accounts::api::problems_error;
use crate::app::AppState;
use crate::contract::{self, Saved};
use crate::error::{AppResult, ErrorDetail, ErrorKind};
use crate::i18n::ReaderLang;
use crate::profiles::OnProfile;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(lifecycle))
        .routes(routes!(take_step))
        .routes(routes!(respond_to_advice))
        .routes(routes!(add_comment))
        .routes(routes!(reply_to_comment))
        .routes(routes!(set_comment_resolved))
}

/// The profile's state, what the caller may do next, the MR's advice, the
/// team's review comments and the audit log.
#[utoipa::path(get, path = "/api/v1/profiles/{id}/lifecycle", tag = "lifecycle", security(("session" = [])),
    params(("id" = i64, Path)), responses((status = 200, body = LifecycleBody), (status = 404, description = "No such profile for you")))]
pub async fn lifecycle(
    State(state): State<AppState>,
    OnProfile { loaded, session }: OnProfile,
) -> AppResult<Json<LifecycleBody>> {
    let roles = access::profile_steps(&session.actor, &loaded.school, &loaded.context)
        .map(|p| p.roles().to_vec())
        .unwrap_or_default();
    let review = review_of(&loaded);
    let record = state.app.cycle_record(&loaded).await?;
    Ok(Json(LifecycleBody {
        state: loaded.profile.state,
        adopted_on: loaded.profile.adopted_on.clone(),
        content_hash: loaded.profile.content_hash.clone(),
        published_at: loaded.profile.published_at,
        review_due: review.map(ReviewDueBody::from),
        allowed_steps: allowed_steps(&roles, loaded.profile.state),
        your_roles: roles,
        advice: record.advice.map(AdviceBody::from),
        comments: record.comments.into_iter().map(CommentBody::from).collect(),
        unconfirmed: state.app.unconfirmed_count(&loaded).await?,
        history: record.history.into_iter().map(StepTaken::from).collect(),
    }))
}

#[derive(Serialize, ToSchema)]
pub struct LifecycleBody {
    #[schema(schema_with = contract::profile_state)]
    pub state: ProfileState,
    /// The board's date of adoption, `YYYY-MM-DD`.
    pub adopted_on: Option<String>,
    /// Identifies the adopted version.
    pub content_hash: Option<String>,
    /// Unix seconds.
    pub published_at: Option<i64>,
    /// When the next version must be adopted; only once adopted.
    pub review_due: Option<ReviewDueBody>,
    #[schema(schema_with = contract::step_roles)]
    pub your_roles: Vec<StepRole>,
    /// The steps the caller may take now (`POST …/steps`).
    #[schema(schema_with = contract::steps)]
    pub allowed_steps: Vec<Step>,
    pub advice: Option<AdviceBody>,
    /// The team's review comments, each with its replies.
    pub comments: Vec<CommentBody>,
    /// Answers copied from last year that nobody confirmed yet: asking the
    /// MR's advice or adopting with any needs `confirmed` (`POST …/steps`).
    pub unconfirmed: usize,
    /// The audit log, oldest first.
    pub history: Vec<StepTaken>,
}

#[derive(Serialize, ToSchema)]
pub struct ReviewDueBody {
    /// `YYYY-MM-DD`.
    pub by: String,
    pub rule: ReviewRule,
}

/// `yearly`: part of the school guide, adopted every year; `four_yearly`: the legacy rule.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReviewRule {
    Yearly,
    FourYearly,
}

impl From<ReviewDue> for ReviewDueBody {
    fn from(due: ReviewDue) -> Self {
        let (y, m, d) = due.by();
        ReviewDueBody {
            by: format!("{y:04}-{m:02}-{d:02}"),
            rule: match due {
                ReviewDue::Yearly { .. } => ReviewRule::Yearly,
                ReviewDue::FourYearly { .. } => ReviewRule::FourYearly,
            },
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct AdviceBody {
    #[schema(schema_with = contract::verdict)]
    pub verdict: String,
    pub advice: String,
    /// `YYYY-MM-DD`.
    pub advised_on: String,
    pub advised_by: String,
    pub response: Option<String>,
    pub responded_by: Option<String>,
    /// Unix seconds.
    pub responded_at: Option<i64>,
}

impl From<AdviceRecord> for AdviceBody {
    fn from(a: AdviceRecord) -> Self {
        AdviceBody {
            verdict: a.verdict,
            advice: a.advice,
            advised_on: a.advised_on,
            advised_by: a.advised_by,
            response: a.response,
            responded_by: a.responded_by,
            responded_at: a.responded_at,
        }
    }
}

/// A review comment that opens a thread, with the replies to it.
#[derive(Serialize, ToSchema)]
pub struct CommentBody {
    /// Answer it with `POST …/comments/{comment}/replies`.
    pub id: i64,
    /// `A` … `L`.
    pub section: String,
    pub by: String,
    pub body: String,
    /// Unix seconds.
    pub at: i64,
    /// Marked resolved (`PUT …/comments/{comment}/resolved`); open otherwise.
    pub resolved: bool,
    pub resolved_by: Option<String>,
    /// Unix seconds.
    pub resolved_at: Option<i64>,
    /// Oldest first.
    pub replies: Vec<ReplyBody>,
}

#[derive(Serialize, ToSchema)]
pub struct ReplyBody {
    pub by: String,
    pub body: String,
    /// Unix seconds.
    pub at: i64,
}

impl From<ReviewComment> for ReplyBody {
    fn from(c: ReviewComment) -> Self {
        ReplyBody { by: c.by, body: c.body, at: c.at }
    }
}

impl From<CommentThread> for CommentBody {
    fn from(t: CommentThread) -> Self {
        let c = t.comment;
        CommentBody {
            id: c.id,
            section: c.section,
            by: c.by,
            body: c.body,
            at: c.at,
            resolved: c.resolved_at.is_some(),
            resolved_by: c.resolved_by,
            resolved_at: c.resolved_at,
            replies: t.replies.into_iter().map(ReplyBody::from).collect(),
        }
    }
}

/// One step in the audit log.
#[derive(Serialize, ToSchema)]
pub struct StepTaken {
    /// A step, or the import's and supersession's own entries.
    pub step: String,
    pub from_state: String,
    #[schema(schema_with = contract::profile_state)]
    pub to_state: String,
    pub by: String,
    /// Unix seconds.
    pub at: i64,
    /// What the line concerns beyond its step: for `confirm_section`, the
    /// section and how many answers were confirmed (`D:12`).
    pub detail: Option<String>,
}

impl From<StepRecord> for StepTaken {
    fn from(r: StepRecord) -> Self {
        StepTaken { step: r.step, from_state: r.from_state, to_state: r.to_state, by: r.by, at: r.at, detail: r.detail }
    }
}

/// The state a step led to.
#[derive(Serialize, ToSchema)]
pub struct StepResult {
    #[schema(schema_with = contract::profile_state)]
    pub state: ProfileState,
}

/// 409 of a step that waits for an explicit confirmation: nothing changed;
/// send the same step again with `"confirmed": true` once the person agreed.
#[derive(Serialize, ToSchema)]
pub struct StepConfirmation {
    /// `code` is `confirmation_required`; a 409 of a step out of turn
    /// (`conflict`) has the error alone.
    pub error: ErrorDetail,
    /// The step that waits.
    #[schema(schema_with = contract::step, required = false)]
    pub step: Step,
    /// Answers copied from last year that nobody confirmed yet, for a step
    /// that hands the content on to be judged (`ask_mr_advice`, `adopt`); 0 otherwise.
    #[schema(required = false)]
    pub unconfirmed: usize,
    /// The step cannot be undone (`adopt`, `publish`).
    #[schema(required = false)]
    pub irreversible: bool,
}

/// Takes a step of the cycle. 403 when the step is not the caller's, 409 when
/// the profile is not in a state the step starts from, 400 with field errors.
/// `adopt` and `publish` cannot be undone, and `ask_mr_advice` and `adopt`
/// with answers copied from last year still unconfirmed hand on content
/// nobody checked: those need `"confirmed": true`, and without it answer 409
/// with `error.code` `confirmation_required` (`StepConfirmation`, with the count).
#[utoipa::path(post, path = "/api/v1/profiles/{id}/steps", tag = "lifecycle", security(("session" = [])),
    params(("id" = i64, Path)), request_body = StepInput,
    responses((status = 200, description = "Taken; the new state", body = StepResult), (status = 400, description = "Field errors"),
              (status = 403, description = "Not your step"),
              (status = 409, description = "Not from this state (`conflict`), or the step needs `confirmed` (`confirmation_required`, this body)", body = StepConfirmation)))]
pub async fn take_step(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    OnProfile { loaded, session }: OnProfile,
    Json(input): Json<StepInput>,
) -> AppResult<Response> {
    Ok(match actions::take(&state, &session, &loaded, &input).await? {
        StepOutcome::Taken(to) => Json(StepResult { state: to }).into_response(),
        StepOutcome::Invalid(problems) => return Err(problems_error(problems)),
        StepOutcome::NeedsConfirmation(guard) => {
            let kind = ErrorKind::ConfirmationRequired;
            let message = guard.message();
            let fields = vec![("confirmed".to_owned(), message)];
            let body = StepConfirmation {
                error: ErrorDetail::new(kind, lang, &fields),
                step: guard.step,
                unconfirmed: guard.unconfirmed,
                irreversible: guard.irreversible,
            };
            (StatusCode::CONFLICT, Json(body)).into_response()
        }
    })
}

#[derive(Deserialize, ToSchema)]
pub struct AdviceResponse {
    /// The school's answer to the advice (trimmed; not empty).
    #[schema(
        min_length = 1,
        max_length = 4000,
        pattern = r"[^\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
    )]
    pub response: String,
}

/// The school's response to the MR's advice (coordinators, before adoption).
#[utoipa::path(put, path = "/api/v1/profiles/{id}/advice/response", tag = "lifecycle", security(("session" = [])),
    params(("id" = i64, Path)), request_body = AdviceResponse,
    responses((status = 200, description = "Saved", body = Saved), (status = 400, description = "Field errors"), (status = 403, description = "Not a coordinator"), (status = 409, description = "No advice awaits a response")))]
pub async fn respond_to_advice(
    State(state): State<AppState>,
    OnProfile { loaded, session }: OnProfile,
    Json(body): Json<AdviceResponse>,
) -> AppResult<Json<Saved>> {
    state.app.respond_to_advice(actions::taker(&session), &loaded, &body.response).await?.map_err(problems_error)?;
    Ok(Json(Saved::YES))
}

#[derive(Deserialize, ToSchema)]
pub struct NewComment {
    /// The section key, `A` to `L`.
    #[schema(pattern = "^[A-L]$")]
    pub section: String,
    /// The comment (trimmed; not empty).
    #[schema(
        min_length = 1,
        max_length = 4000,
        pattern = r"[^\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
    )]
    pub body: String,
}

/// A review comment on a section while the team reviews the concept.
#[utoipa::path(post, path = "/api/v1/profiles/{id}/comments", tag = "lifecycle", security(("session" = [])),
    params(("id" = i64, Path)), request_body = NewComment,
    responses((status = 200, description = "Saved", body = Saved), (status = 400, description = "Field errors"), (status = 403, description = "Not one of the school's team"), (status = 409, description = "Not in team review")))]
pub async fn add_comment(
    State(state): State<AppState>,
    OnProfile { loaded, session }: OnProfile,
    Json(body): Json<NewComment>,
) -> AppResult<Json<Saved>> {
    state
        .app
        .comment_on_section(actions::taker(&session), &loaded, &body.section, &body.body)
        .await?
        .map_err(problems_error)?;
    Ok(Json(Saved::YES))
}

#[derive(Deserialize, ToSchema)]
pub struct NewReply {
    /// The reply (trimmed; not empty).
    #[schema(
        min_length = 1,
        max_length = 4000,
        pattern = r"[^\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
    )]
    pub body: String,
}

/// A reply to a review comment by one of the school's team (director and
/// IB-er among them), until the version is adopted.
#[utoipa::path(post, path = "/api/v1/profiles/{id}/comments/{comment}/replies", tag = "lifecycle", security(("session" = [])),
    params(("id" = i64, Path), ("comment" = i64, Path, description = "The comment's `id`")), request_body = NewReply,
    responses((status = 200, description = "Saved", body = Saved), (status = 400, description = "Field errors"), (status = 403, description = "Not one of the school's team"),
              (status = 404, description = "No such comment of this profile (or it is a reply)"), (status = 409, description = "The version is adopted")))]
pub async fn reply_to_comment(
    State(state): State<AppState>,
    OnProfile { loaded, session }: OnProfile,
    Path((_id, comment)): Path<(i64, i64)>,
    Json(body): Json<NewReply>,
) -> AppResult<Json<Saved>> {
    state
        .app
        .reply_to_comment(actions::taker(&session), &loaded, comment, &body.body)
        .await?
        .map_err(problems_error)?;
    Ok(Json(Saved::YES))
}

#[derive(Deserialize, ToSchema)]
pub struct CommentResolved {
    /// `true` marks the comment resolved, `false` opens it again.
    pub resolved: bool,
}

/// Marks a review comment resolved or open again: coordinators any comment,
/// a team member their own; until the version is adopted.
#[utoipa::path(put, path = "/api/v1/profiles/{id}/comments/{comment}/resolved", tag = "lifecycle", security(("session" = [])),
    params(("id" = i64, Path), ("comment" = i64, Path, description = "The comment's `id`")), request_body = CommentResolved,
    responses((status = 200, description = "Saved", body = Saved), (status = 403, description = "Neither a coordinator nor the comment's author"),
              (status = 404, description = "No such comment of this profile (or it is a reply)"), (status = 409, description = "The version is adopted")))]
pub async fn set_comment_resolved(
    State(state): State<AppState>,
    OnProfile { loaded, session }: OnProfile,
    Path((_id, comment)): Path<(i64, i64)>,
    Json(body): Json<CommentResolved>,
) -> AppResult<Json<Saved>> {
    state.app.set_comment_resolved(actions::taker(&session), &loaded, comment, body.resolved).await?;
    Ok(Json(Saved::YES))
}
