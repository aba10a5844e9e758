//! The SWV's coverage matrix and gaps, against hand-computed expectations.

use passend_domain::access::Role;
use passend_domain::organisations::OrgKind;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::support::{Login, TestApp};

async fn profile_with(app: &TestApp, who: &Login, brin: &str, location: &str, answers: &[(&str, &str)]) {
    let id = app.start_profile(who, brin, location, "2026-2027").await;
    for (key, level) in answers {
        let path = app.at(&format!("/api/v1/profiles/{id}/answers/{key}"));
        let saved = app
            .http
            .put(path)
            .headers(who.headers())
            .json(&json!({ "value": level, "version": 0 }))
            .send()
            .await
            .unwrap();
        assert_eq!(saved.status(), StatusCode::OK);
    }
}

#[tokio::test]
async fn the_matrix_counts_and_gaps_of_a_region() {
    let app = TestApp::spawn().await;
    let brug = app.user("dirk@brug.nl", "Dirk", &[(OrgKind::School, "04FZ", Role::Director)]).await;
    let brug = app.session_for(brug).await;
    let kompas = app.user("kim@kompas.nl", "Kim", &[(OrgKind::School, "20XK", Role::Director)]).await;
    let kompas = app.session_for(kompas).await;
    let staff = app.user("sanne@swv.nl", "Sanne", &[(OrgKind::Swv, "PO2707", Role::SwvStaff)]).await;
    let staff = app.session_for(staff).await;
    let other = app.user("olaf@swv2.nl", "Olaf", &[(OrgKind::Swv, "PO2815", Role::SwvAdmin)]).await;
    let other = app.session_for(other).await;
    profile_with(&app, &brug, "04FZ", "04FZ00", &[("aanbod.dyslexie", "standaard"), ("aanbod.gedrag", "na_overleg")])
        .await;
    profile_with(
        &app,
        &kompas,
        "20XK",
        "20XK00",
        &[("aanbod.dyslexie", "niet"), ("aanbod.gedrag", "standaard"), ("aanbod.horen", "standaard")],
    )
    .await;

    let url = app.at("/api/v1/swvs/PO2707/coverage?year=2026-2027");
    let body: Value = app.http.get(&url).headers(staff.headers()).send().await.unwrap().json().await.unwrap();
    let rows: Vec<(&str, bool, Value)> = body["locations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["code"].as_str().unwrap(), l["draft"].as_bool().unwrap(), l["levels"].clone()))
        .collect();
    assert_eq!(
        rows,
        [
            ("04FZ00", true, json!({ "dyslexie": "standaard", "gedrag": "na_overleg" })),
            ("04FZ01", false, json!({})),
            ("20XK00", true, json!({ "dyslexie": "niet", "gedrag": "standaard", "horen": "standaard" })),
        ]
    );
    let count = |category: &str| {
        body["counts"].as_array().unwrap().iter().find(|c| c["category"] == category).cloned().unwrap()
    };
    assert_eq!(
        (count("dyslexie")["per_level"].clone(), count("dyslexie")["unknown"].clone()),
        (json!([1, 0, 1]), json!(1))
    );
    assert_eq!(
        (count("gedrag")["per_level"].clone(), count("gedrag")["unknown"].clone()),
        (json!([0, 1, 1]), json!(1))
    );
    // Twelve categories, three covered at standaard; the other nine answered
    // by no profile: unknown, not gaps.
    assert_eq!(body["gaps"], json!([]));
    assert_eq!(body["min_profiled_percent"], 50);
    let unknown: Vec<&str> =
        body["unknown"].as_array().unwrap().iter().map(|g| g["category"].as_str().unwrap()).collect();
    assert_eq!(unknown.len(), 9, "{unknown:?}");
    assert!(!unknown.contains(&"dyslexie") && !unknown.contains(&"gedrag") && !unknown.contains(&"horen"));
    assert_eq!(
        body["unknown"][0],
        json!({ "area": "AMSTERDAM", "category": "dyscalculie", "kind": "unknown",
                "locations": 3, "with_profile": 2, "answered": 0 })
    );

    // Only locations of the sector asked for.
    let sector = body["locations"][2]["sector"].as_str().unwrap().to_owned();
    let filtered: Value = app
        .http
        .get(app.at(&format!("/api/v1/swvs/PO2707/coverage?year=2026-2027&sector={sector}")))
        .headers(staff.headers())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(filtered["locations"].as_array().unwrap().iter().all(|l| l["sector"] == sector.as_str()));
    let bad = app
        .http
        .get(app.at("/api/v1/swvs/PO2707/coverage?min_level=soms"))
        .headers(staff.headers())
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);

    for outsider in [&other, &brug] {
        assert_eq!(
            app.http.get(&url).headers(outsider.headers()).send().await.unwrap().status(),
            StatusCode::FORBIDDEN
        );
    }
    let page = app
        .http
        .get(app.at("/samenwerkingsverbanden/PO2707/dekking?jaar=2026-2027"))
        .headers(staff.headers())
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(!html.contains("In Amsterdam biedt geen school"), "{html}");
    assert!(
        html.contains("1 van de 3 vestigingen heeft nog geen profiel") && html.contains("Meer- en hoogbegaafdheid")
    );
    app.stop().await;
}

