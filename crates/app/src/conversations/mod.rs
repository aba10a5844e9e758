//! The SWV's yearly conversation with each school: the guide per SWV and
//! year, planning with invitations (`.ics`), the school's preparation, the
//! facts Passend knows, key figures, support funds, the conversation itself
//! with agreements, the report both sides confirm, and the follow-up a year
//! later.
//!
//! Two proofs carry access: [`SwvConversations`] for the SWV's own views
//! (its staff and admins), made by [`App::swv_conversations_scope`], and
//! [`OnConversation`] for one conversation (both sides write, the board and,
//! once the report is an annex, the MR read), made by [`App::on_conversation`].

mod facts;
mod follow_up;
mod invitation;
mod report;

use passend_domain::access::{self, Actor, ConversationAccess, ConversationPlanning, ConversationSide, SwvEdit};
use passend_domain::conversations::{
    AgreementStatus, AnswerPhase, ConversationState, FundRates, Funds, Guide, check_text, default_guide, parse_answer,
};
use passend_domain::lifecycle::parse_day;
use passend_domain::organisations::{OrgRef, SwvCode};
use passend_domain::questionnaire::SchoolYear;
use passend_domain::{FieldProblems, Message};
pub use passend_storage::conversations::{
    Agreement, AgreementInput, AnswerSave, Attendee, Conversation, Plan, StoredAnswer, StoredGuide, SwvLocation,
};
use serde_json::Value;

pub use self::facts::{Facts, NormFact, OfferFact};
pub use self::follow_up::{AreaFigures, FollowUp, SchoolFollowUp};
pub use self::invitation::ics_for;
use crate::questionnaire::current_year;
use crate::{App, Error, Result};

/// The longest a conversation may be planned for, in minutes.
const MAX_MINUTES: i64 = 8 * 60;

/// Proof that the actor sees one SWV's conversations (its staff and admins).
pub struct SwvConversations {
    code: SwvCode,
    planning: ConversationPlanning,
    /// Its admins (also) compose the guide and set the funds.
    edit: Option<SwvEdit>,
}

impl SwvConversations {
    pub fn code(&self) -> &SwvCode {
        &self.code
    }

    pub fn editable(&self) -> bool {
        self.edit.is_some()
    }

    fn edit(&self) -> Result<&SwvEdit> {
        self.edit.as_ref().ok_or(Error::Forbidden)
    }
}

/// Proof for one conversation: its id and what the actor may do with it.
pub struct OnConversation {
    pub id: i64,
    access: ConversationAccess,
    pub year: SchoolYear,
    pub location_code: String,
    /// Who asks: what Passend shows beside the guide depends on it (the
    /// school's scan reaches the SWV only when the school shares it).
    actor: Actor,
}

impl OnConversation {
    pub fn side(&self) -> ConversationSide {
        self.access.side()
    }

    pub fn may_write(&self) -> bool {
        self.access.may_write()
    }

    pub fn swv(&self) -> &str {
        self.access.swv()
    }

    fn writer(&self) -> Result<&ConversationAccess> {
        if self.access.may_write() { Ok(&self.access) } else { Err(Error::Forbidden) }
    }
}

/// One row of the SWV's list: a conversation, or a location not yet planned.
pub struct ListRow {
    pub location: SwvLocation,
    pub conversation: Option<(Conversation, ConversationState)>,
}

/// A conversation with everything its page shows.
pub struct ConversationView {
    pub conversation: Conversation,
    pub state: ConversationState,
    pub guide: Guide,
    /// The guide's version (0: Passend's default guide).
    pub guide_version: i64,
    pub answers: Vec<StoredAnswer>,
    pub agreements: Vec<Agreement>,
    /// Last year's agreements, to follow up.
    pub previous_agreements: Vec<Agreement>,
    pub facts: Facts,
    pub funds: Option<Funds>,
    pub swv_name: String,
}

