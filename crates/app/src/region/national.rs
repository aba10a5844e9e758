//! The national view for platform admins: coverage over every SWV.

use std::collections::BTreeMap;

use passend_domain::access::{self, Actor};
use passend_domain::coverage::{CategoryCounts, GapKind, LocationOffer, counts, gaps, rank};
use passend_domain::questionnaire::SchoolYear;
use serde::Serialize;

use crate::{App, Result};

#[derive(Serialize)]
pub struct SwvSummary {
    pub code: String,
    pub locations: usize,
    pub profiles: usize,
    pub adopted: usize,
    /// Municipality × category pairs with no location at *standaard* where
    /// enough locations answered (the SWV's share).
    pub gaps: usize,
    /// Municipality × category pairs not covered where too few answered to tell.
    pub unknown: usize,
}

/// Counts over every location with a profile, a line per SWV, and how many locations there are.
pub struct NationalView {
    pub counts: Vec<CategoryCounts>,
    pub swvs: Vec<SwvSummary>,
    pub locations: usize,
}

impl App {
    pub async fn national_coverage(&self, actor: &Actor, year: SchoolYear) -> Result<NationalView> {
        let admin = access::platform_admin(actor)?;
        let all = self.db.national_coverage(&admin, year).await?;
        let settings = self.db.all_coverage_settings(&admin).await?;
        let with_profile: Vec<LocationOffer> =
            all.iter().filter(|(o, _)| o.state.is_some()).map(|(o, _)| o.clone()).collect();
        let mut per_swv: BTreeMap<&str, Vec<&LocationOffer>> = BTreeMap::new();
        for (offer, swvs) in &all {
            for swv in swvs {
                per_swv.entry(swv.as_str()).or_default().push(offer);
            }
        }
        let standaard = rank("standaard").unwrap_or(2);
        let swvs = per_swv
            .into_iter()
            .map(|(code, offers)| {
                let offers: Vec<LocationOffer> = offers.into_iter().cloned().collect();
                let not_covered = gaps(&offers, standaard, &settings.get(code).copied().unwrap_or_default());
                let profiled: Vec<&LocationOffer> = offers.iter().filter(|o| o.state.is_some()).collect();
                SwvSummary {
                    code: code.to_owned(),
                    locations: offers.len(),
                    profiles: profiled.len(),
                    adopted: profiled.iter().filter(|o| !o.is_draft()).count(),
                    gaps: not_covered.iter().filter(|g| g.kind == GapKind::NoOffer).count(),
                    unknown: not_covered.iter().filter(|g| g.kind == GapKind::Unknown).count(),
                }
            })
            .collect();
        Ok(NationalView { counts: counts(&with_profile), swvs, locations: all.len() })
    }
}
