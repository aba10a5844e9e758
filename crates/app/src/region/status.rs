//! The status board: which step each location's profile is at, overdue
//! reviews, who at each school a reminder reaches, and the reminders from the
//! SWV (one location, or every location whose review is overdue; at most one
//! a day per location), logged with whom they reached.

use passend_domain::access::{self, Actor, Role};
use passend_domain::lifecycle::{
    ProfileState, ReminderOutcome, ReminderRecipient, SWV_REMINDER_ROLES, Version, dutch_day, needs_reminder,
    parse_day, reminder_outcome, review_overdue,
};
use passend_domain::organisations::{OrgKind, OrgRef};
use passend_domain::questionnaire::SchoolYear;
use passend_i18n::Lang;
use passend_storage::planning::QueuedMail;
pub use passend_storage::swv_reminders::StoredReminder;
use passend_storage::swv_reminders::{NewRound, RoundEntry};

use super::SwvScope;
use crate::lifecycle::today;
use crate::{App, Error, Result};

/// The most reminders the log shows for a school year.
const LOG_LIMIT: i64 = 200;

pub struct StatusRow {
    pub code: String,
    pub name: String,
    pub brin: String,
    pub state: Option<ProfileState>,
    /// The year's profile is generated sample data (the demo's region), not the school's own.
    pub generated: bool,
    pub last_step_at: Option<i64>,
    /// The latest adoption's review date, when it has passed without a newer adoption.
    pub overdue_since: Option<String>,
    /// Whom a reminder reaches: the school's director and IB-ers in Passend.
    pub reach: Vec<ReminderRecipient>,
    /// The board offers a reminder (not adopted this year, or the review is overdue).
    pub needs_reminder: bool,
}

/// Who sends a reminder.
pub struct Sender<'a> {
    pub actor: &'a Actor,
    pub name: &'a str,
}

/// What one round of reminders came to.
pub struct ReminderRound {
    pub id: i64,
    pub sent_at: i64,
    pub results: Vec<ReminderResult>,
}

impl ReminderRound {
    /// How many locations had each outcome.
    pub fn count(&self, outcome: ReminderOutcome) -> usize {
        self.results.iter().filter(|r| r.outcome == outcome).count()
    }

    /// How many people were mailed.
    pub fn people_reached(&self) -> usize {
        self.results.iter().map(|r| r.recipients.len()).sum()
    }
}

/// What the round came to for one location.
pub struct ReminderResult {
    pub location_code: String,
    pub location_name: String,
    pub brin: String,
    pub outcome: ReminderOutcome,
    /// The people mailed (empty unless sent).
    pub recipients: Vec<ReminderRecipient>,
    /// Where the sender can invite the school's director, when nobody could
    /// be reminded and the sender may invite one.
    pub invite_director: Option<String>,
}

/// The page where a school's director is invited (the members page of the school, role chosen).
pub fn invite_director_path(brin: &str) -> String {
    format!("/organisaties/school/{brin}/leden?rol={}#invite", Role::Director.as_str())
}

impl App {
    /// A row per location of the SWV for the school year.
    pub async fn status_board(&self, scope: &SwvScope, year: SchoolYear) -> Result<Vec<StatusRow>> {
        let locations = self.region_offers(scope, year).await?;
        let statuses = self.db.profile_statuses(&scope.view).await?;
        let reach = self.db.swv_reminder_reach(&scope.view, &SWV_REMINDER_ROLES).await?;
        let today = today();
        let this_year = year.to_string();
        Ok(locations
            .into_iter()
            .map(|location| {
                let mine: Vec<_> = statuses.iter().filter(|s| s.location_code == location.code).collect();
                let current = mine.iter().find(|s| s.school_year == this_year);
                // The same review rule as the dashboards' overdue task.
                let versions: Vec<Version> = mine
                    .iter()
                    .filter_map(|s| {
                        Some(Version {
                            year: SchoolYear::parse(&s.school_year)?,
                            state: s.state?,
                            adopted_on: s.adopted_on.as_deref().and_then(parse_day),
                        })
                    })
                    .collect();
                let overdue_since = review_overdue(&versions, today).map(dutch_day);
                let state = current.and_then(|s| s.state);
                StatusRow {
                    needs_reminder: needs_reminder(state, overdue_since.is_some()),
                    reach: reach.iter().filter(|(brin, _)| *brin == location.brin).map(|(_, r)| r.clone()).collect(),
                    state,
                    generated: location.generated,
                    last_step_at: current.and_then(|s| s.last_step_at),
                    code: location.code,
                    name: location.name,
                    brin: location.brin,
                    overdue_since,
                }
            })
            .collect())
    }

