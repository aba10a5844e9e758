//! The school's scan pages: its rounds and the form to open one; a round's
//! report with links, QR codes and counts (coordinators), results per group
//! and domain, verdicts, last year, the profile check and the wish form; the
//! typeset report; the SWV's aggregated view.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use passend_app::scan::{LoadedScan, OpenScan, ProfileCheck, ScanReport, SchoolScans, SwvScans, form_path, wish_line};
use passend_documents::DocumentKind;
use passend_documents::data::{ScanGroupBlock, ScanLabels, ScanReportData, ScanSchool};
use passend_domain::FieldProblems;
use passend_domain::scan::{Claim, DomainVerdict, GroupResult, ScanDomain, ScanGroup, Statement, Verdict};
use passend_i18n::{Lang, ParentLang};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::OnScan;
use crate::app::AppState;
use crate::coverage::{InSwv, YearQuery};
use crate::error::{AppError, AppResult};
use crate::pages::{FieldErrors, PageContext, render};
use crate::publishing::documents::file_response;
use crate::security::csrf::CsrfForm;
use crate::security::session::SignedIn;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(school_scans, open_scan))
        .routes(routes!(report_page))
        .routes(routes!(settings))
        .routes(routes!(wishes))
        .routes(routes!(qr_code))
        .routes(routes!(report_pdf))
        .routes(routes!(swv_page))
        .routes(routes!(add_swv_statement))
}

/// A share as people read it: `80%`, or a dash without opinions.
fn percent(share: Option<usize>) -> String {
    share.map_or_else(|| "–".to_owned(), |s| format!("{s}%"))
}

fn reason_id(v: &DomainVerdict) -> String {
    let reason = serde_json::to_value(v.reason).ok().and_then(|r| r.as_str().map(str::to_owned)).unwrap_or_default();
    format!("scan-reason-{reason}")
}

fn get<'a>(form: &'a [(String, String)], key: &str) -> &'a str {
    form.iter().find(|(k, _)| k == key).map_or("", |(_, v)| v.as_str())
}

fn all(form: &[(String, String)], key: &str) -> Vec<String> {
    form.iter().filter(|(k, _)| k == key).map(|(_, v)| v.clone()).collect()
}

#[derive(Template)]
#[template(path = "scans/school.html")]
struct SchoolPage {
    ctx: PageContext,
    brin: String,
    scans: SchoolScans,
    groups: [ScanGroup; 5],
    this_year: String,
    /// What a refused open form sent.
    typed: Vec<(String, String)>,
    errors: FieldErrors,
}

impl SchoolPage {
    fn typed(&self, key: &str) -> &str {
        get(&self.typed, key)
    }

    fn group_checked(&self, group: &ScanGroup) -> bool {
        self.typed.is_empty() || self.typed.iter().any(|(k, v)| k == "groups" && v == group.as_str())
    }
}

async fn school_page(
    state: &AppState,
    ctx: PageContext,
    actor: &passend_domain::access::Actor,
    brin: &str,
    typed: Vec<(String, String)>,
    errors: FieldErrors,
) -> AppResult<Html<String>> {
    let scans = state.app.scans_of_school(actor, brin).await?;
    render(&SchoolPage {
        brin: brin.to_uppercase(),
        scans,
        groups: ScanGroup::ALL,
        this_year: passend_app::questionnaire::current_year().to_string(),
        typed,
        errors,
        ctx,
    })
}

#[utoipa::path(get, path = "/scholen/{brin}/scans", tag = "pages", params(("brin" = String, Path)),
    responses((status = 200, content_type = "text/html"), (status = 403, description = "Not of this school or its SWV")))]
pub async fn school_scans(
    State(state): State<AppState>,
    ctx: PageContext,
    SignedIn(session): SignedIn,
    Path(brin): Path<String>,
) -> AppResult<Html<String>> {
    school_page(&state, ctx, &session.actor, &brin, Vec::new(), FieldErrors::default()).await
}

#[utoipa::path(post, path = "/scholen/{brin}/scans", tag = "pages", params(("brin" = String, Path)),
    request_body(content = Object, content_type = "application/x-www-form-urlencoded", description = "`location_code`, `school_year`, `groups` (repeated), `shared_device=ja`"),
    responses((status = 303, description = "Opened"), (status = 409, description = "A round exists"), (status = 422, description = "Field errors")))]
