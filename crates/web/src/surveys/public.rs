//! The survey as parents, pupils and team members open it from the link.

use std::collections::BTreeMap;

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use passend_app::App;
use passend_app::surveys::{Answered, new_browser_key};
use passend_domain::lifecycle::dutch_day;
use passend_domain::surveys::{
    Audience, CONTACT_QUESTION, ContactInput, Question, QuestionKind, SurveyKind, questions,
};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::BROWSER_COOKIE;
use crate::app::AppState;
use crate::error::AppResult;
use crate::pages::{FieldErrors, PageContext, render};
use crate::security::cookies::{cookie, set_cookie};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(survey_form, answer_survey)).routes(routes!(thanks))
}

#[derive(Template)]
#[template(path = "surveys/answer.html")]
struct AnswerPage {
    ctx: PageContext,
    link_code: String,
    kind: SurveyKind,
    audience: Audience,
    questions: &'static [Question],
    given: BTreeMap<String, String>,
    name: String,
    contact: ContactForm,
    errors: Vec<(String, String)>,
    /// `open`, `closed` or `answered`.
    status: &'static str,
    school_name: String,
    location_name: String,
    /// The parent version of the published profile, when there is one.
    profile_link: Option<String>,
    /// Whether the form offers to leave contact details (after [`CONTACT_QUESTION`]).
    asks_contact: bool,
    /// The last day the answers are kept, as people write it.
    kept_until: String,
}

/// The contact fields as typed, to show them again.
#[derive(Default)]
struct ContactForm {
    name: String,
    email: String,
    phone: String,
    consent: bool,
}

impl ContactForm {
    /// Takes the contact fields out of a posted form.
    fn from_form(form: &[(String, String)]) -> Self {
        let get = |key: &str| form.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()).unwrap_or_default();
        ContactForm {
            name: get(CONTACT_NAME),
            email: get(CONTACT_EMAIL),
            phone: get(CONTACT_PHONE),
            consent: form.iter().any(|(k, v)| k == CONSENT && v == "ja"),
        }
    }

    fn input(&self) -> ContactInput<'_> {
        ContactInput { name: &self.name, email: &self.email, phone: &self.phone, consent: self.consent }
    }
}

const CONTACT_NAME: &str = "contact_name";
const CONTACT_EMAIL: &str = "contact_email";
const CONTACT_PHONE: &str = "contact_phone";
const CONSENT: &str = "consent";
/// Form fields that are not answers to a question.
const NOT_ANSWERS: [&str; 5] = ["naam", CONTACT_NAME, CONTACT_EMAIL, CONTACT_PHONE, CONSENT];

impl AnswerPage {
    fn options(&self, q: &Question) -> &'static [(&'static str, &'static str)] {
        match q.kind {
            QuestionKind::Choice { options } => options,
            QuestionKind::Open => &[],
        }
    }

    fn chosen(&self, key: &str, option: &str) -> bool {
        self.given.get(key).is_some_and(|v| v == option)
    }

    fn value(&self, key: &str) -> &str {
        self.given.get(key).map_or("", String::as_str)
    }

    fn error(&self, key: &str) -> Option<&str> {
        self.errors.iter().find(|(f, _)| f == key).map(|(_, m)| m.as_str())
    }

    fn pupils(&self) -> bool {
        self.audience == Audience::Pupils
    }

    /// The contact fields go right after this question.
    fn contact_after(&self, q: &Question) -> bool {
        self.asks_contact && q.key == CONTACT_QUESTION
    }

    fn has_error(&self, key: &str) -> bool {
        self.error(key).is_some()
    }
}

/// The browser's key, and a `Set-Cookie` when it had none yet.
fn browser_key(state: &AppState, headers: &HeaderMap) -> (String, Option<axum::http::HeaderValue>) {
    match cookie(headers, BROWSER_COOKIE).filter(|k| k.len() == 64 && k.bytes().all(|b| b.is_ascii_hexdigit())) {
        Some(key) => (key, None),
        None => {
            let key = new_browser_key();
            let set = set_cookie(BROWSER_COOKIE, &key, 365 * 86_400, state.config.secure_cookies());
            (key, Some(set))
        }
    }
}

/// What the person typed, to show again beside the problems.
#[derive(Default)]
struct Typed {
    given: BTreeMap<String, String>,
    name: String,
    contact: ContactForm,
}

