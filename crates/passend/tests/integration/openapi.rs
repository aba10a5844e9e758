use std::collections::BTreeSet;

use serde_json::Value;

use crate::support::TestApp;

#[tokio::test]
async fn the_openapi_document_is_served_and_matches_its_snapshot() {
    let app = TestApp::spawn().await;
    let doc: Value = app.http.get(app.at("/api/v1/openapi.json")).send().await.unwrap().json().await.unwrap();
    assert_eq!(doc, serde_json::to_value(passend_web::api_document()).unwrap());
    for (path, item) in doc["paths"].as_object().unwrap() {
        assert!(path.starts_with("/api/v1/"), "{path}");
        for (method, op) in item.as_object().unwrap() {
            assert!(op["tags"].as_array().is_some_and(|t| !t.is_empty()), "{method} {path} has no tag");
            assert!(op["description"].is_string() || op["summary"].is_string(), "{method} {path} is not described");
        }
    }
    insta::assert_json_snapshot!("openapi", doc);
    app.stop().await;
}

#[test]
fn the_route_inventory_holds_pages_api_and_operations() {
    let routes: BTreeSet<String> =
        passend_web::route_inventory().into_iter().map(|(m, p, _)| format!("{m} {p}")).collect();
    for expected in [
        "GET /dashboard",
        "POST /inloggen",
        "GET /api/v1/swvs",
        "PUT /api/v1/swvs/{code}",
        "GET /healthz",
        "GET /metrics",
    ] {
        assert!(routes.contains(expected), "{expected} missing from {routes:?}");
    }
}
