//! The reminders job: a week and a day before each milestone of the time
//! line, the people who take that step get a mail. Each reminder is claimed
//! and queued in one transaction, so it goes out once, also after a restart
//! and with several servers on one database.

use passend_domain::access::Role;
use passend_domain::lifecycle::{Day, MilestoneKind, dutch_day, iso_day, parse_day, reminders_due};
use passend_i18n::Lang;
use passend_storage::planning::QueuedMail;

use crate::{App, Result};

fn roles_for(kind: MilestoneKind) -> &'static [Role] {
    match kind {
        MilestoneKind::ConceptReady | MilestoneKind::Publication | MilestoneKind::SchoolGuide => {
            &[Role::Director, Role::Ib]
        }
        MilestoneKind::TeamReview => &[Role::Director, Role::Ib, Role::TeamMember],
        MilestoneKind::MrAdvice => &[Role::Director, Role::Ib, Role::MrMember],
        MilestoneKind::Adoption => &[Role::Director, Role::BoardMember],
    }
}

/// Sends the reminders due on `today`; returns how many this run claimed.
impl App {
    pub async fn send_due_reminders(&self, today: Day) -> Result<usize> {
        let lang = Lang::Nl;
        let mut claimed = 0;
        for milestone in self.db.open_milestones(&iso_day(today), "9999-12-31").await? {
            let Some(due) = parse_day(&milestone.due_on) else { continue };
            let Some((send, passed)) = reminders_due(due, today) else { continue };
            let mut days = vec![send];
            days.extend(passed.into_iter().filter(|d| *d != send));
            let recipients = self
                .db
                .reminder_recipients(&milestone.brin, milestone.board.as_deref(), roles_for(milestone.kind))
                .await?;
            let link = self.link(&format!("/profielen/{}/planning", milestone.profile_id));
            let mails: Vec<QueuedMail> = recipients
                .into_iter()
                .map(|(to, name)| {
                    let args = [
                        ("name", name.into()),
                        ("location", milestone.location_name.clone().into()),
                        ("year", milestone.school_year.clone().into()),
                        ("milestone", lang.t(milestone.kind.message_id()).into()),
                        ("date", dutch_day(due).into()),
                        ("days", send.into()),
                        ("link", link.clone().into()),
                    ];
                    QueuedMail {
                        to,
                        subject: lang.t_with("mail-reminder-subject", &args),
                        body: lang.t_with("mail-reminder-body", &args),
                    }
                })
                .collect();
            let ids = self.db.claim_reminder(milestone.id, &milestone.due_on, &days, &mails).await?;
            if ids.is_empty() && !mails.is_empty() {
                continue;
            }
            // The mails were queued with the claim; the jobs worker sends them.
            claimed += 1;
        }
        if claimed > 0 {
            self.wake_worker();
        }
        Ok(claimed)
    }
}

/// Today's date in the Netherlands (a deadline ends at Dutch midnight, not at UTC's).
pub fn today() -> Day {
    passend_domain::calendar::today_in_netherlands(time::OffsetDateTime::now_utc().unix_timestamp())
}
