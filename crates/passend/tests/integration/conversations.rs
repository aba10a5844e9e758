//! The SWV's yearly conversation with a school (issue 13), through the API:
//! guide → planning (mail with a valid `.ics`) → preparation → held →
//! agreements → both confirm → fixed (every write after is a 409) → next
//! year shows the agreements; funds hand-computed; pupil data and bad key
//! figures refused; who may read and write.

use passend_domain::access::{Actor, Membership, Role, platform_admin};
use passend_domain::accounts::Email;
use passend_domain::organisations::{OrgKind, OrgRef};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::support::{Login, TestApp, mails_to};

async fn send(
    app: &TestApp,
    who: &Login,
    method: reqwest::Method,
    path: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let mut request = app.http.request(method, app.at(path)).headers(who.headers());
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.unwrap();
    let status = response.status();
    let text = response.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::String(text)))
}

async fn get(app: &TestApp, who: &Login, path: &str) -> (StatusCode, Value) {
    send(app, who, reqwest::Method::GET, path, None).await
}

async fn put(app: &TestApp, who: &Login, path: &str, body: Value) -> (StatusCode, Value) {
    send(app, who, reqwest::Method::PUT, path, Some(body)).await
}

async fn post(app: &TestApp, who: &Login, path: &str, body: Value) -> (StatusCode, Value) {
    send(app, who, reqwest::Method::POST, path, Some(body)).await
}

struct People {
    admin: Login,
    staff: Login,
    director: Login,
    ib: Login,
    board: Login,
    mr: Login,
    team: Login,
    other_swv: Login,
}

async fn people(app: &TestApp) -> People {
    let mut logins = Vec::new();
    for (email, kind, code, role) in [
        ("admin@swv.test", OrgKind::Swv, "PO2707", Role::SwvAdmin),
        ("consulent@swv.test", OrgKind::Swv, "PO2707", Role::SwvStaff),
        ("directeur@debrug.test", OrgKind::School, "04FZ", Role::Director),
        ("ib@debrug.test", OrgKind::School, "04FZ", Role::Ib),
        ("bestuur@debrug.test", OrgKind::Board, "41234", Role::BoardMember),
        ("mr@debrug.test", OrgKind::School, "04FZ", Role::MrMember),
        ("team@debrug.test", OrgKind::School, "04FZ", Role::TeamMember),
        ("ander@swv.test", OrgKind::Swv, "PO2815", Role::SwvAdmin),
    ] {
        let id = app.user(email, email, &[(kind, code, role)]).await;
        logins.push(app.session_for(id).await);
    }
    let mut it = logins.into_iter();
    let mut next = || it.next().unwrap();
    People {
        admin: next(),
        staff: next(),
        director: next(),
        ib: next(),
        board: next(),
        mr: next(),
        team: next(),
        other_swv: next(),
    }
}

async fn attachments_of(app: &TestApp, mail_id: i64) -> Vec<(String, String, String)> {
    let email = Email::parse("bijlagen@passend.test").unwrap();
    let id = match app.db.user_by_email(&email).await.unwrap() {
        Some(user) => user.id,
        None => {
            let id = app.db.create_user(&email, "Lezer", "x").await.unwrap();
            app.db
                .seed_membership(&Membership { org: OrgRef::platform(), role: Role::PlatformAdmin }, id)
                .await
                .unwrap();
            id
        }
    };
    let admin = platform_admin(&Actor::new(id, app.db.memberships_of(id).await.unwrap())).unwrap();
    app.db.mail_attachments(&admin, mail_id).await.unwrap()
}

fn plan(year_date: &str) -> Value {
    json!({
        "location": "04FZ00", "date": year_date, "time": "10:30", "minutes": 90,
        "place": "De Brug, kamer van de directeur",
        "attendees": [
            {"name": "Daan Directeur", "role": "directeur", "side": "school", "email": "directeur@debrug.test"},
            {"name": "Ilse IB", "role": "intern begeleider", "side": "school", "email": "ib@debrug.test"},
            {"name": "Carla Consulent", "role": "consulent", "side": "swv", "email": "consulent@swv.test"}
        ],
        "consultant": "Carla Consulent"
    })
}

