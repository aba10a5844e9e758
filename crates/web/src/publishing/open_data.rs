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
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::view::PublicView;
use crate::app::AppState;
use crate::error::AppResult;
use passend_documents::data::ChapterData as OpenChapter;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list)).routes(routes!(one)).routes(routes!(swv_csv))
}

#[derive(Deserialize, IntoParams, Default)]
#[serde(default)]
pub struct ListParams {
    /// Only the locations of this SWV (e.g. PO2707).
    swv: Option<String>,
}

/// Where a published profile's page, documents and JSON are.
#[derive(Serialize, ToSchema)]
pub struct ProfileUrls {
    pub page: String,
    pub parents: String,
    pub profile_pdf: String,
    pub parents_pdf: String,
    pub poster_pdf: String,
    pub school_guide_docx: String,
    pub school_guide_pdf: String,
    pub json: String,
}

fn urls(state: &AppState, code: &str) -> ProfileUrls {
    let public = state.config.public_url.trim_end_matches('/');
    let base = format!("{public}/scholen/{code}");
    ProfileUrls {
        parents: format!("{base}/ouders"),
        profile_pdf: format!("{base}.pdf"),
        parents_pdf: format!("{base}/ouders.pdf"),
        poster_pdf: format!("{base}/poster.pdf"),
        school_guide_docx: format!("{base}/schoolgids.docx"),
        school_guide_pdf: format!("{base}/schoolgids.pdf"),
        json: format!("{public}/api/v1/open/profiles/{code}"),
        page: base,
    }
}

/// A location's newest published profile.
#[derive(Serialize, ToSchema)]
pub struct PublishedItem {
    /// The location code (BRIN6).
    pub location: String,
    pub name: String,
    pub brin: String,
    pub municipality: Option<String>,
    pub swv_po: Option<String>,
    pub swv_vo: Option<String>,
    pub school_year: String,
    /// `YYYY-MM-DD`.
    pub adopted_on: Option<String>,
    pub content_hash: Option<String>,
    /// Sample data made by `passend demo --scale national`.
    pub generated: bool,
    pub urls: ProfileUrls,
}

fn summary_item(state: &AppState, p: &PublishedSummary) -> PublishedItem {
    PublishedItem {
        location: p.location_code.clone(),
        name: p.location_name.clone(),
        brin: p.brin.clone(),
        municipality: p.municipality.clone(),
        swv_po: p.swv_po.clone(),
        swv_vo: p.swv_vo.clone(),
        school_year: p.school_year.clone(),
        adopted_on: p.adopted_on.clone(),
        content_hash: p.content_hash.clone(),
        generated: p.generated,
        urls: urls(state, &p.location_code),
    }
}

#[derive(Serialize, ToSchema)]
pub struct PublishedList {
    pub count: usize,
    pub profiles: Vec<PublishedItem>,
}

/// Every location's newest published profile: location, school year,
/// adoption date, content hash and the URLs of its page and documents.
#[utoipa::path(get, path = "/api/v1/open/profiles", tag = "open data", security(()), params(ListParams),
    responses((status = 200, body = PublishedList)))]
pub async fn list(State(state): State<AppState>, Query(params): Query<ListParams>) -> AppResult<Json<PublishedList>> {
    let swv = params.swv.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_uppercase);
    let profiles = state.app.published_profiles(swv.as_deref()).await?;
    Ok(Json(PublishedList {
        count: profiles.len(),
        profiles: profiles.iter().map(|p| summary_item(&state, p)).collect(),
    }))
}

#[derive(Deserialize, IntoParams, Default)]
#[serde(default)]
pub struct OneParams {
    /// A school year (default: the newest published).
    #[param(value_type = Option<crate::contract::SchoolYearName>)]
    year: Option<String>,
}

/// One published profile: the offer per category, the specialists, the
/// texts and every chapter with its answers.
#[utoipa::path(get, path = "/api/v1/open/profiles/{code}", tag = "open data", security(()),
    params(("code" = String, Path, description = "Vestigingscode"), OneParams),
    responses((status = 200, body = PublishedProfile), (status = 404, description = "Not published")))]
pub async fn one(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(params): Query<OneParams>,
) -> AppResult<Json<PublishedProfile>> {
    let v = PublicView::load(&state, &code, params.year.as_deref(), ParentLang::Nl).await?;
    let offer = SupportCategory::ALL
        .iter()
        .map(|c| {
            let level = Some(v.offer.level(*c)).filter(|l| *l != publishing::UNKNOWN).map(str::to_owned);
            (c.key().to_owned(), level)
        })
        .collect();
    Ok(Json(PublishedProfile {
        chapters: v.chapters_data(),
        urls: urls(&state, &v.code),
        specialists: v
            .specialists
            .iter()
            .map(|(n, d)| Specialist { specialist: n.clone(), dagdelen_per_week: d.clone() })
            .collect(),
        offer,
        location: v.code,
        name: v.location_name,
        school_year: v.year,
        years: v.years,
        adopted_on: v.adopted_on,
        content_hash: v.content_hash,
        generated: v.generated,
        summary: v.summary,
        vision: v.vision,
        limits: v.limits,
        contact: v.contact,
    }))
}

/// One published profile.
#[derive(Serialize, ToSchema)]
pub struct PublishedProfile {
    pub location: String,
    pub name: String,
    pub school_year: String,
    /// Every published school year of the location, newest first.
    pub years: Vec<String>,
    pub adopted_on: Option<String>,
    pub content_hash: String,
    pub generated: bool,
    pub summary: Option<String>,
    pub vision: Option<String>,
    pub limits: Option<String>,
    pub contact: Option<String>,
    /// Support category key → level (`standaard`, `na_overleg`, `niet`), `null` when not answered.
    #[schema(value_type = std::collections::BTreeMap<String, Option<String>>)]
    pub offer: std::collections::BTreeMap<String, Option<String>>,
    pub specialists: Vec<Specialist>,
    pub chapters: Vec<OpenChapter>,
    pub urls: ProfileUrls,
}

#[derive(Serialize, ToSchema)]
pub struct Specialist {
    pub specialist: String,
    /// As the school wrote it, e.g. `2` or `2,5`.
    pub dagdelen_per_week: String,
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
                field(&u.page),
                field(&u.parents_pdf),
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
