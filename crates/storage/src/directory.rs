//! The public directory of SWVs, boards, schools and locations, and where an
//! organisation sits for access checks.

use passend_domain::access::{LocationSwvEdit, SwvEdit};
use passend_domain::organisations::{Location, OrgContext, OrgKind, OrgRef, School, Sector, SwvDetails, assign_swvs};
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::{Database, StorageError, now};

#[derive(Debug, Clone, Serialize)]
pub struct SwvSummary {
    pub code: String,
    pub kind: String,
    pub name: Option<String>,
    pub schools: i64,
    pub locations: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Swv {
    pub code: String,
    pub kind: String,
    #[serde(flatten)]
    pub details: SwvDetails,
}

#[derive(Debug, Clone, Serialize)]
pub struct SchoolSummary {
    pub brin: String,
    pub name: String,
    pub city: Option<String>,
    pub locations: i64,
    pub pupils: Option<i64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SchoolDetail {
    #[serde(flatten)]
    pub school: School,
    pub board_name: Option<String>,
    pub locations: Vec<Location>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Board {
    pub code: String,
    pub name: Option<String>,
    pub schools: Vec<SchoolSummary>,
}

pub(crate) const LOCATION_COLUMNS: &str = "code, brin, name, duo_type, sector, denomination, street, \
    house_number, postcode, city, municipality, province, website, pupils, lat, lon, swv_po, swv_vo, \
    swv_set_by_hand";

pub(crate) fn location_from_row(row: &AnyRow) -> Result<Location, sqlx::Error> {
    Ok(Location {
        code: row.try_get("code")?,
        brin: row.try_get("brin")?,
        name: row.try_get("name")?,
        duo_type: row.try_get("duo_type")?,
        sector: row.try_get::<Option<String>, _>("sector")?.as_deref().and_then(Sector::parse),
        denomination: row.try_get("denomination")?,
        street: row.try_get("street")?,
        house_number: row.try_get("house_number")?,
        postcode: row.try_get("postcode")?,
        city: row.try_get("city")?,
        municipality: row.try_get("municipality")?,
        province: row.try_get("province")?,
        website: row.try_get("website")?,
        pupils: row.try_get("pupils")?,
        lat: row.try_get("lat")?,
        lon: row.try_get("lon")?,
        swv_po: row.try_get("swv_po")?,
        swv_vo: row.try_get("swv_vo")?,
        swv_set_by_hand: row.try_get::<i64, _>("swv_set_by_hand")? != 0,
    })
}

fn school_summary(row: &AnyRow) -> Result<SchoolSummary, sqlx::Error> {
    Ok(SchoolSummary {
        brin: row.try_get("brin")?,
        name: row.try_get("name")?,
        city: row.try_get("city")?,
        locations: row.try_get("locations")?,
        pupils: row.try_get("pupils")?,
    })
}

fn swv_details(row: &AnyRow) -> Result<SwvDetails, sqlx::Error> {
    Ok(SwvDetails {
        name: row.try_get("name")?,
        email: row.try_get("email")?,
        phone: row.try_get("phone")?,
        website: row.try_get("website")?,
        steunpunt_name: row.try_get("steunpunt_name")?,
        steunpunt_email: row.try_get("steunpunt_email")?,
        steunpunt_phone: row.try_get("steunpunt_phone")?,
        steunpunt_website: row.try_get("steunpunt_website")?,
    })
}

impl Database {
    pub async fn list_swvs(&self) -> Result<Vec<SwvSummary>, StorageError> {
        let rows = sqlx::query(
            "WITH placed AS (
                SELECT swv_po AS swv, brin FROM locations WHERE swv_po IS NOT NULL
                UNION ALL
                SELECT swv_vo AS swv, brin FROM locations WHERE swv_vo IS NOT NULL)
             SELECT s.code, s.kind, s.name,
                    COUNT(DISTINCT placed.brin) AS schools, COUNT(placed.brin) AS locations
             FROM swvs s LEFT JOIN placed ON placed.swv = s.code
             GROUP BY s.code, s.kind, s.name
             ORDER BY s.code",
        )
        .fetch_all(&self.read)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(SwvSummary {
                    code: row.try_get("code")?,
                    kind: row.try_get("kind")?,
                    name: row.try_get("name")?,
                    schools: row.try_get("schools")?,
                    locations: row.try_get("locations")?,
                })
            })
            .collect::<Result<_, sqlx::Error>>()
            .map_err(Into::into)
    }

