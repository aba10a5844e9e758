//! Members of an organisation: who has which role, invitations by mail, and
//! taking a role away.

use passend_domain::access::{self, Actor, OrgView, Role};
use passend_domain::accounts::Email;
use passend_domain::organisations::{Brin, OrgContext, OrgKind, OrgRef, SwvCode};
use passend_domain::{FieldProblems, Message};
use passend_i18n::Lang;
pub use passend_storage::accounts::{Member, PendingInvitation};
use passend_storage::now;

use crate::accounts::INVITATION_DAYS;
use crate::accounts::secrets::{random_token, token_hash};
use crate::{App, Error, Result};

/// What an inviter asks for.
pub struct NewInvitation<'a> {
    pub email: &'a str,
    /// One of the roles the inviter may give here.
    pub role: &'a str,
}

/// The inviter, as the mail names them.
pub struct Inviter<'a> {
    pub actor: &'a Actor,
    pub name: &'a str,
}

impl App {
    /// The organisation named in a URL (`swv/PO2707`, `school/32DD`, `board/41234`)
    /// with where it sits; not found when it does not exist.
    pub async fn organisation(&self, kind: &str, code: &str) -> Result<(OrgRef, OrgContext)> {
        let kind = OrgKind::parse(kind).filter(|k| *k != OrgKind::Platform).ok_or(Error::NotFound)?;
        let code = match kind {
            OrgKind::Swv => SwvCode::parse(code).map(|c| c.as_str().to_owned()).ok(),
            OrgKind::School => Brin::parse(code).map(|b| b.as_str().to_owned()).ok(),
            OrgKind::Board | OrgKind::Platform => Some(code.trim().to_owned()),
        }
        .ok_or(Error::NotFound)?;
        let org = OrgRef { kind, code };
        let ctx = self.db.org_context(&org).await?.ok_or(Error::NotFound)?;
        Ok((org, ctx))
    }

    /// Where an organisation sits (its SWVs and board), if it exists.
    pub async fn org_context(&self, org: &OrgRef) -> Result<Option<OrgContext>> {
        Ok(self.db.org_context(org).await?)
    }

    /// The right to read an organisation's non-public data: not found when the
    /// organisation does not exist, forbidden when the actor may not.
    pub async fn view_org(&self, actor: &Actor, org: &OrgRef) -> Result<(OrgView, OrgContext)> {
        let context = self.db.org_context(org).await?.ok_or(Error::NotFound)?;
        let view = access::view_org(actor, org, &context)?;
        Ok((view, context))
    }

    pub async fn members(&self, view: &OrgView) -> Result<Vec<Member>> {
        Ok(self.db.members_of(view).await?)
    }

    pub async fn pending_invitations(&self, view: &OrgView) -> Result<Vec<PendingInvitation>> {
        Ok(self.db.pending_invitations(view).await?)
    }

    /// Invites a person to a role in the organisation and mails the link.
    pub async fn invite(
        &self,
        lang: Lang,
        inviter: Inviter<'_>,
        org: &OrgRef,
        ctx: &OrgContext,
        form: &NewInvitation<'_>,
    ) -> Result<Result<i64, FieldProblems>> {
        let allowed = access::invitable_roles(inviter.actor, org, ctx);
        if allowed.is_empty() {
            return Err(Error::Forbidden);
        }
        let mut problems = FieldProblems::new();
        // An address the mailer refuses is a field error here, not a failure
        // after the invitation is stored.
        let email = Email::parse(form.email)
            .map_err(|e| e.message())
            .and_then(|email| match crate::mail::Mailer::can_address(email.as_str()) {
                true => Ok(email),
                false => Err(Message::new("account-email-invalid")),
            })
            .map_err(|m| problems.push(("email", m)))
            .ok();
        let role = Role::parse(form.role).filter(|r| allowed.contains(r));
        if role.is_none() {
            problems.push(("role", Message::new("invite-role-invalid")));
        }
        let (Some(email), Some(role)) = (email, role) else {
            return Ok(Err(problems));
        };
        if let Some(user) = self.db.user_by_email(&email).await?
            && self.db.memberships_of(user.id).await?.iter().any(|m| m.org == *org && m.role == role)
        {
            return Ok(Err(vec![("email", Message::new("invite-already-member"))]));
        }
        let grant = access::grant_role(inviter.actor, org, ctx, role)?;
        let token = random_token();
        let id = self
            .db
            .create_invitation(
                &grant,
                &email,
                &token_hash(&token),
                inviter.actor.user_id(),
                now() + INVITATION_DAYS * 86_400,
            )
            .await?;
        let org_name = self.display_name(lang, org).await?;
        let link = self.link(&format!("/uitnodiging/{token}"));
        let subject = lang.t_with("mail-invitation-subject", &[("org", org_name.clone().into())]);
        let body = lang.t_with(
            "mail-invitation-body",
            &[
                ("inviter", inviter.name.to_owned().into()),
                ("org", org_name.into()),
                ("role", lang.t(role.message_id()).into()),
                ("link", link.into()),
                ("days", INVITATION_DAYS.into()),
            ],
        );
        self.mailer.send(email.as_str(), &subject, &body).await?;
        Ok(Ok(id))
    }

    /// Withdraws an invitation that has not been accepted.
    pub async fn revoke_invitation(&self, actor: &Actor, org: &OrgRef, ctx: &OrgContext, id: i64) -> Result<()> {
        let invitation = self.db.invitation(id).await?.filter(|i| i.org == *org).ok_or(Error::NotFound)?;
        let grant = access::grant_role(actor, org, ctx, invitation.role)?;
        Ok(self.db.revoke_invitation(&grant, id).await?)
    }

    /// Takes a role away from a member.
    pub async fn remove_member(&self, actor: &Actor, org: &OrgRef, ctx: &OrgContext, id: i64) -> Result<()> {
        let membership = self.db.membership(id).await?.filter(|m| m.org == *org).ok_or(Error::NotFound)?;
        let grant = access::grant_role(actor, org, ctx, membership.role)?;
        Ok(self.db.remove_membership(&grant, id).await?)
    }
}
