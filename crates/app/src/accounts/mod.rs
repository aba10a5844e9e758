//! Accounts: login with its rate limits, sessions, invitations and password
//! resets. Secrets are made and hashed here; storage keeps only hashes.

pub mod oidc;
pub mod password;
mod rate_limit;
pub mod secrets;

use passend_domain::Message;
use passend_domain::access::{self, Actor};
use passend_domain::accounts::{Email, NewPassword, PersonName};
use passend_domain::organisations::OrgRef;
use passend_i18n::Lang;
pub use passend_storage::accounts::{Invitation, Member, PendingInvitation, User};
use passend_storage::now;

pub use self::password::{hash_password, verify_password};
use self::secrets::{random_token, token_hash};
use crate::{App, Error, Result};
use passend_domain::FieldProblems;

/// How long a mailed link stays valid.
pub const INVITATION_DAYS: i64 = 14;
pub const RESET_HOURS: i64 = 2;

pub enum LoginOutcome {
    Success(User),
    Invalid,
    /// Too many attempts for the address or from the client: wait a while.
    RateLimited,
}

/// A session as stored: who it is for and its CSRF secret.
pub struct SessionRecord {
    pub user_id: i64,
    pub csrf_token: String,
}

/// The signed-in person: the account and what it may do.
pub struct Person {
    pub user: User,
    pub actor: Actor,
}

impl App {
    /// Checks a password against the limits: too many attempts for the address,
    /// or failures from the client, stop further tries for a while. `None` when limited.
    async fn check_password(
        &self,
        user: Option<&User>,
        email: &str,
        password: &str,
        client: &str,
    ) -> Result<Option<bool>> {
        if !rate_limit::begin_attempt(&self.db, email, client).await? {
            return Ok(None);
        }
        if verify_password(password, user.and_then(|u| u.password_hash.as_deref())).await {
            rate_limit::record_success(&self.db, email).await?;
            Ok(Some(true))
        } else {
            rate_limit::record_failure(&self.db, client).await?;
            Ok(Some(false))
        }
    }

    pub async fn login(&self, email: &str, password: &str, client: &str) -> Result<LoginOutcome> {
        let user = match Email::parse(email) {
            Ok(email) => self.db.user_by_email(&email).await?,
            Err(_) => None,
        };
        Ok(match self.check_password(user.as_ref(), email, password, client).await? {
            None => LoginOutcome::RateLimited,
            Some(true) => LoginOutcome::Success(user.expect("a verified password belongs to a user")),
            Some(false) => LoginOutcome::Invalid,
        })
    }

    /// The account and memberships of a user, as the actor requests run for.
    pub async fn person(&self, user_id: i64) -> Result<Option<Person>> {
        let Some(user) = self.db.user_by_id(user_id).await? else {
            return Ok(None);
        };
        let memberships = self.db.memberships_of(user_id).await?;
        Ok(Some(Person { user, actor: Actor::new(user_id, memberships) }))
    }

    /// The person whose session the cookie's secret names, if it is still valid.
    pub async fn session(&self, secret: &str) -> Result<Option<(String, SessionRecord)>> {
        let id_hash = token_hash(secret);
        Ok(self
            .db
            .session(&id_hash)
            .await?
            .map(|record| (id_hash, SessionRecord { user_id: record.user_id, csrf_token: record.csrf_token })))
    }

    /// Starts a session for the user: always a new secret, and the old session
    /// (its secret given) ends. Returns the new secret and its CSRF token.
    pub async fn start_session(
        &self,
        old_secret: Option<&str>,
        user_id: i64,
        ttl_secs: i64,
    ) -> Result<(String, String)> {
        if let Some(old) = old_secret {
            self.db.delete_session(&token_hash(old)).await?;
        }
        let secret = random_token();
        let csrf = random_token();
        self.db.create_session(&token_hash(&secret), user_id, &csrf, now() + ttl_secs).await?;
        Ok((secret, csrf))
    }

