//! Platform administration: the outbox of every mail Passend sent or keeps.

use passend_domain::access::{self, Actor};
pub use passend_storage::outbox::OutboxMail;

use crate::{App, Error, Result};

/// How many mails the outbox shows.
pub const OUTBOX_PAGE_SIZE: i64 = 200;

impl App {
    /// The newest mails, for platform admins.
    pub async fn outbox(&self, actor: &Actor) -> Result<Vec<OutboxMail>> {
        let admin = access::platform_admin(actor)?;
        Ok(self.db.outbox(&admin, OUTBOX_PAGE_SIZE).await?)
    }

    pub async fn outbox_mail(&self, actor: &Actor, id: i64) -> Result<OutboxMail> {
        let admin = access::platform_admin(actor)?;
        self.db.outbox_mail(&admin, id).await?.ok_or(Error::NotFound)
    }
}
