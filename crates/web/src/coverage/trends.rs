//! Trends: per support category, how many locations offer each level in
//! each of the last school years; per norm item, the share of locations
//! meeting it in the years that had a norm.

use askama::Template;
use axum::Json;
use axum::extract::State;
use axum::response::Html;
use passend_app::region::{NormTrend, Trends, YearCounts};
use passend_domain::coverage::LEVELS;
use passend_domain::questionnaire::{SupportCategory, default_template};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::InSwv;
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
}

impl TrendsPage {
    fn category_name(&self, category: &SupportCategory) -> String {
        self.ctx.t(category.message_id())
    }

    /// "standaard / na overleg / niet" for a category in a year.
    fn cell(&self, year: &YearCounts, category: &SupportCategory) -> String {
        year.counts
            .iter()
            .find(|c| c.category == *category)
            .map(|c| format!("{} / {} / {}", c.per_level[2], c.per_level[1], c.per_level[0]))
            .unwrap_or_default()
    }

    fn label(&self, key: &str) -> String {
        default_template().item(key).map_or_else(|| key.to_owned(), |i| i.label.clone())
    }

    fn share(&self, share: &Option<f64>) -> String {
        share.map(|s| format!("{s:.0}%")).unwrap_or_else(|| "–".to_owned())
    }

    fn legend(&self) -> String {
        LEVELS.iter().rev().map(|l| self.ctx.t(&format!("level-{l}"))).collect::<Vec<_>>().join(" / ")
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
    render(&TrendsPage { code: scope.code().to_string(), years, norm, ctx })
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
