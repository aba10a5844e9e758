//! The status board: which location is in which step of the cycle this
//! school year, whose review is overdue, who a reminder reaches, the SWV's
//! reminders (one school, or every school whose review is overdue) and the
//! log of what they reached. A page or answer says "sent" only with the
//! people it was sent to.

use askama::Template;
use axum::Json;
use axum::extract::{Query, State};
use axum::response::{Html, Redirect};
use passend_app::region::{ReminderRound, Sender, StatusRow, StoredReminder, invite_director_path};
use passend_domain::MessageArg;
use passend_domain::lifecycle::{ProfileState, ReminderOutcome, ReminderRecipient};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{InSwv, YearQuery};
use crate::app::AppState;
use crate::error::AppResult;
use crate::pages::{PageContext, render};
use crate::security::csrf::CsrfForm;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(status_page, remind)).routes(routes!(remind_overdue))
}

pub fn api_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(reminders_json, remind_json)).routes(routes!(remind_overdue_json))
}

#[derive(Template)]
#[template(path = "coverage/status.html")]
struct StatusPage {
    ctx: PageContext,
    code: String,
    year: String,
    /// The sender may invite a school's director (an admin of the SWV).
    may_invite: bool,
    rows: Vec<StatusRow>,
    /// The round just sent, when the page is its answer.
    round: Option<ReminderRound>,
    log: Vec<StoredReminder>,
}

impl StatusPage {
    fn state_name(&self, state: &Option<ProfileState>) -> String {
        state.map_or_else(|| self.ctx.t("profile-status-none"), |s| self.ctx.t(s.message_id()))
    }

    fn overdue_count(&self) -> usize {
        self.rows.iter().filter(|r| r.overdue_since.is_some()).count()
    }

    fn names(&self, people: &[ReminderRecipient]) -> String {
        people.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join(", ")
    }

    fn people(&self, people: &[ReminderRecipient]) -> String {
        people.iter().map(|p| format!("{} ({})", p.name, p.email)).collect::<Vec<_>>().join(", ")
    }

    fn invite_path(&self, brin: &str) -> String {
        invite_director_path(brin)
    }

    fn summary(&self, round: &ReminderRound) -> String {
        let count = |outcome| MessageArg::from(round.count(outcome));
        self.ctx.lang.t_with(
            "reminder-round-summary",
            &[
                ("sent", count(ReminderOutcome::Sent)),
                ("people", MessageArg::from(round.people_reached())),
                ("nobody", count(ReminderOutcome::Nobody)),
                ("already", count(ReminderOutcome::AlreadySent)),
            ],
        )
    }

    fn is_nobody(&self, result: &passend_app::region::ReminderResult) -> bool {
        result.outcome == ReminderOutcome::Nobody
    }

    fn result_line(&self, result: &passend_app::region::ReminderResult) -> String {
        let id = match result.outcome {
            ReminderOutcome::Sent => "reminder-sent-to",
            ReminderOutcome::Nobody => "reminder-nobody",
            ReminderOutcome::AlreadySent => "reminder-already",
        };
        self.ctx.lang.t_with(
            id,
            &[
                ("location", MessageArg::Text(result.location_name.clone())),
                ("recipients", MessageArg::Text(self.people(&result.recipients))),
            ],
        )
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct StatusQuery {
    /// The round of reminders to report on (after sending one).
    ronde: Option<i64>,
}

#[utoipa::path(get, path = "/samenwerkingsverbanden/{code}/status", tag = "pages",
    params(("code" = String, Path), YearQuery, ("ronde" = Option<i64>, Query, description = "A round of reminders just sent, to report on")),
    responses((status = 200, content_type = "text/html"), (status = 404, description = "A round of another SWV")))]
