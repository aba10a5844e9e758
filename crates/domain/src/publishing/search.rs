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

/// Great-circle distance in kilometres (haversine; the Netherlands is small
/// enough that this is exact to metres).
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (lat1, lon1) = (a.0.to_radians(), a.1.to_radians());
    let (lat2, lon2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((lat2 - lat1) / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

/// The four digits of a Dutch postcode (`1234`, `1234AB`, `1234 ab`).
pub fn parse_postcode(raw: &str) -> Option<u16> {
    let compact: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    if !compact.is_ascii() {
        return None;
    }
    let (digits, letters) = compact.split_at(compact.len().min(4));
    let valid_letters = letters.is_empty() || (letters.len() == 2 && letters.chars().all(|c| c.is_ascii_alphabetic()));
    let number: u16 = digits.parse().ok().filter(|_| digits.len() == 4 && valid_letters)?;
    (1000..=9999).contains(&number).then_some(number)
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

    #[test]
    fn postcodes_as_parents_type_them() {
        assert_eq!(parse_postcode("1234"), Some(1234));
        assert_eq!(parse_postcode("1234 ab"), Some(1234));
        assert_eq!(parse_postcode(" 1234AB "), Some(1234));
        for bad in ["", "123", "0123", "12345", "1234 A", "1234 A1", "abcd", "123é", "12€", "1234 ÅB"] {
            assert_eq!(parse_postcode(bad), None, "{bad}");
        }
    }
}
