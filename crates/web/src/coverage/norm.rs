//! The basic-support norm: the SWV sets items and minimum levels and a
//! target share; per location the share met and the items missing.

use askama::Template;
use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use passend_app::region::LocationCompliance;
use passend_domain::coverage::{Norm, NormItem};
use passend_domain::questionnaire::{ItemKind, SchoolYear, default_template};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{InSwv, SwvScope, YearQuery};
use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::pages::{PageContext, render};
use crate::security::csrf::CsrfForm;

pub fn page_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(norm_page, save_norm_form))
}

pub fn api_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(norm_json, put_norm))
}

/// A scale item the norm may name, with its levels.
struct Candidate {
    key: String,
    label: String,
    levels: Vec<(String, String)>,
    chosen: String,
}

#[derive(Template)]
#[template(path = "coverage/norm.html")]
struct NormPage {
    ctx: PageContext,
    code: String,
    year: String,
    can_edit: bool,
    target: String,
    candidates: Vec<Candidate>,
    results: Vec<LocationCompliance>,
    has_norm: bool,
    errors: Vec<(String, String)>,
}

impl NormPage {
    fn label(&self, key: &str) -> String {
        default_template().item(key).map_or_else(|| key.to_owned(), |i| i.label.clone())
    }

    fn percent(&self, value: &f64) -> String {
        format!("{value:.0}%")
    }

    fn error(&self, field: &str) -> Option<&str> {
        self.errors.iter().find(|(f, _)| f == field).map(|(_, m)| m.as_str())
    }
}

fn candidates(norm: Option<&Norm>, typed: Option<&[(String, String)]>) -> Vec<Candidate> {
    default_template()
        .items()
        .filter_map(|item| match &item.kind {
            ItemKind::Scale { levels } => Some(Candidate {
                chosen: typed
                    .and_then(|t| t.iter().find(|(k, _)| k == &format!("min:{}", item.key)).map(|(_, v)| v.clone()))
                    .or_else(|| {
                        norm.and_then(|n| n.items.iter().find(|i| i.key == item.key)).map(|i| i.min_level.clone())
                    })
                    .unwrap_or_default(),
                key: item.key.clone(),
                label: item.label.clone(),
                levels: levels.iter().map(|l| (l.key.clone(), l.label.clone())).collect(),
            }),
            _ => None,
        })
        .collect()
}

async fn page(
    state: &AppState,
    ctx: PageContext,
    scope: &SwvScope,
    year: SchoolYear,
    typed: Option<&[(String, String)]>,
    errors: Vec<(String, String)>,
) -> AppResult<Html<String>> {
    let (norm, results) = state.app.norm_results(scope, year).await?;
    render(&NormPage {
        can_edit: scope.editable(),
        target: typed
            .and_then(|t| t.iter().find(|(k, _)| k == "target").map(|(_, v)| v.clone()))
            .or_else(|| norm.as_ref().map(|n| n.target_percent.to_string()))
            .unwrap_or_else(|| "85".to_owned()),
        candidates: candidates(norm.as_ref(), typed),
        has_norm: norm.is_some(),
        code: scope.code().to_string(),
        year: year.to_string(),
        results,
        errors,
        ctx,
    })
}

#[utoipa::path(get, path = "/samenwerkingsverbanden/{code}/basisondersteuning", tag = "pages", params(("code" = String, Path), YearQuery),
    responses((status = 200, content_type = "text/html")))]
pub async fn norm_page(
    State(state): State<AppState>,
    ctx: PageContext,
    InSwv { scope, .. }: InSwv,
    Query(query): Query<YearQuery>,
) -> AppResult<Html<String>> {
    page(&state, ctx, &scope, query.school_year(), None, Vec::new()).await
}

