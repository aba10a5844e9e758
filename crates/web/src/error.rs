//! One error type for every request, and its one mapping to a response.
//!
//! Handlers return [`AppResult`]. The error becomes a bare response carrying
//! [`ErrorKind`]; the `render_errors` layer turns it into a JSON body for
//! `/api/` requests and a page in the reader's language for the rest.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use passend_domain::access::AccessDenied;
use serde::Serialize;
use utoipa::ToSchema;

pub type AppResult<T> = Result<T, AppError>;

/// What went wrong, as the API names it in `error.code`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    NotFound,
    Forbidden,
    Unauthenticated,
    InvalidCredentials,
    Csrf,
    BadRequest,
    Conflict,
    /// A step that waits for an explicit confirmation was asked without it;
    /// nothing changed (see `POST /api/v1/profiles/{id}/steps`).
    ConfirmationRequired,
    RateLimited,
    Internal,
    /// A document could not be typeset now (logged); nothing broken is served.
    DocumentFailed,
}

impl ErrorKind {
    pub fn status(self) -> StatusCode {
        match self {
            ErrorKind::NotFound => StatusCode::NOT_FOUND,
            ErrorKind::Forbidden | ErrorKind::Csrf => StatusCode::FORBIDDEN,
            ErrorKind::Unauthenticated | ErrorKind::InvalidCredentials => StatusCode::UNAUTHORIZED,
            ErrorKind::BadRequest => StatusCode::BAD_REQUEST,
            ErrorKind::Conflict | ErrorKind::ConfirmationRequired => StatusCode::CONFLICT,
            ErrorKind::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            ErrorKind::Internal => StatusCode::INTERNAL_SERVER_ERROR,
            ErrorKind::DocumentFailed => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            ErrorKind::NotFound => "not_found",
            ErrorKind::Forbidden => "forbidden",
            ErrorKind::Unauthenticated => "unauthenticated",
            ErrorKind::InvalidCredentials => "invalid_credentials",
            ErrorKind::Csrf => "csrf",
            ErrorKind::BadRequest => "bad_request",
            ErrorKind::Conflict => "conflict",
            ErrorKind::ConfirmationRequired => "confirmation_required",
            ErrorKind::RateLimited => "rate_limited",
            ErrorKind::Internal => "internal",
            ErrorKind::DocumentFailed => "document_failed",
        }
    }

    /// The catalogue id of the message people see.
    pub fn message_id(self) -> &'static str {
        match self {
            ErrorKind::NotFound => "error-not-found",
            ErrorKind::Forbidden => "error-forbidden",
            ErrorKind::Unauthenticated => "error-unauthenticated",
            ErrorKind::InvalidCredentials => "login-invalid",
            ErrorKind::Csrf => "error-csrf",
            ErrorKind::BadRequest => "error-bad-request",
            ErrorKind::Conflict => "error-conflict",
            ErrorKind::ConfirmationRequired => "error-confirmation-required",
            ErrorKind::RateLimited => "error-rate-limited",
            ErrorKind::Internal => "error-internal",
            ErrorKind::DocumentFailed => "error-document-failed",
        }
    }
}

#[derive(Debug)]
pub struct AppError {
    pub kind: ErrorKind,
    /// Field-level problems of an API request: field name → catalogue message.
    pub fields: Vec<(String, passend_domain::Message)>,
}

impl AppError {
    pub fn new(kind: ErrorKind) -> Self {
        AppError { kind, fields: Vec::new() }
    }

    pub fn not_found() -> Self {
        Self::new(ErrorKind::NotFound)
    }

    pub fn forbidden() -> Self {
        Self::new(ErrorKind::Forbidden)
    }

    pub fn invalid(fields: Vec<(String, passend_domain::Message)>) -> Self {
        AppError { kind: ErrorKind::BadRequest, fields }
    }
}

/// The one mapping from a use case's error to a response. A failure that is
/// not the caller's is logged here with its whole chain of causes.
impl From<passend_app::Error> for AppError {
    fn from(error: passend_app::Error) -> Self {
        use passend_app::Error;
        let fields = |problems: passend_domain::FieldProblems| -> Vec<(String, passend_domain::Message)> {
            problems.into_iter().map(|(f, m)| (f.to_owned(), m)).collect()
        };
        match error {
            Error::NotFound => AppError::not_found(),
            Error::Forbidden => AppError::forbidden(),
            Error::RateLimited => AppError::new(ErrorKind::RateLimited),
            Error::Conflict(problems) => AppError { kind: ErrorKind::Conflict, fields: fields(problems) },
            Error::Invalid(problems) => AppError::invalid(fields(problems)),
            internal @ (Error::Storage(_) | Error::Internal { .. }) => {
                tracing::error!(error = %ErrorChain(&internal), "request failed");
                AppError::new(ErrorKind::Internal)
            }
        }
    }
}

/// An error with every cause behind it, `outer: cause: root`, for the log.
pub struct ErrorChain<'a>(pub &'a (dyn std::error::Error + 'static));

impl std::fmt::Display for ErrorChain<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)?;
        let mut source = self.0.source();
        while let Some(cause) = source {
            write!(f, ": {cause}")?;
            source = cause.source();
        }
        Ok(())
    }
}

impl From<AccessDenied> for AppError {
    fn from(_: AccessDenied) -> Self {
        AppError::forbidden()
    }
}

impl From<anyhow::Error> for AppError {
    fn from(error: anyhow::Error) -> Self {
        tracing::error!(error = %format!("{error:#}"), "internal error");
        AppError::new(ErrorKind::Internal)
    }
}

/// The body of every error answer of the JSON API.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorDetail {
    pub code: ErrorKind,
    /// The general message, in the reader's language.
    pub message: String,
    /// Field-level problems; empty when the error is not about a field.
    pub fields: Vec<FieldError>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FieldError {
    /// The request field, e.g. `school_year`, or `step`/`state` for a refusal of the cycle.
    pub field: String,
    /// What to fix, in the reader's language.
    pub message: String,
    /// The message's catalogue id, stable for programs, e.g. `profile-year-invalid`.
    pub code: String,
}

impl ErrorDetail {
    pub fn new(kind: ErrorKind, lang: passend_i18n::Lang, fields: &[(String, passend_domain::Message)]) -> Self {
        // A refusal for a reason (a locked profile, a step out of turn) says that reason;
        // the general "this already exists" fits only a conflict without one.
        let message = match (kind, fields.first()) {
            (ErrorKind::Conflict, Some((_, reason))) => lang.message(reason),
            _ => lang.t(kind.message_id()),
        };
        ErrorDetail {
            code: kind,
            message,
            fields: fields
                .iter()
                .map(|(field, message)| FieldError {
                    field: field.clone(),
                    message: lang.message(message),
                    code: message.id.to_string(),
                })
                .collect(),
        }
    }
}

/// The error as it travels to the `render_errors` layer.
#[derive(Debug, Clone)]
pub struct ErrorMarker {
    pub kind: ErrorKind,
    pub fields: Vec<(String, passend_domain::Message)>,
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let mut response = self.kind.status().into_response();
        response.extensions_mut().insert(ErrorMarker { kind: self.kind, fields: self.fields });
        response
    }
}
