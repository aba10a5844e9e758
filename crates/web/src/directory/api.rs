use axum::Json;
use axum::extract::{Path, Query, State};
use passend_app::directory::{SchoolSummary, Swv, SwvSummary};
use passend_domain::organisations::{Brin, LocationCode, LocationContact, SwvDetails};
use passend_domain::publishing::{FoundLocation, Postcode, SchoolQuery as Asked};
use passend_domain::questionnaire::SupportCategory;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::swv_code;
use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::security::session::SignedIn;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_swvs))
        .routes(routes!(get_swv, update_swv))
        .routes(routes!(swv_schools))
        .routes(routes!(search_schools))
        .routes(routes!(find_locations))
        .routes(routes!(get_school))
        .routes(routes!(get_board))
        .routes(routes!(correct_location_swvs, reset_location_swvs))
        .routes(routes!(get_location_contact, update_location_contact))
}

#[derive(Serialize, ToSchema)]
pub struct SwvItem {
    /// Normalised code, e.g. `PO2707`.
    pub code: String,
    /// As people write it, e.g. `PO 27-07`.
    pub display_code: String,
    /// `po` or `vo`.
    #[schema(schema_with = crate::contract::swv_kind)]
    pub kind: String,
    pub name: Option<String>,
    pub schools: i64,
    pub locations: i64,
}

impl From<SwvSummary> for SwvItem {
    fn from(s: SwvSummary) -> Self {
        SwvItem {
            display_code: passend_domain::organisations::SwvCode::parse(&s.code)
                .map_or_else(|_| s.code.clone(), |c| c.display()),
            code: s.code,
            kind: s.kind,
            name: s.name,
            schools: s.schools,
            locations: s.locations,
        }
    }
}

/// The SWV's details as the API shows and takes them.
#[derive(Serialize, Deserialize, ToSchema, Default)]
pub struct SwvDetailsBody {
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub website: Option<String>,
    /// The ouder- en jeugdsteunpunt every SWV must run.
    pub steunpunt_name: Option<String>,
    pub steunpunt_email: Option<String>,
    pub steunpunt_phone: Option<String>,
    pub steunpunt_website: Option<String>,
}

impl From<SwvDetails> for SwvDetailsBody {
    fn from(d: SwvDetails) -> Self {
        SwvDetailsBody {
            name: d.name,
            email: d.email,
            phone: d.phone,
            website: d.website,
            steunpunt_name: d.steunpunt_name,
            steunpunt_email: d.steunpunt_email,
            steunpunt_phone: d.steunpunt_phone,
            steunpunt_website: d.steunpunt_website,
        }
    }
}

