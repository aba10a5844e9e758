use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use passend_app::members::{Member, PendingInvitation};
use passend_domain::access::{self, Role};
use passend_domain::organisations::{OrgContext, OrgKind, OrgRef};
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::actions::InviteForm;
use crate::app::AppState;
use crate::error::AppResult;
use crate::pages::{FieldErrors, PageContext, render};
use crate::security::csrf::CsrfForm;
use crate::security::session::{Session, SignedIn};
use passend_app::members::Inviter;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(members_page))
        .routes(routes!(invite))
        .routes(routes!(revoke))
        .routes(routes!(remove))
}

#[derive(Template)]
#[template(path = "members/members.html")]
struct MembersPage {
    ctx: PageContext,
    org: OrgRef,
    org_name: String,
    org_link: String,
    members: Vec<Member>,
    invitations: Vec<PendingInvitation>,
    roles: Vec<Role>,
    form_email: String,
    form_role: String,
    errors: FieldErrors,
}

impl MembersPage {
    fn base(&self) -> String {
        format!("/organisaties/{}/{}", self.org.kind.as_str(), self.org.code)
    }

    fn can_manage(&self, role: &Role) -> bool {
        self.roles.contains(role)
    }
}

fn org_link(org: &OrgRef) -> String {
    match org.kind {
        OrgKind::Swv => format!("/samenwerkingsverbanden/{}", org.code),
        OrgKind::School => format!("/scholen/{}", org.code),
        OrgKind::Board => format!("/besturen/{}", org.code),
        OrgKind::Platform => "/".to_owned(),
    }
}

async fn members_page_for(
    state: &AppState,
    ctx: PageContext,
    session: &Session,
    org: OrgRef,
    org_ctx: &OrgContext,
    form: InviteForm,
    errors: FieldErrors,
) -> AppResult<Html<String>> {
    let view = access::view_org(&session.actor, &org, org_ctx)?;
    let members = state.app.members(&view).await?;
    let invitations = state.app.pending_invitations(&view).await?;
    let roles = access::invitable_roles(&session.actor, &org, org_ctx);
    let org_name = state.app.display_name(ctx.lang, &org).await?;
    render(&MembersPage {
        ctx,
        org_link: org_link(&org),
        org,
        org_name,
        members,
        invitations,
        roles,
        form_email: form.email,
        form_role: form.role,
        errors,
    })
}

/// The role the invitation form starts with (`?rol=director`, as the SWV's status board links to it).
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MembersQuery {
    rol: String,
}

#[utoipa::path(get, path = "/organisaties/{kind}/{code}/leden", tag = "pages",
    params(("kind" = String, Path, description = "swv, board or school"), ("code" = String, Path),
           ("rol" = Option<String>, Query, description = "The role the invitation form starts with")),
    responses((status = 200, content_type = "text/html")))]
pub async fn members_page(
    State(state): State<AppState>,
    ctx: PageContext,
    SignedIn(session): SignedIn,
    Path((kind, code)): Path<(String, String)>,
    Query(query): Query<MembersQuery>,
) -> AppResult<Html<String>> {
    let (org, org_ctx) = state.app.organisation(&kind, &code).await?;
    let form = InviteForm { role: query.rol, ..InviteForm::default() };
    members_page_for(&state, ctx, &session, org, &org_ctx, form, FieldErrors::default()).await
}

#[utoipa::path(post, path = "/organisaties/{kind}/{code}/uitnodigingen", tag = "pages",
    params(("kind" = String, Path), ("code" = String, Path)),
    responses((status = 303, description = "Invitation sent")))]
pub async fn invite(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((kind, code)): Path<(String, String)>,
    form: CsrfForm<InviteForm>,
) -> AppResult<Response> {
    let (org, org_ctx) = state.app.organisation(&kind, &code).await?;
    access::view_org(&form.session.actor, &org, &org_ctx)?;
    match state
        .app
        .invite(
            ctx.lang,
            Inviter { actor: &form.session.actor, name: &form.session.user.name },
            &org,
            &org_ctx,
            &form.form.input(),
        )
        .await?
    {
        Ok(_) => Ok(Redirect::to(&format!(
            "/organisaties/{}/{}/leden?melding=uitnodiging-verstuurd",
            org.kind.as_str(),
            org.code
        ))
        .into_response()),
        Err(problems) => {
            let errors = FieldErrors::from_problems(ctx.lang, problems);
            let session = form.session.clone();
            let page = members_page_for(&state, ctx, &session, org, &org_ctx, form.form, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

#[derive(Deserialize)]
pub struct Empty {}

#[utoipa::path(post, path = "/organisaties/{kind}/{code}/uitnodigingen/{id}/intrekken", tag = "pages",
    params(("kind" = String, Path), ("code" = String, Path), ("id" = i64, Path)),
    responses((status = 303, description = "Invitation withdrawn")))]
pub async fn revoke(
    State(state): State<AppState>,
    Path((kind, code, id)): Path<(String, String, i64)>,
    form: CsrfForm<Empty>,
) -> AppResult<Redirect> {
    let (org, org_ctx) = state.app.organisation(&kind, &code).await?;
    state.app.revoke_invitation(&form.session.actor, &org, &org_ctx, id).await?;
    Ok(Redirect::to(&format!("/organisaties/{}/{}/leden?melding=uitnodiging-ingetrokken", org.kind.as_str(), org.code)))
}

#[utoipa::path(post, path = "/organisaties/{kind}/{code}/leden/{id}/verwijderen", tag = "pages",
    params(("kind" = String, Path), ("code" = String, Path), ("id" = i64, Path)),
    responses((status = 303, description = "Member removed")))]
pub async fn remove(
    State(state): State<AppState>,
    Path((kind, code, id)): Path<(String, String, i64)>,
    form: CsrfForm<Empty>,
) -> AppResult<Redirect> {
    let (org, org_ctx) = state.app.organisation(&kind, &code).await?;
    state.app.remove_member(&form.session.actor, &org, &org_ctx, id).await?;
    Ok(Redirect::to(&format!("/organisaties/{}/{}/leden?melding=lid-verwijderd", org.kind.as_str(), org.code)))
}