pub async fn status_page(
    State(state): State<AppState>,
    ctx: PageContext,
    InSwv { scope, session }: InSwv,
    Query(query): Query<YearQuery>,
    Query(status): Query<StatusQuery>,
) -> AppResult<Html<String>> {
    let year = query.school_year();
    let rows = state.app.status_board(&scope, year).await?;
    let round = match status.ronde {
        Some(id) => Some(state.app.reminder_round(&session.actor, &scope, id).await?),
        None => None,
    };
    let log = state.app.sent_reminders(&scope, year).await?;
    render(&StatusPage {
        code: scope.code().to_string(),
        year: year.to_string(),
        may_invite: scope.editable(),
        rows,
        round,
        log,
        ctx,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RemindForm {
    location: String,
}

/// Reminds one location; the page then says whom it reached, or that the school has nobody to remind.
#[utoipa::path(post, path = "/samenwerkingsverbanden/{code}/status", tag = "pages", params(("code" = String, Path), YearQuery),
    responses((status = 303, description = "To the board, with what came of the reminder"), (status = 404, description = "Not a location of this SWV")))]
pub async fn remind(
    State(state): State<AppState>,
    InSwv { scope, .. }: InSwv,
    Query(query): Query<YearQuery>,
    form: CsrfForm<RemindForm>,
) -> AppResult<Redirect> {
    let year = query.school_year();
    let sender = Sender { actor: &form.session.actor, name: &form.session.user.name };
    let round = state.app.remind_location(sender, &scope, year, &form.form.location).await?;
    let code = scope.code();
    Ok(Redirect::to(&format!("/samenwerkingsverbanden/{code}/status?jaar={year}&ronde={}#herinnering", round.id)))
}

/// Reminds every location whose review is overdue.
#[utoipa::path(post, path = "/samenwerkingsverbanden/{code}/status/achterstallig", tag = "pages", params(("code" = String, Path), YearQuery),
    responses((status = 303, description = "To the board, with what came of the reminders")))]
pub async fn remind_overdue(
    State(state): State<AppState>,
    InSwv { scope, .. }: InSwv,
    Query(query): Query<YearQuery>,
    form: CsrfForm<Vec<(String, String)>>,
) -> AppResult<Redirect> {
    let year = query.school_year();
    let sender = Sender { actor: &form.session.actor, name: &form.session.user.name };
    let code = scope.code();
    Ok(Redirect::to(&match state.app.remind_overdue(sender, &scope, year).await? {
        Some(round) => format!("/samenwerkingsverbanden/{code}/status?jaar={year}&ronde={}#herinnering", round.id),
        None => format!("/samenwerkingsverbanden/{code}/status?jaar={year}&melding=geen-achterstand"),
    }))
}

/// Someone a reminder was mailed to.
#[derive(Serialize, ToSchema)]
pub struct RecipientBody {
    pub name: String,
    pub email: String,
}

fn recipients(people: Vec<ReminderRecipient>) -> Vec<RecipientBody> {
    people.into_iter().map(|p| RecipientBody { name: p.name, email: p.email }).collect()
}

fn outcome_schema() -> utoipa::openapi::schema::Object {
    crate::contract::names_of(
        &ReminderOutcome::ALL,
        "`sent` (mailed to `recipients`), `nobody` (the school has no director or IB-er in Passend: \
         nothing was sent) or `already_sent` (it had a reminder in the past day: nothing was sent again).",
    )
}

/// What a round of reminders came to, per location.
#[derive(Serialize, ToSchema)]
pub struct ReminderRoundBody {
    pub id: i64,
    /// Unix seconds.
    pub sent_at: i64,
    /// Locations mailed, people mailed, locations with nobody to remind, locations reminded already today.
    pub sent: usize,
    pub people_reached: usize,
    pub nobody: usize,
    pub already_sent: usize,
    pub results: Vec<ReminderResultBody>,
}

#[derive(Serialize, ToSchema)]
pub struct ReminderResultBody {
    pub location: String,
    pub location_name: String,
    pub brin: String,
    #[schema(schema_with = outcome_schema)]
    pub outcome: ReminderOutcome,
    /// The people mailed; empty unless `sent`.
    pub recipients: Vec<RecipientBody>,
    /// With `nobody`, when the caller may invite the school's director: the page to do it.
    pub invite_director: Option<String>,
}

