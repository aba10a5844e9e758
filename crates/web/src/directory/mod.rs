//! The public directory (SWVs, schools, boards) and the SWV's own details.

pub mod api;
pub mod pages;

use passend_domain::access;
use passend_domain::organisations::{OrgKind, OrgRef, SwvCode};

use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::security::session::Session;

/// An SWV code from a URL, in any spelling people use.
pub fn swv_code(raw: &str) -> AppResult<SwvCode> {
    SwvCode::parse(raw).map_err(|_| AppError::not_found())
}

/// What the signed-in person may do with an organisation, for links on its page.
#[derive(Debug, Default, Clone, Copy)]
pub struct Abilities {
    pub view_members: bool,
    pub edit: bool,
}

pub async fn abilities(
    state: &AppState,
    session: Option<&Session>,
    org: &OrgRef,
) -> AppResult<Abilities> {
    let Some(session) = session else {
        return Ok(Abilities::default());
    };
    let Some(ctx) = state.db.org_context(org).await? else {
        return Ok(Abilities::default());
    };
    Ok(Abilities {
        view_members: access::view_org(&session.actor, org, &ctx).is_ok(),
        edit: org.kind == OrgKind::Swv && access::edit_swv(&session.actor, &org.code).is_ok(),
    })
}
