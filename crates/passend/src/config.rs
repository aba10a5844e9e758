//! Configuration: defaults, then a TOML file, then `PASSEND_*` environment
//! variables, then command-line flags.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// `sqlite://PATH` (embedded, the default) or `postgres://user@host/db`.
    pub database_url: String,
    /// Address the server listens on.
    pub bind: String,
    /// The address people use to reach Passend; links in mail point here.
    /// Defaults to `http://` + the bound address.
    pub public_url: Option<String>,
    pub session_hours: i64,
    /// `smtp://host:port`, `smtp://user:pass@host:587?tls=required` or `smtps://…`.
    /// Without it, mail is kept in the outbox that platform admins can read.
    pub smtp_url: Option<String>,
    pub smtp_from: String,
    /// `text` or `json`.
    pub log_format: String,
    /// How often the reminders job looks for milestones and activity sessions
    /// coming up; 0 turns it off on this server.
    pub reminder_interval_secs: u64,
    /// Seconds between two runs of the newsletter job while an issue is being
    /// sent; 0: this server leaves the job to the others.
    pub newsletter_interval_secs: u64,
    /// The most newsletter mails sent per minute (the job's rate bound).
    pub newsletter_per_minute: u32,
    /// Reverse proxies whose `X-Forwarded-For` names the client, as addresses
    /// or networks (`["127.0.0.1", "10.0.0.0/8"]`); the login limits count per client.
    pub trusted_proxies: Vec<String>,
    /// The bearer token `/metrics` asks for. Without it (and without
    /// `metrics_bind`) the metrics are not served.
    pub metrics_token: Option<String>,
    /// A separate address that serves `/metrics` without a token (one that
    /// only the monitoring reaches, say `127.0.0.1:9100`).
    pub metrics_bind: Option<String>,
    /// OpenID Connect providers, any number, by name (`[oidc.entree]`); the
    /// name is part of their URLs (`/inloggen/oidc/entree`).
    pub oidc: BTreeMap<String, OidcProvider>,
    /// Shared files (closed groups, attachments of practice examples): `[files]`.
    pub files: FilesConfig,
}

/// Where shared files go and what is accepted (`[files]`, or `PASSEND_FILES__STORE` and so on).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default, deny_unknown_fields)]
pub struct FilesConfig {
    /// `local` (a directory, the default) or `s3` (an S3-compatible store).
    pub store: String,
    /// The directory for `local`. Default: `passend-files` beside the SQLite
    /// database, or in the working directory with PostgreSQL.
    pub dir: Option<PathBuf>,
    /// The largest file accepted, in megabytes.
    pub max_mb: u64,
    /// A command run on every uploaded file before it is stored, with the
    /// file's path as last argument (`clamdscan --no-summary`); exit 0 keeps
    /// the file, anything else refuses it. Off when empty.
    pub scan_command: Option<String>,
    pub s3_bucket: Option<String>,
    /// `https://s3.example.org`; empty for AWS itself.
    pub s3_endpoint: Option<String>,
    pub s3_region: String,
    pub s3_access_key_id: Option<String>,
    pub s3_secret_access_key: Option<String>,
    /// Allow a plain `http://` endpoint.
    pub s3_allow_http: bool,
}

impl Default for FilesConfig {
    fn default() -> Self {
        FilesConfig {
            store: "local".to_owned(),
            dir: None,
            max_mb: 10,
            scan_command: None,
            s3_bucket: None,
            s3_endpoint: None,
            s3_region: "us-east-1".to_owned(),
            s3_access_key_id: None,
            s3_secret_access_key: None,
            s3_allow_http: false,
        }
    }
}

impl FilesConfig {
    /// The settings the use cases take; `database_url` places the default directory.
    pub fn settings(&self, database_url: &str) -> passend_app::groups::FilesSettings {
        use passend_storage::files::{FileStoreConfig, S3Config};
        let store = match self.store.as_str() {
            "s3" => FileStoreConfig::S3(S3Config {
                bucket: self.s3_bucket.clone().unwrap_or_default(),
                endpoint: self.s3_endpoint.clone().filter(|e| !e.trim().is_empty()),
                region: self.s3_region.clone(),
                access_key_id: self.s3_access_key_id.clone(),
                secret_access_key: self.s3_secret_access_key.clone(),
                allow_http: self.s3_allow_http,
            }),
            _ => FileStoreConfig::Local { dir: self.dir.clone().unwrap_or_else(|| default_files_dir(database_url)) },
        };
        passend_app::groups::FilesSettings {
            store,
            max_bytes: self.max_mb.saturating_mul(1024 * 1024),
            scan_command: self.scan_command.clone().filter(|c| !c.trim().is_empty()),
        }
    }
}

