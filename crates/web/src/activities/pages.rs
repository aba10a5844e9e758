//! The activity pages: the list, one activity with its sign-up form (and its
//! `.ics`), the cancel link, and for organisers a new activity, the
//! participant list with CSV/XLSX exports and attendance.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use passend_app::activities::{
    Activity, Cancelled, Registration, SignUpForm, attended_text, sessions_text, status_text,
};
use passend_domain::activities::{
    ActivityInput, ActivityKind, RegistrationStatus, SessionInput, Window, dutch_moment, window_at,
};
use passend_domain::organisations::{OrgKind, OrgRef};
use passend_domain::{FieldProblems, Message};
use rust_xlsxwriter::{Format, Workbook};
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::app::AppState;
use crate::error::{AppError, AppResult, ErrorKind};
use crate::pages::{FieldErrors, PageContext, render};
use crate::security::csrf::CsrfForm;
use crate::security::session::SignedIn;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_page))
        .routes(routes!(new_page, create))
        .routes(routes!(activity_page, sign_up))
        .routes(routes!(signed_up_page))
        .routes(routes!(cancel_page, cancel))
        .routes(routes!(participants_page))
        .routes(routes!(participants_csv))
        .routes(routes!(participants_xlsx))
        .routes(routes!(mark_attendance))
}

/// An activity as a page shows it.
pub struct Shown {
    pub activity: Activity,
    pub kind_label: String,
    pub sessions: Vec<String>,
    pub places_left: i64,
    pub open: bool,
    pub window_note: String,
}

fn shown(ctx: &PageContext, activity: Activity) -> Shown {
    let window = window_at(activity.opens_at, activity.closes_at, passend_app::now());
    let window_note = match window {
        Window::NotYetOpen => ctx.t1("act-window-opens", "date", ctx.date_time(&activity.opens_at)),
        Window::Open => ctx.t1("act-window-until", "date", ctx.date_time(&activity.closes_at)),
        Window::Closed => ctx.t("act-window-closed"),
    };
    Shown {
        kind_label: ctx.t(activity.kind.message_id()),
        sessions: sessions_text(&activity).lines().map(|l| l.trim_start_matches("- ").to_owned()).collect(),
        places_left: (activity.capacity - activity.places_taken).max(0),
        open: window == Window::Open,
        window_note,
        activity,
    }
}

fn may_organise(ctx: &PageContext) -> bool {
    ctx.session.as_ref().is_some_and(|s| passend_domain::access::organise_activities(&s.actor).is_ok())
}

#[derive(Template)]
#[template(path = "activities/list.html")]
struct ListPage {
    ctx: PageContext,
    activities: Vec<Shown>,
    organiser: bool,
}

#[utoipa::path(get, path = "/activiteiten", tag = "pages", responses((status = 200, content_type = "text/html")))]
pub async fn list_page(State(state): State<AppState>, ctx: PageContext) -> AppResult<Html<String>> {
    let activities = state.app.upcoming_activities().await?.into_iter().map(|a| shown(&ctx, a)).collect();
    render(&ListPage { organiser: may_organise(&ctx), activities, ctx })
}

#[derive(Template)]
#[template(path = "activities/activity.html")]
struct ActivityPage {
    ctx: PageContext,
    shown: Shown,
    form: SignUpFields,
    errors: FieldErrors,
    organiser: bool,
}

impl ActivityPage {
    fn error(&self, field: &str) -> Option<&str> {
        self.errors.get(field)
    }
}

#[derive(Deserialize, Default)]
pub struct SignUpFields {
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    role: String,
}

async fn activity_html(
    state: &AppState,
    ctx: PageContext,
    id: i64,
    form: SignUpFields,
    errors: FieldErrors,
) -> AppResult<Html<String>> {
    let activity = state.app.activity(id).await?;
    let organiser = may_organise(&ctx);
    render(&ActivityPage { shown: shown(&ctx, activity), form, errors, organiser, ctx })
}

