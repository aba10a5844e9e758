//! Typeset documents of published versions: rendered once per distinct input
//! (a hash of the kind, language and data, so a changed address or support
//! point renders anew), off the async threads, at most a few at a time, with
//! a timeout. A failed render is logged and answered with an error page; a
//! broken file is never served or cached.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use axum::http::header;
use axum::response::{IntoResponse, Response};
use passend_documents::{DocumentKind, Engine};
use passend_i18n::ParentLang;
use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha256};
use tokio::sync::Semaphore;

use crate::error::{AppError, AppResult, ErrorKind};

/// Renders at once (the machine has few cores; pages must stay fast meanwhile).
const PARALLEL_RENDERS: usize = 2;
/// How long a request waits for a render slot and for its render.
const RENDER_TIMEOUT: Duration = Duration::from_secs(20);
/// Cached documents (tens of kB each); the oldest go first.
const CACHE_ENTRIES: usize = 1024;
/// A render that failed is not tried again for this long (every request would).
const FAILURE_PAUSE: Duration = Duration::from_secs(60);

#[derive(Default)]
struct Cache {
    documents: HashMap<String, Arc<Vec<u8>>>,
    order: VecDeque<String>,
    failures: HashMap<String, Instant>,
}

impl Cache {
    fn insert(&mut self, key: String, pdf: Arc<Vec<u8>>) {
        if self.documents.insert(key.clone(), pdf).is_none() {
            self.order.push_back(key);
        }
        while self.order.len() > CACHE_ENTRIES {
            if let Some(oldest) = self.order.pop_front() {
                self.documents.remove(&oldest);
            }
        }
    }
}

pub struct DocumentService {
    engine: OnceLock<Arc<Engine>>,
    slots: Arc<Semaphore>,
    cache: Arc<Mutex<Cache>>,
}

impl Default for DocumentService {
    fn default() -> Self {
        DocumentService {
            engine: OnceLock::new(),
            slots: Arc::new(Semaphore::new(PARALLEL_RENDERS)),
            cache: Arc::new(Mutex::new(Cache::default())),
        }
    }
}

/// A document's data as the JSON its template reads. Made once per request:
/// the key hashes it and the render (or the DOCX) is made from the same data.
pub fn document_json(kind: DocumentKind, data: &impl Serialize) -> AppResult<Value> {
    serde_json::to_value(data).map_err(|error| {
        tracing::error!(%error, ?kind, "document data does not serialise");
        AppError::new(ErrorKind::DocumentFailed)
    })
}

/// Identifies a document by everything it is made from: the bytes of its
/// data as JSON.
pub fn document_key(kind: DocumentKind, lang: ParentLang, data: &Value) -> String {
    let mut hasher = Sha256::new();
    hasher.update(kind.key());
    hasher.update(lang.code());
    hasher.update(serde_json::to_vec(data).expect("JSON values serialise"));
    hex::encode(&hasher.finalize()[..16])
}

impl DocumentService {
    fn engine(&self) -> Arc<Engine> {
        // Fonts are parsed on first use, not at start-up.
        self.engine.get_or_init(|| Arc::new(Engine::new())).clone()
    }

    /// The PDF made from `data` (the kind's type in `passend_documents::data`),
    /// and its key (for the ETag); rendered unless cached.
    pub async fn pdf(
        &self,
        kind: DocumentKind,
        lang: ParentLang,
        data: &impl Serialize,
    ) -> AppResult<(Arc<Vec<u8>>, String)> {
        let data = document_json(kind, data)?;
        let key = document_key(kind, lang, &data);
        let failed = || AppError::new(ErrorKind::DocumentFailed);
        {
            let cache = crate::sync::lock_cache(&self.cache);
            if let Some(hit) = cache.documents.get(&key) {
                return Ok((hit.clone(), key));
            }
            if cache.failures.get(&key).is_some_and(|at| at.elapsed() < FAILURE_PAUSE) {
                return Err(failed());
            }
        }
        // The slot travels with the render: when a request gives up (timeout,
        // closed connection), its render still holds the slot until it ends.
        let slot = tokio::time::timeout(RENDER_TIMEOUT, self.slots.clone().acquire_owned())
            .await
            .map_err(|_| failed())?
            .map_err(|_| failed())?;
        if let Some(hit) = crate::sync::lock_cache(&self.cache).documents.get(&key) {
            return Ok((hit.clone(), key));
        }
        let engine = self.engine();
        let cache = self.cache.clone();
        let job_key = key.clone();
        let (year, month, day) =
            passend_domain::calendar::today_in_netherlands(time::OffsetDateTime::now_utc().unix_timestamp());
        let today = (i32::from(year), month, day);
        let job = tokio::task::spawn_blocking(move || {
            let _slot = slot;
            let result = engine.render(kind, &data, today).map(Arc::new);
            let mut cache = crate::sync::lock_cache(&cache);
            match &result {
                Ok(pdf) => cache.insert(job_key, pdf.clone()),
                Err(error) => {
                    tracing::error!(%error, ?kind, "document render failed");
                    cache.failures.insert(job_key, Instant::now());
                }
            }
            result
        });
        match tokio::time::timeout(RENDER_TIMEOUT, job).await {
            Ok(Ok(Ok(pdf))) => Ok((pdf, key)),
            Ok(Ok(Err(_))) => Err(failed()),
            Ok(Err(join)) => {
                tracing::error!(error = %join, ?kind, "document render panicked");
                Err(failed())
            }
            Err(_) => {
                tracing::error!(?kind, "document render timed out; it finishes in the background");
                Err(failed())
            }
        }
    }
}

/// A document as a download: its type, a file name, and an ETag of its input.
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

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[tokio::test]
    async fn a_failed_render_is_reported_and_not_served_or_cached() {
        let service = DocumentService::default();
        // Data the template cannot lay out (no labels): typst reports an error.
        let broken = json!({ "lang": "nl", "title": "T", "school": { "name": "S" } });
        let first = service.pdf(DocumentKind::ParentReport, ParentLang::Nl, &broken).await;
        assert_eq!(first.err().map(|e| e.kind), Some(ErrorKind::DocumentFailed));
        let key = document_key(DocumentKind::ParentReport, ParentLang::Nl, &broken);
        {
            let cache = service.cache.lock().unwrap();
            assert!(!cache.documents.contains_key(&key), "nothing broken is cached");
            assert!(cache.failures.contains_key(&key), "the failure pauses retries");
        }
        let again = service.pdf(DocumentKind::ParentReport, ParentLang::Nl, &broken).await;
        assert_eq!(again.err().map(|e| e.kind), Some(ErrorKind::DocumentFailed));
    }

    #[test]
    fn the_cache_forgets_the_oldest_documents_first() {
        let mut cache = Cache::default();
        for i in 0..CACHE_ENTRIES + 2 {
            cache.insert(i.to_string(), Arc::new(vec![1]));
        }
        assert_eq!(cache.documents.len(), CACHE_ENTRIES);
        assert!(!cache.documents.contains_key("0") && !cache.documents.contains_key("1"));
        assert!(cache.documents.contains_key(&(CACHE_ENTRIES + 1).to_string()));
    }
}
