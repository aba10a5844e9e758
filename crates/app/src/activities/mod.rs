//! Activities: the public list, sign-up with wait list, cancellation by the
//! mailed link (promoting the first waiting), the organiser's participant
//! list and attendance, and the reminder two days before each session.

pub mod ics;

use passend_domain::access::{self, Actor};
use passend_domain::activities::{
    ActivityInput, REMINDER_BEFORE_SECS, RegistrationStatus, Window, check_activity, parse_sign_up, window_at,
};
use passend_domain::calendar::in_netherlands;
use passend_domain::organisations::{OrgRef, SwvCode};
use passend_domain::{FieldProblems, Message};
use passend_i18n::Lang;
pub use passend_storage::activities::{Activity, Registration, Session};
use passend_storage::activities::{CancelOutcome, SignUpOutcome};
use passend_storage::outbox::NewMail;

use crate::accounts::secrets::{random_token, token_hash};
use crate::{App, Error, Result};

/// What a sign-up gave: the place or the wait list, and the secret of the cancel link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedUp {
    pub status: RegistrationStatus,
    pub token: String,
}

/// What following a cancel link did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cancelled {
    Cancelled,
    /// The link was used before: nothing changed.
    AlreadyCancelled,
}

/// A sign-up as typed.
#[derive(Debug, Clone, Default)]
pub struct SignUpForm<'a> {
    pub name: &'a str,
    pub email: &'a str,
    /// A BRIN, an SWV code or a school's name; looked up in the directory.
    pub organisation: Option<&'a str>,
    pub role: Option<&'a str>,
}

