//! The report of the yearly conversation as a typeset PDF, its link from the
//! profile when the school made it an annex, and the demo's conversations:
//! last year's confirmed and fixed with three agreements, this year's
//! planned with the school's preparation started.

use passend_domain::access::Role;
use passend_domain::accounts::Email;
use passend_domain::organisations::OrgKind;
use reqwest::StatusCode;
use serde_json::Value;

use crate::support::{Login, TestApp};

async fn demo_login(app: &TestApp, email: &str) -> Login {
    let user = app.db.user_by_email(&Email::parse(email).unwrap()).await.unwrap().unwrap();
    app.session_for(user.id).await
}

async fn json(app: &TestApp, who: &Login, path: &str) -> Value {
    let got = app.http.get(app.at(path)).headers(who.headers()).send().await.unwrap();
    assert_eq!(got.status(), StatusCode::OK, "{path}");
    got.json().await.unwrap()
}

/// The demo location's conversation of the year: its id and state.
async fn conversation_of(app: &TestApp, swv: &Login, year: &str) -> (i64, String) {
    let list = json(app, swv, &format!("/api/v1/swvs/PO2707/conversations?year={year}")).await;
    let row = list["conversations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["location_code"] == "04FZ00")
        .unwrap_or_else(|| panic!("no row for 04FZ00 in {list}"))
        .clone();
    (row["conversation_id"].as_i64().expect("planned"), row["state"].as_str().unwrap().to_owned())
}

async fn status(app: &TestApp, who: &Login, path: &str) -> StatusCode {
    app.http.get(app.at(path)).headers(who.headers()).send().await.unwrap().status()
}

/// The text of a PDF (poppler's pdftotext) without whitespace and hyphens,
/// so that a word hyphenated at the end of a line is still found.
async fn pdf_text(app: &TestApp, who: Option<&Login>, path: &str) -> String {
    let mut request = app.http.get(app.at(path));
    if let Some(who) = who {
        request = request.headers(who.headers());
    }
    let got = request.send().await.unwrap();
    assert_eq!(got.status(), StatusCode::OK, "{path}");
    let bytes = got.bytes().await.unwrap();
    assert!(bytes.starts_with(b"%PDF"), "{path} is a PDF");
    let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
    let file = std::env::temp_dir().join(format!("verslag-{}-{stamp}.pdf", std::process::id()));
    std::fs::write(&file, &bytes).unwrap();
    let out = std::process::Command::new("pdftotext").arg(&file).arg("-").output().unwrap();
    std::fs::remove_file(&file).ok();
    String::from_utf8_lossy(&out.stdout)
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '\u{ad}' | '‐'))
        .collect()
}

struct Demo {
    app: TestApp,
    swv: Login,
    director: Login,
    last_year: String,
    this_year: String,
}

async fn demo() -> Demo {
    let app = TestApp::spawn().await;
    passend::demo::seed(&app.db, None).await.unwrap();
    let swv = demo_login(&app, "swv@passend.demo").await;
    let director = demo_login(&app, "directeur@passend.demo").await;
    let this_year = passend_app::questionnaire::current_year();
    Demo { app, swv, director, last_year: this_year.previous().to_string(), this_year: this_year.to_string() }
}

