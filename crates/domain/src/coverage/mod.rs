//! The SWV's view of its region: which location offers which support, how
//! many offer each level per category, and the gaps (*dekkend aanbod*): an
//! area where the schools that answered offer a category at no school at or
//! above a chosen level, told apart from an area where too few answered.

mod expertise;
mod gaps;
mod kernen;
mod norm;

use std::collections::HashMap;

pub use expertise::{NeedsOf, SpecialistTotal, specialists, training_needs};
pub use gaps::{CoverageSettings, DEFAULT_MIN_PROFILED_PERCENT, Gap, GapKind, gaps, gaps_by};
pub use kernen::{Kern, KernProblem, MAX_KERN_NAME, validate_kernen};
pub use norm::{Compliance, Norm, NormItem};

use serde::Serialize;

use crate::lifecycle::ProfileState;
use crate::questionnaire::SupportCategory;

/// The levels of the support scale, lowest first (section D of the default template).
pub const LEVELS: [&str; 3] = ["niet", "na_overleg", "standaard"];

/// A level's place on the scale; `None` for a key that is not on it.
pub fn rank(level: &str) -> Option<usize> {
    LEVELS.iter().position(|l| *l == level)
}

/// What one location offers, from its profile of the school year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LocationOffer {
    pub code: String,
    pub name: String,
    pub brin: String,
    pub municipality: Option<String>,
    pub sector: Option<String>,
    /// The SWV's sub-region (*kern*) the location is in, if the SWV made them.
    pub kern: Option<String>,
    /// From DUO's open data, for the map.
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// `None` when the location has no profile for the year.
    pub state: Option<ProfileState>,
    /// The profile is sample data (`passend demo --scale national`), not the school's own.
    pub generated: bool,
    /// Level key per category, as the school answered.
    pub levels: HashMap<SupportCategory, String>,
}

impl LocationOffer {
    /// A profile that is not adopted yet: its answers may still change.
    pub fn is_draft(&self) -> bool {
        self.state.is_some_and(|s| !s.is_adopted())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CategoryCounts {
    pub category: SupportCategory,
    /// How many locations offer each level, in the order of [`LEVELS`].
    pub per_level: [usize; 3],
    /// Locations without an answer for the category.
    pub unknown: usize,
}

/// Counts per category over the locations.
pub fn counts(offers: &[LocationOffer]) -> Vec<CategoryCounts> {
    SupportCategory::ALL
        .iter()
        .map(|category| {
            let mut per_level = [0; 3];
            let mut unknown = 0;
            for offer in offers {
                match offer.levels.get(category).and_then(|l| rank(l)) {
                    Some(r) => per_level[r] += 1,
                    None => unknown += 1,
                }
            }
            CategoryCounts { category: *category, per_level, unknown }
        })
        .collect()
}

/// What a gap is measured over: the municipality, or the SWV's own kernen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum AreaKind {
    #[default]
    Municipality,
    Kern,
}

impl AreaKind {
    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "gemeente" | "municipality" => Some(AreaKind::Municipality),
            "kern" => Some(AreaKind::Kern),
            _ => None,
        }
    }

    fn of(self, offer: &LocationOffer) -> Option<&String> {
        match self {
            AreaKind::Municipality => offer.municipality.as_ref(),
            AreaKind::Kern => offer.kern.as_ref(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offer(code: &str, town: &str, state: Option<ProfileState>, levels: &[(SupportCategory, &str)]) -> LocationOffer {
        LocationOffer {
            code: code.into(),
            name: code.into(),
            brin: code[..4].into(),
            municipality: Some(town.into()),
            sector: Some("po".into()),
            kern: None,
            generated: false,
            lat: None,
            lon: None,
            state,
            levels: levels.iter().map(|(c, l)| (*c, (*l).to_owned())).collect(),
        }
    }

    #[test]
    fn counts_and_gaps_by_hand() {
        use SupportCategory::*;
        let offers = [
            offer("AAAA00", "Amsterdam", Some(ProfileState::Published), &[(Dyslexie, "standaard"), (Gedrag, "niet")]),
            offer(
                "BBBB00",
                "Amsterdam",
                Some(ProfileState::Concept),
                &[(Dyslexie, "na_overleg"), (Gedrag, "na_overleg")],
            ),
            offer("CCCC00", "Diemen", None, &[]),
        ];
        let counts = counts(&offers);
        let dyslexie = counts.iter().find(|c| c.category == Dyslexie).unwrap();
        assert_eq!((dyslexie.per_level, dyslexie.unknown), ([0, 1, 1], 1));
        let gedrag = counts.iter().find(|c| c.category == Gedrag).unwrap();
        assert_eq!((gedrag.per_level, gedrag.unknown), ([1, 1, 0], 1));
        assert!(offers[1].is_draft() && !offers[0].is_draft() && !offers[2].is_draft());

        // At "standaard": Amsterdam lacks every category but dyslexie; both its
        // locations answered gedrag (a gap), none the other ten (unknown).
        // Diemen has no profile: twelve unknowns, no gap.
        let settings = CoverageSettings::default();
        let strict = gaps(&offers, rank("standaard").unwrap(), &settings);
        assert_eq!(strict.iter().filter(|g| g.area == "Amsterdam").count(), 11);
        assert!(!strict.iter().any(|g| g.area == "Amsterdam" && g.category == Dyslexie));
        let no_offer: Vec<_> = strict.iter().filter(|g| g.kind == GapKind::NoOffer).collect();
        assert_eq!(no_offer.len(), 1);
        assert_eq!((no_offer[0].area.as_str(), no_offer[0].category), ("Amsterdam", Gedrag));
        assert_eq!(strict.iter().filter(|g| g.area == "Diemen" && g.kind == GapKind::Unknown).count(), 12);
        // At "na overleg": gedrag is covered in Amsterdam too.
        let lenient = gaps(&offers, rank("na_overleg").unwrap(), &settings);
        assert!(!lenient.iter().any(|g| g.area == "Amsterdam" && g.category == Gedrag));
        assert_eq!(lenient.iter().filter(|g| g.area == "Amsterdam").count(), 10);
    }

    #[test]
    fn gaps_by_kern_group_across_municipalities() {
        use SupportCategory::*;
        let mut a = offer("AAAA00", "Amsterdam", Some(ProfileState::Published), &[(Dyslexie, "standaard")]);
        let mut c = offer("CCCC00", "Diemen", None, &[]);
        let b = offer("BBBB00", "Amsterdam", None, &[]);
        a.kern = Some("Oost".into());
        c.kern = Some("Oost".into());
        let offers = [a, b, c];
        let by_kern = gaps_by(&offers, rank("standaard").unwrap(), AreaKind::Kern, &CoverageSettings::default());
        // One kern (Oost: Amsterdam's AAAA00 and Diemen's CCCC00); BBBB00 has no kern.
        assert_eq!(by_kern.len(), 11);
        assert!(by_kern.iter().all(|g| g.area == "Oost" && g.locations == 2 && g.category != Dyslexie));
        assert!(by_kern.iter().all(|g| g.with_profile == 1 && g.kind == GapKind::Unknown));
    }
}
