//! This server's search index of the published practice examples
//! (`domain::knowledge::search_index`, ADR 0025), kept up to date from the
//! database's change counter: before a search, one small query reads the
//! counter; when another write (on any server) moved it, the examples stamped
//! since are taken in, replaced or taken out. The first search after a start
//! reads them all (the server starts that right away, see `passend::server`).

use passend_domain::knowledge::ExampleState;
use passend_domain::knowledge::markdown;
use passend_domain::knowledge::search_index::{IndexedExample, SearchIndex, SearchedText};
use tokio::sync::{RwLock, RwLockReadGuard};

use super::ExampleRecord;
use crate::{App, Result};

/// Examples read from the database at a time while loading.
const LOAD_PAGE: i64 = 1000;

/// Takes a written example into the index: in (or replaced) while it is published, out otherwise.
fn take_in(index: &mut SearchIndex, record: &ExampleRecord) {
    if record.state != ExampleState::Published {
        index.remove(record.id);
        return;
    }
    let body = markdown::to_text(&record.body);
    let example = IndexedExample {
        id: record.id,
        title: record.title.clone(),
        summary: record.summary.clone(),
        source_name: record.source_name.clone(),
        sector: record.sector,
        tags: record.tags.clone(),
        published_at: record.published_at,
    };
    index.upsert(example, SearchedText { title: &record.title, summary: &record.summary, body: &body });
}

/// The index with the counter's number it is up to date with.
#[derive(Debug, Default)]
pub(crate) struct SharedIndex {
    inner: RwLock<Indexed>,
}

#[derive(Debug)]
struct Indexed {
    index: SearchIndex,
    /// `-1` before the first load: every example has a number of at least 0.
    version: i64,
}

impl Default for Indexed {
    fn default() -> Self {
        Indexed { index: SearchIndex::new(), version: -1 }
    }
}

/// The index, read-locked, for one search.
pub(crate) struct IndexReader<'a>(RwLockReadGuard<'a, Indexed>);

impl IndexReader<'_> {
    pub(crate) fn index(&self) -> &SearchIndex {
        &self.0.index
    }
}

impl App {
    /// Brings this server's index up to date with the database; how many
    /// examples it took in, replaced or took out.
    pub async fn refresh_search_index(&self) -> Result<usize> {
        let current = self.db.knowledge_search_version().await?;
        if self.search_index.inner.read().await.version >= current {
            return Ok(0);
        }
        let mut indexed = self.search_index.inner.write().await;
        // Another search may have brought it up to date while this one waited.
        if indexed.version >= current {
            return Ok(0);
        }
        let mut seen = indexed.version;
        let mut taken = 0;
        loop {
            let page = self.db.examples_changed_since(seen, LOAD_PAGE).await?;
            for change in &page {
                seen = seen.max(change.search_version);
                take_in(&mut indexed.index, &change.record);
            }
            taken += page.len();
            if i64::try_from(page.len()).unwrap_or(i64::MAX) < LOAD_PAGE {
                break;
            }
        }
        indexed.version = seen.max(current);
        if taken > 100 {
            tracing::info!(examples = taken, indexed = indexed.index.len(), "search index loaded");
        }
        Ok(taken)
    }

    /// The index, up to date, for a search.
    pub(crate) async fn search_index(&self) -> Result<IndexReader<'_>> {
        self.refresh_search_index().await?;
        Ok(IndexReader(self.search_index.inner.read().await))
    }
}
