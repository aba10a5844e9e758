//! The default template, written by us after the sections of a school support
//! profile that the sector uses (A–L; section L asks who took part and where
//! parents find the profile, while the MR's advice and the board's adoption
//! are steps of the profile's life cycle). It ships with the binary as
//! `default_template.toml`.

use std::sync::OnceLock;

use super::template::Template;

const SOURCE: &str = include_str!("default_template.toml");

/// The platform's default template. The TOML is checked by the unit tests, so
/// a broken file cannot reach a release.
pub fn default_template() -> &'static Template {
    static TEMPLATE: OnceLock<Template> = OnceLock::new();
    TEMPLATE.get_or_init(|| toml::from_str(SOURCE).expect("default_template.toml is valid (see its tests)"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::{BasisAspect, ItemKind, LegalRole, SupportCategory};

    #[test]
    fn the_default_template_is_valid_and_covers_the_law() {
        let template = default_template();
        template.check().unwrap();
        let keys: Vec<&str> = template.sections.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(keys, ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L"]);
        let roles: Vec<LegalRole> = template.items().filter_map(|i| i.legal_role).collect();
        for aspect in [
            BasisAspect::Basiskwaliteit,
            BasisAspect::PreventieveInterventies,
            BasisAspect::Ondersteuningsstructuur,
            BasisAspect::PlanmatigWerken,
        ] {
            assert!(roles.contains(&LegalRole::Basisondersteuning(aspect)), "{aspect:?}");
        }
        for role in [LegalRole::ExtraOndersteuning, LegalRole::Ambitie, LegalRole::Deskundigheid, LegalRole::Scholing] {
            assert!(roles.contains(&role), "{role:?}");
        }
    }

    #[test]
    fn every_support_category_has_a_scale_item() {
        let template = default_template();
        for category in SupportCategory::ALL {
            let item =
                template.items().find(|i| i.category == Some(category)).unwrap_or_else(|| panic!("{category:?}"));
            assert!(matches!(item.kind, ItemKind::Scale { .. }), "{}", item.key);
        }
    }
}
