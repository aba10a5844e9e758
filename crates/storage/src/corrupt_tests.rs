//! Stored values that do not parse are reported as `Corrupt`, never read as a
//! default. Each test writes the bad row with plain SQL, as a hand edit or an
//! older or newer version of Passend would, and reads it through the crate.

use std::error::Error as _;

use passend_domain::access::{Actor, Membership, OrgView, ProfileCoordination, Role, coordinate_profiles, view_org};
use passend_domain::accounts::Email;
use passend_domain::lifecycle::ProfileState;
use passend_domain::organisations::{OrgContext, OrgKind, OrgRef};
use passend_domain::questionnaire::default_template;

use crate::test_support::fresh_database_url;
use crate::{CorruptCause, Database, StorageError};

const BRIN: &str = "04FZ";
const LOCATION: &str = "04FZ00";

async fn database() -> Database {
    let db = Database::connect(&fresh_database_url().await).await.expect("test database");
    crate::migrations::run(&db).await.expect("migrations");
    sqlx::raw_sql(
        "INSERT INTO schools (brin, name, created_at, updated_at) VALUES ('04FZ', 'De Brug', 0, 0);
         INSERT INTO locations (code, brin, name, created_at, updated_at) VALUES ('04FZ00', '04FZ', 'De Brug', 0, 0);",
    )
    .execute(&db.write)
    .await
    .expect("school and location");
    db
}

/// A profile of the location in 2026-2027 with the state and template JSON as given.
async fn profile_row(db: &Database, state: &str, template_json: &str) -> i64 {
    sqlx::query_scalar(
        "INSERT INTO profiles (location_code, brin, school_year, template_json, state, created_at, updated_at)
         VALUES ($1, $2, '2026-2027', $3, $4, 0, 0) RETURNING id",
    )
    .bind(LOCATION)
    .bind(BRIN)
    .bind(template_json)
    .bind(state)
    .fetch_one(&db.write)
    .await
    .expect("profile row")
}

async fn execute(db: &Database, sql: &str) {
    sqlx::raw_sql(sql).execute(&db.write).await.expect(sql);
}

fn platform_admin() -> Actor {
    Actor::new(1, vec![Membership { org: OrgRef::platform(), role: Role::PlatformAdmin }])
}

fn school() -> OrgRef {
    OrgRef { kind: OrgKind::School, code: BRIN.to_owned() }
}

fn school_view() -> OrgView {
    view_org(&platform_admin(), &school(), &OrgContext::default()).expect("a platform admin views any school")
}

fn coordination() -> ProfileCoordination {
    coordinate_profiles(&platform_admin(), &school()).expect("a platform admin coordinates any school")
}

/// The cause of a `Corrupt` error about `table.column` holding `value`.
#[track_caller]
fn corrupt_cause<T: std::fmt::Debug>(
    result: Result<T, StorageError>,
    table: &str,
    column: &str,
    value: &str,
) -> CorruptCause {
    match result {
        Err(StorageError::Corrupt { table: t, column: c, value: v, cause })
            if (t, c, v.as_str()) == (table, column, value) =>
        {
            cause
        }
        other => panic!("expected {table}.{column} = {value:?} to be corrupt, got {other:?}"),
    }
}

#[tokio::test]
async fn an_unknown_profile_state_is_corrupt_and_not_an_editable_concept() {
    let db = database().await;
    let id = profile_row(&db, "archived", "").await;

    let cause = corrupt_cause(db.profile_record(id).await, "profiles", "state", "archived");
    assert!(matches!(cause, CorruptCause::UnknownName("profile state")), "{cause:?}");
    let change = db.set_open_for_team(&coordination(), id, true).await;
    corrupt_cause(change, "profiles", "state", "archived");
    let open: i64 = sqlx::query_scalar("SELECT open_for_team FROM profiles WHERE id = $1")
        .bind(id)
        .fetch_one(&db.read)
        .await
        .unwrap();
    assert_eq!(open, 0, "nothing is written to a profile whose state cannot be read");

    execute(&db, &format!("UPDATE profiles SET state = 'concept' WHERE id = {id}")).await;
    assert_eq!(db.profile_record(id).await.unwrap().unwrap().state, ProfileState::Concept);
}

