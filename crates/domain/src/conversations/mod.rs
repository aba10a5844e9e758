//! The SWV's yearly conversation with each school (*afstemmingsgesprek*,
//! *jaargesprek*): the guide an SWV publishes per school year, the answers the
//! school prepares and the conversation records, key figures (counts, never
//! pupils), support funds per pupil, agreements with their follow-up a year
//! later, and the report both sides confirm, after which it is fixed by a
//! content hash.

mod default_guide;
mod guide;
mod report;

pub use default_guide::default_guide;
pub use guide::{Ambition, Goal, Guide, GuideQuestion, GuideSection, QuestionKind, SCALE_MAX};
pub use report::{Confirmation, ReportAgreement, ReportAnswer, ReportContent, ReportFunds, ReportSection, report_hash};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::Message;
use crate::lifecycle::{Day, day_number};
use crate::pupil_data::pupil_data_in;

/// The longest free text one answer, agreement or note may hold.
pub const MAX_TEXT: usize = 4000;
/// The largest key figure Passend takes: a count of pupils at one school.
pub const MAX_FIGURE: i64 = 100_000;

/// Where a conversation stands, in the order it gets there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum ConversationState {
    /// A date is set; the school has not prepared yet.
    Planned,
    /// The school gave at least one prepared answer.
    Prepared,
    /// The conversation took place: answers recorded.
    Held,
    /// Both sides confirmed the report; it is fixed.
    Confirmed,
}

impl ConversationState {
    pub const ALL: [ConversationState; 4] = [Self::Planned, Self::Prepared, Self::Held, Self::Confirmed];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Planned => "planned",
            Self::Prepared => "prepared",
            Self::Held => "held",
            Self::Confirmed => "confirmed",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == raw)
    }

    /// The state from what is stored.
    pub fn of(prepared_answers: usize, held: bool, confirmed_by_both: bool) -> Self {
        if confirmed_by_both {
            Self::Confirmed
        } else if held {
            Self::Held
        } else if prepared_answers > 0 {
            Self::Prepared
        } else {
            Self::Planned
        }
    }

    pub fn message_id(self) -> &'static str {
        match self {
            Self::Planned => "conv-state-planned",
            Self::Prepared => "conv-state-prepared",
            Self::Held => "conv-state-held",
            Self::Confirmed => "conv-state-confirmed",
        }
    }
}

/// Which side of the table an answer comes from: the school's preparation
/// before the conversation, or what the conversation recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerPhase {
    Preparation,
    Conversation,
}

impl AnswerPhase {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Preparation => "preparation",
            Self::Conversation => "conversation",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        [Self::Preparation, Self::Conversation].into_iter().find(|p| p.as_str() == raw)
    }
}

/// The follow-up of an agreement a year later.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgreementStatus {
    Open,
    InProgress,
    Done,
    Dropped,
}

impl AgreementStatus {
    pub const ALL: [AgreementStatus; 4] = [Self::Open, Self::InProgress, Self::Done, Self::Dropped];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::InProgress => "in_progress",
            Self::Done => "done",
            Self::Dropped => "dropped",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == raw)
    }

    /// Still to be done: open or in progress.
    pub fn is_open(self) -> bool {
        matches!(self, Self::Open | Self::InProgress)
    }

    pub fn message_id(self) -> &'static str {
        match self {
            Self::Open => "conv-agreement-open",
            Self::InProgress => "conv-agreement-in-progress",
            Self::Done => "conv-agreement-done",
            Self::Dropped => "conv-agreement-dropped",
        }
    }
}

/// An agreement is overdue when it is still open after its day.
pub fn is_overdue(status: AgreementStatus, due: Option<Day>, today: Day) -> bool {
    status.is_open() && due.is_some_and(|d| day_number(d) < day_number(today))
}

/// A stored answer, checked against its question's kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AnswerValue {
    Text {
        text: String,
    },
    Choice {
        option: String,
    },
    Scale {
        score: u8,
    },
    /// A key figure: a count, never a pupil, with an optional note.
    Figure {
        count: i64,
        note: Option<String>,
    },
}

impl AnswerValue {
    /// The value as the API shows it: text, option, score, or `{count, note}`.
    pub fn to_json(&self) -> Value {
        match self {
            Self::Text { text } => Value::String(text.clone()),
            Self::Choice { option } => Value::String(option.clone()),
            Self::Scale { score } => Value::from(*score),
            Self::Figure { count, note } => serde_json::json!({"count": count, "note": note}),
        }
    }

    /// A short line for the report and the holding page.
    pub fn display(&self) -> String {
        match self {
            Self::Text { text } => text.clone(),
            Self::Choice { option } => option.clone(),
            Self::Scale { score } => format!("{score} / {SCALE_MAX}"),
            Self::Figure { count, note: Some(note) } => format!("{count} ({note})"),
            Self::Figure { count, note: None } => count.to_string(),
        }
    }

    pub fn figure(&self) -> Option<i64> {
        match self {
            Self::Figure { count, .. } => Some(*count),
            _ => None,
        }
    }
}

/// Free text a person writes in a conversation: not too long, and nothing that
/// looks like a pupil's data (a BSN or a birth date).
pub fn check_text(text: &str, this_year: u16) -> Result<String, Message> {
    let text = text.trim();
    if text.chars().count() > MAX_TEXT {
        return Err(Message::new("conv-text-too-long").with("max", MAX_TEXT));
    }
    if let Some(problem) = pupil_data_in(text, this_year) {
        return Err(problem);
    }
    Ok(text.to_owned())
}

