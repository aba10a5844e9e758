//! Demo data: schools from DUO open data, a login for every kind of user, the
//! demo school's profiles and generated profiles for the rest of the demo SWV.

use std::path::{Path, PathBuf};

use passend_domain::access::{self, Actor, Membership, Role};
use passend_domain::accounts::Email;
use passend_domain::duo::{DuoFile, parse_file};
use passend_domain::organisations::{LocationContact, OrgKind, OrgRef, SwvDetails};
use passend_domain::questionnaire::{AnswerValue, LocationFacts, default_template, parse_answer, prefills};
use passend_storage::profiles::AnswerChange;
use passend_storage::{Database, StorageError};
use serde_json::json;

pub const DEMO_PASSWORD: &str = "passend-demo";

/// The small data set that ships with the source, used when the national files are not at hand.
const SMALL_LOCATIONS: &[u8] = include_bytes!("../../../tests/fixtures/duo/vestigingen_klein.csv");
const SMALL_POSTCODES: &[u8] = include_bytes!("../../../tests/fixtures/duo/pc4_swv_klein.csv");

/// Where the national open data usually sits beside a checkout.
const NATIONAL_DIRS: &[&str] = &["../shared/data/duo", "shared/data/duo", "../../shared/data/duo"];

pub struct DemoLogin {
    pub email: &'static str,
    pub role: Role,
    pub org: String,
}

fn national_files(dir: &Path) -> Option<(PathBuf, PathBuf)> {
    let locations = dir.join("vestigingen_2024-11.csv");
    let postcodes = dir.join("pc4_swv_2015.csv");
    (locations.exists() && postcodes.exists()).then_some((locations, postcodes))
}

/// Imports schools when the database has none, then makes the demo accounts.
pub async fn seed(db: &Database, data_dir: Option<&Path>) -> anyhow::Result<Vec<DemoLogin>> {
    if db.count_locations().await? == 0 {
        let national = match data_dir {
            Some(dir) => Some(national_files(dir).ok_or_else(|| anyhow::anyhow!("no DUO files in {}", dir.display()))?),
            None => NATIONAL_DIRS.iter().find_map(|d| national_files(Path::new(d))),
        };
        let files: Vec<DuoFile> = match national {
            Some((locations, postcodes)) => {
                tracing::info!(path = %locations.display(), "importing national open data for the demo");
                vec![read(&locations)?, read(&postcodes)?]
            }
            None => vec![
                parse_file("vestigingen_klein.csv", SMALL_LOCATIONS).map_err(|e| anyhow::anyhow!("{e}"))?,
                parse_file("pc4_swv_klein.csv", SMALL_POSTCODES).map_err(|e| anyhow::anyhow!("{e}"))?,
            ],
        };
        let report = db.import_duo(&files, &|_| {}).await?;
        tracing::info!(locations = report.locations.created, swvs = report.swvs.created, "demo schools imported");
    }
    let swv = "PO2707".to_owned();
    let school = db
        .schools_of_swv(&swv)
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| anyhow::anyhow!("the demo data has no school in {swv}"))?
        .brin;
    let logins = vec![
        DemoLogin { email: "admin@passend.demo", role: Role::PlatformAdmin, org: OrgRef::PLATFORM_CODE.to_owned() },
        DemoLogin { email: "swv@passend.demo", role: Role::SwvAdmin, org: swv.clone() },
        DemoLogin { email: "directeur@passend.demo", role: Role::Director, org: school.clone() },
        DemoLogin { email: "ib@passend.demo", role: Role::Ib, org: school.clone() },
        DemoLogin { email: "leraar@passend.demo", role: Role::TeamMember, org: school.clone() },
        DemoLogin { email: "mr@passend.demo", role: Role::MrMember, org: school.clone() },
        DemoLogin { email: "bestuur@passend.demo", role: Role::BoardMember, org: school },
    ];
    let hash = passend_app::accounts::hash_password(DEMO_PASSWORD).await?;
    let mut user_ids = Vec::new();
    for login in &logins {
        let email = Email::parse(login.email).map_err(|e| anyhow::anyhow!("{e}"))?;
        let user_id = match db.user_by_email(&email).await? {
            Some(user) => user.id,
            None => db.create_user(&email, &demo_name(login.role), &hash).await?,
        };
        let kind = match login.role {
            Role::PlatformAdmin => OrgKind::Platform,
            Role::SwvAdmin | Role::SwvStaff => OrgKind::Swv,
            _ => OrgKind::School,
        };
        let membership = Membership { org: OrgRef { kind, code: login.org.clone() }, role: login.role };
        db.seed_membership(&membership, user_id).await?;
        user_ids.push((login.role, user_id));
    }
    let id_of = |role: Role| user_ids.iter().find(|(r, _)| *r == role).map(|(_, id)| *id).unwrap_or_default();
    let team = DemoTeam {
        director: id_of(Role::Director),
        ib: id_of(Role::Ib),
        teacher: id_of(Role::TeamMember),
        mr: id_of(Role::MrMember),
        board: id_of(Role::BoardMember),
    };
    demo_contacts(db, &swv, &logins[2].org).await?;
    crate::demo_published::publish_past_years(db, &logins[2].org, &team).await?;
    demo_profile(db, &logins[2].org, &team).await?;
    crate::demo_region::seed_region(db, &swv, &logins[2].org).await?;
    crate::demo_plain::seed_terms(db, &swv).await?;
    crate::demo_scan::seed_scan(db, &logins[2].org, &team).await?;
    crate::demo_conversations::seed(db, &swv, &logins[2].org, id_of(Role::SwvAdmin), team.director).await?;
    crate::demo_knowledge::seed_knowledge(db, &logins[2].org).await?;
    crate::demo_activities::seed(db, id_of(Role::PlatformAdmin), &swv).await?;
    Ok(logins)
}