impl From<SwvDetailsBody> for SwvDetails {
    fn from(d: SwvDetailsBody) -> Self {
        SwvDetails {
            name: d.name,
            email: d.email,
            phone: d.phone,
            website: d.website,
            steunpunt_name: d.steunpunt_name,
            steunpunt_email: d.steunpunt_email,
            steunpunt_phone: d.steunpunt_phone,
            steunpunt_website: d.steunpunt_website,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct SwvBody {
    pub code: String,
    pub display_code: String,
    #[schema(schema_with = crate::contract::swv_kind)]
    pub kind: String,
    #[serde(flatten)]
    pub details: SwvDetailsBody,
}

impl From<Swv> for SwvBody {
    fn from(s: Swv) -> Self {
        SwvBody {
            display_code: passend_domain::organisations::SwvCode::parse(&s.code)
                .map_or_else(|_| s.code.clone(), |c| c.display()),
            code: s.code,
            kind: s.kind,
            details: s.details.into(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct SchoolItem {
    /// BRIN, e.g. `32DD`.
    pub brin: String,
    pub name: String,
    pub city: Option<String>,
    pub locations: i64,
    pub pupils: Option<i64>,
}

impl From<SchoolSummary> for SchoolItem {
    fn from(s: SchoolSummary) -> Self {
        SchoolItem { brin: s.brin, name: s.name, city: s.city, locations: s.locations, pupils: s.pupils }
    }
}

#[derive(Serialize, ToSchema)]
pub struct LocationBody {
    /// BRIN6, e.g. `32DD00`.
    pub code: String,
    pub name: String,
    /// `po`, `sbo`, `so`, `vso`, `so_vso` or `vo`.
    #[schema(schema_with = crate::contract::sector_or_none)]
    pub sector: Option<String>,
    pub duo_type: Option<String>,
    pub denomination: Option<String>,
    pub street: Option<String>,
    pub house_number: Option<String>,
    pub postcode: Option<String>,
    pub city: Option<String>,
    pub municipality: Option<String>,
    pub province: Option<String>,
    pub website: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub pupils: Option<i64>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub swv_po: Option<String>,
    pub swv_vo: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct SchoolBody {
    pub brin: String,
    pub name: String,
    pub board: Option<String>,
    pub board_name: Option<String>,
    pub locations: Vec<LocationBody>,
}

#[derive(Serialize, ToSchema)]
pub struct BoardBody {
    pub code: String,
    pub name: Option<String>,
    pub schools: Vec<SchoolItem>,
}

/// All SWVs with the number of schools and locations placed in each.
#[utoipa::path(get, path = "/api/v1/swvs", tag = "directory", security(()), responses((status = 200, body = [SwvItem])))]
pub async fn list_swvs(State(state): State<AppState>) -> AppResult<Json<Vec<SwvItem>>> {
    Ok(Json(state.app.swvs().await?.into_iter().map(Into::into).collect()))
}

/// One SWV with its contact details and ouder- en jeugdsteunpunt.
#[utoipa::path(get, path = "/api/v1/swvs/{code}", tag = "directory", security(()),
    params(("code" = String, Path, description = "e.g. PO2707, PO 27-07 or po2707")),
    responses((status = 200, body = SwvBody), (status = 404, description = "No such SWV")))]
pub async fn get_swv(State(state): State<AppState>, Path(code): Path<String>) -> AppResult<Json<SwvBody>> {
    let code = swv_code(&code)?;
    Ok(Json(state.app.swv(&code).await?.into()))
}

/// Changes the SWV's name and contact details (the SWV's own admins).
#[utoipa::path(put, path = "/api/v1/swvs/{code}", tag = "directory", security(("session" = [])),
    params(("code" = String, Path)), request_body = SwvDetailsBody,
    responses((status = 200, body = SwvBody), (status = 400, description = "Field errors"), (status = 403, description = "Not this SWV's admin")))]
pub async fn update_swv(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path(code): Path<String>,
    Json(body): Json<SwvDetailsBody>,
) -> AppResult<Json<SwvBody>> {
    let code = swv_code(&code)?;
    let saved = state.app.update_swv(&session.actor, &code, &body.into()).await?;
    // The public pages show the SWV's name and steunpunt.
    state.public.pages.clear();
    Ok(Json(saved.map_err(crate::accounts::api::problems_error)?.into()))
}

/// The schools with a location in the SWV.
#[utoipa::path(get, path = "/api/v1/swvs/{code}/schools", tag = "directory", security(()),
    params(("code" = String, Path)), responses((status = 200, body = [SchoolItem]), (status = 404, description = "No such SWV")))]
pub async fn swv_schools(State(state): State<AppState>, Path(code): Path<String>) -> AppResult<Json<Vec<SchoolItem>>> {
    let code = swv_code(&code)?;
    Ok(Json(state.app.schools_of_swv(&code).await?.into_iter().map(Into::into).collect()))
}

#[derive(Deserialize, utoipa::IntoParams)]
pub struct SchoolQuery {
    /// Part of a name, BRIN or place (at least two characters besides spaces).
    #[param(
        min_length = 2,
        pattern = r"[^\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000][\s\S]*[^\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
    )]
    q: String,
}

/// Finds schools by name, BRIN or place (at most 100).
#[utoipa::path(get, path = "/api/v1/schools", tag = "directory", security(()), params(SchoolQuery),
    responses((status = 200, body = [SchoolItem]), (status = 400, description = "`q` is shorter than two characters")))]
