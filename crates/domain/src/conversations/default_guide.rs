//! The guide Passend offers an SWV that has not written its own: the shape of
//! a yearly conversation as SWVs hold it (opening, the profile as the basis,
//! three ambitions of a year plan with goals and questions, the support funds,
//! priorities and agreements, the legal duties), in Passend's own words.

use super::guide::{Ambition, Goal, Guide, GuideQuestion, GuideSection, QuestionKind};

fn q(key: &str, kind: QuestionKind, goal: Option<&str>, text: &str) -> GuideQuestion {
    GuideQuestion {
        key: key.to_owned(),
        text: text.to_owned(),
        kind,
        options: Vec::new(),
        goal: goal.map(str::to_owned),
    }
}

fn text(key: &str, goal: Option<&str>, text: &str) -> GuideQuestion {
    q(key, QuestionKind::Text, goal, text)
}

fn figure(key: &str, goal: Option<&str>, text: &str) -> GuideQuestion {
    q(key, QuestionKind::Figure, goal, text)
}

fn scale(key: &str, goal: Option<&str>, text: &str) -> GuideQuestion {
    q(key, QuestionKind::Scale, goal, text)
}

fn goal(key: &str, title: &str) -> Goal {
    Goal { key: key.to_owned(), title: title.to_owned() }
}

fn section(key: &str, title: &str, intro: &str, ambition: Option<&str>, questions: Vec<GuideQuestion>) -> GuideSection {
    GuideSection {
        key: key.to_owned(),
        title: title.to_owned(),
        intro: intro.to_owned(),
        ambition: ambition.map(str::to_owned),
        questions,
    }
}

