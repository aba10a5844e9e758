use thiserror::Error;

#[derive(Debug, Error)]
pub enum StorageError {
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("unsupported database URL {0:?}: use sqlite://PATH or postgres://…")]
    UnsupportedUrl(String),
    #[error("migration {version} ({name}) failed: {source}")]
    Migration { version: i64, name: &'static str, source: sqlx::Error },
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
}

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
}
