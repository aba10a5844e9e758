//! The jobs table: background work that any server of a deployment may do,
//! each job by one of them.
//!
//! A job is a row with a `kind` and a JSON `payload`. A worker claims the
//! oldest due job ([`Database::claim_job`]): on PostgreSQL the claim locks the
//! row with `FOR UPDATE SKIP LOCKED`, so workers of other servers pass over it
//! instead of waiting or taking it too; on SQLite the one write connection
//! makes the claim a single step. The claim holds until `claimed_until`; a
//! job whose worker died is claimed again after that. The worker then marks
//! the job done ([`Database::finish_job`]) or hands it back with its error
//! and a later `run_after` ([`Database::retry_job`]), and gives up after the
//! last attempt ([`Database::give_up_job`]).
//!
//! Work that must happen together with a write is queued in the same
//! transaction ([`enqueue_in`]): a mail is queued with what it tells of, so it
//! is never sent for a change that was rolled back, nor lost for one that was
//! kept.

use passend_domain::access::PlatformAdmin;
use serde::Serialize;
use sqlx::AnyConnection;

use crate::{Database, StorageError, now};

/// Sends one mail of the outbox over SMTP; payload `{"outbox_id": 1}`.
pub const MAIL: &str = "mail";

/// Hands a newsletter's open deliveries to the outbox, a batch a run, until
/// none is left; payload `{}`. Queued with the sending, so an issue
/// reported as sending always has its job, also across a restart.
pub const NEWSLETTER: &str = "newsletter";

/// A job a worker holds.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ClaimedJob {
    pub id: i64,
    pub kind: String,
    pub payload: String,
    /// This attempt's number, from 1.
    pub attempts: i64,
}

/// A job as platform admins see it.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct StoredJob {
    pub id: i64,
    pub kind: String,
    pub payload: String,
    pub run_after: i64,
    pub attempts: i64,
    pub last_error: Option<String>,
    pub claimed_by: Option<String>,
    pub claimed_until: Option<i64>,
    pub done_at: Option<i64>,
    pub outcome: Option<String>,
    pub created_at: i64,
}

impl StoredJob {
    /// `waiting` (also for a retry), `running`, `done` or `failed`, at `at`.
    pub fn state(&self, at: i64) -> &'static str {
        match (self.outcome.as_deref(), self.claimed_until) {
            (Some("failed"), _) => "failed",
            (Some(_), _) => "done",
            (None, Some(until)) if until >= at => "running",
            (None, _) => "waiting",
        }
    }
}

/// How many jobs are in each state.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct JobCounts {
    pub waiting: i64,
    pub running: i64,
    pub done: i64,
    pub failed: i64,
}

/// Which jobs a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobFilter {
    All,
    /// Not done yet: waiting, running or waiting for a retry.
    Open,
    Failed,
}

/// Queues a job on `conn` (a transaction's connection, so that it is queued
/// with the write it belongs to). With a `dedupe_key` that an open job holds
/// already nothing is queued and `None` returned.
pub async fn enqueue_in(
    conn: &mut AnyConnection,
    kind: &str,
    payload: &str,
    run_after: i64,
    dedupe_key: Option<&str>,
) -> Result<Option<i64>, StorageError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO jobs (kind, payload, dedupe_key, run_after, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (dedupe_key) DO NOTHING RETURNING id",
    )
    .bind(kind)
    .bind(payload)
    .bind(dedupe_key)
    .bind(run_after)
    .bind(now())
    .fetch_optional(&mut *conn)
    .await?)
}

const JOB_COLUMNS: &str =
    "id, kind, payload, run_after, attempts, last_error, claimed_by, claimed_until, done_at, outcome, created_at";

impl Database {
    /// Queues a job on its own; see [`enqueue_in`].
    pub async fn enqueue_job(
        &self,
        kind: &str,
        payload: &str,
        run_after: i64,
        dedupe_key: Option<&str>,
    ) -> Result<Option<i64>, StorageError> {
        let mut conn = self.write.acquire().await?;
        enqueue_in(&mut conn, kind, payload, run_after, dedupe_key).await
    }

