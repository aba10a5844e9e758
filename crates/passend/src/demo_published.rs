//! The demo's published profiles: the demo location's profiles of the two
//! school years before this one, filled in completely in plain Dutch (B1) and
//! taken through the real cycle (MR advice, adoption by the board,
//! publication), so that every public page and document has something to show.

use passend_domain::access::{self, Role};
use passend_domain::lifecycle::{AdviceVerdict, Step};
use passend_domain::organisations::{OrgKind, OrgRef};
use passend_domain::questionnaire::{AnswerValue, SchoolYear, default_template, parse_answer, prefills};
use passend_storage::lifecycle::{StepBy, StepDetails};
use passend_storage::profiles::AnswerChange;
use passend_storage::{Database, StorageError};
use serde_json::{Value, json};

use crate::demo::{DemoTeam, actor, facts_of};

/// The answers both years share; `year_levels` differ per year so that
/// "what changed this year" has something to say.
fn answers(older: bool) -> Vec<(&'static str, Value, Option<&'static str>)> {
    let level = |old: &'static str, new: &'static str| json!(if older { old } else { new });
    vec![
        ("typering.concept", json!("Een school waar kinderen samen leren en spelen"), None),
        (
            "typering.leerlingpopulatie",
            json!(
                "Onze leerlingen komen uit de wijk. Veel kinderen spreken thuis ook een andere taal. Ze zijn nieuwsgierig en willen graag leren."
            ),
            None,
        ),
        (
            "visie.ondersteuning",
            json!(
                "Ieder kind hoort erbij. We kijken eerst naar wat een kind nodig heeft. Daarna praten we met de ouders over wat wij kunnen doen."
            ),
            None,
        ),
        (
            "visie.thuisnabij",
            json!(
                "Kinderen gaan het liefst naar school in hun eigen buurt. Daarom doen we ons best om hen hier goed te helpen."
            ),
            None,
        ),
        ("basis.basiskwaliteit", json!("op_orde"), None),
        ("basis.preventief", json!("op_orde"), None),
        ("basis.structuur", level("in_ontwikkeling", "op_orde"), None),
        ("basis.planmatig", json!("op_orde"), None),
        (
            "basis.toelichting",
            json!(
                "De inspectie vond onze lessen goed. We volgen alle kinderen met toetsen en gesprekken. Zo zien we op tijd wie hulp nodig heeft."
            ),
            None,
        ),
        ("aanbod.dyslexie", json!("standaard"), Some("Een leesspecialist helpt kinderen in kleine groepjes.")),
        ("aanbod.dyscalculie", level("na_overleg", "standaard"), Some("Extra rekenles twee keer per week.")),
        ("aanbod.taal_spraak", json!("na_overleg"), Some("Samen met de logopedist.")),
        ("aanbod.nt2", json!("standaard"), Some("Kinderen krijgen extra taalles in de klas.")),
        ("aanbod.meer_hoogbegaafdheid", json!("standaard"), Some("Een plusklas op woensdag.")),
        ("aanbod.leren", json!("standaard"), None),
        ("aanbod.gedrag", json!("na_overleg"), Some("Met hulp van een gedragsspecialist.")),
        ("aanbod.werkhouding", json!("standaard"), None),
        ("aanbod.motoriek", json!("na_overleg"), Some("Samen met de fysiotherapeut.")),
        ("aanbod.medisch", json!("niet"), None),
        ("aanbod.zien", level("niet", "na_overleg"), None),
        ("aanbod.horen", json!("na_overleg"), None),
        ("structuur.functies", json!(["ib", "zorgteam", "onderwijsassistent", "vertrouwenspersoon"]), None),
        (
            "structuur.route",
            json!(
                "Heeft een kind meer hulp nodig? Dan praat de leraar eerst met de ouders. Daarna kijkt de intern begeleider mee. Soms vragen we hulp van het samenwerkingsverband."
            ),
            None,
        ),
        (
            "deskundigheid.aanwezig",
            json!([
                { "specialist": "Intern begeleider", "dagdelen": "4" },
                { "specialist": "Leesspecialist", "dagdelen": "2" },
                { "specialist": "Gedragsspecialist", "dagdelen": "1,5" }
            ]),
            None,
        ),
        ("deskundigheid.ontwikkelen", json!("We willen meer weten over kinderen die slecht zien."), None),
        ("voorzieningen.gebouw", json!(["rolstoeltoegankelijk", "aangepast_toilet", "time_out"]), None),
        ("voorzieningen.toelichting", json!("Er is een rustige ruimte. Daar kan een kind even tot rust komen."), None),
        ("partners.welke", json!(["samenwerkingsverband", "wijkteam", "ggd", "logopedie", "fysiotherapie"]), None),
        ("partners.toelichting", json!("Het wijkteam zit één ochtend per week in de school."), None),
        (
            "extra.aanbod",
            json!(
                "Soms is er meer nodig. Dan maken we samen met u een plan. Een begeleider van het samenwerkingsverband kan dan in de klas helpen."
            ),
            None,
        ),
        (
            "extra.grenzen",
            json!(
                "Wij kunnen geen verpleging geven. Ook lukt het ons niet als een kind de hele dag één volwassene nodig heeft. Dan zoeken we samen met u een school die beter past."
            ),
            None,
        ),
        (
            "ambities.lijst",
            if older {
                json!([{ "ambitie": "Een plusklas voor kinderen die meer aankunnen", "wanneer": "2025" }])
            } else {
                json!([{ "ambitie": "Meer kennis over kinderen die slecht zien", "wanneer": "2026" }])
            },
            None,
        ),
        ("ambities.scholing", json!("Het team volgt een cursus over slecht zien."), None),
        (
            "ouders.samenvatting",
            json!(
                "Wij helpen ieder kind zo goed als we kunnen. Veel hulp geven we zelf in de klas. Denk aan hulp bij lezen, rekenen en taal. Soms is er meer nodig. Dan praten we eerst met u. Samen zoeken we wat uw kind helpt. Wij kunnen geen verpleging geven. Lukt het ons niet? Dan zoeken we samen met u een school die beter past."
            ),
            None,
        ),
        (
            "ouders.contact",
            json!("Bel of mail de leraar van uw kind. U kunt ook terecht bij juf Ilse, de intern begeleider."),
            None,
        ),
        (
            "ouders.betrokkenheid",
            json!("We praten drie keer per jaar met ouders en kind. U mag altijd een afspraak maken."),
            None,
        ),
        ("ouders.steunpunt_vermeld", json!(true), None),
        ("vaststelling.betrokkenheid", json!("Het team, de ouders in de MR en een groep kinderen lazen mee."), None),
        ("vaststelling.publicatie", json!(["schoolgids", "website"]), None),
    ]
}

