//! The questionnaire: respondents, consolidation, conflicts, copy-forward, SWV templates, bad input.

use passend_domain::access::Role;
use passend_domain::organisations::OrgKind;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::support::{Login, TestApp};

struct School {
    app: TestApp,
    director: Login,
    ib: Login,
    teachers: Vec<Login>,
}

async fn school() -> School {
    let app = TestApp::spawn().await;
    let director = app.user("dirk@brug.nl", "Dirk", &[(OrgKind::School, "04FZ", Role::Director)]).await;
    let ib = app.user("ilse@brug.nl", "Ilse", &[(OrgKind::School, "04FZ", Role::Ib)]).await;
    let an = app.user("an@brug.nl", "An", &[(OrgKind::School, "04FZ", Role::TeamMember)]).await;
    let bo = app.user("bo@brug.nl", "Bo", &[(OrgKind::School, "04FZ", Role::TeamMember)]).await;
    School {
        director: app.session_for(director).await,
        ib: app.session_for(ib).await,
        teachers: vec![app.session_for(an).await, app.session_for(bo).await],
        app,
    }
}

impl School {
    async fn start(&self, year: &str) -> i64 {
        self.app.start_profile(&self.director, "04FZ", "04FZ00", year).await
    }

    async fn put(&self, who: &Login, path: &str, body: Value) -> reqwest::Response {
        self.app.http.put(self.app.at(path)).headers(who.headers()).json(&body).send().await.unwrap()
    }

    async fn get(&self, who: &Login, path: &str) -> reqwest::Response {
        self.app.http.get(self.app.at(path)).headers(who.headers()).send().await.unwrap()
    }

    async fn answer(&self, id: i64, key: &str) -> Value {
        let answers: Value =
            self.get(&self.director, &format!("/api/v1/profiles/{id}/answers")).await.json().await.unwrap();
        answers.as_array().unwrap().iter().find(|a| a["item_key"] == key).cloned().unwrap()
    }
}