    /// Reminds one location of the SWV: mails its director and IB-ers, or
    /// tells that it has nobody to remind, or that it had a reminder today.
    pub async fn remind_location(
        &self,
        sender: Sender<'_>,
        scope: &SwvScope,
        year: SchoolYear,
        location: &str,
    ) -> Result<ReminderRound> {
        let rows = self.status_board(scope, year).await?;
        let row = rows.into_iter().find(|r| r.code == location).ok_or(Error::NotFound)?;
        self.send_reminders(sender, scope, year, vec![row]).await
    }

    /// Reminds every location of the SWV whose review is overdue; `None` when there is none.
    pub async fn remind_overdue(
        &self,
        sender: Sender<'_>,
        scope: &SwvScope,
        year: SchoolYear,
    ) -> Result<Option<ReminderRound>> {
        let rows: Vec<StatusRow> =
            self.status_board(scope, year).await?.into_iter().filter(|r| r.overdue_since.is_some()).collect();
        if rows.is_empty() {
            return Ok(None);
        }
        Ok(Some(self.send_reminders(sender, scope, year, rows).await?))
    }

    /// One round of the SWV's reminders, with what came of it per location.
    pub async fn reminder_round(&self, actor: &Actor, scope: &SwvScope, id: i64) -> Result<ReminderRound> {
        let stored = self.db.swv_reminder_round(&scope.view, id).await?.ok_or(Error::NotFound)?;
        let sent_at = stored.first().map_or(0, |r| r.sent_at);
        let mut results = Vec::with_capacity(stored.len());
        for reminder in stored {
            let invite_director = if reminder.outcome == ReminderOutcome::Nobody
                && self.may_invite_director(actor, &reminder.brin).await?
            {
                Some(invite_director_path(&reminder.brin))
            } else {
                None
            };
            results.push(ReminderResult {
                location_code: reminder.location_code,
                location_name: reminder.location_name,
                brin: reminder.brin,
                outcome: reminder.outcome,
                recipients: reminder.recipients,
                invite_director,
            });
        }
        Ok(ReminderRound { id, sent_at, results })
    }

    /// The SWV's reminders of the school year that reached someone, newest first.
    pub async fn sent_reminders(&self, scope: &SwvScope, year: SchoolYear) -> Result<Vec<StoredReminder>> {
        Ok(self.db.swv_reminders_sent(&scope.view, &year.to_string(), LOG_LIMIT).await?)
    }

    /// Whether the actor may invite a director at the school (an admin of one of its SWVs).
    async fn may_invite_director(&self, actor: &Actor, brin: &str) -> Result<bool> {
        let school = OrgRef { kind: OrgKind::School, code: brin.to_owned() };
        let Some(ctx) = self.org_context(&school).await? else { return Ok(false) };
        Ok(access::invitable_roles(actor, &school, &ctx).contains(&Role::Director))
    }

    /// Sends the reminders of one round and logs it with its mails, in one transaction.
    async fn send_reminders(
        &self,
        sender: Sender<'_>,
        scope: &SwvScope,
        year: SchoolYear,
        rows: Vec<StatusRow>,
    ) -> Result<ReminderRound> {
        let lang = Lang::Nl;
        let swv_name = self.display_name(lang, &OrgRef::swv(&scope.code)).await?;
        let mut outcomes = Vec::with_capacity(rows.len());
        let mut mails = Vec::new();
        for row in &rows {
            // Counted against the day's limit only when there is someone to mail.
            let already_today = !row.reach.is_empty() && !self.swv_reminder_allowed(&row.code).await?;
            let outcome = reminder_outcome(row.reach.len(), already_today);
            if outcome == ReminderOutcome::Sent {
                let link = self.link(&format!("/scholen/{}/profielen", row.brin));
                for person in &row.reach {
                    let args = [
                        ("name", person.name.clone().into()),
                        ("swv", swv_name.clone().into()),
                        ("location", row.name.clone().into()),
                        ("year", year.to_string().into()),
                        ("link", link.clone().into()),
                    ];
                    mails.push(QueuedMail {
                        to: person.email.clone(),
                        subject: lang.t_with("mail-swv-reminder-subject", &args),
                        body: lang.t_with("mail-swv-reminder-body", &args),
                    });
                }
            }
            outcomes.push(outcome);
        }
        let entries: Vec<RoundEntry> = rows
            .iter()
            .zip(&outcomes)
            .map(|(row, outcome)| RoundEntry {
                location_code: &row.code,
                outcome: *outcome,
                recipients: if *outcome == ReminderOutcome::Sent { row.reach.as_slice() } else { &[] },
            })
            .collect();
        let year_name = year.to_string();
        let round = NewRound { school_year: &year_name, sent_by: sender.actor.user_id(), sent_by_name: sender.name };
        // The mails are queued with the round; the jobs worker sends them.
        let (id, _outbox) = self.db.record_swv_reminders(&scope.view, round, &entries, &mails).await?;
        self.wake_worker();
        self.reminder_round(sender.actor, scope, id).await
    }
}
