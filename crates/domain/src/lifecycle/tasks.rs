//! Open tasks: who must act on a profile in its state, and which location's
//! review is overdue. The dashboard lists them; the rules are here.

use serde::Serialize;

use super::day::Day;
use super::review::review_due;
use super::step::ProfileState;
use crate::questionnaire::SchoolYear;

/// Something a person must do next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskKind {
    /// The adopted profile's review date has passed without a newer adoption (coordinators).
    Review,
    /// Answer the questionnaire, open to the team (team members).
    Answer,
    /// Finish the concept and hand it on (coordinators).
    Prepare,
    /// Read the concept and comment (the team, coordinators included).
    ReadAlong,
    /// Give the council's advice (MR members).
    Advise,
    /// Write the school's response to the MR's advice (coordinators).
    RespondToAdvice,
    /// Adopt the profile (board members).
    Adopt,
    /// Publish the adopted profile (coordinators).
    Publish,
    /// Remind the region's locations whose review is overdue (SWV staff and admins).
    RemindOverdue,
    /// Publish the SWV's saved version of the questionnaire for the year (SWV admins).
    PublishTemplate,
}

impl TaskKind {
    pub const ALL: [TaskKind; 10] = [
        TaskKind::Review,
        TaskKind::Answer,
        TaskKind::Prepare,
        TaskKind::ReadAlong,
        TaskKind::Advise,
        TaskKind::RespondToAdvice,
        TaskKind::Adopt,
        TaskKind::Publish,
        TaskKind::RemindOverdue,
        TaskKind::PublishTemplate,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TaskKind::Review => "review",
            TaskKind::Answer => "answer",
            TaskKind::Prepare => "prepare",
            TaskKind::ReadAlong => "read_along",
            TaskKind::Advise => "advise",
            TaskKind::RespondToAdvice => "respond_to_advice",
            TaskKind::Adopt => "adopt",
            TaskKind::Publish => "publish",
            TaskKind::RemindOverdue => "remind_overdue",
            TaskKind::PublishTemplate => "publish_template",
        }
    }

    /// The catalogue id of the task's text.
    pub fn message_id(self) -> &'static str {
        match self {
            TaskKind::Review => "task-review",
            TaskKind::Answer => "task-answer",
            TaskKind::Prepare => "task-prepare",
            TaskKind::ReadAlong => "task-read_along",
            TaskKind::Advise => "task-advise",
            TaskKind::RespondToAdvice => "task-respond_to_advice",
            TaskKind::Adopt => "task-adopt",
            TaskKind::Publish => "task-publish",
            TaskKind::RemindOverdue => "task-remind_overdue",
            TaskKind::PublishTemplate => "task-publish_template",
        }
    }
}

/// The parts a person plays at one school (see `access`): answering as a
/// member of the team (team member, IB-er, director), coordinating (director,
/// IB-er), the MR, the board.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Parts {
    pub respondent: bool,
    pub coordinator: bool,
    pub mr: bool,
    pub board: bool,
}

/// What the rules need to know of one profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProfileFacts {
    pub state: ProfileState,
    pub open_for_team: bool,
    /// The school has written its response to the MR's advice.
    pub advice_answered: bool,
}

/// The tasks a person with `parts` has on a profile, in the order of the cycle.
///
/// - concept: coordinators finish it; while it is open to the team, the rest of
///   the team answers (coordinators answer as part of finishing it);
/// - team review: the whole team reads along;
/// - advice asked: the MR advises;
/// - advised: the board adopts, and coordinators respond to the advice until they have;
/// - adopted: coordinators publish (the board may too, but it is the school's to do);
/// - published and superseded: nothing.
pub fn profile_tasks(parts: Parts, facts: ProfileFacts) -> Vec<TaskKind> {
    let mut tasks = Vec::new();
    match facts.state {
        ProfileState::Concept => {
            if parts.coordinator {
                tasks.push(TaskKind::Prepare);
            } else if parts.respondent && facts.open_for_team {
                tasks.push(TaskKind::Answer);
            }
        }
        ProfileState::TeamReview => {
            if parts.respondent || parts.coordinator {
                tasks.push(TaskKind::ReadAlong);
            }
        }
        ProfileState::MrAdviceRequested => {
            if parts.mr {
                tasks.push(TaskKind::Advise);
            }
        }
        ProfileState::MrAdvised => {
            if parts.coordinator && !facts.advice_answered {
                tasks.push(TaskKind::RespondToAdvice);
            }
            if parts.board {
                tasks.push(TaskKind::Adopt);
            }
        }
        ProfileState::Adopted => {
            if parts.coordinator {
                tasks.push(TaskKind::Publish);
            }
        }
        ProfileState::Published | ProfileState::Superseded => {}
    }
    tasks
}

