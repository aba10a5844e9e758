//! An organisation's members and invitations.

pub mod actions;
pub mod api;
pub mod pages;
