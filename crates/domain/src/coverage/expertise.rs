//! Expertise across the region: specialists and their *dagdelen per week*
//! from every profile, and the training needs the schools name.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::questionnaire::AnswerValue;

const SPECIALISTS: &str = "deskundigheid.aanwezig";
const TO_DEVELOP: &str = "deskundigheid.ontwikkelen";
const TRAINING: &str = "ambities.scholing";

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpecialistTotal {
    /// As the first school wrote it.
    pub specialist: String,
    /// How many locations have this specialist.
    pub locations: usize,
    pub dagdelen_per_week: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NeedsOf {
    pub location: String,
    /// The expertise to develop and the training the team needs, in the school's words.
    pub texts: Vec<String>,
}

/// Specialists summed over the locations, most dagdelen first. Names are
/// compared without case and extra spaces (*Intern begeleider* = *intern  begeleider*).
pub fn specialists<'a>(answers: impl IntoIterator<Item = &'a HashMap<String, AnswerValue>>) -> Vec<SpecialistTotal> {
    let mut totals: BTreeMap<String, SpecialistTotal> = BTreeMap::new();
    for profile in answers {
        let Some(AnswerValue::Rows(rows)) = profile.get(SPECIALISTS) else { continue };
        let mut seen_here: Vec<String> = Vec::new();
        for row in rows {
            let Some(name) = row.get("specialist").map(|s| s.split_whitespace().collect::<Vec<_>>().join(" ")) else {
                continue;
            };
            if name.is_empty() {
                continue;
            }
            let key = name.to_lowercase();
            let dagdelen: f64 = row.get("dagdelen").and_then(|d| d.parse().ok()).unwrap_or(0.0);
            let entry = totals.entry(key.clone()).or_insert(SpecialistTotal {
                specialist: name,
                locations: 0,
                dagdelen_per_week: 0.0,
            });
            entry.dagdelen_per_week += dagdelen;
            if !seen_here.contains(&key) {
                entry.locations += 1;
                seen_here.push(key);
            }
        }
    }
    let mut out: Vec<SpecialistTotal> = totals.into_values().collect();
    out.sort_by(|a, b| {
        b.dagdelen_per_week.total_cmp(&a.dagdelen_per_week).then_with(|| a.specialist.cmp(&b.specialist))
    });
    out
}

/// Per location, what it wants to develop and the training it needs.
pub fn training_needs<'a>(
    profiles: impl IntoIterator<Item = (&'a str, &'a HashMap<String, AnswerValue>)>,
) -> Vec<NeedsOf> {
    profiles
        .into_iter()
        .filter_map(|(location, answers)| {
            let texts: Vec<String> = [TO_DEVELOP, TRAINING]
                .iter()
                .filter_map(|key| match answers.get(*key) {
                    Some(AnswerValue::Text(text)) => Some(text.clone()),
                    _ => None,
                })
                .collect();
            (!texts.is_empty()).then(|| NeedsOf { location: location.to_owned(), texts })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(list: &[(&str, &str)]) -> HashMap<String, AnswerValue> {
        let rows = list
            .iter()
            .map(|(s, d)| [("specialist".to_owned(), (*s).to_owned()), ("dagdelen".to_owned(), (*d).to_owned())].into())
            .collect();
        [(SPECIALISTS.to_owned(), AnswerValue::Rows(rows))].into()
    }

    #[test]
    fn specialists_are_summed_across_schools() {
        let a = rows(&[("Intern begeleider", "4"), ("Gedragsspecialist", "1.5")]);
        let b = rows(&[("intern  begeleider", "2.5"), ("Logopedist", "1")]);
        let totals = specialists([&a, &b]);
        let got: Vec<(&str, usize, f64)> =
            totals.iter().map(|t| (t.specialist.as_str(), t.locations, t.dagdelen_per_week)).collect();
        assert_eq!(got, [("Intern begeleider", 2, 6.5), ("Gedragsspecialist", 1, 1.5), ("Logopedist", 1, 1.0)]);
    }

    #[test]
    fn training_needs_come_in_the_schools_words() {
        let mut answers = HashMap::new();
        answers.insert(TRAINING.to_owned(), AnswerValue::Text("Cursus omgaan met gedrag.".into()));
        let empty = HashMap::new();
        let needs = training_needs([("De Brug", &answers), ("Het Kompas", &empty)]);
        assert_eq!(needs, [NeedsOf { location: "De Brug".into(), texts: vec!["Cursus omgaan met gedrag.".into()] }]);
    }
}
