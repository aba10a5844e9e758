//! What every page shares: the context (language, signed-in person, CSRF
//! token, notice), rendering, error pages, static files and the site-wide
//! routes.

pub mod errors;
mod home;
mod language;
mod static_files;

use std::fmt::Display;
use std::sync::Arc;

use askama::Template;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::Html;
use passend_domain::access::Role;
use passend_domain::lifecycle::ProfileState;
use passend_domain::organisations::SwvCode;
use passend_i18n::Lang;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::app::AppState;
use crate::error::{AppError, AppResult, ErrorKind};
use crate::i18n::lang_of;
use crate::security::session::Session;
use crate::{
    accounts, admin, coverage, dashboard, directory, knowledge, lifecycle, members, ops, profiles, publishing,
    readability, scans, surveys,
};

#[derive(OpenApi)]
#[openapi(info(title = "Passend pages", description = "The server-rendered pages (not a public API)."))]
struct PageDoc;

/// Every route that is not part of the JSON API, documented like the API so
/// that tests can walk them all.
pub fn page_router() -> OpenApiRouter<AppState> {
    signed_in_page_router().merge(publishing::page_router())
}

/// The pages that may know who is signed in (all but the published profiles' public pages).
pub fn signed_in_page_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(PageDoc::openapi())
        .routes(routes!(home::home))
        .routes(routes!(language::switch))
        .routes(routes!(static_files::stylesheet))
        .routes(routes!(static_files::script))
        .routes(routes!(ops::health::healthz))
        .routes(routes!(ops::metrics::metrics))
        .routes(routes!(home::api_docs))
        .routes(routes!(home::openapi_json))
        .merge(accounts::pages::router())
        .merge(dashboard::router())
        .merge(directory::pages::router())
        .merge(members::pages::router())
        .merge(admin::pages::router())
        .merge(profiles::pages::router())
        .merge(profiles::swv_template::router())
        .merge(lifecycle::pages::router())
        .merge(lifecycle::changes::page_router())
        .merge(lifecycle::planning::page_router())
        .merge(surveys::pages::router())
        .merge(readability::report::router())
        .merge(readability::terms::page_router())
        .merge(coverage::pages::router())
        .merge(coverage::norm::page_router())
        .merge(coverage::kernen::page_router())
        .merge(coverage::status::router())
        .merge(coverage::expertise::page_router())
        .merge(coverage::trends::page_router())
        .merge(coverage::national::page_router())
        .merge(surveys::public::router())
        .merge(crate::conversations::pages::router())
        .merge(crate::conversations::report_pdf::router())
        .merge(scans::pages::router())
        .merge(scans::public::router())
        .merge(knowledge::pages::router())
        .merge(knowledge::gaps::router())
        .merge(crate::activities::pages::router())
        .merge(crate::newsletter::pages::router())
        .merge(crate::groups::pages::router())
}

pub fn page_document() -> utoipa::openapi::OpenApi {
    page_router().into_openapi()
}

/// What a page template needs besides its own data.
pub struct PageContext {
    pub lang: Lang,
    pub session: Option<Arc<Session>>,
    pub path: String,
    pub notice: Option<String>,
}

/// Notices that a redirect may ask a page to show (`?melding=…`), mapped to catalogue ids.
const NOTICES: &[(&str, &str)] = &[
    ("uitnodiging-verstuurd", "notice-invitation-sent"),
    ("uitnodiging-ingetrokken", "notice-invitation-revoked"),
    ("lid-verwijderd", "notice-member-removed"),
    ("opgeslagen", "notice-saved"),
    ("gepubliceerd", "notice-published"),
    ("stap-gezet", "notice-step-taken"),
    ("geen-achterstand", "notice-no-overdue"),
    ("uitgelogd", "notice-logged-out"),
    ("wachtwoord-gewijzigd", "notice-password-changed"),
    ("herstel-verstuurd", "notice-reset-sent"),
    ("welkom", "notice-welcome"),
    ("bevestigd", "notice-confirmed"),
    ("overgenomen", "notice-taken-over"),
    ("gesprek-gepland", "notice-conversation-planned"),
    ("gesprek-gewijzigd", "notice-conversation-replanned"),
    ("verslag-bevestigd", "notice-report-confirmed"),
    ("stelling-toegevoegd", "scan-own-added"),
    ("concept-ingediend", "kb-draft-submitted"),
];

impl<S: Send + Sync> FromRequestParts<S> for PageContext {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let lang = lang_of(&parts.headers);
        let notice = parts
            .uri
            .query()
            .and_then(|q| serde_urlencoded::from_str::<Vec<(String, String)>>(q).ok())
            .and_then(|pairs| pairs.into_iter().find(|(k, _)| k == "melding"))
            .and_then(|(_, v)| NOTICES.iter().find(|(key, _)| *key == v))
            .map(|(_, id)| lang.t(id));
        Ok(PageContext {
            lang,
            session: parts.extensions.get::<Option<Arc<Session>>>().cloned().flatten(),
            path: parts.uri.path().to_owned(),
            notice,
        })
    }
}

impl PageContext {
    pub fn t(&self, id: &str) -> String {
        self.lang.t(id)
    }

