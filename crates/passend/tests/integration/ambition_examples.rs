//! A school's public profile page links practice examples for the ambitions
//! it names (issue 15 point 2): by the support category an ambition names,
//! or by its words; an example published later shows at once (the public
//! page cache is cleared by the publication).

use passend_domain::access::Role;
use passend_domain::organisations::OrgKind;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::support::{Login, TestApp};

async fn login(app: &TestApp, email: &str, kind: OrgKind, code: &str, role: Role) -> Login {
    let id = app.user(email, email, &[(kind, code, role)]).await;
    app.session_for(id).await
}

async fn example(app: &TestApp, editor: &Login, title: &str, tags: &[&str], publish: bool) -> i64 {
    let created = app
        .http
        .post(app.at("/api/v1/knowledge/examples"))
        .headers(editor.headers())
        .json(&json!({
            "title": title,
            "summary": "Hoe een school dit aanpakt, met wat werkte en wat niet.",
            "body": "De school begon klein, met één groep, en breidde het daarna uit.",
            "sector": "po", "tags": tags, "source_name": "Basisschool De Proef",
            "contact": "ib@proef.example", "publish": publish
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), StatusCode::CREATED);
    created.json::<Value>().await.unwrap()["id"].as_i64().unwrap()
}

async fn public_page(app: &TestApp) -> String {
    let response = app.http.get(app.at("/scholen/04FZ00")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    response.text().await.unwrap()
}

#[tokio::test]
async fn the_profile_page_links_examples_for_the_ambitions_it_names() {
    let app = TestApp::spawn().await;
    let director = login(&app, "dirk@brug.nl", OrgKind::School, "04FZ", Role::Director).await;
    let mr = login(&app, "mila@brug.nl", OrgKind::School, "04FZ", Role::MrMember).await;
    let board = login(&app, "bas@bestuur.nl", OrgKind::Board, "41234", Role::BoardMember).await;
    let editor = login(&app, "redactie@passend.test", OrgKind::Platform, "passend", Role::Editor).await;

    let plusklas = example(&app, &editor, "Een plusklas op twee middagen", &["meer_hoogbegaafdheid"], true).await;
    let dyslexia = example(&app, &editor, "Leesbegeleiding in kleine groepjes", &["dyslexie"], true).await;
    let schoolplein = example(&app, &editor, "Schoolplein groen ingericht", &["schoolplein"], true).await;

    let profile = app.start_profile(&director, "04FZ", "04FZ00", "2026-2027").await;
    let ambitions = json!([
        { "ambitie": "Een plusklas voor meer- en hoogbegaafde leerlingen" },
        { "ambitie": "Rekenen op maat bij dyscalculie" },
        { "ambitie": "Schoolplein" }
    ]);
    let saved = app
        .http
        .put(app.at(&format!("/api/v1/profiles/{profile}/answers/ambities.lijst")))
        .headers(director.headers())
        .json(&json!({ "value": ambitions, "version": 0 }))
        .send()
        .await
        .unwrap();
    assert_eq!(saved.status(), StatusCode::OK, "{}", saved.text().await.unwrap());
    for (who, body) in [
        (&director, json!({ "step": "ask_mr_advice" })),
        (&mr, json!({ "step": "record_advice", "verdict": "positive", "advice": "Helder.", "date": "2026-06-01" })),
        (&board, json!({ "step": "adopt", "date": "15-6-2026", "confirmed": true })),
        (&director, json!({ "step": "publish", "confirmed": true })),
    ] {
        app.take_step(who, profile, body).await;
    }

    let page = public_page(&app).await;
    assert!(page.contains("Praktijkvoorbeelden bij de ambities"), "{page}");
    assert!(page.contains(&format!("href=\"/kennisbank/{plusklas}\"")), "by the category the ambition names");
    assert!(page.contains(&format!("href=\"/kennisbank/{schoolplein}\"")), "by the ambition's own words");
    assert!(!page.contains(&format!("href=\"/kennisbank/{dyslexia}\"")), "no ambition names dyslexia");
    // No example for dyscalculia yet: the ambition is not listed in the section.
    let section = &page[page.find("id=\"ambition-examples\"").unwrap()..];
    assert!(!section.contains("Rekenen op maat bij dyscalculie"));

    // A draft does not show; once published it shows at once.
    let rekenen = example(&app, &editor, "Rekenen met de hele klas, en apart", &["dyscalculie"], false).await;
    assert!(!public_page(&app).await.contains(&format!("/kennisbank/{rekenen}\"")));
    let published = app
        .http
        .post(app.at(&format!("/api/v1/knowledge/examples/{rekenen}/publish")))
        .headers(editor.headers())
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert!(published.status().is_success());
    let page = public_page(&app).await;
    assert!(page.contains(&format!("href=\"/kennisbank/{rekenen}\"")), "the cached page was cleared");
    app.stop().await;
}
