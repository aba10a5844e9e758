//! The status board: which location is in which step of the cycle this
//! school year, whose review is overdue, and a reminder to the school.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{Html, Redirect};
use passend_domain::access::{self, Role};
use passend_domain::lifecycle::{ProfileState, dutch_day, parse_day, review_due};
use passend_domain::organisations::{OrgKind, OrgRef};
use passend_domain::questionnaire::SchoolYear;
use passend_i18n::Lang;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::pages::{PageContext, render};
use crate::security::csrf::CsrfForm;
use crate::security::session::{Session, SignedIn};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(status_page)).routes(routes!(remind))
}

#[derive(Deserialize, IntoParams, Default)]
#[serde(default)]
pub struct YearQuery {
    /// e.g. 2026-2027 (default: this school year).
    jaar: Option<String>,
}

pub struct StatusRow {
    pub code: String,
    pub name: String,
    pub brin: String,
    pub state: Option<ProfileState>,
    pub last_step_at: Option<i64>,
    /// The latest adoption's review date, when it has passed without a newer adoption.
    pub overdue_since: Option<String>,
}

async fn rows(
    state: &AppState,
    session: &Session,
    code: &str,
    year: SchoolYear,
) -> AppResult<(String, Vec<StatusRow>)> {
    let code = crate::directory::swv_code(code)?;
    let org = OrgRef { kind: OrgKind::Swv, code: code.to_string() };
    let context = state.db.org_context(&org).await?.ok_or_else(AppError::not_found)?;
    let view = access::view_org(&session.actor, &org, &context)?;
    let locations = state.db.coverage(&view, year).await?;
    let statuses = state.db.profile_statuses(&view).await?;
    let today = crate::lifecycle::reminders::today();
    let this_year = year.to_string();
    let rows = locations
        .into_iter()
        .map(|location| {
            let mine: Vec<_> = statuses.iter().filter(|s| s.location_code == location.code).collect();
            let current = mine.iter().find(|s| s.school_year == this_year);
            let latest_adopted = mine
                .iter()
                .filter(|s| s.state.is_some_and(ProfileState::is_adopted))
                .max_by(|a, b| a.school_year.cmp(&b.school_year));
            let overdue_since = latest_adopted.and_then(|s| {
                let due = review_due(SchoolYear::parse(&s.school_year)?, parse_day(s.adopted_on.as_deref()?)?);
                due.is_due(today).then(|| dutch_day(due.by()))
            });
            StatusRow {
                state: current.and_then(|s| s.state),
                last_step_at: current.and_then(|s| s.last_step_at),
                code: location.code,
                name: location.name,
                brin: location.brin,
                overdue_since,
            }
        })
        .collect();
    Ok((code.to_string(), rows))
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
    SignedIn(session): SignedIn,
    Path(code): Path<String>,
    Query(query): Query<YearQuery>,
) -> AppResult<Html<String>> {
    let year = query.jaar.as_deref().and_then(SchoolYear::parse).unwrap_or_else(crate::profiles::pages::current_year);
    let (code, rows) = rows(&state, &session, &code, year).await?;
    render(&StatusPage { code, year: year.to_string(), rows, ctx })
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
    Path(code): Path<String>,
    Query(query): Query<YearQuery>,
    form: CsrfForm<RemindForm>,
) -> AppResult<Redirect> {
    let year = query.jaar.as_deref().and_then(SchoolYear::parse).unwrap_or_else(crate::profiles::pages::current_year);
    let (code, rows) = rows(&state, &form.session, &code, year).await?;
    let row = rows.iter().find(|r| r.code == form.form.location).ok_or_else(AppError::not_found)?;
    // One reminder a day per location: enough to nudge, too few to flood a mailbox.
    if !crate::security::rate_limit::swv_reminder_allowed(&state.db, &row.code).await? {
        return Ok(Redirect::to(&format!(
            "/samenwerkingsverbanden/{code}/status?jaar={year}&melding=herinnering-al-verstuurd"
        )));
    }
    let lang = Lang::Nl;
    let swv_name =
        crate::directory::display_name(&state, lang, &OrgRef { kind: OrgKind::Swv, code: code.clone() }).await?;
    let link = state.config.link(&format!("/scholen/{}/profielen", row.brin));
    for (to, name) in state.db.reminder_recipients(&row.brin, None, &[Role::Director, Role::Ib]).await? {
        let args = [
            ("name", name.into()),
            ("swv", swv_name.clone().into()),
            ("location", row.name.clone().into()),
            ("year", year.to_string().into()),
            ("link", link.clone().into()),
        ];
        state
            .mailer
            .send(&to, &lang.t_with("mail-swv-reminder-subject", &args), &lang.t_with("mail-swv-reminder-body", &args))
            .await?;
    }
    Ok(Redirect::to(&format!("/samenwerkingsverbanden/{code}/status?jaar={year}&melding=herinnering-verstuurd")))
}
