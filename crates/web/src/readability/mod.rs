//! The plain-language assistant on the web: an API that analyses posted
//! text, used by the questionnaire's live hints, and the report of a profile.

pub mod api;
pub mod hints;
pub mod report;
pub mod spelling;
pub mod terms;
