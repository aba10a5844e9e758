//! The status board: which step each location's profile is at, overdue
//! reviews, and a reminder mail to a location (at most one a day).

use passend_domain::access::Role;
use passend_domain::lifecycle::{ProfileState, dutch_day, parse_day, review_due};
use passend_domain::organisations::OrgRef;
use passend_domain::questionnaire::SchoolYear;
use passend_i18n::Lang;

use super::SwvScope;
use crate::lifecycle::today;
use crate::{App, Error, Result};

pub struct StatusRow {
    pub code: String,
    pub name: String,
    pub brin: String,
    pub state: Option<ProfileState>,
    pub last_step_at: Option<i64>,
    /// The latest adoption's review date, when it has passed without a newer adoption.
    pub overdue_since: Option<String>,
}

impl App {
    /// A row per location of the SWV for the school year.
    pub async fn status_board(&self, scope: &SwvScope, year: SchoolYear) -> Result<Vec<StatusRow>> {
        let locations = self.region_offers(scope, year).await?;
        let statuses = self.db.profile_statuses(&scope.view).await?;
        let today = today();
        let this_year = year.to_string();
        Ok(locations
            .into_iter()
            .map(|location| {
                let mine: Vec<_> = statuses.iter().filter(|s| s.location_code == location.code).collect();
                let current = mine.iter().find(|s| s.school_year == this_year);
                let latest_adopted = mine
                    .iter()
                    .filter(|s| s.state.is_some_and(ProfileState::is_adopted))
                    .max_by(|a, b| a.school_year.cmp(&b.school_year));
                let overdue_since = latest_adopted.and_then(|s| {
                    let due = review_due(SchoolYear::parse(&s.school_year)?, parse_day(s.adopted_on.as_deref()?)?);
                    due.is_due(today).then(|| dutch_day(due.by()))
                });
                StatusRow {
                    state: current.and_then(|s| s.state),
                    last_step_at: current.and_then(|s| s.last_step_at),
                    code: location.code,
                    name: location.name,
                    brin: location.brin,
                    overdue_since,
                }
            })
            .collect())
    }

    /// Mails the location's director and IB-er a reminder from the SWV; `false`
    /// when it had one in the last day (nothing is sent then).
    pub async fn remind_location(&self, scope: &SwvScope, year: SchoolYear, location: &str) -> Result<bool> {
        let rows = self.status_board(scope, year).await?;
        let row = rows.iter().find(|r| r.code == location).ok_or(Error::NotFound)?;
        // One reminder a day per location: enough to nudge, too few to flood a mailbox.
        if !self.swv_reminder_allowed(&row.code).await? {
            return Ok(false);
        }
        let lang = Lang::Nl;
        let swv_name = self.display_name(lang, &OrgRef::swv(&scope.code)).await?;
        let link = self.link(&format!("/scholen/{}/profielen", row.brin));
        for (to, name) in self.db.reminder_recipients(&row.brin, None, &[Role::Director, Role::Ib]).await? {
            let args = [
                ("name", name.into()),
                ("swv", swv_name.clone().into()),
                ("location", row.name.clone().into()),
                ("year", year.to_string().into()),
                ("link", link.clone().into()),
            ];
            self.mailer
                .send(
                    &to,
                    &lang.t_with("mail-swv-reminder-subject", &args),
                    &lang.t_with("mail-swv-reminder-body", &args),
                )
                .await?;
        }
        Ok(true)
    }
}
