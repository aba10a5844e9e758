//! The report of a conversation as a tagged PDF (`/gesprekken/{id}/verslag.pdf`),
//! typeset through `passend_documents` like the scan report: who and where,
//! every section's answers with the school's preparation, the agreements,
//! last year's agreements, the funds and both confirmations with the
//! content hash, or a clear line that it is still a concept.

use axum::extract::State;
use axum::response::Response;
use passend_documents::DocumentKind;
use passend_documents::data::{
    ConversationAnswer, ConversationLabels, ConversationReportData, ConversationSection, ScanSchool,
};
use passend_domain::MessageArg;
use passend_domain::conversations::{Confirmation, ReportAgreement, ReportContent};
use passend_i18n::{Lang, ParentLang};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::InConversation;
use crate::app::AppState;
use crate::error::AppResult;
use crate::pages::PageContext;
use crate::publishing::documents::file_response;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(report_pdf))
}

/// The catalogue's name of an agreement's status (`open`, `in_progress`, `done`, `dropped`).
fn status_id(status: &str) -> &'static str {
    match status {
        "in_progress" => "conv-agreement-in-progress",
        "done" => "conv-agreement-done",
        "dropped" => "conv-agreement-dropped",
        _ => "conv-agreement-open",
    }
}

fn text<S: AsRef<str>>(args: &[(&'static str, S)]) -> Vec<(&'static str, MessageArg)> {
    args.iter().map(|(name, value)| (*name, MessageArg::Text(value.as_ref().to_owned()))).collect()
}

/// What, who, by when, goal, status (with its note).
fn agreement_row(lang: Lang, a: &ReportAgreement) -> [String; 5] {
    let status = lang.t(status_id(&a.status));
    [
        a.what.clone(),
        a.who.clone(),
        a.due.clone().unwrap_or_default(),
        a.goal.clone().unwrap_or_default(),
        match &a.status_note {
            Some(note) if !note.is_empty() => format!("{status}: {note}"),
            _ => status,
        },
    ]
}

fn confirmation(lang: Lang, c: Option<&Confirmation>) -> String {
    match c {
        Some(c) => lang.t_with("cvr-confirmed-by", &text(&[("name", &c.name), ("on", &c.on)])),
        None => lang.t("cvr-not-confirmed"),
    }
}

/// The document's data from the report, in the reader's language; what the
/// people wrote stays as written.
pub fn report_data(lang: Lang, report: &ReportContent, hash: Option<&str>) -> ConversationReportData {
    let t = |id: &str| lang.t(id);
    let dash = |s: &str| if s.trim().is_empty() { "–".to_owned() } else { s.to_owned() };
    let attendees = if report.attendees.is_empty() { "–".to_owned() } else { report.attendees.join("; ") };
    ConversationReportData {
        title: t("cvr-title"),
        lang: lang.code().to_owned(),
        text_lang: "nl".to_owned(),
        year: report.school_year.clone(),
        school: ScanSchool { name: report.school_name.clone(), contact: Default::default() },
        location: lang.t_with(
            "cvr-location",
            &text(&[("school", &report.school_name), ("brin", &report.brin), ("location", &report.location_code)]),
        ),
        swv: dash(&report.swv_name),
        labels: ConversationLabels {
            profile: t("cvr-title"),
            swv: t("cvr-swv"),
            school_year: t("cvr-school-year"),
            held_on: t("cvr-held-on"),
            place: t("cvr-place"),
            attendees: t("cvr-attendees"),
            consultant: t("cvr-consultant"),
            author: t("cvr-author"),
            prepared: t("cvr-prepared"),
            answer: t("cvr-answer"),
            not_answered: t("cvr-not-answered"),
            agreements: t("cvr-agreements"),
            no_agreements: t("cvr-no-agreements"),
            what: t("cvr-what"),
            who: t("cvr-who"),
            due: t("cvr-due"),
            goal: t("cvr-goal"),
            status: t("cvr-status"),
            follow_up: t("cvr-follow-up"),
            funds: t("cvr-funds"),
            confirmations: t("cvr-confirmations"),
            confirmed_swv: t("cvr-confirmed-swv"),
            confirmed_school: t("cvr-confirmed-school"),
            not_confirmed: t("cvr-not-confirmed"),
            fixed: t("cvr-fixed"),
            draft: t("cvr-draft"),
        },
        facts: vec![
            [t("cvr-held-on"), report.held_on.clone().unwrap_or_else(|| t("cvr-not-held"))],
            [t("cvr-place"), dash(&report.place)],
            [t("cvr-attendees"), attendees],
            [t("cvr-consultant"), dash(&report.consultant)],
            [t("cvr-author"), dash(&report.report_author)],
        ],
        sections: report
            .sections
            .iter()
            .map(|s| ConversationSection {
                title: s.title.clone(),
                answers: s
                    .answers
                    .iter()
                    .map(|a| ConversationAnswer {
                        question: a.question.clone(),
                        prepared: a.prepared.clone().filter(|p| !p.trim().is_empty()),
                        answer: a.answer.clone().filter(|p| !p.trim().is_empty()),
                    })
                    .collect(),
            })
            .collect(),
        agreements: report.agreements.iter().map(|a| agreement_row(lang, a)).collect(),
        follow_up: report.follow_up.iter().map(|a| agreement_row(lang, a)).collect(),
        funds: report.funds.as_ref().map(|f| {
            let pupils = f.pupils.to_string();
            lang.t_with(
                "cvr-funds-line",
                &text(&[("pupils", &pupils), ("basic", &f.basic), ("extra", &f.extra), ("total", &f.total)]),
            )
        }),
        confirmations: vec![
            [t("cvr-confirmed-swv"), confirmation(lang, report.confirmed_swv.as_ref())],
            [t("cvr-confirmed-school"), confirmation(lang, report.confirmed_school.as_ref())],
        ],
        hash: hash.map(str::to_owned),
    }
}

/// The conversation's report as a tagged PDF, for everyone who may read the
/// conversation (the MR once the school made it an annex of its profile).
#[utoipa::path(get, path = "/gesprekken/{id}/verslag.pdf", tag = "pages", params(("id" = i64, Path)),
    responses((status = 200, content_type = "application/pdf"),
              (status = 404, description = "No such conversation the actor may read"),
              (status = 503, description = "The document could not be typeset now")))]
