//! No U+0000 in the API's text. PostgreSQL's `text` cannot hold it (the
//! insert fails and the request would end in a 500), SQLite's can, and no
//! field of Passend means it: a request that carries one is refused with 400
//! on both backends before any handler sees it.

use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::{AppError, ErrorKind};

/// The JSON extractor's own limit (axum's `DefaultBodyLimit`): a body that
/// passes here is one the handler would have read.
const BODY_LIMIT: usize = 2 * 1024 * 1024;

pub async fn refuse_nul(request: Request, next: Next) -> Response {
    let uri = request.uri();
    if !uri.path().starts_with("/api/") {
        return next.run(request).await;
    }
    let encoded_nul = |s: &str| s.as_bytes().windows(3).any(|w| w.eq_ignore_ascii_case(b"%00"));
    if encoded_nul(uri.path()) || uri.query().is_some_and(encoded_nul) {
        return AppError::new(ErrorKind::BadRequest).into_response();
    }
    let json = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim_start().to_ascii_lowercase().starts_with("application/json"));
    if !json {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let Ok(bytes) = to_bytes(body, BODY_LIMIT).await else {
        // As the extractor answers a body over its limit.
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    if escapes_nul(&bytes) {
        return AppError::new(ErrorKind::BadRequest).into_response();
    }
    next.run(Request::from_parts(parts, Body::from(bytes))).await
}

/// Whether JSON text spells U+0000 (`\u0000`) inside a string. Raw control
/// characters are invalid in JSON strings, so the escape is the only way.
fn escapes_nul(json: &[u8]) -> bool {
    let mut i = 0;
    while i < json.len() {
        if json[i] == b'\\' {
            if json.get(i + 1) == Some(&b'u') && json.get(i + 2..i + 6) == Some(b"0000") {
                return true;
            }
            // Skip the escaped character, so that `\\u0000` stays text.
            i += 2;
        } else {
            i += 1;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::escapes_nul;

    #[test]
    fn only_an_escaped_nul_counts() {
        assert!(escapes_nul(br#"{"text": "a\u0000b"}"#));
        assert!(escapes_nul(br#"{"\u0000": 1}"#));
        assert!(!escapes_nul(br#"{"text": "a\\u0000b"}"#), "an escaped backslash and the letters u0000");
        assert!(!escapes_nul(br#"{"text": "a\u0001b \n"}"#));
        assert!(escapes_nul(br#"{"text": "\\\u0000"}"#));
    }
}