pub async fn open_scan(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(brin): Path<String>,
    form: CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let f = &form.form;
    let groups = all(f, "groups");
    let input = OpenScan {
        location_code: get(f, "location_code"),
        school_year: get(f, "school_year"),
        groups: &groups,
        shared_device: get(f, "shared_device") == "ja",
    };
    let (status, problems): (StatusCode, FieldProblems) =
        match state.app.open_scan(&form.session.actor, &brin, &input).await {
            Ok(Ok(id)) => return Ok(Redirect::to(&format!("/scans/{id}?melding=opgeslagen")).into_response()),
            Ok(Err(problems)) => (StatusCode::UNPROCESSABLE_ENTITY, problems),
            Err(passend_app::Error::Conflict(problems)) => (StatusCode::CONFLICT, problems),
            Err(other) => return Err(other.into()),
        };
    let errors = FieldErrors::from_problems(ctx.lang, problems);
    let html = school_page(&state, ctx, &form.session.actor, &brin, f.clone(), errors).await?;
    Ok((status, html).into_response())
}

/// One group's results as the page shows them.
struct GroupView {
    group: ScanGroup,
    n: usize,
    /// Per domain: (domain, share, opinions, rows per statement (text, counts, share), remarks).
    domains: Option<Vec<DomainView>>,
}

struct DomainView {
    domain: ScanDomain,
    share: String,
    opinions: usize,
    statements: Vec<(String, [usize; 5], String)>,
    remarks: Vec<String>,
}

fn group_views(report: &ScanReport) -> Vec<GroupView> {
    report
        .results
        .groups()
        .iter()
        .map(|g| GroupView {
            group: g.group(),
            n: g.n(),
            domains: g.shown().map(|shown| {
                shown
                    .domains()
                    .iter()
                    .map(|d| DomainView {
                        domain: d.domain,
                        share: percent(d.distribution.share_agreeing()),
                        opinions: d.distribution.opinions(),
                        statements: d
                            .statements
                            .iter()
                            .map(|s| {
                                let c = s.distribution.counts().map(|(_, n)| n);
                                (s.text.clone(), c, percent(s.distribution.share_agreeing()))
                            })
                            .collect(),
                        remarks: d.remarks.clone(),
                    })
                    .collect()
            }),
        })
        .collect()
}

#[derive(Template)]
#[template(path = "scans/report.html")]
struct ReportPage {
    ctx: PageContext,
    loaded: LoadedScan,
    /// (group, full link, responses) for coordinators.
    links: Vec<(ScanGroup, String, i64)>,
    verdicts: Vec<DomainVerdict>,
    groups: Vec<GroupView>,
    /// (domain, group, this year, last year).
    compared: Vec<(ScanDomain, ScanGroup, String, String)>,
    last_year: Option<(i64, String)>,
    check: ProfileCheck,
    picks: Vec<String>,
    owner: String,
    errors: FieldErrors,
}

impl ReportPage {
    fn reason(&self, v: &DomainVerdict) -> String {
        self.ctx.t(&reason_id(v))
    }

    fn verdict_class(&self, v: &Verdict) -> &'static str {
        v.as_str()
    }

    fn picked(&self, pick: &str) -> bool {
        self.picks.iter().any(|p| p == pick)
    }

    fn wish_preview(&self, t: &passend_domain::scan::ToTest) -> String {
        wish_line(self.ctx.lang, &self.loaded.round.school_year, t)
    }
}

async fn report(
    state: &AppState,
    ctx: PageContext,
    on: OnScan,
    picks: Vec<String>,
    owner: String,
    errors: FieldErrors,
) -> AppResult<Html<String>> {
    let OnScan { loaded, session } = on;
    let report = state.app.scan_report(&loaded).await?;
    let check = state.app.scan_profile_check(&session.actor, &loaded).await?;
    let links = if loaded.coordinates {
        loaded.round.links.iter().map(|l| (l.group, state.config.link(&form_path(&l.link_code)), l.responses)).collect()
    } else {
        Vec::new()
    };
    let compared =
        report.compared.iter().map(|c| (c.domain, c.group, percent(c.this_year), percent(c.last_year))).collect();
    render(&ReportPage {
        links,
        verdicts: report.verdicts.clone(),
        groups: group_views(&report),
        compared,
        last_year: report.last_year.clone(),
        check,
        picks,
        owner,
        errors,
        loaded,
        ctx,
    })
}