/// Hand-made: seven locations of seven schools in Diemen (PO2707), 71DM00 … 77DM00.
async fn seven_locations_in_diemen(app: &TestApp) {
    use passend_domain::duo::parse_file;
    let mut locations = String::from(
        "vestigingscode,brin_nummer,naam,type,denominatie,straat,huisnummer,huisletter,huisnummertoevoeging,\
         postcode,plaats,gemeente,provincie,onderwijsgebied,internetadres,leerlingen,lat,lon\n",
    );
    for n in 1..=7 {
        locations.push_str(&format!(
            "7{n}DM00,7{n}DM,School {n} Diemen,basisschool,Openbaar,Dorpsstraat,{n},,,1111AB,Diemen,DIEMEN,\
             Noord-Holland,Amsterdam,,100,52.34{n},4.96{n}\n"
        ));
    }
    let files = [
        parse_file("diemen.csv", locations.as_bytes()).unwrap(),
        parse_file("pc4_diemen.csv", b"pc4,gemeente,po_swv,vo_swv\n1111,Diemen,PO2707,VO2708\n").unwrap(),
    ];
    app.db.import_duo(&files, &|_| {}).await.unwrap();
}

fn area_gap<'a>(body: &'a Value, list: &str, area: &str, category: &str) -> Option<&'a Value> {
    body[list].as_array().unwrap().iter().find(|g| g["area"] == area && g["category"] == category)
}

