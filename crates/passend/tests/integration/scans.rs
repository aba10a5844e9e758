//! The Scan Passend Onderwijs: rounds with a link per group, anonymous
//! answers, results with groups below five held back on every route,
//! verdicts and the profile check on hand-computed data, bad input refused.

use std::time::Instant;

use passend_domain::access::Role;
use passend_domain::organisations::OrgKind;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::support::{Login, TestApp};

const READING: &str = "Heeft mijn kind moeite met lezen? Dan krijgt het hulp op school.";

struct Round {
    id: i64,
    /// Group → the link's path (`/scan/…`).
    links: Vec<(String, String)>,
}

impl Round {
    fn link(&self, group: &str) -> String {
        let path = &self.links.iter().find(|(g, _)| g == group).unwrap().1;
        path.trim_start_matches("/scan/").to_owned()
    }
}

async fn open_round(app: &TestApp, who: &Login, year: &str, groups: &[&str]) -> Round {
    let opened = app
        .http
        .post(app.at("/api/v1/schools/04FZ/scans"))
        .headers(who.headers())
        .json(&json!({ "location_code": "04FZ00", "school_year": year, "groups": groups }))
        .send()
        .await
        .unwrap();
    assert_eq!(opened.status(), StatusCode::CREATED);
    let body: Value = opened.json().await.unwrap();
    let links = body["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            let url = l["link"].as_str().unwrap();
            (l["group"].as_str().unwrap().to_owned(), url::Url::parse(url).unwrap().path().to_owned())
        })
        .collect();
    Round { id: body["id"].as_i64().unwrap(), links }
}

/// One person answers through a link, from a browser of their own (no cookie yet).
async fn answer(app: &TestApp, link: &str, answers: &[(&str, &str)]) -> reqwest::Response {
    let answers: serde_json::Map<String, Value> = answers.iter().map(|(k, v)| ((*k).to_owned(), json!(v))).collect();
    app.http
        .post(app.at(&format!("/api/v1/scan-links/{link}/responses")))
        .json(&json!({ "answers": answers }))
        .send()
        .await
        .unwrap()
}

async fn results(app: &TestApp, who: &Login, id: i64) -> Value {
    let got = app.http.get(app.at(&format!("/api/v1/scans/{id}"))).headers(who.headers()).send().await.unwrap();
    assert_eq!(got.status(), StatusCode::OK);
    got.json().await.unwrap()
}

fn group<'a>(results: &'a Value, name: &str) -> &'a Value {
    results["groups"].as_array().unwrap().iter().find(|g| g["group"] == name).unwrap()
}

async fn text(app: &TestApp, who: &Login, path: &str) -> (StatusCode, String) {
    let got = app.http.get(app.at(path)).headers(who.headers()).send().await.unwrap();
    (got.status(), got.text().await.unwrap())
}

/// The text of a PDF, through poppler's pdftotext.
async fn pdf_text(app: &TestApp, who: &Login, path: &str) -> String {
    let got = app.http.get(app.at(path)).headers(who.headers()).send().await.unwrap();
    assert_eq!(got.status(), StatusCode::OK);
    let bytes = got.bytes().await.unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
    let file = std::env::temp_dir().join(format!("scan-{}-{stamp}.pdf", std::process::id()));
    std::fs::write(&file, &bytes).unwrap();
    let out = std::process::Command::new("pdftotext").arg(&file).arg("-").output().unwrap();
    std::fs::remove_file(&file).ok();
    String::from_utf8_lossy(&out.stdout).split_whitespace().collect::<Vec<_>>().join(" ")
}

async fn set_answer(app: &TestApp, who: &Login, profile: i64, key: &str, level: &str) {
    let saved = app
        .http
        .put(app.at(&format!("/api/v1/profiles/{profile}/answers/{key}")))
        .headers(who.headers())
        .json(&json!({ "value": level, "version": 0 }))
        .send()
        .await
        .unwrap();
    assert_eq!(saved.status(), StatusCode::OK);
}

