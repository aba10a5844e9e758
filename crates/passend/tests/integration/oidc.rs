//! Login through OpenID Connect, end to end against a real provider: the
//! npm package `oidc-provider`, configured and started by this test
//! (`tests/oidc-provider/server.mjs`; `scripts/test` installs it with `npm ci`).
//! Its three issuers: `school` (normal), `vervalst` (ID tokens signed with a
//! key it does not publish) and `verlopen` (ID tokens that expired an hour ago).

use std::collections::BTreeMap;
use std::process::Stdio;

use passend::config::OidcProvider;
use passend_domain::access::Role;
use passend_domain::organisations::OrgKind;
use reqwest::StatusCode;
use reqwest::header::{LOCATION, SET_COOKIE};
use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, BufReader};

use crate::support::TestApp;

struct Harness {
    app: TestApp,
    _provider: tokio::process::Child,
    /// Kept open: the provider may print more, and a closed pipe would end it.
    _output: tokio::io::Lines<BufReader<tokio::process::ChildStdout>>,
}

/// A free port for Passend: the provider must know the redirect URIs before Passend starts.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

async fn harness() -> Harness {
    let port = free_port();
    let passend_url = format!("http://127.0.0.1:{port}");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/oidc-provider");
    assert!(
        dir.join("node_modules/oidc-provider").exists(),
        "the test provider is not installed: run `npm ci` in tests/oidc-provider (scripts/test does)"
    );
    let mut provider = tokio::process::Command::new("node")
        .arg("server.mjs")
        .current_dir(&dir)
        .env("PASSEND_URL", &passend_url)
        .env("PROVIDER_NAMES", "school,vervalst,verlopen")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("node starts");
    let mut lines = BufReader::new(provider.stdout.take().unwrap()).lines();
    let first = tokio::time::timeout(std::time::Duration::from_secs(30), lines.next_line())
        .await
        .expect("the provider starts within 30 s")
        .unwrap()
        .expect("the provider prints its issuers");
    let issuers: Value = serde_json::from_str(&first).unwrap();
    let provider_config = |label: &str, issuer: &Value| OidcProvider {
        label: label.to_owned(),
        issuer: issuer.as_str().unwrap().to_owned(),
        client_id: issuers["client_id"].as_str().unwrap().to_owned(),
        client_secret: issuers["client_secret"].as_str().unwrap().to_owned(),
    };
    let oidc = BTreeMap::from([
        ("school".to_owned(), provider_config("Schoolaccount", &issuers["good"])),
        ("vervalst".to_owned(), provider_config("Vervalst", &issuers["forged"])),
        ("verlopen".to_owned(), provider_config("Verlopen", &issuers["expired"])),
    ]);
    let app = TestApp::spawn_with(move |c| {
        c.bind = format!("127.0.0.1:{port}");
        c.oidc = oidc;
    })
    .await;
    Harness { app, _provider: provider, _output: lines }
}

/// A browser: its own cookies, redirects followed by hand.
fn browser() -> reqwest::Client {
    reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap()
}

fn location(response: &reqwest::Response) -> String {
    response.headers().get(LOCATION).expect("a redirect").to_str().unwrap().to_owned()
}

/// Clicks the provider's button: the provider's authorization URL.
async fn click(h: &Harness, browser: &reqwest::Client, name: &str) -> String {
    let response = browser.get(h.app.at(&format!("/inloggen/oidc/{name}?terug=/dashboard"))).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "{}", response.text().await.unwrap());
    location(&response)
}

/// Logs in at the provider as `who` (the provider's `login_hint`); the URL it sends the browser back to.
async fn at_provider(browser: &reqwest::Client, authorize: &str, who: &str, passend: &str) -> String {
    let mut url = url::Url::parse(authorize).unwrap();
    url.query_pairs_mut().append_pair("login_hint", who);
    let mut url = url.to_string();
    for _ in 0..10 {
        let response = browser.get(&url).send().await.unwrap();
        assert!(response.status().is_redirection(), "{url}: {}", response.text().await.unwrap());
        let next = url::Url::parse(&url).unwrap().join(&location(&response)).unwrap().to_string();
        if next.starts_with(passend) {
            return next;
        }
        url = next;
    }
    panic!("the provider did not send the browser back");
}

/// The whole login as `who` through provider `name`: the callback's response.
async fn log_in(h: &Harness, browser: &reqwest::Client, name: &str, who: &str) -> reqwest::Response {
    let authorize = click(h, browser, name).await;
    let back = at_provider(browser, &authorize, who, &h.app.url).await;
    browser.get(&back).send().await.unwrap()
}

async fn me(h: &Harness, browser: &reqwest::Client) -> Option<Value> {
    let response = browser.get(h.app.at("/api/v1/me")).send().await.unwrap();
    (response.status() == StatusCode::OK).then_some(response.json().await.unwrap())
}

