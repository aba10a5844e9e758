//! Login through an OpenID Connect provider (`/inloggen/oidc/{name}`, its
//! callback `/inloggen/oidc/{name}/terug`) and the page where people see and
//! remove their linked logins. The protocol and the linking rules are in
//! `passend_app::accounts::oidc`.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use passend_app::accounts::oidc::{LinkedLogin, OidcCallback, OidcOutcome};
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::pages::Empty;
use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::pages::{PageContext, local_path, render};
use crate::security::cookies::{clear_cookie, cookie, set_cookie};
use crate::security::csrf::CsrfForm;
use crate::security::session::{SignedIn, start_session};

/// The cookie that ties a login flow to the browser that began it.
const STATE_COOKIE: &str = "passend_oidc_state";

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(begin))
        .routes(routes!(callback))
        .routes(routes!(linked_logins_page))
        .routes(routes!(remove_linked_login))
}

#[derive(Deserialize)]
pub struct Back {
    terug: Option<String>,
}

/// Sends the browser to the provider to log in.
#[utoipa::path(get, path = "/inloggen/oidc/{name}", tag = "pages", security(()),
    params(("name" = String, Path, description = "The provider's name in the configuration")),
    responses(
        (status = 303, description = "To the provider's login"),
        (status = 404, description = "No provider of that name"),
        (status = 500, description = "The provider could not be reached"),
    ))]
pub async fn begin(
    State(state): State<AppState>,
    Path(name): Path<String>,
    Query(back): Query<Back>,
) -> AppResult<Response> {
    let start = state.app.begin_oidc_login(&name, &local_path(back.terug.as_deref())).await?;
    let max_age = passend_app::accounts::oidc::FLOW_MINUTES * 60;
    let cookie = set_cookie(STATE_COOKIE, &start.state, max_age, state.config.secure_cookies());
    Ok(([(header::SET_COOKIE, cookie)], Redirect::to(&start.redirect_to)).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CallbackQuery {
    state: Option<String>,
    code: Option<String>,
    error: Option<String>,
}

#[derive(Template)]
#[template(path = "accounts/oidc_result.html")]
struct ResultPage {
    ctx: PageContext,
    label: String,
    /// Why the login was refused, or that it reached no account.
    message: String,
    /// For a login without account: the address the provider gave.
    email: Option<String>,
    /// Entree's school: whom to ask for an invitation.
    school: Option<String>,
    school_name: Option<String>,
}

/// The provider sends the browser back here with a code (or an error).
#[utoipa::path(get, path = "/inloggen/oidc/{name}/terug", tag = "pages", security(()),
    params(("name" = String, Path, description = "The provider's name in the configuration")),
    responses(
        (status = 303, description = "Signed in"),
        (status = 400, description = "Refused: wrong or spent state, a code the provider refused, an ID token that failed a check", content_type = "text/html"),
        (status = 403, description = "The login reaches no account (no invitation to the verified address)", content_type = "text/html"),
        (status = 404, description = "No provider of that name"),
    ))]
pub async fn callback(
    State(state): State<AppState>,
    ctx: PageContext,
    headers: HeaderMap,
    Path(name): Path<String>,
    Query(query): Query<CallbackQuery>,
) -> AppResult<Response> {
    let label = state.app.oidc_label(&name).ok_or_else(AppError::not_found)?;
    let cookie_state = cookie(&headers, STATE_COOKIE);
    let outcome = state
        .app
        .finish_oidc_login(
            &name,
            OidcCallback {
                state: query.state.as_deref(),
                code: query.code.as_deref(),
                error: query.error.as_deref(),
                cookie_state: cookie_state.as_deref(),
            },
        )
        .await?;
    let cleared = (header::SET_COOKIE, clear_cookie(STATE_COOKIE, state.config.secure_cookies()));
    match outcome {
        OidcOutcome::SignedIn { user_id, return_to } => {
            let (session, _) = start_session(&state, &headers, user_id).await?;
            let mut response = Redirect::to(&local_path(Some(&return_to))).into_response();
            response.headers_mut().append(header::SET_COOKIE, session);
            response.headers_mut().append(cleared.0, cleared.1);
            Ok(response)
        }
        OidcOutcome::NoAccount { email, verified, school, school_name } => {
            let message = if email.is_some() && !verified {
                ctx.t1("oidc-unverified", "provider", &label)
            } else {
                ctx.t1("oidc-no-account", "provider", &label)
            };
            let page = render(&ResultPage { ctx, label, message, email, school, school_name })?;
            Ok((StatusCode::FORBIDDEN, [cleared], page).into_response())
        }
        OidcOutcome::Refused(why) => {
            let message = ctx.t1(why.message_id(), "provider", &label);
            let page = render(&ResultPage { ctx, label, message, email: None, school: None, school_name: None })?;
            Ok((StatusCode::BAD_REQUEST, [cleared], page).into_response())
        }
    }
}

#[derive(Template)]
#[template(path = "accounts/linked_logins.html")]
struct LinkedLoginsPage {
    ctx: PageContext,
    logins: Vec<LinkedLogin>,
    has_password: bool,
    removed: bool,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Notice {
    melding: Option<String>,
}

/// The person's own linked logins, each with a button to remove it.
#[utoipa::path(get, path = "/account/inloggen", tag = "pages",
    responses((status = 200, content_type = "text/html"), (status = 303, description = "To the login")))]
pub async fn linked_logins_page(
    State(state): State<AppState>,
    ctx: PageContext,
    SignedIn(session): SignedIn,
    Query(notice): Query<Notice>,
) -> AppResult<Response> {
    let logins = state.app.linked_logins(session.user.id).await?;
    let has_password = session.user.password_hash.is_some();
    let removed = notice.melding.as_deref() == Some("verwijderd");
    Ok(render(&LinkedLoginsPage { ctx, logins, has_password, removed })?.into_response())
}

/// Removes one of the person's own linked logins.
#[utoipa::path(post, path = "/account/inloggen/{id}/verwijderen", tag = "pages",
    params(("id" = i64, Path)),
    responses((status = 303, description = "Removed"), (status = 404, description = "Not one of yours")))]
pub async fn remove_linked_login(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    form: CsrfForm<Empty>,
) -> AppResult<Response> {
    state.app.remove_linked_login(form.session.user.id, id).await?;
    Ok(Redirect::to("/account/inloggen?melding=verwijderd").into_response())
}