pub async fn search_schools(
    State(state): State<AppState>,
    Query(query): Query<SchoolQuery>,
) -> AppResult<Json<Vec<SchoolItem>>> {
    if query.q.trim().chars().count() < 2 {
        return Err(AppError::invalid(vec![("q".into(), passend_domain::Message::new("search-too-short"))]));
    }
    let schools = state.app.search_schools(&query.q, super::pages::SEARCH_LIMIT).await?;
    Ok(Json(schools.into_iter().map(Into::into).collect()))
}

#[derive(Deserialize, utoipa::IntoParams)]
pub struct LocationQuery {
    /// A name, BRIN (`31FN`), location code (`31FN00`), place, municipality,
    /// postcode (`1079`, `1079AZ`, `1079 AZ`) or kind of support (`dyslexie`,
    /// `dyslexie 1079`, `hoogbegaafd in Diemen`); at least two characters
    /// besides spaces.
    #[param(
        min_length = 2,
        pattern = r"[^\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000][\s\S]*[^\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
    )]
    q: String,
}

/// What the search found, and how it understood the text.
#[derive(Serialize, ToSchema)]
pub struct LocationSearchBody {
    pub understood: UnderstoodQuery,
    pub count: usize,
    /// More locations matched than the 100 listed.
    pub more: bool,
    /// A postcode was given that no known location is in or near: the
    /// results are not ordered by distance.
    pub unknown_postcode: bool,
    /// Nearest first when a postcode was given; else by name (by support:
    /// the standard offers first).
    pub results: Vec<FoundLocationBody>,
}

/// How the search text was understood.
#[derive(Serialize, ToSchema)]
pub struct UnderstoodQuery {
    /// `postcode`: the locations within 10 km, nearest first; `school` or
    /// `location`: by code; `topic`: the locations whose published profile
    /// offers a kind of support; `text`: part of a name, place or municipality.
    #[schema(schema_with = query_kind)]
    pub kind: &'static str,
    /// The postcode searched near, as `1079 AZ` or `1079`.
    pub postcode: Option<String>,
    /// The kind of support (for `topic`).
    #[schema(schema_with = crate::contract::support_category_or_none)]
    pub category: Option<SupportCategory>,
    /// The place a `topic` search is limited to (as typed, in lower case).
    pub place: Option<String>,
    /// The code (`school`, `location`) or text (`text`) searched for.
    pub text: Option<String>,
}

fn query_kind() -> utoipa::openapi::schema::Object {
    utoipa::openapi::schema::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .enum_values(Some(["postcode", "school", "location", "topic", "text"]))
        .build()
}

/// A location found, with links to its pages.
#[derive(Serialize, ToSchema)]
pub struct FoundLocationBody {
    /// The location code (BRIN6), e.g. `31FN00`.
    pub code: String,
    pub brin: String,
    pub name: String,
    pub school_name: String,
    pub street: Option<String>,
    pub house_number: Option<String>,
    pub postcode: Option<String>,
    pub city: Option<String>,
    /// As the municipality writes its name (`Diemen`, `'s-Gravenhage`).
    pub municipality: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// Kilometres from the postcode searched near.
    pub km: Option<f64>,
    /// In a `topic` search: `standaard` or `na_overleg`.
    pub level: Option<String>,
    /// The newest school year with a published profile.
    pub public_year: Option<String>,
    /// The published profile's parent version (a path), when there is one.
    pub parent_page: Option<String>,
    /// The published profile (a path), when there is one.
    pub profile_page: Option<String>,
    /// The school's page in the directory (a path).
    pub school_page: String,
}

impl From<FoundLocation> for FoundLocationBody {
    fn from(l: FoundLocation) -> Self {
        let published = l.public_year.is_some();
        FoundLocationBody {
            parent_page: published.then(|| format!("/scholen/{}/ouders", l.code)),
            profile_page: published.then(|| format!("/scholen/{}", l.code)),
            school_page: format!("/scholen/{}#loc-{}", l.brin, l.code),
            code: l.code,
            brin: l.brin,
            name: l.name,
            school_name: l.school_name,
            street: l.street,
            house_number: l.house_number,
            postcode: l.postcode,
            city: l.city,
            municipality: l.municipality,
            lat: l.lat,
            lon: l.lon,
            km: l.km,
            level: l.level,
            public_year: l.public_year,
        }
    }
}

