//! The SWV's region on the web: coverage of support (*dekkend aanbod*), the
//! basic-support norm, the status board, kernen, expertise, trends, exports
//! and the national view. The use cases are in `passend_app::region`.

pub mod api;
pub mod bodies;
pub mod charts;
pub mod expertise;
pub mod kernen;
pub mod map;
pub mod national;
pub mod norm;
pub mod pages;
pub mod status;
pub mod trends;
pub mod xlsx;

use std::sync::Arc;

use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
pub use passend_app::region::{Coverage, Filters, SwvScope};
use passend_domain::questionnaire::SchoolYear;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::security::session::{Session, SignedIn};

/// The SWV named by the route's `{code}`, readable by the signed-in person:
/// the preamble every region page and API route starts from.
pub struct InSwv {
    pub scope: SwvScope,
    pub session: Arc<Session>,
}

impl FromRequestParts<AppState> for InSwv {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> AppResult<Self> {
        let SignedIn(session) = SignedIn::from_request_parts(parts, state).await?;
        let Path(code) = Path::<String>::from_request_parts(parts, state).await.map_err(|_| AppError::not_found())?;
        let scope = state.app.swv_scope(&session.actor, &code).await?;
        Ok(InSwv { scope, session })
    }
}

/// The school year a region view is for: `jaar` on pages, `year` in the API.
#[derive(Deserialize, IntoParams, Default)]
#[serde(default)]
pub struct YearQuery {
    /// e.g. 2026-2027 (default: this school year).
    #[param(value_type = Option<crate::contract::SchoolYearName>)]
    jaar: Option<String>,
    /// The same, as the API names it.
    #[param(value_type = Option<crate::contract::SchoolYearName>)]
    year: Option<String>,
}

impl YearQuery {
    /// The year asked for; this school year when none (or no valid one) is given.
    pub fn school_year(&self) -> SchoolYear {
        self.jaar
            .as_deref()
            .or(self.year.as_deref())
            .and_then(SchoolYear::parse)
            .unwrap_or_else(passend_app::questionnaire::current_year)
    }

    /// The year an API request names by either name (`jaar` first, as the page
    /// reads it); each one given must be a school year, or the request is refused.
    pub fn api_year(&self) -> AppResult<SchoolYear> {
        let jaar = self.jaar.as_deref().map(|raw| crate::contract::year_or_current(Some(raw), "jaar")).transpose()?;
        let year = crate::contract::year_or_current(self.year.as_deref(), "year")?;
        Ok(jaar.unwrap_or(year))
    }
}