    pub fn t1(&self, id: &str, name: &'static str, value: impl Display) -> String {
        self.lang.t_with(id, &[(name, passend_domain::MessageArg::Text(value.to_string()))])
    }

    /// A message with a count, so that the catalogue can choose singular or plural.
    pub fn tn(&self, id: &str, name: &'static str, count: impl std::borrow::Borrow<usize>) -> String {
        self.lang.t_with(id, &[(name, passend_domain::MessageArg::from(*count.borrow()))])
    }

    /// `tn` for counts that the database gives as `i64`.
    pub fn tn64(&self, id: &str, name: &'static str, count: &i64) -> String {
        self.tn(id, name, usize::try_from(*count).unwrap_or(0))
    }

    pub fn role(&self, role: &Role) -> String {
        self.lang.t(role.message_id())
    }

    /// A profile's state in the cycle, with the one label every list uses.
    pub fn state(&self, state: &ProfileState) -> String {
        self.lang.t(state.message_id())
    }

    pub fn lang_code(&self) -> &'static str {
        self.lang.code()
    }

    pub fn other_lang(&self) -> Lang {
        if self.lang == Lang::Nl { Lang::En } else { Lang::Nl }
    }

    pub fn csrf(&self) -> &str {
        self.session.as_ref().map_or("", |s| s.csrf_token.as_str())
    }

    pub fn user_name(&self) -> Option<&str> {
        self.session.as_ref().map(|s| s.user.name.as_str())
    }

    pub fn is_platform_admin(&self) -> bool {
        self.session.as_ref().is_some_and(|s| s.actor.is_platform_admin())
    }

    /// `PO2707` → `PO 27-07`.
    pub fn swv_code(&self, code: &str) -> String {
        SwvCode::parse(code).map_or_else(|_| code.to_owned(), |c| c.display())
    }

    /// A stored moment as a Dutch date (Europe/Amsterdam).
    pub fn date(&self, unix: &i64) -> String {
        passend_domain::calendar::in_netherlands(*unix).map(|t| t.date_text()).unwrap_or_default()
    }

    /// A stored moment on the Dutch wall clock, summer time included.
    pub fn date_time(&self, unix: &i64) -> String {
        passend_domain::calendar::in_netherlands(*unix).map(|t| t.date_time_text()).unwrap_or_default()
    }

    /// A stored moment for a `<time datetime>` attribute (RFC 3339, UTC).
    pub fn machine_time(&self, unix: &i64) -> String {
        crate::activities::rfc3339(*unix)
    }

    /// A municipality as it writes its name ("Diemen", not DUO's "DIEMEN").
    pub fn municipality(&self, raw: &str) -> String {
        passend_domain::organisations::municipality_name(raw)
    }

    /// A sector's name (`so_vso` → "Speciaal en voortgezet speciaal onderwijs");
    /// an unknown code as it is.
    pub fn sector(&self, code: &str) -> String {
        passend_domain::organisations::Sector::parse(code).map_or_else(|| code.to_owned(), |s| self.t(s.message_id()))
    }

    pub fn number(&self, n: &i64) -> String {
        let digits = n.abs().to_string();
        let sep = if self.lang == Lang::Nl { '.' } else { ',' };
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(sep);
            }
            out.push(c);
        }
        if *n < 0 { format!("-{out}") } else { out }
    }
}

/// Renders a template into an HTML response.
pub fn render(template: &impl Template) -> AppResult<Html<String>> {
    template.render().map(Html).map_err(|error| {
        tracing::error!(%error, "template failed");
        AppError::new(ErrorKind::Internal)
    })
}

/// A field's error message, shown next to the field.
#[derive(Debug, Default, Clone)]
pub struct FieldErrors(Vec<(&'static str, String)>);

impl FieldErrors {
    pub fn add(&mut self, field: &'static str, message: String) {
        self.0.push((field, message));
    }

    /// The domain's problems in the reader's language.
    pub fn from_problems(lang: Lang, problems: passend_domain::FieldProblems) -> Self {
        FieldErrors(problems.into_iter().map(|(field, message)| (field, lang.message(&message))).collect())
    }

    pub fn get(&self, field: &str) -> Option<&str> {
        self.0.iter().find(|(f, _)| *f == field).map(|(_, m)| m.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn all(&self) -> &[(&'static str, String)] {
        &self.0
    }
}

/// A safe place to return to after login: a local path only.
pub fn local_path(target: Option<&str>) -> String {
    match target {
        // Browsers drop tabs and line breaks in URLs, so `/\t/evil.example`
        // would become `//evil.example`: no control or white-space characters.
        Some(t)
            if t.starts_with('/')
                && !t.starts_with("//")
                && !t.contains('\\')
                && !t.chars().any(|c| c.is_control() || c.is_whitespace()) =>
        {
            t.to_owned()
        }
        _ => "/dashboard".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(local_path(Some("/scholen/04FZ?x=1")), "/scholen/04FZ?x=1");
        for bad in ["//evil.example", "/\t/evil.example", "/\\evil.example", "https://evil.example", "/ /x", "/\n/x"] {
            assert_eq!(local_path(Some(bad)), "/dashboard", "{bad:?}");
        }
        assert_eq!(local_path(None), "/dashboard");
    }
}
