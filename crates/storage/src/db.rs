use std::str::FromStr;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, Executor};

use crate::StorageError;

/// Seconds since the Unix epoch: how every time is stored.
pub fn now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The database: a pool for reads and a pool for writes.
///
/// On SQLite the write pool holds one connection, so writers queue in Passend
/// instead of failing with `database is locked`; reads run beside it in WAL
/// mode. On PostgreSQL both are the same pool.
#[derive(Clone, Debug)]
pub struct Database {
    pub(crate) read: AnyPool,
    pub(crate) write: AnyPool,
    backend: Backend,
}

#[derive(Debug, Clone, Copy)]
pub struct PoolStats {
    pub size: u32,
    pub idle: usize,
    pub max: u32,
}

const SQLITE_PRAGMAS: &str = "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 10000; \
     PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";

impl Database {
    pub async fn connect(url: &str) -> Result<Database, StorageError> {
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Backend::Postgres
        } else {
            return Err(StorageError::UnsupportedUrl(url.to_owned()));
        };
        match backend {
            Backend::Sqlite => {
                let url = sqlite_url(url);
                let options = AnyConnectOptions::from_str(&url)?;
                let pool = |max: u32| {
                    AnyPoolOptions::new()
                        .max_connections(max)
                        .min_connections(1)
                        .acquire_timeout(Duration::from_secs(30))
                        .after_connect(|conn, _| {
                            Box::pin(async move {
                                conn.execute(SQLITE_PRAGMAS).await?;
                                Ok(())
                            })
                        })
                };
                // The writer connects first so that WAL mode is set before readers open the file.
                let write = pool(1).connect_with(options.clone()).await?;
                let read = pool(4).connect_with(options).await?;
                Ok(Database { read, write, backend })
            }
            Backend::Postgres => {
                let pool = AnyPoolOptions::new()
                    .max_connections(16)
                    .acquire_timeout(Duration::from_secs(30))
                    .connect(url)
                    .await?;
                Ok(Database { read: pool.clone(), write: pool, backend })
            }
        }
    }

    pub(crate) fn from_pools(read: AnyPool, write: AnyPool, backend: Backend) -> Database {
        Database { read, write, backend }
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Does the database answer?
    pub async fn ping(&self) -> Result<(), StorageError> {
        sqlx::query("SELECT 1").execute(&self.read).await?;
        Ok(())
    }

    pub fn pool_stats(&self) -> PoolStats {
        let mut stats = PoolStats {
            size: self.read.size(),
            idle: self.read.num_idle(),
            max: self.read.options().get_max_connections(),
        };
        if self.backend == Backend::Sqlite {
            stats.size += self.write.size();
            stats.idle += self.write.num_idle();
            stats.max += self.write.options().get_max_connections();
        }
        stats
    }

    pub async fn close(&self) {
        self.read.close().await;
        self.write.close().await;
    }
}

/// `sqlite://passend.db` → a file that is created when missing.
fn sqlite_url(url: &str) -> String {
    if url.contains("mode=") {
        url.to_owned()
    } else if url.contains('?') {
        format!("{url}&mode=rwc")
    } else {
        format!("{url}?mode=rwc")
    }
}
