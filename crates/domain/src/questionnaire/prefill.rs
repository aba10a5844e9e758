//! What DUO's data already says about a location, put into the items that ask it.

use serde_json::Value;

use super::answer::{AnswerValue, parse_answer};
use super::template::Template;
use crate::organisations::SwvCode;

/// The facts about a location that the default template can pre-fill.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LocationFacts {
    pub pupils: Option<i64>,
    pub duo_type: Option<String>,
    pub denomination: Option<String>,
    /// The location's SWVs (PO and VO), as stored.
    pub swvs: Vec<String>,
}

/// Answers for every item whose `prefill` names a fact that is known and
/// valid for the item (a pupil count above the item's maximum is left out).
pub fn prefills(template: &Template, facts: &LocationFacts) -> Vec<(String, AnswerValue)> {
    template
        .items()
        .filter_map(|item| {
            let raw = match item.prefill.as_deref()? {
                "pupils" => facts.pupils.map(Value::from),
                "duo_type" => facts.duo_type.clone().map(Value::from),
                "denomination" => facts.denomination.clone().map(Value::from),
                "swv" => {
                    let codes: Vec<String> = facts
                        .swvs
                        .iter()
                        .map(|c| SwvCode::parse(c).map_or_else(|_| c.clone(), |c| c.display()))
                        .collect();
                    (!codes.is_empty()).then(|| Value::from(codes.join(", ")))
                }
                _ => None,
            }?;
            let value = parse_answer(item, &raw).ok().flatten()?;
            Some((item.key.clone(), value))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::default_template;

    #[test]
    fn known_facts_fill_their_items() {
        let facts = LocationFacts {
            pupils: Some(212),
            duo_type: Some("Basisonderwijs".into()),
            denomination: None,
            swvs: vec!["PO2707".into()],
        };
        let filled = prefills(default_template(), &facts);
        assert!(filled.contains(&("typering.leerlingen".into(), AnswerValue::Number(212))));
        assert!(filled.contains(&("typering.soort".into(), AnswerValue::Text("Basisonderwijs".into()))));
        assert!(filled.contains(&("typering.samenwerkingsverband".into(), AnswerValue::Text("PO 27-07".into()))));
        assert!(!filled.iter().any(|(k, _)| k == "typering.denominatie"), "unknown facts stay empty");
    }

    #[test]
    fn a_fact_the_item_refuses_is_left_out() {
        let facts = LocationFacts { pupils: Some(99_999), ..LocationFacts::default() };
        assert!(prefills(default_template(), &facts).is_empty());
    }
}
