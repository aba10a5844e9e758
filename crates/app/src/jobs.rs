//! Background work through the jobs table (`passend_storage::jobs`): mail
//! sending, the time line's reminders and document pre-rendering run as jobs
//! that any server of a deployment claims, each job once, retried with
//! back-off, visible to platform admins.
//!
//! # Adding a kind of job
//!
//! 1. Name it with a constant (`pub const NEWSLETTER: &str = "newsletter";`).
//! 2. Queue it where the work arises: [`App::enqueue_job`] with a payload that
//!    serialises to JSON (ids, not copies of data: the job reads what is
//!    current when it runs), or, where it must be queued together with a
//!    write, `passend_storage::jobs::enqueue_in` on that write's transaction.
//! 3. Run it in [`App::run_job`]: a `match` arm that reads the payload and
//!    calls a use case, answering [`JobResult::Done`] or
//!    [`JobResult::Retry`] with the error. A job may run twice when a server
//!    dies after the work and before marking it done, so the work should be
//!    safe to repeat (the mail job checks the outbox's `sent_at` first).
//!
//! The worker loop (in the binary, `passend::jobs`) claims a job, runs it,
//! and settles it with [`App::settle_job`]; it finishes a running job before
//! the server exits on SIGTERM.

use std::time::Duration;

use passend_domain::access::{self, Actor};
pub use passend_storage::jobs::{ClaimedJob, JobCounts, JobFilter, MAIL, NEWSLETTER, StoredJob};
use serde::{Deserialize, Serialize};

use crate::mail::Delivery;
use crate::{App, Error, Result};

/// Sends the time line's reminders and the reminders of activity sessions
/// two days ahead, then queues its next run.
pub const REMINDERS: &str = "reminders";
/// Renders a published location's documents ahead of the first reader.
pub const PRERENDER: &str = "prerender";

/// Attempts before a job is given up (and shown as failed).
pub const MAX_ATTEMPTS: i64 = 8;
/// How long a claim holds: longer than any job runs (a mail waits at most 20 s).
pub const LEASE_SECS: i64 = 300;
/// Finished jobs stay visible this long (30 days).
pub const KEEP_FINISHED_SECS: i64 = 30 * 86_400;
/// How many jobs the admin page lists.
pub const JOBS_PAGE_SIZE: i64 = 200;

/// Seconds to wait before attempt `attempt + 1`: 30 s, doubling, at most an hour.
pub fn backoff_secs(attempt: i64) -> i64 {
    let doublings = (attempt - 1).clamp(0, 7) as u32;
    (30_i64 << doublings).min(3600)
}

/// What came of running a job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobResult {
    Done,
    /// Failed this time; tried again after the back-off, given up after [`MAX_ATTEMPTS`].
    Retry(String),
}

#[derive(Serialize, Deserialize)]
struct MailPayload {
    outbox_id: i64,
}

#[derive(Serialize, Deserialize)]
struct RemindersPayload {
    every_secs: i64,
}

/// The payload of a [`PRERENDER`] job.
#[derive(Debug, Serialize, Deserialize)]
pub struct PrerenderPayload {
    pub location_code: String,
}

/// The jobs page: counts per state and the newest jobs.
#[derive(Debug, Clone, Serialize)]
pub struct JobsOverview {
    pub counts: JobCounts,
    pub jobs: Vec<StoredJob>,
}

impl App {
    /// Wakes this process's worker (work was queued here; other servers find it within a second).
    pub fn wake_worker(&self) {
        self.wake.notify_one();
    }

    /// Waits until work is queued in this process or `at_most` has passed.
    pub async fn wait_for_work(&self, at_most: Duration) {
        let _ = tokio::time::timeout(at_most, self.wake.notified()).await;
    }

    /// Queues a job of `kind`, due at `run_after` (seconds since the epoch); its id.
    pub async fn enqueue_job(&self, kind: &str, payload: &impl Serialize, run_after: i64) -> Result<i64> {
        let payload = serde_json::to_string(payload).map_err(|e| Error::internal("job payload", e))?;
        let id = self.db.enqueue_job(kind, &payload, run_after, None).await?.ok_or(Error::Conflict(Vec::new()))?;
        self.wake_worker();
        Ok(id)
    }

    /// Makes sure the reminders job is queued (once for all servers), first due at `first_at`.
    pub async fn schedule_reminders(&self, every_secs: i64, first_at: i64) -> Result<()> {
        let payload = serde_json::to_string(&RemindersPayload { every_secs }).expect("payload serialises");
        self.db.enqueue_job(REMINDERS, &payload, first_at, Some(REMINDERS)).await?;
        Ok(())
    }

    /// Claims the oldest due job for `worker`.
    pub async fn claim_job(&self, worker: &str) -> Result<Option<ClaimedJob>> {
        Ok(self.db.claim_job(worker, LEASE_SECS).await?)
    }