#[tokio::test]
async fn the_demo_holds_last_years_confirmed_conversation_and_this_years_preparation() {
    let d = demo().await;
    // Seeding again leaves what is there alone.
    passend::demo::seed(&d.app.db, None).await.unwrap();
    let (last, state) = conversation_of(&d.app, &d.swv, &d.last_year).await;
    assert_eq!(state, "confirmed");
    let talk = json(&d.app, &d.swv, &format!("/api/v1/conversations/{last}")).await;
    assert_eq!(talk["agreements"].as_array().unwrap().len(), 3, "{talk}");
    assert!(talk["report_hash"].as_str().is_some_and(|h| h.len() == 64), "fixed");
    assert!(talk["confirmed_swv"].is_object() && talk["confirmed_school"].is_object());
    assert_eq!(talk["annexed"], true);

    let (now, state) = conversation_of(&d.app, &d.swv, &d.this_year).await;
    assert_eq!(state, "prepared");
    let talk = json(&d.app, &d.director, &format!("/api/v1/conversations/{now}")).await;
    assert!(talk["report_hash"].is_null() && !talk["held"].as_bool().unwrap());
    assert_eq!(talk["previous_agreements"].as_array().unwrap().len(), 3, "this year starts with last year's");

    for year in [&d.last_year, &d.this_year] {
        let guide = json(&d.app, &d.swv, &format!("/api/v1/swvs/PO2707/conversation-guides/{year}")).await;
        assert_eq!((guide["published"].clone(), guide["version"].as_i64() > Some(0)), (Value::Bool(true), true));
        let funds = json(&d.app, &d.swv, &format!("/api/v1/swvs/PO2707/funds/{year}")).await;
        assert_eq!((funds["basic_cents"].as_i64(), funds["extra_cents"].as_i64()), (Some(15_000), Some(4_500)));
    }
}

#[tokio::test]
async fn the_report_pdf_is_for_both_sides_carries_the_hash_once_fixed_and_is_not_found_for_strangers() {
    let d = demo().await;
    let (last, _) = conversation_of(&d.app, &d.swv, &d.last_year).await;
    let (now, _) = conversation_of(&d.app, &d.swv, &d.this_year).await;
    let hash = json(&d.app, &d.swv, &format!("/api/v1/conversations/{last}")).await["report_hash"]
        .as_str()
        .unwrap()
        .to_owned();

    let path = format!("/gesprekken/{last}/verslag.pdf");
    for who in [&d.swv, &d.director] {
        let text = pdf_text(&d.app, Some(who), &path).await;
        assert!(text.contains(&hash), "the fixed report carries its hash: {text}");
        assert!(text.contains("MariekeDekker") && text.contains("SannedeWit"), "both confirmations");
        assert!(text.contains("Overstapgesprekken"), "the agreements");
        assert!(!text.contains("nognietdoorbeidepartijenbevestigd"));
    }
    let got = d.app.http.get(d.app.at(&path)).headers(d.swv.headers()).send().await.unwrap();
    assert_eq!(got.headers()["cache-control"], "private, no-store");

    let concept = pdf_text(&d.app, Some(&d.director), &format!("/gesprekken/{now}/verslag.pdf")).await;
    assert!(concept.contains("nognietdoorbeidepartijenbevestigd"), "{concept}");
    assert!(concept.contains("Hetnieuweleesplan"), "the school's preparation");

    // The MR reads the annexed report; the team and another SWV find nothing.
    let mr = demo_login(&d.app, "mr@passend.demo").await;
    assert_eq!(status(&d.app, &mr, &path).await, StatusCode::OK);
    assert_eq!(status(&d.app, &mr, &format!("/gesprekken/{now}/verslag.pdf")).await, StatusCode::NOT_FOUND);
    let teacher = demo_login(&d.app, "leraar@passend.demo").await;
    assert_eq!(status(&d.app, &teacher, &path).await, StatusCode::NOT_FOUND);
    let other = d.app.user("ander@swv.test", "Ander", &[(OrgKind::Swv, "PO2815", Role::SwvAdmin)]).await;
    let other = d.app.session_for(other).await;
    assert_eq!(status(&d.app, &other, &path).await, StatusCode::NOT_FOUND);
    assert_eq!(status(&d.app, &other, "/gesprekken/999999/verslag.pdf").await, StatusCode::NOT_FOUND);
    let anonymous = d.app.http.get(d.app.at(&path)).send().await.unwrap();
    assert_ne!(anonymous.status(), StatusCode::OK, "not for anonymous readers");
}

