//! The knowledge platform: practice examples with Dutch search (stemming,
//! tags, sectors, ranking), drafts and publication, and the question desk
//! (ticket → answer by mail → link → FAQ; details deleted after a year).
//! Runs on SQLite and, with TEST_DATABASE_URL, on PostgreSQL.

use passend_domain::access::Role;
use passend_domain::organisations::OrgKind;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::support::{Login, TestApp, link_in, mails_to};

async fn editor(app: &TestApp) -> Login {
    let id = app.user("redactie@passend.test", "Rik Redactie", &[(OrgKind::Platform, "passend", Role::Editor)]).await;
    app.session_for(id).await
}

async fn post(app: &TestApp, who: Option<&Login>, path: &str, body: Value) -> (StatusCode, Value) {
    let mut request = app.http.post(app.at(path)).json(&body);
    if let Some(who) = who {
        request = request.headers(who.headers());
    }
    let response = request.send().await.unwrap();
    let status = response.status();
    let text = response.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::String(text)))
}

async fn get(app: &TestApp, path: &str) -> (StatusCode, Value) {
    let response = app.http.get(app.at(path)).send().await.unwrap();
    let status = response.status();
    let text = response.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::String(text)))
}

fn example(title: &str, summary: &str, body: &str, sector: &str, tags: &[&str]) -> Value {
    json!({
        "title": title, "summary": summary, "body": body, "sector": sector, "tags": tags,
        "source_name": "Basisschool De Proef", "contact": "ib@proef.example", "publish": true
    })
}

async fn write(app: &TestApp, who: &Login, body: Value) -> i64 {
    let (status, created) = post(app, Some(who), "/api/v1/knowledge/examples", body).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    created["id"].as_i64().unwrap()
}

fn titles(results: &Value) -> Vec<String> {
    results["results"].as_array().unwrap().iter().map(|r| r["title"].as_str().unwrap().to_owned()).collect()
}

