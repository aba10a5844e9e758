//! The yearly cycle of a profile: the steps (team review, MR advice, adoption,
//! publication) with their hand-over mails, the planning (wishes, co-readers,
//! time line), reminders before milestones, and what changed since last year.

mod changes;
mod notify;
mod planning;
mod reminders;

use passend_domain::access::{self, Actor};
use passend_domain::lifecycle::{AdviceVerdict, ProfileState, Step, iso_day, parse_day, step_roles};
use passend_domain::{FieldProblems, Message};
pub use passend_storage::lifecycle::{AdviceRecord, ReviewComment, StepRecord};
use passend_storage::lifecycle::{StepBy, StepDetails};

pub use self::changes::Compared;
pub use self::planning::{MAX_NAME, MAX_WISH, NewReader, NewWish, READER_KINDS};
pub use self::reminders::today;
use crate::questionnaire::LoadedProfile;
use crate::{App, Error, Result};
pub use passend_storage::planning::{CoReader, Milestone, Wish};

/// Longest advice, response or review comment.
pub const MAX_TEXT: usize = 4000;

/// A step as a form or the API asks for it.
#[derive(Debug, Default, Clone)]
pub struct StepRequest<'a> {
    /// `ask_team_review`, `back_to_concept`, `ask_mr_advice`, `record_advice`, `adopt` or `publish`.
    pub step: &'a str,
    /// With `record_advice`: `positive`, `positive_with_remarks` or `negative`.
    pub verdict: &'a str,
    /// With `record_advice`: the advice in the council's words.
    pub advice: &'a str,
    /// With `record_advice` (the day of the advice) and `adopt` (the day of adoption): `2026-06-15`.
    pub date: &'a str,
}

/// The person taking a step, as the audit log names them.
pub struct StepTaker<'a> {
    pub actor: &'a Actor,
    pub name: &'a str,
}

/// What the cycle shows of a profile beside its state.
pub struct CycleRecord {
    pub advice: Option<AdviceRecord>,
    pub comments: Vec<ReviewComment>,
    pub history: Vec<StepRecord>,
}

/// A required text, trimmed and bounded.
pub fn required_text(raw: &str, field: &'static str, empty_id: &'static str, problems: &mut FieldProblems) -> String {
    let text = raw.trim().replace("\r\n", "\n");
    if text.is_empty() {
        problems.push((field, Message::new(empty_id)));
    } else if text.chars().count() > MAX_TEXT {
        problems.push((field, Message::new("answer-too-long").with("max", MAX_TEXT)));
    }
    text
}

impl App {
    /// Takes the step for the person; `Err` lists what to fix on the form. The
    /// people who take the next step get a mail.
    pub async fn take_step(
        &self,
        by: StepTaker<'_>,
        loaded: &LoadedProfile,
        input: &StepRequest<'_>,
    ) -> Result<Result<ProfileState, FieldProblems>> {
        let step = Step::parse(input.step).ok_or(Error::invalid("step", Message::new("error-bad-request")))?;
        let steps = access::profile_steps(by.actor, &loaded.school, &loaded.context)?;
        // Whose step it is comes before what the form says.
        if !step_roles(step).iter().any(|r| steps.roles().contains(r)) {
            return Err(Error::Forbidden);
        }
        let mut problems = FieldProblems::new();
        let mut day = String::new();
        let mut advice = String::new();
        let mut verdict = None;
        if matches!(step, Step::RecordAdvice | Step::Adopt) {
            match parse_day(input.date) {
                Some(parsed) => day = iso_day(parsed),
                None => problems.push(("date", Message::new("date-invalid"))),
            }
        }
        if step == Step::RecordAdvice {
            verdict = AdviceVerdict::parse(input.verdict);
            if verdict.is_none() {
                problems.push(("verdict", Message::new("advice-verdict-required")));
            }
            advice = required_text(input.advice, "advice", "advice-text-required", &mut problems);
        }
        if !problems.is_empty() {
            return Ok(Err(problems));
        }
        let details = match (step, verdict) {
            (Step::RecordAdvice, Some(verdict)) => StepDetails::Advice { verdict, advice: &advice, advised_on: &day },
            (Step::Adopt, _) => StepDetails::Adoption { adopted_on: &day },
            _ => StepDetails::None,
        };
        let taker = StepBy { user_id: by.actor.user_id(), name: by.name };
        let to = self.db.take_step(&steps, loaded.profile.id, step, details, taker).await?;
        self.hand_over(loaded, &steps, step).await;
        Ok(Ok(to))
    }

    /// The school's response to the MR's advice.
    pub async fn respond_to_advice(
        &self,
        by: StepTaker<'_>,
        loaded: &LoadedProfile,
        raw: &str,
    ) -> Result<Result<(), FieldProblems>> {
        let coordination = access::coordinate_profiles(by.actor, &loaded.school)?;
        let mut problems = FieldProblems::new();
        let response = required_text(raw, "response", "advice-response-required", &mut problems);
        if !problems.is_empty() {
            return Ok(Err(problems));
        }
        let taker = StepBy { user_id: by.actor.user_id(), name: by.name };
        self.db.respond_to_advice(&coordination, loaded.profile.id, &response, taker).await?;
        Ok(Ok(()))
    }

    /// A team member's comment on a section during the team review.
    pub async fn comment_on_section(
        &self,
        by: StepTaker<'_>,
        loaded: &LoadedProfile,
        section: &str,
        raw: &str,
    ) -> Result<Result<(), FieldProblems>> {
        let respondent = access::respond_to_profiles(by.actor, &loaded.school)?;
        let mut problems = FieldProblems::new();
        if loaded.profile.template.section(section).is_none() {
            problems.push(("section", Message::new("comment-section-invalid")));
        }
        let body = required_text(raw, "body", "comment-text-required", &mut problems);
        if !problems.is_empty() {
            return Ok(Err(problems));
        }
        self.db.add_review_comment(&respondent, loaded.profile.id, section, &body, by.name).await?;
        Ok(Ok(()))
    }

    /// The MR's advice, the team's review comments and the audit log.
    pub async fn cycle_record(&self, loaded: &LoadedProfile) -> Result<CycleRecord> {
        Ok(CycleRecord {
            advice: self.db.advice(&loaded.access).await?,
            comments: self.db.review_comments(&loaded.access).await?,
            history: self.db.profile_history(&loaded.access).await?,
        })
    }
}
