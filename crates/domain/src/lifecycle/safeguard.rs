//! Safeguards before a step: a step that cannot be undone (adoption,
//! publication) and a step that hands the concept to others to judge while
//! answers carried over from last year are still unconfirmed (asking the MR's
//! advice, adoption) wait for the person's explicit confirmation.

use serde::Serialize;

use super::Step;
use crate::Message;

/// Why a step waits for an explicit confirmation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Safeguard {
    pub step: Step,
    /// Answers copied from last year that nobody confirmed yet, where the step
    /// hands them on to be judged (0 otherwise).
    pub unconfirmed: usize,
    /// The step cannot be undone.
    pub irreversible: bool,
}

impl Safeguard {
    /// What the person is asked to confirm, with the count.
    pub fn message(&self) -> Message {
        let id = match (self.step, self.unconfirmed > 0) {
            (Step::AskMrAdvice, _) => "safeguard-ask_mr_advice",
            (Step::Adopt, true) => "safeguard-adopt-unconfirmed",
            (Step::Adopt, false) => "safeguard-adopt",
            (Step::Publish, _) => "safeguard-publish",
            (Step::AskTeamReview | Step::BackToConcept | Step::RecordAdvice, _) => "safeguard-step",
        };
        Message::new(id).with("count", self.unconfirmed)
    }
}

impl Step {
    /// Adoption fixes the version and publication shows it to everyone: no
    /// step leads back.
    pub fn irreversible(self) -> bool {
        matches!(self, Step::Adopt | Step::Publish)
    }

    /// The step asks others to judge the content: the MR's advice and the
    /// board's adoption should not rest on answers nobody looked at this year.
    pub fn hands_over_content(self) -> bool {
        matches!(self, Step::AskMrAdvice | Step::Adopt)
    }
}

/// The safeguard of `step` when the profile has `unconfirmed` answers copied
/// from last year; `None` when the step may be taken on the first request.
pub fn safeguard(step: Step, unconfirmed: usize) -> Option<Safeguard> {
    let unconfirmed = if step.hands_over_content() { unconfirmed } else { 0 };
    let irreversible = step.irreversible();
    (irreversible || unconfirmed > 0).then_some(Safeguard { step, unconfirmed, irreversible })
}

/// Whether the step may go ahead: without a safeguard always, with one only
/// when the person confirmed it.
pub fn cleared(step: Step, unconfirmed: usize, confirmed: bool) -> Result<(), Safeguard> {
    match safeguard(step, unconfirmed) {
        Some(guard) if !confirmed => Err(guard),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adoption_and_publication_always_ask_once_more() {
        assert_eq!(
            safeguard(Step::Adopt, 0),
            Some(Safeguard { step: Step::Adopt, unconfirmed: 0, irreversible: true })
        );
        assert_eq!(
            safeguard(Step::Publish, 36),
            Some(Safeguard { step: Step::Publish, unconfirmed: 0, irreversible: true }),
            "publication hands nothing new to judge: no count"
        );
        assert_eq!(cleared(Step::Publish, 0, false).unwrap_err().step, Step::Publish);
        assert_eq!(cleared(Step::Publish, 0, true), Ok(()));
    }

    #[test]
    fn asking_advice_warns_only_with_unconfirmed_answers() {
        assert_eq!(safeguard(Step::AskMrAdvice, 0), None);
        assert_eq!(
            cleared(Step::AskMrAdvice, 36, false),
            Err(Safeguard { step: Step::AskMrAdvice, unconfirmed: 36, irreversible: false })
        );
        assert_eq!(cleared(Step::AskMrAdvice, 36, true), Ok(()));
        assert_eq!(cleared(Step::Adopt, 3, false).unwrap_err().unconfirmed, 3);
    }

    #[test]
    fn the_message_names_the_count() {
        let guard = safeguard(Step::Adopt, 36).unwrap();
        assert_eq!(guard.message(), Message::new("safeguard-adopt-unconfirmed").with("count", 36usize));
        assert_eq!(safeguard(Step::Adopt, 0).unwrap().message().id, "safeguard-adopt");
    }

    #[test]
    fn steps_that_can_be_undone_go_ahead() {
        for step in [Step::AskTeamReview, Step::BackToConcept, Step::RecordAdvice] {
            assert_eq!(safeguard(step, 36), None, "{step:?}");
            assert_eq!(cleared(step, 36, false), Ok(()));
        }
    }
}