/// Whom parents can ask: the demo SWV's name and support point, and the demo
/// school's phone, e-mail and website (invented, `.example` addresses). What
/// someone set already is left alone.
async fn demo_contacts(db: &Database, swv: &str, brin: &str) -> anyhow::Result<()> {
    let swv_admin = Actor::new(
        0,
        vec![Membership { org: OrgRef { kind: OrgKind::Swv, code: swv.to_owned() }, role: Role::SwvAdmin }],
    );
    if db.swv(swv).await?.is_some_and(|s| s.details.name.is_none()) {
        let details = SwvDetails {
            name: Some("Passend Primair Amsterdam-Diemen".to_owned()),
            email: Some("info@passendprimair.example".to_owned()),
            phone: Some("020 555 01 00".to_owned()),
            website: Some("https://www.passendprimair.example".to_owned()),
            steunpunt_name: Some("Ouder- en Kindsteunpunt Amsterdam-Diemen".to_owned()),
            steunpunt_email: Some("steunpunt@passendprimair.example".to_owned()),
            steunpunt_phone: Some("020 555 01 20".to_owned()),
            steunpunt_website: Some("https://www.passendprimair.example/ouders".to_owned()),
        };
        db.update_swv(&access::edit_swv(&swv_admin, swv)?, &details).await?;
    }
    let director = actor(0, brin, Role::Director);
    let edit = access::edit_location_contact(&director, &OrgRef { kind: OrgKind::School, code: brin.to_owned() })?;
    let school = db.school(brin).await?.ok_or_else(|| anyhow::anyhow!("demo school {brin} is missing"))?;
    for location in school.locations.iter().filter(|l| !l.contact_set_by_hand) {
        let slug: String = location.name.to_lowercase().chars().filter(char::is_ascii_alphanumeric).collect();
        let contact = LocationContact {
            phone: location.phone.clone().or_else(|| Some("020 555 12 34".to_owned())),
            email: Some(format!("info@{slug}.example")),
            website: location.website.clone().or_else(|| Some(format!("https://www.{slug}.example"))),
        };
        db.update_location_contact(&edit, &location.code, &contact).await?;
    }
    Ok(())
}

pub(crate) struct DemoTeam {
    pub director: i64,
    pub ib: i64,
    pub teacher: i64,
    pub mr: i64,
    pub board: i64,
}

/// What DUO says about the location, for the pre-filled answers.
pub(crate) fn facts_of(location: &passend_domain::organisations::Location) -> LocationFacts {
    LocationFacts {
        pupils: location.pupils,
        duo_type: location.duo_type.clone(),
        denomination: location.denomination.clone(),
        swvs: [&location.swv_po, &location.swv_vo].into_iter().flatten().cloned().collect(),
    }
}

pub(crate) fn actor(user_id: i64, brin: &str, role: Role) -> Actor {
    Actor::new(user_id, vec![Membership { org: OrgRef { kind: OrgKind::School, code: brin.to_owned() }, role }])
}

