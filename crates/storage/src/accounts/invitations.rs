use passend_domain::access::{OrgView, Role, RoleGrant};
use passend_domain::accounts::Email;
use passend_domain::organisations::{OrgKind, OrgRef};
use serde::Serialize;

use super::memberships::add_membership;
use super::oidc::{NewOidcLink, insert_link};
use super::users::insert_user;
use crate::rows::{Column, convert};
use crate::{Database, StorageError, now};

const INVITATION_ORG_KIND: Column = Column::new("invitations", "org_kind");
const INVITATION_ROLE: Column = Column::new("invitations", "role");

/// An invitation found by its link.
#[derive(Debug, Clone)]
pub struct Invitation {
    pub id: i64,
    pub email: String,
    pub org: OrgRef,
    pub role: Role,
    pub expires_at: i64,
    pub accepted_at: Option<i64>,
    pub revoked_at: Option<i64>,
    pub invited_by: Option<i64>,
}

impl Invitation {
    pub fn is_open(&self, at: i64) -> bool {
        self.accepted_at.is_none() && self.revoked_at.is_none() && self.expires_at > at
    }
}

/// An invitation in an organisation's list of those not yet accepted.
#[derive(Debug, Clone, Serialize)]
pub struct PendingInvitation {
    pub id: i64,
    pub email: String,
    pub role: Role,
    pub created_at: i64,
    pub expires_at: i64,
}

#[derive(sqlx::FromRow)]
struct InvitationRow {
    id: i64,
    email: String,
    org_kind: String,
    org_code: String,
    role: String,
    expires_at: i64,
    accepted_at: Option<i64>,
    revoked_at: Option<i64>,
    invited_by: Option<i64>,
}

impl TryFrom<InvitationRow> for Invitation {
    type Error = StorageError;

    fn try_from(row: InvitationRow) -> Result<Self, StorageError> {
        Ok(Invitation {
            org: OrgRef { kind: INVITATION_ORG_KIND.parse::<OrgKind>(&row.org_kind)?, code: row.org_code },
            role: INVITATION_ROLE.parse(&row.role)?,
            id: row.id,
            email: row.email,
            expires_at: row.expires_at,
            accepted_at: row.accepted_at,
            revoked_at: row.revoked_at,
            invited_by: row.invited_by,
        })
    }
}

#[derive(sqlx::FromRow)]
struct PendingRow {
    id: i64,
    email: String,
    role: String,
    created_at: i64,
    expires_at: i64,
}

impl TryFrom<PendingRow> for PendingInvitation {
    type Error = StorageError;

    fn try_from(row: PendingRow) -> Result<Self, StorageError> {
        Ok(PendingInvitation {
            role: INVITATION_ROLE.parse(&row.role)?,
            id: row.id,
            email: row.email,
            created_at: row.created_at,
            expires_at: row.expires_at,
        })
    }
}

const INVITATION_COLUMNS: &str = "id, email, org_kind, org_code, role, expires_at, accepted_at, revoked_at, invited_by";

