//! Closed groups on the web (`/groepen`, `/api/v1/groups`) and the
//! attachments of practice examples. The use cases are in `passend_app::groups`.
//!
//! A group the caller may not see answers 404, signed in or not, so that a
//! group's existence does not leak.

pub mod api;
pub mod pages;

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::multipart::Field;
use axum::extract::{FromRequestParts, Multipart, Path};
use axum::http::request::Parts;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use passend_app::groups::{Download, LoadedGroup, Upload};
use passend_domain::groups::files::content_disposition;

use crate::app::AppState;
use crate::error::{AppError, AppResult, ErrorKind};
use crate::security::session::{Session, SignedIn};

/// Bytes read past the size limit before an upload is given up on (the
/// rest of the body is not read): enough to tell "too large" politely.
const DRAIN_SLACK: u64 = 8 * 1024 * 1024;

/// The group named by the route's `{id}`, for someone who may see it; 404 otherwise.
pub struct InGroup {
    pub group: LoadedGroup,
    pub session: Arc<Session>,
}

fn id_param(params: &HashMap<String, String>, name: &str) -> AppResult<i64> {
    params.get(name).and_then(|raw| raw.parse::<i64>().ok()).ok_or_else(AppError::not_found)
}

impl FromRequestParts<AppState> for InGroup {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> AppResult<Self> {
        let Path(params) = Path::<HashMap<String, String>>::from_request_parts(parts, state)
            .await
            .map_err(|_| AppError::not_found())?;
        let id = id_param(&params, "id")?;
        // Not signed in: the same 404 as for a group that is not there.
        let SignedIn(session) = SignedIn::from_request_parts(parts, state)
            .await
            .map_err(|e| if e.kind == ErrorKind::Unauthenticated { AppError::not_found() } else { e })?;
        let group = state.app.group_access(&session.actor, id).await?;
        Ok(InGroup { group, session })
    }
}

/// Whoever is signed in, if anyone (for what is public once published).
pub struct MaybeSession(pub Option<Arc<Session>>);

impl<S: Send + Sync> FromRequestParts<S> for MaybeSession {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(MaybeSession(parts.extensions.get::<Option<Arc<Session>>>().cloned().flatten()))
    }
}

/// A multipart form: its text fields and at most one file (`file`).
pub struct UploadForm {
    pub fields: HashMap<String, String>,
    pub file: Option<Upload>,
}

/// Reads a multipart form; the file's bytes up to one past the limit (its
/// whole size still counted), text fields up to 64 kB each.
pub async fn read_upload(mut multipart: Multipart, max_bytes: u64) -> AppResult<UploadForm> {
    let bad = |_| AppError::new(ErrorKind::BadRequest);
    let mut fields = HashMap::new();
    let mut file = None;
    while let Some(field) = multipart.next_field().await.map_err(bad)? {
        let name = field.name().unwrap_or_default().to_owned();
        if name == "file" {
            let file_name = field.file_name().unwrap_or_default().to_owned();
            // A file input left empty sends a part without a name and without bytes: "empty".
            let (bytes, size) = read_limited(field, max_bytes).await?;
            file = Some(Upload { name: file_name, bytes, size });
        } else {
            let (bytes, size) = read_limited(field, 64 * 1024).await?;
            if size > 64 * 1024 {
                return Err(AppError::new(ErrorKind::BadRequest));
            }
            fields.insert(name, String::from_utf8(bytes).map_err(|_| AppError::new(ErrorKind::BadRequest))?);
        }
    }
    Ok(UploadForm { fields, file })
}

async fn read_limited(mut field: Field<'_>, max: u64) -> AppResult<(Vec<u8>, u64)> {
    let mut bytes = Vec::new();
    let mut size: u64 = 0;
    while let Some(chunk) = field.chunk().await.map_err(|_| AppError::new(ErrorKind::BadRequest))? {
        size += chunk.len() as u64;
        if (bytes.len() as u64) <= max {
            let room = usize::try_from(max + 1 - bytes.len() as u64).unwrap_or(usize::MAX);
            bytes.extend_from_slice(&chunk[..chunk.len().min(room)]);
        }
        if size > max.saturating_add(DRAIN_SLACK) {
            break;
        }
    }
    Ok((bytes, size))
}

/// A stored file as a download: its own type, `attachment` with a safe name, never cached by others.
pub fn download(file: Download) -> Response {
    let disposition = HeaderValue::from_str(&content_disposition(&file.record.name))
        .unwrap_or_else(|_| HeaderValue::from_static("attachment"));
    let media_type = HeaderValue::from_str(&file.record.media_type)
        .unwrap_or_else(|_| HeaderValue::from_static("application/octet-stream"));
    (
        [
            (header::CONTENT_TYPE, media_type),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, HeaderValue::from_static("private, no-store")),
        ],
        file.bytes,
    )
        .into_response()
}
