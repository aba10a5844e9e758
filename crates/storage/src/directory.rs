//! The public directory of SWVs, boards, schools and locations, and where an
//! organisation sits for access checks.

use passend_domain::access::{LocationContactEdit, LocationSwvEdit, SwvEdit};
use passend_domain::organisations::{
    Location, LocationContact, OrgContext, OrgKind, OrgRef, School, Sector, SwvDetails, assign_swvs,
};
use passend_domain::publishing::FoundLocation;
use serde::Serialize;

use crate::rows::{Column, Flag, convert};
use crate::{Database, StorageError, now};

const LOCATION_SECTOR: Column = Column::new("locations", "sector");

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
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

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
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
    swv_set_by_hand, phone, email, contact_set_by_hand";

/// A row of `locations` as [`LOCATION_COLUMNS`] selects it.
#[derive(sqlx::FromRow)]
pub(crate) struct LocationRow {
    code: String,
    brin: String,
    name: String,
    duo_type: Option<String>,
    sector: Option<String>,
    denomination: Option<String>,
    street: Option<String>,
    house_number: Option<String>,
    postcode: Option<String>,
    city: Option<String>,
    municipality: Option<String>,
    province: Option<String>,
    website: Option<String>,
    pupils: Option<i64>,
    lat: Option<f64>,
    lon: Option<f64>,
    swv_po: Option<String>,
    swv_vo: Option<String>,
    swv_set_by_hand: Flag,
    phone: Option<String>,
    email: Option<String>,
    contact_set_by_hand: Flag,
}

impl TryFrom<LocationRow> for Location {
    type Error = StorageError;

    fn try_from(row: LocationRow) -> Result<Self, StorageError> {
        Ok(Location {
            sector: row.sector.as_deref().map(|s| LOCATION_SECTOR.parse::<Sector>(s)).transpose()?,
            code: row.code,
            brin: row.brin,
            name: row.name,
            duo_type: row.duo_type,
            denomination: row.denomination,
            street: row.street,
            house_number: row.house_number,
            postcode: row.postcode,
            city: row.city,
            municipality: row.municipality,
            province: row.province,
            website: row.website,
            pupils: row.pupils,
            lat: row.lat,
            lon: row.lon,
            swv_po: row.swv_po,
            swv_vo: row.swv_vo,
            swv_set_by_hand: row.swv_set_by_hand.into(),
            phone: row.phone,
            email: row.email,
            contact_set_by_hand: row.contact_set_by_hand.into(),
        })
    }
}

/// A row of `schools`.
#[derive(sqlx::FromRow)]
pub(crate) struct SchoolRow {
    brin: String,
    name: String,
    board_code: Option<String>,
}

impl From<SchoolRow> for School {
    fn from(row: SchoolRow) -> Self {
        School { brin: row.brin, name: row.name, board: row.board_code }
    }
}

#[derive(sqlx::FromRow)]
struct SchoolWithBoardRow {
    #[sqlx(flatten)]
    school: SchoolRow,
    board_name: Option<String>,
}

#[derive(sqlx::FromRow)]
struct SwvRow {
    code: String,
    kind: String,
    name: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    website: Option<String>,
    steunpunt_name: Option<String>,
    steunpunt_email: Option<String>,
    steunpunt_phone: Option<String>,
    steunpunt_website: Option<String>,
}

impl From<SwvRow> for Swv {
    fn from(row: SwvRow) -> Self {
        Swv {
            code: row.code,
            kind: row.kind,
            details: SwvDetails {
                name: row.name,
                email: row.email,
                phone: row.phone,
                website: row.website,
                steunpunt_name: row.steunpunt_name,
                steunpunt_email: row.steunpunt_email,
                steunpunt_phone: row.steunpunt_phone,
                steunpunt_website: row.steunpunt_website,
            },
        }
    }
}

#[derive(sqlx::FromRow)]
struct BoardRow {
    code: String,
    name: Option<String>,
}

/// What a search result shows of a location, with its newest public school
/// year: the columns and the tables, for `SELECT {FOUND_LOCATIONS} WHERE …`.
const FOUND_LOCATIONS: &str = "l.code, l.brin, l.name, sc.name AS school_name, l.street, l.house_number, l.postcode,
    l.city, l.municipality, l.lat, l.lon,
    (SELECT MAX(p.school_year) FROM profiles p WHERE p.location_code = l.code
        AND p.published_at IS NOT NULL AND p.state IN ('published', 'superseded')) AS public_year
    FROM locations l JOIN schools sc ON sc.brin = l.brin";

#[derive(sqlx::FromRow)]
struct FoundRow {
    code: String,
    brin: String,
    name: String,
    school_name: String,
    street: Option<String>,
    house_number: Option<String>,
    postcode: Option<String>,
    city: Option<String>,
    municipality: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    public_year: Option<String>,
}

impl From<FoundRow> for FoundLocation {
    fn from(row: FoundRow) -> Self {
        FoundLocation {
            code: row.code,
            brin: row.brin,
            name: row.name,
            school_name: row.school_name,
            street: row.street,
            house_number: row.house_number,
            postcode: row.postcode,
            city: row.city,
            municipality: row.municipality,
            lat: row.lat,
            lon: row.lon,
            public_year: row.public_year,
            km: None,
            level: None,
        }
    }
}

