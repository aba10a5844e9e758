//! Every document typesets from realistic data without warnings, in Dutch
//! and in Arabic (right to left), and the PDF is tagged PDF/UA; the data
//! serialises to the fields the templates read.

use std::collections::BTreeSet;

use passend_documents::data::{
    AnnexBlock, ChapterData, Contact, ConversationAnswer, ConversationLabels, ConversationReportData,
    ConversationSection, DocumentCommon, Entry, FullProfileData, Labels, OfferRow, ParentOffers, ParentReportData,
    PosterData, PosterOffers, QrCode, ScanGroupBlock, ScanLabels, ScanReportData, ScanSchool, School, SchoolGuideData,
    SpecialistRow, Steunpunt, Urls,
};
use passend_documents::{DocumentKind, Engine, school_guide_docx};
use serde_json::json;

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

fn labels() -> Labels {
    Labels {
        profile: "Schoolondersteuningsprofiel".to_owned(),
        adopted_line: "Vastgesteld op 12-06-2026".to_owned(),
        hash_line: "Versie 3f2a9c1b".to_owned(),
        parent_title: "Wat biedt onze school uw kind?".to_owned(),
        summary: "In het kort".to_owned(),
        offers_standard: "Wat wij bieden".to_owned(),
        offers_consult: "Wat wij bieden na overleg".to_owned(),
        offers_consult_intro: "Dit kan soms.".to_owned(),
        offers_not: "Wat wij niet kunnen bieden".to_owned(),
        none_given: "Niets ingevuld.".to_owned(),
        contact: "Bij wie kunt u terecht?".to_owned(),
        changes: "Wat is er veranderd?".to_owned(),
        more: "Meer lezen".to_owned(),
        more_text: "Het hele profiel staat op".to_owned(),
        poster_title: "Zo helpen wij uw kind".to_owned(),
        guide_title: "Ondersteuning van leerlingen".to_owned(),
        vision: "Onze visie".to_owned(),
        offer_table: "Ondersteuning per onderwerp".to_owned(),
        category: "Onderwerp".to_owned(),
        level: "Wat wij bieden".to_owned(),
        specialists: "Specialisten".to_owned(),
        specialist: "Specialist".to_owned(),
        dagdelen: "Dagdelen per week".to_owned(),
        phone: "Telefoon".to_owned(),
        email: "E-mail".to_owned(),
        website: "Website".to_owned(),
        swv: "Samenwerkingsverband".to_owned(),
        scan: "Scan voor meer uitleg".to_owned(),
    }
}

fn long() -> String {
    "Wij helpen elk kind zo goed als we kunnen, samen met de ouders en met hulp van buiten de school. ".repeat(8)
}

fn common(lang: &str) -> DocumentCommon {
    let mut labels = labels();
    if lang == "ar" {
        labels.offers_standard = "ما نقدمه".to_owned();
    }
    DocumentCommon {
        lang: lang.to_owned(),
        text_lang: "nl".to_owned(),
        title: "Schoolondersteuningsprofiel 2026-2027 — De Brug".to_owned(),
        year: "2026-2027".to_owned(),
        school: School {
            name: "Basisschool De Brug".to_owned(),
            address: "Schoolstraat 1, 1234 AB Amsterdam".to_owned(),
            contact: Contact {
                phone: Some("020 123 45 67".to_owned()),
                email: Some("info@debrug.example".to_owned()),
                website: Some("www.debrug.example".to_owned()),
                website_url: Some("https://www.debrug.example".to_owned()),
            },
        },
        labels,
        urls: Urls {
            profile: "https://passend.example/scholen/04FZ00".to_owned(),
            parents: "https://passend.example/scholen/04FZ00/ouders".to_owned(),
        },
        swv: Some("Passend Primair Amsterdam".to_owned()),
        steunpunt: Some(Steunpunt {
            title: "Ouder- en jeugdsteunpunt".to_owned(),
            name: Some("Steunpunt Passend Onderwijs Amsterdam".to_owned()),
            note: None,
            contact: Contact { phone: Some("020 765 43 21".to_owned()), ..Contact::default() },
        }),
    }
}

fn parent(lang: &str) -> ParentReportData {
    ParentReportData {
        common: common(lang),
        summary: Some(long()),
        limits: Some(long()),
        contact: Some("Juf Anna, intern begeleider.".to_owned()),
        offers: ParentOffers {
            standard: if lang == "ar" { strings(&["عسر القراءة"]) } else { strings(&["Dyslexie", "Gedrag"]) },
            consult: strings(&["Motoriek"]),
            not: strings(&["Medische zorg"]),
        },
        changes: strings(&["Dyslexie: nu standaard (was: na overleg)."]),
    }
}

