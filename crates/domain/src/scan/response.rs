//! A filled-in scan, checked against the statements of the respondent's group.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::instrument::{Agreement, ScanDomain, ScanGroup, Statement};
use crate::pupil_data::pupil_data_in;
use crate::{FieldProblems, Message};

pub const MAX_REMARK: usize = 1000;

/// Answers by statement key, and an optional remark per domain.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ScanResponse {
    pub answers: BTreeMap<String, Agreement>,
    #[serde(default)]
    pub remarks: BTreeMap<ScanDomain, String>,
}

/// Checks raw answers (statement key → scale key) and remarks (domain key →
/// text). Every statement may be left open, but a response with no answer is
/// refused, and so is an answer outside the scale, an answer to a statement
/// the group is not asked, a remark for an unknown domain and a remark that
/// looks like a pupil's data. Nothing is kept unless everything is right.
pub fn parse_scan_response(
    statements: &[Statement],
    group: ScanGroup,
    raw_answers: &BTreeMap<String, String>,
    raw_remarks: &BTreeMap<String, String>,
    this_year: u16,
) -> Result<ScanResponse, FieldProblems> {
    let mut problems = FieldProblems::new();
    let mut response = ScanResponse::default();
    for (key, value) in raw_answers {
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        let Some(statement) = statements.iter().find(|s| &s.key == key) else {
            problems.push(("answers", Message::new("scan-statement-unknown").with("statement", key.as_str())));
            continue;
        };
        if !statement.asks(group) {
            problems.push(("answers", Message::new("scan-statement-other-group").with("statement", key.as_str())));
            continue;
        }
        match Agreement::parse(value) {
            Some(agreement) => {
                response.answers.insert(key.clone(), agreement);
            }
            None => problems.push(("answers", Message::new("scan-answer-invalid").with("statement", key.as_str()))),
        }
    }
    for (key, text) in raw_remarks {
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        let Some(domain) = ScanDomain::parse(key) else {
            problems.push(("remarks", Message::new("scan-remark-domain-unknown").with("domain", key.as_str())));
            continue;
        };
        // The domain goes along, so that the message stands next to its remark.
        if text.chars().count() > MAX_REMARK {
            let too_long = Message::new("answer-too-long").with("max", MAX_REMARK);
            problems.push(("remarks", too_long.with("domain", domain.as_str())));
        } else if let Some(refused) = pupil_data_in(text, this_year) {
            problems.push(("remarks", refused.with("domain", domain.as_str())));
        } else {
            response.remarks.insert(domain, text.replace("\r\n", "\n"));
        }
    }
    if problems.is_empty() && response.answers.is_empty() {
        problems.push(("answers", Message::new("scan-empty")));
    }
    if problems.is_empty() { Ok(response) } else { Err(problems) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::{INSTRUMENT_VERSION, instrument};

    fn raw(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn answers_are_checked_against_the_scale_and_the_group() {
        let all = instrument(INSTRUMENT_VERSION).unwrap();
        let ok = parse_scan_response(
            &all,
            ScanGroup::Parents,
            &raw(&[("os.o1", "oneens"), ("po.o1", " weet_niet "), ("vb.o1", "")]),
            &raw(&[("positie_ouder", "  Graag vaker een gesprek. ")]),
            2026,
        )
        .unwrap();
        assert_eq!(ok.answers.len(), 2);
        assert_eq!(ok.answers["os.o1"], Agreement::Oneens);
        assert_eq!(ok.remarks[&ScanDomain::PositieOuder], "Graag vaker een gesprek.");
        let ids = |r: Result<ScanResponse, FieldProblems>| r.unwrap_err().iter().map(|(_, m)| m.id).collect::<Vec<_>>();
        let sent = raw(&[("os.o1", "5"), ("os.t1", "eens"), ("bestaat.niet", "eens")]);
        assert_eq!(
            ids(parse_scan_response(&all, ScanGroup::Parents, &sent, &raw(&[]), 2026)),
            ["scan-statement-unknown", "scan-answer-invalid", "scan-statement-other-group"]
        );
        assert_eq!(ids(parse_scan_response(&all, ScanGroup::Parents, &raw(&[]), &raw(&[]), 2026)), ["scan-empty"]);
        let remark = raw(&[("positie_ouder", "Mijn zoon, geboren 3-4-2016, mist hulp")]);
        let refused = parse_scan_response(&all, ScanGroup::Parents, &raw(&[("os.o1", "eens")]), &remark, 2026);
        let refused = refused.unwrap_err();
        assert_eq!(refused.iter().map(|(_, m)| m.id).collect::<Vec<_>>(), ["pupil-data-birth-date"]);
        // It names its domain, so the form shows it next to that remark.
        assert!(refused[0].1.args.contains(&("domain", "positie_ouder".into())), "{refused:?}");
        let unknown = raw(&[("geen_domein", "tekst")]);
        assert_eq!(
            ids(parse_scan_response(&all, ScanGroup::Parents, &raw(&[("os.o1", "eens")]), &unknown, 2026)),
            ["scan-remark-domain-unknown"]
        );
    }
}
