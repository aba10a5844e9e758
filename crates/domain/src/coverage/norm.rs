//! The SWV's basic-support norm (*basisondersteuning*): the items and the
//! minimum level each school must reach, and a target share of items met.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::Message;
use crate::questionnaire::{AnswerValue, ItemKind, Template};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NormItem {
    pub key: String,
    /// The lowest level of the item's scale that meets the norm.
    pub min_level: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Norm {
    pub items: Vec<NormItem>,
    /// The share of items a school must meet, in percent (e.g. 85).
    pub target_percent: u8,
}

/// How far one location meets the norm.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Compliance {
    pub met: usize,
    pub total: usize,
    pub percent: f64,
    pub below_target: bool,
    /// The norm's items the location does not meet (unanswered ones included).
    pub missing: Vec<String>,
}

fn levels<'a>(template: &'a Template, key: &str) -> Option<&'a [crate::questionnaire::Choice]> {
    match &template.item(key)?.kind {
        ItemKind::Scale { levels } => Some(levels),
        _ => None,
    }
}

impl Norm {
    /// Checks the norm against a template: every item a scale item, every
    /// minimum one of its levels, each item once, a target from 1 to 100.
    pub fn check(&self, template: &Template) -> Result<(), Vec<(String, Message)>> {
        let mut problems = Vec::new();
        if !(1..=100).contains(&self.target_percent) {
            problems.push(("target_percent".to_owned(), Message::new("norm-target-invalid")));
        }
        let mut seen = Vec::new();
        for item in &self.items {
            match levels(template, &item.key) {
                None => problems.push((item.key.clone(), Message::new("norm-item-invalid"))),
                Some(levels) if !levels.iter().any(|l| l.key == item.min_level) => {
                    problems.push((item.key.clone(), Message::new("answer-choice-invalid")));
                }
                Some(_) if seen.contains(&item.key) => {
                    problems.push((item.key.clone(), Message::new("norm-item-twice")))
                }
                Some(_) => seen.push(item.key.clone()),
            }
        }
        if problems.is_empty() { Ok(()) } else { Err(problems) }
    }

    /// How far a location's school answers meet the norm.
    pub fn compliance(&self, template: &Template, answers: &HashMap<String, AnswerValue>) -> Compliance {
        let mut missing = Vec::new();
        for item in &self.items {
            let Some(levels) = levels(template, &item.key) else { continue };
            let rank = |key: &str| levels.iter().position(|l| l.key == key);
            let given = match answers.get(&item.key) {
                Some(AnswerValue::Choice(level)) => rank(level),
                _ => None,
            };
            if given.is_none_or(|g| Some(g) < rank(&item.min_level)) {
                missing.push(item.key.clone());
            }
        }
        let total = self.items.len();
        let met = total - missing.len();
        let percent = if total == 0 { 100.0 } else { met as f64 * 100.0 / total as f64 };
        Compliance { met, total, percent, below_target: percent < f64::from(self.target_percent), missing }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::default_template;

    fn norm() -> Norm {
        Norm {
            items: vec![
                NormItem { key: "basis.basiskwaliteit".into(), min_level: "op_orde".into() },
                NormItem { key: "basis.planmatig".into(), min_level: "op_orde".into() },
                NormItem { key: "aanbod.dyslexie".into(), min_level: "standaard".into() },
                NormItem { key: "aanbod.gedrag".into(), min_level: "na_overleg".into() },
            ],
            target_percent: 85,
        }
    }

    #[test]
    fn a_school_meets_three_of_four_items() {
        let answers: HashMap<String, AnswerValue> = [
            ("basis.basiskwaliteit", "sterk"),
            ("basis.planmatig", "in_ontwikkeling"),
            ("aanbod.dyslexie", "standaard"),
            ("aanbod.gedrag", "na_overleg"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), AnswerValue::Choice(v.to_owned())))
        .collect();
        let result = norm().compliance(default_template(), &answers);
        assert_eq!((result.met, result.total, result.percent), (3, 4, 75.0));
        assert!(result.below_target, "75 % is below 85 %");
        assert_eq!(result.missing, ["basis.planmatig"]);
        let nothing = norm().compliance(default_template(), &HashMap::new());
        assert_eq!((nothing.met, nothing.missing.len()), (0, 4));
    }

    #[test]
    fn a_norm_names_scale_items_and_their_levels() {
        assert!(norm().check(default_template()).is_ok());
        let mut bad = norm();
        bad.items.push(NormItem { key: "visie.ondersteuning".into(), min_level: "x".into() });
        bad.items.push(NormItem { key: "aanbod.dyslexie".into(), min_level: "standaard".into() });
        bad.items[0].min_level = "super".into();
        bad.target_percent = 0;
        let fields: Vec<String> = bad.check(default_template()).unwrap_err().into_iter().map(|(f, _)| f).collect();
        assert_eq!(fields, ["target_percent", "basis.basiskwaliteit", "visie.ondersteuning", "aanbod.dyslexie"]);
    }
}
