//! The newsletter: double opt-in (nothing is sent before the link is
//! followed), one-click unsubscribe by the link and the `List-Unsubscribe`
//! headers, HTML in Markdown refused, the archive, and an issue to 1,000
//! subscribers sent exactly once across a restart of the server.

use std::time::Duration;

use passend::server;
use passend_app::{App, AppConfig, MailConfig};
use passend_domain::access::{Actor, Membership, Role, platform_admin};
use passend_domain::accounts::Email;
use passend_domain::organisations::{OrgKind, OrgRef};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::support::{Login, TestApp, link_in, mails_to};

async fn editor(app: &TestApp) -> Login {
    let id = app
        .user("redactie@passend.test", "Redactie", &[(OrgKind::Platform, OrgRef::PLATFORM_CODE, Role::PlatformAdmin)])
        .await;
    app.session_for(id).await
}

fn use_cases(app: &TestApp) -> App {
    let config = AppConfig {
        public_url: app.url.clone(),
        mail: MailConfig { smtp_url: None, from: "Passend <noreply@passend.invalid>".into() },
        oidc: Vec::new(),
    };
    App::new(app.db.clone(), &config).unwrap()
}

async fn subscribe(app: &TestApp, email: &str) -> reqwest::Response {
    app.http.post(app.at("/api/v1/newsletter/subscriptions")).json(&json!({ "email": email })).send().await.unwrap()
}

/// Writes and sends an issue through the API; how many it goes to.
async fn send(app: &TestApp, who: &Login, subject: &str) -> (i64, i64) {
    let made = app
        .http
        .post(app.at("/api/v1/newsletter/issues"))
        .headers(who.headers())
        .json(&json!({ "subject": subject, "body_markdown": "## Nieuws\n\nDe **uitwisselingsdag** komt eraan." }))
        .send()
        .await
        .unwrap();
    assert_eq!(made.status(), StatusCode::CREATED);
    let id = made.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    let sent = app
        .http
        .post(app.at(&format!("/api/v1/newsletter/issues/{id}/send")))
        .headers(who.headers())
        .send()
        .await
        .unwrap();
    assert_eq!(sent.status(), StatusCode::ACCEPTED);
    (id, sent.json::<Value>().await.unwrap()["recipients"].as_i64().unwrap())
}

