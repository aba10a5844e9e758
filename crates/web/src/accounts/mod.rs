//! Accounts: login and logout, accepting an invitation, password reset.

pub mod actions;
pub mod api;
pub mod oidc;
pub mod pages;
