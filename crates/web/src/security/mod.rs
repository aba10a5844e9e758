//! Sessions, passwords, CSRF protection and login rate limiting.

pub mod client;
pub mod cookies;
pub mod csrf;
pub mod session;
pub mod text;
