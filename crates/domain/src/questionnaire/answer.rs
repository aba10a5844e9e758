//! Answers: what a value of each item kind may be, and how raw input becomes one.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::template::{Item, ItemKind, TableColumnKind};
use crate::Message;

pub const MAX_SHORT_TEXT: usize = 200;
pub const MAX_LONG_TEXT: usize = 4000;
pub const MAX_TABLE_ROWS: usize = 30;
const MAX_CELL: usize = 200;

/// A valid answer to one item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum AnswerValue {
    /// The key of a scale level or of the chosen option.
    Choice(String),
    Choices(Vec<String>),
    YesNo(bool),
    Number(i64),
    Text(String),
    /// Table rows by column key; numbers written with a decimal point.
    Rows(Vec<BTreeMap<String, String>>),
}

impl AnswerValue {
    /// The answer as raw input, the form `parse_answer` takes.
    pub fn to_raw(&self) -> Value {
        match self {
            AnswerValue::Choice(key) => Value::String(key.clone()),
            AnswerValue::Choices(keys) => Value::Array(keys.iter().cloned().map(Value::String).collect()),
            AnswerValue::YesNo(b) => Value::Bool(*b),
            AnswerValue::Number(n) => Value::from(*n),
            AnswerValue::Text(text) => Value::String(text.clone()),
            AnswerValue::Rows(rows) => Value::Array(
                rows.iter()
                    .map(|row| Value::Object(row.iter().map(|(k, v)| (k.clone(), Value::String(v.clone()))).collect()))
                    .collect(),
            ),
        }
    }

    /// Whether the answer is still valid for the item, as when last year's
    /// answer meets this year's template.
    pub fn fits(&self, item: &Item) -> bool {
        parse_answer(item, &self.to_raw()).is_ok_and(|parsed| parsed.as_ref() == Some(self))
    }
}

/// Turns raw input (from a form or the API) into an answer for the item.
/// `Ok(None)` means the answer is emptied.
pub fn parse_answer(item: &Item, raw: &Value) -> Result<Option<AnswerValue>, Message> {
    if is_empty(raw) {
        return Ok(None);
    }
    match &item.kind {
        ItemKind::Scale { levels: choices } | ItemKind::SingleChoice { options: choices } => {
            let key = as_text(raw).ok_or_else(|| Message::new("answer-choice-invalid"))?;
            if choices.iter().any(|c| c.key == key) {
                Ok(Some(AnswerValue::Choice(key)))
            } else {
                Err(Message::new("answer-choice-invalid"))
            }
        }
        ItemKind::MultipleChoice { options } => {
            let values: Vec<String> = match raw {
                Value::Array(values) => values.iter().filter_map(as_text).collect(),
                other => as_text(other).into_iter().collect(),
            };
            let mut chosen: Vec<String> = Vec::new();
            for value in values.into_iter().filter(|v| !v.is_empty()) {
                if !options.iter().any(|o| o.key == value) {
                    return Err(Message::new("answer-choice-invalid"));
                }
                if !chosen.contains(&value) {
                    chosen.push(value);
                }
            }
            // Keep the template's order, so that equal choices compare equal.
            chosen.sort_by_key(|v| options.iter().position(|o| &o.key == v));
            Ok((!chosen.is_empty()).then_some(AnswerValue::Choices(chosen)))
        }
        ItemKind::YesNo => match raw {
            Value::Bool(b) => Ok(Some(AnswerValue::YesNo(*b))),
            other => match as_text(other).as_deref() {
                Some("ja" | "true" | "yes") => Ok(Some(AnswerValue::YesNo(true))),
                Some("nee" | "false" | "no") => Ok(Some(AnswerValue::YesNo(false))),
                _ => Err(Message::new("answer-yes-no-invalid")),
            },
        },
        ItemKind::Number { min, max, .. } => {
            let number = match raw {
                Value::Number(n) => n.as_i64(),
                other => as_text(other).and_then(|t| t.replace(['.', ' '], "").parse().ok()),
            }
            .ok_or_else(|| Message::new("answer-number-invalid"))?;
            let (lo, hi) = (min.unwrap_or(0), max.unwrap_or(1_000_000));
            if number < lo || number > hi {
                return Err(Message::new("answer-number-range").with("min", lo).with("max", hi));
            }
            Ok(Some(AnswerValue::Number(number)))
        }
        ItemKind::ShortText => text(raw, MAX_SHORT_TEXT, false),
        ItemKind::LongText => text(raw, MAX_LONG_TEXT, true),
        ItemKind::Table { columns } => {
            let Value::Array(rows) = raw else { return Err(Message::new("answer-table-invalid")) };
            let mut out = Vec::new();
            for row in rows {
                let Value::Object(cells) = row else { return Err(Message::new("answer-table-invalid")) };
                let mut clean = BTreeMap::new();
                for column in columns {
                    let value = cells.get(&column.key).and_then(as_text).unwrap_or_default();
                    let value = clean_text(&value, false);
                    if value.is_empty() {
                        continue;
                    }
                    if value.chars().count() > MAX_CELL {
                        return Err(Message::new("answer-too-long").with("max", MAX_CELL));
                    }
                    let value = match column.kind {
                        TableColumnKind::Text => value,
                        TableColumnKind::Number => decimal(&value).ok_or_else(|| {
                            Message::new("answer-table-number-invalid").with("column", column.label.as_str())
                        })?,
                    };
                    clean.insert(column.key.clone(), value);
                }
                if !clean.is_empty() {
                    out.push(clean);
                }
            }
            if out.len() > MAX_TABLE_ROWS {
                return Err(Message::new("answer-table-too-many").with("max", MAX_TABLE_ROWS));
            }
            Ok((!out.is_empty()).then_some(AnswerValue::Rows(out)))
        }
    }
}

