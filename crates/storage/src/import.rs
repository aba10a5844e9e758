//! Writing a DUO import: one transaction that applies an [`ImportPlan`].

use std::time::{Duration, Instant};

use passend_domain::duo::{self, DuoFile, ImportPlan, PostcodeArea, Snapshot};
use passend_domain::organisations::{Location, School, SwvCode};
use serde::Serialize;
use sqlx::any::AnyArguments;
use sqlx::{Any, AnyConnection};

use crate::directory::{LOCATION_COLUMNS, LocationRow, SchoolRow};
use crate::{Backend, Database, StorageError, now};

/// Rows per INSERT statement, measured (docs/performance.md): sqlx's SQLite
/// driver binds slower per parameter as statements grow, PostgreSQL gains from
/// fewer round trips. Both stay well under the backends' parameter limits.
fn batch_rows(backend: Backend) -> usize {
    match backend {
        Backend::Sqlite => 25,
        Backend::Postgres => 250,
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ImportReport {
    pub swvs: Counts,
    pub boards: Counts,
    pub schools: Counts,
    pub locations: Counts,
    pub postcode_areas: Counts,
    pub locations_without_swv: usize,
    #[serde(skip)]
    pub duration: Duration,
}

impl ImportReport {
    pub fn created(&self) -> usize {
        [self.swvs, self.boards, self.schools, self.locations, self.postcode_areas].iter().map(|c| c.created).sum()
    }
}

/// Where a running import is, for a progress bar.
#[derive(Debug, Clone, Copy)]
pub struct Progress {
    pub step: &'static str,
    pub done: usize,
    pub total: usize,
}

fn counts<T>(changes: &duo::Changes<T>) -> Counts {
    Counts { created: changes.created.len(), updated: changes.updated.len(), unchanged: changes.unchanged }
}

enum Value {
    Text(Option<String>),
    Int(Option<i64>),
    Real(Option<f64>),
}

impl Database {
    /// Applies the parsed files in one transaction: all of it or nothing.
    pub async fn import_duo(
        &self,
        files: &[DuoFile],
        progress: &(dyn Fn(Progress) + Sync),
    ) -> Result<ImportReport, StorageError> {
        let started = Instant::now();
        let mut tx = self.write.begin().await?;
        progress(Progress { step: "read", done: 0, total: 1 });
        let snapshot = load_snapshot(&mut tx).await?;
        let plan = duo::plan(&snapshot, files);
        let total = [
            plan.swvs.created.len(),
            plan.boards.created.len(),
            plan.schools.created.len() + plan.schools.updated.len(),
            plan.locations.created.len() + plan.locations.updated.len(),
            plan.postcodes.created.len() + plan.postcodes.updated.len(),
        ]
        .iter()
        .sum::<usize>();
        let mut writer =
            Writer { batch_rows: batch_rows(self.backend()), conn: &mut tx, done: 0, total, progress, now: now() };
        writer.write_plan(&plan).await?;
        tx.commit().await?;
        progress(Progress { step: "done", done: total, total });
        Ok(ImportReport {
            swvs: counts(&plan.swvs),
            boards: counts(&plan.boards),
            schools: counts(&plan.schools),
            locations: counts(&plan.locations),
            postcode_areas: counts(&plan.postcodes),
            locations_without_swv: plan.without_swv,
            duration: started.elapsed(),
        })
    }
}

#[derive(sqlx::FromRow)]
struct PostcodeAreaRow {
    pc4: String,
    municipality: Option<String>,
    po_swv: Option<String>,
    vo_swv: Option<String>,
}

async fn load_snapshot(conn: &mut AnyConnection) -> Result<Snapshot, StorageError> {
    let swvs: Vec<String> = sqlx::query_scalar("SELECT code FROM swvs").fetch_all(&mut *conn).await?;
    let boards: Vec<String> = sqlx::query_scalar("SELECT code FROM boards").fetch_all(&mut *conn).await?;
    let mut snapshot =
        Snapshot { swvs: swvs.into_iter().collect(), boards: boards.into_iter().collect(), ..Snapshot::default() };
    for row in
        sqlx::query_as::<_, SchoolRow>("SELECT brin, name, board_code FROM schools").fetch_all(&mut *conn).await?
    {
        let school = School::from(row);
        snapshot.schools.insert(school.brin.clone(), school);
    }
    for row in sqlx::query_as::<_, LocationRow>(&format!("SELECT {LOCATION_COLUMNS} FROM locations"))
        .fetch_all(&mut *conn)
        .await?
    {
        let location = Location::try_from(row)?;
        snapshot.locations.insert(location.code.clone(), location);
    }
    for row in sqlx::query_as::<_, PostcodeAreaRow>("SELECT pc4, municipality, po_swv, vo_swv FROM postcode_areas")
        .fetch_all(&mut *conn)
        .await?
    {
        let area =
            PostcodeArea { pc4: row.pc4, municipality: row.municipality, po_swv: row.po_swv, vo_swv: row.vo_swv };
        snapshot.postcodes.insert(area.pc4.clone(), area);
    }
    Ok(snapshot)
}

struct Writer<'a> {
    batch_rows: usize,
    conn: &'a mut AnyConnection,
    done: usize,
    total: usize,
    progress: &'a (dyn Fn(Progress) + Sync),
    now: i64,
}

impl Writer<'_> {
    async fn write_plan(&mut self, plan: &ImportPlan) -> Result<(), StorageError> {
        let now = self.now;
        let swvs: Vec<Vec<Value>> = plan
            .swvs
            .created
            .iter()
            .map(|code| {
                let kind = SwvCode::parse(code).map_or("po", |c| match c.kind() {
                    passend_domain::organisations::SwvKind::Po => "po",
                    passend_domain::organisations::SwvKind::Vo => "vo",
                });
                vec![
                    Value::Text(Some(code.clone())),
                    Value::Text(Some(kind.to_owned())),
                    Value::Int(Some(now)),
                    Value::Int(Some(now)),
                ]
            })
            .collect();
        self.upsert("swvs", &["code", "kind", "created_at", "updated_at"], "code", &[], swvs).await?;

        let boards = plan
            .boards
            .created
            .iter()
            .map(|code| vec![Value::Text(Some(code.clone())), Value::Int(Some(now)), Value::Int(Some(now))])
            .collect();
        self.upsert("boards", &["code", "created_at", "updated_at"], "code", &[], boards).await?;

        let schools = plan
            .schools
            .created
            .iter()
            .chain(&plan.schools.updated)
            .map(|s| {
                vec![
                    Value::Text(Some(s.brin.clone())),
                    Value::Text(Some(s.name.clone())),
                    Value::Text(s.board.clone()),
                    Value::Int(Some(now)),
                    Value::Int(Some(now)),
                ]
            })
            .collect();
        self.upsert(
            "schools",
            &["brin", "name", "board_code", "created_at", "updated_at"],
            "brin",
            &["name", "board_code", "updated_at"],
            schools,
        )
        .await?;

        let locations =
            plan.locations.created.iter().chain(&plan.locations.updated).map(|l| location_values(l, now)).collect();
        let location_columns: Vec<&str> =
            LOCATION_COLUMNS.split(", ").map(str::trim).chain(["created_at", "updated_at"]).collect();
        let location_updates: Vec<&str> =
            location_columns.iter().copied().filter(|c| *c != "code" && *c != "created_at").collect();
        self.upsert("locations", &location_columns, "code", &location_updates, locations).await?;

        let areas = plan
            .postcodes
            .created
            .iter()
            .chain(&plan.postcodes.updated)
            .map(|a| {
                vec![
                    Value::Text(Some(a.pc4.clone())),
                    Value::Text(a.municipality.clone()),
                    Value::Text(a.po_swv.clone()),
                    Value::Text(a.vo_swv.clone()),
                ]
            })
            .collect();
        self.upsert(
            "postcode_areas",
            &["pc4", "municipality", "po_swv", "vo_swv"],
            "pc4",
            &["municipality", "po_swv", "vo_swv"],
            areas,
        )
        .await
    }

    /// Inserts the rows in batches; on a key that exists, updates `updates`
    /// (or leaves the row alone when there are none).
    async fn upsert(
        &mut self,
        table: &'static str,
        columns: &[&str],
        key: &str,
        updates: &[&str],
        rows: Vec<Vec<Value>>,
    ) -> Result<(), StorageError> {
        let on_conflict = if updates.is_empty() {
            format!("ON CONFLICT ({key}) DO NOTHING")
        } else {
            let set: Vec<String> = updates.iter().map(|c| format!("{c} = excluded.{c}")).collect();
            format!("ON CONFLICT ({key}) DO UPDATE SET {}", set.join(", "))
        };
        for batch in rows.chunks(self.batch_rows) {
            let mut sql = format!("INSERT INTO {table} ({}) VALUES ", columns.join(", "));
            let mut n = 0;
            for (i, row) in batch.iter().enumerate() {
                sql.push_str(if i == 0 { "(" } else { ", (" });
                for j in 0..row.len() {
                    n += 1;
                    sql.push_str(&format!("{}${n}", if j == 0 { "" } else { ", " }));
                }
                sql.push(')');
            }
            sql.push(' ');
            sql.push_str(&on_conflict);
            let mut query = sqlx::query::<Any>(&sql);
            for row in batch {
                for value in row {
                    query = bind(query, value);
                }
            }
            query.execute(&mut *self.conn).await?;
            self.done += batch.len();
            (self.progress)(Progress { step: table, done: self.done, total: self.total });
        }
        Ok(())
    }
}

