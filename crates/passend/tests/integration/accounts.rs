use passend_domain::access::Role;
use passend_domain::organisations::OrgKind;
use reqwest::StatusCode;
use reqwest::header::{COOKIE, SET_COOKIE};
use serde_json::{Value, json};

use crate::support::{PASSWORD, TestApp, link_in, mails_to};

fn session_cookie(response: &reqwest::Response) -> String {
    let cookie = response.headers().get(SET_COOKIE).expect("a session cookie").to_str().unwrap().to_owned();
    cookie.split(';').next().unwrap().to_owned()
}

#[tokio::test]
async fn login_sets_a_safe_cookie_and_logout_ends_the_session() {
    let app = TestApp::spawn().await;
    app.user("anne@school.nl", "Anne", &[(OrgKind::School, "04FZ", Role::Director)]).await;

    let response = app.login("Anne@School.nl", PASSWORD).await;
    assert_eq!(response.status(), StatusCode::OK);
    let set_cookie = response.headers()[SET_COOKIE].to_str().unwrap().to_owned();
    assert!(set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Lax"), "{set_cookie}");
    let cookie = session_cookie(&response);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["user"]["email"], "anne@school.nl");
    assert_eq!(body["memberships"][0]["role"], "director");
    let csrf = body["csrf_token"].as_str().unwrap().to_owned();

    let me = app.http.get(app.at("/api/v1/me")).header(COOKIE, &cookie).send().await.unwrap();
    assert_eq!(me.status(), StatusCode::OK);

    let logout = app
        .http
        .delete(app.at("/api/v1/session"))
        .header(COOKIE, &cookie)
        .header("x-csrf-token", &csrf)
        .send()
        .await
        .unwrap();
    assert_eq!(logout.status(), StatusCode::NO_CONTENT);
    let me = app.http.get(app.at("/api/v1/me")).header(COOKIE, &cookie).send().await.unwrap();
    assert_eq!(me.status(), StatusCode::UNAUTHORIZED);
    app.stop().await;
}

#[tokio::test]
async fn a_login_always_gets_a_new_session_id() {
    let app = TestApp::spawn().await;
    app.user("anne@school.nl", "Anne", &[]).await;
    let first = session_cookie(&app.login("anne@school.nl", PASSWORD).await);
    let second = app
        .http
        .post(app.at("/api/v1/session"))
        .header(COOKIE, &first)
        .json(&json!({ "email": "anne@school.nl", "password": PASSWORD }))
        .send()
        .await
        .unwrap();
    let second = session_cookie(&second);
    assert_ne!(first, second);
    let old = app.http.get(app.at("/api/v1/me")).header(COOKIE, &first).send().await.unwrap();
    assert_eq!(old.status(), StatusCode::UNAUTHORIZED, "the session from before the login has ended");
    app.stop().await;
}