/// `15-01-2027 09:00–11:00, Utrecht` for each session, one a line.
pub fn sessions_text(activity: &Activity) -> String {
    activity
        .sessions
        .iter()
        .map(|s| {
            let start = in_netherlands(s.starts_at).map(|t| t.date_time_text()).unwrap_or_default();
            let end = in_netherlands(s.ends_at).map(|t| format!("{:02}:{:02}", t.hour, t.minute)).unwrap_or_default();
            format!("- {start}–{end}, {}", s.place)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

impl App {
    /// Activities with a session still to come (public).
    pub async fn upcoming_activities(&self) -> Result<Vec<Activity>> {
        Ok(self.db.upcoming_activities(crate::now()).await?)
    }

    pub async fn activity(&self, id: i64) -> Result<Activity> {
        self.db.activity(id).await?.ok_or(Error::NotFound)
    }

    /// The calendar file with every session of the activity.
    pub async fn activity_calendar(&self, id: i64) -> Result<String> {
        let activity = self.activity(id).await?;
        Ok(ics::calendar(&activity, ics::host_of(&self.public_url), crate::now()))
    }

    /// Makes an activity owned by `owner` (the platform, or an SWV the actor organises for).
    pub async fn create_activity(
        &self,
        actor: &Actor,
        owner: &OrgRef,
        input: &ActivityInput,
    ) -> Result<Result<i64, FieldProblems>> {
        let organiser = access::organise_activities(actor)?;
        if !organiser.may_own(owner) {
            return Err(Error::Forbidden);
        }
        let problems = check_activity(input);
        if !problems.is_empty() {
            return Ok(Err(problems));
        }
        Ok(Ok(self.db.create_activity(&organiser, owner, input, actor.user_id()).await?))
    }

    /// The organisation as the directory names it: `Name (code)` for a known
    /// SWV code or BRIN, else the text as typed.
    async fn organisation_named(&self, typed: Option<&str>) -> Result<Option<String>> {
        let Some(typed) = typed.map(str::trim).filter(|t| !t.is_empty()) else { return Ok(None) };
        if let Ok(code) = SwvCode::parse(typed)
            && let Some(swv) = self.db.swv(code.as_str()).await?
        {
            let name = swv.details.name.unwrap_or_else(|| swv.code.clone());
            return Ok(Some(format!("{name} ({})", swv.code)));
        }
        let upper = typed.to_uppercase();
        if upper.len() == 4
            && upper.bytes().all(|b| b.is_ascii_alphanumeric())
            && let Some(school) = self.db.school(&upper).await?
        {
            return Ok(Some(format!("{} ({})", school.school.name, school.school.brin)));
        }
        if let Some(found) = self.db.search_schools(typed, 1).await?.into_iter().next()
            && found.name.eq_ignore_ascii_case(typed)
        {
            return Ok(Some(format!("{} ({})", found.name, found.brin)));
        }
        Ok(Some(typed.to_owned()))
    }

    fn activity_mail(
        &self,
        lang: Lang,
        activity: &Activity,
        to: &str,
        name: &str,
        kind: MailKind,
        token: Option<&str>,
    ) -> NewMail {
        let cancel = token.map(|t| self.link(&format!("/activiteiten/afmelden/{t}"))).unwrap_or_default();
        let args = [
            ("name", name.to_owned().into()),
            ("title", activity.title.clone().into()),
            ("sessions", sessions_text(activity).into()),
            ("cancel", cancel.into()),
            ("link", self.link(&format!("/activiteiten/{}", activity.id)).into()),
        ];
        let (subject, body) = match kind {
            MailKind::Registered => ("act-mail-registered-subject", "act-mail-registered-body"),
            MailKind::Waitlisted => ("act-mail-waitlisted-subject", "act-mail-waitlisted-body"),
            MailKind::Promoted => ("act-mail-promoted-subject", "act-mail-promoted-body"),
            MailKind::Reminder => ("act-mail-reminder-subject", "act-mail-reminder-body"),
        };
        // Only who has a place gets the calendar file.
        let attachment = (kind != MailKind::Waitlisted).then(|| {
            (
                format!("activiteit-{}.ics", activity.id),
                ics::calendar(activity, ics::host_of(&self.public_url), crate::now()),
            )
        });
        NewMail {
            to: to.to_owned(),
            subject: lang.t_with(subject, &args),
            body: lang.t_with(body, &args),
            html_body: None,
            list_unsubscribe: None,
            attachment,
        }
    }

    /// Signs someone up: a place while there is one, else the wait list. A
    /// closed window or a second sign-up with one address is refused per field.
    pub async fn sign_up(&self, activity_id: i64, form: &SignUpForm<'_>) -> Result<Result<SignedUp, FieldProblems>> {
        let activity = self.activity(activity_id).await?;
        let sign_up = match parse_sign_up(form.name, form.email, form.organisation, form.role) {
            Ok(s) => s,
            Err(problems) => return Ok(Err(problems)),
        };
        if !crate::Mailer::can_address(sign_up.email.as_str()) {
            return Ok(Err(vec![("email", Message::new("act-email-invalid"))]));
        }
        match window_at(activity.opens_at, activity.closes_at, crate::now()) {
            Window::Open => {}
            Window::NotYetOpen => return Ok(Err(vec![("activity", Message::new("act-window-not-open"))])),
            Window::Closed => return Ok(Err(vec![("activity", Message::new("act-window-closed"))])),
        }
        let mut sign_up = sign_up;
        sign_up.organisation = self.organisation_named(sign_up.organisation.as_deref()).await?;
        let token = random_token();
        let lang = Lang::Nl;
        let (outcome, queued) = self
            .db
            .sign_up(activity_id, &sign_up, &token_hash(&token), |status| {
                let kind =
                    if status == RegistrationStatus::Registered { MailKind::Registered } else { MailKind::Waitlisted };
                self.activity_mail(lang, &activity, sign_up.email.as_str(), &sign_up.name, kind, Some(&token))
            })
            .await?;
        match outcome {
            SignUpOutcome::AlreadySignedUp => Ok(Err(vec![("email", Message::new("act-already-signed-up"))])),
            SignUpOutcome::Placed { status, .. } => {
                if let Some((id, mail)) = queued
                    && let Err(error) = self.mailer.deliver_full(id, &mail)
                {
                    tracing::warn!(%error, outbox_id = id, "sign-up mail kept in the outbox");
                }
                Ok(Ok(SignedUp { status, token }))
            }
        }
    }

    /// Cancels by the link's secret; the freed place goes to the first on the
    /// wait list, who gets a mail with the calendar file.
    pub async fn cancel_registration(&self, token: &str) -> Result<Cancelled> {
        if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(Error::NotFound);
        }
        match self.db.cancel_registration(&token_hash(token)).await? {
            CancelOutcome::NotFound => Err(Error::NotFound),
            CancelOutcome::AlreadyCancelled => Ok(Cancelled::AlreadyCancelled),
            CancelOutcome::Cancelled { activity_id, promoted } => {
                if let Some(promoted) = promoted {
                    let activity = self.activity(activity_id).await?;
                    let mail = self.activity_mail(
                        Lang::Nl,
                        &activity,
                        &promoted.email,
                        &promoted.name,
                        MailKind::Promoted,
                        None,
                    );
                    if let Err(error) = self.mailer.send_full(&mail).await {
                        tracing::warn!(%error, "promotion mail not sent");
                    }
                }
                Ok(Cancelled::Cancelled)
            }
        }
    }

    /// The activity with its participants and wait list, for its organiser.
    pub async fn participants(&self, actor: &Actor, activity_id: i64) -> Result<(Activity, Vec<Registration>)> {
        let organiser = access::organise_activities(actor)?;
        let manage = self.db.manage_activity(&organiser, activity_id).await?.ok_or(Error::NotFound)?;
        let activity = self.activity(activity_id).await?;
        Ok((activity, self.db.registrations(&manage).await?))
    }

    /// Activities the actor organises, for the organiser's overview.
    pub async fn organised_activities(&self, actor: &Actor) -> Result<Vec<Activity>> {
        let organiser = access::organise_activities(actor)?;
        let all = self.db.upcoming_activities(0).await?;
        Ok(all.into_iter().filter(|a| organiser.may_own(&a.owner)).collect())
    }

    pub async fn set_attendance(
        &self,
        actor: &Actor,
        activity_id: i64,
        registration: i64,
        attended: bool,
    ) -> Result<()> {
        let organiser = access::organise_activities(actor)?;
        let manage = self.db.manage_activity(&organiser, activity_id).await?.ok_or(Error::NotFound)?;
        Ok(self.db.set_attendance(&manage, registration, attended).await?)
    }

    /// The participant list as CSV (semicolons, as Dutch spreadsheets expect).
    pub async fn participants_csv(&self, actor: &Actor, activity_id: i64) -> Result<String> {
        let (_, registrations) = self.participants(actor, activity_id).await?;
        let header = ["naam", "e-mail", "organisatie", "rol", "status", "aanwezig", "aangemeld"].map(str::to_owned);
        let rows = registrations.iter().map(|r| {
            [
                r.name.clone(),
                r.email.clone(),
                r.organisation.clone().unwrap_or_default(),
                r.role.clone().unwrap_or_default(),
                status_text(r.status).to_owned(),
                attended_text(r.attended).to_owned(),
                in_netherlands(r.created_at).map(|t| t.date_time_text()).unwrap_or_default(),
            ]
        });
        Ok(passend_domain::spreadsheet::csv(std::iter::once(header).chain(rows)))
    }

    /// Sends the reminders of sessions that start within two days, each once
    /// (claimed with its mail in one transaction); returns how many went out.
    pub async fn send_activity_reminders(&self, at: i64) -> Result<usize> {
        let due = self.db.reminders_to_send(at, at + REMINDER_BEFORE_SECS).await?;
        let mut sent = 0;
        for (registration, session_id) in due {
            let Some(activity) = self.db.activity(registration.activity_id).await? else { continue };
            let mail = self.activity_mail(
                Lang::Nl,
                &activity,
                &registration.email,
                &registration.name,
                MailKind::Reminder,
                None,
            );
            if let Some(id) = self.db.claim_activity_reminder(registration.id, session_id, &mail).await? {
                sent += 1;
                if let Err(error) = self.mailer.deliver_full(id, &mail) {
                    tracing::warn!(%error, outbox_id = id, "activity reminder kept in the outbox");
                }
            }
        }
        Ok(sent)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MailKind {
    Registered,
    Waitlisted,
    Promoted,
    Reminder,
}

pub fn status_text(status: RegistrationStatus) -> &'static str {
    match status {
        RegistrationStatus::Registered => "aangemeld",
        RegistrationStatus::Waitlisted => "wachtlijst",
        RegistrationStatus::Cancelled => "afgemeld",
    }
}

pub fn attended_text(attended: Option<bool>) -> &'static str {
    match attended {
        Some(true) => "ja",
        Some(false) => "nee",
        None => "",
    }
}
