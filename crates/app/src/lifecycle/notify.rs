//! Mail at every hand-over: the people who take the next step hear of it.

use passend_domain::access::{ProfileSteps, Role};
use passend_domain::lifecycle::Step;
use passend_i18n::Lang;

use crate::App;
use crate::questionnaire::LoadedProfile;

/// Who hears of a step, and which message they get (a catalogue id prefix).
fn audiences(step: Step) -> &'static [(&'static [Role], &'static str)] {
    match step {
        Step::AskTeamReview => &[(&[Role::TeamMember, Role::Ib, Role::Director], "mail-review-asked")],
        Step::AskMrAdvice => &[(&[Role::MrMember], "mail-advice-asked")],
        Step::RecordAdvice => {
            &[(&[Role::Director, Role::Ib], "mail-advice-given"), (&[Role::BoardMember], "mail-adoption-asked")]
        }
        Step::Adopt => &[(&[Role::Director, Role::Ib, Role::MrMember], "mail-adopted")],
        Step::Publish => &[(&[Role::TeamMember, Role::Ib, Role::Director, Role::MrMember], "mail-published")],
        Step::BackToConcept => &[],
    }
}

/// Sends the hand-over mails. The step itself is already taken: a mail that
/// cannot be queued is logged, not turned into an error for the person.
impl App {
    pub(crate) async fn hand_over(&self, loaded: &LoadedProfile, steps: &ProfileSteps, step: Step) {
        let lang = Lang::Nl;
        let school = match self.db.school(&loaded.profile.brin).await {
            Ok(Some(school)) => school,
            _ => return,
        };
        let location = school
            .locations
            .iter()
            .find(|l| l.code == loaded.profile.location_code)
            .map_or_else(|| loaded.profile.location_code.clone(), |l| l.name.clone());
        let link = self.link(&format!("/profielen/{}", loaded.profile.id));
        for (roles, message) in audiences(step) {
            let recipients = match self.db.step_recipients(steps, loaded.context.board.as_deref(), roles).await {
                Ok(recipients) => recipients,
                Err(error) => {
                    tracing::warn!(%error, "hand-over recipients unknown");
                    continue;
                }
            };
            let args = |name: &str| {
                vec![
                    ("name", name.to_owned().into()),
                    ("location", location.clone().into()),
                    ("year", loaded.profile.school_year.clone().into()),
                    ("link", link.clone().into()),
                ]
            };
            for recipient in recipients {
                let args = args(&recipient.name);
                let subject = lang.t_with(&format!("{message}-subject"), &args);
                let body = lang.t_with(&format!("{message}-body"), &args);
                if let Err(error) = self.mailer.send(&recipient.email, &subject, &body).await {
                    tracing::warn!(%error, step = step.as_str(), "hand-over mail not queued");
                }
            }
        }
    }
}
