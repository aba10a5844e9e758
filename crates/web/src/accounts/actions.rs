//! What the login, invitation and password pages and their API share at the
//! edge: the client's address and the invitation form. The use cases are in
//! `passend_app::accounts`.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use passend_app::accounts::AcceptInvitation;
pub use passend_app::accounts::LoginOutcome;
pub use passend_domain::FieldProblems;

use crate::app::AppState;
use crate::security::client::client_group;

/// The client the login limits count under: the socket's address, or the
/// forwarded one from a trusted proxy, an IPv6 client by its /64
/// (`security::client`).
pub struct ClientAddr(pub String);

impl FromRequestParts<AppState> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let Some(peer) = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip()) else {
            return Ok(ClientAddr("unknown".to_owned()));
        };
        let forwarded: Vec<&str> =
            parts.headers.get_all("x-forwarded-for").iter().filter_map(|v| v.to_str().ok()).collect();
        let client = state.config.trusted_proxies.client(peer, &forwarded);
        Ok(ClientAddr(client_group(client)))
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
