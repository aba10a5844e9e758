//! The SWV's reminders from the status board: a reminder says whom it
//! reached or that the school has nobody to remind (and offers to invite its
//! director), "remind every school whose review is overdue", and the log of
//! reminders with date and recipients.

use passend_domain::access::{Actor, Membership, Role, platform_admin};
use passend_domain::accounts::Email;
use passend_domain::organisations::{OrgKind, OrgRef};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::support::{Login, TestApp, mails_to};

const STATUS: &str = "/samenwerkingsverbanden/PO2707/status?jaar=2026-2027";
const API: &str = "/api/v1/swvs/PO2707/reminders?year=2026-2027";

/// Every mail in the outbox, to anyone.
async fn outbox_size(app: &TestApp) -> usize {
    let email = Email::parse("outbox-counter@passend.test").unwrap();
    let id = match app.db.user_by_email(&email).await.unwrap() {
        Some(user) => user.id,
        None => {
            let id = app.db.create_user(&email, "Teller", "x").await.unwrap();
            app.db
                .seed_membership(&Membership { org: OrgRef::platform(), role: Role::PlatformAdmin }, id)
                .await
                .unwrap();
            id
        }
    };
    let admin = platform_admin(&Actor::new(id, app.db.memberships_of(id).await.unwrap())).unwrap();
    app.db.outbox(&admin, 10_000).await.unwrap().len()
}

/// Posts the board's form to remind one location; the page the redirect leads to.
async fn remind_on_page(app: &TestApp, who: &Login, location: &str) -> String {
    let sent = app
        .http
        .post(app.at(STATUS))
        .headers(who.headers())
        .form(&[("csrf_token", who.csrf.as_str()), ("location", location)])
        .send()
        .await
        .unwrap();
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    follow(app, who, &sent).await
}

async fn follow(app: &TestApp, who: &Login, redirect: &reqwest::Response) -> String {
    let to = redirect.headers()["location"].to_str().unwrap().to_owned();
    assert!(to.starts_with("/samenwerkingsverbanden/PO2707/status?jaar=2026-2027&"), "{to}");
    let page = app.http.get(app.at(&to)).headers(who.headers()).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK, "{to}");
    page.text().await.unwrap()
}

async fn page(app: &TestApp, who: &Login, path: &str) -> String {
    let page = app.http.get(app.at(path)).headers(who.headers()).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK, "{path}");
    page.text().await.unwrap()
}

async fn api_remind(app: &TestApp, who: &Login, location: &str) -> Value {
    let sent =
        app.http.post(app.at(API)).headers(who.headers()).json(&json!({ "location": location })).send().await.unwrap();
    assert_eq!(sent.status(), StatusCode::OK);
    sent.json().await.unwrap()
}

async fn sent_log(app: &TestApp, who: &Login) -> Vec<Value> {
    let log = app.http.get(app.at(API)).headers(who.headers()).send().await.unwrap();
    assert_eq!(log.status(), StatusCode::OK);
    log.json::<Value>().await.unwrap()["reminders"].as_array().unwrap().clone()
}

