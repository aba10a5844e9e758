use passend_domain::access::Role;
use passend_domain::organisations::OrgKind;
use reqwest::StatusCode;
use reqwest::header::COOKIE;
use serde_json::json;

use crate::support::TestApp;

#[tokio::test]
async fn forms_posted_with_a_session_need_the_sessions_token() {
    let app = TestApp::spawn().await;
    let id = app.user("dirk@brug.nl", "Dirk", &[(OrgKind::School, "04FZ", Role::Director)]).await;
    let login = app.session_for(id).await;
    let post = |token: &str| {
        app.http
            .post(app.at("/organisaties/school/04FZ/uitnodigingen"))
            .header(COOKIE, &login.cookie)
            .form(&[("csrf_token", token), ("email", "a@brug.nl"), ("role", "team_member")])
            .send()
    };
    assert_eq!(post("").await.unwrap().status(), StatusCode::FORBIDDEN);
    assert_eq!(post("0000").await.unwrap().status(), StatusCode::FORBIDDEN);
    let refused = post("").await.unwrap().text().await.unwrap();
    assert!(refused.contains("Formulier verlopen"), "a Dutch page explains it");
    assert_eq!(post(&login.csrf).await.unwrap().status(), StatusCode::SEE_OTHER);
    app.stop().await;
}

#[tokio::test]
async fn requests_from_another_site_are_refused() {
    let app = TestApp::spawn().await;
    let id = app.user("dirk@brug.nl", "Dirk", &[(OrgKind::School, "04FZ", Role::Director)]).await;
    let login = app.session_for(id).await;
    let form = [("csrf_token", login.csrf.as_str()), ("email", "a@brug.nl"), ("role", "team_member")];
    let foreign_origin = app
        .http
        .post(app.at("/organisaties/school/04FZ/uitnodigingen"))
        .header(COOKIE, &login.cookie)
        .header("origin", "https://evil.example")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(foreign_origin.status(), StatusCode::FORBIDDEN);
    let cross_site = app
        .http
        .post(app.at("/inloggen"))
        .header("sec-fetch-site", "cross-site")
        .form(&[("email", "dirk@brug.nl"), ("password", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(cross_site.status(), StatusCode::FORBIDDEN);
    let same_origin = app
        .http
        .post(app.at("/organisaties/school/04FZ/uitnodigingen"))
        .header(COOKIE, &login.cookie)
        .header("origin", &app.url)
        .header("sec-fetch-site", "same-origin")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(same_origin.status(), StatusCode::SEE_OTHER);
    app.stop().await;
}

#[tokio::test]
async fn api_calls_that_change_state_need_the_csrf_header() {
    let app = TestApp::spawn().await;
    let id = app.user("sanne@swv.nl", "Sanne", &[(OrgKind::Swv, "PO2707", Role::SwvAdmin)]).await;
    let login = app.session_for(id).await;
    let body = json!({ "name": "Passend Primair Amsterdam" });
    let without =
        app.http.put(app.at("/api/v1/swvs/PO2707")).header(COOKIE, &login.cookie).json(&body).send().await.unwrap();
    assert_eq!(without.status(), StatusCode::FORBIDDEN);
    let with = app.http.put(app.at("/api/v1/swvs/PO2707")).headers(login.headers()).json(&body).send().await.unwrap();
    assert_eq!(with.status(), StatusCode::OK);
    app.stop().await;
}
