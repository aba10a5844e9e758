use reqwest::StatusCode;
use reqwest::header::{ACCEPT_LANGUAGE, COOKIE};
use serde_json::Value;

use crate::support::TestApp;

#[tokio::test]
async fn dutch_by_default_english_on_request() {
    let app = TestApp::spawn().await;
    let dutch = app.http.get(app.at("/inloggen")).send().await.unwrap().text().await.unwrap();
    assert!(dutch.contains("<h1>Inloggen</h1>"));
    let english = app.http.get(app.at("/inloggen")).header(ACCEPT_LANGUAGE, "en-GB,en;q=0.8").send().await.unwrap();
    let english = english.text().await.unwrap();
    assert!(english.contains("<html lang=\"en\">") && english.contains("<h1>Log in</h1>"));

    let switch = app.http.get(app.at("/taal/en?terug=/scholen")).send().await.unwrap();
    assert_eq!(switch.status(), StatusCode::SEE_OTHER);
    assert_eq!(switch.headers()["location"], "/scholen");
    let cookie = switch.headers()["set-cookie"].to_str().unwrap().split(';').next().unwrap().to_owned();
    let page =
        app.http.get(app.at("/scholen")).header(COOKIE, &cookie).header(ACCEPT_LANGUAGE, "nl").send().await.unwrap();
    assert!(page.text().await.unwrap().contains("Find schools"), "the chosen language beats the browser's");

    let api: Value = app
        .http
        .get(app.at("/api/v1/swvs/XX0000"))
        .header(ACCEPT_LANGUAGE, "en")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(api["error"]["message"], "This page does not exist (any more). Please check the address.");
    app.stop().await;
}