#[utoipa::path(get, path = "/scans/{id}", tag = "pages", params(("id" = i64, Path)),
    responses((status = 200, content_type = "text/html"), (status = 404, description = "No such round the actor may read")))]
pub async fn report_page(State(state): State<AppState>, ctx: PageContext, on: OnScan) -> AppResult<Html<String>> {
    report(&state, ctx, on, Vec::new(), String::new(), FieldErrors::default()).await
}

#[utoipa::path(post, path = "/scans/{id}/instellingen", tag = "pages", params(("id" = i64, Path)),
    request_body(content = Object, content_type = "application/x-www-form-urlencoded", description = "`closed`, `shared_device`, `shared_with_swv`: `ja` or `nee`"),
    responses((status = 303, description = "Saved")))]
pub async fn settings(
    State(state): State<AppState>,
    OnScan { loaded, .. }: OnScan,
    form: CsrfForm<Vec<(String, String)>>,
) -> AppResult<Redirect> {
    let yes = |key: &str| get(&form.form, key) == "ja";
    state
        .app
        .set_scan(&form.session.actor, &loaded, yes("closed"), yes("shared_device"), yes("shared_with_swv"))
        .await?;
    Ok(Redirect::to(&format!("/scans/{}?melding=opgeslagen", loaded.round.id)))
}

#[utoipa::path(post, path = "/scans/{id}/wensen", tag = "pages", params(("id" = i64, Path)),
    request_body(content = Object, content_type = "application/x-www-form-urlencoded", description = "`pick` (repeated: `statement:group`) and `owner`"),
    responses((status = 303, description = "The wishes are on next year's wish list"), (status = 422, description = "Field errors")))]
pub async fn wishes(
    State(state): State<AppState>,
    ctx: PageContext,
    on: OnScan,
    form: CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let picks = all(&form.form, "pick");
    let owner = get(&form.form, "owner").to_owned();
    let outcome = state.app.wishes_from_scan(&form.session.actor, ctx.lang, &on.loaded, &picks, &owner).await;
    let problems = match outcome {
        Ok(Ok(made)) => {
            let to = format!("/profielen/{}/planning?melding=opgeslagen#wishes-title", made.profile_id);
            return Ok(Redirect::to(&to).into_response());
        }
        Ok(Err(problems)) | Err(passend_app::Error::Conflict(problems)) => problems,
        Err(other) => return Err(AppError::from(other)),
    };
    let errors = FieldErrors::from_problems(ctx.lang, problems);
    Ok((StatusCode::UNPROCESSABLE_ENTITY, report(&state, ctx, on, picks, owner, errors).await?).into_response())
}

/// A group's link as a QR code (SVG), for coordinators.
#[utoipa::path(get, path = "/scans/{id}/qr/{group}", tag = "pages", params(("id" = i64, Path), ("group" = String, Path)),
    responses((status = 200, content_type = "image/svg+xml"), (status = 404, description = "No such link")))]
pub async fn qr_code(
    State(state): State<AppState>,
    Path((_id, group)): Path<(i64, String)>,
    OnScan { loaded, .. }: OnScan,
) -> AppResult<Response> {
    let link = loaded
        .round
        .links
        .iter()
        .find(|l| l.group.as_str() == group.trim_end_matches(".svg") && !l.link_code.is_empty())
        .ok_or_else(AppError::not_found)?;
    let url = state.config.link(&form_path(&link.link_code));
    let image =
        passend_documents::qr::svg(&url, 240).ok_or_else(|| anyhow::anyhow!("a scan link too long for a QR code"))?;
    let name = format!("scan-{}-{}.svg", loaded.round.location_code, link.group.as_str());
    Ok((
        [
            (header::CONTENT_TYPE, "image/svg+xml".to_owned()),
            (header::CONTENT_DISPOSITION, format!("inline; filename=\"{name}\"")),
        ],
        image,
    )
        .into_response())
}

