//! Demo data for the knowledge platform: an editor and an expert, a dozen
//! published practice examples across support categories (and one draft from
//! the demo school), and an answered question with its anonymised FAQ item.
//! All texts are invented for the demo. Runs once: an existing base is left alone.

use passend_domain::access::{self, Actor, Membership, Role};
use passend_domain::accounts::Email;
use passend_domain::knowledge::question::{QuestionInput, validate_faq};
use passend_domain::knowledge::{ExampleInput, Tag};
use passend_domain::organisations::{OrgKind, OrgRef};
use passend_storage::Database;
use passend_storage::knowledge::{Authorship, QueuedMail};

use crate::demo::DEMO_PASSWORD;

/// (title, summary, body, sector, tags, source, contact)
type ExampleText =
    (&'static str, &'static str, &'static str, &'static str, &'static [&'static str], &'static str, &'static str);

const EXAMPLES: &[ExampleText] = &[
    (
        "Voorleessoftware voor de hele klas",
        "Een basisschool zet voorleessoftware in voor alle leerlingen, zodat leerlingen met dyslexie niet apart zitten.",
        "## Aanpak\n\nAlle leerlingen van groep 5 tot en met 8 kunnen teksten laten voorlezen. Leerlingen met dyslexie gebruiken het vaker, maar niemand valt op.\n\n- De leerkracht zet teksten klaar in de leeromgeving.\n- Toetsen mogen met voorleesstem.\n- Ouders krijgen een korte uitleg op de informatieavond.\n\n## Wat het opleverde\n\nMinder leerlingen vroegen om een aparte ruimte en het leesplezier steeg.",
        "po",
        &["dyslexie", "inclusief", "ict"],
        "Basisschool De Regenboog",
        "ib@regenboog.example",
    ),
    (
        "Rekenhulp met concreet materiaal in groep 6",
        "Leerlingen die vastlopen met rekenen werken twee keer per week in een klein groepje met concreet materiaal.",
        "We werken met het drieslagmodel: **handelen, voorstellen, redeneren**. De rekencoördinator begeleidt de groepjes.\n\nNa zes weken kijken we samen met de ouders wat het heeft opgeleverd.",
        "po",
        &["dyscalculie", "leren"],
        "Basisschool Het Kompas",
        "rekencoordinator@kompas.example",
    ),
    (
        "Taalklas voor nieuwkomers binnen de eigen school",
        "Een school vangt nieuwkomers op in een eigen taalklas en laat hen vanaf dag één meedoen met gym, muziek en pauzes.",
        "De taalklas draait vier ochtenden per week. De middagen zijn leerlingen in hun eigen groep.\n\nEen **NT2-specialist** traint de leerkrachten in taalsteun tijdens gewone lessen.",
        "po",
        &["nt2", "thuisnabij"],
        "Basisschool De Horizon",
        "directie@horizon.example",
    ),
    (
        "Plusklas voor meer- en hoogbegaafde leerlingen in de regio",
        "Vijf scholen van een samenwerkingsverband richten samen een plusklas in, één ochtend per week.",
        "Leerlingen blijven op hun eigen school en gaan één ochtend naar de plusklas. De eigen leerkracht krijgt opdrachten mee terug.\n\n1. Signaleren met een vaste lijst\n2. Gesprek met ouders en leerling\n3. Plaatsing voor een half jaar, daarna evaluatie",
        "swv",
        &["meer_hoogbegaafdheid", "samenwerking"],
        "Samenwerkingsverband Passend Primair",
        "plusklas@passendprimair.example",
    ),
    (
        "Time-in in plaats van time-out",
        "Een vo-school laat leerlingen die vastlopen in de les tot rust komen bij een vaste begeleider, dicht bij de klas.",
        "Er is een rustige plek op elke verdieping. Een leerling meldt zich met een kaart, praat kort met de begeleider en gaat terug naar de les.\n\nHet aantal verwijderingen uit de les halveerde in een jaar.",
        "vo",
        &["gedrag", "werkhouding"],
        "Scholengemeenschap Het Baken",
        "zorgcoordinator@hetbaken.example",
    ),
    (
        "Samen één gebouw: sbo en so onder één dak",
        "Een sbo-school en een so-school delen een gebouw en een ondersteuningsteam, zodat leerlingen makkelijker kunnen wisselen.",
        "## Wat we deden\n\n- Eén gezamenlijk ondersteuningsteam\n- Gedeelde specialisten: logopedist, orthopedagoog en fysiotherapeut\n- Gezamenlijke pauzes en projectweken\n\n## Waar we tegenaan liepen\n\nDe bekostiging is verschillend. Het samenwerkingsverband hielp met een arrangement voor de overgang.",
        "so",
        &["leren", "gedrag", "sbo-so", "samenwerking"],
        "Kindcentrum De Brug",
        "info@debrug.example",
    ),
    (
        "Logopedie op school voor leerlingen met TOS",
        "Een school laat de logopedist op school werken, zodat leerlingen met een taalontwikkelingsstoornis geen les missen voor vervoer.",
        "De logopedist werkt twee dagdelen per week op school en overlegt maandelijks met de leerkracht. Ouders zijn één keer per periode bij de behandeling.",
        "po",
        &["taal_spraak", "thuisnabij"],
        "Basisschool Op de Groei",
        "ib@opdegroei.example",
    ),
    (
        "Een rustige werkplek voor leerlingen met een visuele beperking",
        "Met hulp van een ambulant begeleider richt een vo-school werkplekken in met goed licht en vergrotingssoftware.",
        "Elke klas heeft een vaste plek met een verstelbare lamp. Lesmateriaal staat digitaal klaar zodat leerlingen het kunnen vergroten.",
        "vo",
        &["zien", "ict"],
        "Lyceum Aan Zee",
        "ondersteuning@lyceumaanzee.example",
    ),
    (
        "Solo-apparatuur en afspraken in de klas voor slechthorende leerlingen",
        "Een basisschool maakt vaste afspraken over geluid, zitplaats en soloapparatuur, samen met de ambulante dienst.",
        "Leerkrachten dragen een microfoon. Tijdens kringgesprekken geeft een leerling de microfoon door. De ambulant begeleider komt eens per maand.",
        "po",
        &["horen"],
        "Basisschool De Klimop",
        "ib@klimop.example",
    ),
    (
        "Een medisch protocol dat iedereen kent",
        "Een school met leerlingen met diabetes en epilepsie maakt een protocol per leerling en oefent het met het hele team.",
        "Per leerling ligt een kaart klaar met wat te doen. Twee keer per jaar oefent het team. Ouders en de schoolverpleegkundige tekenen mee.",
        "po",
        &["medisch", "ouders"],
        "Basisschool Het Palet",
        "directie@hetpalet.example",
    ),
    (
        "Bewegend leren voor leerlingen met een motorische achterstand",
        "Een so-school koppelt rekenen en spelling aan oefeningen van de fysiotherapeut.",
        "Tijdens de les doen leerlingen korte oefeningen. De fysiotherapeut en de leerkracht maken samen de planning voor zes weken.",
        "so",
        &["motoriek", "leren"],
        "School voor speciaal onderwijs De Sprong",
        "fysio@desprong.example",
    ),
    (
        "Gesprekken met ouders en leerling over het ondersteuningsaanbod",
        "Een samenwerkingsverband helpt scholen het ondersteuningsprofiel te bespreken met ouders, leerlingen en de MR.",
        "Elke school voert één keer per jaar een gesprek met ouders en leerlingen over wat de school wel en niet kan bieden. Een vaste gespreksleidraad helpt.\n\nDe MR krijgt het verslag bij de adviesaanvraag.",
        "swv",
        &["ouders", "sop", "medezeggenschap"],
        "Samenwerkingsverband Passend Primair",
        "info@passendprimair.example",
    ),
];

