//! Turning items, answers and posted forms into what the section templates show.

use std::collections::HashMap;

use passend_domain::questionnaire::{AnswerValue, Item, ItemKind, Shown, Spread, TableColumn, TableColumnKind, show};
use passend_i18n::Lang;
use serde_json::{Map, Value};

/// Empty table rows offered for typing without JavaScript.
const SPARE_ROWS: usize = 3;

pub struct ChoiceView {
    pub key: String,
    pub label: String,
    pub selected: bool,
}

pub struct CellView {
    pub column: String,
    pub label: String,
    pub number: bool,
    pub value: String,
}

pub struct SpreadView {
    pub answer: String,
    pub count: usize,
    pub names: String,
}

/// One respondent's own answer beside the school's, to read and take over.
pub struct GivenView {
    pub user_id: i64,
    pub name: String,
    pub answer: String,
    pub note: String,
}

pub struct ConflictView {
    pub theirs: String,
    pub their_note: String,
    pub by: String,
}

/// One question as a form shows it.
pub struct ItemView {
    pub key: String,
    /// A DOM id: the key with dots made dashes.
    pub id: String,
    /// The anchor a page returns to after a confirmation or take-over: `item-` and the key with dots made dashes.
    pub anchor: String,
    pub label: String,
    pub help: Option<String>,
    /// `scale`, `single`, `multiple`, `yes_no`, `number`, `short`, `long` or `table`.
    pub kind: &'static str,
    pub choices: Vec<ChoiceView>,
    pub text: String,
    pub unit: Option<String>,
    pub columns: Vec<TableColumn>,
    /// Cells per row, in column order.
    pub rows: Vec<Vec<CellView>>,
    pub note: String,
    pub version: i64,
    pub from_last_year: bool,
    pub error: Option<String>,
    pub note_error: Option<String>,
    pub spread: Vec<SpreadView>,
    /// Each respondent's answer with their note (coordinators).
    pub given: Vec<GivenView>,
    pub divergent: bool,
    pub conflict: Option<ConflictView>,
    pub max_chars: usize,
}

impl ItemView {
    /// The item with `raw` as its current input (a saved answer's `to_raw()`,
    /// or what was just posted).
    pub fn new(item: &Item, raw: &Value, note: &str) -> ItemView {
        let (kind, choices): (&'static str, Vec<&passend_domain::questionnaire::Choice>) = match &item.kind {
            ItemKind::Scale { levels } => ("scale", levels.iter().collect()),
            ItemKind::SingleChoice { options } => ("single", options.iter().collect()),
            ItemKind::MultipleChoice { options } => ("multiple", options.iter().collect()),
            ItemKind::YesNo => ("yes_no", Vec::new()),
            ItemKind::Number { .. } => ("number", Vec::new()),
            ItemKind::ShortText => ("short", Vec::new()),
            ItemKind::LongText => ("long", Vec::new()),
            ItemKind::Table { .. } => ("table", Vec::new()),
        };
        let selected: Vec<String> = match raw {
            Value::Array(values) => values.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect(),
            Value::String(s) => vec![s.clone()],
            Value::Bool(b) => vec![if *b { "ja" } else { "nee" }.to_owned()],
            _ => Vec::new(),
        };
        let columns = match &item.kind {
            ItemKind::Table { columns } => columns.clone(),
            _ => Vec::new(),
        };
        let cell = |c: &TableColumn, value: String| CellView {
            column: c.key.clone(),
            label: c.label.clone(),
            number: c.kind == TableColumnKind::Number,
            value: if c.kind == TableColumnKind::Number { value.replace('.', ",") } else { value },
        };
        let mut rows: Vec<Vec<CellView>> = match raw {
            Value::Array(rows) if kind == "table" => rows
                .iter()
                .map(|row| {
                    columns
                        .iter()
                        .map(|c| cell(c, row.get(&c.key).and_then(Value::as_str).unwrap_or_default().to_owned()))
                        .collect()
                })
                .collect(),
            _ => Vec::new(),
        };
        if kind == "table" {
            rows.extend((0..SPARE_ROWS).map(|_| columns.iter().map(|c| cell(c, String::new())).collect()));
        }
        let text = match raw {
            Value::String(s) if matches!(kind, "short" | "long" | "number") => s.clone(),
            Value::Number(n) => n.to_string(),
            _ => String::new(),
        };
        ItemView {
            key: item.key.clone(),
            id: format!("q-{}", item.key.replace('.', "-")),
            anchor: anchor_of(&item.key),
            label: item.label.clone(),
            help: item.help.clone(),
            kind,
            choices: if kind == "yes_no" {
                // Labelled from the catalogue by the template: `ja` and `nee` are keys, not text.
                ["ja", "nee"]
                    .into_iter()
                    .map(|k| ChoiceView {
                        key: k.to_owned(),
                        label: String::new(),
                        selected: selected.iter().any(|s| s == k),
                    })
                    .collect()
            } else {
                choices
                    .into_iter()
                    .map(|c| ChoiceView {
                        key: c.key.clone(),
                        label: c.label.clone(),
                        selected: selected.contains(&c.key),
                    })
                    .collect()
            },
            text,
            unit: match &item.kind {
                ItemKind::Number { unit, .. } => unit.clone(),
                _ => None,
            },
            columns,
            rows,
            note: note.to_owned(),
            version: 0,
            from_last_year: false,
            error: None,
            note_error: None,
            spread: Vec::new(),
            given: Vec::new(),
            divergent: false,
            conflict: None,
            max_chars: match kind {
                "long" => passend_domain::questionnaire::MAX_LONG_TEXT,
                _ => passend_domain::questionnaire::MAX_SHORT_TEXT,
            },
        }
    }

