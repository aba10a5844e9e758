//! The newsletter: double opt-in, one-click unsubscribe, issues written by
//! editors in Markdown, sent in the background at a bounded rate.

pub mod markdown;

use passend_domain::access::{self, Actor};
use passend_domain::accounts::Email;
use passend_domain::newsletter::check_issue;
use passend_domain::{FieldProblems, Message};
use passend_i18n::Lang;
pub use passend_storage::newsletter::Issue;
use passend_storage::newsletter::Subscribed;
use passend_storage::outbox::NewMail;

use crate::accounts::secrets::{random_token, token_hash};
use crate::{App, Error, Result};

/// What following a newsletter link did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkOutcome {
    Done,
    /// Used before, or unknown: nothing changed.
    AlreadyUsed,
}

fn is_token(token: &str) -> bool {
    token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit())
}

/// How fast a server hands newsletter mails to the outbox: `per_run` mails
/// a run of the newsletter job, a run every `every_secs` seconds while
/// deliveries are open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SendingRate {
    pub per_run: u32,
    pub every_secs: i64,
}

impl SendingRate {
    /// `per_minute` mails a minute in runs `every_secs` apart.
    pub fn new(per_minute: u32, every_secs: u64) -> SendingRate {
        SendingRate {
            per_run: passend_domain::newsletter::batch_size(per_minute, every_secs),
            every_secs: i64::try_from(every_secs.max(1)).unwrap_or(i64::MAX),
        }
    }
}

impl Default for SendingRate {
    /// 120 a minute, in runs 10 seconds apart.
    fn default() -> Self {
        SendingRate::new(120, 10)
    }
}

/// How long the newsletter job waits on a server that does not send newsletters.
const NOT_SENDING_HERE_SECS: i64 = 60;

impl App {
    /// This server sends newsletters at `rate`, or not at all (`None`: the
    /// job waits for a server that does).
    pub fn with_newsletter_rate(mut self, rate: Option<SendingRate>) -> App {
        self.newsletter_rate = rate;
        self
    }

    /// One run of the newsletter job: a batch at this server's rate (none on
    /// a server that does not send newsletters); how many mails it queued.
    pub async fn run_newsletter_job(&self) -> Result<usize> {
        let Some(rate) = self.newsletter_rate else { return Ok(0) };
        let count = self.send_newsletter_batch(rate.per_run).await?;
        if count > 0 {
            tracing::info!(count, "newsletter mails queued");
        }
        Ok(count)
    }

    /// When the newsletter job runs next after a run that ended at `now`:
    /// `None` when no delivery is left open.
    pub(crate) async fn next_newsletter_run(&self, now: i64) -> Result<Option<i64>> {
        let wait = self.newsletter_rate.map_or(NOT_SENDING_HERE_SECS, |rate| rate.every_secs);
        Ok(self.db.open_deliveries_exist().await?.then_some(now + wait))
    }

    /// Queues the newsletter job when deliveries are open and none is queued
    /// (a server started after an upgrade, or after the job was given up).
    pub async fn resume_newsletter(&self) -> Result<()> {
        if self.db.open_deliveries_exist().await? {
            self.db.enqueue_job(crate::jobs::NEWSLETTER, "{}", crate::now(), Some(crate::jobs::NEWSLETTER)).await?;
        }
        Ok(())
    }

    /// Subscribes `email`: a mail with a confirmation link goes out; nothing
    /// else is sent before it is followed. A confirmed address gets no mail
    /// (and the answer is the same, so it tells nobody who subscribes).
    pub async fn subscribe_newsletter(&self, email: &str) -> Result<Result<(), FieldProblems>> {
        let Ok(email) = Email::parse(email) else {
            return Ok(Err(vec![("email", Message::new("news-email-invalid"))]));
        };
        if !crate::Mailer::can_address(email.as_str()) {
            return Ok(Err(vec![("email", Message::new("news-email-invalid"))]));
        }
        let confirm = random_token();
        let unsubscribe = random_token();
        match self.db.subscribe(email.as_str(), &token_hash(&confirm), &unsubscribe).await? {
            Subscribed::AlreadyConfirmed => {}
            Subscribed::ConfirmationNeeded => {
                let lang = Lang::Nl;
                let args = [("link", self.link(&format!("/nieuwsbrief/bevestigen/{confirm}")).into())];
                self.mailer
                    .send(
                        email.as_str(),
                        &lang.t("news-mail-confirm-subject"),
                        &lang.t_with("news-mail-confirm-body", &args),
                    )
                    .await?;
            }
        }
        Ok(Ok(()))
    }

