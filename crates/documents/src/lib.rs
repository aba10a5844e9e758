//! Typeset documents of a published profile: typst as a library, fonts
//! embedded (DejaVu, which covers Latin, Cyrillic and Arabic), tagged PDF/UA-1.
//! The DOCX of the school-guide chapter is written here too.
//!
//! Input is one typed value per document ([`data`], already translated by the
//! caller), handed to the template as JSON; the templates in `templates/`
//! only lay it out.

pub mod data;
mod docx;
mod engine;
pub mod qr;
mod world;

pub use docx::school_guide_docx;
pub use engine::{DocumentKind, Engine};

use thiserror::Error;

#[derive(Debug, Error)]
pub enum DocumentError {
    /// The template and data did not compile; the messages say why.
    #[error("typst: {0}")]
    Compile(String),
    /// Compiled, but with warnings (treated as errors so nothing half-right is served).
    #[error("typst warnings: {0}")]
    Warnings(String),
    /// The data did not serialise to JSON (a map with keys other than strings).
    #[error("data: {0}")]
    Data(String),
    #[error("pdf: {0}")]
    Pdf(String),
    #[error("docx: {0}")]
    Docx(String),
}
