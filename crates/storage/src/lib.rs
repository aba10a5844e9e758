//! Storage for Passend: one schema and one set of queries for SQLite (the
//! embedded default) and PostgreSQL, chosen by the database URL.
//!
//! Queries go through sqlx's `Any` driver with `$n` placeholders, which both
//! backends accept; the few dialect differences live in [`migrations`].
//! Functions that read or change non-public data take a proof from
//! [`passend_domain::access`], so the web layer cannot skip the access check.

mod db;
mod error;
pub mod migrations;

pub mod accounts;
pub mod activities;
pub mod backup;
pub mod conversations;
#[cfg(test)]
mod corrupt_tests;
pub mod coverage;
pub mod directory;
pub mod files;
pub mod generated;
pub mod groups;
pub mod import;
pub mod jobs;
pub mod knowledge;
pub mod lifecycle;
pub mod newsletter;
mod offer_levels;
pub mod outbox;
pub mod plain_terms;
pub mod planning;
pub mod profiles;
pub mod publishing;
mod rows;
pub mod scans;
pub mod surveys;
pub mod swv_reminders;
pub mod test_support;

pub use db::{Backend, Database, PoolStats, now};
pub use error::{CorruptCause, StorageError};
