//! Outgoing mail. Every message is written to the outbox first, together
//! with a job that sends it (`passend_storage::jobs::MAIL`); with SMTP
//! configured the jobs worker of any server sends it once, retried with
//! back-off when the relay fails, and marks it sent or failed.

use std::sync::Arc;
use std::time::Duration;

use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use passend_storage::Database;
pub use passend_storage::outbox::NewMail;
use tokio::sync::Notify;

use crate::{Error, Result};

#[derive(Debug, Clone, Default)]
pub struct MailConfig {
    /// `smtp://host:port` (plain, for a local relay), `smtp://user:pass@host:587?tls=required`
    /// (STARTTLS) or `smtps://user:pass@host:465`. Without it mail stays in the outbox.
    pub smtp_url: Option<String>,
    pub from: String,
}

#[derive(Clone)]
pub struct Mailer {
    db: Database,
    transport: Option<AsyncSmtpTransport<Tokio1Executor>>,
    from: Mailbox,
    /// Wakes this process's jobs worker when a mail is queued.
    wake: Arc<Notify>,
}

/// What came of one attempt to send a mail of the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    Sent,
    /// No SMTP configured: the mail stays in the outbox for a platform admin.
    KeptInOutbox,
    /// Sent before (by an earlier attempt), or no longer in the outbox.
    NothingToDo,
    /// The relay refused or did not answer; the error, to retry later.
    Failed(String),
}

