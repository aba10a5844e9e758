//! Publishing: only published versions are public, through every route; the
//! documents hold the school's answers and open in third-party readers; the
//! parent report stays within three pages; search and open data.

use std::process::Command;

use passend_domain::access::Role;
use passend_domain::organisations::OrgKind;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::support::{Login, TestApp};

struct School {
    app: TestApp,
    director: Login,
    mr: Login,
    board: Login,
    id: i64,
}

async fn school() -> School {
    let app = TestApp::spawn().await;
    let mut logins = Vec::new();
    for (email, name, kind, code, role) in [
        ("dirk@brug.nl", "Dirk", OrgKind::School, "04FZ", Role::Director),
        ("mila@brug.nl", "Mila", OrgKind::School, "04FZ", Role::MrMember),
        ("bas@bestuur.nl", "Bas", OrgKind::Board, "41234", Role::BoardMember),
    ] {
        let id = app.user(email, name, &[(kind, code, role)]).await;
        logins.push(app.session_for(id).await);
    }
    let [director, mr, board]: [Login; 3] = logins.try_into().ok().unwrap();
    let id = app.start_profile(&director, "04FZ", "04FZ00", "2026-2027").await;
    School { app, director, mr, board, id }
}

impl School {
    /// The school's first answer to an item.
    async fn answer(&self, key: &str, value: Value, note: Option<&str>) {
        let path = self.app.at(&format!("/api/v1/profiles/{}/answers/{key}", self.id));
        let saved = self
            .app
            .http
            .put(&path)
            .headers(self.director.headers())
            .json(&json!({ "value": value, "note": note, "version": 0 }))
            .send()
            .await
            .unwrap();
        assert_eq!(saved.status(), StatusCode::OK, "{key}: {}", saved.text().await.unwrap());
    }

    async fn step(&self, who: &Login, body: Value) {
        let path = self.app.at(&format!("/api/v1/profiles/{}/steps", self.id));
        let response = self.app.http.post(path).headers(who.headers()).json(&body).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{body}: {}", response.text().await.unwrap());
    }

    async fn adopt(&self) {
        self.step(&self.director, json!({ "step": "ask_mr_advice" })).await;
        self.step(
            &self.mr,
            json!({ "step": "record_advice", "verdict": "positive", "advice": "Helder.", "date": "2026-06-01" }),
        )
        .await;
        self.step(&self.board, json!({ "step": "adopt", "date": "15-6-2026", "confirmed": true })).await;
    }

    async fn get(&self, path: &str) -> reqwest::Response {
        self.app.http.get(self.app.at(path)).send().await.unwrap()
    }

    async fn get_owned(&self, path: String) -> reqwest::Response {
        self.get(&path).await
    }
}

/// Every public route of location 04FZ00.
const PUBLIC_ROUTES: &[&str] = &[
    "/scholen/04FZ00",
    "/scholen/04FZ00.pdf",
    "/scholen/04FZ00/2026-2027",
    "/scholen/04FZ00/2026-2027.pdf",
    "/scholen/04FZ00/ouders",
    "/scholen/04FZ00/ouders?taal=ar",
    "/scholen/04FZ00/ouders.pdf",
    "/scholen/04FZ00/poster.pdf",
    "/scholen/04FZ00/schoolgids",
    "/scholen/04FZ00/schoolgids.pdf",
    "/scholen/04FZ00/schoolgids.docx",
    "/scholen/04FZ00/vensters",
    "/scholen/04FZ00/vensters.txt",
    "/scholen/04FZ00/insluiten",
    "/api/v1/open/profiles/04FZ00",
];

