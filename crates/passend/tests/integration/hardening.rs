//! The defects an attack test found (issue 16, point 3), each with the
//! request that showed it: U+0000 at the edge, reset links that outlived a
//! reset, login limits behind a proxy and over IPv6, an account lock that kept
//! the owner out, unbounded lists, and open metrics.

use passend_domain::access::Role;
use passend_domain::organisations::OrgKind;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::support::{PASSWORD, TestApp, link_in, mails_to};

const NUL_MESSAGE: &str = "onzichtbaar teken (U+0000)";

async fn assert_refused(response: reqwest::Response, what: &str) {
    assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{what}");
    let text = response.text().await.unwrap();
    assert!(text.contains(NUL_MESSAGE), "{what}: {text}");
}

#[tokio::test]
async fn u0000_is_refused_with_a_dutch_message_in_pages_forms_and_the_api() {
    let app = TestApp::spawn().await;
    let http = &app.http;
    // Without logging in.
    assert_refused(http.get(app.at("/api/v1/schools?q=a%00b")).send().await.unwrap(), "API query").await;
    assert_refused(http.get(app.at("/api/v1/surveys/a%00")).send().await.unwrap(), "API path").await;
    assert_refused(http.get(app.at("/scholen?q=a%00b")).send().await.unwrap(), "open search").await;
    assert_refused(http.get(app.at("/scholen/04FZ%00")).send().await.unwrap(), "public page path").await;
    let session = http
        .post(app.at("/api/v1/session"))
        .header("content-type", "application/json")
        .body(r#"{"email": "a\u0000@x.test", "password": "een lang wachtwoord"}"#)
        .send()
        .await
        .unwrap();
    assert_refused(session, "API login").await;
    let form = http
        .post(app.at("/inloggen"))
        .form(&[("email", "a\u{0}@x.test"), ("password", "een lang wachtwoord")])
        .send()
        .await
        .unwrap();
    assert_refused(form, "login form").await;
    let survey_answer = http
        .post(app.at("/enquete/0123456789abcdef"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("antwoord=ja%00nee")
        .send()
        .await
        .unwrap();
    assert_refused(survey_answer, "survey answer form").await;

    // Logged in: the SWV's name through the API and the form, kern names.
    let id = app.user("sanne@swv.nl", "Sanne", &[(OrgKind::Swv, "PO2707", Role::SwvAdmin)]).await;
    let login = app.session_for(id).await;
    let name = http
        .put(app.at("/api/v1/swvs/PO2707"))
        .headers(login.headers())
        .header("content-type", "application/json")
        .body(r#"{"name": "S\u0000"}"#)
        .send()
        .await
        .unwrap();
    assert_refused(name, "SWV name (API)").await;
    let name_form = http
        .post(app.at("/samenwerkingsverbanden/PO2707/bewerken"))
        .headers(login.headers())
        .form(&[("csrf_token", login.csrf.as_str()), ("name", "S\u{0}")])
        .send()
        .await
        .unwrap();
    assert_refused(name_form, "SWV name (form)").await;
    let kern = http
        .put(app.at("/api/v1/swvs/PO2707/kernen"))
        .headers(login.headers())
        .header("content-type", "application/json")
        .body(r#"{"kernen": [{"name": "Oost\u0000", "locations": ["04FZ00"]}]}"#)
        .send()
        .await
        .unwrap();
    assert_refused(kern, "kern name").await;

    // Nothing was stored, and an ordinary percent sign is still text.
    let swv: Value = http.get(app.at("/api/v1/swvs/PO2707")).send().await.unwrap().json().await.unwrap();
    assert_ne!(swv["name"], "S\u{0}");
    let search = http.get(app.at("/scholen?q=100%25")).send().await.unwrap();
    assert_eq!(search.status(), StatusCode::OK);
    app.stop().await;
}

async fn ask_reset(app: &TestApp, email: &str) {
    let asked = app.http.post(app.at("/api/v1/password-reset")).json(&json!({ "email": email })).send().await.unwrap();
    assert_eq!(asked.status(), StatusCode::ACCEPTED);
}

async fn reset_tokens(app: &TestApp, email: &str) -> Vec<String> {
    mails_to(&app.db, email)
        .await
        .iter()
        .map(|mail| {
            let link = link_in(&mail.body, &format!("{}/wachtwoord-herstellen/", app.url));
            link.rsplit('/').next().unwrap().to_owned()
        })
        .collect()
}

async fn use_reset(app: &TestApp, token: &str, password: &str) -> StatusCode {
    app.http
        .post(app.at(&format!("/api/v1/password-reset/{token}")))
        .json(&json!({ "password": password, "password_confirm": password }))
        .send()
        .await
        .unwrap()
        .status()
}

#[tokio::test]
async fn one_used_reset_link_ends_every_other_reset_link() {
    let app = TestApp::spawn().await;
    app.user("anne@school.nl", "Anne", &[]).await;
    for _ in 0..3 {
        ask_reset(&app, "anne@school.nl").await;
    }
    let tokens = reset_tokens(&app, "anne@school.nl").await;
    assert_eq!(tokens.len(), 3);
    let (newest, oldest) = (&tokens[0], &tokens[2]);
    assert_eq!(use_reset(&app, newest, "het nieuwe wachtwoord van Anne").await, StatusCode::NO_CONTENT);
    assert_eq!(use_reset(&app, newest, "nog een ander wachtwoord").await, StatusCode::NOT_FOUND);
    assert_eq!(use_reset(&app, oldest, "nog een ander wachtwoord").await, StatusCode::NOT_FOUND, "the oldest too");
    assert_eq!(use_reset(&app, &tokens[1], "nog een ander wachtwoord").await, StatusCode::NOT_FOUND);
    let page = app.http.get(app.at(&format!("/wachtwoord-herstellen/{oldest}"))).send().await.unwrap();
    assert_ne!(page.status(), StatusCode::OK);
    assert_eq!(app.login("anne@school.nl", "het nieuwe wachtwoord van Anne").await.status(), StatusCode::OK);
    app.stop().await;
}

#[tokio::test]
async fn a_password_change_ends_open_reset_links() {
    let app = TestApp::spawn().await;
    let id = app.user("anne@school.nl", "Anne", &[]).await;
    ask_reset(&app, "anne@school.nl").await;
    let token = reset_tokens(&app, "anne@school.nl").await.remove(0);
    // The one place a password is set without a link: `passend create-admin` on a known address.
    app.db
        .set_password(id, &passend_app::accounts::hash_password("door de beheerder gezet").await.unwrap())
        .await
        .unwrap();
    assert_eq!(use_reset(&app, &token, "het nieuwe wachtwoord van Anne").await, StatusCode::NOT_FOUND);
    app.stop().await;
}

#[tokio::test]
async fn a_reset_lifts_the_lock_an_attacker_put_on_the_account() {
    let app = TestApp::spawn().await;
    app.user("anne@school.nl", "Anne", &[]).await;
    for _ in 0..6 {
        app.login("anne@school.nl", "een gok van de aanvaller").await;
    }
    assert_eq!(app.login("anne@school.nl", PASSWORD).await.status(), StatusCode::TOO_MANY_REQUESTS);
    ask_reset(&app, "anne@school.nl").await;
    let token = reset_tokens(&app, "anne@school.nl").await.remove(0);
    assert_eq!(use_reset(&app, &token, "het nieuwe wachtwoord van Anne").await, StatusCode::NO_CONTENT);
    assert_eq!(
        app.login("anne@school.nl", "het nieuwe wachtwoord van Anne").await.status(),
        StatusCode::OK,
        "the owner is not kept out for the rest of the quarter"
    );
    app.stop().await;
}

async fn login_from(app: &TestApp, forwarded_for: &str, email: &str, password: &str) -> StatusCode {
    app.http
        .post(app.at("/api/v1/session"))
        .header("x-forwarded-for", forwarded_for)
        .json(&json!({ "email": email, "password": password }))
        .send()
        .await
        .unwrap()
        .status()
}

/// 30 failures from one client, each for another address (so that no account lock plays a part).
async fn fail_thirty_times(app: &TestApp, client: impl Fn(usize) -> String) {
    for i in 0..30 {
        let status = login_from(app, &client(i), &format!("gok{i}@school.nl"), "fout").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "try {i}");
    }
}

#[tokio::test]
async fn behind_a_trusted_proxy_the_client_limit_holds_per_client_and_per_ipv6_64() {
    let app = TestApp::spawn_with(|c| c.trusted_proxies = vec!["127.0.0.0/8".to_owned()]).await;
    app.user("anne@school.nl", "Anne", &[]).await;
    fail_thirty_times(&app, |_| "203.0.113.9".to_owned()).await;
    assert_eq!(login_from(&app, "203.0.113.9", "anne@school.nl", PASSWORD).await, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        login_from(&app, "198.51.100.4", "anne@school.nl", PASSWORD).await,
        StatusCode::OK,
        "another client behind the same proxy logs in"
    );
    // A client cannot escape by writing its own header in front of the proxy's.
    assert_eq!(
        login_from(&app, "192.0.2.77, 203.0.113.9", "anne@school.nl", PASSWORD).await,
        StatusCode::TOO_MANY_REQUESTS
    );

    // Fresh addresses of one /64 are one client.
    fail_thirty_times(&app, |i| format!("2001:db8:7:8::{:x}", i + 1)).await;
    assert_eq!(
        login_from(&app, "2001:db8:7:8:ffff::1", "anne@school.nl", PASSWORD).await,
        StatusCode::TOO_MANY_REQUESTS
    );
    assert_eq!(login_from(&app, "2001:db8:7:9::1", "anne@school.nl", PASSWORD).await, StatusCode::OK);
    app.stop().await;
}

#[tokio::test]
async fn without_a_trusted_proxy_forwarded_for_is_ignored() {
    let app = TestApp::spawn().await;
    app.user("anne@school.nl", "Anne", &[]).await;
    fail_thirty_times(&app, |i| format!("203.0.113.{i}")).await;
    assert_eq!(
        login_from(&app, "198.51.100.4", "anne@school.nl", PASSWORD).await,
        StatusCode::TOO_MANY_REQUESTS,
        "a made-up header does not give a new allowance"
    );
    app.stop().await;
}

#[tokio::test]
async fn metrics_need_the_token_or_their_own_address() {
    let open = TestApp::spawn().await;
    let response = open.http.get(open.at("/metrics")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND, "not served without a token");
    open.stop().await;

    let app = TestApp::spawn_with(|c| {
        c.metrics_token = Some("een-geheim-voor-prometheus".to_owned());
        c.metrics_bind = Some("127.0.0.1:0".to_owned());
    })
    .await;
    let anonymous = app.http.get(app.at("/metrics")).send().await.unwrap();
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    let wrong = app.http.get(app.at("/metrics")).bearer_auth("geraden").send().await.unwrap();
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    let right = app.http.get(app.at("/metrics")).bearer_auth("een-geheim-voor-prometheus").send().await.unwrap();
    assert_eq!(right.status(), StatusCode::OK);
    assert!(right.text().await.unwrap().contains("passend_http_requests_total"));
    let own = format!("http://{}/metrics", app.metrics_addr.expect("a metrics listener"));
    let separate = app.http.get(&own).send().await.unwrap();
    assert_eq!(separate.status(), StatusCode::OK);
    assert!(separate.text().await.unwrap().contains("passend_db_pool_connections"));
    app.stop().await;
}

#[tokio::test]
async fn kernen_and_an_swvs_own_questions_are_bounded() {
    let app = TestApp::spawn().await;
    let id = app.user("anna@swv.nl", "Anna", &[(OrgKind::Swv, "PO2707", Role::SwvAdmin)]).await;
    let admin = app.session_for(id).await;
    let kernen: Vec<Value> = (0..10_000).map(|i| json!({ "name": format!("Kern {i}") })).collect();
    let too_many = app
        .http
        .put(app.at("/api/v1/swvs/PO2707/kernen"))
        .headers(admin.headers())
        .json(&json!({ "kernen": kernen }))
        .send()
        .await
        .unwrap();
    assert_eq!(too_many.status(), StatusCode::BAD_REQUEST);
    let text = too_many.text().await.unwrap();
    assert!(text.contains("hoogstens 100 kernen"), "{text}");

    let added: Vec<Value> = (0..1_500)
        .map(|i| {
            json!({ "section": "I", "item": { "key": format!("swv.po2707.vraag{i}"), "label": format!("Vraag {i}?"), "type": "yes_no" } })
        })
        .collect();
    let path = app.at("/api/v1/swvs/PO2707/templates/2026-2027");
    let big = app
        .http
        .put(&path)
        .headers(admin.headers())
        .json(&json!({ "owner": "PO2707", "added": added }))
        .send()
        .await
        .unwrap();
    assert_eq!(big.status(), StatusCode::BAD_REQUEST);
    let text = big.text().await.unwrap();
    assert!(text.contains("hoogstens 50 eigen vragen"), "{text}");
    let fits = app
        .http
        .put(&path)
        .headers(admin.headers())
        .json(&json!({ "owner": "PO2707", "added": added[..50] }))
        .send()
        .await
        .unwrap();
    assert_eq!(fits.status(), StatusCode::NO_CONTENT);
    app.stop().await;
}

#[tokio::test]
async fn a_control_character_stored_before_the_edge_refused_it_does_not_stop_the_documents() {
    let app = TestApp::spawn().await;
    let mut logins = Vec::new();
    for (email, name, kind, code, role) in [
        ("dirk@brug.nl", "Dirk", OrgKind::School, "04FZ", Role::Director),
        ("mila@brug.nl", "Mila", OrgKind::School, "04FZ", Role::MrMember),
        ("bas@bestuur.nl", "Bas", OrgKind::Board, "41234", Role::BoardMember),
    ] {
        let id = app.user(email, name, &[(kind, code, role)]).await;
        logins.push(app.session_for(id).await);
    }
    let (director, mr, board) = (&logins[0], &logins[1], &logins[2]);
    let id = app.start_profile(director, "04FZ", "04FZ00", "2026-2027").await;
    app.take_step(director, id, json!({ "step": "ask_mr_advice" })).await;
    app.take_step(
        mr,
        id,
        json!({ "step": "record_advice", "verdict": "positive", "advice": "Helder.", "date": "2026-06-01" }),
    )
    .await;
    app.take_step(board, id, json!({ "step": "adopt", "date": "15-6-2026" })).await;
    app.take_step(director, id, json!({ "step": "publish" })).await;

    // What the attack test stored through the API on SQLite (U+0000); PostgreSQL
    // cannot hold that one, so there the other control characters stand in.
    let name = if app.database_url.starts_with("sqlite") { "S\u{0}WV\u{1}" } else { "S\u{1}WV\u{7f}" };
    let pool = sqlx::AnyPool::connect(&app.database_url).await.unwrap();
    sqlx::query("UPDATE swvs SET name = $1, steunpunt_name = $1 WHERE code = 'PO2707'")
        .bind(name)
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    for path in ["/scholen/04FZ00/ouders.pdf", "/scholen/04FZ00/schoolgids.pdf", "/scholen/04FZ00/poster.pdf"] {
        let response = app.http.get(app.at(path)).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert!(response.bytes().await.unwrap().starts_with(b"%PDF-"), "{path}");
    }
    app.stop().await;
}
