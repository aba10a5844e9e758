//! Search by support: locations in a municipality, an SWV or near a
//! postcode whose newest published profile offers a category at a level.

use askama::Template;
use axum::Json;
use axum::extract::{Query, State};
use axum::response::Html;
use passend_domain::publishing::{CONSULT, STANDARD, SearchHit, distance_km, parse_postcode};
use passend_domain::questionnaire::{SupportCategory, default_template};
use passend_i18n::ParentLang;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::pages::render;

pub fn page_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(search_page))
}

pub fn api_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(search_json))
}

/// At most this many results are listed (nearest or by name first).
const MAX_HITS: usize = 100;
const DEFAULT_KM: f64 = 10.0;

#[derive(Deserialize, IntoParams, Default, Clone)]
#[serde(default)]
pub struct SearchForm {
    /// A support category, e.g. `dyslexie`.
    pub onderwerp: String,
    /// `standaard` or `na_overleg` (standard or after consultation).
    pub niveau: String,
    pub gemeente: String,
    /// SWV code, e.g. PO2707.
    pub swv: String,
    /// A postcode (1234 or 1234 AB): results within `afstand` km.
    pub postcode: String,
    /// Kilometres from the postcode (1–100, default 10).
    pub afstand: String,
    /// The parents' language: nl, en, pl, tr, ar or uk.
    pub taal: String,
}

/// The search's outcome: hits, or problems per field (catalogue ids).
async fn run(
    state: &AppState,
    form: &SearchForm,
) -> AppResult<Result<Vec<SearchHit>, Vec<(&'static str, &'static str)>>> {
    let mut problems = Vec::new();
    let category = SupportCategory::parse(form.onderwerp.trim()).unwrap_or(SupportCategory::Dyslexie);
    let min_level = if form.niveau == CONSULT { CONSULT } else { STANDARD };
    let km = match form.afstand.trim() {
        "" => DEFAULT_KM,
        raw => match raw.replace(',', ".").parse::<f64>() {
            Ok(km) if (1.0..=100.0).contains(&km) => km,
            _ => {
                problems.push(("afstand", "public-search-distance-invalid"));
                DEFAULT_KM
            }
        },
    };
    let mut near = None;
    if !form.postcode.trim().is_empty() {
        match parse_postcode(&form.postcode) {
            None => problems.push(("postcode", "public-search-postcode-invalid")),
            Some(pc4) => match state.db.postcode_point(pc4).await? {
                Some(point) => near = Some(point),
                None => problems.push(("postcode", "public-search-postcode-unknown")),
            },
        }
    }
    let swv = form.swv.trim().replace([' ', '-'], "").to_uppercase();
    let municipality = form.gemeente.trim();
    if near.is_none() && swv.is_empty() && municipality.is_empty() && problems.is_empty() {
        problems.push(("gemeente", "public-search-need-place"));
    }
    if !problems.is_empty() {
        return Ok(Err(problems));
    }
    let item_key =
        default_template().items().find(|i| i.category == Some(category)).map(|i| i.key.clone()).unwrap_or_default();
    let offers = state.db.public_offers(municipality, &swv, &item_key).await?;
    let accepted = |level: &str| level == STANDARD || (min_level == CONSULT && level == CONSULT);
    let limit = km;
    let mut hits: Vec<SearchHit> = offers
        .into_iter()
        .filter_map(|o| {
            let level = o.level.filter(|l| accepted(l))?;
            let km = match (near, o.lat, o.lon) {
                (Some(point), Some(lat), Some(lon)) => Some(distance_km(point, (lat, lon))),
                (Some(_), _, _) => return None,
                _ => None,
            };
            Some(SearchHit {
                code: o.code,
                name: o.name,
                municipality: o.municipality,
                category,
                level,
                school_year: o.school_year,
                km,
            })
        })
        .filter(|h| h.km.is_none_or(|d| d <= limit))
        .collect();
    if near.is_some() {
        hits.sort_by(|a, b| a.km.unwrap_or(f64::MAX).total_cmp(&b.km.unwrap_or(f64::MAX)));
    }
    hits.truncate(MAX_HITS);
    Ok(Ok(hits))
}

