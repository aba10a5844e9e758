//! The view's documents and texts from a hand-made view: every kind of
//! answer, more changes than the parent report holds, a support point with
//! phone, e-mail and site.

use std::collections::HashMap;

use passend_domain::publishing::{CHANGES_MAX, CONTACT_MAX, Offer, POSTER_CONTACT_MAX, SUMMARY_MAX};
use passend_domain::questionnaire::{Chapter, ComposedChapter, Entry, Shown, SupportCategory};
use passend_i18n::ParentLang;
use serde_json::json;

use super::{Contact, PublicView, Steunpunt};

fn entry(label: &str, shown: Shown, note: Option<&str>) -> Entry {
    Entry {
        item_key: label.to_lowercase(),
        label: label.to_owned(),
        shown,
        note: note.map(str::to_owned),
        aspect: None,
    }
}

fn sample_view(lang: ParentLang) -> PublicView {
    PublicView {
        lang,
        code: "04FZ00".to_owned(),
        location_name: "De Brug".to_owned(),
        school_name: "Basisschool De Brug".to_owned(),
        address: "Schoolstraat 1, 1234 AB Amsterdam".to_owned(),
        school_contact: Contact {
            phone: Some("020 123 45 67".to_owned()),
            email: Some("info@debrug.example".to_owned()),
            website: Some("https://www.debrug.example/".to_owned()),
        },
        year: "2026-2027".to_owned(),
        years: vec!["2026-2027".to_owned(), "2025-2026".to_owned()],
        adopted_on: Some("15-6-2026".to_owned()),
        published_on: Some("16-6-2026".to_owned()),
        content_hash: "3f2a9c1b7d0e5a4f3f2a9c1b".to_owned(),
        generated: false,
        swv_name: Some("Passend Amsterdam".to_owned()),
        steunpunt: Some(Steunpunt {
            name: Some("Steunpunt Passend Amsterdam".to_owned()),
            contact: Contact {
                phone: Some("020 765 43 21".to_owned()),
                email: Some("steunpunt@swv.example".to_owned()),
                website: Some("https://steunpunt.example".to_owned()),
            },
            note: None,
        }),
        summary: Some("Wij helpen ieder kind.   Soms is er meer nodig.\n\n\nDan praten we met u. ".to_owned()),
        vision: Some("Ieder kind hoort erbij.".to_owned()),
        limits: Some("Medische zorg kunnen wij niet bieden.".to_owned()),
        contact: Some("Juf Anna, intern begeleider.".to_owned()),
        offer: Offer {
            standard: vec![SupportCategory::Dyslexie, SupportCategory::Gedrag],
            consult: vec![SupportCategory::Motoriek],
            not: vec![SupportCategory::Medisch],
            unknown: vec![SupportCategory::Zien],
        },
        notes: HashMap::new(),
        specialists: vec![
            ("Intern begeleider".to_owned(), "4".to_owned()),
            ("Leesspecialist".to_owned(), "1,5".to_owned()),
        ],
        partners: vec!["GGD".to_owned()],
        changes: (1..=10).map(|i| format!("Verandering {i}.")).collect(),
        chapters: vec![
            ComposedChapter {
                chapter: Chapter::Visie,
                entries: vec![
                    entry("Visie", Shown::Text("Ieder kind hoort erbij.".to_owned()), Some("Met het team.")),
                    entry("Eén keuze", Shown::Labels(vec!["Intern begeleider".to_owned()]), None),
                    entry("Functies", Shown::Labels(vec!["IB".to_owned(), "RT".to_owned()]), None),
                ],
            },
            ComposedChapter {
                chapter: Chapter::Deskundigheid,
                entries: vec![
                    entry("Ja", Shown::YesNo(true), None),
                    entry("Nee", Shown::YesNo(false), None),
                    entry("Leerlingen", Shown::Number { value: 240, unit: Some("leerlingen".to_owned()) }, None),
                    entry("Groepen", Shown::Number { value: 9, unit: None }, None),
                    entry(
                        "Deskundigheid",
                        Shown::Table {
                            columns: vec!["Specialist".to_owned(), "Dagdelen".to_owned()],
                            rows: vec![vec!["IB".to_owned(), "4".to_owned()]],
                        },
                        Some("Per week."),
                    ),
                ],
            },
        ],
        base_url: "https://passend.example".to_owned(),
        annexes: Vec::new(),
        ambitions: Vec::new(),
    }
}

