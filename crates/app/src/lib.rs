//! The use cases of Passend, one module per capability.
//!
//! Each use case takes the signed-in [`Actor`](passend_domain::access::Actor)
//! and typed input, decides access through [`passend_domain::access`], runs
//! its storage calls (in one transaction where it writes) and returns a typed
//! outcome or an [`Error`]. Pages, the JSON API, CLI commands and background
//! jobs call these; none of them reaches storage by itself, and nothing here
//! knows about HTTP.

mod error;
pub mod mail;

pub mod accounts;
pub mod activities;
pub mod admin;
pub mod conversations;
pub mod dashboard;
pub mod directory;
pub mod groups;
pub mod jobs;
pub mod knowledge;
pub mod lifecycle;
pub mod members;
pub mod newsletter;
pub mod ops;
pub mod plain_terms;
pub mod publishing;
pub mod questionnaire;
pub mod region;
pub mod scan;
pub mod surveys;

pub use error::{Error, Result};
pub use mail::{MailConfig, Mailer};
pub use passend_storage::now;

use passend_storage::Database;

/// Settings the use cases need.
#[derive(Debug, Clone, Default)]
pub struct AppConfig {
    /// The address people reach Passend at, for the links in mails.
    pub public_url: String,
    pub mail: MailConfig,
    /// The OpenID Connect providers people may log in with (`[oidc.NAME]`).
    pub oidc: Vec<accounts::oidc::OidcProviderConfig>,
}

/// The application: the database and the outgoing mail, behind the use cases.
#[derive(Clone)]
pub struct App {
    db: Database,
    mailer: Mailer,
    public_url: std::sync::Arc<str>,
    oidc: accounts::oidc::SharedProviders,
    /// Wakes this process's jobs worker when work was queued here.
    wake: std::sync::Arc<tokio::sync::Notify>,
    /// Shared files: the object store and its rules (`App::with_files`).
    files: groups::Files,
    /// How fast this server hands newsletter mails to the outbox (`App::with_newsletter_rate`).
    newsletter_rate: Option<newsletter::SendingRate>,
    /// This server's search index of the published practice examples.
    search_index: std::sync::Arc<knowledge::index::SharedIndex>,
}

impl App {
    pub fn new(db: Database, config: &AppConfig) -> Result<App> {
        let wake = std::sync::Arc::new(tokio::sync::Notify::new());
        let mailer = Mailer::new(db.clone(), &config.mail, wake.clone())?;
        let oidc = std::sync::Arc::new(accounts::oidc::OidcProviders::new(config.oidc.clone())?);
        let files = groups::Files::new(&groups::FilesSettings::default());
        let newsletter_rate = Some(newsletter::SendingRate::default());
        Ok(App {
            db,
            mailer,
            public_url: config.public_url.trim_end_matches('/').into(),
            oidc,
            wake,
            files,
            newsletter_rate,
            search_index: std::sync::Arc::default(),
        })
    }

    /// A link into Passend for a mail.
    pub fn link(&self, path: &str) -> String {
        format!("{}{path}", self.public_url)
    }

    pub fn mailer(&self) -> &Mailer {
        &self.mailer
    }
}
