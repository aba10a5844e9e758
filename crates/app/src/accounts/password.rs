//! argon2id password hashes, computed off the async runtime.

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

use crate::{Error, Result};

pub async fn hash_password(password: &str) -> Result<String> {
    let password = password.to_owned();
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| Error::internal("hashing a password", e.to_string()))
    })
    .await
    .map_err(|e| Error::internal("hashing a password", e))?
}

/// Whether the password matches; a missing or unreadable hash never matches.
pub async fn verify_password(password: &str, hash: Option<&str>) -> bool {
    // Without a hash, still spend the time of a check so that response times
    // do not tell which addresses have an account.
    const DUMMY: &str =
        "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$3V8yR7kBdd2W3hfB3jHdpH5JybDsaQmXNVGGm3b9ZpE";
    let password = password.to_owned();
    let known = hash.is_some();
    let hash = hash.unwrap_or(DUMMY).to_owned();
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&hash)
            .map(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
            .unwrap_or(false)
    })
    .await
    .unwrap_or(false)
        && known
}

#[cfg(test)]
mod tests {
    #[tokio::test]
    async fn a_hash_verifies_only_its_password() {
        let hash = super::hash_password("correct horse battery").await.unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(super::verify_password("correct horse battery", Some(&hash)).await);
        assert!(!super::verify_password("wrong", Some(&hash)).await);
        assert!(!super::verify_password("correct horse battery", None).await);
    }
}
