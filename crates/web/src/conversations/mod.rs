//! The SWV's yearly conversation with each school on the web: the SWV's
//! list, planning, guide and funds, the conversation page for preparing and
//! holding it, the report (page and PDF) and the follow-up with its export.
//! The use cases are in `passend_app::conversations`.

pub mod api;
pub mod bodies;
pub mod pages;
pub mod report_pdf;
pub mod xlsx;

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use passend_app::conversations::{OnConversation, SwvConversations};

use crate::app::AppState;
use crate::error::{AppError, AppResult, ErrorKind};
use crate::security::session::{Session, SignedIn};

/// The conversation named by the route's `{id}`, for a person who takes part in it or reads it.
pub struct InConversation {
    pub on: OnConversation,
    pub session: Arc<Session>,
}

impl FromRequestParts<AppState> for InConversation {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> AppResult<Self> {
        let SignedIn(session) = SignedIn::from_request_parts(parts, state).await?;
        let Path(params) = Path::<HashMap<String, String>>::from_request_parts(parts, state)
            .await
            .map_err(|_| AppError::new(ErrorKind::BadRequest))?;
        let id =
            params.get("id").and_then(|raw| raw.parse::<i64>().ok()).ok_or(AppError::new(ErrorKind::BadRequest))?;
        let on = state.app.on_conversation(&session.actor, id).await?;
        Ok(InConversation { on, session })
    }
}

/// The SWV named by the route's `{code}`, for its staff and admins.
pub struct SwvTalks {
    pub scope: SwvConversations,
    pub session: Arc<Session>,
}

impl FromRequestParts<AppState> for SwvTalks {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> AppResult<Self> {
        let SignedIn(session) = SignedIn::from_request_parts(parts, state).await?;
        let Path(params) = Path::<HashMap<String, String>>::from_request_parts(parts, state)
            .await
            .map_err(|_| AppError::not_found())?;
        let code = params.get("code").ok_or_else(AppError::not_found)?;
        let scope = state.app.swv_conversations_scope(&session.actor, code).await?;
        Ok(SwvTalks { scope, session })
    }
}
