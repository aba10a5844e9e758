//! The sector of a school location, derived from DUO's school type.

use serde::{Deserialize, Serialize};

use super::SwvKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sector {
    /// Regular primary (basisonderwijs).
    Po,
    /// Special primary (speciaal basisonderwijs, SBAO).
    Sbo,
    /// Special education for primary ages.
    So,
    /// Special secondary education.
    Vso,
    /// A combined (V)SO location: both special primary and secondary.
    SoVso,
    /// Secondary education, praktijkonderwijs included.
    Vo,
}

impl Sector {
    pub const ALL: [Sector; 6] = [Sector::Po, Sector::Sbo, Sector::So, Sector::Vso, Sector::SoVso, Sector::Vo];

    /// From DUO's school type (`basisschool`, `SBAO`, `(V)SO`, `VBO/MAVO`, …) or
    /// from DUO's *soort primair onderwijs* (`Bao`, `Sbao`, `(V)SO`).
    pub fn from_duo_type(raw: &str) -> Option<Sector> {
        let t = raw.trim().to_ascii_uppercase();
        match t.as_str() {
            "" => None,
            "BASISSCHOOL" | "BAO" | "BO" => Some(Sector::Po),
            "SBAO" | "SBO" => Some(Sector::Sbo),
            "SO" => Some(Sector::So),
            "VSO" => Some(Sector::Vso),
            "(V)SO" | "V(SO)" | "SO/VSO" | "WEC" => Some(Sector::SoVso),
            _ if ["VO", "VBO", "MAVO", "HAVO", "VWO", "PRO", "BRUGJAAR", "VMBO"]
                .iter()
                .any(|part| t.split('/').any(|p| p.trim() == *part)) =>
            {
                Some(Sector::Vo)
            }
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Sector::Po => "po",
            Sector::Sbo => "sbo",
            Sector::So => "so",
            Sector::Vso => "vso",
            Sector::SoVso => "so_vso",
            Sector::Vo => "vo",
        }
    }

    /// The catalogue id of the sector's name (`sector-so_vso`).
    pub fn message_id(self) -> &'static str {
        match self {
            Sector::Po => "sector-po",
            Sector::Sbo => "sector-sbo",
            Sector::So => "sector-so",
            Sector::Vso => "sector-vso",
            Sector::SoVso => "sector-so_vso",
            Sector::Vo => "sector-vo",
        }
    }

    pub fn parse(value: &str) -> Option<Sector> {
        Sector::ALL.into_iter().find(|s| s.as_str() == value)
    }

    /// Which SWVs a location of this sector belongs to: primary, secondary or both.
    pub fn swv_kinds(self) -> &'static [SwvKind] {
        match self {
            Sector::Po | Sector::Sbo | Sector::So => &[SwvKind::Po],
            Sector::Vso | Sector::Vo => &[SwvKind::Vo],
            Sector::SoVso => &[SwvKind::Po, SwvKind::Vo],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duo_types_map_to_sectors() {
        assert_eq!(Sector::from_duo_type("basisschool"), Some(Sector::Po));
        assert_eq!(Sector::from_duo_type("SBAO"), Some(Sector::Sbo));
        assert_eq!(Sector::from_duo_type("(V)SO"), Some(Sector::SoVso));
        assert_eq!(Sector::from_duo_type("VBO/MAVO/HAVO/VWO/PRO"), Some(Sector::Vo));
        assert_eq!(Sector::from_duo_type("PRO"), Some(Sector::Vo));
        assert_eq!(Sector::from_duo_type("Bao"), Some(Sector::Po));
        assert_eq!(Sector::from_duo_type("kinderopvang"), None);
    }

    #[test]
    fn combined_special_schools_belong_to_both_swvs() {
        assert_eq!(Sector::SoVso.swv_kinds(), &[SwvKind::Po, SwvKind::Vo]);
        assert_eq!(Sector::Sbo.swv_kinds(), &[SwvKind::Po]);
        assert_eq!(Sector::Vso.swv_kinds(), &[SwvKind::Vo]);
    }

    #[test]
    fn sector_names_round_trip() {
        for s in Sector::ALL {
            assert_eq!(Sector::parse(s.as_str()), Some(s));
        }
    }
}
