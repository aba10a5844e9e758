//! An SWV's own version of a template: items hidden, reworded or relabelled,
//! items of its own added, without touching the keys that make answers comparable.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::template::{Choice, Item, ItemKind, Template};
use crate::Message;

/// Longest label or help text an SWV writes for an item or choice.
pub const MAX_OWN_LABEL: usize = 300;

/// The kinds of question an SWV can add of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OwnItemKind {
    YesNo,
    ShortText,
    LongText,
    Number,
    /// The scale of section D: niet / na overleg / standaard.
    Scale,
}

impl OwnItemKind {
    pub const ALL: [OwnItemKind; 5] =
        [OwnItemKind::Scale, OwnItemKind::YesNo, OwnItemKind::ShortText, OwnItemKind::LongText, OwnItemKind::Number];

    pub fn key(self) -> &'static str {
        match self {
            OwnItemKind::YesNo => "yes_no",
            OwnItemKind::ShortText => "short_text",
            OwnItemKind::LongText => "long_text",
            OwnItemKind::Number => "number",
            OwnItemKind::Scale => "scale",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == raw)
    }

    /// The catalogue id of the kind's name.
    pub fn message_id(self) -> &'static str {
        match self {
            OwnItemKind::YesNo => "item-kind-yes-no",
            OwnItemKind::ShortText => "item-kind-short-text",
            OwnItemKind::LongText => "item-kind-long-text",
            OwnItemKind::Number => "item-kind-number",
            OwnItemKind::Scale => "item-kind-scale",
        }
    }
}

/// A label as an SWV typed it: trimmed, on one line, bounded; empty is none.
pub fn clean_label(raw: &str) -> Result<Option<String>, Message> {
    let label = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if label.chars().count() > MAX_OWN_LABEL {
        return Err(Message::new("answer-too-long").with("max", MAX_OWN_LABEL));
    }
    Ok((!label.is_empty()).then_some(label))
}

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

/// Most questions of an SWV's own in one version: enough for a region's
/// extra topics, few enough that every profile and document stays readable.
pub const MAX_OWN_ITEMS: usize = 50;
/// Most changes to shared items in one version (each shared item once is far below it).
pub const MAX_ITEM_CHANGES: usize = 500;
/// Largest stored version, as JSON: the bound on everything else (long texts, many choices).
pub const MAX_VARIANT_BYTES: usize = 256 * 1024;

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
    /// Whether the version stays within the bounds above; the message says which it passes.
    pub fn check_size(&self, json_bytes: usize) -> Result<(), Message> {
        if self.added.len() > MAX_OWN_ITEMS {
            return Err(Message::new("limit-own-items").with("max", MAX_OWN_ITEMS).with("count", self.added.len()));
        }
        if self.changes.len() > MAX_ITEM_CHANGES {
            return Err(Message::new("limit-item-changes").with("max", MAX_ITEM_CHANGES));
        }
        if json_bytes > MAX_VARIANT_BYTES {
            return Err(Message::new("limit-variant-size").with("max", MAX_VARIANT_BYTES / 1024));
        }
        Ok(())
    }

    /// A new question of the SWV's own, with the next free key (`swv.po2707.vraag3`).
    pub fn new_own_item(&self, kind: OwnItemKind, label: String) -> Item {
        let prefix = self.own_prefix();
        let next = self
            .added
            .iter()
            .filter_map(|a| a.item.key.strip_prefix(&prefix)?.strip_prefix("vraag")?.parse::<u32>().ok())
            .max()
            .unwrap_or(0)
            + 1;
        let choice = |key: &str, label: &str| Choice { key: key.to_owned(), label: label.to_owned() };
        let kind = match kind {
            OwnItemKind::YesNo => ItemKind::YesNo,
            OwnItemKind::ShortText => ItemKind::ShortText,
            OwnItemKind::LongText => ItemKind::LongText,
            OwnItemKind::Number => ItemKind::Number { min: Some(0), max: None, unit: None },
            OwnItemKind::Scale => ItemKind::Scale {
                levels: vec![
                    choice("niet", "Niet"),
                    choice("na_overleg", "Na overleg of met het samenwerkingsverband"),
                    choice("standaard", "Standaard"),
                ],
            },
        };
        Item {
            key: format!("{prefix}vraag{next}"),
            label,
            help: None,
            kind,
            category: None,
            legal_role: None,
            prefill: None,
            hidden: false,
        }
    }

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
    fn own_items_get_the_next_free_key_under_the_swvs_prefix() {
        let mut variant = variant();
        let first = variant.new_own_item(OwnItemKind::Scale, "Eigen vraag".into());
        assert_eq!(first.key, "swv.po2707.vraag1");
        variant.added.push(AddedItem { section: "D".into(), item: first });
        let second = variant.new_own_item(OwnItemKind::YesNo, "Nog een".into());
        assert_eq!(second.key, "swv.po2707.vraag2");
        variant.added.push(AddedItem { section: "K".into(), item: second });
        let derived = variant.apply(default_template()).unwrap();
        derived.check().unwrap();
        assert!(matches!(derived.item("swv.po2707.vraag1").unwrap().kind, ItemKind::Scale { .. }));
    }

    #[test]
    fn labels_are_trimmed_and_bounded() {
        assert_eq!(clean_label("  Lezen \n en dyslexie ").unwrap().as_deref(), Some("Lezen en dyslexie"));
        assert_eq!(clean_label("   ").unwrap(), None);
        assert_eq!(clean_label(&"x".repeat(MAX_OWN_LABEL + 1)).unwrap_err().id, "answer-too-long");
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
