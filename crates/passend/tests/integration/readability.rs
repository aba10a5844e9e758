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