/// The one search of the home page: locations by name, BRIN, place,
/// municipality, postcode (by distance) or kind of support (at most 100).
#[utoipa::path(get, path = "/api/v1/locations", tag = "directory", security(()), params(LocationQuery),
    responses((status = 200, body = LocationSearchBody), (status = 400, description = "`q` is shorter than two characters")))]
pub async fn find_locations(
    State(state): State<AppState>,
    Query(query): Query<LocationQuery>,
) -> AppResult<Json<LocationSearchBody>> {
    let Some(found) = state.app.find_locations(&query.q).await? else {
        return Err(AppError::invalid(vec![("q".into(), passend_domain::Message::new("search-too-short"))]));
    };
    let understood = UnderstoodQuery {
        kind: found.query.kind(),
        postcode: found.query.postcode().map(Postcode::display),
        category: match &found.query {
            Asked::Topic { category, .. } => Some(*category),
            _ => None,
        },
        place: match &found.query {
            Asked::Topic { place, .. } => place.clone(),
            _ => None,
        },
        text: match &found.query {
            Asked::School(brin) => Some(brin.as_str().to_owned()),
            Asked::Location(code) => Some(code.as_str().to_owned()),
            Asked::Text(text) => Some(text.clone()),
            _ => None,
        },
    };
    Ok(Json(LocationSearchBody {
        understood,
        count: found.hits.len(),
        more: found.more,
        unknown_postcode: found.unknown_postcode,
        results: found.hits.into_iter().map(Into::into).collect(),
    }))
}

/// A school with its board and locations.
#[utoipa::path(get, path = "/api/v1/schools/{brin}", tag = "directory", security(()),
    params(("brin" = String, Path)), responses((status = 200, body = SchoolBody), (status = 404, description = "No such school")))]
pub async fn get_school(State(state): State<AppState>, Path(brin): Path<String>) -> AppResult<Json<SchoolBody>> {
    let brin = Brin::parse(&brin).map_err(|_| AppError::not_found())?;
    let detail = state.app.school(brin.as_str()).await?;
    Ok(Json(SchoolBody {
        brin: detail.school.brin,
        name: detail.school.name,
        board: detail.school.board,
        board_name: detail.board_name,
        locations: detail
            .locations
            .into_iter()
            .map(|l| LocationBody {
                code: l.code,
                name: l.name,
                sector: l.sector.map(|s| s.as_str().to_owned()),
                duo_type: l.duo_type,
                denomination: l.denomination,
                street: l.street,
                house_number: l.house_number,
                postcode: l.postcode,
                city: l.city,
                municipality: l.municipality,
                province: l.province,
                website: l.website,
                phone: l.phone,
                email: l.email,
                pupils: l.pupils,
                lat: l.lat,
                lon: l.lon,
                swv_po: l.swv_po,
                swv_vo: l.swv_vo,
            })
            .collect(),
    }))
}

/// A board (bevoegd gezag) and its schools.
#[utoipa::path(get, path = "/api/v1/boards/{code}", tag = "directory", security(()),
    params(("code" = String, Path)), responses((status = 200, body = BoardBody), (status = 404, description = "No such board")))]
pub async fn get_board(State(state): State<AppState>, Path(code): Path<String>) -> AppResult<Json<BoardBody>> {
    let board = state.app.board(&code).await?;
    Ok(Json(BoardBody {
        code: board.code,
        name: board.name,
        schools: board.schools.into_iter().map(Into::into).collect(),
    }))
}

/// The SWVs chosen for a location; empty or absent means none.
#[derive(Deserialize, ToSchema, Default)]
pub struct SwvChoice {
    /// A PO code, e.g. `PO2707`.
    #[serde(default)]
    pub swv_po: Option<String>,
    /// A VO code, e.g. `VO2708`.
    #[serde(default)]
    pub swv_vo: Option<String>,
}

