//! Surveys by link on the web: the team's page with links, QR codes and
//! results, the public answer form, the exports and the API. The use cases
//! are in `passend_app::surveys`.

pub mod api;
pub mod pages;
pub mod public;
pub mod results;

/// The browser's key for "one answer per browser".
pub const BROWSER_COOKIE: &str = "passend_enquete";