fn report_data(
    lang: Lang,
    school_name: &str,
    loaded: &LoadedScan,
    report: &ScanReport,
    check: &ProfileCheck,
) -> ScanReportData {
    let t = |id: &str| lang.t(id);
    let groups = report
        .results
        .groups()
        .iter()
        .map(|g| {
            let heading = format!(
                "{} ({})",
                t(g.group().message_id()),
                lang.t_with("scan-respondents", &[("count", g.n().into())])
            );
            match g {
                GroupResult::Suppressed { .. } => {
                    ScanGroupBlock { heading, suppressed: Some(t("scan-suppressed")), rows: Vec::new() }
                }
                GroupResult::Shown(shown) => ScanGroupBlock {
                    heading,
                    suppressed: None,
                    rows: shown
                        .domains()
                        .iter()
                        .map(|d| {
                            [
                                t(d.domain.message_id()),
                                percent(d.distribution.share_agreeing()),
                                d.distribution.opinions().to_string(),
                            ]
                        })
                        .collect(),
                },
            }
        })
        .collect();
    ScanReportData {
        title: t("scan-title"),
        lang: lang.code().to_owned(),
        text_lang: "nl".to_owned(),
        year: loaded.round.school_year.clone(),
        school: ScanSchool { name: school_name.to_owned(), contact: Default::default() },
        location: loaded.round.location_name.clone(),
        labels: ScanLabels {
            profile: t("scan-title"),
            intro: t("scan-report-intro"),
            verdicts: t("scan-verdicts"),
            domain: t("scan-domain"),
            verdict: t("scan-verdict"),
            reason: t("scan-reason"),
            groups: t("scan-per-group"),
            share_agreeing: t("scan-share-agreeing"),
            answers: t("scan-opinions"),
            to_test: t("scan-to-test"),
            none_to_test: t("scan-none-to-test"),
            compared: t("scan-compared"),
            group: t("scan-group"),
            this_year: t("scan-this-year"),
            last_year: t("scan-last-year"),
        },
        verdicts: report
            .verdicts
            .iter()
            .map(|v| [t(v.domain.message_id()), t(v.verdict.message_id()), t(&reason_id(v))])
            .collect(),
        groups,
        to_test: check.to_test.iter().map(|x| wish_line(lang, &loaded.round.school_year, x)).collect(),
        compared: report
            .compared
            .iter()
            .map(|c| [t(c.domain.message_id()), t(c.group.message_id()), percent(c.this_year), percent(c.last_year)])
            .collect(),
    }
}

/// The round's report as a tagged PDF, with the same suppression as the page.
#[utoipa::path(get, path = "/scans/{id}/rapport.pdf", tag = "pages", params(("id" = i64, Path)),
    responses((status = 200, content_type = "application/pdf"), (status = 404, description = "No such round the actor may read"),
              (status = 503, description = "The document could not be typeset now")))]
pub async fn report_pdf(
    State(state): State<AppState>,
    ctx: PageContext,
    OnScan { loaded, session }: OnScan,
) -> AppResult<Response> {
    let report = state.app.scan_report(&loaded).await?;
    let check = state.app.scan_profile_check(&session.actor, &loaded).await?;
    let school = state.app.scans_of_school(&session.actor, &loaded.school.code).await?.school_name;
    let data = report_data(ctx.lang, &school, &loaded, &report, &check);
    let lang = if ctx.lang == Lang::En { ParentLang::En } else { ParentLang::Nl };
    let (pdf, key) = state.public.documents.pdf(DocumentKind::ScanReport, lang, &data).await?;
    let name = format!("scan-{}-{}.pdf", loaded.round.location_code, loaded.round.school_year);
    Ok(file_response(&pdf, "application/pdf", &name, &key))
}

#[derive(Template)]
#[template(path = "scans/swv.html")]
struct SwvPage {
    ctx: PageContext,
    code: String,
    scans: SwvScans,
    /// The SWV's own statements, newest last.
    statements: Vec<Statement>,
    /// Whether the reader may add statements (SWV admins).
    editable: bool,
    domains: [ScanDomain; 7],
    groups: [ScanGroup; 5],
    claims: Vec<Claim>,
    /// What a refused form sent.
    typed: Vec<(String, String)>,
    errors: FieldErrors,
}

