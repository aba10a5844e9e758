//! The scan as team members, parents and pupils open it from their group's link.

use std::collections::BTreeMap;

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use passend_app::scan::ScanAnswered;
use passend_app::surveys::new_browser_key;
use passend_domain::scan::{Agreement, ScanDomain, ScanGroup, Statement};
use passend_domain::{FieldProblems, MessageArg};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::BROWSER_COOKIE;
use crate::app::AppState;
use crate::error::AppResult;
use crate::pages::{PageContext, render};
use crate::security::cookies::{cookie, set_cookie};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(scan_form, answer_scan)).routes(routes!(thanks))
}

/// A domain's statements on the form.
struct DomainPart {
    domain: ScanDomain,
    statements: Vec<Statement>,
}

#[derive(Template)]
#[template(path = "scans/answer.html")]
struct AnswerPage {
    ctx: PageContext,
    link_code: String,
    group: ScanGroup,
    school_name: String,
    school_year: String,
    parts: Vec<DomainPart>,
    scale: [Agreement; 5],
    given: BTreeMap<String, String>,
    remarks: BTreeMap<String, String>,
    /// (anchor, message): per statement `st-{key}`, per remark `rm-{domain}`, else `scan-form`.
    errors: Vec<(String, String)>,
    /// `open`, `closed`, `expired` or `answered`.
    status: &'static str,
}

impl AnswerPage {
    fn chosen(&self, key: &str, option: &Agreement) -> bool {
        self.given.get(key).is_some_and(|v| v == option.as_str())
    }

    fn remark(&self, domain: &ScanDomain) -> &str {
        self.remarks.get(domain.as_str()).map_or("", String::as_str)
    }

    fn error(&self, anchor: &str) -> Option<&str> {
        self.errors.iter().find(|(a, _)| a == anchor).map(|(_, m)| m.as_str())
    }

    /// A field id for a statement key (`os.o1` → `os-o1`).
    fn id(&self, key: &str) -> String {
        key.replace('.', "-")
    }

    fn plain(&self) -> bool {
        !self.group.is_professional()
    }
}

/// The browser's key, and a `Set-Cookie` when it had none yet.
fn browser_key(state: &AppState, headers: &HeaderMap) -> (String, Option<axum::http::HeaderValue>) {
    match cookie(headers, BROWSER_COOKIE).filter(|k| k.len() == 64 && k.bytes().all(|b| b.is_ascii_hexdigit())) {
        Some(key) => (key, None),
        None => {
            let key = new_browser_key();
            (key.clone(), Some(set_cookie(BROWSER_COOKIE, &key, 365 * 86_400, state.config.secure_cookies())))
        }
    }
}

/// Problems placed next to their statement or remark.
fn placed(ctx: &PageContext, problems: FieldProblems) -> Vec<(String, String)> {
    problems
        .into_iter()
        .map(|(field, message)| {
            let arg = |name: &str| {
                message.args.iter().find(|(n, _)| *n == name).and_then(|(_, v)| match v {
                    MessageArg::Text(t) => Some(t.replace('.', "-")),
                    MessageArg::Number(_) => None,
                })
            };
            let anchor = match (field, arg("statement"), arg("domain")) {
                (_, Some(key), _) => format!("st-{key}"),
                ("remarks", _, Some(domain)) if !domain.is_empty() => format!("rm-{domain}"),
                _ => "scan-form".to_owned(),
            };
            (anchor, ctx.lang.message(&message))
        })
        .collect()
}

struct Typed {
    given: BTreeMap<String, String>,
    remarks: BTreeMap<String, String>,
    errors: Vec<(String, String)>,
}

