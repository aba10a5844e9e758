//! Open data: which profiles are published, one published profile as JSON,
//! and an SWV's published profiles as CSV. No login.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use passend_app::publishing::PublishedSummary;
use passend_domain::publishing;
use passend_domain::questionnaire::SupportCategory;
use passend_i18n::ParentLang;
use serde::Deserialize;
use serde_json::{Value, json};
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::view::PublicView;
use crate::app::AppState;
use crate::error::AppResult;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list)).routes(routes!(one)).routes(routes!(swv_csv))
}

#[derive(Deserialize, IntoParams, Default)]
#[serde(default)]
pub struct ListParams {
    /// Only the locations of this SWV (e.g. PO2707).
    swv: Option<String>,
}

fn urls(state: &AppState, code: &str) -> Value {
    let base = format!("{}/scholen/{code}", state.config.public_url.trim_end_matches('/'));
    json!({
        "page": base, "parents": format!("{base}/ouders"), "profile_pdf": format!("{base}.pdf"),
        "parents_pdf": format!("{base}/ouders.pdf"), "poster_pdf": format!("{base}/poster.pdf"),
        "school_guide_docx": format!("{base}/schoolgids.docx"), "school_guide_pdf": format!("{base}/schoolgids.pdf"),
        "json": format!("{}/api/v1/open/profiles/{code}", state.config.public_url.trim_end_matches('/')),
    })
}

fn summary_json(state: &AppState, p: &PublishedSummary) -> Value {
    json!({
        "location": p.location_code, "name": p.location_name, "brin": p.brin, "municipality": p.municipality,
        "swv_po": p.swv_po, "swv_vo": p.swv_vo, "school_year": p.school_year, "adopted_on": p.adopted_on,
        "content_hash": p.content_hash, "generated": p.generated, "urls": urls(state, &p.location_code),
    })
}

/// Every location's newest published profile: location, school year,
/// adoption date, content hash and the URLs of its page and documents.
#[utoipa::path(get, path = "/api/v1/open/profiles", tag = "open data", security(()), params(ListParams),
    responses((status = 200, body = Object)))]
pub async fn list(State(state): State<AppState>, Query(params): Query<ListParams>) -> AppResult<Json<Value>> {
    let swv = params.swv.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_uppercase);
    let profiles = state.app.published_profiles(swv.as_deref()).await?;
    Ok(Json(json!({
        "count": profiles.len(),
        "profiles": profiles.iter().map(|p| summary_json(&state, p)).collect::<Vec<_>>(),
    })))
}

#[derive(Deserialize, IntoParams, Default)]
#[serde(default)]
pub struct OneParams {
    /// A school year (default: the newest published).
    year: Option<String>,
}

/// One published profile: the offer per category, the specialists, the
/// texts and every chapter with its answers.
#[utoipa::path(get, path = "/api/v1/open/profiles/{code}", tag = "open data", security(()),
    params(("code" = String, Path, description = "Vestigingscode"), OneParams),
    responses((status = 200, body = Object), (status = 404, description = "Not published")))]
pub async fn one(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(params): Query<OneParams>,
) -> AppResult<Json<Value>> {
    let v = PublicView::load(&state, &code, params.year.as_deref(), ParentLang::Nl).await?;
    let offer: serde_json::Map<String, Value> = SupportCategory::ALL
        .iter()
        .map(|c| {
            let level = Some(v.offer.level(*c)).filter(|l| *l != publishing::UNKNOWN);
            (c.key().to_owned(), json!(level))
        })
        .collect();
    Ok(Json(json!({
        "location": v.code, "name": v.location_name, "school_year": v.year, "years": v.years,
        "adopted_on": v.adopted_on, "content_hash": v.content_hash, "generated": v.generated,
        "summary": v.summary, "vision": v.vision, "limits": v.limits, "contact": v.contact,
        "offer": offer,
        "specialists": v.specialists.iter().map(|(n, d)| json!({ "specialist": n, "dagdelen_per_week": d })).collect::<Vec<_>>(),
        "chapters": v.chapters_data(),
        "urls": urls(&state, &v.code),
    })))
}

/// The SWV's published profiles as CSV (semicolons, UTF-8 with BOM, for Excel).
#[utoipa::path(get, path = "/api/v1/open/swvs/{code}/profiles.csv", tag = "open data", security(()),
    params(("code" = String, Path, description = "SWV code, e.g. PO2707")),
    responses((status = 200, content_type = "text/csv"), (status = 404, description = "Unknown SWV")))]
pub async fn swv_csv(State(state): State<AppState>, Path(code): Path<String>) -> AppResult<Response> {
    let code = crate::directory::swv_code(&code)?.to_string();
    let profiles = state.app.published_profiles_of_swv(&code).await?;
    let field = |value: &str| {
        if value.contains([';', '"', '\n', '\r']) {
            format!("\"{}\"", value.replace('"', "\"\""))
        } else {
            value.to_owned()
        }
    };
    let mut csv = String::from(
        "\u{feff}vestiging;naam;brin;gemeente;schooljaar;vastgesteld_op;inhoud_hash;gegenereerd;pagina;ouders_pdf\r\n",
    );
    for p in &profiles {
        let u = urls(&state, &p.location_code);
        csv.push_str(
            &[
                field(&p.location_code),
                field(&p.location_name),
                field(&p.brin),
                field(p.municipality.as_deref().unwrap_or_default()),
                field(&p.school_year),
                field(p.adopted_on.as_deref().unwrap_or_default()),
                field(p.content_hash.as_deref().unwrap_or_default()),
                (if p.generated { "ja" } else { "nee" }).to_owned(),
                field(u["page"].as_str().unwrap_or_default()),
                field(u["parents_pdf"].as_str().unwrap_or_default()),
            ]
            .join(";"),
        );
        csv.push_str("\r\n");
    }
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{code}-profielen.csv\"")),
        ],
        csv,
    )
        .into_response())
}