#[tokio::test]
async fn an_annexed_report_is_linked_from_the_full_profile_its_pdf_and_the_mrs_advice_step_not_the_public_page() {
    let d = demo().await;
    let (last, _) = conversation_of(&d.app, &d.swv, &d.last_year).await;
    let link = format!("/gesprekken/{last}/verslag.pdf");
    let profiles = json(&d.app, &d.director, "/api/v1/schools/04FZ/profiles").await;
    let profile = profiles
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["location_code"] == "04FZ00" && p["school_year"] == d.this_year.as_str())
        .unwrap_or_else(|| panic!("no profile of this year in {profiles}"))["id"]
        .as_i64()
        .unwrap();
    let page = d.app.http.get(d.app.at(&format!("/profielen/{profile}/profiel"))).headers(d.director.headers());
    let page = page.send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.text().await.unwrap().contains(&link), "the full profile page links the annex");

    // The MR, asked for advice, finds it beside the advice form.
    let ask = d.app.http.post(d.app.at(&format!("/api/v1/profiles/{profile}/steps"))).headers(d.director.headers());
    let ask = ask.json(&serde_json::json!({ "step": "ask_mr_advice", "confirmed": true })).send().await.unwrap();
    assert_eq!(ask.status(), StatusCode::OK);
    let mr = demo_login(&d.app, "mr@passend.demo").await;
    let steps = d.app.http.get(d.app.at(&format!("/profielen/{profile}/stappen"))).headers(mr.headers());
    let steps = steps.send().await.unwrap().text().await.unwrap();
    assert!(steps.contains("step-record_advice") && steps.contains(&link), "the MR's advice step links the annex");

    // Last year's published profile: its full PDF names the annex, its public page does not.
    let full = pdf_text(&d.app, None, &format!("/scholen/04FZ00/{}.pdf", d.last_year)).await;
    assert!(full.contains(&link), "{full}");
    let public = d.app.http.get(d.app.at(&format!("/scholen/04FZ00/{}", d.last_year))).send().await.unwrap();
    assert_eq!(public.status(), StatusCode::OK);
    assert!(!public.text().await.unwrap().contains("/verslag.pdf"));
}

#[tokio::test]
async fn the_conversation_shows_the_scans_claims_te_toetsen_to_the_swv_only_once_shared() {
    let d = demo().await;
    let (now, _) = conversation_of(&d.app, &d.swv, &d.this_year).await;
    let claims = |talk: &Value| -> Vec<String> {
        talk["facts"]["scan_claims_to_check"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap().to_owned())
            .collect()
    };
    let school = claims(&json(&d.app, &d.director, &format!("/api/v1/conversations/{now}")).await);
    assert!(!school.is_empty(), "the demo's scan has a claim te toetsen");
    assert!(school.iter().all(|c| c.contains("het profiel belooft")), "{school:?}");
    assert!(claims(&json(&d.app, &d.swv, &format!("/api/v1/conversations/{now}")).await).is_empty(), "not shared yet");

    let rounds = json(&d.app, &d.director, "/api/v1/schools/04FZ/scans").await;
    let round = rounds.as_array().unwrap().iter().find(|r| r["location_code"] == "04FZ00").expect("the demo's round");
    let shared = d
        .app
        .http
        .put(d.app.at(&format!("/api/v1/scans/{}", round["id"])))
        .headers(d.director.headers())
        .json(&serde_json::json!({"closed": round["closed"], "shared_with_swv": true}))
        .send()
        .await
        .unwrap();
    assert_eq!(shared.status(), StatusCode::NO_CONTENT);
    assert_eq!(claims(&json(&d.app, &d.swv, &format!("/api/v1/conversations/{now}")).await), school);
    let page = d.app.http.get(d.app.at(&format!("/gesprekken/{now}"))).headers(d.swv.headers()).send().await.unwrap();
    assert!(page.text().await.unwrap().contains("Uit de Scan Passend Onderwijs: te toetsen"));
}