    /// Ends the session with this stored id (a hash).
    pub async fn end_session(&self, id_hash: &str) -> Result<()> {
        Ok(self.db.delete_session(id_hash).await?)
    }

    /// An open invitation by the token in its link.
    /// The invitation still grants only what its inviter may give today: one who
    /// lost the role, or a school that moved to another SWV, ends it.
    pub async fn open_invitation(&self, token: &str) -> Result<Option<Invitation>> {
        let Some(invitation) = self.db.invitation_by_token(&token_hash(token)).await?.filter(|i| i.is_open(now()))
        else {
            return Ok(None);
        };
        Ok(self.still_grantable(&invitation).await?.then_some(invitation))
    }

    /// Whether the invitation's inviter may still give its role today.
    pub(crate) async fn still_grantable(&self, invitation: &Invitation) -> Result<bool> {
        let Some(inviter) = invitation.invited_by else { return Ok(false) };
        let Some(context) = self.db.org_context(&invitation.org).await? else { return Ok(false) };
        let actor = Actor::new(inviter, self.db.memberships_of(inviter).await?);
        Ok(access::grant_role(&actor, &invitation.org, &context, invitation.role).is_ok())
    }

    /// The account an address has, if any.
    pub async fn account_of(&self, email: &Email) -> Result<Option<User>> {
        Ok(self.db.user_by_email(email).await?)
    }

    /// Accepts the invitation: for a new address an account is made, for a known
    /// one its password is asked (unless that person is signed in). Returns the
    /// user to start a session for.
    pub async fn accept_invitation(
        &self,
        invitation: &Invitation,
        signed_in: Option<i64>,
        form: &AcceptInvitation<'_>,
        client: &str,
    ) -> Result<Result<i64, FieldProblems>> {
        let email =
            Email::parse(&invitation.email).map_err(|_| Error::invalid("email", Message::new("error-bad-request")))?;
        let existing = self.db.user_by_email(&email).await?;
        match existing {
            Some(user) if signed_in == Some(user.id) => {
                self.db.accept_invitation(invitation, user.id).await?;
                Ok(Ok(user.id))
            }
            Some(user) => {
                // The link is no licence to guess the account's password.
                match self.check_password(Some(&user), email.as_str(), form.password, client).await? {
                    None => return Err(Error::RateLimited),
                    Some(false) => return Ok(Err(vec![("password", Message::new("login-invalid"))])),
                    Some(true) => {}
                }
                self.db.accept_invitation(invitation, user.id).await?;
                Ok(Ok(user.id))
            }
            None => {
                let mut problems = FieldProblems::new();
                let name = PersonName::parse(form.name).map_err(|e| problems.push(("name", e.message()))).ok();
                let password = NewPassword::parse(form.password, &email)
                    .map_err(|e| problems.push(("password", e.message())))
                    .ok();
                if password.is_some() && form.password != form.password_confirm {
                    problems.push(("password_confirm", Message::new("account-password-mismatch")));
                }
                let (Some(name), Some(password), true) = (name, password, problems.is_empty()) else {
                    return Ok(Err(problems));
                };
                let hash = hash_password(password.expose()).await?;
                Ok(Ok(self.db.accept_invitation_as_new_user(invitation, &email, name.as_str(), &hash).await?))
            }
        }
    }

    /// Mails a reset link when the address has an account. The answer is the same
    /// either way, so the form does not reveal who has an account.
    pub async fn request_password_reset(&self, lang: Lang, email: &str) -> Result<()> {
        let Ok(email) = Email::parse(email) else {
            return Ok(());
        };
        let Some(user) = self.db.user_by_email(&email).await? else {
            tracing::info!("password reset asked for an address without account");
            return Ok(());
        };
        if !rate_limit::reset_mail_allowed(&self.db, user.email.as_str()).await? {
            tracing::warn!("password reset mails for one address exceeded the hourly limit");
            return Ok(());
        }
        let token = random_token();
        self.db.create_password_reset(&token_hash(&token), user.id, now() + RESET_HOURS * 3600).await?;
        let link = self.link(&format!("/wachtwoord-herstellen/{token}"));
        let subject = lang.t("mail-reset-subject");
        let body = lang.t_with(
            "mail-reset-body",
            &[("name", user.name.clone().into()), ("link", link.into()), ("hours", RESET_HOURS.into())],
        );
        self.mailer.send(&user.email, &subject, &body).await?;
        Ok(())
    }