/// Issue 12: missing data is not missing support. Diemen, seven locations of
/// which two have a profile, is unknown at the SWV's share (half by default),
/// never a gap; Amsterdam, whose profiled locations offer nothing for gedrag,
/// has a gap. The page lists them apart; the SWV's admin sets the share on the
/// page and through the API.
#[tokio::test]
async fn too_few_profiles_are_unknown_and_an_area_whose_profiles_offer_nothing_has_a_gap() {
    let app = TestApp::spawn().await;
    seven_locations_in_diemen(&app).await;
    let admin = app.user("anna@swv.nl", "Anna", &[(OrgKind::Swv, "PO2707", Role::SwvAdmin)]).await;
    let admin = app.session_for(admin).await;
    let staff = app.user("sanne@swv.nl", "Sanne", &[(OrgKind::Swv, "PO2707", Role::SwvStaff)]).await;
    let staff = app.session_for(staff).await;
    for (email, brin, location, answers) in [
        ("d1@diemen.nl", "71DM", "71DM00", &[("aanbod.dyslexie", "niet"), ("aanbod.gedrag", "na_overleg")][..]),
        ("d2@diemen.nl", "72DM", "72DM00", &[("aanbod.dyslexie", "na_overleg")][..]),
        ("dirk@brug.nl", "04FZ", "04FZ00", &[("aanbod.dyslexie", "standaard"), ("aanbod.gedrag", "niet")][..]),
        ("kim@kompas.nl", "20XK", "20XK00", &[("aanbod.dyslexie", "niet"), ("aanbod.gedrag", "na_overleg")][..]),
    ] {
        let director = app.user(email, "Directeur", &[(OrgKind::School, brin, Role::Director)]).await;
        let director = app.session_for(director).await;
        profile_with(&app, &director, brin, location, answers).await;
    }
    let url = "/api/v1/swvs/PO2707/coverage?year=2026-2027";

    let body = coverage_json(&app, &staff, url.to_owned()).await;
    assert_eq!(body["min_profiled_percent"], 50, "half of the locations until the SWV sets it");
    assert_eq!(
        body["gaps"],
        json!([{ "area": "AMSTERDAM", "category": "gedrag", "kind": "no_offer",
                 "locations": 3, "with_profile": 2, "answered": 2 }]),
        "Amsterdam's two profiles (of three locations) offer gedrag at no school at standaard"
    );
    let diemen: Vec<&Value> = body["unknown"].as_array().unwrap().iter().filter(|g| g["area"] == "DIEMEN").collect();
    assert_eq!(diemen.len(), 12, "nothing is offered at standaard in Diemen, and nothing is proven");
    assert!(diemen.iter().all(|g| g["kind"] == "unknown" && g["locations"] == 7 && g["with_profile"] == 2));
    assert_eq!(area_gap(&body, "unknown", "DIEMEN", "dyslexie").unwrap()["answered"], 2);
    assert_eq!(area_gap(&body, "unknown", "DIEMEN", "gedrag").unwrap()["answered"], 1);
    assert!(area_gap(&body, "unknown", "AMSTERDAM", "horen").is_some(), "answered by no profile");

    // The page shows them apart: Diemen never among the gaps.
    let html = app
        .http
        .get(app.at("/samenwerkingsverbanden/PO2707/dekking?jaar=2026-2027"))
        .headers(staff.headers())
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let gaps_at = html.find(r#"id="gaps-heading""#).unwrap();
    let unknown_at = html.find(r#"id="unknown-heading""#).unwrap();
    let threshold_at = html.find(r#"id="drempel""#).unwrap();
    let (gaps_part, unknown_part) = (&html[gaps_at..unknown_at], &html[unknown_at..threshold_at]);
    assert!(gaps_part.contains("In Amsterdam biedt geen school") && gaps_part.contains("Gedrag"), "{gaps_part}");
    assert!(gaps_part.contains("2 van de 3 vestigingen hebben dit ingevuld"), "{gaps_part}");
    assert!(!gaps_part.contains("Diemen"), "{gaps_part}");
    assert!(unknown_part.contains("Diemen") && unknown_part.contains("5 van de 7 vestigingen hebben nog geen profiel"));
    assert!(unknown_part.contains("Gedrag (in 1 van de 2 profielen ingevuld)"), "{unknown_part}");
    assert!(!html.contains(r#"id="coverage-threshold""#), "staff read the share, admins change it");
    assert!(html[threshold_at..].contains("rekent met 50 %"));
    // The charts and the map name what they show inside the SVG.
    assert!(html.contains(r#"class="chart-label">Dyslexie</text>"#), "a bar's name inside the chart");
    assert!(html.contains(r#"class="map-place">Diemen</text>"#) && html.contains(r#"class="map-land""#));

    // The share: staff may not set it; out of range is refused; 25 % makes
    // Diemen's dyslexie (answered by 2 of 7, 29 %) a gap, gedrag (1 of 7) stays unknown.
    let settings = app.at("/api/v1/swvs/PO2707/coverage/settings");
    let put = |who: &Login, body: Value| app.http.put(&settings).headers(who.headers()).json(&body).send();
    assert_eq!(put(&staff, json!({ "min_profiled_percent": 25 })).await.unwrap().status(), StatusCode::FORBIDDEN);
    for bad in [0, 101] {
        let refused = put(&admin, json!({ "min_profiled_percent": bad })).await.unwrap();
        assert_eq!(refused.status(), StatusCode::BAD_REQUEST, "{bad}");
    }
    assert_eq!(put(&admin, json!({ "min_profiled_percent": 25 })).await.unwrap().status(), StatusCode::NO_CONTENT);
    let read: Value = app.http.get(&settings).headers(staff.headers()).send().await.unwrap().json().await.unwrap();
    assert_eq!(read, json!({ "min_profiled_percent": 25 }));
    let body = coverage_json(&app, &staff, url.to_owned()).await;
    assert_eq!(body["min_profiled_percent"], 25);
    assert_eq!(area_gap(&body, "gaps", "DIEMEN", "dyslexie").unwrap()["kind"], "no_offer");
    assert_eq!(area_gap(&body, "unknown", "DIEMEN", "gedrag").unwrap()["kind"], "unknown");

    // On the page: a bad share is shown next to the field with what was typed; a good one is kept.
    let form = |value: &'static str| {
        app.http
            .post(app.at("/samenwerkingsverbanden/PO2707/dekking/drempel"))
            .headers(admin.headers())
            .form(&[("csrf_token", admin.csrf.as_str()), ("min_profiled_percent", value)])
            .send()
    };
    let refused = form("veel").await.unwrap();
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.unwrap();
    assert!(html.contains("Vul een percentage in van 1 tot en met 100.") && html.contains(r#"value="veel""#), "{html}");
    assert_eq!(form("120").await.unwrap().status(), StatusCode::UNPROCESSABLE_ENTITY);
    let saved = form("30 %").await.unwrap();
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    assert!(saved.headers()["location"].to_str().unwrap().contains("melding=opgeslagen"));
    let body = coverage_json(&app, &admin, url.to_owned()).await;
    assert_eq!(body["min_profiled_percent"], 30);
    assert!(area_gap(&body, "gaps", "DIEMEN", "dyslexie").is_none(), "29 % is below 30 %: unknown again");
    let staff_form = app
        .http
        .post(app.at("/samenwerkingsverbanden/PO2707/dekking/drempel"))
        .headers(staff.headers())
        .form(&[("csrf_token", staff.csrf.as_str()), ("min_profiled_percent", "10")])
        .send()
        .await
        .unwrap();
    assert_eq!(staff_form.status(), StatusCode::FORBIDDEN);
    assert_eq!(coverage_json(&app, &admin, url.to_owned()).await["min_profiled_percent"], 30);
    app.stop().await;
}

#[tokio::test]
async fn the_basic_support_norm_and_who_meets_it() {
    let app = TestApp::spawn().await;
    let brug = app.user("dirk@brug.nl", "Dirk", &[(OrgKind::School, "04FZ", Role::Director)]).await;
    let brug = app.session_for(brug).await;
    let kompas = app.user("kim@kompas.nl", "Kim", &[(OrgKind::School, "20XK", Role::Director)]).await;
    let kompas = app.session_for(kompas).await;
    let admin = app.user("sanne@swv.nl", "Sanne", &[(OrgKind::Swv, "PO2707", Role::SwvAdmin)]).await;
    let admin = app.session_for(admin).await;
    let staff = app.user("stef@swv.nl", "Stef", &[(OrgKind::Swv, "PO2707", Role::SwvStaff)]).await;
    let staff = app.session_for(staff).await;
    profile_with(&app, &brug, "04FZ", "04FZ00", &[("aanbod.dyslexie", "standaard"), ("aanbod.gedrag", "na_overleg")])
        .await;
    profile_with(&app, &kompas, "20XK", "20XK00", &[("aanbod.dyslexie", "niet"), ("aanbod.gedrag", "standaard")]).await;

    let url = app.at("/api/v1/swvs/PO2707/norm?year=2026-2027");
    let norm = json!({
        "items": [
            { "key": "basis.basiskwaliteit", "min_level": "op_orde" },
            { "key": "aanbod.dyslexie", "min_level": "standaard" },
            { "key": "aanbod.gedrag", "min_level": "na_overleg" }
        ],
        "target_percent": 85
    });
    assert_eq!(
        app.http.put(&url).headers(staff.headers()).json(&norm).send().await.unwrap().status(),
        StatusCode::FORBIDDEN
    );
    let bad = json!({ "items": [{ "key": "visie.ondersteuning", "min_level": "x" }], "target_percent": 101 });
    assert_eq!(
        app.http.put(&url).headers(admin.headers()).json(&bad).send().await.unwrap().status(),
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        app.http.put(&url).headers(admin.headers()).json(&norm).send().await.unwrap().status(),
        StatusCode::NO_CONTENT
    );

    let body: Value = app.http.get(&url).headers(staff.headers()).send().await.unwrap().json().await.unwrap();
    let results: Vec<(&str, u64, f64, bool, Value)> = body["locations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["code"].as_str().unwrap(),
                l["met"].as_u64().unwrap(),
                l["percent"].as_f64().unwrap(),
                l["below_target"].as_bool().unwrap(),
                l["missing"].clone(),
            )
        })
        .collect();
    let third = 100.0 / 3.0;
    assert_eq!(
        results,
        [
            ("20XK00", 1, third, true, json!(["basis.basiskwaliteit", "aanbod.dyslexie"])),
            ("04FZ00", 2, 2.0 * third, true, json!(["basis.basiskwaliteit"])),
        ],
        "below the target first, lowest share first"
    );

    let page = app
        .http
        .post(app.at("/samenwerkingsverbanden/PO2707/basisondersteuning?jaar=2026-2027"))
        .headers(admin.headers())
        .form(&[("csrf_token", admin.csrf.as_str()), ("target", "veel"), ("min:aanbod.dyslexie", "standaard")])
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.text().await.unwrap().contains("Vul een percentage in van 1 tot en met 100."));
    let shown = app
        .http
        .get(app.at("/samenwerkingsverbanden/PO2707/basisondersteuning?jaar=2026-2027"))
        .headers(staff.headers())
        .send()
        .await
        .unwrap();
    let html = shown.text().await.unwrap();
    assert!(
        html.contains("33%") && html.contains("onder het doel") && !html.contains("form id=\"norm\""),
        "staff read, admins edit"
    );
    app.stop().await;
}

#[tokio::test]
async fn the_matrix_downloads_as_csv() {
    let app = TestApp::spawn().await;
    let brug = app.user("dirk@brug.nl", "Dirk", &[(OrgKind::School, "04FZ", Role::Director)]).await;
    let brug = app.session_for(brug).await;
    let staff = app.user("sanne@swv.nl", "Sanne", &[(OrgKind::Swv, "PO2707", Role::SwvStaff)]).await;
    let staff = app.session_for(staff).await;
    profile_with(&app, &brug, "04FZ", "04FZ00", &[("aanbod.dyslexie", "standaard")]).await;
    let response = app
        .http
        .get(app.at("/api/v1/swvs/PO2707/coverage.csv?year=2026-2027&sector=&municipality="))
        .headers(staff.headers())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
    let csv = response.text().await.unwrap();
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert!(lines[0].starts_with("vestiging;naam;gemeente;sector;profiel;dyslexie;dyscalculie"), "{}", lines[0]);
    assert_eq!(lines.len(), 4, "a header and three locations: {csv}");
    assert!(
        lines[1].starts_with("04FZ00;De Brug;AMSTERDAM;") && lines[1].contains(";concept;standaard;"),
        "{}",
        lines[1]
    );
    app.stop().await;
}

#[tokio::test]
async fn the_status_board_shows_steps_overdue_reviews_and_sends_a_reminder() {
    let app = TestApp::spawn().await;
    let director = app.user("dirk@brug.nl", "Dirk", &[(OrgKind::School, "04FZ", Role::Director)]).await;
    let director = app.session_for(director).await;
    let mr = app.user("mila@brug.nl", "Mila", &[(OrgKind::School, "04FZ", Role::MrMember)]).await;
    let mr = app.session_for(mr).await;
    let board = app.user("bas@bestuur.nl", "Bas", &[(OrgKind::Board, "41234", Role::BoardMember)]).await;
    let board = app.session_for(board).await;
    let staff = app.user("sanne@swv.nl", "Sanne", &[(OrgKind::Swv, "PO2707", Role::SwvStaff)]).await;
    let staff = app.session_for(staff).await;

    // Adopted in September 2025 for 2024-2025: under the yearly rule due by 1 August 2025.
    let old = app.start_profile(&director, "04FZ", "04FZ00", "2024-2025").await;
    let step = |who: &Login, body: Value| {
        let url = app.at(&format!("/api/v1/profiles/{old}/steps"));
        let headers = who.headers();
        let http = app.http.clone();
        async move { http.post(url).headers(headers).json(&body).send().await.unwrap().status() }
    };
    assert_eq!(step(&director, json!({ "step": "ask_mr_advice" })).await, StatusCode::OK);
    let advice = json!({ "step": "record_advice", "verdict": "positive", "advice": "Goed.", "date": "2025-08-20" });
    assert_eq!(step(&mr, advice).await, StatusCode::OK);
    assert_eq!(step(&board, json!({ "step": "adopt", "date": "2025-09-01", "confirmed": true })).await, StatusCode::OK);
    app.start_profile(&director, "04FZ", "04FZ00", "2026-2027").await;

    let page = app
        .http
        .get(app.at("/samenwerkingsverbanden/PO2707/status?jaar=2026-2027"))
        .headers(staff.headers())
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(html.contains("Herziening nodig sinds 1-8-2025"), "{html}");
    assert!(html.contains("<td>Concept</td>") && html.contains("Herinnering sturen"), "{html}");

    let sent = app
        .http
        .post(app.at("/samenwerkingsverbanden/PO2707/status?jaar=2026-2027"))
        .headers(staff.headers())
        .form(&[("csrf_token", staff.csrf.as_str()), ("location", "04FZ00")])
        .send()
        .await
        .unwrap();
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    let mails = crate::support::mails_to(&app.db, "dirk@brug.nl").await;
    assert!(
        mails.iter().any(|m| m.subject.starts_with("Herinnering van") && m.body.contains("/scholen/04FZ/profielen"))
    );
    let again = app
        .http
        .post(app.at("/samenwerkingsverbanden/PO2707/status?jaar=2026-2027"))
        .headers(staff.headers())
        .form(&[("csrf_token", staff.csrf.as_str()), ("location", "04FZ00")])
        .send()
        .await
        .unwrap();
    assert!(again.headers()["location"].to_str().unwrap().contains("&ronde="), "the board reports on the round");
    let mails = crate::support::mails_to(&app.db, "dirk@brug.nl").await;
    assert_eq!(
        mails.iter().filter(|m| m.subject.starts_with("Herinnering van")).count(),
        1,
        "one reminder a day per location"
    );
    let elsewhere = app
        .http
        .post(app.at("/samenwerkingsverbanden/PO2707/status?jaar=2026-2027"))
        .headers(staff.headers())
        .form(&[("csrf_token", staff.csrf.as_str()), ("location", "32DD00")])
        .send()
        .await
        .unwrap();
    assert_eq!(elsewhere.status(), StatusCode::NOT_FOUND, "only the SWV's own locations");
    app.stop().await;
}

#[tokio::test]
async fn expertise_is_summed_across_the_region() {
    let app = TestApp::spawn().await;
    let brug = app.user("dirk@brug.nl", "Dirk", &[(OrgKind::School, "04FZ", Role::Director)]).await;
    let brug = app.session_for(brug).await;
    let kompas = app.user("kim@kompas.nl", "Kim", &[(OrgKind::School, "20XK", Role::Director)]).await;
    let kompas = app.session_for(kompas).await;
    let staff = app.user("sanne@swv.nl", "Sanne", &[(OrgKind::Swv, "PO2707", Role::SwvStaff)]).await;
    let staff = app.session_for(staff).await;
    for (who, brin, location, rows, training) in [
        (
            &brug,
            "04FZ",
            "04FZ00",
            json!([{ "specialist": "Intern begeleider", "dagdelen": "4" }, { "specialist": "Gedragsspecialist", "dagdelen": "1,5" }]),
            "Cursus gedrag in de klas.",
        ),
        (&kompas, "20XK", "20XK00", json!([{ "specialist": "intern begeleider", "dagdelen": "2,5" }]), ""),
    ] {
        let id = app.start_profile(who, brin, location, "2026-2027").await;
        let put = |key: &str, value: Value| {
            let url = app.at(&format!("/api/v1/profiles/{id}/answers/{key}"));
            let headers = who.headers();
            let http = app.http.clone();
            async move {
                http.put(url)
                    .headers(headers)
                    .json(&json!({ "value": value, "version": 0 }))
                    .send()
                    .await
                    .unwrap()
                    .status()
            }
        };
        assert_eq!(put("deskundigheid.aanwezig", rows).await, StatusCode::OK);
        if !training.is_empty() {
            assert_eq!(put("ambities.scholing", json!(training)).await, StatusCode::OK);
        }
    }
    let body: Value = app
        .http
        .get(app.at("/api/v1/swvs/PO2707/expertise?year=2026-2027"))
        .headers(staff.headers())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        body["specialists"],
        json!([
            { "specialist": "Intern begeleider", "locations": 2, "dagdelen_per_week": 6.5 },
            { "specialist": "Gedragsspecialist", "locations": 1, "dagdelen_per_week": 1.5 }
        ])
    );
    assert_eq!(body["training_needs"], json!([{ "location": "De Brug", "texts": ["Cursus gedrag in de klas."] }]));
    let page = app
        .http
        .get(app.at("/samenwerkingsverbanden/PO2707/deskundigheid?jaar=2026-2027"))
        .headers(staff.headers())
        .send()
        .await
        .unwrap();
    assert!(page.text().await.unwrap().contains("6,5"));
    app.stop().await;
}

#[tokio::test]
async fn trends_per_category_and_norm_item_over_the_years() {
    let app = TestApp::spawn().await;
    let brug = app.user("dirk@brug.nl", "Dirk", &[(OrgKind::School, "04FZ", Role::Director)]).await;
    let brug = app.session_for(brug).await;
    let admin = app.user("sanne@swv.nl", "Sanne", &[(OrgKind::Swv, "PO2707", Role::SwvAdmin)]).await;
    let admin = app.session_for(admin).await;
    let this_year = passend_app::questionnaire::current_year();
    let last_year = this_year.previous();
    for (year, level) in [(last_year, "niet"), (this_year, "standaard")] {
        let id = app.start_profile(&brug, "04FZ", "04FZ00", &year.to_string()).await;
        let url = app.at(&format!("/api/v1/profiles/{id}/answers/aanbod.dyslexie"));
        let version: i64 = if year == this_year { 1 } else { 0 };
        let saved = app
            .http
            .put(url)
            .headers(brug.headers())
            .json(&json!({ "value": level, "version": version }))
            .send()
            .await
            .unwrap();
        assert_eq!(saved.status(), StatusCode::OK, "{year}");
    }
    let norm = json!({ "items": [{ "key": "aanbod.dyslexie", "min_level": "standaard" }], "target_percent": 85 });
    for year in [last_year, this_year] {
        let url = app.at(&format!("/api/v1/swvs/PO2707/norm?year={year}"));
        assert_eq!(
            app.http.put(url).headers(admin.headers()).json(&norm).send().await.unwrap().status(),
            StatusCode::NO_CONTENT
        );
    }
    let body: Value = app
        .http
        .get(app.at("/api/v1/swvs/PO2707/trends"))
        .headers(admin.headers())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let years = body["years"].as_array().unwrap();
    assert_eq!(years.len(), 4);
    let dyslexie = |i: usize| {
        years[i]["counts"].as_array().unwrap().iter().find(|c| c["category"] == "dyslexie").unwrap()["per_level"]
            .clone()
    };
    assert_eq!((dyslexie(2), dyslexie(3)), (json!([1, 0, 0]), json!([0, 0, 1])), "from niet to standaard");
    assert_eq!(dyslexie(0), json!([0, 0, 0]), "no profiles then");
    let shares = &body["norm"][0]["shares"];
    assert_eq!((shares[2]["percent"].clone(), shares[3]["percent"].clone()), (json!(0.0), json!(100.0)));
    assert_eq!(shares[0]["percent"], Value::Null);
    assert!(shares[0].as_object().unwrap().contains_key("percent"), "a year without profiles says null");
    let page =
        app.http.get(app.at("/samenwerkingsverbanden/PO2707/trends")).headers(admin.headers()).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    app.stop().await;
}

/// The cells of every sheet, read by a third-party reader (PyPI openpyxl).
fn cells_by_openpyxl(path: &std::path::Path) -> Value {
    let script = "import json, sys, openpyxl\n\
        book = openpyxl.load_workbook(sys.argv[1])\n\
        print(json.dumps({ws.title: [[c for c in row] for row in ws.iter_rows(values_only=True)] for ws in book.worksheets}))";
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".to_owned());
    let output = std::process::Command::new(python).args(["-c", script]).arg(path).output().unwrap();
    assert!(
        output.status.success(),
        "openpyxl could not read the workbook (scripts/test installs it): {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

#[tokio::test]
async fn the_region_downloads_as_a_workbook_that_openpyxl_reads() {
    let app = TestApp::spawn().await;
    let brug = app.user("dirk@brug.nl", "Dirk", &[(OrgKind::School, "04FZ", Role::Director)]).await;
    let brug = app.session_for(brug).await;
    let admin = app.user("sanne@swv.nl", "Sanne", &[(OrgKind::Swv, "PO2707", Role::SwvAdmin)]).await;
    let admin = app.session_for(admin).await;
    profile_with(&app, &brug, "04FZ", "04FZ00", &[("aanbod.dyslexie", "standaard"), ("aanbod.gedrag", "niet")]).await;
    let norm = json!({ "items": [{ "key": "aanbod.dyslexie", "min_level": "standaard" }, { "key": "aanbod.gedrag", "min_level": "na_overleg" }], "target_percent": 85 });
    let url = app.at("/api/v1/swvs/PO2707/norm?year=2026-2027");
    assert_eq!(
        app.http.put(url).headers(admin.headers()).json(&norm).send().await.unwrap().status(),
        StatusCode::NO_CONTENT
    );

    let response = app
        .http
        .get(app.at("/api/v1/swvs/PO2707/coverage.xlsx?year=2026-2027"))
        .headers(admin.headers())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("regio.xlsx");
    std::fs::write(&path, response.bytes().await.unwrap()).unwrap();
    let sheets = cells_by_openpyxl(&path);

    let matrix = &sheets["Dekkend aanbod"];
    assert_eq!(matrix[0][0], "Vestiging");
    assert_eq!(matrix[0][1], "Vestigingscode");
    assert_eq!(matrix[0][5], "Dyslexie");
    assert_eq!(
        (matrix[1][0].clone(), matrix[1][1].clone()),
        (json!("De Brug"), json!("04FZ00")),
        "name and code apart"
    );
    assert_eq!((matrix[1][4].clone(), matrix[1][5].clone()), (json!("Concept"), json!("standaard")));
    assert_eq!(matrix.as_array().unwrap().len(), 4, "a header and three locations");
    let script = "import sys, openpyxl\nprint(openpyxl.load_workbook(sys.argv[1]).worksheets[0].auto_filter.ref)";
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".to_owned());
    let output = std::process::Command::new(python).args(["-c", script]).arg(&path).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&output.stdout).trim(), "A1:Q4", "a filter on every column of the matrix");
    let counts = &sheets["Aantal vestigingen per niveau"];
    assert_eq!(counts[1], json!(["Dyslexie", 0, 0, 1, 2]));
    let norm = &sheets["Basisondersteuning"];
    assert_eq!(norm[1][0], "De Brug");
    assert_eq!(norm[1][1], 0.5);
    assert_eq!(norm[1][2], true);
    assert_eq!(norm[1][3], "Gedrag en sociaal-emotionele ontwikkeling");
    app.stop().await;
}

#[tokio::test]
async fn the_national_view_is_for_platform_admins() {
    let app = TestApp::spawn().await;
    let brug = app.user("dirk@brug.nl", "Dirk", &[(OrgKind::School, "04FZ", Role::Director)]).await;
    let brug = app.session_for(brug).await;
    let platform =
        app.user("beheer@passend.test", "Beheer", &[(OrgKind::Platform, "passend", Role::PlatformAdmin)]).await;
    let platform = app.session_for(platform).await;
    let swv_admin = app.user("sanne@swv.nl", "Sanne", &[(OrgKind::Swv, "PO2707", Role::SwvAdmin)]).await;
    let swv_admin = app.session_for(swv_admin).await;
    profile_with(&app, &brug, "04FZ", "04FZ00", &[("aanbod.dyslexie", "standaard")]).await;
    let url = app.at("/api/v1/national/coverage?year=2026-2027");
    assert_eq!(app.http.get(&url).headers(swv_admin.headers()).send().await.unwrap().status(), StatusCode::FORBIDDEN);
    let body: Value = app.http.get(&url).headers(platform.headers()).send().await.unwrap().json().await.unwrap();
    assert_eq!(body["locations"], 6, "every location in the fixtures");
    let dyslexie = body["counts"].as_array().unwrap().iter().find(|c| c["category"] == "dyslexie").unwrap().clone();
    assert_eq!(
        (dyslexie["per_level"].clone(), dyslexie["unknown"].clone()),
        (json!([0, 0, 1]), json!(0)),
        "over locations with a profile"
    );
    let po2707 = body["swvs"].as_array().unwrap().iter().find(|s| s["code"] == "PO2707").unwrap().clone();
    assert_eq!(
        (po2707["locations"].clone(), po2707["profiles"].clone(), po2707["adopted"].clone(), po2707["gaps"].clone()),
        (json!(3), json!(1), json!(0), json!(0))
    );
    assert_eq!(po2707["unknown"], 11, "one profile of three locations answers one category: the rest is unknown");
    let page = app.http.get(app.at("/beheer/regio?jaar=2026-2027")).headers(platform.headers()).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    app.stop().await;
}

async fn coverage_json(app: &TestApp, who: &Login, path: String) -> Value {
    app.http.get(app.at(&path)).headers(who.headers()).send().await.unwrap().json().await.unwrap()
}

#[tokio::test]
async fn kernen_filter_the_matrix_and_measure_gaps() {
    let app = TestApp::spawn().await;
    let brug = app.user("dirk@brug.nl", "Dirk", &[(OrgKind::School, "04FZ", Role::Director)]).await;
    let brug = app.session_for(brug).await;
    let admin = app.user("anna@swv.nl", "Anna", &[(OrgKind::Swv, "PO2707", Role::SwvAdmin)]).await;
    let admin = app.session_for(admin).await;
    let staff = app.user("sanne@swv.nl", "Sanne", &[(OrgKind::Swv, "PO2707", Role::SwvStaff)]).await;
    let staff = app.session_for(staff).await;
    profile_with(&app, &brug, "04FZ", "04FZ00", &[("aanbod.dyslexie", "standaard")]).await;
    let put = |who: &Login, kernen: Value| {
        app.http
            .put(app.at("/api/v1/swvs/PO2707/kernen"))
            .headers(who.headers())
            .json(&json!({ "kernen": kernen }))
            .send()
    };

    // Staff read but do not change; a location of another SWV and a double placement are refused.
    let kernen =
        json!([{ "name": "Oost", "locations": ["04FZ00", "20XK00"] }, { "name": "West", "locations": ["04fz01"] }]);
    assert_eq!(put(&staff, kernen.clone()).await.unwrap().status(), StatusCode::FORBIDDEN);
    let foreign = json!([{ "name": "Oost", "locations": ["04FZ00", "00AA99"] }]);
    assert_eq!(put(&admin, foreign).await.unwrap().status(), StatusCode::BAD_REQUEST);
    let twice = json!([{ "name": "Oost", "locations": ["04FZ00"] }, { "name": "West", "locations": ["04FZ00"] }]);
    let refused = put(&admin, twice).await.unwrap();
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    assert!(refused.text().await.unwrap().contains("staat al in een andere kern"));
    assert_eq!(put(&admin, kernen).await.unwrap().status(), StatusCode::NO_CONTENT);

    let read: Value = app
        .http
        .get(app.at("/api/v1/swvs/PO2707/kernen"))
        .headers(staff.headers())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        read["kernen"],
        json!([{ "name": "Oost", "locations": ["04FZ00", "20XK00"] }, { "name": "West", "locations": ["04FZ01"] }])
    );

    let coverage =
        |query: &str| coverage_json(&app, &staff, format!("/api/v1/swvs/PO2707/coverage?year=2026-2027&{query}"));
    let oost = coverage("kern=Oost").await;
    let codes: Vec<&str> = oost["locations"].as_array().unwrap().iter().map(|l| l["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["04FZ00", "20XK00"]);
    // Per kern: Oost offers dyslexie at standaard (04FZ00), West has no
    // profile; the other 11 + 12 are unknown (no profile answers them).
    let by_kern = coverage("area=kern").await;
    assert_eq!(by_kern["gaps"], json!([]));
    let gaps: Vec<(String, String, i64)> = by_kern["unknown"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["area"].as_str().unwrap().into(),
                g["category"].as_str().unwrap().into(),
                g["locations"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(gaps.iter().filter(|g| g.0 == "Oost").count(), 11);
    assert!(gaps.iter().filter(|g| g.0 == "Oost").all(|g| g.1 != "dyslexie" && g.2 == 2));
    assert_eq!(gaps.iter().filter(|g| g.0 == "West" && g.2 == 1).count(), 12);

    // The form: a too long name is refused next to its locations and nothing is lost.
    let page =
        app.http.get(app.at("/samenwerkingsverbanden/PO2707/kernen")).headers(admin.headers()).send().await.unwrap();
    let html = page.text().await.unwrap();
    assert!(html.contains(r#"name="kern:04FZ01" value="West""#), "{html}");
    let long = "x".repeat(81);
    let form = [
        ("csrf_token", admin.csrf.as_str()),
        ("kern:04FZ00", "Oost"),
        ("kern:04FZ01", long.as_str()),
        ("kern:20XK00", "Oost"),
    ];
    let posted = app
        .http
        .post(app.at("/samenwerkingsverbanden/PO2707/kernen"))
        .headers(admin.headers())
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(posted.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = posted.text().await.unwrap();
    assert!(html.contains("maximaal 80") && html.contains(&format!(r#"value="{long}""#)), "{html}");
    let matrix = app
        .http
        .get(app.at("/samenwerkingsverbanden/PO2707/dekking?jaar=2026-2027&kern=West&gebied=kern"))
        .headers(staff.headers())
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(matrix.contains(r#"<option value="West" selected>West</option>"#), "{matrix}");
    app.stop().await;
}

#[tokio::test]
async fn generated_profiles_are_marked_counted_and_never_overwrite() {
    use passend_domain::generated::generate;
    use passend_domain::questionnaire::{SchoolYear, default_template};
    use passend_storage::generated::GeneratedRow;

    let app = TestApp::spawn().await;
    let brug = app.user("dirk@brug.nl", "Dirk", &[(OrgKind::School, "04FZ", Role::Director)]).await;
    let brug = app.session_for(brug).await;
    let staff = app.user("sanne@swv.nl", "Sanne", &[(OrgKind::Swv, "PO2707", Role::SwvStaff)]).await;
    let staff = app.session_for(staff).await;
    // The school's own profile of this year is kept.
    profile_with(&app, &brug, "04FZ", "04FZ00", &[("aanbod.dyslexie", "niet")]).await;

    let locations = app.db.sample_locations().await.unwrap();
    let mut written = 0;
    for age in 0..3u16 {
        let year = SchoolYear::starting(2026 - age);
        let profiles: Vec<_> = locations.iter().map(|(l, _)| generate(default_template(), l, year, age)).collect();
        let rows: Vec<GeneratedRow> = locations
            .iter()
            .zip(&profiles)
            .map(|((l, brin), p)| GeneratedRow {
                location_code: &l.code,
                brin,
                school_year: year.to_string(),
                profile: p,
            })
            .collect();
        written += app.db.insert_generated(&rows).await.unwrap();
    }
    assert_eq!(written, (locations.len() - 1) * 3, "every location × 3 years but the one with a profile of its own");
    assert_eq!(app.db.count_generated().await.unwrap(), written as i64);

    let body: Value = app
        .http
        .get(app.at("/api/v1/swvs/PO2707/coverage?year=2026-2027"))
        .headers(staff.headers())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let own = body["locations"].as_array().unwrap().iter().find(|l| l["code"] == "04FZ00").unwrap();
    assert_eq!((own["generated"].clone(), own["levels"]["dyslexie"].clone()), (json!(false), json!("niet")));
    let last_year: Value = app
        .http
        .get(app.at("/api/v1/swvs/PO2707/coverage?year=2025-2026"))
        .headers(staff.headers())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let own_last_year = last_year["locations"].as_array().unwrap().iter().find(|l| l["code"] == "04FZ00").unwrap();
    assert_eq!(own_last_year["state"], Value::Null, "no sample data beside a school's own profiles");
    let other = body["locations"].as_array().unwrap().iter().find(|l| l["code"] == "04FZ01").unwrap();
    assert_eq!(other["generated"], json!(true));
    assert_eq!(other["levels"].as_object().unwrap().len(), 12, "a generated profile answers every category");
    let html = app
        .http
        .get(app.at("/samenwerkingsverbanden/PO2707/dekking?jaar=2026-2027"))
        .headers(staff.headers())
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("(gegenereerd)"));

    // National scale needs the national files: on the small set the command refuses.
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_passend"))
        .args(["--database-url", &app.database_url, "demo", "--scale", "national"])
        .env("PASSEND_LOG", "warn")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(String::from_utf8_lossy(&output.stderr).contains("landelijke DUO-bestanden"));
    app.stop().await;
}

#[tokio::test]
async fn levels_of_profiles_from_before_they_were_kept_are_filled_in_by_the_migrations() {
    use sqlx::Connection;
    let app = TestApp::spawn().await;
    let brug = app.user("dirk@brug.nl", "Dirk", &[(OrgKind::School, "04FZ", Role::Director)]).await;
    let brug = app.session_for(brug).await;
    let staff = app.user("sanne@swv.nl", "Sanne", &[(OrgKind::Swv, "PO2707", Role::SwvStaff)]).await;
    let staff = app.session_for(staff).await;
    profile_with(&app, &brug, "04FZ", "04FZ00", &[("aanbod.dyslexie", "standaard"), ("aanbod.gedrag", "niet")]).await;
    let levels = || coverage_json(&app, &staff, "/api/v1/swvs/PO2707/coverage?year=2026-2027".to_owned());
    assert_eq!(levels().await["locations"][0]["levels"], json!({ "dyslexie": "standaard", "gedrag": "niet" }));
    // As a database from before migration 10 has them.
    let mut conn = sqlx::AnyConnection::connect(&app.database_url).await.unwrap();
    sqlx::query("UPDATE profiles SET offer_levels = NULL").execute(&mut conn).await.unwrap();
    conn.close().await.unwrap();
    assert_eq!(levels().await["locations"][0]["levels"], json!({}));
    passend_storage::migrations::run(&app.db).await.unwrap();
    assert_eq!(levels().await["locations"][0]["levels"], json!({ "dyslexie": "standaard", "gedrag": "niet" }));
    app.stop().await;
}
