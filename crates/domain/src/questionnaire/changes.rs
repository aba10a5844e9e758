//! What changed between two versions of a profile (say last year's adopted
//! one and this year's draft): in full for the team and the MR, and as a short
//! list in plain words for parents.

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;

use super::answer::AnswerValue;
use super::compose::{Shown, show};
use super::template::{ItemKind, Template};
use crate::Message;

/// The item whose table rows are the school's ambitions, and its column.
const AMBITIONS: (&str, &str) = ("ambities.lijst", "ambitie");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// A scale level or a chosen option changed.
    LevelChanged,
    /// A text, number, yes/no or table changed.
    TextChanged,
    /// Only the note beside the answer changed.
    NoteChanged,
    Added,
    Dropped,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemDifference {
    pub item_key: String,
    pub label: String,
    pub kind: ChangeKind,
    pub before: Option<Shown>,
    pub after: Option<Shown>,
    pub note_before: Option<String>,
    pub note_after: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Comparison {
    pub items: Vec<ItemDifference>,
    pub new_ambitions: Vec<String>,
    pub dropped_ambitions: Vec<String>,
}

/// Answers by item key, with their notes.
pub type Answers = HashMap<String, (AnswerValue, Option<String>)>;

/// The differences from `old` to `new`, in the order of the new template
/// (items only the old one asked come last).
pub fn compare(old_template: &Template, old: &Answers, new_template: &Template, new: &Answers) -> Comparison {
    let mut keys: Vec<&str> = new_template.items().filter(|i| !i.hidden).map(|i| i.key.as_str()).collect();
    keys.extend(old_template.items().map(|i| i.key.as_str()).filter(|k| new_template.item(k).is_none_or(|i| i.hidden)));
    let mut items = Vec::new();
    for key in keys {
        let item = new_template.item(key).or_else(|| old_template.item(key)).expect("key from a template");
        let old_item = old_template.item(key).unwrap_or(item);
        let (before, after) = (old.get(key), new.get(key));
        let kind = match (before, after) {
            (None, None) => continue,
            (None, Some(_)) => ChangeKind::Added,
            (Some(_), None) => ChangeKind::Dropped,
            (Some((a, note_a)), Some((b, note_b))) if a == b => {
                if note_a == note_b {
                    continue;
                }
                ChangeKind::NoteChanged
            }
            (Some(_), Some(_)) => match item.kind {
                ItemKind::Scale { .. } | ItemKind::SingleChoice { .. } | ItemKind::MultipleChoice { .. } => {
                    ChangeKind::LevelChanged
                }
                _ => ChangeKind::TextChanged,
            },
        };
        items.push(ItemDifference {
            item_key: key.to_owned(),
            label: item.label.clone(),
            kind,
            before: before.map(|(v, _)| show(old_item, v)),
            after: after.map(|(v, _)| show(item, v)),
            note_before: before.and_then(|(_, n)| n.clone()),
            note_after: after.and_then(|(_, n)| n.clone()),
        });
    }
    let (old_ambitions, new_ambitions) = (ambitions(old), ambitions(new));
    Comparison {
        items,
        new_ambitions: new_ambitions.difference(&old_ambitions).cloned().collect(),
        dropped_ambitions: old_ambitions.difference(&new_ambitions).cloned().collect(),
    }
}

fn ambitions(answers: &Answers) -> BTreeSet<String> {
    match answers.get(AMBITIONS.0) {
        Some((AnswerValue::Rows(rows), _)) => rows
            .iter()
            .filter_map(|r| r.get(AMBITIONS.1))
            .map(|a| a.trim().to_owned())
            .filter(|a| !a.is_empty())
            .collect(),
        _ => BTreeSet::new(),
    }
}

impl Comparison {
    /// The short list for parents: what the school now offers differently per
    /// kind of support, and its new and dropped ambitions, as catalogue messages.
    pub fn for_parents(&self, new_template: &Template) -> Vec<Message> {
        let labels = |shown: &Option<Shown>| match shown {
            Some(Shown::Labels(labels)) => labels.join(", "),
            _ => String::new(),
        };
        let mut lines: Vec<Message> = self
            .items
            .iter()
            .filter(|d| new_template.item(&d.item_key).is_some_and(|i| i.category.is_some()))
            .filter_map(|d| match d.kind {
                ChangeKind::LevelChanged | ChangeKind::Added if d.after.is_some() => Some(
                    Message::new(if d.before.is_some() { "changes-parent-level" } else { "changes-parent-new-offer" })
                        .with("topic", d.label.as_str())
                        .with("now", labels(&d.after).to_lowercase())
                        .with("was", labels(&d.before).to_lowercase()),
                ),
                _ => None,
            })
            .collect();
        lines.extend(
            self.new_ambitions.iter().map(|a| Message::new("changes-parent-new-ambition").with("ambition", a.as_str())),
        );
        lines.extend(
            self.dropped_ambitions
                .iter()
                .map(|a| Message::new("changes-parent-dropped-ambition").with("ambition", a.as_str())),
        );
        lines
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::questionnaire::{default_template, parse_answer};

    fn answers(list: &[(&str, serde_json::Value, Option<&str>)]) -> Answers {
        list.iter()
            .map(|(key, raw, note)| {
                let item = default_template().item(key).unwrap();
                ((*key).to_owned(), (parse_answer(item, raw).unwrap().unwrap(), note.map(str::to_owned)))
            })
            .collect()
    }

    #[test]
    fn levels_texts_notes_and_ambitions_are_compared() {
        let t = default_template();
        let last_year = answers(&[
            ("aanbod.dyslexie", json!("na_overleg"), None),
            ("aanbod.gedrag", json!("standaard"), Some("Met de gedragsspecialist")),
            ("visie.ondersteuning", json!("Ieder kind telt."), None),
            ("extra.grenzen", json!("Geen verpleegkundige zorg."), None),
            ("ambities.lijst", json!([{ "ambitie": "Meer- en hoogbegaafdheid" }, { "ambitie": "Rekenen" }]), None),
        ]);
        let this_year = answers(&[
            ("aanbod.dyslexie", json!("standaard"), None),
            ("aanbod.gedrag", json!("standaard"), Some("Met twee gedragsspecialisten")),
            ("visie.ondersteuning", json!("Ieder kind hoort erbij."), None),
            ("aanbod.nt2", json!("standaard"), None),
            ("ambities.lijst", json!([{ "ambitie": "Rekenen" }, { "ambitie": "Taalklas voor nieuwkomers" }]), None),
        ]);
        let comparison = compare(t, &last_year, t, &this_year);
        let kinds: Vec<(&str, ChangeKind)> = comparison.items.iter().map(|d| (d.item_key.as_str(), d.kind)).collect();
        assert_eq!(
            kinds,
            [
                ("visie.ondersteuning", ChangeKind::TextChanged),
                ("aanbod.dyslexie", ChangeKind::LevelChanged),
                ("aanbod.nt2", ChangeKind::Added),
                ("aanbod.gedrag", ChangeKind::NoteChanged),
                ("extra.grenzen", ChangeKind::Dropped),
                ("ambities.lijst", ChangeKind::TextChanged),
            ]
        );
        assert_eq!(comparison.new_ambitions, ["Taalklas voor nieuwkomers"]);
        assert_eq!(comparison.dropped_ambitions, ["Meer- en hoogbegaafdheid"]);

        let parents = comparison.for_parents(t);
        let ids: Vec<&str> = parents.iter().map(|m| m.id).collect();
        assert_eq!(
            ids,
            [
                "changes-parent-level",
                "changes-parent-new-offer",
                "changes-parent-new-ambition",
                "changes-parent-dropped-ambition"
            ]
        );
    }

    #[test]
    fn equal_versions_have_no_differences() {
        let same = answers(&[("aanbod.dyslexie", json!("standaard"), Some("x"))]);
        assert_eq!(compare(default_template(), &same, default_template(), &same), Comparison::default());
    }
}
