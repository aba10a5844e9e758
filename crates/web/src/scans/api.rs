//! The Scan Passend Onderwijs through the JSON API. Results come from
//! `passend_app::scan`, which holds back every group below five respondents;
//! the bodies here only describe what it returns.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use passend_app::scan::{LoadedScan, OpenScan, ScanAnswered, ScanReport, ScanRound, form_path};
use passend_app::surveys::new_browser_key;
use passend_domain::scan::{
    Agreement, Claim, Distribution, DomainVerdict, GroupResult, ScanDomain, ScanGroup, Statement, ToTest, Verdict,
    VerdictSpread, YearChange,
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{BROWSER_COOKIE, OnScan};
use crate::accounts::api::problems_error;
use crate::app::AppState;
use crate::coverage::{InSwv, YearQuery};
use crate::error::{AppError, AppResult, ErrorKind};
use crate::i18n::ReaderLang;
use crate::security::cookies::{cookie, set_cookie};
use crate::security::session::SignedIn;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_scans, open_scan))
        .routes(routes!(scan_results, set_scan))
        .routes(routes!(profile_check))
        .routes(routes!(scan_wishes))
        .routes(routes!(public_scan))
        .routes(routes!(answer_scan))
        .routes(routes!(swv_scans))
        .routes(routes!(swv_statements, add_swv_statement))
}

fn group_schema() -> utoipa::openapi::schema::Object {
    crate::contract::names_of(
        &ScanGroup::ALL,
        "Who answers: `team`, `ib` (IB-er/zorgcoördinator), `director`, `parents`, `pupils`.",
    )
}

fn groups_schema() -> utoipa::openapi::schema::Array {
    utoipa::openapi::schema::ArrayBuilder::new().items(group_schema()).build()
}

fn domain_schema() -> utoipa::openapi::schema::Object {
    crate::contract::names_of(&ScanDomain::ALL, "One of the scan's seven domains.")
}

fn verdict_schema() -> utoipa::openapi::schema::Object {
    crate::contract::names_of(&Verdict::ALL, "The domain's verdict by the rules in docs/scan.md.")
}

/// One group's link and its count so far. The code is empty for readers who do not coordinate.
#[derive(Serialize, ToSchema)]
pub struct ScanLinkBody {
    #[schema(schema_with = group_schema)]
    pub group: ScanGroup,
    /// The link to hand out (`/scan/{code}`); empty for readers who do not coordinate.
    pub link: String,
    pub responses: i64,
}

#[derive(Serialize, ToSchema)]
pub struct ScanRoundBody {
    pub id: i64,
    pub brin: String,
    pub location_code: String,
    pub location_name: String,
    pub school_year: String,
    /// The version of the instrument the round was opened with.
    pub instrument_version: u32,
    #[schema(schema_with = groups_schema)]
    pub groups: Vec<ScanGroup>,
    pub links: Vec<ScanLinkBody>,
    pub responses: i64,
    pub shared_device: bool,
    pub shared_with_swv: bool,
    pub closed: bool,
}

impl ScanRoundBody {
    fn of(state: &AppState, round: &ScanRound) -> Self {
        ScanRoundBody {
            id: round.id,
            brin: round.brin.clone(),
            location_code: round.location_code.clone(),
            location_name: round.location_name.clone(),
            school_year: round.school_year.clone(),
            instrument_version: round.instrument_version,
            groups: round.groups.clone(),
            links: round
                .links
                .iter()
                .map(|l| ScanLinkBody {
                    group: l.group,
                    link: if l.link_code.is_empty() {
                        String::new()
                    } else {
                        state.config.link(&form_path(&l.link_code))
                    },
                    responses: l.responses,
                })
                .collect(),
            responses: round.responses(),
            shared_device: round.shared_device,
            shared_with_swv: round.shared_with_swv,
            closed: round.closed,
        }
    }
}

/// The school's rounds the actor may read (the SWV only those the school shares).
#[utoipa::path(get, path = "/api/v1/schools/{brin}/scans", tag = "scans", security(("session" = [])),
    params(("brin" = String, Path)),
    responses((status = 200, body = [ScanRoundBody]), (status = 401, description = "Not signed in"),
              (status = 403, description = "Not of this school or its SWV"), (status = 404, description = "No such school")))]
pub async fn list_scans(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path(brin): Path<String>,
) -> AppResult<Json<Vec<ScanRoundBody>>> {
    let scans = state.app.scans_of_school(&session.actor, &brin).await?;
    Ok(Json(scans.rounds.iter().map(|r| ScanRoundBody::of(&state, r)).collect()))
}

