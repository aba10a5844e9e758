//! From a gap to help: which specialists matter for a support category, and
//! which offering locations are nearest to the area of the gap.

use std::collections::HashMap;

use crate::publishing::distance_km;
use crate::questionnaire::{AnswerValue, SupportCategory};

/// The profile item with the specialists and their *dagdelen per week* (section F).
pub const SPECIALISTS_ITEM: &str = "deskundigheid.aanwezig";

/// The specialists of one profile that serve the category, with their dagdelen per week.
pub fn relevant_dagdelen(category: SupportCategory, answers: &HashMap<String, AnswerValue>) -> Vec<(String, f64)> {
    let Some(AnswerValue::Rows(rows)) = answers.get(SPECIALISTS_ITEM) else { return Vec::new() };
    rows.iter()
        .filter_map(|row| {
            let name = row.get("specialist")?.split_whitespace().collect::<Vec<_>>().join(" ");
            let dagdelen = row.get("dagdelen").and_then(|d| d.parse::<f64>().ok()).unwrap_or(0.0);
            (!name.is_empty() && is_relevant_specialist(category, &name)).then_some((name, dagdelen))
        })
        .collect()
}

/// Words in a specialist's name (as schools write it) that tell it serves the
/// category. Schools write freely ("RT-er dyslexie", "Gedragsspecialist"), so
/// this matches parts of words, without case.
pub fn specialist_keywords(category: SupportCategory) -> &'static [&'static str] {
    match category {
        SupportCategory::Dyslexie => &["dyslex", "remedial", "rt", "lees", "taalspecialist"],
        SupportCategory::Dyscalculie => &["dyscalc", "reken", "remedial", "rt"],
        SupportCategory::TaalSpraak => &["logoped", "tos", "taal", "spraak"],
        SupportCategory::Nt2 => &["nt2", "nieuwkomer", "taal"],
        SupportCategory::MeerHoogbegaafdheid => &["begaafd", "talent", "plusklas"],
        SupportCategory::Leren => &["orthopedagog", "remedial", "rt", "leerlijn", "psycholo"],
        SupportCategory::Gedrag => &["gedrag", "orthopedagog", "psycholo", "sova", "jeugd"],
        SupportCategory::Werkhouding => &["executie", "coach", "orthopedagog", "gedrag"],
        SupportCategory::Motoriek => &["motori", "fysiotherap", "ergotherap", "gym"],
        SupportCategory::Medisch => &["verpleeg", "medisch", "zorg", "arts"],
        SupportCategory::Zien => &["visueel", "zien", "slechtzien", "visio", "bartim"],
        SupportCategory::Horen => &["auditie", "horen", "slechthor", "doof", "kentalis"],
    }
}

/// Whether a specialist (by the school's name for it) is relevant for the category.
pub fn is_relevant_specialist(category: SupportCategory, specialist: &str) -> bool {
    let name = specialist.to_lowercase();
    let words: Vec<&str> = name.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    specialist_keywords(category).iter().any(|key| {
        // Short keys ("rt", "tos") must be a whole word; longer ones may start a word.
        if key.len() <= 3 { words.contains(key) } else { words.iter().any(|w| w.contains(key)) }
    })
}

/// The middle of the points (plain average: areas are small).
pub fn centre(points: &[(f64, f64)]) -> Option<(f64, f64)> {
    if points.is_empty() {
        return None;
    }
    let n = points.len() as f64;
    Some((points.iter().map(|p| p.0).sum::<f64>() / n, points.iter().map(|p| p.1).sum::<f64>() / n))
}

/// Items sorted by their distance from `from` (those without a place last), at most `limit`.
pub fn nearest<T>(
    items: Vec<T>,
    from: Option<(f64, f64)>,
    place: impl Fn(&T) -> Option<(f64, f64)>,
    limit: usize,
) -> Vec<(T, Option<f64>)> {
    let mut with_km: Vec<(T, Option<f64>)> = items
        .into_iter()
        .map(|item| {
            let km = match (from, place(&item)) {
                (Some(a), Some(b)) => Some(distance_km(a, b)),
                _ => None,
            };
            (item, km)
        })
        .collect();
    with_km.sort_by(|a, b| match (a.1, b.1) {
        (Some(x), Some(y)) => x.total_cmp(&y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    with_km.truncate(limit);
    with_km
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specialists_are_matched_by_what_schools_write() {
        assert!(is_relevant_specialist(SupportCategory::Dyslexie, "RT-er dyslexie"));
        assert!(is_relevant_specialist(SupportCategory::TaalSpraak, "Logopedist"));
        assert!(is_relevant_specialist(SupportCategory::Gedrag, "Gedragsspecialist"));
        assert!(!is_relevant_specialist(SupportCategory::Dyslexie, "Gedragsspecialist"));
        // "rt" is a whole word only: not inside "Sportcoach".
        assert!(!is_relevant_specialist(SupportCategory::Dyslexie, "Sportcoach"));
    }

    #[test]
    fn nearest_first_and_unplaced_last() {
        let items = vec![("ver", Some((53.0, 6.0))), ("nergens", None), ("dichtbij", Some((52.1, 5.1)))];
        let found = nearest(items, Some((52.09, 5.12)), |i| i.1, 2);
        assert_eq!(found.iter().map(|(i, _)| i.0).collect::<Vec<_>>(), vec!["dichtbij", "ver"]);
        assert!(centre(&[]).is_none());
        assert_eq!(centre(&[(1.0, 2.0), (3.0, 4.0)]), Some((2.0, 3.0)));
    }
}
