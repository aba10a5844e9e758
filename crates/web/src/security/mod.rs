//! Sessions, passwords, CSRF protection and login rate limiting.

pub mod cookies;
pub mod csrf;
pub mod password;
pub mod rate_limit;
pub mod session;
pub mod text;
pub mod tokens;
