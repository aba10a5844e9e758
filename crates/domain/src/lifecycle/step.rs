//! States, steps and who takes them.

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Where a profile is in its yearly cycle. "Review due" is not stored: it
/// follows from the adoption date (see [`super::review_due`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProfileState {
    Concept,
    TeamReview,
    MrAdviceRequested,
    MrAdvised,
    Adopted,
    Published,
    /// Next year's version of the location was adopted.
    Superseded,
}

impl ProfileState {
    pub const ALL: [ProfileState; 7] = [
        ProfileState::Concept,
        ProfileState::TeamReview,
        ProfileState::MrAdviceRequested,
        ProfileState::MrAdvised,
        ProfileState::Adopted,
        ProfileState::Published,
        ProfileState::Superseded,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ProfileState::Concept => "concept",
            ProfileState::TeamReview => "team_review",
            ProfileState::MrAdviceRequested => "mr_advice_requested",
            ProfileState::MrAdvised => "mr_advised",
            ProfileState::Adopted => "adopted",
            ProfileState::Published => "published",
            ProfileState::Superseded => "superseded",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == raw)
    }

    /// The catalogue id of the state's name.
    pub fn message_id(self) -> &'static str {
        match self {
            ProfileState::Concept => "state-concept",
            ProfileState::TeamReview => "state-team_review",
            ProfileState::MrAdviceRequested => "state-mr_advice_requested",
            ProfileState::MrAdvised => "state-mr_advised",
            ProfileState::Adopted => "state-adopted",
            ProfileState::Published => "state-published",
            ProfileState::Superseded => "state-superseded",
        }
    }

    /// Answers may change only while the profile is a concept; from adoption
    /// on the version is immutable.
    pub fn answers_open(self) -> bool {
        self == ProfileState::Concept
    }

    /// The team's review comments may be answered, resolved and reopened
    /// until the version is adopted; new comments belong to the team review.
    pub fn comments_open(self) -> bool {
        !self.is_adopted()
    }

    /// Adopted, published or superseded: the content is fixed and hashed.
    pub fn is_adopted(self) -> bool {
        matches!(self, ProfileState::Adopted | ProfileState::Published | ProfileState::Superseded)
    }
}

/// A step a person takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// The coordinator asks the team to read the concept.
    AskTeamReview,
    /// The coordinator takes the profile back to work on it.
    BackToConcept,
    AskMrAdvice,
    /// An MR member records the council's advice.
    RecordAdvice,
    /// A board member adopts the profile.
    Adopt,
    Publish,
}

impl Step {
    pub const ALL: [Step; 6] =
        [Step::AskTeamReview, Step::BackToConcept, Step::AskMrAdvice, Step::RecordAdvice, Step::Adopt, Step::Publish];

    pub fn as_str(self) -> &'static str {
        match self {
            Step::AskTeamReview => "ask_team_review",
            Step::BackToConcept => "back_to_concept",
            Step::AskMrAdvice => "ask_mr_advice",
            Step::RecordAdvice => "record_advice",
            Step::Adopt => "adopt",
            Step::Publish => "publish",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == raw)
    }

    /// The catalogue id of the step's button text.
    pub fn message_id(self) -> &'static str {
        match self {
            Step::AskTeamReview => "step-ask_team_review",
            Step::BackToConcept => "step-back_to_concept",
            Step::AskMrAdvice => "step-ask_mr_advice",
            Step::RecordAdvice => "step-record_advice",
            Step::Adopt => "step-adopt",
            Step::Publish => "step-publish",
        }
    }

    /// The states the step may start from.
    pub fn from_states(self) -> &'static [ProfileState] {
        use ProfileState::*;
        match self {
            Step::AskTeamReview => &[Concept],
            Step::BackToConcept => &[TeamReview, MrAdviceRequested, MrAdvised],
            Step::AskMrAdvice => &[Concept, TeamReview],
            Step::RecordAdvice => &[MrAdviceRequested],
            Step::Adopt => &[MrAdvised],
            Step::Publish => &[Adopted],
        }
    }

    /// The state the step leads to.
    pub fn to_state(self) -> ProfileState {
        match self {
            Step::AskTeamReview => ProfileState::TeamReview,
            Step::BackToConcept => ProfileState::Concept,
            Step::AskMrAdvice => ProfileState::MrAdviceRequested,
            Step::RecordAdvice => ProfileState::MrAdvised,
            Step::Adopt => ProfileState::Adopted,
            Step::Publish => ProfileState::Published,
        }
    }

    /// The step from `from`, or why not.
    pub fn check(self, from: ProfileState, role: &[StepRole]) -> Result<ProfileState, StepError> {
        if !step_roles(self).iter().any(|r| role.contains(r)) {
            return Err(StepError::NotYourStep);
        }
        if !self.from_states().contains(&from) {
            return Err(StepError::WrongState { step: self, from });
        }
        Ok(self.to_state())
    }
}

