//! Several servers on one database behave as one (issue 16): a publication
//! on one server is on every server's public page and document at once, and
//! mail queued while two servers run goes out exactly once.

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use passend_domain::access::Role;
use passend_domain::organisations::OrgKind;
use reqwest::StatusCode;
use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader as AsyncBufReader};

use crate::support::{Login, TestApp};

/// A second `passend serve` on the database of `app`; its base URL.
pub struct OtherServer {
    child: Child,
    pub url: String,
}

impl OtherServer {
    pub fn start(database_url: &str, env: &[(&str, &str)]) -> OtherServer {
        let mut command = Command::new(env!("CARGO_BIN_EXE_passend"));
        command
            .args(["--database-url", database_url, "serve", "--bind", "127.0.0.1:0"])
            .env("PASSEND_LANG", "en")
            .env("PASSEND_LOG", "warn")
            .env("PASSEND_REMINDER_INTERVAL_SECS", "0")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit());
        for (key, value) in env {
            command.env(key, value);
        }
        let mut child = command.spawn().unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        let url = line.trim().strip_prefix("Passend is running at ").unwrap_or_else(|| panic!("{line}")).to_owned();
        OtherServer { child, url }
    }

    pub fn at(&self, path: &str) -> String {
        format!("{}{path}", self.url)
    }

    /// SIGTERM, and waits for a clean exit.
    pub fn stop(mut self) {
        let status = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status().unwrap();
        assert!(status.success());
        let exit = self.child.wait().unwrap();
        assert!(exit.success(), "{exit}");
    }
}

fn pdf_text(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, bytes).unwrap();
    let output = Command::new("pdftotext").arg("-raw").arg(&path).arg("-").output().unwrap();
    assert!(output.status.success(), "pdftotext: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Answers, adopts and publishes a profile through server A.
async fn publish_with_summary(app: &TestApp, people: &[Login; 3], id: i64, summary: &str) {
    let [director, mr, board] = people;
    let answers: Value = app
        .http
        .get(app.at(&format!("/api/v1/profiles/{id}/answers")))
        .headers(director.headers())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let version = answers
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["item_key"] == "ouders.samenvatting")
        .and_then(|a| a["version"].as_i64())
        .unwrap_or(0);
    let saved = app
        .http
        .put(app.at(&format!("/api/v1/profiles/{id}/answers/ouders.samenvatting")))
        .headers(director.headers())
        .json(&json!({ "value": summary, "note": null, "version": version }))
        .send()
        .await
        .unwrap();
    assert_eq!(saved.status(), StatusCode::OK, "{}", saved.text().await.unwrap());
    app.take_step(director, id, json!({ "step": "ask_mr_advice" })).await;
    app.take_step(
        mr,
        id,
        json!({ "step": "record_advice", "verdict": "positive", "advice": "Helder.", "date": "2026-06-01" }),
    )
    .await;
    app.take_step(board, id, json!({ "step": "adopt", "date": "15-6-2026" })).await;
    app.take_step(director, id, json!({ "step": "publish" })).await;
}

async fn text_of(http: &reqwest::Client, url: String) -> String {
    let response = http.get(&url).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{url}");
    response.text().await.unwrap()
}

async fn pdf_of(http: &reqwest::Client, url: String) -> String {
    let response = http.get(&url).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{url}");
    pdf_text(&response.bytes().await.unwrap())
}

