//! Statements an SWV adds for its schools, beside the built-in instrument
//! (like its own version of the questionnaire). A round takes the SWV's
//! statements as they are when it opens, and keeps them.

use super::instrument::{Claim, ScanDomain, ScanGroup, Statement, instrument};
use crate::pupil_data::pupil_data_in;
use crate::{FieldProblems, Message};

pub const MAX_STATEMENT: usize = 200;

/// An SWV's statement as typed: checked text, a domain, the groups asked.
pub fn parse_swv_statement(
    swv: &str,
    id: i64,
    domain: &str,
    groups: &[String],
    text: &str,
    claim: Option<Claim>,
    this_year: u16,
) -> Result<Statement, FieldProblems> {
    let mut problems = FieldProblems::new();
    let domain = ScanDomain::parse(domain.trim());
    if domain.is_none() {
        problems.push(("domain", Message::new("scan-remark-domain-unknown").with("domain", "")));
    }
    let mut parsed = Vec::new();
    for raw in groups {
        match ScanGroup::parse(raw.trim()) {
            Some(g) if !parsed.contains(&g) => parsed.push(g),
            Some(_) => {}
            None => problems.push(("groups", Message::new("scan-group-unknown"))),
        }
    }
    if groups.is_empty() {
        problems.push(("groups", Message::new("scan-groups-required")));
    }
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        problems.push(("text", Message::new("scan-statement-required")));
    } else if text.chars().count() > MAX_STATEMENT {
        problems.push(("text", Message::new("answer-too-long").with("max", MAX_STATEMENT)));
    } else if let Some(refused) = pupil_data_in(&text, this_year) {
        problems.push(("text", refused));
    }
    match (domain, problems.is_empty()) {
        (Some(domain), true) => {
            parsed.sort();
            Ok(Statement {
                key: format!("swv.{swv}.{id}"),
                domain,
                groups: parsed,
                text,
                claim,
                added_by: Some(swv.to_owned()),
            })
        }
        _ => Err(problems),
    }
}

/// The statements a round opens with: the instrument's version, then each
/// SWV's own (`None` for an unknown version).
pub fn round_statements(version: u32, swv_added: &[Statement]) -> Option<Vec<Statement>> {
    let mut all = instrument(version)?;
    all.extend(swv_added.iter().cloned());
    Some(all)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::INSTRUMENT_VERSION;

    #[test]
    fn an_swv_adds_a_statement_for_chosen_groups() {
        let groups = vec!["parents".to_owned(), "team".to_owned(), "parents".to_owned()];
        let s = parse_swv_statement("PO2707", 3, "positie_ouder", &groups, "  Het  steunpunt is bekend. ", None, 2026)
            .unwrap();
        assert_eq!(s.key, "swv.PO2707.3");
        assert_eq!(s.groups, [ScanGroup::Team, ScanGroup::Parents]);
        assert_eq!(s.text, "Het steunpunt is bekend.");
        let all = round_statements(INSTRUMENT_VERSION, std::slice::from_ref(&s)).unwrap();
        assert_eq!(all.last(), Some(&s));
        let bad = parse_swv_statement("PO2707", 4, "x", &["ouders".to_owned()], "", None, 2026).unwrap_err();
        assert_eq!(bad.iter().map(|(f, _)| *f).collect::<Vec<_>>(), ["domain", "groups", "text"]);
    }
}