    /// Runs a job of a kind the use cases know ([`MAIL`], [`REMINDERS`]);
    /// other kinds are the binary's (it runs [`PRERENDER`] with the web renderer).
    pub async fn run_job(&self, job: &ClaimedJob) -> JobResult {
        match job.kind.as_str() {
            MAIL => {
                let Ok(payload) = serde_json::from_str::<MailPayload>(&job.payload) else {
                    return JobResult::Retry(format!("unreadable payload {}", job.payload));
                };
                match self.mailer.deliver(payload.outbox_id).await {
                    Ok(Delivery::Sent | Delivery::KeptInOutbox | Delivery::NothingToDo) => JobResult::Done,
                    Ok(Delivery::Failed(error)) => JobResult::Retry(error),
                    Err(error) => JobResult::Retry(error.to_string()),
                }
            }
            REMINDERS => {
                // Both are claimed per reminder in the database, so a repeated run sends nothing twice.
                let sent = match self.send_due_reminders(crate::lifecycle::today()).await {
                    Ok(count) => count,
                    Err(error) => return JobResult::Retry(error.to_string()),
                };
                let activity = match self.send_activity_reminders(crate::now()).await {
                    Ok(count) => count,
                    Err(error) => return JobResult::Retry(error.to_string()),
                };
                if sent > 0 || activity > 0 {
                    tracing::info!(sent, activity, "reminders sent");
                }
                JobResult::Done
            }
            NEWSLETTER => match self.run_newsletter_job().await {
                Ok(_) => JobResult::Done,
                Err(error) => JobResult::Retry(error.to_string()),
            },
            other => JobResult::Retry(format!("no worker here knows jobs of kind {other:?}")),
        }
    }

    /// Records what came of `job`: done, back in the queue after the back-off,
    /// or given up after the last attempt. A recurring job queues its next run.
    pub async fn settle_job(&self, worker: &str, job: &ClaimedJob, result: JobResult) -> Result<()> {
        let closed = match &result {
            JobResult::Done => self.db.finish_job(job.id, worker).await?,
            JobResult::Retry(error) if job.attempts >= MAX_ATTEMPTS => {
                tracing::error!(job = job.id, kind = job.kind, %error, "job given up after its last attempt");
                self.db.give_up_job(job.id, worker, error).await?
            }
            JobResult::Retry(error) => {
                let at = crate::now() + backoff_secs(job.attempts);
                tracing::warn!(job = job.id, kind = job.kind, %error, attempt = job.attempts, "job failed; retried later");
                self.db.retry_job(job.id, worker, error, at).await?;
                false
            }
        };
        if closed
            && job.kind == REMINDERS
            && let Ok(payload) = serde_json::from_str::<RemindersPayload>(&job.payload)
        {
            self.schedule_reminders(payload.every_secs, crate::now() + payload.every_secs).await?;
        }
        // The newsletter job goes on at its rate while deliveries are open.
        if closed
            && job.kind == NEWSLETTER
            && let Some(at) = self.next_newsletter_run(crate::now()).await?
        {
            self.db.enqueue_job(NEWSLETTER, "{}", at, Some(NEWSLETTER)).await?;
        }
        Ok(())
    }

    /// Forgets jobs that finished more than [`KEEP_FINISHED_SECS`] ago (housekeeping).
    pub async fn forget_finished_jobs(&self) -> Result<u64> {
        Ok(self.db.forget_finished_jobs(crate::now() - KEEP_FINISHED_SECS).await?)
    }

    /// Lets the jobs `worker` still holds be claimed by others at once.
    pub async fn release_jobs(&self, worker: &str) -> Result<u64> {
        Ok(self.db.release_jobs(worker).await?)
    }

    /// The jobs page, for platform admins.
    pub async fn jobs(&self, actor: &Actor, filter: JobFilter) -> Result<JobsOverview> {
        let admin = access::platform_admin(actor)?;
        let counts = self.db.job_counts(&admin).await?;
        let jobs = self.db.jobs(&admin, filter, JOBS_PAGE_SIZE).await?;
        Ok(JobsOverview { counts, jobs })
    }

    pub async fn job(&self, actor: &Actor, id: i64) -> Result<StoredJob> {
        let admin = access::platform_admin(actor)?;
        self.db.job(&admin, id).await?.ok_or(Error::NotFound)
    }

    /// Puts a failed job back in the queue (a platform admin, after fixing its cause).
    pub async fn retry_failed_job(&self, actor: &Actor, id: i64) -> Result<StoredJob> {
        let admin = access::platform_admin(actor)?;
        if !self.db.retry_failed_job(&admin, id).await? {
            return match self.db.job(&admin, id).await? {
                None => Err(Error::NotFound),
                Some(_) => Err(Error::Conflict(vec![("job", passend_domain::Message::new("jobs-not-failed"))])),
            };
        }
        self.wake_worker();
        self.db.job(&admin, id).await?.ok_or(Error::NotFound)
    }

    /// The generation of the public pages (see `passend_storage::jobs`).
    pub async fn public_generation(&self) -> Result<i64> {
        Ok(self.db.public_generation().await?)
    }

    /// A write changed what public pages show: every server's cached ones go.
    pub async fn public_changed(&self) -> Result<()> {
        self.db.public_changed().await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_back_off_doubles_up_to_an_hour() {
        let waits: Vec<i64> = (1..=9).map(super::backoff_secs).collect();
        assert_eq!(waits, [30, 60, 120, 240, 480, 960, 1920, 3600, 3600]);
    }
}