    pub async fn swv(&self, code: &str) -> Result<Option<Swv>, StorageError> {
        let row = sqlx::query("SELECT * FROM swvs WHERE code = $1").bind(code).fetch_optional(&self.read).await?;
        row.map(|row| Ok(Swv { code: row.try_get("code")?, kind: row.try_get("kind")?, details: swv_details(&row)? }))
            .transpose()
            .map_err(|e: sqlx::Error| e.into())
    }

    pub async fn update_swv(&self, edit: &SwvEdit, details: &SwvDetails) -> Result<(), StorageError> {
        let done = sqlx::query(
            "UPDATE swvs SET name = $1, email = $2, phone = $3, website = $4, steunpunt_name = $5,
                steunpunt_email = $6, steunpunt_phone = $7, steunpunt_website = $8, updated_at = $9
             WHERE code = $10",
        )
        .bind(&details.name)
        .bind(&details.email)
        .bind(&details.phone)
        .bind(&details.website)
        .bind(&details.steunpunt_name)
        .bind(&details.steunpunt_email)
        .bind(&details.steunpunt_phone)
        .bind(&details.steunpunt_website)
        .bind(now())
        .bind(edit.code())
        .execute(&self.write)
        .await?;
        if done.rows_affected() == 0 { Err(StorageError::NotFound) } else { Ok(()) }
    }

    /// The schools with at least one location in the SWV, counting only those locations.
    pub async fn schools_of_swv(&self, code: &str) -> Result<Vec<SchoolSummary>, StorageError> {
        let rows = sqlx::query(
            "SELECT sc.brin, sc.name, MIN(l.city) AS city, COUNT(l.code) AS locations,
                    CAST(SUM(l.pupils) AS BIGINT) AS pupils
             FROM schools sc JOIN locations l ON l.brin = sc.brin
             WHERE l.swv_po = $1 OR l.swv_vo = $1
             GROUP BY sc.brin, sc.name
             ORDER BY sc.name, sc.brin",
        )
        .bind(code)
        .fetch_all(&self.read)
        .await?;
        Ok(rows.iter().map(school_summary).collect::<Result<_, _>>()?)
    }

    /// Schools whose name, BRIN or city contains the query, at most `limit`.
    pub async fn search_schools(&self, query: &str, limit: i64) -> Result<Vec<SchoolSummary>, StorageError> {
        let pattern = format!("%{}%", query.trim().to_lowercase().replace(['%', '_'], ""));
        let rows = sqlx::query(
            "SELECT sc.brin, sc.name, MIN(l.city) AS city, COUNT(l.code) AS locations,
                    CAST(SUM(l.pupils) AS BIGINT) AS pupils
             FROM schools sc JOIN locations l ON l.brin = sc.brin
             WHERE LOWER(sc.name) LIKE $1 OR LOWER(sc.brin) LIKE $1 OR LOWER(l.city) LIKE $1
                OR LOWER(l.name) LIKE $1
             GROUP BY sc.brin, sc.name
             ORDER BY sc.name, sc.brin
             LIMIT $2",
        )
        .bind(pattern)
        .bind(limit)
        .fetch_all(&self.read)
        .await?;
        Ok(rows.iter().map(school_summary).collect::<Result<_, _>>()?)
    }

