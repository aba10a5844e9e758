//! Coverage of support: locations × support categories, counts per level, and
//! per municipality or kern the gaps and the areas too few profiles tell about.

use passend_domain::Message;
use passend_domain::access::{self, Actor};
use passend_domain::coverage::{
    AreaKind, CategoryCounts, CoverageSettings, Gap, GapKind, LocationOffer, counts, gaps_by, rank,
};
use passend_domain::questionnaire::SchoolYear;

use super::SwvScope;
use crate::{App, Result};

/// What the reader asks to see.
#[derive(Debug, Clone)]
pub struct Filters {
    pub year: SchoolYear,
    pub sector: Option<String>,
    pub municipality: Option<String>,
    /// One of the SWV's sub-regions.
    pub kern: Option<String>,
    /// Whether gaps are measured per municipality or per kern.
    pub area: AreaKind,
    /// The level a gap is measured against (`standaard` by default).
    pub min_level: String,
}

pub struct Coverage {
    pub offers: Vec<LocationOffer>,
    pub counts: Vec<CategoryCounts>,
    /// Areas whose profiled locations offer a category at no school at the level: real gaps.
    pub gaps: Vec<Gap>,
    /// Areas where too few locations answered to tell: shown apart, never as gaps.
    pub unknown: Vec<Gap>,
    /// The SWV's share that tells the two apart.
    pub settings: CoverageSettings,
    pub municipalities: Vec<String>,
    pub sectors: Vec<String>,
    pub kernen: Vec<String>,
}

impl App {
    /// The coverage matrix of the SWV's region with the reader's filters, counts per level and gaps.
    pub async fn coverage(&self, scope: &SwvScope, filters: &Filters) -> Result<Coverage> {
        let all = self.region_offers(scope, filters.year).await?;
        let mut municipalities: Vec<String> = all.iter().filter_map(|o| o.municipality.clone()).collect();
        municipalities.sort();
        municipalities.dedup();
        let mut sectors: Vec<String> = all.iter().filter_map(|o| o.sector.clone()).collect();
        sectors.sort();
        sectors.dedup();
        let mut kernen: Vec<String> = all.iter().filter_map(|o| o.kern.clone()).collect();
        kernen.sort();
        kernen.dedup();
        let offers: Vec<LocationOffer> = all
            .into_iter()
            .filter(|o| filters.sector.as_ref().filter(|s| !s.is_empty()).is_none_or(|s| o.sector.as_ref() == Some(s)))
            .filter(|o| {
                filters
                    .municipality
                    .as_ref()
                    .filter(|m| !m.is_empty())
                    .is_none_or(|m| o.municipality.as_ref() == Some(m))
            })
            .filter(|o| filters.kern.as_ref().filter(|k| !k.is_empty()).is_none_or(|k| o.kern.as_ref() == Some(k)))
            .collect();
        let min = rank(&filters.min_level).unwrap_or(2);
        let settings = self.coverage_settings(scope).await?;
        let (gaps, unknown) =
            gaps_by(&offers, min, filters.area, &settings).into_iter().partition(|g| g.kind == GapKind::NoOffer);
        Ok(Coverage { counts: counts(&offers), gaps, unknown, settings, offers, municipalities, sectors, kernen })
    }
}

impl App {
    /// How the SWV reads its coverage (the defaults while it set nothing).
    pub async fn coverage_settings(&self, scope: &SwvScope) -> Result<CoverageSettings> {
        Ok(self.db.coverage_settings(&scope.view).await?)
    }

    /// Sets how the SWV reads its coverage (its admins), after checking the share.
    pub async fn save_coverage_settings(
        &self,
        actor: &Actor,
        scope: &SwvScope,
        settings: &CoverageSettings,
    ) -> Result<Result<(), Vec<(String, Message)>>> {
        let edit = access::edit_swv(actor, scope.code.as_str())?;
        if let Err(problems) = settings.check() {
            return Ok(Err(problems));
        }
        self.db.save_coverage_settings(&edit, settings, actor.user_id()).await?;
        Ok(Ok(()))
    }
}
