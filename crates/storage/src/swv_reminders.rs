//! The SWV's reminders to its schools: who at each school can be reminded,
//! and the log of reminder rounds. A round and its mails are written in one
//! transaction, so the log never tells of a mail that is not in the outbox.

use passend_domain::access::{OrgView, Role};
use passend_domain::lifecycle::{ReminderOutcome, ReminderRecipient};
use passend_domain::organisations::OrgKind;

use crate::planning::QueuedMail;
use crate::rows::{Column, Named, convert};
use crate::{Database, StorageError, now};

const OUTCOME: Column = Column::new("swv_reminders", "outcome");
const RECIPIENTS: Column = Column::new("swv_reminders", "recipients_json");

impl Named for ReminderOutcome {
    const WHAT: &'static str = "reminder outcome";
    fn from_name(name: &str) -> Option<Self> {
        ReminderOutcome::parse(name)
    }
}

/// Who sends a round, for which school year.
pub struct NewRound<'a> {
    pub school_year: &'a str,
    pub sent_by: i64,
    pub sent_by_name: &'a str,
}

/// What came of the round for one location.
pub struct RoundEntry<'a> {
    pub location_code: &'a str,
    pub outcome: ReminderOutcome,
    /// The people mailed (empty unless sent).
    pub recipients: &'a [ReminderRecipient],
}

/// A reminder to one location, as the log keeps it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredReminder {
    pub round_id: i64,
    pub sent_at: i64,
    pub sent_by_name: String,
    pub school_year: String,
    pub location_code: String,
    pub location_name: String,
    pub brin: String,
    pub outcome: ReminderOutcome,
    pub recipients: Vec<ReminderRecipient>,
}

#[derive(sqlx::FromRow)]
struct ReminderRow {
    round_id: i64,
    sent_at: i64,
    sent_by_name: String,
    school_year: String,
    location_code: String,
    location_name: String,
    brin: String,
    outcome: String,
    recipients_json: String,
}

impl TryFrom<ReminderRow> for StoredReminder {
    type Error = StorageError;

    fn try_from(row: ReminderRow) -> Result<Self, StorageError> {
        Ok(StoredReminder {
            outcome: OUTCOME.parse(&row.outcome)?,
            recipients: RECIPIENTS.json(&row.recipients_json)?,
            round_id: row.round_id,
            sent_at: row.sent_at,
            sent_by_name: row.sent_by_name,
            school_year: row.school_year,
            location_code: row.location_code,
            location_name: row.location_name,
            brin: row.brin,
        })
    }
}

#[derive(sqlx::FromRow)]
struct ReachRow {
    brin: String,
    name: String,
    email: String,
}

const REMINDER_COLUMNS: &str = "r.id AS round_id, r.sent_at, r.sent_by_name, r.school_year, e.location_code,
    l.name AS location_name, l.brin, e.outcome, e.recipients_json
    FROM swv_reminders e JOIN swv_reminder_rounds r ON r.id = e.round_id JOIN locations l ON l.code = e.location_code";

fn swv_code(view: &OrgView) -> Result<&str, StorageError> {
    if view.org().kind == OrgKind::Swv { Ok(&view.org().code) } else { Err(StorageError::NotFound) }
}

impl Database {
    /// Per school of the SWV (by BRIN, in order), the people with one of
    /// `roles` there, each once: whom a reminder to its locations reaches.
    pub async fn swv_reminder_reach(
        &self,
        view: &OrgView,
        roles: &[Role],
    ) -> Result<Vec<(String, ReminderRecipient)>, StorageError> {
        let code = swv_code(view)?;
        if roles.is_empty() {
            return Ok(Vec::new());
        }
        let placeholders: Vec<String> = (0..roles.len()).map(|i| format!("${}", i + 2)).collect();
        let sql = format!(
            "SELECT DISTINCT m.org_code AS brin, u.name, u.email FROM memberships m JOIN users u ON u.id = m.user_id
             WHERE m.org_kind = 'school' AND m.role IN ({})
               AND m.org_code IN (SELECT l.brin FROM locations l WHERE l.swv_po = $1 OR l.swv_vo = $1)
             ORDER BY m.org_code, u.email",
            placeholders.join(", ")
        );
        let mut query = sqlx::query_as::<_, ReachRow>(&sql).bind(code);
        for role in roles {
            query = query.bind(role.as_str());
        }
        Ok(query
            .fetch_all(&self.read)
            .await?
            .into_iter()
            .map(|row| (row.brin, ReminderRecipient { name: row.name, email: row.email }))
            .collect())
    }

