use passend_domain::access::Role;
use passend_domain::organisations::OrgKind;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::support::{PASSWORD, TestApp, link_in, mails_to};

#[tokio::test]
async fn a_director_invites_a_teacher_who_accepts_and_sees_the_school() {
    let app = TestApp::spawn().await;
    let director = app.user("dirk@brug.nl", "Dirk", &[(OrgKind::School, "04FZ", Role::Director)]).await;
    let login = app.session_for(director).await;

    let form = [("csrf_token", login.csrf.as_str()), ("email", "lotte@brug.nl"), ("role", "team_member")];
    let invited = app
        .http
        .post(app.at("/organisaties/school/04FZ/uitnodigingen"))
        .headers(login.headers())
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(invited.status(), StatusCode::SEE_OTHER);
    assert_eq!(invited.headers()["location"], "/organisaties/school/04FZ/leden?melding=uitnodiging-verstuurd");

    let mail = mails_to(&app.db, "lotte@brug.nl").await.remove(0);
    assert_eq!(mail.subject, "Uitnodiging voor Passend: De Brug");
    assert!(mail.body.contains("Dirk nodigt u uit voor De Brug in Passend, als Teamlid."), "{}", mail.body);
    let link = link_in(&mail.body, &format!("{}/uitnodiging/", app.url));
    let token = link.rsplit('/').next().unwrap();

    let mismatch = app
        .http
        .post(app.at(&format!("/api/v1/invitations/{token}/accept")))
        .json(&json!({ "name": "Lotte", "password": PASSWORD, "password_confirm": "iets anders" }))
        .send()
        .await
        .unwrap();
    assert_eq!(mismatch.status(), StatusCode::BAD_REQUEST);
    let body: Value = mismatch.json().await.unwrap();
    assert_eq!(body["error"]["fields"][0]["field"], "password_confirm");

    let accepted = app
        .http
        .post(app.at(&format!("/api/v1/invitations/{token}/accept")))
        .json(&json!({ "name": "Lotte Leraar", "password": PASSWORD, "password_confirm": PASSWORD }))
        .send()
        .await
        .unwrap();
    assert_eq!(accepted.status(), StatusCode::OK);
    let cookie = accepted.headers()["set-cookie"].to_str().unwrap().split(';').next().unwrap().to_owned();
    let dashboard = app.http.get(app.at("/dashboard")).header("cookie", cookie).send().await.unwrap();
    let html = dashboard.text().await.unwrap();
    assert!(html.contains("De Brug") && html.contains("Lotte Leraar") && html.contains("Dirk"), "{html}");

    let reused = app
        .http
        .post(app.at(&format!("/api/v1/invitations/{token}/accept")))
        .json(&json!({ "name": "X", "password": PASSWORD, "password_confirm": PASSWORD }))
        .send()
        .await
        .unwrap();
    assert_eq!(reused.status(), StatusCode::NOT_FOUND, "an invitation is accepted once");
    app.stop().await;
}

#[tokio::test]
async fn an_existing_account_accepts_with_its_password() {
    let app = TestApp::spawn().await;
    let admin = app.user("sanne@swv.nl", "Sanne", &[(OrgKind::Swv, "PO2707", Role::SwvAdmin)]).await;
    app.user("dirk@brug.nl", "Dirk", &[(OrgKind::School, "20XK", Role::Director)]).await;
    let login = app.session_for(admin).await;
    let created = app
        .http
        .post(app.at("/api/v1/organisations/school/04FZ/invitations"))
        .headers(login.headers())
        .json(&json!({ "email": "dirk@brug.nl", "role": "director" }))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), StatusCode::CREATED);
    let mail = mails_to(&app.db, "dirk@brug.nl").await.remove(0);
    let token = link_in(&mail.body, &format!("{}/uitnodiging/", app.url)).rsplit('/').next().unwrap().to_owned();

    let page = app.http.get(app.at(&format!("/uitnodiging/{token}"))).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Er is al een account met dit adres"), "{page}");
    let wrong = app
        .http
        .post(app.at(&format!("/uitnodiging/{token}")))
        .form(&[("password", "niet goed genoeg")])
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let right =
        app.http.post(app.at(&format!("/uitnodiging/{token}"))).form(&[("password", PASSWORD)]).send().await.unwrap();
    assert_eq!(right.status(), StatusCode::SEE_OTHER);

    let members: Value = app
        .http
        .get(app.at("/api/v1/organisations/school/04FZ/members"))
        .headers(login.headers())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(members[0]["email"], "dirk@brug.nl");
    assert_eq!(members[0]["role"], "director");
    app.stop().await;
}

