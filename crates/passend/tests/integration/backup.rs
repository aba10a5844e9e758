//! `passend backup`, `check-backup` and `restore` as an operator runs them:
//! a backup taken while the server writes is sound and restores; one taken
//! at rest restores into a fresh database with every table equal.

use std::path::Path;
use std::process::{Command, Output};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use passend_domain::access::Role;
use passend_domain::organisations::OrgKind;
use passend_storage::Database;
use passend_storage::backup::TableDigest;
use passend_storage::test_support::fresh_database_url;
use serde_json::json;

use crate::support::TestApp;

fn passend(url: &str, args: &[&str], file: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_passend"))
        .args(["--database-url", url])
        .args(args)
        .arg(file)
        .env("PASSEND_LANG", "en")
        .output()
        .unwrap()
}

fn assert_ok(output: &Output, what: &str) -> String {
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(output.status.success(), "{what}: {stdout}\n{}", String::from_utf8_lossy(&output.stderr));
    stdout
}

async fn digests(url: &str) -> Vec<TableDigest> {
    let db = Database::connect(url).await.unwrap();
    let mut out = Vec::new();
    for table in db.table_names().await.unwrap() {
        out.push(db.table_digest(&table).await.unwrap());
    }
    db.close().await;
    out
}

#[tokio::test]
async fn a_backup_during_writes_restores_and_one_at_rest_restores_every_table_equal() {
    let app = TestApp::spawn().await;
    let director = app.user("dirk@brug.nl", "Dirk", &[(OrgKind::School, "04FZ", Role::Director)]).await;
    let director = app.session_for(director).await;
    let id = app.start_profile(&director, "04FZ", "04FZ00", "2026-2027").await;
    let dir = tempfile::tempdir().unwrap();

    // Wishes are written through the server, without pause, while the backup runs.
    let writing = Arc::new(AtomicBool::new(true));
    let written = Arc::new(AtomicUsize::new(0));
    let writer = {
        let (http, url, headers) =
            (app.http.clone(), app.at(&format!("/api/v1/profiles/{id}/wishes")), director.headers());
        let (writing, written) = (writing.clone(), written.clone());
        tokio::spawn(async move {
            while writing.load(Ordering::SeqCst) {
                let n = written.load(Ordering::SeqCst);
                let wish = json!({ "body": format!("Wens {n}: meer tijd voor de leesgroep"), "owner": "Ilse (IB)" });
                let response = http.post(&url).headers(headers.clone()).json(&wish).send().await.unwrap();
                assert_eq!(response.status(), reqwest::StatusCode::CREATED);
                written.fetch_add(1, Ordering::SeqCst);
            }
        })
    };
    while written.load(Ordering::SeqCst) < 20 {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let before = written.load(Ordering::SeqCst);
    let busy = dir.path().join("tijdens-schrijven.backup");
    let database_url = app.database_url.clone();
    let busy_path = busy.clone();
    let output = tokio::task::spawn_blocking(move || passend(&database_url, &["backup"], &busy_path)).await.unwrap();
    let after = written.load(Ordering::SeqCst);
    writing.store(false, Ordering::SeqCst);
    writer.await.unwrap();
    let report = assert_ok(&output, "backup during writes");
    assert!(report.contains("written and checked"), "{report}");
    assert!(after > before, "the server went on writing during the backup ({before} → {after})");
    assert!(busy.exists());
    assert_ok(&passend(&app.database_url, &["check-backup"], &busy), "check-backup");

    // Restored into a fresh database, the busy backup holds a moment between
    // the writes before and after it: every wish written before it started,
    // none half-written.
    let restored = fresh_database_url().await;
    assert_ok(&passend(&restored, &["restore"], &busy), "restore of the busy backup");
    let restored_wishes = digests(&restored).await.into_iter().find(|d| d.table == "wishes").unwrap().rows;
    assert!(
        restored_wishes as usize >= before && restored_wishes as usize <= written.load(Ordering::SeqCst),
        "{before} ≤ {restored_wishes} ≤ {}",
        written.load(Ordering::SeqCst)
    );

    // At rest (the jobs of the last requests done too): the restore equals the source in every table.
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    let calm = dir.path().join("in-rust.backup");
    assert_ok(&passend(&app.database_url, &["backup"], &calm), "backup at rest");
    let copy = fresh_database_url().await;
    let report = assert_ok(&passend(&copy, &["restore"], &calm), "restore");
    assert!(report.contains("Restored and brought up to date"), "{report}");
    let source = digests(&app.database_url).await;
    let restored = digests(&copy).await;
    assert!(source.len() > 20, "every table is compared: {source:?}");
    assert_eq!(restored, source, "every table of the restore equals its source");
    assert!(source.iter().any(|d| d.table == "wishes" && d.rows as usize == written.load(Ordering::SeqCst)));

    // A backup never overwrites, and a damaged file is refused before anything is restored.
    let again = passend(&app.database_url, &["backup"], &calm);
    assert!(!again.status.success(), "a backup overwrote a file");
    let damaged = dir.path().join("kapot.backup");
    let mut bytes = std::fs::read(&calm).unwrap();
    bytes.truncate(bytes.len() / 2);
    std::fs::write(&damaged, bytes).unwrap();
    assert!(!passend(&app.database_url, &["check-backup"], &damaged).status.success(), "a damaged backup passed");
    let untouched = fresh_database_url().await;
    assert!(!passend(&untouched, &["restore"], &damaged).status.success(), "a damaged backup was restored");
    app.stop().await;
}