impl ConversationView {
    pub fn answer(&self, key: &str, phase: AnswerPhase) -> Option<&StoredAnswer> {
        self.answers.iter().find(|a| a.key == key && a.phase == phase)
    }

    /// The version a writer must send for this key in the phase that is written now.
    pub fn version_of(&self, key: &str) -> i64 {
        self.answer(key, self.writing_phase()).map_or(0, |a| a.version)
    }

    /// Before the conversation the school prepares; once held, the conversation is recorded.
    pub fn writing_phase(&self) -> AnswerPhase {
        phase_of(&self.conversation)
    }
}

fn phase_of(conversation: &Conversation) -> AnswerPhase {
    if conversation.held_at.is_some() { AnswerPhase::Conversation } else { AnswerPhase::Preparation }
}

pub fn state_of(conversation: &Conversation) -> ConversationState {
    ConversationState::of(
        usize::try_from(conversation.prepared_answers).unwrap_or(0),
        conversation.held_at.is_some(),
        conversation.is_fixed(),
    )
}

/// What the SWV types when it plans.
pub struct PlanInput<'a> {
    pub location: &'a str,
    pub year: SchoolYear,
    /// `YYYY-MM-DD`
    pub date: &'a str,
    /// `HH:MM`, Dutch time.
    pub time: &'a str,
    pub minutes: i64,
    pub place: &'a str,
    pub video_link: Option<&'a str>,
    pub attendees: Vec<Attendee>,
    pub consultant: &'a str,
}

/// What became of an answer's save.
pub enum AnswerOutcome {
    Saved { version: i64, phase: AnswerPhase },
    Conflict { current: Option<StoredAnswer>, version: i64 },
}

fn this_year() -> u16 {
    crate::lifecycle::today().0
}

/// Reads a plan's fields; every problem is named by its field.
fn parse_plan(input: &PlanInput<'_>) -> Result<Plan, FieldProblems> {
    let mut problems = FieldProblems::new();
    let day = parse_day(input.date);
    if day.is_none() {
        problems.push(("date", Message::new("conv-date-invalid")));
    }
    let time =
        input.time.trim().split_once(':').and_then(|(h, m)| Some((h.parse::<u8>().ok()?, m.parse::<u8>().ok()?)));
    let time = time.filter(|(h, m)| *h < 24 && *m < 60);
    if time.is_none() {
        problems.push(("time", Message::new("conv-time-invalid")));
    }
    if !(15..=MAX_MINUTES).contains(&input.minutes) {
        problems.push(("minutes", Message::new("conv-minutes-invalid")));
    }
    let year = this_year();
    let text = |field: &'static str, raw: &str, required: bool, problems: &mut FieldProblems| -> String {
        match check_text(raw, year) {
            Ok(t) if required && t.is_empty() => {
                problems.push((field, Message::new("conv-required")));
                t
            }
            Ok(t) if t.chars().count() > 300 => {
                problems.push((field, Message::new("conv-text-too-long").with("max", 300_i64)));
                t
            }
            Ok(t) => t,
            Err(m) => {
                problems.push((field, m));
                String::new()
            }
        }
    };
    let place = text("place", input.place, false, &mut problems);
    let consultant = text("consultant", input.consultant, true, &mut problems);
    let video_link = input.video_link.map(|v| text("video_link", v, false, &mut problems)).filter(|v| !v.is_empty());
    if video_link.as_deref().is_some_and(|v| !(v.starts_with("https://") || v.starts_with("http://"))) {
        problems.push(("video_link", Message::new("conv-link-invalid")));
    }
    if place.is_empty() && video_link.is_none() {
        problems.push(("place", Message::new("conv-place-missing")));
    }
    let mut attendees = Vec::new();
    for attendee in &input.attendees {
        let name = text("attendees", &attendee.name, false, &mut problems);
        if name.is_empty() {
            continue;
        }
        let role = text("attendees", &attendee.role, false, &mut problems);
        let email = attendee.email.as_deref().map(str::trim).filter(|e| !e.is_empty()).map(str::to_owned);
        if email.as_deref().is_some_and(|e| !crate::Mailer::can_address(e)) {
            problems.push(("attendees", Message::new("conv-email-invalid")));
        }
        let side = if attendee.side == "swv" { "swv" } else { "school" };
        attendees.push(Attendee { name, role, side: side.to_owned(), email });
    }
    if attendees.len() > 20 {
        problems.push(("attendees", Message::new("conv-attendees-too-many")));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let (day, (hour, minute)) = (day.unwrap_or((2026, 1, 1)), time.unwrap_or((0, 0)));
    let starts_at = passend_domain::conversations::dutch_moment(day, hour, minute).unwrap_or_default();
    Ok(Plan { starts_at, minutes: input.minutes, place, video_link, attendees, consultant })
}