fn is_empty(raw: &Value) -> bool {
    match raw {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(a) => a.is_empty(),
        _ => false,
    }
}

fn as_text(raw: &Value) -> Option<String> {
    match raw {
        Value::String(s) => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn text(raw: &Value, max: usize, multiline: bool) -> Result<Option<AnswerValue>, Message> {
    let value = as_text(raw).ok_or_else(|| Message::new("answer-text-invalid"))?;
    let value = clean_text(&value, multiline);
    if value.chars().count() > max {
        return Err(Message::new("answer-too-long").with("max", max));
    }
    Ok((!value.is_empty()).then_some(AnswerValue::Text(value)))
}

/// Trims, unifies line ends and drops control characters; a single-line field
/// gets its line breaks (pasted from a PDF, say) turned into spaces.
fn clean_text(value: &str, multiline: bool) -> String {
    let unified = value.replace("\r\n", "\n").replace('\r', "\n");
    let kept: String = unified
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .map(|c| if c == '\n' && !multiline { ' ' } else { c })
        .collect();
    kept.trim().to_owned()
}

/// `2,5` or `2.5` → `2.5`; whole or decimal numbers from 0 to 1000.
fn decimal(value: &str) -> Option<String> {
    let normal = value.replace(',', ".");
    let number: f64 = normal.parse().ok()?;
    if !(0.0..=1000.0).contains(&number) || !number.is_finite() {
        return None;
    }
    let rounded = (number * 100.0).round() / 100.0;
    Some(if rounded.fract() == 0.0 { format!("{}", rounded as i64) } else { format!("{rounded}") })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::questionnaire::default_template;

    fn item(key: &str) -> Item {
        default_template().item(key).unwrap_or_else(|| panic!("{key}")).clone()
    }

    #[test]
    fn scale_answers_must_be_a_level() {
        let dyslexie = item("aanbod.dyslexie");
        assert_eq!(
            parse_answer(&dyslexie, &json!("standaard")).unwrap(),
            Some(AnswerValue::Choice("standaard".into()))
        );
        assert_eq!(parse_answer(&dyslexie, &json!("")).unwrap(), None);
        assert_eq!(parse_answer(&dyslexie, &json!("misschien")).unwrap_err().id, "answer-choice-invalid");
    }

    #[test]
    fn multiple_choices_are_checked_deduplicated_and_ordered() {
        let item = item("voorzieningen.gebouw");
        let ItemKind::MultipleChoice { options } = &item.kind else { panic!() };
        let (a, b) = (&options[0].key, &options[1].key);
        let answer = parse_answer(&item, &json!([b, a, b])).unwrap();
        assert_eq!(answer, Some(AnswerValue::Choices(vec![a.clone(), b.clone()])));
        assert!(parse_answer(&item, &json!(["zwembad"])).is_err());
    }

    #[test]
    fn numbers_and_text_have_limits() {
        let pupils = item("typering.leerlingen");
        assert_eq!(parse_answer(&pupils, &json!("1.250")).unwrap(), Some(AnswerValue::Number(1250)));
        assert_eq!(parse_answer(&pupils, &json!("veel")).unwrap_err().id, "answer-number-invalid");
        assert_eq!(parse_answer(&pupils, &json!(-3)).unwrap_err().id, "answer-number-range");
        let vision = item("visie.ondersteuning");
        let long = "a".repeat(MAX_LONG_TEXT + 1);
        assert_eq!(parse_answer(&vision, &json!(long)).unwrap_err().id, "answer-too-long");
        let kept = parse_answer(&vision, &json!("  <script>alert(1)</script>\r\nTweede regel\u{0007} ")).unwrap();
        assert_eq!(
            kept,
            Some(AnswerValue::Text("<script>alert(1)</script>\nTweede regel".into())),
            "stored as typed, escaped when shown"
        );
    }

    #[test]
    fn table_rows_take_decimal_commas_and_drop_empty_rows() {
        let experts = item("deskundigheid.aanwezig");
        let raw = json!([
            { "specialist": "Intern begeleider", "dagdelen": "2,5" },
            { "specialist": "", "dagdelen": "" },
            { "specialist": "Gedragsspecialist", "dagdelen": "1" }
        ]);
        let Some(AnswerValue::Rows(rows)) = parse_answer(&experts, &raw).unwrap() else { panic!() };
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0]["dagdelen"], "2.5");
        let bad = json!([{ "specialist": "IB", "dagdelen": "veel" }]);
        assert_eq!(parse_answer(&experts, &bad).unwrap_err().id, "answer-table-number-invalid");
        let many: Vec<Value> = (0..=MAX_TABLE_ROWS).map(|i| json!({ "specialist": format!("S{i}") })).collect();
        assert_eq!(parse_answer(&experts, &Value::Array(many)).unwrap_err().id, "answer-table-too-many");
    }

    #[test]
    fn an_answer_fits_an_item_that_still_allows_it() {
        let dyslexie = item("aanbod.dyslexie");
        assert!(AnswerValue::Choice("niet".into()).fits(&dyslexie));
        assert!(!AnswerValue::Choice("soms".into()).fits(&dyslexie));
        assert!(!AnswerValue::Number(3).fits(&dyslexie));
        let experts = item("deskundigheid.aanwezig");
        let rows = parse_answer(&experts, &json!([{ "specialist": "IB", "dagdelen": "2,5" }])).unwrap().unwrap();
        assert!(rows.fits(&experts));
    }

    #[test]
    fn yes_no_takes_dutch_words() {
        let item = item("ouders.steunpunt_vermeld");
        assert_eq!(parse_answer(&item, &json!("ja")).unwrap(), Some(AnswerValue::YesNo(true)));
        assert_eq!(parse_answer(&item, &json!(false)).unwrap(), Some(AnswerValue::YesNo(false)));
        assert!(parse_answer(&item, &json!("soms")).is_err());
    }
}
