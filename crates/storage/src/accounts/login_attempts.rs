//! Counted attempts (failed logins, password reset mails) per key, for rate limits.

use crate::{Database, StorageError, now};

impl Database {
    /// Records an attempt for the key and returns how many the key has since
    /// `since`, this one included.
    pub async fn record_attempt(&self, key: &str, since: i64) -> Result<i64, StorageError> {
        sqlx::query("INSERT INTO login_attempts (attempt_key, attempted_at) VALUES ($1, $2)")
            .bind(key)
            .bind(now())
            .execute(&self.write)
            .await?;
        self.attempts_since(key, since).await
    }

    pub async fn attempts_since(&self, key: &str, since: i64) -> Result<i64, StorageError> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM login_attempts WHERE attempt_key = $1 AND attempted_at >= $2")
            .bind(key)
            .bind(since)
            .fetch_one(&self.read)
            .await?)
    }

    pub async fn clear_attempts(&self, key: &str) -> Result<(), StorageError> {
        sqlx::query("DELETE FROM login_attempts WHERE attempt_key = $1").bind(key).execute(&self.write).await?;
        Ok(())
    }
}