impl Database {
    pub async fn create_invitation(
        &self,
        grant: &RoleGrant,
        email: &Email,
        token_hash: &str,
        invited_by: i64,
        expires_at: i64,
    ) -> Result<i64, StorageError> {
        Ok(sqlx::query_scalar(
            "INSERT INTO invitations (token_hash, email, org_kind, org_code, role, invited_by, created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(token_hash)
        .bind(email.as_str())
        .bind(grant.org().kind.as_str())
        .bind(&grant.org().code)
        .bind(grant.role().as_str())
        .bind(invited_by)
        .bind(now())
        .bind(expires_at)
        .fetch_one(&self.write)
        .await?)
    }

    pub async fn invitation_by_token(&self, token_hash: &str) -> Result<Option<Invitation>, StorageError> {
        sqlx::query_as::<_, InvitationRow>(&format!(
            "SELECT {INVITATION_COLUMNS} FROM invitations WHERE token_hash = $1"
        ))
        .bind(token_hash)
        .fetch_optional(&self.read)
        .await?
        .map(Invitation::try_from)
        .transpose()
    }

    /// The open invitations to an address, oldest first (an OpenID login
    /// with that verified address may accept them).
    pub async fn open_invitations_to(&self, email: &Email) -> Result<Vec<Invitation>, StorageError> {
        sqlx::query_as::<_, InvitationRow>(&format!(
            "SELECT {INVITATION_COLUMNS} FROM invitations
             WHERE email = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > $2 ORDER BY id"
        ))
        .bind(email.as_str())
        .bind(now())
        .fetch_all(&self.read)
        .await?
        .into_iter()
        .map(Invitation::try_from)
        .collect()
    }

    /// Makes an account without a password, linked to a provider's subject,
    /// and accepts the invitation, in one transaction.
    pub async fn accept_invitation_as_linked_user(
        &self,
        invitation: &Invitation,
        email: &Email,
        name: &str,
        link: &NewOidcLink<'_>,
    ) -> Result<i64, StorageError> {
        let mut tx = self.write.begin().await?;
        let user_id: i64 = sqlx::query_scalar(
            "INSERT INTO users (email, name, password_hash, created_at, updated_at)
             VALUES ($1, $2, NULL, $3, $3) RETURNING id",
        )
        .bind(email.as_str())
        .bind(name)
        .bind(now())
        .fetch_one(&mut *tx)
        .await
        .map_err(StorageError::from_write)?;
        insert_link(&mut tx, user_id, link).await?;
        accept_in(&mut tx, invitation, user_id).await?;
        tx.commit().await?;
        Ok(user_id)
    }

    /// Links the subject to the user and accepts the invitation, in one transaction.
    pub async fn accept_invitation_with_link(
        &self,
        invitation: &Invitation,
        user_id: i64,
        link: &NewOidcLink<'_>,
    ) -> Result<(), StorageError> {
        let mut tx = self.write.begin().await?;
        insert_link(&mut tx, user_id, link).await?;
        accept_in(&mut tx, invitation, user_id).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn invitation(&self, id: i64) -> Result<Option<Invitation>, StorageError> {
        sqlx::query_as::<_, InvitationRow>(&format!("SELECT {INVITATION_COLUMNS} FROM invitations WHERE id = $1"))
            .bind(id)
            .fetch_optional(&self.read)
            .await?
            .map(Invitation::try_from)
            .transpose()
    }

    pub async fn pending_invitations(&self, view: &OrgView) -> Result<Vec<PendingInvitation>, StorageError> {
        let rows = sqlx::query_as::<_, PendingRow>(
            "SELECT id, email, role, created_at, expires_at FROM invitations
             WHERE org_kind = $1 AND org_code = $2 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > $3
             ORDER BY created_at DESC, id DESC",
        )
        .bind(view.org().kind.as_str())
        .bind(&view.org().code)
        .bind(now())
        .fetch_all(&self.read)
        .await?;
        convert(rows)
    }

    /// Accepts an open invitation for the user: marks it and adds the membership
    /// in one transaction. `NotFound` when it was no longer open.
    pub async fn accept_invitation(&self, invitation: &Invitation, user_id: i64) -> Result<(), StorageError> {
        let mut tx = self.write.begin().await?;
        accept_in(&mut tx, invitation, user_id).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Makes the account and accepts the invitation in one transaction, so that
    /// nobody ends up with an account but without the role they were invited to.
    pub async fn accept_invitation_as_new_user(
        &self,
        invitation: &Invitation,
        email: &Email,
        name: &str,
        password_hash: &str,
    ) -> Result<i64, StorageError> {
        let mut tx = self.write.begin().await?;
        let user_id = insert_user(&mut *tx, email, name, password_hash).await?;
        accept_in(&mut tx, invitation, user_id).await?;
        tx.commit().await?;
        Ok(user_id)
    }

    pub async fn revoke_invitation(&self, grant: &RoleGrant, id: i64) -> Result<(), StorageError> {
        let done = sqlx::query(
            "UPDATE invitations SET revoked_at = $1
             WHERE id = $2 AND org_kind = $3 AND org_code = $4 AND role = $5 AND accepted_at IS NULL AND revoked_at IS NULL",
        )
        .bind(now())
        .bind(id)
        .bind(grant.org().kind.as_str())
        .bind(&grant.org().code)
        .bind(grant.role().as_str())
        .execute(&self.write)
        .await?;
        if done.rows_affected() == 0 { Err(StorageError::NotFound) } else { Ok(()) }
    }
}

async fn accept_in(conn: &mut sqlx::AnyConnection, invitation: &Invitation, user_id: i64) -> Result<(), StorageError> {
    let at = now();
    let done = sqlx::query(
        "UPDATE invitations SET accepted_at = $1
         WHERE id = $2 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > $1",
    )
    .bind(at)
    .bind(invitation.id)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() != 1 {
        return Err(StorageError::NotFound);
    }
    add_membership(&mut *conn, &invitation.org, invitation.role, user_id, invitation.invited_by).await
}
