//! The plain-language assistant: the API and `passend leesbaarheid`.

use std::io::Write;
use std::process::{Command, Stdio};

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::support::TestApp;

const SOP_TEXT: &str = "De school hanteert een integrale benadering van de ondersteuningsstructuur. \
    De ouders worden door de intern begeleider uitgenodigd voor een MDO waarin het OPP, het arrangement \
    en de inzet van de ambulant begeleider van het SWV worden besproken en vastgelegd.";

#[tokio::test]
async fn the_api_analyses_posted_text_with_hints_in_the_readers_language() {
    let app = TestApp::spawn().await;
    let response =
        app.http.post(app.at("/api/v1/readability")).json(&json!({ "text": SOP_TEXT })).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.unwrap();
    assert_eq!((body["sentences"].as_u64(), body["words"].as_u64()), (Some(2), Some(39)));
    assert!(body["flesch_douma"].as_f64().unwrap() < 45.0);
    assert_eq!(body["reaches_b1"], false);
    assert_eq!(body["band_label"], "moeilijk: hoger onderwijs");
    let terms: Vec<&str> = body["jargon"].as_array().unwrap().iter().map(|j| j["term"].as_str().unwrap()).collect();
    assert!(terms.contains(&"OPP") && terms.contains(&"arrangement"), "{terms:?}");
    let hints: Vec<&str> = body["hints"].as_array().unwrap().iter().map(|h| h.as_str().unwrap()).collect();
    assert!(hints[0].starts_with("Deze zin heeft 30 woorden"), "{hints:?}");
    let english = app
        .http
        .post(app.at("/api/v1/readability"))
        .header("accept-language", "en")
        .json(&json!({ "text": SOP_TEXT }))
        .send()
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap();
    assert_eq!(english["band_label"], "difficult: higher education");
    let too_long = app
        .http
        .post(app.at("/api/v1/readability"))
        .json(&json!({ "text": "a ".repeat(100_001) }))
        .send()
        .await
        .unwrap();
    assert_eq!(too_long.status(), StatusCode::BAD_REQUEST);
    app.stop().await;
}

#[test]
fn the_command_reports_as_text_and_as_json() {
    let run = |args: &[&str]| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_passend"))
            .args(args)
            .env("PASSEND_LANG", "nl")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(SOP_TEXT.as_bytes()).unwrap();
        let output = child.wait_with_output().unwrap();
        assert!(output.status.success());
        String::from_utf8(output.stdout).unwrap()
    };
    let text = run(&["leesbaarheid", "-"]);
    assert!(text.starts_with("Leesbaarheid (Flesch-Douma): "), "{text}");
    assert!(text.contains("OPP (1×): een plan voor de ontwikkeling van uw kind"), "{text}");
    let json: Value = serde_json::from_str(&run(&["leesbaarheid", "--format", "json", "-"])).unwrap();
    for key in ["flesch_douma", "sentences", "words", "syllables", "long_sentences", "jargon"] {
        assert!(json.get(key).is_some(), "{key}");
    }
    assert_eq!(json["long_sentences"][0]["words"], 30);
}

#[tokio::test]
async fn a_profile_has_a_readability_report_for_its_own_words() {
    use passend_domain::access::Role;
    use passend_domain::organisations::OrgKind;
    let app = TestApp::spawn().await;
    let director = app.user("dirk@brug.nl", "Dirk", &[(OrgKind::School, "04FZ", Role::Director)]).await;
    let director = app.session_for(director).await;
    let id = app.start_profile(&director, "04FZ", "04FZ00", "2026-2027").await;
    for (key, text) in [
        (
            "visie.ondersteuning",
            "Ieder kind hoort erbij. We kijken eerst wat een kind nodig heeft. Dat doen we samen met u.",
        ),
        ("extra.aanbod", SOP_TEXT),
        ("typering.concept", "Jenaplan"),
    ] {
        let path = app.at(&format!("/api/v1/profiles/{id}/answers/{key}"));
        let saved = app
            .http
            .put(path)
            .headers(director.headers())
            .json(&json!({ "value": text, "version": 0 }))
            .send()
            .await
            .unwrap();
        assert_eq!(saved.status(), StatusCode::OK);
    }
    let page = app
        .http
        .get(app.at(&format!("/profielen/{id}/leesbaarheid")))
        .headers(director.headers())
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    let hard = html.find("Welke extra ondersteuning").unwrap_or(usize::MAX);
    let easy = html.find("Onze visie op ondersteuning").unwrap_or(0);
    assert!(hard < easy, "the hardest field comes first");
    assert!(!html.contains("Onderwijsconcept"), "a one-word answer is not scored or ranked");
    assert!(html.contains("een plan voor de ontwikkeling van uw kind"), "jargon with its alternative");
    app.stop().await;
}

#[tokio::test]
async fn spelling_is_checked_with_the_dutch_dictionary_or_said_to_be_off() {
    let app = TestApp::spawn().await;
    let text = "De kindren lezen elke dag met de intern begeleider in Amsterdam.";
    let body: Value = app
        .http
        .post(app.at("/api/v1/readability"))
        .json(&json!({ "text": text }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    if std::path::Path::new("/usr/share/hunspell/nl.dic").exists() {
        assert_eq!(body["spelling"]["on"], true);
        assert_eq!(body["misspelled"], json!(["kindren"]));
        assert!(body["hints"].as_array().unwrap().iter().any(|h| h == "Controleer de spelling van: kindren."));
    } else {
        assert_eq!(body["spelling"]["on"], false);
        assert!(body["spelling"]["reason"].as_str().unwrap().contains("hunspell-nl"));
        assert_eq!(body["misspelled"], Value::Null);
    }
    app.stop().await;
}
