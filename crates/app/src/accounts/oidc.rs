//! Login through OpenID Connect providers (Entree Federatie, Microsoft 365,
//! Google Workspace…), beside the password.
//!
//! The protocol is the `openidconnect` crate's (ADR 0020): the authorization
//! code flow with PKCE, a random `state` and `nonce` per click, the ID token's
//! signature checked against the provider's published keys, its issuer,
//! audience, expiry and nonce. What is Passend's own is which account a login
//! reaches (ADR 0021):
//!
//! - a subject linked before reaches its account;
//! - a first login links only to an existing account with the same address,
//!   or through a pending invitation to that address, and only when the
//!   provider says the address is verified; never by name;
//! - a login never grants a role by itself: only an invitation (made by
//!   someone who may grant it) does.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::time::{Duration, Instant};

use openidconnect::core::{
    CoreAuthenticationFlow, CoreClient, CoreGenderClaim, CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm,
    CoreProviderMetadata,
};
use openidconnect::{
    AdditionalClaims, AuthorizationCode, ClientId, ClientSecret, CsrfToken, IdToken, IssuerUrl, Nonce,
    PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, Scope,
};
use passend_domain::accounts::{Email, PersonName};
use passend_storage::accounts::{NewOidcLink, OidcFlow, OidcLink};
use passend_storage::{StorageError, now};
use serde::{Deserialize, Serialize};
use tokio::sync::Mutex;

use super::rate_limit;
use super::secrets::token_hash;
use crate::{App, Error, Result};

/// How long a click on a provider's button may take to come back.
pub const FLOW_MINUTES: i64 = 10;
/// How long a provider's discovered metadata (endpoints and signing keys) is used
/// before it is fetched again, so that a rotated key is picked up.
const METADATA_TTL: Duration = Duration::from_secs(300);

/// One configured provider, as in `[oidc.NAME]` of `passend.toml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OidcProviderConfig {
    /// The name in the configuration and in the URLs (`/inloggen/oidc/{name}`).
    pub name: String,
    /// What the login page's button says ("Entree", "Microsoft 365").
    pub label: String,
    pub issuer: String,
    pub client_id: String,
    pub client_secret: String,
}

/// A provider's button on the login page.
#[derive(Debug, Clone, Serialize)]
pub struct OidcButton {
    pub name: String,
    pub label: String,
}

/// The claims beyond the standard ones that Passend reads: Entree's school (BRIN).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct EduClaims {
    #[serde(rename = "nlEduPersonHomeOrganizationId", default)]
    home_organization: Option<String>,
}

impl AdditionalClaims for EduClaims {}

type EduIdToken = IdToken<EduClaims, CoreGenderClaim, CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm>;

/// The configured providers and what was discovered of them.
pub struct OidcProviders {
    providers: BTreeMap<String, OidcProviderConfig>,
    metadata: Mutex<HashMap<String, (Instant, CoreProviderMetadata)>>,
    http: openidconnect::reqwest::Client,
}

impl OidcProviders {
    pub fn new(configs: Vec<OidcProviderConfig>) -> Result<OidcProviders> {
        let http = openidconnect::reqwest::Client::builder()
            // Following redirects would let a provider's answer send us anywhere (SSRF).
            .redirect(openidconnect::reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(10))
            // A login is a few requests a minute: a kept connection the
            // provider closed meanwhile would fail the code exchange.
            .pool_max_idle_per_host(0)
            .build()
            .map_err(|e| Error::internal("OpenID HTTP client", e))?;
        Ok(OidcProviders {
            providers: configs.into_iter().map(|c| (c.name.clone(), c)).collect(),
            metadata: Mutex::new(HashMap::new()),
            http,
        })
    }

    async fn metadata(&self, provider: &OidcProviderConfig) -> std::result::Result<CoreProviderMetadata, String> {
        let mut cache = self.metadata.lock().await;
        if let Some((at, metadata)) = cache.get(&provider.name)
            && at.elapsed() < METADATA_TTL
        {
            return Ok(metadata.clone());
        }
        let issuer = IssuerUrl::new(provider.issuer.clone()).map_err(|e| format!("issuer: {e}"))?;
        // Discovery also checks that the document names this issuer.
        let metadata = CoreProviderMetadata::discover_async(issuer, &self.http)
            .await
            .map_err(|e| format!("discovery: {}", ErrorChain(&e)))?;
        cache.insert(provider.name.clone(), (Instant::now(), metadata.clone()));
        Ok(metadata)
    }
}

