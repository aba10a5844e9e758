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
    // Advice first, in order of its effect; the long sentence is quoted once, by its advice.
    assert!(hints.iter().take(3).any(|h| h.starts_with("Maak twee zinnen van deze")), "{hints:?}");
    let effects: Vec<f64> = body["advice"].as_array().unwrap().iter().map(|a| a["effect"].as_f64().unwrap()).collect();
    assert!(!effects.is_empty() && effects.windows(2).all(|w| w[0] >= w[1]), "{effects:?}");
    assert_eq!(hints.iter().filter(|h| h.contains("vastgelegd")).count(), 1, "{hints:?}");
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

/// The text of a page without tags and with its entities undone.
fn unescaped(html: &str) -> String {
    html.replace("&#34;", "\"")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

const JARGON_TEXT: &str = "Onze interne begeleiders bespreken uw kind in het ondersteuningsteam. \
    De resultaten uit het LOVS worden door de leerkracht en de IB'er in de groepsplannen verwerkt en \
    daarna wordt er samen met u gekeken of een arrangement bij het kernteam jeugd nodig is, omdat \
    sommige kinderen meer nodig hebben dan de basisondersteuning die wij bieden.";

#[tokio::test]
async fn the_live_hints_and_the_report_name_the_same_terms_and_advice_for_the_same_text() {
    use passend_domain::access::Role;
    use passend_domain::organisations::OrgKind;
    let app = TestApp::spawn().await;
    let director = app.user("dirk@brug.nl", "Dirk", &[(OrgKind::School, "04FZ", Role::Director)]).await;
    let director = app.session_for(director).await;
    let admin = app.user("anna@swv.nl", "Anna", &[(OrgKind::Swv, "PO2707", Role::SwvAdmin)]).await;
    let admin = app.session_for(admin).await;
    let added = app
        .http
        .post(app.at("/api/v1/swvs/PO2707/plain-terms"))
        .headers(admin.headers())
        .json(&json!({ "term": "kernteam jeugd", "plain": "het team van school en gemeente" }))
        .send()
        .await
        .unwrap();
    assert_eq!(added.status(), StatusCode::CREATED);
    let id = app.start_profile(&director, "04FZ", "04FZ00", "2026-2027").await;
    let saved = app
        .http
        .put(app.at(&format!("/api/v1/profiles/{id}/answers/extra.aanbod")))
        .headers(director.headers())
        .json(&json!({ "value": JARGON_TEXT, "version": 0 }))
        .send()
        .await
        .unwrap();
    assert_eq!(saved.status(), StatusCode::OK);
    let live: Value = app
        .http
        .post(app.at("/api/v1/readability"))
        .json(&json!({ "text": JARGON_TEXT, "swvs": ["PO2707"] }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let terms: Vec<&str> = live["jargon"].as_array().unwrap().iter().map(|j| j["term"].as_str().unwrap()).collect();
    for expected in ["intern begeleider", "ondersteuningsteam", "LOVS", "IB-er", "groepsplan", "kernteam jeugd"] {
        assert!(terms.contains(&expected), "{expected} in {terms:?}");
    }
    assert!(!live["advice"].as_array().unwrap().is_empty());
    let report = app
        .http
        .get(app.at(&format!("/profielen/{id}/leesbaarheid")))
        .headers(director.headers())
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let report = unescaped(&report);
    // Every live hint (advice in order, every term) is in the report's part for this answer.
    let hints: Vec<&str> = live["hints"].as_array().unwrap().iter().map(|h| h.as_str().unwrap()).collect();
    assert!(hints.len() >= terms.len());
    let mut from = report.find("<summary>Welke extra ondersteuning").expect("the answer's hints in the report");
    for hint in &hints {
        let at = report[from..].find(&format!("<li>{hint}</li>")).unwrap_or_else(|| panic!("{hint} in the report"));
        from += at;
    }
    assert!(
        !report.contains("groep 7. goed") && !report.contains(". goed te lezen"),
        "a sentence starts with a capital"
    );
    app.stop().await;
}

/// The jargon the live hints find in a text with two own terms, for a school in `swvs`: (term, own).
async fn own_jargon(app: &TestApp, swvs: Value) -> Vec<(String, bool)> {
    let body = json!({ "text": "Uw kind blijft op de moederschool staan. Het thuiszitpact helpt.", "swvs": swvs });
    let body: Value =
        app.http.post(app.at("/api/v1/readability")).json(&body).send().await.unwrap().json().await.unwrap();
    body["jargon"]
        .as_array()
        .unwrap()
        .iter()
        .map(|j| (j["term"].as_str().unwrap().to_owned(), j["own"].as_bool().unwrap()))
        .collect()
}

#[tokio::test]
async fn the_platform_and_each_swv_keep_their_own_terms_used_for_their_schools() {
    use passend_domain::access::Role;
    use passend_domain::organisations::OrgKind;
    let app = TestApp::spawn().await;
    let admin =
        app.session_for(app.user("anna@swv.nl", "Anna", &[(OrgKind::Swv, "PO2707", Role::SwvAdmin)]).await).await;
    let staff =
        app.session_for(app.user("sanne@swv.nl", "Sanne", &[(OrgKind::Swv, "PO2707", Role::SwvStaff)]).await).await;
    let other =
        app.session_for(app.user("olaf@swv2.nl", "Olaf", &[(OrgKind::Swv, "PO2815", Role::SwvAdmin)]).await).await;
    let platform = app
        .session_for(
            app.user("beheer@passend.test", "Beheer", &[(OrgKind::Platform, "passend", Role::PlatformAdmin)]).await,
        )
        .await;
    let add = |who: &crate::support::Login, path: &str, term: &str, plain: &str| {
        app.http.post(app.at(path)).headers(who.headers()).json(&json!({ "term": term, "plain": plain })).send()
    };
    let swv_terms = "/api/v1/swvs/PO2707/plain-terms";
    assert_eq!(
        add(&admin, swv_terms, "moederschool", "de school waar uw kind staat ingeschreven").await.unwrap().status(),
        StatusCode::CREATED
    );
    assert_eq!(add(&staff, swv_terms, "arrangeren", "hulp regelen").await.unwrap().status(), StatusCode::FORBIDDEN);
    assert_eq!(add(&other, swv_terms, "arrangeren", "hulp regelen").await.unwrap().status(), StatusCode::FORBIDDEN);
    let twice = add(&admin, swv_terms, "Moederschool", "iets anders").await.unwrap();
    assert_eq!(twice.status(), StatusCode::BAD_REQUEST);
    assert_eq!(add(&admin, swv_terms, "", "iets").await.unwrap().status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        add(&admin, "/api/v1/admin/plain-terms", "thuiszitpact", "afspraken tegen thuiszitten").await.unwrap().status(),
        StatusCode::FORBIDDEN
    );
    let added =
        add(&platform, "/api/v1/admin/plain-terms", "thuiszitpact", "afspraken tegen thuiszitten").await.unwrap();
    assert_eq!(added.status(), StatusCode::CREATED);
    let platform_id = added.json::<Value>().await.unwrap()["id"].as_i64().unwrap();

    let list: Value =
        app.http.get(app.at(swv_terms)).headers(staff.headers()).send().await.unwrap().json().await.unwrap();
    assert_eq!(list["editable"], false);
    assert_eq!(list["terms"][0]["term"], "moederschool");
    let in_swv = own_jargon(&app, json!(["PO2707"])).await;
    assert!(in_swv.contains(&("moederschool".to_owned(), true)), "{in_swv:?}");
    assert!(in_swv.contains(&("thuiszitpact".to_owned(), true)), "{in_swv:?}");
    let elsewhere = own_jargon(&app, json!(["PO2815"])).await;
    assert!(!elsewhere.iter().any(|(t, _)| t == "moederschool"), "another SWV's words are not used: {elsewhere:?}");
    assert!(elsewhere.iter().any(|(t, _)| t == "thuiszitpact"), "the platform's words are used everywhere");

    // The page: staff read it, the admin adds through the form; a bad form says what is wrong.
    let page =
        app.http.get(app.at("/samenwerkingsverbanden/PO2707/vaktaal")).headers(staff.headers()).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(html.contains("moederschool") && !html.contains("name=\"term\""), "staff read, do not edit");
    let form = [("csrf_token", admin.csrf.as_str()), ("term", ""), ("plain", "iets")];
    let bad = app
        .http
        .post(app.at("/samenwerkingsverbanden/PO2707/vaktaal"))
        .headers(admin.headers())
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.text().await.unwrap().contains("Vul dit in."));
    let form =
        [("csrf_token", admin.csrf.as_str()), ("term", "kernteam jeugd"), ("plain", "het team van school en gemeente")];
    let good = app
        .http
        .post(app.at("/samenwerkingsverbanden/PO2707/vaktaal"))
        .headers(admin.headers())
        .form(&form)
        .send()
        .await
        .unwrap();
    assert!(good.status().is_success() || good.status().is_redirection(), "{}", good.status());

    let removed = app
        .http
        .delete(app.at(&format!("/api/v1/admin/plain-terms/{platform_id}")))
        .headers(platform.headers())
        .send()
        .await
        .unwrap();
    assert_eq!(removed.status(), StatusCode::NO_CONTENT);
    let again = app
        .http
        .delete(app.at(&format!("/api/v1/admin/plain-terms/{platform_id}")))
        .headers(platform.headers())
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), StatusCode::NOT_FOUND);
    assert!(!own_jargon(&app, json!(["PO2707"])).await.iter().any(|(t, _)| t == "thuiszitpact"));
    app.stop().await;
}