const PARENTS_URL: &str = "https://passend.example/scholen/04FZ00/ouders";

fn poster(lang: &str) -> PosterData {
    PosterData {
        common: common(lang),
        contact_short: Some("Juf Anna, intern begeleider.".to_owned()),
        offers: PosterOffers {
            standard: parent(lang).offers.standard,
            consult: strings(&["Motoriek"]),
            not: strings(&["Medische zorg"]),
        },
        qr: QrCode::of(PARENTS_URL, "QR-code naar de ouderversie".to_owned()),
    }
}

/// The pages of a PDF: its page objects (`/Type/Page`, not `/Pages`; typst
/// writes no object streams, so they are all in plain sight).
fn page_count(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf).replace("/Type /", "/Type/");
    text.matches("/Type/Page").count() - text.matches("/Type/Pages").count()
}

fn guide(lang: &str) -> SchoolGuideData {
    SchoolGuideData {
        common: common(lang),
        summary: Some(long()),
        vision: Some(long()),
        limits: Some(long()),
        contact: Some("Juf Anna, intern begeleider.".to_owned()),
        offer_rows: vec![
            OfferRow { category: "Dyslexie".to_owned(), level: "Standaard".to_owned() },
            OfferRow { category: "Medische zorg".to_owned(), level: "Niet".to_owned() },
        ],
        specialists: vec![
            SpecialistRow { name: "Intern begeleider".to_owned(), dagdelen: "4".to_owned() },
            SpecialistRow { name: "Leesspecialist".to_owned(), dagdelen: "1,5".to_owned() },
        ],
    }
}

fn full(lang: &str) -> FullProfileData {
    FullProfileData {
        annexes: Some(AnnexBlock {
            title: "Bijlagen".to_owned(),
            intro: "De school heeft dit verslag bij het profiel gevoegd.".to_owned(),
            note: "Alleen te lezen na inloggen.".to_owned(),
            links: vec![[
                "Verslag jaargesprek 2025-2026 met PO 28-01 (PDF)".to_owned(),
                "https://passend.example/gesprekken/7/verslag.pdf".to_owned(),
            ]],
        }),
        common: common(lang),
        chapters: vec![ChapterData {
            title: "Visie".to_owned(),
            entries: vec![
                Entry::text("Wat is uw visie?".to_owned(), long(), None),
                Entry::list("Functies".to_owned(), strings(&["IB", "RT"]), Some("Met het SWV.".to_owned())),
                Entry::table(
                    "Deskundigheid".to_owned(),
                    strings(&["Specialist", "Dagdelen"]),
                    vec![strings(&["IB", "4"])],
                    None,
                ),
            ],
        }],
    }
}

fn render(engine: &Engine, kind: DocumentKind, lang: &str) -> Vec<u8> {
    let today = (2026, 12, 1);
    let rendered = match kind {
        DocumentKind::FullProfile => engine.render(kind, &full(lang), today),
        DocumentKind::ParentReport => engine.render(kind, &parent(lang), today),
        DocumentKind::Poster => engine.render(kind, &poster(lang), today),
        DocumentKind::SchoolGuide => engine.render(kind, &guide(lang), today),
        DocumentKind::ScanReport => engine.render(kind, &scan(lang), today),
        DocumentKind::ConversationReport => engine.render(kind, &conversation(lang, true), today),
    };
    rendered.unwrap_or_else(|e| panic!("{kind:?} {lang}: {e}"))
}

#[test]
fn every_document_renders_as_pdf_ua_in_dutch_and_arabic() {
    let engine = Engine::new();
    for lang in ["nl", "ar"] {
        for kind in DocumentKind::ALL {
            let pdf = render(&engine, kind, lang);
            assert!(pdf.starts_with(b"%PDF-"), "{kind:?}");
            let text = String::from_utf8_lossy(&pdf);
            assert!(text.contains("pdfuaid"), "{kind:?} {lang}: PDF/UA identification missing");
            assert!(text.contains("/Marked true"), "{kind:?}: tagged");
            assert!(!text.contains("/Suspects"), "{kind:?}: poppler reads a false Suspects as a syntax error");
        }
    }
}

