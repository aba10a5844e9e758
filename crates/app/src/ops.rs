//! What operations asks of the application: does the database answer, how full are its pools.

pub use passend_storage::{Backend, PoolStats};

use crate::{App, Result};

impl App {
    pub async fn ping(&self) -> Result<()> {
        Ok(self.db.ping().await?)
    }

    pub fn pool_stats(&self) -> PoolStats {
        self.db.pool_stats()
    }

    pub fn backend(&self) -> Backend {
        self.db.backend()
    }

    /// Closes the database's connections (at shutdown, or the end of a CLI command).
    pub async fn close(&self) {
        self.db.close().await;
    }
}
