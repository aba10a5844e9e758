//! The conversation pages: the SWV's list, planning, funds and follow-up
//! ([`swv`]), the guide ([`guide`]) and one conversation with its report
//! ([`conversation`]).

pub mod conversation;
pub mod guide;
pub mod swv;

use utoipa_axum::router::OpenApiRouter;

use crate::app::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().merge(swv::router()).merge(guide::router()).merge(conversation::router())
}
