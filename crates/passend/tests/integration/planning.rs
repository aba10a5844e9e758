//! The wish list, co-readers and time line, and the reminders job: each
//! reminder goes out once, with two server processes on one database and
//! after a restart.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use passend_domain::access::Role;
use passend_domain::lifecycle::{add_days, dutch_day, iso_day};
use passend_domain::organisations::OrgKind;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::support::{Login, TestApp, mails_to};

async fn profile(app: &TestApp, director: &Login) -> i64 {
    app.start_profile(director, "04FZ", "04FZ00", "2026-2027").await
}

#[tokio::test]
async fn wishes_co_readers_and_the_time_line() {
    let app = TestApp::spawn().await;
    let director = app.user("dirk@brug.nl", "Dirk", &[(OrgKind::School, "04FZ", Role::Director)]).await;
    let director = app.session_for(director).await;
    let teacher = app.user("tim@brug.nl", "Tim", &[(OrgKind::School, "04FZ", Role::TeamMember)]).await;
    let teacher = app.session_for(teacher).await;
    let id = profile(&app, &director).await;
    let at = |part: &str| app.at(&format!("/api/v1/profiles/{id}/{part}"));

    let empty = app
        .http
        .post(at("wishes"))
        .headers(director.headers())
        .json(&json!({ "body": " ", "owner": "" }))
        .send()
        .await
        .unwrap();
    assert_eq!(empty.status(), StatusCode::BAD_REQUEST);
    let fields: Value = empty.json().await.unwrap();
    assert_eq!(fields["error"]["fields"][0]["message"], "Schrijf de wens op.");
    assert_eq!(fields["error"]["fields"][1]["message"], "Vul in wie de wens oppakt.");
    let wish = json!({ "body": "Ouders meer betrekken bij het profiel", "owner": "Ilse (IB)" });
    assert_eq!(
        app.http.post(at("wishes")).headers(director.headers()).json(&wish).send().await.unwrap().status(),
        StatusCode::CREATED
    );
    assert_eq!(
        app.http.post(at("wishes")).headers(teacher.headers()).json(&wish).send().await.unwrap().status(),
        StatusCode::FORBIDDEN
    );

    let bad_reader = json!({ "kind": "ouders", "name": "X", "email": "geen-adres" });
    let refused = app.http.post(at("co-readers")).headers(director.headers()).json(&bad_reader).send().await.unwrap();
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    let reader = json!({ "kind": "swv", "name": "Sanne (SWV)", "email": "sanne@swv.nl" });
    assert_eq!(
        app.http.post(at("co-readers")).headers(director.headers()).json(&reader).send().await.unwrap().status(),
        StatusCode::CREATED
    );

    let bad_date = app
        .http
        .put(at("milestones"))
        .headers(director.headers())
        .json(&json!({ "mr_advice": "31-4-2027" }))
        .send()
        .await
        .unwrap();
    assert_eq!(bad_date.status(), StatusCode::BAD_REQUEST);
    let line = json!({ "mr_advice": "1-6-2027", "adoption": "2027-06-20", "school_guide": "2027-07-31" });
    assert_eq!(
        app.http.put(at("milestones")).headers(director.headers()).json(&line).send().await.unwrap().status(),
        StatusCode::NO_CONTENT
    );

    let planning: Value =
        app.http.get(at("planning")).headers(teacher.headers()).send().await.unwrap().json().await.unwrap();
    let wish_id = planning["wishes"][0]["id"].as_i64().unwrap();
    assert_eq!(planning["wishes"][0]["owner"], "Ilse (IB)");
    assert_eq!(planning["co_readers"][0]["email"], "sanne@swv.nl");
    let dates: Vec<(&str, &str)> = planning["milestones"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["kind"].as_str().unwrap(), m["due_on"].as_str().unwrap()))
        .collect();
    assert_eq!(dates, [("mr_advice", "2027-06-01"), ("adoption", "2027-06-20"), ("school_guide", "2027-07-31")]);
    let done = app
        .http
        .put(at(&format!("wishes/{wish_id}")))
        .headers(director.headers())
        .json(&json!({ "done": true }))
        .send()
        .await
        .unwrap();
    assert_eq!(done.status(), StatusCode::NO_CONTENT);
    let page = app
        .http
        .get(app.at(&format!("/profielen/{id}/planning")))
        .headers(teacher.headers())
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("<s>Ouders meer betrekken bij het profiel</s>") && page.contains("Sanne (SWV)"), "{page}");
    app.stop().await;
}

fn serve(database_url: &str) -> Child {
    Command::new(env!("CARGO_BIN_EXE_passend"))
        .args(["--database-url", database_url, "serve", "--bind", "127.0.0.1:0"])
        .env("PASSEND_REMINDER_INTERVAL_SECS", "1")
        .env("PASSEND_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

async fn reminders(app: &TestApp, to: &str) -> Vec<String> {
    mails_to(&app.db, to)
        .await
        .into_iter()
        .filter(|m| m.subject.starts_with("Herinnering"))
        .map(|m| m.subject)
        .collect()
}

#[tokio::test]
async fn each_reminder_goes_out_once_with_two_servers_and_after_a_restart() {
    let app = TestApp::spawn().await;
    let director = app.user("dirk@brug.nl", "Dirk", &[(OrgKind::School, "04FZ", Role::Director)]).await;
    let director = app.session_for(director).await;
    app.user("mila@brug.nl", "Mila", &[(OrgKind::School, "04FZ", Role::MrMember)]).await;
    app.user("bas@bestuur.nl", "Bas", &[(OrgKind::Board, "41234", Role::BoardMember)]).await;
    let id = profile(&app, &director).await;
    let today = passend_app::lifecycle::today();
    let (in_a_week, tomorrow) = (add_days(today, 7), add_days(today, 1));
    let line = json!({
        "mr_advice": iso_day(in_a_week),
        "adoption": iso_day(tomorrow),
        "school_guide": iso_day(add_days(today, 30)),
    });
    let set = app
        .http
        .put(app.at(&format!("/api/v1/profiles/{id}/milestones")))
        .headers(director.headers())
        .json(&line)
        .send()
        .await
        .unwrap();
    assert_eq!(set.status(), StatusCode::NO_CONTENT);

    // Two server processes on the one database, each running the job every second.
    let mut servers = [serve(&app.database_url), serve(&app.database_url)];
    tokio::time::sleep(Duration::from_millis(3500)).await;
    for server in &mut servers {
        server.kill().unwrap();
        server.wait().unwrap();
    }
    let mut to_director = reminders(&app, "dirk@brug.nl").await;
    to_director.sort();
    assert_eq!(
        to_director,
        [
            format!("Herinnering: Advies van de MR op {} (De Brug)", dutch_day(in_a_week)),
            format!("Herinnering: Vaststelling door het bestuur op {} (De Brug)", dutch_day(tomorrow)),
        ],
        "one reminder per milestone, not one per server or per run"
    );
    assert_eq!(reminders(&app, "mila@brug.nl").await.len(), 1, "the MR hears of its advice");
    assert_eq!(reminders(&app, "bas@bestuur.nl").await.len(), 1, "the board hears of the adoption");

    // A restart sends nothing again.
    let mut again = serve(&app.database_url);
    tokio::time::sleep(Duration::from_millis(2500)).await;
    again.kill().unwrap();
    again.wait().unwrap();
    assert_eq!(reminders(&app, "dirk@brug.nl").await.len(), 2);
    app.stop().await;
}
