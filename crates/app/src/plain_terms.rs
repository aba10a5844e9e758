//! The platform's and each SWV's own terms with a plain alternative: kept by
//! platform admins and SWV admins, used by the plain-language assistant for
//! the schools of that SWV (live hints, the readability report, the parent
//! version's check).

use passend_domain::Message;
use passend_domain::access::{self, Actor};
use passend_domain::organisations::SwvCode;
use passend_domain::readability::{Glossary, check_own_term};
pub use passend_storage::plain_terms::PlainTerm;
use passend_storage::plain_terms::TermList;

use crate::{App, Result};

/// Whose list of own terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TermOwner {
    Platform,
    Swv(SwvCode),
}

impl TermOwner {
    fn code(&self) -> Option<&str> {
        match self {
            TermOwner::Platform => None,
            TermOwner::Swv(code) => Some(code.as_str()),
        }
    }
}

impl App {
    /// The own terms for a school in `swvs` (codes in any spelling; unknown ones
    /// add nothing): the SWVs' terms first, then the platform's.
    pub async fn own_terms(&self, swvs: &[String]) -> Result<Glossary> {
        let mut terms = Vec::new();
        for code in swvs.iter().filter_map(|c| SwvCode::parse(c).ok()) {
            terms.extend(self.db.plain_terms(Some(code.as_str())).await?);
        }
        terms.extend(self.db.plain_terms(None).await?);
        Ok(Glossary::own(terms.into_iter().map(|t| (t.term, t.plain))))
    }

    /// One list, in alphabetical order.
    pub async fn plain_term_list(&self, owner: &TermOwner) -> Result<Vec<PlainTerm>> {
        Ok(self.db.plain_terms(owner.code()).await?)
    }

    /// Whether the actor may change the list.
    pub fn may_edit_terms(&self, actor: &Actor, owner: &TermOwner) -> bool {
        match owner {
            TermOwner::Platform => access::platform_admin(actor).is_ok(),
            TermOwner::Swv(code) => access::edit_swv(actor, code.as_str()).is_ok(),
        }
    }

    /// Adds a term to the list (its admins); field problems when it is empty,
    /// too long, holds pupil data or is on the list already.
    pub async fn add_plain_term(
        &self,
        actor: &Actor,
        owner: &TermOwner,
        term: &str,
        plain: &str,
    ) -> Result<std::result::Result<i64, Vec<(String, Message)>>> {
        let (platform, swv);
        let list = match owner {
            TermOwner::Platform => {
                platform = access::platform_admin(actor)?;
                TermList::Platform(&platform)
            }
            TermOwner::Swv(code) => {
                swv = access::edit_swv(actor, code.as_str())?;
                TermList::Swv(&swv)
            }
        };
        let existing = self.db.plain_terms(owner.code()).await?;
        let this_year = crate::lifecycle::today().0;
        let problems = check_own_term(term, plain, existing.iter().map(|t| t.term.as_str()), this_year);
        if !problems.is_empty() {
            return Ok(Err(problems));
        }
        Ok(Ok(self.db.add_plain_term(list, term.trim(), plain.trim(), actor.user_id()).await?))
    }

    /// Removes a term from the list (its admins); not found when it is not on it.
    pub async fn remove_plain_term(&self, actor: &Actor, owner: &TermOwner, id: i64) -> Result<()> {
        match owner {
            TermOwner::Platform => {
                let proof = access::platform_admin(actor)?;
                self.db.remove_plain_term(TermList::Platform(&proof), id).await?;
            }
            TermOwner::Swv(code) => {
                let proof = access::edit_swv(actor, code.as_str())?;
                self.db.remove_plain_term(TermList::Swv(&proof), id).await?;
            }
        }
        Ok(())
    }
}
