//! Search by support: distance from a postcode, and the places a parent can
//! search in.

use serde::Serialize;

use crate::questionnaire::SupportCategory;

/// Where a parent searches.
#[derive(Debug, Clone, PartialEq)]
pub enum Place {
    Municipality(String),
    Swv(String),
    /// Near a point (from a postcode) within `km`.
    Near {
        lat: f64,
        lon: f64,
        km: f64,
    },
}

/// A location that offers the category at the level asked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    pub code: String,
    pub name: String,
    pub municipality: Option<String>,
    pub category: SupportCategory,
    pub level: String,
    pub school_year: String,
    /// Kilometres from the postcode searched near, if any.
    pub km: Option<f64>,
}

/// A location found by the one search box (see [`super::understand`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FoundLocation {
    /// The location code (BRIN6).
    pub code: String,
    pub brin: String,
    pub name: String,
    pub school_name: String,
    pub street: Option<String>,
    pub house_number: Option<String>,
    pub postcode: Option<String>,
    pub city: Option<String>,
    pub municipality: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// The newest school year with a public version: the location's profile
    /// and parent page can be read.
    pub public_year: Option<String>,
    /// Kilometres from the postcode searched near.
    pub km: Option<f64>,
    /// In a search by support: the level the newest public version gives it.
    pub level: Option<String>,
}

/// Great-circle distance in kilometres (haversine; the Netherlands is small
/// enough that this is exact to metres).
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (lat1, lon1) = (a.0.to_radians(), a.1.to_radians());
    let (lat2, lon2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((lat2 - lat1) / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

/// The latitudes and longitudes (min, max) around `point` within which every
/// place `km` away lies, for a first cut in SQL.
pub fn bounding_box(point: (f64, f64), km: f64) -> ((f64, f64), (f64, f64)) {
    let dlat = km / 111.0;
    // A degree of longitude shrinks with the cosine of the latitude; the
    // Netherlands lie far from the poles, so this never divides by ~0.
    let dlon = km / (111.32 * point.0.to_radians().cos().max(0.1));
    ((point.0 - dlat, point.0 + dlat), (point.1 - dlon, point.1 + dlon))
}

/// The locations within `km` of `point` (all of them when `None`), each with
/// its distance, nearest first and then by name; a location without a
/// position is left out when a limit is given, and last otherwise.
pub fn nearest(locations: Vec<FoundLocation>, point: (f64, f64), km: Option<f64>) -> Vec<FoundLocation> {
    let mut out: Vec<FoundLocation> = locations
        .into_iter()
        .map(|mut l| {
            l.km = l.lat.zip(l.lon).map(|p| distance_km(point, p));
            l
        })
        .filter(|l| km.is_none_or(|max| l.km.is_some_and(|d| d <= max)))
        .collect();
    out.sort_by(|a, b| a.km.unwrap_or(f64::MAX).total_cmp(&b.km.unwrap_or(f64::MAX)).then_with(|| a.name.cmp(&b.name)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_between_dutch_towns() {
        // Amsterdam Centraal to Utrecht Centraal: about 35 km as the crow flies.
        let d = distance_km((52.3791, 4.9003), (52.0894, 5.1101));
        assert!((d - 35.0).abs() < 1.5, "{d}");
        assert_eq!(distance_km((52.0, 5.0), (52.0, 5.0)), 0.0);
    }

    fn at(name: &str, lat: Option<f64>, lon: Option<f64>) -> FoundLocation {
        FoundLocation {
            code: format!("{name}00"),
            brin: name.to_owned(),
            name: name.to_owned(),
            school_name: name.to_owned(),
            street: None,
            house_number: None,
            postcode: None,
            city: None,
            municipality: None,
            lat,
            lon,
            public_year: None,
            km: None,
            level: None,
        }
    }

    #[test]
    fn nearest_first_within_the_limit() {
        let here = (52.3435, 4.9005);
        let all = vec![
            at("far", Some(52.0894), Some(5.1101)),
            at("near", Some(52.3440), Some(4.9010)),
            at("nowhere", None, None),
            at("close", Some(52.3600), Some(4.9000)),
        ];
        let names = |v: &[FoundLocation]| v.iter().map(|l| l.name.clone()).collect::<Vec<_>>();
        let within = nearest(all.clone(), here, Some(10.0));
        assert_eq!(names(&within), ["near", "close"]);
        assert!(within[0].km.unwrap() < 0.1 && (within[1].km.unwrap() - 1.8).abs() < 0.2, "{within:?}");
        assert_eq!(names(&nearest(all, here, None)), ["near", "close", "far", "nowhere"]);
    }

    #[test]
    fn the_box_holds_the_circle() {
        let here = (52.3435, 4.9005);
        let ((lat0, lat1), (lon0, lon1)) = bounding_box(here, 10.0);
        for corner in [(lat0, here.1), (lat1, here.1), (here.0, lon0), (here.0, lon1)] {
            assert!(distance_km(here, corner) >= 9.9, "{corner:?}");
        }
    }
}
