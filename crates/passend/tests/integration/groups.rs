//! Closed groups with messages and shared files, and attachments of practice
//! examples: a non-member gets 404 for everything of a group (pages and API,
//! signed in or not); files round-trip through local disk and through an
//! S3-compatible server (`moto`, started by `scripts/test`, its URL in
//! `PASSEND_TEST_S3_URL`); refused files leave nothing in the store or the
//! database. Runs on SQLite and, with TEST_DATABASE_URL, on PostgreSQL.

use std::path::Path;

use passend_domain::access::Role;
use passend_domain::organisations::OrgKind;
use passend_storage::files::{FileStore, FileStoreConfig, S3Config};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::support::{Login, TestApp, mails_to, multipart_form, rfc3339};

/// A small but real PDF (one page, "Verslag ontwikkelgroep").
const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n\
3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>>endobj\n\
4 0 obj<</Length 44>>stream\nBT /F1 12 Tf 72 760 Td (Verslag ontwikkelgroep) Tj ET\nendstream endobj\n\
trailer<</Root 1 0 R>>\n%%EOF\n";

struct Group {
    id: i64,
    moderator: Login,
    member: Login,
    outsider: Login,
}

/// A multipart body with one file field (and the CSRF token for the pages); its content type and bytes.
fn multipart(file_name: &str, bytes: &[u8], csrf: Option<&str>) -> (String, Vec<u8>) {
    let fields: Vec<(&str, &str)> = csrf.map(|c| ("csrf_token", c)).into_iter().collect();
    multipart_form(&fields, file_name, bytes)
}

async fn upload(app: &TestApp, who: Option<&Login>, path: &str, name: &str, bytes: &[u8]) -> (StatusCode, Value) {
    let page = !path.starts_with("/api/");
    let (content_type, body) = multipart(name, bytes, if page { who.map(|w| w.csrf.as_str()) } else { None });
    let mut request = app.http.post(app.at(path)).header("content-type", content_type).body(body);
    if let Some(who) = who {
        request = request.headers(who.headers());
    }
    let response = request.send().await.unwrap();
    let status = response.status();
    let text = response.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::String(text)))
}

async fn send(
    app: &TestApp,
    who: Option<&Login>,
    method: reqwest::Method,
    path: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let mut request = app.http.request(method, app.at(path));
    if let Some(who) = who {
        request = request.headers(who.headers());
    }
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.unwrap();
    let status = response.status();
    let text = response.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::String(text)))
}

async fn get(app: &TestApp, who: Option<&Login>, path: &str) -> (StatusCode, Value) {
    send(app, who, reqwest::Method::GET, path, None).await
}

async fn post(app: &TestApp, who: Option<&Login>, path: &str, body: Value) -> (StatusCode, Value) {
    send(app, who, reqwest::Method::POST, path, Some(body)).await
}

