//! Writing practice examples on the pages, without JavaScript: an editor
//! writes and publishes; HTML in the text is refused next to the field with
//! what was typed kept; a school's director sends one in as a draft, which
//! the editor finds among the drafts, changes and publishes; others may not.

use passend_domain::access::Role;
use passend_domain::organisations::OrgKind;
use reqwest::StatusCode;

use crate::support::{Login, TestApp, multipart_form};

async fn login(app: &TestApp, email: &str, kind: OrgKind, code: &str, role: Role) -> Login {
    let id = app.user(email, email, &[(kind, code, role)]).await;
    app.session_for(id).await
}

async fn page(app: &TestApp, who: Option<&Login>, path: &str) -> (StatusCode, String) {
    let mut request = app.http.get(app.at(path));
    if let Some(who) = who {
        request = request.headers(who.headers());
    }
    let response = request.send().await.unwrap();
    (response.status(), response.text().await.unwrap())
}

async fn submit(app: &TestApp, who: &Login, path: &str, fields: &[(&str, &str)]) -> (StatusCode, String, String) {
    let mut form: Vec<(&str, &str)> = vec![("csrf_token", who.csrf.as_str())];
    form.extend_from_slice(fields);
    let response = app.http.post(app.at(path)).headers(who.headers()).form(&form).send().await.unwrap();
    let status = response.status();
    let location = response.headers().get("location").map(|l| l.to_str().unwrap().to_owned()).unwrap_or_default();
    (status, location, response.text().await.unwrap())
}

const SUMMARY: &str = "Twee middagen per week werken kinderen die meer aankunnen samen aan een eigen onderzoek.";

