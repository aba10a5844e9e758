//! Outgoing mail. Every message is written to the outbox first; with SMTP
//! configured it is then sent in the background and marked sent or failed.

use std::time::Duration;

use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use passend_storage::Database;

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
    pub fn new(db: Database, config: &MailConfig) -> anyhow::Result<Mailer> {
        let from: Mailbox =
            config.from.parse().map_err(|e| anyhow::anyhow!("invalid sender address {:?}: {e}", config.from))?;
        let transport = match &config.smtp_url {
            None => None,
            Some(url) => Some(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| anyhow::anyhow!("invalid SMTP URL: {e}"))?
                    .timeout(Some(Duration::from_secs(20)))
                    .build(),
            ),
        };
        Ok(Mailer { db, transport, from })
    }

    pub fn sends_over_smtp(&self) -> bool {
        self.transport.is_some()
    }

    /// Puts the mail in the outbox and, with SMTP, sends it without making the caller wait.
    pub async fn send(&self, to: &str, subject: &str, body: &str) -> anyhow::Result<()> {
        let id = self.db.queue_mail(to, subject, body).await?;
        let Some(transport) = self.transport.clone() else {
            tracing::info!(outbox_id = id, "mail kept in the outbox (no SMTP configured)");
            return Ok(());
        };
        let message = Message::builder()
            .from(self.from.clone())
            .to(to.parse().map_err(|e| anyhow::anyhow!("invalid recipient: {e}"))?)
            .subject(subject)
            .header(lettre::message::header::ContentType::TEXT_PLAIN)
            .body(body.to_owned())?;
        let db = self.db.clone();
        tokio::spawn(async move {
            let result = match transport.send(message).await {
                Ok(_) => db.mark_mail_sent(id).await,
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
}
