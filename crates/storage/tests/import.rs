//! The DUO import against a real database (SQLite, or PostgreSQL with TEST_DATABASE_URL).

use passend_domain::duo::{DuoFile, parse_file};
use passend_storage::Database;
use passend_storage::test_support::fresh_database_url;

fn fixture(name: &str) -> DuoFile {
    let path = format!("{}/../../tests/fixtures/duo/{name}", env!("CARGO_MANIFEST_DIR"));
    parse_file(name, &std::fs::read(path).unwrap()).unwrap()
}

async fn database() -> Database {
    let db = Database::connect(&fresh_database_url().await).await.unwrap();
    passend_storage::migrations::run(&db).await.unwrap();
    db
}

#[tokio::test]
async fn an_import_is_idempotent_and_keeps_what_files_do_not_say() {
    let db = database().await;
    let files = vec![fixture("vestigingen_klein.csv"), fixture("pc4_swv_klein.csv"), fixture("duo_adressen_oud.csv")];
    let first = db.import_duo(&files, &|_| {}).await.unwrap();
    assert_eq!(first.locations.created, 6);
    assert_eq!(first.swvs.created, 6);
    assert_eq!(first.boards.created, 2);
    let second = db.import_duo(&files, &|_| {}).await.unwrap();
    assert_eq!(second.created(), 0);
    assert_eq!(second.locations.updated, 0);
    assert_eq!(second.locations.unchanged, 6);

    let swvs = db.list_swvs().await.unwrap();
    let amsterdam = swvs.iter().find(|s| s.code == "PO2707").unwrap();
    assert_eq!((amsterdam.schools, amsterdam.locations), (2, 3));
    let brug = db.school("04FZ").await.unwrap().unwrap();
    assert_eq!(brug.school.board.as_deref(), Some("41234"));
    assert_eq!(brug.locations[0].pupils, Some(120));
    assert_eq!(brug.locations[1].name, "De Brug dépendance");
    let schools = db.schools_of_swv("PO2707").await.unwrap();
    assert_eq!(schools.iter().map(|s| s.brin.as_str()).collect::<Vec<_>>(), vec!["04FZ", "20XK"]);
    assert_eq!(schools[0].pupils, Some(160));
}

#[tokio::test]
async fn migrations_run_once() {
    let db = database().await;
    assert!(passend_storage::migrations::run(&db).await.unwrap().is_empty());
}

#[tokio::test]
async fn concurrent_writes_on_one_database_do_not_fail() {
    let db = database().await;
    let mut tasks = Vec::new();
    for i in 0..40 {
        let db = db.clone();
        tasks.push(tokio::spawn(async move {
            let email = passend_domain::accounts::Email::parse(&format!("p{i}@school.nl")).unwrap();
            let id = db.create_user(&email, "P", "x").await?;
            db.user_by_id(id).await?;
            db.queue_mail(email.as_str(), "s", "b").await
        }));
    }
    for task in tasks {
        task.await.unwrap().unwrap();
    }
    assert_eq!(db.count_users().await.unwrap(), 40);
}
