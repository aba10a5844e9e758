//! Logins through OpenID Connect providers: the links from a provider's
//! subject to an account, and the flows under way.

use serde::Serialize;

use crate::{Database, StorageError, now};

/// A provider's subject linked to an account.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct OidcLink {
    pub id: i64,
    pub user_id: i64,
    pub provider: String,
    pub subject: String,
    /// The address the provider gave at the first login, to recognise the link by.
    pub email: Option<String>,
    pub created_at: i64,
    pub last_used_at: i64,
}

/// A link to make: the configured provider's name, its subject, the address it gave.
pub struct NewOidcLink<'a> {
    pub provider: &'a str,
    pub subject: &'a str,
    pub email: Option<&'a str>,
}

/// A login flow under way, stored under the hash of its `state`.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OidcFlow {
    pub provider: String,
    pub nonce: String,
    pub pkce_verifier: String,
    pub return_to: String,
    pub expires_at: i64,
}

pub(super) async fn insert_link(
    conn: &mut sqlx::AnyConnection,
    user_id: i64,
    link: &NewOidcLink<'_>,
) -> Result<(), StorageError> {
    let at = now();
    sqlx::query(
        "INSERT INTO oidc_logins (user_id, provider, subject, email, created_at, last_used_at)
         VALUES ($1, $2, $3, $4, $5, $5)",
    )
    .bind(user_id)
    .bind(link.provider)
    .bind(link.subject)
    .bind(link.email)
    .bind(at)
    .execute(&mut *conn)
    .await
    .map_err(StorageError::from_write)?;
    Ok(())
}

impl Database {
    pub async fn create_oidc_flow(&self, state_hash: &str, flow: &OidcFlow) -> Result<(), StorageError> {
        sqlx::query(
            "INSERT INTO oidc_flows (state_hash, provider, nonce, pkce_verifier, return_to, created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(state_hash)
        .bind(&flow.provider)
        .bind(&flow.nonce)
        .bind(&flow.pkce_verifier)
        .bind(&flow.return_to)
        .bind(now())
        .bind(flow.expires_at)
        .execute(&self.write)
        .await?;
        Ok(())
    }

    /// Takes the flow of a state: it is deleted in the same statement, so a
    /// second callback with the same state (a replay) finds nothing.
    pub async fn take_oidc_flow(&self, state_hash: &str) -> Result<Option<OidcFlow>, StorageError> {
        Ok(sqlx::query_as(
            "DELETE FROM oidc_flows WHERE state_hash = $1
             RETURNING provider, nonce, pkce_verifier, return_to, expires_at",
        )
        .bind(state_hash)
        .fetch_optional(&self.write)
        .await?)
    }

    /// The account a provider's subject is linked to; the link's use is noted.
    pub async fn oidc_login_user(&self, provider: &str, subject: &str) -> Result<Option<i64>, StorageError> {
        Ok(sqlx::query_scalar(
            "UPDATE oidc_logins SET last_used_at = $1 WHERE provider = $2 AND subject = $3 RETURNING user_id",
        )
        .bind(now())
        .bind(provider)
        .bind(subject)
        .fetch_optional(&self.write)
        .await?)
    }

    pub async fn link_oidc_login(&self, user_id: i64, link: &NewOidcLink<'_>) -> Result<(), StorageError> {
        let mut conn = self.write.acquire().await?;
        insert_link(&mut conn, user_id, link).await
    }

    /// The user's own linked logins, newest first.
    pub async fn oidc_logins_of(&self, user_id: i64) -> Result<Vec<OidcLink>, StorageError> {
        Ok(sqlx::query_as(
            "SELECT id, user_id, provider, subject, email, created_at, last_used_at FROM oidc_logins
             WHERE user_id = $1 ORDER BY id DESC",
        )
        .bind(user_id)
        .fetch_all(&self.read)
        .await?)
    }

    /// Removes one of the user's own links; `NotFound` for another's or a gone one.
    pub async fn remove_oidc_login(&self, user_id: i64, id: i64) -> Result<(), StorageError> {
        let done = sqlx::query("DELETE FROM oidc_logins WHERE id = $1 AND user_id = $2")
            .bind(id)
            .bind(user_id)
            .execute(&self.write)
            .await?;
        if done.rows_affected() == 1 { Ok(()) } else { Err(StorageError::NotFound) }
    }
}
