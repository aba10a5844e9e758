//! The SWV's basic-support norm: items with a minimum level and a target
//! share, and every location's result against it.

use passend_domain::Message;
use passend_domain::access::{self, Actor};
use passend_domain::coverage::{Compliance, Norm};
use passend_domain::questionnaire::{SchoolYear, default_template};

use super::SwvScope;
use crate::{App, Result};

/// A location's result against the norm.
pub struct LocationCompliance {
    pub code: String,
    pub name: String,
    pub brin: String,
    pub draft: bool,
    pub compliance: Compliance,
}

impl App {
    /// The norm for the year and every location's result, those below the target first.
    pub async fn norm_results(
        &self,
        scope: &SwvScope,
        year: SchoolYear,
    ) -> Result<(Option<Norm>, Vec<LocationCompliance>)> {
        let norm = self.db.norm(&scope.view, year).await?;
        let mut out = Vec::new();
        if let Some(norm) = &norm {
            for profile in self.region_profiles(scope, year).await? {
                out.push(LocationCompliance {
                    compliance: norm.compliance(default_template(), &profile.answers),
                    draft: profile.state.is_some_and(|s| !s.is_adopted()),
                    code: profile.location_code,
                    name: profile.location_name,
                    brin: profile.brin,
                });
            }
            // Those below the target first, lowest share first.
            out.sort_by(|a, b| {
                b.compliance
                    .below_target
                    .cmp(&a.compliance.below_target)
                    .then(a.compliance.percent.total_cmp(&b.compliance.percent))
            });
        }
        Ok((norm, out))
    }

    /// The norm alone.
    pub async fn norm(&self, scope: &SwvScope, year: SchoolYear) -> Result<Option<Norm>> {
        Ok(self.db.norm(&scope.view, year).await?)
    }

    /// Sets the SWV's norm for a year (its admins), after checking it names only scale items.
    pub async fn save_norm(
        &self,
        actor: &Actor,
        scope: &SwvScope,
        year: SchoolYear,
        norm: &Norm,
    ) -> Result<Result<(), Vec<(String, Message)>>> {
        let edit = access::edit_swv(actor, scope.code.as_str())?;
        if let Err(problems) = norm.check(default_template()) {
            return Ok(Err(problems));
        }
        self.db.save_norm(&edit, year, norm, actor.user_id()).await?;
        Ok(Ok(()))
    }
}
