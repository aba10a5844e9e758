//! No U+0000 in any text that reaches Passend. PostgreSQL's `text` cannot
//! hold it (the insert or even the comparison fails and the request would end
//! in a 500), SQLite's can, but no field of Passend means it and a stored one
//! stops documents from rendering: a request that carries one, in the path,
//! the query string, a form or a JSON body, to a page or to the API, is
//! refused with 400 and a Dutch message on both backends before any handler
//! sees it. Other control characters are cleaned where text is rendered
//! (`passend_domain::text::printable`).

use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use passend_domain::Message;

use crate::error::AppError;

/// The JSON and form extractors' own limit (axum's `DefaultBodyLimit`): a body
/// that passes here is one the handler would have read.
const BODY_LIMIT: usize = 2 * 1024 * 1024;

/// What the body of a request is, as far as the check goes.
enum BodyKind {
    Json,
    Form,
    Other,
}

fn refused() -> Response {
    AppError::invalid(vec![("text".to_owned(), Message::new("limit-nul-character"))]).into_response()
}

/// Whether URL-encoded text (a path, a query string, a form) spells U+0000.
fn encodes_nul(s: &[u8]) -> bool {
    s.contains(&0) || s.windows(3).any(|w| w.eq_ignore_ascii_case(b"%00"))
}

pub async fn refuse_nul(request: Request, next: Next) -> Response {
    let uri = request.uri();
    if encodes_nul(uri.path().as_bytes()) || uri.query().is_some_and(|q| encodes_nul(q.as_bytes())) {
        return refused();
    }
    let content_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.trim_start().to_ascii_lowercase())
        .unwrap_or_default();
    let kind = if content_type.starts_with("application/json") {
        BodyKind::Json
    } else if content_type.starts_with("application/x-www-form-urlencoded") {
        BodyKind::Form
    } else {
        BodyKind::Other
    };
    if matches!(kind, BodyKind::Other) {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let Ok(bytes) = to_bytes(body, BODY_LIMIT).await else {
        // As the extractor answers a body over its limit.
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    let nul = match kind {
        BodyKind::Json => escapes_nul(&bytes) || bytes.contains(&0),
        _ => encodes_nul(&bytes),
    };
    if nul {
        return refused();
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
    use super::{encodes_nul, escapes_nul};

    #[test]
    fn url_encoded_nul_counts_in_either_case() {
        assert!(encodes_nul(b"q=a%00b"));
        assert!(encodes_nul(b"name=S\0"));
        assert!(!encodes_nul(b"q=a%2500b"), "a percent sign and two zeros");
        assert!(!encodes_nul(b"q=100%25"));
    }

    #[test]
    fn only_an_escaped_nul_counts() {
        assert!(escapes_nul(br#"{"text": "a\u0000b"}"#));
        assert!(escapes_nul(br#"{"\u0000": 1}"#));
        assert!(!escapes_nul(br#"{"text": "a\\u0000b"}"#), "an escaped backslash and the letters u0000");
        assert!(!escapes_nul(br#"{"text": "a\u0001b \n"}"#));
        assert!(escapes_nul(br#"{"text": "\\\u0000"}"#));
    }
}
