use passend_domain::Message;
use passend_domain::access::{self, Role};
use passend_domain::accounts::Email;
use passend_domain::organisations::{Brin, OrgContext, OrgKind, OrgRef, SwvCode};
use passend_i18n::Lang;
use passend_storage::now;

use crate::accounts::actions::{FieldProblems, INVITATION_DAYS};
use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::security::session::Session;
use crate::security::tokens::{random_token, token_hash};

/// The organisation named in a URL (`swv/PO2707`, `school/32DD`, `board/41234`)
/// with where it sits; 404 when it does not exist.
pub async fn organisation(state: &AppState, kind: &str, code: &str) -> AppResult<(OrgRef, OrgContext)> {
    let kind = OrgKind::parse(kind).filter(|k| *k != OrgKind::Platform).ok_or_else(AppError::not_found)?;
    let code = match kind {
        OrgKind::Swv => SwvCode::parse(code).map(|c| c.as_str().to_owned()).ok(),
        OrgKind::School => Brin::parse(code).map(|b| b.as_str().to_owned()).ok(),
        OrgKind::Board | OrgKind::Platform => Some(code.trim().to_owned()),
    }
    .ok_or_else(AppError::not_found)?;
    let org = OrgRef { kind, code };
    let ctx = state.db.org_context(&org).await?.ok_or_else(AppError::not_found)?;
    Ok((org, ctx))
}

#[derive(Debug, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct InviteForm {
    #[serde(default)]
    pub email: String,
    /// One of the roles the inviter may give here.
    #[serde(default)]
    #[schema(schema_with = crate::contract::role, required = true)]
    pub role: String,
}

/// Invites a person to a role in the organisation and mails the link.
pub async fn invite(
    state: &AppState,
    lang: Lang,
    session: &Session,
    org: &OrgRef,
    ctx: &OrgContext,
    form: &InviteForm,
) -> AppResult<Result<i64, FieldProblems>> {
    let allowed = access::invitable_roles(&session.actor, org, ctx);
    if allowed.is_empty() {
        return Err(AppError::forbidden());
    }
    let mut problems = FieldProblems::new();
    // An address the mailer refuses is a field error here, not a 500 after
    // the invitation is stored.
    let email = Email::parse(&form.email)
        .map_err(|e| e.message())
        .and_then(|email| match crate::mail::Mailer::can_address(email.as_str()) {
            true => Ok(email),
            false => Err(Message::new("account-email-invalid")),
        })
        .map_err(|m| problems.push(("email", m)))
        .ok();
    let role = Role::parse(&form.role).filter(|r| allowed.contains(r));
    if role.is_none() {
        problems.push(("role", Message::new("invite-role-invalid")));
    }
    let (Some(email), Some(role)) = (email, role) else {
        return Ok(Err(problems));
    };
    if let Some(user) = state.db.user_by_email(&email).await?
        && state.db.memberships_of(user.id).await?.iter().any(|m| m.org == *org && m.role == role)
    {
        return Ok(Err(vec![("email", Message::new("invite-already-member"))]));
    }
    let grant = access::grant_role(&session.actor, org, ctx, role)?;
    let token = random_token();
    let id = state
        .db
        .create_invitation(&grant, &email, &token_hash(&token), session.user.id, now() + INVITATION_DAYS * 86_400)
        .await?;
    let org_name = crate::directory::display_name(state, lang, org).await?;
    let link = state.config.link(&format!("/uitnodiging/{token}"));
    let subject = lang.t_with("mail-invitation-subject", &[("org", org_name.clone().into())]);
    let body = lang.t_with(
        "mail-invitation-body",
        &[
            ("inviter", session.user.name.clone().into()),
            ("org", org_name.into()),
            ("role", lang.t(role.message_id()).into()),
            ("link", link.into()),
            ("days", INVITATION_DAYS.into()),
        ],
    );
    state.mailer.send(email.as_str(), &subject, &body).await?;
    Ok(Ok(id))
}

/// Withdraws an invitation that has not been accepted.
pub async fn revoke(state: &AppState, session: &Session, org: &OrgRef, ctx: &OrgContext, id: i64) -> AppResult<()> {
    let invitation = state.db.invitation(id).await?.filter(|i| i.org == *org).ok_or_else(AppError::not_found)?;
    let grant = access::grant_role(&session.actor, org, ctx, invitation.role)?;
    Ok(state.db.revoke_invitation(&grant, id).await?)
}

/// Takes a role away from a member.
pub async fn remove(state: &AppState, session: &Session, org: &OrgRef, ctx: &OrgContext, id: i64) -> AppResult<()> {
    let membership = state.db.membership(id).await?.filter(|m| m.org == *org).ok_or_else(AppError::not_found)?;
    let grant = access::grant_role(&session.actor, org, ctx, membership.role)?;
    Ok(state.db.remove_membership(&grant, id).await?)
}
