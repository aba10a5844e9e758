//! The coverage matrix through the JSON API.

use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use passend_domain::coverage::{AreaKind, CoverageSettings, LEVELS};
use passend_domain::questionnaire::SchoolYear;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::bodies::{CoverageBody, CoverageSettingsBody, LocationCoverage};
use super::{Filters, InSwv};
use crate::app::AppState;
use crate::error::{AppError, AppResult};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(coverage))
        .routes(routes!(coverage_csv))
        .routes(routes!(coverage_settings, put_coverage_settings))
}

#[derive(Deserialize, IntoParams, Default)]
#[serde(default)]
pub struct CoverageParams {
    /// e.g. 2026-2027 (default: this school year).
    #[param(value_type = Option<crate::contract::SchoolYearName>)]
    year: Option<String>,
    sector: Option<String>,
    municipality: Option<String>,
    /// One of the SWV's sub-regions (*kernen*).
    kern: Option<String>,
    /// `municipality` (default) or `kern`: the areas gaps are measured over.
    #[param(schema_with = area_schema)]
    area: Option<String>,
    /// `niet`, `na_overleg` or `standaard` (default).
    #[param(schema_with = super::bodies::level)]
    min_level: Option<String>,
}

/// The SWV's locations × support categories with the level each offers
/// (`state` shows whether the profile is adopted or still a draft), the
/// counts per level, and per area (municipality or kern) the categories not
/// covered at `min_level`: `gaps` where enough locations answered (the
/// SWV's `min_profiled_percent`) and none offers it, `unknown` where too few
/// answered to tell.
#[utoipa::path(get, path = "/api/v1/swvs/{code}/coverage", tag = "coverage", security(("session" = [])),
    params(("code" = String, Path), CoverageParams),
    responses((status = 200, body = CoverageBody), (status = 400, description = "A year, area or level that does not exist"),
              (status = 403, description = "Not this SWV's staff")))]
pub async fn coverage(
    State(state): State<AppState>,
    InSwv { scope, .. }: InSwv,
    Query(params): Query<CoverageParams>,
) -> AppResult<Json<CoverageBody>> {
    let year = match params.year {
        Some(raw) => SchoolYear::parse(&raw).ok_or_else(|| {
            AppError::invalid(vec![("year".into(), passend_domain::Message::new("profile-year-invalid"))])
        })?,
        None => passend_app::questionnaire::current_year(),
    };
    let min_level = min_level_of(params.min_level)?;
    let filters = Filters {
        year,
        sector: params.sector,
        municipality: params.municipality,
        kern: params.kern,
        area: area_of(params.area.as_deref())?,
        min_level: min_level.clone(),
    };
    let coverage = state.app.coverage(&scope, &filters).await?;
    Ok(Json(CoverageBody {
        school_year: year.to_string(),
        min_level,
        min_profiled_percent: coverage.settings.min_profiled_percent,
        locations: coverage
            .offers
            .iter()
            .map(|o| LocationCoverage {
                code: o.code.clone(),
                name: o.name.clone(),
                brin: o.brin.clone(),
                municipality: o.municipality.clone(),
                sector: o.sector.clone(),
                state: o.state,
                draft: o.is_draft(),
                generated: o.generated,
                levels: o.levels.iter().map(|(c, l)| (c.key().to_owned(), l.clone())).collect(),
            })
            .collect(),
        counts: coverage.counts.into_iter().map(Into::into).collect(),
        gaps: coverage.gaps.into_iter().map(Into::into).collect(),
        unknown: coverage.unknown.into_iter().map(Into::into).collect(),
    }))
}

/// How the SWV tells a gap from an area it knows too little about.
#[utoipa::path(get, path = "/api/v1/swvs/{code}/coverage/settings", tag = "coverage", security(("session" = [])),
    params(("code" = String, Path)),
    responses((status = 200, body = CoverageSettingsBody), (status = 403, description = "Not this SWV's staff")))]
pub async fn coverage_settings(
    State(state): State<AppState>,
    InSwv { scope, .. }: InSwv,
) -> AppResult<Json<CoverageSettingsBody>> {
    Ok(Json(state.app.coverage_settings(&scope).await?.into()))
}

