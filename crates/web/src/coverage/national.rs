//! The national view for platform admins: the same counts across all SWVs,
//! and per SWV its locations, profiles and gaps.

use std::collections::BTreeMap;

use askama::Template;
use axum::Json;
use axum::extract::{Query, State};
use axum::response::Html;
use passend_domain::access;
use passend_domain::coverage::{CategoryCounts, LocationOffer, counts, gaps, rank};
use passend_domain::questionnaire::{SchoolYear, SupportCategory};
use serde::{Deserialize, Serialize};
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::app::AppState;
use crate::error::AppResult;
use crate::pages::{PageContext, render};
use crate::security::session::{Session, SignedIn};

pub fn page_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(national_page))
}

pub fn api_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(national_json))
}

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

#[derive(Serialize)]
pub struct SwvSummary {
    pub code: String,
    pub locations: usize,
    pub profiles: usize,
    pub adopted: usize,
    /// Municipality × category pairs with no location at *standaard*, counting
    /// only municipalities where the SWV has profiles.
    pub gaps: usize,
}

async fn gather(
    state: &AppState,
    session: &Session,
    year: SchoolYear,
) -> AppResult<(Vec<CategoryCounts>, Vec<SwvSummary>, usize)> {
    let admin = access::platform_admin(&session.actor)?;
    let all = state.db.national_coverage(&admin, year).await?;
    let with_profile: Vec<LocationOffer> =
        all.iter().filter(|(o, _)| o.state.is_some()).map(|(o, _)| o.clone()).collect();
    let mut per_swv: BTreeMap<&str, Vec<&LocationOffer>> = BTreeMap::new();
    for (offer, swvs) in &all {
        for swv in swvs {
            per_swv.entry(swv.as_str()).or_default().push(offer);
        }
    }
    let standaard = rank("standaard").unwrap_or(2);
    let summaries = per_swv
        .into_iter()
        .map(|(code, offers)| {
            let profiled: Vec<LocationOffer> =
                offers.iter().filter(|o| o.state.is_some()).map(|o| (*o).clone()).collect();
            SwvSummary {
                code: code.to_owned(),
                locations: offers.len(),
                profiles: profiled.len(),
                adopted: profiled.iter().filter(|o| !o.is_draft()).count(),
                gaps: if profiled.is_empty() { 0 } else { gaps(&profiled, standaard).len() },
            }
        })
        .collect();
    Ok((counts(&with_profile), summaries, all.len()))
}

fn year_of(query: &YearQuery) -> SchoolYear {
    query
        .jaar
        .as_deref()
        .or(query.year.as_deref())
        .and_then(SchoolYear::parse)
        .unwrap_or_else(crate::profiles::pages::current_year)
}

#[derive(Template)]
#[template(path = "coverage/national.html")]
struct NationalPage {
    ctx: PageContext,
    year: String,
    locations: usize,
    counts: Vec<CategoryCounts>,
    swvs: Vec<SwvSummary>,
}

impl NationalPage {
    fn category_name(&self, category: &SupportCategory) -> String {
        self.ctx.t(category.message_id())
    }
}

#[utoipa::path(get, path = "/beheer/regio", tag = "pages", params(YearQuery),
    responses((status = 200, content_type = "text/html"), (status = 403, description = "Not a platform admin")))]
pub async fn national_page(
    State(state): State<AppState>,
    ctx: PageContext,
    SignedIn(session): SignedIn,
    Query(query): Query<YearQuery>,
) -> AppResult<Html<String>> {
    let year = year_of(&query);
    let (counts, swvs, locations) = gather(&state, &session, year).await?;
    render(&NationalPage { year: year.to_string(), locations, counts, swvs, ctx })
}

/// The national view (platform admins): locations per level and category
/// across the country, and per SWV its locations, profiles, adopted profiles and gaps.
#[utoipa::path(get, path = "/api/v1/national/coverage", tag = "coverage", security(("session" = [])), params(YearQuery),
    responses((status = 200, body = super::bodies::NationalBody), (status = 400, description = "A year that does not exist"), (status = 403, description = "Not a platform admin")))]
pub async fn national_json(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Query(query): Query<YearQuery>,
) -> AppResult<Json<super::bodies::NationalBody>> {
    let year = api_year(&query)?;
    let (counts, swvs, locations) = gather(&state, &session, year).await?;
    Ok(Json(super::bodies::NationalBody {
        school_year: year.to_string(),
        locations,
        counts: counts.into_iter().map(Into::into).collect(),
        swvs: swvs
            .into_iter()
            .map(|s| super::bodies::SwvCoverageBody {
                code: s.code,
                locations: s.locations,
                profiles: s.profiles,
                adopted: s.adopted,
                gaps: s.gaps,
            })
            .collect(),
    }))
}

/// The year an API request names by either name (`jaar` first, as the page
/// reads it); each one given must be a school year.
fn api_year(query: &YearQuery) -> AppResult<SchoolYear> {
    let jaar = query.jaar.as_deref().map(|raw| crate::contract::year_or_current(Some(raw), "jaar")).transpose()?;
    let year = crate::contract::year_or_current(query.year.as_deref(), "year")?;
    Ok(jaar.unwrap_or(year))
}
