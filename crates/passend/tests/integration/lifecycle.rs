//! The yearly cycle: every step by its own role, refusals by role and by state,
//! hand-over mail, the audit log, and an adopted version that no route changes.

use passend_domain::access::Role;
use passend_domain::organisations::OrgKind;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::{Login, TestApp, mails_to};

struct Cycle {
    app: TestApp,
    director: Login,
    teacher: Login,
    mr: Login,
    board: Login,
    other_mr: Login,
    platform: Login,
    id: i64,
}

async fn cycle() -> Cycle {
    let app = TestApp::spawn().await;
    let users = [
        ("dirk@brug.nl", "Dirk", OrgKind::School, "04FZ", Role::Director),
        ("tim@brug.nl", "Tim", OrgKind::School, "04FZ", Role::TeamMember),
        ("mila@brug.nl", "Mila", OrgKind::School, "04FZ", Role::MrMember),
        ("bas@bestuur.nl", "Bas", OrgKind::Board, "41234", Role::BoardMember),
        ("mr@andere.nl", "Anders", OrgKind::School, "32DD", Role::MrMember),
        ("beheer@passend.test", "Beheer", OrgKind::Platform, "passend", Role::PlatformAdmin),
    ];
    let mut logins = Vec::new();
    for (email, name, kind, code, role) in users {
        let id = app.user(email, name, &[(kind, code, role)]).await;
        logins.push(app.session_for(id).await);
    }
    let [director, teacher, mr, board, other_mr, platform]: [Login; 6] = logins.try_into().ok().unwrap();
    let id = app.start_profile(&director, "04FZ", "04FZ00", "2026-2027").await;
    let c = Cycle { app, director, teacher, mr, board, other_mr, platform, id };
    let saved = c.put(&c.director, "answers/aanbod.dyslexie", json!({ "value": "standaard", "version": 0 })).await;
    assert_eq!(saved.status(), StatusCode::OK);
    let opened = c.put(&c.director, "team", json!({ "open": true })).await;
    assert_eq!(opened.status(), StatusCode::NO_CONTENT);
    c
}

impl Cycle {
    async fn put(&self, who: &Login, part: &str, body: Value) -> reqwest::Response {
        let path = format!("/api/v1/profiles/{}/{part}", self.id);
        self.app.http.put(self.app.at(&path)).headers(who.headers()).json(&body).send().await.unwrap()
    }

    async fn post(&self, who: &Login, part: &str, body: Value) -> reqwest::Response {
        let path = format!("/api/v1/profiles/{}/{part}", self.id);
        self.app.http.post(self.app.at(&path)).headers(who.headers()).json(&body).send().await.unwrap()
    }

    async fn step(&self, who: &Login, body: Value) -> (StatusCode, Value) {
        let response = self.post(who, "steps", body).await;
        (response.status(), response.json().await.unwrap_or(Value::Null))
    }

    async fn lifecycle(&self, who: &Login) -> Value {
        let path = format!("/api/v1/profiles/{}/lifecycle", self.id);
        self.app.http.get(self.app.at(&path)).headers(who.headers()).send().await.unwrap().json().await.unwrap()
    }

    async fn get(&self, who: &Login, part: &str) -> Value {
        let path = format!("/api/v1/profiles/{}/{part}", self.id);
        self.app.http.get(self.app.at(&path)).headers(who.headers()).send().await.unwrap().json().await.unwrap()
    }

    /// From concept straight to adopted: advice asked, given, adopted (each confirmed).
    async fn adopt(&self) {
        let ask = json!({ "step": "ask_mr_advice", "confirmed": true });
        assert_eq!(self.step(&self.director, ask).await.0, StatusCode::OK);
        let advice = json!({ "step": "record_advice", "verdict": "positive", "advice": "Helder profiel.", "date": "2026-06-01" });
        assert_eq!(self.step(&self.mr, advice).await.0, StatusCode::OK);
        let adopted = self.step(&self.board, json!({ "step": "adopt", "date": "15-6-2026", "confirmed": true })).await;
        assert_eq!(adopted, (StatusCode::OK, json!({ "state": "adopted" })));
    }
}