#[tokio::test]
async fn each_role_invites_only_the_roles_below_it() {
    let app = TestApp::spawn().await;
    let admin = app.user("sanne@swv.nl", "Sanne", &[(OrgKind::Swv, "PO2707", Role::SwvAdmin)]).await;
    let teacher = app.user("lotte@brug.nl", "Lotte", &[(OrgKind::School, "04FZ", Role::TeamMember)]).await;
    let admin = app.session_for(admin).await;
    let teacher = app.session_for(teacher).await;
    let invite = |login: &crate::support::Login, path: &str, email: &str, role: &str| {
        app.http.post(app.at(path)).headers(login.headers()).json(&json!({ "email": email, "role": role })).send()
    };
    let response =
        invite(&admin, "/api/v1/organisations/school/04FZ/invitations", "x@brug.nl", "team_member").await.unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST, "an SWV admin invites directors, not the team");
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"]["fields"][0]["message"], "Kies een rol die u mag geven.");
    let bad_email =
        invite(&admin, "/api/v1/organisations/school/04FZ/invitations", "geen-adres", "director").await.unwrap();
    let body: Value = bad_email.json().await.unwrap();
    assert_eq!(body["error"]["fields"][0]["field"], "email");
    let teacher_try =
        invite(&teacher, "/api/v1/organisations/school/04FZ/invitations", "y@brug.nl", "team_member").await.unwrap();
    assert_eq!(teacher_try.status(), StatusCode::FORBIDDEN);
    let platform =
        invite(&admin, "/api/v1/organisations/swv/PO2707/invitations", "z@swv.nl", "platform_admin").await.unwrap();
    assert_eq!(platform.status(), StatusCode::BAD_REQUEST);
    app.stop().await;
}

#[tokio::test]
async fn an_invitation_can_be_withdrawn_and_a_role_taken_away() {
    let app = TestApp::spawn().await;
    let director = app.user("dirk@brug.nl", "Dirk", &[(OrgKind::School, "04FZ", Role::Director)]).await;
    app.user("mo@brug.nl", "Mo", &[(OrgKind::School, "04FZ", Role::MrMember)]).await;
    let login = app.session_for(director).await;
    let created: Value = app
        .http
        .post(app.at("/api/v1/organisations/school/04FZ/invitations"))
        .headers(login.headers())
        .json(&json!({ "email": "ilse@brug.nl", "role": "ib" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let id = created["id"].as_i64().unwrap();
    let revoked = app
        .http
        .delete(app.at(&format!("/api/v1/organisations/school/04FZ/invitations/{id}")))
        .headers(login.headers())
        .send()
        .await
        .unwrap();
    assert_eq!(revoked.status(), StatusCode::NO_CONTENT);
    let mail = mails_to(&app.db, "ilse@brug.nl").await.remove(0);
    let link = link_in(&mail.body, &format!("{}/uitnodiging/", app.url));
    assert_eq!(app.http.get(&link).send().await.unwrap().status(), StatusCode::NOT_FOUND);

    let members: Value = app
        .http
        .get(app.at("/api/v1/organisations/school/04FZ/members"))
        .headers(login.headers())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let mo = members.as_array().unwrap().iter().find(|m| m["email"] == "mo@brug.nl").unwrap()["id"].as_i64().unwrap();
    let form = [("csrf_token", login.csrf.as_str())];
    let removed = app
        .http
        .post(app.at(&format!("/organisaties/school/04FZ/leden/{mo}/verwijderen")))
        .headers(login.headers())
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(removed.status(), StatusCode::SEE_OTHER);
    let back = removed.headers()["location"].to_str().unwrap().to_owned();
    let page = app.http.get(app.at(&back)).headers(login.headers()).send().await.unwrap();
    let html = page.text().await.unwrap();
    assert!(!html.contains("mo@brug.nl") && html.contains("De rol is weggehaald."), "{html}");
    app.stop().await;
}

#[tokio::test]
async fn an_address_no_mail_can_go_to_is_a_field_error_and_nothing_is_stored() {
    let app = TestApp::spawn().await;
    let admin = app.user("sanne@swv.nl", "Sanne", &[(OrgKind::Swv, "PO2707", Role::SwvAdmin)]).await;
    let login = app.session_for(admin).await;
    // `Email::parse` takes a local part ending in a dot; the mailer does not
    // (found by schemathesis: a 500 after the invitation was stored).
    let refused = app
        .http
        .post(app.at("/api/v1/organisations/school/04FZ/invitations"))
        .headers(login.headers())
        .json(&json!({ "email": "dirk.@brug.nl", "role": "director" }))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    let body: Value = refused.json().await.unwrap();
    assert_eq!(body["error"]["fields"][0]["field"], "email");
    assert_eq!(body["error"]["fields"][0]["code"], "account-email-invalid");
    let pending: Value = app
        .http
        .get(app.at("/api/v1/organisations/school/04FZ/invitations"))
        .headers(login.headers())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(pending, json!([]));
    app.stop().await;
}
