//! The web crate reaches the database only through the application layer:
//! it may not depend on the storage crate, so a handler cannot call storage
//! even by accident (the compiler would not find `passend_storage`).

#[test]
fn web_depends_on_the_application_layer_not_on_storage() {
    let manifest = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml")).unwrap();
    let manifest: toml::Table = manifest.parse().unwrap();
    for section in ["dependencies", "dev-dependencies", "build-dependencies"] {
        let Some(deps) = manifest.get(section).and_then(|d| d.as_table()) else { continue };
        assert!(!deps.contains_key("passend-storage"), "crates/web [{section}] names passend-storage");
        if section == "dependencies" {
            assert!(deps.contains_key("passend-app"), "crates/web must use the application layer");
        }
    }
}
