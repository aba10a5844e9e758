//! Outgoing mail. Every message is written to the outbox first; with SMTP
//! configured it is then sent in the background and marked sent or failed.

use std::time::Duration;

use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use passend_storage::Database;
pub use passend_storage::outbox::NewMail;

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
}

impl Mailer {
    pub fn new(db: Database, config: &MailConfig) -> Result<Mailer> {
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
        Ok(Mailer { db, transport, from })
    }

    pub fn sends_over_smtp(&self) -> bool {
        self.transport.is_some()
    }

    /// Whether a mail can be addressed to `to`: `Email::parse` takes some
    /// addresses (a local part ending in a dot, say) that no mail may be sent to.
    pub fn can_address(to: &str) -> bool {
        to.parse::<Mailbox>().is_ok()
    }

    /// Puts the mail in the outbox and, with SMTP, sends it without making the caller wait.
    pub async fn send(&self, to: &str, subject: &str, body: &str) -> Result<()> {
        let _: Mailbox = to.parse().map_err(|e| Error::internal("invalid recipient", e))?;
        let id = self.db.queue_mail(to, subject, body).await?;
        self.deliver_queued(id, to, subject, body)
    }

    /// Sends a mail that is in the outbox already (as id `id`) over SMTP, in
    /// the background; without SMTP it stays in the outbox.
    pub fn deliver_queued(&self, id: i64, to: &str, subject: &str, body: &str) -> Result<()> {
        let mail =
            NewMail { to: to.to_owned(), subject: subject.to_owned(), body: body.to_owned(), ..NewMail::default() };
        self.deliver_full(id, &mail)
    }

    /// Puts a full mail (HTML part, unsubscribe header, calendar file) in the
    /// outbox and, with SMTP, sends it in the background.
    pub async fn send_full(&self, mail: &NewMail) -> Result<()> {
        let _: Mailbox = mail.to.parse().map_err(|e| Error::internal("invalid recipient", e))?;
        let id = self.db.queue_full_mail(mail).await?;
        self.deliver_full(id, mail)
    }

    /// Like [`Mailer::deliver_queued`], for a mail with more than a plain body.
    pub fn deliver_full(&self, id: i64, mail: &NewMail) -> Result<()> {
        let Some(transport) = self.transport.clone() else {
            tracing::info!(outbox_id = id, "mail kept in the outbox (no SMTP configured)");
            return Ok(());
        };
        let message = self.build(mail)?;
        let db = self.db.clone();
        // Once SMTP has it, the outbox keeps a copy without the secret links.
        let redacted = redact_links(&mail.body);
        tokio::spawn(async move {
            let result = match transport.send(message).await {
                Ok(_) => db.mark_mail_sent(id, &redacted).await,
                Err(error) => {
                    tracing::warn!(outbox_id = id, %error, "sending mail failed");
                    db.mark_mail_failed(id, &error.to_string()).await
                }
            };
            if let Err(error) = result {
                tracing::error!(outbox_id = id, %error, "recording the mail's state failed");
            }
        });
        Ok(())
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
