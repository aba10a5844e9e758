//! The dashboard: one section per organisation the person belongs to.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use passend_app::dashboard::{BoardSection, Dashboard, SchoolSection, SwvSection};
use passend_app::directory::PlatformTotals;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::app::AppState;
use crate::error::AppResult;
use crate::pages::{PageContext, render};
use crate::security::session::SignedIn;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(dashboard))
}

#[derive(Template)]
#[template(path = "dashboard.html")]
struct DashboardPage {
    ctx: PageContext,
    platform: Option<PlatformTotals>,
    swvs: Vec<SwvSection>,
    boards: Vec<BoardSection>,
    schools: Vec<SchoolSection>,
    school_year: String,
}

#[utoipa::path(get, path = "/dashboard", tag = "pages", responses((status = 200, content_type = "text/html")))]
pub async fn dashboard(
    State(state): State<AppState>,
    ctx: PageContext,
    SignedIn(session): SignedIn,
) -> AppResult<Html<String>> {
    let year = crate::profiles::pages::current_year();
    let Dashboard { platform, swvs, boards, schools } = state.app.dashboard(&session.actor, ctx.lang, year).await?;
    render(&DashboardPage { ctx, platform, swvs, boards, schools, school_year: year.to_string() })
}
