//! The national view for platform admins: the same counts across all SWVs,
//! and per SWV its locations, profiles and gaps.

use askama::Template;
use axum::Json;
use axum::extract::{Query, State};
use axum::response::Html;
use passend_app::region::{NationalView, SwvSummary};
use passend_domain::coverage::CategoryCounts;
use passend_domain::questionnaire::SupportCategory;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::YearQuery;
use crate::app::AppState;
use crate::error::AppResult;
use crate::pages::{PageContext, render};
use crate::security::session::SignedIn;

pub fn page_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(national_page))
}

pub fn api_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(national_json))
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
    let year = query.school_year();
    let NationalView { counts, swvs, locations } = state.app.national_coverage(&session.actor, year).await?;
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
    let year = query.api_year()?;
    let NationalView { counts, swvs, locations } = state.app.national_coverage(&session.actor, year).await?;
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
                unknown: s.unknown,
            })
            .collect(),
    }))
}