/// The demo location's profiles of the last two school years, published;
/// left alone when the location already has a profile for those years.
pub(crate) async fn publish_past_years(db: &Database, brin: &str, team: &DemoTeam) -> anyhow::Result<()> {
    let school = db.school(brin).await?.ok_or_else(|| anyhow::anyhow!("demo school {brin} is missing"))?;
    let Some(location) = school.locations.first() else { return Ok(()) };
    let org = OrgRef { kind: OrgKind::School, code: brin.to_owned() };
    let context = db.org_context(&org).await?.ok_or_else(|| anyhow::anyhow!("demo school {brin} has no context"))?;
    let denied = |_| anyhow::anyhow!("demo accounts lack a role");
    let coordination =
        access::coordinate_profiles(&actor(team.director, brin, Role::Director), &org).map_err(denied)?;
    let template = default_template();
    let facts = facts_of(location);
    let this_year = passend_app::questionnaire::current_year();
    for (older, year) in [(true, this_year.previous().previous()), (false, this_year.previous())] {
        let created = db
            .create_profile(&coordination, &location.code, year, template, &prefills(template, &facts), team.director)
            .await;
        let profile = match created {
            Ok(id) => id,
            Err(StorageError::Conflict) => continue,
            Err(other) => return Err(other.into()),
        };
        let view = access::view_org(&actor(team.director, brin, Role::Director), &org, &context).map_err(denied)?;
        let (_, proof) =
            db.profile(&view, profile).await?.ok_or_else(|| anyhow::anyhow!("profile {profile} not found"))?;
        let stored = db.school_answers(&proof).await?;
        for (key, raw, note) in answers(older) {
            let item = template.item(key).ok_or_else(|| anyhow::anyhow!("no item {key}"))?;
            let value: AnswerValue = parse_answer(item, &raw)
                .map_err(|m| anyhow::anyhow!("{key}: {}", m.id))?
                .ok_or_else(|| anyhow::anyhow!("{key} is empty"))?;
            let expected_version = stored.iter().find(|a| a.item_key == key).map_or(0, |a| a.version);
            let change = AnswerChange { item_key: key, value: Some(&value), note, expected_version, user_id: team.ib };
            db.save_school_answer(&coordination, profile, change).await?;
        }
        take_steps(db, brin, &org, &context, team, profile, year).await?;
    }
    Ok(())
}

async fn take_steps(
    db: &Database,
    brin: &str,
    org: &OrgRef,
    context: &passend_domain::organisations::OrgContext,
    team: &DemoTeam,
    profile: i64,
    year: SchoolYear,
) -> anyhow::Result<()> {
    let steps_of = |user: i64, role: Role| {
        access::profile_steps(&actor(user, brin, role), org, context)
            .map_err(|_| anyhow::anyhow!("no steps for {role:?}"))
    };
    let director = steps_of(team.director, Role::Director)?;
    let mr = steps_of(team.mr, Role::MrMember)?;
    let board = steps_of(team.board, Role::BoardMember)?;
    let by = |user_id, name| StepBy { user_id, name };
    let advised_on = format!("{}-05-20", year.start() + 1);
    let adopted_on = format!("{}-06-10", year.start() + 1);
    db.take_step(&director, profile, Step::AskMrAdvice, StepDetails::None, by(team.director, "Dirk Directeur")).await?;
    let advice = StepDetails::Advice {
        verdict: AdviceVerdict::Positive,
        advice: "De MR is positief. De versie voor ouders is duidelijk.",
        advised_on: &advised_on,
    };
    db.take_step(&mr, profile, Step::RecordAdvice, advice, by(team.mr, "Mo MR")).await?;
    db.take_step(
        &board,
        profile,
        Step::Adopt,
        StepDetails::Adoption { adopted_on: &adopted_on },
        by(team.board, "Bram Bestuur"),
    )
    .await?;
    db.take_step(&director, profile, Step::Publish, StepDetails::None, by(team.director, "Dirk Directeur")).await?;
    Ok(())
}
