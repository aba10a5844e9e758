//! `passend import duo` as an operator runs it: the real binary against a fresh database.

use std::process::{Command, Output};

use passend_storage::Database;
use passend_storage::test_support::fresh_database_url;

use crate::support::fixture;

fn import(url: &str, files: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_passend"));
    command.args(["--database-url", url, "import", "duo"]).env("PASSEND_LANG", "nl");
    for file in files {
        command.arg(fixture(file));
    }
    command.output().unwrap()
}

async fn counts(url: &str) -> (i64, usize, usize) {
    let db = Database::connect(url).await.unwrap();
    let result = (
        db.count_locations().await.unwrap(),
        db.list_swvs().await.unwrap().len(),
        db.count_users().await.unwrap() as usize,
    );
    db.close().await;
    result
}

#[tokio::test]
async fn a_second_import_creates_nothing() {
    let url = fresh_database_url().await;
    let first = import(&url, &["vestigingen_klein.csv", "pc4_swv_klein.csv", "duo_adressen_nieuw.csv"]);
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    let out = String::from_utf8(first.stdout).unwrap();
    assert!(out.contains("Vestigingen                      7         0         0"), "{out}");
    let second = import(&url, &["vestigingen_klein.csv", "pc4_swv_klein.csv", "duo_adressen_nieuw.csv"]);
    let out = String::from_utf8(second.stdout).unwrap();
    assert!(out.contains("Vestigingen                      0         0         7"), "{out}");
    assert!(out.contains("Samenwerkingsverbanden           0         0         6"), "{out}");
    assert!(out.contains("Klaar in"), "the time taken is reported");
    assert_eq!(counts(&url).await.0, 7);
}

#[tokio::test]
async fn each_broken_file_names_where_and_writes_nothing() {
    let url = fresh_database_url().await;
    assert!(import(&url, &["vestigingen_klein.csv", "pc4_swv_klein.csv"]).status.success());
    let before = counts(&url).await;
    let cases = [
        ("kapot_codering.csv", "regel 4, kolom 16", "geen geldige tekst in UTF-8"),
        ("kapot_kolom.csv", "regel 1, kolom 18 (postcode)", "De kolom \"postcode\" ontbreekt"),
        ("kapot_dubbel.csv", "regel 5, kolom 1 (vestigingscode)", "staat dubbel; hij stond al op regel 2"),
        ("kapot_brin.csv", "regel 3, kolom 2 (brin_nummer)", "\"1XEU\" is geen geldig BRIN-nummer"),
    ];
    for (file, place, problem) in cases {
        // A good file beside the broken one: the import is all or nothing.
        let output = import(&url, &["duo_adressen_nieuw.csv", file]);
        assert!(!output.status.success(), "{file} was accepted");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(stderr.contains(file) && stderr.contains(place) && stderr.contains(problem), "{file}: {stderr}");
        assert!(stderr.contains("Er is niets opgeslagen."), "{stderr}");
        assert_eq!(counts(&url).await, before, "{file} changed the database");
    }
}
