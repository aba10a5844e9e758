//! Activities: sign-up → full → wait list → cancellation promotes the first
//! waiting; the mails carry a calendar file that parses; the last place goes
//! to exactly one of many sign-ups at the same moment; the window, a second
//! sign-up and a used cancel link are refused; organisers see, export and
//! mark participants; the reminder goes out once.

use icalendar::{Calendar, CalendarComponent, Component};
use passend_app::{App, AppConfig, MailConfig};
use passend_domain::access::Role;
use passend_domain::organisations::{OrgKind, OrgRef};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::support::{Login, TestApp, link_in, mails_to, rfc3339};

const DAY: i64 = 86_400;

async fn admin(app: &TestApp) -> Login {
    let id = app
        .user("redactie@passend.test", "Redactie", &[(OrgKind::Platform, OrgRef::PLATFORM_CODE, Role::PlatformAdmin)])
        .await;
    app.session_for(id).await
}

/// Makes an activity through the API; its id.
pub async fn create(app: &TestApp, who: &Login, capacity: i64, opens: i64, closes: i64, starts: &[i64]) -> i64 {
    let sessions: Vec<Value> = starts
        .iter()
        .map(|s| json!({ "starts_at": rfc3339(*s), "ends_at": rfc3339(s + 3 * 3600), "place": "Aidadreef 4, Utrecht" }))
        .collect();
    let made = app
        .http
        .post(app.at("/api/v1/activities"))
        .headers(who.headers())
        .json(&json!({
            "kind": "inspiration_visit",
            "title": "Inspiratiebezoek kindcentrum De Brug",
            "description": "Rondleiding en gesprek met het team over sbo en so onder één dak.",
            "audience": "Leidinggevenden en intern begeleiders",
            "criteria": "Bij voorkeur een SWV met een van zijn scholen",
            "capacity": capacity,
            "sign_up_opens_at": rfc3339(opens),
            "sign_up_closes_at": rfc3339(closes),
            "sessions": sessions,
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(made.status(), StatusCode::CREATED, "{}", made.text().await.unwrap());
    made.json::<Value>().await.unwrap()["id"].as_i64().unwrap()
}

async fn sign_up(app: &TestApp, activity: i64, name: &str, email: &str) -> reqwest::Response {
    app.http
        .post(app.at(&format!("/api/v1/activities/{activity}/registrations")))
        .json(&json!({ "name": name, "email": email, "organisation": "PO2707", "role": "IB-er" }))
        .send()
        .await
        .unwrap()
}

async fn signed(app: &TestApp, activity: i64, name: &str, email: &str) -> Value {
    let response = sign_up(app, activity, name, email).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    response.json().await.unwrap()
}

/// The calendar file of a mail, parsed; panics when the mail has none.
fn calendar_of(mail: &passend_storage::outbox::OutboxMail) -> Calendar {
    assert!(mail.attachment_name.as_deref().is_some_and(|n| n.ends_with(".ics")));
    mail.attachment.as_deref().unwrap().parse().unwrap()
}

fn event_starts(calendar: &Calendar) -> Vec<String> {
    calendar
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e.get_start().map(|s| format!("{s:?}")).unwrap_or_default()),
            _ => None,
        })
        .collect()
}