fn id_of(raw: &str) -> AppResult<i64> {
    raw.parse().map_err(|_| AppError::new(ErrorKind::NotFound))
}

/// One activity with its sign-up form; `{id}.ics` is its calendar file with every session.
#[utoipa::path(get, path = "/activiteiten/{id}", tag = "pages", security(()),
    params(("id" = String, Path, description = "The activity's id, or the id with `.ics` for its calendar file")),
    responses((status = 200, content_type = "text/html"), (status = 200, content_type = "text/calendar"),
              (status = 404, description = "No such activity")))]
pub async fn activity_page(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
) -> AppResult<Response> {
    if let Some(id) = id.strip_suffix(".ics") {
        let id = id_of(id)?;
        let ics = state.app.activity_calendar(id).await?;
        let disposition = format!("attachment; filename=\"activiteit-{id}.ics\"");
        return Ok((
            [
                (header::CONTENT_TYPE, "text/calendar; charset=utf-8".to_owned()),
                (header::CONTENT_DISPOSITION, disposition),
            ],
            ics,
        )
            .into_response());
    }
    let id = id_of(&id)?;
    Ok(activity_html(&state, ctx, id, SignUpFields::default(), FieldErrors::default()).await?.into_response())
}

#[utoipa::path(post, path = "/activiteiten/{id}", tag = "pages", security(()), params(("id" = String, Path)),
    request_body(content = Object, content_type = "application/x-www-form-urlencoded", description = "`name`, `email`, optional `organisation` and `role`"),
    responses((status = 303, description = "Signed up or on the wait list"), (status = 422, description = "Field errors"),
              (status = 404, description = "No such activity")))]
pub async fn sign_up(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    Form(form): Form<SignUpFields>,
) -> AppResult<Response> {
    let id = id_of(&id)?;
    let input = SignUpForm {
        name: &form.name,
        email: &form.email,
        organisation: Some(form.organisation.as_str()),
        role: Some(form.role.as_str()),
    };
    match state.app.sign_up(id, &input).await? {
        Ok(signed) => {
            Ok(Redirect::to(&format!("/activiteiten/{id}/aangemeld?status={}", signed.status.as_str())).into_response())
        }
        Err(problems) => {
            let errors = FieldErrors::from_problems(ctx.lang, problems);
            let html = activity_html(&state, ctx, id, form, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
        }
    }
}

#[derive(Template)]
#[template(path = "activities/signed_up.html")]
struct SignedUpPage {
    ctx: PageContext,
    activity: Activity,
    waitlisted: bool,
}

#[derive(Deserialize)]
pub struct StatusQuery {
    #[serde(default)]
    status: String,
}

#[utoipa::path(get, path = "/activiteiten/{id}/aangemeld", tag = "pages", security(()), params(("id" = i64, Path)),
    responses((status = 200, content_type = "text/html"), (status = 404, description = "No such activity")))]
pub async fn signed_up_page(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<i64>,
    Query(query): Query<StatusQuery>,
) -> AppResult<Html<String>> {
    let activity = state.app.activity(id).await?;
    render(&SignedUpPage { ctx, activity, waitlisted: query.status == RegistrationStatus::Waitlisted.as_str() })
}

#[derive(Template)]
#[template(path = "activities/cancel.html")]
struct CancelPage {
    ctx: PageContext,
    token: String,
    /// `ask`, `done` or `before`.
    outcome: &'static str,
}

/// The page behind the cancel link: a button, so that a mail scanner opening the link cancels nothing.
#[utoipa::path(get, path = "/activiteiten/afmelden/{token}", tag = "pages", params(("token" = String, Path)),
    responses((status = 200, content_type = "text/html")))]
pub async fn cancel_page(ctx: PageContext, Path(token): Path<String>) -> AppResult<Html<String>> {
    render(&CancelPage { ctx, token, outcome: "ask" })
}

#[utoipa::path(post, path = "/activiteiten/afmelden/{token}", tag = "pages", params(("token" = String, Path)),
    responses((status = 200, content_type = "text/html"), (status = 404, description = "No such sign-up")))]
