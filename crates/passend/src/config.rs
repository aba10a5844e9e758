//! Configuration: defaults, then a TOML file, then `PASSEND_*` environment
//! variables, then command-line flags.

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
    /// How often the reminders job looks for milestones coming up; 0 turns it off.
    pub reminder_interval_secs: u64,
    /// How often the newsletter job hands queued issue mails to the outbox; 0 turns it off.
    pub newsletter_interval_secs: u64,
    /// The most newsletter mails sent per minute (the job's rate bound).
    pub newsletter_per_minute: u32,
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
            newsletter_interval_secs: 10,
            newsletter_per_minute: 120,
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
        ];
        figment = figment.merge(Env::prefixed("PASSEND_").only(&known));
        let config: Config = figment.extract().map_err(|e| anyhow::anyhow!("invalid configuration: {e}"))?;
        if !matches!(config.log_format.as_str(), "text" | "json") {
            anyhow::bail!("log_format must be \"text\" or \"json\"");
        }
        Ok(config)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_overrides_defaults_and_unknown_keys_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.toml");
        std::fs::write(&path, "bind = \"0.0.0.0:9000\"\nsession_hours = 4\n").unwrap();
        let config = Config::load(Some(&path)).unwrap();
        assert_eq!(config.bind, "0.0.0.0:9000");
        assert_eq!(config.session_hours, 4);
        assert_eq!(config.database_url, Config::default().database_url);

        std::fs::write(&path, "bnd = \"0.0.0.0:9000\"\n").unwrap();
        let error = Config::load(Some(&path)).unwrap_err().to_string();
        assert!(error.contains("bnd"), "{error}");
    }
}