#[tokio::test]
async fn a_conversation_from_guide_to_fixed_report_and_next_year() {
    let app = TestApp::spawn().await;
    let p = people(&app).await;

    // 1. The guide: the default first, then published; a change after publishing is a new version.
    let (status, guide) = get(&app, &p.admin, "/api/v1/swvs/PO2707/conversation-guides/2026-2027").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(guide["version"], 0);
    let content = guide["guide"].clone();
    assert!(content["sections"].as_array().unwrap().len() >= 5);
    let (status, saved) = put(
        &app,
        &p.admin,
        "/api/v1/swvs/PO2707/conversation-guides/2026-2027",
        json!({"guide": content, "publish": true}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    assert_eq!((saved["version"].as_i64(), saved["published"].as_bool()), (Some(1), Some(true)));
    let (status, again) =
        put(&app, &p.admin, "/api/v1/swvs/PO2707/conversation-guides/2026-2027", json!({"guide": content})).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!((again["version"].as_i64(), again["published"].as_bool()), (Some(2), Some(false)));
    // Staff read the guide but do not compose it.
    let (status, _) =
        put(&app, &p.staff, "/api/v1/swvs/PO2707/conversation-guides/2026-2027", json!({"guide": content})).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // A guide with an unknown goal is refused.
    let mut broken = content.clone();
    broken["sections"][0]["questions"][0]["goal"] = json!("9.9");
    let (status, _) =
        put(&app, &p.admin, "/api/v1/swvs/PO2707/conversation-guides/2026-2027", json!({"guide": broken})).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    // 5. Funds: 280 pupils (the SWV's own count) × €150 and × €45.
    let (status, body) = put(
        &app,
        &p.admin,
        "/api/v1/swvs/PO2707/funds/2026-2027",
        json!({"basic_cents": 15000, "extra_cents": 4500, "pupil_counts": [{"location": "04FZ00", "pupils": 280}]}),
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    let (_, funds) = get(&app, &p.staff, "/api/v1/swvs/PO2707/funds/2026-2027").await;
    let brug = funds["locations"].as_array().unwrap().iter().find(|l| l["location_code"] == "04FZ00").unwrap();
    assert_eq!(brug["funds"]["basic_cents"], 280 * 15000);
    assert_eq!(brug["funds"]["extra_cents"], 280 * 4500);
    assert_eq!(brug["funds"]["basic"], "€ 42.000,00");
    assert_eq!(brug["funds"]["extra"], "€ 12.600,00");
    // A location without an SWV count takes DUO's (04FZ01 has 40 pupils).
    let dependance = funds["locations"].as_array().unwrap().iter().find(|l| l["location_code"] == "04FZ01").unwrap();
    assert_eq!(dependance["funds"]["basic_cents"], 40 * 15000);

    // 2. Planning: the list shows the school unplanned, then planned; invitations carry a valid .ics.
    let (_, list) = get(&app, &p.staff, "/api/v1/swvs/PO2707/conversations?year=2026-2027").await;
    let not_planned_before = list["not_planned"].as_i64().unwrap();
    let (status, planned) =
        post(&app, &p.staff, "/api/v1/swvs/PO2707/conversations?year=2026-2027", plan("2027-03-10")).await;
    assert_eq!(status, StatusCode::CREATED, "{planned}");
    let id = planned["id"].as_i64().unwrap();
    let (status, _) =
        post(&app, &p.staff, "/api/v1/swvs/PO2707/conversations?year=2026-2027", plan("2027-03-11")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "one conversation per location and year");
    let (_, list) = get(&app, &p.staff, "/api/v1/swvs/PO2707/conversations?year=2026-2027").await;
    assert_eq!(list["not_planned"].as_i64().unwrap(), not_planned_before - 1);
    let row = list["conversations"].as_array().unwrap().iter().find(|c| c["location_code"] == "04FZ00").unwrap();
    assert_eq!(row["state"], "planned");
    assert_eq!(row["starts"], "2027-03-10T10:30");

    let mails = mails_to(&app.db, "directeur@debrug.test").await;
    assert_eq!(mails.len(), 1);
    assert!(mails[0].subject.starts_with("Uitnodiging: jaargesprek"), "{}", mails[0].subject);
    assert!(mails[0].body.contains(&format!("/gesprekken/{id}")));
    let files = attachments_of(&app, mails[0].id).await;
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].0, "jaargesprek.ics");
    assert!(files[0].1.starts_with("text/calendar"));
    let calendar: icalendar::Calendar = files[0].2.parse().expect("a valid iCalendar document");
    let event = calendar.components.iter().find_map(|c| c.as_event()).expect("an event");
    use icalendar::{Component, EventLike};
    // 10:30 in Amsterdam on 10 March (winter time) is 09:30 UTC.
    let starts = event.get_start().expect("DTSTART");
    assert!(format!("{starts:?}").contains("2027-03-10T09:30:00"), "{starts:?}");
    assert!(event.get_summary().unwrap().contains("Jaargesprek"));
    assert_eq!(event.get_location(), Some("De Brug, kamer van de directeur"));
    assert_eq!(mails_to(&app.db, "consulent@swv.test").await.len(), 1);

    // 3. Preparation by the school: saved per answer with versions; a second writer gets a conflict.
    let path = |key: &str| format!("/api/v1/conversations/{id}/answers/{key}");
    let (status, saved) = put(
        &app,
        &p.director,
        &path("speerpunten"),
        json!({"value": "Rekenen en de overgang naar het vo.", "version": 0}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    assert_eq!(saved["phase"], "preparation");
    let (status, conflict) = put(&app, &p.ib, &path("speerpunten"), json!({"value": "Lezen.", "version": 0})).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(conflict["current"], "Rekenen en de overgang naar het vo.");
    assert_eq!(conflict["version"], 1);
    let (status, _) = put(&app, &p.ib, &path("speerpunten"), json!({"value": "Rekenen en lezen.", "version": 1})).await;
    assert_eq!(status, StatusCode::OK);
    // 4. Pupil data and bad figures are refused with a Dutch message.
    let (status, refused) = put(
        &app,
        &p.director,
        &path("intensieve_behoeften"),
        json!({"value": "Leerling met BSN 111222333", "version": 0}),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(refused["error"]["fields"][0]["code"], "pupil-data-bsn");
    let (status, refused) = put(
        &app,
        &p.director,
        &path("intensieve_behoeften"),
        json!({"value": "Een meisje, geboren op 12-03-2017, heeft een eigen leerlijn.", "version": 0}),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(refused["error"]["fields"][0]["code"], "pupil-data-birth-date");
    let (status, refused) = put(&app, &p.director, &path("opp_aantal"), json!({"value": -2, "version": 0})).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(refused["error"]["fields"][0]["code"], "conv-figure-negative");
    let (status, refused) = put(&app, &p.director, &path("opp_aantal"), json!({"value": "zes", "version": 0})).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(refused["error"]["fields"][0]["code"], "conv-figure-whole");
    let (status, _) =
        put(&app, &p.director, &path("opp_aantal"), json!({"value": {"count": 6, "note": "twee nieuw"}, "version": 0}))
            .await;
    assert_eq!(status, StatusCode::OK);
    // The SWV records only once the conversation is held.
    let (status, _) = put(&app, &p.staff, &path("speerpunten"), json!({"value": "x", "version": 0})).await;
    assert_eq!(status, StatusCode::CONFLICT);

    let (status, view) = get(&app, &p.staff, &format!("/api/v1/conversations/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(view["state"], "prepared");
    assert_eq!(view["funds"]["total"], "€ 54.600,00");
    let question = view["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["questions"].as_array().unwrap().clone())
        .find(|q| q["key"] == "opp_aantal")
        .unwrap();
    assert_eq!(question["kind"], "figure");
    assert_eq!(question["prepared"]["value"]["count"], 6);
    let figure = view["figures"].as_array().unwrap().iter().find(|f| f["key"] == "opp_aantal").unwrap().clone();
    assert_eq!(figure["count"], 6);
    assert!(view["facts"]["offers"].as_array().unwrap().len() == 12);

    // 6. Held: the SWV records answers beside the preparation, and agreements.
    let (status, _) = put(
        &app,
        &p.staff,
        &format!("/api/v1/conversations/{id}/details"),
        json!({"held": true, "report_author": "Carla Consulent"}),
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, saved) =
        put(&app, &p.staff, &path("speerpunten"), json!({"value": "Rekenen; lezen volgt volgend jaar.", "version": 0}))
            .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(saved["phase"], "conversation");
    let (status, _) = put(&app, &p.staff, &path("opp_aantal"), json!({"value": 7, "version": 0})).await;
    assert_eq!(status, StatusCode::OK);
    let mut agreements = Vec::new();
    for (what, goal) in [
        ("Het team volgt de scholing handelingsgericht werken.", "1.2"),
        ("De IB-er registreert alle OPP's in het ROD.", "1.2"),
        ("School en consulent bespreken de groep-8-leerlingen met risico bij de overstap.", "2.4"),
    ] {
        let (status, agreement) = post(
            &app,
            &p.staff,
            &format!("/api/v1/conversations/{id}/agreements"),
            json!({"what": what, "who": "IB-er", "due": "2027-06-30", "goal": goal}),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{agreement}");
        agreements.push(agreement["id"].as_i64().unwrap());
    }
    let (status, _) = post(
        &app,
        &p.staff,
        &format!("/api/v1/conversations/{id}/agreements"),
        json!({"what": "Over 111222333 praten", "who": "IB-er"}),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    // The school decides the annex; the SWV may not.
    let (status, _) =
        put(&app, &p.staff, &format!("/api/v1/conversations/{id}/details"), json!({"annexed": true})).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) =
        put(&app, &p.director, &format!("/api/v1/conversations/{id}/details"), json!({"annexed": true})).await;
    assert_eq!(status, StatusCode::NO_CONTENT);

    // 9. Access before the report is fixed: the board reads, the MR not yet... (annexed now, so it reads);
    // a team member and another SWV see nothing.
    let (status, _) = get(&app, &p.board, &format!("/api/v1/conversations/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = put(&app, &p.board, &path("prioriteit"), json!({"value": "x", "version": 0})).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    for outsider in [&p.team, &p.other_swv] {
        let (status, _) = get(&app, outsider, &format!("/api/v1/conversations/{id}")).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
    let (status, _) = get(&app, &p.other_swv, "/api/v1/swvs/PO2707/conversations").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = get(&app, &p.director, "/api/v1/swvs/PO2707/conversations").await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // 7. Both confirm; the report is fixed by its hash.
    let (status, confirmed) =
        post(&app, &p.staff, &format!("/api/v1/conversations/{id}/confirm"), json!({"name": "Carla Consulent"})).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(confirmed["fixed"], false);
    let (status, confirmed) =
        post(&app, &p.director, &format!("/api/v1/conversations/{id}/confirm"), json!({"name": "Daan Directeur"}))
            .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(confirmed["fixed"], true);
    let (_, view) = get(&app, &p.staff, &format!("/api/v1/conversations/{id}")).await;
    assert_eq!(view["state"], "confirmed");
    assert_eq!(view["report_hash"].as_str().unwrap().len(), 64);
    assert_eq!(view["confirmed_school"]["name"], "Daan Directeur");
    // Every write afterwards is a 409.
    let writes = [
        (reqwest::Method::PUT, path("speerpunten"), json!({"value": "later", "version": 1})),
        (reqwest::Method::PUT, path("prioriteit"), json!({"value": "later", "version": 0})),
        (reqwest::Method::PUT, format!("/api/v1/conversations/{id}/details"), json!({"held": true})),
        (reqwest::Method::POST, format!("/api/v1/conversations/{id}/agreements"), json!({"what": "later", "who": "x"})),
        (
            reqwest::Method::PUT,
            format!("/api/v1/conversations/{id}/agreements/{}", agreements[0]),
            json!({"what": "later", "who": "x", "version": 1}),
        ),
        (reqwest::Method::DELETE, format!("/api/v1/conversations/{id}/agreements/{}", agreements[0]), Value::Null),
        (reqwest::Method::POST, format!("/api/v1/conversations/{id}/confirm"), json!({"name": "Carla Consulent"})),
    ];
    for (method, path, body) in writes {
        let body = (!body.is_null()).then_some(body);
        let (status, answer) = send(&app, &p.staff, method.clone(), &path, body).await;
        assert_eq!(status, StatusCode::CONFLICT, "{method} {path}: {answer}");
    }
    // The MR reads the report now that the school made it an annex.
    let (status, _) = get(&app, &p.mr, &format!("/api/v1/conversations/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = put(&app, &p.mr, &path("prioriteit"), json!({"value": "x", "version": 0})).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // 8. Next year starts with last year's agreements; each gets a status.
    let (status, next) =
        post(&app, &p.staff, "/api/v1/swvs/PO2707/conversations?year=2027-2028", plan("2027-10-05")).await;
    assert_eq!(status, StatusCode::CREATED, "{next}");
    let next_id = next["id"].as_i64().unwrap();
    let (_, view) = get(&app, &p.director, &format!("/api/v1/conversations/{next_id}")).await;
    let previous = view["previous_agreements"].as_array().unwrap();
    assert_eq!(previous.len(), 3);
    assert_eq!(previous[0]["status"], "open");
    let (status, followed) = put(
        &app,
        &p.director,
        &format!("/api/v1/conversations/{next_id}/follow-up/{}", agreements[0]),
        json!({"status": "done", "note": "Alle leerkrachten volgden de scholing.", "version": 1}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{followed}");
    assert_eq!(followed["status"], "done");
    let (status, _) = put(
        &app,
        &p.director,
        &format!("/api/v1/conversations/{next_id}/follow-up/{}", agreements[1]),
        json!({"status": "in_progress", "version": 99}),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    // The fixed report keeps the agreements as they were confirmed.
    let (_, old) = get(&app, &p.staff, &format!("/api/v1/conversations/{id}")).await;
    assert_eq!(old["state"], "confirmed");

    // The follow-up: held, open agreements, figures summed.
    let (status, overview) = get(&app, &p.staff, "/api/v1/swvs/PO2707/conversation-follow-up").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(overview["held"], 1);
    assert_eq!(overview["open_agreements"], 2);
    let whole = overview["whole"].as_array().unwrap().iter().find(|a| a["school_year"] == "2026-2027").unwrap();
    assert_eq!(whole["sums"]["opp_aantal"], 7, "the conversation's count, not the preparation's");
    let xlsx = app
        .http
        .get(app.at("/api/v1/swvs/PO2707/conversation-follow-up.xlsx"))
        .headers(p.staff.headers())
        .send()
        .await
        .unwrap();
    assert_eq!(xlsx.status(), StatusCode::OK);
    let bytes = xlsx.bytes().await.unwrap();
    assert!(bytes.starts_with(b"PK"), "{}", String::from_utf8_lossy(&bytes));
    app.stop().await;
}
