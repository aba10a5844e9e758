//! Statements an SWV adds for its schools, beside the built-in instrument
//! (like its own version of the questionnaire). A round takes the SWV's
//! statements as they are when it opens, and keeps them.

use super::instrument::{Claim, ScanDomain, ScanGroup, Statement, instrument};
use crate::pupil_data::pupil_data_in;
use crate::questionnaire::{BasisAspect, SupportCategory};
use crate::readability::{Options, analyse};
use crate::{FieldProblems, Message};

pub const MAX_STATEMENT: usize = 200;

/// How plainly a group must be addressed: parents at B1, pupils at A2.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReadingBar {
    /// The lowest Flesch-Douma score.
    pub min_score: f64,
    pub max_sentence_words: usize,
    pub max_word_letters: usize,
    /// Whether a long word is refused (pupils) or only a hint (parents).
    pub refuse_long_words: bool,
}

/// The bar a statement for `group` must meet; `None` for the professionals,
/// who read the field's words. The built-in statements meet the same bar
/// (a unit test in `instrument`), so an SWV's own cannot lower it.
pub fn reading_bar(group: ScanGroup) -> Option<ReadingBar> {
    match group {
        ScanGroup::Parents => {
            Some(ReadingBar { min_score: 60.0, max_sentence_words: 15, max_word_letters: 12, refuse_long_words: false })
        }
        ScanGroup::Pupils => {
            Some(ReadingBar { min_score: 80.0, max_sentence_words: 10, max_word_letters: 12, refuse_long_words: true })
        }
        ScanGroup::Team | ScanGroup::Ib | ScanGroup::Director => None,
    }
}

/// Why `text` is too hard for `group`, as the message shown at the field:
/// jargon first (the easiest to fix), then a long sentence, a long word
/// (pupils), and the score.
pub fn too_hard_for(text: &str, group: ScanGroup) -> Option<Message> {
    let bar = reading_bar(group)?;
    let options = Options { max_sentence_words: bar.max_sentence_words, max_word_letters: bar.max_word_letters };
    let analysis = analyse(text, &options);
    // The catalogue chooses the words for the group (a Fluent selector).
    let who = group.as_str();
    if let Some(hit) = analysis.jargon.first() {
        let word = hit.forms.first().cloned().unwrap_or_else(|| hit.term.clone());
        return Some(
            Message::new("scan-statement-jargon")
                .with("group", who)
                .with("word", word)
                .with("suggestion", hit.suggestion.clone()),
        );
    }
    if !analysis.long_sentences.is_empty() {
        return Some(
            Message::new("scan-statement-long-sentence").with("group", who).with("max", bar.max_sentence_words),
        );
    }
    if bar.refuse_long_words
        && let Some(word) = analysis.long_words.first()
    {
        return Some(Message::new("scan-statement-long-word").with("group", who).with("word", word.clone()));
    }
    match analysis.flesch_douma {
        Some(score) if score < bar.min_score => Some(
            Message::new("scan-statement-hard")
                .with("group", who)
                .with("score", score.round() as i64)
                .with("min", bar.min_score as i64),
        ),
        _ => None,
    }
}

impl Claim {
    /// The claim as a form sends it: `category:dyslexie`, `basis:basiskwaliteit`.
    pub fn form_value(self) -> String {
        match self {
            Claim::Category(c) => format!("category:{}", c.key()),
            Claim::Basis(a) => format!("basis:{}", a.key()),
        }
    }

    /// The claim a form sent; `None` for anything else.
    pub fn parse(raw: &str) -> Option<Claim> {
        let (kind, key) = raw.trim().split_once(':')?;
        match kind {
            "category" => SupportCategory::parse(key).map(Claim::Category),
            "basis" => BasisAspect::ALL.into_iter().find(|a| a.key() == key).map(Claim::Basis),
            _ => None,
        }
    }

    /// Every claim a statement can test, categories first.
    pub fn all() -> Vec<Claim> {
        SupportCategory::ALL
            .into_iter()
            .map(Claim::Category)
            .chain(BasisAspect::ALL.into_iter().map(Claim::Basis))
            .collect()
    }
}

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
    } else if let Some(hard) = parsed.iter().find_map(|g| too_hard_for(&text, *g)) {
        problems.push(("text", hard));
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

    #[test]
    fn a_statement_for_parents_or_pupils_must_read_plainly_and_professionals_may_use_the_fields_words() {
        let parents = ["parents".to_owned()];
        let hard = "De intern begeleider coördineert de handelingsgerichte werkwijze.";
        let refused = parse_swv_statement("PO2707", 5, "positie_ouder", &parents, hard, None, 2026).unwrap_err();
        assert_eq!(refused[0].0, "text");
        assert!(refused[0].1.id.starts_with("scan-statement-"), "{:?}", refused[0].1);
        // The same words are fine for the team.
        let team = ["team".to_owned()];
        assert!(parse_swv_statement("PO2707", 5, "ondersteuning_school", &team, hard, None, 2026).is_ok());
        let long = "Als ik een vraag heb over mijn kind dan weet ik bij wie ik op school terecht kan en dat ik snel antwoord krijg.";
        let refused = too_hard_for(long, ScanGroup::Parents).unwrap();
        assert_eq!(refused.id, "scan-statement-long-sentence");
        assert_eq!(too_hard_for("Ik weet bij wie ik terecht kan met een vraag.", ScanGroup::Parents), None);
        assert_eq!(too_hard_for(long, ScanGroup::Team), None);
    }

    #[test]
    fn a_claim_goes_through_a_form_and_back() {
        let all = Claim::all();
        assert_eq!(all.len(), 12 + 4);
        for claim in all {
            assert_eq!(Claim::parse(&claim.form_value()), Some(claim));
        }
        assert_eq!(Claim::parse("category:onbekend"), None);
        assert_eq!(Claim::parse("dyslexie"), None);
        let json = serde_json::to_value(Claim::Basis(BasisAspect::PlanmatigWerken)).unwrap();
        assert_eq!(json["key"], BasisAspect::PlanmatigWerken.key());
    }
}
