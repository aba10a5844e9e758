//! The OpenAPI document of the JSON API, generated from the handlers.

use utoipa::openapi::security::{ApiKey, ApiKeyValue, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;

use crate::app::AppState;
use crate::{accounts, admin, coverage, directory, lifecycle, members, profiles, publishing, readability, surveys};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Passend API",
        description = "JSON API of Passend, the living school support profile. Reads of the public \
            directory need no login. Everything else uses the session cookie from `POST /api/v1/session`; \
            requests that change state send the session's `csrf_token` in the `X-CSRF-Token` header.",
        license(name = "EUPL-1.2")
    ),
    modifiers(&SessionCookie),
    tags(
        (name = "session", description = "Login, logout and the current user"),
        (name = "directory", description = "SWVs, boards, schools and locations (public open data)"),
        (name = "members", description = "Memberships and invitations of an organisation"),
        (name = "questionnaire", description = "Templates, profiles, answers of respondents and of the school"),
        (name = "coverage", description = "The SWV's region: coverage of support per category, gaps"),
        (name = "open data", description = "Published profiles and search by support, without login"),
        (name = "readability", description = "The plain-language assistant: Flesch-Douma and hints for Dutch text"),
        (name = "surveys", description = "Evaluation and control-group surveys by link, and their results"),
        (name = "lifecycle", description = "The yearly cycle: team review, MR advice, adoption, publication, audit log"),
        (name = "admin", description = "Platform administration"),
    )
)]
struct ApiDoc;

struct SessionCookie;

impl Modify for SessionCookie {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new(crate::security::session::SESSION_COOKIE))),
        );
    }
}

pub fn api_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .merge(accounts::api::router())
        .merge(directory::api::router())
        .merge(members::api::router())
        .merge(admin::api::router())
        .merge(profiles::api::router())
        .merge(lifecycle::api::router())
        .merge(lifecycle::changes::api_router())
        .merge(lifecycle::planning::api_router())
        .merge(surveys::api::router())
        .merge(readability::api::router())
        .merge(coverage::api::router())
        .merge(coverage::norm::api_router())
        .merge(publishing::api_router())
        .merge(coverage::kernen::api_router())
        .merge(coverage::expertise::api_router())
        .merge(coverage::trends::api_router())
        .merge(coverage::xlsx::router())
        .merge(coverage::national::api_router())
}

/// The API's OpenAPI document.
pub fn api_document() -> utoipa::openapi::OpenApi {
    api_router().into_openapi()
}