async fn demo_user(db: &Database, email: &str, name: &str, hash: &str, role: Role) -> anyhow::Result<i64> {
    let address = Email::parse(email).map_err(|e| anyhow::anyhow!("{e}"))?;
    let id = match db.user_by_email(&address).await? {
        Some(user) => user.id,
        None => db.create_user(&address, name, hash).await?,
    };
    db.seed_membership(&Membership { org: OrgRef::platform(), role }, id).await?;
    Ok(id)
}

/// Seeds the knowledge platform's demo when it holds no examples yet.
pub async fn seed_knowledge(db: &Database, demo_brin: &str) -> anyhow::Result<()> {
    if db.example_count().await? > 0 {
        return Ok(());
    }
    let hash = passend_app::accounts::hash_password(DEMO_PASSWORD).await?;
    let editor_id = demo_user(db, "redactie@passend.demo", "Rik Redactie", &hash, Role::Editor).await?;
    let expert_id = demo_user(db, "expert@passend.demo", "Eva Expert", &hash, Role::Expert).await?;
    let editor = Actor::new(editor_id, vec![Membership { org: OrgRef::platform(), role: Role::Editor }]);
    let edit = access::edit_knowledge(&editor)?;
    let year = passend_app::lifecycle::today().0;
    for (title, summary, body, sector, tags, source, contact) in EXAMPLES {
        let input = ExampleInput {
            title: (*title).to_owned(),
            summary: (*summary).to_owned(),
            body: (*body).to_owned(),
            sector: (*sector).to_owned(),
            tags: tags.iter().map(|t| (*t).to_owned()).collect(),
            source_name: (*source).to_owned(),
            contact: (*contact).to_owned(),
        };
        let example = input.validate(year).map_err(|p| anyhow::anyhow!("demo example {title}: {p:?}"))?;
        db.create_example(Authorship::Editor { edit: &edit, swv: None }, &example, true, Some(editor_id)).await?;
    }
    // A draft from the demo school waits for an editor.
    let director = Actor::new(
        0,
        vec![Membership { org: OrgRef { kind: OrgKind::School, code: demo_brin.to_owned() }, role: Role::Director }],
    );
    let school = access::coordinate_profiles(&director, &OrgRef { kind: OrgKind::School, code: demo_brin.to_owned() })?;
    let draft = ExampleInput {
        title: "Een vaste leesmaatje-ochtend".to_owned(),
        summary: "Oudere leerlingen lezen elke week voor met jongere leerlingen die moeite hebben met lezen."
            .to_owned(),
        body: "Groep 7 leest elke dinsdag een half uur met groep 4. De leerkrachten kiezen samen de koppels."
            .to_owned(),
        sector: "po".to_owned(),
        tags: vec!["dyslexie".to_owned(), "leesbevordering".to_owned()],
        source_name: "De demoschool".to_owned(),
        contact: String::new(),
    }
    .validate(year)
    .map_err(|p| anyhow::anyhow!("demo draft: {p:?}"))?;
    let ctx = db.org_context(&OrgRef { kind: OrgKind::School, code: demo_brin.to_owned() }).await?;
    let swv = ctx.as_ref().and_then(|c| c.swvs.first().cloned());
    db.create_example(Authorship::School { school: &school, swv: swv.as_deref() }, &draft, false, None).await?;

    // An answered question, published as an anonymised FAQ item.
    let question = QuestionInput {
        name: "Sanne de Boer".to_owned(),
        phone: "06 12 34 56 78".to_owned(),
        email: "s.deboer@voorbeeldschool.example".to_owned(),
        organisation: "Voorbeeldschool voor sbo".to_owned(),
        description: "Wij willen als sbo-school samen met een so-school één ondersteuningsteam vormen. \
                      Hoe regelen andere scholen de verdeling van de kosten?"
            .to_owned(),
    }
    .validate(year)
    .map_err(|p| anyhow::anyhow!("demo question: {p:?}"))?;
    let (question_id, _) = db.create_question(&question, &"d".repeat(64), &[]).await?;
    let expert = Actor::new(expert_id, vec![Membership { org: OrgRef::platform(), role: Role::Expert }]);
    let desk = access::answer_questions(&expert)?;
    let answer = "Veel scholen maken een samenwerkingsovereenkomst met een verdeelsleutel naar het aantal leerlingen. \
                  Het samenwerkingsverband kan de overgang steunen met een arrangement. Bekijk ook het praktijkvoorbeeld \
                  'Samen één gebouw' in de kennisbank.";
    let mail =
        QueuedMail { to: question.email.as_str(), subject: "Antwoord op uw vraag aan de vraagbaak", body: answer };
    db.answer_question(&desk, question_id, answer, "Eva Expert", Some(mail)).await?;
    let faq = validate_faq(
        "Hoe verdelen een sbo- en een so-school de kosten van een gezamenlijk ondersteuningsteam?",
        answer,
        &["sbo-so".to_owned(), Tag::from(passend_domain::questionnaire::SupportCategory::Leren).as_str().to_owned()],
        Some(&question),
        year,
    )
    .map_err(|p| anyhow::anyhow!("demo faq: {p:?}"))?;
    db.publish_faq(&edit, question_id, &faq).await?;
    Ok(())
}