/// `passend-files` beside a SQLite database file; in the working directory otherwise.
fn default_files_dir(database_url: &str) -> PathBuf {
    let file = database_url
        .strip_prefix("sqlite://")
        .or_else(|| database_url.strip_prefix("sqlite:"))
        .map(|rest| rest.split('?').next().unwrap_or(rest))
        .filter(|path| !path.is_empty() && !path.starts_with(':'));
    match file.and_then(|path| Path::new(path).parent()) {
        Some(parent) => parent.join("passend-files"),
        None => PathBuf::from("passend-files"),
    }
}

/// One OpenID Connect provider (`[oidc.NAME]`, or `PASSEND_OIDC__NAME__LABEL` and so on).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct OidcProvider {
    /// What the login page's button says.
    pub label: String,
    /// The issuer URL; its `/.well-known/openid-configuration` is read.
    pub issuer: String,
    pub client_id: String,
    pub client_secret: String,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            database_url: "sqlite://passend.db".to_owned(),
            bind: "127.0.0.1:8080".to_owned(),
            public_url: None,
            session_hours: 12,
            smtp_url: None,
            smtp_from: "Passend <noreply@passend.invalid>".to_owned(),
            log_format: "text".to_owned(),
            reminder_interval_secs: 3600,
            trusted_proxies: Vec::new(),
            metrics_token: None,
            metrics_bind: None,
            oidc: BTreeMap::new(),
            newsletter_interval_secs: 10,
            newsletter_per_minute: 120,
            files: FilesConfig::default(),
        }
    }
}

/// The file read when `--config` is not given and it exists.
pub const DEFAULT_FILE: &str = "passend.toml";

impl Config {
    pub fn load(file: Option<&Path>) -> anyhow::Result<Config> {
        let mut figment = Figment::from(Serialized::defaults(Config::default()));
        let file: Option<PathBuf> = match file {
            Some(path) if !path.exists() => {
                anyhow::bail!("configuration file {} does not exist", path.display())
            }
            Some(path) => Some(path.to_owned()),
            None => Some(PathBuf::from(DEFAULT_FILE)).filter(|p| p.exists()),
        };
        if let Some(path) = &file {
            figment = figment.merge(Toml::file(path));
        }
        // Only known keys are taken from the environment, so that unrelated
        // PASSEND_* variables (the test harness's, say) do not stop the start.
        let known = [
            "DATABASE_URL",
            "BIND",
            "PUBLIC_URL",
            "SESSION_HOURS",
            "SMTP_URL",
            "SMTP_FROM",
            "LOG_FORMAT",
            "REMINDER_INTERVAL_SECS",
            "TRUSTED_PROXIES",
            "METRICS_TOKEN",
            "METRICS_BIND",
        ];
        figment = figment.merge(Env::prefixed("PASSEND_").only(&known));
        // Providers: PASSEND_OIDC__ENTREE__CLIENT_SECRET is oidc.entree.client_secret.
        figment = figment.merge(
            Env::prefixed("PASSEND_").filter(|key| key.as_str().to_ascii_lowercase().starts_with("oidc__")).split("__"),
        );
        // Files: PASSEND_FILES__STORE is files.store, PASSEND_FILES__S3_BUCKET is files.s3_bucket.
        figment = figment.merge(
            Env::prefixed("PASSEND_")
                .filter(|key| key.as_str().to_ascii_lowercase().starts_with("files__"))
                .split("__"),
        );
        let config: Config = figment.extract().map_err(|e| anyhow::anyhow!("invalid configuration: {e}"))?;
        if !matches!(config.log_format.as_str(), "text" | "json") {
            anyhow::bail!("log_format must be \"text\" or \"json\"");
        }
        for name in config.oidc.keys() {
            let valid =
                !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if !valid {
                anyhow::bail!(
                    "oidc.{name}: a provider's name is lower-case letters, digits and '-' (it is part of a URL)"
                );
            }
        }
        match config.files.store.as_str() {
            "local" => {}
            "s3" if config.files.s3_bucket.as_deref().is_some_and(|b| !b.trim().is_empty()) => {}
            "s3" => anyhow::bail!("files.s3_bucket: the S3 store needs a bucket"),
            other => anyhow::bail!("files.store must be \"local\" or \"s3\", not {other:?}"),
        }
        if config.files.max_mb == 0 {
            anyhow::bail!("files.max_mb must be at least 1");
        }
        if let Err(entry) = passend_web::TrustedProxies::parse(&config.trusted_proxies) {
            anyhow::bail!("trusted_proxies: {entry:?} is not an IP address or network");
        }
        Ok(config)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    // figment::Jail fixes the closure's error type; its size is not ours to choose.
    #[allow(clippy::result_large_err)]
    fn oidc_providers_come_from_the_file_and_the_environment() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.toml");
        std::fs::write(
            &path,
            "[oidc.entree]\nlabel = \"Entree\"\nissuer = \"https://entree.example\"\nclient_id = \"passend\"\nclient_secret = \"x\"\n",
        )
        .unwrap();
        figment::Jail::expect_with(|jail| {
            jail.set_env("PASSEND_OIDC__ENTREE__CLIENT_SECRET", "uit-de-omgeving");
            jail.set_env("PASSEND_OIDC__M365__LABEL", "Microsoft 365");
            jail.set_env("PASSEND_OIDC__M365__ISSUER", "https://login.example/v2.0");
            jail.set_env("PASSEND_OIDC__M365__CLIENT_ID", "abc");
            jail.set_env("PASSEND_OIDC__M365__CLIENT_SECRET", "def");
            let config = Config::load(Some(&path)).unwrap();
            assert_eq!(config.oidc["entree"].client_secret, "uit-de-omgeving");
            assert_eq!(config.oidc["entree"].label, "Entree");
            assert_eq!(config.oidc["m365"].label, "Microsoft 365");
            Ok(())
        });
        std::fs::write(&path, "[oidc.entree]\nlabel = \"Entree\"\n").unwrap();
        assert!(Config::load(Some(&path)).is_err(), "issuer and client missing");
    }