#[test]
fn the_poster_stays_one_a3_page_with_every_topic_and_the_longest_texts() {
    let engine = Engine::new();
    let twelve = strings(&[
        "Dyslexie",
        "Dyscalculie",
        "Taal en spraak",
        "Nederlands als tweede taal en nieuwkomers",
        "Meer- en hoogbegaafdheid",
        "Moeite met leren",
        "Gedrag",
        "Werkhouding",
        "Motoriek",
        "Medische zorg",
        "Slecht zien of blind",
        "Slecht horen of doof",
    ]);
    for lang in ["nl", "ar", "uk"] {
        let mut data = poster(lang);
        data.common.school.name = "Openbare Basisschool voor Daltononderwijs De Regenboog".to_owned();
        data.contact_short = Some(
            "Juf Anna is onze intern begeleider. Bel of mail haar gerust, ook voor een gesprek op school. "
                .repeat(3)
                .chars()
                .take(221)
                .collect(),
        );
        data.common.steunpunt.as_mut().unwrap().note =
            Some("Het samenwerkingsverband helpt ouders ook als zij er met de school niet uitkomen.".to_owned());
        for (standard, consult, not) in
            [(twelve.clone(), vec![], vec![]), (vec![], twelve[..6].to_vec(), twelve[6..].to_vec())]
        {
            data.offers = PosterOffers { standard, consult, not };
            let pdf =
                engine.render(DocumentKind::Poster, &data, (2026, 12, 1)).unwrap_or_else(|e| panic!("{lang}: {e}"));
            assert_eq!(page_count(&pdf), 1, "{lang}: the poster is one page");
        }
    }
    let bare = PosterData { qr: None, contact_short: None, ..poster("nl") };
    let pdf = engine.render(DocumentKind::Poster, &bare, (2026, 12, 1)).unwrap();
    assert_eq!(page_count(&pdf), 1);
}

#[test]
fn a_qr_code_is_svg_of_its_address() {
    let qr = QrCode::of(PARENTS_URL, "QR".to_owned()).unwrap();
    assert_eq!(qr.url, PARENTS_URL);
    assert!(qr.svg.contains("<svg") && qr.svg.contains("<path"), "{}", qr.svg);
    assert!(QrCode::of(&"x".repeat(5000), "QR".to_owned()).is_none(), "too long for any QR code");
}

#[test]
fn characters_the_fonts_lack_do_not_break_a_document() {
    let engine = Engine::new();
    let mut data = parent("nl");
    data.summary = Some("Wij helpen ieder kind 😀 学校 ✓ — ook in het Oekraïens: Школа.".to_owned());
    data.common.school.name = "De Brug 🌉".to_owned();
    let pdf =
        engine.render(DocumentKind::ParentReport, &data, (2026, 12, 1)).expect("renders with ? for missing glyphs");
    assert!(pdf.starts_with(b"%PDF-"));
}

#[test]
fn control_characters_in_stored_text_do_not_stop_any_document() {
    // What the attack test stored as an SWV's name on SQLite: every parent
    // document of every school of that SWV answered 503.
    let engine = Engine::new();
    for kind in DocumentKind::ALL {
        let mut value = match kind {
            DocumentKind::FullProfile => serde_json::to_value(full("nl")),
            DocumentKind::ParentReport => serde_json::to_value(parent("nl")),
            DocumentKind::Poster => serde_json::to_value(poster("nl")),
            DocumentKind::SchoolGuide => serde_json::to_value(guide("nl")),
            DocumentKind::ScanReport => serde_json::to_value(scan("nl")),
            DocumentKind::ConversationReport => serde_json::to_value(conversation("nl", true)),
        }
        .unwrap();
        // The common part is flattened into each document's data.
        value["school"]["name"] = json!("De\u{0} Brug\u{1}\u{7f}\r\n");
        value["swv"] = json!("S\u{0}");
        if let Some(steunpunt) = value["steunpunt"].as_object_mut() {
            steunpunt.insert("name".to_owned(), json!("S\u{0}"));
        }
        let pdf = engine.render(kind, &value, (2026, 12, 1)).unwrap_or_else(|e| panic!("{kind:?}: {e}"));
        assert!(pdf.starts_with(b"%PDF-"), "{kind:?}");
    }
}

#[test]
fn a_template_error_is_reported_not_served() {
    let engine = Engine::new();
    // The typed data always has its labels; JSON without them is what a
    // template out of step with the data would see.
    let mut broken = serde_json::to_value(parent("nl")).unwrap();
    broken.as_object_mut().unwrap().remove("labels");
    assert!(engine.render(DocumentKind::ParentReport, &broken, (2026, 12, 1)).is_err());
}

#[test]
fn the_school_guide_chapter_is_a_word_document() {
    let bytes = school_guide_docx(&guide("nl")).unwrap();
    assert!(bytes.starts_with(b"PK"), "a DOCX is a zip file");
}

