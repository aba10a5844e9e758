//! The composed profile: the answers arranged in the chapters real profiles use.

use std::collections::HashMap;

use serde::Serialize;

use super::answer::AnswerValue;
use super::template::{BasisAspect, Item, ItemKind, LegalRole, TableColumnKind, Template};

/// The chapters, in reading order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Chapter {
    Typering,
    Visie,
    Basisondersteuning,
    ExtraOndersteuning,
    Deskundigheid,
    Voorzieningen,
    Ketenpartners,
    Grenzen,
    AmbitiesEnScholing,
    OudersEnLeerlingen,
    Vaststelling,
}

impl Chapter {
    pub const ALL: [Chapter; 11] = [
        Chapter::Typering,
        Chapter::Visie,
        Chapter::Basisondersteuning,
        Chapter::ExtraOndersteuning,
        Chapter::Deskundigheid,
        Chapter::Voorzieningen,
        Chapter::Ketenpartners,
        Chapter::Grenzen,
        Chapter::AmbitiesEnScholing,
        Chapter::OudersEnLeerlingen,
        Chapter::Vaststelling,
    ];

    /// The catalogue id of the chapter's title.
    pub fn message_id(self) -> &'static str {
        match self {
            Chapter::Typering => "chapter-typering",
            Chapter::Visie => "chapter-visie",
            Chapter::Basisondersteuning => "chapter-basisondersteuning",
            Chapter::ExtraOndersteuning => "chapter-extra",
            Chapter::Deskundigheid => "chapter-deskundigheid",
            Chapter::Voorzieningen => "chapter-voorzieningen",
            Chapter::Ketenpartners => "chapter-ketenpartners",
            Chapter::Grenzen => "chapter-grenzen",
            Chapter::AmbitiesEnScholing => "chapter-ambities",
            Chapter::OudersEnLeerlingen => "chapter-ouders",
            Chapter::Vaststelling => "chapter-vaststelling",
        }
    }

    /// Where an item is read: by its legal role or support category first,
    /// else by its section.
    pub fn of(item: &Item, section: &str) -> Chapter {
        if item.category.is_some() {
            return Chapter::ExtraOndersteuning;
        }
        match item.legal_role {
            Some(LegalRole::Basisondersteuning(_)) => return Chapter::Basisondersteuning,
            Some(LegalRole::Deskundigheid) => return Chapter::Deskundigheid,
            Some(LegalRole::Ambitie | LegalRole::Scholing) => return Chapter::AmbitiesEnScholing,
            Some(LegalRole::ExtraOndersteuning) if item.key.contains("grenzen") => return Chapter::Grenzen,
            Some(LegalRole::ExtraOndersteuning) => return Chapter::ExtraOndersteuning,
            None => {}
        }
        match section {
            "A" => Chapter::Typering,
            "B" => Chapter::Visie,
            "C" | "E" => Chapter::Basisondersteuning,
            "F" => Chapter::Deskundigheid,
            "G" => Chapter::Voorzieningen,
            "H" => Chapter::Ketenpartners,
            "I" => Chapter::ExtraOndersteuning,
            "J" => Chapter::AmbitiesEnScholing,
            "L" => Chapter::Vaststelling,
            _ => Chapter::OudersEnLeerlingen,
        }
    }
}

/// An answer made readable: labels instead of keys.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Shown {
    Text(String),
    Labels(Vec<String>),
    YesNo(bool),
    Number { value: i64, unit: Option<String> },
    Table { columns: Vec<String>, rows: Vec<Vec<String>> },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    pub item_key: String,
    pub label: String,
    pub shown: Shown,
    pub note: Option<String>,
    /// For basisondersteuning: which of the four aspects.
    pub aspect: Option<BasisAspect>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComposedChapter {
    pub chapter: Chapter,
    pub entries: Vec<Entry>,
}