/// An agreement's fields, checked.
pub fn parse_agreement(
    guide: &Guide,
    what: &str,
    who: &str,
    due: Option<&str>,
    goal: Option<&str>,
) -> Result<AgreementInput, FieldProblems> {
    let mut problems = FieldProblems::new();
    let year = this_year();
    let what = match check_text(what, year) {
        Ok(t) if t.is_empty() => {
            problems.push(("what", Message::new("conv-required")));
            t
        }
        Ok(t) => t,
        Err(m) => {
            problems.push(("what", m));
            String::new()
        }
    };
    let who = check_text(who, year).unwrap_or_else(|m| {
        problems.push(("who", m));
        String::new()
    });
    let due = due.map(str::trim).filter(|d| !d.is_empty());
    if due.is_some_and(|d| parse_day(d).is_none()) {
        problems.push(("due", Message::new("conv-date-invalid")));
    }
    let goal = goal.map(str::trim).filter(|g| !g.is_empty());
    if goal.is_some_and(|g| guide.goal(g).is_none()) {
        problems.push(("goal", Message::new("conv-guide-goal-unknown")));
    }
    if problems.is_empty() {
        Ok(AgreementInput { what, who, due_on: due.map(str::to_owned), goal_key: goal.map(str::to_owned) })
    } else {
        Err(problems)
    }
}

fn fixed(error: passend_storage::StorageError) -> Error {
    match error {
        passend_storage::StorageError::Conflict => Error::Conflict(vec![("state", Message::new("conv-fixed"))]),
        other => other.into(),
    }
}

impl App {
    /// The SWV named in a URL, if the actor is its staff or admin.
    pub async fn swv_conversations_scope(&self, actor: &Actor, code: &str) -> Result<SwvConversations> {
        let code = SwvCode::parse(code).map_err(|_| Error::NotFound)?;
        self.db.swv(code.as_str()).await?.ok_or(Error::NotFound)?;
        let planning = access::plan_conversations(actor, code.as_str())?;
        let edit = access::edit_swv(actor, code.as_str()).ok();
        Ok(SwvConversations { code, planning, edit })
    }

    /// One conversation, if the actor takes part in it or reads it: not
    /// found for anyone else (an id tells nothing).
    pub async fn on_conversation(&self, actor: &Actor, id: i64) -> Result<OnConversation> {
        let parties = self.db.conversation_parties(id).await?.ok_or(Error::NotFound)?;
        let school = OrgRef { kind: passend_domain::organisations::OrgKind::School, code: parties.brin.clone() };
        let context = self.db.org_context(&school).await?.ok_or(Error::NotFound)?;
        let access = access::conversation_access(actor, &parties.swv_code, &school, &context, parties.annexed())
            .map_err(|_| Error::NotFound)?;
        let year = SchoolYear::parse(&parties.school_year).ok_or(Error::NotFound)?;
        Ok(OnConversation { id, access, year, location_code: parties.location_code, actor: actor.clone() })
    }

