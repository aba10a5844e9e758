//! The jobs worker of one server: claims due jobs from the jobs table
//! (`passend_app::jobs`), runs them and records what came of them. Every
//! server of a deployment runs one; the table's claim makes each job run on
//! one of them. On shutdown the worker finishes the job it is running, then
//! stops; a job it could not finish in time is released for another server.

use std::time::Duration;

use passend_app::jobs::{ClaimedJob, JobResult, PRERENDER};
use passend_web::AppState;
use tokio::sync::watch;
use tokio::task::JoinHandle;

/// Workers per server: a slow job (a mail relay that does not answer) does not hold up the others.
const WORKERS: usize = 2;
/// How long an idle worker waits before it looks again (work queued by another server).
const IDLE_WAIT: Duration = Duration::from_millis(500);
/// How often a worker makes sure the recurring reminders job is queued.
const RESCHEDULE_EVERY: Duration = Duration::from_secs(60);

pub struct JobWorkers {
    names: Vec<String>,
    stop: watch::Sender<bool>,
    tasks: Vec<JoinHandle<()>>,
    state: AppState,
}

/// A name for this server's workers in the jobs table: host, process and a random part.
fn server_name() -> String {
    let host = std::fs::read_to_string("/etc/hostname").map(|h| h.trim().to_owned()).unwrap_or_default();
    let host = if host.is_empty() { "passend".to_owned() } else { host };
    // Process ids repeat across containers; the start time tells two apart.
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
    format!("{host}-{}-{:08x}", std::process::id(), nanos)
}

/// Starts this server's workers. With `reminder_every` the reminders job is
/// queued (once for all servers) and kept queued.
pub fn spawn(state: AppState, reminder_every: Option<Duration>) -> JobWorkers {
    let (stop, stopped) = watch::channel(false);
    let server = server_name();
    let names: Vec<String> = (0..WORKERS).map(|i| format!("{server}/{i}")).collect();
    let tasks = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let reminders = if i == 0 { reminder_every } else { None };
            tokio::spawn(work(state.clone(), name.clone(), stopped.clone(), reminders))
        })
        .collect();
    JobWorkers { names, stop, tasks, state }
}

async fn work(state: AppState, name: String, mut stopped: watch::Receiver<bool>, reminders: Option<Duration>) {
    let mut last_schedule: Option<tokio::time::Instant> = None;
    let mut last_resume: Option<tokio::time::Instant> = None;
    while !*stopped.borrow() {
        if let Some(every) = reminders
            && last_schedule.is_none_or(|at| at.elapsed() >= RESCHEDULE_EVERY)
        {
            let secs = i64::try_from(every.as_secs()).unwrap_or(i64::MAX);
            if let Err(error) = state.app.schedule_reminders(secs, passend_app::now()).await {
                tracing::warn!(%error, "the reminders job could not be queued");
            }
            last_schedule = Some(tokio::time::Instant::now());
        }
        if last_resume.is_none_or(|at| at.elapsed() >= RESCHEDULE_EVERY) {
            // A newsletter still open without its job (given up, or sent before an upgrade) goes on.
            if let Err(error) = state.app.resume_newsletter().await {
                tracing::warn!(%error, "the newsletter job could not be queued");
            }
            last_resume = Some(tokio::time::Instant::now());
        }
        match state.app.claim_job(&name).await {
            Ok(Some(job)) => {
                let result = run(&state, &job).await;
                if let Err(error) = state.app.settle_job(&name, &job, result).await {
                    tracing::error!(%error, job = job.id, "recording a job's outcome failed");
                }
            }
            Ok(None) => {
                tokio::select! {
                    () = state.app.wait_for_work(IDLE_WAIT) => {}
                    _ = stopped.changed() => {}
                }
            }
            Err(error) => {
                tracing::warn!(%error, "claiming a job failed");
                tokio::select! {
                    () = tokio::time::sleep(Duration::from_secs(1)) => {}
                    _ = stopped.changed() => {}
                }
            }
        }
    }
}

async fn run(state: &AppState, job: &ClaimedJob) -> JobResult {
    let started = std::time::Instant::now();
    let result = match job.kind.as_str() {
        PRERENDER => match passend_web::run_prerender_job(state, &job.payload).await {
            Ok(()) => JobResult::Done,
            Err(error) => JobResult::Retry(error),
        },
        _ => state.app.run_job(job).await,
    };
    tracing::debug!(job = job.id, kind = job.kind, ms = started.elapsed().as_millis() as u64, ?result, "job ran");
    result
}

impl JobWorkers {
    /// Lets the running jobs finish (at most `grace`), then stops; what is
    /// still held after that is released for another server.
    pub async fn stop(self, grace: Duration) {
        let _ = self.stop.send(true);
        let all = futures_join(self.tasks);
        if tokio::time::timeout(grace, all).await.is_err() {
            tracing::warn!("a job was still running at shutdown; it is released for another server");
        }
        for name in &self.names {
            match self.state.app.release_jobs(name).await {
                Ok(0) => {}
                Ok(count) => tracing::info!(count, worker = name, "jobs released"),
                Err(error) => tracing::warn!(%error, "releasing jobs failed; they are taken again after their claim"),
            }
        }
    }
}

async fn futures_join(tasks: Vec<JoinHandle<()>>) {
    for task in tasks {
        let _ = task.await;
    }
}
