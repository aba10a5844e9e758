//! The status board: which location is in which step of the cycle this
//! school year, whose review is overdue, and a reminder to the school.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::{Html, Redirect};
use passend_app::region::StatusRow;
use passend_domain::lifecycle::ProfileState;
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{InSwv, YearQuery};
use crate::app::AppState;
use crate::error::AppResult;
use crate::pages::{PageContext, render};
use crate::security::csrf::CsrfForm;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(status_page)).routes(routes!(remind))
}

#[derive(Template)]
#[template(path = "coverage/status.html")]
struct StatusPage {
    ctx: PageContext,
    code: String,
    year: String,
    rows: Vec<StatusRow>,
}

impl StatusPage {
    fn state_name(&self, state: &Option<ProfileState>) -> String {
        state.map_or_else(|| self.ctx.t("profile-status-none"), |s| self.ctx.t(s.message_id()))
    }

    fn needs_reminder(&self, row: &StatusRow) -> bool {
        row.overdue_since.is_some() || !row.state.is_some_and(ProfileState::is_adopted)
    }
}

#[utoipa::path(get, path = "/samenwerkingsverbanden/{code}/status", tag = "pages", params(("code" = String, Path), YearQuery),
    responses((status = 200, content_type = "text/html")))]
pub async fn status_page(
    State(state): State<AppState>,
    ctx: PageContext,
    InSwv { scope, .. }: InSwv,
    Query(query): Query<YearQuery>,
) -> AppResult<Html<String>> {
    let year = query.school_year();
    let rows = state.app.status_board(&scope, year).await?;
    render(&StatusPage { code: scope.code().to_string(), year: year.to_string(), rows, ctx })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RemindForm {
    location: String,
}

#[utoipa::path(post, path = "/samenwerkingsverbanden/{code}/status", tag = "pages", params(("code" = String, Path), YearQuery),
    responses((status = 303, description = "Reminder sent")))]
pub async fn remind(
    State(state): State<AppState>,
    InSwv { scope, .. }: InSwv,
    Query(query): Query<YearQuery>,
    form: CsrfForm<RemindForm>,
) -> AppResult<Redirect> {
    let year = query.school_year();
    let code = scope.code();
    let outcome = if state.app.remind_location(&scope, year, &form.form.location).await? {
        "herinnering-verstuurd"
    } else {
        "herinnering-al-verstuurd"
    };
    Ok(Redirect::to(&format!("/samenwerkingsverbanden/{code}/status?jaar={year}&melding={outcome}")))
}