async fn page(
    state: &AppState,
    ctx: PageContext,
    link_code: &str,
    browser: &str,
    typed: Typed,
    errors: FieldErrors,
) -> AppResult<Html<String>> {
    let place = state.app.survey_place(link_code).await?;
    let survey = &place.survey;
    let status = if survey.closed {
        "closed"
    } else if !survey.allow_multiple && errors.is_empty() && state.app.answered_from(survey, browser).await? {
        "answered"
    } else {
        "open"
    };
    render(&AnswerPage {
        link_code: link_code.to_owned(),
        kind: survey.kind,
        audience: survey.audience,
        questions: questions(survey.kind, survey.audience),
        errors: errors.all().iter().map(|(f, m)| ((*f).to_owned(), m.clone())).collect(),
        given: typed.given,
        name: typed.name,
        contact: typed.contact,
        status,
        asks_contact: App::offers_contact(survey),
        profile_link: place.published.then(|| format!("/scholen/{}/ouders", survey.location_code)),
        kept_until: dutch_day(place.kept_until),
        school_name: place.school_name,
        location_name: place.location_name,
        ctx,
    })
}

#[utoipa::path(get, path = "/enquete/{link}", tag = "pages", params(("link" = String, Path, description = "The code in the survey's link")),
    responses((status = 200, content_type = "text/html"), (status = 404, description = "No such survey")))]
pub async fn survey_form(
    State(state): State<AppState>,
    ctx: PageContext,
    headers: HeaderMap,
    Path(link): Path<String>,
) -> AppResult<Response> {
    let (key, set) = browser_key(&state, &headers);
    let html = page(&state, ctx, &link, &key, Typed::default(), FieldErrors::default()).await?;
    let mut response = html.into_response();
    if let Some(set) = set {
        response.headers_mut().insert(header::SET_COOKIE, set);
    }
    Ok(response)
}

#[utoipa::path(post, path = "/enquete/{link}", tag = "pages", params(("link" = String, Path)),
    request_body(content = Object, content_type = "application/x-www-form-urlencoded", description = "Question key → answer; `naam` optional; where the survey asks whether the parent wants to think along: `contact_name`, `contact_email`, `contact_phone` and `consent=ja`"),
    responses((status = 303, description = "Thank you"), (status = 422, description = "Field errors")))]
pub async fn answer_survey(
    State(state): State<AppState>,
    ctx: PageContext,
    headers: HeaderMap,
    Path(link): Path<String>,
    Form(form): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (key, set) = browser_key(&state, &headers);
    let raw: BTreeMap<String, String> =
        form.iter().filter(|(k, _)| !NOT_ANSWERS.contains(&k.as_str())).cloned().collect();
    let name = form.iter().find(|(k, _)| k == "naam").map(|(_, v)| v.clone());
    let contact = ContactForm::from_form(&form);
    let mut response = match state.app.answer_survey(&link, &raw, name.as_deref(), &contact.input(), &key).await? {
        Ok(Answered::Saved) => Redirect::to(&format!("/enquete/{link}/bedankt")).into_response(),
        // The form page says why: answered before, or closed.
        Ok(Answered::AlreadyAnswered | Answered::Closed) => Redirect::to(&format!("/enquete/{link}")).into_response(),
        Err(problems) => {
            let errors = FieldErrors::from_problems(ctx.lang, problems);
            let typed = Typed { given: raw, name: name.unwrap_or_default(), contact };
            let html = page(&state, ctx, &link, &key, typed, errors).await?;
            (StatusCode::UNPROCESSABLE_ENTITY, html).into_response()
        }
    };
    if let Some(set) = set {
        response.headers_mut().insert(header::SET_COOKIE, set);
    }
    Ok(response)
}

#[derive(Template)]
#[template(path = "surveys/thanks.html")]
struct ThanksPage {
    ctx: PageContext,
    pupils: bool,
}

#[utoipa::path(get, path = "/enquete/{link}/bedankt", tag = "pages", params(("link" = String, Path)),
    responses((status = 200, content_type = "text/html")))]
pub async fn thanks(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(link): Path<String>,
) -> AppResult<Html<String>> {
    let survey = state.app.survey_by_link(&link).await?;
    render(&ThanksPage { ctx, pupils: survey.audience == Audience::Pupils })
}
