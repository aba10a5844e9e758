//! The knowledge platform's use cases: practice examples (search, read,
//! write, publish), examples for a gap in the region or a school's
//! ambitions, and the question desk with its FAQ.

pub mod ambitions;
pub mod gaps;
pub mod index;
pub mod questions;

use passend_domain::access::{self, Actor, EditorScope};
use passend_domain::knowledge::search::{QUERY_MAX, query_terms};
use passend_domain::knowledge::search_index::IndexQuery;
use passend_domain::knowledge::{Example, ExampleInput, ExampleSector, Tag, markdown};
use passend_domain::organisations::{OrgKind, OrgRef};
use passend_domain::questionnaire::SupportCategory;
use passend_domain::{FieldProblems, Message};
use passend_storage::knowledge::Authorship;
pub use passend_storage::knowledge::{ExampleHit, ExampleRecord, FaqRecord, QuestionRecord};

use crate::{App, Error, Result};

/// At most this many results per search.
pub const SEARCH_LIMIT_MAX: i64 = 100;
pub const SEARCH_LIMIT_DEFAULT: i64 = 20;

/// A search as it comes from a form or a query string.
#[derive(Debug, Clone, Default)]
pub struct ExampleSearch<'a> {
    pub q: &'a str,
    /// Tags, each must be carried.
    pub tags: &'a [String],
    pub sector: &'a str,
    pub limit: Option<i64>,
}

/// A published example to read: its body as sanitised HTML and related items by shared tags.
#[derive(Debug, Clone)]
pub struct ExampleView {
    pub record: ExampleRecord,
    pub body_html: String,
    pub related: Vec<ExampleHit>,
}

impl App {
    /// Searches the published examples (Dutch stemming, ranked); field problems for a bad tag or sector.
    pub async fn search_examples(&self, search: &ExampleSearch<'_>) -> Result<Result<Vec<ExampleHit>, FieldProblems>> {
        let mut problems = FieldProblems::new();
        let mut tags = Vec::new();
        for raw in search.tags.iter().filter(|t| !t.trim().is_empty()) {
            match Tag::parse(raw) {
                Ok(tag) => tags.push(tag),
                Err(problem) => problems.push(("tag", problem)),
            }
        }
        let sector = match search.sector.trim() {
            "" => None,
            raw => {
                let sector = ExampleSector::parse(raw);
                if sector.is_none() {
                    problems.push(("sector", Message::new("kb-sector-invalid")));
                }
                sector
            }
        };
        if search.q.chars().count() > QUERY_MAX {
            problems.push(("q", Message::new("kb-field-too-long").with("max", QUERY_MAX)));
        }
        if !problems.is_empty() {
            return Ok(Err(problems));
        }
        let terms = query_terms(search.q);
        let limit = search.limit.unwrap_or(SEARCH_LIMIT_DEFAULT).clamp(1, SEARCH_LIMIT_MAX);
        let query = IndexQuery { terms: &terms, tags: &tags, sector, limit: usize::try_from(limit).unwrap_or(20) };
        let reader = self.search_index().await?;
        let hits = reader
            .index()
            .search(&query)
            .into_iter()
            .map(|(example, rank)| ExampleHit {
                id: example.id,
                title: example.title.clone(),
                summary: example.summary.clone(),
                sector: example.sector,
                source_name: example.source_name.clone(),
                tags: example.tags.clone(),
                published_at: example.published_at,
                rank,
            })
            .collect();
        Ok(Ok(hits))
    }

    /// A published example with its related items.
    pub async fn example(&self, id: i64) -> Result<ExampleView> {
        let record = self.db.published_example(id).await?.ok_or(Error::NotFound)?;
        let related = self.db.examples_sharing_tags(&record.tags, Some(record.id), 5).await?;
        Ok(ExampleView { body_html: markdown::to_html(&record.body), related, record })
    }

    /// Published examples for a support category (a gap in a region, an ambition of a school).
    pub async fn examples_for_category(&self, category: SupportCategory, limit: i64) -> Result<Vec<ExampleHit>> {
        Ok(self.db.examples_sharing_tags(&[Tag::from(category)], None, limit).await?)
    }

