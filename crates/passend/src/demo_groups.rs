//! Demo data for the closed groups: the development group on the profile
//! ("Ontwikkelgroep schoolondersteuningsprofiel") with the demo SWV's admin as
//! moderator, the demo school's director and IB-er and an invited address
//! without an account as members, a few messages, and one shared file (a
//! short report as PDF, written here). All texts are invented for the demo.
//! Runs once: a group of that name is left alone.

use passend_app::groups::FilesSettings;
use passend_domain::access::{self, Actor, Membership, Role};
use passend_domain::accounts::Email;
use passend_domain::groups::{GroupInput, GroupRole};
use passend_domain::organisations::OrgRef;
use passend_storage::Database;
use passend_storage::files::FileStore;
use passend_storage::groups::NewFile;

pub const GROUP_NAME: &str = "Ontwikkelgroep schoolondersteuningsprofiel";

const MESSAGES: &[(&str, &str)] = &[
    (
        "swv@passend.demo",
        "Welkom in de ontwikkelgroep! Hier delen we wat we in de bijeenkomsten bespreken. Het verslag van de eerste bijeenkomst staat bij **Bestanden**.",
    ),
    (
        "ib@passend.demo",
        "Dank voor het verslag. Voor de tweede bijeenkomst neem ik onze aanpak voor het groepsplan gedrag mee:\n\n- wat we in de klas doen\n- wanneer we het SWV inschakelen",
    ),
    (
        "directeur@passend.demo",
        "Goed plan. Kunnen we ook bespreken hoe we de ambities uit het profiel met het team volgen?",
    ),
];

const REPORT_LINES: &[&str] = &[
    "Verslag eerste bijeenkomst ontwikkelgroep schoolondersteuningsprofiel",
    "",
    "Aanwezig: samenwerkingsverband, directeur en intern begeleider van de demoschool.",
    "",
    "1. Wat staat er nu in ons profiel en wat doen we echt in de klas?",
    "2. Welke ambities kiezen we voor volgend schooljaar?",
    "3. Afspraak: iedere school brengt een voorbeeld mee voor de tweede bijeenkomst.",
    "",
    "Volgende bijeenkomst: over vier weken, bij het samenwerkingsverband.",
];

/// A one-page PDF with these lines in Helvetica, with a correct cross-reference table.
pub fn report_pdf(lines: &[&str]) -> Vec<u8> {
    let escape = |s: &str| s.replace('\\', "\\\\").replace('(', "\\(").replace(')', "\\)");
    let mut text = String::from("BT /F1 11 Tf 56 780 Td 15 TL\n");
    for line in lines {
        // WinAnsi: the demo text keeps to ASCII.
        text.push_str(&format!("({}) '\n", escape(line)));
    }
    text.push_str("ET\n");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"
            .to_owned(),
        format!("<< /Length {} >>\nstream\n{text}endstream", text.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_owned(),
        "<< /Title (Verslag eerste bijeenkomst) /Producer (Passend demo) >>".to_owned(),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!("trailer\n<< /Size {} /Root 1 0 R /Info 6 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1)
            .as_bytes(),
    );
    pdf
}

async fn user_id(db: &Database, email: &str) -> anyhow::Result<Option<(i64, String)>> {
    let email = Email::parse(email).map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(db.user_by_email(&email).await?.map(|u| (u.id, u.name)))
}

/// Makes the demo group (after `demo::seed`, which makes the logins), its file in `files`' store.
pub async fn seed(db: &Database, files: &FilesSettings) -> anyhow::Result<()> {
    let Some((admin_id, _)) = user_id(db, "admin@passend.demo").await? else { return Ok(()) };
    let admin = Actor::new(admin_id, vec![Membership { org: OrgRef::platform(), role: Role::PlatformAdmin }]);
    if db.groups_of(admin_id, true).await?.iter().any(|g| g.group.name == GROUP_NAME) {
        return Ok(());
    }
    let denied = |_| anyhow::anyhow!("the demo admin may not keep groups");
    let proof = access::create_groups(&admin).map_err(denied)?;
    let group = GroupInput {
        name: GROUP_NAME.to_owned(),
        description: "De ontwikkelgroep van het samenwerkingsverband en zijn scholen: samen het profiel levend maken. \
                      Drie bijeenkomsten dit schooljaar."
            .to_owned(),
    }
    .validate(2026)
    .map_err(|_| anyhow::anyhow!("the demo group does not validate"))?;
    let moderator = Email::parse("swv@passend.demo").map_err(|e| anyhow::anyhow!("{e}"))?;
    let id = db.create_group(&proof, &group, &moderator, None).await?;
    let keep = access::group_access(&admin, id, None).map_err(denied)?;
    let manage = keep.manage().ok_or_else(|| anyhow::anyhow!("no keeping proof"))?;
    for member in ["directeur@passend.demo", "ib@passend.demo", "werkgroep.so@passend.example"] {
        let email = Email::parse(member).map_err(|e| anyhow::anyhow!("{e}"))?;
        db.invite_to_group(manage, &email, None).await?;
    }
    for (author, body) in MESSAGES {
        let Some((author_id, name)) = user_id(db, author).await? else { continue };
        let as_member = Actor::new(author_id, Vec::new());
        let access = access::group_access(&as_member, id, Some(GroupRole::Member)).map_err(denied)?;
        let read = access.read().ok_or_else(|| anyhow::anyhow!("no reading proof"))?;
        db.post_group_message(read, &name, body).await?;
    }
    let Some((swv_id, swv_name)) = user_id(db, "swv@passend.demo").await? else { return Ok(()) };
    let moderator = Actor::new(swv_id, Vec::new());
    let access = access::group_access(&moderator, id, Some(GroupRole::Moderator)).map_err(denied)?;
    let read = access.read().ok_or_else(|| anyhow::anyhow!("no reading proof"))?;
    let bytes = report_pdf(REPORT_LINES);
    let key = passend_app::accounts::secrets::random_token();
    let store = FileStore::new(files.store.clone());
    store.put(&key, bytes.clone()).await?;
    let file = NewFile {
        storage_key: &key,
        name: "Verslag eerste bijeenkomst.pdf",
        media_type: "application/pdf",
        size: i64::try_from(bytes.len()).unwrap_or(i64::MAX),
        uploader_name: &swv_name,
    };
    if let Err(error) = db.add_group_file(read, &file).await {
        store.delete(&key).await.ok();
        return Err(error.into());
    }
    tracing::info!(group = id, "demo group made");
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_demo_report_is_a_pdf_that_the_file_rules_accept() {
        let pdf = super::report_pdf(super::REPORT_LINES);
        let checked =
            passend_domain::groups::files::check_file("Verslag.pdf", &pdf, pdf.len() as u64, 1 << 20).unwrap();
        assert_eq!(checked.kind, passend_domain::groups::files::FileKind::Pdf);
        let text = String::from_utf8_lossy(&pdf);
        let xref: usize = text.rsplit("startxref\n").next().unwrap().lines().next().unwrap().parse().unwrap();
        assert!(text[xref..].starts_with("xref"), "startxref points at the table");
    }
}