#[tokio::test]
async fn double_opt_in_then_one_click_unsubscribe() {
    let app = TestApp::spawn_with(|c| c.newsletter_interval_secs = 0).await;
    let who = editor(&app).await;
    let reader = "lezer@school.example";
    let response = subscribe(&app, reader).await;
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    assert_eq!(response.json::<Value>().await.unwrap(), json!({ "status": "confirmation_sent" }));
    let confirmation = &mails_to(&app.db, reader).await[0];
    let confirm = app.at(&link_in(&confirmation.body, "/nieuwsbrief/bevestigen/"));

    // Before the link is followed nothing is sent.
    assert_eq!(send(&app, &who, "Eerste nummer").await.1, 0);
    assert_eq!(use_cases(&app).send_newsletter_batch(100).await.unwrap(), 0);
    assert_eq!(mails_to(&app.db, reader).await.len(), 1);

    // Opening the link shows a button; posting it confirms, once.
    let page = app.http.get(&confirm).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let done = app.http.post(&confirm).send().await.unwrap().text().await.unwrap();
    assert!(done.contains("Bedankt"), "{done}");
    let twice = app.http.post(&confirm).send().await.unwrap().text().await.unwrap();
    assert!(twice.contains("al gebruikt"));
    // Subscribing again once confirmed sends nothing new and says the same.
    assert_eq!(subscribe(&app, reader).await.status(), StatusCode::ACCEPTED);
    assert_eq!(mails_to(&app.db, reader).await.len(), 1);

    let (issue, recipients) = send(&app, &who, "Tweede nummer").await;
    assert_eq!(recipients, 1);
    assert_eq!(use_cases(&app).send_newsletter_batch(100).await.unwrap(), 1);
    let mail = mails_to(&app.db, reader).await.remove(0);
    assert_eq!(mail.subject, "Tweede nummer");
    let header = mail.list_unsubscribe.clone().unwrap();
    assert!(header.contains("/nieuwsbrief/afmelden/"));
    assert!(mail.body.contains(&header), "the link is in the text as well");
    assert!(mail.html_body.as_deref().unwrap().contains("<strong>uitwisselingsdag</strong>"));

    // The mail as SMTP gets it carries both headers of RFC 8058.
    let outgoing = use_cases(&app)
        .mailer()
        .build(&passend_storage::outbox::NewMail {
            to: reader.into(),
            subject: mail.subject.clone(),
            body: mail.body.clone(),
            html_body: mail.html_body.clone(),
            list_unsubscribe: mail.list_unsubscribe.clone(),
            attachment: None,
        })
        .unwrap();
    let raw = String::from_utf8(outgoing.formatted()).unwrap();
    assert!(raw.contains(&format!("List-Unsubscribe: <{header}>")), "{raw}");
    assert!(raw.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));

    // The archive shows the sent issue.
    let archive = app.http.get(app.at("/nieuwsbrief")).send().await.unwrap().text().await.unwrap();
    assert!(archive.contains("Tweede nummer"));
    let shown = app.http.get(app.at(&format!("/nieuwsbrief/{issue}"))).send().await.unwrap().text().await.unwrap();
    assert!(shown.contains("<strong>uitwisselingsdag</strong>"));

    // One click, as a mail client does it: a POST to the header's URL.
    let unsubscribed = app.http.post(&header).form(&[("List-Unsubscribe", "One-Click")]).send().await.unwrap();
    assert_eq!(unsubscribed.status(), StatusCode::OK);
    assert!(unsubscribed.text().await.unwrap().contains("U bent afgemeld"));
    let again = app.http.post(&header).send().await.unwrap().text().await.unwrap();
    assert!(again.contains("al afgemeld"));
    assert_eq!(send(&app, &who, "Derde nummer").await.1, 0);

    // HTML or a script in the Markdown is refused with a message; nothing is stored.
    let evil = app
        .http
        .post(app.at("/api/v1/newsletter/issues"))
        .headers(who.headers())
        .json(&json!({ "subject": "Test", "body_markdown": "Hallo <script>alert(1)</script>" }))
        .send()
        .await
        .unwrap();
    assert_eq!(evil.status(), StatusCode::BAD_REQUEST);
    assert!(evil.text().await.unwrap().contains("HTML"));
    let issues: Vec<Value> = app
        .http
        .get(app.at("/api/v1/newsletter/issues"))
        .headers(who.headers())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(issues.len(), 3);
    // A bad address is refused.
    assert_eq!(subscribe(&app, "geen adres").await.status(), StatusCode::BAD_REQUEST);
    app.stop().await;
}