/// This school year's profile of the demo school's first location, open to the
/// team, with a few answers of the team and of the school, so that every page
/// of the questionnaire has something to show. Left alone when it exists.
async fn demo_profile(db: &Database, brin: &str, team: &DemoTeam) -> anyhow::Result<()> {
    let school = db.school(brin).await?.ok_or_else(|| anyhow::anyhow!("demo school {brin} is missing"))?;
    let Some(location) = school.locations.first() else { return Ok(()) };
    let org = OrgRef { kind: OrgKind::School, code: brin.to_owned() };
    let denied = |_| anyhow::anyhow!("demo accounts lack a role");
    let coordination =
        access::coordinate_profiles(&actor(team.director, brin, Role::Director), &org).map_err(denied)?;
    let template = default_template();
    let facts = facts_of(location);
    let year = passend_app::questionnaire::current_year();
    let created = db
        .create_profile(&coordination, &location.code, year, template, &prefills(template, &facts), team.director)
        .await;
    let profile = match created {
        Ok(id) => id,
        Err(StorageError::Conflict) => return Ok(()),
        Err(other) => return Err(other.into()),
    };
    db.set_open_for_team(&coordination, profile, true).await?;

    let answer = |key: &str, raw: serde_json::Value| -> anyhow::Result<AnswerValue> {
        let item = template.item(key).ok_or_else(|| anyhow::anyhow!("no item {key}"))?;
        parse_answer(item, &raw)
            .map_err(|m| anyhow::anyhow!("{key}: {}", m.id))?
            .ok_or_else(|| anyhow::anyhow!("{key} is empty"))
    };
    let team_answers = [
        (
            team.teacher,
            Role::TeamMember,
            "aanbod.dyslexie",
            json!("standaard"),
            Some("We werken met Bouw! en een leesspecialist."),
        ),
        (team.ib, Role::Ib, "aanbod.dyslexie", json!("standaard"), None),
        (
            team.teacher,
            Role::TeamMember,
            "aanbod.gedrag",
            json!("niet"),
            Some("Bij ernstig gedrag lukt het ons niet alleen."),
        ),
        (team.ib, Role::Ib, "aanbod.gedrag", json!("na_overleg"), Some("Met de gedragsspecialist van het SWV.")),
        (team.director, Role::Director, "aanbod.gedrag", json!("na_overleg"), None),
        (
            team.teacher,
            Role::TeamMember,
            "aanbod.meer_hoogbegaafdheid",
            json!("standaard"),
            Some("Plusklas op woensdag."),
        ),
    ];
    for (user, role, key, raw, note) in team_answers {
        let respondent = access::respond_to_profiles(&actor(user, brin, role), &org).map_err(denied)?;
        db.save_my_answer(&respondent, profile, key, Some(&answer(key, raw)?), note).await?;
    }
    let school_answers = [
        (
            "visie.ondersteuning",
            json!(
                "Ieder kind hoort erbij. We kijken eerst naar wat een kind nodig heeft en praten daarover met de ouders."
            ),
            None,
        ),
        ("basis.basiskwaliteit", json!("op_orde"), None),
        ("aanbod.dyslexie", json!("standaard"), Some("Met een leesspecialist in de school.")),
        (
            "deskundigheid.aanwezig",
            json!([{ "specialist": "Intern begeleider", "dagdelen": "4" }, { "specialist": "Gedragsspecialist", "dagdelen": "1,5" }]),
            None,
        ),
    ];
    for (key, raw, note) in school_answers {
        let value = answer(key, raw)?;
        let change = AnswerChange { item_key: key, value: Some(&value), note, expected_version: 0, user_id: team.ib };
        db.save_school_answer(&coordination, profile, change).await?;
    }
    Ok(())
}

fn demo_name(role: Role) -> String {
    match role {
        Role::PlatformAdmin => "Beheer Passend",
        Role::SwvAdmin => "Sanne Samenwerking",
        Role::Director => "Dirk Directeur",
        Role::Ib => "Ilse Begeleider",
        Role::TeamMember => "Lotte Leraar",
        Role::MrMember => "Mo MR",
        Role::BoardMember => "Bram Bestuur",
        _ => "Demo",
    }
    .to_owned()
}

fn read(path: &Path) -> anyhow::Result<DuoFile> {
    let bytes = std::fs::read(path)?;
    parse_file(&path.display().to_string(), &bytes).map_err(|e| anyhow::anyhow!("{e}"))
}
