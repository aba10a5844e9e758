//! Typeset documents of published versions: rendered once per version (by
//! content hash), off the async threads, at most a few at a time, with a
//! timeout. A failed render is logged and answered with an error page; a
//! broken file is never served or cached.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use axum::http::header;
use axum::response::{IntoResponse, Response};
use passend_documents::{DocumentKind, Engine};
use passend_i18n::ParentLang;
use serde_json::Value;
use tokio::sync::Semaphore;

use crate::error::{AppError, AppResult, ErrorKind};

/// Renders at once (the machine has few cores; pages must stay fast meanwhile).
const PARALLEL_RENDERS: usize = 2;
const RENDER_TIMEOUT: Duration = Duration::from_secs(20);
/// Cached documents; a version's documents are small (tens of kB).
const CACHE_ENTRIES: usize = 512;

type CacheKey = (String, DocumentKind, ParentLang);

pub struct DocumentService {
    engine: OnceLock<Arc<Engine>>,
    limit: Semaphore,
    cache: Mutex<HashMap<CacheKey, Arc<Vec<u8>>>>,
}

impl Default for DocumentService {
    fn default() -> Self {
        DocumentService {
            engine: OnceLock::new(),
            limit: Semaphore::new(PARALLEL_RENDERS),
            cache: Mutex::new(HashMap::new()),
        }
    }
}

impl DocumentService {
    fn engine(&self) -> Arc<Engine> {
        // Fonts are parsed on first use, not at start-up.
        self.engine.get_or_init(|| Arc::new(Engine::new())).clone()
    }

    /// The PDF of a version (`hash` identifies it), rendered from `data` unless cached.
    pub async fn pdf(&self, hash: &str, kind: DocumentKind, lang: ParentLang, data: Value) -> AppResult<Arc<Vec<u8>>> {
        let key = (hash.to_owned(), kind, lang);
        if let Some(hit) = self.cache.lock().expect("cache lock").get(&key) {
            return Ok(hit.clone());
        }
        let _permit = self.limit.acquire().await.map_err(|_| AppError::new(ErrorKind::Internal))?;
        // Someone may have rendered it while this request waited.
        if let Some(hit) = self.cache.lock().expect("cache lock").get(&key) {
            return Ok(hit.clone());
        }
        let engine = self.engine();
        let today = time::OffsetDateTime::now_utc().date();
        let today = (today.year(), u8::from(today.month()), today.day());
        let job = tokio::task::spawn_blocking(move || engine.render(kind, &data, today));
        let rendered = match tokio::time::timeout(RENDER_TIMEOUT, job).await {
            Ok(Ok(Ok(pdf))) => Arc::new(pdf),
            Ok(Ok(Err(error))) => {
                tracing::error!(%error, ?kind, hash, "document render failed");
                return Err(AppError::new(ErrorKind::DocumentFailed));
            }
            Ok(Err(join)) => {
                tracing::error!(error = %join, ?kind, hash, "document render panicked");
                return Err(AppError::new(ErrorKind::DocumentFailed));
            }
            Err(_) => {
                tracing::error!(?kind, hash, "document render timed out");
                return Err(AppError::new(ErrorKind::DocumentFailed));
            }
        };
        let mut cache = self.cache.lock().expect("cache lock");
        if cache.len() >= CACHE_ENTRIES {
            cache.clear();
        }
        cache.insert(key, rendered.clone());
        Ok(rendered)
    }
}

/// A document as a download: its type, a file name, and a long cache life
/// (the URL's content changes only with a new version, which changes the ETag).
pub fn file_response(bytes: &[u8], content_type: &'static str, file_name: &str, etag: &str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (header::CONTENT_DISPOSITION, format!("inline; filename=\"{file_name}\"")),
            (header::ETAG, format!("\"{etag}\"")),
            (header::CACHE_CONTROL, "public, max-age=300".to_owned()),
        ],
        bytes.to_vec(),
    )
        .into_response()
}