    pub async fn confirm_newsletter(&self, token: &str) -> Result<LinkOutcome> {
        if is_token(token) && self.db.confirm_subscription(&token_hash(token)).await? {
            Ok(LinkOutcome::Done)
        } else {
            Ok(LinkOutcome::AlreadyUsed)
        }
    }

    pub async fn unsubscribe_newsletter(&self, token: &str) -> Result<LinkOutcome> {
        if is_token(token) && self.db.unsubscribe(token).await? {
            Ok(LinkOutcome::Done)
        } else {
            Ok(LinkOutcome::AlreadyUsed)
        }
    }

    /// Every issue and the number of confirmed subscribers, for editors.
    pub async fn newsletter_issues(&self, actor: &Actor) -> Result<(Vec<Issue>, i64)> {
        let editor = access::edit_newsletter(actor)?;
        Ok((self.db.issues(&editor).await?, self.db.confirmed_subscribers(&editor).await?))
    }

    /// Saves a draft; Markdown with HTML in it is refused with a message.
    pub async fn write_issue(&self, actor: &Actor, subject: &str, body: &str) -> Result<Result<i64, FieldProblems>> {
        let editor = access::edit_newsletter(actor)?;
        let mut problems = check_issue(subject, body);
        if markdown::has_html(body) {
            problems.push(("body", Message::new("news-body-html")));
        }
        if !problems.is_empty() {
            return Ok(Err(problems));
        }
        Ok(Ok(self.db.create_issue(&editor, subject, body, actor.user_id()).await?))
    }

    /// Sends a draft to every confirmed subscriber (in the background); how many it goes to.
    pub async fn send_issue(&self, actor: &Actor, id: i64) -> Result<i64> {
        let editor = access::edit_newsletter(actor)?;
        self.db.send_issue(&editor, id).await.map_err(|e| match Error::from(e) {
            Error::Conflict(_) => Error::Conflict(vec![("issue", Message::new("news-already-sent"))]),
            other => other,
        })
    }

    /// The archive (public).
    pub async fn sent_issues(&self) -> Result<Vec<Issue>> {
        Ok(self.db.sent_issues().await?)
    }

    /// A sent issue with its body as safe HTML (public).
    pub async fn sent_issue(&self, id: i64) -> Result<(Issue, String)> {
        let issue = self.db.sent_issue(id).await?.ok_or(Error::NotFound)?;
        let html = markdown::to_html(&issue.body_markdown);
        Ok((issue, html))
    }

    /// One run of the sending job: claims up to `limit` deliveries, each with
    /// its mail queued in the same transaction, and hands them to SMTP.
    pub async fn send_newsletter_batch(&self, limit: u32) -> Result<usize> {
        let lang = Lang::Nl;
        let queued = self
            .db
            .claim_deliveries(i64::from(limit), |delivery| {
                let unsubscribe = self.link(&format!("/nieuwsbrief/afmelden/{}", delivery.unsubscribe_token));
                let archive = self.link(&format!("/nieuwsbrief/{}", delivery.issue_id));
                let args = [("link", unsubscribe.clone().into()), ("archive", archive.into())];
                let footer = lang.t_with("news-mail-footer", &args);
                // The links are ours (a host we are configured with and a hex token).
                let html = format!(
                    "{}<hr><p><a href=\"{unsubscribe}\">{}</a></p>",
                    markdown::to_html(&delivery.body_markdown),
                    ammonia::clean_text(&lang.t("news-unsubscribe-link")),
                );
                NewMail {
                    to: delivery.email.clone(),
                    subject: delivery.subject.clone(),
                    body: format!("{}\n\n-- \n{footer}", delivery.body_markdown),
                    html_body: Some(html),
                    list_unsubscribe: Some(unsubscribe),
                    attachment: None,
                }
            })
            .await?;
        for (id, mail) in &queued {
            if let Err(error) = self.mailer.deliver_full(*id, mail) {
                tracing::warn!(%error, outbox_id = id, "newsletter mail kept in the outbox");
            }
        }
        Ok(queued.len())
    }
}
