//! Publishing: the public pages of published profiles, their typeset
//! documents (PDF, DOCX), search by support and open data. No login; only
//! published versions are ever found.

pub mod documents;
pub mod open_data;
pub mod pages;
pub mod search;
pub mod view;

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use utoipa_axum::router::OpenApiRouter;

use crate::app::AppState;
use documents::DocumentService;

pub fn page_router() -> OpenApiRouter<AppState> {
    pages::router().merge(search::page_router())
}

pub fn api_router() -> OpenApiRouter<AppState> {
    open_data::router().merge(search::api_router())
}

/// Rendered public pages for a short while: they are read far more often
/// than they change. Each page is kept with the database's public generation
/// it was made at (`App::public_generation`); a write that changes public
/// pages counts that generation up on whichever server it happens, and every
/// server compares before it answers from memory, so several servers on one
/// database never serve a page older than the last publication. Writes that
/// do not count it up are seen within [`PAGE_TTL`].
const PAGE_TTL: Duration = Duration::from_secs(30);
const PAGE_ENTRIES: usize = 4096;

struct CachedPage {
    at: Instant,
    public_generation: i64,
    page: Bytes,
}

#[derive(Default)]
pub struct PageCache {
    entries: Mutex<HashMap<String, CachedPage>>,
    /// Counts clears in this process, so that a page loaded before a
    /// publication is not stored after it.
    generation: AtomicU64,
}

impl PageCache {
    /// The page under `key` if it was made at the database's current public generation.
    pub fn get(&self, key: &str, public_generation: i64) -> Option<Bytes> {
        let entries = crate::sync::lock_cache(&self.entries);
        entries
            .get(key)
            .filter(|e| e.public_generation == public_generation && e.at.elapsed() < PAGE_TTL)
            .map(|e| e.page.clone())
    }

    /// Take this before loading what a page shows; hand it to [`PageCache::put`].
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::SeqCst)
    }

    pub fn put(&self, key: String, page: &str, loaded_at: u64, public_generation: i64) {
        let mut entries = crate::sync::lock_cache(&self.entries);
        if self.generation.load(Ordering::SeqCst) != loaded_at {
            return;
        }
        if entries.len() >= PAGE_ENTRIES {
            entries.retain(|_, e| e.at.elapsed() < PAGE_TTL && e.public_generation == public_generation);
            if entries.len() >= PAGE_ENTRIES {
                entries.clear();
            }
        }
        let page = Bytes::copy_from_slice(page.as_bytes());
        entries.insert(key, CachedPage { at: Instant::now(), public_generation, page });
    }

    pub fn clear(&self) {
        let mut entries = crate::sync::lock_cache(&self.entries);
        self.generation.fetch_add(1, Ordering::SeqCst);
        entries.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::PageCache;

    #[test]
    fn a_page_of_an_older_public_generation_is_not_served() {
        let cache = PageCache::default();
        cache.put("/scholen/04FZ00?nl".to_owned(), "oud", cache.generation(), 4);
        assert_eq!(cache.get("/scholen/04FZ00?nl", 4).as_deref(), Some(&b"oud"[..]));
        assert!(cache.get("/scholen/04FZ00?nl", 5).is_none(), "another server published since");
    }

    #[test]
    fn a_page_loaded_before_a_clear_is_not_stored() {
        let cache = PageCache::default();
        let loaded_at = cache.generation();
        cache.clear();
        cache.put("/scholen/04FZ00?nl".to_owned(), "oud", loaded_at, 4);
        assert!(cache.get("/scholen/04FZ00?nl", 4).is_none());
    }
}

#[derive(Default)]
pub struct PublicState {
    pub pages: PageCache,
    pub documents: DocumentService,
}

/// The pre-render job (`passend_app::jobs::PRERENDER`): renders the
/// published location's documents into this server's document cache. The
/// binary's jobs worker calls it; the error, for the jobs table.
pub async fn run_prerender_job(state: &AppState, payload: &str) -> Result<(), String> {
    let payload: passend_app::jobs::PrerenderPayload =
        serde_json::from_str(payload).map_err(|e| format!("unreadable payload: {e}"))?;
    match pages::prerender(state, &payload.location_code).await {
        Ok(()) => Ok(()),
        // Taken off line again before the job ran: nothing to render.
        Err(error) if error.kind == crate::error::ErrorKind::NotFound => Ok(()),
        Err(error) => Err(format!("rendering the documents of {} failed: {:?}", payload.location_code, error.kind)),
    }
}
