//! The background jobs of activities and the newsletter: the reminder two
//! days before each session (on the reminders job's schedule) and the
//! newsletter's sending at a bounded rate. Both claim each mail once in the
//! database, so they are safe across restarts and with several servers.

use std::time::Duration;

use passend_app::App;
use passend_domain::newsletter::batch_size;

use crate::config::Config;

pub fn spawn(app: &App, config: &Config) {
    if config.reminder_interval_secs > 0 {
        let app = app.clone();
        let every = Duration::from_secs(config.reminder_interval_secs);
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(every);
            loop {
                tick.tick().await;
                match app.send_activity_reminders(passend_app::now()).await {
                    Ok(0) => {}
                    Ok(count) => tracing::info!(count, "activity reminders sent"),
                    Err(error) => tracing::warn!(%error, "activity reminders job failed"),
                }
            }
        });
    }
    if config.newsletter_interval_secs > 0 {
        let app = app.clone();
        let every = config.newsletter_interval_secs;
        let batch = batch_size(config.newsletter_per_minute, every);
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(every));
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tick.tick().await;
                match app.send_newsletter_batch(batch).await {
                    Ok(0) => {}
                    Ok(count) => tracing::info!(count, "newsletter mails queued"),
                    Err(error) => tracing::warn!(%error, "newsletter job failed"),
                }
            }
        });
    }
}
