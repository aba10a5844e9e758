//! The yearly cycle of a profile: the steps (team review, MR advice, adoption,
//! publication) with their hand-over mails, the planning (wishes, co-readers,
//! time line), reminders before milestones, and what changed since last year.

mod changes;
mod notify;
mod planning;
mod reminders;

use passend_domain::access::{self, Actor};
use passend_domain::lifecycle::{
    AdviceVerdict, ProfileState, Safeguard, Step, cleared, iso_day, parse_day, step_roles,
};
use passend_domain::{FieldProblems, Message};
pub use passend_storage::lifecycle::{AdviceRecord, CONFIRM_SECTION, ReviewComment, StepRecord};
use passend_storage::lifecycle::{CommentModerator, StepBy, StepDetails};

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
    /// The person confirmed the step after its safeguard (see
    /// [`passend_domain::lifecycle::safeguard`]): adoption and publication
    /// always, asking advice or adopting with unconfirmed carried-over answers.
    pub confirmed: bool,
}

/// What a step request came to.
#[derive(Debug, Clone, PartialEq)]
pub enum StepOutcome {
    /// Taken: the new state.
    Taken(ProfileState),
    /// Fields to fix on the form; nothing changed.
    Invalid(FieldProblems),
    /// The step waits for the person's explicit confirmation; nothing changed.
    NeedsConfirmation(Safeguard),
}

/// The person taking a step, as the audit log names them.
pub struct StepTaker<'a> {
    pub actor: &'a Actor,
    pub name: &'a str,
}

/// What the cycle shows of a profile beside its state.
pub struct CycleRecord {
    pub advice: Option<AdviceRecord>,
    /// The team's review comments, each with its replies.
    pub comments: Vec<CommentThread>,
    pub history: Vec<StepRecord>,
}

/// A review comment with the replies to it, oldest first.
#[derive(Debug, Clone, PartialEq)]
pub struct CommentThread {
    pub comment: ReviewComment,
    pub replies: Vec<ReviewComment>,
}

/// Comments as storage lists them (each opening comment before its replies)
/// made into threads; a reply whose comment is missing opens its own.
pub fn threads(comments: Vec<ReviewComment>) -> Vec<CommentThread> {
    let mut threads: Vec<CommentThread> = Vec::new();
    for comment in comments {
        match comment.reply_to.and_then(|parent| threads.iter_mut().find(|t| t.comment.id == parent)) {
            Some(thread) => thread.replies.push(comment),
            None => threads.push(CommentThread { comment, replies: Vec::new() }),
        }
    }
    threads
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
    ) -> Result<StepOutcome> {
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
            return Ok(StepOutcome::Invalid(problems));
        }
        // A step out of turn is refused by storage below, without a safeguard first.
        if step.from_states().contains(&loaded.profile.state) {
            let unconfirmed = self.unconfirmed_count(loaded).await?;
            if let Err(guard) = cleared(step, unconfirmed, input.confirmed) {
                return Ok(StepOutcome::NeedsConfirmation(guard));
            }
        }
        let details = match (step, verdict) {
            (Step::RecordAdvice, Some(verdict)) => StepDetails::Advice { verdict, advice: &advice, advised_on: &day },
            (Step::Adopt, _) => StepDetails::Adoption { adopted_on: &day },
            _ => StepDetails::None,
        };
        let taker = StepBy { user_id: by.actor.user_id(), name: by.name };
        let to = self.db.take_step(&steps, loaded.profile.id, step, details, taker).await?;
        // A step can change what public pages show (a publication, a
        // superseded version): every server's cached pages go, and the new
        // version's documents are rendered before the first parent asks.
        self.db.public_changed().await?;
        if step == Step::Publish {
            let payload = crate::jobs::PrerenderPayload { location_code: loaded.profile.location_code.clone() };
            if let Err(error) = self.enqueue_job(crate::jobs::PRERENDER, &payload, crate::now()).await {
                tracing::warn!(%error, "the pre-render job was not queued; documents render on first request");
            }
        }
        self.hand_over(loaded, &steps, step).await;
        Ok(StepOutcome::Taken(to))
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

    /// A reply to a review comment by one of the school's team (the
    /// director and IB-er among them), until the version is adopted.
    pub async fn reply_to_comment(
        &self,
        by: StepTaker<'_>,
        loaded: &LoadedProfile,
        comment_id: i64,
        raw: &str,
    ) -> Result<Result<(), FieldProblems>> {
        let respondent = access::respond_to_profiles(by.actor, &loaded.school)?;
        let mut problems = FieldProblems::new();
        let body = required_text(raw, "body", "comment-text-required", &mut problems);
        if !problems.is_empty() {
            return Ok(Err(problems));
        }
        self.db.reply_to_comment(&respondent, loaded.profile.id, comment_id, &body, by.name).await?;
        Ok(Ok(()))
    }

    /// Marks a review comment resolved, or open again: a coordinator any
    /// comment, a team member their own; until the version is adopted.
    pub async fn set_comment_resolved(
        &self,
        by: StepTaker<'_>,
        loaded: &LoadedProfile,
        comment_id: i64,
        resolved: bool,
    ) -> Result<()> {
        let name = resolved.then_some(by.name);
        if let Ok(coordination) = access::coordinate_profiles(by.actor, &loaded.school) {
            let moderator = CommentModerator::Coordinator(&coordination);
            return Ok(self.db.set_comment_resolved(moderator, loaded.profile.id, comment_id, name).await?);
        }
        let respondent = access::respond_to_profiles(by.actor, &loaded.school)?;
        let comments = self.db.review_comments(&loaded.access).await?;
        let comment = comments.iter().find(|c| c.id == comment_id && c.reply_to.is_none()).ok_or(Error::NotFound)?;
        if comment.user_id != Some(by.actor.user_id()) {
            return Err(Error::Forbidden);
        }
        let moderator = CommentModerator::Author(&respondent);
        Ok(self.db.set_comment_resolved(moderator, loaded.profile.id, comment_id, name).await?)
    }

    /// The MR's advice, the team's review comments and the audit log.
    pub async fn cycle_record(&self, loaded: &LoadedProfile) -> Result<CycleRecord> {
        Ok(CycleRecord {
            advice: self.db.advice(&loaded.access).await?,
            comments: threads(self.db.review_comments(&loaded.access).await?),
            history: self.db.profile_history(&loaded.access).await?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comment(id: i64, reply_to: Option<i64>) -> ReviewComment {
        ReviewComment {
            id,
            section: "D".into(),
            user_id: Some(1),
            by: "Tim".into(),
            body: format!("comment {id}"),
            at: id,
            reply_to,
            resolved_at: None,
            resolved_by: None,
        }
    }

    #[test]
    fn replies_join_the_comment_they_answer() {
        let made = threads(vec![comment(1, None), comment(3, Some(1)), comment(2, None), comment(4, Some(1))]);
        let shape: Vec<(i64, Vec<i64>)> =
            made.iter().map(|t| (t.comment.id, t.replies.iter().map(|r| r.id).collect())).collect();
        assert_eq!(shape, [(1, vec![3, 4]), (2, vec![])]);
        assert_eq!(threads(vec![comment(5, Some(9))])[0].comment.id, 5, "an orphaned reply is still shown");
    }
}
