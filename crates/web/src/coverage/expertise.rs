//! Expertise across the region: specialists × dagdelen per week, and the
//! schools' training needs.

use askama::Template;
use axum::Json;
use axum::extract::{Query, State};
use axum::response::Html;
use passend_domain::coverage::{NeedsOf, SpecialistTotal};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{InSwv, YearQuery};
use crate::app::AppState;
use crate::error::AppResult;
use crate::pages::{PageContext, render};

pub fn page_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(expertise_page))
}

pub fn api_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(expertise_json))
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
    InSwv { scope, .. }: InSwv,
    Query(query): Query<YearQuery>,
) -> AppResult<Html<String>> {
    let year = query.school_year();
    let (specialists, needs) = state.app.expertise(&scope, year).await?;
    let code = scope.code().to_string();
    render(&ExpertisePage { code, year: year.to_string(), specialists, needs, ctx })
}

/// Specialists with their locations and dagdelen per week summed over the
/// region, and each location's training needs in its own words.
#[utoipa::path(get, path = "/api/v1/swvs/{code}/expertise", tag = "coverage", security(("session" = [])),
    params(("code" = String, Path), YearQuery), responses((status = 200, body = super::bodies::ExpertiseBody), (status = 400, description = "A year that does not exist"), (status = 403, description = "Not this SWV's staff")))]
pub async fn expertise_json(
    State(state): State<AppState>,
    InSwv { scope, .. }: InSwv,
    Query(query): Query<YearQuery>,
) -> AppResult<Json<super::bodies::ExpertiseBody>> {
    let year = query.api_year()?;
    let (specialists, needs) = state.app.expertise(&scope, year).await?;
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