#[tokio::test]
async fn wrong_passwords_are_refused_and_then_rate_limited() {
    let app = TestApp::spawn().await;
    app.user("anne@school.nl", "Anne", &[]).await;
    for _ in 0..5 {
        let response = app.login("anne@school.nl", "niet het wachtwoord").await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["error"]["message"], "Het e-mailadres of het wachtwoord klopt niet.");
    }
    let blocked = app.login("anne@school.nl", PASSWORD).await;
    assert_eq!(blocked.status(), StatusCode::TOO_MANY_REQUESTS, "even the right password waits");

    let page = app
        .http
        .post(app.at("/inloggen"))
        .form(&[("email", "anne@school.nl"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(page.text().await.unwrap().contains("Te veel pogingen"));
    app.stop().await;
}

#[tokio::test]
async fn the_login_page_shows_a_dutch_error_and_keeps_the_address() {
    let app = TestApp::spawn().await;
    app.user("anne@school.nl", "Anne", &[]).await;
    let wrong = app
        .http
        .post(app.at("/inloggen"))
        .form(&[("email", "anne@school.nl"), ("password", "fout")])
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = wrong.text().await.unwrap();
    assert!(html.contains("role=\"alert\"") && html.contains("klopt niet"), "{html}");
    assert!(html.contains("value=\"anne@school.nl\""));

    let right = app
        .http
        .post(app.at("/inloggen"))
        .form(&[("email", "anne@school.nl"), ("password", PASSWORD), ("terug", "/scholen/04FZ")])
        .send()
        .await
        .unwrap();
    assert_eq!(right.status(), StatusCode::SEE_OTHER);
    assert_eq!(right.headers()["location"], "/scholen/04FZ");
    assert!(right.headers().contains_key(SET_COOKIE));

    let offsite = app
        .http
        .post(app.at("/inloggen"))
        .form(&[("email", "anne@school.nl"), ("password", PASSWORD), ("terug", "//evil.example/")])
        .send()
        .await
        .unwrap();
    assert_eq!(offsite.headers()["location"], "/dashboard", "no open redirect");
    app.stop().await;
}

#[tokio::test]
async fn a_page_that_needs_a_login_sends_you_to_the_login_and_back() {
    let app = TestApp::spawn().await;
    let response = app.http.get(app.at("/dashboard")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(response.headers()["location"], "/inloggen?terug=%2Fdashboard");
    app.stop().await;
}

#[tokio::test]
async fn a_password_reset_by_mail_link_works_once_and_ends_old_sessions() {
    let app = TestApp::spawn().await;
    app.user("anne@school.nl", "Anne", &[]).await;
    let old = session_cookie(&app.login("anne@school.nl", PASSWORD).await);

    for email in ["anne@school.nl", "onbekend@school.nl"] {
        let asked =
            app.http.post(app.at("/api/v1/password-reset")).json(&json!({ "email": email })).send().await.unwrap();
        assert_eq!(asked.status(), StatusCode::ACCEPTED, "the same answer for known and unknown addresses");
    }
    assert!(mails_to(&app.db, "onbekend@school.nl").await.is_empty());
    let mail = mails_to(&app.db, "anne@school.nl").await.remove(0);
    assert_eq!(mail.subject, "Nieuw wachtwoord voor Passend");
    let link = link_in(&mail.body, &format!("{}/wachtwoord-herstellen/", app.url));
    let token = link.rsplit('/').next().unwrap();

    let page = app.http.get(&link).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);

    let short = app
        .http
        .post(app.at(&format!("/api/v1/password-reset/{token}")))
        .json(&json!({ "password": "kort", "password_confirm": "kort" }))
        .send()
        .await
        .unwrap();
    assert_eq!(short.status(), StatusCode::BAD_REQUEST);
    let body: Value = short.json().await.unwrap();
    assert_eq!(body["error"]["fields"][0]["field"], "password");
    assert_eq!(body["error"]["fields"][0]["message"], "Het wachtwoord is te kort: gebruik minstens 10 tekens.");

    let new_password =
        json!({ "password": "een nieuw lang wachtwoord", "password_confirm": "een nieuw lang wachtwoord" });
    let set =
        app.http.post(app.at(&format!("/api/v1/password-reset/{token}"))).json(&new_password).send().await.unwrap();
    assert_eq!(set.status(), StatusCode::NO_CONTENT);
    let again =
        app.http.post(app.at(&format!("/api/v1/password-reset/{token}"))).json(&new_password).send().await.unwrap();
    assert_eq!(again.status(), StatusCode::NOT_FOUND, "a link works once");

    let me = app.http.get(app.at("/api/v1/me")).header(COOKIE, &old).send().await.unwrap();
    assert_eq!(me.status(), StatusCode::UNAUTHORIZED, "sessions from before the reset have ended");
    assert_eq!(app.login("anne@school.nl", PASSWORD).await.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(app.login("anne@school.nl", "een nieuw lang wachtwoord").await.status(), StatusCode::OK);
    app.stop().await;
}

#[tokio::test]
async fn an_expired_session_is_not_a_session() {
    let app = TestApp::spawn().await;
    let id = app.user("anne@school.nl", "Anne", &[]).await;
    let hash = {
        use sha2::Digest;
        hex::encode(sha2::Sha256::digest(b"verlopen"))
    };
    app.db.create_session(&hash, id, "csrf", passend_storage::now() - 1).await.unwrap();
    let me = app.http.get(app.at("/api/v1/me")).header(COOKIE, "passend_session=verlopen").send().await.unwrap();
    assert_eq!(me.status(), StatusCode::UNAUTHORIZED);
    app.stop().await;
}

#[tokio::test]
async fn reset_mails_to_one_address_are_limited() {
    let app = TestApp::spawn().await;
    app.user("anne@school.nl", "Anne", &[]).await;
    for _ in 0..5 {
        let asked = app
            .http
            .post(app.at("/api/v1/password-reset"))
            .json(&json!({ "email": "anne@school.nl" }))
            .send()
            .await
            .unwrap();
        assert_eq!(asked.status(), StatusCode::ACCEPTED);
    }
    assert_eq!(mails_to(&app.db, "anne@school.nl").await.len(), 3);
    app.stop().await;
}
