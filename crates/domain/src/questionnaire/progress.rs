//! How far a questionnaire is: per section and overall, and what is still empty.

use std::collections::HashSet;

use serde::Serialize;

use super::template::Template;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionProgress {
    pub key: String,
    pub title: String,
    pub answered: usize,
    pub total: usize,
    /// Keys of the visible items without an answer.
    pub empty: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Progress {
    pub sections: Vec<SectionProgress>,
    pub answered: usize,
    pub total: usize,
}

impl Progress {
    /// Whole percent, rounded down, so that 100 means everything.
    pub fn percent(&self) -> usize {
        (self.answered * 100).checked_div(self.total).unwrap_or(100)
    }
}

impl SectionProgress {
    pub fn percent(&self) -> usize {
        (self.answered * 100).checked_div(self.total).unwrap_or(100)
    }
}

/// Progress over the visible items, given the keys that have an answer.
pub fn progress(template: &Template, answered: &HashSet<String>) -> Progress {
    let sections: Vec<SectionProgress> = template
        .sections
        .iter()
        .map(|section| {
            let visible: Vec<&str> = section.items.iter().filter(|i| !i.hidden).map(|i| i.key.as_str()).collect();
            let empty: Vec<String> =
                visible.iter().filter(|k| !answered.contains(**k)).map(|k| k.to_string()).collect();
            SectionProgress {
                key: section.key.clone(),
                title: section.title.clone(),
                answered: visible.len() - empty.len(),
                total: visible.len(),
                empty,
            }
        })
        .collect();
    Progress {
        answered: sections.iter().map(|s| s.answered).sum(),
        total: sections.iter().map(|s| s.total).sum(),
        sections,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::default_template;

    #[test]
    fn progress_counts_visible_items_per_section() {
        let template = default_template();
        let none = progress(template, &HashSet::new());
        assert_eq!(none.answered, 0);
        assert_eq!(none.percent(), 0);
        let all: HashSet<String> = template.items().map(|i| i.key.clone()).collect();
        let full = progress(template, &all);
        assert_eq!((full.answered, full.percent()), (full.total, 100));
        let one: HashSet<String> = ["visie.ondersteuning".to_string()].into();
        let partial = progress(template, &one);
        let b = partial.sections.iter().find(|s| s.key == "B").unwrap();
        assert_eq!((b.answered, b.total, b.empty.clone()), (1, 2, vec!["visie.thuisnabij".to_string()]));
    }
}
