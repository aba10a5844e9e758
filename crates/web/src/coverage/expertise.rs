//! Expertise across the region: specialists × dagdelen per week, and the
//! schools' training needs.

use askama::Template;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::response::Html;
use passend_domain::access;
use passend_domain::coverage::{NeedsOf, SpecialistTotal, specialists, training_needs};
use passend_domain::organisations::{OrgKind, OrgRef};
use passend_domain::questionnaire::SchoolYear;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::pages::{PageContext, render};
use crate::security::session::{Session, SignedIn};

pub fn page_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(expertise_page))
}

pub fn api_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(expertise_json))
}

#[derive(Deserialize, IntoParams, Default)]
#[serde(default)]
pub struct YearQuery {
    /// e.g. 2026-2027 (default: this school year).
    #[param(value_type = Option<crate::contract::SchoolYearName>)]
    jaar: Option<String>,
    /// The same, as the API names it.
    #[param(value_type = Option<crate::contract::SchoolYearName>)]
    year: Option<String>,
}

async fn gather(
    state: &AppState,
    session: &Session,
    code: &str,
    year: SchoolYear,
) -> AppResult<(String, Vec<SpecialistTotal>, Vec<NeedsOf>)> {
    let code = crate::directory::swv_code(code)?;
    let org = OrgRef { kind: OrgKind::Swv, code: code.to_string() };
    let context = state.db.org_context(&org).await?.ok_or_else(AppError::not_found)?;
    let view = access::view_org(&session.actor, &org, &context)?;
    let profiles = state.db.region_profiles(&view, year).await?;
    Ok((
        code.to_string(),
        specialists(profiles.iter().map(|p| &p.answers)),
        training_needs(profiles.iter().map(|p| (p.location_name.as_str(), &p.answers))),
    ))
}

fn year_of(query: &YearQuery) -> SchoolYear {
    query
        .jaar
        .as_deref()
        .or(query.year.as_deref())
        .and_then(SchoolYear::parse)
        .unwrap_or_else(crate::profiles::pages::current_year)
}

#[derive(Template)]
#[template(path = "coverage/expertise.html")]
struct ExpertisePage {
    ctx: PageContext,
    code: String,
    year: String,
    specialists: Vec<SpecialistTotal>,
    needs: Vec<NeedsOf>,
}

impl ExpertisePage {
    fn dagdelen(&self, value: &f64) -> String {
        let text = if value.fract() == 0.0 { format!("{value:.0}") } else { format!("{value:.1}") };
        if self.ctx.lang_code() == "nl" { text.replace('.', ",") } else { text }
    }
}

#[utoipa::path(get, path = "/samenwerkingsverbanden/{code}/deskundigheid", tag = "pages", params(("code" = String, Path), YearQuery),
    responses((status = 200, content_type = "text/html")))]
pub async fn expertise_page(
    State(state): State<AppState>,
    ctx: PageContext,
    SignedIn(session): SignedIn,
    Path(code): Path<String>,
    Query(query): Query<YearQuery>,
) -> AppResult<Html<String>> {
    let year = year_of(&query);
    let (code, specialists, needs) = gather(&state, &session, &code, year).await?;
    render(&ExpertisePage { code, year: year.to_string(), specialists, needs, ctx })
}

/// Specialists with their locations and dagdelen per week summed over the
/// region, and each location's training needs in its own words.
#[utoipa::path(get, path = "/api/v1/swvs/{code}/expertise", tag = "coverage", security(("session" = [])),
    params(("code" = String, Path), YearQuery), responses((status = 200, body = super::bodies::ExpertiseBody), (status = 400, description = "A year that does not exist"), (status = 403, description = "Not this SWV's staff")))]
pub async fn expertise_json(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path(code): Path<String>,
    Query(query): Query<YearQuery>,
) -> AppResult<Json<super::bodies::ExpertiseBody>> {
    let year = api_year(&query)?;
    let (_, specialists, needs) = gather(&state, &session, &code, year).await?;
    Ok(Json(super::bodies::ExpertiseBody {
        school_year: year.to_string(),
        specialists: specialists
            .into_iter()
            .map(|s| super::bodies::SpecialistTotalBody {
                specialist: s.specialist,
                locations: s.locations,
                dagdelen_per_week: s.dagdelen_per_week,
            })
            .collect(),
        training_needs: needs
            .into_iter()
            .map(|n| super::bodies::NeedsBody { location: n.location, texts: n.texts })
            .collect(),
    }))
}

/// The year an API request names by either name (`jaar` first, as the page
/// reads it); each one given must be a school year.
fn api_year(query: &YearQuery) -> AppResult<SchoolYear> {
    let jaar = query.jaar.as_deref().map(|raw| crate::contract::year_or_current(Some(raw), "jaar")).transpose()?;
    let year = crate::contract::year_or_current(query.year.as_deref(), "year")?;
    Ok(jaar.unwrap_or(year))
}
