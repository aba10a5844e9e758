use passend_domain::access::{Membership, OrgView, Role, RoleGrant};
use passend_domain::organisations::{OrgKind, OrgRef};
use serde::Serialize;

use crate::rows::{Column, convert};
use crate::{Database, StorageError, now};

const MEMBERSHIP_ORG_KIND: Column = Column::new("memberships", "org_kind");
const MEMBERSHIP_ROLE: Column = Column::new("memberships", "role");

/// A person in an organisation's member list.
#[derive(Debug, Clone, Serialize)]
pub struct Member {
    pub membership_id: i64,
    pub user_id: i64,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub since: i64,
}

#[derive(sqlx::FromRow)]
struct MembershipRow {
    org_kind: String,
    org_code: String,
    role: String,
}

impl TryFrom<MembershipRow> for Membership {
    type Error = StorageError;

    fn try_from(row: MembershipRow) -> Result<Self, StorageError> {
        Ok(Membership {
            org: OrgRef { kind: MEMBERSHIP_ORG_KIND.parse::<OrgKind>(&row.org_kind)?, code: row.org_code },
            role: MEMBERSHIP_ROLE.parse(&row.role)?,
        })
    }
}

#[derive(sqlx::FromRow)]
struct MemberRow {
    id: i64,
    user_id: i64,
    name: String,
    email: String,
    role: String,
    created_at: i64,
}

impl TryFrom<MemberRow> for Member {
    type Error = StorageError;

    fn try_from(row: MemberRow) -> Result<Self, StorageError> {
        Ok(Member {
            role: MEMBERSHIP_ROLE.parse(&row.role)?,
            membership_id: row.id,
            user_id: row.user_id,
            name: row.name,
            email: row.email,
            since: row.created_at,
        })
    }
}

impl Database {
    pub async fn memberships_of(&self, user_id: i64) -> Result<Vec<Membership>, StorageError> {
        let rows = sqlx::query_as::<_, MembershipRow>(
            "SELECT org_kind, org_code, role FROM memberships WHERE user_id = $1 ORDER BY org_kind, org_code, role",
        )
        .bind(user_id)
        .fetch_all(&self.read)
        .await?;
        convert(rows)
    }

    pub async fn members_of(&self, view: &OrgView) -> Result<Vec<Member>, StorageError> {
        let rows = sqlx::query_as::<_, MemberRow>(
            "SELECT m.id, m.user_id, u.name, u.email, m.role, m.created_at
             FROM memberships m JOIN users u ON u.id = m.user_id
             WHERE m.org_kind = $1 AND m.org_code = $2
             ORDER BY u.name, u.email, m.role",
        )
        .bind(view.org().kind.as_str())
        .bind(&view.org().code)
        .fetch_all(&self.read)
        .await?;
        convert(rows)
    }

    /// The organisation and role of a membership, so that a removal can be checked.
    pub async fn membership(&self, id: i64) -> Result<Option<Membership>, StorageError> {
        sqlx::query_as::<_, MembershipRow>("SELECT org_kind, org_code, role FROM memberships WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.read)
            .await?
            .map(Membership::try_from)
            .transpose()
    }

    pub async fn remove_membership(&self, grant: &RoleGrant, membership_id: i64) -> Result<(), StorageError> {
        let done =
            sqlx::query("DELETE FROM memberships WHERE id = $1 AND org_kind = $2 AND org_code = $3 AND role = $4")
                .bind(membership_id)
                .bind(grant.org().kind.as_str())
                .bind(&grant.org().code)
                .bind(grant.role().as_str())
                .execute(&self.write)
                .await?;
        if done.rows_affected() == 0 { Err(StorageError::NotFound) } else { Ok(()) }
    }

    /// Gives a membership without an access check. Only the command line
    /// (`create-admin`, the demo) does this: it runs with the operator's
    /// authority, outside any session.
    pub async fn seed_membership(&self, membership: &Membership, user_id: i64) -> Result<(), StorageError> {
        add_membership(&self.write, &membership.org, membership.role, user_id, None).await
    }
}

pub(super) async fn add_membership<'c, E>(
    executor: E,
    org: &OrgRef,
    role: Role,
    user_id: i64,
    by: Option<i64>,
) -> Result<(), StorageError>
where
    E: sqlx::Executor<'c, Database = sqlx::Any>,
{
    sqlx::query(
        "INSERT INTO memberships (user_id, org_kind, org_code, role, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (user_id, org_kind, org_code, role) DO NOTHING",
    )
    .bind(user_id)
    .bind(org.kind.as_str())
    .bind(&org.code)
    .bind(role.as_str())
    .bind(by)
    .bind(now())
    .execute(executor)
    .await?;
    Ok(())
}