#[tokio::test]
async fn a_newsletter_to_1000_subscribers_goes_out_once_across_a_restart() {
    // 200 mails a run, a run a second.
    let app = TestApp::spawn_with(|c| {
        c.newsletter_interval_secs = 1;
        c.newsletter_per_minute = 12_000;
    })
    .await;
    let who = editor(&app).await;
    for n in 0..1000 {
        let email = format!("abonnee{n}@lezer.example");
        let confirm = format!("{:064x}", n + 1);
        app.db.subscribe(&email, &confirm, &format!("{:064x}", 1_000_000 + n)).await.unwrap();
        assert!(app.db.confirm_subscription(&confirm).await.unwrap());
    }
    let (issue, recipients) = send(&app, &who, "Nieuwsbrief voor iedereen").await;
    assert_eq!(recipients, 1000);

    let queued = |app: &TestApp, who: &Login| {
        let (http, url, headers) = (app.http.clone(), app.at("/api/v1/newsletter/issues"), who.headers());
        async move {
            let issues: Vec<Value> = http.get(url).headers(headers).send().await.unwrap().json().await.unwrap();
            let this = issues.into_iter().find(|i| i["id"] == issue).unwrap();
            (this["queued"].as_i64().unwrap(), this["state"].as_str().unwrap().to_owned())
        }
    };
    // Stop the server part-way.
    let mut waited = 0;
    loop {
        let (done, _) = queued(&app, &who).await;
        if done > 0 {
            assert!(done < 1000, "the job was too quick to stop part-way: {done}");
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
        waited += 1;
        assert!(waited < 400, "the sending job did not start");
    }
    let database_url = app.database_url.clone();
    app.stop().await;

    // A new server on the same database finishes the issue.
    let config = passend::config::Config {
        database_url: database_url.clone(),
        bind: "127.0.0.1:0".to_owned(),
        reminder_interval_secs: 0,
        newsletter_interval_secs: 1,
        newsletter_per_minute: 12_000,
        ..passend::config::Config::default()
    };
    let db = server::open_database(&database_url).await.unwrap();
    let running = server::start(&config, db.clone()).await.unwrap();
    let login = {
        let id = db.user_by_email(&Email::parse("redactie@passend.test").unwrap()).await.unwrap().unwrap().id;
        let token = format!("{:064x}", 77);
        let csrf = format!("{:064x}", 78);
        use sha2::Digest;
        let hash = hex::encode(sha2::Sha256::digest(token.as_bytes()));
        db.create_session(&hash, id, &csrf, passend_storage::now() + 3600).await.unwrap();
        Login { cookie: format!("passend_session={token}"), csrf }
    };
    let http = reqwest::Client::new();
    let mut waited = 0;
    loop {
        let issues: Vec<Value> = http
            .get(format!("{}/api/v1/newsletter/issues", running.url))
            .headers(login.headers())
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let this = issues.into_iter().find(|i| i["id"] == issue).unwrap();
        if this["state"] == "sent" {
            assert_eq!(this["queued"], 1000);
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        waited += 1;
        assert!(waited < 300, "the issue was not sent after the restart: {this}");
    }
    // Every subscriber has it exactly once.
    let email = Email::parse("outbox-teller@passend.test").unwrap();
    let id = db.create_user(&email, "Teller", "x").await.unwrap();
    db.seed_membership(&Membership { org: OrgRef::platform(), role: Role::PlatformAdmin }, id).await.unwrap();
    let admin = platform_admin(&Actor::new(id, db.memberships_of(id).await.unwrap())).unwrap();
    let mails: Vec<_> = db
        .outbox(&admin, 10_000)
        .await
        .unwrap()
        .into_iter()
        .filter(|m| m.subject == "Nieuwsbrief voor iedereen")
        .collect();
    assert_eq!(mails.len(), 1000);
    let mut recipients: Vec<&str> = mails.iter().map(|m| m.recipient.as_str()).collect();
    recipients.sort_unstable();
    recipients.dedup();
    assert_eq!(recipients.len(), 1000);
    // The sending ran as the jobs table's newsletter job, in runs at the
    // bounded rate (200 a run here), and none is left open once all are handed over.
    // (The last run may still be settling when the issue reads as sent.)
    let mut waited = 0;
    let runs = loop {
        let jobs = db.jobs(&admin, passend_storage::jobs::JobFilter::All, 1000).await.unwrap();
        let runs: Vec<_> = jobs.into_iter().filter(|j| j.kind == "newsletter").collect();
        if runs.iter().all(|j| j.done_at.is_some()) || waited > 50 {
            break runs;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        waited += 1;
    };
    // Five batches; the run the stop interrupted was released and ran again as the same row.
    assert!(runs.len() >= 4, "1000 mails at 200 a run take four job rows or more: {}", runs.len());
    assert!(runs.iter().all(|j| j.done_at.is_some()), "no newsletter job left open: {runs:?}");
    running.stop().await.unwrap();
}
