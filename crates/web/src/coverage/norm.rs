//! The basic-support norm: the SWV sets items and minimum levels and a
//! target share; per location the share met and the items missing.

use askama::Template;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use passend_domain::access;
use passend_domain::coverage::{Compliance, Norm, NormItem};
use passend_domain::organisations::{OrgKind, OrgRef, SwvCode};
use passend_domain::questionnaire::{ItemKind, SchoolYear, default_template};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::pages::{PageContext, render};
use crate::security::csrf::CsrfForm;
use crate::security::session::{Session, SignedIn};

pub fn page_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(norm_page, save_norm_form))
}

pub fn api_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(norm_json, put_norm))
}

#[derive(Deserialize, IntoParams, Default)]
#[serde(default)]
pub struct YearQuery {
    /// e.g. 2026-2027 (default: this school year).
    jaar: Option<String>,
}

#[derive(Deserialize, IntoParams, Default)]
#[serde(default)]
pub struct YearParam {
    /// e.g. 2026-2027 (default: this school year).
    #[param(value_type = Option<crate::contract::SchoolYearName>)]
    year: Option<String>,
}

fn year_of(raw: Option<&str>) -> SchoolYear {
    raw.and_then(SchoolYear::parse).unwrap_or_else(crate::profiles::pages::current_year)
}

/// A location's result against the norm.
pub struct LocationCompliance {
    pub code: String,
    pub name: String,
    pub brin: String,
    pub draft: bool,
    pub compliance: Compliance,
}

async fn results(
    state: &AppState,
    session: &Session,
    code: &str,
    year: SchoolYear,
) -> AppResult<(SwvCode, Option<Norm>, Vec<LocationCompliance>)> {
    let code = crate::directory::swv_code(code)?;
    let org = OrgRef { kind: OrgKind::Swv, code: code.to_string() };
    let context = state.db.org_context(&org).await?.ok_or_else(AppError::not_found)?;
    let view = access::view_org(&session.actor, &org, &context)?;
    let norm = state.db.norm(&view, year).await?;
    let mut out = Vec::new();
    if let Some(norm) = &norm {
        for profile in state.db.region_profiles(&view, year).await? {
            out.push(LocationCompliance {
                compliance: norm.compliance(default_template(), &profile.answers),
                draft: profile.state.is_some_and(|s| !s.is_adopted()),
                code: profile.location_code,
                name: profile.location_name,
                brin: profile.brin,
            });
        }
        // Those below the target first, lowest share first.
        out.sort_by(|a, b| {
            b.compliance
                .below_target
                .cmp(&a.compliance.below_target)
                .then(a.compliance.percent.total_cmp(&b.compliance.percent))
        });
    }
    Ok((code, norm, out))
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

#[allow(clippy::too_many_arguments)]
async fn page(
    state: &AppState,
    ctx: PageContext,
    session: &Session,
    code: &str,
    year: SchoolYear,
    typed: Option<&[(String, String)]>,
    errors: Vec<(String, String)>,
) -> AppResult<Html<String>> {
    let (code, norm, results) = results(state, session, code, year).await?;
    render(&NormPage {
        can_edit: access::edit_swv(&session.actor, code.as_str()).is_ok(),
        target: typed
            .and_then(|t| t.iter().find(|(k, _)| k == "target").map(|(_, v)| v.clone()))
            .or_else(|| norm.as_ref().map(|n| n.target_percent.to_string()))
            .unwrap_or_else(|| "85".to_owned()),
        candidates: candidates(norm.as_ref(), typed),
        has_norm: norm.is_some(),
        code: code.to_string(),
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
    SignedIn(session): SignedIn,
    Path(code): Path<String>,
    Query(query): Query<YearQuery>,
) -> AppResult<Html<String>> {
    page(&state, ctx, &session, &code, year_of(query.jaar.as_deref()), None, Vec::new()).await
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
    Path(code): Path<String>,
    Query(query): Query<YearQuery>,
    form: CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let swv = crate::directory::swv_code(&code)?;
    let edit = access::edit_swv(&form.session.actor, swv.as_str())?;
    let year = year_of(query.jaar.as_deref());
    match norm_from(&form.form) {
        Ok(norm) => {
            state.db.save_norm(&edit, year, &norm, form.session.user.id).await?;
            Ok(Redirect::to(&format!(
                "/samenwerkingsverbanden/{swv}/basisondersteuning?jaar={year}&melding=opgeslagen"
            ))
            .into_response())
        }
        Err(problems) => {
            let errors = problems.into_iter().map(|(f, m)| (f, ctx.lang.message(&m))).collect();
            let html = page(&state, ctx, &form.session, &code, year, Some(&form.form), errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
        }
    }
}

/// The SWV's basic-support norm for a year and every location's result against it.
#[utoipa::path(get, path = "/api/v1/swvs/{code}/norm", tag = "coverage", security(("session" = [])),
    params(("code" = String, Path), YearParam), responses((status = 200, body = super::bodies::NormResults), (status = 400, description = "A year that does not exist"), (status = 403, description = "Not this SWV's staff")))]
pub async fn norm_json(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path(code): Path<String>,
    Query(query): Query<YearParam>,
) -> AppResult<Json<super::bodies::NormResults>> {
    let year = crate::contract::year_or_current(query.year.as_deref(), "year")?;
    let (_, norm, results) = results(&state, &session, &code, year).await?;
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
    params(("code" = String, Path), YearParam), request_body = super::bodies::NormBody,
    responses((status = 204, description = "Saved"), (status = 400, description = "Field errors"), (status = 403, description = "Not this SWV's admin")))]
pub async fn put_norm(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path(code): Path<String>,
    Query(query): Query<YearParam>,
    Json(norm): Json<super::bodies::NormBody>,
) -> AppResult<StatusCode> {
    let norm = Norm::from(norm);
    let swv = crate::directory::swv_code(&code)?;
    let edit = access::edit_swv(&session.actor, swv.as_str())?;
    norm.check(default_template()).map_err(AppError::invalid)?;
    let year = crate::contract::year_or_current(query.year.as_deref(), "year")?;
    state.db.save_norm(&edit, year, &norm, session.user.id).await?;
    Ok(StatusCode::NO_CONTENT)
}
