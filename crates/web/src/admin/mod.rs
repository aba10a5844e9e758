//! Platform administration: the outbox of mail.

pub mod api;
pub mod pages;
