//! Plausible, clearly generated profiles for every location in the country,
//! for benchmarks and demos at national scale (`passend demo --scale national`).
//!
//! Deterministic: the same location and school year always give the same
//! profile, so runs and benchmarks can be compared. Nothing here pretends to
//! describe a real school; storage marks every such profile as generated.

use serde_json::{Value, json};

use crate::lifecycle::{Day, ProfileState, add_days, content_hash, iso_day, parse_day};
use crate::questionnaire::{AnswerValue, SchoolYear, Template, parse_answer};

/// What the generator knows of a location (from DUO's open data).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SampleLocation {
    pub code: String,
    pub duo_type: Option<String>,
    pub pupils: Option<i64>,
}

/// One generated profile of a location for a school year.
#[derive(Debug, Clone, PartialEq)]
pub struct GeneratedProfile {
    pub state: ProfileState,
    pub adopted_on: Option<String>,
    pub content_hash: Option<String>,
    pub answers: Vec<(String, AnswerValue, Option<String>)>,
}

/// A stable 64-bit hash (FNV-1a): the generator's only source of variety.
fn mix(parts: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain([0xff]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

/// A number in 0..100 for the location, item and year.
fn roll(location: &str, key: &str, year: SchoolYear) -> u64 {
    mix(&[location, key, &year.to_string()]) % 100
}

/// Special schools (SBO, SO, VSO, PrO) offer more, and more often as standard.
fn is_special(location: &SampleLocation) -> bool {
    let kind = location.duo_type.as_deref().unwrap_or_default().to_lowercase();
    kind.contains("speciaal")
        || kind.split(['/', ' ']).any(|part| ["sbao", "(v)so", "vso", "so", "pro"].contains(&part))
}

/// How likely (percent) a category is offered as standard and after consultation.
fn offer_odds(category: &str, special: bool) -> (u64, u64) {
    let (standard, consult) = match category {
        "aanbod.dyslexie" => (70, 25),
        "aanbod.dyscalculie" => (45, 40),
        "aanbod.taal_spraak" => (35, 45),
        "aanbod.nt2" => (30, 40),
        "aanbod.meer_hoogbegaafdheid" => (50, 35),
        "aanbod.leren" => (55, 35),
        "aanbod.gedrag" => (25, 50),
        "aanbod.werkhouding" => (55, 35),
        "aanbod.motoriek" => (25, 45),
        "aanbod.medisch" => (10, 45),
        "aanbod.zien" => (8, 50),
        "aanbod.horen" => (8, 50),
        _ => (30, 40),
    };
    if special { ((standard + 30).min(90), consult.min(100 - (standard + 30).min(90))) } else { (standard, consult) }
}

const VISIONS: [&str; 4] = [
    "Ieder kind hoort erbij. We kijken naar wat een kind nodig heeft en praten daarover met de ouders.",
    "We willen dat kinderen zo veel mogelijk in hun eigen wijk naar school gaan. Samen met ouders zoeken we wat werkt.",
    "Goed onderwijs begint bij een veilige klas. We passen ons onderwijs aan waar dat kan.",
    "Leerlingen leren het best als ze zich gezien voelen. Daarom werken we in kleine stappen en met duidelijke afspraken.",
];

const LIMITS: [&str; 3] = [
    "Verpleegkundige zorg kunnen we niet bieden. Ook een leerling die steeds één-op-één begeleiding nodig heeft, kunnen we niet goed helpen.",
    "Als de veiligheid van een leerling of van anderen in gevaar komt, zoeken we met ouders en het samenwerkingsverband een andere plek.",
    "Bij zware medische zorg of ernstige gedragsproblemen lukt het ons niet alleen.",
];

const AMBITIONS: [&str; 5] = [
    "Meer kennis over gedrag in de klas",
    "Een plusklas voor kinderen die meer aankunnen",
    "Betere begeleiding bij lezen en spelling",
    "Ouders eerder betrekken bij zorgen",
    "Een rustige werkplek in elke groep",
];

const SPECIALISTS: [&str; 6] = [
    "Intern begeleider",
    "Gedragsspecialist",
    "Leesspecialist",
    "Rekenspecialist",
    "Specialist meer- en hoogbegaafdheid",
    "Onderwijsassistent",
];

fn pick<'a>(options: &[&'a str], location: &str, key: &str, year: SchoolYear) -> &'a str {
    options[(mix(&[location, key, &year.to_string()]) % options.len() as u64) as usize]
}

