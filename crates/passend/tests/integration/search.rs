//! The one search of the home page and `/scholen` (`GET /api/v1/locations?q=`):
//! a postcode, code, kind of support or name, each leading to the published
//! parent version where there is one; and names shown as people write them.

use passend_domain::access::Role;
use passend_domain::organisations::OrgKind;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::support::{Login, TestApp};

/// The small fixtures, with 04FZ00 (De Brug, 1011AB Amsterdam) published
/// offering dyslexia support as standard; its other location 04FZ01 has no
/// profile.
async fn published() -> TestApp {
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
    let saved = app
        .http
        .put(app.at(&format!("/api/v1/profiles/{id}/answers/aanbod.dyslexie")))
        .headers(director.headers())
        .json(&json!({ "value": "standaard", "version": 0 }))
        .send()
        .await
        .unwrap();
    assert_eq!(saved.status(), StatusCode::OK);
    for (who, body) in [
        (&director, json!({ "step": "ask_mr_advice" })),
        (&mr, json!({ "step": "record_advice", "verdict": "positive", "advice": "Helder.", "date": "2026-06-01" })),
        (&board, json!({ "step": "adopt", "date": "15-6-2026", "confirmed": true })),
        (&director, json!({ "step": "publish", "confirmed": true })),
    ] {
        app.take_step(who, id, body).await;
    }
    app
}

async fn find(app: &TestApp, q: &str) -> Value {
    let response = app.http.get(app.at("/api/v1/locations")).query(&[("q", q)]).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{q}");
    response.json().await.unwrap()
}

fn codes(found: &Value) -> Vec<&str> {
    found["results"].as_array().unwrap().iter().map(|r| r["code"].as_str().unwrap()).collect()
}

async fn page(app: &TestApp, path: &str) -> String {
    let response = app.http.get(app.at(path)).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    response.text().await.unwrap()
}

