use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use passend_app::accounts::Invitation;
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::actions::{AcceptForm, ClientAddr, LoginOutcome};
use crate::app::AppState;
use crate::error::AppResult;
use crate::pages::{FieldErrors, PageContext, local_path, render};
use crate::security::csrf::{CsrfForm, PublicForm};
use crate::security::session::{end_session, set_cookie_header, start_session};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(login_page, login))
        .routes(routes!(logout))
        .routes(routes!(forgot_page, forgot))
        .routes(routes!(reset_page, reset))
        .routes(routes!(invitation_page, accept))
        .merge(super::oidc::router())
}

#[derive(Template)]
#[template(path = "accounts/login.html")]
struct LoginPage {
    ctx: PageContext,
    email: String,
    back: String,
    error: Option<String>,
    /// A button per configured OpenID Connect provider.
    providers: Vec<passend_app::accounts::oidc::OidcButton>,
}

#[derive(Deserialize)]
pub struct Back {
    terug: Option<String>,
}

#[utoipa::path(get, path = "/inloggen", tag = "pages", security(()), responses((status = 200, content_type = "text/html")))]
pub async fn login_page(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(back): Query<Back>,
) -> AppResult<Response> {
    if ctx.session.is_some() {
        return Ok(Redirect::to(&local_path(back.terug.as_deref())).into_response());
    }
    let back = local_path(back.terug.as_deref());
    let providers = state.app.oidc_buttons();
    Ok(render(&LoginPage { ctx, email: String::new(), back, error: None, providers })?.into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LoginForm {
    email: String,
    password: String,
    terug: Option<String>,
}

#[utoipa::path(post, path = "/inloggen", tag = "pages", security(()), responses((status = 303, description = "Signed in")))]
pub async fn login(
    State(state): State<AppState>,
    ctx: PageContext,
    headers: HeaderMap,
    ClientAddr(client): ClientAddr,
    PublicForm(form): PublicForm<LoginForm>,
) -> AppResult<Response> {
    let back = local_path(form.terug.as_deref());
    match state.app.login(&form.email, &form.password, &client).await? {
        LoginOutcome::Success(user) => {
            let (cookie, _) = start_session(&state, &headers, user.id).await?;
            Ok(([set_cookie_header(cookie)], Redirect::to(&back)).into_response())
        }
        LoginOutcome::Invalid => {
            let error = Some(ctx.t("login-invalid"));
            let providers = state.app.oidc_buttons();
            let page = render(&LoginPage { ctx, email: form.email, back, error, providers })?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        LoginOutcome::RateLimited => Err(crate::error::AppError::new(crate::error::ErrorKind::RateLimited)),
    }
}

#[derive(Deserialize)]
pub struct Empty {}

#[utoipa::path(post, path = "/uitloggen", tag = "pages", responses((status = 303, description = "Signed out")))]
pub async fn logout(State(state): State<AppState>, form: CsrfForm<Empty>) -> AppResult<Response> {
    let cookie = end_session(&state, &form.session).await?;
    Ok(([set_cookie_header(cookie)], Redirect::to("/?melding=uitgelogd")).into_response())
}

#[derive(Template)]
#[template(path = "accounts/forgot_password.html")]
struct ForgotPage {
    ctx: PageContext,
}

#[utoipa::path(get, path = "/wachtwoord-vergeten", tag = "pages", security(()), responses((status = 200, content_type = "text/html")))]
pub async fn forgot_page(ctx: PageContext) -> AppResult<impl IntoResponse> {
    render(&ForgotPage { ctx })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ForgotForm {
    email: String,
}

#[utoipa::path(post, path = "/wachtwoord-vergeten", tag = "pages", security(()), responses((status = 303, description = "Mail sent if the account exists")))]
pub async fn forgot(
    State(state): State<AppState>,
    ctx: PageContext,
    PublicForm(form): PublicForm<ForgotForm>,
) -> AppResult<Redirect> {
    state.app.request_password_reset(ctx.lang, &form.email).await?;
    Ok(Redirect::to("/inloggen?melding=herstel-verstuurd"))
}

#[derive(Template)]
#[template(path = "accounts/reset_password.html")]
struct ResetPage {
    ctx: PageContext,
    valid: bool,
    errors: FieldErrors,
}

#[utoipa::path(get, path = "/wachtwoord-herstellen/{token}", tag = "pages", security(()),
    params(("token" = String, Path)), responses((status = 200, content_type = "text/html")))]
pub async fn reset_page(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(token): Path<String>,
) -> AppResult<Response> {
    let valid = state.app.reset_link_valid(&token).await?;
    let status = if valid { StatusCode::OK } else { StatusCode::NOT_FOUND };
    Ok((status, render(&ResetPage { ctx, valid, errors: FieldErrors::default() })?).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ResetForm {
    password: String,
    password_confirm: String,
}

#[utoipa::path(post, path = "/wachtwoord-herstellen/{token}", tag = "pages", security(()),
    params(("token" = String, Path)), responses((status = 303, description = "Password changed")))]
pub async fn reset(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(token): Path<String>,
    PublicForm(form): PublicForm<ResetForm>,
) -> AppResult<Response> {
    match state.app.reset_password(&token, &form.password, &form.password_confirm).await? {
        None => Ok((StatusCode::NOT_FOUND, render(&ResetPage { ctx, valid: false, errors: FieldErrors::default() })?)
            .into_response()),
        Some(Ok(())) => Ok(Redirect::to("/inloggen?melding=wachtwoord-gewijzigd").into_response()),
        Some(Err(problems)) => {
            let errors = FieldErrors::from_problems(ctx.lang, problems);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&ResetPage { ctx, valid: true, errors })?).into_response())
        }
    }
}