    /// Claims the oldest due job for `worker` for `lease_secs` seconds; `None`
    /// when nothing is due.
    pub async fn claim_job(&self, worker: &str, lease_secs: i64) -> Result<Option<ClaimedJob>, StorageError> {
        let at = now();
        let lock = match self.backend() {
            crate::Backend::Postgres => "FOR UPDATE SKIP LOCKED",
            crate::Backend::Sqlite => "",
        };
        Ok(sqlx::query_as(&format!(
            "UPDATE jobs SET claimed_by = $1, claimed_until = $2, attempts = attempts + 1
             WHERE id = (SELECT id FROM jobs
                         WHERE done_at IS NULL AND run_after <= $3
                           AND (claimed_until IS NULL OR claimed_until < $3)
                         ORDER BY run_after, id LIMIT 1 {lock})
             RETURNING id, kind, payload, attempts"
        ))
        .bind(worker)
        .bind(at + lease_secs)
        .bind(at)
        .fetch_optional(&self.write)
        .await?)
    }

    /// Marks the job done; `false` when `worker` no longer held it (its claim
    /// ran out and another worker took it).
    pub async fn finish_job(&self, id: i64, worker: &str) -> Result<bool, StorageError> {
        self.close_job(id, worker, "done", None).await
    }

    /// Gives the job up after its last attempt, keeping the error.
    pub async fn give_up_job(&self, id: i64, worker: &str, error: &str) -> Result<bool, StorageError> {
        self.close_job(id, worker, "failed", Some(error)).await
    }

    async fn close_job(&self, id: i64, worker: &str, outcome: &str, error: Option<&str>) -> Result<bool, StorageError> {
        // A finished job frees its dedupe key, so the next round can be
        // queued; it keeps the worker that did it, for the admins' page.
        let changed = sqlx::query(
            "UPDATE jobs SET done_at = $1, outcome = $2, last_error = $3, claimed_until = NULL, dedupe_key = NULL
             WHERE id = $4 AND claimed_by = $5 AND done_at IS NULL",
        )
        .bind(now())
        .bind(outcome)
        .bind(error)
        .bind(id)
        .bind(worker)
        .execute(&self.write)
        .await?
        .rows_affected();
        Ok(changed == 1)
    }

    /// Hands the job back with its error, to be tried again from `run_after`.
    pub async fn retry_job(&self, id: i64, worker: &str, error: &str, run_after: i64) -> Result<bool, StorageError> {
        let changed = sqlx::query(
            "UPDATE jobs SET last_error = $1, run_after = $2, claimed_by = NULL, claimed_until = NULL
             WHERE id = $3 AND claimed_by = $4 AND done_at IS NULL",
        )
        .bind(error)
        .bind(run_after)
        .bind(id)
        .bind(worker)
        .execute(&self.write)
        .await?
        .rows_affected();
        Ok(changed == 1)
    }

    /// Lets every job `worker` holds be claimed again at once (a worker that
    /// stops without finishing them).
    pub async fn release_jobs(&self, worker: &str) -> Result<u64, StorageError> {
        Ok(sqlx::query(
            "UPDATE jobs SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = $1 AND done_at IS NULL",
        )
        .bind(worker)
        .execute(&self.write)
        .await?
        .rows_affected())
    }

    /// Deletes jobs that finished before `before` (seconds since the epoch); how many.
    pub async fn forget_finished_jobs(&self, before: i64) -> Result<u64, StorageError> {
        Ok(sqlx::query("DELETE FROM jobs WHERE done_at IS NOT NULL AND done_at < $1")
            .bind(before)
            .execute(&self.write)
            .await?
            .rows_affected())
    }

    /// The newest jobs, for platform admins.
    pub async fn jobs(
        &self,
        _admin: &PlatformAdmin,
        filter: JobFilter,
        limit: i64,
    ) -> Result<Vec<StoredJob>, StorageError> {
        let filter = match filter {
            JobFilter::All => "",
            JobFilter::Open => "WHERE done_at IS NULL",
            JobFilter::Failed => "WHERE outcome = 'failed'",
        };
        Ok(sqlx::query_as(&format!("SELECT {JOB_COLUMNS} FROM jobs {filter} ORDER BY id DESC LIMIT $1"))
            .bind(limit)
            .fetch_all(&self.read)
            .await?)
    }

    pub async fn job(&self, _admin: &PlatformAdmin, id: i64) -> Result<Option<StoredJob>, StorageError> {
        Ok(sqlx::query_as(&format!("SELECT {JOB_COLUMNS} FROM jobs WHERE id = $1"))
            .bind(id)
            .fetch_optional(&self.read)
            .await?)
    }

