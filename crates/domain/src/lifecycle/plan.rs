//! Step 2 of the conversation guide: a time line with milestones, and when
//! their reminders are due.

use serde::{Deserialize, Serialize};

use super::day::{Day, days_between};
use super::step::ProfileState;
use crate::questionnaire::SchoolYear;

/// Reminders go out this many days before a milestone (the nearest one that
/// has come, so that a server that was down does not send a week's worth at once).
pub const REMINDER_DAYS: [i64; 2] = [7, 1];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MilestoneKind {
    ConceptReady,
    TeamReview,
    MrAdvice,
    Adoption,
    Publication,
    /// The support offer is part of the school guide, due before 1 August.
    SchoolGuide,
}

impl MilestoneKind {
    pub const ALL: [MilestoneKind; 6] = [
        MilestoneKind::ConceptReady,
        MilestoneKind::TeamReview,
        MilestoneKind::MrAdvice,
        MilestoneKind::Adoption,
        MilestoneKind::Publication,
        MilestoneKind::SchoolGuide,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            MilestoneKind::ConceptReady => "concept_ready",
            MilestoneKind::TeamReview => "team_review",
            MilestoneKind::MrAdvice => "mr_advice",
            MilestoneKind::Adoption => "adoption",
            MilestoneKind::Publication => "publication",
            MilestoneKind::SchoolGuide => "school_guide",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == raw)
    }

    pub fn message_id(self) -> &'static str {
        match self {
            MilestoneKind::ConceptReady => "milestone-concept_ready",
            MilestoneKind::TeamReview => "milestone-team_review",
            MilestoneKind::MrAdvice => "milestone-mr_advice",
            MilestoneKind::Adoption => "milestone-adoption",
            MilestoneKind::Publication => "milestone-publication",
            MilestoneKind::SchoolGuide => "milestone-school_guide",
        }
    }

    /// Whether the profile's state shows the milestone is reached.
    pub fn reached(self, state: ProfileState) -> bool {
        use ProfileState::*;
        let rank = |s: ProfileState| match s {
            Concept => 0,
            TeamReview => 1,
            MrAdviceRequested => 2,
            MrAdvised => 3,
            Adopted => 4,
            Published | Superseded => 5,
        };
        let needed = match self {
            MilestoneKind::ConceptReady => 1,
            MilestoneKind::TeamReview => 2,
            MilestoneKind::MrAdvice => 3,
            MilestoneKind::Adoption => 4,
            MilestoneKind::Publication | MilestoneKind::SchoolGuide => 5,
        };
        rank(state) >= needed
    }

    /// A date to start from: the school guide is due before 1 August of the
    /// year the school year starts.
    pub fn suggestion(self, year: SchoolYear) -> Option<Day> {
        (self == MilestoneKind::SchoolGuide).then_some((year.start(), 7, 31))
    }
}

/// The reminder (days before) to send on `today` for a milestone due on
/// `due`, and every earlier one that is past: the first is sent, the others
/// only marked as done. `None` outside the reminder window.
pub fn reminders_due(due: Day, today: Day) -> Option<(i64, Vec<i64>)> {
    let left = days_between(today, due);
    let mut past: Vec<i64> = REMINDER_DAYS.iter().copied().filter(|d| left >= 0 && left <= *d).collect();
    past.sort_unstable();
    let send = *past.first()?;
    Some((send, past))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn milestones_are_reached_by_the_profiles_state() {
        assert!(!MilestoneKind::ConceptReady.reached(ProfileState::Concept));
        assert!(MilestoneKind::ConceptReady.reached(ProfileState::TeamReview));
        assert!(!MilestoneKind::Adoption.reached(ProfileState::MrAdvised));
        assert!(MilestoneKind::SchoolGuide.reached(ProfileState::Published));
    }

    #[test]
    fn reminders_a_week_and_a_day_before() {
        let due = (2027, 6, 15);
        assert_eq!(reminders_due(due, (2027, 6, 7)), None, "eight days before");
        assert_eq!(reminders_due(due, (2027, 6, 8)), Some((7, vec![7])));
        assert_eq!(reminders_due(due, (2027, 6, 10)), Some((7, vec![7])), "a late run still sends it once");
        assert_eq!(reminders_due(due, (2027, 6, 14)), Some((1, vec![1, 7])), "the nearest one; the week's is passed");
        assert_eq!(reminders_due(due, (2027, 6, 15)), Some((1, vec![1, 7])));
        assert_eq!(reminders_due(due, (2027, 6, 16)), None, "after the day");
        assert_eq!(MilestoneKind::SchoolGuide.suggestion(SchoolYear::parse("2027-2028").unwrap()), Some((2027, 7, 31)));
    }
}
