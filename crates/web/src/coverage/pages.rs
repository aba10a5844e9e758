//! The coverage matrix as a page.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Html;
use passend_domain::coverage::{AreaKind, CategoryCounts, Gap, LEVELS, LocationOffer};
use passend_domain::questionnaire::{SchoolYear, SupportCategory};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Filters, InSwv};
use crate::app::AppState;
use crate::error::AppResult;
use crate::pages::{PageContext, render};

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
    /// One of the SWV's sub-regions (*kernen*).
    kern: Option<String>,
    /// `gemeente` (default) or `kern`: the areas gaps are measured over.
    gebied: Option<String>,
    /// `niet`, `na_overleg` or `standaard`: the level gaps are measured against.
    niveau: Option<String>,
    /// The category the map colours its locations by.
    onderwerp: Option<String>,
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
    kernen: Vec<String>,
    sector: String,
    municipality: String,
    kern: String,
    /// `gemeente` or `kern`.
    area: &'static str,
    min_level: String,
    levels: Vec<&'static str>,
    /// The category on the map.
    map_category: SupportCategory,
}

/// A bar of the chart: the widths of its parts in percent of the whole.
pub struct Bar {
    pub category: SupportCategory,
    /// standaard, na overleg, niet, unknown.
    pub parts: [(f64, usize); 4],
}

/// A dot on the map, in the SVG's coordinates (0–100 wide, 0–120 high).
pub struct Dot {
    pub x: f64,
    pub y: f64,
    pub class: &'static str,
    pub title: String,
}

impl MatrixPage {
    fn bars(&self) -> Vec<Bar> {
        self.counts
            .iter()
            .map(|c| {
                let total = (c.per_level.iter().sum::<usize>() + c.unknown).max(1) as f64;
                let part = |n: usize| (n as f64 * 100.0 / total, n);
                Bar {
                    category: c.category,
                    parts: [part(c.per_level[2]), part(c.per_level[1]), part(c.per_level[0]), part(c.unknown)],
                }
            })
            .collect()
    }

    /// Each bar part's x offset and width.
    fn segments(&self, bar: &Bar) -> Vec<(f64, f64, usize, &'static str)> {
        let classes = ["level-high", "level-mid", "level-low", "level-none"];
        let mut x = 0.0;
        bar.parts
            .iter()
            .zip(classes)
            .map(|((width, n), class)| {
                let at = x;
                x += width;
                (at, *width, *n, class)
            })
            .collect()
    }

    /// The locations with coordinates, placed in the box they span together.
    fn dots(&self) -> Vec<Dot> {
        let placed: Vec<(&LocationOffer, f64, f64)> =
            self.offers.iter().filter_map(|o| Some((o, o.lat?, o.lon?))).collect();
        let (min_lat, max_lat) =
            placed.iter().fold((f64::MAX, f64::MIN), |(a, b), (_, lat, _)| (a.min(*lat), b.max(*lat)));
        let (min_lon, max_lon) =
            placed.iter().fold((f64::MAX, f64::MIN), |(a, b), (_, _, lon)| (a.min(*lon), b.max(*lon)));
        let span = |lo: f64, hi: f64| if hi - lo < 1e-6 { 1.0 } else { hi - lo };
        placed
            .into_iter()
            .map(|(offer, lat, lon)| Dot {
                x: 5.0 + 90.0 * (lon - min_lon) / span(min_lon, max_lon),
                y: 5.0 + 110.0 * (max_lat - lat) / span(min_lat, max_lat),
                class: self.cell_class(offer, &self.map_category),
                title: format!("{}: {}", offer.name, {
                    let cell = self.cell(offer, &self.map_category);
                    if cell.is_empty() { self.ctx.t("coverage-unknown") } else { cell }
                }),
            })
            .collect()
    }

    fn category_key(&self, category: &SupportCategory) -> String {
        serde_json::to_value(category).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
    }

    /// A value for a link's query string.
    fn query(&self, value: &str) -> String {
        url::form_urlencoded::byte_serialize(value.as_bytes()).collect()
    }

    fn percent(&self, value: &f64) -> String {
        format!("{value:.2}")
    }

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
    InSwv { scope, .. }: InSwv,
    Query(query): Query<CoverageQuery>,
) -> AppResult<Html<String>> {
    let current = passend_app::questionnaire::current_year();
    let year = query.jaar.as_deref().and_then(SchoolYear::parse).unwrap_or(current);
    let nonempty = |v: Option<String>| v.filter(|s| !s.trim().is_empty());
    let min_level = query.niveau.filter(|l| LEVELS.contains(&l.as_str())).unwrap_or_else(|| "standaard".to_owned());
    let filters = Filters {
        year,
        sector: nonempty(query.sector),
        municipality: nonempty(query.gemeente),
        kern: nonempty(query.kern),
        area: query.gebied.as_deref().and_then(AreaKind::parse).unwrap_or_default(),
        min_level: min_level.clone(),
    };
    let coverage = state.app.coverage(&scope, &filters).await?;
    render(&MatrixPage {
        code: scope.code().to_string(),
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
        kernen: coverage.kernen,
        sector: filters.sector.unwrap_or_default(),
        municipality: filters.municipality.unwrap_or_default(),
        kern: filters.kern.unwrap_or_default(),
        area: if filters.area == AreaKind::Kern { "kern" } else { "gemeente" },
        min_level,
        levels: LEVELS.to_vec(),
        map_category: query
            .onderwerp
            .and_then(|k| {
                SupportCategory::ALL
                    .into_iter()
                    .find(|c| serde_json::to_value(c).ok().and_then(|v| v.as_str().map(|s| s == k)).unwrap_or(false))
            })
            .unwrap_or(SupportCategory::Dyslexie),
        ctx,
    })
}
