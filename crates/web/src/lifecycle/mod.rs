//! The profile's yearly cycle on the web: the steps panel on a profile's
//! page, the MR's advice, the board's adoption, review comments, the audit
//! log, the planning and what changed. The use cases (with the hand-over
//! mails and reminders) are in `passend_app::lifecycle`.

pub mod actions;
pub mod api;
pub mod changes;
pub mod pages;
pub mod planning;