pub async fn cancel(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(token): Path<String>,
) -> AppResult<Html<String>> {
    let outcome = match state.app.cancel_registration(&token).await? {
        Cancelled::Cancelled => "done",
        Cancelled::AlreadyCancelled => "before",
    };
    render(&CancelPage { ctx, token: String::new(), outcome })
}

#[derive(Template)]
#[template(path = "activities/new.html")]
struct NewPage {
    ctx: PageContext,
    form: NewActivityForm,
    errors: FieldErrors,
    kinds: Vec<(&'static str, String)>,
    swvs: Vec<String>,
    /// The session rows of the form.
    session_numbers: Vec<usize>,
}

impl NewPage {
    fn error(&self, field: &str) -> Option<&str> {
        self.errors.get(field)
    }

    fn session_value(&self, n: &usize, part: &str) -> &str {
        let s = &self.form.session(*n);
        match part {
            "date" => s.0,
            "from" => s.1,
            "until" => s.2,
            _ => s.3,
        }
    }
}

#[derive(Deserialize, Default)]
pub struct NewActivityForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    audience: String,
    #[serde(default)]
    criteria: String,
    #[serde(default)]
    capacity: String,
    #[serde(default)]
    opens: String,
    #[serde(default)]
    closes: String,
    #[serde(default)]
    paid: Option<String>,
    #[serde(default)]
    owner: String,
    #[serde(default)]
    s1_date: String,
    #[serde(default)]
    s1_from: String,
    #[serde(default)]
    s1_until: String,
    #[serde(default)]
    s1_place: String,
    #[serde(default)]
    s2_date: String,
    #[serde(default)]
    s2_from: String,
    #[serde(default)]
    s2_until: String,
    #[serde(default)]
    s2_place: String,
    #[serde(default)]
    s3_date: String,
    #[serde(default)]
    s3_from: String,
    #[serde(default)]
    s3_until: String,
    #[serde(default)]
    s3_place: String,
}

impl NewActivityForm {
    fn session(&self, n: usize) -> (&str, &str, &str, &str) {
        match n {
            1 => (&self.s1_date, &self.s1_from, &self.s1_until, &self.s1_place),
            2 => (&self.s2_date, &self.s2_from, &self.s2_until, &self.s2_place),
            _ => (&self.s3_date, &self.s3_from, &self.s3_until, &self.s3_place),
        }
    }

    /// The typed form as an activity, or what is wrong with the dates and numbers.
    fn input(&self) -> Result<ActivityInput, FieldProblems> {
        let mut problems = FieldProblems::new();
        let kind = ActivityKind::parse(&self.kind);
        if kind.is_none() {
            problems.push(("kind", Message::new("act-kind-invalid")));
        }
        let capacity = self.capacity.trim().parse::<i64>().unwrap_or(0);
        let opens = dutch_moment(&self.opens, "00:00");
        let closes = dutch_moment(&self.closes, "23:59");
        if opens.is_none() {
            problems.push(("opens", Message::new("act-time-invalid")));
        }
        if closes.is_none() {
            problems.push(("closes", Message::new("act-time-invalid")));
        }
        let mut sessions = Vec::new();
        for n in 1..=3 {
            let (date, from, until, place) = self.session(n);
            if date.trim().is_empty() && from.trim().is_empty() && until.trim().is_empty() && place.trim().is_empty() {
                continue;
            }
            match (dutch_moment(date, from), dutch_moment(date, until)) {
                (Some(starts_at), Some(ends_at)) => {
                    sessions.push(SessionInput { starts_at, ends_at, place: place.to_owned() })
                }
                _ => problems.push(("sessions", Message::new("act-time-invalid"))),
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(ActivityInput {
            kind: kind.unwrap_or(ActivityKind::DevelopmentGroup),
            title: self.title.clone(),
            description: self.description.clone(),
            audience: self.audience.clone(),
            criteria: self.criteria.clone(),
            capacity,
            opens_at: opens.unwrap_or_default(),
            // The last day of the window counts in full: up to the next midnight.
            closes_at: closes.unwrap_or_default() + 60,
            free: self.paid.is_none(),
            sessions,
        })
    }

    fn owner(&self) -> OrgRef {
        if self.owner.is_empty() || self.owner == "platform" {
            OrgRef::platform()
        } else {
            OrgRef { kind: OrgKind::Swv, code: self.owner.clone() }
        }
    }
}

fn new_page_html(ctx: PageContext, form: NewActivityForm, errors: FieldErrors) -> AppResult<Html<String>> {
    let kinds = ActivityKind::ALL.iter().map(|k| (k.as_str(), ctx.t(k.message_id()))).collect();
    let swvs = ctx
        .session
        .as_ref()
        .and_then(|s| passend_domain::access::organise_activities(&s.actor).ok())
        .map(|o| o.owners().iter().filter(|r| r.kind == OrgKind::Swv).map(|r| r.code.clone()).collect())
        .unwrap_or_default();
    render(&NewPage { ctx, form, errors, kinds, swvs, session_numbers: vec![1, 2, 3] })
}

#[utoipa::path(get, path = "/activiteiten/nieuw", tag = "pages",
    responses((status = 200, content_type = "text/html"), (status = 401, description = "Not signed in"), (status = 403, description = "Not an organiser")))]
