//! Turns an [`AppError`](crate::error::AppError) into what the reader gets:
//! JSON under `/api/`, a redirect to the login page for a page that needs a
//! session, and otherwise an error page in the reader's language.

use std::sync::Arc;

use askama::Template;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};

use super::PageContext;
use crate::error::{ErrorBody, ErrorDetail, ErrorKind, ErrorMarker};
use crate::i18n::lang_of;
use crate::security::session::Session;

/// How long a rate-limited client waits: the login limits' window (15 minutes).
const RETRY_AFTER_SECONDS: &str = "900";

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    ctx: PageContext,
    title: String,
    message: String,
}

pub async fn render_errors(request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let path_and_query = request.uri().path_and_query().map_or_else(|| path.clone(), |p| p.to_string());
    let is_get = request.method() == axum::http::Method::GET;
    let lang = lang_of(request.headers());
    let session = request.extensions().get::<Option<Arc<Session>>>().cloned().flatten();
    let response = next.run(request).await;
    let (marker, status) = match response.extensions().get::<ErrorMarker>().cloned() {
        Some(marker) => (marker.clone(), marker.kind.status()),
        // axum's own rejections (malformed JSON, a path parameter of the wrong
        // type, a wrong method) come as plain text: give them our form too.
        None if is_framework_rejection(&response) => {
            (ErrorMarker { kind: ErrorKind::BadRequest, fields: Vec::new() }, response.status())
        }
        None => return response,
    };
    if path.starts_with("/api/") {
        let body = ErrorBody { error: ErrorDetail::new(marker.kind, lang, &marker.fields) };
        let mut api = (status, axum::Json(body)).into_response();
        // A 405 says which methods the path has (RFC 9110 §15.5.6), a 429 when to try again.
        if let Some(allow) = response.headers().get(header::ALLOW) {
            api.headers_mut().insert(header::ALLOW, allow.clone());
        }
        if marker.kind == ErrorKind::RateLimited {
            api.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static(RETRY_AFTER_SECONDS));
        }
        return api;
    }
    if marker.kind == ErrorKind::Unauthenticated && is_get {
        let target = serde_urlencoded::to_string([("terug", path_and_query)]).unwrap_or_default();
        return Redirect::to(&format!("/inloggen?{target}")).into_response();
    }
    let page = ErrorPage {
        title: lang.t(&format!("{}-title", marker.kind.message_id())),
        // A refusal that names its reason (a step out of turn, a locked
        // profile) says that reason rather than the general message.
        message: marker.fields.first().map_or_else(|| lang.t(marker.kind.message_id()), |(_, m)| lang.message(m)),
        ctx: PageContext { lang, session, path, notice: None },
    };
    match page.render() {
        Ok(html) => {
            let mut response = (status, axum::response::Html(html)).into_response();
            if marker.kind == ErrorKind::RateLimited {
                response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static(RETRY_AFTER_SECONDS));
            }
            response
        }
        Err(_) => (StatusCode::INTERNAL_SERVER_ERROR, "error").into_response(),
    }
}

fn is_framework_rejection(response: &Response) -> bool {
    let plain = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/plain"));
    let status = response.status();
    (plain || response.headers().get(header::CONTENT_TYPE).is_none())
        && status.is_client_error()
        && status != StatusCode::NOT_FOUND
        && status != StatusCode::UNAUTHORIZED
        && status != StatusCode::FORBIDDEN
}
