use passend_domain::access::{OrgView, Role, RoleGrant};
use passend_domain::accounts::Email;
use passend_domain::organisations::{OrgKind, OrgRef};
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::memberships::add_membership;
use crate::{Database, StorageError, now};

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

fn invitation_from_row(row: &AnyRow) -> Result<Option<Invitation>, sqlx::Error> {
    let kind = OrgKind::parse(&row.try_get::<String, _>("org_kind")?);
    let role = Role::parse(&row.try_get::<String, _>("role")?);
    let (Some(kind), Some(role)) = (kind, role) else {
        return Ok(None);
    };
    Ok(Some(Invitation {
        id: row.try_get("id")?,
        email: row.try_get("email")?,
        org: OrgRef { kind, code: row.try_get("org_code")? },
        role,
        expires_at: row.try_get("expires_at")?,
        accepted_at: row.try_get("accepted_at")?,
        revoked_at: row.try_get("revoked_at")?,
        invited_by: row.try_get("invited_by")?,
    }))
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
        let row = sqlx::query(
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
        .await?;
        Ok(row.try_get(0)?)
    }

    pub async fn invitation_by_token(&self, token_hash: &str) -> Result<Option<Invitation>, StorageError> {
        let row = sqlx::query(&format!("SELECT {INVITATION_COLUMNS} FROM invitations WHERE token_hash = $1"))
            .bind(token_hash)
            .fetch_optional(&self.read)
            .await?;
        Ok(row.as_ref().map(invitation_from_row).transpose()?.flatten())
    }

    pub async fn invitation(&self, id: i64) -> Result<Option<Invitation>, StorageError> {
        let row = sqlx::query(&format!("SELECT {INVITATION_COLUMNS} FROM invitations WHERE id = $1"))
            .bind(id)
            .fetch_optional(&self.read)
            .await?;
        Ok(row.as_ref().map(invitation_from_row).transpose()?.flatten())
    }

    pub async fn pending_invitations(&self, view: &OrgView) -> Result<Vec<PendingInvitation>, StorageError> {
        let rows = sqlx::query(
            "SELECT id, email, role, created_at, expires_at FROM invitations
             WHERE org_kind = $1 AND org_code = $2 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > $3
             ORDER BY created_at DESC, id DESC",
        )
        .bind(view.org().kind.as_str())
        .bind(&view.org().code)
        .bind(now())
        .fetch_all(&self.read)
        .await?;
        let mut pending = Vec::new();
        for row in rows {
            let Some(role) = Role::parse(&row.try_get::<String, _>(2)?) else {
                continue;
            };
            pending.push(PendingInvitation {
                id: row.try_get(0)?,
                email: row.try_get(1)?,
                role,
                created_at: row.try_get(3)?,
                expires_at: row.try_get(4)?,
            });
        }
        Ok(pending)
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
        let at = now();
        let user_id: i64 = sqlx::query(
            "INSERT INTO users (email, name, password_hash, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) RETURNING id",
        )
        .bind(email.as_str())
        .bind(name)
        .bind(password_hash)
        .bind(at)
        .fetch_one(&mut *tx)
        .await
        .map_err(StorageError::from_write)?
        .try_get(0)?;
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
