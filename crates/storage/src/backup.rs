//! Backups: an online, consistent copy of a SQLite database while the server
//! runs (`VACUUM INTO`), and a digest of every table to check a backup or a
//! restore against its source. PostgreSQL is backed up with `pg_dump` (the
//! binary runs it; see docs/operations.md).

use sha2::{Digest, Sha256};
use sqlx::{Column, Row, TypeInfo};

use crate::{Backend, Database, StorageError};

/// A table's rows, counted and hashed (independent of their order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableDigest {
    pub table: String,
    pub rows: i64,
    pub sha256: String,
}

impl Database {
    /// Opens a SQLite backup file read-only, as it is (no WAL switch, nothing
    /// written next to it), to check it.
    pub async fn open_sqlite_backup(path: &std::path::Path) -> Result<Database, StorageError> {
        sqlx::any::install_default_drivers();
        if !path.is_file() {
            return Err(StorageError::NotFound);
        }
        let url = format!("sqlite://{}?mode=ro", path.display());
        let options = <sqlx::any::AnyConnectOptions as std::str::FromStr>::from_str(&url)?;
        let pool = sqlx::any::AnyPoolOptions::new().max_connections(1).connect_with(options).await?;
        Ok(Database::from_pools(pool.clone(), pool, Backend::Sqlite))
    }

    /// Writes a consistent copy of the SQLite database to `path` (which must
    /// not exist) while other connections and processes go on writing: one
    /// read transaction sees one moment of the WAL.
    pub async fn sqlite_backup_into(&self, path: &std::path::Path) -> Result<(), StorageError> {
        if self.backend() != Backend::Sqlite {
            return Err(StorageError::UnsupportedUrl("VACUUM INTO is SQLite's; use pg_dump for PostgreSQL".into()));
        }
        let target = path.to_string_lossy().replace('\'', "''");
        sqlx::raw_sql(&format!("VACUUM INTO '{target}'")).execute(&self.read).await?;
        Ok(())
    }

    /// SQLite's own check of the file (`PRAGMA integrity_check`) and of its
    /// foreign keys; the problems found, none when sound. PostgreSQL checks
    /// its pages itself: nothing to report there.
    pub async fn integrity_problems(&self) -> Result<Vec<String>, StorageError> {
        if self.backend() != Backend::Sqlite {
            return Ok(Vec::new());
        }
        let mut problems: Vec<String> = sqlx::query_scalar::<_, String>("PRAGMA integrity_check")
            .fetch_all(&self.read)
            .await?
            .into_iter()
            .filter(|line| line != "ok")
            .collect();
        let broken_keys = sqlx::query("PRAGMA foreign_key_check").fetch_all(&self.read).await?;
        for row in broken_keys {
            let table: String = row.try_get(0).unwrap_or_default();
            problems.push(format!("a row of {table} points to a row that is not there"));
        }
        Ok(problems)
    }

    /// The tables of the schema (migrations' bookkeeping included), by name.
    pub async fn table_names(&self) -> Result<Vec<String>, StorageError> {
        let sql = match self.backend() {
            Backend::Sqlite => {
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            }
            Backend::Postgres => {
                "SELECT table_name::text FROM information_schema.tables
                 WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name"
            }
        };
        Ok(sqlx::query_scalar(sql).fetch_all(&self.read).await?)
    }

    /// Counts and hashes every row of `table`: the same rows give the same
    /// digest on either backend and in any order.
    pub async fn table_digest(&self, table: &str) -> Result<TableDigest, StorageError> {
        if !table.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(StorageError::NotFound);
        }
        let rows = sqlx::query(&format!("SELECT * FROM {table}")).fetch_all(&self.read).await?;
        let mut lines: Vec<String> = rows.iter().map(row_text).collect();
        lines.sort_unstable();
        let mut hasher = Sha256::new();
        for line in &lines {
            hasher.update(line.as_bytes());
            hasher.update(b"\n");
        }
        let sha256 = hasher.finalize().iter().map(|b| format!("{b:02x}")).collect();
        Ok(TableDigest { table: table.to_owned(), rows: lines.len() as i64, sha256 })
    }
}

/// A row as text: each column by name, in name order, as the value it holds.
fn row_text(row: &sqlx::any::AnyRow) -> String {
    let mut cells: Vec<(String, String)> = row
        .columns()
        .iter()
        .map(|column| {
            let i = column.ordinal();
            let value = if let Ok(v) = row.try_get::<Option<i64>, _>(i) {
                v.map_or("NULL".to_owned(), |v| v.to_string())
            } else if let Ok(v) = row.try_get::<Option<String>, _>(i) {
                v.map_or("NULL".to_owned(), |v| format!("{v:?}"))
            } else if let Ok(v) = row.try_get::<Option<f64>, _>(i) {
                v.map_or("NULL".to_owned(), |v| v.to_string())
            } else if let Ok(v) = row.try_get::<Option<bool>, _>(i) {
                v.map_or("NULL".to_owned(), |v| i64::from(v).to_string())
            } else if let Ok(v) = row.try_get::<Option<Vec<u8>>, _>(i) {
                v.map_or("NULL".to_owned(), |v| format!("{v:?}"))
            } else {
                format!("<{}>", column.type_info().name())
            };
            (column.name().to_owned(), value)
        })
        .collect();
    cells.sort();
    cells.into_iter().map(|(name, value)| format!("{name}={value}")).collect::<Vec<_>>().join("\t")
}
