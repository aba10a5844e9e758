use passend_domain::access::Role;
use passend_domain::organisations::OrgKind;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::support::TestApp;

#[tokio::test]
async fn the_directory_api_is_public_and_accepts_codes_as_people_write_them() {
    let app = TestApp::spawn().await;
    let swvs: Value = app.http.get(app.at("/api/v1/swvs")).send().await.unwrap().json().await.unwrap();
    let amsterdam = swvs.as_array().unwrap().iter().find(|s| s["code"] == "PO2707").unwrap();
    assert_eq!(amsterdam["display_code"], "PO 27-07");
    assert_eq!((amsterdam["schools"].as_i64(), amsterdam["locations"].as_i64()), (Some(2), Some(3)));

    let schools: Value =
        app.http.get(app.at("/api/v1/swvs/po-27-07/schools")).send().await.unwrap().json().await.unwrap();
    let brins: Vec<&str> = schools.as_array().unwrap().iter().map(|s| s["brin"].as_str().unwrap()).collect();
    assert_eq!(brins, vec!["04FZ", "20XK"]);
    assert_eq!(schools[0]["pupils"], 160);

    let missing = app.http.get(app.at("/api/v1/swvs/PO9999/schools")).send().await.unwrap();
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    let body: Value = missing.json().await.unwrap();
    assert_eq!(body["error"]["code"], "not_found");

    let found: Value = app.http.get(app.at("/api/v1/schools?q=brug")).send().await.unwrap().json().await.unwrap();
    assert_eq!(found[0]["brin"], "04FZ");
    let school: Value = app.http.get(app.at("/api/v1/schools/04fz")).send().await.unwrap().json().await.unwrap();
    assert_eq!(school["board"], "41234");
    assert_eq!(school["locations"][1]["name"], "De Brug dépendance");
    assert_eq!(school["locations"][0]["swv_po"], "PO2707");
    let board: Value = app.http.get(app.at("/api/v1/boards/41234")).send().await.unwrap().json().await.unwrap();
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
        assert!(html.starts_with("<!doctype html>") && html.contains("<html lang=\"nl\">"), "{path}");
    }
    let redirect = app.http.get(app.at("/samenwerkingsverbanden/po-27-07")).send().await.unwrap();
    assert_eq!(redirect.status(), StatusCode::PERMANENT_REDIRECT);
    assert_eq!(redirect.headers()["location"], "/samenwerkingsverbanden/PO2707");
    let html = app.http.get(app.at("/scholen?q=brug")).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("2 vestigingen gevonden") && html.contains("/scholen/04FZ#loc-04FZ00"), "{html}");
    app.stop().await;
}

#[tokio::test]
async fn an_swv_admin_edits_the_swv_and_bad_input_loses_nothing() {
    let app = TestApp::spawn().await;
    let id = app.user("sanne@swv.nl", "Sanne", &[(OrgKind::Swv, "PO2707", Role::SwvAdmin)]).await;
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
            ("website", "swv"),
            ("steunpunt_email", "geen adres"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = bad.text().await.unwrap();
    assert!(
        html.contains("id=\"website-error\"") && html.contains("Vul een webadres in, bijvoorbeeld www.school.nl"),
        "{html}"
    );
    assert!(html.contains("value=\"Nieuwe naam\""), "what was typed stays in the form");

    let swv: Value = app.http.get(app.at("/api/v1/swvs/PO2707")).send().await.unwrap().json().await.unwrap();
    assert_eq!(swv["name"], "Passend Primair Amsterdam", "the saved name is still there");
    assert_eq!(swv["steunpunt_email"], "steunpunt@swv.nl");

    let page = app.http.get(app.at("/samenwerkingsverbanden/PO2707")).send().await.unwrap().text().await.unwrap();
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

#[tokio::test]
async fn an_swv_admin_corrects_a_locations_swv_and_imports_keep_it() {
    let app = TestApp::spawn().await;
    let id = app.user("sanne@swv.nl", "Sanne", &[(OrgKind::Swv, "PO2707", Role::SwvAdmin)]).await;
    let login = app.session_for(id).await;
    let page =
        app.http.get(app.at("/scholen/04FZ")).headers(login.headers()).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Samenwerkingsverband corrigeren"), "the admin of the current SWV may correct");
    let other =
        app.http.get(app.at("/scholen/32DD")).headers(login.headers()).send().await.unwrap().text().await.unwrap();
    assert!(!other.contains("Samenwerkingsverband corrigeren"), "not a school of another SWV");

    let wrong_kind = app
        .http
        .post(app.at("/scholen/04FZ/vestigingen/04FZ01/samenwerkingsverband"))
        .headers(login.headers())
        .form(&[("csrf_token", login.csrf.as_str()), ("swv_po", "VO2708"), ("swv_vo", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(wrong_kind.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong_kind.text().await.unwrap().contains("id=\"swv_po-04FZ01-error\""));

    let moved = app
        .http
        .post(app.at("/scholen/04FZ/vestigingen/04FZ01/samenwerkingsverband"))
        .headers(login.headers())
        .form(&[("csrf_token", login.csrf.as_str()), ("swv_po", "PO2815"), ("swv_vo", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(moved.status(), StatusCode::SEE_OTHER);
    let location = app.db.location("04FZ01").await.unwrap().unwrap();
    assert_eq!((location.swv_po.as_deref(), location.swv_set_by_hand), (Some("PO2815"), true));

    let files = vec![
        passend_domain::duo::parse_file(
            "v.csv",
            &std::fs::read(crate::support::fixture("vestigingen_klein.csv")).unwrap(),
        )
        .unwrap(),
    ];
    app.db.import_duo(&files, &|_| {}).await.unwrap();
    assert_eq!(
        app.db.location("04FZ01").await.unwrap().unwrap().swv_po.as_deref(),
        Some("PO2815"),
        "an import keeps it"
    );

    // Now the school's location is in PO2815: PO2707's admin no longer decides about it.
    let again = app
        .http
        .put(app.at("/api/v1/locations/04FZ01/swvs"))
        .headers(login.headers())
        .json(&json!({ "swv_po": "PO2707" }))
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), StatusCode::FORBIDDEN);

    let platform =
        app.user("beheer@passend.nl", "Beheer", &[(OrgKind::Platform, "passend", Role::PlatformAdmin)]).await;
    let platform = app.session_for(platform).await;
    let reset =
        app.http.delete(app.at("/api/v1/locations/04FZ01/swvs")).headers(platform.headers()).send().await.unwrap();
    assert_eq!(reset.status(), StatusCode::NO_CONTENT);
    let location = app.db.location("04FZ01").await.unwrap().unwrap();
    assert_eq!(
        (location.swv_po.as_deref(), location.swv_set_by_hand),
        (Some("PO2707"), false),
        "back to the postcode table"
    );
    app.stop().await;
}