async fn assert_all_public(s: &School, expected: StatusCode) {
    for route in PUBLIC_ROUTES {
        assert_eq!(s.get(route).await.status(), expected, "{route}");
    }
    let list: Value = s.get("/api/v1/open/profiles").await.json().await.unwrap();
    let listed = list["profiles"].as_array().unwrap().iter().any(|p| p["location"] == "04FZ00");
    assert_eq!(listed, expected == StatusCode::OK, "open-data list");
    let search: Value = s
        .get("/api/v1/open/search?gemeente=Amsterdam&onderwerp=dyslexie&niveau=na_overleg")
        .await
        .json()
        .await
        .unwrap();
    let found = search["results"].as_array().unwrap().iter().any(|h| h["code"] == "04FZ00");
    assert_eq!(found, expected == StatusCode::OK, "search: {search}");
}

fn pdf_tool(tool: &str, bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, bytes).unwrap();
    let mut command = Command::new(tool);
    if tool == "pdftotext" {
        command.args(["-layout", path.to_str().unwrap(), "-"]);
    } else {
        command.arg(&path);
    }
    let output = command.output().unwrap_or_else(|e| panic!("{tool} (poppler-utils) must be installed: {e}"));
    assert!(output.status.success(), "{tool}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

fn pages(bytes: &[u8]) -> usize {
    let info = pdf_tool("pdfinfo", bytes);
    let line = info.lines().find(|l| l.starts_with("Pages:")).unwrap();
    line.split_whitespace().last().unwrap().parse().unwrap()
}

async fn bytes(s: &School, path: &str) -> Vec<u8> {
    let response = s.get(path).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    response.bytes().await.unwrap().to_vec()
}

#[tokio::test]
async fn only_published_versions_are_public_through_every_route() {
    let s = school().await;
    s.answer("aanbod.dyslexie", json!("standaard"), Some("Met een leesspecialist.")).await;
    s.answer("ouders.samenvatting", json!("Wij helpen ieder kind met lezen."), None).await;
    assert_all_public(&s, StatusCode::NOT_FOUND).await;
    s.adopt().await;
    assert_all_public(&s, StatusCode::NOT_FOUND).await;
    let team_page = |s: &School| {
        let url = s.app.at(&format!("/profielen/{}", s.id));
        let headers = s.director.headers();
        let http = s.app.http.clone();
        async move { http.get(url).headers(headers).send().await.unwrap().text().await.unwrap() }
    };
    assert!(!team_page(&s).await.contains(r#"href="/scholen/04FZ00/ouders""#));
    s.step(&s.director, json!({ "step": "publish", "confirmed": true })).await;
    assert_all_public(&s, StatusCode::OK).await;
    // The team finds where its published profile is public.
    let page = team_page(&s).await;
    assert!(
        page.contains(r#"href="/scholen/04FZ00/ouders""#) && page.contains(r#"href="/scholen/04FZ00/insluiten""#),
        "{page}"
    );
    // Another location of the school without a published profile stays unknown.
    assert_eq!(s.get("/scholen/04FZ01").await.status(), StatusCode::NOT_FOUND);
    assert_eq!(s.get("/scholen/04FZ00/2025-2026").await.status(), StatusCode::NOT_FOUND);
    s.app.stop().await;
}

#[tokio::test]
async fn documents_hold_the_answers_and_open_in_other_readers() {
    let s = school().await;
    let limit = |n: usize, sentence: &str| sentence.repeat(n / sentence.len() + 1).chars().take(n).collect::<String>();
    // Every free text at its limit, every category answered, long notes.
    for (key, level) in [
        ("aanbod.dyslexie", "standaard"),
        ("aanbod.dyscalculie", "standaard"),
        ("aanbod.taal_spraak", "na_overleg"),
        ("aanbod.nt2", "standaard"),
        ("aanbod.meer_hoogbegaafdheid", "na_overleg"),
        ("aanbod.leren", "standaard"),
        ("aanbod.gedrag", "na_overleg"),
        ("aanbod.werkhouding", "standaard"),
        ("aanbod.motoriek", "na_overleg"),
        ("aanbod.medisch", "niet"),
        ("aanbod.zien", "niet"),
        ("aanbod.horen", "na_overleg"),
    ] {
        s.answer(key, json!(level), Some(&limit(1000, "Een lange toelichting bij dit onderwerp. "))).await;
    }
    let long = limit(4000, "Wij helpen ieder kind in de klas en praten daarover met de ouders. ");
    for key in ["ouders.samenvatting", "extra.grenzen", "visie.ondersteuning", "extra.aanbod", "structuur.route"] {
        s.answer(key, json!(long), None).await;
    }
    s.answer("ouders.contact", json!(limit(200, "Juf Anna, intern begeleider. ")), None).await;
    s.answer("visie.thuisnabij", json!("Leesspecialist Mirjam Bakker helpt elke dinsdag."), None).await;
    let rows: Vec<Value> =
        (0..30).map(|i| json!({ "specialist": format!("Specialist nummer {i}"), "dagdelen": "2,5" })).collect();
    s.answer("deskundigheid.aanwezig", json!(rows), None).await;
    s.adopt().await;
    s.step(&s.director, json!({ "step": "publish", "confirmed": true })).await;

    let parents = bytes(&s, "/scholen/04FZ00/ouders.pdf").await;
    assert!(pages(&parents) <= 3, "parent report: {} pages", pages(&parents));
    let text = pdf_tool("pdftotext", &parents);
    assert!(text.contains("Wat wij bieden") && text.contains("Dyscalculie") && text.contains("Juf Anna"), "{text}");

    let full = bytes(&s, "/scholen/04FZ00.pdf").await;
    let text = pdf_tool("pdftotext", &full);
    assert!(text.contains("Mirjam Bakker") && text.contains("Specialist nummer 29"), "{text}");
    assert!(pdf_tool("pdfinfo", &full).contains("Tagged:          yes"));

    let poster = bytes(&s, "/scholen/04FZ00/poster.pdf").await;
    assert_eq!(pages(&poster), 1, "the poster is one A3 page");
    assert!(pdf_tool("pdfinfo", &poster).contains("(A3)"));

    let guide = bytes(&s, "/scholen/04FZ00/schoolgids.pdf").await;
    assert!(pdf_tool("pdftotext", &guide).contains("Ondersteuning van leerlingen"));
    let docx = bytes(&s, "/scholen/04FZ00/schoolgids.docx").await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("schoolgids.docx");
    std::fs::write(&path, docx).unwrap();
    let script = "import docx, sys\nd = docx.Document(sys.argv[1])\nprint('\\n'.join(p.text for p in d.paragraphs))\nprint('\\n'.join(c.text for t in d.tables for r in t.rows for c in r.cells))";
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".to_owned());
    let output = Command::new(python).args(["-c", script]).arg(&path).output().unwrap();
    assert!(output.status.success(), "python-docx: {}", String::from_utf8_lossy(&output.stderr));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("Ondersteuning van leerlingen") && text.contains("Specialist nummer 0") && text.contains("2,5"),
        "{text}"
    );

    // A second request is served from the cache: the same bytes.
    assert_eq!(bytes(&s, "/scholen/04FZ00/ouders.pdf").await, parents);
    s.app.stop().await;
}

#[tokio::test]
async fn parents_read_in_their_language_with_the_schools_text_marked_dutch() {
    let s = school().await;
    s.answer("aanbod.dyslexie", json!("standaard"), None).await;
    s.answer("ouders.samenvatting", json!("Wij helpen ieder kind."), None).await;
    s.adopt().await;
    s.step(&s.director, json!({ "step": "publish", "confirmed": true })).await;
    let arabic = s.get("/scholen/04FZ00/ouders?taal=ar").await.text().await.unwrap();
    assert!(arabic.contains(r#"<html lang="ar" dir="rtl">"#), "{arabic}");
    assert!(arabic.contains("ما نقدمه") && arabic.contains("عسر القراءة"));
    assert!(arabic.contains(r#"<div lang="nl" dir="ltr" class="school-text">Wij helpen ieder kind.</div>"#));
    let polish = s.get("/scholen/04FZ00/ouders?taal=pl").await.text().await.unwrap();
    assert!(polish.contains("Co oferujemy") && polish.contains("Dysleksja"));
    let pdf = bytes(&s, "/scholen/04FZ00/ouders.pdf?taal=uk").await;
    assert!(pdf_tool("pdftotext", &pdf).contains("Що ми пропонуємо"));
    let vensters = s.get("/scholen/04FZ00/vensters.txt").await.text().await.unwrap();
    assert!(
        vensters.starts_with("Wij helpen ieder kind.") && vensters.contains("Wat wij bieden: Dyslexie."),
        "{vensters}"
    );
    s.app.stop().await;
}

#[tokio::test]
async fn search_by_support_near_a_postcode_and_open_data_csv() {
    let s = school().await;
    s.answer("aanbod.dyslexie", json!("na_overleg"), None).await;
    s.adopt().await;
    s.step(&s.director, json!({ "step": "publish", "confirmed": true })).await;
    let search = |query: &str| s.get_owned(format!("/api/v1/open/search?{query}"));
    let standard: Value = search("gemeente=amsterdam&onderwerp=dyslexie&niveau=standaard").await.json().await.unwrap();
    assert_eq!(standard["count"], 0, "na overleg is not standaard");
    let near: Value =
        search("postcode=1012AB&afstand=25&onderwerp=dyslexie&niveau=na_overleg").await.json().await.unwrap();
    assert_eq!(near["results"][0]["code"], "04FZ00", "{near}");
    assert!(near["results"][0]["km"].as_f64().unwrap() < 25.0);
    assert_eq!(search("postcode=12&onderwerp=dyslexie").await.status(), StatusCode::BAD_REQUEST);
    let far: Value = search("postcode=9999&onderwerp=dyslexie").await.json().await.unwrap();
    assert!(far.to_string().contains("Bij deze postcode kennen we geen scholen"), "{far}");
    let page = s.get("/zoeken?postcode=12&onderwerp=dyslexie").await;
    assert_eq!(page.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = page.text().await.unwrap();
    assert!(html.contains("Vul een postcode in zoals 1234 of 1234 AB.") && html.contains(r#"value="12""#), "{html}");
    let found = s.get("/zoeken?gemeente=Amsterdam&onderwerp=dyslexie&niveau=na_overleg").await.text().await.unwrap();
    assert!(found.contains(r#"href="/scholen/04FZ00/ouders""#), "{found}");

    let csv = s.get("/api/v1/open/swvs/PO2707/profiles.csv").await.text().await.unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].starts_with("\u{feff}vestiging;naam;brin"));
    assert_eq!(lines.len(), 2, "{csv}");
    assert!(lines[1].starts_with("04FZ00;") && lines[1].contains(";2026-2027;2026-06-15;"), "{csv}");
    s.app.stop().await;
}

/// The text a parent reads on a page: the main element without its markup.
fn main_text(html: &str) -> String {
    let main = html.split("<main").nth(1).and_then(|m| m.split("</main>").next()).unwrap_or_default();
    let mut text = String::new();
    let mut in_tag = false;
    for c in main.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push('\n');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&")
}

#[tokio::test]
async fn the_demos_parent_report_reads_at_b1() {
    let app = TestApp::spawn().await;
    passend::demo::seed(&app.db, None).await.unwrap();
    let list: Value = app.http.get(app.at("/api/v1/open/profiles")).send().await.unwrap().json().await.unwrap();
    let code = list["profiles"][0]["location"].as_str().unwrap().to_owned();
    let html = app.http.get(app.at(&format!("/scholen/{code}/ouders"))).send().await.unwrap().text().await.unwrap();
    let page = passend_domain::readability::analyse(&main_text(&html), &Default::default());
    let score = page.flesch_douma.unwrap();
    assert!(score >= 60.0, "the demo's parent page scores {score:.1}");
    let pdf = app.http.get(app.at(&format!("/scholen/{code}/ouders.pdf"))).send().await.unwrap().bytes().await.unwrap();
    let report = passend_domain::readability::analyse(&pdf_tool("pdftotext", &pdf), &Default::default());
    let score = report.flesch_douma.unwrap();
    assert!(score >= 60.0, "the demo's parent report scores {score:.1}");
    assert!(pages(&pdf) <= 3);
    // Whom to ask: the demo school's phone and the demo SWV's support point.
    assert!(html.contains(r#"href="tel:"#) && html.contains("Ouder- en Kindsteunpunt Amsterdam-Diemen"), "{html}");
    // The demo's draft of this year stays private; last year's is public and tells what changed.
    assert!(html.contains("Wat is er veranderd dit jaar?") && html.contains("Dyscalculie: nu standaard"), "{html}");
    app.stop().await;
}

/// Runs a tool on a file of `bytes`, giving its stdout and stderr.
fn tool_on(tool: &str, args: &[&str], name: &str, bytes: &[u8]) -> (String, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let output = Command::new(tool)
        .args(args)
        .arg(&path)
        .output()
        .unwrap_or_else(|e| panic!("{tool} must be installed (scripts/test installs it): {e}"));
    (String::from_utf8_lossy(&output.stdout).into_owned(), String::from_utf8_lossy(&output.stderr).into_owned())
}

/// What a QR code on the PDF's first page says: `pdftoppm` to PNG, then `zbarimg`.
fn qr_codes_on(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("poster.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = dir.path().join("poster");
    let rendered =
        Command::new("pdftoppm").args(["-r", "100", "-png", "-singlefile"]).arg(&path).arg(&out).output().unwrap();
    assert!(rendered.status.success(), "pdftoppm: {}", String::from_utf8_lossy(&rendered.stderr));
    assert_eq!(String::from_utf8_lossy(&rendered.stderr), "", "poppler reads the PDF without complaint");
    let decoded = Command::new("zbarimg")
        .args(["--quiet", "--raw"])
        .arg(dir.path().join("poster.png"))
        .output()
        .unwrap_or_else(|e| panic!("zbarimg (zbar-tools) must be installed: {e}"));
    String::from_utf8_lossy(&decoded.stdout).trim().to_owned()
}

#[tokio::test]
async fn every_parent_output_says_whom_to_contact_and_the_poster_leads_to_the_parent_page() {
    let s = school().await;
    let admin = s.app.user("sanne@swv.nl", "Sanne", &[(OrgKind::Swv, "PO2707", Role::SwvAdmin)]).await;
    let admin = s.app.session_for(admin).await;
    let swv = json!({
        "name": "Passend Primair Amsterdam-Diemen",
        "steunpunt_name": "Ouder- en Kindsteunpunt Amsterdam-Diemen",
        "steunpunt_phone": "020 555 01 20",
        "steunpunt_email": "steunpunt@passendprimair.example",
        "steunpunt_website": "www.passendprimair.example/ouders",
    });
    let saved =
        s.app.http.put(s.app.at("/api/v1/swvs/PO2707")).headers(admin.headers()).json(&swv).send().await.unwrap();
    assert_eq!(saved.status(), StatusCode::OK);
    for (key, value) in [
        ("aanbod.dyslexie", json!("standaard")),
        ("aanbod.motoriek", json!("na_overleg")),
        ("aanbod.medisch", json!("niet")),
        ("partners.welke", json!(["ggd", "logopedie"])),
    ] {
        s.answer(key, value, None).await;
    }
    s.answer("ouders.contact", json!("Juf Anna, intern begeleider."), None).await;
    s.adopt().await;
    s.step(&s.director, json!({ "step": "publish", "confirmed": true })).await;

    // Before the director sets anything: DUO's phone and website.
    let page = s.get("/scholen/04FZ00/ouders").await.text().await.unwrap();
    assert!(page.contains(r#"href="tel:0201234567""#) && page.contains(r#"href="https://www.debrug.nl""#), "{page}");

    let contact = json!({ "phone": "020 123 45 99", "email": "Info@DeBrug.example", "website": "www.debrug.example" });
    let url = s.app.at("/api/v1/locations/04FZ00/contact");
    let saved: Value =
        s.app.http.put(&url).headers(s.director.headers()).json(&contact).send().await.unwrap().json().await.unwrap();
    assert_eq!(
        saved,
        json!({ "phone": "020 123 45 99", "email": "info@debrug.example", "website": "https://www.debrug.example" })
    );
    let public: Value = s.app.http.get(&url).send().await.unwrap().json().await.unwrap();
    assert_eq!(public, saved);

    let expected = [
        "020 123 45 99",
        "info@debrug.example",
        "www.debrug.example",
        "Passend Primair Amsterdam-Diemen",
        "Ouder- en Kindsteunpunt Amsterdam-Diemen",
        "020 555 01 20",
        "steunpunt@passendprimair.example",
        "www.passendprimair.example/ouders",
    ];
    let page = s.get("/scholen/04FZ00/ouders").await.text().await.unwrap();
    for text in expected {
        assert!(page.contains(text), "parent page lacks {text}: {page}");
    }
    assert!(page.contains(r#"href="tel:0201234599""#) && page.contains(r#"href="mailto:info@debrug.example""#));
    assert_eq!(page.matches("Ouder- en jeugdsteunpunt").count(), 1, "the label once: {page}");
    let english = s.get("/scholen/04FZ00/ouders?taal=en").await.text().await.unwrap();
    assert!(english.contains("Speech therapy") && !english.contains("Logopedie"), "partners in the reader's language");

    let report = bytes(&s, "/scholen/04FZ00/ouders.pdf").await;
    let poster = bytes(&s, "/scholen/04FZ00/poster.pdf").await;
    for (name, pdf) in [("parent report", &report), ("poster", &poster)] {
        // In reading order (not laid out in columns), white space aside: a line may break anywhere.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("doc.pdf");
        std::fs::write(&path, pdf).unwrap();
        let output = Command::new("pdftotext").arg("-raw").arg(&path).arg("-").output().unwrap();
        let text: String = String::from_utf8_lossy(&output.stdout).chars().filter(|c| !c.is_whitespace()).collect();
        for expected in expected {
            let expected: String = expected.chars().filter(|c| !c.is_whitespace()).collect();
            assert!(text.contains(&expected), "{name} lacks {expected}: {text}");
        }
        let (_, stderr) = tool_on("pdftotext", &[], "doc.pdf", pdf);
        assert!(!stderr.contains("Syntax Error"), "{name}: {stderr}");
    }
    assert!(pdf_tool("pdftotext", &poster).contains("Medische zorg"), "the offer in three groups");
    assert_eq!(pages(&poster), 1, "the poster is one page");
    assert!(pdf_tool("pdfinfo", &poster).contains("(A3)"));
    assert_eq!(qr_codes_on(&poster), s.app.at("/scholen/04FZ00/ouders"), "the QR code leads to the parent page");
    let turkish = bytes(&s, "/scholen/04FZ00/poster.pdf?taal=tr").await;
    assert_eq!(qr_codes_on(&turkish), s.app.at("/scholen/04FZ00/ouders?taal=tr"), "in the poster's language");

    // The DOCX has a title and the school as its author.
    let docx = bytes(&s, "/scholen/04FZ00/schoolgids.docx").await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("schoolgids.docx");
    std::fs::write(&path, docx).unwrap();
    let script = "import docx, sys\np = docx.Document(sys.argv[1]).core_properties\nprint(p.title)\nprint(p.author)";
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".to_owned());
    let output = Command::new(python).args(["-c", script]).arg(&path).output().unwrap();
    assert!(output.status.success(), "python-docx: {}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(String::from_utf8_lossy(&output.stdout), "Ondersteuning van leerlingen — De Brug\nDe Brug\n");
    s.app.stop().await;
}

#[tokio::test]
async fn only_the_director_edits_the_contact_and_bad_input_gets_a_dutch_message_beside_its_field() {
    let s = school().await;
    let ib = s.app.user("ineke@brug.nl", "Ineke", &[(OrgKind::School, "04FZ", Role::Ib)]).await;
    let ib = s.app.session_for(ib).await;
    let page = |who: &Login| {
        let request = s.app.http.get(s.app.at("/scholen/04FZ/vestigingen/04FZ00/contact")).headers(who.headers());
        async move { request.send().await.unwrap() }
    };
    let form = page(&s.director).await;
    assert_eq!(form.status(), StatusCode::OK);
    let html = form.text().await.unwrap();
    assert!(
        html.contains(r#"value="0201234567""#) && html.contains(r#"value="www.debrug.nl""#),
        "pre-filled from DUO: {html}"
    );
    assert_eq!(page(&ib).await.status(), StatusCode::FORBIDDEN);
    let school_page = s.app.http.get(s.app.at("/scholen/04FZ")).headers(s.director.headers()).send().await.unwrap();
    assert!(school_page.text().await.unwrap().contains(r#"href="/scholen/04FZ/vestigingen/04FZ00/contact""#));
    let other = s.app.http.get(s.app.at("/scholen/04FZ/vestigingen/32DD00/contact")).headers(s.director.headers());
    assert_eq!(other.send().await.unwrap().status(), StatusCode::NOT_FOUND, "a location of another school");

    let bad = s
        .app
        .http
        .post(s.app.at("/scholen/04FZ/vestigingen/04FZ00/contact"))
        .headers(s.director.headers())
        .form(&[
            ("csrf_token", s.director.csrf.as_str()),
            ("phone", "12345"),
            ("email", "geen mail"),
            ("website", "debrug"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = bad.text().await.unwrap();
    for (field, message) in [
        ("phone", "Vul een Nederlands telefoonnummer in"),
        ("email", "Vul een geldig e-mailadres in"),
        ("website", "Vul een webadres in, bijvoorbeeld www.school.nl"),
    ] {
        let at = html.find(&format!(r#"id="{field}-error""#)).unwrap_or_else(|| panic!("{field}: {html}"));
        assert!(html[at..at + 200].contains(message), "{field}: {}", &html[at..at + 200]);
        assert!(html.contains(&format!(r#"aria-describedby="{field}-error""#)));
    }
    assert!(html.contains(r#"value="12345""#) && html.contains(r#"value="geen mail""#), "what was typed stays");

    let saved = s
        .app
        .http
        .post(s.app.at("/scholen/04FZ/vestigingen/04FZ00/contact"))
        .headers(s.director.headers())
        .form(&[("csrf_token", s.director.csrf.as_str()), ("phone", "06-12345678"), ("email", ""), ("website", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let location = s.app.db.location("04FZ00").await.unwrap().unwrap();
    assert_eq!((location.phone.as_deref(), location.email, location.website), (Some("06-12345678"), None, None));

    let url = s.app.at("/api/v1/locations/04FZ00/contact");
    let api_bad =
        s.app.http.put(&url).headers(s.director.headers()).json(&json!({ "phone": "bel ons" })).send().await.unwrap();
    assert_eq!(api_bad.status(), StatusCode::BAD_REQUEST);
    assert!(api_bad.text().await.unwrap().contains("phone"));
    let by_ib =
        s.app.http.put(&url).headers(ib.headers()).json(&json!({ "phone": "020 123 45 67" })).send().await.unwrap();
    assert_eq!(by_ib.status(), StatusCode::FORBIDDEN);

    // A new DUO import keeps what the director set.
    let files = vec![
        passend_domain::duo::parse_file(
            "duo_adressen_oud.csv",
            &std::fs::read(crate::support::fixture("duo_adressen_oud.csv")).unwrap(),
        )
        .unwrap(),
    ];
    s.app.db.import_duo(&files, &|_| {}).await.unwrap();
    assert_eq!(s.app.db.location("04FZ00").await.unwrap().unwrap().phone.as_deref(), Some("06-12345678"));
    s.app.stop().await;
}
