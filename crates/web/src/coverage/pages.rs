//! The coverage matrix as a page.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Html;
use passend_domain::coverage::{CategoryCounts, Gap, LEVELS, LocationOffer};
use passend_domain::questionnaire::{SchoolYear, SupportCategory};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Filters, build};
use crate::app::AppState;
use crate::error::AppResult;
use crate::pages::{PageContext, render};
use crate::security::session::SignedIn;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(coverage_page))
}

#[derive(Deserialize, IntoParams, Default)]
#[serde(default)]
pub struct CoverageQuery {
    /// School year, e.g. 2026-2027 (default: this one).
    jaar: Option<String>,
    sector: Option<String>,
    gemeente: Option<String>,
    /// `niet`, `na_overleg` or `standaard`: the level gaps are measured against.
    niveau: Option<String>,
}

#[derive(Template)]
#[template(path = "coverage/matrix.html")]
struct MatrixPage {
    ctx: PageContext,
    code: String,
    year: String,
    years: Vec<String>,
    categories: Vec<SupportCategory>,
    offers: Vec<LocationOffer>,
    counts: Vec<CategoryCounts>,
    gaps: Vec<Gap>,
    municipalities: Vec<String>,
    sectors: Vec<String>,
    sector: String,
    municipality: String,
    min_level: String,
    levels: Vec<&'static str>,
}

impl MatrixPage {
    fn cell(&self, offer: &LocationOffer, category: &SupportCategory) -> String {
        offer.levels.get(category).map_or_else(String::new, |l| self.ctx.t(&format!("level-{l}")))
    }

    fn cell_class(&self, offer: &LocationOffer, category: &SupportCategory) -> &'static str {
        match offer.levels.get(category).map(String::as_str) {
            Some("standaard") => "level-high",
            Some("na_overleg") => "level-mid",
            Some("niet") => "level-low",
            _ => "level-none",
        }
    }

    fn state_name(&self, offer: &LocationOffer) -> String {
        match offer.state {
            Some(state) => self.ctx.t(state.message_id()),
            None => self.ctx.t("profile-status-none"),
        }
    }

    fn category_name(&self, category: &SupportCategory) -> String {
        self.ctx.t(category.message_id())
    }

    fn level_name(&self, level: &str) -> String {
        self.ctx.t(&format!("level-{level}"))
    }
}

#[utoipa::path(get, path = "/samenwerkingsverbanden/{code}/dekking", tag = "pages", params(("code" = String, Path), CoverageQuery),
    responses((status = 200, content_type = "text/html"), (status = 403, description = "Not this SWV's staff")))]
pub async fn coverage_page(
    State(state): State<AppState>,
    ctx: PageContext,
    SignedIn(session): SignedIn,
    Path(code): Path<String>,
    Query(query): Query<CoverageQuery>,
) -> AppResult<Html<String>> {
    let current = crate::profiles::pages::current_year();
    let year = query.jaar.as_deref().and_then(SchoolYear::parse).unwrap_or(current);
    let nonempty = |v: Option<String>| v.filter(|s| !s.trim().is_empty());
    let min_level = query.niveau.filter(|l| LEVELS.contains(&l.as_str())).unwrap_or_else(|| "standaard".to_owned());
    let filters = Filters {
        year,
        sector: nonempty(query.sector),
        municipality: nonempty(query.gemeente),
        min_level: min_level.clone(),
    };
    let coverage = build(&state, &session, &code, &filters).await?;
    render(&MatrixPage {
        code: crate::directory::swv_code(&code)?.to_string(),
        year: year.to_string(),
        years: [current.previous(), current, SchoolYear::starting(current.start() + 1)]
            .iter()
            .map(ToString::to_string)
            .collect(),
        categories: SupportCategory::ALL.to_vec(),
        offers: coverage.offers,
        counts: coverage.counts,
        gaps: coverage.gaps,
        municipalities: coverage.municipalities,
        sectors: coverage.sectors,
        sector: filters.sector.unwrap_or_default(),
        municipality: filters.municipality.unwrap_or_default(),
        min_level,
        levels: LEVELS.to_vec(),
        ctx,
    })
}