    #[test]
    #[allow(clippy::result_large_err)]
    fn files_go_beside_the_database_or_to_s3_by_configuration() {
        figment::Jail::expect_with(|jail| {
            let config = Config::load(None).unwrap();
            let settings = config.files.settings("sqlite:///srv/passend/passend.db?mode=rwc");
            assert_eq!(
                settings.store,
                passend_storage::files::FileStoreConfig::Local { dir: PathBuf::from("/srv/passend/passend-files") }
            );
            assert_eq!(settings.max_bytes, 10 * 1024 * 1024);
            jail.set_env("PASSEND_FILES__STORE", "s3");
            jail.set_env("PASSEND_FILES__S3_BUCKET", "passend");
            jail.set_env("PASSEND_FILES__S3_ENDPOINT", "http://127.0.0.1:9000");
            jail.set_env("PASSEND_FILES__S3_ALLOW_HTTP", "true");
            let config = Config::load(None).unwrap();
            let passend_storage::files::FileStoreConfig::S3(s3) = config.files.settings("postgres://x/y").store else {
                panic!("not S3");
            };
            assert_eq!(
                (s3.bucket.as_str(), s3.endpoint.as_deref(), s3.allow_http),
                ("passend", Some("http://127.0.0.1:9000"), true)
            );
            jail.set_env("PASSEND_FILES__S3_BUCKET", "");
            assert!(Config::load(None).is_err(), "S3 without a bucket");
            Ok(())
        });
    }

    #[test]
    // Inside a Jail, because the Jail holds the lock that keeps the other test's
    // PASSEND_OIDC__* variables out of this process while this one reads them.
    #[allow(clippy::result_large_err)]
    fn a_file_overrides_defaults_and_unknown_keys_are_refused() {
        figment::Jail::expect_with(|jail| {
            let path = jail.directory().join("p.toml");
            std::fs::write(&path, "bind = \"0.0.0.0:9000\"\nsession_hours = 4\n").unwrap();
            let config = Config::load(Some(&path)).unwrap();
            assert_eq!(config.bind, "0.0.0.0:9000");
            assert_eq!(config.session_hours, 4);
            assert_eq!(config.database_url, Config::default().database_url);

            std::fs::write(&path, "bnd = \"0.0.0.0:9000\"\n").unwrap();
            let error = Config::load(Some(&path)).unwrap_err().to_string();
            assert!(error.contains("bnd"), "{error}");
            Ok(())
        });
    }
}
