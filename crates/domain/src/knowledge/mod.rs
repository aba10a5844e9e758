//! The knowledge platform beside the profile: practice examples (written by
//! editors and schools, published by an editor), the question desk and its
//! FAQ. Rules and types only; search text is stemmed here so that both
//! backends find `leerling` for `leerlingen`.

pub mod ambitions;
pub mod gap_help;
pub mod markdown;
pub mod question;
pub mod search;
pub mod search_index;

use serde::{Deserialize, Serialize};

use crate::pupil_data::pupil_data_in;
use crate::questionnaire::SupportCategory;
use crate::{FieldProblems, Message};

pub const TITLE_MAX: usize = 160;
pub const SUMMARY_MAX: usize = 600;
pub const BODY_MAX: usize = 20_000;
pub const CONTACT_MAX: usize = 200;
pub const SOURCE_MAX: usize = 160;
pub const TAGS_MAX: usize = 12;
pub const TAG_MAX: usize = 40;

/// Where an example fits in education.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExampleSector {
    /// Primair onderwijs (including sbo).
    Po,
    /// Voortgezet onderwijs.
    Vo,
    /// Speciaal (voortgezet) onderwijs.
    So,
    /// The samenwerkingsverband itself (its network, its arrangements).
    Swv,
}

impl ExampleSector {
    pub const ALL: [ExampleSector; 4] = [ExampleSector::Po, ExampleSector::Vo, ExampleSector::So, ExampleSector::Swv];

    pub fn key(self) -> &'static str {
        match self {
            ExampleSector::Po => "po",
            ExampleSector::Vo => "vo",
            ExampleSector::So => "so",
            ExampleSector::Swv => "swv",
        }
    }

    pub fn parse(raw: &str) -> Option<ExampleSector> {
        ExampleSector::ALL.into_iter().find(|s| s.key() == raw.trim().to_lowercase())
    }

    pub fn message_id(self) -> &'static str {
        match self {
            ExampleSector::Po => "kb-sector-po",
            ExampleSector::Vo => "kb-sector-vo",
            ExampleSector::So => "kb-sector-so",
            ExampleSector::Swv => "kb-sector-swv",
        }
    }
}

/// A practice example is written as a draft and read by everyone once an editor publishes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExampleState {
    Draft,
    Published,
}

impl ExampleState {
    pub fn key(self) -> &'static str {
        match self {
            ExampleState::Draft => "draft",
            ExampleState::Published => "published",
        }
    }

    pub fn parse(raw: &str) -> Option<ExampleState> {
        [ExampleState::Draft, ExampleState::Published].into_iter().find(|s| s.key() == raw)
    }
}

/// A tag: a support category's key (`dyslexie`) or a theme (`ouders`,
/// `thuisnabij`), lower case, letters, digits and dashes or underscores.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Tag(String);

impl Tag {
    pub fn parse(raw: &str) -> Result<Tag, Message> {
        let tag = raw.trim().to_lowercase().replace(' ', "-");
        let valid = !tag.is_empty()
            && tag.chars().count() <= TAG_MAX
            && tag.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_');
        if valid { Ok(Tag(tag)) } else { Err(Message::new("kb-tag-invalid").with("tag", raw.trim())) }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The support category this tag names, if it names one.
    pub fn category(&self) -> Option<SupportCategory> {
        SupportCategory::parse(&self.0)
    }
}

impl From<SupportCategory> for Tag {
    fn from(category: SupportCategory) -> Tag {
        Tag(category.key().to_owned())
    }
}

/// What an author writes; [`ExampleInput::validate`] turns it into an [`Example`].
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ExampleInput {
    pub title: String,
    pub summary: String,
    /// Markdown.
    pub body: String,
    pub sector: String,
    pub tags: Vec<String>,
    /// The school or SWV the example comes from, as people know it.
    pub source_name: String,
    pub contact: String,
}

/// A checked practice example.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    pub title: String,
    pub summary: String,
    pub body: String,
    pub sector: ExampleSector,
    pub tags: Vec<Tag>,
    pub source_name: String,
    pub contact: String,
}

fn check_text(
    problems: &mut FieldProblems,
    field: &'static str,
    value: &str,
    max: usize,
    required: bool,
    this_year: u16,
) -> String {
    checked_text(problems, field, value, (max, required, this_year), ("kb-field-required", "kb-field-too-long"))
}

