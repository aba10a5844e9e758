//! Compiling a template with its data into a PDF.

use serde::Serialize;
use serde_json::Value;
use typst::diag::{SourceDiagnostic, Warned};
use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

use crate::DocumentError;
use crate::world::RenderWorld;

/// The documents a published profile comes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocumentKind {
    /// Every chapter of the profile (A4).
    FullProfile,
    /// For parents: what the school offers and cannot offer, who to go to,
    /// what changed (A4, at most three pages).
    ParentReport,
    /// One A3 page for the school's entrance.
    Poster,
    /// The chapter on support for the school guide (A4).
    SchoolGuide,
    /// The report of a round of the Scan Passend Onderwijs (A4); not a
    /// document of a published profile, so not in [`DocumentKind::ALL`].
    ScanReport,
    /// The report of a yearly conversation between an SWV and a school (A4);
    /// not a document of a published profile either.
    ConversationReport,
}

impl DocumentKind {
    pub const ALL: [DocumentKind; 4] =
        [DocumentKind::FullProfile, DocumentKind::ParentReport, DocumentKind::Poster, DocumentKind::SchoolGuide];

    /// The document's typst source: the shared preamble, then its own layout.
    fn source(self) -> String {
        format!("{}\n{}", include_str!("../templates/common.typ"), self.template())
    }

    fn template(self) -> &'static str {
        match self {
            DocumentKind::FullProfile => include_str!("../templates/profile.typ"),
            DocumentKind::ParentReport => include_str!("../templates/parent.typ"),
            DocumentKind::Poster => include_str!("../templates/poster.typ"),
            DocumentKind::SchoolGuide => include_str!("../templates/guide.typ"),
            DocumentKind::ScanReport => include_str!("../templates/scan.typ"),
            DocumentKind::ConversationReport => include_str!("../templates/conversation.typ"),
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            DocumentKind::FullProfile => "profiel",
            DocumentKind::ParentReport => "ouders",
            DocumentKind::Poster => "poster",
            DocumentKind::SchoolGuide => "schoolgids",
            DocumentKind::ScanReport => "scan",
            DocumentKind::ConversationReport => "gespreksverslag",
        }
    }
}

/// Loaded once: the standard library, the fonts and their book.
pub struct Engine {
    pub(crate) library: LazyHash<Library>,
    pub(crate) book: LazyHash<FontBook>,
    pub(crate) fonts: Vec<Font>,
}

impl Default for Engine {
    fn default() -> Self {
        Self::new()
    }
}

impl Engine {
    pub fn new() -> Self {
        let faces: [&'static [u8]; 6] = [
            dejavu::sans::regular(),
            dejavu::sans::bold(),
            dejavu::sans::oblique(),
            dejavu::sans::bold_oblique(),
            dejavu::sans_mono::regular(),
            dejavu::sans_mono::bold(),
        ];
        let fonts: Vec<Font> = faces.iter().flat_map(|data| Font::iter(Bytes::new(*data))).collect();
        Engine { library: LazyHash::new(Library::default()), book: LazyHash::new(FontBook::from_fonts(&fonts)), fonts }
    }

    /// Whether the body fonts (DejaVu Sans regular and bold) can show the character.
    /// A control character (U+0000 and its kin) has a glyph in DejaVu but no
    /// meaning in text, and typst refuses to display it under PDF/UA: it never counts.
    fn covers(&self, c: char) -> bool {
        if c.is_control() {
            return matches!(c, '\n' | '\t');
        }
        c.is_whitespace() || self.fonts.iter().take(2).all(|f| f.info().coverage.contains(c as u32))
    }

    /// The data with every control character (but line ends and tabs) left
    /// out and every character the fonts cannot show replaced by `?`: PDF/UA
    /// forbids a missing glyph, and no stored text (one emoji, a U+0000 that
    /// came in before the edge refused it) may make a profile's documents fail.
    fn printable(&self, data: Value) -> Value {
        match data {
            Value::String(s) if s.chars().all(|c| self.covers(c)) => Value::String(s),
            Value::String(s) => Value::String(
                s.chars()
                    .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
                    .map(|c| if self.covers(c) { c } else { '?' })
                    .collect(),
            ),
            Value::Array(items) => Value::Array(items.into_iter().map(|v| self.printable(v)).collect()),
            Value::Object(map) => Value::Object(map.into_iter().map(|(k, v)| (k, self.printable(v))).collect()),
            other => other,
        }
    }

    /// Typesets the document from its data (the kind's type in [`crate::data`])
    /// into a tagged PDF/UA-1 file. Warnings count as errors; `today` is
    /// (year, month, day).
    pub fn render(
        &self,
        kind: DocumentKind,
        data: &impl Serialize,
        today: (i32, u8, u8),
    ) -> Result<Vec<u8>, DocumentError> {
        let data = serde_json::to_value(data).map_err(|e| DocumentError::Data(e.to_string()))?;
        let data = serde_json::to_vec(&self.printable(data)).expect("JSON values serialise");
        let world = RenderWorld::new(self, &kind.source(), data, today);
        let Warned { output, warnings } = typst::compile::<PagedDocument>(&world);
        let result = match output {
            Err(errors) => Err(DocumentError::Compile(describe(&errors))),
            Ok(_) if !warnings.is_empty() => Err(DocumentError::Warnings(describe(&warnings))),
            Ok(document) => {
                let options = PdfOptions {
                    standards: PdfStandards::new(&[PdfStandard::Ua_1])
                        .map_err(|e| DocumentError::Pdf(e.message().to_string()))?,
                    ..PdfOptions::default()
                };
                typst_pdf::pdf(&document, &options)
                    .map(without_suspects_entry)
                    .map_err(|errors| DocumentError::Pdf(describe(&errors)))
            }
        };
        // Typst memoises across compiles; without eviction a long-running
        // server grows by megabytes per render.
        typst::comemo::evict(10);
        result
    }
}

/// The catalog's `/MarkInfo << /Marked true /Suspects false >>` without its
/// `/Suspects false`: poppler (pdftoppm, pdftotext, Evince…) reports a false
/// `Suspects` as "Syntax Error: Suspects object is wrong type (boolean)".
/// PDF/UA-1 lets it be absent. The entry becomes spaces of the same length, so
/// that the cross-reference offsets stay true. The catalog is never inside a
/// compressed stream, so the bytes can only be the entry.
fn without_suspects_entry(mut pdf: Vec<u8>) -> Vec<u8> {
    const ENTRY: &[u8] = b"/Suspects false";
    if let Some(at) = pdf.windows(ENTRY.len()).position(|w| w == ENTRY) {
        pdf[at..at + ENTRY.len()].fill(b' ');
    }
    pdf
}

fn describe(diagnostics: &[SourceDiagnostic]) -> String {
    diagnostics
        .iter()
        .map(|d| {
            let hints: Vec<&str> = d.hints.iter().map(|h| h.v.as_str()).collect();
            if hints.is_empty() { d.message.to_string() } else { format!("{} ({})", d.message, hints.join("; ")) }
        })
        .collect::<Vec<_>>()
        .join("; ")
}
