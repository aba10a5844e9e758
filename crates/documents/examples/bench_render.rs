//! Warm render times of the parent report and the full profile, with data of
//! the size the demo's published profile has (run by `scripts/bench-public`).
//!
//!   cargo run --release -p passend-documents --example bench_render [-- RUNS]

use std::time::Instant;

use passend_documents::{DocumentKind, Engine};
use serde_json::{Value, json};

const TEXT: &str = "Wij helpen ieder kind zo goed als we kunnen. Veel hulp geven we zelf in de klas. \
    Soms is er meer nodig. Dan praten we eerst met u. Samen zoeken we wat uw kind helpt.";

fn data() -> Value {
    let categories = [
        "Dyslexie",
        "Dyscalculie",
        "Taal en spraak",
        "Nederlands als tweede taal",
        "Meer- en hoogbegaafdheid",
        "Moeite met leren",
        "Gedrag",
        "Werkhouding",
        "Motoriek",
        "Medische zorg",
        "Slecht zien",
        "Slecht horen",
    ];
    let entry = |i: usize| match i % 4 {
        0 => {
            json!({ "label": format!("Vraag {i}: hoe werkt de school hieraan?"), "kind": "text", "text": TEXT, "items": [], "columns": [], "rows": [], "note": null })
        }
        1 => {
            json!({ "label": format!("Vraag {i}: niveau"), "kind": "text", "text": "Standaard", "items": [], "columns": [], "rows": [], "note": "Met een specialist in de school." })
        }
        2 => {
            json!({ "label": format!("Vraag {i}: functies"), "kind": "list", "text": "", "items": ["Intern begeleider", "Zorgteam", "Onderwijsassistent"], "columns": [], "rows": [], "note": null })
        }
        _ => {
            json!({ "label": format!("Vraag {i}: deskundigheid"), "kind": "table", "text": "", "items": [], "columns": ["Specialist", "Dagdelen per week"], "rows": [["Intern begeleider", "4"], ["Leesspecialist", "2"], ["Gedragsspecialist", "1,5"]], "note": null })
        }
    };
    let chapters: Vec<Value> = (0..11)
        .map(|c| json!({ "title": format!("Hoofdstuk {}", c + 1), "entries": (0..4).map(|i| entry(c * 4 + i)).collect::<Vec<_>>() }))
        .collect();
    json!({
        "lang": "nl", "text_lang": "nl", "title": "Schoolondersteuningsprofiel 2025-2026 — De Brug", "year": "2025-2026",
        "school": { "name": "De Brug", "address": "Schoolstraat 1, 1011AB Amsterdam", "contact": {
            "phone": "020 123 45 67", "email": "info@debrug.example", "website": "www.debrug.example",
            "website_url": "https://www.debrug.example" } },
        "swv": "Passend Primair Amsterdam-Diemen",
        "labels": {
            "profile": "Schoolondersteuningsprofiel", "adopted_line": "Vastgesteld op 10-6-2026", "hash_line": "Versie 86ccd6ff60ff",
            "parent_title": "Wat biedt onze school uw kind?", "summary": "In het kort", "offers_standard": "Wat wij bieden",
            "offers_consult": "Wat wij bieden na overleg", "offers_consult_intro": "Dit kan soms. We praten er eerst met u over.",
            "offers_not": "Wat wij niet kunnen bieden", "none_given": "Niets ingevuld.", "contact": "Bij wie kunt u terecht?",
            "changes": "Wat is er veranderd dit jaar?", "more": "Meer lezen", "more_text": "Het hele profiel staat op",
            "poster_title": "Zo helpen wij uw kind", "guide_title": "Ondersteuning van leerlingen", "vision": "Onze visie",
            "offer_table": "Ondersteuning per onderwerp", "category": "Onderwerp", "level": "Wat wij bieden",
            "specialists": "Specialisten in de school", "specialist": "Specialist", "dagdelen": "Dagdelen per week",
            "phone": "Telefoon", "email": "E-mail", "website": "Website", "swv": "Samenwerkingsverband",
            "scan": "Scan voor de hele uitleg"
        },
        "summary": TEXT, "vision": TEXT, "limits": TEXT, "contact": "Bel of mail de leraar van uw kind.", "contact_short": "Bel de leraar.",
        "offers": { "standard": &categories[..6], "consult": &categories[6..10], "not": &categories[10..] },
        "offer_rows": categories.iter().map(|c| json!({ "category": c, "level": "Standaard" })).collect::<Vec<_>>(),
        "specialists": [{ "name": "Intern begeleider", "dagdelen": "4" }, { "name": "Leesspecialist", "dagdelen": "2" }],
        "steunpunt": { "title": "Ouder- en jeugdsteunpunt", "name": null, "note": null, "contact": {
            "phone": "020 555 01 20", "email": null, "website": null, "website_url": null } },
        "qr": serde_json::to_value(passend_documents::data::QrCode::of("https://passend.example/scholen/04FZ00/ouders", "QR-code".to_owned())).unwrap(),
        "changes": ["Dyscalculie: nu standaard (was: na overleg).", "Nieuw dit jaar: Meer kennis over slecht zien."],
        "urls": { "profile": "https://passend.example/scholen/04FZ00", "parents": "https://passend.example/scholen/04FZ00/ouders" },
        "chapters": chapters,
    })
}

fn main() {
    let runs: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(50);
    let started = Instant::now();
    let engine = Engine::new();
    println!("engine (fonts) loaded in {:.1} ms", started.elapsed().as_secs_f64() * 1000.0);
    let data = data();
    for kind in [DocumentKind::ParentReport, DocumentKind::FullProfile, DocumentKind::Poster, DocumentKind::SchoolGuide]
    {
        let first = Instant::now();
        let pdf = engine.render(kind, &data, (2026, 12, 1)).expect("renders");
        let cold = first.elapsed().as_secs_f64() * 1000.0;
        let mut times: Vec<f64> = (0..runs)
            .map(|_| {
                let t = Instant::now();
                engine.render(kind, &data, (2026, 12, 1)).expect("renders");
                t.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        times.sort_by(f64::total_cmp);
        let p = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
        println!(
            "{:<10} first {cold:6.1} ms   warm median {:6.1} ms  p95 {:6.1} ms  ({} runs, {} kB)",
            kind.key(),
            p(0.5),
            p(0.95),
            runs,
            pdf.len() / 1024
        );
    }
}
