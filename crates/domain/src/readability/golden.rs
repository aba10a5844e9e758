//! The analysis of a fixed long document, before and after a restructuring:
//! `testdata/readability/golden_analysis.json` holds what the analysis said
//! about it when the test was written (the ten fixture texts, the test set's
//! passages and texts with every case the segmentation knows, analysed whole,
//! paragraph by paragraph, with other options, own terms and a speller).
//! A change that speeds the analysis up must not change a word of it.
//!
//! Only when the analysis is meant to say something else, write the file
//! anew: `PASSEND_BLESS=1 cargo test -p passend-domain --lib golden`, and read
//! the difference before committing it.

use serde_json::{Value, json};

use super::{Glossary, Options, Speller, analyse, analyse_in, sentences};

const FIXTURES: [&str; 10] = [
    include_str!("../../../../tests/fixtures/leesbaarheid/01_ouderbrief.txt"),
    include_str!("../../../../tests/fixtures/leesbaarheid/02_sop_proza.txt"),
    include_str!("../../../../tests/fixtures/leesbaarheid/03_leerlingen.txt"),
    include_str!("../../../../tests/fixtures/leesbaarheid/04_visie.txt"),
    include_str!("../../../../tests/fixtures/leesbaarheid/05_aanbod.txt"),
    include_str!("../../../../tests/fixtures/leesbaarheid/06_grenzen.txt"),
    include_str!("../../../../tests/fixtures/leesbaarheid/07_ambities.txt"),
    include_str!("../../../../tests/fixtures/leesbaarheid/08_nieuwsbrief.txt"),
    include_str!("../../../../tests/fixtures/leesbaarheid/09_beleid.txt"),
    include_str!("../../../../tests/fixtures/leesbaarheid/10_contact.txt"),
];

const PASSAGES: &str = include_str!("../../testdata/readability/jargon_passages.txt");

const GOLDEN_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/readability/golden_analysis.json");

/// Texts with every case of the segmentation and the hints: headings, lists,
/// PDF line breaks and hyphens, Windows line ends, soft hyphens, abbreviations,
/// numbers, capitals, an abbreviation explained after it was flagged, names.
const CASES: &str = "Wat wij bieden\r\n\r\n- extra hulp bij lezen\r\n- een plusklas\r\n\
    1. Eerst het gesprek met de IB'er.\r\n2) Dan het OPP.\r\n\r\n\
    De school biedt extra hulp aan kin-\nderen die moeite hebben met lezen. Ook\nwerken we samen \
    met het SWV; arrangementen zijn maatwerk.\n\n\
    We werken o.a. met de IB-er. Bijv. bij rekenen helpt zij z.s.m. na de toets. Dhr. J. de Vries is \
    m.b.t. gedrag de contactpersoon, d.w.z. hij belt u. De school heeft 1.250 leerlingen. Zij krijgen \
    2,5 uur extra. Is dat zo? Ja! Dat klopt… \"Goed,\" zegt Jansen. (Zo gaat het.)\n\n\
    De resultaten staan in het LOVS. Het LOVS (leerlingvolgsysteem) is online. Het LOVS helpt. Het \
    jeugdteam (JT) komt langs. Het JT helpt. De BSO en de AVG gelden hier. Hoofdstuk II gaat over ICT.\n\n\
    ONZE SCHOOL EN DE WIJK\n\n\
    Het zorgarrangement en de arrangementsaanvraag volgen. Wij bespreken dit in het ondersteuningsteam \
    met de ondersteuningscoördinator en het schoolmaatschappelijk werk. Onze interne begeleiders \
    maken groepsplannen; wij geven licht curatieve hulp en er wordt gearrangeerd. Na de rekenles en de \
    taalles belt het wijkteam. De remediërende diagnostiek volgt, daarna de handelingsgerichte aanpak.\n\n\
    In het kader van de implementatie van de nieuwe werkwijze rondom de ondersteuningsstructuur wordt \
    er door de school in samenwerking met het samenwerkingsverband een verbetering ingezet. De ouders \
    worden door de leerkracht en de intern begeleider van de school uitgenodigd voor een gesprek over de \
    hulp die hun kind in de klas krijgt en over de doelen voor de komende periode, zodat iedereen weet \
    wat er gaat gebeuren. Het plan is besproken met het team. Uw kind heeft een OPP-gesprek en twee \
    OPP's.\n\n\
    Het kernteam jeugd bespreekt het met de moederschool. Daarna wordt er gearrangeerd, zoals de \
    kernteams jeugd altijd doen. De kindren lezen met de IB-er in Amsterdam, 2026. Kinderen lezen, \
    kinderen spelen.\n\n\
    basisschool\n\n\
    Hé — wat ÉÉN tekst: İstanbul, ΣΟΦΊΑ en straße; 12 ., ½ en ‘aanhalingstekens’ en “meer”.\u{00AD}\n\
    \u{00AD}Zacht\u{00AD}e af\u{00AD}breking.\r  \t  Nog een regel\rzonder einde";

/// Every fixture, every passage and the cases.
fn once() -> String {
    let passages: Vec<&str> = PASSAGES
        .split("\n=== ")
        .skip(1)
        .map(|chunk| chunk.split_once('\n').map_or("", |(_, rest)| rest))
        .map(|rest| rest.split_once('\n').map_or("", |(_, text)| text))
        .collect();
    [FIXTURES.join("\n\n"), passages.join("\n\n"), CASES.to_owned()].join("\n\n")
}

/// The long document: all of it twice over, so that words and abbreviations
/// come back after their first appearance.
fn document() -> String {
    let once = once();
    format!("{once}\n\n{once}")
}

/// Knows the words of the frequency list (and their lower case): a speller that is always the same.
struct Frequent;

impl Speller for Frequent {
    fn knows(&self, word: &str) -> bool {
        super::is_frequent(word) || super::is_frequent(&word.to_lowercase())
    }
}

fn everything() -> Value {
    let text = document();
    let options = Options::default();
    let strict = Options { max_sentence_words: 12, max_word_letters: 10 };
    let own = Glossary::own([
        ("kernteam jeugd", "het team van school en gemeente"),
        ("moederschool", "de school waar uw kind ingeschreven staat"),
        ("arrangeren", "hulp regelen"),
        ("leerkracht", "juf of meester"),
    ]);
    let paragraphs: Vec<Value> = once()
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| json!(analyse_in(p, &options, Some(&Frequent), &own)))
        .collect();
    json!({
        "sentences": sentences(&once()),
        "whole": analyse(&text, &options),
        "whole_strict": analyse(&text, &strict),
        "whole_own_terms_and_speller": analyse_in(&text, &options, Some(&Frequent), &own),
        "cases_own_terms_and_speller": analyse_in(CASES, &strict, Some(&Frequent), &own),
        "paragraphs": paragraphs,
    })
}

#[test]
fn a_long_document_is_analysed_exactly_as_before() {
    let now = everything();
    let written = serde_json::to_string_pretty(&now).expect("json") + "\n";
    if std::env::var_os("PASSEND_BLESS").is_some() {
        std::fs::write(GOLDEN_PATH, &written).expect("write the golden file");
        return;
    }
    let before = std::fs::read_to_string(GOLDEN_PATH).expect("the golden file");
    // Compared as text: the numbers exactly as written, no float parsed back.
    if let Some((line, (now, was))) = written.lines().zip(before.lines()).enumerate().find(|(_, (now, was))| now != was)
    {
        panic!("the analysis differs from the golden file at line {}: now {now:?}, was {was:?}", line + 1);
    }
    assert_eq!(written.lines().count(), before.lines().count(), "the analysis differs in length");
}
