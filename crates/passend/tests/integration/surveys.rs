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

/// The people around school 04FZ (De Brug) and one of another school.
struct People {
    director: crate::support::Login,
    ib: crate::support::Login,
    teacher: crate::support::Login,
    mr: crate::support::Login,
    board: crate::support::Login,
    swv: crate::support::Login,
    other_school: crate::support::Login,
}

async fn people(app: &TestApp) -> People {
    let mut logins = Vec::new();
    for (email, kind, code, role) in [
        ("dirk@brug.nl", OrgKind::School, "04FZ", Role::Director),
        ("ilse@brug.nl", OrgKind::School, "04FZ", Role::Ib),
        ("tim@brug.nl", OrgKind::School, "04FZ", Role::TeamMember),
        ("mila@brug.nl", OrgKind::School, "04FZ", Role::MrMember),
        ("bas@bestuur.nl", OrgKind::Board, "41234", Role::BoardMember),
        ("sanne@swv.nl", OrgKind::Swv, "PO2707", Role::SwvStaff),
        ("dora@aida.nl", OrgKind::School, "32DD", Role::Director),
    ] {
        let id = app.user(email, email, &[(kind, code, role)]).await;
        logins.push(app.session_for(id).await);
    }
    let [director, ib, teacher, mr, board, swv, other_school]: [crate::support::Login; 7] =
        logins.try_into().ok().unwrap();
    People { director, ib, teacher, mr, board, swv, other_school }
}