    pub async fn school(&self, brin: &str) -> Result<Option<SchoolDetail>, StorageError> {
        let Some(row) = sqlx::query(
            "SELECT sc.brin, sc.name, sc.board_code, b.name AS board_name
             FROM schools sc LEFT JOIN boards b ON b.code = sc.board_code WHERE sc.brin = $1",
        )
        .bind(brin)
        .fetch_optional(&self.read)
        .await?
        else {
            return Ok(None);
        };
        let locations = sqlx::query(&format!("SELECT {LOCATION_COLUMNS} FROM locations WHERE brin = $1 ORDER BY code"))
            .bind(brin)
            .fetch_all(&self.read)
            .await?
            .iter()
            .map(location_from_row)
            .collect::<Result<_, _>>()?;
        Ok(Some(SchoolDetail {
            school: School {
                brin: row.try_get("brin")?,
                name: row.try_get("name")?,
                board: row.try_get("board_code")?,
            },
            board_name: row.try_get("board_name")?,
            locations,
        }))
    }

    pub async fn board(&self, code: &str) -> Result<Option<Board>, StorageError> {
        let Some(row) =
            sqlx::query("SELECT code, name FROM boards WHERE code = $1").bind(code).fetch_optional(&self.read).await?
        else {
            return Ok(None);
        };
        let schools = sqlx::query(
            "SELECT sc.brin, sc.name, MIN(l.city) AS city, COUNT(l.code) AS locations,
                    CAST(SUM(l.pupils) AS BIGINT) AS pupils
             FROM schools sc JOIN locations l ON l.brin = sc.brin
             WHERE sc.board_code = $1
             GROUP BY sc.brin, sc.name ORDER BY sc.name",
        )
        .bind(code)
        .fetch_all(&self.read)
        .await?
        .iter()
        .map(school_summary)
        .collect::<Result<_, _>>()?;
        Ok(Some(Board { code: row.try_get("code")?, name: row.try_get("name")?, schools }))
    }

    /// Where the organisation sits, or `None` when it does not exist.
    pub async fn org_context(&self, org: &OrgRef) -> Result<Option<OrgContext>, StorageError> {
        let strings = |rows: Vec<AnyRow>| -> Result<Vec<String>, sqlx::Error> {
            rows.iter().map(|r| r.try_get::<String, _>(0)).collect()
        };
        match org.kind {
            OrgKind::Platform => Ok((org.code == OrgRef::PLATFORM_CODE).then(OrgContext::default)),
            OrgKind::Swv => {
                let exists = sqlx::query("SELECT code FROM swvs WHERE code = $1")
                    .bind(&org.code)
                    .fetch_optional(&self.read)
                    .await?;
                Ok(exists.map(|_| OrgContext { swvs: vec![org.code.clone()], board: None }))
            }
            OrgKind::School => {
                let Some(row) = sqlx::query("SELECT board_code FROM schools WHERE brin = $1")
                    .bind(&org.code)
                    .fetch_optional(&self.read)
                    .await?
                else {
                    return Ok(None);
                };
                let swvs = sqlx::query(
                    "SELECT swv_po FROM locations WHERE brin = $1 AND swv_po IS NOT NULL
                     UNION SELECT swv_vo FROM locations WHERE brin = $1 AND swv_vo IS NOT NULL",
                )
                .bind(&org.code)
                .fetch_all(&self.read)
                .await?;
                Ok(Some(OrgContext { swvs: strings(swvs)?, board: row.try_get("board_code")? }))
            }
            OrgKind::Board => {
                let exists = sqlx::query("SELECT code FROM boards WHERE code = $1")
                    .bind(&org.code)
                    .fetch_optional(&self.read)
                    .await?;
                if exists.is_none() {
                    return Ok(None);
                }
                let swvs = sqlx::query(
                    "SELECT l.swv_po FROM locations l JOIN schools s ON s.brin = l.brin
                       WHERE s.board_code = $1 AND l.swv_po IS NOT NULL
                     UNION SELECT l.swv_vo FROM locations l JOIN schools s ON s.brin = l.brin
                       WHERE s.board_code = $1 AND l.swv_vo IS NOT NULL",
                )
                .bind(&org.code)
                .fetch_all(&self.read)
                .await?;
                Ok(Some(OrgContext { swvs: strings(swvs)?, board: Some(org.code.clone()) }))
            }
        }
    }