/// An error with its causes, for the log.
struct ErrorChain<'a>(&'a (dyn std::error::Error + 'static));

impl std::fmt::Display for ErrorChain<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)?;
        let mut source = self.0.source();
        while let Some(cause) = source {
            write!(f, ": {cause}")?;
            source = cause.source();
        }
        Ok(())
    }
}

/// Where the browser goes to log in, and the state to keep in its cookie.
pub struct OidcStart {
    pub redirect_to: String,
    pub state: String,
}

/// Why a callback was refused. Each is logged; the person sees a message per kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OidcRefusal {
    /// The state is unknown, spent, expired, of another provider or not this browser's.
    State,
    /// The provider refused the code (used before, expired, not ours) or could not be reached.
    Code,
    /// The ID token failed a check: signature, issuer, audience, expiry or nonce.
    Token,
    /// The provider ended the login itself (the person cancelled, say).
    Provider,
}

impl OidcRefusal {
    pub fn message_id(self) -> &'static str {
        match self {
            OidcRefusal::State => "oidc-refused-state",
            OidcRefusal::Code => "oidc-refused-code",
            OidcRefusal::Token => "oidc-refused-token",
            OidcRefusal::Provider => "oidc-refused-provider",
        }
    }
}

/// What a callback comes to.
pub enum OidcOutcome {
    /// Logged in to this account; go on to this page.
    SignedIn {
        user_id: i64,
        return_to: String,
    },
    /// The provider's login is fine but reaches no account: no invitation to a
    /// verified address and no account with it. `school` is the BRIN Entree
    /// sent, to suggest whom to ask for an invitation.
    NoAccount {
        email: Option<String>,
        verified: bool,
        school: Option<String>,
        school_name: Option<String>,
    },
    Refused(OidcRefusal),
}

/// What the browser brought back to the callback.
pub struct OidcCallback<'a> {
    pub state: Option<&'a str>,
    pub code: Option<&'a str>,
    pub error: Option<&'a str>,
    /// The state the browser's cookie holds (set when the flow began).
    pub cookie_state: Option<&'a str>,
}

impl App {
    /// The providers' buttons, in the order of their names.
    pub fn oidc_buttons(&self) -> Vec<OidcButton> {
        self.oidc.providers.values().map(|p| OidcButton { name: p.name.clone(), label: p.label.clone() }).collect()
    }

    pub fn oidc_label(&self, name: &str) -> Option<String> {
        self.oidc.providers.get(name).map(|p| p.label.clone())
    }

    fn redirect_url(&self, name: &str) -> String {
        self.link(&format!("/inloggen/oidc/{name}/terug"))
    }

    /// Begins a login at the provider: a fresh state, nonce and PKCE verifier,
    /// kept server-side under the state's hash. `NotFound` for an unknown provider.
    pub async fn begin_oidc_login(&self, name: &str, return_to: &str) -> Result<OidcStart> {
        let provider = self.oidc.providers.get(name).ok_or(Error::NotFound)?;
        let metadata = self.oidc.metadata(provider).await.map_err(|e| Error::internal("OpenID provider", e))?;
        let redirect = RedirectUrl::new(self.redirect_url(name)).map_err(|e| Error::internal("redirect URL", e))?;
        let client = CoreClient::from_provider_metadata(
            metadata,
            ClientId::new(provider.client_id.clone()),
            Some(ClientSecret::new(provider.client_secret.clone())),
        )
        .set_redirect_uri(redirect);
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let (url, state, nonce) = client
            .authorize_url(CoreAuthenticationFlow::AuthorizationCode, CsrfToken::new_random, Nonce::new_random)
            .add_scope(Scope::new("email".to_owned()))
            .add_scope(Scope::new("profile".to_owned()))
            .set_pkce_challenge(challenge)
            .url();
        let flow = OidcFlow {
            provider: name.to_owned(),
            nonce: nonce.secret().clone(),
            pkce_verifier: verifier.secret().clone(),
            return_to: return_to.to_owned(),
            expires_at: now() + FLOW_MINUTES * 60,
        };
        self.db.create_oidc_flow(&token_hash(state.secret()), &flow).await?;
        Ok(OidcStart { redirect_to: url.to_string(), state: state.secret().clone() })
    }

