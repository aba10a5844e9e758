//! The OpenAPI document of the JSON API, generated from the handlers.

use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::security::{ApiKey, ApiKeyValue, SecurityScheme};
use utoipa::openapi::{ContentBuilder, Ref, RefOr, ResponseBuilder};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;

use crate::app::AppState;
use crate::error::ErrorBody;
use crate::{
    accounts, activities, admin, conversations, coverage, directory, knowledge, lifecycle, members, newsletter,
    profiles, publishing, readability, scans, surveys,
};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Passend API",
        description = "JSON API of Passend, the living school support profile. Reads of the public \
            directory need no login. Everything else uses the session cookie from `POST /api/v1/session`; \
            requests that change state send the session's `csrf_token` in the `X-CSRF-Token` header. \
            No text may contain U+0000: a request with one (in the path, the query or a JSON string) is refused with 400. \
            Every error answers with `ErrorBody`.",
        license(name = "EUPL-1.2")
    ),
    modifiers(&SessionCookie),
    // Types named only by path parameters are not collected from the routes.
    components(schemas(ErrorBody, crate::contract::MemberOrgKind, crate::contract::SchoolYearName)),
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
        (name = "conversations", description = "The SWV's yearly conversation with each school: guide, planning, preparation, agreements, report, funds, follow-up"),
        (name = "activities", description = "Development groups, exchange days, inspiration visits and webinars: sign-up, wait list, cancellation, participants"),
        (name = "newsletter", description = "The newsletter: double opt-in subscriptions, issues, sending"),
        (name = "admin", description = "Platform administration"),
        (name = "scans", description = "The Scan Passend Onderwijs: rounds, links, results, the profile check, the SWV's view"),
        (name = "knowledge", description = "Practice examples (Dutch full-text search), the question desk and its FAQ"),
        (name = "groups", description = "Closed groups: members, messages and shared files, seen only by members"),
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
        .merge(readability::terms::api_router())
        .merge(coverage::api::router())
        .merge(coverage::norm::api_router())
        .merge(publishing::api_router())
        .merge(coverage::kernen::api_router())
        .merge(coverage::expertise::api_router())
        .merge(coverage::trends::api_router())
        .merge(coverage::xlsx::router())
        .merge(coverage::national::api_router())
        .merge(coverage::status::api_router())
        .merge(conversations::api::router())
        .merge(conversations::xlsx::router())
        .merge(scans::api::router())
        .merge(knowledge::api::router())
        .merge(activities::api::router())
        .merge(newsletter::api::router())
        .merge(crate::groups::api::router())
}

/// The API's OpenAPI document.
pub fn api_document() -> utoipa::openapi::OpenApi {
    let mut doc = api_router().into_openapi();
    for item in doc.paths.paths.values_mut() {
        let operations = [
            (false, &mut item.get),
            (true, &mut item.post),
            (true, &mut item.put),
            (true, &mut item.delete),
            (true, &mut item.patch),
        ];
        for (changes_state, operation) in operations {
            if let Some(operation) = operation {
                declare_errors(operation, changes_state);
            }
        }
    }
    doc
}

/// Adds the error answers that come from the layers and extractors in front
/// of every handler, so that the annotations name only what the handler
/// itself decides; and gives every error answer the one error body.
fn declare_errors(operation: &mut Operation, changes_state: bool) {
    let parameters = operation.parameters.as_deref().unwrap_or_default();
    let in_path = parameters.iter().any(|p| p.parameter_in == ParameterIn::Path);
    // axum refuses a path segment that is not a number for an integer
    // parameter, and a query string that does not fit its struct, with 400.
    let parsed = parameters.iter().any(|p| {
        p.parameter_in == ParameterIn::Query
            || (p.parameter_in == ParameterIn::Path
                && serde_json::to_value(&p.schema).is_ok_and(|s| s["type"] == "integer"))
    });
    let signed_in = operation.security.as_ref().is_some_and(|requirements| {
        requirements.iter().any(|r| serde_json::to_value(r).is_ok_and(|v| v.get("session").is_some()))
    });
    let json_body = operation.request_body.as_ref().is_some_and(|b| b.content.contains_key("application/json"));
    let mut implied: Vec<(u16, &str)> = Vec::new();
    if parsed {
        implied.push((400, "A path or query parameter is malformed"));
    }
    if json_body {
        implied.extend([
            (400, "The body is not valid JSON"),
            (413, "The body is larger than 2 MB"),
            (415, "The body is not `application/json`"),
            (422, "The JSON does not fit the request schema (a field missing or of the wrong type)"),
        ]);
    }
    if signed_in {
        implied.push((401, "Not signed in"));
    }
    if changes_state {
        implied.push((
            403,
            if signed_in {
                "Not allowed, from another origin, or without the session's `X-CSRF-Token`"
            } else {
                "From another origin (`Origin`, `Sec-Fetch-Site`)"
            },
        ));
    }
    if in_path {
        implied.push((404, "Nothing by that name, or not visible to you"));
    }
    let responses = &mut operation.responses.responses;
    for (status, description) in implied {
        responses
            .entry(status.to_string())
            .or_insert_with(|| RefOr::T(ResponseBuilder::new().description(description).build()));
    }
    for (status, response) in responses.iter_mut() {
        let is_error = status.starts_with('4') || status.starts_with('5');
        if let (true, RefOr::T(response)) = (is_error, response)
            && response.content.is_empty()
        {
            response.content.insert(
                "application/json".to_owned(),
                ContentBuilder::new().schema(Some(Ref::from_schema_name("ErrorBody"))).build(),
            );
        }
    }
}