/// Corrects which SWVs a location belongs to (a platform admin, or an admin of
/// an SWV it belongs to now); later imports keep the correction.
#[utoipa::path(put, path = "/api/v1/locations/{code}/swvs", tag = "directory", security(("session" = [])),
    params(("code" = String, Path, description = "Location code, e.g. 32DD00")), request_body = SwvChoice,
    responses((status = 204, description = "Saved"), (status = 400, description = "Field errors"),
              (status = 403, description = "Not allowed"), (status = 404, description = "No such location")))]
pub async fn correct_location_swvs(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path(code): Path<String>,
    Json(choice): Json<SwvChoice>,
) -> AppResult<axum::http::StatusCode> {
    let code = passend_domain::organisations::LocationCode::parse(&code).map_err(|_| AppError::not_found())?;
    state
        .app
        .correct_location_swvs(
            &session.actor,
            code.as_str(),
            choice.swv_po.as_deref().unwrap_or(""),
            choice.swv_vo.as_deref().unwrap_or(""),
        )
        .await?
        .map_err(crate::accounts::api::problems_error)?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}

/// Undoes a correction: the postcode table decides the location's SWVs again.
#[utoipa::path(delete, path = "/api/v1/locations/{code}/swvs", tag = "directory", security(("session" = [])),
    params(("code" = String, Path)),
    responses((status = 204, description = "Reset"), (status = 403, description = "Not allowed"), (status = 404, description = "No such location")))]
pub async fn reset_location_swvs(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path(code): Path<String>,
) -> AppResult<axum::http::StatusCode> {
    let code = passend_domain::organisations::LocationCode::parse(&code).map_err(|_| AppError::not_found())?;
    state.app.reset_location_swvs(&session.actor, code.as_str()).await?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}

/// How parents reach a location: what the API shows and takes. Empty or
/// absent clears a field.
#[derive(Serialize, Deserialize, ToSchema, Default)]
pub struct LocationContactBody {
    /// A Dutch phone number, e.g. `020 123 45 67`.
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    /// e.g. `https://www.debrug.nl` (`www.debrug.nl` gets `https://`).
    #[serde(default)]
    pub website: Option<String>,
}

impl From<&passend_domain::organisations::Location> for LocationContactBody {
    fn from(l: &passend_domain::organisations::Location) -> Self {
        LocationContactBody { phone: l.phone.clone(), email: l.email.clone(), website: l.website.clone() }
    }
}

impl From<LocationContactBody> for LocationContact {
    fn from(b: LocationContactBody) -> Self {
        LocationContact { phone: b.phone, email: b.email, website: b.website }
    }
}

fn location_code(raw: &str) -> AppResult<LocationCode> {
    LocationCode::parse(raw).map_err(|_| AppError::not_found())
}

/// How parents reach a location: phone, e-mail and website (public, as the
/// parent pages show them).
#[utoipa::path(get, path = "/api/v1/locations/{code}/contact", tag = "directory", security(()),
    params(("code" = String, Path, description = "Location code, e.g. 04FZ00")),
    responses((status = 200, body = LocationContactBody), (status = 404, description = "No such location")))]
pub async fn get_location_contact(
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> AppResult<Json<LocationContactBody>> {
    let code = location_code(&code)?;
    Ok(Json((&state.app.location(code.as_str()).await?).into()))
}

/// Changes how parents reach a location (the school's director): a Dutch phone
/// number, an e-mail address and a website; later DUO imports keep them.
#[utoipa::path(put, path = "/api/v1/locations/{code}/contact", tag = "directory", security(("session" = [])),
    params(("code" = String, Path, description = "Location code, e.g. 04FZ00")), request_body = LocationContactBody,
    responses((status = 200, body = LocationContactBody), (status = 400, description = "Field errors"),
              (status = 403, description = "Not this school's director"), (status = 404, description = "No such location")))]
pub async fn update_location_contact(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path(code): Path<String>,
    Json(body): Json<LocationContactBody>,
) -> AppResult<Json<LocationContactBody>> {
    let code = location_code(&code)?;
    let saved = state.app.update_location_contact(&session.actor, &code, &body.into()).await?;
    // The public pages show the contact.
    state.public.pages.clear();
    Ok(Json((&saved.map_err(crate::accounts::api::problems_error)?).into()))
}
