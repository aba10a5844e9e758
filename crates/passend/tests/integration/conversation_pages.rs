//! The yearly conversation on the web pages, without JavaScript (issue 13):
//! the SWV plans from its list, the director finds the conversation and
//! prepares, both record the conversation, an agreement and confirm, and the
//! report page shows the fixed report; funds, guide and follow-up pages;
//! strangers see nothing.

use passend_domain::access::Role;
use passend_domain::organisations::OrgKind;
use reqwest::StatusCode;

use crate::support::{Login, TestApp, mails_to};

async fn page(app: &TestApp, who: &Login, path: &str) -> (StatusCode, String) {
    let response = app.http.get(app.at(path)).headers(who.headers()).send().await.unwrap();
    (response.status(), response.text().await.unwrap())
}

/// Posts a form; returns the status, the redirect target and the body.
async fn submit(app: &TestApp, who: &Login, path: &str, fields: &[(&str, &str)]) -> (StatusCode, String, String) {
    let mut form: Vec<(&str, &str)> = vec![("csrf_token", who.csrf.as_str())];
    form.extend_from_slice(fields);
    let response = app.http.post(app.at(path)).headers(who.headers()).form(&form).send().await.unwrap();
    let status = response.status();
    let location = response.headers().get("location").map(|l| l.to_str().unwrap().to_owned()).unwrap_or_default();
    (status, location, response.text().await.unwrap())
}

async fn login(app: &TestApp, email: &str, name: &str, kind: OrgKind, code: &str, role: Role) -> Login {
    let id = app.user(email, name, &[(kind, code, role)]).await;
    app.session_for(id).await
}

