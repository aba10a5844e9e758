//! People, their memberships, sessions, invitations, password resets and
//! login attempts.

mod invitations;
mod login_attempts;
mod memberships;
mod password_resets;
mod sessions;
mod users;

pub use invitations::{Invitation, PendingInvitation};
pub use memberships::Member;
pub use sessions::SessionRecord;
pub use users::User;