/// The state of a location's profile in a year, given how many years it lies
/// before the newest one generated (0 = the newest).
fn state_for(location: &str, newest: SchoolYear, age: u16) -> ProfileState {
    let newest_state = match roll(location, "state", newest) {
        0..30 => ProfileState::Concept,
        30..40 => ProfileState::TeamReview,
        40..48 => ProfileState::MrAdviceRequested,
        48..55 => ProfileState::MrAdvised,
        55..65 => ProfileState::Adopted,
        _ => ProfileState::Published,
    };
    match age {
        0 => newest_state,
        // Last year's is still the public one until this year's is adopted.
        1 if !newest_state.is_adopted() => ProfileState::Published,
        _ => ProfileState::Superseded,
    }
}

/// A plausible profile for the location in `year`, `age` school years before
/// the newest generated year.
pub fn generate(template: &Template, location: &SampleLocation, year: SchoolYear, age: u16) -> GeneratedProfile {
    let newest = SchoolYear::starting(year.start() + age);
    generate_in_state(template, location, year, age, state_for(&location.code, newest, age))
}

/// The profiles the demo gives a location of the demo SWV's region
/// (`passend serve --demo`), oldest first: about one in seven none, one in ten
/// only last year's, published (so its review is overdue now), the rest the
/// last three years as [`generate`] makes them, so that every step of the
/// cycle shows up in the region. No adoption date lies after `today`.
pub fn demo_region(
    template: &Template,
    location: &SampleLocation,
    newest: SchoolYear,
    today: Day,
) -> Vec<(SchoolYear, GeneratedProfile)> {
    let code = location.code.as_str();
    let mut out = match mix(&[code, "demo-region"]) % 100 {
        0..14 => Vec::new(),
        14..24 => {
            let last = newest.previous();
            vec![(last, generate_in_state(template, location, last, 1, ProfileState::Published))]
        }
        _ => (0..3u16)
            .rev()
            .map(|age| {
                let year = SchoolYear::starting(newest.start() - age);
                (year, generate(template, location, year, age))
            })
            .collect(),
    };
    for (year, profile) in &mut out {
        if profile.adopted_on.as_deref().and_then(parse_day).is_some_and(|adopted| adopted > today) {
            // Adopted this school year, some days before today (not before it began).
            let back = 1 + i64::try_from(mix(&[code, "adopted-demo"]) % 21).unwrap_or(0);
            profile.adopted_on = Some(iso_day(add_days(today, -back).max((year.start(), 9, 1)).min(today)));
        }
    }
    out
}

