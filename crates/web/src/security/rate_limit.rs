//! Login rate limiting, kept in the database so that it holds across instances.

use passend_storage::{Database, StorageError, now};

/// Failures allowed per window for one e-mail address and for one client address.
pub const MAX_PER_ACCOUNT: i64 = 5;
pub const MAX_PER_CLIENT: i64 = 30;
pub const WINDOW_SECS: i64 = 15 * 60;

fn keys(email: &str, client: &str) -> [String; 2] {
    [
        format!("email:{}", email.trim().to_lowercase()),
        format!("ip:{client}"),
    ]
}

/// Whether a login attempt may go ahead.
pub async fn allowed(db: &Database, email: &str, client: &str) -> Result<bool, StorageError> {
    let since = now() - WINDOW_SECS;
    let [account, address] = keys(email, client);
    Ok(db.failed_logins(&account, since).await? < MAX_PER_ACCOUNT
        && db.failed_logins(&address, since).await? < MAX_PER_CLIENT)
}

pub async fn record_failure(db: &Database, email: &str, client: &str) -> Result<(), StorageError> {
    let since = now() - WINDOW_SECS;
    for key in keys(email, client) {
        db.record_failed_login(&key, since).await?;
    }
    Ok(())
}

pub async fn record_success(db: &Database, email: &str) -> Result<(), StorageError> {
    let [account, _] = keys(email, "");
    db.clear_failed_logins(&account).await
}
