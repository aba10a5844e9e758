//! Activities on the web: the public list and sign-up pages, the calendar
//! file, the cancel link, the organiser's participant list with exports and
//! attendance, and the API. The use cases are in `passend_app::activities`.

pub mod api;
pub mod pages;

use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// A stored moment as RFC 3339 in UTC (`2027-01-15T08:00:00Z`).
pub fn rfc3339(unix: i64) -> String {
    OffsetDateTime::from_unix_timestamp(unix).ok().and_then(|t| t.format(&Rfc3339).ok()).unwrap_or_default()
}

/// An RFC 3339 moment as unix seconds.
pub fn parse_rfc3339(text: &str) -> Option<i64> {
    OffsetDateTime::parse(text, &Rfc3339).ok().map(OffsetDateTime::unix_timestamp)
}
