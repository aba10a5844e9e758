use crate::{Database, StorageError, now};

/// A server-side session, found by the hash of the id in the cookie.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SessionRecord {
    pub user_id: i64,
    pub csrf_token: String,
}

impl Database {
    pub async fn create_session(
        &self,
        id_hash: &str,
        user_id: i64,
        csrf_token: &str,
        expires_at: i64,
    ) -> Result<(), StorageError> {
        sqlx::query(
            "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id_hash)
        .bind(user_id)
        .bind(csrf_token)
        .bind(now())
        .bind(expires_at)
        .execute(&self.write)
        .await?;
        Ok(())
    }

    /// The session if it exists and has not expired.
    pub async fn session(&self, id_hash: &str) -> Result<Option<SessionRecord>, StorageError> {
        Ok(sqlx::query_as("SELECT user_id, csrf_token FROM sessions WHERE id_hash = $1 AND expires_at > $2")
            .bind(id_hash)
            .bind(now())
            .fetch_optional(&self.read)
            .await?)
    }

    pub async fn delete_session(&self, id_hash: &str) -> Result<(), StorageError> {
        sqlx::query("DELETE FROM sessions WHERE id_hash = $1").bind(id_hash).execute(&self.write).await?;
        Ok(())
    }

    /// Removes expired sessions, password resets and old login attempts.
    pub async fn purge_expired(&self, attempts_before: i64) -> Result<(), StorageError> {
        let at = now();
        sqlx::query("DELETE FROM sessions WHERE expires_at <= $1").bind(at).execute(&self.write).await?;
        sqlx::query("DELETE FROM password_resets WHERE expires_at <= $1").bind(at).execute(&self.write).await?;
        sqlx::query("DELETE FROM oidc_flows WHERE expires_at <= $1").bind(at).execute(&self.write).await?;
        // Mail older than a month has served its purpose; its links expired long ago.
        sqlx::query("DELETE FROM outbox WHERE created_at < $1").bind(at - 30 * 86_400).execute(&self.write).await?;
        sqlx::query("DELETE FROM login_attempts WHERE attempted_at < $1")
            .bind(attempts_before)
            .execute(&self.write)
            .await?;
        Ok(())
    }
}
