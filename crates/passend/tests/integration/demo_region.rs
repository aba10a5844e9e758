//! The demo's SWV region: after the demo seeding the demo SWV's other
//! locations have generated profiles at different steps of the cycle, and
//! the demo school's own profiles are what the demo makes of them.

use std::collections::BTreeSet;
use std::time::Instant;

use passend_domain::accounts::Email;
use passend_domain::duo::parse_file;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::support::{Login, TestApp};

/// Forty more primary schools in the demo SWV (postcode area 1011 is PO2707's).
fn more_schools() -> String {
    let mut csv = String::from(
        "vestigingscode,brin_nummer,naam,type,denominatie,straat,huisnummer,huisletter,huisnummertoevoeging,postcode,plaats,gemeente,provincie,onderwijsgebied,internetadres,leerlingen,lat,lon\n",
    );
    for i in 50..90 {
        csv.push_str(&format!(
            "{i}DM00,{i}DM,Demoschool {i},basisschool,Openbaar,Straat,{i},,,1011AB,Amsterdam,AMSTERDAM,Noord-Holland,Amsterdam,,{},52.37,4.90\n",
            100 + i
        ));
    }
    csv
}

async fn coverage(app: &TestApp, who: &Login, year: &str) -> Vec<Value> {
    let url = app.at(&format!("/api/v1/swvs/PO2707/coverage?year={year}"));
    let answer = app.http.get(url).headers(who.headers()).send().await.unwrap();
    assert_eq!(answer.status(), StatusCode::OK);
    answer.json::<Value>().await.unwrap()["locations"].as_array().unwrap().clone()
}

fn of<'a>(locations: &'a [Value], code: &str) -> &'a Value {
    locations.iter().find(|l| l["code"] == code).unwrap_or_else(|| panic!("no {code}"))
}

#[tokio::test]
async fn the_demo_swv_has_generated_profiles_at_several_steps_beside_the_demo_schools_own() {
    let app = TestApp::spawn().await;
    let file = parse_file("meer_scholen.csv", more_schools().as_bytes()).unwrap();
    app.db.import_duo(&[file], &|_| {}).await.unwrap();

    let started = Instant::now();
    passend::demo::seed(&app.db, None).await.unwrap();
    eprintln!("demo seeding with 43 locations in the demo SWV: {} ms", started.elapsed().as_millis());

    let swv = app.db.user_by_email(&Email::parse("swv@passend.demo").unwrap()).await.unwrap().unwrap();
    let swv = app.session_for(swv.id).await;
    let this_year = passend_app::questionnaire::current_year();
    let now = coverage(&app, &swv, &this_year.to_string()).await;
    assert_eq!(now.len(), 43);

    // The demo school's locations keep to its own profiles: this year's draft, nothing generated.
    let own = of(&now, "04FZ00");
    assert_eq!((own["state"].clone(), own["generated"].clone()), (json!("concept"), json!(false)));
    assert_eq!(own["levels"]["dyslexie"], "standaard");
    assert_eq!(of(&now, "04FZ01")["state"], Value::Null, "the demo school's other location gets no sample");
    let last_year = coverage(&app, &swv, &this_year.previous().to_string()).await;
    let own_last = of(&last_year, "04FZ00");
    assert_eq!((own_last["state"].clone(), own_last["generated"].clone()), (json!("published"), json!(false)));
    assert_eq!(
        (own_last["levels"]["zien"].clone(), own_last["levels"]["medisch"].clone()),
        (json!("na_overleg"), json!("niet"))
    );
    assert_eq!(own_last["levels"].as_object().unwrap().len(), 12);

    // The other 41 locations: most have a profile this year, all generated, at several steps.
    let others: Vec<&Value> = now.iter().filter(|l| l["brin"] != "04FZ").collect();
    assert_eq!(others.len(), 41);
    let profiled: Vec<&&Value> = others.iter().filter(|l| !l["state"].is_null()).collect();
    assert!(profiled.len() >= 25, "only {} of 41 have a profile this year", profiled.len());
    assert!(profiled.len() < 41, "some have none");
    assert!(profiled.iter().all(|l| l["generated"] == true), "every sample profile is marked generated");
    let states: BTreeSet<&str> = profiled.iter().map(|l| l["state"].as_str().unwrap()).collect();
    assert!(states.len() >= 4, "this year's profiles are at several steps: {states:?}");
    assert!(states.contains("concept") && states.contains("published"), "{states:?}");
    let with_last_year = last_year.iter().filter(|l| l["brin"] != "04FZ" && !l["state"].is_null()).count();
    assert!(with_last_year > profiled.len(), "some schools have only last year's profile");

    // Every SWV page has something to show: the status board (overdue reviews, generated marks) and expertise.
    let board = app
        .http
        .get(app.at("/samenwerkingsverbanden/PO2707/status"))
        .headers(swv.headers())
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(board.contains("Herziening nodig sinds") && board.contains("(gegenereerd)"), "{board}");
    let expertise = app
        .http
        .get(app.at("/api/v1/swvs/PO2707/expertise"))
        .headers(swv.headers())
        .send()
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap();
    assert!(expertise["specialists"][0]["locations"].as_u64().unwrap() >= 20, "{expertise}");

    // Seeding again (every `serve --demo`) writes nothing new and leaves everything as it was.
    let before = app.db.count_generated().await.unwrap();
    let started = Instant::now();
    passend::demo::seed(&app.db, None).await.unwrap();
    eprintln!("demo seeding again: {} ms", started.elapsed().as_millis());
    assert_eq!(app.db.count_generated().await.unwrap(), before);
    assert_eq!(coverage(&app, &swv, &this_year.to_string()).await, now);
    app.stop().await;
}