/// An editor makes the group; a teacher is invited; another teacher is not.
async fn set_up(app: &TestApp) -> Group {
    let editor =
        app.user("redactie@passend.test", "Rik Redactie", &[(OrgKind::Platform, "passend", Role::Editor)]).await;
    let member = app.user("ib@04fz.test", "Ilse Begeleider", &[(OrgKind::School, "04FZ", Role::Ib)]).await;
    let outsider = app.user("leraar@32dd.test", "Otto Buiten", &[(OrgKind::School, "32DD", Role::TeamMember)]).await;
    let moderator = app.session_for(editor).await;
    let (status, made) = post(
        app,
        Some(&moderator),
        "/api/v1/groups",
        json!({ "name": "Werkgroep sbo–so", "description": "Wat werkt bij de overstap van sbo naar so." }),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let id = made["id"].as_i64().unwrap();
    let (status, invited) =
        post(app, Some(&moderator), &format!("/api/v1/groups/{id}/members"), json!({ "email": "IB@04fz.test" })).await;
    assert_eq!(status, StatusCode::OK, "{invited}");
    assert_eq!(invited["status"], "added");
    Group { id, moderator, member: app.session_for(member).await, outsider: app.session_for(outsider).await }
}

fn files_in(dir: &Path) -> Vec<String> {
    match std::fs::read_dir(dir) {
        Ok(entries) => entries.map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect(),
        Err(_) => Vec::new(),
    }
}

#[tokio::test]
async fn a_non_member_gets_404_for_a_groups_pages_messages_and_files() {
    let dir = tempfile::tempdir().unwrap();
    let files_dir = dir.path().to_owned();
    let app = TestApp::spawn_with(|c| c.files.dir = Some(files_dir)).await;
    let g = set_up(&app).await;
    let (status, _) = post(
        &app,
        Some(&g.member),
        &format!("/api/v1/groups/{}/messages", g.id),
        json!({ "body": "Welkom allemaal!" }),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, shared) =
        upload(&app, Some(&g.member), &format!("/api/v1/groups/{}/files", g.id), "verslag.pdf", PDF).await;
    assert_eq!(status, StatusCode::CREATED, "{shared}");
    let file = shared["id"].as_i64().unwrap();

    // The member and the moderator see the group.
    for who in [&g.member, &g.moderator] {
        let (status, messages) = get(&app, Some(who), &format!("/api/v1/groups/{}/messages", g.id)).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(messages["messages"][0]["body"], "Welkom allemaal!");
    }
    let (_, mine) = get(&app, Some(&g.member), "/api/v1/groups").await;
    assert_eq!(mine["groups"][0]["name"], "Werkgroep sbo–so");
    assert_eq!(mine["groups"][0]["role"], "member");

    // A signed-in outsider and someone not signed in get 404 everywhere, the
    // same as for a group that does not exist.
    let paths = [
        format!("/groepen/{}", g.id),
        format!("/groepen/{}/bestanden/{file}", g.id),
        format!("/api/v1/groups/{}", g.id),
        format!("/api/v1/groups/{}/messages", g.id),
        format!("/api/v1/groups/{}/files", g.id),
        format!("/api/v1/groups/{}/files/{file}", g.id),
        format!("/api/v1/groups/{}/members", g.id),
        "/groepen/999999".to_owned(),
        "/api/v1/groups/999999/files".to_owned(),
    ];
    for who in [Some(&g.outsider), None] {
        for path in &paths {
            let (status, body) = get(&app, who, path).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
            assert!(!body.to_string().contains("Welkom") && !body.to_string().contains("verslag"), "{path}: {body}");
        }
        let (status, _) =
            post(&app, who, &format!("/api/v1/groups/{}/messages", g.id), json!({ "body": "Mag ik meedoen?" })).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, _) = upload(&app, who, &format!("/api/v1/groups/{}/files", g.id), "nog.pdf", PDF).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, _) = upload(&app, who, &format!("/groepen/{}/bestanden", g.id), "nog.pdf", PDF).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, _) =
            send(&app, who, reqwest::Method::DELETE, &format!("/api/v1/groups/{}/files/{file}", g.id), None).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
    let (_, theirs) = get(&app, Some(&g.outsider), "/api/v1/groups").await;
    assert_eq!(theirs["groups"], json!([]));
    // Nothing the outsiders tried was stored.
    assert_eq!(files_in(dir.path()).len(), 1);
    let (_, messages) = get(&app, Some(&g.member), &format!("/api/v1/groups/{}/messages", g.id)).await;
    assert_eq!(messages["messages"].as_array().unwrap().len(), 1);

    // A member who is taken out is an outsider from then on.
    let (status, _) = send(
        &app,
        Some(&g.moderator),
        reqwest::Method::DELETE,
        &format!("/api/v1/groups/{}/members/ib@04fz.test", g.id),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = get(&app, Some(&g.member), &format!("/api/v1/groups/{}/files", g.id)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // The last moderator stays.
    let (status, body) = send(
        &app,
        Some(&g.moderator),
        reqwest::Method::DELETE,
        &format!("/api/v1/groups/{}/members/redactie@passend.test", g.id),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["error"]["fields"][0]["code"], "groups-last-moderator");
    app.stop().await;
}

/// Upload, list, download (same bytes, `attachment`, safe name), delete: the
/// record and the bytes go; the store holds exactly what the database names.
async fn round_trip(app: &TestApp, g: &Group, keys: &(dyn Fn() -> futures_keys::Keys + Sync)) {
    let (status, shared) =
        upload(app, Some(&g.member), &format!("/api/v1/groups/{}/files", g.id), "../Verslag: juni*.pdf", PDF).await;
    assert_eq!(status, StatusCode::CREATED, "{shared}");
    let file = shared["id"].as_i64().unwrap();
    let (_, list) = get(app, Some(&g.moderator), &format!("/api/v1/groups/{}/files", g.id)).await;
    let info = &list["files"][0];
    assert_eq!(info["name"], "Verslag_ juni_.pdf");
    assert_eq!(info["media_type"], "application/pdf");
    assert_eq!(info["size"], PDF.len());
    assert_eq!(info["uploader_name"], "Ilse Begeleider");
    assert_eq!(info["removable"], true, "the moderator removes any file");
    let stored = keys().await;
    assert_eq!(stored.len(), 1, "{stored:?}");
    assert_eq!(stored, app.db.stored_file_keys().await.unwrap());
    assert!(stored[0].len() == 64 && stored[0].bytes().all(|b| b.is_ascii_hexdigit()), "a random key, not the name");

    for path in [format!("/api/v1/groups/{}/files/{file}", g.id), format!("/groepen/{}/bestanden/{file}", g.id)] {
        let response = app.http.get(app.at(&path)).headers(g.member.headers()).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        let headers = response.headers().clone();
        assert_eq!(headers["content-type"], "application/pdf");
        assert_eq!(
            headers["content-disposition"],
            "attachment; filename=\"Verslag_ juni_.pdf\"; filename*=UTF-8''Verslag_%20juni_.pdf"
        );
        assert_eq!(headers["x-content-type-options"], "nosniff");
        assert_eq!(response.bytes().await.unwrap().as_ref(), PDF);
    }

    // Its uploader removes it.
    let (status, _) =
        send(app, Some(&g.member), reqwest::Method::DELETE, &format!("/api/v1/groups/{}/files/{file}", g.id), None)
            .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert!(keys().await.is_empty(), "the bytes are gone");
    assert!(app.db.stored_file_keys().await.unwrap().is_empty(), "the record is gone");
    let (status, _) = get(app, Some(&g.member), &format!("/api/v1/groups/{}/files/{file}", g.id)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

mod futures_keys {
    pub type Keys = std::pin::Pin<Box<dyn std::future::Future<Output = Vec<String>> + Send>>;
}

#[tokio::test]
async fn a_file_round_trips_through_local_disk() {
    let dir = tempfile::tempdir().unwrap();
    let files_dir = dir.path().join("bestanden");
    let configured = files_dir.clone();
    let app = TestApp::spawn_with(|c| c.files.dir = Some(configured)).await;
    let g = set_up(&app).await;
    let keys = || -> futures_keys::Keys {
        let dir = files_dir.clone();
        Box::pin(async move { files_in(&dir) })
    };
    round_trip(&app, &g, &keys).await;
    app.stop().await;
}

#[tokio::test]
async fn housekeeping_removes_old_bytes_that_no_record_names() {
    let dir = tempfile::tempdir().unwrap();
    let files_dir = dir.path().join("bestanden");
    let configured = files_dir.clone();
    let app = TestApp::spawn_with(|c| c.files.dir = Some(configured)).await;
    let g = set_up(&app).await;
    let (status, shared) =
        upload(&app, Some(&g.member), &format!("/api/v1/groups/{}/files", g.id), "verslag.pdf", PDF).await;
    assert_eq!(status, StatusCode::CREATED, "{shared}");
    // Bytes left behind when removing them failed: no record names them.
    let store = FileStore::new(FileStoreConfig::Local { dir: files_dir.clone() });
    store.put(&"ab".repeat(32), b"achtergebleven".to_vec()).await.unwrap();
    assert_eq!(files_in(&files_dir).len(), 2);

    let config = passend_app::AppConfig {
        public_url: app.url.clone(),
        mail: passend_app::MailConfig { smtp_url: None, from: "Passend <noreply@passend.invalid>".to_owned() },
        oidc: Vec::new(),
    };
    let settings = passend_app::groups::FilesSettings {
        store: FileStoreConfig::Local { dir: files_dir.clone() },
        ..passend_app::groups::FilesSettings::default()
    };
    let core = passend_app::App::new(app.db.clone(), &config).unwrap().with_files(&settings);
    // Within the margin (an upload whose record may still be on its way) nothing goes.
    assert_eq!(core.remove_orphaned_files(passend_storage::now() - 3600).await.unwrap(), 0);
    assert_eq!(core.remove_orphaned_files(passend_storage::now() + 60).await.unwrap(), 1);
    assert_eq!(files_in(&files_dir), app.db.stored_file_keys().await.unwrap(), "only the recorded file is left");
    let file = shared["id"].as_i64().unwrap();
    let response =
        app.http.get(app.at(&format!("/api/v1/groups/{}/files/{file}", g.id))).headers(g.member.headers()).send();
    assert_eq!(response.await.unwrap().bytes().await.unwrap().as_ref(), PDF);
    assert_eq!(core.remove_orphaned_files(passend_storage::now() + 60).await.unwrap(), 0, "twice is no error");
    app.stop().await;
}

#[tokio::test]
async fn a_file_round_trips_through_an_s3_compatible_server() {
    let Ok(endpoint) = std::env::var("PASSEND_TEST_S3_URL") else {
        eprintln!(
            "NOTICE: groups::a_file_round_trips_through_an_s3_compatible_server skipped: PASSEND_TEST_S3_URL is not set \
             (scripts/test starts moto_server and sets it)"
        );
        return;
    };
    // moto takes any keys; one bucket per test run.
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
    let bucket = format!("passend-t-{}-{}", std::process::id(), nanos % 1_000_000_000);
    let created = reqwest::Client::new().put(format!("{endpoint}/{bucket}")).send().await.unwrap();
    assert!(created.status().is_success(), "creating bucket {bucket}: {}", created.status());
    let s3 = S3Config {
        bucket: bucket.clone(),
        endpoint: Some(endpoint.clone()),
        region: "us-east-1".into(),
        access_key_id: Some("passend-test".into()),
        secret_access_key: Some("passend-test-secret".into()),
        allow_http: true,
    };
    let store = FileStore::new(FileStoreConfig::S3(s3));
    let app = TestApp::spawn_with(|c| {
        c.files.store = "s3".into();
        c.files.s3_bucket = Some(bucket.clone());
        c.files.s3_endpoint = Some(endpoint.clone());
        c.files.s3_access_key_id = Some("passend-test".into());
        c.files.s3_secret_access_key = Some("passend-test-secret".into());
        c.files.s3_allow_http = true;
    })
    .await;
    let g = set_up(&app).await;
    let keys = || -> futures_keys::Keys {
        let store = store.clone();
        Box::pin(async move { store.keys().await.unwrap() })
    };
    round_trip(&app, &g, &keys).await;
    // Refused files do not reach the bucket either.
    let (status, _) =
        upload(&app, Some(&g.member), &format!("/api/v1/groups/{}/files", g.id), "programma.exe", b"MZ\x90\0").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(store.keys().await.unwrap().is_empty());
    app.stop().await;
}

#[tokio::test]
async fn refused_files_leave_nothing_in_the_store_or_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let files_dir = dir.path().to_owned();
    let app = TestApp::spawn_with(|c| {
        c.files.dir = Some(files_dir);
        c.files.max_mb = 1;
    })
    .await;
    let g = set_up(&app).await;
    let api = format!("/api/v1/groups/{}/files", g.id);
    let mut big = PDF.to_vec();
    big.resize(1024 * 1024 + 1, b' ');
    for (name, bytes, code, message) in [
        ("groot.pdf", big.as_slice(), "files-too-large", "hoogstens 1 MB"),
        ("programma.exe", b"MZ\x90\0".as_slice(), "files-type-refused", "pdf, docx"),
        ("nep.pdf", b"Dit is tekst, geen pdf.".as_slice(), "files-content-mismatch", "geen echt .pdf-bestand"),
        ("leeg.pdf", b"".as_slice(), "files-empty", "leeg"),
    ] {
        let (status, body) = upload(&app, Some(&g.member), &api, name, bytes).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{name}: {body}");
        assert_eq!(body["error"]["fields"][0]["field"], "file", "{name}");
        assert_eq!(body["error"]["fields"][0]["code"], code, "{name}");
        let text = body["error"]["fields"][0]["message"].as_str().unwrap();
        assert!(text.contains(message), "{name}: {text}");
        assert!(files_in(dir.path()).is_empty(), "{name} left bytes behind");
        assert!(app.db.stored_file_keys().await.unwrap().is_empty(), "{name} left a record");
    }

    // The page's form: the message next to the file field, in Dutch, status 422.
    let (status, page) =
        upload(&app, Some(&g.member), &format!("/groepen/{}/bestanden", g.id), "programma.exe", b"MZ\x90\0").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let page = page.as_str().unwrap();
    assert!(page.contains(r#"id="group-file-error""#) && page.contains("Dit soort bestand kan niet"), "{page}");
    assert!(page.contains(r#"aria-describedby="group-file-hint group-file-error""#));
    // Without the session's token the page refuses the upload.
    let (content_type, body) = multipart("verslag.pdf", PDF, Some("verkeerd"));
    let response = app
        .http
        .post(app.at(&format!("/groepen/{}/bestanden", g.id)))
        .headers(g.member.headers())
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    // A non-member's upload: 404 and nothing stored.
    let (status, _) = upload(&app, Some(&g.outsider), &api, "verslag.pdf", PDF).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(files_in(dir.path()).is_empty());
    assert!(app.db.stored_file_keys().await.unwrap().is_empty());

    // A good file through the page's form works (Post/Redirect/Get).
    let (status, _) = upload(&app, Some(&g.member), &format!("/groepen/{}/bestanden", g.id), "verslag.pdf", PDF).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(files_in(dir.path()).len(), 1);
    app.stop().await;
}

#[tokio::test]
async fn a_refused_scan_or_a_failed_record_stores_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let files_dir = dir.path().join("store");
    let configured = files_dir.clone();
    // `false` refuses every file, as a scanner that found something would.
    let app = TestApp::spawn_with(|c| {
        c.files.dir = Some(configured);
        c.files.scan_command = Some("false".into());
    })
    .await;
    let g = set_up(&app).await;
    let (status, body) =
        upload(&app, Some(&g.member), &format!("/api/v1/groups/{}/files", g.id), "verslag.pdf", PDF).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(body["error"]["fields"][0]["code"], "files-virus-found");
    assert!(files_in(&files_dir).is_empty());
    assert!(app.db.stored_file_keys().await.unwrap().is_empty());
    app.stop().await;
}

#[tokio::test]
async fn members_post_messages_and_moderators_invite_through_the_pages() {
    let dir = tempfile::tempdir().unwrap();
    let files_dir = dir.path().to_owned();
    let app = TestApp::spawn_with(|c| c.files.dir = Some(files_dir)).await;
    let g = set_up(&app).await;
    let page = format!("/groepen/{}", g.id);
    let form = |csrf: &str, pairs: &[(&str, &str)]| {
        let mut all = vec![("csrf_token".to_owned(), csrf.to_owned())];
        all.extend(pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())));
        all
    };
    let post_form = |who: &Login, path: String, pairs: Vec<(String, String)>| {
        app.http.post(app.at(&path)).headers(who.headers()).form(&pairs).send()
    };

    let response =
        post_form(&g.member, format!("{page}/berichten"), form(&g.member.csrf, &[("body", "**Agenda** voor dinsdag")]))
            .await
            .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    for (text, expected) in [
        ("<script>alert(1)</script>", "Gebruik geen HTML"),
        ("Leerling met BSN 111222333", "burgerservicenummer"),
        ("", "Vul dit veld in"),
    ] {
        let response =
            post_form(&g.member, format!("{page}/berichten"), form(&g.member.csrf, &[("body", text)])).await.unwrap();
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{text}");
        let html = response.text().await.unwrap();
        assert!(html.contains(r#"id="message-body-error""#) && html.contains(expected), "{text}: {html}");
    }
    let html = app.http.get(app.at(&page)).headers(g.member.headers()).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("<strong>Agenda</strong> voor dinsdag"), "{html}");
    assert!(!html.contains("<script>alert"), "refused text is not kept");
    assert!(html.contains(r#"for="group-file""#) && html.contains(r#"enctype="multipart/form-data""#));
    assert!(!html.contains(r#"id="invite-email""#), "a member does not invite");

    // The moderator invites by address: a field error for a bad one, a mail for a good one.
    let response =
        post_form(&g.moderator, format!("{page}/leden"), form(&g.moderator.csrf, &[("email", "geen adres")]))
            .await
            .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.text().await.unwrap().contains(r#"id="invite-email-error""#));
    let response =
        post_form(&g.moderator, format!("{page}/leden"), form(&g.moderator.csrf, &[("email", "nieuw@so.test")]))
            .await
            .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let mails = mails_to(&app.db, "nieuw@so.test").await;
    assert_eq!(mails.len(), 1);
    assert!(mails[0].subject.contains("Werkgroep sbo–so"), "{}", mails[0].subject);
    assert!(mails[0].body.contains(&format!("/groepen/{}", g.id)), "{}", mails[0].body);
    // Invited before having an account: the group is there once the account is.
    let late = app.user("nieuw@so.test", "Nina Nieuw", &[(OrgKind::School, "13EU", Role::Ib)]).await;
    let late = app.session_for(late).await;
    let response = app.http.get(app.at(&page)).headers(late.headers()).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let (_, members) = get(&app, Some(&late), &format!("/api/v1/groups/{}/members", g.id)).await;
    let emails: Vec<&str> =
        members["members"].as_array().unwrap().iter().map(|m| m["email"].as_str().unwrap()).collect();
    assert_eq!(emails[0], "redactie@passend.test", "the moderator first");
    assert!(emails.contains(&"ib@04fz.test") && emails.contains(&"nieuw@so.test"));

    // The English page speaks English.
    let english = app
        .http
        .get(app.at(&page))
        .headers(late.headers())
        .header("accept-language", "en")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(english.contains("Share file") && english.contains("Members"), "{english}");
    app.stop().await;
}

/// A member's new part by the API; the answer's status.
async fn put_role(app: &TestApp, who: &Login, group: i64, email: &str, role: &str) -> StatusCode {
    let path = format!("/api/v1/groups/{group}/members/{email}");
    send(app, Some(who), reqwest::Method::PUT, &path, Some(json!({ "role": role }))).await.0
}

#[tokio::test]
async fn moderation_is_handed_on_and_the_last_moderator_stays_one() {
    let app = TestApp::spawn().await;
    let owner = app.user("swv@po2707.test", "Sara Verband", &[(OrgKind::Swv, "PO2707", Role::Editor)]).await;
    let owner = app.session_for(owner).await;
    let member = app.user("ib@04fz.test", "Ilse Begeleider", &[(OrgKind::School, "04FZ", Role::Ib)]).await;
    let member = app.session_for(member).await;
    let outsider = app.user("leraar@32dd.test", "Otto Buiten", &[(OrgKind::School, "32DD", Role::TeamMember)]).await;
    let outsider = app.session_for(outsider).await;
    let (status, made) = post(&app, Some(&owner), "/api/v1/groups", json!({ "name": "Werkgroep thuiszitters" })).await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let id = made["id"].as_i64().unwrap();
    let (status, _) =
        post(&app, Some(&owner), &format!("/api/v1/groups/{id}/members"), json!({ "email": "ib@04fz.test" })).await;
    assert_eq!(status, StatusCode::OK);
    let page = format!("/groepen/{id}");
    let change = |who: &Login, email: &str, role: &str| {
        let form = [("csrf_token", who.csrf.as_str()), ("email", email), ("role", role)];
        app.http.post(app.at(&format!("{page}/leden/rol"))).headers(who.headers()).form(&form).send()
    };
    let html = |who: &Login| {
        let request = app.http.get(app.at(&page)).headers(who.headers());
        async move { request.send().await.unwrap().text().await.unwrap() }
    };

    // The only moderator cannot step down, on the page (the reason by the list) or by the API.
    let response = change(&owner, "swv@po2707.test", "member").await.unwrap();
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let text = response.text().await.unwrap();
    assert!(text.contains(r#"id="member-error""#) && text.contains("geen moderator meer"), "{text}");
    let (status, _) = send(
        &app,
        Some(&owner),
        reqwest::Method::PUT,
        &format!("/api/v1/groups/{id}/members/swv@po2707.test"),
        Some(json!({ "role": "member" })),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    let form = [("csrf_token", owner.csrf.as_str()), ("email", "swv@po2707.test")];
    let response =
        app.http.post(app.at(&format!("{page}/leden/verwijderen"))).headers(owner.headers()).form(&form).send().await;
    assert_eq!(response.unwrap().status(), StatusCode::CONFLICT);

    // A member keeps nothing until moderation is handed on; then she invites, and the first steps down.
    assert!(!html(&member).await.contains(r#"id="invite-email""#));
    let response = change(&owner, "ib@04fz.test", "moderator").await.unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let text = html(&member).await;
    assert!(text.contains(r#"id="invite-email""#) && text.contains("Maak gewoon lid: swv@po2707.test"), "{text}");
    let (status, changed) = send(
        &app,
        Some(&member),
        reqwest::Method::PUT,
        &format!("/api/v1/groups/{id}/members/SWV@po2707.test"),
        Some(json!({ "role": "member" })),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{changed}");
    assert_eq!((changed["email"].as_str(), changed["role"].as_str()), (Some("swv@po2707.test"), Some("member")));
    assert!(!html(&owner).await.contains(r#"id="invite-email""#), "a plain member again");
    let (_, members) = get(&app, Some(&owner), &format!("/api/v1/groups/{id}/members")).await;
    let roles: Vec<(&str, &str)> = members["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["email"].as_str().unwrap(), m["role"].as_str().unwrap()))
        .collect();
    assert_eq!(roles, vec![("ib@04fz.test", "moderator"), ("swv@po2707.test", "member")]);

    // Not a part a member can have; someone who is not in the group; a stranger to the group.
    assert_eq!(put_role(&app, &member, id, "swv@po2707.test", "baas").await, StatusCode::BAD_REQUEST);
    assert_eq!(put_role(&app, &member, id, "niemand@school.test", "moderator").await, StatusCode::NOT_FOUND);
    assert_eq!(put_role(&app, &outsider, id, "ib@04fz.test", "member").await, StatusCode::NOT_FOUND);
    assert_eq!(
        put_role(&app, &owner, id, "ib@04fz.test", "member").await,
        StatusCode::FORBIDDEN,
        "a member does not keep"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_group_is_tied_only_to_an_activity_its_maker_organises() {
    let app = TestApp::spawn().await;
    let admin = app.user("beheer@passend.test", "Beheer", &[(OrgKind::Platform, "passend", Role::PlatformAdmin)]).await;
    let admin = app.session_for(admin).await;
    let editor = app.user("redactie@po2707.test", "Sara Verband", &[(OrgKind::Swv, "PO2707", Role::Editor)]).await;
    let editor = app.session_for(editor).await;
    let now = passend_storage::now();
    let activity = |who: Login, title: &'static str, owner: Option<&'static str>| {
        let app = &app;
        async move {
            let mut body = json!({
                "kind": "exchange_day", "title": title, "description": "", "audience": "", "criteria": "",
                "capacity": 20, "sign_up_opens_at": rfc3339(now - 3600), "sign_up_closes_at": rfc3339(now + 86_400),
                "sessions": [{ "starts_at": rfc3339(now + 5 * 86_400), "ends_at": rfc3339(now + 5 * 86_400 + 7200), "place": "Utrecht" }],
            });
            if let Some(owner) = owner {
                body["swv"] = json!(owner);
            }
            let (status, made) = post(app, Some(&who), "/api/v1/activities", body).await;
            assert_eq!(status, StatusCode::CREATED, "{made}");
            made["id"].as_i64().unwrap()
        }
    };
    let national = activity(admin.clone(), "Landelijke uitwisselingsdag", None).await;
    let regional = activity(editor.clone(), "Regionale uitwisselingsdag", Some("PO2707")).await;

    // The SWV's editor sees only the SWV's own activity to tie a group to, and cannot take the national one.
    let html = app.http.get(app.at("/groepen")).headers(editor.headers()).send().await.unwrap().text().await.unwrap();
    assert!(html.contains(r#"id="group-activity""#) && html.contains("Regionale uitwisselingsdag"), "{html}");
    assert!(!html.contains("Landelijke uitwisselingsdag"), "{html}");
    let national_text = national.to_string();
    let form = [
        ("csrf_token", editor.csrf.as_str()),
        ("name", "Deelnemers uitwisselingsdag"),
        ("description", ""),
        ("activity", national_text.as_str()),
    ];
    let response = app.http.post(app.at("/groepen")).headers(editor.headers()).form(&form).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let text = response.text().await.unwrap();
    assert!(text.contains(r#"id="group-activity-error""#) && text.contains("zelf organiseert"), "{text}");
    assert!(text.contains(r#"value="Deelnemers uitwisselingsdag""#), "what was typed is kept");
    let (status, _) =
        post(&app, Some(&editor), "/api/v1/groups", json!({ "name": "X", "activity_id": national })).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (_, groups) = get(&app, Some(&editor), "/api/v1/groups").await;
    assert_eq!(groups["groups"].as_array().map(Vec::len), Some(0), "nothing half-made: {groups}");

    let regional_text = regional.to_string();
    let form = [
        ("csrf_token", editor.csrf.as_str()),
        ("name", "Deelnemers regionale dag"),
        ("description", ""),
        ("activity", regional_text.as_str()),
    ];
    let response = app.http.post(app.at("/groepen")).headers(editor.headers()).form(&form).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, groups) = get(&app, Some(&editor), "/api/v1/groups").await;
    let group = groups["groups"][0]["id"].as_i64().unwrap();
    let (_, detail) = get(&app, Some(&editor), &format!("/api/v1/groups/{group}")).await;
    assert_eq!(detail["activity_id"].as_i64(), Some(regional), "{detail}");
    app.stop().await;
}

#[tokio::test]
async fn who_signs_up_for_the_groups_activity_is_a_member() {
    let app = TestApp::spawn().await;
    let admin = app.user("beheer@passend.test", "Beheer", &[(OrgKind::Platform, "passend", Role::PlatformAdmin)]).await;
    let admin = app.session_for(admin).await;
    let now = passend_storage::now();
    let (status, made) = post(
        &app,
        Some(&admin),
        "/api/v1/activities",
        json!({
            "kind": "development_group", "title": "Ontwikkelgroep schoolondersteuningsprofiel", "description": "",
            "audience": "", "criteria": "", "capacity": 1,
            "sign_up_opens_at": rfc3339(now - 3600), "sign_up_closes_at": rfc3339(now + 86_400),
            "sessions": [{ "starts_at": rfc3339(now + 5 * 86_400), "ends_at": rfc3339(now + 5 * 86_400 + 7200), "place": "Utrecht" }],
        }),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let activity = made["id"].as_i64().unwrap();
    let (status, group) = post(
        &app,
        Some(&admin),
        "/api/v1/groups",
        json!({ "name": "Ontwikkelgroep schoolondersteuningsprofiel", "activity_id": activity }),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{group}");
    let group = group["id"].as_i64().unwrap();
    let (status, _) = post(&app, Some(&admin), "/api/v1/groups", json!({ "name": "X", "activity_id": 999_999 })).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    for (name, email) in [("Sanne", "sanne@swv.test"), ("Wim", "wim@swv.test")] {
        let (status, _) = post(
            &app,
            None,
            &format!("/api/v1/activities/{activity}/registrations"),
            json!({ "name": name, "email": email }),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED);
    }
    let sanne = app.user("sanne@swv.test", "Sanne", &[(OrgKind::Swv, "PO2707", Role::SwvStaff)]).await;
    let wim = app.user("wim@swv.test", "Wim", &[(OrgKind::Swv, "PO2707", Role::SwvStaff)]).await;
    let (sanne, wim) = (app.session_for(sanne).await, app.session_for(wim).await);
    // Sanne has the place, Wim is on the wait list: only Sanne is a member.
    let (status, _) = get(&app, Some(&sanne), &format!("/api/v1/groups/{group}/messages")).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = get(&app, Some(&wim), &format!("/api/v1/groups/{group}/messages")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, members) = get(&app, Some(&admin), &format!("/api/v1/groups/{group}/members")).await;
    let sources: Vec<(&str, &str)> = members["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["email"].as_str().unwrap(), m["source"].as_str().unwrap()))
        .collect();
    assert_eq!(sources, vec![("beheer@passend.test", "invited"), ("sanne@swv.test", "activity")]);
    // Taken out, Sanne stays out although her sign-up stands.
    let (status, _) = send(
        &app,
        Some(&admin),
        reqwest::Method::DELETE,
        &format!("/api/v1/groups/{group}/members/sanne@swv.test"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = get(&app, Some(&sanne), &format!("/api/v1/groups/{group}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    app.stop().await;
}

#[tokio::test]
async fn attachments_of_published_examples_are_for_everyone_and_of_drafts_for_their_keepers() {
    let dir = tempfile::tempdir().unwrap();
    let files_dir = dir.path().to_owned();
    let app = TestApp::spawn_with(|c| c.files.dir = Some(files_dir)).await;
    let editor =
        app.user("redactie@passend.test", "Rik Redactie", &[(OrgKind::Platform, "passend", Role::Editor)]).await;
    let editor = app.session_for(editor).await;
    let teacher = app.user("leraar@04fz.test", "Lotte", &[(OrgKind::School, "04FZ", Role::TeamMember)]).await;
    let teacher = app.session_for(teacher).await;
    let example = |publish: bool| {
        json!({
            "title": "Overstap sbo naar so", "summary": "Hoe twee scholen de overstap samen voorbereiden.",
            "body": "Een **warme** overdracht.", "sector": "so", "tags": ["overstap"],
            "source_name": "SBO De Brug", "contact": "", "publish": publish
        })
    };
    let (_, published) = post(&app, Some(&editor), "/api/v1/knowledge/examples", example(true)).await;
    let published = published["id"].as_i64().unwrap();
    let (_, draft) = post(&app, Some(&editor), "/api/v1/knowledge/examples", example(false)).await;
    let draft = draft["id"].as_i64().unwrap();

    for id in [published, draft] {
        let (status, body) =
            upload(&app, Some(&editor), &format!("/api/v1/knowledge/examples/{id}/attachments"), "draaiboek.pdf", PDF)
                .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
    let (status, _) =
        upload(&app, Some(&teacher), &format!("/api/v1/knowledge/examples/{published}/attachments"), "x.pdf", PDF)
            .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "a reader does not attach");

    // Published: anyone lists and downloads, on the page too.
    let (status, list) = get(&app, None, &format!("/api/v1/knowledge/examples/{published}/attachments")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list["may_attach"], false);
    let file = list["files"][0]["id"].as_i64().unwrap();
    let response = app.http.get(app.at(&format!("/kennisbank/{published}/bijlagen/{file}"))).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers()["content-disposition"].to_str().unwrap().starts_with("attachment;"));
    assert_eq!(response.bytes().await.unwrap().as_ref(), PDF);
    let html = app.http.get(app.at(&format!("/kennisbank/{published}"))).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("draaiboek.pdf") && !html.contains(r#"id="kb-attach-file""#));
    let html = app
        .http
        .get(app.at(&format!("/kennisbank/{published}")))
        .headers(editor.headers())
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains(r#"id="kb-attach-file""#), "the editor gets the form");

    // A draft's attachments: 404 for readers, there for its editor.
    let (_, list) = get(&app, Some(&editor), &format!("/api/v1/knowledge/examples/{draft}/attachments")).await;
    let draft_file = list["files"][0]["id"].as_i64().unwrap();
    for who in [None, Some(&teacher)] {
        let (status, _) = get(&app, who, &format!("/api/v1/knowledge/examples/{draft}/attachments")).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, _) = get(&app, who, &format!("/api/v1/knowledge/examples/{draft}/attachments/{draft_file}")).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, _) = get(&app, who, &format!("/kennisbank/{draft}/bijlagen/{draft_file}")).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
    // The page's form with a refused file: the reason next to the field, by its id.
    let (status, _) =
        upload(&app, Some(&editor), &format!("/kennisbank/{published}/bijlagen"), "programma.exe", b"MZ\x90\0").await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let html = app
        .http
        .get(app.at(&format!("/kennisbank/{published}?bijlage-fout=files-type-refused")))
        .headers(editor.headers())
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains(r#"id="kb-attach-error""#) && html.contains("Dit soort bestand kan niet"), "{html}");
    // Removing one removes its bytes.
    assert_eq!(files_in(dir.path()).len(), 2);
    let (status, _) = send(
        &app,
        Some(&editor),
        reqwest::Method::DELETE,
        &format!("/api/v1/knowledge/examples/{draft}/attachments/{draft_file}"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(files_in(dir.path()).len(), 1);
    app.stop().await;
}

#[tokio::test]
async fn the_demo_has_a_closed_group_with_a_shared_file() {
    let dir = tempfile::tempdir().unwrap();
    let files_dir = dir.path().to_owned();
    let mut settings = None;
    let app = TestApp::spawn_with(|c| {
        c.files.dir = Some(files_dir);
        settings = Some(c.files.settings(&c.database_url));
    })
    .await;
    let settings = settings.unwrap();
    passend::demo::seed(&app.db, None).await.unwrap();
    passend::demo_groups::seed(&app.db, &settings).await.unwrap();
    passend::demo_groups::seed(&app.db, &settings).await.unwrap();
    let ib = app
        .db
        .user_by_email(&passend_domain::accounts::Email::parse("ib@passend.demo").unwrap())
        .await
        .unwrap()
        .unwrap();
    let ib = app.session_for(ib.id).await;
    let (_, mine) = get(&app, Some(&ib), "/api/v1/groups").await;
    assert_eq!(mine["groups"].as_array().unwrap().len(), 1, "made once: {mine}");
    assert_eq!(mine["groups"][0]["name"], passend::demo_groups::GROUP_NAME);
    let id = mine["groups"][0]["id"].as_i64().unwrap();
    let (_, messages) = get(&app, Some(&ib), &format!("/api/v1/groups/{id}/messages")).await;
    assert_eq!(messages["messages"].as_array().unwrap().len(), 3);
    let (_, files) = get(&app, Some(&ib), &format!("/api/v1/groups/{id}/files")).await;
    assert_eq!(files["files"][0]["name"], "Verslag eerste bijeenkomst.pdf");
    let url = files["files"][0]["download_url"].as_str().unwrap();
    let response = app.http.get(app.at(url)).headers(ib.headers()).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.bytes().await.unwrap().starts_with(b"%PDF-1.4"));
    app.stop().await;
}