#[tokio::test]
async fn a_reminder_to_a_school_without_people_reaches_nobody_and_offers_to_invite_its_director() {
    let app = TestApp::spawn().await;
    let admin = app.user("sanne@swv.nl", "Sanne", &[(OrgKind::Swv, "PO2707", Role::SwvAdmin)]).await;
    let admin = app.session_for(admin).await;
    let staff = app.user("stef@swv.nl", "Stef", &[(OrgKind::Swv, "PO2707", Role::SwvStaff)]).await;
    let staff = app.session_for(staff).await;
    // Het Kompas (20XK) has nobody in Passend; a team member alone is nobody to remind either.
    app.user("tim@kompas.nl", "Tim", &[(OrgKind::School, "20XK", Role::TeamMember)]).await;

    let board = page(&app, &admin, STATUS).await;
    assert!(board.contains("Niemand om te herinneren"), "{board}");
    assert!(board.contains("/organisaties/school/20XK/leden?rol=director#invite"), "{board}");

    let html = remind_on_page(&app, &admin, "20XK00").await;
    assert!(html.contains("Het Kompas: er is geen herinnering verstuurd."), "{html}");
    assert!(html.contains("Deze school heeft nog niemand in Passend om te herinneren"), "{html}");
    assert!(!html.contains("herinnering verstuurd aan"), "{html}");
    assert!(!html.contains("De herinnering is verstuurd"), "{html}");
    let invite = "/organisaties/school/20XK/leden?rol=director#invite";
    assert!(html.contains(&format!("<a href=\"{invite}\">Nodig de directeur van Het Kompas uit</a>")), "{html}");
    assert_eq!(outbox_size(&app).await, 0, "nothing in the outbox");
    assert!(sent_log(&app, &admin).await.is_empty(), "the log lists only reminders that reached someone");

    // The offer leads to the invitation form with the director's role chosen.
    let members = page(&app, &admin, invite.trim_end_matches("#invite")).await;
    assert!(members.contains("<option value=\"director\" selected>"), "{members}");

    // Through the API the same; staff who may not invite get no link and are told who can.
    let answer = api_remind(&app, &admin, "20XK00").await;
    assert_eq!(answer["sent"], 0);
    assert_eq!(answer["nobody"], 1);
    assert_eq!(answer["results"][0]["outcome"], "nobody");
    assert_eq!(answer["results"][0]["recipients"], json!([]));
    assert_eq!(answer["results"][0]["invite_director"], invite);
    let answer = api_remind(&app, &staff, "20XK00").await;
    assert_eq!(answer["results"][0]["invite_director"], Value::Null);
    let html = remind_on_page(&app, &staff, "20XK00").await;
    assert!(html.contains("Een beheerder van het samenwerkingsverband kan de directeur uitnodigen."), "{html}");
    assert_eq!(outbox_size(&app).await, 0);

    // Reminding nobody did not use up the day's reminder: once the director is there, it goes out.
    app.user("kim@kompas.nl", "Kim Kompas", &[(OrgKind::School, "20XK", Role::Director)]).await;
    let answer = api_remind(&app, &admin, "20XK00").await;
    assert_eq!(answer["results"][0]["outcome"], "sent");
    assert_eq!(answer["results"][0]["recipients"], json!([{ "name": "Kim Kompas", "email": "kim@kompas.nl" }]));
    assert_eq!(mails_to(&app.db, "kim@kompas.nl").await.len(), 1);
    assert!(mails_to(&app.db, "tim@kompas.nl").await.is_empty(), "team members are not reminded");
    app.stop().await;
}

