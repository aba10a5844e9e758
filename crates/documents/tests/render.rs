//! Every document typesets from realistic data without warnings, in Dutch
//! and in Arabic (right to left), and the PDF is tagged PDF/UA.

use passend_documents::{DocumentKind, Engine, school_guide_docx};
use serde_json::{Value, json};

fn labels() -> Value {
    json!({
        "profile": "Schoolondersteuningsprofiel", "adopted_line": "Vastgesteld op 12-06-2026",
        "hash_line": "Versie 3f2a9c1b", "parent_title": "Wat biedt onze school uw kind?", "summary": "In het kort",
        "offers_standard": "Wat wij bieden", "offers_consult": "Wat wij bieden na overleg",
        "offers_consult_intro": "Dit kan soms.", "offers_not": "Wat wij niet kunnen bieden",
        "none_given": "Niets ingevuld.", "contact": "Bij wie kunt u terecht?", "changes": "Wat is er veranderd?",
        "more": "Meer lezen", "more_text": "Het hele profiel staat op", "poster_title": "Zo helpen wij uw kind",
        "guide_title": "Ondersteuning van leerlingen", "vision": "Onze visie", "offer_table": "Ondersteuning per onderwerp",
        "category": "Onderwerp", "level": "Wat wij bieden", "specialists": "Specialisten", "specialist": "Specialist",
        "dagdelen": "Dagdelen per week"
    })
}

fn data(lang: &str) -> Value {
    let long =
        "Wij helpen elk kind zo goed als we kunnen, samen met de ouders en met hulp van buiten de school. ".repeat(8);
    json!({
        "lang": lang, "text_lang": "nl", "title": "Schoolondersteuningsprofiel 2026-2027 — De Brug",
        "year": "2026-2027",
        "school": { "name": "Basisschool De Brug", "address": "Schoolstraat 1, 1234 AB Amsterdam" },
        "labels": labels(),
        "summary": long, "vision": long, "limits": long, "contact": "Juf Anna, intern begeleider.",
        "contact_short": "Juf Anna, intern begeleider.",
        "offers": { "standard": ["Dyslexie", "Gedrag"], "consult": ["Motoriek"], "not": ["Medische zorg"] },
        "offer_rows": [{ "category": "Dyslexie", "level": "Standaard" }, { "category": "Medische zorg", "level": "Niet" }],
        "specialists": [{ "name": "Intern begeleider", "dagdelen": "4" }, { "name": "Leesspecialist", "dagdelen": "1,5" }],
        "steunpunt": { "title": "Ouder- en jeugdsteunpunt", "text": "Bel 020 123 45 67." },
        "changes": ["Dyslexie: nu standaard (was: na overleg)."],
        "urls": { "profile": "https://passend.example/scholen/04FZ00", "parents": "https://passend.example/scholen/04FZ00/ouders" },
        "chapters": [
            { "title": "Visie", "entries": [
                { "label": "Wat is uw visie?", "kind": "text", "text": long, "items": [], "columns": [], "rows": [], "note": null },
                { "label": "Functies", "kind": "list", "text": "", "items": ["IB", "RT"], "columns": [], "rows": [], "note": "Met het SWV." },
                { "label": "Deskundigheid", "kind": "table", "text": "", "items": [], "columns": ["Specialist", "Dagdelen"], "rows": [["IB", "4"]], "note": null }
            ]}
        ]
    })
}

#[test]
fn every_document_renders_as_pdf_ua_in_dutch_and_arabic() {
    let engine = Engine::new();
    for lang in ["nl", "ar"] {
        let mut data = data(lang);
        if lang == "ar" {
            data["labels"]["offers_standard"] = json!("ما نقدمه");
            data["offers"]["standard"] = json!(["عسر القراءة"]);
        }
        for kind in DocumentKind::ALL {
            let pdf = engine.render(kind, &data, (2026, 12, 1)).unwrap_or_else(|e| panic!("{kind:?} {lang}: {e}"));
            assert!(pdf.starts_with(b"%PDF-"), "{kind:?}");
            let text = String::from_utf8_lossy(&pdf);
            assert!(text.contains("pdfuaid"), "{kind:?} {lang}: PDF/UA identification missing");
        }
    }
}

#[test]
fn characters_the_fonts_lack_do_not_break_a_document() {
    let engine = Engine::new();
    let mut data = data("nl");
    data["summary"] = json!("Wij helpen ieder kind 😀 学校 ✓ — ook in het Oekraïens: Школа.");
    data["school"]["name"] = json!("De Brug 🌉");
    let pdf =
        engine.render(DocumentKind::ParentReport, &data, (2026, 12, 1)).expect("renders with ? for missing glyphs");
    assert!(pdf.starts_with(b"%PDF-"));
}

#[test]
fn a_template_error_is_reported_not_served() {
    let engine = Engine::new();
    let mut broken = data("nl");
    broken.as_object_mut().unwrap().remove("labels");
    assert!(engine.render(DocumentKind::ParentReport, &broken, (2026, 12, 1)).is_err());
}

#[test]
fn the_school_guide_chapter_is_a_word_document() {
    let bytes = school_guide_docx(&data("nl")).unwrap();
    assert!(bytes.starts_with(b"PK"), "a DOCX is a zip file");
}

#[test]
#[ignore = "writes sample PDFs to /tmp for a look"]
fn write_samples() {
    let engine = Engine::new();
    for kind in DocumentKind::ALL {
        let pdf = engine.render(kind, &data("nl"), (2026, 12, 1)).unwrap();
        std::fs::write(format!("/tmp/sample-{}.pdf", kind.key()), pdf).unwrap();
    }
    let mut ar = data("ar");
    ar["labels"]["offers_standard"] = json!("ما نقدمه");
    std::fs::write("/tmp/sample-ar.pdf", engine.render(DocumentKind::ParentReport, &ar, (2026, 12, 1)).unwrap())
        .unwrap();
}
