use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use reqwest::StatusCode;

use crate::support::TestApp;

#[tokio::test]
async fn health_metrics_and_security_headers() {
    let app = TestApp::spawn_with(|c| c.metrics_token = Some("prometheus".to_owned())).await;
    let health = app.http.get(app.at("/healthz")).send().await.unwrap();
    assert_eq!(health.status(), StatusCode::OK);
    let home = app.http.get(app.at("/")).send().await.unwrap();
    for header in ["content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy"] {
        assert!(home.headers().contains_key(header), "{header}");
    }
    app.http.get(app.at("/scholen/04FZ")).send().await.unwrap();
    let metrics =
        app.http.get(app.at("/metrics")).bearer_auth("prometheus").send().await.unwrap().text().await.unwrap();
    assert!(
        metrics.contains("passend_http_requests_total{method=\"GET\",route=\"/scholen/{brin}\",status=\"200\"} 1"),
        "{metrics}"
    );
    assert!(
        metrics
            .contains("passend_http_request_duration_seconds_bucket{method=\"GET\",route=\"/healthz\",le=\"+Inf\"} 1")
    );
    assert!(metrics.contains("passend_db_pool_connections "));

    app.db.close().await;
    let down = app.http.get(app.at("/healthz")).send().await.unwrap();
    assert_eq!(down.status(), StatusCode::SERVICE_UNAVAILABLE);
}

#[tokio::test]
async fn concurrent_requests_that_write_do_not_fail() {
    let app = TestApp::spawn().await;
    let mut tasks = Vec::new();
    for i in 0..60 {
        let http = app.http.clone();
        let url = app.at("/api/v1/password-reset");
        tasks.push(tokio::spawn(async move {
            let email = format!("persoon{i}@school.nl");
            http.post(url).json(&serde_json::json!({ "email": email })).send().await.unwrap().status()
        }));
    }
    for i in 0..60 {
        let http = app.http.clone();
        let url = app.at("/inloggen");
        tasks.push(tokio::spawn(async move {
            let email = format!("iemand{i}@school.nl");
            http.post(url).form(&[("email", email.as_str()), ("password", "fout")]).send().await.unwrap().status()
        }));
    }
    for task in tasks {
        let status = task.await.unwrap();
        assert!(status.is_success() || status.is_client_error(), "{status}");
    }
    app.stop().await;
}

#[test]
fn the_binary_shuts_down_gracefully_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("p.db").display());
    let log_path = dir.path().join("server.log");
    let log = std::fs::File::create(&log_path).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_passend"))
        .args(["--database-url", &url, "serve", "--bind", "127.0.0.1:0"])
        .env("PASSEND_LANG", "en")
        .stdout(Stdio::piped())
        .stderr(log)
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    assert!(line.starts_with("Passend is running at http://127.0.0.1:"), "{line}");
    let status = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    assert!(status.success());
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "{status}");
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(15), "no shutdown after SIGTERM");
        std::thread::sleep(Duration::from_millis(50));
    }
    // A log that goes to a file is read by people and tools without a terminal: no colour codes.
    let log = std::fs::read_to_string(&log_path).unwrap();
    assert!(log.contains("INFO"), "the server logged nothing: {log}");
    assert!(!log.contains('\u{1b}'), "ANSI escape codes in a log file: {log:?}");
}

#[tokio::test]
async fn malformed_requests_get_the_usual_error_form() {
    let app = TestApp::spawn().await;
    let response = app
        .http
        .post(app.at("/api/v1/session"))
        .header("content-type", "application/json")
        .body("{ niet json")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["error"]["code"], "bad_request");
    let wrong_method = app.http.delete(app.at("/scholen")).send().await.unwrap();
    assert_eq!(wrong_method.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert!(wrong_method.text().await.unwrap().contains("<html lang=\"nl\">"));
    app.stop().await;
}