async fn assert_refused(response: reqwest::Response, message: &str) {
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let cookies: Vec<String> =
        response.headers().get_all(SET_COOKIE).iter().map(|v| v.to_str().unwrap().to_owned()).collect();
    assert!(!cookies.iter().any(|c| c.starts_with("passend_session=") && !c.starts_with("passend_session=;")));
    let html = response.text().await.unwrap();
    assert!(html.contains(message), "{html}");
}

const STATE_REFUSED: &str = "de inlogpoging is verlopen, al gebruikt of niet in deze browser begonnen";
const CODE_REFUSED: &str = "heeft de inlogpoging niet bevestigd";
const TOKEN_REFUSED: &str = "kon niet worden gecontroleerd";

#[tokio::test]
async fn a_first_login_links_through_an_invitation_and_later_logins_use_the_link() {
    let h = harness().await;
    let director = h.app.user("dirk@brug.nl", "Dirk", &[(OrgKind::School, "04FZ", Role::Director)]).await;
    let director = h.app.session_for(director).await;

    // The login page has the provider's button.
    let page = h.app.http.get(h.app.at("/inloggen")).send().await.unwrap().text().await.unwrap();
    assert!(
        page.contains("href=\"/inloggen/oidc/school?terug=") && page.contains("Inloggen met Schoolaccount"),
        "{page}"
    );

    // Without an invitation, a verified address without account reaches nothing, and Entree's BRIN names whom to ask.
    let anna = browser();
    let no_account = log_in(&h, &anna, "school", "juf-anna").await;
    assert_eq!(no_account.status(), StatusCode::FORBIDDEN);
    let html = no_account.text().await.unwrap();
    assert!(html.contains("nog geen account of uitnodiging") && html.contains("Vraag de directeur van"), "{html}");
    assert!(me(&h, &anna).await.is_none());

    let invited = h
        .app
        .http
        .post(h.app.at("/api/v1/organisations/school/04FZ/invitations"))
        .headers(director.headers())
        .json(&json!({ "email": "anna@brug.nl", "role": "team_member" }))
        .send()
        .await
        .unwrap();
    assert_eq!(invited.status(), StatusCode::CREATED);

    let signed_in = log_in(&h, &anna, "school", "juf-anna").await;
    assert_eq!(signed_in.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&signed_in), "/dashboard");
    let who = me(&h, &anna).await.expect("signed in");
    assert_eq!(who["user"]["email"], "anna@brug.nl");
    assert_eq!(who["user"]["name"], "Anna de Vries");
    assert_eq!(who["memberships"].as_array().unwrap().len(), 1, "the invitation's role, and only that: {who}");
    assert_eq!(who["memberships"][0]["role"], "team_member");

    // A second login (another browser) reaches the same account through the link.
    let again = browser();
    assert_eq!(log_in(&h, &again, "school", "juf-anna").await.status(), StatusCode::SEE_OTHER);
    assert_eq!(me(&h, &again).await.unwrap()["user"]["id"], who["user"]["id"]);

    // She sees the link and removes it.
    let logins = anna.get(h.app.at("/account/inloggen")).send().await.unwrap().text().await.unwrap();
    assert!(logins.contains("Schoolaccount") && logins.contains("anna@brug.nl"), "{logins}");
    let id = logins.split("/account/inloggen/").nth(1).unwrap().split('/').next().unwrap().to_owned();
    let csrf = logins.split("name=\"csrf_token\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_owned();
    let removed = anna
        .post(h.app.at(&format!("/account/inloggen/{id}/verwijderen")))
        .form(&[("csrf_token", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(removed.status(), StatusCode::SEE_OTHER);
    let logins = anna.get(h.app.at("/account/inloggen")).send().await.unwrap().text().await.unwrap();
    assert!(logins.contains("Er is nog geen inlogdienst aan uw account gekoppeld"), "{logins}");
    // Another's link is not found.
    let other = h.app.user("eva@brug.nl", "Eva", &[]).await;
    let eva = h.app.session_for(other).await;
    let foreign = h
        .app
        .http
        .post(h.app.at(&format!("/account/inloggen/{id}/verwijderen")))
        .headers(eva.headers())
        .form(&[("csrf_token", eva.csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(foreign.status(), StatusCode::NOT_FOUND);
    h.app.stop().await;
}

#[tokio::test]
async fn an_existing_account_links_by_verified_address_only_and_gets_no_role() {
    let h = harness().await;
    h.app.user("sanne@swv.nl", "Sanne", &[]).await;
    h.app.user("dirk@brug.nl", "Dirk", &[(OrgKind::School, "04FZ", Role::Director)]).await;

    let sanne = browser();
    assert_eq!(log_in(&h, &sanne, "school", "sanne-bestaand").await.status(), StatusCode::SEE_OTHER);
    let who = me(&h, &sanne).await.unwrap();
    assert_eq!(who["user"]["email"], "sanne@swv.nl");
    assert_eq!(who["user"]["name"], "Sanne", "the account keeps its own name");
    assert!(who["memberships"].as_array().unwrap().is_empty(), "a login grants no role");

    // An address the provider does not vouch for links to nothing, even where an account has it.
    let dirk = browser();
    let unverified = log_in(&h, &dirk, "school", "dirk-onbevestigd").await;
    assert_eq!(unverified.status(), StatusCode::FORBIDDEN);
    assert!(unverified.text().await.unwrap().contains("niet bevestigd dat het e-mailadres van u is"));
    assert!(me(&h, &dirk).await.is_none());
    h.app.stop().await;
}

#[tokio::test]
async fn an_oidc_login_lifts_the_lock_of_guessed_passwords() {
    let h = harness().await;
    h.app.user("sanne@swv.nl", "Sanne", &[]).await;
    for _ in 0..6 {
        h.app.login("sanne@swv.nl", "een gok").await;
    }
    assert_eq!(h.app.login("sanne@swv.nl", crate::support::PASSWORD).await.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(log_in(&h, &browser(), "school", "sanne-bestaand").await.status(), StatusCode::SEE_OTHER);
    assert_eq!(h.app.login("sanne@swv.nl", crate::support::PASSWORD).await.status(), StatusCode::OK);
    h.app.stop().await;
}

#[tokio::test]
async fn wrong_state_replays_wrong_nonce_and_bad_id_tokens_are_refused() {
    let h = harness().await;
    h.app.user("sanne@swv.nl", "Sanne", &[]).await;

    // A wrong state.
    let b = browser();
    let authorize = click(&h, &b, "school").await;
    let back = at_provider(&b, &authorize, "sanne-bestaand", &h.app.url).await;
    let mut wrong = url::Url::parse(&back).unwrap();
    let pairs: Vec<(String, String)> = wrong.query_pairs().map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
    wrong.query_pairs_mut().clear();
    for (k, v) in &pairs {
        wrong.query_pairs_mut().append_pair(k, if k == "state" { "een-verzonnen-state" } else { v });
    }
    assert_refused(b.get(wrong.as_str()).send().await.unwrap(), STATE_REFUSED).await;

    // The right state from another browser (login CSRF): refused, and the state is spent.
    assert_refused(browser().get(&back).send().await.unwrap(), STATE_REFUSED).await;
    assert_refused(b.get(&back).send().await.unwrap(), STATE_REFUSED).await;

    // A callback used twice: the second is refused.
    let authorize = click(&h, &b, "school").await;
    let back = at_provider(&b, &authorize, "sanne-bestaand", &h.app.url).await;
    assert_eq!(b.get(&back).send().await.unwrap().status(), StatusCode::SEE_OTHER);
    assert_refused(b.get(&back).send().await.unwrap(), STATE_REFUSED).await;

    // A replayed code under a fresh state: the provider refuses it.
    let used_code = url::Url::parse(&back).unwrap().query_pairs().find(|(k, _)| k == "code").unwrap().1.into_owned();
    let c = browser();
    let authorize = click(&h, &c, "school").await;
    let fresh_state =
        url::Url::parse(&authorize).unwrap().query_pairs().find(|(k, _)| k == "state").unwrap().1.into_owned();
    let replay = h.app.at(&format!(
        "/inloggen/oidc/school/terug?code={}&state={}",
        urlencode(&used_code),
        urlencode(&fresh_state)
    ));
    assert_refused(c.get(&replay).send().await.unwrap(), CODE_REFUSED).await;
    assert!(me(&h, &c).await.is_none());

    // A wrong nonce: the authorization request is sent with another one.
    let d = browser();
    let authorize = click(&h, &d, "school").await;
    let mut changed = url::Url::parse(&authorize).unwrap();
    let pairs: Vec<(String, String)> = changed.query_pairs().map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
    changed.query_pairs_mut().clear();
    for (k, v) in &pairs {
        changed.query_pairs_mut().append_pair(k, if k == "nonce" { "een-andere-nonce" } else { v });
    }
    let back = at_provider(&d, changed.as_str(), "sanne-bestaand", &h.app.url).await;
    assert_refused(d.get(&back).send().await.unwrap(), TOKEN_REFUSED).await;
    assert!(me(&h, &d).await.is_none());

    // A wrongly signed and an expired ID token.
    for name in ["vervalst", "verlopen"] {
        let e = browser();
        assert_refused(log_in(&h, &e, name, "sanne-bestaand").await, TOKEN_REFUSED).await;
        assert!(me(&h, &e).await.is_none(), "{name}");
    }

    // An unknown provider name.
    let unknown = browser().get(h.app.at("/inloggen/oidc/onbekend")).send().await.unwrap();
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    let unknown = browser().get(h.app.at("/inloggen/oidc/onbekend/terug?code=x&state=y")).send().await.unwrap();
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);

    // After all that, the right flow still works.
    let f = browser();
    assert_eq!(log_in(&h, &f, "school", "sanne-bestaand").await.status(), StatusCode::SEE_OTHER);
    assert_eq!(me(&h, &f).await.unwrap()["user"]["email"], "sanne@swv.nl");
    h.app.stop().await;
}

fn urlencode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}
