//! Trends: per support category, how many locations offer each level in
//! each of the last school years; per norm item, the share of locations
//! meeting it in the years that had a norm.

use askama::Template;
use axum::Json;
use axum::extract::State;
use axum::response::Html;
use passend_app::region::{NormTrend, Trends, YearCounts};
use passend_domain::questionnaire::{SupportCategory, default_template};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::InSwv;
use super::charts::{self, TrendChart};
use crate::app::AppState;
use crate::error::AppResult;
use crate::pages::{PageContext, render};

pub fn page_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(trends_page))
}

pub fn api_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(trends_json))
}

#[derive(Template)]
#[template(path = "coverage/trends.html")]
struct TrendsPage {
    ctx: PageContext,
    code: String,
    years: Vec<YearCounts>,
    norm: Vec<NormTrend>,
    /// A chart per support category over the years.
    topics: Vec<Topic>,
}

/// One category over the school years: its chart and the numbers beside it.
struct Topic {
    category: SupportCategory,
    chart: TrendChart,
    /// Per year (oldest first): standaard, na overleg, niet, not answered.
    rows: Vec<(String, [usize; 4])>,
}

fn topics(years: &[YearCounts]) -> Vec<Topic> {
    SupportCategory::ALL
        .into_iter()
        .map(|category| {
            let rows: Vec<(String, [usize; 4])> = years
                .iter()
                .map(|y| {
                    let counts = y.counts.iter().find(|c| c.category == category).map_or([0; 4], charts::bar_counts);
                    (y.school_year.clone(), counts)
                })
                .collect();
            Topic { category, chart: charts::trend_chart(&rows), rows }
        })
        .collect()
}

impl TrendsPage {
    fn category_name(&self, category: &SupportCategory) -> String {
        self.ctx.t(category.message_id())
    }

    /// A coordinate or length in the SVG, to a tenth of a unit.
    fn fmt(&self, value: impl std::borrow::Borrow<f64>) -> String {
        format!("{:.1}", value.borrow())
    }

    /// "Dyslexie, 2026-2027: standaard 3" for a bar part's hover text.
    fn segment_title(&self, category: &SupportCategory, year: &str, part: &usize, count: &usize) -> String {
        format!("{}, {year}: {} {count}", self.category_name(category), self.part_name(part))
    }

    /// The bar parts, in order: standaard, na overleg, niet, not answered.
    fn parts(&self) -> [usize; 4] {
        [0, 1, 2, 3]
    }

    /// The name of a bar part: a level, or not answered.
    fn part_name(&self, part: &usize) -> String {
        match part {
            0 => self.ctx.t("level-standaard"),
            1 => self.ctx.t("level-na_overleg"),
            2 => self.ctx.t("level-niet"),
            _ => self.ctx.t("trends-not-answered"),
        }
    }

    fn label(&self, key: &str) -> String {
        default_template().item(key).map_or_else(|| key.to_owned(), |i| i.label.clone())
    }

    fn share(&self, share: &Option<f64>) -> String {
        share.map(|s| format!("{s:.0}%")).unwrap_or_else(|| "–".to_owned())
    }
}

#[utoipa::path(get, path = "/samenwerkingsverbanden/{code}/trends", tag = "pages", params(("code" = String, Path)),
    responses((status = 200, content_type = "text/html")))]
pub async fn trends_page(
    State(state): State<AppState>,
    ctx: PageContext,
    InSwv { scope, .. }: InSwv,
) -> AppResult<Html<String>> {
    let Trends { per_year: years, norm } = state.app.trends(&scope).await?;
    render(&TrendsPage { code: scope.code().to_string(), topics: topics(&years), years, norm, ctx })
}

/// Per school year (the last four): locations per level and category, and
/// the share of profiles meeting each norm item.
#[utoipa::path(get, path = "/api/v1/swvs/{code}/trends", tag = "coverage", security(("session" = [])),
    params(("code" = String, Path)), responses((status = 200, body = super::bodies::TrendsBody), (status = 403, description = "Not this SWV's staff")))]
pub async fn trends_json(
    State(state): State<AppState>,
    InSwv { scope, .. }: InSwv,
) -> AppResult<Json<super::bodies::TrendsBody>> {
    let Trends { per_year: years, norm } = state.app.trends(&scope).await?;
    Ok(Json(super::bodies::TrendsBody {
        years: years
            .into_iter()
            .map(|y| super::bodies::YearCountsBody {
                school_year: y.school_year,
                counts: y.counts.into_iter().map(Into::into).collect(),
            })
            .collect(),
        norm: norm
            .into_iter()
            .map(|n| super::bodies::NormTrendBody {
                key: n.key,
                shares: n
                    .shares
                    .into_iter()
                    .map(|(school_year, percent)| super::bodies::ShareBody { school_year, percent })
                    .collect(),
            })
            .collect(),
    }))
}
