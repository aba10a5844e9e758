use sqlx::Row;

use crate::{Database, StorageError, now};

impl Database {
    /// Records a failed login for the key (address or e-mail) and returns how
    /// many failures the key has since `since`, this one included.
    pub async fn record_failed_login(&self, key: &str, since: i64) -> Result<i64, StorageError> {
        sqlx::query("INSERT INTO login_attempts (attempt_key, attempted_at) VALUES ($1, $2)")
            .bind(key)
            .bind(now())
            .execute(&self.write)
            .await?;
        self.failed_logins(key, since).await
    }

    pub async fn failed_logins(&self, key: &str, since: i64) -> Result<i64, StorageError> {
        let row = sqlx::query(
            "SELECT COUNT(*) FROM login_attempts WHERE attempt_key = $1 AND attempted_at >= $2",
        )
        .bind(key)
        .bind(since)
        .fetch_one(&self.read)
        .await?;
        Ok(row.try_get(0)?)
    }

    pub async fn clear_failed_logins(&self, key: &str) -> Result<(), StorageError> {
        sqlx::query("DELETE FROM login_attempts WHERE attempt_key = $1")
            .bind(key)
            .execute(&self.write)
            .await?;
        Ok(())
    }
}
