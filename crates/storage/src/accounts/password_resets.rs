use sqlx::Row;

use crate::{Database, StorageError, now};

impl Database {
    pub async fn create_password_reset(
        &self,
        token_hash: &str,
        user_id: i64,
        expires_at: i64,
    ) -> Result<(), StorageError> {
        sqlx::query(
            "INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(token_hash)
        .bind(user_id)
        .bind(now())
        .bind(expires_at)
        .execute(&self.write)
        .await?;
        Ok(())
    }

    /// The user of a reset link that is still valid and unused.
    pub async fn password_reset_user(&self, token_hash: &str) -> Result<Option<i64>, StorageError> {
        let row = sqlx::query(
            "SELECT user_id FROM password_resets WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2",
        )
        .bind(token_hash)
        .bind(now())
        .fetch_optional(&self.read)
        .await?;
        Ok(row.map(|r| r.try_get(0)).transpose()?)
    }

    /// Marks the link used; `false` when it was used or expired in the meantime.
    pub async fn use_password_reset(&self, token_hash: &str) -> Result<bool, StorageError> {
        let done = sqlx::query(
            "UPDATE password_resets SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1",
        )
        .bind(now())
        .bind(token_hash)
        .execute(&self.write)
        .await?;
        Ok(done.rows_affected() == 1)
    }
}
