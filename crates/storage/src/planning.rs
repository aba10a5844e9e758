//! The wish list, co-readers and time line of a profile, and the reminders
//! job's claims: a reminder is queued in the outbox in the same transaction
//! that claims it, so it goes out once across restarts and across servers
//! sharing one database.

use passend_domain::access::{ProfileCoordination, ProfileView, Role};
use passend_domain::lifecycle::{MilestoneKind, ProfileState};
use serde::Serialize;

use crate::lifecycle::people_with_role;
use crate::profiles::{PROFILE_STATE, ensure_school};
use crate::rows::{Column, Flag, convert};
use crate::{Database, StorageError, now};

const MILESTONE_KIND: Column = Column::new("milestones", "kind");

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Wish {
    pub id: i64,
    pub body: String,
    pub owner: String,
    pub done: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct CoReader {
    pub id: i64,
    /// `mr`, `swv` or `other`.
    pub kind: String,
    pub name: String,
    pub email: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Milestone {
    pub id: i64,
    pub kind: MilestoneKind,
    pub due_on: String,
}

/// A milestone of a profile that is not reached yet, for the reminders job.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenMilestone {
    pub id: i64,
    pub profile_id: i64,
    pub brin: String,
    pub board: Option<String>,
    pub location_name: String,
    pub school_year: String,
    pub kind: MilestoneKind,
    pub due_on: String,
}

/// A mail to queue with a claimed reminder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueuedMail {
    pub to: String,
    pub subject: String,
    pub body: String,
}

#[derive(sqlx::FromRow)]
struct WishRow {
    id: i64,
    body: String,
    owner: String,
    done: Flag,
}

impl From<WishRow> for Wish {
    fn from(row: WishRow) -> Self {
        Wish { id: row.id, body: row.body, owner: row.owner, done: row.done.into() }
    }
}

#[derive(sqlx::FromRow)]
struct MilestoneRow {
    id: i64,
    kind: String,
    due_on: String,
}

impl TryFrom<MilestoneRow> for Milestone {
    type Error = StorageError;

    fn try_from(row: MilestoneRow) -> Result<Self, StorageError> {
        Ok(Milestone { id: row.id, kind: MILESTONE_KIND.parse(&row.kind)?, due_on: row.due_on })
    }
}

#[derive(sqlx::FromRow)]
struct OpenMilestoneRow {
    id: i64,
    profile_id: i64,
    brin: String,
    board_code: Option<String>,
    location_name: String,
    school_year: String,
    kind: String,
    due_on: String,
    state: String,
}