/// Checks a raw JSON value against the question; `None` (or an empty text)
/// clears the answer.
pub fn parse_answer(question: &GuideQuestion, raw: &Value, this_year: u16) -> Result<Option<AnswerValue>, Message> {
    if raw.is_null() {
        return Ok(None);
    }
    match question.kind {
        QuestionKind::Text => {
            let text = raw.as_str().ok_or_else(|| Message::new("conv-answer-text-expected"))?;
            let text = check_text(text, this_year)?;
            Ok((!text.is_empty()).then_some(AnswerValue::Text { text }))
        }
        QuestionKind::Choice => {
            let option = raw.as_str().ok_or_else(|| Message::new("conv-answer-choice-invalid"))?;
            if option.is_empty() {
                return Ok(None);
            }
            if !question.options.iter().any(|o| o == option) {
                return Err(Message::new("conv-answer-choice-invalid"));
            }
            Ok(Some(AnswerValue::Choice { option: option.to_owned() }))
        }
        QuestionKind::Scale => {
            let score = raw
                .as_u64()
                .filter(|s| (1..=u64::from(SCALE_MAX)).contains(s))
                .ok_or_else(|| Message::new("conv-answer-scale-invalid").with("max", i64::from(SCALE_MAX)))?;
            Ok(Some(AnswerValue::Scale { score: u8::try_from(score).unwrap_or(SCALE_MAX) }))
        }
        QuestionKind::Figure => {
            let (count, note) = match raw {
                Value::Object(map) => (map.get("count").unwrap_or(&Value::Null), map.get("note")),
                other => (other, None),
            };
            let count = parse_figure(count)?;
            let note = match note {
                None | Some(Value::Null) => None,
                Some(Value::String(text)) => Some(check_text(text, this_year)?).filter(|t| !t.is_empty()),
                Some(_) => return Err(Message::new("conv-answer-text-expected")),
            };
            Ok(Some(AnswerValue::Figure { count, note }))
        }
    }
}

/// A key figure: a non-negative whole number (a form may send it as text).
pub fn parse_figure(raw: &Value) -> Result<i64, Message> {
    let number = match raw {
        Value::Number(n) => n.as_i64().ok_or_else(|| Message::new("conv-figure-whole"))?,
        Value::String(s) => s.trim().parse::<i64>().map_err(|_| Message::new("conv-figure-whole"))?,
        _ => return Err(Message::new("conv-figure-whole")),
    };
    if number < 0 {
        return Err(Message::new("conv-figure-negative"));
    }
    if number > MAX_FIGURE {
        return Err(Message::new("conv-figure-too-large").with("max", MAX_FIGURE));
    }
    Ok(number)
}

/// The SWV's support funds per pupil for a school year, in euro cents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct FundRates {
    pub basic_cents: i64,
    pub extra_cents: i64,
}

/// One school's (location's) funds for the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Funds {
    pub pupils: i64,
    pub basic_cents: i64,
    pub extra_cents: i64,
}

impl Funds {
    pub fn total_cents(&self) -> i64 {
        self.basic_cents + self.extra_cents
    }
}

impl FundRates {
    /// Checks the amounts: none negative, at most €100 000 per pupil.
    pub fn check(&self) -> Result<(), Vec<(&'static str, Message)>> {
        let mut problems = Vec::new();
        for (field, value) in [("basic", self.basic_cents), ("extra", self.extra_cents)] {
            if value < 0 {
                problems.push((field, Message::new("conv-figure-negative")));
            } else if value > 10_000_000 {
                problems.push((field, Message::new("conv-funds-too-large")));
            }
        }
        if problems.is_empty() { Ok(()) } else { Err(problems) }
    }

    /// The amounts for a number of pupils.
    pub fn for_pupils(&self, pupils: i64) -> Funds {
        Funds { pupils, basic_cents: pupils * self.basic_cents, extra_cents: pupils * self.extra_cents }
    }
}

/// Euro cents as Dutch money: `€ 42.000,00`.
pub fn euros(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let cents = cents.unsigned_abs();
    let whole = (cents / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(c);
    }
    format!("{sign}€ {grouped},{:02}", cents % 100)
}

/// An amount a person typed in euros (`150`, `150,00`, `1.234,50`, `45.5`) as cents.
pub fn parse_euros(raw: &str) -> Option<i64> {
    let raw = raw.trim().trim_start_matches('€').trim();
    if raw.is_empty() {
        return None;
    }
    // A comma is the decimal sign; dots before it group thousands. Without a
    // comma a dot followed by one or two digits is taken as decimal.
    let (whole, fraction) = match raw.rsplit_once(',') {
        Some((w, f)) => (w.replace('.', ""), f.to_owned()),
        None => match raw.rsplit_once('.') {
            Some((w, f)) if f.len() <= 2 => (w.replace('.', ""), f.to_owned()),
            _ => (raw.replace('.', ""), String::new()),
        },
    };
    if fraction.len() > 2 || !whole.chars().all(|c| c.is_ascii_digit()) || !fraction.chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let whole: i64 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
    let fraction: i64 = if fraction.is_empty() { 0 } else { format!("{fraction:0<2}").parse().ok()? };
    whole.checked_mul(100)?.checked_add(fraction)
}

#[cfg(test)]
mod tests;

/// The unix time of a Dutch wall-clock moment (summer time included); `None`
/// for a day or time that does not exist.
pub fn dutch_moment((year, month, day): Day, hour: u8, minute: u8) -> Option<i64> {
    let civil = jiff::civil::DateTime::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
        i8::try_from(hour).ok()?,
        i8::try_from(minute).ok()?,
        0,
        0,
    )
    .ok()?;
    let zone = jiff::tz::TimeZone::get("Europe/Amsterdam").unwrap_or(jiff::tz::TimeZone::UTC);
    Some(civil.to_zoned(zone).ok()?.timestamp().as_second())
}