#[tokio::test]
async fn plan_prepare_hold_agree_confirm_and_read_the_report_on_the_pages() {
    let app = TestApp::spawn().await;
    let admin = login(&app, "admin@swv.test", "Anna Admin", OrgKind::Swv, "PO2707", Role::SwvAdmin).await;
    let staff = login(&app, "consulent@swv.test", "Carla Consulent", OrgKind::Swv, "PO2707", Role::SwvStaff).await;
    let director =
        login(&app, "directeur@debrug.test", "Daan Directeur", OrgKind::School, "04FZ", Role::Director).await;
    let team = login(&app, "team@debrug.test", "Tim Team", OrgKind::School, "04FZ", Role::TeamMember).await;
    let stranger = login(&app, "ander@swv.test", "Otto Ander", OrgKind::Swv, "PO2815", Role::SwvAdmin).await;

    // The guide page: the admin saves the default guide with a changed question and publishes it.
    let (status, html) = page(&app, &admin, "/samenwerkingsverbanden/PO2707/gespreksleidraad?jaar=2026-2027").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("standaardleidraad"), "the default guide until one is saved");
    let guide = passend_domain::conversations::default_guide();
    let mut fields: Vec<(String, String)> =
        vec![("jaar".into(), "2026-2027".into()), ("intro".into(), guide.intro.clone())];
    for (i, a) in guide.ambitions.iter().enumerate() {
        fields.push((format!("a{i}_key"), a.key.clone()));
        fields.push((format!("a{i}_title"), a.title.clone()));
        fields.push((format!("a{i}_description"), a.description.clone()));
        for (j, g) in a.goals.iter().enumerate() {
            fields.push((format!("a{i}g{j}_key"), g.key.clone()));
            fields.push((format!("a{i}g{j}_title"), g.title.clone()));
        }
    }
    for (i, s) in guide.sections.iter().enumerate() {
        fields.push((format!("s{i}_key"), s.key.clone()));
        fields.push((format!("s{i}_title"), s.title.clone()));
        fields.push((format!("s{i}_intro"), s.intro.clone()));
        fields.push((format!("s{i}_ambition"), s.ambition.clone().unwrap_or_default()));
        for (j, q) in s.questions.iter().enumerate() {
            fields.push((format!("s{i}q{j}_key"), q.key.clone()));
            fields.push((format!("s{i}q{j}_text"), q.text.clone()));
            fields.push((format!("s{i}q{j}_kind"), q.kind.as_str().to_owned()));
            fields.push((format!("s{i}q{j}_options"), q.options.join("\n")));
            fields.push((format!("s{i}q{j}_goal"), q.goal.clone().unwrap_or_default()));
        }
        // The empty row for a new question; the first section gets one.
        let n = s.questions.len();
        fields.push((
            format!("s{i}q{n}_text"),
            if i == 0 { "Wat wil de school dit jaar vieren?".into() } else { String::new() },
        ));
        fields.push((format!("s{i}q{n}_kind"), "text".into()));
    }
    fields.push(("publish".into(), "ja".into()));
    let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let (status, location, body) =
        submit(&app, &admin, "/samenwerkingsverbanden/PO2707/gespreksleidraad", &borrowed).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
    assert!(location.contains("melding=gepubliceerd"));
    let (_, html) = page(&app, &staff, "/samenwerkingsverbanden/PO2707/gespreksleidraad?jaar=2026-2027").await;
    assert!(html.contains("Versie 1, gepubliceerd"), "{html}");
    assert!(html.contains("Wat wil de school dit jaar vieren?"));
    let (status, _, _) = submit(&app, &staff, "/samenwerkingsverbanden/PO2707/gespreksleidraad", &borrowed).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "staff read the guide, admins compose it");

    // Funds: €150 and €45 for 280 pupils of the SWV's own count.
    let (status, _, body) = submit(
        &app,
        &admin,
        "/samenwerkingsverbanden/PO2707/ondersteuningsmiddelen",
        &[("jaar", "2026-2027"), ("basic", "150"), ("extra", "45,00"), ("p:04FZ00", "280")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
    let (_, html) = page(&app, &staff, "/samenwerkingsverbanden/PO2707/ondersteuningsmiddelen?jaar=2026-2027").await;
    assert!(html.contains("€ 42.000,00") && html.contains("€ 12.600,00") && html.contains("€ 54.600,00"), "{html}");
    let (status, _, body) = submit(
        &app,
        &admin,
        "/samenwerkingsverbanden/PO2707/ondersteuningsmiddelen",
        &[("jaar", "2026-2027"), ("basic", "veel"), ("extra", "45")],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("Vul een bedrag in euro"), "the message stands next to the field");

    // Planning from the list: a refused form keeps what was typed; a good one invites.
    let (status, html) = page(&app, &staff, "/samenwerkingsverbanden/PO2707/gesprekken?jaar=2026-2027").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("04FZ00") && html.contains("Niet gepland"));
    let plan = [
        ("jaar", "2026-2027"),
        ("location", "04FZ00"),
        ("date", "2027-03-10"),
        ("time", "10:30"),
        ("minutes", "90"),
        ("place", "De Brug, kamer van de directeur"),
        ("consultant", "Carla Consulent"),
        ("a0_name", "Daan Directeur"),
        ("a0_role", "directeur"),
        ("a0_side", "school"),
        ("a0_email", "directeur@debrug.test"),
    ];
    let mut bad = plan.to_vec();
    bad[2] = ("date", "morgen");
    let (status, _, body) = submit(&app, &staff, "/samenwerkingsverbanden/PO2707/gesprekken", &bad).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("Vul een geldige datum in") && body.contains("De Brug, kamer van de directeur"));
    let (status, location, _) = submit(&app, &staff, "/samenwerkingsverbanden/PO2707/gesprekken", &plan).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(location.ends_with("?melding=gesprek-gepland"), "{location}");
    let conversation = location.trim_start_matches("/gesprekken/").split('?').next().unwrap().to_owned();
    let at = |rest: &str| format!("/gesprekken/{conversation}{rest}");
    assert_eq!(mails_to(&app.db, "directeur@debrug.test").await.len(), 1, "the invitation went out");

    // The SWV moves the appointment; the attendees get the changed invitation. The school cannot move it.
    let mut moved: Vec<(&str, &str)> = plan.iter().copied().filter(|(k, _)| *k != "location" && *k != "jaar").collect();
    moved.retain(|(k, _)| *k != "time");
    moved.push(("time", "25:00"));
    let (status, _, body) = submit(&app, &staff, &at("/planning"), &moved).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("Vul een geldige tijd in") && body.contains("De Brug, kamer van de directeur"), "{body}");
    moved.pop();
    moved.push(("time", "13:15"));
    let (status, location, _) = submit(&app, &staff, &at("/planning"), &moved).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(location.ends_with("?melding=gesprek-gewijzigd"), "{location}");
    let (_, html) = page(&app, &staff, &at("")).await;
    assert!(html.contains("13:15"), "the new time is shown");
    let mails = mails_to(&app.db, "directeur@debrug.test").await;
    assert_eq!(mails.len(), 2, "the changed invitation went out");
    assert_eq!(submit(&app, &director, &at("/planning"), &moved).await.0, StatusCode::FORBIDDEN);

    // The director finds it on the school's list and prepares.
    let (status, html) = page(&app, &director, "/scholen/04FZ/gesprekken").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&at("")), "{html}");
    let (status, api) = page(&app, &director, "/api/v1/schools/04FZ/conversations").await;
    assert_eq!(status, StatusCode::OK);
    let listed: serde_json::Value = serde_json::from_str(&api).unwrap();
    assert_eq!(listed[0]["id"].as_i64().map(|id| id.to_string()), Some(conversation.clone()));
    assert_eq!(listed[0]["state"], "planned");
    assert_eq!(page(&app, &stranger, "/api/v1/schools/04FZ/conversations").await.0, StatusCode::FORBIDDEN);
    let (_, html) = page(&app, &director, &at("")).await;
    assert!(html.contains("data-conversation-autosave") && html.contains("Wat wil de school dit jaar vieren?"));
    let view = app
        .http
        .get(app.at(&format!("/api/v1/conversations/{conversation}")))
        .headers(director.headers())
        .send()
        .await
        .unwrap();
    let view: serde_json::Value = view.json().await.unwrap();
    let questions: Vec<(String, String)> = view["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["questions"].as_array().unwrap().iter())
        .map(|q| (q["key"].as_str().unwrap().to_owned(), q["kind"].as_str().unwrap().to_owned()))
        .collect();
    let text_key = questions.iter().find(|(_, k)| k == "text").unwrap().0.clone();
    let figure_key = questions.iter().find(|(_, k)| k == "figure").unwrap().0.clone();
    let (v_text, v_figure) = (format!("v:{text_key}"), format!("v:{figure_key}"));
    let (status, _, body) = submit(
        &app,
        &director,
        &at("/antwoorden"),
        &[(&v_text, "We willen meer samen doen met de opvang."), (&v_figure, "-3")],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "a negative count is refused");
    assert!(body.contains("Een aantal kan niet negatief zijn"));
    assert!(body.contains("We willen meer samen doen met de opvang."), "what was typed stays");
    let (_, html) = page(&app, &director, &at("")).await;
    assert!(html.contains("We willen meer samen doen met de opvang."), "the good answer was saved all the same");
    let (status, _, body) =
        submit(&app, &director, &at("/antwoorden"), &[(&v_text, "Leerling met BSN 123456782")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "a BSN is refused");
    assert!(body.contains("field-error"), "{body}");
    let (status, _, _) = submit(&app, &director, &at("/antwoorden"), &[(&v_figure, "12")]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);

    // The SWV cannot record before it is held; then marks it held and records an agreement.
    let (_, html) = page(&app, &staff, &at("")).await;
    assert!(!html.contains("data-conversation-autosave"), "the SWV waits for the school's preparation");
    let (status, _, _) =
        submit(&app, &staff, &at("/gegevens"), &[("held", "ja"), ("report_author", "Carla Consulent")]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, html) = page(&app, &staff, &at("")).await;
    assert!(html.contains("Voorbereid door de school") && html.contains("We willen meer samen doen met de opvang."));
    let (status, _, _) =
        submit(&app, &staff, &at("/antwoorden"), &[(&v_text, "Samen met de opvang een plan maken.")]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, _, body) =
        submit(&app, &staff, &at("/afspraken"), &[("what", ""), ("who", "IB"), ("due", "2027-06-01")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("Vul dit in."));
    let (status, _, _) = submit(
        &app,
        &staff,
        &at("/afspraken"),
        &[("what", "Plan met de opvang voor de overstap"), ("who", "IB-er"), ("due", "2027-06-01"), ("goal", "")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);

    // Team members do not see the conversation; strangers get nothing.
    assert_eq!(page(&app, &team, &at("")).await.0, StatusCode::NOT_FOUND);
    assert_eq!(page(&app, &stranger, &at("")).await.0, StatusCode::NOT_FOUND);
    assert_eq!(page(&app, &stranger, "/samenwerkingsverbanden/PO2707/gesprekken").await.0, StatusCode::FORBIDDEN);
    assert_eq!(page(&app, &stranger, "/scholen/04FZ/gesprekken").await.0, StatusCode::FORBIDDEN);

    // Both confirm; the report is fixed and the page shows its fingerprint.
    let (status, _, _) = submit(&app, &staff, &at("/bevestigen"), &[("name", "Carla Consulent")]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, html) = page(&app, &director, &at("/verslag")).await;
    assert!(html.contains("Concept"), "one confirmation is not enough");
    let (status, _, _) = submit(&app, &director, &at("/bevestigen"), &[("name", "Daan Directeur")]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, html) = page(&app, &director, &at("/verslag")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Vingerafdruk") && html.contains("Plan met de opvang voor de overstap"));
    assert!(html.contains("Carla Consulent") && html.contains("Daan Directeur"));
    let (status, _, _) = submit(&app, &staff, &at("/afspraken"), &[("what", "Nog iets")]).await;
    assert_eq!(status, StatusCode::CONFLICT, "a fixed report takes no more writes");

    // The list and the follow-up.
    let (_, html) = page(&app, &staff, "/samenwerkingsverbanden/PO2707/gesprekken?jaar=2026-2027").await;
    assert!(html.contains("Verslag bevestigd"));
    let (status, html) = page(&app, &staff, "/samenwerkingsverbanden/PO2707/gesprekken/opvolging").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("conversation-follow-up.xlsx"));
}

/// The SWV's conversation list and follow-up for the largest SWV of the
/// national data (every location, three school years of conversations, each
/// held with a key figure and two agreements), and the report PDF warm:
/// `cargo test -p passend --test integration conversation_bench -- --ignored --nocapture`
#[tokio::test]
#[ignore = "a benchmark: prints numbers; needs ../shared/data/duo"]
async fn conversation_bench() {
    use std::time::{Duration, Instant};

    let app = TestApp::spawn().await;
    let national = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/duo");
    let started = Instant::now();
    let files: Vec<_> = ["vestigingen_2024-11.csv", "pc4_swv_2015.csv"]
        .iter()
        .map(|name| passend_domain::duo::parse_file(name, &std::fs::read(national.join(name)).unwrap()).unwrap())
        .collect();
    app.db.import_duo(&files, &|_| {}).await.unwrap();
    let largest = app.db.list_swvs().await.unwrap().into_iter().max_by_key(|s| s.locations).unwrap();
    eprintln!(
        "national data seeded in {:?}; largest SWV {} with {} locations",
        started.elapsed(),
        largest.code,
        largest.locations
    );
    let code = largest.code.clone();
    let staff = login(&app, "bench@swv.test", "Bea Bench", OrgKind::Swv, &code, Role::SwvAdmin).await;
    let send = |method: reqwest::Method, path: String, body: serde_json::Value| {
        let request = app.http.request(method, app.at(&path)).headers(staff.headers()).json(&body);
        async move {
            let response = request.send().await.unwrap();
            let status = response.status();
            assert!(status.is_success(), "{path}: {status} {}", response.text().await.unwrap());
            response.json::<serde_json::Value>().await.unwrap_or_default()
        }
    };
    let this = passend_app::questionnaire::current_year();
    let years = [this.previous().previous(), this.previous(), this];
    let started = Instant::now();
    let mut planned = 0;
    let mut one = 0;
    for year in years {
        let list = send(
            reqwest::Method::GET,
            format!("/api/v1/swvs/{code}/conversations?year={year}"),
            serde_json::Value::Null,
        )
        .await;
        for row in list["conversations"].as_array().unwrap() {
            if !row["conversation_id"].is_null() {
                continue;
            }
            let location = row["location_code"].as_str().unwrap();
            let body = serde_json::json!({"location": location, "date": format!("{}-03-10", year.start() + 1),
                "time": "10:00", "minutes": 60, "place": "Op school", "attendees": [], "consultant": "Bea Bench"});
            let id = send(reqwest::Method::POST, format!("/api/v1/swvs/{code}/conversations?year={year}"), body).await
                ["id"]
                .as_i64()
                .unwrap();
            send(
                reqwest::Method::PUT,
                format!("/api/v1/conversations/{id}/details"),
                serde_json::json!({"held": true}),
            )
            .await;
            send(
                reqwest::Method::PUT,
                format!("/api/v1/conversations/{id}/answers/opp_aantal"),
                serde_json::json!({"value": planned % 7, "version": 0}),
            )
            .await;
            for (what, due) in [
                ("Overstapplan maken", format!("{}-06-01", year.start() + 1)),
                ("Scholing team", format!("{}-12-01", year.start() + 2)),
            ] {
                send(
                    reqwest::Method::POST,
                    format!("/api/v1/conversations/{id}/agreements"),
                    serde_json::json!({"what": what, "who": "IB", "due": due}),
                )
                .await;
            }
            planned += 1;
            one = id;
        }
    }
    eprintln!(
        "{planned} conversations planned, held, with a figure and two agreements each, in {:?}",
        started.elapsed()
    );
    let median = |mut times: Vec<Duration>| {
        times.sort();
        (times[times.len() / 2], times[times.len() - 1])
    };
    for (what, path) in [
        ("list (this year)", format!("/api/v1/swvs/{code}/conversations?year={this}")),
        ("list page", format!("/samenwerkingsverbanden/{code}/gesprekken")),
        ("follow-up", format!("/api/v1/swvs/{code}/conversation-follow-up")),
        ("follow-up page", format!("/samenwerkingsverbanden/{code}/gesprekken/opvolging")),
        ("report PDF", format!("/gesprekken/{one}/verslag.pdf")),
    ] {
        let mut times = Vec::new();
        for _ in 0..21 {
            let at = Instant::now();
            let response = app.http.get(app.at(&path)).headers(staff.headers()).send().await.unwrap();
            assert_eq!(response.status(), StatusCode::OK, "{path}");
            response.bytes().await.unwrap();
            times.push(at.elapsed());
        }
        let (median, max) = median(times);
        eprintln!("{what}: median {median:?}, max {max:?} (21 requests)");
    }
    app.stop().await;
}
