use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use passend_domain::access;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::actions::InviteForm;
use crate::accounts::api::problems_error;
use crate::app::AppState;
use crate::error::AppResult;
use crate::i18n::ReaderLang;
use crate::security::session::SignedIn;
use passend_app::members::Inviter;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_members))
        .routes(routes!(remove_member))
        .routes(routes!(list_invitations, create_invitation))
        .routes(routes!(revoke_invitation))
}

#[derive(Serialize, ToSchema)]
pub struct MemberBody {
    /// The membership's id, for removal.
    pub id: i64,
    pub user_id: i64,
    pub name: String,
    pub email: String,
    #[schema(schema_with = crate::contract::role)]
    pub role: String,
    /// Unix seconds.
    pub since: i64,
}

#[derive(Serialize, ToSchema)]
pub struct InvitationBody {
    pub id: i64,
    pub email: String,
    #[schema(schema_with = crate::contract::role)]
    pub role: String,
    pub created_at: i64,
    pub expires_at: i64,
}

/// The organisation's members (for those who may see them).
#[utoipa::path(get, path = "/api/v1/organisations/{kind}/{code}/members", tag = "members", security(("session" = [])),
    params(("kind" = crate::contract::MemberOrgKind, Path, description = "swv, board or school"), ("code" = String, Path)),
    responses((status = 200, body = [MemberBody]), (status = 403, description = "Not visible to you")))]
pub async fn list_members(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path((kind, code)): Path<(String, String)>,
) -> AppResult<Json<Vec<MemberBody>>> {
    let (org, ctx) = state.app.organisation(&kind, &code).await?;
    let view = access::view_org(&session.actor, &org, &ctx)?;
    let members = state.app.members(&view).await?;
    Ok(Json(
        members
            .into_iter()
            .map(|m| MemberBody {
                id: m.membership_id,
                user_id: m.user_id,
                name: m.name,
                email: m.email,
                role: m.role.as_str().to_owned(),
                since: m.since,
            })
            .collect(),
    ))
}

/// Takes a role away from a member.
#[utoipa::path(delete, path = "/api/v1/organisations/{kind}/{code}/members/{id}", tag = "members", security(("session" = [])),
    params(("kind" = crate::contract::MemberOrgKind, Path), ("code" = String, Path), ("id" = i64, Path, description = "Membership id")),
    responses((status = 204, description = "Removed"), (status = 403, description = "Not allowed"), (status = 404, description = "No such membership here")))]
pub async fn remove_member(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path((kind, code, id)): Path<(String, String, i64)>,
) -> AppResult<StatusCode> {
    let (org, ctx) = state.app.organisation(&kind, &code).await?;
    state.app.remove_member(&session.actor, &org, &ctx, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Invitations not yet accepted.
#[utoipa::path(get, path = "/api/v1/organisations/{kind}/{code}/invitations", tag = "members", security(("session" = [])),
    params(("kind" = crate::contract::MemberOrgKind, Path), ("code" = String, Path)),
    responses((status = 200, body = [InvitationBody]), (status = 403, description = "Not visible to you")))]
pub async fn list_invitations(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path((kind, code)): Path<(String, String)>,
) -> AppResult<Json<Vec<InvitationBody>>> {
    let (org, ctx) = state.app.organisation(&kind, &code).await?;
    let view = access::view_org(&session.actor, &org, &ctx)?;
    let pending = state.app.pending_invitations(&view).await?;
    Ok(Json(
        pending
            .into_iter()
            .map(|i| InvitationBody {
                id: i.id,
                email: i.email,
                role: i.role.as_str().to_owned(),
                created_at: i.created_at,
                expires_at: i.expires_at,
            })
            .collect(),
    ))
}

/// Invites a person by e-mail to a role; the link is mailed to them.
#[utoipa::path(post, path = "/api/v1/organisations/{kind}/{code}/invitations", tag = "members", security(("session" = [])),
    params(("kind" = crate::contract::MemberOrgKind, Path), ("code" = String, Path)), request_body = InviteForm,
    responses((status = 201, body = InvitationBody), (status = 400, description = "Field errors"), (status = 403, description = "Not allowed")))]
pub async fn create_invitation(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    SignedIn(session): SignedIn,
    Path((kind, code)): Path<(String, String)>,
    Json(form): Json<InviteForm>,
) -> AppResult<(StatusCode, Json<InvitationBody>)> {
    let (org, ctx) = state.app.organisation(&kind, &code).await?;
    let view = access::view_org(&session.actor, &org, &ctx)?;
    let id = state
        .app
        .invite(lang, Inviter { actor: &session.actor, name: &session.user.name }, &org, &ctx, &form.input())
        .await?
        .map_err(problems_error)?;
    let created = state
        .app
        .pending_invitations(&view)
        .await?
        .into_iter()
        .find(|i| i.id == id)
        .ok_or_else(crate::error::AppError::not_found)?;
    Ok((
        StatusCode::CREATED,
        Json(InvitationBody {
            id,
            email: created.email,
            role: created.role.as_str().to_owned(),
            created_at: created.created_at,
            expires_at: created.expires_at,
        }),
    ))
}

/// Withdraws an invitation.
#[utoipa::path(delete, path = "/api/v1/organisations/{kind}/{code}/invitations/{id}", tag = "members", security(("session" = [])),
    params(("kind" = crate::contract::MemberOrgKind, Path), ("code" = String, Path), ("id" = i64, Path)),
    responses((status = 204, description = "Withdrawn"), (status = 403, description = "Not allowed"), (status = 404, description = "No such open invitation here")))]
pub async fn revoke_invitation(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path((kind, code, id)): Path<(String, String, i64)>,
) -> AppResult<StatusCode> {
    let (org, ctx) = state.app.organisation(&kind, &code).await?;
    state.app.revoke_invitation(&session.actor, &org, &ctx, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