#[derive(sqlx::FromRow)]
struct AreaSwvsRow {
    po_swv: Option<String>,
    vo_swv: Option<String>,
}

impl Database {
    pub async fn list_swvs(&self) -> Result<Vec<SwvSummary>, StorageError> {
        Ok(sqlx::query_as(
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
        .await?)
    }

    pub async fn swv(&self, code: &str) -> Result<Option<Swv>, StorageError> {
        let row = sqlx::query_as::<_, SwvRow>("SELECT * FROM swvs WHERE code = $1")
            .bind(code)
            .fetch_optional(&self.read)
            .await?;
        Ok(row.map(Swv::from))
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

    /// Sets how parents reach a location of the proof's school; later imports
    /// keep it. Not found for another school's location.
    pub async fn update_location_contact(
        &self,
        edit: &LocationContactEdit,
        code: &str,
        contact: &LocationContact,
    ) -> Result<(), StorageError> {
        let done = sqlx::query(
            "UPDATE locations SET phone = $1, email = $2, website = $3, contact_set_by_hand = 1, updated_at = $4
             WHERE code = $5 AND brin = $6",
        )
        .bind(&contact.phone)
        .bind(&contact.email)
        .bind(&contact.website)
        .bind(now())
        .bind(code)
        .bind(edit.brin())
        .execute(&self.write)
        .await?;
        if done.rows_affected() == 0 { Err(StorageError::NotFound) } else { Ok(()) }
    }

    /// The schools with at least one location in the SWV, counting only those locations.
    pub async fn schools_of_swv(&self, code: &str) -> Result<Vec<SchoolSummary>, StorageError> {
        Ok(sqlx::query_as(
            "SELECT sc.brin, sc.name, MIN(l.city) AS city, COUNT(l.code) AS locations,
                    CAST(SUM(l.pupils) AS BIGINT) AS pupils
             FROM schools sc JOIN locations l ON l.brin = sc.brin
             WHERE l.swv_po = $1 OR l.swv_vo = $1
             GROUP BY sc.brin, sc.name
             ORDER BY sc.name, sc.brin",
        )
        .bind(code)
        .fetch_all(&self.read)
        .await?)
    }

    /// Schools whose name, BRIN or city contains the query, at most `limit`.
    pub async fn search_schools(&self, query: &str, limit: i64) -> Result<Vec<SchoolSummary>, StorageError> {
        let pattern = format!("%{}%", query.trim().to_lowercase().replace(['%', '_'], ""));
        Ok(sqlx::query_as(
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
        .await?)
    }

    /// Locations whose name, school's name, place or municipality contains
    /// the text, by name, at most `limit`.
    pub async fn find_locations_by_text(&self, text: &str, limit: i64) -> Result<Vec<FoundLocation>, StorageError> {
        let pattern = format!("%{}%", text.trim().to_lowercase().replace(['%', '_'], ""));
        let rows = sqlx::query_as::<_, FoundRow>(&format!(
            "SELECT {FOUND_LOCATIONS}
             WHERE LOWER(l.name) LIKE $1 OR LOWER(sc.name) LIKE $1 OR LOWER(l.city) LIKE $1
                OR LOWER(l.municipality) LIKE $1
             ORDER BY l.name, l.code
             LIMIT $2"
        ))
        .bind(pattern)
        .bind(limit)
        .fetch_all(&self.read)
        .await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    /// The locations of a school (a BRIN) or the one location with a code.
    pub async fn find_locations_by_code(&self, code: &str) -> Result<Vec<FoundLocation>, StorageError> {
        let rows = sqlx::query_as::<_, FoundRow>(&format!(
            "SELECT {FOUND_LOCATIONS} WHERE l.brin = $1 OR l.code = $1 ORDER BY l.code"
        ))
        .bind(code)
        .fetch_all(&self.read)
        .await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    /// The locations with a position inside a box of latitudes and longitudes.
    pub async fn find_locations_in_box(
        &self,
        (lat_min, lat_max): (f64, f64),
        (lon_min, lon_max): (f64, f64),
    ) -> Result<Vec<FoundLocation>, StorageError> {
        let rows = sqlx::query_as::<_, FoundRow>(&format!(
            "SELECT {FOUND_LOCATIONS}
             WHERE l.lat IS NOT NULL AND l.lon IS NOT NULL
               AND l.lat >= $1 AND l.lat <= $2 AND l.lon >= $3 AND l.lon <= $4"
        ))
        .bind(lat_min)
        .bind(lat_max)
        .bind(lon_min)
        .bind(lon_max)
        .fetch_all(&self.read)
        .await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    pub async fn school(&self, brin: &str) -> Result<Option<SchoolDetail>, StorageError> {
        let Some(row) = sqlx::query_as::<_, SchoolWithBoardRow>(
            "SELECT sc.brin, sc.name, sc.board_code, b.name AS board_name
             FROM schools sc LEFT JOIN boards b ON b.code = sc.board_code WHERE sc.brin = $1",
        )
        .bind(brin)
        .fetch_optional(&self.read)
        .await?
        else {
            return Ok(None);
        };
        let locations = sqlx::query_as::<_, LocationRow>(&format!(
            "SELECT {LOCATION_COLUMNS} FROM locations WHERE brin = $1 ORDER BY code"
        ))
        .bind(brin)
        .fetch_all(&self.read)
        .await?;
        Ok(Some(SchoolDetail { school: row.school.into(), board_name: row.board_name, locations: convert(locations)? }))
    }

    pub async fn board(&self, code: &str) -> Result<Option<Board>, StorageError> {
        let Some(board) = sqlx::query_as::<_, BoardRow>("SELECT code, name FROM boards WHERE code = $1")
            .bind(code)
            .fetch_optional(&self.read)
            .await?
        else {
            return Ok(None);
        };
        let schools = sqlx::query_as(
            "SELECT sc.brin, sc.name, MIN(l.city) AS city, COUNT(l.code) AS locations,
                    CAST(SUM(l.pupils) AS BIGINT) AS pupils
             FROM schools sc JOIN locations l ON l.brin = sc.brin
             WHERE sc.board_code = $1
             GROUP BY sc.brin, sc.name ORDER BY sc.name",
        )
        .bind(code)
        .fetch_all(&self.read)
        .await?;
        Ok(Some(Board { code: board.code, name: board.name, schools }))
    }

    /// Where the organisation sits, or `None` when it does not exist.
    pub async fn org_context(&self, org: &OrgRef) -> Result<Option<OrgContext>, StorageError> {
        match org.kind {
            OrgKind::Platform => Ok((org.code == OrgRef::PLATFORM_CODE).then(OrgContext::default)),
            OrgKind::Swv => {
                let exists: Option<String> = sqlx::query_scalar("SELECT code FROM swvs WHERE code = $1")
                    .bind(&org.code)
                    .fetch_optional(&self.read)
                    .await?;
                Ok(exists.map(|_| OrgContext { swvs: vec![org.code.clone()], board: None }))
            }
            OrgKind::School => {
                let Some(board) =
                    sqlx::query_scalar::<_, Option<String>>("SELECT board_code FROM schools WHERE brin = $1")
                        .bind(&org.code)
                        .fetch_optional(&self.read)
                        .await?
                else {
                    return Ok(None);
                };
                let swvs = sqlx::query_scalar(
                    "SELECT swv_po FROM locations WHERE brin = $1 AND swv_po IS NOT NULL
                     UNION SELECT swv_vo FROM locations WHERE brin = $1 AND swv_vo IS NOT NULL",
                )
                .bind(&org.code)
                .fetch_all(&self.read)
                .await?;
                Ok(Some(OrgContext { swvs, board }))
            }
            OrgKind::Board => {
                let exists: Option<String> = sqlx::query_scalar("SELECT code FROM boards WHERE code = $1")
                    .bind(&org.code)
                    .fetch_optional(&self.read)
                    .await?;
                if exists.is_none() {
                    return Ok(None);
                }
                let swvs = sqlx::query_scalar(
                    "SELECT l.swv_po FROM locations l JOIN schools s ON s.brin = l.brin
                       WHERE s.board_code = $1 AND l.swv_po IS NOT NULL
                     UNION SELECT l.swv_vo FROM locations l JOIN schools s ON s.brin = l.brin
                       WHERE s.board_code = $1 AND l.swv_vo IS NOT NULL",
                )
                .bind(&org.code)
                .fetch_all(&self.read)
                .await?;
                Ok(Some(OrgContext { swvs, board: Some(org.code.clone()) }))
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
        let name: Option<Option<String>> = sqlx::query_scalar(sql).bind(&org.code).fetch_optional(&self.read).await?;
        Ok(name.flatten())
    }

    pub async fn location(&self, code: &str) -> Result<Option<Location>, StorageError> {
        sqlx::query_as::<_, LocationRow>(&format!("SELECT {LOCATION_COLUMNS} FROM locations WHERE code = $1"))
            .bind(code)
            .fetch_optional(&self.read)
            .await?
            .map(Location::try_from)
            .transpose()
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
        let row =
            sqlx::query_as::<_, LocationRow>(&format!("SELECT {LOCATION_COLUMNS} FROM locations WHERE code = $1"))
                .bind(edit.location())
                .fetch_optional(&mut *tx)
                .await?
                .ok_or(StorageError::NotFound)?;
        let location = Location::try_from(row)?;
        let pc4 = location.postcode.as_deref().and_then(passend_domain::duo::pc4_of);
        let area = match pc4 {
            Some(pc4) => {
                sqlx::query_as::<_, AreaSwvsRow>("SELECT po_swv, vo_swv FROM postcode_areas WHERE pc4 = $1")
                    .bind(pc4)
                    .fetch_optional(&mut *tx)
                    .await?
            }
            None => None,
        };
        let (area_po, area_vo) = area.map_or((None, None), |row| (row.po_swv, row.vo_swv));
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
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM locations").fetch_one(&self.read).await?)
    }
}
