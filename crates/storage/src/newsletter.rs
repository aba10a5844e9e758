//! The newsletter: subscribers with double opt-in, issues, and one delivery
//! row per issue and subscriber.
//!
//! Sending an issue makes its delivery rows in one transaction; the sending
//! job claims rows (`claimed_at`) in the same transaction that queues their
//! mails, so each subscriber gets an issue once, also across a restart and
//! with several servers on one database.

use passend_domain::access::NewsletterEditor;
use passend_domain::newsletter::{IssueState, SubscriberState};

use crate::outbox::{NewMail, queue_full_in};
use crate::rows::{Column, Named, convert};
use crate::{Database, StorageError, now};

const ISSUE_STATE: Column = Column::new("newsletter_issues", "state");

impl Named for IssueState {
    const WHAT: &'static str = "newsletter issue state";
    fn from_name(name: &str) -> Option<Self> {
        IssueState::parse(name)
    }
}

impl Named for SubscriberState {
    const WHAT: &'static str = "subscriber state";
    fn from_name(name: &str) -> Option<Self> {
        SubscriberState::parse(name)
    }
}

/// What a subscription request did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subscribed {
    /// New, or pending again: a confirmation mail is to go out.
    ConfirmationNeeded,
    /// Confirmed already: nothing changes.
    AlreadyConfirmed,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    pub id: i64,
    pub subject: String,
    pub body_markdown: String,
    pub state: IssueState,
    pub created_at: i64,
    pub sent_at: Option<i64>,
    /// Delivery rows made when it was sent, and how many of them are claimed.
    pub deliveries: i64,
    pub delivered: i64,
}

#[derive(sqlx::FromRow)]
struct IssueRow {
    id: i64,
    subject: String,
    body_markdown: String,
    state: String,
    created_at: i64,
    sent_at: Option<i64>,
    deliveries: i64,
    delivered: i64,
}

impl TryFrom<IssueRow> for Issue {
    type Error = StorageError;
    fn try_from(row: IssueRow) -> Result<Self, StorageError> {
        Ok(Issue {
            id: row.id,
            subject: row.subject,
            body_markdown: row.body_markdown,
            state: ISSUE_STATE.parse(&row.state)?,
            created_at: row.created_at,
            sent_at: row.sent_at,
            deliveries: row.deliveries,
            delivered: row.delivered,
        })
    }
}

const ISSUE_COLUMNS: &str = "i.id, i.subject, i.body_markdown, i.state, i.created_at, i.sent_at,
    (SELECT COUNT(*) FROM newsletter_deliveries d WHERE d.issue_id = i.id) AS deliveries,
    (SELECT COUNT(*) FROM newsletter_deliveries d WHERE d.issue_id = i.id AND d.claimed_at IS NOT NULL) AS delivered";

/// One mail of an issue to one subscriber, claimed for sending.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Delivery {
    pub id: i64,
    pub issue_id: i64,
    pub subject: String,
    pub body_markdown: String,
    pub email: String,
    pub unsubscribe_token: String,
    pub state: String,
}

impl Database {
    /// Records a subscription (or renews a pending or ended one) with the hash
    /// of a new confirmation secret and an unsubscribe token.
    pub async fn subscribe(
        &self,
        email: &str,
        confirm_hash: &str,
        unsubscribe_token: &str,
    ) -> Result<Subscribed, StorageError> {
        let mut tx = self.write.begin().await?;
        let state: Option<String> = sqlx::query_scalar("SELECT state FROM newsletter_subscribers WHERE email = $1")
            .bind(email)
            .fetch_optional(&mut *tx)
            .await?;
        let at = now();
        match state.as_deref() {
            None => {
                sqlx::query(
                    "INSERT INTO newsletter_subscribers (email, state, confirm_hash, unsubscribe_token, created_at)
                     VALUES ($1, 'pending', $2, $3, $4)",
                )
                .bind(email)
                .bind(confirm_hash)
                .bind(unsubscribe_token)
                .bind(at)
                .execute(&mut *tx)
                .await?;
            }
            Some("confirmed") => return Ok(Subscribed::AlreadyConfirmed),
            Some(_) => {
                sqlx::query(
                    "UPDATE newsletter_subscribers SET state = 'pending', confirm_hash = $1, unsubscribe_token = $2,
                         unsubscribed_at = NULL WHERE email = $3",
                )
                .bind(confirm_hash)
                .bind(unsubscribe_token)
                .bind(email)
                .execute(&mut *tx)
                .await?;
            }
        }
        tx.commit().await?;
        Ok(Subscribed::ConfirmationNeeded)
    }