pub async fn new_page(ctx: PageContext, SignedIn(session): SignedIn) -> AppResult<Html<String>> {
    passend_domain::access::organise_activities(&session.actor)?;
    new_page_html(ctx, NewActivityForm::default(), FieldErrors::default())
}

#[utoipa::path(post, path = "/activiteiten/nieuw", tag = "pages",
    request_body(content = Object, content_type = "application/x-www-form-urlencoded"),
    responses((status = 303, description = "Made"), (status = 422, description = "Field errors"), (status = 403, description = "Not an organiser")))]
pub async fn create(
    State(state): State<AppState>,
    ctx: PageContext,
    form: CsrfForm<NewActivityForm>,
) -> AppResult<Response> {
    let CsrfForm { session, form } = form;
    let problems = match form.input() {
        Ok(input) => match state.app.create_activity(&session.actor, &form.owner(), &input).await? {
            Ok(id) => return Ok(Redirect::to(&format!("/activiteiten/{id}")).into_response()),
            Err(problems) => problems,
        },
        Err(problems) => problems,
    };
    let errors = FieldErrors::from_problems(ctx.lang, problems);
    Ok((StatusCode::UNPROCESSABLE_ENTITY, new_page_html(ctx, form, errors)?).into_response())
}

#[derive(Template)]
#[template(path = "activities/participants.html")]
struct ParticipantsPage {
    ctx: PageContext,
    activity: Activity,
    registrations: Vec<Registration>,
}

impl ParticipantsPage {
    fn status(&self, r: &Registration) -> &'static str {
        status_text(r.status)
    }

    fn attended(&self, r: &Registration) -> &'static str {
        attended_text(r.attended)
    }

    fn registered(&self, r: &Registration) -> bool {
        r.status == RegistrationStatus::Registered
    }
}

#[utoipa::path(get, path = "/activiteiten/{id}/deelnemers", tag = "pages", params(("id" = i64, Path)),
    responses((status = 200, content_type = "text/html"), (status = 401, description = "Not signed in"),
              (status = 403, description = "Not an organiser"), (status = 404, description = "Not an activity the actor organises")))]
pub async fn participants_page(
    State(state): State<AppState>,
    ctx: PageContext,
    SignedIn(session): SignedIn,
    Path(id): Path<i64>,
) -> AppResult<Html<String>> {
    let (activity, registrations) = state.app.participants(&session.actor, id).await?;
    render(&ParticipantsPage { ctx, activity, registrations })
}