    /// A school's conversations that the actor takes part in or reads, newest
    /// year first, each with its state. Forbidden to people who do not see the school.
    pub async fn school_conversations(
        &self,
        actor: &Actor,
        brin: &str,
    ) -> Result<Vec<(Conversation, ConversationState)>> {
        let brin = brin.to_uppercase();
        let school = OrgRef { kind: passend_domain::organisations::OrgKind::School, code: brin.clone() };
        let context = self.db.org_context(&school).await?.ok_or(Error::NotFound)?;
        access::view_org(actor, &school, &context)?;
        let mut list = Vec::new();
        for (id, parties) in self.db.school_conversation_parties(&brin).await? {
            let Ok(access) =
                access::conversation_access(actor, &parties.swv_code, &school, &context, parties.annexed())
            else {
                continue;
            };
            let conversation = self.db.conversation(&access, id).await?;
            let state = state_of(&conversation);
            list.push((conversation, state));
        }
        Ok(list)
    }

    // ---- guide ----

    /// The guide for the year: the SWV's newest version, or (version 0) Passend's default.
    pub async fn conversation_guide(&self, scope: &SwvConversations, year: SchoolYear) -> Result<StoredGuide> {
        Ok(self.db.latest_guide(scope.code.as_str(), year).await?.unwrap_or_else(|| StoredGuide {
            id: 0,
            version: 0,
            guide: default_guide(),
            published: false,
            updated_at: 0,
        }))
    }

    /// Saves (and with `publish` publishes) the year's guide: a published
    /// guide changes only by a new version. The SWV's admins.
    pub async fn save_conversation_guide(
        &self,
        actor: &Actor,
        scope: &SwvConversations,
        year: SchoolYear,
        guide: &Guide,
        publish: bool,
    ) -> Result<Result<StoredGuide, Vec<(String, Message)>>> {
        let edit = scope.edit()?;
        if let Err(problems) = guide.check() {
            return Ok(Err(problems));
        }
        Ok(Ok(self.db.save_guide(edit, year, guide, publish, actor.user_id()).await?))
    }

    /// Starts the year's guide from last year's (or the default), as a draft.
    pub async fn copy_guide_forward(
        &self,
        actor: &Actor,
        scope: &SwvConversations,
        year: SchoolYear,
    ) -> Result<StoredGuide> {
        let edit = scope.edit()?;
        let last = self.db.latest_guide(scope.code.as_str(), year.previous()).await?;
        let guide = last.map_or_else(default_guide, |g| g.guide);
        Ok(self.db.save_guide(edit, year, &guide, false, actor.user_id()).await?)
    }

    // ---- funds ----

    pub async fn fund_rates(&self, scope: &SwvConversations, year: SchoolYear) -> Result<Option<FundRates>> {
        Ok(self.db.fund_rates(scope.code.as_str(), year).await?)
    }

    /// Every location with its pupil count (the SWV's own for the year, else DUO's) and funds.
    pub async fn funds_list(
        &self,
        scope: &SwvConversations,
        year: SchoolYear,
    ) -> Result<(Option<FundRates>, Vec<(SwvLocation, Option<Funds>)>)> {
        let rates = self.fund_rates(scope, year).await?;
        let locations = self.db.swv_locations(scope.code.as_str(), year).await?;
        let rows = locations
            .into_iter()
            .map(|l| {
                let funds = rates.zip(l.swv_pupils.or(l.duo_pupils)).map(|(r, p)| r.for_pupils(p));
                (l, funds)
            })
            .collect();
        Ok((rates, rows))
    }

    /// Sets the amounts per pupil and the SWV's own counts (the SWV's admins).
    pub async fn save_funds(
        &self,
        actor: &Actor,
        scope: &SwvConversations,
        year: SchoolYear,
        rates: FundRates,
        counts: &[(String, Option<i64>)],
    ) -> Result<Result<(), FieldProblems>> {
        let edit = scope.edit()?;
        if let Err(problems) = rates.check() {
            return Ok(Err(problems));
        }
        if counts.iter().any(|(_, c)| c.is_some_and(|c| !(0..=100_000).contains(&c))) {
            return Ok(Err(vec![("pupils", Message::new("conv-figure-negative"))]));
        }
        self.db.save_funds(edit, year, rates, counts, actor.user_id()).await?;
        Ok(Ok(()))
    }