    pub async fn job_counts(&self, _admin: &PlatformAdmin) -> Result<JobCounts, StorageError> {
        let at = now();
        let (waiting, running, done, failed): (i64, i64, i64, i64) = sqlx::query_as(
            "SELECT
               COALESCE(SUM(CASE WHEN done_at IS NULL AND (claimed_until IS NULL OR claimed_until < $1)
                            THEN 1 ELSE 0 END), 0),
               COALESCE(SUM(CASE WHEN done_at IS NULL AND claimed_until >= $1 THEN 1 ELSE 0 END), 0),
               COALESCE(SUM(CASE WHEN outcome = 'done' THEN 1 ELSE 0 END), 0),
               COALESCE(SUM(CASE WHEN outcome = 'failed' THEN 1 ELSE 0 END), 0)
             FROM jobs",
        )
        .bind(at)
        .fetch_one(&self.read)
        .await?;
        Ok(JobCounts { waiting, running, done, failed })
    }

    /// Puts a failed job back in the queue, due now, with a fresh count of attempts.
    pub async fn retry_failed_job(&self, _admin: &PlatformAdmin, id: i64) -> Result<bool, StorageError> {
        let changed = sqlx::query(
            "UPDATE jobs SET done_at = NULL, outcome = NULL, attempts = 0, run_after = $1
             WHERE id = $2 AND outcome = 'failed'",
        )
        .bind(now())
        .bind(id)
        .execute(&self.write)
        .await?
        .rows_affected();
        Ok(changed == 1)
    }

    /// The generation of the public pages: counted up by every write that
    /// changes one, on whichever server it happens.
    pub async fn public_generation(&self) -> Result<i64, StorageError> {
        Ok(sqlx::query_scalar("SELECT generation FROM cache_generations WHERE name = 'public'")
            .fetch_one(&self.read)
            .await?)
    }

    /// Counts the public pages' generation up; the new one.
    pub async fn public_changed(&self) -> Result<i64, StorageError> {
        Ok(sqlx::query_scalar(
            "UPDATE cache_generations SET generation = generation + 1 WHERE name = 'public' RETURNING generation",
        )
        .fetch_one(&self.write)
        .await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::fresh_database_url;

    async fn database() -> Database {
        let db = Database::connect(&fresh_database_url().await).await.unwrap();
        crate::migrations::run(&db).await.unwrap();
        db
    }

    #[tokio::test]
    async fn a_job_is_claimed_once_retried_and_finished() {
        let db = database().await;
        let id = db.enqueue_job(MAIL, "{}", now(), None).await.unwrap().unwrap();
        let first = db.claim_job("a", 60).await.unwrap().unwrap();
        assert_eq!((first.id, first.attempts), (id, 1));
        assert!(db.claim_job("b", 60).await.unwrap().is_none(), "a claimed job is nobody else's");
        assert!(db.retry_job(id, "a", "SMTP weg", now() - 1).await.unwrap());
        let second = db.claim_job("b", 60).await.unwrap().unwrap();
        assert_eq!((second.id, second.attempts), (id, 2));
        assert!(!db.finish_job(id, "a").await.unwrap(), "a worker that lost the job cannot finish it");
        assert!(db.finish_job(id, "b").await.unwrap());
        assert!(db.claim_job("a", 60).await.unwrap().is_none(), "a done job is not claimed again");
    }

    #[tokio::test]
    async fn a_job_of_a_dead_worker_is_claimed_again_after_its_lease() {
        let db = database().await;
        db.enqueue_job(MAIL, "{}", now(), None).await.unwrap();
        db.claim_job("dead", -1).await.unwrap().unwrap();
        let again = db.claim_job("alive", 60).await.unwrap().unwrap();
        assert_eq!(again.attempts, 2);
    }

    #[tokio::test]
    async fn a_dedupe_key_keeps_one_open_job() {
        let db = database().await;
        let first = db.enqueue_job("reminders", "{}", now(), Some("reminders")).await.unwrap();
        assert!(first.is_some());
        assert!(db.enqueue_job("reminders", "{}", now(), Some("reminders")).await.unwrap().is_none());
        let job = db.claim_job("a", 60).await.unwrap().unwrap();
        db.finish_job(job.id, "a").await.unwrap();
        assert!(db.enqueue_job("reminders", "{}", now(), Some("reminders")).await.unwrap().is_some());
    }

    #[tokio::test]
    async fn the_public_generation_counts_up() {
        let db = database().await;
        let before = db.public_generation().await.unwrap();
        assert_eq!(db.public_changed().await.unwrap(), before + 1);
        assert_eq!(db.public_generation().await.unwrap(), before + 1);
    }
}