/// A free-text field trimmed and checked: required (when asked), at most
/// `max` characters, no pupil data; `ids` are the catalogue ids of the
/// "required" and "too long" messages of the module asking. Shared by
/// practice examples and closed groups.
pub(crate) fn checked_text(
    problems: &mut FieldProblems,
    field: &'static str,
    value: &str,
    (max, required, this_year): (usize, bool, u16),
    (required_id, too_long_id): (&'static str, &'static str),
) -> String {
    let value = value.trim();
    if required && value.is_empty() {
        problems.push((field, Message::new(required_id)));
    } else if value.chars().count() > max {
        problems.push((field, Message::new(too_long_id).with("max", max)));
    } else if let Some(problem) = pupil_data_in(value, this_year) {
        problems.push((field, problem));
    }
    value.to_owned()
}

impl ExampleInput {
    /// Checks every field and says what is wrong with each; nothing is half-accepted.
    pub fn validate(&self, this_year: u16) -> Result<Example, FieldProblems> {
        let mut problems = FieldProblems::new();
        let title = check_text(&mut problems, "title", &self.title, TITLE_MAX, true, this_year);
        let summary = check_text(&mut problems, "summary", &self.summary, SUMMARY_MAX, true, this_year);
        let body = check_text(&mut problems, "body", &self.body, BODY_MAX, true, this_year);
        if !problems.iter().any(|(f, _)| *f == "body")
            && let Err(problem) = markdown::check(&body)
        {
            problems.push(("body", problem));
        }
        let source_name = check_text(&mut problems, "source_name", &self.source_name, SOURCE_MAX, true, this_year);
        let contact = check_text(&mut problems, "contact", &self.contact, CONTACT_MAX, false, this_year);
        let sector = ExampleSector::parse(&self.sector);
        if sector.is_none() {
            problems.push(("sector", Message::new("kb-sector-invalid")));
        }
        let mut tags = Vec::new();
        for raw in self.tags.iter().filter(|t| !t.trim().is_empty()) {
            match Tag::parse(raw) {
                Ok(tag) if !tags.contains(&tag) => tags.push(tag),
                Ok(_) => {}
                Err(problem) => problems.push(("tags", problem)),
            }
        }
        if tags.len() > TAGS_MAX {
            problems.push(("tags", Message::new("kb-tags-too-many").with("max", TAGS_MAX)));
        }
        match (problems.is_empty(), sector) {
            (true, Some(sector)) => Ok(Example { title, summary, body, sector, tags, source_name, contact }),
            _ => Err(problems),
        }
    }
}

/// Related examples share tags: more shared tags first, then the newest.
pub fn shared_tag_count(a: &[Tag], b: &[Tag]) -> usize {
    a.iter().filter(|t| b.contains(t)).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> ExampleInput {
        ExampleInput {
            title: "Leesles met de hele klas".into(),
            summary: "Hoe een basisschool dyslectische leerlingen in de klas houdt.".into(),
            body: "We werken met **voorleessoftware**.\n\n- stap 1\n- stap 2".into(),
            sector: "po".into(),
            tags: vec!["dyslexie".into(), "Ouders".into(), "dyslexie".into()],
            source_name: "De Regenboog".into(),
            contact: "ib@regenboog.example".into(),
        }
    }

    #[test]
    fn a_good_example_passes_with_tags_cleaned() {
        let example = input().validate(2026).unwrap();
        assert_eq!(example.sector, ExampleSector::Po);
        assert_eq!(example.tags, vec![Tag("dyslexie".into()), Tag("ouders".into())]);
        assert_eq!(example.tags[0].category(), Some(SupportCategory::Dyslexie));
    }

    #[test]
    fn every_wrong_field_is_named() {
        let bad = ExampleInput {
            title: "x".repeat(TITLE_MAX + 1),
            summary: String::new(),
            body: "Hallo <script>alert(1)</script>".into(),
            sector: "hbo".into(),
            tags: vec!["<b>".into()],
            ..input()
        };
        let problems = bad.validate(2026).unwrap_err();
        let fields: Vec<_> = problems.iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, vec!["title", "summary", "body", "sector", "tags"]);
        assert_eq!(problems[2].1.id, "kb-markdown-html");
    }

    #[test]
    fn pupil_data_is_refused() {
        let bad = ExampleInput { summary: "Leerling met BSN 111222333 kreeg hulp.".into(), ..input() };
        let problems = bad.validate(2026).unwrap_err();
        assert_eq!(problems[0].0, "summary");
        assert_eq!(problems[0].1.id, "pupil-data-bsn");
    }

    #[test]
    fn related_items_count_shared_tags() {
        let a = vec![Tag("dyslexie".into()), Tag("ouders".into())];
        let b = vec![Tag("ouders".into()), Tag("gedrag".into())];
        assert_eq!(shared_tag_count(&a, &b), 1);
    }
}