    /// Finishes a login: the state is spent (once), the code exchanged with the
    /// PKCE verifier, the ID token verified, and the subject led to an account
    /// by the rules at the top of this module.
    pub async fn finish_oidc_login(&self, name: &str, callback: OidcCallback<'_>) -> Result<OidcOutcome> {
        let provider = self.oidc.providers.get(name).ok_or(Error::NotFound)?;
        let refuse = |why: OidcRefusal, detail: &str| {
            tracing::warn!(provider = name, reason = ?why, detail, "OpenID login refused");
            Ok(OidcOutcome::Refused(why))
        };
        let Some(state) = callback.state.filter(|s| !s.is_empty()) else {
            return refuse(OidcRefusal::State, "no state");
        };
        // The flow is taken (deleted) first: whatever follows, this state is spent.
        let Some(flow) = self.db.take_oidc_flow(&token_hash(state)).await? else {
            return refuse(OidcRefusal::State, "unknown or spent state");
        };
        if flow.provider != name || flow.expires_at <= now() {
            return refuse(OidcRefusal::State, "state of another provider, or expired");
        }
        // The state must be this browser's: a link made by someone else (login CSRF) is refused.
        if !callback.cookie_state.is_some_and(|c| super::secrets::same_secret(c, state)) {
            return refuse(OidcRefusal::State, "state not of this browser");
        }
        if let Some(error) = callback.error {
            return refuse(OidcRefusal::Provider, error);
        }
        let Some(code) = callback.code.filter(|c| !c.is_empty()) else {
            return refuse(OidcRefusal::Code, "no code");
        };
        let metadata = match self.oidc.metadata(provider).await {
            Ok(m) => m,
            Err(e) => return refuse(OidcRefusal::Code, &e),
        };
        let redirect = RedirectUrl::new(self.redirect_url(name)).map_err(|e| Error::internal("redirect URL", e))?;
        let client = CoreClient::from_provider_metadata(
            metadata,
            ClientId::new(provider.client_id.clone()),
            Some(ClientSecret::new(provider.client_secret.clone())),
        )
        .set_redirect_uri(redirect);
        let exchange = match client.exchange_code(AuthorizationCode::new(code.to_owned())) {
            Ok(request) => request.set_pkce_verifier(PkceCodeVerifier::new(flow.pkce_verifier.clone())),
            Err(e) => return refuse(OidcRefusal::Code, &e.to_string()),
        };
        let tokens = match exchange.request_async(&self.oidc.http).await {
            Ok(tokens) => tokens,
            Err(e) => return refuse(OidcRefusal::Code, &ErrorChain(&e).to_string()),
        };
        use openidconnect::TokenResponse;
        let Some(id_token) = tokens.id_token() else {
            return refuse(OidcRefusal::Token, "no ID token");
        };
        // Read again with the claims Passend needs beyond the standard ones; verified once, below.
        let id_token: EduIdToken = match id_token.to_string().parse() {
            Ok(t) => t,
            Err(e) => return refuse(OidcRefusal::Token, &format!("{e}")),
        };
        let verifier = client.id_token_verifier();
        let claims = match id_token.claims(&verifier, &Nonce::new(flow.nonce.clone())) {
            Ok(claims) => claims,
            Err(e) => return refuse(OidcRefusal::Token, &ErrorChain(&e).to_string()),
        };
        let subject = claims.subject().as_str().to_owned();
        let email = claims.email().map(|e| e.as_str().to_owned());
        let verified = claims.email_verified() == Some(true);
        let name_claim = claims
            .name()
            .and_then(|n| n.get(None))
            .map(|n| n.as_str().to_owned())
            .or_else(|| claims.given_name().and_then(|n| n.get(None)).map(|n| n.as_str().to_owned()));
        let school = claims.additional_claims().home_organization.clone();

        match self.oidc_account(name, &subject, email.as_deref(), verified, name_claim.as_deref()).await? {
            Some(user_id) => {
                if let Some(user) = self.db.user_by_id(user_id).await? {
                    // The provider vouched for the person: a lock from guessed passwords is lifted.
                    rate_limit::lift_account_lock(&self.db, &user.email).await?;
                }
                Ok(OidcOutcome::SignedIn { user_id, return_to: flow.return_to })
            }
            None => {
                let school_name = match &school {
                    Some(brin) => self.school_name(brin).await?,
                    None => None,
                };
                Ok(OidcOutcome::NoAccount { email, verified, school, school_name })
            }
        }
    }