#[tokio::test]
async fn sign_up_fills_the_places_then_the_wait_list_and_a_cancellation_promotes() {
    let app = TestApp::spawn().await;
    let who = admin(&app).await;
    let now = passend_storage::now();
    let first = now + 10 * DAY;
    let activity = create(&app, &who, 2, now - DAY, now + 5 * DAY, &[first, first + 14 * DAY]).await;

    let anne = signed(&app, activity, "Anne de Vries", "anne@school.example").await;
    assert_eq!(anne["status"], "registered");
    assert_eq!(signed(&app, activity, "Bram Smit", "bram@school.example").await["status"], "registered");
    let carla = signed(&app, activity, "Carla Jansen", "carla@school.example").await;
    assert_eq!(carla["status"], "waitlisted");
    assert_eq!(signed(&app, activity, "Daan Bakker", "daan@school.example").await["status"], "waitlisted");

    // A second sign-up with one address: a Dutch message, nothing stored.
    let twice = sign_up(&app, activity, "Anne", "Anne@School.example").await;
    assert_eq!(twice.status(), StatusCode::BAD_REQUEST);
    assert!(twice.text().await.unwrap().contains("al aangemeld"));

    let listed: Vec<Value> = app.http.get(app.at("/api/v1/activities")).send().await.unwrap().json().await.unwrap();
    let shown = listed.iter().find(|a| a["id"] == activity).unwrap();
    assert_eq!((shown["places_left"].as_i64(), shown["waiting"].as_i64()), (Some(0), Some(2)));

    // The confirmation carries the cancel link (with the token) and a calendar file with both sessions.
    let mail = &mails_to(&app.db, "anne@school.example").await[0];
    assert!(mail.subject.starts_with("Aangemeld"), "{}", mail.subject);
    let token = anne["token"].as_str().unwrap();
    let cancel = link_in(&mail.body, "/activiteiten/afmelden/");
    assert!(cancel.ends_with(token));
    let calendar = calendar_of(mail);
    let starts = event_starts(&calendar);
    assert_eq!(starts.len(), 2, "{starts:?}");
    let ics = mail.attachment.as_deref().unwrap();
    let first_utc = time::OffsetDateTime::from_unix_timestamp(first).unwrap();
    let stamp = format!(
        "DTSTART:{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        first_utc.year(),
        u8::from(first_utc.month()),
        first_utc.day(),
        first_utc.hour(),
        first_utc.minute(),
        first_utc.second()
    );
    assert!(ics.contains(&stamp), "{ics}");
    // The wait list's mail has no calendar file (no place yet).
    assert!(mails_to(&app.db, "carla@school.example").await[0].attachment.is_none());

    // The public calendar file parses too.
    let public = app.http.get(app.at(&format!("/activiteiten/{activity}.ics"))).send().await.unwrap();
    assert_eq!(public.status(), StatusCode::OK);
    assert!(public.headers()["content-type"].to_str().unwrap().starts_with("text/calendar"));
    let parsed: Calendar = public.text().await.unwrap().parse().unwrap();
    assert_eq!(event_starts(&parsed).len(), 2);

    // Anne cancels: Carla, the first waiting, gets the place and a mail with the calendar file.
    let cancelled = app.http.delete(app.at(&format!("/api/v1/registrations/{token}"))).send().await.unwrap();
    assert_eq!(cancelled.status(), StatusCode::NO_CONTENT);
    let again = app.http.delete(app.at(&format!("/api/v1/registrations/{token}"))).send().await.unwrap();
    assert_eq!(again.status(), StatusCode::CONFLICT);
    let carla_mails = mails_to(&app.db, "carla@school.example").await;
    assert_eq!(carla_mails.len(), 2);
    assert!(carla_mails[0].subject.starts_with("U heeft een plaats"), "{}", carla_mails[0].subject);
    assert_eq!(event_starts(&calendar_of(&carla_mails[0])).len(), 2);
    assert_eq!(mails_to(&app.db, "daan@school.example").await.len(), 1);

    let people: Vec<Value> = app
        .http
        .get(app.at(&format!("/api/v1/activities/{activity}/registrations")))
        .headers(who.headers())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let status_of = |email: &str| people.iter().find(|p| p["email"] == email).unwrap()["status"].clone();
    assert_eq!(status_of("carla@school.example"), "registered");
    assert_eq!(status_of("daan@school.example"), "waitlisted");
    assert_eq!(status_of("anne@school.example"), "cancelled");
    // The organisation was looked up in the directory.
    assert!(people[0]["organisation"].as_str().unwrap().contains("(PO2707)"), "{}", people[0]);

    // The cancel page's button does the same as the API; a used link says so.
    let page = app.http.post(app.at(&cancel.replace(&app.url, ""))).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.text().await.unwrap().contains("al afgemeld"));

    // Anne signs up again after cancelling: she joins the wait list behind Daan.
    assert_eq!(signed(&app, activity, "Anne de Vries", "anne@school.example").await["status"], "waitlisted");
    app.stop().await;
}