#[tokio::test]
async fn four_parents_are_held_back_and_five_are_shown_on_every_route() {
    let app = TestApp::spawn().await;
    let director = app.user("dirk@brug.nl", "Dirk", &[(OrgKind::School, "04FZ", Role::Director)]).await;
    let director = app.session_for(director).await;
    let staff = app.user("sanne@swv.nl", "Sanne", &[(OrgKind::Swv, "PO2707", Role::SwvStaff)]).await;
    let staff = app.session_for(staff).await;
    let profile = app.start_profile(&director, "04FZ", "04FZ00", "2026-2027").await;
    set_answer(&app, &director, profile, "aanbod.dyslexie", "standaard").await;
    let round = open_round(&app, &director, "2026-2027", &["team", "parents"]).await;
    for _ in 0..4 {
        let sent = answer(&app, &round.link("parents"), &[("os.o1", "oneens"), ("po.o1", "eens")]).await;
        assert_eq!(sent.status(), StatusCode::CREATED);
    }
    // The coordinator sees the count as it comes in, but no results of the group.
    let four = results(&app, &director, round.id).await;
    let parents = group(&four, "parents");
    assert_eq!((parents["n"].as_i64(), parents["suppressed"].as_bool()), (Some(4), Some(true)));
    assert!(parents["domains"].as_array().unwrap().is_empty());
    assert_eq!(four["round"]["links"][1]["responses"], 4);
    let (status, page) = text(&app, &director, &format!("/scans/{}", round.id)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Te weinig antwoorden om te tonen"));
    assert!(!page.contains(READING), "no statement of a held-back group on the page");
    let check: Value = app
        .http
        .get(app.at(&format!("/api/v1/scans/{}/profile-check", round.id)))
        .headers(director.headers())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(check["te_toetsen"].as_array().unwrap().is_empty(), "four parents cannot make a claim te toetsen");
    let pdf = pdf_text(&app, &director, &format!("/scans/{}/rapport.pdf", round.id)).await;
    assert!(pdf.contains("Te weinig antwoorden om te tonen"), "{pdf}");
    assert!(!pdf.contains("moeite met lezen"), "{pdf}");
    // The SWV: not the round until shared; then still no held-back group.
    let (status, _) = text(&app, &staff, &format!("/api/v1/scans/{}", round.id)).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "a school's results only when it shares them");
    let swv: Value = app
        .http
        .get(app.at("/api/v1/swvs/PO2707/scans"))
        .headers(staff.headers())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(swv["schools"][0]["shared_round"], Value::Null);
    let ondersteuning =
        swv["verdicts"].as_array().unwrap().iter().find(|v| v["domain"] == "ondersteuning_school").unwrap();
    assert_eq!(ondersteuning["geen_oordeel"], 1, "four parents give no verdict");
    let shared = app
        .http
        .put(app.at(&format!("/api/v1/scans/{}", round.id)))
        .headers(director.headers())
        .json(&json!({ "closed": false, "shared_with_swv": true }))
        .send()
        .await
        .unwrap();
    assert_eq!(shared.status(), StatusCode::NO_CONTENT);
    let seen = results(&app, &staff, round.id).await;
    assert_eq!(group(&seen, "parents")["suppressed"], true);
    assert_eq!(seen["round"]["links"][0]["link"], "", "the SWV gets no links to answer with");
    let (_, swv_page) = text(&app, &staff, "/samenwerkingsverbanden/PO2707/scans").await;
    assert!(!swv_page.contains(READING));

    // The fifth parent: now the group shows, with the hand-computed numbers.
    assert_eq!(answer(&app, &round.link("parents"), &[("os.o1", "eens")]).await.status(), StatusCode::CREATED);
    let five = results(&app, &director, round.id).await;
    let parents = group(&five, "parents");
    assert_eq!((parents["n"].as_i64(), parents["suppressed"].as_bool()), (Some(5), Some(false)));
    let support =
        parents["domains"].as_array().unwrap().iter().find(|d| d["domain"] == "ondersteuning_school").unwrap();
    let reading = support["statements"].as_array().unwrap().iter().find(|s| s["key"] == "os.o1").unwrap();
    assert_eq!(reading["distribution"]["oneens"], 4);
    assert_eq!(reading["distribution"]["eens"], 1);
    assert_eq!(reading["distribution"]["share_agreeing"], 20);
    let (_, page) = text(&app, &director, &format!("/scans/{}", round.id)).await;
    assert!(page.contains(READING));
    assert_eq!(group(&five, "team")["suppressed"], true, "no team answers yet");
    app.stop().await;
}

