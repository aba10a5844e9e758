//! Starting and stopping the web server.

use std::net::SocketAddr;
use std::time::Duration;

use passend_app::{App, AppConfig, MailConfig};
use passend_storage::Database;
use passend_web::{AppState, WebConfig};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::config::Config;

/// Opens the database named by the configuration and brings its schema up to date.
pub async fn open_database(url: &str) -> anyhow::Result<Database> {
    let db = Database::connect(url).await.map_err(|e| anyhow::anyhow!("cannot open the database: {e}"))?;
    let applied = passend_storage::migrations::run(&db).await?;
    if !applied.is_empty() {
        tracing::info!(count = applied.len(), "database migrated");
    }
    Ok(db)
}

/// The use cases over the configured database, for CLI commands.
pub async fn open_app(config: &Config) -> anyhow::Result<App> {
    let db = open_database(&config.database_url).await?;
    let files = config.files.settings(&config.database_url);
    Ok(App::new(db, &app_config(config, config.public_url.clone().unwrap_or_default()))?.with_files(&files))
}

fn app_config(config: &Config, public_url: String) -> AppConfig {
    let oidc = config
        .oidc
        .iter()
        .map(|(name, p)| passend_app::accounts::oidc::OidcProviderConfig {
            name: name.clone(),
            label: p.label.clone(),
            issuer: p.issuer.clone(),
            client_id: p.client_id.clone(),
            client_secret: p.client_secret.clone(),
        })
        .collect();
    AppConfig {
        public_url,
        mail: MailConfig { smtp_url: config.smtp_url.clone(), from: config.smtp_from.clone() },
        oidc,
    }
}

/// How long a shutdown waits for requests in flight and running jobs.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(30);

pub struct RunningServer {
    pub addr: SocketAddr,
    /// The public URL the server uses in mailed links.
    pub url: String,
    /// Where `/metrics` is served without a token, when `metrics_bind` is set.
    pub metrics_addr: Option<SocketAddr>,
    pub db: Database,
    shutdown: Option<oneshot::Sender<()>>,
    task: JoinHandle<std::io::Result<()>>,
    workers: Option<crate::jobs::JobWorkers>,
}

/// Binds the address and serves in the background.
pub async fn start(config: &Config, db: Database) -> anyhow::Result<RunningServer> {
    let listener = tokio::net::TcpListener::bind(&config.bind)
        .await
        .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", config.bind))?;
    let addr = listener.local_addr()?;
    let url = config.public_url.clone().unwrap_or_else(|| format!("http://{addr}"));
    let web_config = WebConfig {
        public_url: url.clone(),
        session_hours: config.session_hours,
        trusted_proxies: passend_web::TrustedProxies::parse(&config.trusted_proxies)
            .map_err(|entry| anyhow::anyhow!("trusted_proxies: {entry:?} is not an IP address or network"))?,
        metrics_token: config.metrics_token.clone().filter(|t| !t.trim().is_empty()),
    };
    let files = config.files.settings(&config.database_url);
    // With an interval of 0 this server leaves the newsletter job to the others.
    let newsletter = (config.newsletter_interval_secs > 0).then(|| {
        passend_app::newsletter::SendingRate::new(config.newsletter_per_minute, config.newsletter_interval_secs)
    });
    let app =
        App::new(db.clone(), &app_config(config, url.clone()))?.with_files(&files).with_newsletter_rate(newsletter);
    tracing::info!(store = %app.files().store().describe(), "shared files are kept here");
    let state = AppState::new(app, web_config);
    if state.app.mailer().sends_over_smtp() {
        tracing::info!("mail is sent over SMTP");
    } else {
        tracing::warn!("no SMTP configured: mail is kept in the outbox; platform admins read it at /beheer/outbox");
    }
    spawn_housekeeping(state.app.clone());
    // The first search would otherwise read every practice example into the index.
    let warming = state.app.clone();
    tokio::spawn(async move {
        if let Err(error) = warming.refresh_search_index().await {
            tracing::warn!(%error, "loading the search index failed; the first search tries again");
        }
    });
    let reminders = (config.reminder_interval_secs > 0).then(|| Duration::from_secs(config.reminder_interval_secs));
    let workers = crate::jobs::spawn(state.clone(), reminders);
    let metrics_addr = match &config.metrics_bind {
        Some(bind) => Some(spawn_metrics_listener(bind, state.clone()).await?),
        None => None,
    };
    let app = passend_web::router(state).into_make_service_with_connect_info::<SocketAddr>();
    let (shutdown, signal) = oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(async move {
                let _ = signal.await;
            })
            .await
    });
    tracing::info!(%addr, %url, "Passend is listening");
    Ok(RunningServer { addr, url, metrics_addr, db, shutdown: Some(shutdown), task, workers: Some(workers) })
}

