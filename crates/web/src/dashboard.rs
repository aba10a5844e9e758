//! The dashboard: the person's open tasks, then one section per organisation
//! they belong to.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use passend_app::dashboard::{BoardSection, Dashboard, OpenTask, SchoolSection, SwvSection};
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
    tasks: Vec<OpenTask>,
    platform: Option<PlatformTotals>,
    swvs: Vec<SwvSection>,
    boards: Vec<BoardSection>,
    schools: Vec<SchoolSection>,
    school_year: String,
}

impl DashboardPage {
    fn task_text(&self, task: &OpenTask) -> String {
        self.ctx.lang.message(&task.text)
    }

    /// Whether the person has a role anywhere (then they may have tasks).
    fn has_organisations(&self) -> bool {
        !(self.swvs.is_empty() && self.boards.is_empty() && self.schools.is_empty())
    }
}

#[utoipa::path(get, path = "/dashboard", tag = "pages", responses((status = 200, content_type = "text/html")))]
pub async fn dashboard(
    State(state): State<AppState>,
    ctx: PageContext,
    SignedIn(session): SignedIn,
) -> AppResult<Html<String>> {
    let year = crate::profiles::pages::current_year();
    let Dashboard { tasks, platform, swvs, boards, schools } =
        state.app.dashboard(&session.actor, ctx.lang, year).await?;
    render(&DashboardPage { ctx, tasks, platform, swvs, boards, schools, school_year: year.to_string() })
}
