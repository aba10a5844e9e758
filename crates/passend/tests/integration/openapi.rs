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

fn refs(value: &Value, out: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(target)) = map.get("$ref") {
                out.insert(target.clone());
            }
            map.values().for_each(|v| refs(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| refs(v, out)),
        _ => {}
    }
}

#[test]
fn every_reference_resolves_and_every_error_has_the_error_body() {
    let doc = serde_json::to_value(passend_web::api_document()).unwrap();
    let mut found = BTreeSet::new();
    refs(&doc, &mut found);
    for target in &found {
        let name = target.strip_prefix("#/components/schemas/").unwrap_or_else(|| panic!("{target}"));
        assert!(doc["components"]["schemas"][name].is_object(), "{target} does not resolve");
    }
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let responses = op["responses"].as_object().unwrap();
            for (status, response) in responses {
                if status.starts_with('4') {
                    let schema = &response["content"]["application/json"]["schema"];
                    assert!(schema.is_object(), "{method} {path} {status} has no JSON body");
                }
            }
            if op.get("requestBody").is_some() {
                for status in ["400", "413", "415", "422"] {
                    assert!(responses.contains_key(status), "{method} {path} does not declare {status}");
                }
            }
        }
    }
}

#[tokio::test]
async fn text_with_u0000_is_refused_on_every_backend() {
    let app = TestApp::spawn().await;
    let in_query = app.http.get(app.at("/api/v1/schools?q=ab%00")).send().await.unwrap();
    assert_eq!(in_query.status(), reqwest::StatusCode::BAD_REQUEST);
    let body: Value = in_query.json().await.unwrap();
    assert_eq!(body["error"]["code"], "bad_request");
    let in_body = app
        .http
        .post(app.at("/api/v1/readability"))
        .header("content-type", "application/json")
        .body(r#"{"text": "Een zin met \u0000 erin."}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(in_body.status(), reqwest::StatusCode::BAD_REQUEST);
    // The same letters as text, not as an escape, are just text.
    let as_text = app
        .http
        .post(app.at("/api/v1/readability"))
        .header("content-type", "application/json")
        .body(r#"{"text": "Een zin met \\u0000 erin."}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(as_text.status(), reqwest::StatusCode::OK);
    app.stop().await;
}
