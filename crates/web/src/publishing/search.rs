//! Search by support: locations in a municipality, an SWV or near a
//! postcode whose newest published profile offers a category at a level.

use askama::Template;
use axum::Json;
use axum::extract::{Query, State};
use axum::response::Html;
use passend_app::publishing::SupportSearch;
use passend_domain::publishing::{STANDARD, SearchHit};
use passend_domain::questionnaire::SupportCategory;
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

impl SearchForm {
    fn search(&self) -> SupportSearch<'_> {
        SupportSearch {
            topic: &self.onderwerp,
            level: &self.niveau,
            municipality: &self.gemeente,
            swv: &self.swv,
            postcode: &self.postcode,
            km: &self.afstand,
        }
    }
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
        match state.app.search_by_support(&form.search()).await? {
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
    match state.app.search_by_support(&form.search()).await? {
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