/// Opens a survey of the profile; its id and the path of its form.
async fn open(app: &TestApp, who: &crate::support::Login, id: i64, kind: &str, audience: &str) -> (i64, String) {
    let made: Value = app
        .http
        .post(app.at(&format!("/api/v1/profiles/{id}/surveys")))
        .headers(who.headers())
        .json(&json!({ "kind": kind, "audience": audience }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let path = url::Url::parse(made["link"].as_str().unwrap()).unwrap().path().to_owned();
    (made["survey"]["id"].as_i64().unwrap(), path)
}

async fn step(app: &TestApp, who: &crate::support::Login, id: i64, body: Value) {
    app.take_step(who, id, body).await;
}

async fn get_text(app: &TestApp, who: &crate::support::Login, path: &str) -> (StatusCode, String) {
    let response = app.http.get(app.at(path)).headers(who.headers()).send().await.unwrap();
    (response.status(), response.text().await.unwrap())
}

#[tokio::test]
async fn the_form_names_the_school_and_links_to_its_published_profile() {
    let app = TestApp::spawn().await;
    let p = people(&app).await;
    let id = app.start_profile(&p.director, "04FZ", "04FZ00", "2026-2027").await;
    let (survey, path) = open(&app, &p.director, id, "evaluation", "parents").await;
    let code = path.trim_start_matches("/enquete/").to_owned();

    let form = browser().get(app.at(&path)).send().await.unwrap().text().await.unwrap();
    assert!(form.contains("Vragenlijst van <strong>De Brug</strong>"), "{form}");
    assert!(!form.contains("/scholen/04FZ00/ouders"), "no link while nothing is published");
    let public: Value =
        browser().get(app.at(&format!("/api/v1/surveys/{code}"))).send().await.unwrap().json().await.unwrap();
    assert_eq!(
        (&public["school"], &public["profile_url"], &public["asks_contact"]),
        (&json!("De Brug"), &Value::Null, &json!(true))
    );
    let parent = browser();
    let answer = [("tevreden", "De juf belt ons als er iets is."), ("meedenken", "nee"), ("anders", "Meer uitleg")];
    assert_eq!(parent.post(app.at(&path)).form(&answer).send().await.unwrap().status(), StatusCode::SEE_OTHER);

    // Adopted and published: the form links to the parent version.
    step(&app, &p.director, id, json!({ "step": "ask_mr_advice" })).await;
    step(
        &app,
        &p.mr,
        id,
        json!({ "step": "record_advice", "verdict": "positive", "advice": "Helder.", "date": "2026-06-01" }),
    )
    .await;
    step(&app, &p.board, id, json!({ "step": "adopt", "date": "15-6-2026" })).await;
    step(&app, &p.director, id, json!({ "step": "publish" })).await;
    let form = browser().get(app.at(&path)).send().await.unwrap().text().await.unwrap();
    assert!(form.contains(r#"<a href="/scholen/04FZ00/ouders">"#), "{form}");
    let public: Value =
        browser().get(app.at(&format!("/api/v1/surveys/{code}"))).send().await.unwrap().json().await.unwrap();
    assert!(public["profile_url"].as_str().unwrap().ends_with("/scholen/04FZ00/ouders"), "{public}");

    // The profile is adopted: its results become wishes for next year's
    // profile, which must be started first.
    let results: Value = app
        .http
        .get(app.at(&format!("/api/v1/profiles/{id}/surveys")))
        .headers(p.director.headers())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let remark = results[0]["results"].as_array().unwrap().iter().find(|q| q["key"] == "anders").unwrap();
    assert_eq!(remark["texts"], json!(["Meer uitleg"]));
    let pick = format!("anders:{}", remark["response_ids"][0]);
    let wishes = app.at(&format!("/api/v1/profiles/{id}/surveys/{survey}/wishes"));
    let body = json!({ "picks": [pick, "meedenken"], "owner": "Ilse (IB)" });
    let early = app.http.post(&wishes).headers(p.director.headers()).json(&body).send().await.unwrap();
    assert_eq!(early.status(), StatusCode::CONFLICT);
    let early: Value = early.json().await.unwrap();
    assert!(early["error"]["fields"][0]["message"].as_str().unwrap().contains("Start eerst het profiel"), "{early}");
    let next = app.start_profile(&p.director, "04FZ", "04FZ00", "2027-2028").await;
    let made = app.http.post(&wishes).headers(p.director.headers()).json(&body).send().await.unwrap();
    assert_eq!(made.status(), StatusCode::CREATED);
    let made: Value = made.json().await.unwrap();
    assert_eq!((made["profile_id"].as_i64(), made["created"].as_i64()), (Some(next), Some(2)));
    let planning: Value = app
        .http
        .get(app.at(&format!("/api/v1/profiles/{next}/planning")))
        .headers(p.teacher.headers())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let bodies: Vec<&str> =
        planning["wishes"].as_array().unwrap().iter().map(|w| w["body"].as_str().unwrap()).collect();
    assert_eq!(
        bodies,
        [
            "Ouders, evaluatie: Meer uitleg",
            "Ouders, evaluatie: Wilt u meedenken over het profiel van volgend jaar? (Ja 0, Misschien 0, Nee 1)"
        ]
    );
    assert_eq!(planning["wishes"][0]["owner"], "Ilse (IB)");
    app.stop().await;
}

#[tokio::test]
async fn results_become_wishes_on_the_profile_being_written_through_the_page() {
    let app = TestApp::spawn().await;
    let p = people(&app).await;
    let id = app.start_profile(&p.director, "04FZ", "04FZ00", "2026-2027").await;
    let (survey, path) = open(&app, &p.director, id, "control_group", "parents").await;
    for answer in
        [[("begrijpelijk", "nee"), ("beter", "Kortere zinnen, graag.")], [("begrijpelijk", "ja"), ("beter", "")]]
    {
        assert_eq!(browser().post(app.at(&path)).form(&answer).send().await.unwrap().status(), StatusCode::SEE_OTHER);
    }
    let page_path = format!("/profielen/{id}/enquetes");
    let (_, page) = get_text(&app, &p.director, &page_path).await;
    assert!(page.contains(&format!(r#"id="survey-wishes-{survey}""#)), "coordinators get the wish form");
    let start = page.find(r#"name="pick" value="beter:"#).expect("an open answer to pick");
    let value: String = page[start + r#"name="pick" value=""#.len()..].chars().take_while(|c| *c != '"').collect();
    let (_, team_page) = get_text(&app, &p.teacher, &page_path).await;
    assert!(!team_page.contains("survey-wishes-") && team_page.contains("Kortere zinnen, graag."));

    let action = app.at(&format!("/profielen/{id}/enquetes/{survey}/wensen"));
    let csrf = p.director.csrf.clone();
    let refused = app
        .http
        .post(&action)
        .headers(p.director.headers())
        .form(&[("csrf_token", csrf.as_str()), ("pick", value.as_str()), ("pick", "begrijpelijk"), ("owner", " ")])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let refused = refused.text().await.unwrap();
    assert!(refused.contains("Vul in wie de wens oppakt."), "{refused}");
    assert!(refused.contains(&format!(r#"value="{value}" checked"#)), "the picks stay ticked");
    let nothing = app
        .http
        .post(&action)
        .headers(p.director.headers())
        .form(&[("csrf_token", csrf.as_str()), ("owner", "Ilse")])
        .send()
        .await
        .unwrap();
    assert!(nothing.text().await.unwrap().contains("Kies minstens één uitkomst of opmerking."));
    let teacher = app
        .http
        .post(&action)
        .headers(p.teacher.headers())
        .form(&[("csrf_token", p.teacher.csrf.as_str()), ("pick", value.as_str()), ("owner", "Tim")])
        .send()
        .await
        .unwrap();
    assert_eq!(teacher.status(), StatusCode::FORBIDDEN);
    let made = app
        .http
        .post(&action)
        .headers(p.director.headers())
        .form(&[
            ("csrf_token", csrf.as_str()),
            ("pick", value.as_str()),
            ("pick", "begrijpelijk"),
            ("owner", "Ilse (IB)"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(made.status(), StatusCode::SEE_OTHER);
    assert!(made.headers()["location"].to_str().unwrap().starts_with(&format!("/profielen/{id}/planning")));
    let (_, planning) = get_text(&app, &p.director, &format!("/profielen/{id}/planning")).await;
    assert!(planning.contains("Ouders, controlegroep: Kortere zinnen, graag."), "{planning}");
    assert!(planning.contains("Ouders, controlegroep: Begrijpt u wat er staat? (Ja 1, Een beetje 0, Nee 1)"));
    app.stop().await;
}

#[tokio::test]
async fn contact_details_need_consent_and_only_coordinators_see_them() {
    let app = TestApp::spawn().await;
    let p = people(&app).await;
    let id = app.start_profile(&p.director, "04FZ", "04FZ00", "2026-2027").await;
    let (survey, path) = open(&app, &p.director, id, "evaluation", "parents").await;
    let parent = browser();
    parent.get(app.at(&path)).send().await.unwrap();
    let remark = "Meer uitleg over de hulp in groep 5";
    let mut answer = vec![
        ("tevreden", "De juf belt ons als er iets is."),
        ("anders", remark),
        ("meedenken", "ja"),
        ("contact_name", "Fatima El Amrani"),
        ("contact_email", "fatima@voorbeeld.nl"),
        ("contact_phone", ""),
    ];

    // Without consent: refused next to the box, everything typed is still there.
    let refused = parent.post(app.at(&path)).form(&answer).send().await.unwrap();
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let refused = refused.text().await.unwrap();
    assert!(
        refused.contains(
            r#"<p class="field-error" id="s-consent-error">Zet een vinkje als de school uw gegevens mag bewaren."#
        ),
        "{refused}"
    );
    for kept in
        ["De juf belt ons als er iets is.", remark, r#"value="Fatima El Amrani""#, r#"value="fatima@voorbeeld.nl""#]
    {
        assert!(refused.contains(kept), "{kept} was lost");
    }
    assert!(refused.contains(r#"id="s-meedenken-ja" name="meedenken" value="ja" checked"#));
    // Contact details without wanting to think along, and pupil data in a remark.
    let no = [("meedenken", "nee"), ("contact_name", "Jan"), ("contact_phone", "0612345678"), ("consent", "ja")];
    let text = parent.post(app.at(&path)).form(&no).send().await.unwrap().text().await.unwrap();
    assert!(text.contains("Kies bij “Wilt u meedenken” Ja of Misschien"), "{text}");
    let bsn = [("anders", "Zijn BSN is 111222333"), ("tevreden", "Goed")];
    let text = parent.post(app.at(&path)).form(&bsn).send().await.unwrap().text().await.unwrap();
    assert!(text.contains("Dit lijkt op een burgerservicenummer.") && text.contains("Zijn BSN is 111222333"), "{text}");
    let born = [("anders", "Mijn zoon is geboren op 4-2-2017")];
    let text = parent.post(app.at(&path)).form(&born).send().await.unwrap().text().await.unwrap();
    assert!(text.contains("Dit lijkt op een geboortedatum."), "{text}");
    // The API refuses the same.
    let code = path.trim_start_matches("/enquete/");
    let api = browser()
        .post(app.at(&format!("/api/v1/surveys/{code}/responses")))
        .json(&json!({ "answers": { "meedenken": "ja" }, "contact": { "name": "Jan", "phone": "06 12345678" } }))
        .send()
        .await
        .unwrap();
    assert_eq!(api.status(), StatusCode::BAD_REQUEST);
    let api: Value = api.json().await.unwrap();
    assert_eq!(api["error"]["fields"][0]["field"], "consent", "{api}");

    answer.push(("consent", "ja"));
    assert_eq!(parent.post(app.at(&path)).form(&answer).send().await.unwrap().status(), StatusCode::SEE_OTHER);
    let by_api = browser()
        .post(app.at(&format!("/api/v1/surveys/{code}/responses")))
        .json(&json!({
            "answers": { "meedenken": "misschien" },
            "contact": { "name": "Jan de Vries", "phone": "06 12345678", "consent": true }
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(by_api.status(), StatusCode::CREATED);

    // Coordinators see the contact details; nobody else does.
    let contacts = format!("/api/v1/profiles/{id}/surveys/{survey}/contacts");
    for coordinator in [&p.director, &p.ib] {
        let (status, body) = get_text(&app, coordinator, &contacts).await;
        assert_eq!(status, StatusCode::OK);
        let found: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(
            found
                .as_array()
                .unwrap()
                .iter()
                .map(|c| (c["name"].clone(), c["email"].clone(), c["phone"].clone()))
                .collect::<Vec<_>>(),
            [
                (json!("Fatima El Amrani"), json!("fatima@voorbeeld.nl"), Value::Null),
                (json!("Jan de Vries"), Value::Null, json!("06 12345678"))
            ]
        );
        let (status, csv) = get_text(&app, coordinator, &format!("{contacts}.csv")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(csv.contains("Fatima El Amrani;fatima@voorbeeld.nl;;"), "{csv}");
        let (_, page) = get_text(&app, coordinator, &format!("/profielen/{id}/enquetes")).await;
        assert!(page.contains("2 ouders willen meedenken") && page.contains("fatima@voorbeeld.nl"), "{page}");
    }
    for (who, login, expected) in [
        ("team member", &p.teacher, StatusCode::FORBIDDEN),
        ("MR member", &p.mr, StatusCode::FORBIDDEN),
        ("board member", &p.board, StatusCode::FORBIDDEN),
        ("SWV staff", &p.swv, StatusCode::FORBIDDEN),
        ("another school", &p.other_school, StatusCode::NOT_FOUND),
    ] {
        for path in [contacts.clone(), format!("{contacts}.csv")] {
            let (status, body) = get_text(&app, login, &path).await;
            assert_eq!(status, expected, "{who} {path}");
            assert!(!body.contains("Fatima") && !body.contains("voorbeeld.nl"), "{who} {path}: {body}");
        }
        for path in [
            format!("/profielen/{id}/enquetes"),
            format!("/api/v1/profiles/{id}/surveys"),
            format!("/api/v1/profiles/{id}/surveys/{survey}/results.csv"),
        ] {
            let (_, body) = get_text(&app, login, &path).await;
            assert!(
                !body.contains("Fatima") && !body.contains("voorbeeld.nl") && !body.contains("12345678"),
                "{who} {path}"
            );
        }
    }

    // The results export: counts per question and the open answers as entered; no contact details.
    let (status, csv) =
        get_text(&app, &p.teacher, &format!("/api/v1/profiles/{id}/surveys/{survey}/results.csv")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(csv.starts_with("\u{feff}Vraag;Antwoord;Aantal\r\n"), "{csv}");
    assert!(csv.contains("Wilt u meedenken over het profiel van volgend jaar?;Ja;1\r\n"), "{csv}");
    assert!(csv.contains("Wilt u meedenken over het profiel van volgend jaar?;Misschien;1\r\n"));
    assert!(csv.contains(&format!("Wat moet beter?;{remark};\r\n")));
    let xlsx = app
        .http
        .get(app.at(&format!("/api/v1/profiles/{id}/surveys/{survey}/results.xlsx")))
        .headers(p.mr.headers())
        .send()
        .await
        .unwrap();
    assert_eq!(xlsx.status(), StatusCode::OK);
    let file = tempfile::Builder::new().suffix(".xlsx").tempfile().unwrap();
    std::fs::write(file.path(), xlsx.bytes().await.unwrap()).unwrap();
    let sheet = sheet_by_openpyxl(file.path());
    assert_eq!(sheet["title"], "Ouders, evaluatie");
    assert_eq!(sheet["filter"], "A1:C9", "a filter over every row");
    let rows = sheet["rows"].as_array().unwrap();
    assert_eq!(rows[0], json!(["Vraag", "Antwoord", "Aantal"]));
    assert!(rows.contains(&json!(["Wat moet beter?", remark, null])), "{rows:?}");
    assert!(
        rows.iter().any(|r| r[0] == "Wilt u meedenken over het profiel van volgend jaar?"
            && r[1] == "Ja"
            && r[2].as_f64() == Some(1.0)),
        "{rows:?}"
    );
    assert!(!sheet.to_string().contains("Fatima") && !sheet.to_string().contains("voorbeeld.nl"));
    app.stop().await;
}

/// The first sheet's title, filter and rows, read by a third-party reader (PyPI openpyxl).
fn sheet_by_openpyxl(path: &std::path::Path) -> Value {
    let script = "import json, sys, openpyxl\n\
        ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]\n\
        print(json.dumps({'title': ws.title, 'filter': ws.auto_filter.ref,\n\
            'rows': [list(row) for row in ws.iter_rows(values_only=True)]}))";
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".to_owned());
    let output = std::process::Command::new(python).args(["-c", script]).arg(path).output().unwrap();
    assert!(
        output.status.success(),
        "openpyxl could not read the workbook: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

#[tokio::test]
async fn a_survey_goes_with_its_answers_and_contacts_at_the_end_of_its_school_year() {
    let app = TestApp::spawn().await;
    let p = people(&app).await;
    let id = app.start_profile(&p.director, "04FZ", "04FZ00", "2026-2027").await;
    let (survey, path) = open(&app, &p.director, id, "evaluation", "parents").await;
    let answer =
        [("meedenken", "ja"), ("contact_name", "Fatima"), ("contact_email", "fatima@voorbeeld.nl"), ("consent", "ja")];
    assert_eq!(browser().post(app.at(&path)).form(&answer).send().await.unwrap().status(), StatusCode::SEE_OTHER);
    let listed: Value = app
        .http
        .get(app.at(&format!("/api/v1/profiles/{id}/surveys")))
        .headers(p.director.headers())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let kept_until = listed[0]["kept_until"].as_str().unwrap().to_owned();
    let (year, rest) = kept_until.split_once('-').unwrap();
    assert_eq!(rest, "07-31", "the end of the school year");
    let year: u16 = year.parse().unwrap();
    let form = browser().get(app.at(&path)).send().await.unwrap().text().await.unwrap();
    assert!(form.contains(&format!("Ze worden op 31-7-{year} verwijderd.")), "the parent is told when");

    // The hourly housekeeping: on the last day the survey stays, the day after it goes.
    let config = passend_app::AppConfig {
        public_url: app.url.clone(),
        mail: passend_app::MailConfig { smtp_url: None, from: "Passend <noreply@passend.invalid>".to_owned() },
        oidc: Vec::new(),
    };
    let core = passend_app::App::new(app.db.clone(), &config).unwrap();
    let day_ago = passend_app::now() - 86_400;
    assert_eq!(core.purge_expired(day_ago, (year, 7, 31)).await.unwrap(), 0);
    let pool = sqlx::AnyPool::connect(&app.database_url).await.unwrap();
    let count = |table: &'static str| {
        let pool = pool.clone();
        async move { sqlx::query_scalar::<_, i64>(&format!("SELECT COUNT(*) FROM {table}")).fetch_one(&pool).await.unwrap() }
    };
    assert_eq!((count("surveys").await, count("survey_responses").await, count("survey_contacts").await), (1, 1, 1));
    assert_eq!(core.purge_expired(day_ago, (year, 8, 1)).await.unwrap(), 1);
    assert_eq!((count("surveys").await, count("survey_responses").await, count("survey_contacts").await), (0, 0, 0));
    let (status, _) = get_text(&app, &p.director, &format!("/api/v1/profiles/{id}/surveys/{survey}/contacts")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(browser().get(app.at(&path)).send().await.unwrap().status(), StatusCode::NOT_FOUND, "the link is gone");
    pool.close().await;
    app.stop().await;
}

#[tokio::test]
async fn every_survey_link_has_a_copy_field_and_a_qr_code() {
    let app = TestApp::spawn().await;
    let p = people(&app).await;
    let id = app.start_profile(&p.director, "04FZ", "04FZ00", "2026-2027").await;
    let (survey, path) = open(&app, &p.director, id, "evaluation", "pupils").await;
    let (_, page) = get_text(&app, &p.teacher, &format!("/profielen/{id}/enquetes")).await;
    let link = app.at(&path);
    assert!(
        page.contains(&format!(
            r#"<input type="text" id="survey-link-{survey}" class="survey-link" value="{link}" readonly"#
        )),
        "a selectable field without JavaScript: {page}"
    );
    assert!(page.contains(&format!(r#"data-copy="survey-link-{survey}""#)) && page.contains(" hidden>Kopieer link"));
    assert!(page.contains(&format!(r#"<img src="/profielen/{id}/enquetes/{survey}/qr.svg""#)));
    let qr = app
        .http
        .get(app.at(&format!("/profielen/{id}/enquetes/{survey}/qr.svg")))
        .headers(p.teacher.headers())
        .send()
        .await
        .unwrap();
    assert_eq!(qr.status(), StatusCode::OK);
    assert_eq!(qr.headers()["content-type"], "image/svg+xml");
    let svg = qr.text().await.unwrap();
    assert_eq!(decoded_qr(&svg).as_deref(), Some(link.as_str()), "the code reads back as the link");
    let (status, _) = get_text(&app, &p.other_school, &format!("/profielen/{id}/enquetes/{survey}/qr.svg")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    app.stop().await;
}

/// What a QR decoder (Debian zbar-tools, which reads SVG through its
/// ImageMagick library) reads in an SVG image.
fn decoded_qr(svg: &str) -> Option<String> {
    let file = tempfile::Builder::new().suffix(".svg").tempfile().unwrap();
    std::fs::write(file.path(), svg).unwrap();
    let read = std::process::Command::new("zbarimg").args(["--quiet", "--raw"]).arg(file.path()).output();
    let read = read.expect("zbarimg (Debian zbar-tools) reads QR codes");
    Some(String::from_utf8_lossy(&read.stdout).trim().to_owned()).filter(|s| !s.is_empty())
}
