//! Surveys by link: anonymous answers from parents, one per browser unless the
//! school allows more, closing, and results per group for the team.

use passend_domain::access::Role;
use passend_domain::organisations::OrgKind;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::support::TestApp;

/// A browser without an account: its own cookies, no redirects followed.
fn browser() -> reqwest::Client {
    reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap()
}

#[tokio::test]
async fn parents_answer_by_link_and_the_team_reads_the_results() {
    let app = TestApp::spawn().await;
    let director = app.user("dirk@brug.nl", "Dirk", &[(OrgKind::School, "04FZ", Role::Director)]).await;
    let director = app.session_for(director).await;
    let teacher = app.user("tim@brug.nl", "Tim", &[(OrgKind::School, "04FZ", Role::TeamMember)]).await;
    let teacher = app.session_for(teacher).await;
    let id = app.start_profile(&director, "04FZ", "04FZ00", "2026-2027").await;
    let surveys = app.at(&format!("/api/v1/profiles/{id}/surveys"));
    let denied = app
        .http
        .post(&surveys)
        .headers(teacher.headers())
        .json(&json!({ "kind": "control_group", "audience": "parents" }))
        .send()
        .await
        .unwrap();
    assert_eq!(denied.status(), StatusCode::FORBIDDEN, "coordinators make the links");
    let no_team_control = app
        .http
        .post(&surveys)
        .headers(director.headers())
        .json(&json!({ "kind": "control_group", "audience": "team" }))
        .send()
        .await
        .unwrap();
    assert_eq!(
        no_team_control.status(),
        StatusCode::BAD_REQUEST,
        "the control group asks the readers of the parent version"
    );
    let made: Value = app
        .http
        .post(&surveys)
        .headers(director.headers())
        .json(&json!({ "kind": "control_group", "audience": "parents" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let link = made["link"].as_str().unwrap().to_owned();
    let path = url::Url::parse(&link).unwrap().path().to_owned();
    let survey_id = made["survey"]["id"].as_i64().unwrap();

    // A parent on a phone: the form, a bad answer, then a good one.
    let parent = browser();
    let form = parent.get(app.at(&path)).send().await.unwrap();
    assert_eq!(form.status(), StatusCode::OK);
    assert!(form.headers().get("set-cookie").is_some(), "the browser gets its key");
    assert!(form.text().await.unwrap().contains("Weet u bij wie u terecht kunt"));
    let empty = parent.post(app.at(&path)).form(&[("naam", "")]).send().await.unwrap();
    assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty.text().await.unwrap().contains("Vul minstens één vraag in."));
    let bad = parent.post(app.at(&path)).form(&[("begrijpelijk", "heel_goed")]).send().await.unwrap();
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.text().await.unwrap().contains("Kies een van de mogelijkheden."));
    let answer =
        [("begrijpelijk", "een_beetje"), ("weg_weten", "nee"), ("beter", "Minder moeilijke woorden."), ("naam", "")];
    let sent = parent.post(app.at(&path)).form(&answer).send().await.unwrap();
    assert_eq!(
        (sent.status(), sent.headers()["location"].to_str().unwrap()),
        (StatusCode::SEE_OTHER, format!("{path}/bedankt").as_str())
    );
    let again = parent.post(app.at(&path)).form(&answer).send().await.unwrap();
    assert_eq!(again.headers()["location"].to_str().unwrap(), path, "one answer per browser");
    let shown = parent.get(app.at(&path)).send().await.unwrap().text().await.unwrap();
    assert!(shown.contains("al ingevuld"));

    // Another parent, with a name; then the school allows more answers per device.
    let other = browser();
    other.get(app.at(&path)).send().await.unwrap();
    let named = [("begrijpelijk", "ja"), ("weg_weten", "ja"), ("naam", "Fatima")];
    assert_eq!(other.post(app.at(&path)).form(&named).send().await.unwrap().status(), StatusCode::SEE_OTHER);
    let settings = app.at(&format!("/api/v1/profiles/{id}/surveys/{survey_id}"));
    let allow = app
        .http
        .put(&settings)
        .headers(director.headers())
        .json(&json!({ "closed": false, "allow_multiple": true }))
        .send()
        .await
        .unwrap();
    assert_eq!(allow.status(), StatusCode::NO_CONTENT);
    let third = parent.post(app.at(&path)).form(&[("begrijpelijk", "ja")]).send().await.unwrap();
    assert_eq!(
        third.headers()["location"].to_str().unwrap(),
        format!("{path}/bedankt"),
        "a shared device may answer again"
    );

    // Closed: no more answers.
    app.http
        .put(&settings)
        .headers(director.headers())
        .json(&json!({ "closed": true, "allow_multiple": true }))
        .send()
        .await
        .unwrap();
    let late = browser().post(app.at(&path)).form(&[("begrijpelijk", "ja")]).send().await.unwrap();
    assert_eq!(late.headers()["location"].to_str().unwrap(), path);
    let api_code = path.trim_start_matches("/enquete/");
    let closed = browser()
        .post(app.at(&format!("/api/v1/surveys/{api_code}/responses")))
        .json(&json!({ "answers": { "begrijpelijk": "ja" } }))
        .send()
        .await
        .unwrap();
    assert_eq!(closed.status(), StatusCode::GONE);

    // The team reads the results per group.
    let results: Value = app.http.get(&surveys).headers(teacher.headers()).send().await.unwrap().json().await.unwrap();
    let understood = results[0]["results"].as_array().unwrap().iter().find(|q| q["key"] == "begrijpelijk").unwrap();
    assert_eq!(
        understood["counts"],
        json!([
            { "option": "Ja", "count": 2 },
            { "option": "Een beetje", "count": 1 },
            { "option": "Nee", "count": 0 }
        ])
    );
    assert_eq!(results[0]["named_respondents"], json!(["Fatima"]));
    assert_eq!(results[0]["survey"]["responses"], 3);
    let page = app
        .http
        .get(app.at(&format!("/profielen/{id}/enquetes")))
        .headers(teacher.headers())
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Minder moeilijke woorden.") && page.contains("3 antwoorden"), "{page}");
    app.stop().await;
}