#[tokio::test]
async fn two_respondents_answer_and_the_coordinator_sees_the_spread() {
    let s = school().await;
    let id = s.start("2026-2027").await;
    let closed = s
        .put(
            &s.teachers[0],
            &format!("/api/v1/profiles/{id}/my-answers/aanbod.dyslexie"),
            json!({ "value": "standaard" }),
        )
        .await;
    assert_eq!(closed.status(), StatusCode::FORBIDDEN, "not before the coordinator opens it");
    assert_eq!(
        s.put(&s.director, &format!("/api/v1/profiles/{id}/team"), json!({ "open": true })).await.status(),
        StatusCode::NO_CONTENT
    );

    // An answers with the form (no JavaScript), Bo through the API (autosave).
    let an = &s.teachers[0];
    let posted = s
        .app
        .http
        .post(s.app.at(&format!("/profielen/{id}/vragenlijst/D")))
        .headers(an.headers())
        .form(&[
            ("csrf_token", an.csrf.as_str()),
            ("v:aanbod.dyslexie", "standaard"),
            ("n:aanbod.dyslexie", "Met een leesspecialist"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(posted.status(), StatusCode::SEE_OTHER);
    let reloaded = s.get(an, &format!("/profielen/{id}/vragenlijst/D")).await.text().await.unwrap();
    assert!(
        reloaded.contains("value=\"standaard\" checked") && reloaded.contains("Met een leesspecialist"),
        "the saved answer is shown"
    );
    let bo = &s.teachers[1];
    let saved =
        s.put(bo, &format!("/api/v1/profiles/{id}/my-answers/aanbod.dyslexie"), json!({ "value": "niet" })).await;
    assert_eq!(saved.status(), StatusCode::NO_CONTENT);

    let mine: Value = s.get(bo, &format!("/api/v1/profiles/{id}/my-answers")).await.json().await.unwrap();
    assert_eq!(mine.as_array().unwrap().len(), 1, "a respondent sees only their own answers");
    let spread = &s.answer(id, "aanbod.dyslexie").await["spread"];
    assert_eq!(spread["divergent"], true);
    assert_eq!(spread["entries"].as_array().unwrap().len(), 2);
    let teacher_view: Value = s.get(an, &format!("/api/v1/profiles/{id}/answers")).await.json().await.unwrap();
    assert!(teacher_view[0].get("spread").is_none(), "only coordinators see everyone's answers");

    let page = s.get(&s.ib, &format!("/profielen/{id}/schoolantwoord/D")).await.text().await.unwrap();
    assert!(
        page.contains("Het team is het niet eens.") && page.contains("1× Standaard") && page.contains("(An)"),
        "{page}"
    );

    let set = s
        .put(
            &s.ib,
            &format!("/api/v1/profiles/{id}/answers/aanbod.dyslexie"),
            json!({ "value": "standaard", "note": "Zo doen we het", "version": 0 }),
        )
        .await;
    assert_eq!(set.status(), StatusCode::OK);
    assert_eq!(set.json::<Value>().await.unwrap()["version"], 1);
    let composed = s.get(an, &format!("/profielen/{id}/profiel")).await.text().await.unwrap();
    assert!(composed.contains("Extra ondersteuning") && composed.contains("Zo doen we het"), "{composed}");
    s.app.stop().await;
}

#[tokio::test]
async fn a_conflicting_save_keeps_both_values_visible() {
    let s = school().await;
    let id = s.start("2026-2027").await;
    let path = format!("/api/v1/profiles/{id}/answers/visie.ondersteuning");
    assert_eq!(
        s.put(&s.director, &path, json!({ "value": "Eerste versie", "version": 0 })).await.status(),
        StatusCode::OK
    );
    // Both have version 1 on screen; the director saves first.
    assert_eq!(
        s.put(&s.director, &path, json!({ "value": "Versie van Dirk", "version": 1 })).await.status(),
        StatusCode::OK
    );
    let late = s.put(&s.ib, &path, json!({ "value": "Versie van Ilse", "version": 1 })).await;
    assert_eq!(late.status(), StatusCode::CONFLICT);
    let body: Value = late.json().await.unwrap();
    assert_eq!(body["current"]["shown"], "Versie van Dirk");
    assert_eq!(body["current"]["updated_by"], "Dirk");
    assert_eq!(s.answer(id, "visie.ondersteuning").await["value"], "Versie van Dirk", "never a silent overwrite");

    // Without JavaScript: the page shows the stored value and keeps Ilse's text.
    let ib = &s.ib;
    let page = s
        .app
        .http
        .post(s.app.at(&format!("/profielen/{id}/schoolantwoord/B")))
        .headers(ib.headers())
        .form(&[
            ("csrf_token", ib.csrf.as_str()),
            ("v:visie.ondersteuning", "Versie van Ilse"),
            ("ver:visie.ondersteuning", "1"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::CONFLICT);
    let html = page.text().await.unwrap();
    assert!(html.contains("Versie van Dirk") && html.contains(">Versie van Ilse</textarea>"), "{html}");
    assert!(html.contains("name=\"ver:visie.ondersteuning\" value=\"2\""), "saving again is a deliberate choice");
    // Choosing her own version: a save at the version she has now seen.
    assert_eq!(s.put(ib, &path, json!({ "value": "Versie van Ilse", "version": 2 })).await.status(), StatusCode::OK);
    assert_eq!(s.answer(id, "visie.ondersteuning").await["version"], 3);
    s.app.stop().await;
}

#[tokio::test]
async fn last_years_answers_are_copied_forward_until_confirmed() {
    let s = school().await;
    let last = s.start("2025-2026").await;
    for (key, body) in [
        ("aanbod.gedrag", json!({ "value": "na_overleg", "note": "Met de gedragsspecialist", "version": 0 })),
        ("visie.ondersteuning", json!({ "value": "Ieder kind telt.", "version": 0 })),
    ] {
        assert_eq!(
            s.put(&s.director, &format!("/api/v1/profiles/{last}/answers/{key}"), body).await.status(),
            StatusCode::OK
        );
    }
    let id = s.start("2026-2027").await;
    let copied = s.answer(id, "aanbod.gedrag").await;
    assert_eq!(
        (copied["from_last_year"].as_bool(), copied["note"].as_str()),
        (Some(true), Some("Met de gedragsspecialist"))
    );
    let pupils = s.answer(id, "typering.leerlingen").await;
    assert_eq!(
        (pupils["value"].as_i64(), pupils["from_last_year"].as_bool()),
        (Some(120), Some(false)),
        "DUO pre-fill"
    );
    let swv = s.answer(id, "typering.samenwerkingsverband").await;
    assert_eq!(swv["value"], "PO 27-07");

    let page = s.get(&s.director, &format!("/profielen/{id}/schoolantwoord/D")).await.text().await.unwrap();
    assert!(page.contains("Dit antwoord komt van vorig jaar."));
    let confirmed = s
        .app
        .http
        .post(s.app.at(&format!("/api/v1/profiles/{id}/answers/aanbod.gedrag/confirm")))
        .headers(s.director.headers())
        .json(&json!({ "version": 1 }))
        .send()
        .await
        .unwrap();
    assert_eq!(confirmed.status(), StatusCode::OK);
    let after = s.answer(id, "aanbod.gedrag").await;
    assert_eq!((after["from_last_year"].as_bool(), after["value"].as_str()), (Some(false), Some("na_overleg")));
    let overview = s.get(&s.director, &format!("/profielen/{id}")).await.text().await.unwrap();
    assert!(overview.contains("1 antwoord komt van vorig jaar"), "{overview}");
    s.app.stop().await;
}

#[tokio::test]
async fn an_swv_derived_template_keeps_shared_keys() {
    let s = school().await;
    let admin = s.app.user("sanne@swv.nl", "Sanne", &[(OrgKind::Swv, "PO2707", Role::SwvAdmin)]).await;
    let admin = s.app.session_for(admin).await;
    let variant = json!({
        "owner": "ignored",
        "changes": [
            { "key": "typering.concept", "hidden": true },
            { "key": "aanbod.dyslexie", "label": "Lezen en dyslexie", "choice_labels": [{ "key": "na_overleg", "label": "Met het arrangement" }] }
        ],
        "added": [{ "section": "I", "item": { "key": "swv.po2707.arrangement", "label": "Arrangement van het SWV?", "type": "yes_no" } }]
    });
    let path = "/api/v1/swvs/PO2707/templates/2026-2027";
    assert_eq!(s.put(&admin, path, variant).await.status(), StatusCode::NO_CONTENT);
    let bad = json!({ "owner": "PO2707", "added": [{ "section": "I", "item": { "key": "aanbod.eigen", "label": "X", "type": "yes_no" } }] });
    assert_eq!(
        s.put(&admin, path, bad).await.status(),
        StatusCode::BAD_REQUEST,
        "own items carry the SWV's key prefix"
    );
    assert_eq!(s.put(&s.director, path, json!({ "owner": "PO2707" })).await.status(), StatusCode::FORBIDDEN);
    let published =
        s.app.http.post(s.app.at(&format!("{path}/publish"))).headers(admin.headers()).send().await.unwrap();
    assert_eq!(published.status(), StatusCode::NO_CONTENT);

    let id = s.start("2026-2027").await;
    let profile: Value = s.get(&s.director, &format!("/api/v1/profiles/{id}")).await.json().await.unwrap();
    let items: Vec<&Value> = profile["template"]["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["items"].as_array().unwrap())
        .collect();
    let default: Value =
        s.app.http.get(s.app.at("/api/v1/templates/default")).send().await.unwrap().json().await.unwrap();
    for shared in default["sections"].as_array().unwrap().iter().flat_map(|s| s["items"].as_array().unwrap()) {
        assert!(items.iter().any(|i| i["key"] == shared["key"]), "{} kept", shared["key"]);
    }
    let dyslexie = items.iter().find(|i| i["key"] == "aanbod.dyslexie").unwrap();
    assert_eq!(dyslexie["label"], "Lezen en dyslexie");
    assert!(items.iter().any(|i| i["key"] == "typering.concept" && i["hidden"] == true));
    let page = s.get(&s.director, &format!("/profielen/{id}/schoolantwoord/I")).await.text().await.unwrap();
    assert!(page.contains("Arrangement van het SWV?"));
    let hidden = s.get(&s.director, &format!("/profielen/{id}/schoolantwoord/A")).await.text().await.unwrap();
    assert!(!hidden.contains("Onderwijsconcept"), "hidden items are not asked");
    s.app.stop().await;
}

#[tokio::test]
async fn bad_input_gets_its_message_and_leaves_the_saved_value() {
    let s = school().await;
    let id = s.start("2026-2027").await;
    let put = |key: &str, body: Value| {
        let path = format!("/api/v1/profiles/{id}/answers/{key}");
        let director = s.director.clone();
        let app = &s.app;
        async move { app.http.put(app.at(&path)).headers(director.headers()).json(&body).send().await.unwrap() }
    };
    assert_eq!(put("aanbod.dyslexie", json!({ "value": "standaard", "version": 0 })).await.status(), StatusCode::OK);
    assert_eq!(
        put("visie.ondersteuning", json!({ "value": "Goed verhaal", "version": 0 })).await.status(),
        StatusCode::OK
    );
    let version_of_pupils = s.answer(id, "typering.leerlingen").await["version"].as_i64().unwrap();
    let cases = [
        ("aanbod.dyslexie", json!({ "value": "misschien", "version": 1 }), "Kies een van de mogelijkheden."),
        (
            "typering.leerlingen",
            json!({ "value": "veel", "version": version_of_pupils }),
            "Vul een getal in, zonder letters.",
        ),
        (
            "typering.leerlingen",
            json!({ "value": 99999, "version": version_of_pupils }),
            "Vul een getal in van 0 tot en met 5000.",
        ),
        (
            "visie.ondersteuning",
            json!({ "value": "x".repeat(4001), "version": 1 }),
            "Dit is te lang: maximaal 4000 tekens.",
        ),
        (
            "aanbod.dyslexie",
            json!({ "value": "niet", "note": "y".repeat(1001), "version": 1 }),
            "Dit is te lang: maximaal 1000 tekens.",
        ),
        (
            "deskundigheid.aanwezig",
            json!({ "value": [{ "specialist": "IB", "dagdelen": "veel" }], "version": 0 }),
            "Vul bij \"Dagdelen per week\" een getal in, bijvoorbeeld 2 of 2,5.",
        ),
        ("ouders.steunpunt_vermeld", json!({ "value": "soms", "version": 0 }), "Kies ja of nee."),
    ];
    for (key, body, message) in cases {
        let response = put(key, body).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{key}");
        let error: Value = response.json().await.unwrap();
        assert_eq!(error["error"]["fields"][0]["message"], message, "{key}");
    }
    assert_eq!(s.answer(id, "aanbod.dyslexie").await["value"], "standaard");
    assert_eq!(s.answer(id, "visie.ondersteuning").await["value"], "Goed verhaal");
    assert_eq!(s.answer(id, "typering.leerlingen").await["value"], 120);

    // The same on the page: the message next to the field, what was typed kept, nothing else lost.
    let director = &s.director;
    let page = s
        .app
        .http
        .post(s.app.at(&format!("/profielen/{id}/schoolantwoord/A")))
        .headers(director.headers())
        .form(&[
            ("csrf_token", director.csrf.as_str()),
            ("v:typering.leerlingen", "veel"),
            ("ver:typering.leerlingen", &version_of_pupils.to_string()),
            ("v:typering.concept", "Dalton"),
            ("ver:typering.concept", "0"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = page.text().await.unwrap();
    assert!(html.contains("id=\"q-typering-leerlingen-error\"") && html.contains("value=\"veel\""), "{html}");
    assert_eq!(s.answer(id, "typering.leerlingen").await["value"], 120, "the invalid value did not replace it");
    assert_eq!(s.answer(id, "typering.concept").await["value"], "Dalton", "the valid field beside it was saved");

    // Script in free text stays text.
    assert_eq!(
        put("visie.ondersteuning", json!({ "value": "<script>alert(1)</script>", "version": 1 })).await.status(),
        StatusCode::OK
    );
    let composed = s.get(director, &format!("/profielen/{id}/profiel")).await.text().await.unwrap();
    let escaped = ["&lt;script&gt;alert(1)&lt;/script&gt;", "&#60;script&#62;alert(1)&#60;/script&#62;"];
    assert!(
        escaped.iter().any(|e| composed.contains(e)) && !composed.contains("<script>alert"),
        "rendered inert: {composed}"
    );
    let printable = s.get(director, &format!("/profielen/{id}/overzicht")).await.text().await.unwrap();
    assert!(printable.contains("Nog niet beantwoord"), "the printable overview shows what is empty");
    s.app.stop().await;
}

#[tokio::test]
async fn an_swv_admin_adapts_the_questionnaire_on_its_page() {
    let s = school().await;
    let admin = s.app.user("sanne@swv.nl", "Sanne", &[(OrgKind::Swv, "PO2707", Role::SwvAdmin)]).await;
    let admin = s.app.session_for(admin).await;
    let path = "/samenwerkingsverbanden/PO2707/vragenlijst/2026-2027";
    let page = s.get(&admin, path).await;
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.text().await.unwrap().contains("Er is nog geen eigen versie"));
    assert_eq!(s.get(&s.director, path).await.status(), StatusCode::FORBIDDEN, "only the SWV's admins");

    let post = |fields: Vec<(String, String)>| {
        let app = &s.app;
        let admin = admin.clone();
        async move {
            let mut form = vec![("csrf_token".to_owned(), admin.csrf.clone())];
            form.extend(fields);
            app.http.post(app.at(path)).headers(admin.headers()).form(&form).send().await.unwrap()
        }
    };
    let field = |k: &str, v: &str| (k.to_owned(), v.to_owned());
    let too_long =
        post(vec![field("label:aanbod.dyslexie", &"x".repeat(301)), field("hide:typering.concept", "1")]).await;
    assert_eq!(too_long.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(too_long.text().await.unwrap().contains("Dit is te lang: maximaal 300 tekens."));
    assert!(
        s.app
            .db
            .template_variant("PO2707", passend_domain::questionnaire::SchoolYear::parse("2026-2027").unwrap())
            .await
            .unwrap()
            .is_none(),
        "nothing saved"
    );

    let saved = post(vec![
        field("hide:typering.concept", "1"),
        field("label:aanbod.dyslexie", "Lezen en dyslexie"),
        field("choice:aanbod.dyslexie:na_overleg", "Met het arrangement"),
        field("label:visie.ondersteuning", "Onze visie op ondersteuning"),
        field("new_label", "Werkt de school met de onderwijszorgroute van het SWV?"),
        field("new_section", "E"),
        field("new_kind", "yes_no"),
    ])
    .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let html = s.get(&admin, path).await.text().await.unwrap();
    assert!(html.contains("swv.po2707.vraag1") && html.contains("nog niet gepubliceerd"), "{html}");
    let publish = s
        .app
        .http
        .post(s.app.at(&format!("{path}/publiceren")))
        .headers(admin.headers())
        .form(&[("csrf_token", admin.csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(publish.status(), StatusCode::SEE_OTHER);

    let id = s.start("2026-2027").await;
    let profile: Value = s.get(&s.director, &format!("/api/v1/profiles/{id}")).await.json().await.unwrap();
    let items: Vec<&Value> = profile["template"]["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["items"].as_array().unwrap())
        .collect();
    let dyslexie = items.iter().find(|i| i["key"] == "aanbod.dyslexie").unwrap();
    assert_eq!(dyslexie["label"], "Lezen en dyslexie");
    assert_eq!(dyslexie["levels"][1]["label"], "Met het arrangement");
    let vision = items.iter().find(|i| i["key"] == "visie.ondersteuning").unwrap();
    assert_eq!(vision["label"], "Onze visie op ondersteuning", "the label without the default's text is a change");
    assert!(items.iter().any(|i| i["key"] == "typering.concept" && i["hidden"] == true));
    assert!(items.iter().any(|i| i["key"] == "swv.po2707.vraag1" && i["type"] == "yes_no"));
    let unchanged = items.iter().find(|i| i["key"] == "aanbod.gedrag").unwrap();
    assert_eq!(unchanged["levels"][1]["label"], "Na overleg of met het samenwerkingsverband");
    s.app.stop().await;
}

#[tokio::test]
async fn every_answer_read_can_be_written_back_unchanged() {
    let s = school().await;
    let id = s.start("2026-2027").await;
    for (key, value) in [
        ("aanbod.dyslexie", json!("standaard")),
        ("visie.ondersteuning", json!("Ieder kind telt.")),
        ("ouders.steunpunt_vermeld", json!(true)),
        ("deskundigheid.aanwezig", json!([{ "specialist": "IB", "dagdelen": "2,5" }])),
    ] {
        let path = format!("/api/v1/profiles/{id}/answers/{key}");
        let saved = s.put(&s.director, &path, json!({ "value": value, "note": "Zo", "version": 0 })).await;
        assert_eq!(saved.status(), StatusCode::OK, "{key}");
    }
    let read: Value = s.get(&s.director, &format!("/api/v1/profiles/{id}/answers")).await.json().await.unwrap();
    let answered: Vec<&Value> = read.as_array().unwrap().iter().filter(|a| !a["value"].is_null()).collect();
    // The four above and DUO's pre-fills (pupils, SWV, denomination …).
    assert!(answered.len() >= 6, "{answered:?}");
    for answer in answered {
        let key = answer["item_key"].as_str().unwrap();
        let body = json!({ "value": answer["value"], "note": answer["note"], "version": answer["version"] });
        let again = s.put(&s.director, &format!("/api/v1/profiles/{id}/answers/{key}"), body).await;
        assert_eq!(again.status(), StatusCode::OK, "{key}: {}", again.text().await.unwrap());
        let after = s.answer(id, key).await;
        assert_eq!((&after["value"], &after["note"]), (&answer["value"], &answer["note"]), "{key}");
        assert_eq!(after["version"].as_i64(), answer["version"].as_i64().map(|v| v + 1), "{key}");
    }
    s.app.stop().await;
}

impl School {
    async fn post_form(&self, who: &Login, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        let mut form = vec![("csrf_token", who.csrf.as_str())];
        form.extend_from_slice(fields);
        self.app.http.post(self.app.at(path)).headers(who.headers()).form(&form).send().await.unwrap()
    }

    /// A profile for 2026-2027 with last year's answers to three items of
    /// section D and one of B copied, unconfirmed.
    async fn with_copied_answers(&self) -> i64 {
        let last = self.start("2025-2026").await;
        for (key, value) in [
            ("aanbod.dyslexie", "standaard"),
            ("aanbod.gedrag", "na_overleg"),
            ("aanbod.leren", "standaard"),
            ("visie.ondersteuning", "Ieder kind telt."),
        ] {
            let path = format!("/api/v1/profiles/{last}/answers/{key}");
            let saved = self.put(&self.director, &path, json!({ "value": value, "version": 0 })).await;
            assert_eq!(saved.status(), StatusCode::OK);
        }
        self.start("2026-2027").await
    }
}

#[tokio::test]
async fn every_copied_answer_of_a_section_is_confirmed_at_once_and_logged() {
    let s = school().await;
    let id = s.with_copied_answers().await;
    let page = s.get(&s.director, &format!("/profielen/{id}/schoolantwoord/D")).await.text().await.unwrap();
    assert!(
        page.contains("In dit onderdeel komen 3 antwoorden nog van vorig jaar.")
            && page.contains("name=\"bevestig-alles\"")
    );
    let confirm = |who: &Login, section: &str| {
        s.app
            .http
            .post(s.app.at(&format!("/api/v1/profiles/{id}/sections/{section}/confirm")))
            .headers(who.headers())
            .send()
    };
    assert_eq!(confirm(&s.teachers[0], "D").await.unwrap().status(), StatusCode::FORBIDDEN);
    assert_eq!(confirm(&s.director, "Z").await.unwrap().status(), StatusCode::NOT_FOUND);

    let done = confirm(&s.ib, "D").await.unwrap();
    assert_eq!(done.status(), StatusCode::OK);
    let done: Value = done.json().await.unwrap();
    let mut keys: Vec<(&str, i64)> = done["confirmed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["item_key"].as_str().unwrap(), c["version"].as_i64().unwrap()))
        .collect();
    keys.sort();
    assert_eq!(
        keys,
        [("aanbod.dyslexie", 2), ("aanbod.gedrag", 2), ("aanbod.leren", 2)],
        "one request, the whole section"
    );
    for key in ["aanbod.dyslexie", "aanbod.gedrag", "aanbod.leren"] {
        let answer = s.answer(id, key).await;
        assert_eq!((answer["from_last_year"].as_bool(), answer["updated_by"].as_str()), (Some(false), Some("Ilse")));
    }
    assert_eq!(s.answer(id, "visie.ondersteuning").await["from_last_year"], true, "other sections stay as they are");
    let again: Value = confirm(&s.ib, "D").await.unwrap().json().await.unwrap();
    assert_eq!(again["confirmed"], json!([]), "nothing left to confirm");

    let lifecycle: Value = s.get(&s.director, &format!("/api/v1/profiles/{id}/lifecycle")).await.json().await.unwrap();
    let log: Vec<(&str, &str, &str)> = lifecycle["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| (h["step"].as_str().unwrap(), h["detail"].as_str().unwrap_or(""), h["by"].as_str().unwrap()))
        .collect();
    assert_eq!(log, [("confirm_section", "D:3", "Ilse")], "logged once, with the count");
    assert_eq!(lifecycle["unconfirmed"], 1);
    let steps = s.get(&s.director, &format!("/profielen/{id}/stappen")).await.text().await.unwrap();
    assert!(steps.contains("Onderdeel D: 3 antwoorden van vorig jaar bevestigd"), "{steps}");

    // Without JavaScript: the button in the section's form saves it and confirms the rest.
    let posted = s
        .post_form(
            &s.director,
            &format!("/profielen/{id}/schoolantwoord/B"),
            &[
                ("p:visie.ondersteuning", "1"),
                ("v:visie.ondersteuning", "Ieder kind telt."),
                ("ver:visie.ondersteuning", "1"),
                ("bevestig-alles", "ja"),
            ],
        )
        .await;
    assert_eq!(posted.status(), StatusCode::SEE_OTHER);
    assert!(posted.headers()["location"].to_str().unwrap().ends_with("?melding=bevestigd#bevestig-alles"));
    assert_eq!(s.answer(id, "visie.ondersteuning").await["from_last_year"], false);
    s.app.stop().await;
}

#[tokio::test]
async fn a_single_confirmation_keeps_the_readers_place() {
    let s = school().await;
    let id = s.with_copied_answers().await;
    let page = s.get(&s.director, &format!("/profielen/{id}/schoolantwoord/D")).await.text().await.unwrap();
    assert!(page.contains("<legend id=\"item-aanbod-gedrag\">"), "each item has its anchor");
    assert!(
        page.contains(&format!("data-confirm-section=\"/api/v1/profiles/{id}/sections/D/confirm\"")),
        "the script's way"
    );
    let first_submit = page.find("type=\"submit\"").unwrap();
    assert!(!page[first_submit - 120..first_submit + 80].contains("bevestig"), "Enter saves; it never confirms");

    // Without JavaScript: the form's button confirms one answer and returns to it.
    let posted = s
        .post_form(
            &s.director,
            &format!("/profielen/{id}/schoolantwoord/D"),
            &[
                ("p:aanbod.gedrag", "1"),
                ("v:aanbod.gedrag", "na_overleg"),
                ("ver:aanbod.gedrag", "1"),
                ("bevestig", "aanbod.gedrag"),
            ],
        )
        .await;
    assert_eq!(posted.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        posted.headers()["location"].to_str().unwrap(),
        format!("/profielen/{id}/schoolantwoord/D?melding=bevestigd#item-aanbod-gedrag")
    );
    let gedrag = s.answer(id, "aanbod.gedrag").await;
    assert_eq!((gedrag["from_last_year"].as_bool(), gedrag["version"].as_i64()), (Some(false), Some(2)));
    assert_eq!(s.answer(id, "aanbod.dyslexie").await["from_last_year"], true, "only the one confirmed");
    let script = s.get(&s.director, "/static/passend.js").await.text().await.unwrap();
    assert!(script.contains("form[data-confirm-section]") && script.contains("/confirm`"), "the enhancement is served");
    s.app.stop().await;
}

#[tokio::test]
async fn the_director_reads_each_answer_with_its_note_and_takes_one_over() {
    let s = school().await;
    let id = s.start("2026-2027").await;
    assert_eq!(
        s.put(&s.director, &format!("/api/v1/profiles/{id}/team"), json!({ "open": true })).await.status(),
        StatusCode::NO_CONTENT
    );
    let (an, bo) = (&s.teachers[0], &s.teachers[1]);
    for (who, value, note) in [
        (an, "standaard", "Met Sprongen Vooruit in groep 5 tot 8"),
        (bo, "na_overleg", "Kanjertraining helpt, maar dit is maatwerk"),
    ] {
        let path = format!("/api/v1/profiles/{id}/my-answers/aanbod.dyscalculie");
        let saved = s.put(who, &path, json!({ "value": value, "note": note })).await;
        assert_eq!(saved.status(), StatusCode::NO_CONTENT);
    }
    let story = json!({ "value": "Wij werken handelingsgericht met het hele team." });
    assert_eq!(
        s.put(an, &format!("/api/v1/profiles/{id}/my-answers/visie.ondersteuning"), story).await.status(),
        StatusCode::NO_CONTENT
    );

    let page = s.get(&s.director, &format!("/profielen/{id}/schoolantwoord/D")).await.text().await.unwrap();
    for shown in [
        "Met Sprongen Vooruit in groep 5 tot 8",
        "Kanjertraining helpt, maar dit is maatwerk",
        "<strong>An:</strong>",
        "<strong>Bo:</strong>",
    ] {
        assert!(page.contains(shown), "{shown} on the page: {page}");
    }
    let page_b = s.get(&s.director, &format!("/profielen/{id}/schoolantwoord/B")).await.text().await.unwrap();
    assert!(page_b.contains("Wij werken handelingsgericht met het hele team."), "a respondent's text");

    let spread = &s.answer(id, "aanbod.dyscalculie").await["spread"];
    let bo_answer = spread["answers"].as_array().unwrap().iter().find(|a| a["respondent"] == "Bo").unwrap().clone();
    assert_eq!(bo_answer["note"], "Kanjertraining helpt, maar dit is maatwerk");
    let bo_id = bo_answer["respondent_id"].as_i64().unwrap();
    let an_id =
        spread["answers"].as_array().unwrap().iter().find(|a| a["respondent"] == "An").unwrap()["respondent_id"]
            .as_i64()
            .unwrap();

    // Through the page (no JavaScript): Bo's answer with its note becomes the school's; back at the item.
    let taken = s
        .post_form(
            &s.director,
            &format!("/profielen/{id}/schoolantwoord/D"),
            &[
                ("p:aanbod.dyscalculie", "1"),
                ("ver:aanbod.dyscalculie", "0"),
                ("neem-over", &format!("aanbod.dyscalculie|{bo_id}")),
            ],
        )
        .await;
    assert_eq!(taken.status(), StatusCode::SEE_OTHER);
    assert!(taken.headers()["location"].to_str().unwrap().ends_with("#item-aanbod-dyscalculie"));
    let school = s.answer(id, "aanbod.dyscalculie").await;
    assert_eq!(
        (school["value"].as_str(), school["note"].as_str(), school["version"].as_i64()),
        (Some("na_overleg"), Some("Kanjertraining helpt, maar dit is maatwerk"), Some(1))
    );

    // The API, under the same version rule: a stale version is a conflict that changes nothing.
    let take_over = |respondent: i64, version: i64| {
        s.app
            .http
            .post(s.app.at(&format!("/api/v1/profiles/{id}/answers/aanbod.dyscalculie/take-over")))
            .headers(s.ib.headers())
            .json(&json!({ "respondent": respondent, "version": version }))
            .send()
    };
    let stale = take_over(an_id, 0).await.unwrap();
    assert_eq!(stale.status(), StatusCode::CONFLICT);
    assert_eq!(stale.json::<Value>().await.unwrap()["current"]["note"], "Kanjertraining helpt, maar dit is maatwerk");
    assert_eq!(s.answer(id, "aanbod.dyscalculie").await["value"], "na_overleg", "never a silent overwrite");
    let fresh = take_over(an_id, 1).await.unwrap();
    assert_eq!(fresh.status(), StatusCode::OK);
    assert_eq!(fresh.json::<Value>().await.unwrap()["version"], 2);
    assert_eq!(s.answer(id, "aanbod.dyscalculie").await["note"], "Met Sprongen Vooruit in groep 5 tot 8");
    assert_eq!(take_over(NOBODY, 2).await.unwrap().status(), StatusCode::NOT_FOUND, "nobody's answer");
    let by_teacher = s
        .app
        .http
        .post(s.app.at(&format!("/api/v1/profiles/{id}/answers/aanbod.dyscalculie/take-over")))
        .headers(an.headers())
        .json(&json!({ "respondent": bo_id, "version": 2 }))
        .send()
        .await
        .unwrap();
    assert_eq!(by_teacher.status(), StatusCode::FORBIDDEN);
    s.app.stop().await;
}

/// An account id no one has.
const NOBODY: i64 = 987_654;