    /// The account a provider's subject reaches, linking it on a first login.
    async fn oidc_account(
        &self,
        provider: &str,
        subject: &str,
        email: Option<&str>,
        verified: bool,
        name: Option<&str>,
    ) -> Result<Option<i64>> {
        if let Some(user_id) = self.db.oidc_login_user(provider, subject).await? {
            return Ok(Some(user_id));
        }
        // Without an address the provider vouches for, nothing links: an
        // unverified address is anyone's to type.
        let Some(email) = email.filter(|_| verified).and_then(|e| Email::parse(e).ok()) else {
            return Ok(None);
        };
        let link = NewOidcLink { provider, subject, email: Some(email.as_str()) };
        let existing = self.db.user_by_email(&email).await?;
        // The oldest open invitation that its inviter may still give.
        let mut invitation = None;
        for candidate in self.db.open_invitations_to(&email).await? {
            if self.still_grantable(&candidate).await? {
                invitation = Some(candidate);
                break;
            }
        }
        let linked = match (existing, invitation) {
            (Some(user), None) => self.db.link_oidc_login(user.id, &link).await.map(|()| user.id),
            (Some(user), Some(invitation)) => {
                self.db.accept_invitation_with_link(&invitation, user.id, &link).await.map(|()| user.id)
            }
            (None, Some(invitation)) => {
                let name = name
                    .and_then(|n| PersonName::parse(n).ok())
                    .map(|n| n.as_str().to_owned())
                    .unwrap_or_else(|| email.as_str().split('@').next().unwrap_or_default().to_owned());
                self.db.accept_invitation_as_linked_user(&invitation, &email, &name, &link).await
            }
            (None, None) => return Ok(None),
        };
        match linked {
            Ok(user_id) => {
                tracing::info!(provider, user_id, "OpenID login linked to an account");
                Ok(Some(user_id))
            }
            // Two callbacks of one person at once: the other made the link.
            Err(StorageError::Conflict) => Ok(self.db.oidc_login_user(provider, subject).await?),
            Err(e) => Err(e.into()),
        }
    }

    /// The name of the school with this BRIN, if Passend knows it.
    async fn school_name(&self, brin: &str) -> Result<Option<String>> {
        let code = brin.trim().to_uppercase();
        if code.len() != 4 || !code.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Ok(None);
        }
        let org = passend_domain::organisations::OrgRef { kind: passend_domain::organisations::OrgKind::School, code };
        Ok(self.db.org_name(&org).await?)
    }

    /// The logins linked to the person's own account.
    pub async fn linked_logins(&self, user_id: i64) -> Result<Vec<LinkedLogin>> {
        Ok(self
            .db
            .oidc_logins_of(user_id)
            .await?
            .into_iter()
            .map(|link| LinkedLogin {
                label: self.oidc_label(&link.provider).unwrap_or_else(|| link.provider.clone()),
                link,
            })
            .collect())
    }

    /// Removes one of the person's own linked logins (another's is not found).
    pub async fn remove_linked_login(&self, user_id: i64, id: i64) -> Result<()> {
        Ok(self.db.remove_oidc_login(user_id, id).await?)
    }
}

/// A linked login as its owner sees it: the provider's label and the link.
#[derive(Debug, Clone, Serialize)]
pub struct LinkedLogin {
    pub label: String,
    #[serde(flatten)]
    pub link: OidcLink,
}

pub(crate) type SharedProviders = Arc<OidcProviders>;
