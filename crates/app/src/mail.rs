//! Outgoing mail. Every message is written to the outbox first, together
//! with a job that sends it (`passend_storage::jobs::MAIL`); with SMTP
//! configured the jobs worker of any server sends it once, retried with
//! back-off when the relay fails, and marks it sent or failed.

use std::sync::Arc;
use std::time::Duration;

use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use passend_storage::Database;
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

    /// Sends the outbox's mail `outbox_id` over SMTP (the mail job). A sent
    /// mail is marked sent, with a copy of its body without the secret links.
    pub async fn deliver(&self, outbox_id: i64) -> Result<Delivery> {
        let Some(mail) = self.db.mail_to_send(outbox_id).await? else { return Ok(Delivery::NothingToDo) };
        if mail.sent_at.is_some() {
            return Ok(Delivery::NothingToDo);
        }
        let Some(transport) = &self.transport else {
            tracing::info!(outbox_id, "mail kept in the outbox (no SMTP configured)");
            return Ok(Delivery::KeptInOutbox);
        };
        let recipient: Mailbox = mail.recipient.parse().map_err(|e| Error::internal("invalid recipient", e))?;
        let files = self.db.attachments_to_send(outbox_id).await?;
        let builder = Message::builder().from(self.from.clone()).to(recipient).subject(&mail.subject);
        let message = if files.is_empty() {
            builder.header(lettre::message::header::ContentType::TEXT_PLAIN).body(mail.body.clone())
        } else {
            use lettre::message::{Attachment, MultiPart, SinglePart};
            let mut parts = MultiPart::mixed().singlepart(SinglePart::plain(mail.body.clone()));
            for (name, content_type, content) in files {
                let content_type = lettre::message::header::ContentType::parse(&content_type)
                    .map_err(|e| Error::internal("an attachment's content type", e))?;
                parts = parts.singlepart(Attachment::new(name).body(content, content_type));
            }
            builder.multipart(parts)
        }
        .map_err(|e| Error::internal("building a mail", e))?;
        match transport.send(message).await {
            Ok(_) => {
                // Once SMTP has it, the outbox keeps a copy without the secret links.
                self.db.mark_mail_sent(outbox_id, &redact_links(&mail.body)).await?;
                Ok(Delivery::Sent)
            }
            Err(error) => {
                tracing::warn!(outbox_id, %error, "sending mail failed");
                self.db.mark_mail_failed(outbox_id, &error.to_string()).await?;
                Ok(Delivery::Failed(error.to_string()))
            }
        }
    }
}

/// Replaces the secret in every invitation or reset link with `…`.
pub fn redact_links(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(at) = ["/uitnodiging/", "/wachtwoord-herstellen/", "/vraag/antwoord/"]
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
