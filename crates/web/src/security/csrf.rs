//! Cross-site request forgery protection, in two layers:
//! 1. every state-changing request must come from our own origin when the
//!    browser says where it comes from (`Sec-Fetch-Site`, `Origin`);
//! 2. every form posted with a session carries the session's token, and every
//!    API call that changes state sends it in `X-CSRF-Token`.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request, State};
use axum::http::{HeaderMap, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;

use super::session::{Session, SignedIn};
use crate::app::AppState;
use crate::error::{AppError, ErrorKind};
use passend_app::accounts::secrets::same_secret;

pub const FORM_FIELD: &str = "csrf_token";

pub async fn check_origin(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if !request.method().is_safe() && !same_origin(&state, request.headers()) {
        tracing::warn!(path = %request.uri().path(), "cross-origin request refused");
        return AppError::new(ErrorKind::Csrf).into_response();
    }
    next.run(request).await
}

fn same_origin(state: &AppState, headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok())
        && site != "same-origin"
        && site != "none"
    {
        return false;
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return true;
    };
    if state.config.public_origin().is_some_and(|public| origin == public) {
        return true;
    }
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok()).unwrap_or("");
    origin == format!("http://{host}") || origin == format!("https://{host}")
}

/// A form posted by a signed-in person, with a valid CSRF token.
pub struct CsrfForm<T> {
    pub session: std::sync::Arc<Session>,
    pub form: T,
}

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for CsrfForm<T> {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let (mut parts, body) = request.into_parts();
        let SignedIn(session) =
            <SignedIn as axum::extract::FromRequestParts<S>>::from_request_parts(&mut parts, state).await?;
        let bytes = Bytes::from_request(Request::from_parts(parts, body), state)
            .await
            .map_err(|_| AppError::new(ErrorKind::BadRequest))?;
        let pairs: Vec<(String, String)> =
            serde_urlencoded::from_bytes(&bytes).map_err(|_| AppError::new(ErrorKind::BadRequest))?;
        let token = pairs.iter().find(|(k, _)| k == FORM_FIELD).map(|(_, v)| v.as_str()).unwrap_or("");
        if !same_secret(token, &session.csrf_token) {
            return Err(AppError::new(ErrorKind::Csrf));
        }
        let form = serde_urlencoded::from_bytes(&bytes).map_err(|_| AppError::new(ErrorKind::BadRequest))?;
        Ok(CsrfForm { session, form })
    }
}

/// A form posted without a session (login, invitation, password reset): the
/// origin check has run; fields missing from the body are empty.
pub struct PublicForm<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for PublicForm<T> {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = Bytes::from_request(request, state).await.map_err(|_| AppError::new(ErrorKind::BadRequest))?;
        serde_urlencoded::from_bytes(&bytes).map(PublicForm).map_err(|_| AppError::new(ErrorKind::BadRequest))
    }
}