#[tokio::test]
async fn the_last_place_goes_to_exactly_one_of_many_at_the_same_moment() {
    let app = TestApp::spawn().await;
    let who = admin(&app).await;
    let now = passend_storage::now();
    for round in 0..3 {
        let activity = create(&app, &who, 1, now - DAY, now + 5 * DAY, &[now + 10 * DAY]).await;
        // Twelve sign-ups sent at once, each on its own task.
        let mut tasks = tokio::task::JoinSet::new();
        for n in 0..12 {
            let http = app.http.clone();
            let url = app.at(&format!("/api/v1/activities/{activity}/registrations"));
            let body = json!({ "name": format!("Deelnemer {n}"), "email": format!("d{round}-{n}@school.example") });
            tasks.spawn(async move {
                let response = http.post(url).json(&body).send().await.unwrap();
                assert_eq!(response.status(), StatusCode::CREATED);
                response.json::<Value>().await.unwrap()
            });
        }
        let results = tasks.join_all().await;
        let registered = results.iter().filter(|r| r["status"] == "registered").count();
        let waiting = results.iter().filter(|r| r["status"] == "waitlisted").count();
        assert_eq!((registered, waiting), (1, 11), "round {round}");
        let listed: Vec<Value> = app.http.get(app.at("/api/v1/activities")).send().await.unwrap().json().await.unwrap();
        let shown = listed.iter().find(|a| a["id"] == activity).unwrap();
        assert_eq!((shown["places_left"].as_i64(), shown["waiting"].as_i64()), (Some(0), Some(11)));
    }
    app.stop().await;
}

#[tokio::test]
async fn sign_up_outside_the_window_and_bad_input_are_refused_with_a_message() {
    let app = TestApp::spawn().await;
    let who = admin(&app).await;
    let now = passend_storage::now();
    let closed = create(&app, &who, 5, now - 10 * DAY, now - DAY, &[now + 10 * DAY]).await;
    let late = sign_up(&app, closed, "Eva", "eva@school.example").await;
    assert_eq!(late.status(), StatusCode::BAD_REQUEST);
    assert!(late.text().await.unwrap().contains("gesloten"));
    let future = create(&app, &who, 5, now + DAY, now + 5 * DAY, &[now + 10 * DAY]).await;
    let early = sign_up(&app, future, "Eva", "eva@school.example").await;
    assert_eq!(early.status(), StatusCode::BAD_REQUEST);
    assert!(early.text().await.unwrap().contains("nog niet"));

    let open = create(&app, &who, 5, now - DAY, now + 5 * DAY, &[now + 10 * DAY]).await;
    let long = sign_up(&app, open, &"x".repeat(201), "eva@school.example").await;
    assert_eq!(long.status(), StatusCode::BAD_REQUEST);
    assert!(long.text().await.unwrap().contains("hoogstens 200"));
    assert!(mails_to(&app.db, "eva@school.example").await.is_empty());

    // The form page shows the message next to the field and keeps what was typed.
    let page = app
        .http
        .post(app.at(&format!("/activiteiten/{open}")))
        .form(&[("name", "Eva Visser"), ("email", "geen-adres")])
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = page.text().await.unwrap();
    assert!(html.contains("Vul een geldig e-mailadres in"));
    assert!(html.contains("value=\"Eva Visser\""));

    // An activity whose window closes after it starts is refused.
    let bad = app
        .http
        .post(app.at("/api/v1/activities"))
        .headers(who.headers())
        .json(&json!({ "kind": "webinar", "title": "Webinar", "capacity": 0,
            "sign_up_opens_at": rfc3339(now), "sign_up_closes_at": rfc3339(now + 20 * DAY),
            "sessions": [{ "starts_at": rfc3339(now + 10 * DAY), "ends_at": rfc3339(now + 10 * DAY + 3600), "place": "https://webinar.example" }] }))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    let text = bad.text().await.unwrap();
    assert!(text.contains("capacity") && text.contains("closes_at"), "{text}");
    app.stop().await;
}