#[tokio::test]
async fn each_step_is_taken_by_its_own_role_in_its_turn() {
    let c = cycle().await;
    let forbidden = [
        (&c.teacher, json!({ "step": "ask_team_review" })),
        (&c.mr, json!({ "step": "ask_mr_advice" })),
        (&c.director, json!({ "step": "adopt", "date": "2026-06-15" })),
        (&c.platform, json!({ "step": "adopt", "date": "2026-06-15" })),
    ];
    for (who, body) in forbidden {
        assert_eq!(c.step(who, body.clone()).await.0, StatusCode::FORBIDDEN, "{body}");
    }
    let (status, body) = c.step(&c.board, json!({ "step": "adopt", "date": "2026-06-15" })).await;
    assert_eq!(status, StatusCode::CONFLICT, "the right role, the wrong state");
    assert_eq!(
        body["error"]["fields"][0]["message"],
        "Deze stap kan nu niet: het profiel is in een andere fase. Laad de pagina opnieuw."
    );
    assert_eq!(
        c.step(&c.other_mr, json!({ "step": "record_advice" })).await.0,
        StatusCode::NOT_FOUND,
        "another school"
    );

    // Team review: comments, and answers fixed until back to concept.
    assert_eq!(
        c.step(&c.director, json!({ "step": "ask_team_review" })).await,
        (StatusCode::OK, json!({ "state": "team_review" }))
    );
    assert!(mails_to(&c.app.db, "tim@brug.nl").await.iter().any(|m| m.subject.starts_with("Lees mee")), "review asked");
    let comment =
        c.post(&c.teacher, "comments", json!({ "section": "D", "body": "Dyslexie: noem de leesspecialist." })).await;
    assert_eq!(comment.status(), StatusCode::OK);
    let locked = c.put(&c.teacher, "my-answers/aanbod.gedrag", json!({ "value": "niet" })).await;
    assert_eq!(locked.status(), StatusCode::CONFLICT);
    let locked: Value = locked.json().await.unwrap();
    assert!(locked["error"]["fields"][0]["message"].as_str().unwrap().starts_with("Dit profiel is geen concept meer."));
    assert!(locked["error"]["message"].as_str().unwrap().starts_with("Dit profiel is geen concept meer."), "{locked}");
    assert_eq!(c.step(&c.director, json!({ "step": "back_to_concept" })).await.1["state"], "concept");
    let late = c.post(&c.teacher, "comments", json!({ "section": "D", "body": "Te laat" })).await;
    assert_eq!(late.status(), StatusCode::CONFLICT, "comments belong to the team review");
    assert_eq!(
        c.put(&c.teacher, "my-answers/aanbod.gedrag", json!({ "value": "niet" })).await.status(),
        StatusCode::NO_CONTENT
    );

    // MR advice: bad input is named per field, then the advice is recorded.
    assert_eq!(c.step(&c.director, json!({ "step": "ask_mr_advice" })).await.1["state"], "mr_advice_requested");
    assert!(mails_to(&c.app.db, "mila@brug.nl").await.iter().any(|m| m.subject.starts_with("Advies gevraagd")));
    assert_eq!(c.step(&c.director, json!({ "step": "record_advice" })).await.0, StatusCode::FORBIDDEN);
    let (status, bad) = c
        .step(&c.mr, json!({ "step": "record_advice", "verdict": "misschien", "advice": " ", "date": "31-4-2026" }))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let fields: Vec<&str> =
        bad["error"]["fields"].as_array().unwrap().iter().map(|f| f["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["date", "verdict", "advice"]);
    let advice = json!({ "step": "record_advice", "verdict": "positive_with_remarks", "advice": "Maak de grenzen concreter.", "date": "2026-06-01" });
    assert_eq!(c.step(&c.mr, advice).await.1["state"], "mr_advised");
    assert!(mails_to(&c.app.db, "dirk@brug.nl").await.iter().any(|m| m.subject.starts_with("Advies van de MR")));
    assert!(
        mails_to(&c.app.db, "bas@bestuur.nl").await.iter().any(|m| m.subject.starts_with("Vaststellen")),
        "adoption asked"
    );
    let response = c.put(&c.director, "advice/response", json!({ "response": "We passen hoofdstuk I aan." })).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        c.put(&c.mr, "advice/response", json!({ "response": "Van de MR" })).await.status(),
        StatusCode::FORBIDDEN
    );

    // Adoption fixes the version; publication follows.
    assert_eq!(
        c.step(&c.board, json!({ "step": "adopt", "date": "2026-06-15", "confirmed": true })).await.1["state"],
        "adopted"
    );
    assert!(mails_to(&c.app.db, "mila@brug.nl").await.iter().any(|m| m.subject.starts_with("Vastgesteld")));
    assert_eq!(
        c.step(&c.director, json!({ "step": "back_to_concept" })).await.0,
        StatusCode::CONFLICT,
        "adopted stays adopted"
    );
    assert_eq!(c.step(&c.board, json!({ "step": "publish", "confirmed": true })).await.1["state"], "published");

    let lifecycle = c.lifecycle(&c.teacher).await;
    assert_eq!(lifecycle["state"], "published");
    assert_eq!(lifecycle["adopted_on"], "2026-06-15");
    assert_eq!(lifecycle["content_hash"].as_str().unwrap().len(), 64);
    assert_eq!(lifecycle["review_due"]["by"], "2027-08-01", "yearly since August 2025");
    assert_eq!(lifecycle["advice"]["response"], "We passen hoofdstuk I aan.");
    assert_eq!(lifecycle["comments"][0]["body"], "Dyslexie: noem de leesspecialist.");
    assert_eq!(lifecycle["allowed_steps"], json!([]));
    let steps: Vec<(&str, &str, &str)> = lifecycle["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| (h["from_state"].as_str().unwrap(), h["to_state"].as_str().unwrap(), h["by"].as_str().unwrap()))
        .collect();
    assert_eq!(
        steps,
        [
            ("concept", "team_review", "Dirk"),
            ("team_review", "concept", "Dirk"),
            ("concept", "mr_advice_requested", "Dirk"),
            ("mr_advice_requested", "mr_advised", "Mila"),
            ("mr_advised", "adopted", "Bas"),
            ("adopted", "published", "Bas"),
        ]
    );
    let page = c
        .app
        .http
        .get(c.app.at(&format!("/profielen/{}/stappen", c.id)))
        .headers(c.teacher.headers())
        .send()
        .await
        .unwrap();
    let html = page.text().await.unwrap();
    assert!(
        html.contains("Gepubliceerd") && html.contains("vóór 1-8-2027") && html.contains("Maak de grenzen concreter."),
        "{html}"
    );
    c.app.stop().await;
}

#[tokio::test]
async fn next_years_adoption_supersedes_this_one() {
    let c = cycle().await;
    c.adopt().await;
    let next = c.app.start_profile(&c.director, "04FZ", "04FZ00", "2027-2028").await;
    let copied: Value = c
        .app
        .http
        .get(c.app.at(&format!("/api/v1/profiles/{next}/answers")))
        .headers(c.director.headers())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let dyslexie = copied.as_array().unwrap().iter().find(|a| a["item_key"] == "aanbod.dyslexie").unwrap().clone();
    assert_eq!((dyslexie["value"].as_str(), dyslexie["from_last_year"].as_bool()), (Some("standaard"), Some(true)));
    let next_cycle = Cycle { id: next, ..c };
    next_cycle.adopt().await;
    let old = Cycle { id: next_cycle.id - 1, ..next_cycle };
    let lifecycle = old.lifecycle(&old.director).await;
    assert_eq!(lifecycle["state"], "superseded");
    assert_eq!(lifecycle["history"].as_array().unwrap().last().unwrap()["to_state"], "superseded");
    old.app.stop().await;
}

#[tokio::test]
async fn no_route_changes_an_adopted_version() {
    let c = cycle().await;
    c.adopt().await;
    let snapshot = |answers: Value, mine: Value, lifecycle: Value| {
        (answers, mine, lifecycle["content_hash"].clone(), lifecycle["adopted_on"].clone(), lifecycle["advice"].clone())
    };
    let before = snapshot(
        c.get(&c.director, "answers").await,
        c.get(&c.teacher, "my-answers").await,
        c.lifecycle(&c.director).await,
    );

    let mut tried = 0;
    for (method, template, _) in passend_web::route_inventory() {
        let is_profile_route = template.contains("/profiles/{id}") || template.contains("/profielen/{id}");
        if method == Method::GET || !is_profile_route {
            continue;
        }
        let path = template
            .replace("{id}", &c.id.to_string())
            .replace("{section}", "D")
            .replace("{item}", "aanbod.dyslexie")
            .replace("{comment}", "1");
        for who in [&c.director, &c.teacher, &c.mr, &c.board, &c.platform] {
            for step in ["back_to_concept", "ask_team_review", "record_advice", "adopt"] {
                let mut request =
                    c.app.http.request(Method::from_bytes(method.as_str().as_bytes()).unwrap(), c.app.at(&path));
                request = request.headers(who.headers());
                request = if path.starts_with("/api/") {
                    request.json(&json!({
                        "value": "niet", "note": "veranderd", "version": 1, "open": false, "step": step,
                        "verdict": "negative", "advice": "Anders", "date": "2026-07-01", "response": "Anders",
                        "section": "D", "body": "Anders"
                    }))
                } else {
                    request.form(&[
                        ("csrf_token", who.csrf.as_str()),
                        ("p:aanbod.dyslexie", "1"),
                        ("v:aanbod.dyslexie", "niet"),
                        ("ver:aanbod.dyslexie", "1"),
                        ("bevestig", "aanbod.dyslexie"),
                        ("open", "nee"),
                        ("step", step),
                        ("verdict", "negative"),
                        ("advice", "Anders"),
                        ("date", "2026-07-01"),
                        ("response", "Anders"),
                        ("section", "D"),
                        ("body", "Anders"),
                    ])
                };
                let status = request.send().await.unwrap().status();
                assert!(!status.is_server_error(), "{method} {path}: {status}");
                tried += 1;
            }
        }
    }
    assert!(tried >= 5 * 4 * 8, "every write route of a profile was tried ({tried})");
    let after = snapshot(
        c.get(&c.director, "answers").await,
        c.get(&c.teacher, "my-answers").await,
        c.lifecycle(&c.director).await,
    );
    assert_eq!(before, after, "the adopted version is as it was");
    assert_eq!(c.lifecycle(&c.director).await["state"], "adopted");
    c.app.stop().await;
}

#[tokio::test]
async fn what_changed_since_last_years_version() {
    let c = cycle().await;
    let ambitions = json!({ "value": [{ "ambitie": "Rekenen op niveau" }], "version": 0 });
    assert_eq!(c.put(&c.director, "answers/ambities.lijst", ambitions).await.status(), StatusCode::OK);
    c.adopt().await;
    let next_id = c.app.start_profile(&c.director, "04FZ", "04FZ00", "2027-2028").await;
    let next = Cycle { id: next_id, ..c };
    let none: Value = next.get(&next.director, "changes").await;
    assert_eq!(none["items"], json!([]), "copied forward: nothing changed yet");
    assert_eq!(none["since"]["school_year"], "2026-2027");
    let level = json!({ "value": "na_overleg", "note": "Met de leesspecialist van het SWV", "version": 1 });
    assert_eq!(next.put(&next.director, "answers/aanbod.dyslexie", level).await.status(), StatusCode::OK);
    let new_ambitions =
        json!({ "value": [{ "ambitie": "Rekenen op niveau" }, { "ambitie": "Een taalklas" }], "version": 1 });
    assert_eq!(next.put(&next.director, "answers/ambities.lijst", new_ambitions).await.status(), StatusCode::OK);

    let changes: Value = next.get(&next.mr, "changes").await;
    let dyslexie = changes["items"].as_array().unwrap().iter().find(|d| d["item_key"] == "aanbod.dyslexie").unwrap();
    assert_eq!(dyslexie["kind"], "level_changed");
    assert_eq!(changes["new_ambitions"], json!(["Een taalklas"]));
    let parents: Vec<&str> = changes["for_parents"].as_array().unwrap().iter().map(|l| l.as_str().unwrap()).collect();
    assert_eq!(
        parents,
        ["Dyslexie: nu na overleg of met het samenwerkingsverband (was: standaard).", "Nieuw dit jaar: Een taalklas."]
    );
    let page = next
        .app
        .http
        .get(next.app.at(&format!("/profielen/{}/wijzigingen", next.id)))
        .headers(next.mr.headers())
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.text().await.unwrap().contains("Nieuw dit jaar: Een taalklas."));
    next.app.stop().await;
}

#[tokio::test]
async fn every_step_out_of_turn_is_refused_in_every_state() {
    let c = cycle().await;
    let details = |step: &str| json!({ "step": step, "verdict": "positive", "advice": "Goed.", "date": "2026-06-01", "confirmed": true });
    let steps = ["ask_team_review", "back_to_concept", "ask_mr_advice", "record_advice", "adopt", "publish"];
    // Who may take each step (platform admins coordinate).
    let takes = |who: &str, step: &str| match step {
        "ask_team_review" | "back_to_concept" | "ask_mr_advice" => matches!(who, "director" | "platform"),
        "record_advice" => who == "mr",
        "adopt" => who == "board",
        "publish" => matches!(who, "director" | "platform" | "board"),
        _ => false,
    };
    // From which states a step starts.
    let starts = |step: &str, state: &str| match step {
        "ask_team_review" => state == "concept",
        "back_to_concept" => matches!(state, "team_review" | "mr_advice_requested" | "mr_advised"),
        "ask_mr_advice" => matches!(state, "concept" | "team_review"),
        "record_advice" => state == "mr_advice_requested",
        "adopt" => state == "mr_advised",
        "publish" => state == "adopted",
        _ => false,
    };
    let path = [
        ("director", "ask_team_review"),
        ("director", "ask_mr_advice"),
        ("mr", "record_advice"),
        ("board", "adopt"),
        ("board", "publish"),
    ];
    let who = [
        ("director", &c.director),
        ("teacher", &c.teacher),
        ("mr", &c.mr),
        ("board", &c.board),
        ("platform", &c.platform),
    ];
    let mut checked = 0;
    for (taker, next) in path.iter().copied().map(Some).chain([None]).map(|p| p.unzip()) {
        let state = c.lifecycle(&c.director).await["state"].as_str().unwrap().to_owned();
        for step in steps {
            for (name, login) in &who {
                if takes(name, step) && starts(step, &state) {
                    continue;
                }
                let expected = if !takes(name, step) { StatusCode::FORBIDDEN } else { StatusCode::CONFLICT };
                let (status, _) = c.step(login, details(step)).await;
                assert_eq!(status, expected, "{name} {step} from {state}");
                checked += 1;
            }
        }
        assert_eq!(c.lifecycle(&c.director).await["state"], state.as_str(), "refusals change nothing");
        if let (Some(taker), Some(next)) = (taker, next) {
            let login = who.iter().find(|(n, _)| *n == taker).unwrap().1;
            assert_eq!(c.step(login, details(next)).await.0, StatusCode::OK, "{taker} {next} from {state}");
        }
    }
    assert!(checked > 150, "{checked}");
    c.app.stop().await;
}

impl Cycle {
    async fn form(&self, who: &Login, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        let mut form = vec![("csrf_token", who.csrf.as_str())];
        form.extend_from_slice(fields);
        self.app.http.post(self.app.at(path)).headers(who.headers()).form(&form).send().await.unwrap()
    }

    async fn page(&self, who: &Login, path: &str) -> String {
        self.app.http.get(self.app.at(path)).headers(who.headers()).send().await.unwrap().text().await.unwrap()
    }
}

/// Next year's profile of the cycle's school: two answers copied from this
/// year's adopted version, unconfirmed.
async fn next_year_with_copied_answers() -> Cycle {
    let c = cycle().await;
    let gedrag = json!({ "value": "na_overleg", "note": "Met de gedragsspecialist", "version": 0 });
    assert_eq!(c.put(&c.director, "answers/aanbod.gedrag", gedrag).await.status(), StatusCode::OK);
    c.adopt().await;
    let next = c.app.start_profile(&c.director, "04FZ", "04FZ00", "2027-2028").await;
    Cycle { id: next, ..c }
}

#[tokio::test]
async fn asking_advice_and_adopting_with_unconfirmed_answers_need_a_second_confirmation() {
    let c = next_year_with_copied_answers().await;
    assert_eq!(c.lifecycle(&c.director).await["unconfirmed"], 2);
    let steps_path = format!("/profielen/{}/stappen", c.id);
    let page = c.page(&c.director, &steps_path).await;
    assert!(page.contains("Let op: 2 antwoorden van vorig jaar zijn nog niet bevestigd."), "{page}");
    assert!(page.contains(&format!("href=\"/profielen/{}/schoolantwoord/D\">D.", c.id)), "links to the section");

    // The API: without the flag a typed refusal with the count, and nothing changes.
    let asked_before = mails_to(&c.app.db, "mila@brug.nl").await.len();
    let (status, refused) = c.step(&c.director, json!({ "step": "ask_mr_advice" })).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(refused["error"]["code"], "confirmation_required");
    assert_eq!((refused["step"].as_str(), refused["unconfirmed"].as_u64()), (Some("ask_mr_advice"), Some(2)));
    assert_eq!(refused["irreversible"], false);
    assert!(
        refused["error"]["fields"][0]["message"]
            .as_str()
            .unwrap()
            .starts_with("Er zijn nog 2 antwoorden van vorig jaar"),
        "{refused}"
    );
    assert_eq!(c.lifecycle(&c.director).await["state"], "concept", "nothing changed");
    assert_eq!(mails_to(&c.app.db, "mila@brug.nl").await.len(), asked_before, "nobody was asked");

    // The page: the same step asks once more, with the count, and a second post takes it.
    let asked = c.form(&c.director, &steps_path, &[("step", "ask_mr_advice")]).await;
    assert_eq!(asked.status(), StatusCode::OK, "a confirmation page, not a redirect");
    let html = asked.text().await.unwrap();
    assert!(html.contains("Weet u het zeker?") && html.contains("Er zijn nog 2 antwoorden van vorig jaar"), "{html}");
    assert!(html.contains("id=\"step-confirm\"") && html.contains("name=\"confirmed\" value=\"true\""), "{html}");
    assert!(!html.contains("id=\"step-ask_mr_advice\""), "only the confirmation is offered");
    assert_eq!(c.lifecycle(&c.director).await["state"], "concept");
    let confirmed = c.form(&c.director, &steps_path, &[("step", "ask_mr_advice"), ("confirmed", "true")]).await;
    assert_eq!(confirmed.status(), StatusCode::SEE_OTHER);
    assert_eq!(c.lifecycle(&c.director).await["state"], "mr_advice_requested");

    let advice = json!({ "step": "record_advice", "verdict": "positive", "advice": "Goed.", "date": "2026-06-01" });
    assert_eq!(c.step(&c.mr, advice).await.0, StatusCode::OK, "recording advice needs no confirmation");

    // Adoption: the board is told the count; without confirmation nothing is adopted.
    let (status, refused) = c.step(&c.board, json!({ "step": "adopt", "date": "2027-06-15" })).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!((refused["unconfirmed"].as_u64(), refused["irreversible"].as_bool()), (Some(2), Some(true)));
    let asked = c.form(&c.board, &steps_path, &[("step", "adopt"), ("date", "2027-06-15")]).await;
    assert_eq!(asked.status(), StatusCode::OK);
    let html = asked.text().await.unwrap();
    assert!(html.contains("Er zijn nog 2 antwoorden van vorig jaar die niemand heeft bevestigd."), "{html}");
    assert!(html.contains("Vaststellen kunt u niet ongedaan maken"), "{html}");
    assert!(html.contains("name=\"date\" value=\"2027-06-15\""), "the date travels with the confirmation");
    assert!(!html.contains("schoolantwoord/D"), "the board cannot edit answers: no links to the forms");
    assert_eq!(c.lifecycle(&c.board).await["state"], "mr_advised");
    let adopted =
        c.form(&c.board, &steps_path, &[("step", "adopt"), ("date", "2027-06-15"), ("confirmed", "true")]).await;
    assert_eq!(adopted.status(), StatusCode::SEE_OTHER);
    let lifecycle = c.lifecycle(&c.board).await;
    assert_eq!((lifecycle["state"].as_str(), lifecycle["adopted_on"].as_str()), (Some("adopted"), Some("2027-06-15")));
    c.app.stop().await;
}

#[tokio::test]
async fn adoption_and_publication_without_the_confirmation_do_nothing() {
    let c = cycle().await;
    assert_eq!(c.step(&c.director, json!({ "step": "ask_mr_advice" })).await.0, StatusCode::OK, "nothing copied");
    let advice = json!({ "step": "record_advice", "verdict": "positive", "advice": "Goed.", "date": "2026-06-01" });
    assert_eq!(c.step(&c.mr, advice).await.0, StatusCode::OK);
    let steps_path = format!("/profielen/{}/stappen", c.id);

    for (who, step, explained, button) in [
        (&c.board, "adopt", "Vaststellen kunt u niet ongedaan maken", "Ja, stel het profiel nu vast"),
        (&c.director, "publish", "Publiceren kunt u niet ongedaan maken", "Ja, publiceer het profiel nu"),
    ] {
        let before = c.lifecycle(who).await;
        let (status, refused) = c.step(who, json!({ "step": step, "date": "2026-06-15" })).await;
        assert_eq!((status, refused["error"]["code"].as_str()), (StatusCode::CONFLICT, Some("confirmation_required")));
        assert_eq!((refused["unconfirmed"].as_u64(), refused["irreversible"].as_bool()), (Some(0), Some(true)));
        let (status, _) = c.step(who, json!({ "step": step, "date": "2026-06-15", "confirmed": false })).await;
        assert_eq!(status, StatusCode::CONFLICT, "false is no confirmation");
        let asked = c.form(who, &steps_path, &[("step", step), ("date", "2026-06-15")]).await;
        assert_eq!(asked.status(), StatusCode::OK);
        let html = asked.text().await.unwrap();
        assert!(html.contains(explained) && html.contains(button), "{html}");
        assert_eq!(c.lifecycle(who).await, before, "{step} without the confirmation changes nothing");
        let taken = c.form(who, &steps_path, &[("step", step), ("date", "2026-06-15"), ("confirmed", "true")]).await;
        assert_eq!(taken.status(), StatusCode::SEE_OTHER, "{step} confirmed");
    }
    assert_eq!(c.lifecycle(&c.director).await["state"], "published");
    c.app.stop().await;
}

#[tokio::test]
async fn team_comments_are_answered_resolved_and_reopened() {
    let c = cycle().await;
    let tess = c.app.user("tess@brug.nl", "Tess", &[(OrgKind::School, "04FZ", Role::TeamMember)]).await;
    let tess = c.app.session_for(tess).await;
    assert_eq!(c.step(&c.director, json!({ "step": "ask_team_review" })).await.0, StatusCode::OK);
    let comment = json!({ "section": "D", "body": "Noem de leesspecialist." });
    assert_eq!(c.post(&c.teacher, "comments", comment).await.status(), StatusCode::OK);
    let id = c.lifecycle(&c.director).await["comments"][0]["id"].as_i64().unwrap();

    // Replies: the team (the director among them); not the MR; only to a comment of this profile.
    let reply = |body: &str| json!({ "body": body });
    let replied = c.post(&c.director, &format!("comments/{id}/replies"), reply("Goed punt, ik pas het aan.")).await;
    assert_eq!(replied.status(), StatusCode::OK);
    assert_eq!(c.post(&tess, &format!("comments/{id}/replies"), reply("Eens.")).await.status(), StatusCode::OK);
    assert_eq!(
        c.post(&c.mr, &format!("comments/{id}/replies"), reply("Van de MR")).await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        c.post(&c.teacher, &format!("comments/{}/replies", id + 99), reply("Waar?")).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        c.post(&c.teacher, &format!("comments/{id}/replies"), reply("  ")).await.status(),
        StatusCode::BAD_REQUEST
    );
    let thread = &c.lifecycle(&c.teacher).await["comments"][0];
    let replies: Vec<(&str, &str)> = thread["replies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["by"].as_str().unwrap(), r["body"].as_str().unwrap()))
        .collect();
    assert_eq!(replies, [("Dirk", "Goed punt, ik pas het aan."), ("Tess", "Eens.")]);
    assert_eq!(c.lifecycle(&c.teacher).await["comments"].as_array().unwrap().len(), 1, "replies are no new threads");

    // Resolving: the author or a coordinator; another team member or the MR may not.
    let resolved = |on: bool| json!({ "resolved": on });
    let path = format!("comments/{id}/resolved");
    assert_eq!(c.put(&tess, &path, resolved(true)).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(c.put(&c.mr, &path, resolved(true)).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(c.put(&c.teacher, &path, resolved(true)).await.status(), StatusCode::OK, "the author");
    let thread = c.lifecycle(&c.director).await["comments"][0].clone();
    assert_eq!((thread["resolved"].as_bool(), thread["resolved_by"].as_str()), (Some(true), Some("Tim")));
    assert_eq!(c.put(&c.director, &path, resolved(false)).await.status(), StatusCode::OK, "reopened");
    assert_eq!(c.lifecycle(&c.director).await["comments"][0]["resolved"], false);

    // The page: a reply without text is refused next to its field; resolving returns to the comment.
    let steps_path = format!("/profielen/{}/stappen", c.id);
    let reply_path = format!("/profielen/{}/opmerkingen/{id}/reactie", c.id);
    let empty = c.form(&c.teacher, &reply_path, &[("body", " ")]).await;
    assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = empty.text().await.unwrap();
    assert!(html.contains("id=\"step-reply-error\"") && html.contains("href=\"#step-reply\""), "{html}");
    let answered = c.form(&c.teacher, &reply_path, &[("body", "Dank je.")]).await;
    assert_eq!(answered.status(), StatusCode::SEE_OTHER);
    assert!(answered.headers()["location"].to_str().unwrap().ends_with(&format!("#opmerking-{id}")));
    let done =
        c.form(&c.director, &format!("/profielen/{}/opmerkingen/{id}/afgehandeld", c.id), &[("resolved", "ja")]).await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    let page = c.page(&c.teacher, &steps_path).await;
    assert!(
        page.contains("Afgehandeld door Dirk") && page.contains("Dank je.") && page.contains("Weer openen"),
        "{page}"
    );
    let other = c.page(&tess, &steps_path).await;
    assert!(!other.contains("Weer openen"), "only the author or a coordinator is offered it");

    // Once adopted the thread is closed with the version.
    assert_eq!(c.step(&c.director, json!({ "step": "back_to_concept" })).await.0, StatusCode::OK);
    assert_eq!(
        c.post(&c.teacher, &format!("comments/{id}/replies"), reply("Nog iets")).await.status(),
        StatusCode::OK,
        "open until adoption"
    );
    c.adopt().await;
    assert_eq!(
        c.post(&c.teacher, &format!("comments/{id}/replies"), reply("Te laat")).await.status(),
        StatusCode::CONFLICT
    );
    assert_eq!(c.put(&c.director, &path, resolved(false)).await.status(), StatusCode::CONFLICT);
    c.app.stop().await;
}