#[tokio::test]
async fn a_reminder_says_whom_it_reached_and_the_log_lists_them_with_the_date() {
    let app = TestApp::spawn().await;
    let staff = app.user("sanne@swv.nl", "Sanne Samenwerking", &[(OrgKind::Swv, "PO2707", Role::SwvStaff)]).await;
    let staff = app.session_for(staff).await;
    app.user("dirk@brug.nl", "Dirk Directeur", &[(OrgKind::School, "04FZ", Role::Director)]).await;
    app.user(
        "ilse@brug.nl",
        "Ilse Begeleider",
        &[(OrgKind::School, "04FZ", Role::Ib), (OrgKind::School, "04FZ", Role::Director)],
    )
    .await;
    app.user("lotte@brug.nl", "Lotte Leraar", &[(OrgKind::School, "04FZ", Role::TeamMember)]).await;

    let board = page(&app, &staff, STATUS).await;
    assert!(board.contains("Naar: Dirk Directeur, Ilse Begeleider"), "{board}");
    assert!(board.contains("In dit schooljaar zijn nog geen herinneringen verstuurd."), "{board}");

    let html = remind_on_page(&app, &staff, "04FZ00").await;
    assert!(
        html.contains(
            "De Brug: herinnering verstuurd aan Dirk Directeur (dirk@brug.nl), Ilse Begeleider (ilse@brug.nl)."
        ),
        "{html}"
    );
    for to in ["dirk@brug.nl", "ilse@brug.nl"] {
        let mails = mails_to(&app.db, to).await;
        assert_eq!(mails.len(), 1, "{to}: one mail, also for two roles");
        assert!(mails[0].subject.starts_with("Herinnering van") && mails[0].body.contains("/scholen/04FZ/profielen"));
    }
    assert!(mails_to(&app.db, "lotte@brug.nl").await.is_empty());
    assert_eq!(outbox_size(&app).await, 2);

    // The log, on the page and through the API: when, where, to whom, by whom.
    assert!(html.contains("Verstuurde herinneringen 2026-2027"), "{html}");
    let (y, m, d) = passend_app::lifecycle::today();
    let day = format!("{d:02}-{m:02}-{y}");
    let row = html.split("<tbody>").last().unwrap();
    assert!(
        row.contains(&day) && row.contains("Dirk Directeur (dirk@brug.nl), Ilse Begeleider (ilse@brug.nl)"),
        "{row}"
    );
    assert!(row.contains("<td>Sanne Samenwerking</td>"), "{row}");
    let log = sent_log(&app, &staff).await;
    assert_eq!(log.len(), 1);
    assert_eq!(log[0]["location"], "04FZ00");
    assert_eq!(log[0]["sent_by"], "Sanne Samenwerking");
    assert_eq!(log[0]["recipients"].as_array().unwrap().len(), 2);
    assert!((log[0]["sent_at"].as_i64().unwrap() - passend_storage::now()).abs() < 120);

    // Again the same day: not sent again, and the page says so.
    let html = remind_on_page(&app, &staff, "04FZ00").await;
    assert!(html.contains("De Brug: niet opnieuw verstuurd."), "{html}");
    assert_eq!(outbox_size(&app).await, 2, "one reminder a day per location");
    assert_eq!(sent_log(&app, &staff).await.len(), 1);

    // Another SWV sees neither the round nor the log, and cannot remind this SWV's schools.
    let other = app.user("olga@swv-b.nl", "Olga", &[(OrgKind::Swv, "PO2815", Role::SwvAdmin)]).await;
    let other = app.session_for(other).await;
    let round = log[0]["round"].as_i64().unwrap();
    let theirs = app
        .http
        .get(app.at(&format!("/samenwerkingsverbanden/PO2815/status?ronde={round}")))
        .headers(other.headers())
        .send()
        .await
        .unwrap();
    assert_eq!(theirs.status(), StatusCode::NOT_FOUND);
    let log_b = app.http.get(app.at("/api/v1/swvs/PO2815/reminders")).headers(other.headers()).send().await.unwrap();
    assert_eq!(log_b.json::<Value>().await.unwrap()["reminders"], json!([]));
    let elsewhere = app
        .http
        .post(app.at("/api/v1/swvs/PO2815/reminders"))
        .headers(other.headers())
        .json(&json!({ "location": "04FZ00" }))
        .send()
        .await
        .unwrap();
    assert_eq!(elsewhere.status(), StatusCode::NOT_FOUND);
    let forbidden = app
        .http
        .post(app.at(API))
        .headers(other.headers())
        .json(&json!({ "location": "04FZ00" }))
        .send()
        .await
        .unwrap();
    assert_eq!(forbidden.status(), StatusCode::FORBIDDEN);
    assert_eq!(outbox_size(&app).await, 2);
    app.stop().await;
}

