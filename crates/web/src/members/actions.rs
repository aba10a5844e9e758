//! The invitation form as pages and API receive it; the use cases are in
//! `passend_app::members`.

use passend_app::members::NewInvitation;

#[derive(Debug, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct InviteForm {
    #[serde(default)]
    pub email: String,
    /// One of the roles the inviter may give here.
    #[serde(default)]
    #[schema(schema_with = crate::contract::role, required = true)]
    pub role: String,
}

impl InviteForm {
    pub fn input(&self) -> NewInvitation<'_> {
        NewInvitation { email: &self.email, role: &self.role }
    }
}
