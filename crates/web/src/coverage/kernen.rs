//! The SWV's sub-regions (*kernen*): which location belongs to which kern.

use std::collections::BTreeMap;

use askama::Template;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use passend_domain::coverage::{Kern, LocationOffer};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{InSwv, SwvScope};
use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::pages::{PageContext, render};
use crate::security::csrf::CsrfForm;

pub fn page_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(kernen_page, save_kernen_form))
}

pub fn api_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(kernen_json, put_kernen))
}

struct Row {
    code: String,
    name: String,
    municipality: String,
    kern: String,
    error: Option<String>,
}

#[derive(Template)]
#[template(path = "coverage/kernen.html")]
struct KernenPage {
    ctx: PageContext,
    code: String,
    can_edit: bool,
    kernen: Vec<Kern>,
    rows: Vec<Row>,
    names: Vec<String>,
    has_errors: bool,
}

impl KernenPage {
    fn location_name(&self, code: &str) -> String {
        self.rows.iter().find(|r| r.code == code).map_or_else(|| code.to_owned(), |r| r.name.clone())
    }
}

fn page(
    ctx: PageContext,
    scope: &SwvScope,
    locations: Vec<LocationOffer>,
    kernen: Vec<Kern>,
    typed: Option<&[(String, String)]>,
    errors: &BTreeMap<String, String>,
) -> AppResult<Html<String>> {
    let kern_of = |location: &str| -> String {
        if let Some(typed) = typed {
            let field = format!("kern:{location}");
            return typed.iter().find(|(k, _)| *k == field).map(|(_, v)| v.clone()).unwrap_or_default();
        }
        kernen.iter().find(|k| k.locations.iter().any(|c| c == location)).map(|k| k.name.clone()).unwrap_or_default()
    };
    let rows = locations
        .iter()
        .map(|l| Row {
            kern: kern_of(&l.code),
            error: errors.get(&l.code).cloned(),
            code: l.code.clone(),
            name: l.name.clone(),
            municipality: l.municipality.clone().unwrap_or_default(),
        })
        .collect();
    render(&KernenPage {
        can_edit: scope.editable(),
        names: kernen.iter().map(|k| k.name.clone()).collect(),
        has_errors: !errors.is_empty(),
        kernen,
        rows,
        code: scope.code().to_string(),
        ctx,
    })
}

#[utoipa::path(get, path = "/samenwerkingsverbanden/{code}/kernen", tag = "pages", params(("code" = String, Path)),
    responses((status = 200, content_type = "text/html"), (status = 403, description = "Not this SWV's staff")))]
pub async fn kernen_page(
    State(state): State<AppState>,
    ctx: PageContext,
    InSwv { scope, .. }: InSwv,
) -> AppResult<Html<String>> {
    let (locations, kernen) = state.app.kernen(&scope).await?;
    page(ctx, &scope, locations, kernen, None, &BTreeMap::new())
}

/// Kernen from the form: one `kern:{location}` field per location with the kern's name.
fn kernen_from(pairs: &[(String, String)]) -> Vec<Kern> {
    let mut by_name: BTreeMap<String, Kern> = BTreeMap::new();
    for (field, value) in pairs {
        let (Some(location), name) =
            (field.strip_prefix("kern:"), value.split_whitespace().collect::<Vec<_>>().join(" "))
        else {
            continue;
        };
        if name.is_empty() {
            continue;
        }
        let kern =
            by_name.entry(name.to_lowercase()).or_insert_with(|| Kern { name: name.clone(), locations: Vec::new() });
        kern.locations.push(location.to_owned());
    }
    by_name.into_values().collect()
}

#[utoipa::path(post, path = "/samenwerkingsverbanden/{code}/kernen", tag = "pages", params(("code" = String, Path)),
    responses((status = 303, description = "Saved"), (status = 422, description = "Field errors")))]
pub async fn save_kernen_form(
    State(state): State<AppState>,
    ctx: PageContext,
    InSwv { scope, .. }: InSwv,
    form: CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let submitted = kernen_from(&form.form);
    match state.app.save_kernen(&form.session.actor, &scope, &submitted).await? {
        Ok(()) => {
            let code = scope.code();
            Ok(Redirect::to(&format!("/samenwerkingsverbanden/{code}/kernen?melding=opgeslagen")).into_response())
        }
        Err(problems) => {
            // A problem belongs to a kern; show it beside each of its locations.
            let mut errors = BTreeMap::new();
            for problem in problems {
                for location in &submitted[problem.index].locations {
                    errors.insert(location.clone(), ctx.lang.message(&problem.message));
                }
            }
            let (locations, kernen) = state.app.kernen(&scope).await?;
            let html = page(ctx, &scope, locations, kernen, Some(&form.form), &errors)?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
        }
    }
}

/// The SWV's kernen with the codes of their locations.
#[utoipa::path(get, path = "/api/v1/swvs/{code}/kernen", tag = "coverage", security(("session" = [])),
    params(("code" = String, Path)), responses((status = 200, body = super::bodies::KernenBody), (status = 403, description = "Not this SWV's staff")))]
pub async fn kernen_json(
    State(state): State<AppState>,
    InSwv { scope, .. }: InSwv,
) -> AppResult<Json<super::bodies::KernenBody>> {
    let (_, kernen) = state.app.kernen(&scope).await?;
    Ok(Json(super::bodies::KernenBody {
        kernen: kernen.into_iter().map(|k| super::bodies::KernBody { name: k.name, locations: k.locations }).collect(),
    }))
}

/// Replaces the SWV's kernen (its admins): `{"kernen": [{"name", "locations": [vestigingscode]}]}`.
#[utoipa::path(put, path = "/api/v1/swvs/{code}/kernen", tag = "coverage", security(("session" = [])),
    params(("code" = String, Path)), request_body = super::bodies::KernenBody,
    responses((status = 204, description = "Saved"), (status = 400, description = "Field errors"), (status = 403, description = "Not this SWV's admin")))]
pub async fn put_kernen(
    State(state): State<AppState>,
    InSwv { scope, session }: InSwv,
    Json(body): Json<super::bodies::KernenBody>,
) -> AppResult<StatusCode> {
    let kernen: Vec<Kern> = body.kernen.into_iter().map(|k| Kern { name: k.name, locations: k.locations }).collect();
    state.app.save_kernen(&session.actor, &scope, &kernen).await?.map_err(|problems| {
        AppError::invalid(problems.into_iter().map(|p| (format!("kernen[{}]", p.index), p.message)).collect())
    })?;
    Ok(StatusCode::NO_CONTENT)
}