#[tokio::test]
async fn search_finds_dutch_words_by_their_stem_and_filters_by_tag_and_sector() {
    let app = TestApp::spawn().await;
    let editor = editor(&app).await;
    let reading = write(
        &app,
        &editor,
        example(
            "Voorlezen in de klas",
            "Elke leerling met dyslexie leest mee met voorleessoftware.",
            "De school zet **software** in.",
            "po",
            &["dyslexie"],
        ),
    )
    .await;
    write(
        &app,
        &editor,
        example(
            "Time-in bij gedrag",
            "Leerlingen komen tot rust bij een begeleider.",
            "Een rustige plek op elke verdieping.",
            "vo",
            &["gedrag"],
        ),
    )
    .await;
    write(
        &app,
        &editor,
        example(
            "Rekenen met materiaal",
            "Kleine groepjes werken met concreet materiaal.",
            "Een leerling die vastloopt krijgt hulp.",
            "po",
            &["dyscalculie"],
        ),
    )
    .await;

    // `leerlingen` finds `leerling` (and the other way round): stemming on both backends.
    let (status, found) = get(&app, "/api/v1/knowledge/examples?q=leerlingen").await;
    assert_eq!(status, StatusCode::OK, "{found}");
    let mut all = titles(&found);
    all.sort();
    assert_eq!(all, vec!["Rekenen met materiaal", "Time-in bij gedrag", "Voorlezen in de klas"]);
    let (_, found) = get(&app, "/api/v1/knowledge/examples?q=leerling").await;
    assert_eq!(found["count"], 3);

    // Ranked: a word in the title weighs more than the same word in the body.
    let (_, found) = get(&app, "/api/v1/knowledge/examples?q=materiaal").await;
    assert_eq!(titles(&found), vec!["Rekenen met materiaal"]);
    let (_, found) = get(&app, "/api/v1/knowledge/examples?q=voorlezen").await;
    assert_eq!(titles(&found)[0], "Voorlezen in de klas");
    assert!(found["results"][0]["rank"].as_f64().unwrap() > 0.0);

    // Tag and sector filters, alone and with words.
    let (_, found) = get(&app, "/api/v1/knowledge/examples?q=leerlingen&tag=gedrag").await;
    assert_eq!(titles(&found), vec!["Time-in bij gedrag"]);
    let (_, found) = get(&app, "/api/v1/knowledge/examples?sector=po").await;
    assert_eq!(found["count"], 2);
    let (_, found) = get(&app, "/api/v1/knowledge/examples?q=leerling&sector=po&tag=dyslexie").await;
    assert_eq!(titles(&found), vec!["Voorlezen in de klas"]);
    assert_eq!(found["results"][0]["tags"], json!(["dyslexie"]));

    // Query syntax cannot break out: quotes and operators are words or nothing.
    let (status, found) = get(&app, "/api/v1/knowledge/examples?q=%22leerling%22%20OR%20*").await;
    assert_eq!(status, StatusCode::OK, "{found}");

    // A bad sector or tag is a field error in Dutch.
    let (status, body) = get(&app, "/api/v1/knowledge/examples?sector=hbo").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"]["fields"][0]["field"], "sector");
    assert_eq!(body["error"]["fields"][0]["code"], "kb-sector-invalid");

    // The example itself: sanitised HTML and related items by shared tags.
    let (status, one) = get(&app, &format!("/api/v1/knowledge/examples/{reading}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(one["body_html"], "<p>De school zet <strong>software</strong> in.</p>\n");
    app.stop().await;
}

/// Another server on the same database: its own search index, brought up to
/// date by the change counter before each search.
fn another_server(app: &TestApp) -> passend_app::App {
    let config = passend_app::AppConfig {
        public_url: app.url.clone(),
        mail: passend_app::MailConfig { smtp_url: None, from: "Passend <noreply@passend.invalid>".to_owned() },
        oidc: Vec::new(),
    };
    passend_app::App::new(app.db.clone(), &config).unwrap()
}

async fn found_on(server: &passend_app::App, q: &str) -> Vec<String> {
    let search = passend_app::knowledge::ExampleSearch { q, tags: &[], sector: "", limit: None };
    server.search_examples(&search).await.unwrap().unwrap().into_iter().map(|hit| hit.title).collect()
}

#[tokio::test]
async fn another_servers_search_sees_what_one_server_writes_publishes_and_changes() {
    let app = TestApp::spawn().await;
    let editor = editor(&app).await;
    let other = another_server(&app);
    assert!(found_on(&other, "overstap").await.is_empty());

    let id = write(
        &app,
        &editor,
        example("De overstap naar het vo", "Warme overdracht in gesprekken.", "Met ouders.", "po", &["ouders"]),
    )
    .await;
    assert_eq!(found_on(&other, "overstap").await, vec!["De overstap naar het vo"]);

    // Changed: found by its new words only.
    let mut changed = example("Een plusklas", "Verrijking voor wie meer aankan.", "Twee middagen.", "po", &["ouders"]);
    changed.as_object_mut().unwrap().remove("publish");
    let response = app
        .http
        .put(app.at(&format!("/api/v1/knowledge/examples/{id}")))
        .headers(editor.headers())
        .json(&changed)
        .send()
        .await
        .unwrap();
    assert!(response.status().is_success(), "{}", response.text().await.unwrap());
    assert!(found_on(&other, "overstap").await.is_empty());
    assert_eq!(found_on(&other, "plusklas").await, vec!["Een plusklas"]);

    // A draft is not found until it is published.
    let mut draft = example("Rust in de klas", "Een time-inplek.", "Vaste afspraken.", "vo", &["gedrag"]);
    draft["publish"] = json!(false);
    let draft = write(&app, &editor, draft).await;
    assert!(found_on(&other, "time-inplek").await.is_empty());
    let (status, _) =
        post(&app, Some(&editor), &format!("/api/v1/knowledge/examples/{draft}/publish"), json!({})).await;
    assert!(status.is_success(), "{status}");
    assert_eq!(found_on(&other, "time-inplek").await, vec!["Rust in de klas"]);
    // The server that wrote it finds the same.
    let (_, here) = get(&app, "/api/v1/knowledge/examples?q=time-inplek").await;
    assert_eq!(titles(&here), vec!["Rust in de klas"]);
    app.stop().await;
}

#[tokio::test]
async fn drafts_stay_hidden_until_an_editor_publishes_them_and_html_is_refused() {
    let app = TestApp::spawn().await;
    let editor = editor(&app).await;
    let director_id = app.user("directeur@proef.test", "Dirk", &[(OrgKind::School, "04FZ", Role::Director)]).await;
    let director = app.session_for(director_id).await;
    let mut draft =
        example("Leesmaatjes", "Oudere leerlingen lezen met jongere.", "Elke dinsdag.", "po", &["dyslexie"]);
    draft["school"] = json!("04FZ");
    let id = write(&app, &director, draft).await;
    let (_, found) = get(&app, "/api/v1/knowledge/examples?q=leesmaatjes").await;
    assert_eq!(found["count"], 0, "a draft is not found");
    assert_eq!(get(&app, &format!("/api/v1/knowledge/examples/{id}")).await.0, StatusCode::NOT_FOUND);

    // Someone without a role may not publish; the editor may.
    let (status, _) = post(&app, Some(&director), &format!("/api/v1/knowledge/examples/{id}/publish"), json!({})).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = post(&app, Some(&editor), &format!("/api/v1/knowledge/examples/{id}/publish"), json!({})).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (_, found) = get(&app, "/api/v1/knowledge/examples?q=leesmaatjes").await;
    assert_eq!(found["count"], 1);

    // HTML or script in Markdown, an over-long title: refused per field, nothing stored.
    let bad = example(&"x".repeat(161), "Kort.", "Hallo <script>alert(1)</script>", "po", &[]);
    let (status, body) = post(&app, Some(&editor), "/api/v1/knowledge/examples", bad).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let fields: Vec<&str> =
        body["error"]["fields"].as_array().unwrap().iter().map(|f| f["field"].as_str().unwrap()).collect();
    assert_eq!(fields, vec!["title", "body"]);
    assert!(body["error"]["fields"][1]["message"].as_str().unwrap().contains("Gebruik geen HTML"));
    let (_, found) = get(&app, "/api/v1/knowledge/examples").await;
    assert_eq!(found["count"], 1, "nothing half-stored");
    app.stop().await;
}

#[tokio::test]
async fn a_question_is_answered_by_mail_read_by_link_and_published_as_faq() {
    let app = TestApp::spawn().await;
    let expert_id =
        app.user("expert@passend.test", "Eva Expert", &[(OrgKind::Platform, "passend", Role::Expert)]).await;
    let expert = app.session_for(expert_id).await;
    let editor = editor(&app).await;
    let question = json!({
        "name": "Anne de Vries", "phone": "030 123 45 67", "email": "anne@school.example",
        "organisation": "SWV Voorbeeld", "description": "Hoe combineren jullie sbo en so in één gebouw?"
    });
    // Bad input first: a clear Dutch message per field, nothing stored.
    let (status, body) =
        post(&app, None, "/api/v1/questions", json!({"name": "", "phone": "x", "email": "nee", "description": ""}))
            .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"]["fields"].as_array().unwrap().len(), 4);
    let (status, asked) = post(&app, None, "/api/v1/questions", question).await;
    assert_eq!(status, StatusCode::CREATED, "{asked}");
    let ticket = asked["id"].as_i64().unwrap();

    // The asker gets a link; the expert a notice.
    let mails = mails_to(&app.db, "anne@school.example").await;
    assert_eq!(mails.len(), 1);
    let link = link_in(&mails[0].body, "/vraag/antwoord/");
    assert!(link.ends_with(asked["token"].as_str().unwrap()));
    assert_eq!(mails_to(&app.db, "expert@passend.test").await.len(), 1);
    let page = app.http.get(app.at(&link)).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Er is nog geen antwoord"), "{page}");

    // Only experts answer; the answer is mailed and shown by the link; twice is a conflict.
    let answer = json!({"answer": "Begin met één ondersteuningsteam en een verdeelsleutel."});
    let (status, _) = post(&app, Some(&editor), &format!("/api/v1/questions/{ticket}/answer"), answer.clone()).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = post(&app, Some(&expert), &format!("/api/v1/questions/{ticket}/answer"), answer.clone()).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = post(&app, Some(&expert), &format!("/api/v1/questions/{ticket}/answer"), answer).await;
    assert_eq!(status, StatusCode::CONFLICT);
    let mails = mails_to(&app.db, "anne@school.example").await;
    assert_eq!(mails.len(), 2);
    assert!(mails[0].body.contains("verdeelsleutel"), "{}", mails[0].body);
    let page = app.http.get(app.at(&link)).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("verdeelsleutel"), "{page}");

    // A FAQ item that still names the asker is refused; an anonymised one is published.
    let named = json!({"question": "Anne de Vries vraagt: hoe?", "answer": "Zo.", "tags": ["sbo-so"]});
    let (status, body) = post(&app, Some(&editor), &format!("/api/v1/questions/{ticket}/faq"), named).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"]["fields"][0]["code"], "kb-faq-not-anonymous");
    let faq =
        json!({"question": "Hoe combineer je sbo en so in één gebouw?", "answer": "Met één team.", "tags": ["sbo-so"]});
    let (status, _) = post(&app, Some(&editor), &format!("/api/v1/questions/{ticket}/faq"), faq).await;
    assert_eq!(status, StatusCode::CREATED);
    let (_, items) = get(&app, "/api/v1/knowledge/faq?tag=sbo-so").await;
    assert_eq!(items[0]["question"], "Hoe combineer je sbo en so in één gebouw?");

    // The housekeeping job deletes the asker's details a year after the answer, not before.
    let config = passend_app::AppConfig {
        public_url: app.url.clone(),
        mail: passend_app::MailConfig { smtp_url: None, from: "Passend <noreply@passend.invalid>".to_owned() },
        oidc: Vec::new(),
    };
    let core = passend_app::App::new(app.db.clone(), &config).unwrap();
    assert_eq!(core.delete_expired_askers(passend_app::now()).await.unwrap(), 0);
    let a_year_on = passend_app::now() + 366 * 86_400;
    assert_eq!(core.delete_expired_askers(a_year_on).await.unwrap(), 1);
    let expert_actor = passend_domain::access::Actor::new(expert_id, app.db.memberships_of(expert_id).await.unwrap());
    let stored = core.desk_question(&expert_actor, ticket).await.unwrap();
    assert_eq!((stored.asker_name, stored.asker_phone, stored.asker_email), (None, None, None));
    assert!(stored.description.contains("sbo en so"), "the question itself stays");
    app.stop().await;
}

#[tokio::test]
async fn the_knowledge_pages_work_without_javascript() {
    let app = TestApp::spawn().await;
    let editor = editor(&app).await;
    write(
        &app,
        &editor,
        example("Voorlezen in de klas", "Voor leerlingen met dyslexie.", "Tekst.", "po", &["dyslexie"]),
    )
    .await;
    let page = app.http.get(app.at("/kennisbank?q=leerlingen")).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("Voorlezen in de klas") && page.contains("1 voorbeeld"), "{page}");
    let response = app.http.get(app.at("/kennisbank?sector=hbo")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.text().await.unwrap().contains("Kies een sector"));

    // The question form: field errors next to the fields, what was typed kept.
    let form = [
        ("name", "Anne"),
        ("phone", "bel"),
        ("email", "anne@school.example"),
        ("organisation", ""),
        ("description", "Mijn vraag"),
    ];
    let response = app.http.post(app.at("/vraag")).header("origin", &app.url).form(&form).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.unwrap();
    assert!(page.contains("8 tot 15 cijfers") && page.contains("Mijn vraag"), "{page}");
    let form = [
        ("name", "Anne"),
        ("phone", "030 123 45 67"),
        ("email", "anne@school.example"),
        ("organisation", ""),
        ("description", "Mijn vraag"),
    ];
    let response = app.http.post(app.at("/vraag")).header("origin", &app.url).form(&form).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(mails_to(&app.db, "anne@school.example").await.len(), 1);
    app.stop().await;
}