    /// Whether a reset link is still valid.
    pub async fn reset_link_valid(&self, token: &str) -> Result<bool> {
        Ok(self.db.password_reset_user(&token_hash(token)).await?.is_some())
    }

    /// Sets a new password from a reset link; every session of the user ends.
    /// `None` when the link is not (or no longer) valid.
    pub async fn reset_password(
        &self,
        token: &str,
        password: &str,
        confirm: &str,
    ) -> Result<Option<Result<(), FieldProblems>>> {
        let hash = token_hash(token);
        let Some(user_id) = self.db.password_reset_user(&hash).await? else { return Ok(None) };
        let Some(user) = self.db.user_by_id(user_id).await? else { return Ok(None) };
        let email = Email::parse(&user.email).map_err(|e| Error::internal("stored address", e.to_string()))?;
        let password = match NewPassword::parse(password, &email) {
            Ok(p) => p,
            Err(e) => return Ok(Some(Err(vec![("password", e.message())]))),
        };
        if password.expose() != confirm {
            return Ok(Some(Err(vec![("password_confirm", Message::new("account-password-mismatch"))])));
        }
        let new_hash = hash_password(password.expose()).await?;
        if self.db.reset_password(&hash, &new_hash).await?.is_none() {
            return Ok(None);
        }
        // The owner of the mailbox proved who they are: the account's login
        // lock (which an attacker guessing passwords may have set) is lifted.
        rate_limit::lift_account_lock(&self.db, user.email.as_str()).await?;
        Ok(Some(Ok(())))
    }

    /// Makes the address a platform administrator with this password, creating
    /// the account when it has none. The operator's act (`passend create-admin`,
    /// run with the database's own credentials), so no actor is asked.
    pub async fn create_platform_admin(&self, email: &Email, name: &PersonName, password: &NewPassword) -> Result<i64> {
        let hash = hash_password(password.expose()).await?;
        let user_id = match self.db.user_by_email(email).await? {
            Some(user) => {
                self.db.set_password(user.id, &hash).await?;
                user.id
            }
            None => self.db.create_user(email, name.as_str(), &hash).await?,
        };
        let membership = passend_domain::access::Membership {
            org: OrgRef::platform(),
            role: passend_domain::access::Role::PlatformAdmin,
        };
        self.db.seed_membership(&membership, user_id).await?;
        Ok(user_id)
    }

    /// Removes expired sessions and reset links, login attempts older than
    /// `attempts_before`, and the surveys (with their answers and contact
    /// details) made before the school year `today` falls in; how many surveys went.
    pub async fn purge_expired(&self, attempts_before: i64, today: passend_domain::lifecycle::Day) -> Result<u64> {
        self.db.purge_expired(attempts_before).await?;
        // The question desk keeps the asker's details a year after the answer.
        let askers = self.delete_expired_askers(now()).await?;
        if askers > 0 {
            tracing::info!(askers, "details of question askers deleted");
        }
        self.purge_ended_surveys(today).await
    }

    /// Counts an SWV's reminder to a location; `false` when it had one in the last day.
    pub(crate) async fn swv_reminder_allowed(&self, location: &str) -> Result<bool> {
        Ok(rate_limit::swv_reminder_allowed(&self.db, location).await?)
    }

    /// The name people know an organisation by, if it has one.
    pub async fn org_name(&self, org: &OrgRef) -> Result<Option<String>> {
        Ok(self.db.org_name(org).await?)
    }
}

/// What a person fills in to accept an invitation.
pub struct AcceptInvitation<'a> {
    pub name: &'a str,
    pub password: &'a str,
    pub password_confirm: &'a str,
}