#[tokio::test]
async fn organisers_see_export_and_mark_participants_and_others_do_not() {
    let app = TestApp::spawn().await;
    let who = admin(&app).await;
    let now = passend_storage::now();
    let activity = create(&app, &who, 3, now - DAY, now + 5 * DAY, &[now + 10 * DAY]).await;
    signed(&app, activity, "Fatima el Amrani", "fatima@school.example").await;
    signed(&app, activity, "=Gert", "gert@school.example").await;

    let csv = app
        .http
        .get(app.at(&format!("/activiteiten/{activity}/deelnemers.csv")))
        .headers(who.headers())
        .send()
        .await
        .unwrap();
    assert_eq!(csv.status(), StatusCode::OK);
    let text = csv.text().await.unwrap();
    assert!(text.contains("Fatima el Amrani;fatima@school.example"));
    // A formula is defused.
    assert!(text.contains("'=Gert"));
    let xlsx = app
        .http
        .get(app.at(&format!("/activiteiten/{activity}/deelnemers.xlsx")))
        .headers(who.headers())
        .send()
        .await
        .unwrap();
    assert_eq!(xlsx.status(), StatusCode::OK);
    assert!(xlsx.bytes().await.unwrap().starts_with(b"PK"));

    let people: Vec<Value> = app
        .http
        .get(app.at(&format!("/api/v1/activities/{activity}/registrations")))
        .headers(who.headers())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let fatima = people[0]["id"].as_i64().unwrap();
    let marked = app
        .http
        .put(app.at(&format!("/api/v1/activities/{activity}/registrations/{fatima}/attendance")))
        .headers(who.headers())
        .json(&json!({ "attended": true }))
        .send()
        .await
        .unwrap();
    assert_eq!(marked.status(), StatusCode::NO_CONTENT);
    let page = app
        .http
        .get(app.at(&format!("/activiteiten/{activity}/deelnemers")))
        .headers(who.headers())
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);

    // A director organises nothing; another SWV's staff do not see the platform's activity.
    let director = app.user("dir@school.example", "Dir", &[(OrgKind::School, "32DD", Role::Director)]).await;
    let director = app.session_for(director).await;
    let refused = app
        .http
        .get(app.at(&format!("/api/v1/activities/{activity}/registrations")))
        .headers(director.headers())
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let staff = app.user("staf@swv.example", "Staf", &[(OrgKind::Swv, "PO2815", Role::SwvStaff)]).await;
    let staff = app.session_for(staff).await;
    let hidden = app
        .http
        .get(app.at(&format!("/activiteiten/{activity}/deelnemers.csv")))
        .headers(staff.headers())
        .send()
        .await
        .unwrap();
    assert_eq!(hidden.status(), StatusCode::NOT_FOUND);
    // Their own SWV's activity they may make and manage.
    let own = app
        .http
        .post(app.at("/api/v1/activities"))
        .headers(staff.headers())
        .json(&json!({ "kind": "exchange_day", "title": "Uitwisseling", "capacity": 40, "swv": "PO2815",
            "sign_up_opens_at": rfc3339(now), "sign_up_closes_at": rfc3339(now + DAY),
            "sessions": [{ "starts_at": rfc3339(now + 3 * DAY), "ends_at": rfc3339(now + 3 * DAY + 3600), "place": "Zwolle" }] }))
        .send()
        .await
        .unwrap();
    assert_eq!(own.status(), StatusCode::CREATED);
    let other = app
        .http
        .post(app.at("/api/v1/activities"))
        .headers(staff.headers())
        .json(&json!({ "kind": "exchange_day", "title": "Uitwisseling", "capacity": 40, "swv": "PO2707",
            "sign_up_opens_at": rfc3339(now), "sign_up_closes_at": rfc3339(now + DAY),
            "sessions": [{ "starts_at": rfc3339(now + 3 * DAY), "ends_at": rfc3339(now + 3 * DAY + 3600), "place": "Zwolle" }] }))
        .send()
        .await
        .unwrap();
    assert_eq!(other.status(), StatusCode::FORBIDDEN);
    app.stop().await;
}

#[tokio::test]
async fn the_reminder_goes_out_two_days_before_and_once() {
    let app = TestApp::spawn().await;
    let who = admin(&app).await;
    let now = passend_storage::now();
    let soon = create(&app, &who, 3, now - 2 * DAY, now + 3600, &[now + DAY + 7200, now + 20 * DAY]).await;
    signed(&app, soon, "Hanna", "hanna@school.example").await;
    let config = AppConfig {
        public_url: app.url.clone(),
        mail: MailConfig { smtp_url: None, from: "Passend <noreply@passend.invalid>".into() },
        oidc: Vec::new(),
    };
    let use_cases = App::new(app.db.clone(), &config).unwrap();
    assert_eq!(use_cases.send_activity_reminders(now).await.unwrap(), 1);
    assert_eq!(use_cases.send_activity_reminders(now).await.unwrap(), 0);
    let mails = mails_to(&app.db, "hanna@school.example").await;
    assert!(mails[0].subject.starts_with("Herinnering"));
    assert_eq!(mails.len(), 2);
    app.stop().await;
}