pub async fn report_pdf(
    State(state): State<AppState>,
    ctx: PageContext,
    InConversation { on, .. }: InConversation,
) -> AppResult<Response> {
    let (report, hash) = state.app.conversation_report(&on).await?;
    let data = report_data(ctx.lang, &report, hash.as_deref());
    let lang = if ctx.lang == Lang::En { ParentLang::En } else { ParentLang::Nl };
    let (pdf, key) = state.public.documents.pdf(DocumentKind::ConversationReport, lang, &data).await?;
    let name = format!("gespreksverslag-{}-{}.pdf", report.location_code, report.school_year);
    let mut response = file_response(&pdf, "application/pdf", &name, &key);
    // Not a public document: no shared cache may keep it.
    response
        .headers_mut()
        .insert(axum::http::header::CACHE_CONTROL, axum::http::HeaderValue::from_static("private, no-store"));
    Ok(response)
}

/// A confirmed report the school made an annex of its profile, as the
/// profile's pages link it.
pub struct AnnexLink {
    pub href: String,
    pub text: String,
}

/// The location's annexed reports up to the profile's school year that the
/// actor may read (the link would be a 404 for anyone else), oldest first.
pub async fn annex_links(
    state: &AppState,
    actor: &passend_domain::access::Actor,
    lang: Lang,
    brin: &str,
    location_code: &str,
    up_to_year: &str,
) -> AppResult<Vec<AnnexLink>> {
    let mut links = Vec::new();
    for (id, year, swv) in state.app.profile_annexes(brin, location_code).await? {
        if year.as_str() > up_to_year || state.app.on_conversation(actor, id).await.is_err() {
            continue;
        }
        links.push(AnnexLink { href: format!("/gesprekken/{id}/verslag.pdf"), text: annex_text(lang, &year, &swv) });
    }
    Ok(links)
}

/// "Verslag jaargesprek 2025-2026 met PO 28-01 (PDF)".
pub fn annex_text(lang: Lang, year: &str, swv_code: &str) -> String {
    let swv =
        passend_domain::organisations::SwvCode::parse(swv_code).map_or_else(|_| swv_code.to_owned(), |c| c.display());
    lang.t_with("cvr-annex-link", &text(&[("year", year), ("swv", swv.as_str())]))
}