/// The norm from the form's `min:KEY` and `target` fields.
fn norm_from(pairs: &[(String, String)]) -> Result<Norm, Vec<(String, passend_domain::Message)>> {
    let items = pairs
        .iter()
        .filter_map(|(k, v)| Some(NormItem { key: k.strip_prefix("min:")?.to_owned(), min_level: v.clone() }))
        .filter(|i| !i.min_level.is_empty())
        .collect();
    let target = pairs.iter().find(|(k, _)| k == "target").map(|(_, v)| v.trim()).unwrap_or_default();
    let target_percent: u8 = target
        .trim_end_matches('%')
        .trim()
        .parse()
        .map_err(|_| vec![("target_percent".to_owned(), passend_domain::Message::new("norm-target-invalid"))])?;
    let norm = Norm { items, target_percent };
    norm.check(default_template())?;
    Ok(norm)
}

#[utoipa::path(post, path = "/samenwerkingsverbanden/{code}/basisondersteuning", tag = "pages", params(("code" = String, Path), YearQuery),
    responses((status = 303, description = "Saved"), (status = 422, description = "Field errors")))]
pub async fn save_norm_form(
    State(state): State<AppState>,
    ctx: PageContext,
    InSwv { scope, .. }: InSwv,
    Query(query): Query<YearQuery>,
    form: CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let swv = scope.code();
    let year = query.school_year();
    let checked = match norm_from(&form.form) {
        Ok(norm) => state.app.save_norm(&form.session.actor, &scope, year, &norm).await?,
        Err(problems) => Err(problems),
    };
    match checked {
        Ok(()) => Ok(Redirect::to(&format!(
            "/samenwerkingsverbanden/{swv}/basisondersteuning?jaar={year}&melding=opgeslagen"
        ))
        .into_response()),
        Err(problems) => {
            let errors = problems.into_iter().map(|(f, m)| (f, ctx.lang.message(&m))).collect();
            let html = page(&state, ctx, &scope, year, Some(&form.form), errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
        }
    }
}

/// The SWV's basic-support norm for a year and every location's result against it.
#[utoipa::path(get, path = "/api/v1/swvs/{code}/norm", tag = "coverage", security(("session" = [])),
    params(("code" = String, Path), YearQuery), responses((status = 200, body = super::bodies::NormResults), (status = 400, description = "A year that does not exist"), (status = 403, description = "Not this SWV's staff")))]
pub async fn norm_json(
    State(state): State<AppState>,
    InSwv { scope, .. }: InSwv,
    Query(query): Query<YearQuery>,
) -> AppResult<Json<super::bodies::NormResults>> {
    let year = query.api_year()?;
    let (norm, results) = state.app.norm_results(&scope, year).await?;
    Ok(Json(super::bodies::NormResults {
        school_year: year.to_string(),
        norm: norm.map(Into::into),
        locations: results
            .into_iter()
            .map(|r| super::bodies::LocationCompliance {
                code: r.code,
                name: r.name,
                brin: r.brin,
                draft: r.draft,
                met: r.compliance.met,
                total: r.compliance.total,
                percent: r.compliance.percent,
                below_target: r.compliance.below_target,
                missing: r.compliance.missing,
            })
            .collect(),
    }))
}

/// Sets the SWV's norm for a year (its admins): items with their minimum level and the target share.
#[utoipa::path(put, path = "/api/v1/swvs/{code}/norm", tag = "coverage", security(("session" = [])),
    params(("code" = String, Path), YearQuery), request_body = super::bodies::NormBody,
    responses((status = 204, description = "Saved"), (status = 400, description = "Field errors"), (status = 403, description = "Not this SWV's admin")))]
pub async fn put_norm(
    State(state): State<AppState>,
    InSwv { scope, session }: InSwv,
    Query(query): Query<YearQuery>,
    Json(norm): Json<super::bodies::NormBody>,
) -> AppResult<StatusCode> {
    let norm = Norm::from(norm);
    let year = query.api_year()?;
    state.app.save_norm(&session.actor, &scope, year, &norm).await?.map_err(AppError::invalid)?;
    Ok(StatusCode::NO_CONTENT)
}
