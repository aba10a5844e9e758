//! What a use case can answer besides its outcome. The web edge maps each
//! variant to one status; the CLI prints it.

use passend_domain::access::AccessDenied;
use passend_domain::{FieldProblems, Message};
use passend_storage::StorageError;
use thiserror::Error;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, Error)]
pub enum Error {
    /// Nothing there, or nothing the actor may know exists (another school's ids tell nothing).
    #[error("not found")]
    NotFound,
    #[error("access denied")]
    Forbidden,
    /// Too many attempts in a short time: try again later.
    #[error("rate limited")]
    RateLimited,
    /// The state does not allow this now; the messages say why, per field.
    #[error("conflict")]
    Conflict(FieldProblems),
    /// The input was refused; the messages say why, per field.
    #[error("invalid input")]
    Invalid(FieldProblems),
    /// The database failed or holds what this version cannot read: a 500, logged with its cause.
    #[error(transparent)]
    Storage(StorageError),
    /// Something that is not the caller's fault and not the database's (mail, a stored template).
    #[error("{context}: {cause}")]
    Internal { context: &'static str, cause: Box<dyn std::error::Error + Send + Sync> },
}

impl Error {
    pub fn invalid(field: &'static str, message: Message) -> Self {
        Error::Invalid(vec![(field, message)])
    }

    pub fn internal(context: &'static str, cause: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Self {
        Error::Internal { context, cause: cause.into() }
    }
}

impl From<AccessDenied> for Error {
    fn from(_: AccessDenied) -> Self {
        Error::Forbidden
    }
}

/// Storage outcomes that are answers to the caller (a unique key taken, a
/// locked profile, a step out of turn) become the caller's errors here, once;
/// everything else stays a storage failure with its cause.
impl From<StorageError> for Error {
    fn from(error: StorageError) -> Self {
        use passend_domain::lifecycle::StepError;
        match error {
            StorageError::NotFound => Error::NotFound,
            StorageError::Conflict => Error::Conflict(Vec::new()),
            StorageError::ProfileLocked => Error::Conflict(vec![("state", Message::new("profile-locked"))]),
            StorageError::Step(StepError::NotYourStep) => Error::Forbidden,
            StorageError::Step(wrong @ StepError::WrongState { .. }) => {
                Error::Conflict(vec![("step", Message::new(wrong.message_id()))])
            }
            other => Error::Storage(other),
        }
    }
}
