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
        Ok(sqlx::query_scalar(
            "SELECT user_id FROM password_resets WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2",
        )
        .bind(token_hash)
        .bind(now())
        .fetch_optional(&self.read)
        .await?)
    }

    /// Uses a valid, unused link to set a new password, in one transaction:
    /// the link is spent, and with it every other link of the account (an
    /// older mail left in a mailbox must not reset the new password), the
    /// password changed and every session ended.
    /// `None` when the link was used or expired in the meantime.
    pub async fn reset_password(&self, token_hash: &str, password_hash: &str) -> Result<Option<i64>, StorageError> {
        let mut tx = self.write.begin().await?;
        let at = now();
        let user_id: Option<i64> = sqlx::query_scalar(
            "UPDATE password_resets SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1
             RETURNING user_id",
        )
        .bind(at)
        .bind(token_hash)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(user_id) = user_id else { return Ok(None) };
        sqlx::query("UPDATE password_resets SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL")
            .bind(at)
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3")
            .bind(password_hash)
            .bind(at)
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user_id).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(Some(user_id))
    }
}
