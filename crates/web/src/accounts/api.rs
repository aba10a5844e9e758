use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::actions::{AcceptForm, ClientAddr, FieldProblems, LoginOutcome};
use crate::app::AppState;
use crate::error::{AppError, AppResult, ErrorKind};
use crate::i18n::ReaderLang;
use crate::security::session::{SignedIn, end_session, set_cookie_header, start_session};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(current_session, create_session, delete_session))
        .routes(routes!(me))
        .routes(routes!(accept_invitation))
        .routes(routes!(request_password_reset))
        .routes(routes!(reset_password))
}

#[derive(Serialize, ToSchema)]
pub struct UserInfo {
    pub id: i64,
    pub email: String,
    pub name: String,
}

#[derive(Serialize, ToSchema)]
pub struct MembershipInfo {
    /// `platform`, `swv`, `board` or `school`.
    #[schema(schema_with = crate::contract::org_kind)]
    pub org_kind: String,
    pub org_code: String,
    /// `team_member`, `ib`, `director`, `board_member`, `mr_member`, `swv_staff`, `swv_admin`, `platform_admin`, `editor` or `expert`.
    #[schema(schema_with = crate::contract::role)]
    pub role: String,
}

#[derive(Serialize, ToSchema)]
pub struct Me {
    pub user: UserInfo,
    pub memberships: Vec<MembershipInfo>,
}

#[derive(Serialize, ToSchema)]
pub struct SessionInfo {
    #[serde(flatten)]
    pub me: Me,
    /// Send this in the `X-CSRF-Token` header of requests that change state.
    pub csrf_token: String,
}

async fn me_of(state: &AppState, user_id: i64) -> AppResult<Me> {
    let person = state.app.person(user_id).await?.ok_or_else(AppError::not_found)?;
    let user = person.user;
    Ok(Me {
        user: UserInfo { id: user.id, email: user.email, name: user.name },
        memberships: person
            .actor
            .memberships()
            .iter()
            .cloned()
            .map(|m| MembershipInfo {
                org_kind: m.org.kind.as_str().to_owned(),
                org_code: m.org.code,
                role: m.role.as_str().to_owned(),
            })
            .collect(),
    })
}

pub fn problems_error(problems: FieldProblems) -> AppError {
    AppError::invalid(problems.into_iter().map(|(f, m)| (f.to_owned(), m)).collect())
}

/// The current session with its CSRF token.
#[utoipa::path(get, path = "/api/v1/session", tag = "session", security(("session" = [])),
    responses((status = 200, body = SessionInfo), (status = 401, description = "Not signed in")))]
pub async fn current_session(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
) -> AppResult<Json<SessionInfo>> {
    let me = me_of(&state, session.user.id).await?;
    Ok(Json(SessionInfo { me, csrf_token: session.csrf_token.clone() }))
}

#[derive(Deserialize, ToSchema)]
pub struct Credentials {
    pub email: String,
    pub password: String,
}

/// Signs in with e-mail and password; the session cookie comes with the answer.
#[utoipa::path(post, path = "/api/v1/session", tag = "session", security(()), request_body = Credentials,
    responses((status = 200, body = SessionInfo), (status = 401, description = "Wrong e-mail or password"),
              (status = 429, description = "Too many failed attempts; `Retry-After` says how long to wait",
               headers(("Retry-After" = u32, description = "Seconds")))))]
pub async fn create_session(
    State(state): State<AppState>,
    headers: HeaderMap,
    ClientAddr(client): ClientAddr,
    Json(credentials): Json<Credentials>,
) -> AppResult<Response> {
    match state.app.login(&credentials.email, &credentials.password, &client).await? {
        LoginOutcome::Success(user) => {
            let (cookie, csrf_token) = start_session(&state, &headers, user.id).await?;
            let me = me_of(&state, user.id).await?;
            Ok(([set_cookie_header(cookie)], Json(SessionInfo { me, csrf_token })).into_response())
        }
        LoginOutcome::Invalid => Err(AppError::new(ErrorKind::InvalidCredentials)),
        LoginOutcome::RateLimited => Err(AppError::new(ErrorKind::RateLimited)),
    }
}

