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
/// than they change. A step in any profile's cycle empties it at once in this
/// process; other processes (several servers on one PostgreSQL) see the
/// change within [`PAGE_TTL`].
const PAGE_TTL: Duration = Duration::from_secs(30);
const PAGE_ENTRIES: usize = 4096;

#[derive(Default)]
pub struct PageCache {
    entries: Mutex<HashMap<String, (Instant, Bytes)>>,
    /// Counts clears, so that a page loaded before a publication is not stored after it.
    generation: AtomicU64,
}

impl PageCache {
    pub fn get(&self, key: &str) -> Option<Bytes> {
        let entries = crate::sync::lock_cache(&self.entries);
        entries.get(key).filter(|(at, _)| at.elapsed() < PAGE_TTL).map(|(_, page)| page.clone())
    }

    /// Take this before loading what a page shows; hand it to [`PageCache::put`].
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::SeqCst)
    }

    pub fn put(&self, key: String, page: &str, loaded_at: u64) {
        let mut entries = crate::sync::lock_cache(&self.entries);
        if self.generation.load(Ordering::SeqCst) != loaded_at {
            return;
        }
        if entries.len() >= PAGE_ENTRIES {
            entries.retain(|_, (at, _)| at.elapsed() < PAGE_TTL);
            if entries.len() >= PAGE_ENTRIES {
                entries.clear();
            }
        }
        entries.insert(key, (Instant::now(), Bytes::copy_from_slice(page.as_bytes())));
    }

    pub fn clear(&self) {
        let mut entries = crate::sync::lock_cache(&self.entries);
        self.generation.fetch_add(1, Ordering::SeqCst);
        entries.clear();
    }
}

#[derive(Default)]
pub struct PublicState {
    pub pages: PageCache,
    pub documents: DocumentService,
}
