//! From a gap in an SWV's coverage to help: practice examples for the
//! support category, and the nearest locations in and around the region that
//! offer it at the chosen level (from their published profiles), with the
//! *dagdelen* of the specialists that matter for it.

use passend_domain::knowledge::gap_help::{centre, nearest, relevant_dagdelen};
use passend_domain::organisations::{municipality_name, place_key};
use passend_domain::publishing::{CONSULT, STANDARD};
use passend_domain::questionnaire::{SchoolYear, SupportCategory, default_template};

use super::ExampleHit;
use crate::region::SwvScope;
use crate::{App, Result};

/// How many offering locations a gap shows.
pub const NEARBY_MAX: usize = 5;

/// A location that offers the category, near the gap.
#[derive(Debug, Clone)]
pub struct NearbyOffer {
    pub code: String,
    pub name: String,
    pub school_name: String,
    pub municipality: Option<String>,
    pub level: String,
    pub km: Option<f64>,
    /// Whether the location belongs to this SWV.
    pub in_region: bool,
    /// The relevant specialists with their dagdelen per week.
    pub specialists: Vec<(String, f64)>,
}

#[derive(Debug, Clone)]
pub struct GapHelp {
    pub category: SupportCategory,
    pub area: String,
    pub examples: Vec<ExampleHit>,
    pub nearby: Vec<NearbyOffer>,
}

impl App {
    /// Help for one gap: `area` is the municipality (as the coverage page names it).
    pub async fn gap_help(
        &self,
        scope: &SwvScope,
        year: SchoolYear,
        category: SupportCategory,
        area: &str,
        min_level: &str,
    ) -> Result<GapHelp> {
        let examples = self.examples_for_category(category, 5).await?;
        let region = self.region_offers(scope, year).await?;
        let wanted = place_key(area);
        let area_points: Vec<(f64, f64)> = region
            .iter()
            .filter(|o| o.municipality.as_deref().is_some_and(|m| place_key(m) == wanted))
            .filter_map(|o| Some((o.lat?, o.lon?)))
            .collect();
        // Without located schools in the area, the region's middle stands in.
        let from = centre(&area_points)
            .or_else(|| centre(&region.iter().filter_map(|o| Some((o.lat?, o.lon?))).collect::<Vec<_>>()));
        let in_region: Vec<&str> = region.iter().map(|o| o.code.as_str()).collect();
        let item_key = default_template()
            .items()
            .find(|i| i.category == Some(category))
            .map(|i| i.key.clone())
            .unwrap_or_default();
        let accepted = |level: &str| level == STANDARD || (min_level == CONSULT && level == CONSULT);
        let offers: Vec<_> = self
            .db
            .public_offers("", "", &item_key)
            .await?
            .into_iter()
            .filter(|o| o.level.as_deref().is_some_and(accepted))
            .collect();
        let closest = nearest(offers, from, |o| Some((o.lat?, o.lon?)), NEARBY_MAX);
        let mut nearby = Vec::with_capacity(closest.len());
        for (offer, km) in closest {
            let specialists = match self.db.public_version(&offer.code, None).await? {
                Some(version) => relevant_dagdelen(category, &version.values()),
                None => Vec::new(),
            };
            nearby.push(NearbyOffer {
                in_region: in_region.contains(&offer.code.as_str()),
                municipality: offer.municipality.as_deref().map(municipality_name),
                level: offer.level.unwrap_or_default(),
                code: offer.code,
                name: offer.name,
                school_name: offer.school_name,
                km,
                specialists,
            });
        }
        Ok(GapHelp { category, area: area.to_owned(), examples, nearby })
    }
}
