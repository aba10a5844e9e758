//! Tenancy: walks every route of the application (from the same route tables
//! the router is built from) for every role in tenant A and proves that tenant
//! B's non-public data can be neither read nor changed.
//!
//! Tenant A: SWV PO2707, school 04FZ, board 41234. Tenant B: SWV PO2815,
//! school 32DD, board 50001. Everything private of B carries the marker
//! `geheim-b`; no response to A may contain it, and B's members, invitations
//! and details must be the same after the walk.

use std::collections::BTreeMap;

use passend_domain::access::{Actor, Role, view_org};
use passend_domain::organisations::{OrgKind, OrgRef};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::{Login, TestApp};

const MARKER: &str = "geheim-b";

struct TenantB {
    membership_id: i64,
    invitation_id: i64,
    mail_id: i64,
    profile_id: i64,
    survey_id: i64,
    conversation_id: i64,
    agreement_id: i64,
    scan_id: i64,
    /// An activity of B's SWV (PO2815) with one participant.
    activity_id: i64,
    registration_id: i64,
}

/// Everything of B that must not change.
async fn state_of_b(app: &TestApp) -> String {
    let reader = app
        .db
        .user_by_email(&passend_domain::accounts::Email::parse("platform@passend.test").unwrap())
        .await
        .unwrap()
        .unwrap();
    let actor = Actor::new(reader.id, app.db.memberships_of(reader.id).await.unwrap());
    let mut out = String::new();
    for org in [
        OrgRef { kind: OrgKind::School, code: "32DD".into() },
        OrgRef { kind: OrgKind::Swv, code: "PO2815".into() },
        OrgRef { kind: OrgKind::Board, code: "50001".into() },
    ] {
        let ctx = app.db.org_context(&org).await.unwrap().unwrap();
        let view = view_org(&actor, &org, &ctx).unwrap();
        let members: Vec<_> = app.db.members_of(&view).await.unwrap().into_iter().map(|m| (m.email, m.role)).collect();
        let invitations: Vec<_> =
            app.db.pending_invitations(&view).await.unwrap().into_iter().map(|i| (i.email, i.role)).collect();
        out.push_str(&format!("{org:?} {members:?} {invitations:?}\n"));
    }
    out.push_str(&format!("{:?}", app.db.swv("PO2815").await.unwrap().unwrap().details));
    out.push_str(&format!("{:?}", app.db.location("32DD00").await.unwrap().unwrap().contact()));
    out
}