impl From<ReminderRound> for ReminderRoundBody {
    fn from(round: ReminderRound) -> Self {
        ReminderRoundBody {
            id: round.id,
            sent_at: round.sent_at,
            sent: round.count(ReminderOutcome::Sent),
            people_reached: round.people_reached(),
            nobody: round.count(ReminderOutcome::Nobody),
            already_sent: round.count(ReminderOutcome::AlreadySent),
            results: round
                .results
                .into_iter()
                .map(|r| ReminderResultBody {
                    location: r.location_code,
                    location_name: r.location_name,
                    brin: r.brin,
                    outcome: r.outcome,
                    recipients: recipients(r.recipients),
                    invite_director: r.invite_director,
                })
                .collect(),
        }
    }
}

/// The reminders of a school year that reached someone, newest first.
#[derive(Serialize, ToSchema)]
pub struct RemindersBody {
    pub school_year: String,
    pub reminders: Vec<SentReminderBody>,
}

#[derive(Serialize, ToSchema)]
pub struct SentReminderBody {
    pub round: i64,
    /// Unix seconds.
    pub sent_at: i64,
    /// The name of who sent it.
    pub sent_by: String,
    pub location: String,
    pub location_name: String,
    pub recipients: Vec<RecipientBody>,
}

#[derive(Deserialize, ToSchema)]
pub struct RemindBody {
    /// The location's code (one of the SWV's).
    pub location: String,
}

/// The round that reminded every school whose review is overdue; `null` when none is overdue.
#[derive(Serialize, ToSchema)]
pub struct OverdueRoundBody {
    pub round: Option<ReminderRoundBody>,
}

/// The SWV's reminders of the year that reached someone: when, to which location, whom.
#[utoipa::path(get, path = "/api/v1/swvs/{code}/reminders", tag = "coverage", security(("session" = [])),
    params(("code" = String, Path), YearQuery),
    responses((status = 200, body = RemindersBody), (status = 400, description = "A year that does not exist"), (status = 403, description = "Not this SWV's staff")))]
pub async fn reminders_json(
    State(state): State<AppState>,
    InSwv { scope, .. }: InSwv,
    Query(query): Query<YearQuery>,
) -> AppResult<Json<RemindersBody>> {
    let year = query.api_year()?;
    let reminders = state
        .app
        .sent_reminders(&scope, year)
        .await?
        .into_iter()
        .map(|r| SentReminderBody {
            round: r.round_id,
            sent_at: r.sent_at,
            sent_by: r.sent_by_name,
            location: r.location_code,
            location_name: r.location_name,
            recipients: recipients(r.recipients),
        })
        .collect();
    Ok(Json(RemindersBody { school_year: year.to_string(), reminders }))
}

/// Reminds one location's director and IB-ers by mail (at most once a day);
/// says whom it reached, or that the school has nobody to remind.
#[utoipa::path(post, path = "/api/v1/swvs/{code}/reminders", tag = "coverage", security(("session" = [])),
    params(("code" = String, Path), YearQuery), request_body = RemindBody,
    responses((status = 200, body = ReminderRoundBody), (status = 400, description = "A year that does not exist"),
              (status = 403, description = "Not this SWV's staff"), (status = 404, description = "Not a location of this SWV")))]
pub async fn remind_json(
    State(state): State<AppState>,
    InSwv { scope, session }: InSwv,
    Query(query): Query<YearQuery>,
    Json(body): Json<RemindBody>,
) -> AppResult<Json<ReminderRoundBody>> {
    let year = query.api_year()?;
    let sender = Sender { actor: &session.actor, name: &session.user.name };
    Ok(Json(state.app.remind_location(sender, &scope, year, &body.location).await?.into()))
}

/// Reminds every location whose review is overdue, each as `POST …/reminders` would.
#[utoipa::path(post, path = "/api/v1/swvs/{code}/reminders/overdue", tag = "coverage", security(("session" = [])),
    params(("code" = String, Path), YearQuery),
    responses((status = 200, body = OverdueRoundBody), (status = 400, description = "A year that does not exist"), (status = 403, description = "Not this SWV's staff")))]
pub async fn remind_overdue_json(
    State(state): State<AppState>,
    InSwv { scope, session }: InSwv,
    Query(query): Query<YearQuery>,
) -> AppResult<Json<OverdueRoundBody>> {
    let year = query.api_year()?;
    let sender = Sender { actor: &session.actor, name: &session.user.name };
    Ok(Json(OverdueRoundBody { round: state.app.remind_overdue(sender, &scope, year).await?.map(Into::into) }))
}