#[test]
fn the_data_serialises_to_the_fields_the_templates_read() {
    let mut data = parent("nl");
    data.common.steunpunt = None;
    data.summary = None;
    let value = serde_json::to_value(&data).unwrap();
    let keys: BTreeSet<&str> = value.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        BTreeSet::from([
            "changes",
            "contact",
            "labels",
            "lang",
            "limits",
            "offers",
            "school",
            "steunpunt",
            "summary",
            "swv",
            "text_lang",
            "title",
            "urls",
            "year"
        ]),
        "the shared part sits beside the report's own fields"
    );
    assert_eq!(value["steunpunt"], json!(null), "no support point is null, as the templates test `!= none`");
    assert_eq!(value["summary"], json!(null));
    assert_eq!(
        value["offers"],
        json!({ "standard": ["Dyslexie", "Gedrag"], "consult": ["Motoriek"], "not": ["Medische zorg"] })
    );
    assert_eq!(value["labels"]["offers_consult_intro"], "Dit kan soms.");
    assert_eq!(value["labels"].as_object().unwrap().len(), 28);
    assert_eq!(
        value["school"]["contact"],
        json!({ "phone": "020 123 45 67", "email": "info@debrug.example", "website": "www.debrug.example", "website_url": "https://www.debrug.example" })
    );

    let chapters = serde_json::to_value(&full("nl").chapters).unwrap();
    assert_eq!(
        chapters[0]["entries"][1],
        json!({ "label": "Functies", "kind": "list", "text": "", "items": ["IB", "RT"], "columns": [], "rows": [], "note": "Met het SWV." })
    );
    assert_eq!(
        chapters[0]["entries"][2],
        json!({ "label": "Deskundigheid", "kind": "table", "text": "", "items": [], "columns": ["Specialist", "Dagdelen"], "rows": [["IB", "4"]], "note": null })
    );
    assert_eq!(chapters[0]["entries"][0]["kind"], "text");
    let guide = serde_json::to_value(guide("nl")).unwrap();
    assert_eq!(guide["offer_rows"][0], json!({ "category": "Dyslexie", "level": "Standaard" }));
    assert_eq!(guide["specialists"][1], json!({ "name": "Leesspecialist", "dagdelen": "1,5" }));
    let poster = serde_json::to_value(poster("nl")).unwrap();
    assert_eq!(poster["contact_short"], "Juf Anna, intern begeleider.");
    assert_eq!(poster["offers"].as_object().unwrap().len(), 3, "the offer in three groups");
    assert_eq!(poster["qr"]["url"], PARENTS_URL);
}

#[test]
#[ignore = "writes sample PDFs to /tmp for a look"]
fn write_samples() {
    let engine = Engine::new();
    for kind in DocumentKind::ALL {
        std::fs::write(format!("/tmp/sample-{}.pdf", kind.key()), render(&engine, kind, "nl")).unwrap();
    }
    std::fs::write("/tmp/sample-ar.pdf", render(&engine, DocumentKind::ParentReport, "ar")).unwrap();
    for kind in [DocumentKind::ScanReport, DocumentKind::ConversationReport] {
        std::fs::write(format!("/tmp/sample-{}.pdf", kind.key()), render(&engine, kind, "nl")).unwrap();
    }
}

fn scan(lang: &str) -> ScanReportData {
    let labels = ScanLabels {
        profile: "Scan Passend Onderwijs".into(),
        intro: "Er zijn geen goede of foute antwoorden.".into(),
        verdicts: "Oordeel per domein".into(),
        domain: "Domein".into(),
        verdict: "Oordeel".into(),
        reason: "Waarom".into(),
        groups: "Per groep".into(),
        share_agreeing: "Eens".into(),
        answers: "Antwoorden".into(),
        to_test: "Te toetsen".into(),
        none_to_test: "Niets te toetsen.".into(),
        compared: "Vergeleken met vorig jaar".into(),
        group: "Groep".into(),
        this_year: "Dit jaar".into(),
        last_year: "Vorig jaar".into(),
    };
    ScanReportData {
        title: "Scan Passend Onderwijs".into(),
        lang: lang.into(),
        text_lang: "nl".into(),
        year: "2025-2026".into(),
        school: ScanSchool { name: "De Regenboog".into(), contact: Contact::default() },
        location: "De Regenboog".into(),
        labels,
        verdicts: vec![["Visie en beleid".into(), "Gaat goed".into(), "Brede instemming".into()]],
        groups: vec![
            ScanGroupBlock {
                heading: "Team (8)".into(),
                suppressed: None,
                rows: vec![["Visie en beleid".into(), "80%".into(), "16".into()]],
            },
            ScanGroupBlock {
                heading: "Leerlingen (3)".into(),
                suppressed: Some("Te weinig antwoorden om te tonen".into()),
                rows: vec![],
            },
        ],
        to_test: vec!["Dyslexie (standaard): 1 van 6 ouders eens".into()],
        compared: vec![["Visie en beleid".into(), "Team".into(), "80%".into(), "70%".into()]],
    }
}

