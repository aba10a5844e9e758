//! The data each document's template reads, as types. It lives next to the
//! templates because it is their contract: a field renamed here must be
//! renamed in `templates/*.typ` (and `docx.rs`) in the same change.
//!
//! Everything serialises to the JSON the templates open as `data.json`:
//! absent texts are `null` (the templates test `!= none`), lists may be empty
//! (the templates test `.len() > 0`).

use serde::Serialize;

/// Fixed texts of every document, already in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Labels {
    pub profile: String,
    pub adopted_line: String,
    pub hash_line: String,
    pub parent_title: String,
    pub summary: String,
    pub offers_standard: String,
    pub offers_consult: String,
    pub offers_consult_intro: String,
    pub offers_not: String,
    pub none_given: String,
    pub contact: String,
    pub changes: String,
    pub more: String,
    pub more_text: String,
    pub poster_title: String,
    pub guide_title: String,
    pub vision: String,
    pub offer_table: String,
    pub category: String,
    pub level: String,
    pub specialists: String,
    pub specialist: String,
    pub dagdelen: String,
    /// "Telefoon", "E-mail", "Website": before each contact line.
    pub phone: String,
    pub email: String,
    pub website: String,
    /// "Samenwerkingsverband", before the SWV's name.
    pub swv: String,
    /// The poster's caption under its QR code.
    pub scan: String,
}

/// How parents reach someone; each part when known. `website` is the
/// address as people read it, `website_url` the one to link to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Contact {
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub website_url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct School {
    pub name: String,
    pub address: String,
    pub contact: Contact,
}

/// Absolute addresses of the public pages the documents point to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Urls {
    pub profile: String,
    pub parents: String,
}

/// The SWV's parent and youth support point as the documents show it: the
/// generic title, its own name when it has one, a note when the SWV named
/// none (then `contact` is the SWV's), and how to reach it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Steunpunt {
    pub title: String,
    pub name: Option<String>,
    pub note: Option<String>,
    pub contact: Contact,
}

/// What every document shares (`common.typ` reads `lang`, `text_lang`,
/// `title`, `school`, `labels` and `year`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocumentCommon {
    /// The reader's language (the language of the labels).
    pub lang: String,
    /// The language the school wrote its own texts in.
    pub text_lang: String,
    pub title: String,
    pub year: String,
    pub school: School,
    pub labels: Labels,
    pub urls: Urls,
    /// The SWV's name (or its code when it has none).
    pub swv: Option<String>,
    pub steunpunt: Option<Steunpunt>,
}

/// The category names per level the parent report lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParentOffers {
    pub standard: Vec<String>,
    pub consult: Vec<String>,
    pub not: Vec<String>,
}

/// The parent report (`parent.typ`): every free text already bounded by the
/// caller, so that it fits three A4 pages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParentReportData {
    #[serde(flatten)]
    pub common: DocumentCommon,
    pub summary: Option<String>,
    pub limits: Option<String>,
    pub contact: Option<String>,
    pub offers: ParentOffers,
    pub changes: Vec<String>,
}

/// The poster's offer in three groups: standard, after consultation, not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PosterOffers {
    pub standard: Vec<String>,
    pub consult: Vec<String>,
    pub not: Vec<String>,
}

/// A QR code as SVG, with the address it holds and a text for those who
/// cannot see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QrCode {
    pub url: String,
    pub svg: String,
    pub alt: String,
}

impl QrCode {
    /// The QR code of `url` (error correction M: it survives a smudge), or
    /// `None` for an address too long for a QR code.
    pub fn of(url: &str, alt: String) -> Option<QrCode> {
        let svg = crate::qr::svg(url, 256)?;
        Some(QrCode { url: url.to_owned(), svg, alt })
    }
}

/// The parents' poster (`poster.typ`): one A3 page for the school's entrance,
/// readable from two metres, with a QR code to the parent page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PosterData {
    #[serde(flatten)]
    pub common: DocumentCommon,
    pub contact_short: Option<String>,
    pub offers: PosterOffers,
    pub qr: Option<QrCode>,
}

/// One support category with the level offered, both as the reader reads them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OfferRow {
    pub category: String,
    pub level: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpecialistRow {
    pub name: String,
    /// Half days a week, as the school wrote it (`1,5`).
    pub dagdelen: String,
}

/// The school-guide chapter (`guide.typ` and the DOCX): the texts whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SchoolGuideData {
    #[serde(flatten)]
    pub common: DocumentCommon,
    pub summary: Option<String>,
    pub vision: Option<String>,
    pub limits: Option<String>,
    pub contact: Option<String>,
    pub offer_rows: Vec<OfferRow>,
    pub specialists: Vec<SpecialistRow>,
}

/// The full profile (`profile.typ`): every chapter with its answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FullProfileData {
    #[serde(flatten)]
    pub common: DocumentCommon,
    pub chapters: Vec<ChapterData>,
    /// Reports of the yearly conversation the school made annexes of the profile.
    pub annexes: Option<AnnexBlock>,
}

/// The profile's annexes: where each can be read (after logging in).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnnexBlock {
    pub title: String,
    pub intro: String,
    /// Who can open the links.
    pub note: String,
    /// The annex's name and its absolute address.
    pub links: Vec<[String; 2]>,
}