async fn set_up_tenant_b(app: &TestApp) -> TenantB {
    let director =
        app.user("geheim-b-directeur@b.test", "Bertha geheim-b", &[(OrgKind::School, "32DD", Role::Director)]).await;
    app.user("geheim-b-mr@b.test", "Mr geheim-b", &[(OrgKind::School, "32DD", Role::MrMember)]).await;
    let swv_admin = app.user("geheim-b-swv@b.test", "Swv geheim-b", &[(OrgKind::Swv, "PO2815", Role::SwvAdmin)]).await;
    app.user("geheim-b-bestuur@b.test", "Bestuur geheim-b", &[(OrgKind::Board, "50001", Role::BoardMember)]).await;
    let login = app.session_for(director).await;
    let invited: Value = app
        .http
        .post(app.at("/api/v1/organisations/school/32DD/invitations"))
        .headers(login.headers())
        .json(&json!({ "email": "geheim-b-uitgenodigd@b.test", "role": "team_member" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let members: Value = app
        .http
        .get(app.at("/api/v1/organisations/school/32DD/members"))
        .headers(login.headers())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let mail_id = crate::support::mails_to(&app.db, "geheim-b-uitgenodigd@b.test").await[0].id;
    let started: Value = app
        .http
        .post(app.at("/api/v1/schools/32DD/profiles"))
        .headers(login.headers())
        .json(&json!({ "location": "32DD00", "school_year": "2026-2027" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let profile_id = started["id"].as_i64().expect("B's profile");
    for (path, body) in [
        (
            format!("/api/v1/profiles/{profile_id}/answers/aanbod.dyslexie"),
            json!({ "value": "standaard", "note": "geheim-b toelichting", "version": 0 }),
        ),
        (
            format!("/api/v1/profiles/{profile_id}/my-answers/aanbod.gedrag"),
            json!({ "value": "niet", "note": "geheim-b eigen antwoord" }),
        ),
    ] {
        let saved = app.http.put(app.at(&path)).headers(login.headers()).json(&body).send().await.unwrap();
        assert!(saved.status().is_success(), "{path}: {}", saved.status());
    }
    let survey: Value = app
        .http
        .post(app.at(&format!("/api/v1/profiles/{profile_id}/surveys")))
        .headers(login.headers())
        .json(&json!({ "kind": "evaluation", "audience": "parents" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    // A parent of B who wants to think along leaves contact details.
    let code = survey["survey"]["link_code"].as_str().expect("B's survey link");
    let answered = app
        .http
        .post(app.at(&format!("/api/v1/surveys/{code}/responses")))
        .json(&json!({
            "answers": { "meedenken": "ja", "tevreden": "geheim-b opmerking" },
            "contact": { "name": "Ouder geheim-b", "email": "geheim-b@ouders.test", "phone": "06 11112222", "consent": true }
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(answered.status(), StatusCode::CREATED, "B's parent answers");
    let (activity_id, registration_id) = activity_of_b(app).await;
    let scan: Value = app
        .http
        .post(app.at("/api/v1/schools/32DD/scans"))
        .headers(login.headers())
        .json(&json!({ "location_code": "32DD00", "groups": ["team", "parents"] }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    // B's SWV holds its yearly conversation with B's school, with an agreement.
    let swv_login = app.session_for(swv_admin).await;
    let planned: Value = app
        .http
        .post(app.at("/api/v1/swvs/PO2815/conversations?year=2026-2027"))
        .headers(swv_login.headers())
        .json(&json!({ "location": "32DD00", "date": "2027-03-01", "time": "10:00", "minutes": 60,
            "place": "geheim-b kamer", "consultant": "Consulent geheim-b", "attendees": [] }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let conversation_id = planned["id"].as_i64().expect("B's conversation");
    let prepared = app
        .http
        .put(app.at(&format!("/api/v1/conversations/{conversation_id}/answers/speerpunten")))
        .headers(login.headers())
        .json(&json!({ "value": "geheim-b speerpunt", "version": 0 }))
        .send()
        .await
        .unwrap();
    assert_eq!(prepared.status(), StatusCode::OK, "B's school prepares");
    let agreement: Value = app
        .http
        .post(app.at(&format!("/api/v1/conversations/{conversation_id}/agreements")))
        .headers(swv_login.headers())
        .json(&json!({ "what": "geheim-b afspraak", "who": "IB-er" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let agreement_id = agreement["id"].as_i64().expect("B's agreement");
    TenantB {
        conversation_id,
        agreement_id,
        scan_id: scan["id"].as_i64().expect("B's scan round"),
        activity_id,
        registration_id,
        survey_id: survey["survey"]["id"].as_i64().expect("B's survey"),
        profile_id,
        membership_id: members[0]["id"].as_i64().unwrap(),
        invitation_id: invited["id"].as_i64().expect("invitation in B"),
        mail_id,
    }
}

/// The concrete paths for a route template aimed at B (several for `{kind}/{code}`).
fn paths_for(template: &str, b: &TenantB) -> Vec<String> {
    let orgs: Vec<(&str, &str)> = if template.contains("{kind}") {
        vec![("school", "32DD"), ("swv", "PO2815"), ("board", "50001")]
    } else {
        vec![("", "")]
    };
    orgs.into_iter()
        .map(|(kind, org_code)| {
            let mut path = String::new();
            for segment in template.split('/').skip(1) {
                path.push('/');
                let value = match segment {
                    "{kind}" => kind.to_owned(),
                    "{code}" if !kind.is_empty() => org_code.to_owned(),
                    "{code}"
                        if template.contains("locations")
                            || template.contains("vestigingen")
                            || template.contains("/open/profiles") =>
                    {
                        "32DD00".to_owned()
                    }
                    "{code}" if template.contains("swv") || template.contains("samenwerkingsverbanden") => {
                        "PO2815".to_owned()
                    }
                    "{code}" if template.contains("board") || template.contains("besturen") => "50001".to_owned(),
                    "{brin}" => "32DD".to_owned(),
                    "{id}" if template.contains("member") || template.contains("leden") => b.membership_id.to_string(),
                    "{id}" if template.contains("invitation") || template.contains("uitnodiging") => {
                        b.invitation_id.to_string()
                    }
                    // Newsletter issues belong to the platform, not to a tenant.
                    "{id}" if template.contains("newsletter") || template.contains("nieuwsbrief") => {
                        "999999".to_owned()
                    }
                    "{id}" if template.contains("activit") => b.activity_id.to_string(),
                    "{registration}" => b.registration_id.to_string(),
                    "{id}" if template.contains("outbox") => b.mail_id.to_string(),
                    // A linked login is one person's; B holds none, so any id tests the refusal.
                    "{id}" if template.contains("account/inloggen") => "1".to_owned(),
                    // Jobs are the platform's, of no tenant: any id tests the refusal.
                    "{id}" if template.contains("jobs") => "1".to_owned(),
                    "{id}" if template.contains("profiel") || template.contains("profiles") => b.profile_id.to_string(),
                    "{id}" if template.contains("conversations") || template.contains("gesprekken") => {
                        b.conversation_id.to_string()
                    }
                    "{agreement}" => b.agreement_id.to_string(),
                    "{key}" => "speerpunten".to_owned(),
                    "{id}" if template.contains("scans") => b.scan_id.to_string(),
                    "{group}" => "parents".to_owned(),
                    // Knowledge items and tickets belong to the platform, not to a tenant:
                    // no role of A is an editor or an expert, so every change is refused.
                    "{id}"
                        if template.contains("knowledge")
                            || template.contains("kennisbank")
                            || template.contains("questions")
                            || template.contains("vraagbaak") =>
                    {
                        "1".to_owned()
                    }
                    "{section}" => "D".to_owned(),
                    // Login providers are the platform's configuration, of no tenant.
                    "{name}" => "entree".to_owned(),
                    "{survey}" => b.survey_id.to_string(),
                    "{wish}" | "{reader}" | "{comment}" => "1".to_owned(),
                    // Closed groups and their files belong to no tenant: nobody of A is a member.
                    "{file}" => "1".to_owned(),
                    "{id}" if template.contains("groups") || template.contains("groepen") => "1".to_owned(),
                    "{email}" => "lid@b.test".to_owned(),
                    "{id}" if template.contains("plain-terms") || template.contains("vaktaal") => "1".to_owned(),
                    "{link}" => "0".repeat(32),
                    "{item}" => "aanbod.dyslexie".to_owned(),
                    "{year}" => "2026-2027".to_owned(),
                    "{token}" => "0".repeat(64),
                    "{lang}" => "en".to_owned(),
                    s if s.starts_with('{') => {
                        panic!("route {template} has parameter {s} that the tenancy test does not know: add it")
                    }
                    s => s.to_owned(),
                };
                path.push_str(&value);
            }
            path
        })
        .collect()
}

/// A plausible request body, so that a refusal is about who asks, not about what is sent.
fn form_body(csrf: &str) -> Vec<(&'static str, String)> {
    vec![
        ("csrf_token", csrf.to_owned()),
        ("email", "nieuw@a.test".to_owned()),
        ("role", "team_member".to_owned()),
        ("name", "Overgenomen".to_owned()),
        ("password", "een lang wachtwoord".to_owned()),
        ("password_confirm", "een lang wachtwoord".to_owned()),
        ("step", "ask_team_review".to_owned()),
        ("section", "D".to_owned()),
        ("body", "overgenomen".to_owned()),
        ("response", "overgenomen".to_owned()),
        ("kind", "evaluation".to_owned()),
        ("audience", "parents".to_owned()),
        ("closed", "ja".to_owned()),
        ("pick", "tevreden".to_owned()),
        ("owner", "Overgenomen".to_owned()),
    ]
}

fn json_body() -> Value {
    json!({
        "email": "nieuw@a.test", "role": "director", "name": "Overgenomen",
        "password": "een lang wachtwoord", "password_confirm": "een lang wachtwoord",
        "value": "niet", "note": "overgenomen", "version": 1, "open": true,
        "location": "32DD00", "school_year": "2027-2028", "owner": "PO2815", "changes": [],
        "swv_po": "PO2707", "response": "overgenomen", "section": "D", "body": "overgenomen",
        "step": "ask_team_review", "verdict": "positive", "advice": "overgenomen", "date": "2026-06-01",
        "kind": "evaluation", "audience": "parents", "closed": true, "allow_multiple": true,
        "answers": { "tevreden": "overgenomen" }, "owner": "Overgenomen", "done": true,
        "items": [], "target_percent": 85, "kernen": [], "picks": ["tevreden"], "min_profiled_percent": 50
    })
}

async fn send(
    app: &TestApp,
    method: &Method,
    path: &str,
    login: Option<&Login>,
) -> (StatusCode, String, Option<String>) {
    let mut request = app.http.request(method.clone(), app.at(path));
    if let Some(login) = login {
        request = request.headers(login.headers());
    }
    if *method != Method::GET {
        request = if path.starts_with("/api/") {
            request.json(&json_body())
        } else {
            request.form(&form_body(login.map_or("", |l| l.csrf.as_str())))
        };
    }
    let response = request.send().await.unwrap();
    let status = response.status();
    let location = response.headers().get("location").map(|v| v.to_str().unwrap().to_owned());
    (status, response.text().await.unwrap(), location)
}

fn tenant_routes() -> Vec<(Method, String, bool)> {
    passend_web::route_inventory()
        .into_iter()
        .map(|(method, path, public)| (Method::from_bytes(method.as_str().as_bytes()).unwrap(), path, public))
        .collect()
}

#[tokio::test]
async fn no_role_of_one_tenant_reads_or_changes_another_tenants_data() {
    let app = TestApp::spawn().await;
    app.user("platform@passend.test", "Platform", &[(OrgKind::Platform, "passend", Role::PlatformAdmin)]).await;
    let b = set_up_tenant_b(&app).await;
    let before = state_of_b(&app).await;

    let roles_of_a = [
        ("team_member", OrgKind::School, "04FZ", Role::TeamMember),
        ("ib", OrgKind::School, "04FZ", Role::Ib),
        ("director", OrgKind::School, "04FZ", Role::Director),
        ("board_member", OrgKind::Board, "41234", Role::BoardMember),
        ("mr_member", OrgKind::School, "04FZ", Role::MrMember),
        ("swv_staff", OrgKind::Swv, "PO2707", Role::SwvStaff),
        ("swv_admin", OrgKind::Swv, "PO2707", Role::SwvAdmin),
    ];
    let mut users = BTreeMap::new();
    for (name, kind, code, role) in roles_of_a {
        let id = app.user(&format!("{name}@a.test"), &format!("A {name}"), &[(kind, code, role)]).await;
        users.insert(name, id);
    }

    let routes = tenant_routes();
    let mut checked = 0;
    let mut leaks = Vec::new();
    for (method, template, public) in &routes {
        for path in paths_for(template, &b) {
            // Anonymous first, then every role of A; each request gets a fresh
            // session, as a logout route would end a shared one.
            let mut callers: Vec<(&str, Option<Login>)> = vec![("anonymous", None)];
            for (name, id) in &users {
                callers.push((name, Some(app.session_for(*id).await)));
            }
            for (who, login) in callers {
                let (status, body, location) = send(&app, method, &path, login.as_ref()).await;
                checked += 1;
                if body.contains(MARKER) || location.as_deref().is_some_and(|l| l.contains(MARKER)) {
                    leaks.push(format!("{who} {method} {path}: {status} shows B's data"));
                }
                if status.is_server_error() {
                    leaks.push(format!("{who} {method} {path}: {status}"));
                }
                let aimed_at_b =
                    template.contains('{') && !template.contains("{token}") && !template.contains("{lang}");
                if !*public && aimed_at_b {
                    let refused =
                        matches!(status, StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN | StatusCode::NOT_FOUND)
                            || (status == StatusCode::SEE_OTHER
                                && location.as_deref().is_some_and(|l| l.starts_with("/inloggen")));
                    if !refused {
                        leaks.push(format!("{who} {method} {path}: {status} was not refused"));
                    }
                }
            }
        }
    }
    assert!(leaks.is_empty(), "{} problems:\n{}", leaks.len(), leaks.join("\n"));
    assert_eq!(state_of_b(&app).await, before, "B's data changed");
    assert!(routes.len() >= 40, "the inventory lists every route ({} found)", routes.len());
    assert!(checked > routes.len() * 8, "{checked} requests");
    app.stop().await;
}

/// The same walk, aimed at the caller's own tenant, must let the right roles
/// in: otherwise the test above would pass on a server that refuses everything.
#[tokio::test]
async fn the_own_tenants_data_is_reachable_for_the_right_roles() {
    let app = TestApp::spawn().await;
    let admin = app.user("swv_admin@a.test", "A admin", &[(OrgKind::Swv, "PO2707", Role::SwvAdmin)]).await;
    let director = app.user("director@a.test", "A director", &[(OrgKind::School, "04FZ", Role::Director)]).await;
    let admin = app.session_for(admin).await;
    let director = app.session_for(director).await;
    for (login, path) in [
        (&admin, "/organisaties/school/04FZ/leden"),
        (&admin, "/organisaties/swv/PO2707/leden"),
        (&admin, "/api/v1/organisations/school/04FZ/members"),
        (&admin, "/api/v1/organisations/board/41234/invitations"),
        (&admin, "/samenwerkingsverbanden/PO2707/bewerken"),
        (&director, "/organisaties/school/04FZ/leden"),
        (&director, "/api/v1/organisations/school/04FZ/invitations"),
        (&director, "/dashboard"),
    ] {
        let (status, body, _) = send(&app, &Method::GET, path, Some(login)).await;
        assert_eq!(status, StatusCode::OK, "{path}: {body}");
    }
    let (status, _, _) = send(&app, &Method::GET, "/organisaties/swv/PO2707/leden", Some(&director)).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "a school's director does not see the SWV's members");
    app.stop().await;
}

/// An activity organised by B's SWV, made as its staff would, with one sign-up.
async fn activity_of_b(app: &TestApp) -> (i64, i64) {
    use passend_domain::access::{Actor, Membership, Role, organise_activities};
    use passend_domain::activities::{ActivityInput, ActivityKind, SessionInput, parse_sign_up};
    use passend_domain::organisations::{OrgKind, OrgRef};
    let owner = OrgRef { kind: OrgKind::Swv, code: "PO2815".into() };
    let staff_id = app.user("staf-geheim-b@swv.test", "Staf B", &[(OrgKind::Swv, "PO2815", Role::SwvStaff)]).await;
    let staff = Actor::new(staff_id, vec![Membership { org: owner.clone(), role: Role::SwvStaff }]);
    let organiser = organise_activities(&staff).unwrap();
    let now = passend_storage::now();
    let input = ActivityInput {
        kind: ActivityKind::DevelopmentGroup,
        title: "Ontwikkelgroep Zwolle (openbaar)".into(),
        description: String::new(),
        audience: String::new(),
        criteria: String::new(),
        capacity: 5,
        opens_at: now - 86_400,
        closes_at: now + 86_400,
        free: true,
        sessions: vec![SessionInput { starts_at: now + 5 * 86_400, ends_at: now + 6 * 86_400, place: "Zwolle".into() }],
    };
    let id =
        app.db.create_activity(&organiser, &owner, &input, staff_id).await.unwrap_or_else(|_| panic!("B's activity"));
    let sign_up = parse_sign_up("Deelnemer geheim-b", "geheim-b@deelnemer.test", None, None).unwrap();
    let (outcome, _) = app
        .db
        .sign_up(id, &sign_up, &"b".repeat(64), |_| passend_storage::outbox::NewMail {
            to: "geheim-b@deelnemer.test".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    let passend_storage::activities::SignUpOutcome::Placed { id: registration, .. } = outcome else {
        panic!("B's sign-up")
    };
    (id, registration)
}