/// One school year's version of a location's profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Version {
    pub year: SchoolYear,
    pub state: ProfileState,
    /// The board's date of adoption.
    pub adopted_on: Option<Day>,
}

/// The review date that has passed on `today` for a location with these
/// versions: the latest adopted version's (by school year), when that date has
/// come. `None` when nothing was adopted or the review is not due yet.
pub fn review_overdue(versions: &[Version], today: Day) -> Option<Day> {
    let latest = versions.iter().filter(|v| v.state.is_adopted()).max_by_key(|v| v.year)?;
    let due = review_due(latest.year, latest.adopted_on?);
    due.is_due(today).then_some(due.by())
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEAM: Parts = Parts { respondent: true, coordinator: false, mr: false, board: false };
    const IB: Parts = Parts { respondent: true, coordinator: true, mr: false, board: false };
    const MR: Parts = Parts { respondent: false, coordinator: false, mr: true, board: false };
    const BOARD: Parts = Parts { respondent: false, coordinator: false, mr: false, board: true };

    fn facts(state: ProfileState) -> ProfileFacts {
        ProfileFacts { state, open_for_team: true, advice_answered: false }
    }

    /// Every role's tasks in every state, open to the team, advice unanswered.
    #[test]
    fn each_role_has_its_tasks_in_each_state() {
        use ProfileState::*;
        use TaskKind::*;
        let table: [(ProfileState, [&[TaskKind]; 4]); 7] = [
            (Concept, [&[Answer], &[Prepare], &[], &[]]),
            (TeamReview, [&[ReadAlong], &[ReadAlong], &[], &[]]),
            (MrAdviceRequested, [&[], &[], &[Advise], &[]]),
            (MrAdvised, [&[], &[RespondToAdvice], &[], &[Adopt]]),
            (Adopted, [&[], &[Publish], &[], &[]]),
            (Published, [&[], &[], &[], &[]]),
            (Superseded, [&[], &[], &[], &[]]),
        ];
        for (state, expected) in table {
            for (parts, want) in [TEAM, IB, MR, BOARD].into_iter().zip(expected) {
                assert_eq!(profile_tasks(parts, facts(state)), want, "{state:?} {parts:?}");
            }
        }
    }

    #[test]
    fn the_team_answers_only_while_the_questionnaire_is_open() {
        let closed = ProfileFacts { open_for_team: false, ..facts(ProfileState::Concept) };
        assert_eq!(profile_tasks(TEAM, closed), []);
        assert_eq!(profile_tasks(IB, closed), [TaskKind::Prepare], "coordinators work on it anyway");
    }

    #[test]
    fn a_response_given_is_done_and_one_person_gets_each_part() {
        let answered = ProfileFacts { advice_answered: true, ..facts(ProfileState::MrAdvised) };
        assert_eq!(profile_tasks(IB, answered), []);
        let everything = Parts { respondent: true, coordinator: true, mr: true, board: true };
        assert_eq!(
            profile_tasks(everything, facts(ProfileState::MrAdvised)),
            [TaskKind::RespondToAdvice, TaskKind::Adopt]
        );
        assert_eq!(profile_tasks(everything, facts(ProfileState::Concept)), [TaskKind::Prepare], "not twice");
        assert_eq!(profile_tasks(Parts::default(), facts(ProfileState::TeamReview)), []);
    }

    #[test]
    fn a_review_is_overdue_from_the_latest_adoption() {
        let year = |start| SchoolYear::starting(start);
        let adopted = |start, on| Version { year: year(start), state: ProfileState::Published, adopted_on: Some(on) };
        let concept = |start| Version { year: year(start), state: ProfileState::Concept, adopted_on: None };
        let today = (2026, 12, 1);
        // Adopted for 2025-2026 in September 2025: the yearly rule, due 1 August 2026.
        assert_eq!(review_overdue(&[adopted(2025, (2025, 9, 1))], today), Some((2026, 8, 1)));
        assert_eq!(review_overdue(&[adopted(2025, (2025, 9, 1)), concept(2026)], today), Some((2026, 8, 1)));
        // A newer adoption is the one that counts.
        assert_eq!(review_overdue(&[adopted(2025, (2025, 9, 1)), adopted(2026, (2026, 7, 1))], today), None);
        // The legacy rule: four years.
        assert_eq!(review_overdue(&[adopted(2023, (2023, 10, 2))], today), None);
        assert_eq!(review_overdue(&[adopted(2023, (2023, 10, 2))], (2027, 10, 2)), Some((2027, 10, 2)));
        assert_eq!(review_overdue(&[concept(2026)], today), None, "never adopted");
        assert_eq!(review_overdue(&[], today), None);
    }
}