#[test]
fn the_scan_report_renders_as_pdf_ua() {
    let pdf = render(&Engine::new(), DocumentKind::ScanReport, "nl");
    assert!(String::from_utf8_lossy(&pdf).contains("pdfuaid"));
}

fn conversation(lang: &str, fixed: bool) -> ConversationReportData {
    let l = |s: &str| s.to_owned();
    ConversationReportData {
        title: l("Verslag jaargesprek"),
        lang: lang.to_owned(),
        text_lang: l("nl"),
        year: l("2025-2026"),
        school: ScanSchool { name: l("De Linde"), contact: Contact::default() },
        location: l("De Linde (04FZ, locatie 04FZ00)"),
        swv: l("SWV Passend Primair Onderwijs Voorbeeld"),
        labels: ConversationLabels {
            profile: l("Verslag jaargesprek"),
            swv: l("Samenwerkingsverband"),
            school_year: l("Schooljaar"),
            held_on: l("Gehouden op"),
            place: l("Plaats"),
            attendees: l("Aanwezig"),
            consultant: l("Consulent"),
            author: l("Verslag door"),
            prepared: l("Voorbereid door de school"),
            answer: l("In het gesprek"),
            not_answered: l("Niet besproken"),
            agreements: l("Afspraken"),
            no_agreements: l("Geen afspraken gemaakt."),
            what: l("Wat"),
            who: l("Wie"),
            due: l("Wanneer"),
            goal: l("Doel"),
            status: l("Stand"),
            follow_up: l("Afspraken van vorig jaar"),
            funds: l("Ondersteuningsmiddelen"),
            confirmations: l("Bevestiging"),
            confirmed_swv: l("Samenwerkingsverband"),
            confirmed_school: l("School"),
            not_confirmed: l("Nog niet bevestigd"),
            fixed: l("Door beide partijen bevestigd; de inhoud ligt vast met deze SHA-256-code:"),
            draft: l("Concept — nog niet door beide partijen bevestigd"),
        },
        facts: vec![[l("Gehouden op"), l("2025-10-14")], [l("Aanwezig"), l("A. Jansen (directeur); B. de Vries (IB)")]],
        sections: vec![ConversationSection {
            title: l("Opening"),
            answers: vec![
                ConversationAnswer {
                    question: l("Wat zijn dit jaar de prioriteiten van de school?"),
                    prepared: Some(l("Rekenen en de overstap naar het voortgezet onderwijs.")),
                    answer: Some(long()),
                },
                ConversationAnswer { question: l("Hoeveel OPP's zijn er?"), prepared: None, answer: None },
            ],
        }],
        agreements: vec![[
            l("Scholing handelingsgericht werken"),
            l("IB-er"),
            l("2026-03-01"),
            l("1.2 Sterke professionals"),
            l("Open"),
        ]],
        follow_up: vec![[
            l("Overstapgesprekken plannen"),
            l("Directie"),
            l("2025-06-01"),
            String::new(),
            l("Gedaan: alle gesprekken gehouden"),
        ]],
        funds: Some(l(
            "280 leerlingen: basisondersteuning € 42.000,00, extra ondersteuning € 12.600,00, samen € 54.600,00",
        )),
        confirmations: vec![
            [l("Samenwerkingsverband"), l("C. Bakker, 2025-10-20")],
            [l("School"), l("A. Jansen, 2025-10-21")],
        ],
        hash: fixed.then(|| "3f2a9c1b".repeat(8)),
    }
}

#[test]
fn the_conversation_report_renders_as_pdf_ua_fixed_and_as_a_concept() {
    let engine = Engine::new();
    for fixed in [true, false] {
        let pdf = engine
            .render(DocumentKind::ConversationReport, &conversation("nl", fixed), (2026, 12, 1))
            .unwrap_or_else(|e| panic!("fixed {fixed}: {e}"));
        let text = String::from_utf8_lossy(&pdf);
        assert!(text.contains("pdfuaid") && text.contains("/Marked true"), "tagged PDF/UA");
    }
}