/// The part a person plays for one school's profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StepRole {
    /// Director or IB-er of the school (or a platform admin).
    Coordinator,
    /// Member of the school's participation council.
    Mr,
    /// Member of the school's board.
    Board,
}

/// Who takes a step.
pub fn step_roles(step: Step) -> &'static [StepRole] {
    match step {
        Step::AskTeamReview | Step::BackToConcept | Step::AskMrAdvice => &[StepRole::Coordinator],
        Step::RecordAdvice => &[StepRole::Mr],
        Step::Adopt => &[StepRole::Board],
        Step::Publish => &[StepRole::Coordinator, StepRole::Board],
    }
}

/// The MR's advice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AdviceVerdict {
    Positive,
    PositiveWithRemarks,
    Negative,
}

impl AdviceVerdict {
    pub const ALL: [AdviceVerdict; 3] =
        [AdviceVerdict::Positive, AdviceVerdict::PositiveWithRemarks, AdviceVerdict::Negative];

    pub fn as_str(self) -> &'static str {
        match self {
            AdviceVerdict::Positive => "positive",
            AdviceVerdict::PositiveWithRemarks => "positive_with_remarks",
            AdviceVerdict::Negative => "negative",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == raw)
    }

    pub fn message_id(self) -> &'static str {
        match self {
            AdviceVerdict::Positive => "advice-positive",
            AdviceVerdict::PositiveWithRemarks => "advice-positive_with_remarks",
            AdviceVerdict::Negative => "advice-negative",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum StepError {
    #[error("this step is not yours to take")]
    NotYourStep,
    #[error("{} cannot be taken from {}", step.as_str(), from.as_str())]
    WrongState { step: Step, from: ProfileState },
}

impl StepError {
    /// The catalogue id of the message for the person.
    pub fn message_id(self) -> &'static str {
        match self {
            StepError::NotYourStep => "step-not-yours",
            StepError::WrongState { .. } => "step-wrong-state",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cycle_runs_from_concept_to_published() {
        let coordinator = [StepRole::Coordinator];
        let mut state = ProfileState::Concept;
        for (step, who) in [
            (Step::AskTeamReview, &coordinator[..]),
            (Step::AskMrAdvice, &coordinator[..]),
            (Step::RecordAdvice, &[StepRole::Mr][..]),
            (Step::Adopt, &[StepRole::Board][..]),
            (Step::Publish, &coordinator[..]),
        ] {
            state = step.check(state, who).unwrap_or_else(|e| panic!("{step:?}: {e}"));
        }
        assert_eq!(state, ProfileState::Published);
    }

    #[test]
    fn each_step_belongs_to_its_role() {
        assert_eq!(Step::Adopt.check(ProfileState::MrAdvised, &[StepRole::Coordinator]), Err(StepError::NotYourStep));
        assert_eq!(
            Step::RecordAdvice.check(ProfileState::MrAdviceRequested, &[StepRole::Board]),
            Err(StepError::NotYourStep)
        );
        assert_eq!(Step::AskMrAdvice.check(ProfileState::Concept, &[StepRole::Mr]), Err(StepError::NotYourStep));
        assert_eq!(Step::Publish.check(ProfileState::Adopted, &[StepRole::Board]), Ok(ProfileState::Published));
    }

    #[test]
    fn steps_keep_their_order() {
        let wrong = Step::Adopt.check(ProfileState::Concept, &[StepRole::Board]);
        assert_eq!(wrong, Err(StepError::WrongState { step: Step::Adopt, from: ProfileState::Concept }));
        for from in [ProfileState::Adopted, ProfileState::Published, ProfileState::Superseded] {
            assert!(Step::BackToConcept.check(from, &[StepRole::Coordinator]).is_err(), "adopted stays adopted");
            assert!(!from.answers_open() && from.is_adopted() && !from.comments_open());
        }
        assert_eq!(
            Step::BackToConcept.check(ProfileState::MrAdvised, &[StepRole::Coordinator]),
            Ok(ProfileState::Concept)
        );
    }

    #[test]
    fn comments_stay_open_until_adoption() {
        use ProfileState::*;
        let open: Vec<ProfileState> = ProfileState::ALL.into_iter().filter(|s| s.comments_open()).collect();
        assert_eq!(open, [Concept, TeamReview, MrAdviceRequested, MrAdvised]);
    }

    #[test]
    fn names_round_trip() {
        for state in ProfileState::ALL {
            assert_eq!(ProfileState::parse(state.as_str()), Some(state));
        }
        for step in Step::ALL {
            assert_eq!(Step::parse(step.as_str()), Some(step));
        }
        for verdict in AdviceVerdict::ALL {
            assert_eq!(AdviceVerdict::parse(verdict.as_str()), Some(verdict));
        }
    }
}
