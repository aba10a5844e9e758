//! What the login, invitation and password pages and their API share.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use passend_domain::Message;
use passend_domain::access::{self, Actor};
use passend_domain::accounts::{Email, NewPassword, PersonName};
use passend_i18n::Lang;
use passend_storage::accounts::{Invitation, User};
use passend_storage::now;

use crate::app::AppState;
use crate::error::{AppError, AppResult, ErrorKind};
use crate::security::password::{hash_password, verify_password};
use crate::security::rate_limit;
use crate::security::session::Session;
use crate::security::tokens::{random_token, token_hash};

/// How long a mailed link stays valid.
pub const INVITATION_DAYS: i64 = 14;
pub const RESET_HOURS: i64 = 2;

pub use passend_domain::FieldProblems;

/// The client's network address, for rate limiting.
pub struct ClientAddr(pub String);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let addr = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map_or_else(|| "unknown".to_owned(), |c| c.0.ip().to_string());
        Ok(ClientAddr(addr))
    }
}

pub enum LoginOutcome {
    Success(User),
    Invalid,
}

/// Checks a password against the limits: too many attempts for the address,
/// or failures from the client, stop further tries for a while.
async fn check_password(
    state: &AppState,
    user: Option<&User>,
    email: &str,
    password: &str,
    client: &str,
) -> AppResult<bool> {
    if !rate_limit::begin_attempt(&state.db, email, client).await? {
        return Err(AppError::new(ErrorKind::RateLimited));
    }
    if verify_password(password, user.and_then(|u| u.password_hash.as_deref())).await {
        rate_limit::record_success(&state.db, email).await?;
        Ok(true)
    } else {
        rate_limit::record_failure(&state.db, client).await?;
        Ok(false)
    }
}

pub async fn login(state: &AppState, email: &str, password: &str, client: &str) -> AppResult<LoginOutcome> {
    let user = match Email::parse(email) {
        Ok(email) => state.db.user_by_email(&email).await?,
        Err(_) => None,
    };
    match check_password(state, user.as_ref(), email, password, client).await? {
        true => Ok(LoginOutcome::Success(user.expect("a verified password belongs to a user"))),
        false => Ok(LoginOutcome::Invalid),
    }
}

/// An open invitation by the token in its link.
/// The invitation still grants only what its inviter may give today: one who
/// lost the role, or a school that moved to another SWV, ends it.
pub async fn open_invitation(state: &AppState, token: &str) -> AppResult<Option<Invitation>> {
    let Some(invitation) = state.db.invitation_by_token(&token_hash(token)).await?.filter(|i| i.is_open(now())) else {
        return Ok(None);
    };
    let Some(inviter) = invitation.invited_by else { return Ok(None) };
    let Some(context) = state.db.org_context(&invitation.org).await? else { return Ok(None) };
    let actor = Actor { user_id: inviter, memberships: state.db.memberships_of(inviter).await? };
    Ok(access::grant_role(&actor, &invitation.org, &context, invitation.role).is_ok().then_some(invitation))
}

/// What a person fills in to accept an invitation.
#[derive(Debug, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct AcceptForm {
    /// Your name (for a new account).
    #[serde(default)]
    pub name: String,
    /// A new password (new account) or the existing account's password.
    #[serde(default)]
    pub password: String,
    /// The new password again (new account).
    #[serde(default)]
    pub password_confirm: String,
}

/// Accepts the invitation: for a new address an account is made, for a known
/// one its password is asked (unless that person is signed in). Returns the
/// user to start a session for.
pub async fn accept_invitation(
    state: &AppState,
    invitation: &Invitation,
    session: Option<&Session>,
    form: &AcceptForm,
    client: &str,
) -> AppResult<Result<i64, FieldProblems>> {
    let email = Email::parse(&invitation.email).map_err(|_| AppError::new(ErrorKind::BadRequest))?;
    let existing = state.db.user_by_email(&email).await?;
    match existing {
        Some(user) if session.is_some_and(|s| s.user.id == user.id) => {
            state.db.accept_invitation(invitation, user.id).await?;
            Ok(Ok(user.id))
        }
        Some(user) => {
            // The link is no licence to guess the account's password.
            if !check_password(state, Some(&user), email.as_str(), &form.password, client).await? {
                return Ok(Err(vec![("password", Message::new("login-invalid"))]));
            }
            state.db.accept_invitation(invitation, user.id).await?;
            Ok(Ok(user.id))
        }
        None => {
            let mut problems = FieldProblems::new();
            let name = PersonName::parse(&form.name).map_err(|e| problems.push(("name", e.message()))).ok();
            let password =
                NewPassword::parse(&form.password, &email).map_err(|e| problems.push(("password", e.message()))).ok();
            if password.is_some() && form.password != form.password_confirm {
                problems.push(("password_confirm", Message::new("account-password-mismatch")));
            }
            let (Some(name), Some(password), true) = (name, password, problems.is_empty()) else {
                return Ok(Err(problems));
            };
            let hash = hash_password(password.expose()).await?;
            Ok(Ok(state.db.accept_invitation_as_new_user(invitation, &email, name.as_str(), &hash).await?))
        }
    }
}

/// Mails a reset link when the address has an account. The answer is the same
/// either way, so the form does not reveal who has an account.
pub async fn request_password_reset(state: &AppState, lang: Lang, email: &str) -> AppResult<()> {
    let Ok(email) = Email::parse(email) else {
        return Ok(());
    };
    let Some(user) = state.db.user_by_email(&email).await? else {
        tracing::info!("password reset asked for an address without account");
        return Ok(());
    };
    if !rate_limit::reset_mail_allowed(&state.db, user.email.as_str()).await? {
        tracing::warn!("password reset mails for one address exceeded the hourly limit");
        return Ok(());
    }
    let token = random_token();
    state.db.create_password_reset(&token_hash(&token), user.id, now() + RESET_HOURS * 3600).await?;
    let link = state.config.link(&format!("/wachtwoord-herstellen/{token}"));
    let subject = lang.t("mail-reset-subject");
    let body = lang.t_with(
        "mail-reset-body",
        &[("name", user.name.clone().into()), ("link", link.into()), ("hours", RESET_HOURS.into())],
    );
    state.mailer.send(&user.email, &subject, &body).await?;
    Ok(())
}

/// Sets a new password from a reset link; every session of the user ends.
pub async fn reset_password(
    state: &AppState,
    token: &str,
    password: &str,
    confirm: &str,
) -> AppResult<Option<Result<(), FieldProblems>>> {
    let hash = token_hash(token);
    let Some(user_id) = state.db.password_reset_user(&hash).await? else { return Ok(None) };
    let Some(user) = state.db.user_by_id(user_id).await? else { return Ok(None) };
    let email = Email::parse(&user.email).map_err(|_| AppError::new(ErrorKind::Internal))?;
    let password = match NewPassword::parse(password, &email) {
        Ok(p) => p,
        Err(e) => return Ok(Some(Err(vec![("password", e.message())]))),
    };
    if password.expose() != confirm {
        return Ok(Some(Err(vec![("password_confirm", Message::new("account-password-mismatch"))])));
    }
    let new_hash = hash_password(password.expose()).await?;
    Ok(state.db.reset_password(&hash, &new_hash).await?.map(|_| Ok(())))
}