    /// Confirms the pending subscription whose secret hashes to `confirm_hash`;
    /// false when no pending one has it (unknown, or used before).
    pub async fn confirm_subscription(&self, confirm_hash: &str) -> Result<bool, StorageError> {
        let changed = sqlx::query(
            "UPDATE newsletter_subscribers SET state = 'confirmed', confirm_hash = NULL, confirmed_at = $1
             WHERE confirm_hash = $2 AND state = 'pending'",
        )
        .bind(now())
        .bind(confirm_hash)
        .execute(&self.write)
        .await?
        .rows_affected();
        Ok(changed == 1)
    }

    /// Ends the subscription with this unsubscribe token; false when there is
    /// none or it ended before.
    pub async fn unsubscribe(&self, token: &str) -> Result<bool, StorageError> {
        let changed = sqlx::query(
            "UPDATE newsletter_subscribers SET state = 'unsubscribed', confirm_hash = NULL, unsubscribed_at = $1
             WHERE unsubscribe_token = $2 AND state <> 'unsubscribed'",
        )
        .bind(now())
        .bind(token)
        .execute(&self.write)
        .await?
        .rows_affected();
        Ok(changed == 1)
    }

    pub async fn confirmed_subscribers(&self, _editor: &NewsletterEditor) -> Result<i64, StorageError> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM newsletter_subscribers WHERE state = 'confirmed'")
            .fetch_one(&self.read)
            .await?)
    }

    pub async fn create_issue(
        &self,
        _editor: &NewsletterEditor,
        subject: &str,
        body_markdown: &str,
        created_by: i64,
    ) -> Result<i64, StorageError> {
        Ok(sqlx::query_scalar(
            "INSERT INTO newsletter_issues (subject, body_markdown, state, created_by, created_at)
             VALUES ($1, $2, 'draft', $3, $4) RETURNING id",
        )
        .bind(subject.trim())
        .bind(body_markdown)
        .bind(created_by)
        .bind(now())
        .fetch_one(&self.write)
        .await?)
    }

    /// Every issue, newest first, for editors.
    pub async fn issues(&self, _editor: &NewsletterEditor) -> Result<Vec<Issue>, StorageError> {
        let rows: Vec<IssueRow> =
            sqlx::query_as(&format!("SELECT {ISSUE_COLUMNS} FROM newsletter_issues i ORDER BY i.id DESC"))
                .fetch_all(&self.read)
                .await?;
        convert(rows)
    }

    /// The archive: sent issues, newest first (public).
    pub async fn sent_issues(&self) -> Result<Vec<Issue>, StorageError> {
        let rows: Vec<IssueRow> = sqlx::query_as(&format!(
            "SELECT {ISSUE_COLUMNS} FROM newsletter_issues i WHERE i.state = 'sent' ORDER BY i.sent_at DESC, i.id DESC"
        ))
        .fetch_all(&self.read)
        .await?;
        convert(rows)
    }

    /// One sent issue (public).
    pub async fn sent_issue(&self, id: i64) -> Result<Option<Issue>, StorageError> {
        let row: Option<IssueRow> = sqlx::query_as(&format!(
            "SELECT {ISSUE_COLUMNS} FROM newsletter_issues i WHERE i.id = $1 AND i.state = 'sent'"
        ))
        .bind(id)
        .fetch_optional(&self.read)
        .await?;
        row.map(Issue::try_from).transpose()
    }

    /// Starts sending a draft: one delivery row per confirmed subscriber, made
    /// in the transaction that moves the issue to `sending`. Returns how many;
    /// `Conflict` when the issue is not a draft (sent before, or being sent).
    pub async fn send_issue(&self, _editor: &NewsletterEditor, id: i64) -> Result<i64, StorageError> {
        let mut tx = self.write.begin().await?;
        let changed = sqlx::query("UPDATE newsletter_issues SET state = 'sending' WHERE id = $1 AND state = 'draft'")
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if changed != 1 {
            let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM newsletter_issues WHERE id = $1")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
            return Err(if exists.is_some() { StorageError::Conflict } else { StorageError::NotFound });
        }
        let made = sqlx::query(
            "INSERT INTO newsletter_deliveries (issue_id, subscriber_id)
             SELECT $1, id FROM newsletter_subscribers WHERE state = 'confirmed'",
        )
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        // One sending job for all issues (its key): another issue sent while
        // it waits or runs is taken along.
        crate::jobs::enqueue_in(&mut tx, crate::jobs::NEWSLETTER, "{}", now(), Some(crate::jobs::NEWSLETTER)).await?;
        tx.commit().await?;
        Ok(i64::try_from(made).unwrap_or(i64::MAX))
    }

    /// Whether deliveries wait to be handed to the outbox.
    pub async fn open_deliveries_exist(&self) -> Result<bool, StorageError> {
        let open: Option<i64> =
            sqlx::query_scalar("SELECT id FROM newsletter_deliveries WHERE claimed_at IS NULL LIMIT 1")
                .fetch_optional(&self.write)
                .await?;
        Ok(open.is_some())
    }

    /// Claims up to `limit` open deliveries and queues a mail for each (built
    /// by `mail`) in one transaction; a subscriber who left meanwhile is
    /// claimed without a mail. Issues with nothing left open become `sent`.
    /// Returns the outbox ids with the mails queued.
    pub async fn claim_deliveries(
        &self,
        limit: i64,
        mut mail: impl FnMut(&Delivery) -> NewMail,
    ) -> Result<Vec<(i64, NewMail)>, StorageError> {
        let mut tx = self.write.begin().await?;
        let open: Vec<Delivery> = sqlx::query_as(
            "SELECT d.id, d.issue_id, i.subject, i.body_markdown, s.email, s.unsubscribe_token, s.state
             FROM newsletter_deliveries d
             JOIN newsletter_issues i ON i.id = d.issue_id
             JOIN newsletter_subscribers s ON s.id = d.subscriber_id
             WHERE d.claimed_at IS NULL ORDER BY d.id LIMIT $1",
        )
        .bind(limit)
        .fetch_all(&mut *tx)
        .await?;
        let at = now();
        let mut queued = Vec::new();
        for delivery in &open {
            // Another server may have claimed it since the read: then this changes nothing.
            let claimed =
                sqlx::query("UPDATE newsletter_deliveries SET claimed_at = $1 WHERE id = $2 AND claimed_at IS NULL")
                    .bind(at)
                    .bind(delivery.id)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
            if claimed != 1 || delivery.state != SubscriberState::Confirmed.as_str() {
                continue;
            }
            let new_mail = mail(delivery);
            let outbox_id = queue_full_in(&mut tx, &new_mail, at).await?;
            sqlx::query("UPDATE newsletter_deliveries SET outbox_id = $1 WHERE id = $2")
                .bind(outbox_id)
                .bind(delivery.id)
                .execute(&mut *tx)
                .await?;
            queued.push((outbox_id, new_mail));
        }
        sqlx::query(
            "UPDATE newsletter_issues SET state = 'sent', sent_at = $1 WHERE state = 'sending'
             AND NOT EXISTS (SELECT 1 FROM newsletter_deliveries d WHERE d.issue_id = newsletter_issues.id AND d.claimed_at IS NULL)",
        )
        .bind(at)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(queued)
    }
}