/// Serves `/metrics` alone on its own address, for the monitoring only.
async fn spawn_metrics_listener(bind: &str, state: AppState) -> anyhow::Result<SocketAddr> {
    let listener =
        tokio::net::TcpListener::bind(bind).await.map_err(|e| anyhow::anyhow!("cannot listen on {bind}: {e}"))?;
    let addr = listener.local_addr()?;
    let router = passend_web::metrics_only_router(state);
    tokio::spawn(async move {
        if let Err(error) = axum::serve(listener, router).await {
            tracing::warn!(%error, "the metrics listener stopped");
        }
    });
    tracing::info!(%addr, "metrics are served on their own address");
    Ok(addr)
}

/// Removes expired sessions, reset links, old login attempts, the surveys
/// of an ended school year, old finished jobs and orphaned stored files every hour.
fn spawn_housekeeping(app: App) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(3600));
        loop {
            tick.tick().await;
            let day_ago = passend_app::now() - 86_400;
            match app.purge_expired(day_ago, passend_app::lifecycle::today()).await {
                Ok(0) => {}
                Ok(surveys) => tracing::info!(surveys, "surveys of an ended school year deleted"),
                Err(error) => tracing::warn!(%error, "housekeeping failed"),
            }
            if let Err(error) = app.forget_finished_jobs().await {
                tracing::warn!(%error, "forgetting finished jobs failed");
            }
            if let Err(error) = app.remove_orphaned_files(day_ago).await {
                tracing::warn!(%error, "removing orphaned files failed");
            }
        }
    });
}

impl RunningServer {
    /// Stops accepting connections and claiming jobs, lets the requests in
    /// flight and the running jobs finish (30 s at most), closes the database.
    pub async fn stop(mut self) -> anyhow::Result<()> {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        let jobs = async {
            if let Some(workers) = self.workers.take() {
                workers.stop(SHUTDOWN_GRACE).await;
            }
        };
        let requests = tokio::time::timeout(SHUTDOWN_GRACE, &mut self.task);
        let (served, ()) = tokio::join!(requests, jobs);
        match served {
            Ok(result) => result??,
            Err(_) => tracing::warn!("requests still running after 30 s; stopping anyway"),
        }
        self.db.close().await;
        Ok(())
    }

    /// Serves until SIGTERM or Ctrl-C, then shuts down gracefully.
    pub async fn run_until(self, signal: ShutdownSignal) -> anyhow::Result<()> {
        signal.recv().await;
        tracing::info!("shutting down");
        self.stop().await
    }
}

/// SIGTERM and Ctrl-C, listened for from the moment this is made, so that a
/// signal sent right after the server says it is ready is not lost.
pub struct ShutdownSignal {
    #[cfg(unix)]
    terminate: Option<tokio::signal::unix::Signal>,
}

impl ShutdownSignal {
    pub fn install() -> ShutdownSignal {
        #[cfg(unix)]
        {
            let terminate = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).ok();
            ShutdownSignal { terminate }
        }
        #[cfg(not(unix))]
        ShutdownSignal {}
    }

    async fn recv(self) {
        let ctrl_c = async {
            let _ = tokio::signal::ctrl_c().await;
        };
        #[cfg(unix)]
        let terminate = async move {
            match self.terminate {
                Some(mut signal) => {
                    signal.recv().await;
                }
                None => std::future::pending::<()>().await,
            }
        };
        #[cfg(not(unix))]
        let terminate = std::future::pending::<()>();
        tokio::select! {
            () = ctrl_c => {},
            () = terminate => {},
        }
    }
}
