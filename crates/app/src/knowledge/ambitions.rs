//! Practice examples for the ambitions a school names in its profile: the
//! examples tagged with the support categories an ambition names, or, for an
//! ambition naming none, the examples its words find.

use passend_domain::knowledge::Tag;
use passend_domain::knowledge::ambitions::categories_in_ambition;

use super::{ExampleHit, ExampleSearch};
use crate::{App, Result};

/// Examples shown per ambition.
pub const EXAMPLES_PER_AMBITION: i64 = 3;

/// One ambition with the examples that show how others work on it.
#[derive(Debug, Clone)]
pub struct AmbitionExamples {
    pub ambition: String,
    pub examples: Vec<ExampleHit>,
}

impl App {
    /// Per ambition (in the school's order) the published examples that fit
    /// it; ambitions without any are left out.
    pub async fn examples_for_ambitions(&self, ambitions: &[String]) -> Result<Vec<AmbitionExamples>> {
        let mut out = Vec::new();
        for ambition in ambitions {
            let tags: Vec<Tag> = categories_in_ambition(ambition).into_iter().map(Tag::from).collect();
            let examples = if tags.is_empty() {
                let search = ExampleSearch { q: ambition, limit: Some(EXAMPLES_PER_AMBITION), ..Default::default() };
                self.search_examples(&search).await?.unwrap_or_default()
            } else {
                self.db.examples_sharing_tags(&tags, None, EXAMPLES_PER_AMBITION).await?
            };
            if !examples.is_empty() {
                out.push(AmbitionExamples { ambition: ambition.clone(), examples });
            }
        }
        Ok(out)
    }
}