    /// Published examples for several categories at once, each with its own list.
    pub async fn examples_for_categories(
        &self,
        categories: &[SupportCategory],
        per_category: i64,
    ) -> Result<Vec<(SupportCategory, Vec<ExampleHit>)>> {
        let mut out = Vec::new();
        for category in categories {
            out.push((*category, self.examples_for_category(*category, per_category).await?));
        }
        Ok(out)
    }

    /// An editor writes an example (published at once when `publish`); a
    /// school's director or IB-er (`school` = its BRIN) writes a draft for its
    /// SWV's editors. Its id, or what is wrong per field.
    pub async fn write_example(
        &self,
        actor: &Actor,
        input: &ExampleInput,
        school: Option<&str>,
        publish: bool,
    ) -> Result<Result<i64, FieldProblems>> {
        let example = match input.validate(crate::lifecycle::today().0) {
            Ok(example) => example,
            Err(problems) => return Ok(Err(problems)),
        };
        let id = match school {
            Some(brin) => {
                let org = OrgRef { kind: OrgKind::School, code: brin.to_owned() };
                let coordination = access::coordinate_profiles(actor, &org)?;
                let ctx = self.db.org_context(&org).await?.ok_or(Error::NotFound)?;
                let swv = ctx.swvs.first().map(String::as_str);
                self.db
                    .create_example(
                        Authorship::School { school: &coordination, swv },
                        &example,
                        false,
                        Some(actor.user_id()),
                    )
                    .await?
            }
            None => {
                let edit = access::edit_knowledge(actor)?;
                let swv = match edit.scope() {
                    EditorScope::Platform => None,
                    EditorScope::Swvs(codes) => codes.first().cloned(),
                };
                let id = self
                    .db
                    .create_example(
                        Authorship::Editor { edit: &edit, swv: swv.as_deref() },
                        &example,
                        publish,
                        Some(actor.user_id()),
                    )
                    .await?;
                if publish {
                    // Profile pages list examples beside their ambitions.
                    self.db.public_changed().await?;
                }
                id
            }
        };
        Ok(Ok(id))
    }

    /// An editor changes an example it keeps.
    pub async fn update_example(
        &self,
        actor: &Actor,
        id: i64,
        input: &ExampleInput,
    ) -> Result<Result<(), FieldProblems>> {
        let edit = access::edit_knowledge(actor)?;
        let example: Example = match input.validate(crate::lifecycle::today().0) {
            Ok(example) => example,
            Err(problems) => return Ok(Err(problems)),
        };
        self.db.update_example(&edit, id, &example).await?;
        self.db.public_changed().await?;
        Ok(Ok(()))
    }

    /// An editor publishes a draft it keeps.
    pub async fn publish_example(&self, actor: &Actor, id: i64) -> Result<()> {
        let edit = access::edit_knowledge(actor)?;
        self.db.publish_example(&edit, id).await?;
        // Profile pages list examples beside their ambitions.
        self.db.public_changed().await?;
        Ok(())
    }

    /// The drafts waiting for the actor as editor.
    pub async fn example_drafts(&self, actor: &Actor) -> Result<Vec<ExampleRecord>> {
        let edit = access::edit_knowledge(actor)?;
        Ok(self.db.drafts(&edit).await?)
    }

    /// A draft or published example, for an editor who keeps it.
    pub async fn example_for_editor(&self, actor: &Actor, id: i64) -> Result<ExampleRecord> {
        let edit = access::edit_knowledge(actor)?;
        Ok(self.db.example_for_editor(&edit, id).await?)
    }

    /// Whether the actor is an editor (for showing the editor's links).
    pub fn is_editor(actor: &Actor) -> bool {
        access::edit_knowledge(actor).is_ok()
    }

    /// Tags in use on published examples, with their counts.
    pub async fn example_tags(&self) -> Result<Vec<(String, i64)>> {
        Ok(self.db.published_tag_counts().await?)
    }
}
