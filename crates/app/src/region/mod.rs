//! The SWV's view of its region: coverage of support (*dekkend aanbod*),
//! the basic-support norm, the status board with reminders, kernen,
//! expertise, trends, and the national view for platform admins.
//!
//! Every use case here starts from an [`SwvScope`]: the proof that the actor
//! may read this SWV's region, made in one place.

mod coverage;
mod national;
mod norm;
mod status;
mod trends;

use passend_domain::access::{self, Actor, OrgView};
use passend_domain::coverage::{
    Kern, KernProblem, LocationOffer, NeedsOf, SpecialistTotal, specialists, training_needs, validate_kernen,
};
use passend_domain::organisations::{OrgRef, SwvCode};
use passend_domain::questionnaire::SchoolYear;
pub use passend_storage::coverage::{ProfileStatus, RegionProfile};

pub use self::coverage::{Coverage, Filters};
pub use self::national::{NationalView, SwvSummary};
pub use self::norm::LocationCompliance;
pub use self::status::{ReminderResult, ReminderRound, Sender, StatusRow, StoredReminder, invite_director_path};
pub use self::trends::{NormTrend, TRENDS_YEARS, Trends, YearCounts};
use crate::questionnaire::current_year;
use crate::{App, Error, Result};

/// Proof that the actor may read one SWV's region. Only [`App::swv_scope`] makes one.
pub struct SwvScope {
    code: SwvCode,
    view: OrgView,
    /// The actor may also change the SWV's settings (norm, kernen).
    editable: bool,
}

impl SwvScope {
    pub fn code(&self) -> &SwvCode {
        &self.code
    }

    /// Whether the actor may change the SWV's norm and kernen.
    pub fn editable(&self) -> bool {
        self.editable
    }

    /// The view of the SWV the scope proves, for other capabilities' queries.
    pub(crate) fn view(&self) -> &OrgView {
        &self.view
    }
}

impl App {
    /// The SWV named in a URL (any spelling), if the actor may read its region:
    /// not found for an unknown code, forbidden for others.
    pub async fn swv_scope(&self, actor: &Actor, code: &str) -> Result<SwvScope> {
        let code = SwvCode::parse(code).map_err(|_| Error::NotFound)?;
        let (view, _) = self.view_org(actor, &OrgRef::swv(&code)).await?;
        let editable = access::edit_swv(actor, code.as_str()).is_ok();
        Ok(SwvScope { code, view, editable })
    }

    /// Every location of the SWV with its offer in the year.
    pub async fn region_offers(&self, scope: &SwvScope, year: SchoolYear) -> Result<Vec<LocationOffer>> {
        Ok(self.db.coverage(&scope.view, year).await?)
    }

    /// Every profile of the SWV's locations in the year, with its answers.
    pub async fn region_profiles(&self, scope: &SwvScope, year: SchoolYear) -> Result<Vec<RegionProfile>> {
        Ok(self.db.region_profiles(&scope.view, year).await?)
    }

    /// Specialists with their *dagdelen* and the training needs the schools named.
    pub async fn expertise(&self, scope: &SwvScope, year: SchoolYear) -> Result<(Vec<SpecialistTotal>, Vec<NeedsOf>)> {
        let profiles = self.region_profiles(scope, year).await?;
        Ok((
            specialists(profiles.iter().map(|p| &p.answers)),
            training_needs(profiles.iter().map(|p| (p.location_name.as_str(), &p.answers))),
        ))
    }

    /// The SWV's locations (this school year) and its kernen.
    pub async fn kernen(&self, scope: &SwvScope) -> Result<(Vec<LocationOffer>, Vec<Kern>)> {
        let locations = self.region_offers(scope, current_year()).await?;
        let kernen = self.db.kernen(&scope.view).await?;
        Ok((locations, kernen))
    }

    /// Replaces the SWV's kernen (its admins) after checking every location is the SWV's, once.
    pub async fn save_kernen(
        &self,
        actor: &Actor,
        scope: &SwvScope,
        kernen: &[Kern],
    ) -> Result<Result<(), Vec<KernProblem>>> {
        let edit = access::edit_swv(actor, scope.code.as_str())?;
        let (locations, _) = self.kernen(scope).await?;
        let codes = locations.iter().map(|l| l.code.clone()).collect();
        match validate_kernen(kernen, &codes) {
            Ok(clean) => {
                self.db.save_kernen(&edit, &clean).await?;
                Ok(Ok(()))
            }
            Err(problems) => Ok(Err(problems)),
        }
    }
}
