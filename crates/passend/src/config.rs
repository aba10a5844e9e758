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
    /// How often the reminders job looks for milestones coming up; 0 turns it off.
    pub reminder_interval_secs: u64,
    /// How often the newsletter job hands queued issue mails to the outbox; 0 turns it off.
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