#[derive(Deserialize, ToSchema)]
pub struct NewScan {
    pub location_code: String,
    /// `2026-2027`; the current school year when left out.
    #[serde(default)]
    pub school_year: String,
    /// The groups to ask, each with its own link.
    #[schema(schema_with = groups_schema)]
    pub groups: Vec<String>,
    /// More answers from one browser (a shared device in class).
    #[serde(default)]
    pub shared_device: bool,
}

/// Opens a round for a location and school year with one link per group (coordinators).
#[utoipa::path(post, path = "/api/v1/schools/{brin}/scans", tag = "scans", security(("session" = [])),
    params(("brin" = String, Path)), request_body = NewScan,
    responses((status = 201, body = ScanRoundBody), (status = 400, description = "Field errors"),
              (status = 401, description = "Not signed in"), (status = 403, description = "Not a coordinator"),
              (status = 404, description = "No such school"), (status = 409, description = "The location has a round for the year"),
              (status = 422, description = "The body is not a NewScan")))]
pub async fn open_scan(
    State(state): State<AppState>,
    SignedIn(session): SignedIn,
    Path(brin): Path<String>,
    body: Result<Json<NewScan>, axum::extract::rejection::JsonRejection>,
) -> AppResult<Response> {
    // Who may open is decided before the body is read, so another tenant learns nothing from a 422.
    if !state.app.scans_of_school(&session.actor, &brin).await?.may_open {
        return Err(AppError::new(ErrorKind::Forbidden));
    }
    let Json(body) = match body {
        Ok(body) => body,
        Err(rejection) => return Ok(rejection.into_response()),
    };
    let input = OpenScan {
        location_code: &body.location_code,
        school_year: &body.school_year,
        groups: &body.groups,
        shared_device: body.shared_device,
    };
    let id = state.app.open_scan(&session.actor, &brin, &input).await?.map_err(problems_error)?;
    let loaded = state.app.load_scan(&session.actor, id).await?;
    Ok((StatusCode::CREATED, Json(ScanRoundBody::of(&state, &loaded.round))).into_response())
}

#[derive(Serialize, ToSchema)]
pub struct DistributionBody {
    pub helemaal_oneens: usize,
    pub oneens: usize,
    pub eens: usize,
    pub helemaal_eens: usize,
    pub weet_niet: usize,
    /// Share agreeing among answers with an opinion, whole percents; null without opinions.
    pub share_agreeing: Option<usize>,
}