/// The default guide. Its key figures are the defaults the issue names: OPPs
/// (and how many are registered), threatened and partial absentees, pupils at
/// risk at the transition, pupils to and from special education, and
/// arrangements requested.
pub fn default_guide() -> Guide {
    let ambitions = vec![
        Ambition {
            key: "a1".into(),
            title: "Sterke professionals".into(),
            description: "Elke leerling krijgt een passend en preventief pedagogisch en didactisch aanbod.".into(),
            goals: vec![
                goal("1.1", "Professionals in en om de school denken en werken inclusief"),
                goal("1.2", "Schoolteams werken handelingsgericht"),
                goal("1.3", "Professionals uit speciaal en regulier onderwijs leren van en met elkaar"),
            ],
        },
        Ambition {
            key: "a2".into(),
            title: "Sterk netwerk".into(),
            description: "Een dekkende infrastructuur, zodat geen kind de eigen kern hoeft te verlaten.".into(),
            goals: vec![
                goal("2.1", "Kernen hebben een gedeelde visie op inclusie"),
                goal("2.2", "Kernen werken preventief en groepsgericht (0 tot 14 jaar)"),
                goal("2.3", "Kernen hebben een samenhangende aanpak met onderwijs en jeugdhulp"),
                goal("2.4", "Kinderen gaan in de kern volledig en met plezier naar school"),
            ],
        },
        Ambition {
            key: "a3".into(),
            title: "Sterke ondersteuningsroute".into(),
            description: "Voor iedere leerling in de regio is er een passend ondersteuningsaanbod.".into(),
            goals: vec![
                goal("3.1", "School en kernteam jeugd werken vanuit dezelfde visie"),
                goal("3.2", "Elke school heeft een stevige basisondersteuning"),
                goal("3.3", "Het ondersteuningsteam arrangeert handelings- en groepsgericht"),
                goal("3.4", "We sturen samen op de stromen van leerlingen"),
            ],
        },
    ];
    let sections = vec![
        section(
            "opening",
            "Opening",
            "We beginnen bij de school zelf: waar staat u dit jaar voor, en hoe loopt de samenwerking met het samenwerkingsverband?",
            None,
            vec![
                text("speerpunten", None, "Welke speerpunten heeft de school dit schooljaar?"),
                text("gezamenlijke_opdracht", None, "Wat is volgens u de opdracht die school en samenwerkingsverband samen hebben?"),
                scale("samenwerking_score", None, "Hoe tevreden bent u over de samenwerking met het samenwerkingsverband (1 = niet, 5 = zeer)?"),
                text("samenwerking", None, "Wat gaat goed in de samenwerking, en wat kan beter?"),
            ],
        ),
        section(
            "profiel",
            "Het ondersteuningsprofiel als basis",
            "Het profiel van de school ligt op tafel. Het samenwerkingsverband streeft ernaar dat elke school minstens het doel van de basisondersteuning haalt; hierboven staat hoe de school ervoor staat.",
            None,
            vec![text("profiel_opvallend", None, "Wat valt op in het profiel? Waar bent u tevreden over, en wat verrast u?")],
        ),
        section(
            "ambitie1",
            "Ambitie 1: sterke professionals",
            "We lopen de doelen van het jaarplan langs en staan stil bij wat voor deze school speelt.",
            Some("a1"),
            vec![
                scale("inclusief_team", Some("1.1"), "Hoe inclusief denkt en werkt het team nu (1 = nauwelijks, 5 = vanzelfsprekend)?"),
                text("inclusief_stap", Some("1.1"), "Welke stap wilt u het komende jaar zetten in inclusief denken en werken?"),
                text("specialisten", Some("1.1"), "Welke specialisten heeft de school zelf, hoe is hun inzet geregeld en hoe deelt het team in hun kennis?"),
                text("intensieve_behoeften", Some("1.1"), "Weet het hele team wat leerlingen met een intensieve ondersteuningsbehoefte nodig hebben, en hoe merkt een leerkracht dat? (Noem geen namen.)"),
                text("systeemgericht", Some("1.1"), "Het samenwerkingsverband wil de komende jaren meer begeleiden op het niveau van groep en school in plaats van de enkele leerling. Wat vindt u daarvan?"),
                scale("hgw_score", Some("1.2"), "In hoeverre werkt het team handelingsgericht (1 = nauwelijks, 5 = volledig)?"),
                text("hgw_stap", Some("1.2"), "Welke stap wilt u zetten in handelingsgericht werken?"),
                text("opp_doelen", Some("1.2"), "Zijn de doelen in de ontwikkelingsperspectiefplannen ook de doelen van het kind zelf? Hoe worden kinderen gehoord?"),
                figure("opp_aantal", Some("1.2"), "Aantal leerlingen met een ontwikkelingsperspectiefplan (OPP)"),
                figure("opp_geregistreerd", Some("1.2"), "Waarvan geregistreerd bij DUO (ROD)"),
                text("professionalisering", Some("1.3"), "Past iets uit het scholingsaanbod van het samenwerkingsverband bij uw team?"),
            ],
        ),
        section(
            "ambitie2",
            "Ambitie 2: sterk netwerk",
            "Kernen helpen scholen om samen een dekkend aanbod dicht bij huis te bieden.",
            Some("a2"),
            vec![
                text("kernoverleg", Some("2.1"), "Gebruikt de kern het overleg om samen een dekkend aanbod dicht bij huis te bieden? Wat is daarvoor nodig?"),
                text("groepsgericht", Some("2.2"), "Welke ideeën heeft u om ondersteuning vaker groepsgericht in te zetten?"),
                figure("thuiszitters_dreigend", Some("2.4"), "Aantal dreigende thuiszitters"),
                figure("thuiszitters_gedeeltelijk", Some("2.4"), "Aantal leerlingen dat niet de volledige schoolweek naar school gaat"),
                figure("overstap_risico", Some("2.4"), "Aantal leerlingen in groep 7 en 8 met een risico bij de overstap naar het voortgezet onderwijs"),
                text("aanwezigheid", Some("2.4"), "Heeft de school voldoende zicht op schoolaanwezigheid? Gaan leerkrachten bij zorgen tijdig met ouders in gesprek?"),
            ],
        ),
        section(
            "ambitie3",
            "Ambitie 3: sterke ondersteuningsroute",
            "Hieronder staan de ondersteuningsmiddelen van de school voor dit jaar, berekend uit het aantal leerlingen.",
            Some("a3"),
            vec![
                scale("basisondersteuning_score", Some("3.2"), "Hoe tevreden bent u over de basisondersteuning van de school (1 = niet, 5 = zeer)?"),
                text("basisondersteuning", Some("3.2"), "Wat wilt u in de basisondersteuning nog ontwikkelen?"),
                text("arrangeren", Some("3.3"), "Hoe arrangeert het ondersteuningsteam? Wilt u daarin een stap zetten?"),
                figure("arrangementen", Some("3.3"), "Aantal aangevraagde arrangementen"),
                figure("naar_so", Some("3.4"), "Aantal leerlingen dat naar het speciaal (basis)onderwijs ging"),
                figure("uit_so", Some("3.4"), "Aantal leerlingen dat uit het speciaal (basis)onderwijs terugkwam"),
                text("overstap_regulier", Some("3.4"), "Kijkt de school bij een vastgelopen leerling ook naar een overstap naar een andere gewone school, of naar tijdelijk speciaal onderwijs?"),
            ],
        ),
        section(
            "afsluiting",
            "Afsluiting",
            "We zoomen uit en maken afspraken voor het komende jaar.",
            None,
            vec![
                text("prioriteit", None, "Als u terugkijkt op dit gesprek: wat heeft voor de school de hoogste prioriteit?"),
                text("afspraken_samenwerking", None, "Wat spreken we af over de samenwerking in het komende jaar?"),
                GuideQuestion {
                    key: "mr_schoolgids".into(),
                    text: "Heeft de school het ondersteuningsprofiel met de MR besproken en het (of de ouderversie) in de schoolgids opgenomen, zoals de wet vraagt?".into(),
                    kind: QuestionKind::Choice,
                    options: vec!["Ja, allebei".into(), "Gedeeltelijk".into(), "Nog niet, wel gepland".into(), "Nee".into()],
                    goal: None,
                },
            ],
        ),
    ];
    Guide {
        intro: "Spreek aan het begin af wie het verslag schrijft en of het verslag als bijlage bij het ondersteuningsprofiel komt. Sinds augustus 2025 hoort het ondersteuningsaanbod in de schoolgids; een ouderversie van het profiel kan daarvoor dienen. Schrijf nergens namen of andere gegevens van leerlingen op.".into(),
        ambitions,
        sections,
    }
}