/// The answer with labels from the item.
pub fn show(item: &Item, value: &AnswerValue) -> Shown {
    let label_of = |choices: &[super::template::Choice], key: &str| {
        choices.iter().find(|c| c.key == key).map_or_else(|| key.to_owned(), |c| c.label.clone())
    };
    match (&item.kind, value) {
        (
            ItemKind::Scale { levels: choices } | ItemKind::SingleChoice { options: choices },
            AnswerValue::Choice(key),
        ) => Shown::Labels(vec![label_of(choices, key)]),
        (ItemKind::MultipleChoice { options }, AnswerValue::Choices(keys)) => {
            Shown::Labels(keys.iter().map(|k| label_of(options, k)).collect())
        }
        (ItemKind::Number { unit, .. }, AnswerValue::Number(n)) => Shown::Number { value: *n, unit: unit.clone() },
        (ItemKind::Table { columns }, AnswerValue::Rows(rows)) => Shown::Table {
            columns: columns.iter().map(|c| c.label.clone()).collect(),
            rows: rows
                .iter()
                .map(|row| {
                    columns
                        .iter()
                        .map(|c| {
                            let cell = row.get(&c.key).cloned().unwrap_or_default();
                            // Numbers are stored with a decimal point and read with a comma.
                            if c.kind == TableColumnKind::Number { cell.replace('.', ",") } else { cell }
                        })
                        .collect()
                })
                .collect(),
        },
        (_, AnswerValue::YesNo(b)) => Shown::YesNo(*b),
        (_, AnswerValue::Text(t)) => Shown::Text(t.clone()),
        (_, AnswerValue::Number(n)) => Shown::Number { value: *n, unit: None },
        (_, AnswerValue::Choice(k)) => Shown::Labels(vec![k.clone()]),
        (_, AnswerValue::Choices(ks)) => Shown::Labels(ks.clone()),
        (_, AnswerValue::Rows(rows)) => {
            Shown::Table { columns: Vec::new(), rows: rows.iter().map(|r| r.values().cloned().collect()).collect() }
        }
    }
}

/// The answered, visible items in chapters; chapters without answers are left out.
pub fn compose(template: &Template, answers: &HashMap<String, (AnswerValue, Option<String>)>) -> Vec<ComposedChapter> {
    let mut chapters: Vec<ComposedChapter> =
        Chapter::ALL.iter().map(|c| ComposedChapter { chapter: *c, entries: Vec::new() }).collect();
    for section in &template.sections {
        for item in section.items.iter().filter(|i| !i.hidden) {
            let Some((value, note)) = answers.get(&item.key) else { continue };
            let chapter = Chapter::of(item, &section.key);
            let aspect = match item.legal_role {
                Some(LegalRole::Basisondersteuning(aspect)) => Some(aspect),
                _ => None,
            };
            let entry = Entry {
                item_key: item.key.clone(),
                label: item.label.clone(),
                shown: show(item, value),
                note: note.clone(),
                aspect,
            };
            if let Some(target) = chapters.iter_mut().find(|c| c.chapter == chapter) {
                target.entries.push(entry);
            }
        }
    }
    chapters.retain(|c| !c.entries.is_empty());
    chapters
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::questionnaire::{default_template, parse_answer};

    fn answer(key: &str, raw: serde_json::Value, note: Option<&str>) -> (String, (AnswerValue, Option<String>)) {
        let item = default_template().item(key).unwrap();
        (key.to_owned(), (parse_answer(item, &raw).unwrap().unwrap(), note.map(str::to_owned)))
    }

    #[test]
    fn answers_land_in_the_chapters_of_a_real_profile() {
        let answers: HashMap<_, _> = [
            answer("typering.leerlingen", json!(212), None),
            answer("visie.ondersteuning", json!("Elk kind hoort erbij."), None),
            answer("basis.planmatig", json!("op_orde"), None),
            answer("aanbod.dyslexie", json!("standaard"), Some("Met een leesspecialist.")),
            answer("extra.grenzen", json!("Geen verpleegkundige zorg."), None),
            answer("deskundigheid.aanwezig", json!([{ "specialist": "IB", "dagdelen": "2,5" }]), None),
            answer("ambities.scholing", json!("Cursus gedrag."), None),
        ]
        .into_iter()
        .collect();
        let chapters = compose(default_template(), &answers);
        let order: Vec<Chapter> = chapters.iter().map(|c| c.chapter).collect();
        assert_eq!(
            order,
            [
                Chapter::Typering,
                Chapter::Visie,
                Chapter::Basisondersteuning,
                Chapter::ExtraOndersteuning,
                Chapter::Deskundigheid,
                Chapter::Grenzen,
                Chapter::AmbitiesEnScholing
            ]
        );
        let extra = &chapters[3].entries[0];
        assert_eq!(extra.shown, Shown::Labels(vec!["Standaard".into()]));
        assert_eq!(extra.note.as_deref(), Some("Met een leesspecialist."));
        assert_eq!(chapters[2].entries[0].aspect, Some(BasisAspect::PlanmatigWerken));
        let Shown::Table { rows, .. } = &chapters[4].entries[0].shown else { panic!() };
        assert_eq!(rows[0], vec!["IB", "2,5"]);
    }
}