impl From<&Distribution> for DistributionBody {
    fn from(d: &Distribution) -> Self {
        DistributionBody {
            helemaal_oneens: d.helemaal_oneens,
            oneens: d.oneens,
            eens: d.eens,
            helemaal_eens: d.helemaal_eens,
            weet_niet: d.weet_niet,
            share_agreeing: d.share_agreeing(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct StatementResultBody {
    pub key: String,
    pub text: String,
    pub distribution: DistributionBody,
}

#[derive(Serialize, ToSchema)]
pub struct DomainResultBody {
    #[schema(schema_with = domain_schema)]
    pub domain: ScanDomain,
    pub distribution: DistributionBody,
    pub statements: Vec<StatementResultBody>,
    pub remarks: Vec<String>,
}

/// One group: with `suppressed` (fewer than five respondents) only its `n`.
#[derive(Serialize, ToSchema)]
pub struct GroupResultBody {
    #[schema(schema_with = group_schema)]
    pub group: ScanGroup,
    pub n: usize,
    /// True below five respondents: "te weinig antwoorden om te tonen"; `domains` is then empty.
    pub suppressed: bool,
    pub domains: Vec<DomainResultBody>,
}

impl From<&GroupResult> for GroupResultBody {
    fn from(g: &GroupResult) -> Self {
        let domains = g.shown().map_or_else(Vec::new, |shown| {
            shown
                .domains()
                .iter()
                .map(|d| DomainResultBody {
                    domain: d.domain,
                    distribution: (&d.distribution).into(),
                    statements: d
                        .statements
                        .iter()
                        .map(|s| StatementResultBody {
                            key: s.key.clone(),
                            text: s.text.clone(),
                            distribution: (&s.distribution).into(),
                        })
                        .collect(),
                    remarks: d.remarks.clone(),
                })
                .collect()
        });
        GroupResultBody { group: g.group(), n: g.n(), suppressed: g.shown().is_none(), domains }
    }
}

#[derive(Serialize, ToSchema)]
pub struct VerdictBody {
    #[schema(schema_with = domain_schema)]
    pub domain: ScanDomain,
    #[schema(schema_with = verdict_schema)]
    pub verdict: Verdict,
    /// `broad_agreement`, `group_below_half`, `group_below_seventy`, `groups_disagree` or `no_opinions`.
    pub reason: String,
    /// The group with the lowest share agreeing, when any.
    #[schema(schema_with = group_schema)]
    pub lowest: Option<ScanGroup>,
}

impl From<&DomainVerdict> for VerdictBody {
    fn from(v: &DomainVerdict) -> Self {
        let reason =
            serde_json::to_value(v.reason).ok().and_then(|r| r.as_str().map(str::to_owned)).unwrap_or_default();
        VerdictBody { domain: v.domain, verdict: v.verdict, reason, lowest: v.lowest }
    }
}

#[derive(Serialize, ToSchema)]
pub struct YearChangeBody {
    #[schema(schema_with = domain_schema)]
    pub domain: ScanDomain,
    #[schema(schema_with = group_schema)]
    pub group: ScanGroup,
    pub this_year: Option<usize>,
    pub last_year: Option<usize>,
}

impl From<&YearChange> for YearChangeBody {
    fn from(c: &YearChange) -> Self {
        YearChangeBody { domain: c.domain, group: c.group, this_year: c.this_year, last_year: c.last_year }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ScanResultsBody {
    pub round: ScanRoundBody,
    /// Every group asked, suppressed ones marked.
    pub groups: Vec<GroupResultBody>,
    pub verdicts: Vec<VerdictBody>,
    /// Last year's round of the location, when there is one.
    pub last_year_round: Option<i64>,
    /// Share agreeing per domain and group, this round and last year's.
    pub compared_with_last_year: Vec<YearChangeBody>,
}

pub(super) fn results_body(state: &AppState, loaded: &LoadedScan, report: &ScanReport) -> ScanResultsBody {
    ScanResultsBody {
        round: ScanRoundBody::of(state, &loaded.round),
        groups: report.results.groups().iter().map(GroupResultBody::from).collect(),
        verdicts: report.verdicts.iter().map(VerdictBody::from).collect(),
        last_year_round: report.last_year.as_ref().map(|(id, _)| *id),
        compared_with_last_year: report.compared.iter().map(YearChangeBody::from).collect(),
    }
}

/// A round's results: `n` per group, groups below five suppressed, verdicts per domain, last year.
#[utoipa::path(get, path = "/api/v1/scans/{id}", tag = "scans", security(("session" = [])),
    params(("id" = i64, Path)),
    responses((status = 200, body = ScanResultsBody), (status = 401, description = "Not signed in"),
              (status = 404, description = "No such round the actor may read")))]
pub async fn scan_results(
    State(state): State<AppState>,
    OnScan { loaded, .. }: OnScan,
) -> AppResult<Json<ScanResultsBody>> {
    let report = state.app.scan_report(&loaded).await?;
    Ok(Json(results_body(&state, &loaded, &report)))
}

#[derive(Deserialize, ToSchema)]
pub struct ScanSettings {
    pub closed: bool,
    #[serde(default)]
    pub shared_device: bool,
    /// Show the school's own results to its SWV.
    #[serde(default)]
    pub shared_with_swv: bool,
}

/// Closes or reopens a round, sets the shared device and sharing with the SWV (coordinators).
#[utoipa::path(put, path = "/api/v1/scans/{id}", tag = "scans", security(("session" = [])),
    params(("id" = i64, Path)), request_body = ScanSettings,
    responses((status = 204, description = "Saved"), (status = 401, description = "Not signed in"),
              (status = 403, description = "Not a coordinator"), (status = 404, description = "No such round")))]
pub async fn set_scan(
    State(state): State<AppState>,
    OnScan { loaded, session }: OnScan,
    Json(body): Json<ScanSettings>,
) -> AppResult<StatusCode> {
    state.app.set_scan(&session.actor, &loaded, body.closed, body.shared_device, body.shared_with_swv).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct ClaimBody {
    /// `category` (offered as standaard) or `basis` (basisondersteuning on order).
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The support category or basisondersteuning aspect.
    pub key: String,
}

impl From<Claim> for ClaimBody {
    fn from(c: Claim) -> Self {
        let value = serde_json::to_value(c).unwrap_or_default();
        let key = value.get("key").and_then(|k| k.as_str()).unwrap_or_default().to_owned();
        ClaimBody { kind: if matches!(c, Claim::Category(_)) { "category" } else { "basis" }, key }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ToTestBody {
    pub claim: ClaimBody,
    /// The value to pick it with when making wishes (`os.o1:parents`).
    pub pick: String,
    pub statement_key: String,
    pub statement: String,
    #[schema(schema_with = domain_schema)]
    pub domain: ScanDomain,
    #[schema(schema_with = group_schema)]
    pub group: ScanGroup,
    pub n: usize,
    pub agreeing: usize,
    pub disagreeing: usize,
    pub dont_know: usize,
    pub share_agreeing: usize,
}

impl From<&ToTest> for ToTestBody {
    fn from(t: &ToTest) -> Self {
        ToTestBody {
            claim: t.claim.into(),
            pick: t.pick(),
            statement_key: t.statement_key.clone(),
            statement: t.statement.clone(),
            domain: t.domain,
            group: t.group,
            n: t.n,
            agreeing: t.agreeing,
            disagreeing: t.disagreeing,
            dont_know: t.dont_know,
            share_agreeing: t.share_agreeing,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ProfileCheckBody {
    /// The profile held against: the location's of the round's year, else the latest before.
    pub profile_id: Option<i64>,
    pub profile_school_year: Option<String>,
    /// What the profile claims.
    pub claims: Vec<ClaimBody>,
    /// Claims fewer than half of a shown group recognise: *te toetsen*.
    pub te_toetsen: Vec<ToTestBody>,
}

/// The round held against the profile's claims.
#[utoipa::path(get, path = "/api/v1/scans/{id}/profile-check", tag = "scans", security(("session" = [])),
    params(("id" = i64, Path)),
    responses((status = 200, body = ProfileCheckBody), (status = 401, description = "Not signed in"),
              (status = 404, description = "No such round the actor may read")))]
pub async fn profile_check(
    State(state): State<AppState>,
    OnScan { loaded, session }: OnScan,
) -> AppResult<Json<ProfileCheckBody>> {
    let check = state.app.scan_profile_check(&session.actor, &loaded).await?;
    Ok(Json(ProfileCheckBody {
        profile_id: check.profile.as_ref().map(|(id, _)| *id),
        profile_school_year: check.profile.map(|(_, year)| year),
        claims: check.claims.into_iter().map(ClaimBody::from).collect(),
        te_toetsen: check.to_test.iter().map(ToTestBody::from).collect(),
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct ScanWishesBody {
    /// Picks from the profile check (`os.o1:parents`).
    pub picks: Vec<String>,
    pub owner: String,
}

#[derive(Serialize, ToSchema)]
pub struct ScanWishesMade {
    pub profile_id: i64,
    pub school_year: String,
    pub count: usize,
}

/// Turns picked claims te toetsen into wishes for next year's profile (coordinators).
#[utoipa::path(post, path = "/api/v1/scans/{id}/wishes", tag = "scans", security(("session" = [])),
    params(("id" = i64, Path)), request_body = ScanWishesBody,
    responses((status = 201, body = ScanWishesMade), (status = 400, description = "Field errors"),
              (status = 401, description = "Not signed in"), (status = 403, description = "Not a coordinator"),
              (status = 404, description = "No such round"), (status = 409, description = "No profile to put the wishes on")))]
pub async fn scan_wishes(
    State(state): State<AppState>,
    OnScan { loaded, session }: OnScan,
    ReaderLang(lang): ReaderLang,
    Json(body): Json<ScanWishesBody>,
) -> AppResult<(StatusCode, Json<ScanWishesMade>)> {
    let made = state
        .app
        .wishes_from_scan(&session.actor, lang, &loaded, &body.picks, &body.owner)
        .await?
        .map_err(problems_error)?;
    Ok((
        StatusCode::CREATED,
        Json(ScanWishesMade { profile_id: made.profile_id, school_year: made.school_year, count: made.count }),
    ))
}

#[derive(Serialize, ToSchema)]
pub struct PublicStatement {
    pub key: String,
    #[schema(schema_with = domain_schema)]
    pub domain: ScanDomain,
    pub text: String,
}

impl From<&Statement> for PublicStatement {
    fn from(s: &Statement) -> Self {
        PublicStatement { key: s.key.clone(), domain: s.domain, text: s.text.clone() }
    }
}

#[derive(Serialize, ToSchema)]
pub struct PublicScan {
    pub school: String,
    pub location: String,
    pub school_year: String,
    #[schema(schema_with = group_schema)]
    pub group: ScanGroup,
    /// Closed rounds can be read but not answered.
    pub closed: bool,
    /// The round's school year is over: the link takes no answers.
    pub expired: bool,
    /// `helemaal_oneens`, `oneens`, `eens`, `helemaal_eens`, `weet_niet`.
    pub scale: Vec<&'static str>,
    pub statements: Vec<PublicStatement>,
}

/// The statements behind a link, for anyone with it.
#[utoipa::path(get, path = "/api/v1/scan-links/{link}", tag = "scans", security(()),
    params(("link" = String, Path)), responses((status = 200, body = PublicScan), (status = 404, description = "No such link")))]
pub async fn public_scan(State(state): State<AppState>, Path(link): Path<String>) -> AppResult<Json<PublicScan>> {
    let form = state.app.scan_form(&link).await?;
    Ok(Json(PublicScan {
        school: form.school_name,
        location: form.round.location_name.clone(),
        school_year: form.round.school_year.clone(),
        group: form.group,
        closed: form.round.closed,
        expired: form.expired,
        scale: Agreement::ALL.iter().map(|a| a.as_str()).collect(),
        statements: form.statements.iter().map(PublicStatement::from).collect(),
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct ScanAnswerBody {
    /// Statement key → `helemaal_oneens`, `oneens`, `eens`, `helemaal_eens` or `weet_niet`.
    pub answers: BTreeMap<String, String>,
    /// Domain key → an optional remark.
    #[serde(default)]
    pub remarks: BTreeMap<String, String>,
}

/// Answers through a link, without an account. One answer per browser (a
/// cookie) unless the school allows a shared device. Nothing is kept on an error.
#[utoipa::path(post, path = "/api/v1/scan-links/{link}/responses", tag = "scans", security(()),
    params(("link" = String, Path)), request_body = ScanAnswerBody,
    responses((status = 201, description = "Kept"), (status = 400, description = "Field errors"),
              (status = 404, description = "No such link"),
              (status = 409, description = "This browser answered already, the round is closed or the link expired")))]
pub async fn answer_scan(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(link): Path<String>,
    Json(body): Json<ScanAnswerBody>,
) -> AppResult<Response> {
    let existing = cookie(&headers, BROWSER_COOKIE).filter(|k| k.len() == 64);
    let key = existing.clone().unwrap_or_else(new_browser_key);
    let outcome = state.app.answer_scan(&link, &body.answers, &body.remarks, &key).await?.map_err(problems_error)?;
    let mut response = match outcome {
        ScanAnswered::Saved => StatusCode::CREATED.into_response(),
        ScanAnswered::AlreadyAnswered | ScanAnswered::Closed => return Err(AppError::new(ErrorKind::Conflict)),
    };
    if existing.is_none() {
        response
            .headers_mut()
            .insert(header::SET_COOKIE, set_cookie(BROWSER_COOKIE, &key, 365 * 86_400, state.config.secure_cookies()));
    }
    Ok(response)
}

#[derive(Serialize, ToSchema)]
pub struct SwvScanSchoolBody {
    pub brin: String,
    pub location_name: String,
    pub responses: i64,
    pub closed: bool,
    /// The round, when the school shares its own results with the SWV.
    pub shared_round: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct VerdictSpreadBody {
    #[schema(schema_with = domain_schema)]
    pub domain: ScanDomain,
    pub gaat_goed: usize,
    pub aandachtspunt: usize,
    pub risico: usize,
    pub geen_oordeel: usize,
}

impl From<&VerdictSpread> for VerdictSpreadBody {
    fn from(s: &VerdictSpread) -> Self {
        VerdictSpreadBody {
            domain: s.domain,
            gaat_goed: s.gaat_goed,
            aandachtspunt: s.aandachtspunt,
            risico: s.risico,
            geen_oordeel: s.geen_oordeel,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct SwvScansBody {
    pub school_year: String,
    /// The schools that ran a scan in the year.
    pub schools: Vec<SwvScanSchoolBody>,
    /// Per domain, how many schools got each verdict (aggregated only).
    pub verdicts: Vec<VerdictSpreadBody>,
}

/// Which of the SWV's schools ran a scan in the year, and the spread of verdicts per domain.
#[utoipa::path(get, path = "/api/v1/swvs/{code}/scans", tag = "scans", security(("session" = [])),
    params(("code" = String, Path), YearQuery),
    responses((status = 200, body = SwvScansBody),
              (status = 401, description = "Not signed in"), (status = 403, description = "Not of this SWV"),
              (status = 404, description = "No such SWV")))]
pub async fn swv_scans(
    State(state): State<AppState>,
    InSwv { scope, .. }: InSwv,
    Query(query): Query<YearQuery>,
) -> AppResult<Json<SwvScansBody>> {
    let scans = state.app.swv_scans(&scope, query.school_year()).await?;
    Ok(Json(SwvScansBody {
        school_year: scans.school_year.to_string(),
        schools: scans
            .schools
            .into_iter()
            .map(|s| SwvScanSchoolBody {
                brin: s.brin,
                location_name: s.location_name,
                responses: s.responses,
                closed: s.closed,
                shared_round: s.shared_round,
            })
            .collect(),
        verdicts: scans.spread.iter().map(VerdictSpreadBody::from).collect(),
    }))
}

#[derive(Serialize, ToSchema)]
pub struct SwvStatementBody {
    pub key: String,
    #[schema(schema_with = domain_schema)]
    pub domain: ScanDomain,
    #[schema(schema_with = groups_schema)]
    pub groups: Vec<ScanGroup>,
    pub text: String,
    /// The profile's promise the statement tests: `category:<support category>`
    /// (offered as *standaard*) or `basis:<aspect>` (basisondersteuning on order).
    #[schema(example = "category:dyslexie")]
    pub claim: Option<String>,
}

impl From<&Statement> for SwvStatementBody {
    fn from(s: &Statement) -> Self {
        SwvStatementBody {
            key: s.key.clone(),
            domain: s.domain,
            groups: s.groups.clone(),
            text: s.text.clone(),
            claim: s.claim.map(Claim::form_value),
        }
    }
}

/// The statements the SWV adds to its schools' rounds.
#[utoipa::path(get, path = "/api/v1/swvs/{code}/scan-statements", tag = "scans", security(("session" = [])),
    params(("code" = String, Path)),
    responses((status = 200, body = [SwvStatementBody]), (status = 401, description = "Not signed in"),
              (status = 403, description = "Not of this SWV"), (status = 404, description = "No such SWV")))]
pub async fn swv_statements(
    State(state): State<AppState>,
    InSwv { scope, .. }: InSwv,
) -> AppResult<Json<Vec<SwvStatementBody>>> {
    Ok(Json(state.app.swv_scan_statements(&scope).await?.iter().map(SwvStatementBody::from).collect()))
}

#[derive(Deserialize, ToSchema)]
pub struct NewSwvStatement {
    #[schema(schema_with = domain_schema)]
    pub domain: String,
    #[schema(schema_with = groups_schema)]
    pub groups: Vec<String>,
    pub text: String,
    /// `category:<support category>` or `basis:<aspect>`; leave out for none.
    #[serde(default)]
    #[schema(example = "category:dyslexie")]
    pub claim: Option<String>,
}

/// Adds a statement to the rounds the SWV's schools open from now on (SWV admins).
#[utoipa::path(post, path = "/api/v1/swvs/{code}/scan-statements", tag = "scans", security(("session" = [])),
    params(("code" = String, Path)), request_body = NewSwvStatement,
    responses((status = 201, body = SwvStatementBody), (status = 400, description = "Field errors"),
              (status = 401, description = "Not signed in"), (status = 403, description = "Not an admin of this SWV"),
              (status = 404, description = "No such SWV")))]
pub async fn add_swv_statement(
    State(state): State<AppState>,
    InSwv { scope, session }: InSwv,
    Json(body): Json<NewSwvStatement>,
) -> AppResult<(StatusCode, Json<SwvStatementBody>)> {
    let claim =
        match body.claim.as_deref().map(str::trim).filter(|raw| !raw.is_empty()) {
            None => None,
            Some(raw) => Some(Claim::parse(raw).ok_or_else(|| {
                problems_error(vec![("claim", passend_domain::Message::new("scan-own-claim-unknown"))])
            })?),
        };
    let added = state
        .app
        .add_swv_scan_statement(&session.actor, &scope, &body.domain, &body.groups, &body.text, claim)
        .await?
        .map_err(problems_error)?;
    Ok((StatusCode::CREATED, Json(SwvStatementBody::from(&added))))
}