/// Signs out.
#[utoipa::path(delete, path = "/api/v1/session", tag = "session", security(("session" = [])),
    responses((status = 204, description = "Signed out")))]
pub async fn delete_session(State(state): State<AppState>, SignedIn(session): SignedIn) -> AppResult<Response> {
    let cookie = end_session(&state, &session).await?;
    Ok(([set_cookie_header(cookie)], StatusCode::NO_CONTENT).into_response())
}

/// The signed-in user and their memberships.
#[utoipa::path(get, path = "/api/v1/me", tag = "session", security(("session" = [])),
    responses((status = 200, body = Me), (status = 401, description = "Not signed in")))]
pub async fn me(State(state): State<AppState>, SignedIn(session): SignedIn) -> AppResult<Json<Me>> {
    Ok(Json(me_of(&state, session.user.id).await?))
}

/// Accepts an invitation from its link: makes the account (or checks the
/// existing account's password) and signs in.
#[utoipa::path(post, path = "/api/v1/invitations/{token}/accept", tag = "session", security(()),
    params(("token" = String, Path, description = "The token from the invitation link")),
    request_body = AcceptForm,
    responses((status = 200, body = SessionInfo), (status = 400, description = "Field errors"),
              (status = 404, description = "Unknown, used, revoked or expired invitation"),
              (status = 429, description = "Too many failed password attempts for an existing account",
               headers(("Retry-After" = u32, description = "Seconds")))))]
pub async fn accept_invitation(
    State(state): State<AppState>,
    headers: HeaderMap,
    ClientAddr(client): ClientAddr,
    Path(token): Path<String>,
    Json(form): Json<AcceptForm>,
) -> AppResult<Response> {
    let invitation = state.app.open_invitation(&token).await?.ok_or_else(AppError::not_found)?;
    // Through the API a known address is confirmed by its password, never by a cookie.
    let user_id =
        state.app.accept_invitation(&invitation, None, &form.input(), &client).await?.map_err(problems_error)?;
    let (cookie, csrf_token) = start_session(&state, &headers, user_id).await?;
    let me = me_of(&state, user_id).await?;
    Ok(([set_cookie_header(cookie)], Json(SessionInfo { me, csrf_token })).into_response())
}

#[derive(Deserialize, ToSchema)]
pub struct ResetRequest {
    pub email: String,
}

/// Mails a password reset link when the address has an account (the answer is the same either way).
#[utoipa::path(post, path = "/api/v1/password-reset", tag = "session", security(()), request_body = ResetRequest,
    responses((status = 202, description = "A link is mailed if the account exists")))]
pub async fn request_password_reset(
    State(state): State<AppState>,
    ReaderLang(lang): ReaderLang,
    Json(request): Json<ResetRequest>,
) -> AppResult<StatusCode> {
    state.app.request_password_reset(lang, &request.email).await?;
    Ok(StatusCode::ACCEPTED)
}

#[derive(Deserialize, ToSchema)]
pub struct NewPasswordRequest {
    pub password: String,
    pub password_confirm: String,
}

/// Sets a new password with the token from a reset link; all sessions of the account end.
#[utoipa::path(post, path = "/api/v1/password-reset/{token}", tag = "session", security(()),
    params(("token" = String, Path)), request_body = NewPasswordRequest,
    responses((status = 204, description = "Password changed"), (status = 400, description = "Field errors"),
              (status = 404, description = "Unknown, used or expired link")))]
pub async fn reset_password(
    State(state): State<AppState>,
    Path(token): Path<String>,
    Json(request): Json<NewPasswordRequest>,
) -> AppResult<StatusCode> {
    match state.app.reset_password(&token, &request.password, &request.password_confirm).await? {
        None => Err(AppError::not_found()),
        Some(Err(problems)) => Err(problems_error(problems)),
        Some(Ok(())) => Ok(StatusCode::NO_CONTENT),
    }
}