#[derive(Template)]
#[template(path = "public/search.html")]
struct SearchPage {
    lang: ParentLang,
    languages: [ParentLang; 6],
    self_path: String,
    lang_query: String,
    form: SearchForm,
    categories: Vec<(String, String)>,
    searched: bool,
    hits: Vec<SearchHit>,
    errors: Vec<(&'static str, String)>,
}

impl SearchPage {
    fn error(&self, field: &str) -> Option<&str> {
        self.errors.iter().find(|(f, _)| *f == field).map(|(_, m)| m.as_str())
    }

    fn count_line(&self) -> String {
        self.lang.t_with("public-search-results", &[("count", self.hits.len().into())])
    }

    fn level_name(&self, level: &str) -> String {
        self.lang.t(&format!("public-level-{level}"))
    }

    fn km(&self, km: &f64) -> String {
        self.lang.t_with("public-search-km", &[("km", format!("{km:.1}").replace('.', ",").into())])
    }
}

/// Find a school that offers a kind of support (page; works without JavaScript).
#[utoipa::path(get, path = "/zoeken", tag = "public", security(()), params(SearchForm),
    responses((status = 200, content_type = "text/html"), (status = 422, description = "Field errors, shown next to the fields")))]
pub async fn search_page(
    State(state): State<AppState>,
    Query(form): Query<SearchForm>,
) -> AppResult<axum::response::Response> {
    use axum::response::IntoResponse;
    let lang = ParentLang::parse(&form.taal).unwrap_or_default();
    let searched = [&form.gemeente, &form.swv, &form.postcode, &form.onderwerp].iter().any(|f| !f.trim().is_empty());
    let (hits, errors) = if searched {
        match run(&state, &form).await? {
            Ok(hits) => (hits, Vec::new()),
            Err(problems) => (Vec::new(), problems.into_iter().map(|(f, id)| (f, lang.t(id))).collect()),
        }
    } else {
        (Vec::new(), Vec::new())
    };
    let status =
        if errors.is_empty() { axum::http::StatusCode::OK } else { axum::http::StatusCode::UNPROCESSABLE_ENTITY };
    let mut form = form;
    if form.niveau.is_empty() {
        form.niveau = STANDARD.to_owned();
    }
    let page = render(&SearchPage {
        lang,
        languages: ParentLang::ALL,
        self_path: "/zoeken".to_owned(),
        lang_query: if lang == ParentLang::Nl { String::new() } else { format!("?taal={}", lang.code()) },
        categories: SupportCategory::ALL
            .iter()
            .map(|c| (c.key().to_owned(), lang.t(&format!("public-category-{}", c.key()))))
            .collect(),
        searched: searched && errors.is_empty(),
        form,
        hits,
        errors,
    })?;
    Ok((status, Html(page.0)).into_response())
}

/// The same search as JSON.
#[utoipa::path(get, path = "/api/v1/open/search", tag = "open data", security(()), params(SearchForm),
    responses((status = 200, body = SearchResults), (status = 400, description = "Field errors")))]
pub async fn search_json(
    State(state): State<AppState>,
    Query(form): Query<SearchForm>,
) -> AppResult<Json<SearchResults>> {
    match run(&state, &form).await? {
        Ok(hits) => Ok(Json(SearchResults {
            count: hits.len(),
            results: hits
                .into_iter()
                .map(|h| SearchResult {
                    code: h.code,
                    name: h.name,
                    municipality: h.municipality,
                    category: h.category,
                    level: h.level,
                    school_year: h.school_year,
                    km: h.km,
                })
                .collect(),
        })),
        Err(problems) => Err(AppError::invalid(
            problems.into_iter().map(|(f, id)| (f.to_owned(), passend_domain::Message::new(id))).collect(),
        )),
    }
}

#[derive(Serialize, ToSchema)]
pub struct SearchResults {
    pub count: usize,
    /// Nearest first when searched near a postcode; at most 100.
    pub results: Vec<SearchResult>,
}

/// A location whose newest published profile offers the category at the level asked.
#[derive(Serialize, ToSchema)]
pub struct SearchResult {
    /// The location code (BRIN6).
    pub code: String,
    pub name: String,
    pub municipality: Option<String>,
    #[schema(schema_with = crate::contract::support_category)]
    pub category: SupportCategory,
    /// `standaard` or `na_overleg`.
    pub level: String,
    pub school_year: String,
    /// Kilometres from the postcode searched near, if any.
    pub km: Option<f64>,
}