#[tokio::test]
async fn remind_all_reaches_every_school_whose_review_is_overdue() {
    let app = TestApp::spawn().await;
    let director = app.user("dirk@brug.nl", "Dirk", &[(OrgKind::School, "04FZ", Role::Director)]).await;
    let director = app.session_for(director).await;
    let mr = app.user("mila@brug.nl", "Mila", &[(OrgKind::School, "04FZ", Role::MrMember)]).await;
    let mr = app.session_for(mr).await;
    let board = app.user("bas@bestuur.nl", "Bas", &[(OrgKind::Board, "41234", Role::BoardMember)]).await;
    let board = app.session_for(board).await;
    let staff = app.user("sanne@swv.nl", "Sanne", &[(OrgKind::Swv, "PO2707", Role::SwvAdmin)]).await;
    let staff = app.session_for(staff).await;

    // Nothing overdue yet: nothing is sent, and the page says so.
    let none = app
        .http
        .post(app.at("/samenwerkingsverbanden/PO2707/status/achterstallig?jaar=2026-2027"))
        .headers(staff.headers())
        .form(&[("csrf_token", staff.csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(none.status(), StatusCode::SEE_OTHER);
    assert!(follow(&app, &staff, &none).await.contains("Geen enkele school heeft een verlopen herziening."));
    let api_none = app.http.post(app.at(&API.replace("?", "/overdue?"))).headers(staff.headers()).send().await.unwrap();
    assert_eq!(api_none.json::<Value>().await.unwrap(), json!({ "round": null }));

    // De Brug adopted 2024-2025 on 1 September 2025 (yearly rule: review due 1 August 2025).
    let old = app.start_profile(&director, "04FZ", "04FZ00", "2024-2025").await;
    for (who, body) in [
        (&director, json!({ "step": "ask_mr_advice" })),
        (&mr, json!({ "step": "record_advice", "verdict": "positive", "advice": "Goed.", "date": "2025-08-20" })),
        (&board, json!({ "step": "adopt", "date": "2025-09-01", "confirmed": true })),
    ] {
        let url = app.at(&format!("/api/v1/profiles/{old}/steps"));
        let taken = app.http.post(url).headers(who.headers()).json(&body).send().await.unwrap();
        assert_eq!(taken.status(), StatusCode::OK);
    }
    // Het Kompas (nobody in Passend) has an adopted 2025-2026 profile: overdue since 1 August 2026.
    let template = passend_domain::questionnaire::default_template();
    let location = passend_domain::generated::SampleLocation { code: "20XK00".into(), duo_type: None, pupils: None };
    let mut kompas = passend_domain::generated::generate(
        template,
        &location,
        passend_domain::questionnaire::SchoolYear::starting(2025),
        1,
    );
    kompas.state = passend_domain::lifecycle::ProfileState::Published;
    kompas.adopted_on = Some("2026-06-10".into());
    let row = passend_storage::generated::GeneratedRow {
        location_code: "20XK00",
        brin: "20XK",
        school_year: "2025-2026".into(),
        profile: &kompas,
    };
    assert_eq!(app.db.insert_generated(&[row]).await.unwrap(), 1);

    let html = page(&app, &staff, STATUS).await;
    assert!(html.contains("Herinner alle 2 scholen met een verlopen herziening"), "{html}");
    // The steps mailed people already; count what the reminders add.
    let before = outbox_size(&app).await;
    let reminders_to = |to: &'static str| {
        let db = app.db.clone();
        async move { mails_to(&db, to).await.into_iter().filter(|m| m.subject.starts_with("Herinnering van")).count() }
    };
    let sent = app
        .http
        .post(app.at("/samenwerkingsverbanden/PO2707/status/achterstallig?jaar=2026-2027"))
        .headers(staff.headers())
        .form(&[("csrf_token", staff.csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    let html = follow(&app, &staff, &sent).await;
    assert!(
        html.contains(
            "1 vestiging herinnerd (1 persoon); 1 vestiging zonder iemand om te herinneren; 0 vestigingen hadden vandaag al een herinnering."
        ),
        "{html}"
    );
    assert!(html.contains("De Brug: herinnering verstuurd aan Dirk (dirk@brug.nl)."), "{html}");
    assert!(html.contains("Het Kompas: er is geen herinnering verstuurd."), "{html}");
    assert!(html.contains("/organisaties/school/20XK/leden?rol=director#invite"), "{html}");
    assert!(!html.contains("De Brug dependance:"), "a school without an overdue review is not in the round");
    assert_eq!(reminders_to("dirk@brug.nl").await, 1);
    assert_eq!(reminders_to("mila@brug.nl").await + reminders_to("bas@bestuur.nl").await, 0);
    assert_eq!(outbox_size(&app).await, before + 1);

    // Through the API, the same day: De Brug had its reminder, Het Kompas still has nobody.
    let again = app.http.post(app.at(&API.replace("?", "/overdue?"))).headers(staff.headers()).send().await.unwrap();
    assert_eq!(again.status(), StatusCode::OK);
    let round = again.json::<Value>().await.unwrap()["round"].clone();
    assert_eq!(
        (round["sent"].clone(), round["nobody"].clone(), round["already_sent"].clone()),
        (json!(0), json!(1), json!(1))
    );
    let outcomes: Vec<_> =
        round["results"].as_array().unwrap().iter().map(|r| (r["location"].clone(), r["outcome"].clone())).collect();
    assert_eq!(outcomes, vec![(json!("04FZ00"), json!("already_sent")), (json!("20XK00"), json!("nobody"))]);
    assert_eq!(outbox_size(&app).await, before + 1);
    let log = sent_log(&app, &staff).await;
    assert_eq!(log.len(), 1, "{log:?}");
    assert_eq!(log[0]["recipients"], json!([{ "name": "Dirk", "email": "dirk@brug.nl" }]));
    app.stop().await;
}
