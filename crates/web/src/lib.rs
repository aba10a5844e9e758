//! The HTTP edge of Passend: server-rendered pages, the JSON API under
//! `/api/v1`, sessions, CSRF protection, mail and operations endpoints.
//!
//! Folders follow capabilities (`accounts`, `directory`, `members`,
//! `dashboard`, `admin`); each holds its pages and API handlers beside the
//! actions they share.

mod accounts;
mod activities;
mod admin;
mod app;
mod contract;
mod conversations;
mod coverage;
mod dashboard;
mod directory;
mod error;
mod groups;
mod i18n;
mod knowledge;
mod lifecycle;
mod members;
mod newsletter;
mod openapi;
mod ops;
mod pages;
mod profiles;
mod publishing;
mod readability;
mod scans;
mod security;
mod surveys;
mod sync;

#[cfg(test)]
mod catalogue_tests;
#[cfg(test)]
mod layering_tests;

pub use app::{AppState, WebConfig, route_inventory, router};
pub use openapi::api_document;
pub use ops::metrics::metrics_only_router;
pub use publishing::run_prerender_job;
pub use readability::spelling::dutch as dutch_dictionary;
pub use security::client::TrustedProxies;
