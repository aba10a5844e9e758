//! Server-side sessions: a random id in an HttpOnly cookie, its hash in the database.

use std::sync::Arc;

use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use passend_app::accounts::User;
use passend_domain::access::Actor;

use super::cookies::{clear_cookie, cookie, set_cookie};
use crate::app::AppState;
use crate::error::{AppError, AppResult, ErrorKind};

pub const SESSION_COOKIE: &str = "passend_session";
pub const CSRF_HEADER: &str = "x-csrf-token";

/// The signed-in person of a request.
#[derive(Debug, Clone)]
pub struct Session {
    pub id_hash: String,
    pub user: User,
    pub actor: Actor,
    pub csrf_token: String,
}

/// Loads the session named by the cookie, once per request.
pub async fn load_session(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let mut session = None;
    if let Some(secret) = cookie(request.headers(), SESSION_COOKIE) {
        match state.app.session(&secret).await {
            Ok(Some((id_hash, record))) => match state.app.person(record.user_id).await {
                Ok(Some(person)) => {
                    session = Some(Arc::new(Session {
                        id_hash,
                        user: person.user,
                        actor: person.actor,
                        csrf_token: record.csrf_token,
                    }))
                }
                Ok(None) => {}
                Err(error) => tracing::error!(?error, "loading a session's user failed"),
            },
            Ok(None) => {}
            Err(error) => tracing::error!(%error, "loading a session failed"),
        }
    }
    let signed_in = session.is_some();
    request.extensions_mut().insert(session);
    let mut response = next.run(request).await;
    // Pages for a signed-in person hold names and addresses: no browser or
    // proxy cache may keep them (the back button after logout shows nothing).
    if signed_in && !response.headers().contains_key(header::CACHE_CONTROL) {
        response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

fn session_of(parts: &Parts) -> Option<Arc<Session>> {
    parts.extensions.get::<Option<Arc<Session>>>().cloned().flatten()
}

/// A signed-in person, required. For API requests that change state, the
/// `X-CSRF-Token` header must carry the session's token.
pub struct SignedIn(pub Arc<Session>);

impl<S: Send + Sync> FromRequestParts<S> for SignedIn {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let session = session_of(parts).ok_or_else(|| AppError::new(ErrorKind::Unauthenticated))?;
        let safe = parts.method.is_safe();
        if parts.uri.path().starts_with("/api/") && !safe {
            let header = parts.headers.get(CSRF_HEADER).and_then(|v| v.to_str().ok()).unwrap_or("");
            if !passend_app::accounts::secrets::same_secret(header, &session.csrf_token) {
                return Err(AppError::new(ErrorKind::Csrf));
            }
        }
        Ok(SignedIn(session))
    }
}

/// Starts a session for the user: always a new id, and the old session ends.
pub async fn start_session(
    state: &AppState,
    request_headers: &HeaderMap,
    user_id: i64,
) -> AppResult<(HeaderValue, String)> {
    let old = cookie(request_headers, SESSION_COOKIE);
    let ttl = state.config.session_hours * 3600;
    let (secret, csrf) = state.app.start_session(old.as_deref(), user_id, ttl).await?;
    Ok((set_cookie(SESSION_COOKIE, &secret, ttl, state.config.secure_cookies()), csrf))
}

pub async fn end_session(state: &AppState, session: &Session) -> AppResult<HeaderValue> {
    state.app.end_session(&session.id_hash).await?;
    Ok(clear_cookie(SESSION_COOKIE, state.config.secure_cookies()))
}

pub fn set_cookie_header(value: HeaderValue) -> (header::HeaderName, HeaderValue) {
    (header::SET_COOKIE, value)
}
