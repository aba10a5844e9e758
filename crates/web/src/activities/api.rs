//! Activities through the JSON API.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use passend_app::activities::{Activity, Cancelled, Registration, SignUpForm};
use passend_domain::Message;
use passend_domain::activities::{ActivityInput, ActivityKind, SessionInput, Window, window_at};
use passend_domain::organisations::{OrgKind, OrgRef};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{parse_rfc3339, rfc3339};
use crate::accounts::api::problems_error;
use crate::app::AppState;
use crate::error::{AppError, AppResult, ErrorKind};
use crate::security::session::SignedIn;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_activities, create_activity))
        .routes(routes!(sign_up))
        .routes(routes!(cancel_registration))
        .routes(routes!(participants))
        .routes(routes!(set_attendance))
}

/// One meeting of an activity.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct SessionBody {
    /// RFC 3339, e.g. `2027-01-15T13:00:00+01:00`.
    pub starts_at: String,
    pub ends_at: String,
    /// An address, or the link of a webinar.
    pub place: String,
}

/// An activity as everybody may see it.
#[derive(Serialize, ToSchema)]
pub struct ActivityBody {
    pub id: i64,
    /// `development_group`, `exchange_day`, `inspiration_visit` or `webinar`.
    #[schema(example = "development_group")]
    pub kind: &'static str,
    pub title: String,
    pub description: String,
    pub audience: String,
    /// Shown to who signs up (e.g. "bij voorkeur een SWV met een van zijn scholen").
    pub criteria: String,
    pub capacity: i64,
    pub places_left: i64,
    /// How many are on the wait list.
    pub waiting: i64,
    pub sign_up_opens_at: String,
    pub sign_up_closes_at: String,
    /// Whether sign-up is possible now.
    pub sign_up_open: bool,
    pub free: bool,
    pub sessions: Vec<SessionBody>,
    /// The calendar file with every session.
    pub ics: String,
}

impl From<Activity> for ActivityBody {
    fn from(a: Activity) -> Self {
        ActivityBody {
            id: a.id,
            kind: a.kind.as_str(),
            places_left: (a.capacity - a.places_taken).max(0),
            waiting: a.waiting,
            sign_up_opens_at: rfc3339(a.opens_at),
            sign_up_closes_at: rfc3339(a.closes_at),
            sign_up_open: window_at(a.opens_at, a.closes_at, passend_app::now()) == Window::Open,
            free: a.free,
            ics: format!("/activiteiten/{}.ics", a.id),
            sessions: a
                .sessions
                .into_iter()
                .map(|s| SessionBody { starts_at: rfc3339(s.starts_at), ends_at: rfc3339(s.ends_at), place: s.place })
                .collect(),
            title: a.title,
            description: a.description,
            audience: a.audience,
            criteria: a.criteria,
            capacity: a.capacity,
        }
    }
}

/// Activities with a session still to come, soonest first.
#[utoipa::path(get, path = "/api/v1/activities", tag = "activities",
    responses((status = 200, body = [ActivityBody])))]
pub async fn list_activities(State(state): State<AppState>) -> AppResult<Json<Vec<ActivityBody>>> {
    Ok(Json(state.app.upcoming_activities().await?.into_iter().map(ActivityBody::from).collect()))
}

/// A new activity.
#[derive(Deserialize, ToSchema)]
pub struct NewActivity {
    #[schema(example = "inspiration_visit")]
    pub kind: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub audience: String,
    #[serde(default)]
    pub criteria: String,
    pub capacity: i64,
    /// RFC 3339.
    pub sign_up_opens_at: String,
    pub sign_up_closes_at: String,
    #[serde(default = "yes")]
    pub free: bool,
    pub sessions: Vec<SessionBody>,
    /// The SWV that organises it; without it, the platform.
    pub swv: Option<String>,
}

fn yes() -> bool {
    true
}

#[derive(Serialize, ToSchema)]
pub struct CreatedActivity {
    pub id: i64,
}

fn moment(text: &str, field: &'static str) -> Result<i64, AppError> {
    parse_rfc3339(text).ok_or_else(|| problems_error(vec![(field, Message::new("act-time-invalid"))]))
}

/// Makes an activity (platform admins and editors; SWV staff for their own SWV).
#[utoipa::path(post, path = "/api/v1/activities", tag = "activities", security(("session" = [])),
    request_body = NewActivity,
    responses((status = 201, body = CreatedActivity), (status = 400, description = "Field problems"),
              (status = 401, description = "Not signed in"), (status = 403, description = "Not an organiser")))]
pub async fn create_activity(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Json(body): Json<NewActivity>,
) -> AppResult<(StatusCode, Json<CreatedActivity>)> {
    let kind = ActivityKind::parse(&body.kind)
        .ok_or_else(|| problems_error(vec![("kind", Message::new("act-kind-invalid"))]))?;
    let mut sessions = Vec::new();
    for s in &body.sessions {
        sessions.push(SessionInput {
            starts_at: moment(&s.starts_at, "sessions")?,
            ends_at: moment(&s.ends_at, "sessions")?,
            place: s.place.clone(),
        });
    }
    let input = ActivityInput {
        kind,
        title: body.title,
        description: body.description,
        audience: body.audience,
        criteria: body.criteria,
        capacity: body.capacity,
        opens_at: moment(&body.sign_up_opens_at, "sign_up_opens_at")?,
        closes_at: moment(&body.sign_up_closes_at, "sign_up_closes_at")?,
        free: body.free,
        sessions,
    };
    let owner = match &body.swv {
        Some(code) => OrgRef { kind: OrgKind::Swv, code: code.trim().to_uppercase() },
        None => OrgRef::platform(),
    };
    let id = state.app.create_activity(&session.actor, &owner, &input).await?.map_err(problems_error)?;
    Ok((StatusCode::CREATED, Json(CreatedActivity { id })))
}