// Open data shows the same chapters, so the API document describes them (as `OpenChapter`).
/// A chapter of a published profile, as the documents and the open-data API show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[schema(as = OpenChapter)]
pub struct ChapterData {
    pub title: String,
    pub entries: Vec<Entry>,
}

/// How an answer is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    Text,
    List,
    Table,
}

// Made with `Entry::text`, `Entry::list` or `Entry::table`; every field is
// present whatever the kind (a template reads only its kind's, open data all).
/// One answer as a reader sees it: `text`, a `list` of `items`, or a `table` of `columns` and `rows`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[schema(as = OpenEntry)]
pub struct Entry {
    pub label: String,
    pub kind: EntryKind,
    pub text: String,
    pub items: Vec<String>,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub note: Option<String>,
}

impl Entry {
    fn empty(label: String, kind: EntryKind, note: Option<String>) -> Entry {
        Entry { label, kind, text: String::new(), items: Vec::new(), columns: Vec::new(), rows: Vec::new(), note }
    }

    pub fn text(label: String, text: String, note: Option<String>) -> Entry {
        Entry { text, ..Entry::empty(label, EntryKind::Text, note) }
    }

    pub fn list(label: String, items: Vec<String>, note: Option<String>) -> Entry {
        Entry { items, ..Entry::empty(label, EntryKind::List, note) }
    }

    pub fn table(label: String, columns: Vec<String>, rows: Vec<Vec<String>>, note: Option<String>) -> Entry {
        Entry { columns, rows, ..Entry::empty(label, EntryKind::Table, note) }
    }
}

/// The school's name, as the shared preamble reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScanSchool {
    pub name: String,
    /// Empty: the shared preamble reads it, the report does not show it.
    pub contact: Contact,
}

/// Fixed texts of the scan report, in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScanLabels {
    /// "Scan Passend Onderwijs": the footer's name of the document.
    pub profile: String,
    pub intro: String,
    pub verdicts: String,
    pub domain: String,
    pub verdict: String,
    /// "Waarom": the verdict's reason.
    pub reason: String,
    pub groups: String,
    pub share_agreeing: String,
    pub answers: String,
    pub to_test: String,
    pub none_to_test: String,
    pub compared: String,
    pub group: String,
    pub this_year: String,
    pub last_year: String,
}

/// A group in the report: shown with a row per domain, or held back with its count only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScanGroupBlock {
    /// "Ouders (12 antwoorden)".
    pub heading: String,
    /// "Te weinig antwoorden om te tonen", for a group held back; then `rows` is empty.
    pub suppressed: Option<String>,
    /// Domain, share agreeing, answers with an opinion.
    pub rows: Vec<[String; 3]>,
}

/// The scan report of one round (A4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScanReportData {
    pub title: String,
    pub lang: String,
    pub text_lang: String,
    pub year: String,
    pub school: ScanSchool,
    pub location: String,
    pub labels: ScanLabels,
    /// Domain, verdict, why.
    pub verdicts: Vec<[String; 3]>,
    pub groups: Vec<ScanGroupBlock>,
    /// One line per claim te toetsen, with its numbers.
    pub to_test: Vec<String>,
    /// Domain, group, this year, last year.
    pub compared: Vec<[String; 4]>,
}

/// Fixed texts of the conversation report, in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConversationLabels {
    /// "Verslag jaargesprek": the footer's name of the document.
    pub profile: String,
    pub swv: String,
    pub school_year: String,
    pub held_on: String,
    pub place: String,
    pub attendees: String,
    pub consultant: String,
    pub author: String,
    pub prepared: String,
    pub answer: String,
    pub not_answered: String,
    pub agreements: String,
    pub no_agreements: String,
    pub what: String,
    pub who: String,
    pub due: String,
    pub goal: String,
    pub status: String,
    pub follow_up: String,
    pub funds: String,
    pub confirmations: String,
    pub confirmed_swv: String,
    pub confirmed_school: String,
    pub not_confirmed: String,
    /// "Vastgesteld; inhoud herkenbaar aan": before the hash.
    pub fixed: String,
    /// "Concept — nog niet door beide partijen bevestigd".
    pub draft: String,
}

/// One question of the report with the school's preparation and the conversation's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConversationAnswer {
    pub question: String,
    pub prepared: Option<String>,
    pub answer: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConversationSection {
    pub title: String,
    pub answers: Vec<ConversationAnswer>,
}

/// The report of one yearly conversation between an SWV and a school (A4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConversationReportData {
    pub title: String,
    pub lang: String,
    pub text_lang: String,
    pub year: String,
    /// The school's name (the shared preamble reads it).
    pub school: ScanSchool,
    /// The location with its codes: "De Linde (04FZ, locatie 04FZ00)".
    pub location: String,
    pub swv: String,
    pub labels: ConversationLabels,
    /// Label and value: held on, place, attendees, consultant, author.
    pub facts: Vec<[String; 2]>,
    pub sections: Vec<ConversationSection>,
    /// What, who, by when, goal, status.
    pub agreements: Vec<[String; 5]>,
    /// Last year's agreements: what, who, by when, goal, status (with its note).
    pub follow_up: Vec<[String; 5]>,
    /// "280 leerlingen: basisondersteuning € 42.000,00, …", when the SWV set its amounts.
    pub funds: Option<String>,
    /// Side and who confirmed when (or that it has not).
    pub confirmations: Vec<[String; 2]>,
    /// The content hash, once both sides confirmed; `None` for a concept.
    pub hash: Option<String>,
}