impl Mailer {
    pub fn new(db: Database, config: &MailConfig, wake: Arc<Notify>) -> Result<Mailer> {
        let from: Mailbox = config.from.parse().map_err(|e| Error::internal("invalid sender address", e))?;
        let transport = match &config.smtp_url {
            None => None,
            Some(url) => Some(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| Error::internal("invalid SMTP URL", e))?
                    .timeout(Some(Duration::from_secs(20)))
                    .build(),
            ),
        };
        Ok(Mailer { db, transport, from, wake })
    }

    pub fn sends_over_smtp(&self) -> bool {
        self.transport.is_some()
    }

    /// Whether a mail can be addressed to `to`: `Email::parse` takes some
    /// addresses (a local part ending in a dot, say) that no mail may be sent to.
    pub fn can_address(to: &str) -> bool {
        to.parse::<Mailbox>().is_ok()
    }

    /// Puts the mail in the outbox with the job that sends it, without making the caller wait.
    pub async fn send(&self, to: &str, subject: &str, body: &str) -> Result<()> {
        let _: Mailbox = to.parse().map_err(|e| Error::internal("invalid recipient", e))?;
        self.db.queue_mail(to, subject, body).await?;
        self.wake.notify_one();
        Ok(())
    }

    /// Puts a mail with one attached file (name, content type, content) in the
    /// outbox with the job that sends it, without making the caller wait.
    pub async fn send_with_file(&self, to: &str, subject: &str, body: &str, file: (&str, &str, &str)) -> Result<()> {
        let _: Mailbox = to.parse().map_err(|e| Error::internal("invalid recipient", e))?;
        self.db.queue_mail_with_file(to, subject, body, file).await?;
        self.wake.notify_one();
        Ok(())
    }

    /// Puts a full mail (HTML part, unsubscribe header, calendar file) in the
    /// outbox with the job that sends it.
    pub async fn send_full(&self, mail: &NewMail) -> Result<()> {
        let _: Mailbox = mail.to.parse().map_err(|e| Error::internal("invalid recipient", e))?;
        self.db.queue_full_mail(mail).await?;
        self.wake.notify_one();
        Ok(())
    }

    /// A mail that storage queued in a transaction (with its job) is waiting:
    /// wakes this process's jobs worker so it goes out at once.
    pub fn deliver_queued(&self, _id: i64, _to: &str, _subject: &str, _body: &str) -> Result<()> {
        self.wake.notify_one();
        Ok(())
    }

    /// Like [`Mailer::deliver_queued`], for a mail with more than a plain body.
    pub fn deliver_full(&self, _id: i64, _mail: &NewMail) -> Result<()> {
        self.wake.notify_one();
        Ok(())
    }

    /// Sends the outbox's mail `outbox_id` over SMTP (the mail job). A sent
    /// mail is marked sent, with a copy of its body without the secret links.
    pub async fn deliver(&self, outbox_id: i64) -> Result<Delivery> {
        let Some(stored) = self.db.mail_to_send(outbox_id).await? else { return Ok(Delivery::NothingToDo) };
        if stored.sent_at.is_some() {
            return Ok(Delivery::NothingToDo);
        }
        let Some(transport) = &self.transport else {
            tracing::info!(outbox_id, "mail kept in the outbox (no SMTP configured)");
            return Ok(Delivery::KeptInOutbox);
        };
        // A conversation's invitation keeps its calendar file apart (outbox_attachments).
        let file = self.db.attachments_to_send(outbox_id).await?.into_iter().next().map(|(name, _, body)| (name, body));
        let attachment = match (stored.attachment_name.clone(), stored.attachment.clone()) {
            (Some(name), Some(body)) => Some((name, body)),
            _ => file,
        };
        let mail = NewMail {
            to: stored.recipient.clone(),
            subject: stored.subject.clone(),
            body: stored.body.clone(),
            html_body: stored.html_body.clone(),
            list_unsubscribe: stored.list_unsubscribe.clone(),
            attachment,
        };
        let message = self.build(&mail)?;
        match transport.send(message).await {
            Ok(_) => {
                // Once SMTP has it, the outbox keeps a copy without the secret links.
                self.db.mark_mail_sent(outbox_id, &redact_links(&stored.body)).await?;
                Ok(Delivery::Sent)
            }
            Err(error) => {
                tracing::warn!(outbox_id, %error, "sending mail failed");
                self.db.mark_mail_failed(outbox_id, &error.to_string()).await?;
                Ok(Delivery::Failed(error.to_string()))
            }
        }
    }

    /// The MIME message: plain text alone, or with an HTML alternative and
    /// a calendar file; the one-click unsubscribe headers of RFC 8058.
    pub fn build(&self, mail: &NewMail) -> Result<Message> {
        let recipient: Mailbox = mail.to.parse().map_err(|e| Error::internal("invalid recipient", e))?;
        let mut builder = Message::builder().from(self.from.clone()).to(recipient).subject(&mail.subject);
        if let Some(url) = &mail.list_unsubscribe {
            builder = builder
                .raw_header(HeaderValue::new(HeaderName::new_from_ascii_str("List-Unsubscribe"), format!("<{url}>")))
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                    "List-Unsubscribe=One-Click".to_owned(),
                ));
        }
        let built = if mail.html_body.is_none() && mail.attachment.is_none() {
            builder.header(ContentType::TEXT_PLAIN).body(mail.body.clone())
        } else {
            let text = SinglePart::plain(mail.body.clone());
            let content = match &mail.html_body {
                Some(html) => MultiPart::alternative().singlepart(text).singlepart(SinglePart::html(html.clone())),
                None => MultiPart::mixed().singlepart(text),
            };
            let content = match &mail.attachment {
                Some((name, ics)) => {
                    let calendar = ContentType::parse("text/calendar; charset=utf-8; method=PUBLISH")
                        .map_err(|e| Error::internal("calendar content type", e))?;
                    MultiPart::mixed()
                        .multipart(content)
                        .singlepart(Attachment::new(name.clone()).body(ics.clone(), calendar))
                }
                None => content,
            };
            builder.multipart(content)
        };
        built.map_err(|e| Error::internal("building a mail", e))
    }
}

/// Replaces the secret in every invitation or reset link with `…`.
pub fn redact_links(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(at) = [
        "/uitnodiging/",
        "/wachtwoord-herstellen/",
        "/vraag/antwoord/",
        "/activiteiten/afmelden/",
        "/nieuwsbrief/bevestigen/",
        "/nieuwsbrief/afmelden/",
    ]
    .iter()
    .filter_map(|p| rest.find(p).map(|i| i + p.len()))
    .min()
    {
        out.push_str(&rest[..at]);
        let token_len = rest[at..].bytes().take_while(u8::is_ascii_hexdigit).count();
        if token_len > 0 {
            out.push('…');
        }
        rest = &rest[at + token_len..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn secrets_in_links_are_redacted() {
        let body = "Klik op https://p.nl/uitnodiging/abc123 of https://p.nl/wachtwoord-herstellen/ff00.\nGroet";
        assert_eq!(
            super::redact_links(body),
            "Klik op https://p.nl/uitnodiging/… of https://p.nl/wachtwoord-herstellen/….\nGroet"
        );
        assert_eq!(super::redact_links("geen link"), "geen link");
    }
}
