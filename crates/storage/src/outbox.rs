//! Every mail Passend sends is first written here. Without SMTP configured it
//! stays here for a platform admin to read; with SMTP it is marked sent or
//! failed.

use passend_domain::access::PlatformAdmin;
use serde::Serialize;

use crate::{Database, StorageError, now};

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct OutboxMail {
    pub id: i64,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub created_at: i64,
    pub sent_at: Option<i64>,
    pub error: Option<String>,
}

impl Database {
    pub async fn queue_mail(&self, recipient: &str, subject: &str, body: &str) -> Result<i64, StorageError> {
        Ok(sqlx::query_scalar(
            "INSERT INTO outbox (recipient, subject, body, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(recipient)
        .bind(subject)
        .bind(body)
        .bind(now())
        .fetch_one(&self.write)
        .await?)
    }

    /// Marks the mail sent and keeps `kept_body` (without secrets) instead of the original.
    pub async fn mark_mail_sent(&self, id: i64, kept_body: &str) -> Result<(), StorageError> {
        sqlx::query("UPDATE outbox SET sent_at = $1, error = NULL, body = $2 WHERE id = $3")
            .bind(now())
            .bind(kept_body)
            .bind(id)
            .execute(&self.write)
            .await?;
        Ok(())
    }

    pub async fn mark_mail_failed(&self, id: i64, error: &str) -> Result<(), StorageError> {
        sqlx::query("UPDATE outbox SET error = $1 WHERE id = $2").bind(error).bind(id).execute(&self.write).await?;
        Ok(())
    }

    pub async fn outbox(&self, _admin: &PlatformAdmin, limit: i64) -> Result<Vec<OutboxMail>, StorageError> {
        Ok(sqlx::query_as("SELECT * FROM outbox ORDER BY id DESC LIMIT $1").bind(limit).fetch_all(&self.read).await?)
    }

    pub async fn outbox_mail(&self, _admin: &PlatformAdmin, id: i64) -> Result<Option<OutboxMail>, StorageError> {
        Ok(sqlx::query_as("SELECT * FROM outbox WHERE id = $1").bind(id).fetch_optional(&self.read).await?)
    }
}
