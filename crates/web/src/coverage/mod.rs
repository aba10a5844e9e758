//! The SWV's coverage of support (*dekkend aanbod*): locations × support
//! categories, counts per level, and gaps per municipality, as a page and API.

pub mod api;
pub mod bodies;
pub mod expertise;
pub mod kernen;
pub mod national;
pub mod norm;
pub mod pages;
pub mod status;
pub mod trends;
pub mod xlsx;

use passend_domain::access;
use passend_domain::coverage::{AreaKind, CategoryCounts, Gap, LocationOffer, counts, gaps_by, rank};
use passend_domain::organisations::{OrgKind, OrgRef};
use passend_domain::questionnaire::SchoolYear;

use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::security::session::Session;

/// What the reader asks to see.
#[derive(Debug, Clone)]
pub struct Filters {
    pub year: SchoolYear,
    pub sector: Option<String>,
    pub municipality: Option<String>,
    /// One of the SWV's sub-regions.
    pub kern: Option<String>,
    /// Whether gaps are measured per municipality or per kern.
    pub area: AreaKind,
    /// The level a gap is measured against (`standaard` by default).
    pub min_level: String,
}

pub struct Coverage {
    pub offers: Vec<LocationOffer>,
    pub counts: Vec<CategoryCounts>,
    pub gaps: Vec<Gap>,
    pub municipalities: Vec<String>,
    pub sectors: Vec<String>,
    pub kernen: Vec<String>,
}

pub async fn build(state: &AppState, session: &Session, code: &str, filters: &Filters) -> AppResult<Coverage> {
    let code = crate::directory::swv_code(code)?;
    let org = OrgRef { kind: OrgKind::Swv, code: code.to_string() };
    let context = state.db.org_context(&org).await?.ok_or_else(AppError::not_found)?;
    let view = access::view_org(&session.actor, &org, &context)?;
    let all = state.db.coverage(&view, filters.year).await?;
    let mut municipalities: Vec<String> = all.iter().filter_map(|o| o.municipality.clone()).collect();
    municipalities.sort();
    municipalities.dedup();
    let mut sectors: Vec<String> = all.iter().filter_map(|o| o.sector.clone()).collect();
    sectors.sort();
    sectors.dedup();
    let mut kernen: Vec<String> = all.iter().filter_map(|o| o.kern.clone()).collect();
    kernen.sort();
    kernen.dedup();
    let offers: Vec<LocationOffer> = all
        .into_iter()
        .filter(|o| filters.sector.as_ref().filter(|s| !s.is_empty()).is_none_or(|s| o.sector.as_ref() == Some(s)))
        .filter(|o| {
            filters.municipality.as_ref().filter(|m| !m.is_empty()).is_none_or(|m| o.municipality.as_ref() == Some(m))
        })
        .filter(|o| filters.kern.as_ref().filter(|k| !k.is_empty()).is_none_or(|k| o.kern.as_ref() == Some(k)))
        .collect();
    let min = rank(&filters.min_level).unwrap_or(2);
    Ok(Coverage {
        counts: counts(&offers),
        gaps: gaps_by(&offers, min, filters.area),
        offers,
        municipalities,
        sectors,
        kernen,
    })
}
