//! What the login, invitation and password pages and their API share at the
//! edge: the client's address and the invitation form. The use cases are in
//! `passend_app::accounts`.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use passend_app::accounts::AcceptInvitation;
pub use passend_app::accounts::LoginOutcome;
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

impl AcceptForm {
    pub fn input(&self) -> AcceptInvitation<'_> {
        AcceptInvitation { name: &self.name, password: &self.password, password_confirm: &self.password_confirm }
    }
}
