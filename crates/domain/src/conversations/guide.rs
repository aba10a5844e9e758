//! The guide an SWV holds its conversations by: sections of questions, each
//! optionally tied to a goal of an ambition of the SWV's year plan.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::Message;

/// Scale questions are answered from 1 to this.
pub const SCALE_MAX: u8 = 5;
const MAX_KEY: usize = 40;
const MAX_TITLE: usize = 300;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// Open text.
    Text,
    /// One of the question's options.
    Choice,
    /// 1 to [`SCALE_MAX`].
    Scale,
    /// A key figure: a count, never pupils.
    Figure,
}

impl QuestionKind {
    pub const ALL: [QuestionKind; 4] = [Self::Text, Self::Choice, Self::Scale, Self::Figure];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Choice => "choice",
            Self::Scale => "scale",
            Self::Figure => "figure",
        }
    }
}

/// A goal of one of the SWV's ambitions (`1.2 Schoolteams werken handelingsgericht`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Goal {
    pub key: String,
    pub title: String,
}

/// An ambition of the SWV's year plan with its goals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ambition {
    pub key: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub goals: Vec<Goal>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuideQuestion {
    /// Unique in the guide; answers are stored by it.
    pub key: String,
    pub text: String,
    pub kind: QuestionKind,
    /// For a choice question: the options, in order.
    #[serde(default)]
    pub options: Vec<String>,
    /// The key of the goal this question looks at, if any.
    #[serde(default)]
    pub goal: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuideSection {
    pub key: String,
    pub title: String,
    #[serde(default)]
    pub intro: String,
    /// The ambition this section walks through, if any.
    #[serde(default)]
    pub ambition: Option<String>,
    pub questions: Vec<GuideQuestion>,
}

/// The guide of one SWV for one school year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Guide {
    /// What is said before the first question (who writes the report, whether it joins the profile).
    #[serde(default)]
    pub intro: String,
    #[serde(default)]
    pub ambitions: Vec<Ambition>,
    pub sections: Vec<GuideSection>,
}

fn key_ok(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= MAX_KEY
        && key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.'))
}

impl Guide {
    pub fn question(&self, key: &str) -> Option<&GuideQuestion> {
        self.questions().find(|q| q.key == key)
    }

    pub fn questions(&self) -> impl Iterator<Item = &GuideQuestion> {
        self.sections.iter().flat_map(|s| s.questions.iter())
    }

    /// The key figures the guide asks, in order.
    pub fn figures(&self) -> impl Iterator<Item = &GuideQuestion> {
        self.questions().filter(|q| q.kind == QuestionKind::Figure)
    }

    /// A goal's title with its ambition, for an agreement's link.
    pub fn goal(&self, key: &str) -> Option<(&Ambition, &Goal)> {
        self.ambitions.iter().find_map(|a| a.goals.iter().find(|g| g.key == key).map(|g| (a, g)))
    }

    /// Every goal key, in order.
    pub fn goal_keys(&self) -> Vec<&str> {
        self.ambitions.iter().flat_map(|a| a.goals.iter().map(|g| g.key.as_str())).collect()
    }

    /// Checks the guide can be used: keys that are unique and well formed,
    /// titles, options for every choice, goals and ambitions that exist.
    /// Each problem names where it is (`sections[2].questions[0]`).
    pub fn check(&self) -> Result<(), Vec<(String, Message)>> {
        let mut problems = Vec::new();
        if self.sections.is_empty() {
            problems.push(("sections".to_owned(), Message::new("conv-guide-empty")));
        }
        let mut goals = HashSet::new();
        let mut ambitions = HashSet::new();
        for (i, ambition) in self.ambitions.iter().enumerate() {
            let at = format!("ambitions[{i}]");
            if !key_ok(&ambition.key) || !ambitions.insert(ambition.key.as_str()) {
                problems.push((at.clone(), Message::new("conv-guide-key-invalid")));
            }
            if ambition.title.trim().is_empty() || ambition.title.chars().count() > MAX_TITLE {
                problems.push((at.clone(), Message::new("conv-guide-title-missing")));
            }
            for (j, goal) in ambition.goals.iter().enumerate() {
                let at = format!("{at}.goals[{j}]");
                if !key_ok(&goal.key) || !goals.insert(goal.key.as_str()) {
                    problems.push((at.clone(), Message::new("conv-guide-key-invalid")));
                }
                if goal.title.trim().is_empty() || goal.title.chars().count() > MAX_TITLE {
                    problems.push((at, Message::new("conv-guide-title-missing")));
                }
            }
        }
        let mut sections = HashSet::new();
        let mut questions = HashSet::new();
        for (i, section) in self.sections.iter().enumerate() {
            let at = format!("sections[{i}]");
            if !key_ok(&section.key) || !sections.insert(section.key.as_str()) {
                problems.push((at.clone(), Message::new("conv-guide-key-invalid")));
            }
            if section.title.trim().is_empty() || section.title.chars().count() > MAX_TITLE {
                problems.push((at.clone(), Message::new("conv-guide-title-missing")));
            }
            if section.ambition.as_ref().is_some_and(|a| !ambitions.contains(a.as_str())) {
                problems.push((at.clone(), Message::new("conv-guide-ambition-unknown")));
            }
            for (j, question) in section.questions.iter().enumerate() {
                let at = format!("{at}.questions[{j}]");
                if !key_ok(&question.key) || !questions.insert(question.key.as_str()) {
                    problems.push((at.clone(), Message::new("conv-guide-key-invalid")));
                }
                if question.text.trim().is_empty() || question.text.chars().count() > 2 * MAX_TITLE {
                    problems.push((at.clone(), Message::new("conv-guide-title-missing")));
                }
                let options_ok = match question.kind {
                    QuestionKind::Choice => {
                        question.options.len() >= 2
                            && question.options.iter().all(|o| !o.trim().is_empty())
                            && question.options.iter().collect::<HashSet<_>>().len() == question.options.len()
                    }
                    _ => question.options.is_empty(),
                };
                if !options_ok {
                    problems.push((at.clone(), Message::new("conv-guide-options-invalid")));
                }
                if question.goal.as_ref().is_some_and(|g| !goals.contains(g.as_str())) {
                    problems.push((at, Message::new("conv-guide-goal-unknown")));
                }
            }
        }
        if problems.is_empty() { Ok(()) } else { Err(problems) }
    }
}