#[test]
fn the_parent_text_reads_as_the_report_in_its_order() {
    let expected = [
        "Wat biedt onze school uw kind?",
        "In het kort",
        "Wij helpen ieder kind. Soms is er meer nodig.",
        "Dan praten we met u.",
        "Wat wij bieden",
        "- Dyslexie",
        "- Gedrag",
        "Wat wij bieden na overleg",
        "Dit kan soms. We praten er eerst met u over, en soms ook met het samenwerkingsverband.",
        "- Motoriek",
        "Wat wij niet kunnen bieden",
        "- Medische zorg",
        "Medische zorg kunnen wij niet bieden.",
        "Bij wie kunt u terecht?",
        "Juf Anna, intern begeleider.",
        "Wat is er veranderd dit jaar?",
    ]
    .into_iter()
    .map(str::to_owned)
    .chain((1..=CHANGES_MAX).map(|i| format!("- Verandering {i}.")))
    .collect::<Vec<_>>()
    .join("\n\n");
    assert_eq!(sample_view(ParentLang::Nl).parent_text(), expected);

    let mut bare = sample_view(ParentLang::Nl);
    bare.summary = None;
    bare.contact = None;
    bare.changes.clear();
    let text = bare.parent_text();
    assert!(!text.contains("In het kort") && !text.contains("Wat is er veranderd"), "{text}");
    assert!(text.ends_with("Medische zorg kunnen wij niet bieden.\n\nBij wie kunt u terecht?"), "{text}");
}

#[test]
fn the_parent_report_and_poster_bound_the_schools_texts() {
    let mut v = sample_view(ParentLang::Nl);
    v.summary = Some("Wij helpen ieder kind. Soms is er meer nodig. ".repeat(60));
    v.contact = Some("Juf Anna, intern begeleider. Bel of mail haar gerust. ".repeat(20));
    let parent = v.parent_data();
    assert!(parent.summary.as_deref().is_some_and(|s| s.chars().count() <= SUMMARY_MAX + 1));
    assert!(parent.contact.as_deref().is_some_and(|s| s.chars().count() <= CONTACT_MAX + 1));
    assert_eq!(parent.changes.len(), CHANGES_MAX);
    let poster = v.poster_data();
    assert!(poster.contact_short.as_deref().is_some_and(|s| s.chars().count() <= POSTER_CONTACT_MAX + 1));
    assert_eq!(poster.offers.standard, ["Dyslexie", "Gedrag"]);
    assert_eq!(poster.offers.not, ["Medische zorg"], "the offer in three groups");
    // The school guide has the texts whole.
    assert_eq!(v.guide_data().contact, v.contact);
}

#[test]
fn every_document_shares_the_schools_card_and_addresses() {
    let v = sample_view(ParentLang::Ar);
    let common = serde_json::to_value(v.guide_data()).unwrap();
    assert_eq!(common["lang"], "ar");
    assert_eq!(common["text_lang"], "nl", "the school's own texts are Dutch");
    assert_eq!(
        common["school"],
        json!({ "name": "De Brug", "address": "Schoolstraat 1, 1234 AB Amsterdam", "contact": {
            "phone": "020 123 45 67", "email": "info@debrug.example",
            "website": "www.debrug.example", "website_url": "https://www.debrug.example/" } })
    );
    assert_eq!(common["swv"], "Passend Amsterdam");
    assert_eq!(
        common["urls"],
        json!({ "profile": "https://passend.example/scholen/04FZ00", "parents": "https://passend.example/scholen/04FZ00/ouders" })
    );
    assert_eq!(
        common["steunpunt"],
        json!({ "title": v.t("public-steunpunt-title"), "name": "Steunpunt Passend Amsterdam", "note": null, "contact": {
            "phone": "020 765 43 21", "email": "steunpunt@swv.example",
            "website": "steunpunt.example", "website_url": "https://steunpunt.example" } })
    );
    assert_eq!(common["labels"]["hash_line"], v.hash_line());
    assert_eq!(common["offer_rows"].as_array().unwrap().len(), SupportCategory::ALL.len());
    assert_eq!(common["specialists"][1], json!({ "name": v.t("public-specialist-leesspecialist"), "dagdelen": "1,5" }));

    let mut none = sample_view(ParentLang::Nl);
    none.steunpunt = None;
    none.school_contact = Contact::default();
    let poster = serde_json::to_value(none.poster_data()).unwrap();
    assert_eq!(poster["steunpunt"], json!(null));
    assert_eq!(
        poster["school"]["contact"],
        json!({ "phone": null, "email": null, "website": null, "website_url": null })
    );
}

