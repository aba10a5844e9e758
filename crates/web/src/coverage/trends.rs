//! Trends: per support category, how many locations offer each level in
//! each of the last school years; per norm item, the share of locations
//! meeting it in the years that had a norm.

use askama::Template;
use axum::Json;
use axum::extract::{Path, State};
use axum::response::Html;
use passend_domain::access;
use passend_domain::coverage::{CategoryCounts, LEVELS, counts};
use passend_domain::organisations::{OrgKind, OrgRef};
use passend_domain::questionnaire::{SchoolYear, SupportCategory, default_template};
use serde::Serialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::pages::{PageContext, render};
use crate::security::session::{Session, SignedIn};

/// How many school years back the trends go (this one included).
const YEARS: u16 = 4;

pub fn page_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(trends_page))
}

pub fn api_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(trends_json))
}

#[derive(Serialize)]
pub struct YearCounts {
    pub school_year: String,
    pub counts: Vec<CategoryCounts>,
}

#[derive(Serialize)]
pub struct NormTrend {
    pub key: String,
    /// Per school year with a norm naming this item: the share of profiles meeting it, in percent.
    pub shares: Vec<(String, Option<f64>)>,
}

async fn gather(
    state: &AppState,
    session: &Session,
    code: &str,
) -> AppResult<(String, Vec<YearCounts>, Vec<NormTrend>)> {
    let code = crate::directory::swv_code(code)?;
    let org = OrgRef { kind: OrgKind::Swv, code: code.to_string() };
    let context = state.db.org_context(&org).await?.ok_or_else(AppError::not_found)?;
    let view = access::view_org(&session.actor, &org, &context)?;
    let current = crate::profiles::pages::current_year();
    let years: Vec<SchoolYear> = (0..YEARS).rev().map(|back| SchoolYear::starting(current.start() - back)).collect();
    let mut per_year = Vec::new();
    let mut norm_items: Vec<String> = Vec::new();
    let mut shares: Vec<(String, String, Option<f64>)> = Vec::new();
    for year in &years {
        let offers = state.db.coverage(&view, *year).await?;
        let with_profile: Vec<_> = offers.into_iter().filter(|o| o.state.is_some()).collect();
        per_year.push(YearCounts { school_year: year.to_string(), counts: counts(&with_profile) });
        if let Some(norm) = state.db.norm(&view, *year).await? {
            let profiles = state.db.region_profiles(&view, *year).await?;
            for item in &norm.items {
                if !norm_items.contains(&item.key) {
                    norm_items.push(item.key.clone());
                }
                let single = passend_domain::coverage::Norm { items: vec![item.clone()], target_percent: 100 };
                let met =
                    profiles.iter().filter(|p| single.compliance(default_template(), &p.answers).met == 1).count();
                let share = (!profiles.is_empty()).then(|| met as f64 * 100.0 / profiles.len() as f64);
                shares.push((item.key.clone(), year.to_string(), share));
            }
        }
    }
    let norm = norm_items
        .into_iter()
        .map(|key| NormTrend {
            shares: years
                .iter()
                .map(|y| {
                    let year = y.to_string();
                    let share = shares.iter().find(|(k, yr, _)| *k == key && *yr == year).and_then(|(_, _, s)| *s);
                    (year, share)
                })
                .collect(),
            key,
        })
        .collect();
    Ok((code.to_string(), per_year, norm))
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
    SignedIn(session): SignedIn,
    Path(code): Path<String>,
) -> AppResult<Html<String>> {
    let (code, years, norm) = gather(&state, &session, &code).await?;
    render(&TrendsPage { code, years, norm, ctx })
}

/// Per school year (the last four): locations per level and category, and
/// the share of profiles meeting each norm item.
#[utoipa::path(get, path = "/api/v1/swvs/{code}/trends", tag = "coverage", security(("session" = [])),
    params(("code" = String, Path)), responses((status = 200, body = super::bodies::TrendsBody), (status = 403, description = "Not this SWV's staff")))]
pub async fn trends_json(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path(code): Path<String>,
) -> AppResult<Json<super::bodies::TrendsBody>> {
    let (_, years, norm) = gather(&state, &session, &code).await?;
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