    // ---- planning and the list ----

    /// Every location of the SWV with its conversation of the year (if planned).
    pub async fn conversation_list(&self, scope: &SwvConversations, year: SchoolYear) -> Result<Vec<ListRow>> {
        let locations = self.db.swv_locations(scope.code.as_str(), year).await?;
        let mut conversations: std::collections::HashMap<String, Conversation> = self
            .db
            .swv_conversations(&scope.planning, Some(year))
            .await?
            .into_iter()
            .map(|c| (c.location_code.clone(), c))
            .collect();
        Ok(locations
            .into_iter()
            .map(|location| {
                let conversation = conversations.remove(&location.code).map(|c| {
                    let state = state_of(&c);
                    (c, state)
                });
                ListRow { location, conversation }
            })
            .collect())
    }

    /// Plans a conversation and mails every attendee with an address an invitation with an `.ics`.
    pub async fn plan_conversation(
        &self,
        actor: &Actor,
        scope: &SwvConversations,
        input: &PlanInput<'_>,
    ) -> Result<Result<i64, FieldProblems>> {
        let plan = match parse_plan(input) {
            Ok(plan) => plan,
            Err(problems) => return Ok(Err(problems)),
        };
        let guide = self.db.published_guide(scope.code.as_str(), input.year).await?;
        let id = match self
            .db
            .plan_conversation(&scope.planning, input.year, input.location, guide.map(|g| g.id), &plan, actor.user_id())
            .await
        {
            Ok(id) => id,
            Err(passend_storage::StorageError::Conflict) => {
                return Ok(Err(vec![("location", Message::new("conv-already-planned"))]));
            }
            Err(passend_storage::StorageError::NotFound) => {
                return Ok(Err(vec![("location", Message::new("conv-location-unknown"))]));
            }
            Err(other) => return Err(other.into()),
        };
        let on = self.on_conversation(actor, id).await?;
        let conversation = self.db.conversation(&on.access, id).await?;
        self.send_invitations(&conversation, false).await?;
        Ok(Ok(id))
    }

    /// Changes the plan and mails the attendees the changed invitation.
    pub async fn replan_conversation(
        &self,
        on: &OnConversation,
        input: &PlanInput<'_>,
    ) -> Result<Result<(), FieldProblems>> {
        let access = on.writer()?;
        if on.side() != ConversationSide::Swv {
            return Err(Error::Forbidden);
        }
        let plan = match parse_plan(input) {
            Ok(plan) => plan,
            Err(problems) => return Ok(Err(problems)),
        };
        self.db.replan_conversation(access, on.id, &plan).await.map_err(fixed)?;
        let conversation = self.db.conversation(access, on.id).await?;
        self.send_invitations(&conversation, true).await?;
        Ok(Ok(()))
    }

    // ---- one conversation ----

    /// The conversation with its guide and the guide's version (0: the
    /// default), without what Passend knows beside it: all a write needs.
    async fn conversation_with_guide(&self, on: &OnConversation) -> Result<(Conversation, Guide, i64)> {
        let conversation = self.db.conversation(&on.access, on.id).await?;
        let (guide, guide_version) = match conversation.guide_id {
            Some(id) => {
                let stored = self.db.guide_by_id(&on.access, id).await?;
                (stored.guide, stored.version)
            }
            None => (default_guide(), 0),
        };
        Ok((conversation, guide, guide_version))
    }

    /// The guide the conversation was planned with.
    pub async fn guide_of_conversation(&self, on: &OnConversation) -> Result<Guide> {
        Ok(self.conversation_with_guide(on).await?.1)
    }