fn bind<'q>(
    query: sqlx::query::Query<'q, Any, AnyArguments<'q>>,
    value: &Value,
) -> sqlx::query::Query<'q, Any, AnyArguments<'q>> {
    match value {
        Value::Text(v) => query.bind(v.clone()),
        Value::Int(v) => query.bind(*v),
        Value::Real(v) => query.bind(*v),
    }
}

fn location_values(l: &Location, now: i64) -> Vec<Value> {
    let text = |v: &Option<String>| Value::Text(v.clone());
    vec![
        Value::Text(Some(l.code.clone())),
        Value::Text(Some(l.brin.clone())),
        Value::Text(Some(l.name.clone())),
        text(&l.duo_type),
        Value::Text(l.sector.map(|s| s.as_str().to_owned())),
        text(&l.denomination),
        text(&l.street),
        text(&l.house_number),
        text(&l.postcode),
        text(&l.city),
        text(&l.municipality),
        text(&l.province),
        text(&l.website),
        Value::Int(l.pupils),
        Value::Real(l.lat),
        Value::Real(l.lon),
        text(&l.swv_po),
        text(&l.swv_vo),
        Value::Int(Some(i64::from(l.swv_set_by_hand))),
        text(&l.phone),
        text(&l.email),
        Value::Int(Some(i64::from(l.contact_set_by_hand))),
        Value::Int(Some(now)),
        Value::Int(Some(now)),
    ]
}