#[tokio::test]
async fn an_answer_value_that_is_not_json_of_an_answer_is_corrupt() {
    let db = database().await;
    let id = profile_row(&db, "concept", "").await;
    execute(
        &db,
        &format!(
            "INSERT INTO school_answers (profile_id, item_key, value_json, version, updated_at)
             VALUES ({id}, 'leerlingen', '{{\"type\":\"number\"', 1, 0)"
        ),
    )
    .await;

    let cause = corrupt_cause(
        db.school_answers(&school_view().profile(id, &school().code).expect("the school's profile")).await,
        "school_answers",
        "value_json",
        "{\"type\":\"number\"",
    );
    assert!(matches!(cause, CorruptCause::Json(_)), "{cause:?}");
    let user = db.create_user(&Email::parse("ib@school.nl").unwrap(), "Ib", "hash").await.unwrap();
    sqlx::query(
        "INSERT INTO respondent_answers (profile_id, item_key, user_id, value_json, updated_at)
         VALUES ($1, 'leerlingen', $2, '\"twelve\"', 0)",
    )
    .bind(id)
    .bind(user)
    .execute(&db.write)
    .await
    .unwrap();
    let team = db.team_answers(&coordination(), id).await;
    corrupt_cause(team, "respondent_answers", "value_json", "\"twelve\"");
}

#[tokio::test]
async fn a_template_that_is_not_json_of_a_template_is_corrupt_and_an_empty_one_is_the_default() {
    let db = database().await;
    let broken = profile_row(&db, "concept", "{\"key\": \"default\"").await;
    let cause = corrupt_cause(db.profile_record(broken).await, "profiles", "template_json", "{\"key\": \"default\"");
    assert!(matches!(cause, CorruptCause::Json(_)), "{cause:?}");

    // Generated profiles store no template and use the shipped default: a rule, not a fallback.
    execute(&db, &format!("UPDATE profiles SET template_json = '' WHERE id = {broken}")).await;
    assert_eq!(db.profile_record(broken).await.unwrap().unwrap().template, *default_template());
}

#[tokio::test]
async fn an_unknown_role_is_corrupt_and_not_left_out() {
    let db = database().await;
    let user = db.create_user(&Email::parse("ib@school.nl").unwrap(), "Ib", "hash").await.unwrap();
    let membership: i64 = sqlx::query_scalar(
        "INSERT INTO memberships (user_id, org_kind, org_code, role, created_at)
         VALUES ($1, 'school', '04FZ', 'janitor', 0) RETURNING id",
    )
    .bind(user)
    .fetch_one(&db.write)
    .await
    .unwrap();

    let cause = corrupt_cause(db.memberships_of(user).await, "memberships", "role", "janitor");
    assert!(matches!(cause, CorruptCause::UnknownName("role")), "{cause:?}");
    corrupt_cause(db.membership(membership).await, "memberships", "role", "janitor");
    corrupt_cause(db.members_of(&school_view()).await, "memberships", "role", "janitor");
}

#[tokio::test]
async fn unknown_kinds_and_sectors_are_corrupt() {
    let db = database().await;
    let id = profile_row(&db, "concept", "").await;
    execute(
        &db,
        &format!(
            "INSERT INTO surveys (profile_id, kind, audience, link_code, created_at)
             VALUES ({id}, 'exit_poll', 'parents', 'l1nk', 0);
             INSERT INTO milestones (profile_id, kind, due_on) VALUES ({id}, 'someday', '2027-03-01');
             UPDATE locations SET sector = 'hbo' WHERE code = '04FZ00';"
        ),
    )
    .await;

    corrupt_cause(db.survey_by_link("l1nk").await, "surveys", "kind", "exit_poll");
    corrupt_cause(db.open_milestones("2027-01-01", "2027-12-31").await, "milestones", "kind", "someday");
    let cause = corrupt_cause(db.location(LOCATION).await, "locations", "sector", "hbo");
    assert!(matches!(cause, CorruptCause::UnknownName("sector")), "{cause:?}");
}

#[tokio::test]
async fn a_corrupt_error_names_the_value_and_keeps_its_cause() {
    let db = database().await;
    let long = format!("{{\"key\": \"{}", "x".repeat(10_000));
    let id = profile_row(&db, "concept", &long).await;

    let error = db.profile_record(id).await.unwrap_err();
    let StorageError::Corrupt { value, .. } = &error else { panic!("expected corrupt, got {error:?}") };
    assert_eq!(value.chars().count(), 121, "a long value is cut short");
    assert!(value.ends_with('…') && long.starts_with(value.trim_end_matches('…')));
    assert!(error.to_string().starts_with("profiles.template_json holds "), "{error}");
    let cause = error.source().expect("the cause is the error's source");
    let json = cause.source().expect("the JSON error is the cause's source");
    assert!(json.is::<serde_json::Error>(), "{json:?}");
}
