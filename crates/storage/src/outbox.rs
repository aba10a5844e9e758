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
    /// The `List-Unsubscribe` link of a newsletter mail.
    pub list_unsubscribe: Option<String>,
    /// The file name of the one attachment (an activity's `.ics`).
    pub attachment_name: Option<String>,
    pub attachment: Option<String>,
    /// An HTML alternative to the plain body.
    pub html_body: Option<String>,
}

/// A mail to queue, with what some mails carry beyond a plain body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewMail {
    pub to: String,
    pub subject: String,
    pub body: String,
    pub html_body: Option<String>,
    /// The one-click unsubscribe URL (sent as `List-Unsubscribe` with `List-Unsubscribe-Post`).
    pub list_unsubscribe: Option<String>,
    /// (file name, text) of a calendar file.
    pub attachment: Option<(String, String)>,
}

/// Queues a full mail on `conn`, with the job that sends it; returns its id.
pub(crate) async fn queue_full_in(
    conn: &mut sqlx::AnyConnection,
    mail: &NewMail,
    at: i64,
) -> Result<i64, StorageError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO outbox (recipient, subject, body, created_at, html_body, list_unsubscribe, attachment_name, attachment)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(&mail.to)
    .bind(&mail.subject)
    .bind(&mail.body)
    .bind(at)
    .bind(mail.html_body.as_deref())
    .bind(mail.list_unsubscribe.as_deref())
    .bind(mail.attachment.as_ref().map(|(name, _)| name.as_str()))
    .bind(mail.attachment.as_ref().map(|(_, text)| text.as_str()))
    .fetch_one(&mut *conn)
    .await?;
    let payload = serde_json::json!({ "outbox_id": id }).to_string();
    crate::jobs::enqueue_in(conn, crate::jobs::MAIL, &payload, at, None).await?;
    Ok(id)
}

/// Queues a mail on `conn` (a transaction's connection, which queues it
/// together with what it tells of), with the job that sends it; returns its id.
pub(crate) async fn queue_in(
    conn: &mut sqlx::AnyConnection,
    recipient: &str,
    subject: &str,
    body: &str,
    at: i64,
) -> Result<i64, StorageError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO outbox (recipient, subject, body, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(recipient)
    .bind(subject)
    .bind(body)
    .bind(at)
    .fetch_one(&mut *conn)
    .await?;
    let payload = serde_json::json!({ "outbox_id": id }).to_string();
    crate::jobs::enqueue_in(conn, crate::jobs::MAIL, &payload, at, None).await?;
    Ok(id)
}

impl Database {
    pub async fn queue_full_mail(&self, mail: &NewMail) -> Result<i64, StorageError> {
        let mut tx = self.write.begin().await?;
        let id = queue_full_in(&mut tx, mail, now()).await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn queue_mail(&self, recipient: &str, subject: &str, body: &str) -> Result<i64, StorageError> {
        let mut tx = self.write.begin().await?;
        let id = queue_in(&mut tx, recipient, subject, body, now()).await?;
        tx.commit().await?;
        Ok(id)
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

    /// One mail for the job that sends it (no person reads it here).
    pub async fn mail_to_send(&self, id: i64) -> Result<Option<OutboxMail>, StorageError> {
        Ok(sqlx::query_as("SELECT * FROM outbox WHERE id = $1").bind(id).fetch_optional(&self.write).await?)
    }

    pub async fn outbox(&self, _admin: &PlatformAdmin, limit: i64) -> Result<Vec<OutboxMail>, StorageError> {
        Ok(sqlx::query_as("SELECT * FROM outbox ORDER BY id DESC LIMIT $1").bind(limit).fetch_all(&self.read).await?)
    }

    pub async fn outbox_mail(&self, _admin: &PlatformAdmin, id: i64) -> Result<Option<OutboxMail>, StorageError> {
        Ok(sqlx::query_as("SELECT * FROM outbox WHERE id = $1").bind(id).fetch_optional(&self.read).await?)
    }
}
