//! The public directory (SWVs, schools, boards) and the SWV's own details.

pub mod api;
pub mod pages;

use passend_domain::organisations::SwvCode;

use crate::error::{AppError, AppResult};

/// An SWV code from a URL, in any spelling people use.
pub fn swv_code(raw: &str) -> AppResult<SwvCode> {
    SwvCode::parse(raw).map_err(|_| AppError::not_found())
}
