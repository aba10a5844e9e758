//! The application: its state, its configuration and the assembled router.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::http::{HeaderValue, Method, header};
use axum::middleware::{from_fn, from_fn_with_state};
use passend_app::App;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;
use utoipa::openapi::OpenApi as OpenApiDoc;

use crate::ops::metrics::Metrics;
use crate::{error, openapi, ops, pages, security};

/// Settings of the web edge, from the binary's configuration.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// The address people reach Passend at, used in mailed links and the origin check.
    pub public_url: String,
    pub session_hours: i64,
    /// Proxies whose `X-Forwarded-For` names the client (for the login limits).
    pub trusted_proxies: crate::security::client::TrustedProxies,
    /// The bearer token `/metrics` asks for; without one `/metrics` is not
    /// served here (the binary may serve it on a separate address instead).
    pub metrics_token: Option<String>,
}

impl WebConfig {
    pub fn secure_cookies(&self) -> bool {
        self.public_url.starts_with("https://")
    }

    /// `scheme://host[:port]` of the public URL.
    pub fn public_origin(&self) -> Option<String> {
        let url = url::Url::parse(&self.public_url).ok()?;
        Some(url.origin().ascii_serialization())
    }

    pub fn link(&self, path: &str) -> String {
        format!("{}{}", self.public_url.trim_end_matches('/'), path)
    }
}

/// What every request shares. Handlers and middleware take a copy of the
/// state several times per request, so it is one `Arc`: cloning the parts
/// (pools, mailer, caches) each time cost a third of a cached page's CPU.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

pub struct Shared {
    /// The use cases: the only way to the database.
    pub app: App,
    pub config: Arc<WebConfig>,
    pub metrics: Arc<Metrics>,
    /// Cached public pages and the document renderer.
    pub public: crate::publishing::PublicState,
}

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

impl AppState {
    pub fn new(app: App, config: WebConfig) -> AppState {
        AppState(Arc::new(Shared {
            app,
            config: Arc::new(config),
            metrics: Arc::new(Metrics::default()),
            public: crate::publishing::PublicState::default(),
        }))
    }
}

/// Every route of the application as `(method, path, public)`, taken from the
/// same route tables the router is built from.
pub fn route_inventory() -> Vec<(Method, String, bool)> {
    let mut routes = Vec::new();
    for doc in [openapi::api_document(), pages::page_document()] {
        collect_routes(&doc, &mut routes);
    }
    routes
}

fn collect_routes(doc: &OpenApiDoc, out: &mut Vec<(Method, String, bool)>) {
    for (path, item) in &doc.paths.paths {
        let operations = [
            (Method::GET, &item.get),
            (Method::POST, &item.post),
            (Method::PUT, &item.put),
            (Method::DELETE, &item.delete),
            (Method::PATCH, &item.patch),
        ];
        for (method, operation) in operations {
            if let Some(operation) = operation {
                let public = operation.security.as_ref().is_some_and(|reqs| {
                    reqs.iter().all(|r| serde_json::to_value(r).is_ok_and(|v| v == serde_json::json!({})))
                });
                out.push((method, path.clone(), public));
            }
        }
    }
}

pub fn router(state: AppState) -> Router {
    let (api, _) = openapi::api_router().split_for_parts();
    let (html, _) = pages::signed_in_page_router().split_for_parts();
    let (public, _) = crate::publishing::page_router().split_for_parts();
    let security_headers = [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::REFERRER_POLICY, "same-origin"),
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
             frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
        ),
    ];
    let signed_in = Router::new()
        .merge(html)
        .merge(api)
        .fallback(|| async { error::AppError::not_found() })
        .layer(from_fn_with_state(state.clone(), security::csrf::check_origin))
        .layer(from_fn(security::text::refuse_nul))
        .layer(from_fn(pages::errors::render_errors))
        .layer(from_fn_with_state(state.clone(), security::session::load_session));
    // The published profiles' pages are the same for everyone and only read
    // (GET): no session to load and no origin to check, which makes the most
    // visited pages cheaper to serve.
    let public = public.layer(from_fn(security::text::refuse_nul)).layer(from_fn(pages::errors::render_errors));
    let mut router = Router::new()
        .merge(signed_in)
        .merge(public)
        .layer(CompressionLayer::new())
        .layer(TimeoutLayer::with_status_code(axum::http::StatusCode::REQUEST_TIMEOUT, Duration::from_secs(30)));
    for (name, value) in security_headers {
        router = router.layer(SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value)));
    }
    if state.config.secure_cookies() {
        router = router.layer(SetResponseHeaderLayer::if_not_present(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        ));
    }
    router
        .layer(from_fn_with_state(state.clone(), ops::metrics::track))
        .layer(TraceLayer::new_for_http())
        .layer(CatchPanicLayer::new())
        .with_state(state)
}
