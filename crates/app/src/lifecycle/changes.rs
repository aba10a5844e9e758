//! What changed between two versions of a location's profile.

use passend_domain::access::Actor;
use passend_domain::questionnaire::{Comparison, compare};
use passend_storage::profiles::ProfileSummary;

use crate::questionnaire::{LoadedProfile, answered, by_key};
use crate::{App, Error, Result};

/// A profile held against another version of the same location.
pub struct Compared {
    pub loaded: LoadedProfile,
    /// The version compared with, if there is one.
    pub other: Option<ProfileSummary>,
    /// The location's other versions, newest first.
    pub versions: Vec<ProfileSummary>,
    pub comparison: Comparison,
}

impl App {
    /// Compares the profile with `since` (another version of the same
    /// location), by default the latest earlier school year's.
    pub async fn compare_versions(&self, actor: &Actor, id: i64, since: Option<i64>) -> Result<Compared> {
        let loaded = self.profile(actor, id).await?;
        let versions: Vec<ProfileSummary> = self
            .db
            .profiles_of_school(&loaded.view)
            .await?
            .into_iter()
            .filter(|p| p.location_code == loaded.profile.location_code && p.id != id)
            .collect();
        let other = match since {
            Some(since) => Some(versions.iter().find(|p| p.id == since).cloned().ok_or(Error::NotFound)?),
            // Newest first: the first earlier year is last year's version.
            None => versions.iter().find(|p| p.school_year < loaded.profile.school_year).cloned(),
        };
        let comparison = match &other {
            Some(other) => {
                let (old, old_access) = self.db.profile(&loaded.view, other.id).await?.ok_or(Error::NotFound)?;
                let old_answers = answered(&by_key(self.db.school_answers(&old_access).await?));
                let new_answers = answered(&by_key(self.db.school_answers(&loaded.access).await?));
                compare(&old.template, &old_answers, &loaded.profile.template, &new_answers)
            }
            None => Comparison::default(),
        };
        Ok(Compared { loaded, other, versions, comparison })
    }
}
