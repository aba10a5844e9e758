//! Demo activities and newsletter: an upcoming development group on the
//! profile with 15 places of which 14 are taken, an exchange day, an
//! inspiration visit, and a sent newsletter in the archive. Names and
//! addresses are invented (`.example`).

use passend_domain::access::{Actor, edit_newsletter, organise_activities};
use passend_domain::accounts::Email;
use passend_domain::activities::{ActivityInput, ActivityKind, SessionInput, parse_sign_up};
use passend_domain::organisations::{OrgKind, OrgRef};
use passend_storage::Database;
use passend_storage::outbox::NewMail;

const DAY: i64 = 86_400;

const FIRST_NAMES: [&str; 14] = [
    "Anouk", "Bram", "Chantal", "Dirk", "Esra", "Floor", "Gert", "Hanneke", "Iris", "Jeroen", "Karin", "Lotte",
    "Mehmet", "Noor",
];

/// A day `days` from now at `hour` UTC (13:00 or 14:00 on the Dutch clock).
fn at(now: i64, days: i64, hour: i64) -> i64 {
    (now / DAY + days) * DAY + hour * 3600
}

pub(crate) async fn seed(db: &Database, admin_id: i64, swv: &str) -> anyhow::Result<()> {
    let now = passend_storage::now();
    if !db.upcoming_activities(0).await?.is_empty() {
        return Ok(());
    }
    let actor = Actor::new(admin_id, db.memberships_of(admin_id).await?);
    let organiser = organise_activities(&actor).map_err(|_| anyhow::anyhow!("the demo admin cannot organise"))?;
    let group = ActivityInput {
        kind: ActivityKind::DevelopmentGroup,
        title: "Ontwikkelgroep schoolondersteuningsprofiel".into(),
        description: "In drie bijeenkomsten onderzoeken we samen hoe het profiel gaat leven voor leraren en ouders: \
            we evalueren het huidige profiel, delen ontwikkelvragen en maken een pakket voor het herschrijven."
            .into(),
        audience: "Vertegenwoordigers uit po, vo en samenwerkingsverbanden".into(),
        criteria: "Bij voorkeur neemt een samenwerkingsverband samen met een van zijn scholen deel.".into(),
        capacity: 15,
        opens_at: now - 14 * DAY,
        closes_at: at(now, 20, 0),
        free: true,
        sessions: vec![
            SessionInput { starts_at: at(now, 21, 12), ends_at: at(now, 21, 15), place: "Aidadreef 4, Utrecht".into() },
            SessionInput { starts_at: at(now, 49, 12), ends_at: at(now, 49, 15), place: "Aidadreef 4, Utrecht".into() },
            SessionInput { starts_at: at(now, 77, 12), ends_at: at(now, 77, 15), place: "Aidadreef 4, Utrecht".into() },
        ],
    };
    let group_id = db.create_activity(&organiser, &OrgRef::platform(), &group, admin_id).await?;
    for (n, first) in FIRST_NAMES.iter().enumerate() {
        let email = format!("{}.deelnemer{n}@school.example", first.to_lowercase());
        let sign_up =
            parse_sign_up(&format!("{first} Jansen"), &email, Some("Basisschool De Regenboog"), Some("IB-er"))
                .map_err(|_| anyhow::anyhow!("a demo sign-up is invalid"))?;
        let token = format!("{:064x}", ((group_id as u128) << 64) | n as u128);
        db.sign_up(group_id, &sign_up, &token, |_| NewMail {
            to: email.clone(),
            subject: "Aanmelding ontwikkelgroep".into(),
            body: "U bent aangemeld (demo).".into(),
            ..NewMail::default()
        })
        .await?;
    }
    let exchange = ActivityInput {
        kind: ActivityKind::ExchangeDay,
        title: "Landelijke uitwisselingsdag samenwerking sbo en so".into(),
        description: "Twee keer per jaar delen scholen, besturen en samenwerkingsverbanden hoe ver zij zijn, \
            met presentaties van voorbeelden uit de praktijk."
            .into(),
        audience: "Scholen, besturen en samenwerkingsverbanden".into(),
        criteria: String::new(),
        capacity: 120,
        opens_at: now - 30 * DAY,
        closes_at: at(now, 40, 0),
        free: true,
        sessions: vec![SessionInput {
            starts_at: at(now, 42, 8),
            ends_at: at(now, 42, 15),
            place: "Jaarbeurs, Utrecht".into(),
        }],
    };
    db.create_activity(&organiser, &OrgRef::platform(), &exchange, admin_id).await?;
    let visit = ActivityInput {
        kind: ActivityKind::InspirationVisit,
        title: "Inspiratiebezoek: een kindcentrum met sbo en so onder één dak".into(),
        description: "Een praktijklocatie opent de deuren: rondleiding, gesprek met de leiding en het team, \
            en tijd voor vragen."
            .into(),
        audience: "Leidinggevenden en intern begeleiders".into(),
        criteria: "Maximaal twee deelnemers per school.".into(),
        capacity: 12,
        opens_at: now - DAY,
        closes_at: at(now, 12, 0),
        free: true,
        sessions: vec![SessionInput { starts_at: at(now, 14, 8), ends_at: at(now, 14, 11), place: "Kampen".into() }],
    };
    let swv_owner = OrgRef { kind: OrgKind::Swv, code: swv.to_owned() };
    let owner = if organiser.may_own(&swv_owner) { swv_owner } else { OrgRef::platform() };
    db.create_activity(&organiser, &owner, &visit, admin_id).await?;

    let editor = edit_newsletter(&actor).map_err(|_| anyhow::anyhow!("the demo admin cannot edit the newsletter"))?;
    for (n, name) in ["redactie", "ib-netwerk", "mr-lid"].iter().enumerate() {
        let email = Email::parse(&format!("{name}@lezer.example")).map_err(|e| anyhow::anyhow!("{e}"))?;
        let confirm = format!("{:064x}", 0xc0ff_u128 + n as u128);
        let unsubscribe = format!("{:064x}", 0xdead_u128 + n as u128);
        db.subscribe(email.as_str(), &confirm, &unsubscribe).await?;
        db.confirm_subscription(&confirm).await?;
    }
    let issue = db
        .create_issue(
            &editor,
            "Nieuwsbrief: de ontwikkelgroep start",
            "## De ontwikkelgroep start\n\nVeertien deelnemers hebben zich al aangemeld voor de **ontwikkelgroep \
             schoolondersteuningsprofiel**. Er is nog één plaats.\n\n## Uitwisselingsdag\n\nNoteer de landelijke \
             uitwisselingsdag in uw agenda. Aanmelden kan via [de activiteiten](/activiteiten).\n",
            admin_id,
        )
        .await?;
    db.send_issue(&editor, issue).await?;
    db.claim_deliveries(100, |d| NewMail {
        to: d.email.clone(),
        subject: d.subject.clone(),
        body: d.body_markdown.clone(),
        ..NewMail::default()
    })
    .await?;
    Ok(())
}
