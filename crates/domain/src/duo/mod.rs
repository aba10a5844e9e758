//! Reading DUO open data: school locations and the postcode → SWV table.
//!
//! Three formats are recognised by their header line:
//! - the location list of `shared/data/duo/vestigingen_*.csv` (comma-separated, UTF-8);
//! - DUO's own address files (semicolon-separated, Windows-1252), with the older
//!   headers (`BRIN NUMMER;VESTIGINGSNUMMER;…`) or the newer ones
//!   (`INSTELLINGSCODE;VESTIGINGSCODE;…`);
//! - the postcode → SWV table (`pc4,gemeente,po_swv,vo_swv`).
//!
//! Parsing is all-or-nothing per file: the first problem is returned with the
//! file, line and column, so that an import can refuse the whole file.

mod error;
mod locations;
mod plan;
mod postcodes;
mod table;
mod text;

pub use error::{ImportError, ImportErrorKind};
pub use locations::LocationRecord;
pub use plan::{Changes, ImportPlan, PostcodeArea, Snapshot, plan};
pub use postcodes::{PostcodeSwvRecord, pc4_of};

/// The contents of one recognised file.
#[derive(Debug, Clone, PartialEq)]
pub enum DuoFile {
    Locations { format: LocationFormat, records: Vec<LocationRecord> },
    PostcodeSwv(Vec<PostcodeSwvRecord>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LocationFormat {
    /// The comma-separated location list of `shared/data/duo`.
    OpenDataCsv,
    /// DUO's address file with `BRIN NUMMER;VESTIGINGSNUMMER` headers.
    DuoLegacy,
    /// DUO's address file with `INSTELLINGSCODE;VESTIGINGSCODE` headers (since 2022).
    DuoCurrent,
}

/// Recognises the file by its header and parses it whole.
pub fn parse_file(file_name: &str, bytes: &[u8]) -> Result<DuoFile, ImportError> {
    let fail = |line, column, kind| ImportError::new(file_name, line, column, kind);
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let header_end = bytes.iter().position(|b| *b == b'\n').unwrap_or(bytes.len());
    let header = String::from_utf8_lossy(&bytes[..header_end]).to_ascii_uppercase();
    if header.trim().is_empty() {
        return Err(fail(1, None, ImportErrorKind::EmptyFile));
    }
    if header.contains(';') && (header.contains("BRIN NUMMER") || header.contains("INSTELLINGSCODE")) {
        let format =
            if header.contains("INSTELLINGSCODE") { LocationFormat::DuoCurrent } else { LocationFormat::DuoLegacy };
        let text = text::decode_duo(file_name, bytes)?;
        let records = locations::parse_duo(file_name, &text)?;
        return Ok(DuoFile::Locations { format, records });
    }
    if header.contains("VESTIGINGSCODE") && header.contains(',') {
        let text = text::decode_utf8(file_name, bytes)?;
        let records = locations::parse_open_data(file_name, &text)?;
        return Ok(DuoFile::Locations { format: LocationFormat::OpenDataCsv, records });
    }
    if header.starts_with("PC4") {
        let text = text::decode_utf8(file_name, bytes)?;
        return postcodes::parse(file_name, &text).map(DuoFile::PostcodeSwv);
    }
    Err(fail(1, None, ImportErrorKind::UnknownFormat))
}

#[cfg(test)]
mod tests;
