//! Everyone is told what to do: each role's open tasks on the dashboard,
//! across several organisations, with a link to each; the team's mail when
//! the questionnaire opens; the state on every list of profiles.

use passend_app::questionnaire::current_year;
use passend_domain::access::Role;
use passend_domain::organisations::OrgKind;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::support::{Login, TestApp, link_in, mails_to};

/// The text between `start` and the next `end` after it.
fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text.find(start).unwrap_or_else(|| panic!("no {start} in {text}")) + start.len();
    let to = text[from..].find(end).unwrap_or_else(|| panic!("no {end} after {start} in {text}"));
    &text[from..from + to]
}

async fn page(app: &TestApp, who: &Login, path: &str) -> String {
    let response = app.http.get(app.at(path)).headers(who.headers()).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    response.text().await.unwrap()
}

/// The dashboard's open tasks as (link, text), in the order shown; `None` in
/// the list when the dashboard says there are none.
async fn tasks_of(app: &TestApp, who: &Login) -> Vec<(String, String)> {
    let html = page(app, who, "/dashboard").await;
    let start = html.find("id=\"taken\"").expect("a tasks section");
    let first_org = html.find("<section class=\"panel\" aria-labelledby=").unwrap_or(html.len());
    assert!(start < first_org, "the dashboard starts with the tasks");
    let section = &html[start..start + html[start..].find("</section>").unwrap()];
    let tasks: Vec<(String, String)> = section
        .split("<li class=\"task")
        .skip(1)
        .map(|li| {
            let link = &li[li.find("<a ").expect("a link per task")..];
            (between(link, "href=\"", "\"").to_owned(), between(link, "\">", "</a>").to_owned())
        })
        .collect();
    assert_eq!(tasks.is_empty(), section.contains("U heeft nu geen open taken."), "{section}");
    tasks
}

async fn step(app: &TestApp, who: &Login, id: i64, body: Value) {
    app.take_step(who, id, body).await;
}

async fn put(app: &TestApp, who: &Login, path: &str, body: Value) -> StatusCode {
    app.http.put(app.at(path)).headers(who.headers()).json(&body).send().await.unwrap().status()
}

fn advice() -> Value {
    json!({ "step": "record_advice", "verdict": "positive", "advice": "Helder.", "date": "2026-06-01" })
}

fn expect(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items.iter().map(|(link, text)| ((*link).to_owned(), (*text).to_owned())).collect()
}