    /// A choice (or a number): the spread by answer says something; for
    /// text each person's own answer is shown instead.
    pub fn counts_spread(&self) -> bool {
        !matches!(self.kind, "short" | "long" | "table")
    }

    pub fn has_selection(&self) -> bool {
        self.choices.iter().any(|c| c.selected)
    }

    pub fn with_spread(mut self, lang: Lang, item: &Item, spread: &Spread) -> Self {
        self.divergent = spread.divergent;
        self.spread = spread
            .entries
            .iter()
            .map(|e| SpreadView {
                answer: shown_text(lang, &show(item, &e.value)),
                count: e.respondents.len(),
                names: e.respondents.join(", "),
            })
            .collect();
        self
    }

    /// Each respondent's own answer to the item, with their note.
    pub fn with_given(
        mut self,
        lang: Lang,
        item: &Item,
        team: &[&passend_app::questionnaire::RespondentAnswer],
    ) -> Self {
        self.given = team
            .iter()
            .map(|a| GivenView {
                user_id: a.user_id,
                name: a.respondent.clone(),
                answer: shown_text(lang, &show(item, &a.value)),
                note: a.note.clone().unwrap_or_default(),
            })
            .collect();
        self
    }
}

/// The anchor of an item on its section's page: `item-aanbod-dyslexie`.
pub fn anchor_of(item_key: &str) -> String {
    format!("item-{}", item_key.replace('.', "-"))
}

/// An answer as one line of text in the reader's language.
pub fn shown_text(lang: Lang, shown: &Shown) -> String {
    match shown {
        Shown::Text(text) => text.clone(),
        Shown::Labels(labels) => labels.join(", "),
        Shown::YesNo(true) => lang.t("answer-yes"),
        Shown::YesNo(false) => lang.t("answer-no"),
        Shown::Number { value, unit } => match unit {
            Some(unit) => format!("{value} {unit}"),
            None => value.to_string(),
        },
        Shown::Table { columns, rows } => rows
            .iter()
            .map(|row| {
                row.iter()
                    .zip(columns.iter().chain(std::iter::repeat(&String::new())))
                    .filter(|(v, _)| !v.is_empty())
                    .map(|(v, c)| if c.is_empty() { v.clone() } else { format!("{c}: {v}") })
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// A posted section form: raw input per item key, as `parse_answer` takes it.
pub struct PostedSection {
    /// Items the form carried; others were not on the page and stay as they are.
    pub present: std::collections::HashSet<String>,
    pub values: HashMap<String, Value>,
    pub notes: HashMap<String, String>,
    pub versions: HashMap<String, i64>,
}

impl PostedSection {
    /// Reads `p:KEY` (the question was on the form), `v:KEY` (repeated for
    /// several choices), `n:KEY`, `ver:KEY` and `t:KEY:ROW:COLUMN` fields for
    /// the given items.
    pub fn parse(pairs: &[(String, String)], items: &[&Item]) -> PostedSection {
        let mut present = std::collections::HashSet::new();
        let mut values = HashMap::new();
        let mut notes = HashMap::new();
        let mut versions = HashMap::new();
        for item in items {
            let key = &item.key;
            let named =
                |prefix: &'static str| pairs.iter().filter(move |(k, _)| k.strip_prefix(prefix) == Some(key.as_str()));
            let table_prefix = format!("t:{key}:");
            let on_form = ["p:", "v:", "n:", "ver:"].into_iter().any(|p| named(p).next().is_some())
                || pairs.iter().any(|(k, _)| k.starts_with(&table_prefix));
            if !on_form {
                continue;
            }
            present.insert(key.clone());
            let value = match &item.kind {
                ItemKind::MultipleChoice { .. } => {
                    Value::Array(named("v:").map(|(_, v)| Value::String(v.clone())).collect())
                }
                ItemKind::Table { columns } => {
                    let mut rows: std::collections::BTreeMap<usize, Map<String, Value>> = Default::default();
                    let prefix = format!("t:{key}:");
                    for (name, value) in pairs {
                        let Some(rest) = name.strip_prefix(&prefix) else { continue };
                        let Some((row, column)) = rest.split_once(':') else { continue };
                        let (Ok(row), true) = (row.parse::<usize>(), columns.iter().any(|c| c.key == column)) else {
                            continue;
                        };
                        rows.entry(row).or_default().insert(column.to_owned(), Value::String(value.clone()));
                    }
                    Value::Array(rows.into_values().map(Value::Object).collect())
                }
                _ => named("v:").next().map_or(Value::Null, |(_, v)| Value::String(v.clone())),
            };
            values.insert(key.clone(), value);
            if let Some((_, note)) = named("n:").next() {
                notes.insert(key.clone(), note.clone());
            }
            if let Some(version) = named("ver:").next().and_then(|(_, v)| v.parse().ok()) {
                versions.insert(key.clone(), version);
            }
        }
        PostedSection { present, values, notes, versions }
    }
}

/// The raw input of a saved answer.
pub fn raw_of(value: Option<&AnswerValue>) -> Value {
    value.map_or(Value::Null, AnswerValue::to_raw)
}
