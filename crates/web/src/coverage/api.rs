//! The coverage matrix through the JSON API.

use axum::Json;
use axum::extract::{Path, Query, State};
use passend_domain::coverage::LEVELS;
use passend_domain::questionnaire::SchoolYear;
use serde::Deserialize;
use serde_json::{Value, json};
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{Filters, build};
use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::security::session::SignedIn;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(coverage))
}

#[derive(Deserialize, IntoParams, Default)]
#[serde(default)]
pub struct CoverageParams {
    /// e.g. 2026-2027 (default: this school year).
    year: Option<String>,
    sector: Option<String>,
    municipality: Option<String>,
    /// `niet`, `na_overleg` or `standaard` (default).
    min_level: Option<String>,
}

/// The SWV's locations × support categories with the level each offers
/// (`state` shows whether the profile is adopted or still a draft), the
/// counts per level, and the gaps per municipality at `min_level`.
#[utoipa::path(get, path = "/api/v1/swvs/{code}/coverage", tag = "coverage", security(("session" = [])),
    params(("code" = String, Path), CoverageParams),
    responses((status = 200, body = Object), (status = 403, description = "Not this SWV's staff")))]
pub async fn coverage(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path(code): Path<String>,
    Query(params): Query<CoverageParams>,
) -> AppResult<Json<Value>> {
    let year = match params.year {
        Some(raw) => SchoolYear::parse(&raw).ok_or_else(|| {
            AppError::invalid(vec![("year".into(), passend_domain::Message::new("profile-year-invalid"))])
        })?,
        None => crate::profiles::pages::current_year(),
    };
    let min_level = params.min_level.unwrap_or_else(|| "standaard".to_owned());
    if !LEVELS.contains(&min_level.as_str()) {
        return Err(AppError::invalid(vec![(
            "min_level".into(),
            passend_domain::Message::new("answer-choice-invalid"),
        )]));
    }
    let filters =
        Filters { year, sector: params.sector, municipality: params.municipality, min_level: min_level.clone() };
    let coverage = build(&state, &session, &code, &filters).await?;
    Ok(Json(json!({
        "school_year": year.to_string(),
        "min_level": min_level,
        "locations": coverage.offers.iter().map(|o| json!({
            "code": o.code, "name": o.name, "brin": o.brin, "municipality": o.municipality, "sector": o.sector,
            "state": o.state, "draft": o.is_draft(), "levels": o.levels,
        })).collect::<Vec<_>>(),
        "counts": coverage.counts,
        "gaps": coverage.gaps,
    })))
}