    /// Writes a round with what came of it per location and queues `mails`,
    /// in one transaction. Every location must be the SWV's (`NotFound`
    /// otherwise, and nothing is written). Returns the round's id and the
    /// outbox ids of the mails, in order.
    pub async fn record_swv_reminders(
        &self,
        view: &OrgView,
        round: NewRound<'_>,
        entries: &[RoundEntry<'_>],
        mails: &[QueuedMail],
    ) -> Result<(i64, Vec<i64>), StorageError> {
        let code = swv_code(view)?;
        let at = now();
        let mut tx = self.write.begin().await?;
        let round_id: i64 = sqlx::query_scalar(
            "INSERT INTO swv_reminder_rounds (swv_code, school_year, sent_by, sent_by_name, sent_at)
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(code)
        .bind(round.school_year)
        .bind(round.sent_by)
        .bind(round.sent_by_name)
        .bind(at)
        .fetch_one(&mut *tx)
        .await?;
        for entry in entries {
            let written = sqlx::query(
                "INSERT INTO swv_reminders (round_id, location_code, outcome, recipients_json)
                 SELECT $1, l.code, $3, $4 FROM locations l WHERE l.code = $2 AND (l.swv_po = $5 OR l.swv_vo = $5)",
            )
            .bind(round_id)
            .bind(entry.location_code)
            .bind(entry.outcome.as_str())
            .bind(serde_json::to_string(entry.recipients).expect("recipients serialise"))
            .bind(code)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if written != 1 {
                return Err(StorageError::NotFound);
            }
        }
        let mut ids = Vec::with_capacity(mails.len());
        for mail in mails {
            ids.push(crate::outbox::queue_in(&mut tx, &mail.to, &mail.subject, &mail.body, at).await?);
        }
        tx.commit().await?;
        Ok((round_id, ids))
    }

    /// One round of the SWV with what came of it per location (by location
    /// name); `None` for a round of another SWV or none at all.
    pub async fn swv_reminder_round(
        &self,
        view: &OrgView,
        id: i64,
    ) -> Result<Option<Vec<StoredReminder>>, StorageError> {
        let code = swv_code(view)?;
        let rows = sqlx::query_as::<_, ReminderRow>(&format!(
            "SELECT {REMINDER_COLUMNS} WHERE r.id = $1 AND r.swv_code = $2 ORDER BY l.name, e.location_code"
        ))
        .bind(id)
        .bind(code)
        .fetch_all(&self.read)
        .await?;
        if rows.is_empty() {
            // A round always has an entry; without one it is not this SWV's.
            return Ok(None);
        }
        convert(rows).map(Some)
    }

    /// The reminders of the SWV for a school year that reached someone,
    /// newest first, at most `limit`.
    pub async fn swv_reminders_sent(
        &self,
        view: &OrgView,
        school_year: &str,
        limit: i64,
    ) -> Result<Vec<StoredReminder>, StorageError> {
        let code = swv_code(view)?;
        let rows = sqlx::query_as::<_, ReminderRow>(&format!(
            "SELECT {REMINDER_COLUMNS} WHERE r.swv_code = $1 AND r.school_year = $2 AND e.outcome = 'sent'
             ORDER BY r.sent_at DESC, r.id DESC, l.name LIMIT $3"
        ))
        .bind(code)
        .bind(school_year)
        .bind(limit)
        .fetch_all(&self.read)
        .await?;
        convert(rows)
    }
}