#[tokio::test]
async fn verdicts_and_the_profile_check_follow_the_hand_computed_numbers() {
    let app = TestApp::spawn().await;
    let director = app.user("dirk@brug.nl", "Dirk", &[(OrgKind::School, "04FZ", Role::Director)]).await;
    let director = app.session_for(director).await;
    let profile = app.start_profile(&director, "04FZ", "04FZ00", "2026-2027").await;
    set_answer(&app, &director, profile, "aanbod.dyslexie", "standaard").await;
    set_answer(&app, &director, profile, "aanbod.meer_hoogbegaafdheid", "na_overleg").await;
    set_answer(&app, &director, profile, "basis.planmatig", "op_orde").await;
    let round = open_round(&app, &director, "", &["team", "parents"]).await;
    // Team (5): vision 9 of 10 agree (90%); the cycle (claimed) 4 of 5 agree.
    for i in 0..5 {
        let vision = if i == 0 { "oneens" } else { "eens" };
        let cycle = if i == 4 { "helemaal_oneens" } else { "helemaal_eens" };
        let sent = answer(&app, &round.link("team"), &[("vb.t1", "eens"), ("vb.t2", vision), ("os.t3", cycle)]).await;
        assert_eq!(sent.status(), StatusCode::CREATED);
    }
    // Parents (6): reading help (claimed standaard) 1 of 6 agree; harder work
    // (not claimed as standaard) 0 of 6; vision 3 of 6 with one don't know.
    for i in 0..6 {
        let reading = if i == 0 { "eens" } else { "oneens" };
        let vision = match i {
            0..=2 => "eens",
            5 => "weet_niet",
            _ => "oneens",
        };
        let sent =
            answer(&app, &round.link("parents"), &[("os.o1", reading), ("os.o2", "oneens"), ("vb.o1", vision)]).await;
        assert_eq!(sent.status(), StatusCode::CREATED);
    }
    let r = results(&app, &director, round.id).await;
    let verdict = |domain: &str| {
        let v = r["verdicts"].as_array().unwrap().iter().find(|v| v["domain"] == domain).unwrap();
        (v["verdict"].as_str().unwrap().to_owned(), v["reason"].as_str().unwrap().to_owned())
    };
    // Vision: team 9/10 = 90%, parents 3/5 = 60% → below 70%: aandachtspunt.
    assert_eq!(verdict("visie_beleid"), ("aandachtspunt".into(), "group_below_seventy".into()));
    // Support: team 4/5 = 80%, parents 1/12 ≈ 8% → risico.
    assert_eq!(verdict("ondersteuning_school"), ("risico".into(), "group_below_half".into()));
    // Nobody answered about partners.
    assert_eq!(verdict("samenwerking_partners"), ("geen_oordeel".into(), "no_opinions".into()));

    let check: Value = app
        .http
        .get(app.at(&format!("/api/v1/scans/{}/profile-check", round.id)))
        .headers(director.headers())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(check["profile_id"], profile);
    let listed: Vec<(&str, &str, i64, i64)> = check["te_toetsen"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["statement_key"].as_str().unwrap(),
                t["group"].as_str().unwrap(),
                t["agreeing"].as_i64().unwrap(),
                t["disagreeing"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(listed, [("os.o1", "parents", 1, 5)], "only the claimed reading help; the cycle is recognised (4 of 5)");

    // Into a wish on the profile being written.
    let made = app
        .http
        .post(app.at(&format!("/api/v1/scans/{}/wishes", round.id)))
        .headers(director.headers())
        .json(&json!({ "picks": ["os.o1:parents"], "owner": "Dirk" }))
        .send()
        .await
        .unwrap();
    assert_eq!(made.status(), StatusCode::CREATED);
    let planning: Value = app
        .http
        .get(app.at(&format!("/api/v1/profiles/{profile}/planning")))
        .headers(director.headers())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let wish = planning["wishes"][0]["body"].as_str().unwrap();
    assert!(wish.contains("Dyslexie") && wish.contains("1 van de 6") && wish.contains(READING), "{wish}");
    let bad_pick = app
        .http
        .post(app.at(&format!("/api/v1/scans/{}/wishes", round.id)))
        .headers(director.headers())
        .json(&json!({ "picks": ["os.t3:team"], "owner": "Dirk" }))
        .send()
        .await
        .unwrap();
    assert_eq!(bad_pick.status(), StatusCode::BAD_REQUEST, "only a claim te toetsen becomes a wish");
    app.stop().await;
}

#[tokio::test]
async fn bad_answers_closed_rounds_and_strangers_are_refused_and_nothing_is_stored() {
    let app = TestApp::spawn().await;
    let director = app.user("dirk@brug.nl", "Dirk", &[(OrgKind::School, "04FZ", Role::Director)]).await;
    let director = app.session_for(director).await;
    let teacher = app.user("tim@brug.nl", "Tim", &[(OrgKind::School, "04FZ", Role::TeamMember)]).await;
    let teacher = app.session_for(teacher).await;
    let other = app.user("aida@aida.nl", "Aida", &[(OrgKind::School, "32DD", Role::Director)]).await;
    let other = app.session_for(other).await;
    let refused = app
        .http
        .post(app.at("/api/v1/schools/04FZ/scans"))
        .headers(teacher.headers())
        .json(&json!({ "location_code": "04FZ00", "groups": ["team"] }))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::FORBIDDEN, "coordinators open rounds");
    let round = open_round(&app, &director, "2026-2027", &["team", "parents"]).await;
    assert_eq!(round.link("parents").len(), 32, "128 bits in hex");
    let again = app
        .http
        .post(app.at("/api/v1/schools/04FZ/scans"))
        .headers(director.headers())
        .json(&json!({ "location_code": "04FZ00", "school_year": "2026-2027", "groups": ["team"] }))
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), StatusCode::CONFLICT, "one round per location and year");

    let parents = round.link("parents");
    let outside = answer(&app, &parents, &[("os.o1", "5")]).await;
    assert_eq!(outside.status(), StatusCode::BAD_REQUEST);
    assert!(outside.text().await.unwrap().contains("Kies een van de antwoorden"));
    let other_group = answer(&app, &parents, &[("os.o1", "eens"), ("os.t1", "eens")]).await;
    assert_eq!(other_group.status(), StatusCode::BAD_REQUEST);
    assert!(other_group.text().await.unwrap().contains("andere groep"));
    assert_eq!(
        answer(&app, "0123456789abcdef0123456789abcdef", &[("os.o1", "eens")]).await.status(),
        StatusCode::NOT_FOUND
    );

    // One answer per browser: the cookie from the first answer refuses a second.
    let browser = reqwest::Client::builder().cookie_store(true).build().unwrap();
    let url = app.at(&format!("/api/v1/scan-links/{parents}/responses"));
    let first = browser.post(&url).json(&json!({ "answers": { "os.o1": "eens" } })).send().await.unwrap();
    assert_eq!(first.status(), StatusCode::CREATED);
    let second = browser.post(&url).json(&json!({ "answers": { "os.o1": "oneens" } })).send().await.unwrap();
    assert_eq!(second.status(), StatusCode::CONFLICT);

    // Another school's director: not found; the teacher reads but cannot close.
    assert_eq!(text(&app, &other, &format!("/api/v1/scans/{}", round.id)).await.0, StatusCode::NOT_FOUND);
    assert_eq!(text(&app, &other, &format!("/scans/{}/rapport.pdf", round.id)).await.0, StatusCode::NOT_FOUND);
    let close = |who: &Login| {
        app.http
            .put(app.at(&format!("/api/v1/scans/{}", round.id)))
            .headers(who.headers())
            .json(&json!({ "closed": true }))
            .send()
    };
    assert_eq!(close(&teacher).await.unwrap().status(), StatusCode::FORBIDDEN);
    assert_eq!(close(&director).await.unwrap().status(), StatusCode::NO_CONTENT);
    let closed = answer(&app, &parents, &[("os.o1", "eens")]).await;
    assert_eq!(closed.status(), StatusCode::CONFLICT);
    assert!(closed.text().await.unwrap().contains("gesloten"));
    let (status, form) = text(&app, &teacher, &format!("/scan/{parents}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(form.contains("Deze scan is gesloten"), "a closed round can be read, not answered");
    let after = results(&app, &teacher, round.id).await;
    assert_eq!(group(&after, "parents")["n"], 1, "only the one good answer was kept");
    app.stop().await;
}

#[tokio::test]
async fn a_parent_answers_through_the_form_without_javascript() {
    let app = TestApp::spawn().await;
    let director = app.user("dirk@brug.nl", "Dirk", &[(OrgKind::School, "04FZ", Role::Director)]).await;
    let director = app.session_for(director).await;
    let round = open_round(&app, &director, "2026-2027", &["parents"]).await;
    let path = format!("/scan/{}", round.link("parents"));
    let browser =
        reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let form = browser.get(app.at(&path)).send().await.unwrap();
    assert_eq!(form.status(), StatusCode::OK);
    let html = form.text().await.unwrap();
    assert!(html.contains(READING) && html.contains("Weet ik niet"));
    assert!(!html.contains("Leerlingen met dyslexie krijgen"), "the team's statements are not on the parents' form");
    let bad = browser
        .post(app.at(&path))
        .form(&[("a.os.o1", "misschien"), ("r.positie_ouder", "Mijn zoon heeft BSN 111222333")])
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = bad.text().await.unwrap();
    assert!(page.contains("Kies een van de antwoorden") && page.contains("Mijn zoon heeft BSN"), "typed text stays");
    let sent = browser
        .post(app.at(&path))
        .form(&[("a.os.o1", "eens"), ("a.po.o1", "helemaal_eens"), ("r.positie_ouder", "Fijn contact met de juf.")])
        .send()
        .await
        .unwrap();
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    let again = browser.get(app.at(&path)).send().await.unwrap().text().await.unwrap();
    assert!(again.contains("al ingevuld"));
    app.stop().await;
}

/// 1,000 responses to one round; prints the time of the results request.
/// `cargo test -p passend --test integration scan_results_bench -- --ignored --nocapture`
#[tokio::test]
#[ignore = "a benchmark: prints numbers"]
async fn scan_results_bench() {
    let app = TestApp::spawn().await;
    let director = app.user("dirk@brug.nl", "Dirk", &[(OrgKind::School, "04FZ", Role::Director)]).await;
    let director = app.session_for(director).await;
    let round = open_round(&app, &director, "2026-2027", &["team", "ib", "director", "parents", "pupils"]).await;
    let scale = ["helemaal_oneens", "oneens", "eens", "helemaal_eens", "weet_niet"];
    let form: Value = app
        .http
        .get(app.at(&format!("/api/v1/scan-links/{}", round.link("team"))))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let keys: Vec<String> =
        form["statements"].as_array().unwrap().iter().map(|s| s["key"].as_str().unwrap().to_owned()).collect();
    let started = Instant::now();
    for i in 0..1000usize {
        let answers: serde_json::Map<String, Value> =
            keys.iter().enumerate().map(|(j, k)| (k.clone(), json!(scale[(i + j) % 5]))).collect();
        let response = passend_domain::scan::ScanResponse {
            answers: serde_json::from_value(Value::Object(answers)).unwrap(),
            remarks: Default::default(),
        };
        app.db.answer_scan(&round.link("team"), &response, &format!("{i:064x}")).await.unwrap();
    }
    eprintln!("stored 1000 responses in {:?}", started.elapsed());
    let mut times = Vec::new();
    for _ in 0..20 {
        let at = Instant::now();
        let r = results(&app, &director, round.id).await;
        times.push(at.elapsed());
        assert_eq!(group(&r, "team")["n"], 1000);
    }
    times.sort();
    eprintln!(
        "GET /api/v1/scans/{{id}} with 1000 responses: median {:?}, max {:?} (20 requests)",
        times[10], times[19]
    );
    app.stop().await;
}

#[tokio::test]
async fn the_demo_has_last_years_round_with_every_domain_and_a_claim_te_toetsen() {
    let app = TestApp::spawn().await;
    passend::demo::seed(&app.db, None).await.unwrap();
    passend::demo::seed(&app.db, None).await.unwrap();
    let email = passend_domain::accounts::Email::parse("directeur@passend.demo").unwrap();
    let director = app.db.user_by_email(&email).await.unwrap().unwrap();
    let director = app.session_for(director.id).await;
    let rounds: Value = app
        .http
        .get(app.at("/api/v1/schools/04FZ/scans"))
        .headers(director.headers())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let rounds = rounds.as_array().unwrap();
    assert_eq!(rounds.len(), 1, "seeding twice makes one round");
    let last_year = passend_app::questionnaire::current_year().previous().to_string();
    assert_eq!(
        (rounds[0]["school_year"].as_str(), rounds[0]["closed"].as_bool()),
        (Some(last_year.as_str()), Some(true))
    );
    let id = rounds[0]["id"].as_i64().unwrap();
    let r = results(&app, &director, id).await;
    for name in ["team", "parents"] {
        let shown = group(&r, name);
        assert_eq!(shown["suppressed"], false, "{name}");
    }
    assert_eq!(group(&r, "pupils")["suppressed"], true, "three pupils are held back");
    assert!(
        r["verdicts"].as_array().unwrap().iter().all(|v| v["verdict"] != "geen_oordeel"),
        "every domain has a verdict: {}",
        r["verdicts"]
    );
    let check: Value = app
        .http
        .get(app.at(&format!("/api/v1/scans/{id}/profile-check")))
        .headers(director.headers())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let keys: Vec<&str> = check["te_toetsen"].as_array().unwrap().iter().map(|t| t["pick"].as_str().unwrap()).collect();
    assert!(keys.contains(&"os.o1:parents"), "{check}");
    app.stop().await;
}

/// Posts a page's form; returns the status, the redirect target and the body.
async fn submit(app: &TestApp, who: &Login, path: &str, fields: &[(&str, &str)]) -> (StatusCode, String, String) {
    let mut form: Vec<(&str, &str)> = vec![("csrf_token", who.csrf.as_str())];
    form.extend_from_slice(fields);
    let response = app.http.post(app.at(path)).headers(who.headers()).form(&form).send().await.unwrap();
    let status = response.status();
    let location = response.headers().get("location").map(|l| l.to_str().unwrap().to_owned()).unwrap_or_default();
    (status, location, response.text().await.unwrap())
}

#[tokio::test]
async fn an_swv_adds_its_own_statement_with_a_claim_on_the_page_and_the_schools_new_round_tests_it() {
    let app = TestApp::spawn().await;
    let admin = app.user("anna@swv.nl", "Anna", &[(OrgKind::Swv, "PO2707", Role::SwvAdmin)]).await;
    let admin = app.session_for(admin).await;
    let staff = app.user("sanne@swv.nl", "Sanne", &[(OrgKind::Swv, "PO2707", Role::SwvStaff)]).await;
    let staff = app.session_for(staff).await;
    let director = app.user("dirk@brug.nl", "Dirk", &[(OrgKind::School, "04FZ", Role::Director)]).await;
    let director = app.session_for(director).await;
    let path = "/samenwerkingsverbanden/PO2707/scans/stellingen";

    // A round opened before the SWV adds its statement keeps what it had.
    let before = open_round(&app, &director, "2025-2026", &["parents"]).await;

    // Jargon for parents is refused at the field, with what was typed kept.
    let jargon = "De intern begeleider bespreekt het groepsplan met mij.";
    let (status, _, body) = submit(
        &app,
        &admin,
        path,
        &[("domain", "positie_ouder"), ("groups", "parents"), ("text", jargon), ("claim", "category:gedrag")],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("id=\"own-text-error\"") && body.contains("vaktaal"), "{body}");
    assert!(body.contains(jargon), "the typed statement is kept");
    assert!(body.contains("value=\"category:gedrag\" selected"), "the chosen claim is kept");
    let (_, none_yet) = text(&app, &admin, "/api/v1/swvs/PO2707/scan-statements").await;
    assert_eq!(none_yet, "[]", "nothing stored");

    // An unknown claim and no groups: both named.
    let (status, _, body) =
        submit(&app, &admin, path, &[("domain", "positie_ouder"), ("text", "Ik voel me welkom."), ("claim", "x:y")])
            .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("id=\"own-claim-error\""), "{body}");

    // Staff read the list but cannot add.
    let (status, _, _) = submit(
        &app,
        &staff,
        path,
        &[("domain", "positie_ouder"), ("groups", "parents"), ("text", "Ik voel me welkom.")],
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (_, staff_page) = text(&app, &staff, "/samenwerkingsverbanden/PO2707/scans").await;
    assert!(staff_page.contains("Eigen stellingen") && !staff_page.contains(path), "staff see no form");

    // A plain statement with a claim is added.
    let plain = "Als mijn kind onrustig is in de klas, helpt de school.";
    let (status, location, _) = submit(
        &app,
        &admin,
        path,
        &[("domain", "ondersteuning_school"), ("groups", "parents"), ("text", plain), ("claim", "category:gedrag")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(location.contains("melding=stelling-toegevoegd"), "{location}");
    let (_, page) = text(&app, &admin, "/samenwerkingsverbanden/PO2707/scans").await;
    assert!(page.contains(plain) && page.contains("Biedt standaard: Gedrag"), "{page}");
    let listed: Value =
        serde_json::from_str(&text(&app, &staff, "/api/v1/swvs/PO2707/scan-statements").await.1).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0]["claim"], "category:gedrag");
    assert_eq!(listed[0]["groups"], json!(["parents"]));
    let key = listed[0]["key"].as_str().unwrap().to_owned();

    // The API refuses an unknown claim the same way.
    let refused = app
        .http
        .post(app.at("/api/v1/swvs/PO2707/scan-statements"))
        .headers(admin.headers())
        .json(&json!({ "domain": "positie_ouder", "groups": ["parents"], "text": "Ik voel me welkom.", "claim": "x" }))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);

    // The school's profile offers behaviour support as standaard; five parents
    // do not recognise it in the SWV's statement, so it is te toetsen.
    let profile = app.start_profile(&director, "04FZ", "04FZ00", "2026-2027").await;
    set_answer(&app, &director, profile, "aanbod.gedrag", "standaard").await;
    let round = open_round(&app, &director, "", &["parents"]).await;
    for i in 0..5 {
        let reply = if i == 0 { "eens" } else { "oneens" };
        let sent = answer(&app, &round.link("parents"), &[(key.as_str(), reply)]).await;
        assert_eq!(sent.status(), StatusCode::CREATED);
    }
    let check: Value =
        serde_json::from_str(&text(&app, &director, &format!("/api/v1/scans/{}/profile-check", round.id)).await.1)
            .unwrap();
    let listed: Vec<(&str, i64, i64)> = check["te_toetsen"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (t["statement_key"].as_str().unwrap(), t["agreeing"].as_i64().unwrap(), t["disagreeing"].as_i64().unwrap())
        })
        .collect();
    assert_eq!(listed, [(key.as_str(), 1, 4)]);
    let older = results(&app, &director, before.id).await.to_string();
    assert!(!older.contains(&key), "the older round does not have the statement");
    let newer = results(&app, &director, round.id).await.to_string();
    assert!(newer.contains(plain), "the new round asks it");
    app.stop().await;
}