#[derive(Template)]
#[template(path = "accounts/invitation.html")]
struct InvitationPage {
    ctx: PageContext,
    invitation: Option<InvitationView>,
    name: String,
    errors: FieldErrors,
}

struct InvitationView {
    email: String,
    org_name: String,
    role: passend_domain::access::Role,
    /// The address has an account already: ask its password instead of a new one.
    has_account: bool,
    /// That account is the one signed in: one click accepts.
    is_signed_in_user: bool,
}

async fn invitation_view(state: &AppState, ctx: &PageContext, invitation: &Invitation) -> AppResult<InvitationView> {
    let email = passend_domain::accounts::Email::parse(&invitation.email).ok();
    let account = match &email {
        Some(e) => state.app.account_of(e).await?,
        None => None,
    };
    Ok(InvitationView {
        email: invitation.email.clone(),
        org_name: state.app.display_name(ctx.lang, &invitation.org).await?,
        role: invitation.role,
        has_account: account.is_some(),
        is_signed_in_user: account.is_some_and(|a| ctx.session.as_ref().is_some_and(|s| s.user.id == a.id)),
    })
}

#[utoipa::path(get, path = "/uitnodiging/{token}", tag = "pages", security(()),
    params(("token" = String, Path)), responses((status = 200, content_type = "text/html")))]
pub async fn invitation_page(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(token): Path<String>,
) -> AppResult<Response> {
    let Some(invitation) = state.app.open_invitation(&token).await? else {
        let page = InvitationPage { ctx, invitation: None, name: String::new(), errors: FieldErrors::default() };
        return Ok((StatusCode::NOT_FOUND, render(&page)?).into_response());
    };
    let view = invitation_view(&state, &ctx, &invitation).await?;
    Ok(render(&InvitationPage { ctx, invitation: Some(view), name: String::new(), errors: FieldErrors::default() })?
        .into_response())
}

/// The invitation form: the fields, and the session's token when signed in.
#[derive(Deserialize, Default)]
pub struct PageAcceptForm {
    #[serde(flatten)]
    form: AcceptForm,
    #[serde(default)]
    csrf_token: String,
}

#[utoipa::path(post, path = "/uitnodiging/{token}", tag = "pages", security(()),
    params(("token" = String, Path)), responses((status = 303, description = "Accepted; signed in")))]
pub async fn accept(
    State(state): State<AppState>,
    ctx: PageContext,
    headers: HeaderMap,
    ClientAddr(client): ClientAddr,
    Path(token): Path<String>,
    PublicForm(form): PublicForm<PageAcceptForm>,
) -> AppResult<Response> {
    let PageAcceptForm { form, csrf_token } = form;
    let Some(invitation) = state.app.open_invitation(&token).await? else {
        let page = InvitationPage { ctx, invitation: None, name: String::new(), errors: FieldErrors::default() };
        return Ok((StatusCode::NOT_FOUND, render(&page)?).into_response());
    };
    // Accepting as the signed-in person is one click, so it is a form a
    // cookie session makes: it carries the session's CSRF token.
    let session = ctx.session.as_deref().filter(|s| s.user.email == invitation.email);
    if let Some(session) = session
        && !passend_app::accounts::secrets::same_secret(&csrf_token, &session.csrf_token)
    {
        return Err(crate::error::AppError::new(crate::error::ErrorKind::Csrf));
    }
    match state.app.accept_invitation(&invitation, session.map(|s| s.user.id), &form.input(), &client).await? {
        Ok(user_id) => {
            let (cookie, _) = start_session(&state, &headers, user_id).await?;
            Ok(([set_cookie_header(cookie)], Redirect::to("/dashboard?melding=welkom")).into_response())
        }
        Err(problems) => {
            let errors = FieldErrors::from_problems(ctx.lang, problems);
            let view = invitation_view(&state, &ctx, &invitation).await?;
            let page = InvitationPage { ctx, invitation: Some(view), name: form.name, errors };
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response())
        }
    }
}