    pub async fn conversation_view(&self, on: &OnConversation) -> Result<ConversationView> {
        let (conversation, guide, guide_version) = self.conversation_with_guide(on).await?;
        let answers = self.db.conversation_answers(&on.access, on.id).await?;
        let agreements = self.db.agreements(&on.access, on.id).await?;
        let previous_agreements =
            match self.db.conversation_of_year(&on.access, &on.location_code, on.year.previous()).await? {
                Some(last) => self.db.agreements(&on.access, last.id).await?,
                None => Vec::new(),
            };
        let facts = self.conversation_facts(on, &conversation).await?;
        let rates = self.db.fund_rates(on.access.swv(), on.year).await?;
        let pupils = self
            .db
            .swv_locations(on.access.swv(), on.year)
            .await?
            .into_iter()
            .find(|l| l.code == conversation.location_code)
            .and_then(|l| l.swv_pupils.or(l.duo_pupils));
        let funds = rates.zip(pupils).map(|(r, p)| r.for_pupils(p));
        let swv_name = self
            .db
            .swv(on.access.swv())
            .await?
            .and_then(|s| s.details.name)
            .unwrap_or_else(|| on.access.swv().to_owned());
        Ok(ConversationView {
            state: state_of(&conversation),
            conversation,
            guide,
            guide_version,
            answers,
            agreements,
            previous_agreements,
            facts,
            funds,
            swv_name,
        })
    }

    /// Saves one answer: the school's preparation before the conversation is
    /// held, the conversation's record after. The SWV's side records only once
    /// the conversation is held; the school prepares only before.
    pub async fn save_conversation_answer(
        &self,
        actor: &Actor,
        on: &OnConversation,
        key: &str,
        value: &Value,
        version: i64,
    ) -> Result<Result<AnswerOutcome, FieldProblems>> {
        let access = on.writer()?;
        // Only the conversation and its guide: an autosave per keystroke pause
        // must not compute the facts, funds and scan beside the guide.
        let (conversation, guide, _) = self.conversation_with_guide(on).await?;
        if conversation.is_fixed() {
            return Err(fixed(passend_storage::StorageError::Conflict));
        }
        let question = guide.question(key).ok_or(Error::NotFound)?;
        let phase = phase_of(&conversation);
        if phase == AnswerPhase::Preparation && on.side() == ConversationSide::Swv {
            return Err(Error::Conflict(vec![("state", Message::new("conv-not-held-yet"))]));
        }
        let parsed = match parse_answer(question, value, this_year()) {
            Ok(parsed) => parsed,
            Err(message) => return Ok(Err(vec![("value", message)])),
        };
        let saved = self
            .db
            .save_conversation_answer(access, on.id, key, phase, parsed.as_ref(), version, actor.user_id())
            .await
            .map_err(fixed)?;
        Ok(Ok(match saved {
            AnswerSave::Saved { version } => AnswerOutcome::Saved { version, phase },
            AnswerSave::Conflict { current, version } => AnswerOutcome::Conflict { current, version },
        }))
    }

    /// Marks the conversation held (or not yet), and sets who writes the
    /// report and whether the school makes it an annex of its profile (only
    /// the school decides that). Takes earlier confirmations away.
    pub async fn set_conversation_details(
        &self,
        on: &OnConversation,
        held: Option<bool>,
        report_author: Option<&str>,
        annexed: Option<bool>,
    ) -> Result<Result<(), FieldProblems>> {
        let access = on.writer()?;
        if annexed.is_some() && on.side() != ConversationSide::School {
            return Err(Error::Forbidden);
        }
        let author = match report_author.map(|a| check_text(a, this_year())).transpose() {
            Ok(author) => author,
            Err(message) => return Ok(Err(vec![("report_author", message)])),
        };
        self.db.set_conversation_details(access, on.id, held, author.as_deref(), annexed).await.map_err(fixed)?;
        Ok(Ok(()))
    }

