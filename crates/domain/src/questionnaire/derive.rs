//! An SWV's own version of a template: items hidden, reworded or relabelled,
//! items of its own added, without touching the keys that make answers comparable.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::template::{Choice, Item, ItemKind, Template};

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ItemChange {
    pub key: String,
    #[serde(default)]
    pub hidden: Option<bool>,
    #[serde(default)]
    pub label: Option<String>,
    #[serde(default)]
    pub help: Option<String>,
    /// New labels for a scale's or choice's existing keys.
    #[serde(default)]
    pub choice_labels: Vec<Choice>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AddedItem {
    /// The section the item goes at the end of.
    pub section: String,
    pub item: Item,
}

/// What an SWV changes in a base template for its schools.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TemplateVariant {
    /// The SWV code that owns the version; own items carry it in their key.
    pub owner: String,
    pub title: Option<String>,
    #[serde(default)]
    pub changes: Vec<ItemChange>,
    #[serde(default)]
    pub added: Vec<AddedItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum VariantError {
    #[error("item {0} is not in the base template")]
    UnknownItem(String),
    #[error("choice {choice} is not one of item {item}'s")]
    UnknownChoice { item: String, choice: String },
    #[error("section {0} is not in the base template")]
    UnknownSection(String),
    #[error("an SWV's own item key must start with {prefix}: {key}")]
    OwnKeyPrefix { prefix: String, key: String },
    #[error("item key {0} is used twice")]
    DuplicateKey(String),
}

impl TemplateVariant {
    /// The prefix of the SWV's own item keys: `swv.po2707.`.
    pub fn own_prefix(&self) -> String {
        format!("swv.{}.", self.owner.to_lowercase())
    }

    /// The base template with this version's changes.
    pub fn apply(&self, base: &Template) -> Result<Template, VariantError> {
        let mut template = base.clone();
        template.key = format!("swv-{}", self.owner);
        if let Some(title) = &self.title {
            template.title = title.clone();
        }
        for change in &self.changes {
            let item = template
                .sections
                .iter_mut()
                .flat_map(|s| s.items.iter_mut())
                .find(|i| i.key == change.key)
                .ok_or_else(|| VariantError::UnknownItem(change.key.clone()))?;
            if let Some(hidden) = change.hidden {
                item.hidden = hidden;
            }
            if let Some(label) = &change.label {
                item.label = label.clone();
            }
            if let Some(help) = &change.help {
                item.help = Some(help.clone());
            }
            relabel(item, &change.choice_labels)?;
        }
        let prefix = self.own_prefix();
        for added in &self.added {
            if !added.item.key.starts_with(&prefix) {
                return Err(VariantError::OwnKeyPrefix { prefix, key: added.item.key.clone() });
            }
            if template.item(&added.item.key).is_some() {
                return Err(VariantError::DuplicateKey(added.item.key.clone()));
            }
            let section = template
                .sections
                .iter_mut()
                .find(|s| s.key == added.section)
                .ok_or_else(|| VariantError::UnknownSection(added.section.clone()))?;
            section.items.push(added.item.clone());
        }
        Ok(template)
    }
}

fn relabel(item: &mut Item, labels: &[Choice]) -> Result<(), VariantError> {
    let choices = match &mut item.kind {
        ItemKind::Scale { levels } => levels,
        ItemKind::SingleChoice { options } | ItemKind::MultipleChoice { options } => options,
        _ if labels.is_empty() => return Ok(()),
        _ => {
            return Err(VariantError::UnknownChoice { item: item.key.clone(), choice: labels[0].key.clone() });
        }
    };
    for label in labels {
        let choice = choices
            .iter_mut()
            .find(|c| c.key == label.key)
            .ok_or_else(|| VariantError::UnknownChoice { item: item.key.clone(), choice: label.key.clone() })?;
        choice.label = label.label.clone();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::default_template;

    fn variant() -> TemplateVariant {
        let own = Item {
            key: "swv.po2707.arrangement".into(),
            label: "Gebruikt de school een arrangement van het SWV?".into(),
            help: None,
            kind: ItemKind::YesNo,
            category: None,
            legal_role: None,
            prefill: None,
            hidden: false,
        };
        TemplateVariant {
            owner: "PO2707".into(),
            title: Some("SOP Amsterdam".into()),
            changes: vec![
                ItemChange { key: "typering.concept".into(), hidden: Some(true), ..ItemChange::default() },
                ItemChange {
                    key: "aanbod.dyslexie".into(),
                    label: Some("Lezen en dyslexie".into()),
                    choice_labels: vec![Choice { key: "na_overleg".into(), label: "Met het arrangement".into() }],
                    ..ItemChange::default()
                },
            ],
            added: vec![AddedItem { section: "I".into(), item: own }],
        }
    }

    #[test]
    fn a_derived_template_keeps_every_shared_key() {
        let base = default_template();
        let derived = variant().apply(base).unwrap();
        derived.check().unwrap();
        for item in base.items() {
            let same = derived.item(&item.key).expect("shared key kept");
            assert_eq!(std::mem::discriminant(&same.kind), std::mem::discriminant(&item.kind));
        }
        assert!(derived.item("typering.concept").unwrap().hidden);
        let dyslexie = derived.item("aanbod.dyslexie").unwrap();
        assert_eq!(dyslexie.label, "Lezen en dyslexie");
        let ItemKind::Scale { levels } = &dyslexie.kind else { panic!() };
        assert_eq!(levels.iter().map(|l| l.key.as_str()).collect::<Vec<_>>(), ["niet", "na_overleg", "standaard"]);
        assert_eq!(levels[1].label, "Met het arrangement");
        assert!(derived.item("swv.po2707.arrangement").is_some());
        assert_eq!(derived.key, "swv-PO2707");
    }

    #[test]
    fn a_variant_cannot_break_comparability() {
        let base = default_template();
        let mut own_key = variant();
        own_key.added[0].item.key = "aanbod.nieuw".into();
        assert!(matches!(own_key.apply(base), Err(VariantError::OwnKeyPrefix { .. })));
        let mut new_level = variant();
        new_level.changes[1].choice_labels = vec![Choice { key: "soms".into(), label: "Soms".into() }];
        assert!(matches!(new_level.apply(base), Err(VariantError::UnknownChoice { .. })));
        let mut unknown = variant();
        unknown.changes.push(ItemChange { key: "bestaat.niet".into(), ..ItemChange::default() });
        assert!(matches!(unknown.apply(base), Err(VariantError::UnknownItem(_))));
    }
}
