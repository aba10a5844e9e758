//! The one search box of the home page and `/scholen` (and `GET
//! /api/v1/locations?q=`): a name, BRIN, place, municipality, postcode or
//! kind of support, understood by [`passend_domain::publishing::understand`].

use passend_domain::organisations::{municipality_name, place_key};
use passend_domain::publishing::{
    CONSULT, FoundLocation, Postcode, STANDARD, SchoolQuery, bounding_box, nearest, understand,
};
use passend_domain::questionnaire::default_template;

use crate::{App, Result};

/// At most this many locations are listed.
pub const FIND_LIMIT: usize = 100;
/// A postcode search lists the locations within this many kilometres.
pub const NEAR_KM: f64 = 10.0;

/// What a search found.
#[derive(Debug, Clone)]
pub struct Found {
    /// What the text was understood to ask.
    pub query: SchoolQuery,
    /// Nearest first when a postcode was given, else by name (in a search by
    /// support, the standard offers first).
    pub hits: Vec<FoundLocation>,
    /// More locations matched than are listed.
    pub more: bool,
    /// A postcode was given that no known location is in or near: the hits
    /// are not ordered by distance.
    pub unknown_postcode: bool,
}

impl App {
    /// Finds locations as the search box's text asks; `None` when the text is
    /// too short to search for. Municipalities and places come back as they
    /// write themselves ("Diemen", not DUO's "DIEMEN").
    pub async fn find_locations(&self, text: &str) -> Result<Option<Found>> {
        let Some(query) = understand(text) else { return Ok(None) };
        let mut unknown_postcode = false;
        let point = match query.postcode() {
            Some(postcode) => {
                let point = self.postcode_position(postcode).await?;
                unknown_postcode = point.is_none();
                point
            }
            None => None,
        };
        let mut hits = match &query {
            SchoolQuery::School(brin) => self.db.find_locations_by_code(brin.as_str()).await?,
            SchoolQuery::Location(code) => self.db.find_locations_by_code(code.as_str()).await?,
            SchoolQuery::Text(text) => {
                self.db.find_locations_by_text(text, i64::try_from(FIND_LIMIT + 1).unwrap_or(i64::MAX)).await?
            }
            SchoolQuery::Near(_) => match point {
                Some(point) => {
                    let (lat, lon) = bounding_box(point, NEAR_KM);
                    nearest(self.db.find_locations_in_box(lat, lon).await?, point, Some(NEAR_KM))
                }
                None => Vec::new(),
            },
            SchoolQuery::Topic { category, place, .. } => {
                let item_key = default_template()
                    .items()
                    .find(|i| i.category == Some(*category))
                    .map(|i| i.key.clone())
                    .unwrap_or_default();
                let place = place.as_deref().map(place_key).unwrap_or_default();
                let mut offered: Vec<FoundLocation> = self
                    .db
                    .public_offers("", "", &item_key)
                    .await?
                    .into_iter()
                    .filter(|o| o.level.as_deref().is_some_and(|l| l == STANDARD || l == CONSULT))
                    .filter(|o| {
                        place.is_empty()
                            || [&o.city, &o.municipality].into_iter().flatten().any(|p| place_key(p).contains(&place))
                    })
                    .map(|o| FoundLocation {
                        code: o.code,
                        brin: o.brin,
                        name: o.name,
                        school_name: o.school_name,
                        street: o.street,
                        house_number: o.house_number,
                        postcode: o.postcode,
                        city: o.city,
                        municipality: o.municipality,
                        lat: o.lat,
                        lon: o.lon,
                        public_year: Some(o.school_year),
                        km: None,
                        level: o.level,
                    })
                    .collect();
                match point {
                    Some(point) => nearest(offered, point, None),
                    None => {
                        offered.sort_by_key(|l| l.level.as_deref() != Some(STANDARD));
                        offered
                    }
                }
            }
        };
        let more = hits.len() > FIND_LIMIT;
        hits.truncate(FIND_LIMIT);
        for hit in &mut hits {
            hit.municipality = hit.municipality.as_deref().map(municipality_name);
            // Some DUO files write places in capitals too; the same rules name them.
            hit.city = hit.city.as_deref().map(municipality_name);
        }
        Ok(Some(Found { query, hits, more, unknown_postcode }))
    }

    /// Where a postcode lies: the locations with exactly that postcode, else
    /// the mean of its PC4 area's locations (or of the nearest area's).
    pub(crate) async fn postcode_position(&self, postcode: &Postcode) -> Result<Option<(f64, f64)>> {
        if let Some(pc6) = postcode.pc6()
            && let Some(point) = self.db.postcode6_point(&pc6).await?
        {
            return Ok(Some(point));
        }
        Ok(self.db.postcode_point(postcode.pc4()).await?)
    }

    /// The newest public school year of each location of a school that has
    /// one, for links from the school's page to the published profiles.
    pub async fn public_years_of_school(&self, brin: &str) -> Result<Vec<(String, String)>> {
        Ok(self
            .db
            .find_locations_by_code(brin)
            .await?
            .into_iter()
            .filter(|l| l.brin == brin)
            .filter_map(|l| l.public_year.map(|y| (l.code, y)))
            .collect())
    }
}
