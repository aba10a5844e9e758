//! Demo data: schools from DUO open data and a login for every kind of user.

use std::path::{Path, PathBuf};

use passend_domain::access::{Membership, Role};
use passend_domain::accounts::Email;
use passend_domain::duo::{DuoFile, parse_file};
use passend_domain::organisations::{OrgKind, OrgRef};
use passend_storage::Database;

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
        DemoLogin { email: "mr@passend.demo", role: Role::MrMember, org: school },
    ];
    let hash = passend_web::hash_password(DEMO_PASSWORD).await?;
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
    }
    Ok(logins)
}

fn demo_name(role: Role) -> String {
    match role {
        Role::PlatformAdmin => "Beheer Passend",
        Role::SwvAdmin => "Sanne Samenwerking",
        Role::Director => "Dirk Directeur",
        Role::Ib => "Ilse Begeleider",
        Role::TeamMember => "Lotte Leraar",
        Role::MrMember => "Mo MR",
        _ => "Demo",
    }
    .to_owned()
}

fn read(path: &Path) -> anyhow::Result<DuoFile> {
    let bytes = std::fs::read(path)?;
    parse_file(&path.display().to_string(), &bytes).map_err(|e| anyhow::anyhow!("{e}"))
}
