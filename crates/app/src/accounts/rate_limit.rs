//! Rate limits kept in the database, so that they hold across instances:
//! login attempts per account, failed logins per client, reset mails per account.

use passend_storage::{Database, StorageError, now};

/// Attempts allowed per window for one e-mail address, failures for one client address.
pub const MAX_PER_ACCOUNT: i64 = 5;
pub const MAX_PER_CLIENT: i64 = 30;
pub const WINDOW_SECS: i64 = 15 * 60;
/// Password reset mails per address per hour: enough for a lost mail, too few to flood a mailbox.
pub const MAX_RESET_MAILS: i64 = 3;

fn account_key(email: &str) -> String {
    format!("email:{}", email.trim().to_lowercase())
}

fn client_key(client: &str) -> String {
    format!("ip:{client}")
}

/// Counts the attempt before the password is checked, so that guesses sent in
/// parallel cannot all pass a count taken before any of them was recorded.
/// `false` when the account's or the client's allowance is used up.
pub(crate) async fn begin_attempt(db: &Database, email: &str, client: &str) -> Result<bool, StorageError> {
    let since = now() - WINDOW_SECS;
    let attempts = db.record_attempt(&account_key(email), since).await?;
    let failures = db.attempts_since(&client_key(client), since).await?;
    Ok(attempts <= MAX_PER_ACCOUNT && failures < MAX_PER_CLIENT)
}

/// A wrong password counts against the client address too.
pub(crate) async fn record_failure(db: &Database, client: &str) -> Result<(), StorageError> {
    db.record_attempt(&client_key(client), now() - WINDOW_SECS).await?;
    Ok(())
}

/// The right password clears the account's count.
pub(crate) async fn record_success(db: &Database, email: &str) -> Result<(), StorageError> {
    db.clear_attempts(&account_key(email)).await
}

/// Ends the account's lock after the owner proved who they are another way
/// (a password reset by mail, a login through an OpenID provider): the lock
/// slows an attacker, it must not keep the real user out.
pub(crate) async fn lift_account_lock(db: &Database, email: &str) -> Result<(), StorageError> {
    db.clear_attempts(&account_key(email)).await
}

/// Counts a reset mail for the address; `false` when the hour's allowance is used up.
pub(crate) async fn reset_mail_allowed(db: &Database, email: &str) -> Result<bool, StorageError> {
    let key = format!("reset:{}", email.trim().to_lowercase());
    Ok(db.record_attempt(&key, now() - 3600).await? <= MAX_RESET_MAILS)
}

/// Counts an SWV's reminder to a location; `false` when it had one in the last day.
pub(crate) async fn swv_reminder_allowed(db: &Database, location: &str) -> Result<bool, StorageError> {
    let key = format!("swv-reminder:{location}");
    Ok(db.record_attempt(&key, now() - 86_400).await? <= 1)
}
