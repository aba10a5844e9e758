//! Published profiles: the version a public page or document shows and what
//! it needs around it (location, school, SWV, last year's version), open
//! data, and search by support.

use passend_domain::organisations::{Location, municipality_name};
use passend_domain::publishing::{CONSULT, Postcode, STANDARD, SearchHit, distance_km};
use passend_domain::questionnaire::{SchoolYear, SupportCategory, default_template};
use passend_storage::directory::Swv;
pub use passend_storage::publishing::{PublishedSummary, PublishedVersion};

use crate::{App, Error, Result};

/// At most this many search results are listed (nearest or by name first).
pub const MAX_HITS: usize = 100;
pub const DEFAULT_KM: f64 = 10.0;

/// Everything around a version that its public page shows.
pub struct VersionContext {
    pub version: PublishedVersion,
    /// Last school year's public version of the same location, for "what changed".
    pub previous: Option<PublishedVersion>,
    pub location: Location,
    pub school_name: String,
    /// Every school year with a public version, newest first.
    pub years: Vec<String>,
    /// The location's SWV code (PO first) and its stored details.
    pub swv_code: Option<String>,
    pub swv: Option<Swv>,
}

/// A search by support as people type it.
#[derive(Debug, Default, Clone)]
pub struct SupportSearch<'a> {
    /// A support category key, e.g. `dyslexie`.
    pub topic: &'a str,
    /// `standaard` or `na_overleg`.
    pub level: &'a str,
    pub municipality: &'a str,
    pub swv: &'a str,
    /// 1234 or 1234 AB: results within `km`.
    pub postcode: &'a str,
    pub km: &'a str,
}

impl App {
    /// The public version of `year` (or the newest) of a location; not found
    /// for a location without one, whatever state its drafts are in.
    pub async fn public_version(&self, code: &str, year: Option<&str>) -> Result<PublishedVersion> {
        let code = code.trim().to_uppercase();
        self.db.public_version(&code, year).await?.ok_or(Error::NotFound)
    }

    /// What a version's page shows around it. Any version may be given (a
    /// draft too, for the team's readability report of its parent report).
    pub async fn version_context(&self, version: PublishedVersion) -> Result<VersionContext> {
        let code = version.profile.location_code.clone();
        let location = self.db.location(&code).await?.ok_or(Error::NotFound)?;
        let school = self.db.school(&location.brin).await?.ok_or(Error::NotFound)?;
        let years = self.db.public_years(&code).await?;
        let previous = match SchoolYear::parse(&version.profile.school_year) {
            Some(this) => self.db.public_version(&code, Some(&this.previous().to_string())).await?,
            None => None,
        };
        let swv_code = location.swv_po.clone().or_else(|| location.swv_vo.clone());
        let swv = match &swv_code {
            Some(c) => self.db.swv(c).await?,
            None => None,
        };
        Ok(VersionContext { version, previous, location, school_name: school.school.name, years, swv_code, swv })
    }

    /// The newest published profile of every location (of one SWV).
    pub async fn published_profiles(&self, swv: Option<&str>) -> Result<Vec<PublishedSummary>> {
        Ok(self.db.published_profiles(swv).await?)
    }

    /// The published profiles of an SWV; not found for an unknown SWV.
    pub async fn published_profiles_of_swv(&self, code: &str) -> Result<Vec<PublishedSummary>> {
        self.db.swv(code).await?.ok_or(Error::NotFound)?;
        Ok(self.db.published_profiles(Some(code)).await?)
    }

    /// Locations in a municipality, an SWV or near a postcode whose newest
    /// published profile offers the category at the level; problems per field
    /// (catalogue ids) when the search cannot run.
    pub async fn search_by_support(
        &self,
        search: &SupportSearch<'_>,
    ) -> Result<Result<Vec<SearchHit>, Vec<(&'static str, &'static str)>>> {
        let mut problems = Vec::new();
        let category = SupportCategory::parse(search.topic.trim()).unwrap_or(SupportCategory::Dyslexie);
        let min_level = if search.level == CONSULT { CONSULT } else { STANDARD };
        let km = match search.km.trim() {
            "" => DEFAULT_KM,
            raw => match raw.replace(',', ".").parse::<f64>() {
                Ok(km) if (1.0..=100.0).contains(&km) => km,
                _ => {
                    problems.push(("afstand", "public-search-distance-invalid"));
                    DEFAULT_KM
                }
            },
        };
        let mut near = None;
        if !search.postcode.trim().is_empty() {
            match Postcode::parse(search.postcode) {
                None => problems.push(("postcode", "public-search-postcode-invalid")),
                Some(postcode) => match self.postcode_position(&postcode).await? {
                    Some(point) => near = Some(point),
                    None => problems.push(("postcode", "public-search-postcode-unknown")),
                },
            }
        }
        let swv = search.swv.trim().replace([' ', '-'], "").to_uppercase();
        let municipality = search.municipality.trim();
        if near.is_none() && swv.is_empty() && municipality.is_empty() && problems.is_empty() {
            problems.push(("gemeente", "public-search-need-place"));
        }
        if !problems.is_empty() {
            return Ok(Err(problems));
        }
        let item_key = default_template()
            .items()
            .find(|i| i.category == Some(category))
            .map(|i| i.key.clone())
            .unwrap_or_default();
        let offers = self.db.public_offers(municipality, &swv, &item_key).await?;
        let accepted = |level: &str| level == STANDARD || (min_level == CONSULT && level == CONSULT);
        let limit = km;
        let mut hits: Vec<SearchHit> = offers
            .into_iter()
            .filter_map(|o| {
                let level = o.level.filter(|l| accepted(l))?;
                let km = match (near, o.lat, o.lon) {
                    (Some(point), Some(lat), Some(lon)) => Some(distance_km(point, (lat, lon))),
                    (Some(_), _, _) => return None,
                    _ => None,
                };
                Some(SearchHit {
                    code: o.code,
                    name: o.name,
                    municipality: o.municipality.as_deref().map(municipality_name),
                    category,
                    level,
                    school_year: o.school_year,
                    km,
                })
            })
            .filter(|h| h.km.is_none_or(|d| d <= limit))
            .collect();
        if near.is_some() {
            hits.sort_by(|a, b| a.km.unwrap_or(f64::MAX).total_cmp(&b.km.unwrap_or(f64::MAX)));
        }
        hits.truncate(MAX_HITS);
        Ok(Ok(hits))
    }
}