#[tokio::test]
async fn editors_write_and_publish_and_schools_send_in_drafts_on_the_pages() {
    let app = TestApp::spawn().await;
    let editor = login(&app, "redactie@passend.test", OrgKind::Platform, "passend", Role::Editor).await;
    let director = login(&app, "dirk@brug.nl", OrgKind::School, "04FZ", Role::Director).await;
    let teacher = login(&app, "tim@brug.nl", OrgKind::School, "04FZ", Role::TeamMember).await;

    let (_, search) = page(&app, Some(&editor), "/kennisbank").await;
    assert!(search.contains("href=\"/kennisbank/schrijven\"") && search.contains("href=\"/kennisbank/concepten\""));
    let (_, search) = page(&app, Some(&director), "/kennisbank").await;
    assert!(search.contains("href=\"/kennisbank/schrijven?school=04FZ\""), "the director may share one");
    assert_eq!(page(&app, Some(&teacher), "/kennisbank/schrijven").await.0, StatusCode::FORBIDDEN);

    // HTML in the body: refused next to it, everything typed kept, nothing stored.
    let script = "Zo werkt het <script>alert(1)</script>";
    let fields = |body: &'static str| {
        vec![
            ("title", "Een plusklas op twee middagen"),
            ("summary", SUMMARY),
            ("body", body),
            ("sector", "po"),
            ("category", "meer_hoogbegaafdheid"),
            ("themes", "verrijking, samen onderzoeken"),
            ("source_name", "Basisschool De Proef"),
            ("contact", "ib@proef.example"),
            ("action", "publish"),
        ]
    };
    let (status, _, body) = submit(&app, &editor, "/kennisbank/schrijven", &fields(script)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("id=\"ex-body-error\""), "{body}");
    assert!(body.contains(SUMMARY) && body.contains("verrijking, samen onderzoeken"), "typed values kept");
    assert!(body.contains("value=\"meer_hoogbegaafdheid\" checked"), "the ticked topic kept");
    let (_, none) = page(&app, None, "/kennisbank?q=plusklas").await;
    assert!(!none.contains("Een plusklas op twee middagen"), "nothing stored");

    let (status, location, _) = submit(
        &app,
        &editor,
        "/kennisbank/schrijven",
        &fields("## Hoe het begon\n\nEerst één groep, daarna de hele school."),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(location.ends_with("?melding=gepubliceerd"), "{location}");
    let (status, shown) = page(&app, None, location.split('?').next().unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(shown.contains("<h2>Hoe het begon</h2>") && shown.contains("samen onderzoeken"), "{shown}");
    let (_, found) = page(&app, None, "/kennisbank?q=middag").await;
    assert!(found.contains("Een plusklas op twee middagen"), "found by its stem");

    // The director sends one in: a draft, not public, waiting for the editor.
    let (status, location, _) = submit(
        &app,
        &director,
        "/kennisbank/schrijven",
        &[
            ("school", "04FZ"),
            ("title", "Ouders aan tafel bij het groeidocument"),
            ("summary", "De school bespreekt het groeidocument altijd samen met de ouders en het kind."),
            ("body", "We plannen het gesprek ruim van tevoren."),
            ("sector", "po"),
            ("themes", "ouderbetrokkenheid"),
            ("source_name", "De Brug"),
            ("contact", "directie@brug.example"),
            ("action", "publish"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(location.contains("melding=concept-ingediend"), "{location}");
    let (_, public) = page(&app, None, "/kennisbank?q=groeidocument").await;
    assert!(!public.contains("Ouders aan tafel"), "a school's example waits for an editor");
    let (status, drafts) = page(&app, Some(&editor), "/kennisbank/concepten").await;
    assert_eq!(status, StatusCode::OK);
    assert!(drafts.contains("Ouders aan tafel bij het groeidocument") && drafts.contains("(04FZ)"), "{drafts}");
    assert_eq!(page(&app, Some(&director), "/kennisbank/concepten").await.0, StatusCode::FORBIDDEN);
    let id: i64 = drafts
        .split("href=\"/kennisbank/")
        .filter_map(|rest| rest.split_once("/bewerken\"").and_then(|(id, _)| id.parse().ok()))
        .next()
        .unwrap();

    // The editor changes the title and publishes it from the edit form.
    let (_, form) = page(&app, Some(&editor), &format!("/kennisbank/{id}/bewerken")).await;
    assert!(form.contains("We plannen het gesprek ruim van tevoren."));
    let (status, location, _) = submit(
        &app,
        &editor,
        &format!("/kennisbank/{id}/bewerken"),
        &[
            ("title", "Ouders en kind aan tafel bij het groeidocument"),
            ("summary", "De school bespreekt het groeidocument altijd samen met de ouders en het kind."),
            ("body", "We plannen het gesprek ruim van tevoren."),
            ("sector", "po"),
            ("themes", "ouderbetrokkenheid"),
            ("source_name", "De Brug"),
            ("contact", "directie@brug.example"),
            ("action", "publish"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{location}");
    let (_, public) = page(&app, None, "/kennisbank?q=groeidocument").await;
    assert!(public.contains("Ouders en kind aan tafel bij het groeidocument"), "{public}");
    let (_, drafts) = page(&app, Some(&editor), "/kennisbank/concepten").await;
    assert!(!drafts.contains("groeidocument"));
    app.stop().await;
}

#[tokio::test]
async fn an_editor_attaches_and_removes_a_drafts_files_on_the_editors_page() {
    let app = TestApp::spawn().await;
    let editor = login(&app, "redactie@passend.test", OrgKind::Platform, "passend", Role::Editor).await;
    let fields = [
        ("title", "Een time-outplek die rust geeft"),
        ("summary", SUMMARY),
        ("body", "Een vaste plek, vaste afspraken en een gesprek achteraf."),
        ("sector", "po"),
        ("category", "gedrag"),
        ("themes", ""),
        ("source_name", "Basisschool De Proef"),
        ("contact", ""),
        ("action", "draft"),
    ];
    let (status, location, _) = submit(&app, &editor, "/kennisbank/schrijven", &fields).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let edit = location.split('?').next().unwrap().to_owned();
    let id: i64 = edit.trim_start_matches("/kennisbank/").trim_end_matches("/bewerken").parse().unwrap();
    let (status, html) = page(&app, Some(&editor), &edit).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(r#"id="kb-attach""#) && html.contains(r#"name="terug" value="bewerken""#), "{html}");

    let send = |file_name: &'static str, bytes: &'static [u8]| {
        let fields = [("csrf_token", editor.csrf.as_str()), ("terug", "bewerken")];
        let (content_type, body) = multipart_form(&fields, file_name, bytes);
        app.http
            .post(app.at(&format!("/kennisbank/{id}/bijlagen")))
            .headers(editor.headers())
            .header("content-type", content_type)
            .body(body)
            .send()
    };
    // A refused file: back on the editor's page with the reason next to the file field.
    let response = send("stappenplan.pdf", b"geen pdf").await.unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let back = response.headers()["location"].to_str().unwrap().to_owned();
    assert!(back.starts_with(&format!("/kennisbank/{id}/bewerken?bijlage-fout=")), "{back}");
    let (_, html) = page(&app, Some(&editor), &back).await;
    assert!(html.contains(r#"id="kb-attach-error""#), "{html}");
    assert!(app.db.stored_file_keys().await.unwrap().is_empty(), "nothing stored");

    let response = send("stappenplan.txt", b"1. Naar de rustplek.\n2. Even wachten.\n").await.unwrap();
    assert_eq!(response.headers()["location"], format!("/kennisbank/{id}/bewerken?melding=opgeslagen#bijlagen"));
    let (_, html) = page(&app, Some(&editor), &edit).await;
    assert!(html.contains("stappenplan.txt"), "{html}");
    let file = html
        .split(&format!("/kennisbank/{id}/bijlagen/"))
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .and_then(|n| n.parse::<i64>().ok())
        .unwrap();

    // Removed from the same page; a stranger cannot.
    let stranger = login(&app, "tim@brug.nl", OrgKind::School, "04FZ", Role::TeamMember).await;
    let (status, _, _) = submit(&app, &stranger, &format!("/kennisbank/{id}/bijlagen/{file}/verwijderen"), &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "a draft is not there for others");
    let (status, location, _) =
        submit(&app, &editor, &format!("/kennisbank/{id}/bijlagen/{file}/verwijderen"), &[("terug", "bewerken")]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location, format!("/kennisbank/{id}/bewerken?melding=opgeslagen#bijlagen"));
    assert!(app.db.stored_file_keys().await.unwrap().is_empty(), "record and bytes gone");
    let (_, html) = page(&app, Some(&editor), &edit).await;
    assert!(!html.contains("stappenplan.txt"));
    app.stop().await;
}
