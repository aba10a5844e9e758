//! From a school's ambitions to practice examples: which support categories
//! an ambition names. Schools write their ambitions freely ("Een plusklas
//! voor meer- en hoogbegaafde leerlingen", "Rekenen op maat"), so this looks
//! for parts of words, without case; an ambition naming none is found by
//! its words through the ordinary search.

use crate::questionnaire::{AnswerValue, SupportCategory};

/// The profile item whose rows are the school's ambitions, and its column.
pub const AMBITIONS_ITEM: (&str, &str) = ("ambities.lijst", "ambitie");

/// Parts of words that name a category in an ambition.
fn keywords(category: SupportCategory) -> &'static [&'static str] {
    match category {
        SupportCategory::Dyslexie => &["dyslex", "lezen", "leesonderwijs", "leesbegeleiding"],
        SupportCategory::Dyscalculie => &["dyscalc", "rekenen", "rekenonderwijs"],
        SupportCategory::TaalSpraak => &["spraak", "taalontwikkeling", "logoped", "tos"],
        SupportCategory::Nt2 => &["nt2", "nieuwkomer", "anderstalig", "taalklas"],
        SupportCategory::MeerHoogbegaafdheid => &["begaafd", "plusklas", "verrijking"],
        SupportCategory::Leren => &["leerachterstand", "leerproblem", "moeite met leren"],
        SupportCategory::Gedrag => &["gedrag", "sociaal-emotione", "sociaal emotione"],
        SupportCategory::Werkhouding => &["werkhouding", "executieve", "concentratie"],
        SupportCategory::Motoriek => &["motori"],
        SupportCategory::Medisch => &["medisch", "diabetes", "epilep"],
        SupportCategory::Zien => &["slechtzien", "visueel", "visuele beperking", "blind"],
        SupportCategory::Horen => &["slechthor", "doof", "dove", "auditie", "auditieve"],
    }
}

/// The categories an ambition names, in the order of [`SupportCategory::ALL`].
pub fn categories_in_ambition(ambition: &str) -> Vec<SupportCategory> {
    let text = ambition.to_lowercase();
    // "tos" only as a word of its own (taalontwikkelingsstoornis), not in "kostenloos".
    let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    SupportCategory::ALL
        .into_iter()
        .filter(|category| {
            keywords(*category).iter().any(|k| if *k == "tos" { words.contains(k) } else { text.contains(k) })
        })
        .collect()
}

/// The ambitions a profile names, trimmed, in the school's order, each once.
pub fn ambitions_of<'a>(answers: impl IntoIterator<Item = (&'a str, &'a AnswerValue)>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (key, value) in answers {
        if key != AMBITIONS_ITEM.0 {
            continue;
        }
        if let AnswerValue::Rows(rows) = value {
            for row in rows {
                let Some(ambition) = row.get(AMBITIONS_ITEM.1) else { continue };
                let ambition = ambition.split_whitespace().collect::<Vec<_>>().join(" ");
                if !ambition.is_empty() && !out.contains(&ambition) {
                    out.push(ambition);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ambition_names_the_categories_schools_write_about() {
        use SupportCategory::*;
        assert_eq!(categories_in_ambition("Een plusklas voor meer- en hoogbegaafde leerlingen"), [MeerHoogbegaafdheid]);
        assert_eq!(categories_in_ambition("Rekenen op maat, ook bij dyscalculie"), [Dyscalculie]);
        assert_eq!(categories_in_ambition("Een taalklas voor nieuwkomers"), [Nt2]);
        assert_eq!(categories_in_ambition("Kinderen met TOS in de eigen klas"), [TaalSpraak]);
        assert_eq!(categories_in_ambition("Kostenloos schoolreisje"), Vec::<SupportCategory>::new());
        assert_eq!(categories_in_ambition("Meer aandacht voor gedrag en werkhouding"), [Gedrag, Werkhouding]);
        assert!(categories_in_ambition("Een mooier schoolplein").is_empty());
    }

    #[test]
    fn ambitions_are_read_from_the_profiles_table_once_each() {
        let rows = AnswerValue::Rows(vec![
            [("ambitie".to_owned(), " Rekenen  op maat ".to_owned())].into_iter().collect(),
            [("ambitie".to_owned(), String::new())].into_iter().collect(),
            [("ambitie".to_owned(), "Rekenen op maat".to_owned())].into_iter().collect(),
            [("ambitie".to_owned(), "Plusklas".to_owned())].into_iter().collect(),
        ]);
        let other = AnswerValue::Text("x".to_owned());
        let answers = [("ambities.lijst", &rows), ("visie.tekst", &other)];
        assert_eq!(ambitions_of(answers), ["Rekenen op maat", "Plusklas"]);
    }
}
