use thiserror::Error;

use crate::rows::Column;

#[derive(Debug, Error)]
pub enum StorageError {
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("unsupported database URL {0:?}: use sqlite://PATH or postgres://…")]
    UnsupportedUrl(String),
    #[error("migration {version} ({name}) failed: {source}")]
    Migration {
        version: i64,
        name: &'static str,
        #[source]
        source: sqlx::Error,
    },
    #[error("the database has migration {0}, which this version of Passend does not know; upgrade Passend")]
    UnknownMigration(i64),
    #[error("not found")]
    NotFound,
    #[error("already exists")]
    Conflict,
    /// The profile is past its concept: its answers no longer change.
    #[error("the profile is not a concept any more")]
    ProfileLocked,
    #[error("{0}")]
    Step(#[from] passend_domain::lifecycle::StepError),
    /// A step that records something (the MR's advice, the adoption) was
    /// asked for without what it records: a mistake of the caller.
    #[error("the step {0} needs its details")]
    StepWithoutDetails(&'static str),
    /// The object store that holds shared files failed (disk, network, bucket).
    #[error("{action}: {source}")]
    Files {
        action: &'static str,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// A stored value this version of Passend cannot read (written by hand,
    /// by another version, or damaged). It is reported, never replaced by a
    /// default, so that nobody works on from a wrong reading.
    #[error("{table}.{column} holds {value:?}, which cannot be read: {cause}")]
    Corrupt {
        table: &'static str,
        column: &'static str,
        /// The stored value, cut short when long (templates run to megabytes).
        value: String,
        #[source]
        cause: CorruptCause,
    },
}

/// Why a stored value could not be read.
#[derive(Debug, Error)]
pub enum CorruptCause {
    /// A name (of a state, role, kind, …) that is none of those this version knows.
    #[error("not a known {0}")]
    UnknownName(&'static str),
    #[error("not the JSON expected: {0}")]
    Json(#[source] serde_json::Error),
    /// A number outside the range the column allows.
    #[error("out of range")]
    OutOfRange,
}

/// How much of a stored value a `Corrupt` error keeps.
const KEPT_CHARS: usize = 120;

impl StorageError {
    /// A unique or primary key constraint stopped the write.
    pub(crate) fn from_write(error: sqlx::Error) -> Self {
        if let sqlx::Error::Database(db) = &error
            && db.is_unique_violation()
        {
            return StorageError::Conflict;
        }
        StorageError::Database(error)
    }

    pub(crate) fn corrupt(column: Column, value: &str, cause: CorruptCause) -> Self {
        let value = match value.char_indices().nth(KEPT_CHARS) {
            Some((end, _)) => format!("{}…", &value[..end]),
            None => value.to_owned(),
        };
        StorageError::Corrupt { table: column.table, column: column.name, value, cause }
    }
}