impl Database {
    pub async fn add_wish(
        &self,
        coordination: &ProfileCoordination,
        profile_id: i64,
        body: &str,
        owner: &str,
    ) -> Result<(), StorageError> {
        let mut tx = self.write.begin().await?;
        ensure_school(&mut tx, profile_id, coordination.brin()).await?;
        sqlx::query("INSERT INTO wishes (profile_id, body, owner, created_at) VALUES ($1, $2, $3, $4)")
            .bind(profile_id)
            .bind(body)
            .bind(owner)
            .bind(now())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Marks a wish done or not, or removes it.
    pub async fn change_wish(
        &self,
        coordination: &ProfileCoordination,
        profile_id: i64,
        wish_id: i64,
        done: Option<bool>,
    ) -> Result<(), StorageError> {
        let mut tx = self.write.begin().await?;
        ensure_school(&mut tx, profile_id, coordination.brin()).await?;
        let changed = match done {
            Some(done) => {
                sqlx::query("UPDATE wishes SET done = $1 WHERE id = $2 AND profile_id = $3")
                    .bind(i64::from(done))
                    .bind(wish_id)
                    .bind(profile_id)
                    .execute(&mut *tx)
                    .await?
            }
            None => {
                sqlx::query("DELETE FROM wishes WHERE id = $1 AND profile_id = $2")
                    .bind(wish_id)
                    .bind(profile_id)
                    .execute(&mut *tx)
                    .await?
            }
        };
        if changed.rows_affected() == 0 {
            return Err(StorageError::NotFound);
        }
        tx.commit().await?;
        Ok(())
    }

    pub async fn wishes(&self, profile: &ProfileView) -> Result<Vec<Wish>, StorageError> {
        let rows = sqlx::query_as::<_, WishRow>(
            "SELECT w.id, w.body, w.owner, w.done FROM wishes w WHERE w.profile_id = $1 ORDER BY w.id",
        )
        .bind(profile.id())
        .fetch_all(&self.read)
        .await?;
        Ok(rows.into_iter().map(Wish::from).collect())
    }

    pub async fn add_co_reader(
        &self,
        coordination: &ProfileCoordination,
        profile_id: i64,
        kind: &str,
        name: &str,
        email: Option<&str>,
    ) -> Result<(), StorageError> {
        let mut tx = self.write.begin().await?;
        ensure_school(&mut tx, profile_id, coordination.brin()).await?;
        sqlx::query("INSERT INTO co_readers (profile_id, kind, name, email, created_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(profile_id)
            .bind(kind)
            .bind(name)
            .bind(email)
            .bind(now())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn remove_co_reader(
        &self,
        coordination: &ProfileCoordination,
        profile_id: i64,
        id: i64,
    ) -> Result<(), StorageError> {
        let mut tx = self.write.begin().await?;
        ensure_school(&mut tx, profile_id, coordination.brin()).await?;
        let done = sqlx::query("DELETE FROM co_readers WHERE id = $1 AND profile_id = $2")
            .bind(id)
            .bind(profile_id)
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StorageError::NotFound);
        }
        tx.commit().await?;
        Ok(())
    }

    pub async fn co_readers(&self, profile: &ProfileView) -> Result<Vec<CoReader>, StorageError> {
        Ok(sqlx::query_as(
            "SELECT c.id, c.kind, c.name, c.email FROM co_readers c WHERE c.profile_id = $1 ORDER BY c.id",
        )
        .bind(profile.id())
        .fetch_all(&self.read)
        .await?)
    }

    /// Sets (or with `None` clears) the date of a milestone.
    pub async fn set_milestone(
        &self,
        coordination: &ProfileCoordination,
        profile_id: i64,
        kind: MilestoneKind,
        due_on: Option<&str>,
    ) -> Result<(), StorageError> {
        let mut tx = self.write.begin().await?;
        ensure_school(&mut tx, profile_id, coordination.brin()).await?;
        match due_on {
            Some(due_on) => {
                sqlx::query(
                    "INSERT INTO milestones (profile_id, kind, due_on) VALUES ($1, $2, $3)
                     ON CONFLICT (profile_id, kind) DO UPDATE SET due_on = excluded.due_on",
                )
                .bind(profile_id)
                .bind(kind.as_str())
                .bind(due_on)
                .execute(&mut *tx)
                .await?;
            }
            None => {
                sqlx::query("DELETE FROM milestones WHERE profile_id = $1 AND kind = $2")
                    .bind(profile_id)
                    .bind(kind.as_str())
                    .execute(&mut *tx)
                    .await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }

    pub async fn milestones(&self, profile: &ProfileView) -> Result<Vec<Milestone>, StorageError> {
        let rows = sqlx::query_as::<_, MilestoneRow>(
            "SELECT m.id, m.kind, m.due_on FROM milestones m WHERE m.profile_id = $1 ORDER BY m.due_on, m.id",
        )
        .bind(profile.id())
        .fetch_all(&self.read)
        .await?;
        convert(rows)
    }

    /// Milestones due between `from` and `to` (YYYY-MM-DD, inclusive) whose
    /// profile has not reached them. For the reminders job, which acts for no one.
    pub async fn open_milestones(&self, from: &str, to: &str) -> Result<Vec<OpenMilestone>, StorageError> {
        let rows = sqlx::query_as::<_, OpenMilestoneRow>(
            "SELECT m.id, m.profile_id, p.brin, sc.board_code, l.name AS location_name, p.school_year, m.kind, m.due_on,
                    p.state
             FROM milestones m JOIN profiles p ON p.id = m.profile_id
             JOIN schools sc ON sc.brin = p.brin JOIN locations l ON l.code = p.location_code
             WHERE m.due_on >= $1 AND m.due_on <= $2 ORDER BY m.due_on, m.id",
        )
        .bind(from)
        .bind(to)
        .fetch_all(&self.read)
        .await?;
        let mut out = Vec::new();
        for row in rows {
            let kind: MilestoneKind = MILESTONE_KIND.parse(&row.kind)?;
            let state: ProfileState = PROFILE_STATE.parse(&row.state)?;
            if kind.reached(state) {
                continue;
            }
            out.push(OpenMilestone {
                id: row.id,
                profile_id: row.profile_id,
                brin: row.brin,
                board: row.board_code,
                location_name: row.location_name,
                school_year: row.school_year,
                kind,
                due_on: row.due_on,
            });
        }
        Ok(out)
    }

    /// The people of a school (and its board) with one of `roles`, for the reminders job.
    pub async fn reminder_recipients(
        &self,
        brin: &str,
        board: Option<&str>,
        roles: &[Role],
    ) -> Result<Vec<(String, String)>, StorageError> {
        let mut found: Vec<(String, String)> = Vec::new();
        for role in roles {
            let (kind, code) = match (role, board) {
                (Role::BoardMember, Some(board)) => ("board", board),
                _ => ("school", brin),
            };
            for person in people_with_role(&self.read, kind, code, *role).await? {
                if !found.iter().any(|(email, _)| *email == person.email) {
                    found.push((person.email, person.name));
                }
            }
        }
        Ok(found)
    }

    /// Claims the reminders `days` (the first is the one to send) for a
    /// milestone's date and queues `mails` with the first, all in one
    /// transaction. Returns the outbox ids, or nothing when another run
    /// (here or on another server) claimed it first.
    pub async fn claim_reminder(
        &self,
        milestone_id: i64,
        due_on: &str,
        days: &[i64],
        mails: &[QueuedMail],
    ) -> Result<Vec<i64>, StorageError> {
        let Some((first, passed)) = days.split_first() else { return Ok(Vec::new()) };
        let mut tx = self.write.begin().await?;
        let at = now();
        let claimed = sqlx::query(
            "INSERT INTO reminders_sent (milestone_id, due_on, days_before, sent_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (milestone_id, due_on, days_before) DO NOTHING",
        )
        .bind(milestone_id)
        .bind(due_on)
        .bind(*first)
        .bind(at)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if claimed != 1 {
            return Ok(Vec::new());
        }
        for days_before in passed {
            sqlx::query(
                "INSERT INTO reminders_sent (milestone_id, due_on, days_before, sent_at) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (milestone_id, due_on, days_before) DO NOTHING",
            )
            .bind(milestone_id)
            .bind(due_on)
            .bind(*days_before)
            .bind(at)
            .execute(&mut *tx)
            .await?;
        }
        let mut ids = Vec::new();
        for mail in mails {
            ids.push(crate::outbox::queue_in(&mut tx, &mail.to, &mail.subject, &mail.body, at).await?);
        }
        tx.commit().await?;
        Ok(ids)
    }
}