async fn page(state: &AppState, ctx: PageContext, link: &str, browser: &str, typed: Typed) -> AppResult<Html<String>> {
    let form = state.app.scan_form(link).await?;
    let status = if form.round.closed {
        "closed"
    } else if form.expired {
        "expired"
    } else if !form.round.shared_device
        && typed.errors.is_empty()
        && state.app.scan_answered_from(link, browser).await?
    {
        "answered"
    } else {
        "open"
    };
    let parts = ScanDomain::ALL
        .into_iter()
        .map(|domain| DomainPart {
            domain,
            statements: form.statements.iter().filter(|s| s.domain == domain).cloned().collect(),
        })
        .filter(|p| !p.statements.is_empty())
        .collect();
    render(&AnswerPage {
        link_code: link.to_owned(),
        group: form.group,
        school_name: form.school_name,
        school_year: form.round.school_year.clone(),
        parts,
        scale: Agreement::ALL,
        given: typed.given,
        remarks: typed.remarks,
        errors: typed.errors,
        status,
        ctx,
    })
}

#[utoipa::path(get, path = "/scan/{link}", tag = "pages", params(("link" = String, Path, description = "The code in the group's link")),
    responses((status = 200, content_type = "text/html"), (status = 404, description = "No such link")))]
pub async fn scan_form(
    State(state): State<AppState>,
    ctx: PageContext,
    headers: HeaderMap,
    Path(link): Path<String>,
) -> AppResult<Response> {
    let (key, set) = browser_key(&state, &headers);
    let typed = Typed { given: BTreeMap::new(), remarks: BTreeMap::new(), errors: Vec::new() };
    let mut response = page(&state, ctx, &link, &key, typed).await?.into_response();
    if let Some(set) = set {
        response.headers_mut().insert(header::SET_COOKIE, set);
    }
    Ok(response)
}

#[utoipa::path(post, path = "/scan/{link}", tag = "pages", params(("link" = String, Path)),
    request_body(content = Object, content_type = "application/x-www-form-urlencoded", description = "`a.{statement key}` → scale key; `r.{domain}` → an optional remark"),
    responses((status = 303, description = "Thank you"), (status = 409, description = "Closed or expired"), (status = 422, description = "Field errors")))]
pub async fn answer_scan(
    State(state): State<AppState>,
    ctx: PageContext,
    headers: HeaderMap,
    Path(link): Path<String>,
    Form(form): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (key, set) = browser_key(&state, &headers);
    let pick = |prefix: &str| -> BTreeMap<String, String> {
        form.iter().filter_map(|(k, v)| k.strip_prefix(prefix).map(|k| (k.to_owned(), v.clone()))).collect()
    };
    let (answers, remarks) = (pick("a."), pick("r."));
    let outcome = state.app.answer_scan(&link, &answers, &remarks, &key).await;
    let mut response = match outcome {
        Ok(Ok(ScanAnswered::Saved)) => Redirect::to(&format!("/scan/{link}/bedankt")).into_response(),
        Ok(Ok(_)) => Redirect::to(&format!("/scan/{link}")).into_response(),
        Ok(Err(problems)) => {
            let errors = placed(&ctx, problems);
            let html = page(&state, ctx, &link, &key, Typed { given: answers, remarks, errors }).await?;
            (StatusCode::UNPROCESSABLE_ENTITY, html).into_response()
        }
        // Closed or expired: the form page says so, and what was typed is shown again.
        Err(passend_app::Error::Conflict(problems)) => {
            let errors = placed(&ctx, problems);
            let html = page(&state, ctx, &link, &key, Typed { given: answers, remarks, errors }).await?;
            (StatusCode::CONFLICT, html).into_response()
        }
        Err(other) => return Err(other.into()),
    };
    if let Some(set) = set {
        response.headers_mut().insert(header::SET_COOKIE, set);
    }
    Ok(response)
}

#[derive(Template)]
#[template(path = "scans/thanks.html")]
struct ThanksPage {
    ctx: PageContext,
    plain: bool,
}

#[utoipa::path(get, path = "/scan/{link}/bedankt", tag = "pages", params(("link" = String, Path)),
    responses((status = 200, content_type = "text/html"), (status = 404, description = "No such link")))]
pub async fn thanks(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(link): Path<String>,
) -> AppResult<Html<String>> {
    let form = state.app.scan_form(&link).await?;
    render(&ThanksPage { ctx, plain: !form.group.is_professional() })
}