fn generate_in_state(
    template: &Template,
    location: &SampleLocation,
    year: SchoolYear,
    age: u16,
    state: ProfileState,
) -> GeneratedProfile {
    let code = location.code.as_str();
    let special = is_special(location);
    let mut raw: Vec<(&str, Value, Option<&str>)> = Vec::new();
    if let Some(pupils) = location.pupils {
        raw.push(("typering.leerlingen", json!(pupils), None));
    }
    if let Some(kind) = &location.duo_type {
        raw.push(("typering.soort", json!(kind), None));
    }
    raw.push(("visie.ondersteuning", json!(pick(&VISIONS, code, "visie", year)), None));
    for key in ["basis.basiskwaliteit", "basis.preventief", "basis.structuur", "basis.planmatig"] {
        // Schools grow: a later year is a little more often "op orde" or "sterk".
        let level = match roll(code, key, year).saturating_sub(u64::from(3 - age.min(3)) * 4) {
            0..8 => "in_ontwikkeling",
            8..70 => "op_orde",
            70..76 => "nog_niet",
            _ => "sterk",
        };
        raw.push((key, json!(level), None));
    }
    for item in template.items().filter(|i| i.key.starts_with("aanbod.")) {
        let (standard, consult) = offer_odds(&item.key, special);
        // Each year a few schools move up a level.
        let r = roll(code, &item.key, SchoolYear::starting(2000)).saturating_sub(u64::from(2 - age.min(2)) * 3);
        let level = if r < standard {
            "standaard"
        } else if r < standard + consult {
            "na_overleg"
        } else {
            "niet"
        };
        raw.push((item.key.as_str(), json!(level), None));
    }
    let specialists = 1 + mix(&[code, "specialists"]) % 3;
    let rows: Vec<Value> = (0..specialists)
        .map(|i| {
            // The IB-er always, then other specialists without repeats.
            let name =
                if i == 0 { SPECIALISTS[0] } else { SPECIALISTS[1 + ((mix(&[code, "specialist"]) + i) % 5) as usize] };
            let halves = 1 + mix(&[code, name, &year.to_string()]) % 8;
            json!({ "specialist": name, "dagdelen": format!("{}", halves as f64 / 2.0) })
        })
        .collect();
    raw.push(("deskundigheid.aanwezig", Value::Array(rows), None));
    raw.push(("extra.grenzen", json!(pick(&LIMITS, code, "grenzen", year)), None));
    let ambition = pick(&AMBITIONS, code, "ambitie", year);
    raw.push(("ambities.lijst", json!([{ "ambitie": ambition, "wanneer": year.to_string() }]), None));
    raw.push(("ambities.scholing", json!(format!("Scholing voor het team: {}.", ambition.to_lowercase())), None));
    raw.push((
        "ouders.contact",
        json!("Met vragen over ondersteuning kunt u terecht bij de leerkracht en de intern begeleider."),
        None,
    ));
    let answers: Vec<(String, AnswerValue, Option<String>)> = raw
        .into_iter()
        .filter_map(|(key, value, note)| {
            let item = template.item(key)?;
            let value = parse_answer(item, &value).ok().flatten()?;
            Some((key.to_owned(), value, note.map(str::to_owned)))
        })
        .collect();
    let adopted = state.is_adopted();
    GeneratedProfile {
        adopted_on: adopted.then(|| format!("{}-06-{:02}", year.start() + 1, 1 + roll(code, "adopted", year) % 28)),
        content_hash: adopted
            .then(|| content_hash(template, answers.iter().map(|(k, v, n)| (k.as_str(), v, n.as_deref())))),
        state,
        answers,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::default_template;

    fn location(code: &str, kind: &str) -> SampleLocation {
        SampleLocation { code: code.into(), duo_type: Some(kind.into()), pupils: Some(180) }
    }

    #[test]
    fn the_same_location_and_year_give_the_same_profile() {
        let year = SchoolYear::starting(2026);
        let a = generate(default_template(), &location("04FZ00", "basisschool"), year, 0);
        let b = generate(default_template(), &location("04FZ00", "basisschool"), year, 0);
        assert_eq!(a, b);
        assert!(a.answers.iter().any(|(k, _, _)| k == "aanbod.dyslexie"));
        assert_eq!(a.answers.iter().filter(|(k, _, _)| k.starts_with("aanbod.")).count(), 12);
    }

    #[test]
    fn every_answer_fits_its_item_and_adopted_versions_carry_a_hash() {
        let template = default_template();
        for i in 0..300 {
            let code = format!("{:02}AB{:02}", i % 97, i % 13);
            for age in 0..3 {
                let year = SchoolYear::starting(2026 - age);
                let p = generate(template, &location(&code, "SBAO"), year, age);
                for (key, value, _) in &p.answers {
                    assert!(value.fits(template.item(key).unwrap()), "{key}: {value:?}");
                }
                assert_eq!(p.state.is_adopted(), p.content_hash.is_some());
                assert_eq!(p.state.is_adopted(), p.adopted_on.is_some());
                if age >= 2 {
                    assert_eq!(p.state, ProfileState::Superseded);
                }
            }
        }
    }

    #[test]
    fn special_schools_offer_more_as_standard() {
        let template = default_template();
        let standard = |kind: &str| {
            (0..400)
                .map(|i| generate(template, &location(&format!("{i:04}XX"), kind), SchoolYear::starting(2026), 0))
                .flat_map(|p| p.answers)
                .filter(|(k, v, _)| k.starts_with("aanbod.") && *v == AnswerValue::Choice("standaard".into()))
                .count()
        };
        assert!(standard("(V)SO") > standard("basisschool") + 400);
    }

    #[test]
    fn the_demo_region_shows_every_step_and_no_adoption_in_the_future() {
        let template = default_template();
        let newest = SchoolYear::starting(2026);
        let today = (2026, 12, 1);
        let mut none = 0;
        let mut only_last_year = 0;
        let mut states = std::collections::BTreeSet::new();
        for i in 0..200 {
            let profiles =
                demo_region(template, &location(&format!("{i:02}DM{:02}", i % 7), "basisschool"), newest, today);
            match profiles.as_slice() {
                [] => none += 1,
                [(year, p)] => {
                    assert_eq!((*year, p.state), (newest.previous(), ProfileState::Published));
                    only_last_year += 1;
                }
                all => {
                    let years: Vec<_> = all.iter().map(|(y, _)| *y).collect();
                    assert_eq!(years, vec![newest.previous().previous(), newest.previous(), newest]);
                    states.insert(all[2].1.state.as_str());
                }
            }
            for (_, p) in &profiles {
                if let Some(day) = p.adopted_on.as_deref() {
                    assert!(parse_day(day).unwrap() <= today, "{day}");
                }
                assert_eq!(p.state.is_adopted(), p.content_hash.is_some());
            }
        }
        assert!((15..45).contains(&none), "{none} without a profile");
        assert!((8..40).contains(&only_last_year), "{only_last_year} with only last year's");
        assert!(states.len() >= 5, "this year's profiles are at several steps: {states:?}");
    }
}