#[tokio::test]
async fn each_role_sees_exactly_its_tasks_across_its_organisations() {
    let app = TestApp::spawn().await;
    let year = current_year();
    let y = year.to_string();
    let old = year.previous().previous();
    let people = [
        (
            "dirk@brug.nl",
            "Dirk",
            &[(OrgKind::School, "04FZ", Role::Director), (OrgKind::School, "32DD", Role::TeamMember)][..],
        ),
        ("ines@kompas.nl", "Ines", &[(OrgKind::School, "20XK", Role::Ib)][..]),
        (
            "tim@brug.nl",
            "Tim",
            &[(OrgKind::School, "04FZ", Role::TeamMember), (OrgKind::School, "32DD", Role::TeamMember)][..],
        ),
        (
            "mila@brug.nl",
            "Mila",
            &[(OrgKind::School, "04FZ", Role::MrMember), (OrgKind::School, "20XK", Role::MrMember)][..],
        ),
        // 20XK has no board in DUO's data: its board member is held at the school.
        (
            "bas@bestuur.nl",
            "Bas",
            &[(OrgKind::Board, "41234", Role::BoardMember), (OrgKind::School, "20XK", Role::BoardMember)][..],
        ),
        (
            "sanne@swv.nl",
            "Sanne",
            &[(OrgKind::Swv, "PO2707", Role::SwvAdmin), (OrgKind::Swv, "PO2815", Role::SwvStaff)][..],
        ),
        ("anna@aida.nl", "Anna", &[(OrgKind::School, "32DD", Role::Director)][..]),
    ];
    let mut logins = Vec::new();
    for (email, name, roles) in people {
        let id = app.user(email, name, roles).await;
        logins.push(app.session_for(id).await);
    }
    let [dirk, ines, tim, mila, bas, sanne, anna]: [Login; 7] = logins.try_into().ok().unwrap();

    // De Brug: concept, open to the team.
    let brug = app.start_profile(&dirk, "04FZ", "04FZ00", &y).await;
    assert_eq!(
        put(&app, &dirk, &format!("/api/v1/profiles/{brug}/team"), json!({ "open": true })).await,
        StatusCode::NO_CONTENT
    );
    // The dependance: advised by the MR, waiting for the school's response and the board.
    let dependance = app.start_profile(&dirk, "04FZ", "04FZ01", &y).await;
    step(&app, &dirk, dependance, json!({ "step": "ask_mr_advice" })).await;
    step(&app, &mila, dependance, advice()).await;
    // Het Kompas: adopted two years ago under the yearly rule (its review is overdue),
    // and this year's version waits for the MR.
    let kompas_old = app.start_profile(&ines, "20XK", "20XK00", &old.to_string()).await;
    step(&app, &ines, kompas_old, json!({ "step": "ask_mr_advice" })).await;
    step(&app, &mila, kompas_old, advice()).await;
    step(&app, &bas, kompas_old, json!({ "step": "adopt", "date": format!("{}-08-15", old.start() + 1) })).await;
    step(&app, &ines, kompas_old, json!({ "step": "publish" })).await;
    let kompas = app.start_profile(&ines, "20XK", "20XK00", &y).await;
    step(&app, &ines, kompas, json!({ "step": "ask_mr_advice" })).await;
    // Aida (another SWV and board): the team reads along.
    let aida = app.start_profile(&anna, "32DD", "32DD00", &y).await;
    step(&app, &anna, aida, json!({ "step": "ask_team_review" })).await;
    // The SWV saved its version of the questionnaire but has not published it.
    let template = format!("/api/v1/swvs/PO2707/templates/{y}");
    assert_eq!(put(&app, &sanne, &template, json!({ "owner": "PO2707" })).await, StatusCode::NO_CONTENT);

    let review_since = format!("1-8-{}", old.start() + 1);
    assert_eq!(
        tasks_of(&app, &dirk).await,
        expect(&[
            (&format!("/profielen/{brug}"), &format!("Maak het concept af: De Brug ({y})")),
            (&format!("/profielen/{aida}/stappen#opmerkingen"), &format!("Lees mee: Aida ({y})")),
            (
                &format!("/profielen/{dependance}/stappen#advice-response"),
                &format!("Reageer op het advies van de MR: De Brug dépendance ({y})")
            ),
        ]),
        "director of one school, team member of another"
    );
    assert_eq!(
        tasks_of(&app, &ines).await,
        expect(&[(
            &format!("/profielen/{kompas}"),
            &format!("Herzie het profiel: Het Kompas, te laat sinds {review_since}")
        )]),
        "the IB-er: the overdue review leads to the version being made"
    );
    assert_eq!(
        tasks_of(&app, &tim).await,
        expect(&[
            (&format!("/profielen/{brug}"), &format!("Vul de vragenlijst in: De Brug ({y})")),
            (&format!("/profielen/{aida}/stappen#opmerkingen"), &format!("Lees mee: Aida ({y})")),
        ]),
        "a team member of two schools"
    );
    assert_eq!(
        tasks_of(&app, &mila).await,
        expect(&[(
            &format!("/profielen/{kompas}/stappen#step-record_advice"),
            &format!("Geef advies: Het Kompas ({y})")
        )]),
        "the MR member of two schools"
    );
    assert_eq!(
        tasks_of(&app, &bas).await,
        expect(&[(
            &format!("/profielen/{dependance}/stappen#step-adopt"),
            &format!("Stel vast: De Brug dépendance ({y})")
        )]),
        "the board member, at a board and at a school"
    );
    assert_eq!(
        tasks_of(&app, &sanne).await,
        expect(&[
            (
                &format!("/samenwerkingsverbanden/PO2707/status?jaar={y}"),
                "Herinner de school: bij 1 vestiging is de herziening van het profiel te laat"
            ),
            (
                &format!("/samenwerkingsverbanden/PO2707/vragenlijst/{y}"),
                &format!("Publiceer de vragenlijst van het samenwerkingsverband voor {y}")
            ),
        ]),
        "the SWV admin; nothing for the other SWV where she is staff"
    );
    assert_eq!(
        tasks_of(&app, &anna).await,
        expect(&[(&format!("/profielen/{aida}/stappen#opmerkingen"), &format!("Lees mee: Aida ({y})"))])
    );
    // Every link opens for the person it is shown to.
    for (who, (link, _)) in [(&dirk, tasks_of(&app, &dirk).await), (&bas, tasks_of(&app, &bas).await)]
        .into_iter()
        .flat_map(|(who, tasks)| tasks.into_iter().map(move |t| (who, t)))
    {
        page(&app, who, link.split('#').next().unwrap()).await;
    }

    // The tasks follow the steps.
    let response = app
        .http
        .put(app.at(&format!("/api/v1/profiles/{dependance}/advice/response")))
        .headers(dirk.headers())
        .json(&json!({ "response": "Dank, we passen het aan." }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    step(&app, &bas, dependance, json!({ "step": "adopt", "date": "2026-06-15" })).await;
    step(&app, &mila, kompas, advice()).await;
    assert_eq!(
        tasks_of(&app, &dirk).await,
        expect(&[
            (&format!("/profielen/{brug}"), &format!("Maak het concept af: De Brug ({y})")),
            (&format!("/profielen/{aida}/stappen#opmerkingen"), &format!("Lees mee: Aida ({y})")),
            (&format!("/profielen/{dependance}/stappen#next-heading"), &format!("Publiceer: De Brug dépendance ({y})")),
        ])
    );
    assert_eq!(
        tasks_of(&app, &bas).await,
        expect(&[(&format!("/profielen/{kompas}/stappen#step-adopt"), &format!("Stel vast: Het Kompas ({y})"))])
    );
    assert_eq!(tasks_of(&app, &mila).await, [], "advice given: nothing left");
    assert_eq!(
        tasks_of(&app, &ines).await,
        expect(&[
            (&format!("/profielen/{kompas}"), &format!("Herzie het profiel: Het Kompas, te laat sinds {review_since}")),
            (
                &format!("/profielen/{kompas}/stappen#advice-response"),
                &format!("Reageer op het advies van de MR: Het Kompas ({y})")
            ),
        ])
    );
    app.stop().await;
}

#[tokio::test]
async fn opening_the_questionnaire_mails_the_team_and_says_how_many() {
    let app = TestApp::spawn().await;
    let people = [
        ("dirk@brug.nl", "Dirk", OrgKind::School, "04FZ", Role::Director),
        ("tim@brug.nl", "Tim", OrgKind::School, "04FZ", Role::TeamMember),
        ("fien@brug.nl", "Fien", OrgKind::School, "04FZ", Role::TeamMember),
        ("ib@brug.nl", "Iris", OrgKind::School, "04FZ", Role::Ib),
        ("mila@brug.nl", "Mila", OrgKind::School, "04FZ", Role::MrMember),
        ("kees@kompas.nl", "Kees", OrgKind::School, "20XK", Role::TeamMember),
    ];
    let mut logins = Vec::new();
    for (email, name, kind, code, role) in people {
        let id = app.user(email, name, &[(kind, code, role)]).await;
        logins.push(app.session_for(id).await);
    }
    let dirk = logins[0].clone();
    let y = current_year().to_string();
    let id = app.start_profile(&dirk, "04FZ", "04FZ00", &y).await;

    let open = |value: &'static str| {
        app.http
            .post(app.at(&format!("/profielen/{id}/team")))
            .headers(dirk.headers())
            .form(&[("csrf_token", dirk.csrf.as_str()), ("open", value)])
            .send()
    };
    let opened = open("ja").await.unwrap();
    assert_eq!(opened.status(), StatusCode::SEE_OTHER);
    let location = opened.headers()["location"].to_str().unwrap().to_owned();
    let html = page(&app, &dirk, &location).await;
    assert!(html.contains("De vragenlijst staat open. 3 teamleden kregen een e-mail met de link."), "{html}");

    for (team, name) in [("tim@brug.nl", "Tim"), ("fien@brug.nl", "Fien"), ("ib@brug.nl", "Iris")] {
        let mails = mails_to(&app.db, team).await;
        assert_eq!(mails.len(), 1, "{team}");
        assert_eq!(mails[0].subject, format!("Vul de vragenlijst in: profiel De Brug {y}"));
        assert!(mails[0].body.starts_with(&format!("Beste {name},")), "{}", mails[0].body);
        assert!(link_in(&mails[0].body, "http").ends_with(&format!("/profielen/{id}")), "{}", mails[0].body);
    }
    for outside in ["dirk@brug.nl", "mila@brug.nl", "kees@kompas.nl"] {
        assert!(mails_to(&app.db, outside).await.is_empty(), "{outside}: the opener, the MR and another school");
    }
    // The link in the mail works for the team member.
    page(&app, &logins[1], &format!("/profielen/{id}")).await;

    // Opening an open questionnaire again tells nobody twice; closing and reopening does.
    let path = format!("/api/v1/profiles/{id}/team");
    assert_eq!(put(&app, &dirk, &path, json!({ "open": true })).await, StatusCode::NO_CONTENT);
    assert_eq!(mails_to(&app.db, "tim@brug.nl").await.len(), 1);
    assert_eq!(open("nee").await.unwrap().headers()["location"], format!("/profielen/{id}?melding=opgeslagen"));
    assert_eq!(put(&app, &dirk, &path, json!({ "open": true })).await, StatusCode::NO_CONTENT);
    assert_eq!(mails_to(&app.db, "tim@brug.nl").await.len(), 2, "opened anew by the API");
    app.stop().await;
}

#[tokio::test]
async fn a_team_with_nobody_to_mail_is_offered_the_invitation() {
    let app = TestApp::spawn().await;
    let dirk = app.user("dirk@brug.nl", "Dirk", &[(OrgKind::School, "04FZ", Role::Director)]).await;
    let dirk = app.session_for(dirk).await;
    let id = app.start_profile(&dirk, "04FZ", "04FZ00", &current_year().to_string()).await;
    let opened = app
        .http
        .post(app.at(&format!("/profielen/{id}/team")))
        .headers(dirk.headers())
        .form(&[("csrf_token", dirk.csrf.as_str()), ("open", "ja")])
        .send()
        .await
        .unwrap();
    let html = page(&app, &dirk, opened.headers()["location"].to_str().unwrap()).await;
    assert!(html.contains("er is nog niemand in het team met een account om te mailen"), "{html}");
    assert!(html.contains("href=\"/organisaties/school/04FZ/leden\">Nodig het team uit</a>"));
    app.stop().await;
}

#[tokio::test]
async fn every_list_of_profiles_shows_its_state() {
    let app = TestApp::spawn().await;
    let people = [
        ("dirk@brug.nl", "Dirk", OrgKind::School, "04FZ", Role::Director),
        ("mila@brug.nl", "Mila", OrgKind::School, "04FZ", Role::MrMember),
        ("bas@bestuur.nl", "Bas", OrgKind::Board, "41234", Role::BoardMember),
        ("sanne@swv.nl", "Sanne", OrgKind::Swv, "PO2707", Role::SwvAdmin),
    ];
    let mut logins = Vec::new();
    for (email, name, kind, code, role) in people {
        let id = app.user(email, name, &[(kind, code, role)]).await;
        logins.push(app.session_for(id).await);
    }
    let [dirk, mila, bas, sanne]: [Login; 4] = logins.try_into().ok().unwrap();
    let y = current_year().to_string();
    let published = app.start_profile(&dirk, "04FZ", "04FZ00", &y).await;
    let saved = put(
        &app,
        &dirk,
        &format!("/api/v1/profiles/{published}/answers/aanbod.dyslexie"),
        json!({ "value": "standaard", "version": 0 }),
    )
    .await;
    assert_eq!(saved, StatusCode::OK);
    step(&app, &dirk, published, json!({ "step": "ask_mr_advice" })).await;
    step(&app, &mila, published, advice()).await;
    step(&app, &bas, published, json!({ "step": "adopt", "date": "2026-06-15" })).await;
    step(&app, &dirk, published, json!({ "step": "publish" })).await;
    let concept = app.start_profile(&dirk, "04FZ", "04FZ01", &y).await;

    let api: Value = app
        .http
        .get(app.at("/api/v1/schools/04FZ/profiles"))
        .headers(dirk.headers())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let states: Vec<(i64, &str)> =
        api.as_array().unwrap().iter().map(|p| (p["id"].as_i64().unwrap(), p["state"].as_str().unwrap())).collect();
    assert_eq!(states, [(published, "published"), (concept, "concept")]);

    let list = page(&app, &dirk, "/scholen/04FZ/profielen").await;
    let row = |id: i64| between(&list, &format!("href=\"/profielen/{id}\""), "</tr>").to_owned();
    assert!(row(published).contains("Gepubliceerd") && !row(published).contains("team"), "{}", row(published));
    assert!(
        row(concept).contains("Concept") && row(concept).contains("Nog niet open voor het team"),
        "{}",
        row(concept)
    );

    let school = page(&app, &dirk, "/dashboard").await;
    assert!(school.contains(&format!("<a href=\"/profielen/{published}\">De Brug</a>: Gepubliceerd")), "{school}");
    assert!(school.contains(&format!("<a href=\"/profielen/{concept}\">De Brug dépendance</a>: Concept")));
    assert!(!school.contains("Begonnen"), "no answer count after the concept");

    let board = page(&app, &bas, "/dashboard").await;
    assert!(board.contains(&format!("<a href=\"/profielen/{published}\">De Brug</a>: Gepubliceerd")), "{board}");

    let swv = page(&app, &sanne, "/dashboard").await;
    let cell = between(&swv, "href=\"/scholen/04FZ/profielen\">", "</a>");
    let prefilled = api[1]["answered"].as_i64().unwrap();
    assert!(prefilled > 1, "DUO's pre-fills count as answers");
    assert_eq!(
        cell,
        format!(
            "De Brug: Gepubliceerd; De Brug dépendance: Concept ({prefilled} antwoorden)<span class=\"visually-hidden\"> De Brug</span>"
        ),
        "the answers are counted only for a concept"
    );
    app.stop().await;
}