#[test]
fn the_full_profile_shows_each_kind_of_answer() {
    let v = sample_view(ParentLang::Nl);
    let text = |label: &str, text: &str, note: Option<&str>| json!({ "label": label, "kind": "text", "text": text, "items": [], "columns": [], "rows": [], "note": note });
    assert_eq!(
        serde_json::to_value(v.full_data().chapters).unwrap(),
        json!([
            { "title": "Visie op ondersteuning", "entries": [
                text("Visie", "Ieder kind hoort erbij.", Some("Met het team.")),
                text("Eén keuze", "Intern begeleider", None),
                { "label": "Functies", "kind": "list", "text": "", "items": ["IB", "RT"], "columns": [], "rows": [], "note": null },
            ]},
            { "title": v.chapter_title(&Chapter::Deskundigheid), "entries": [
                text("Ja", "Ja", None),
                text("Nee", "Nee", None),
                text("Leerlingen", "240 leerlingen", None),
                text("Groepen", "9", None),
                { "label": "Deskundigheid", "kind": "table", "text": "", "items": [], "columns": ["Specialist", "Dagdelen"],
                  "rows": [["IB", "4"]], "note": "Per week." },
            ]},
        ])
    );
    assert_eq!(v.chapters_data(), v.full_data().chapters);
}

#[test]
fn the_vensters_text_is_dutch_whatever_the_readers_language() {
    let expected = "Wij helpen ieder kind. Soms is er meer nodig.\n\nDan praten we met u.\n\n\
        Wat wij bieden: Dyslexie, Gedrag.\n\
        Wat wij bieden na overleg: Motoriek.\n\
        \n\
        Specialisten in de school (dagdelen per week):\n\
        - Intern begeleider: 4\n\
        - Leesspecialist: 1,5\n\
        \n\
        Het hele profiel staat op https://passend.example/scholen/04FZ00\n";
    assert_eq!(sample_view(ParentLang::Ar).vensters_text(), expected);
}

#[test]
fn the_posters_qr_code_leads_to_the_parent_page_in_the_readers_language() {
    assert_eq!(
        sample_view(ParentLang::Nl).poster_data().qr.unwrap().url,
        "https://passend.example/scholen/04FZ00/ouders"
    );
    assert_eq!(
        sample_view(ParentLang::Tr).poster_data().qr.unwrap().url,
        "https://passend.example/scholen/04FZ00/ouders?taal=tr"
    );
}

#[test]
fn known_specialists_and_partners_are_named_in_the_readers_language() {
    let v = sample_view(ParentLang::En);
    assert_eq!(v.specialist_name(" Intern begeleider "), (v.t("public-specialist-intern_begeleider"), true));
    assert_ne!(v.t("public-specialist-intern_begeleider"), "Intern begeleider");
    assert_eq!(v.specialist_name("Juf Mirjam"), ("Juf Mirjam".to_owned(), false), "a name of its own stays");
    assert_eq!(v.guide_data().specialists[0].name, v.t("public-specialist-intern_begeleider"));
    assert_eq!(v.guide_data().specialists[1].name, v.t("public-specialist-leesspecialist"));
}

#[test]
fn a_steunpunt_is_named_once_and_an_swv_without_one_points_to_itself() {
    use passend_domain::organisations::SwvDetails;
    let generic = SwvDetails {
        steunpunt_name: Some("Ouder- en Jeugdsteunpunt".to_owned()),
        steunpunt_phone: Some("020 765 43 21".to_owned()),
        ..SwvDetails::default()
    };
    let s = super::steunpunt(&generic, Some("Passend Amsterdam"), ParentLang::Nl);
    assert_eq!(s.name, None, "the generic label is not repeated as its name");
    assert_eq!(s.contact.phone.as_deref(), Some("020 765 43 21"));
    let swv_only = SwvDetails { phone: Some("020 111 22 33".to_owned()), ..SwvDetails::default() };
    let s = super::steunpunt(&swv_only, Some("Passend Amsterdam"), ParentLang::Nl);
    assert_eq!(s.contact.phone.as_deref(), Some("020 111 22 33"), "the SWV's own phone");
    assert!(s.note.is_some_and(|n| n.contains("Passend Amsterdam")));
}

#[test]
fn every_partner_of_the_default_template_is_translated() {
    use passend_domain::questionnaire::{ItemKind, default_template};
    let item = default_template().item("partners.welke").unwrap();
    let ItemKind::MultipleChoice { options } = &item.kind else { panic!("partners.welke is a multiple choice") };
    for option in options {
        assert!(passend_i18n::Lang::Nl.has(&format!("public-partner-{}", option.key)), "{}", option.key);
    }
}