    pub async fn add_agreement(&self, on: &OnConversation, input: &AgreementInput) -> Result<Agreement> {
        let access = on.writer()?;
        self.db.add_agreement(access, on.id, input).await.map_err(fixed)
    }

    /// Rewrites an agreement; `Err(current)` inside when someone changed it first.
    pub async fn update_agreement(
        &self,
        on: &OnConversation,
        agreement_id: i64,
        input: &AgreementInput,
        version: i64,
    ) -> Result<Result<Agreement, Agreement>> {
        let access = on.writer()?;
        self.db.update_agreement(access, on.id, agreement_id, input, version).await.map_err(fixed)
    }

    pub async fn delete_agreement(&self, on: &OnConversation, agreement_id: i64) -> Result<()> {
        let access = on.writer()?;
        self.db.delete_agreement(access, on.id, agreement_id).await.map_err(fixed)
    }

    /// Follows up one of last year's agreements in this year's conversation.
    pub async fn follow_up_agreement(
        &self,
        on: &OnConversation,
        agreement_id: i64,
        status: AgreementStatus,
        note: Option<&str>,
        version: i64,
    ) -> Result<Result<Result<Agreement, Agreement>, FieldProblems>> {
        let access = on.writer()?;
        let note = match note.map(|n| check_text(n, this_year())).transpose() {
            Ok(note) => note.filter(|n| !n.is_empty()),
            Err(message) => return Ok(Err(vec![("note", message)])),
        };
        Ok(Ok(self
            .db
            .set_agreement_status(access, on.id, agreement_id, status, note.as_deref(), version)
            .await
            .map_err(fixed)?))
    }

    /// One side confirms the report with a name; when both have, the report is
    /// fixed with its hash. Returns whether it is fixed now.
    pub async fn confirm_conversation(&self, on: &OnConversation, name: &str) -> Result<Result<bool, FieldProblems>> {
        let access = on.writer()?;
        let name = match check_text(name, this_year()) {
            Ok(n) if n.is_empty() => return Ok(Err(vec![("name", Message::new("conv-required"))])),
            Ok(n) => n,
            Err(message) => return Ok(Err(vec![("name", message)])),
        };
        let view = self.conversation_view(on).await?;
        if view.conversation.held_at.is_none() {
            return Err(Error::Conflict(vec![("state", Message::new("conv-not-held-yet"))]));
        }
        let swv_side = on.side() == ConversationSide::Swv;
        let fixed_now = self
            .db
            .confirm_conversation(access, on.id, swv_side, &name, |stored| {
                let content = report::content_of(&view, stored);
                let json = serde_json::to_string(&content).ok()?;
                Some((json, passend_domain::conversations::report_hash(&content)))
            })
            .await
            .map_err(fixed)?;
        Ok(Ok(fixed_now))
    }

    /// The report: as fixed when both confirmed, else as it stands now.
    pub async fn conversation_report(
        &self,
        on: &OnConversation,
    ) -> Result<(passend_domain::conversations::ReportContent, Option<String>)> {
        let view = self.conversation_view(on).await?;
        if let (Some(json), Some(hash)) = (&view.conversation.report_json, &view.conversation.report_hash) {
            let content = serde_json::from_str(json).map_err(|e| Error::internal("reading a fixed report", e))?;
            return Ok((content, Some(hash.clone())));
        }
        Ok((report::content_of(&view, &view.conversation), None))
    }

    /// The reports of a location that the school made annexes of its profile: (id, year, SWV).
    pub async fn profile_annexes(&self, brin: &str, location_code: &str) -> Result<Vec<(i64, String, String)>> {
        Ok(self.db.annexed_reports(brin, location_code).await?)
    }

    /// The year a page asks for; this school year by default.
    pub fn conversation_year(raw: Option<&str>) -> SchoolYear {
        raw.and_then(SchoolYear::parse).unwrap_or_else(current_year)
    }
}