/// A sign-up: name and e-mail; organisation (a BRIN, SWV code or school name, looked up in the directory) and role optional.
#[derive(Deserialize, ToSchema)]
pub struct SignUpBody {
    pub name: String,
    pub email: String,
    pub organisation: Option<String>,
    pub role: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct SignUpResult {
    /// `registered` (a place) or `waitlisted` (on the wait list, in order).
    #[schema(example = "registered")]
    pub status: &'static str,
    /// The secret of the cancel link (`DELETE /api/v1/registrations/{token}`), also in the mail.
    pub token: String,
}

/// Signs up for an activity. A closed window, or a second live sign-up with one address, is refused with a message.
#[utoipa::path(post, path = "/api/v1/activities/{id}/registrations", tag = "activities", security(()),
    params(("id" = i64, Path)), request_body = SignUpBody,
    responses((status = 201, body = SignUpResult), (status = 400, description = "Field problems, a closed window or a second sign-up"),
              (status = 404, description = "No such activity")))]
pub async fn sign_up(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Json(body): Json<SignUpBody>,
) -> AppResult<(StatusCode, Json<SignUpResult>)> {
    let form = SignUpForm {
        name: &body.name,
        email: &body.email,
        organisation: body.organisation.as_deref(),
        role: body.role.as_deref(),
    };
    let signed = state.app.sign_up(id, &form).await?.map_err(problems_error)?;
    Ok((StatusCode::CREATED, Json(SignUpResult { status: signed.status.as_str(), token: signed.token })))
}

/// Cancels a sign-up by its link's secret; the first on the wait list gets the place and a mail.
#[utoipa::path(delete, path = "/api/v1/registrations/{token}", tag = "activities",
    params(("token" = String, Path, description = "The secret from the confirmation mail")),
    responses((status = 204, description = "Cancelled"), (status = 404, description = "No such sign-up"),
              (status = 409, description = "Cancelled before")))]
pub async fn cancel_registration(State(state): State<AppState>, Path(token): Path<String>) -> AppResult<StatusCode> {
    match state.app.cancel_registration(&token).await? {
        Cancelled::Cancelled => Ok(StatusCode::NO_CONTENT),
        Cancelled::AlreadyCancelled => Err(AppError::new(ErrorKind::Conflict)),
    }
}

#[derive(Serialize, ToSchema)]
pub struct ParticipantBody {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub organisation: Option<String>,
    pub role: Option<String>,
    /// `registered`, `waitlisted` or `cancelled`.
    pub status: &'static str,
    /// Whether they came; null until marked.
    pub attended: Option<bool>,
    pub signed_up_at: String,
}

impl From<Registration> for ParticipantBody {
    fn from(r: Registration) -> Self {
        ParticipantBody {
            id: r.id,
            status: r.status.as_str(),
            attended: r.attended,
            signed_up_at: rfc3339(r.created_at),
            name: r.name,
            email: r.email,
            organisation: r.organisation,
            role: r.role,
        }
    }
}

/// The participants, then the wait list in order, then who cancelled (organisers only).
#[utoipa::path(get, path = "/api/v1/activities/{id}/registrations", tag = "activities", security(("session" = [])),
    params(("id" = i64, Path)),
    responses((status = 200, body = [ParticipantBody]), (status = 401, description = "Not signed in"),
              (status = 403, description = "Not an organiser"), (status = 404, description = "Not an activity the actor organises")))]
pub async fn participants(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path(id): Path<i64>,
) -> AppResult<Json<Vec<ParticipantBody>>> {
    let (_, registrations) = state.app.participants(&session.actor, id).await?;
    Ok(Json(registrations.into_iter().map(ParticipantBody::from).collect()))
}

#[derive(Deserialize, ToSchema)]
pub struct Attendance {
    /// Whether the participant came (false when left out).
    #[serde(default)]
    pub attended: bool,
}

/// Marks whether a participant came.
#[utoipa::path(put, path = "/api/v1/activities/{id}/registrations/{registration}/attendance", tag = "activities",
    security(("session" = [])), params(("id" = i64, Path), ("registration" = i64, Path)), request_body = Attendance,
    responses((status = 204, description = "Marked"), (status = 401, description = "Not signed in"),
              (status = 403, description = "Not an organiser"), (status = 404, description = "No such participant")))]
pub async fn set_attendance(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path((id, registration)): Path<(i64, i64)>,
    Json(body): Json<Attendance>,
) -> AppResult<StatusCode> {
    state.app.set_attendance(&session.actor, id, registration, body.attended).await?;
    Ok(StatusCode::NO_CONTENT)
}
