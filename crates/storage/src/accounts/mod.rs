//! People, their memberships, sessions, invitations, password resets and
//! login attempts.

mod invitations;
mod login_attempts;
mod memberships;
mod oidc;
mod password_resets;
mod sessions;
mod users;

pub use invitations::{Invitation, PendingInvitation};
pub use memberships::Member;
pub use oidc::{NewOidcLink, OidcFlow, OidcLink};
pub use sessions::SessionRecord;
pub use users::User;