/// Sets the share of an area's locations that must answer before a lack of offer is a gap (the SWV's admins).
#[utoipa::path(put, path = "/api/v1/swvs/{code}/coverage/settings", tag = "coverage", security(("session" = [])),
    params(("code" = String, Path)), request_body = CoverageSettingsBody,
    responses((status = 204, description = "Saved"), (status = 400, description = "Field errors"),
              (status = 403, description = "Not this SWV's admin")))]
pub async fn put_coverage_settings(
    State(state): State<AppState>,
    InSwv { scope, session }: InSwv,
    Json(body): Json<CoverageSettingsBody>,
) -> AppResult<StatusCode> {
    let settings = CoverageSettings::from(body);
    state.app.save_coverage_settings(&session.actor, &scope, &settings).await?.map_err(AppError::invalid)?;
    Ok(StatusCode::NO_CONTENT)
}

fn area_schema() -> utoipa::openapi::schema::Object {
    utoipa::openapi::schema::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .enum_values(Some(["municipality", "gemeente", "kern"]))
        .build()
}

/// The level gaps are measured at, `standaard` by default.
fn min_level_of(raw: Option<String>) -> AppResult<String> {
    let min_level = raw.unwrap_or_else(|| "standaard".to_owned());
    if !LEVELS.contains(&min_level.as_str()) {
        return Err(AppError::invalid(vec![(
            "min_level".into(),
            passend_domain::Message::new("answer-choice-invalid"),
        )]));
    }
    Ok(min_level)
}

/// The areas gaps are measured over; a name that is none of them is refused
/// rather than read as the default.
fn area_of(raw: Option<&str>) -> AppResult<AreaKind> {
    match raw {
        None => Ok(AreaKind::default()),
        Some(raw) => AreaKind::parse(raw).ok_or_else(|| {
            AppError::invalid(vec![("area".into(), passend_domain::Message::new("answer-choice-invalid"))])
        }),
    }
}

/// The coverage matrix as CSV (semicolons, as Dutch spreadsheets expect;
/// UTF-8 with a byte-order mark so that Excel reads the accents).
#[utoipa::path(get, path = "/api/v1/swvs/{code}/coverage.csv", tag = "coverage", security(("session" = [])),
    params(("code" = String, Path), CoverageParams),
    responses((status = 200, content_type = "text/csv"), (status = 400, description = "A year or area that does not exist"),
              (status = 403, description = "Not this SWV's staff")))]
pub async fn coverage_csv(
    State(state): State<AppState>,
    InSwv { scope, .. }: InSwv,
    Query(params): Query<CoverageParams>,
) -> AppResult<axum::response::Response> {
    use axum::response::IntoResponse;
    let year = crate::contract::year_or_current(params.year.as_deref(), "year")?;
    let filters = Filters {
        year,
        sector: params.sector,
        municipality: params.municipality,
        kern: params.kern,
        area: area_of(params.area.as_deref())?,
        min_level: min_level_of(params.min_level)?,
    };
    let coverage = state.app.coverage(&scope, &filters).await?;
    let categories = passend_domain::questionnaire::SupportCategory::ALL;
    let mut csv = String::from("\u{feff}vestiging;naam;gemeente;sector;profiel");
    for category in categories {
        csv.push(';');
        csv.push_str(
            &serde_json::to_value(category).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default(),
        );
    }
    csv.push_str("\r\n");
    let field = |value: &str| {
        if value.contains([';', '"', '\n']) { format!("\"{}\"", value.replace('"', "\"\"")) } else { value.to_owned() }
    };
    for offer in &coverage.offers {
        let state_name = offer.state.map_or("", |s| s.as_str());
        csv.push_str(
            &[
                field(&offer.code),
                field(&offer.name),
                field(offer.municipality.as_deref().unwrap_or_default()),
                field(offer.sector.as_deref().unwrap_or_default()),
                field(state_name),
            ]
            .join(";"),
        );
        for category in categories {
            csv.push(';');
            csv.push_str(offer.levels.get(&category).map_or("", String::as_str));
        }
        csv.push_str("\r\n");
    }
    let name = format!("attachment; filename=\"dekking-{}-{year}.csv\"", scope.code());
    Ok((
        [
            (axum::http::header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (axum::http::header::CONTENT_DISPOSITION, name),
        ],
        csv,
    )
        .into_response())
}
