use std::sync::OnceLock;

use askama::Template;
use axum::Json;
use axum::response::Html;

use super::{PageContext, render};
use crate::error::AppResult;

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    ctx: PageContext,
}

#[utoipa::path(get, path = "/", tag = "pages", security(()), responses((status = 200, content_type = "text/html")))]
pub async fn home(ctx: PageContext) -> AppResult<Html<String>> {
    render(&HomePage { ctx })
}

struct Operation {
    method: String,
    path: String,
    summary: String,
    public: bool,
}

#[derive(Template)]
#[template(path = "api_docs.html")]
struct ApiDocsPage {
    ctx: PageContext,
    operations: Vec<Operation>,
}

/// A readable list of the API's operations; the full document is at `/api/v1/openapi.json`.
#[utoipa::path(get, path = "/api", tag = "pages", security(()), responses((status = 200, content_type = "text/html")))]
pub async fn api_docs(ctx: PageContext) -> AppResult<Html<String>> {
    let doc = crate::openapi::api_document();
    let mut operations = Vec::new();
    for (path, item) in &doc.paths.paths {
        for (method, op) in [("GET", &item.get), ("POST", &item.post), ("PUT", &item.put), ("DELETE", &item.delete)] {
            if let Some(op) = op {
                operations.push(Operation {
                    method: method.to_owned(),
                    path: path.clone(),
                    summary: op.summary.clone().or_else(|| op.description.clone()).unwrap_or_default(),
                    public: op.security.as_ref().is_some_and(|s| {
                        s.iter().all(|r| serde_json::to_value(r).is_ok_and(|v| v == serde_json::json!({})))
                    }),
                });
            }
        }
    }
    render(&ApiDocsPage { ctx, operations })
}

#[utoipa::path(get, path = "/api/v1/openapi.json", tag = "pages", security(()),
    responses((status = 200, description = "The OpenAPI document of the JSON API", content_type = "application/json")))]
pub async fn openapi_json() -> Json<serde_json::Value> {
    static DOCUMENT: OnceLock<serde_json::Value> = OnceLock::new();
    Json(DOCUMENT.get_or_init(|| serde_json::to_value(crate::openapi::api_document()).unwrap_or_default()).clone())
}
