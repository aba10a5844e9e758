//! The profile's yearly cycle on the web: the steps panel on a profile's
//! page, the MR's advice, the board's adoption, review comments, the audit
//! log, and the mail that goes out at every hand-over.

pub mod actions;
pub mod api;
pub mod changes;
mod notify;
pub mod pages;
pub mod planning;
pub mod reminders;
