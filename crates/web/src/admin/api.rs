use axum::Json;
use axum::extract::{Path, State};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::app::AppState;
use crate::error::AppResult;
use crate::security::session::SignedIn;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list_outbox)).routes(routes!(get_outbox_mail))
}

#[derive(Serialize, ToSchema)]
pub struct OutboxMailBody {
    pub id: i64,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub created_at: i64,
    /// When SMTP accepted it; empty while it waits or when no SMTP is configured.
    pub sent_at: Option<i64>,
    pub error: Option<String>,
}

impl From<passend_app::admin::OutboxMail> for OutboxMailBody {
    fn from(m: passend_app::admin::OutboxMail) -> Self {
        OutboxMailBody {
            id: m.id,
            recipient: m.recipient,
            subject: m.subject,
            body: m.body,
            created_at: m.created_at,
            sent_at: m.sent_at,
            error: m.error,
        }
    }
}

/// The newest mails Passend sent or kept (platform admins).
#[utoipa::path(get, path = "/api/v1/admin/outbox", tag = "admin", security(("session" = [])),
    responses((status = 200, body = [OutboxMailBody]), (status = 403, description = "Platform admins only")))]
pub async fn list_outbox(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
) -> AppResult<Json<Vec<OutboxMailBody>>> {
    Ok(Json(state.app.outbox(&session.actor).await?.into_iter().map(Into::into).collect()))
}

/// One mail of the outbox.
#[utoipa::path(get, path = "/api/v1/admin/outbox/{id}", tag = "admin", security(("session" = [])),
    params(("id" = i64, Path)),
    responses((status = 200, body = OutboxMailBody), (status = 403, description = "Platform admins only"), (status = 404, description = "No such mail")))]
pub async fn get_outbox_mail(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path(id): Path<i64>,
) -> AppResult<Json<OutboxMailBody>> {
    Ok(Json(state.app.outbox_mail(&session.actor, id).await?.into()))
}
