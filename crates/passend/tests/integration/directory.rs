use passend_domain::access::Role;
use passend_domain::organisations::OrgKind;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::support::TestApp;

#[tokio::test]
async fn the_directory_api_is_public_and_accepts_codes_as_people_write_them() {
    let app = TestApp::spawn().await;
    let swvs: Value = app
        .http
        .get(app.at("/api/v1/swvs"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let amsterdam = swvs
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["code"] == "PO2707")
        .unwrap();
    assert_eq!(amsterdam["display_code"], "PO 27-07");
    assert_eq!(
        (
            amsterdam["schools"].as_i64(),
            amsterdam["locations"].as_i64()
        ),
        (Some(2), Some(3))
    );

    let schools: Value = app
        .http
        .get(app.at("/api/v1/swvs/po-27-07/schools"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let brins: Vec<&str> = schools
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["brin"].as_str().unwrap())
        .collect();
    assert_eq!(brins, vec!["04FZ", "20XK"]);
    assert_eq!(schools[0]["pupils"], 160);

    let missing = app
        .http
        .get(app.at("/api/v1/swvs/PO9999/schools"))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    let body: Value = missing.json().await.unwrap();
    assert_eq!(body["error"]["code"], "not_found");

    let found: Value = app
        .http
        .get(app.at("/api/v1/schools?q=brug"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(found[0]["brin"], "04FZ");
    let school: Value = app
        .http
        .get(app.at("/api/v1/schools/04fz"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(school["board"], "41234");
    assert_eq!(school["locations"][1]["name"], "De Brug dépendance");
    assert_eq!(school["locations"][0]["swv_po"], "PO2707");
    let board: Value = app
        .http
        .get(app.at("/api/v1/boards/41234"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(board["schools"][0]["brin"], "04FZ");
    app.stop().await;
}

#[tokio::test]
async fn directory_pages_render_and_normalise_codes() {
    let app = TestApp::spawn().await;
    for path in [
        "/",
        "/samenwerkingsverbanden",
        "/samenwerkingsverbanden/PO2707",
        "/scholen?q=ams",
        "/scholen/04FZ",
        "/besturen/41234",
        "/api",
    ] {
        let response = app.http.get(app.at(path)).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        let html = response.text().await.unwrap();
        assert!(
            html.starts_with("<!doctype html>") && html.contains("<html lang=\"nl\">"),
            "{path}"
        );
    }
    let redirect = app
        .http
        .get(app.at("/samenwerkingsverbanden/po-27-07"))
        .send()
        .await
        .unwrap();
    assert_eq!(redirect.status(), StatusCode::PERMANENT_REDIRECT);
    assert_eq!(
        redirect.headers()["location"],
        "/samenwerkingsverbanden/PO2707"
    );
    let html = app
        .http
        .get(app.at("/scholen?q=brug"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("1 school gevonden") && html.contains("/scholen/04FZ"),
        "{html}"
    );
    app.stop().await;
}

#[tokio::test]
async fn an_swv_admin_edits_the_swv_and_bad_input_loses_nothing() {
    let app = TestApp::spawn().await;
    let id = app
        .user(
            "sanne@swv.nl",
            "Sanne",
            &[(OrgKind::Swv, "PO2707", Role::SwvAdmin)],
        )
        .await;
    let login = app.session_for(id).await;
    let saved = app
        .http
        .post(app.at("/samenwerkingsverbanden/PO2707/bewerken"))
        .headers(login.headers())
        .form(&[
            ("csrf_token", login.csrf.as_str()),
            ("name", "Passend Primair Amsterdam"),
            ("steunpunt_name", "Ouder- en Jeugdsteunpunt Amsterdam"),
            ("steunpunt_email", "steunpunt@swv.nl"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);

    let bad = app
        .http
        .post(app.at("/samenwerkingsverbanden/PO2707/bewerken"))
        .headers(login.headers())
        .form(&[
            ("csrf_token", login.csrf.as_str()),
            ("name", "Nieuwe naam"),
            ("website", "swv.nl"),
            ("steunpunt_email", "geen adres"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = bad.text().await.unwrap();
    assert!(
        html.contains("id=\"website-error\"")
            && html.contains("Vul een webadres in dat begint met https://"),
        "{html}"
    );
    assert!(
        html.contains("value=\"Nieuwe naam\""),
        "what was typed stays in the form"
    );

    let swv: Value = app
        .http
        .get(app.at("/api/v1/swvs/PO2707"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        swv["name"], "Passend Primair Amsterdam",
        "the saved name is still there"
    );
    assert_eq!(swv["steunpunt_email"], "steunpunt@swv.nl");

    let page = app
        .http
        .get(app.at("/samenwerkingsverbanden/PO2707"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Ouder- en Jeugdsteunpunt Amsterdam"));

    let api_bad = app
        .http
        .put(app.at("/api/v1/swvs/PO2707"))
        .headers(login.headers())
        .json(&json!({ "name": "x".repeat(201) }))
        .send()
        .await
        .unwrap();
    assert_eq!(api_bad.status(), StatusCode::BAD_REQUEST);
    app.stop().await;
}
