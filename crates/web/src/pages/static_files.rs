//! The stylesheet and the small script, compiled into the binary.

use axum::http::header;
use axum::response::IntoResponse;

const CSS: &str = include_str!("../../static/passend.css");
const JS: &str = include_str!("../../static/passend.js");
const CACHE: &str = "public, max-age=3600";

#[utoipa::path(get, path = "/static/passend.css", tag = "pages", security(()), responses((status = 200, content_type = "text/css")))]
pub async fn stylesheet() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, CACHE)], CSS)
}

#[utoipa::path(get, path = "/static/passend.js", tag = "pages", security(()), responses((status = 200, content_type = "text/javascript")))]
pub async fn script() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8"), (header::CACHE_CONTROL, CACHE)], JS)
}
