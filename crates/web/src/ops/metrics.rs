//! Request counts and latencies per route, and the database pool, in
//! Prometheus text format.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Mutex;
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use sha2::{Digest, Sha256};

use crate::app::AppState;

/// Upper bounds of the latency histogram, in seconds.
const BUCKETS: [f64; 10] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0];

#[derive(Default)]
struct RouteStats {
    /// Requests per status code.
    by_status: BTreeMap<u16, u64>,
    /// Cumulative counts per bucket, as Prometheus expects.
    buckets: [u64; BUCKETS.len()],
    count: u64,
    sum_secs: f64,
}

#[derive(Default)]
pub struct Metrics {
    /// By route, then method (looked up by `&str`: no allocation per request).
    routes: Mutex<BTreeMap<String, BTreeMap<String, RouteStats>>>,
}

impl Metrics {
    fn observe(&self, method: &str, route: &str, status: u16, secs: f64) {
        let mut routes = self.routes.lock().unwrap_or_else(|e| e.into_inner());
        if !routes.get(route).is_some_and(|m| m.contains_key(method)) {
            routes.entry(route.to_owned()).or_default().entry(method.to_owned()).or_default();
        }
        let Some(stats) = routes.get_mut(route).and_then(|m| m.get_mut(method)) else { return };
        *stats.by_status.entry(status).or_default() += 1;
        for (i, bound) in BUCKETS.iter().enumerate() {
            if secs <= *bound {
                stats.buckets[i] += 1;
            }
        }
        stats.count += 1;
        stats.sum_secs += secs;
    }

    fn render(&self, pool: passend_app::ops::PoolStats) -> String {
        let mut out = String::new();
        let routes = self.routes.lock().unwrap_or_else(|e| e.into_inner());
        out.push_str("# HELP passend_http_requests_total HTTP requests by route and status.\n");
        out.push_str("# TYPE passend_http_requests_total counter\n");
        let flat: Vec<(&String, &String, &RouteStats)> =
            routes.iter().flat_map(|(route, m)| m.iter().map(move |(method, s)| (method, route, s))).collect();
        for (method, route, stats) in &flat {
            for (status, n) in &stats.by_status {
                let _ = writeln!(
                    out,
                    "passend_http_requests_total{{method=\"{method}\",route=\"{route}\",status=\"{status}\"}} {n}"
                );
            }
        }
        out.push_str("# HELP passend_http_request_duration_seconds Time to answer, by route.\n");
        out.push_str("# TYPE passend_http_request_duration_seconds histogram\n");
        for (method, route, stats) in &flat {
            let labels = format!("method=\"{method}\",route=\"{route}\"");
            for (bound, n) in BUCKETS.iter().zip(stats.buckets) {
                let _ = writeln!(out, "passend_http_request_duration_seconds_bucket{{{labels},le=\"{bound}\"}} {n}");
            }
            let _ =
                writeln!(out, "passend_http_request_duration_seconds_bucket{{{labels},le=\"+Inf\"}} {}", stats.count);
            let _ = writeln!(out, "passend_http_request_duration_seconds_sum{{{labels}}} {}", stats.sum_secs);
            let _ = writeln!(out, "passend_http_request_duration_seconds_count{{{labels}}} {}", stats.count);
        }
        out.push_str("# HELP passend_db_pool_connections Open database connections.\n");
        out.push_str("# TYPE passend_db_pool_connections gauge\n");
        let _ = writeln!(out, "passend_db_pool_connections {}", pool.size);
        out.push_str("# HELP passend_db_pool_idle_connections Idle database connections.\n");
        out.push_str("# TYPE passend_db_pool_idle_connections gauge\n");
        let _ = writeln!(out, "passend_db_pool_idle_connections {}", pool.idle);
        out.push_str("# HELP passend_db_pool_max_connections The pool's limit.\n");
        out.push_str("# TYPE passend_db_pool_max_connections gauge\n");
        let _ = writeln!(out, "passend_db_pool_max_connections {}", pool.max);
        out
    }
}

/// Counts every request under its route template (never the raw path, so
/// codes and tokens in URLs do not become label values).
pub async fn track(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let route = request.extensions().get::<MatchedPath>().cloned();
    let mut response = next.run(request).await;
    let elapsed = started.elapsed().as_secs_f64();
    let route = route.as_ref().map_or("unmatched", MatchedPath::as_str);
    state.metrics.observe(method.as_str(), route, response.status().as_u16(), elapsed);
    // Server time for benchmarks and the browser's network panel (W3C Server-Timing).
    if let Ok(value) = header::HeaderValue::from_str(&format!("app;dur={:.2}", elapsed * 1000.0)) {
        response.headers_mut().insert("server-timing", value);
    }
    response
}

/// The metrics tell how busy which routes are, so they are not for anyone:
/// served here only with the configured bearer token (`metrics_token`), or
/// without one on the separate address of `metrics_bind` ([`metrics_only_router`]).
#[utoipa::path(get, path = "/metrics", tag = "operations", security(()),
    responses(
        (status = 200, description = "Prometheus text format", content_type = "text/plain"),
        (status = 401, description = "Without the configured bearer token"),
        (status = 404, description = "No token configured: metrics are not served on this address"),
    ))]
pub async fn metrics(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let Some(token) = state.config.metrics_token.as_deref() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or_default();
    // Hashes compared, so that the time taken says nothing about the token.
    if Sha256::digest(given.trim().as_bytes()) != Sha256::digest(token.as_bytes()) {
        return (StatusCode::UNAUTHORIZED, [(header::WWW_AUTHENTICATE, "Bearer")]).into_response();
    }
    render(&state)
}

fn render(state: &AppState) -> Response {
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")], state.metrics.render(state.app.pool_stats()))
        .into_response()
}

/// `/metrics` alone, without a token, for a listener on an address only the
/// monitoring reaches (`metrics_bind`).
pub fn metrics_only_router(state: AppState) -> axum::Router {
    axum::Router::new()
        .route("/metrics", axum::routing::get(|State(state): State<AppState>| async move { render(&state) }))
        .with_state(state)
}