#[tokio::test]
async fn a_publication_on_one_server_is_on_the_other_servers_page_and_pdf_at_once() {
    let app = TestApp::spawn().await;
    let mut people = Vec::new();
    for (email, kind, code, role) in [
        ("dirk@brug.nl", OrgKind::School, "04FZ", Role::Director),
        ("mila@brug.nl", OrgKind::School, "04FZ", Role::MrMember),
        ("bas@bestuur.nl", OrgKind::Board, "41234", Role::BoardMember),
    ] {
        let id = app.user(email, email, &[(kind, code, role)]).await;
        people.push(app.session_for(id).await);
    }
    let people: [Login; 3] = people.try_into().ok().unwrap();
    let other = OtherServer::start(&app.database_url, &[]);

    let first = app.start_profile(&people[0], "04FZ", "04FZ00", "2026-2027").await;
    publish_with_summary(&app, &people, first, "Wij helpen ieder kind met lezen.").await;
    // The second server shows it, and keeps the page and the PDF in memory.
    for _ in 0..2 {
        let page = text_of(&app.http, other.at("/scholen/04FZ00/ouders")).await;
        assert!(page.contains("Wij helpen ieder kind met lezen."), "{page}");
        assert!(pdf_of(&app.http, other.at("/scholen/04FZ00/ouders.pdf")).await.contains("ieder kind met lezen"));
    }

    // Next year's version is published on the first server…
    let next = app.start_profile(&people[0], "04FZ", "04FZ00", "2027-2028").await;
    publish_with_summary(&app, &people, next, "Vanaf dit jaar heeft de school een taalklas.").await;
    // …and the second server answers with it at once, not from its memory.
    let (page, pdf) = tokio::join!(
        text_of(&app.http, other.at("/scholen/04FZ00/ouders")),
        pdf_of(&app.http, other.at("/scholen/04FZ00/ouders.pdf"))
    );
    assert!(page.contains("Vanaf dit jaar heeft de school een taalklas."), "{page}");
    assert!(!page.contains("Wij helpen ieder kind met lezen."), "{page}");
    assert!(pdf.contains("heeft de school een taalklas"), "{pdf}");
    let full = text_of(&app.http, other.at("/scholen/04FZ00")).await;
    assert!(full.contains("2027-2028"), "{full}");

    // The publication queued the pre-rendering of its documents as a job, which a server ran.
    let admin = app.user("beheer@passend.test", "Beheer", &[(OrgKind::Platform, "passend", Role::PlatformAdmin)]).await;
    let admin = app.session_for(admin).await;
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let jobs: Value = app
            .http
            .get(other.at("/api/v1/admin/jobs"))
            .headers(admin.headers())
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let prerenders: Vec<&Value> =
            jobs["jobs"].as_array().unwrap().iter().filter(|j| j["kind"] == "prerender").collect();
        assert_eq!(prerenders.len(), 2, "one per publication: {jobs}");
        if prerenders.iter().all(|j| j["state"] == "done") {
            assert!(prerenders.iter().all(|j| j["attempts"] == 1), "{jobs}");
            break;
        }
        assert!(Instant::now() < deadline, "the pre-render jobs did not run: {jobs}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    other.stop();
    app.stop().await;
}

/// A mail relay for tests: takes every message (slowly, 10 ms each, so that
/// several workers share the work) and keeps its subject.
async fn smtp_sink() -> (u16, Arc<Mutex<Vec<String>>>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let subjects = Arc::new(Mutex::new(Vec::new()));
    let kept = subjects.clone();
    tokio::spawn(async move {
        loop {
            let Ok((socket, _)) = listener.accept().await else { return };
            let kept = kept.clone();
            tokio::spawn(async move {
                let (read, mut write) = socket.into_split();
                let mut lines = AsyncBufReader::new(read).lines();
                write.write_all(b"220 sink ESMTP\r\n").await.unwrap();
                let mut in_data = false;
                let mut subject = String::new();
                while let Ok(Some(line)) = lines.next_line().await {
                    if in_data {
                        if line == "." {
                            in_data = false;
                            tokio::time::sleep(Duration::from_millis(10)).await;
                            kept.lock().unwrap().push(std::mem::take(&mut subject));
                            write.write_all(b"250 OK queued\r\n").await.unwrap();
                        } else if let Some(s) = line.strip_prefix("Subject: ") {
                            subject = s.to_owned();
                        }
                        continue;
                    }
                    let verb = line.split_whitespace().next().unwrap_or("").to_ascii_uppercase();
                    let reply: &[u8] = match verb.as_str() {
                        "EHLO" | "HELO" => b"250 sink\r\n",
                        "DATA" => {
                            in_data = true;
                            b"354 go on\r\n"
                        }
                        "QUIT" => {
                            let _ = write.write_all(b"221 bye\r\n").await;
                            return;
                        }
                        _ => b"250 OK\r\n",
                    };
                    if write.write_all(reply).await.is_err() {
                        return;
                    }
                }
            });
        }
    });
    (port, subjects)
}

#[tokio::test]
async fn two_hundred_reminder_mails_queued_across_two_servers_are_sent_exactly_once() {
    let (port, received) = smtp_sink().await;
    let smtp = format!("smtp://127.0.0.1:{port}");
    let relay = smtp.clone();
    let app = TestApp::spawn_with(move |config| config.smtp_url = Some(relay)).await;
    let other = OtherServer::start(&app.database_url, &[("PASSEND_SMTP_URL", &smtp)]);
    for n in 0..200 {
        let to = format!("ouder{}@brug.nl", n % 20);
        let body = format!("Beste ouder,\n\nDit is herinnering {n} voor het profiel van De Brug.\n");
        app.db.queue_mail(&to, &format!("Herinnering {n:03}"), &body).await.unwrap();
    }
    let deadline = Instant::now() + Duration::from_secs(60);
    while received.lock().unwrap().len() < 200 {
        assert!(Instant::now() < deadline, "only {} of 200 mails arrived", received.lock().unwrap().len());
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // Time for a duplicate to arrive, if one were on its way.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let mut per_subject: HashMap<String, usize> = HashMap::new();
    for subject in received.lock().unwrap().iter() {
        *per_subject.entry(subject.clone()).or_default() += 1;
    }
    assert_eq!(per_subject.len(), 200, "every mail arrived");
    assert!(per_subject.values().all(|n| *n == 1), "a mail was sent twice: {per_subject:?}");

    let admin = app.user("beheer@passend.test", "Beheer", &[(OrgKind::Platform, "passend", Role::PlatformAdmin)]).await;
    let admin = app.session_for(admin).await;
    let jobs: Value =
        app.http.get(app.at("/api/v1/admin/jobs")).headers(admin.headers()).send().await.unwrap().json().await.unwrap();
    assert_eq!(jobs["counts"], json!({ "waiting": 0, "running": 0, "done": 200, "failed": 0 }), "{jobs}");
    let mails = jobs["jobs"].as_array().unwrap();
    assert!(mails.iter().all(|j| j["kind"] == "mail" && j["attempts"] == 1), "{jobs}");
    let servers: std::collections::HashSet<&str> =
        mails.iter().map(|j| j["claimed_by"].as_str().unwrap().rsplit_once('/').unwrap().0).collect();
    assert_eq!(servers.len(), 2, "both servers sent mail: {servers:?}");
    let outbox: Value = app
        .http
        .get(app.at("/api/v1/admin/outbox"))
        .headers(admin.headers())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(outbox.as_array().unwrap().iter().all(|m| m["sent_at"].is_i64()), "every mail is marked sent");
    other.stop();
    app.stop().await;
}