impl SwvPage {
    fn typed(&self, key: &str) -> &str {
        get(&self.typed, key)
    }

    fn group_checked(&self, group: &ScanGroup) -> bool {
        self.typed.iter().any(|(k, v)| k == "groups" && v == group.as_str())
    }

    fn groups_text(&self, statement: &Statement) -> String {
        statement.groups.iter().map(|g| self.ctx.t(g.message_id())).collect::<Vec<_>>().join(", ")
    }

    /// A claim as the form and the list name it.
    fn claim_label(&self, claim: &Claim) -> String {
        match claim {
            Claim::Category(c) => self.ctx.t1("scan-own-claim-category", "category", self.ctx.t(c.message_id())),
            Claim::Basis(a) => self.ctx.t1("scan-own-claim-basis", "aspect", self.ctx.t(a.message_id())),
        }
    }
}

async fn swv_page_html(
    state: &AppState,
    ctx: PageContext,
    scope: &passend_app::region::SwvScope,
    year: passend_domain::questionnaire::SchoolYear,
    typed: Vec<(String, String)>,
    errors: FieldErrors,
) -> AppResult<Html<String>> {
    let scans = state.app.swv_scans(scope, year).await?;
    let statements = state.app.swv_scan_statements(scope).await?;
    render(&SwvPage {
        code: scope.code().as_str().to_owned(),
        scans,
        statements,
        editable: scope.editable(),
        domains: ScanDomain::ALL,
        groups: ScanGroup::ALL,
        claims: Claim::all(),
        typed,
        errors,
        ctx,
    })
}

#[utoipa::path(get, path = "/samenwerkingsverbanden/{code}/scans", tag = "pages", params(("code" = String, Path), YearQuery),
    responses((status = 200, content_type = "text/html"), (status = 403, description = "Not of this SWV")))]
pub async fn swv_page(
    State(state): State<AppState>,
    ctx: PageContext,
    InSwv { scope, .. }: InSwv,
    Query(query): Query<YearQuery>,
) -> AppResult<Html<String>> {
    swv_page_html(&state, ctx, &scope, query.school_year(), Vec::new(), FieldErrors::default()).await
}

/// Adds one of the SWV's own statements (SWV admins); a refused one comes
/// back with its message at the field and what was typed.
#[utoipa::path(post, path = "/samenwerkingsverbanden/{code}/scans/stellingen", tag = "pages", params(("code" = String, Path)),
    request_body(content = Object, content_type = "application/x-www-form-urlencoded", description = "`domain`, `groups` (repeated), `text`, `claim` (`category:…`, `basis:…` or empty)"),
    responses((status = 303, description = "Added"), (status = 403, description = "Not an admin of this SWV"),
              (status = 422, description = "Field errors")))]
pub async fn add_swv_statement(
    State(state): State<AppState>,
    ctx: PageContext,
    InSwv { scope, .. }: InSwv,
    form: CsrfForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let f = &form.form;
    let groups = all(f, "groups");
    let raw_claim = get(f, "claim").trim();
    let claim = Claim::parse(raw_claim);
    if !raw_claim.is_empty() && claim.is_none() {
        let mut errors = FieldErrors::default();
        errors.add("claim", ctx.t("scan-own-claim-unknown"));
        let html =
            swv_page_html(&state, ctx, &scope, passend_app::questionnaire::current_year(), f.clone(), errors).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response());
    }
    let added = state
        .app
        .add_swv_scan_statement(&form.session.actor, &scope, get(f, "domain"), &groups, get(f, "text"), claim)
        .await?;
    match added {
        Ok(_) => Ok(Redirect::to(&format!(
            "/samenwerkingsverbanden/{}/scans?melding=stelling-toegevoegd#own-statements",
            scope.code().as_str()
        ))
        .into_response()),
        Err(problems) => {
            let errors = FieldErrors::from_problems(ctx.lang, problems);
            let html =
                swv_page_html(&state, ctx, &scope, passend_app::questionnaire::current_year(), f.clone(), errors)
                    .await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
        }
    }
}
