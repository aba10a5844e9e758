//! Rate limits kept in the database, so that they hold across instances:
//! failed logins per account and per client, and reset mails per account.

use passend_storage::{Database, StorageError, now};

/// Failures allowed per window for one e-mail address and for one client address.
pub const MAX_PER_ACCOUNT: i64 = 5;
pub const MAX_PER_CLIENT: i64 = 30;
pub const WINDOW_SECS: i64 = 15 * 60;
/// Password reset mails per address per hour: enough for a lost mail, too few to flood a mailbox.
pub const MAX_RESET_MAILS: i64 = 3;

fn keys(email: &str, client: &str) -> [String; 2] {
    [format!("email:{}", email.trim().to_lowercase()), format!("ip:{client}")]
}

/// Whether a login attempt may go ahead.
pub async fn allowed(db: &Database, email: &str, client: &str) -> Result<bool, StorageError> {
    let since = now() - WINDOW_SECS;
    let [account, address] = keys(email, client);
    Ok(db.attempts_since(&account, since).await? < MAX_PER_ACCOUNT
        && db.attempts_since(&address, since).await? < MAX_PER_CLIENT)
}

pub async fn record_failure(db: &Database, email: &str, client: &str) -> Result<(), StorageError> {
    let since = now() - WINDOW_SECS;
    for key in keys(email, client) {
        db.record_attempt(&key, since).await?;
    }
    Ok(())
}

pub async fn record_success(db: &Database, email: &str) -> Result<(), StorageError> {
    let [account, _] = keys(email, "");
    db.clear_attempts(&account).await
}

/// Counts a reset mail for the address; `false` when the hour's allowance is used up.
pub async fn reset_mail_allowed(db: &Database, email: &str) -> Result<bool, StorageError> {
    let key = format!("reset:{}", email.trim().to_lowercase());
    Ok(db.record_attempt(&key, now() - 3600).await? <= MAX_RESET_MAILS)
}