    /// The name an organisation has been given, if any (SWVs and boards get
    /// theirs from their admins; schools from DUO).
    pub async fn org_name(&self, org: &OrgRef) -> Result<Option<String>, StorageError> {
        let sql = match org.kind {
            OrgKind::Platform => return Ok(Some("Passend".to_owned())),
            OrgKind::Swv => "SELECT name FROM swvs WHERE code = $1",
            OrgKind::Board => "SELECT name FROM boards WHERE code = $1",
            OrgKind::School => "SELECT name FROM schools WHERE brin = $1",
        };
        let row = sqlx::query(sql).bind(&org.code).fetch_optional(&self.read).await?;
        Ok(row.map(|row| row.try_get::<Option<String>, _>(0)).transpose()?.flatten())
    }

    pub async fn location(&self, code: &str) -> Result<Option<Location>, StorageError> {
        let row = sqlx::query(&format!("SELECT {LOCATION_COLUMNS} FROM locations WHERE code = $1"))
            .bind(code)
            .fetch_optional(&self.read)
            .await?;
        Ok(row.as_ref().map(location_from_row).transpose()?)
    }

    /// Sets a location's SWVs by hand; imports leave them alone from now on.
    pub async fn set_location_swvs(
        &self,
        edit: &LocationSwvEdit,
        po: Option<&str>,
        vo: Option<&str>,
    ) -> Result<(), StorageError> {
        let done = sqlx::query(
            "UPDATE locations SET swv_po = $1, swv_vo = $2, swv_set_by_hand = 1, updated_at = $3 WHERE code = $4",
        )
        .bind(po)
        .bind(vo)
        .bind(now())
        .bind(edit.location())
        .execute(&self.write)
        .await?;
        if done.rows_affected() == 0 { Err(StorageError::NotFound) } else { Ok(()) }
    }

    /// Undoes a correction: the SWVs follow the postcode table again.
    pub async fn reset_location_swvs(&self, edit: &LocationSwvEdit) -> Result<(), StorageError> {
        let mut tx = self.write.begin().await?;
        let row = sqlx::query(&format!("SELECT {LOCATION_COLUMNS} FROM locations WHERE code = $1"))
            .bind(edit.location())
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StorageError::NotFound)?;
        let location = location_from_row(&row)?;
        let pc4 = location.postcode.as_deref().and_then(passend_domain::duo::pc4_of);
        let area = match pc4 {
            Some(pc4) => {
                sqlx::query("SELECT po_swv, vo_swv FROM postcode_areas WHERE pc4 = $1")
                    .bind(pc4)
                    .fetch_optional(&mut *tx)
                    .await?
            }
            None => None,
        };
        let (area_po, area_vo): (Option<String>, Option<String>) = match &area {
            Some(row) => (row.try_get(0)?, row.try_get(1)?),
            None => (None, None),
        };
        let (po, vo) = assign_swvs(location.sector, area_po.as_deref(), area_vo.as_deref());
        sqlx::query(
            "UPDATE locations SET swv_po = $1, swv_vo = $2, swv_set_by_hand = 0, updated_at = $3 WHERE code = $4",
        )
        .bind(po)
        .bind(vo)
        .bind(now())
        .bind(edit.location())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn count_locations(&self) -> Result<i64, StorageError> {
        Ok(sqlx::query("SELECT COUNT(*) FROM locations").fetch_one(&self.read).await?.try_get(0)?)
    }
}
