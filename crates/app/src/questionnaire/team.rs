//! Opening the questionnaire to the team, and the mail that tells the team.

use passend_domain::access::{self, Actor};
use passend_i18n::Lang;

use super::LoadedProfile;
use crate::{App, Result};

/// What opening or closing the questionnaire did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TeamAccessChange {
    /// Opened now; this many people of the team got a mail with the link.
    Opened {
        mailed: usize,
    },
    Closed,
    /// It was open (or closed) already: nothing changed, nobody was mailed.
    Unchanged,
}

impl App {
    /// Opens or closes the questionnaire for the team (coordinators). Opening
    /// it mails everyone of the team (team members, IB-ers, directors) but the
    /// person who opened it, with the link to the profile.
    pub async fn set_open_for_team(
        &self,
        actor: &Actor,
        loaded: &LoadedProfile,
        open: bool,
    ) -> Result<TeamAccessChange> {
        let coordination = access::coordinate_profiles(actor, &loaded.school)?;
        if !self.db.set_open_for_team(&coordination, loaded.profile.id, open).await? {
            return Ok(TeamAccessChange::Unchanged);
        }
        if !open {
            return Ok(TeamAccessChange::Closed);
        }
        let team = self.db.team_of_school(&coordination).await?;
        let (school, location) = self.profile_names(&loaded.profile).await?;
        let link = self.link(&format!("/profielen/{}", loaded.profile.id));
        let lang = Lang::Nl;
        let mut mailed = 0;
        for person in team.into_iter().filter(|p| p.user_id != actor.user_id()) {
            let args = [
                ("name", person.name.into()),
                ("school", school.clone().into()),
                ("location", location.clone().into()),
                ("year", loaded.profile.school_year.clone().into()),
                ("link", link.clone().into()),
            ];
            let subject = lang.t_with("mail-team-open-subject", &args);
            let body = lang.t_with("mail-team-open-body", &args);
            // The questionnaire is open already: a mail that cannot be queued
            // is logged and not counted, not turned into an error.
            match self.mailer.send(&person.email, &subject, &body).await {
                Ok(()) => mailed += 1,
                Err(error) => tracing::warn!(%error, "team mail not queued"),
            }
        }
        Ok(TeamAccessChange::Opened { mailed })
    }
}
