//! The official assignment of four-digit postcode areas to PO and VO SWVs.

use std::collections::HashMap;

use super::table::{Column, Row, Table};
use super::{ImportError, ImportErrorKind};
use crate::organisations::SwvCode;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostcodeSwvRecord {
    pub pc4: String,
    pub municipality: Option<String>,
    /// `None` where the table names a region without SWV (e.g. `Europoort`).
    pub po_swv: Option<SwvCode>,
    pub vo_swv: Option<SwvCode>,
}

pub fn parse(file: &str, text: &str) -> Result<Vec<PostcodeSwvRecord>, ImportError> {
    let table = Table::read(file, text, b',')?;
    let pc4 = table.require(&["pc4"])?;
    let municipality = table.optional(&["gemeente"]);
    let po = table.require(&["po_swv"])?;
    let vo = table.require(&["vo_swv"])?;
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut records = Vec::new();
    for row in table.rows() {
        let area = row.required(pc4)?;
        if pc4_of(area).as_deref() != Some(area) {
            return Err(row.error(pc4, ImportErrorKind::InvalidPostcode { value: area.to_owned() }));
        }
        if let Some(first_line) = seen.insert(area.to_owned(), row.line) {
            return Err(row.error(pc4, ImportErrorKind::DuplicateCode { code: area.to_owned(), first_line }));
        }
        records.push(PostcodeSwvRecord {
            pc4: area.to_owned(),
            municipality: row.text(municipality),
            po_swv: swv_or_region(&row, po)?,
            vo_swv: swv_or_region(&row, vo)?,
        });
    }
    Ok(records)
}

/// A value that looks like an SWV code must be one; a place name means "no SWV".
fn swv_or_region(row: &Row<'_>, column: Column) -> Result<Option<SwvCode>, ImportError> {
    let raw = row.get(Some(column));
    let looks_like_code = raw.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("po") || p.eq_ignore_ascii_case("vo"))
        && raw.chars().any(|c| c.is_ascii_digit());
    if !looks_like_code {
        return Ok(None);
    }
    SwvCode::parse(raw).map(Some).map_err(|e| row.error(column, ImportErrorKind::InvalidCode(e)))
}

/// The four-digit area of a postcode (`2516PV` → `2516`).
pub fn pc4_of(postcode: &str) -> Option<String> {
    let digits = postcode.get(..4)?;
    (digits.bytes().all(|b| b.is_ascii_digit()) && !digits.starts_with('0')).then(|| digits.to_owned())
}
