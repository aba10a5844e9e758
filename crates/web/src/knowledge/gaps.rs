//! From a gap on the SWV's coverage page to help: practice examples and the
//! nearest locations that offer the support, with their specialists' dagdelen.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Html;
use passend_app::knowledge::gaps::GapHelp;
use passend_domain::questionnaire::{SchoolYear, SupportCategory};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::app::AppState;
use crate::coverage::InSwv;
use crate::error::{AppError, AppResult};
use crate::pages::{PageContext, render};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(gap_help_page))
}

#[derive(Deserialize, IntoParams, Default)]
#[serde(default)]
pub struct GapQuery {
    /// The support category of the gap, e.g. `dyslexie`.
    pub onderwerp: String,
    /// The municipality of the gap.
    pub gemeente: String,
    /// `standaard` (default) or `na_overleg`: the level an offer must reach.
    pub niveau: String,
    /// The school year, e.g. 2026-2027 (default: this one).
    pub jaar: String,
}

#[derive(Template)]
#[template(path = "knowledge/gap_help.html")]
struct GapHelpPage {
    ctx: PageContext,
    code: String,
    year: String,
    help: GapHelp,
}

impl GapHelpPage {
    fn category_name(&self) -> String {
        self.ctx.t(self.help.category.message_id())
    }

    fn level_name(&self, level: &str) -> String {
        self.ctx.t(&format!("level-{level}"))
    }

    fn km(&self, km: &Option<f64>) -> String {
        km.map(|k| self.ctx.t1("kb-gap-km", "km", format!("{k:.1}").replace('.', ","))).unwrap_or_default()
    }

    fn dagdelen(&self, dagdelen: &f64) -> String {
        let text =
            if dagdelen.fract() == 0.0 { format!("{dagdelen:.0}") } else { format!("{dagdelen:.1}").replace('.', ",") };
        self.ctx.t1("kb-gap-dagdelen", "count", text)
    }
}

/// Help for one gap: examples for the category and the nearest locations that offer it.
#[utoipa::path(get, path = "/samenwerkingsverbanden/{code}/dekking/hulp", tag = "pages",
    params(("code" = String, Path), GapQuery),
    responses((status = 200, content_type = "text/html"), (status = 403, description = "Not this SWV's staff"),
              (status = 404, description = "No such support category")))]
pub async fn gap_help_page(
    State(state): State<AppState>,
    ctx: PageContext,
    InSwv { scope, .. }: InSwv,
    Query(query): Query<GapQuery>,
) -> AppResult<Html<String>> {
    let category = SupportCategory::parse(query.onderwerp.trim()).ok_or_else(AppError::not_found)?;
    let year = SchoolYear::parse(&query.jaar).unwrap_or_else(passend_app::questionnaire::current_year);
    let level = if query.niveau == "na_overleg" { "na_overleg" } else { "standaard" };
    let help = state.app.gap_help(&scope, year, category, query.gemeente.trim(), level).await?;
    render(&GapHelpPage { code: scope.code().to_string(), year: year.to_string(), help, ctx })
}