#[tokio::test]
async fn a_postcode_finds_the_nearest_locations_with_their_parent_pages() {
    let app = published().await;
    for q in ["1011", "1011AB", "1011 ab", " 1011 AB "] {
        let found = find(&app, q).await;
        assert_eq!(found["understood"]["kind"], "postcode", "{q}: {found}");
        // Nearest first; Rotterdam and The Hague lie far beyond 10 km.
        assert_eq!(codes(&found), ["04FZ00", "04FZ01", "20XK00"], "{q}: {found}");
        let first = &found["results"][0];
        assert!(first["km"].as_f64().unwrap() < 1.0, "{first}");
        assert_eq!(first["parent_page"], "/scholen/04FZ00/ouders");
        assert_eq!(first["profile_page"], "/scholen/04FZ00");
        assert_eq!(first["public_year"], "2026-2027");
        assert_eq!(first["municipality"], "Amsterdam", "not DUO's capitals");
        let km: Vec<f64> = found["results"].as_array().unwrap().iter().map(|r| r["km"].as_f64().unwrap()).collect();
        assert!(km.windows(2).all(|w| w[0] <= w[1]), "{km:?}");
        // A location without a published profile links to its school's page only.
        assert_eq!(found["results"][1]["parent_page"], Value::Null);
        assert_eq!(found["results"][1]["school_page"], "/scholen/04FZ#loc-04FZ01");
    }
    assert_eq!(find(&app, "1011 ab").await["understood"]["postcode"], "1011 AB");
    // A full postcode is placed at the location that has it.
    let exact = find(&app, "1012AB").await;
    assert_eq!(exact["results"][0]["code"], "04FZ01");
    assert!(exact["results"][0]["km"].as_f64().unwrap() < 0.01, "{exact}");
    // A postcode far from every school: said so, nothing listed.
    let nowhere = find(&app, "9999").await;
    assert_eq!((nowhere["unknown_postcode"].as_bool(), nowhere["count"].as_u64()), (Some(true), Some(0)));

    let html = page(&app, "/scholen?q=1011").await;
    assert!(html.contains("3 vestigingen binnen 10 km van 1011, de dichtstbijzijnde eerst"), "{html}");
    assert!(html.contains(r#"<a href="/scholen/04FZ00/ouders">De Brug</a>"#), "{html}");
    assert!(html.contains("0,0 km") && html.contains("Nog geen gepubliceerd ondersteuningsprofiel"), "{html}");
    let html = page(&app, "/scholen?q=9999").await;
    assert!(html.contains("Bij postcode 9999 kennen we geen scholen."), "{html}");
    let english = app
        .http
        .get(app.at("/scholen?q=1011"))
        .header("accept-language", "en")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(english.contains(r#"href="/scholen/04FZ00/ouders?taal=en""#) && english.contains("0.0 km"), "{english}");
    app.stop().await;
}

#[tokio::test]
async fn a_kind_of_support_finds_the_locations_that_offer_it() {
    let app = published().await;
    let found = find(&app, "dyslexie").await;
    assert_eq!(found["understood"]["kind"], "topic");
    assert_eq!(found["understood"]["category"], "dyslexie");
    assert_eq!(codes(&found), ["04FZ00"]);
    assert_eq!(found["results"][0]["level"], "standaard");
    assert_eq!(found["results"][0]["km"], Value::Null);
    assert_eq!(found["results"][0]["parent_page"], "/scholen/04FZ00/ouders");

    // Near a postcode: with the distance.
    let near = find(&app, "dyslexie 1013CD").await;
    assert_eq!(near["understood"]["postcode"], "1013 CD");
    assert!(near["results"][0]["km"].as_f64().unwrap() < 3.0, "{near}");
    // In a place: only there.
    assert_eq!(codes(&find(&app, "school met dyslexie in Amsterdam").await), ["04FZ00"]);
    let elsewhere = find(&app, "dyslexie Rotterdam").await;
    assert_eq!((elsewhere["understood"]["place"].as_str(), elsewhere["count"].as_u64()), (Some("rotterdam"), Some(0)));
    // A kind of support nobody has answered, or has published, finds nothing.
    assert_eq!(find(&app, "dyscalculie").await["count"], 0);

    let html = page(&app, "/scholen?q=Dyslexie").await;
    assert!(html.contains("1 vestiging biedt ondersteuning bij dyslexie"), "{html}");
    assert!(html.contains("Dyslexie: standaard") && html.contains(r#"href="/scholen/04FZ00/ouders""#), "{html}");
    let html = page(&app, "/scholen?q=dyslexie%20in%20amsterdam%201011").await;
    assert!(html.contains("De dichtstbijzijnde bij 1011 eerst.") && html.contains("In of bij Amsterdam."), "{html}");
    let html = page(&app, "/scholen?q=dyscalculie%201011").await;
    assert!(html.contains("Geen school met een gepubliceerd profiel biedt ondersteuning bij dyscalculie"), "{html}");
    app.stop().await;
}

#[tokio::test]
async fn codes_names_and_places_find_locations() {
    let app = published().await;
    let school = find(&app, "04fz").await;
    assert_eq!((school["understood"]["kind"].as_str(), codes(&school)), (Some("school"), vec!["04FZ00", "04FZ01"]));
    let location = find(&app, "04FZ01").await;
    assert_eq!((location["understood"]["kind"].as_str(), codes(&location)), (Some("location"), vec!["04FZ01"]));

    let name = find(&app, "brug").await;
    assert_eq!((name["understood"]["kind"].as_str(), codes(&name)), (Some("text"), vec!["04FZ00", "04FZ01"]));
    assert_eq!(codes(&find(&app, "Kompas").await), ["20XK00"]);
    // A place or a municipality, as people write it.
    assert_eq!(codes(&find(&app, "amsterdam").await).len(), 3);
    let hague = find(&app, "gravenhage").await;
    assert_eq!(codes(&hague), ["32DD00"]);
    assert_eq!(hague["results"][0]["municipality"], "'s-Gravenhage", "{hague}");
    assert_eq!(codes(&find(&app, "West Betuwe").await), ["13EU00"]);
    assert_eq!(find(&app, "Nergensdorp").await["count"], 0);

    // Too short: a 400 in the API, a message next to the field on the page.
    let short = app.http.get(app.at("/api/v1/locations?q=a")).send().await.unwrap();
    assert_eq!(short.status(), StatusCode::BAD_REQUEST);
    let html = page(&app, "/scholen?q=a").await;
    assert!(html.contains(r#"id="q-error""#) && html.contains("Typ minstens twee tekens."), "{html}");
    let html = page(&app, "/scholen?q=brug").await;
    assert!(html.contains("2 vestigingen gevonden") && html.contains(r#"href="/scholen/04FZ#loc-04FZ01""#), "{html}");
    app.stop().await;
}

#[tokio::test]
async fn every_entrance_leads_to_the_published_profile() {
    let app = published().await;
    let home = page(&app, "/").await;
    assert!(home.contains(r#"action="/scholen""#) && home.contains(r#"href="/zoeken""#), "{home}");
    assert!(home.contains("Zoek een school op naam, plaats, postcode of ondersteuning"), "{home}");

    // The school's page links each location to its published profile.
    let school = page(&app, "/scholen/04FZ").await;
    assert!(school.contains(r#"href="/scholen/04FZ00/ouders""#), "{school}");
    assert!(school.contains(r#"href="/scholen/04FZ00""#) && school.contains("Ondersteuningsprofiel 2026-2027"));
    assert!(school.contains("Nog geen gepubliceerd ondersteuningsprofiel"), "04FZ01 has none");
    assert!(school.contains("<dd>Amsterdam</dd>") && !school.contains("<dd>AMSTERDAM</dd>"), "{school}");

    // The parents' search by support: no SWV code to fill in, a clear level label.
    let search = page(&app, "/zoeken").await;
    assert!(!search.contains(r#"name="swv""#) && search.contains("Hoe biedt de school het aan?"), "{search}");
    assert!(!search.contains("Hoeveel?"));
    // The API keeps its SWV parameter.
    let by_swv: Value = app
        .http
        .get(app.at("/api/v1/open/search?swv=PO2707&onderwerp=dyslexie"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(by_swv["results"][0]["code"], "04FZ00", "{by_swv}");
    assert_eq!(by_swv["results"][0]["municipality"], "Amsterdam");
    // A municipality as its people write it finds DUO's capitals.
    let by_name: Value = app
        .http
        .get(app.at("/api/v1/open/search?gemeente=Amsterdam&onderwerp=dyslexie"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(by_name["count"], 1);
    app.stop().await;
}

#[tokio::test]
async fn the_coverage_filters_name_sectors_and_municipalities() {
    let app = TestApp::spawn().await;
    let staff = app.user("sanne@swv.nl", "Sanne", &[(OrgKind::Swv, "PO2707", Role::SwvStaff)]).await;
    let staff = app.session_for(staff).await;
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
    assert!(html.contains(">Speciaal basisonderwijs</option>") && !html.contains(">sbo</option>"), "{html}");
    assert!(html.contains(">Speciaal en voortgezet speciaal onderwijs</option>"), "{html}");
    assert!(html.contains(">Amsterdam</option>") && !html.contains(">AMSTERDAM</option>"), "{html}");
    app.stop().await;
}