#[utoipa::path(get, path = "/activiteiten/{id}/deelnemers.csv", tag = "pages", params(("id" = i64, Path)),
    responses((status = 200, content_type = "text/csv"), (status = 401, description = "Not signed in"),
              (status = 403, description = "Not an organiser"), (status = 404, description = "Not an activity the actor organises")))]
pub async fn participants_csv(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let csv = state.app.participants_csv(&session.actor, id).await?;
    let disposition = format!("attachment; filename=\"deelnemers-{id}.csv\"");
    // A byte-order mark, so that spreadsheets read the accents as UTF-8.
    Ok((
        [(header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()), (header::CONTENT_DISPOSITION, disposition)],
        format!("\u{feff}{csv}"),
    )
        .into_response())
}

fn participants_workbook(
    activity: &Activity,
    registrations: &[Registration],
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let sheet = book.add_worksheet();
    sheet.set_name("Deelnemers")?;
    sheet.write_string_with_format(0, 0, &activity.title, &bold)?;
    let headers = ["Naam", "E-mail", "Organisatie", "Rol", "Status", "Aanwezig", "Aangemeld"];
    for (col, title) in headers.iter().enumerate() {
        sheet.write_string_with_format(2, col as u16, *title, &bold)?;
    }
    for (i, r) in registrations.iter().enumerate() {
        let row = i as u32 + 3;
        sheet.write_string(row, 0, &r.name)?;
        sheet.write_string(row, 1, &r.email)?;
        sheet.write_string(row, 2, r.organisation.clone().unwrap_or_default())?;
        sheet.write_string(row, 3, r.role.clone().unwrap_or_default())?;
        sheet.write_string(row, 4, status_text(r.status))?;
        sheet.write_string(row, 5, attended_text(r.attended))?;
        let at = passend_domain::calendar::in_netherlands(r.created_at).map(|t| t.date_time_text()).unwrap_or_default();
        sheet.write_string(row, 6, at)?;
    }
    sheet.autofilter(2, 0, registrations.len() as u32 + 2, headers.len() as u16 - 1)?;
    sheet.set_column_width(0, 28)?;
    sheet.set_column_width(1, 32)?;
    sheet.set_column_width(2, 32)?;
    book.save_to_buffer()
}

#[utoipa::path(get, path = "/activiteiten/{id}/deelnemers.xlsx", tag = "pages", params(("id" = i64, Path)),
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
              (status = 401, description = "Not signed in"), (status = 403, description = "Not an organiser"),
              (status = 404, description = "Not an activity the actor organises")))]
pub async fn participants_xlsx(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let (activity, registrations) = state.app.participants(&session.actor, id).await?;
    let bytes = participants_workbook(&activity, &registrations).map_err(|e| anyhow::anyhow!("xlsx: {e}"))?;
    let disposition = format!("attachment; filename=\"deelnemers-{id}.xlsx\"");
    Ok((
        [
            (header::CONTENT_TYPE, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    )
        .into_response())
}

#[derive(Deserialize)]
pub struct AttendanceForm {
    /// `ja` or `nee` (left out: `nee`).
    #[serde(default)]
    attended: String,
}

#[utoipa::path(post, path = "/activiteiten/{id}/deelnemers/{registration}/aanwezig", tag = "pages",
    params(("id" = i64, Path), ("registration" = i64, Path)),
    request_body(content = Object, content_type = "application/x-www-form-urlencoded", description = "`attended=ja|nee`"),
    responses((status = 303, description = "Marked"), (status = 403, description = "Not an organiser"), (status = 404, description = "No such participant")))]
pub async fn mark_attendance(
    State(state): State<AppState>,
    Path((id, registration)): Path<(i64, i64)>,
    form: CsrfForm<AttendanceForm>,
) -> AppResult<Redirect> {
    state.app.set_attendance(&form.session.actor, id, registration, form.form.attended == "ja").await?;
    Ok(Redirect::to(&format!("/activiteiten/{id}/deelnemers#r-{registration}")))
}
