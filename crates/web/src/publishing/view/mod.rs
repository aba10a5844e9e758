//! The view model of one published version: everything its public pages
//! show, in the reader's language — fixed texts from the catalogues, the
//! school's own text as written (Dutch). Loading is the application layer's
//! ([`VersionContext`]); what the documents read is built in
//! [`document_data`] from this view.

mod document_data;
#[cfg(test)]
mod tests;

use std::collections::HashMap;

use passend_app::publishing::{PublishedVersion, VersionContext};
use passend_domain::knowledge::ambitions::ambitions_of;
use passend_domain::lifecycle::{dutch_day, parse_day};
use passend_domain::organisations::{Location, SwvCode, SwvDetails, phone_href, website};
use passend_domain::publishing::{self, Offer, excerpt, offer_changes};
use passend_domain::questionnaire::{AnswerValue, Chapter, ComposedChapter, Shown, SupportCategory, Template, compose};
use passend_i18n::ParentLang;

use crate::app::AppState;
use crate::error::AppResult;

/// How parents reach someone: each part when known.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Contact {
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
}

impl Contact {
    pub fn is_empty(&self) -> bool {
        self.phone.is_none() && self.email.is_none() && self.website.is_none()
    }

    /// The `tel:` target of the phone number.
    pub fn phone_href(&self) -> String {
        self.phone.as_deref().map(phone_href).unwrap_or_default()
    }

    /// The website's address to link to (one typed without scheme gets `https://`).
    pub fn website_href(&self) -> String {
        self.website.as_deref().map(|w| website(w).unwrap_or_else(|| w.to_owned())).unwrap_or_default()
    }

    /// The website as people read it: without `https://` and a final `/`.
    pub fn website_text(&self) -> String {
        let site = self.website.as_deref().unwrap_or_default();
        let bare = site.strip_prefix("https://").or_else(|| site.strip_prefix("http://")).unwrap_or(site);
        bare.trim_end_matches('/').to_owned()
    }
}

/// The SWV's parent and youth support point (*ouder- en jeugdsteunpunt*).
#[derive(Debug, Clone)]
pub struct Steunpunt {
    /// Its own name, when the SWV gave one that says more than the generic label.
    pub name: Option<String>,
    pub contact: Contact,
    /// When the SWV named no support point of its own: that the SWV helps,
    /// with the SWV's own contact details in `contact`.
    pub note: Option<String>,
}

#[derive(Debug, Clone)]
pub struct PublicView {
    pub lang: ParentLang,
    pub code: String,
    pub location_name: String,
    pub school_name: String,
    pub address: String,
    /// How parents reach the location (phone, e-mail, website).
    pub school_contact: Contact,
    pub year: String,
    /// Every school year with a public version, newest first.
    pub years: Vec<String>,
    pub adopted_on: Option<String>,
    pub published_on: Option<String>,
    pub content_hash: String,
    pub generated: bool,
    pub swv_name: Option<String>,
    pub steunpunt: Option<Steunpunt>,
    pub summary: Option<String>,
    pub vision: Option<String>,
    pub limits: Option<String>,
    pub contact: Option<String>,
    pub offer: Offer,
    pub notes: HashMap<SupportCategory, String>,
    pub specialists: Vec<(String, String)>,
    pub partners: Vec<String>,
    pub changes: Vec<String>,
    pub chapters: Vec<ComposedChapter>,
    /// Absolute URLs of the pages (for documents and the embed snippet).
    pub base_url: String,
    /// Confirmed reports of the yearly conversation the school made annexes
    /// of its profile, up to this version's year: (id, year, SWV). The full
    /// profile's PDF names them; the public pages do not.
    pub annexes: Vec<(i64, String, String)>,
    /// The ambitions the profile names, in the school's order (for the
    /// practice examples beside them on the profile page).
    pub ambitions: Vec<String>,
}

fn unix_day(at: i64) -> Option<String> {
    let date = time::OffsetDateTime::from_unix_timestamp(at).ok()?.date();
    Some(dutch_day((u16::try_from(date.year()).ok()?, u8::from(date.month()), date.day())))
}

/// Street and number, then postcode and city; the parts the register has.
fn address(location: &Location) -> String {
    [
        [location.street.clone(), location.house_number.clone()].into_iter().flatten().collect::<Vec<_>>().join(" "),
        [location.postcode.clone(), location.city.clone()].into_iter().flatten().collect::<Vec<_>>().join(" "),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(", ")
}

/// The SWV's own support point, or the SWV itself when it named none.
fn steunpunt(details: &SwvDetails, swv_name: Option<&str>, lang: ParentLang) -> Steunpunt {
    let own = Contact {
        phone: details.steunpunt_phone.clone(),
        email: details.steunpunt_email.clone(),
        website: details.steunpunt_website.clone(),
    };
    // "Ouder- en jeugdsteunpunt" as its name would only repeat the label.
    let generic = |name: &str| {
        let name = name.trim().to_lowercase();
        ParentLang::ALL.iter().any(|l| l.t("public-steunpunt-title").to_lowercase() == name)
    };
    let name = details.steunpunt_name.clone().filter(|n| !generic(n));
    if details.steunpunt_name.is_some() || !own.is_empty() {
        return Steunpunt { name, contact: own, note: None };
    }
    Steunpunt {
        name: None,
        contact: Contact {
            phone: details.phone.clone(),
            email: details.email.clone(),
            website: details.website.clone(),
        },
        note: Some(
            lang.t_with("public-steunpunt-fallback", &[("swv", swv_name.unwrap_or_default().to_owned().into())]),
        ),
    }
}

/// What changed since last year's public version: offer levels, then new
/// and dropped ambitions.
fn changes(
    lang: ParentLang,
    version: &PublishedVersion,
    values: &HashMap<String, AnswerValue>,
    previous: Option<&PublishedVersion>,
) -> Vec<String> {
    let Some(before) = previous else { return Vec::new() };
    let template = &version.profile.template;
    let mut changes: Vec<String> = offer_changes(template, &before.values(), values)
        .into_iter()
        .map(|c| {
            let topic = lang.t(&format!("public-category-{}", c.category.key()));
            let now = lang.t(&format!("public-level-{}", c.after)).to_lowercase();
            match c.before {
                Some(was) => lang.t_with(
                    "public-change-level",
                    &[
                        ("topic", topic.into()),
                        ("now", now.into()),
                        ("was", lang.t(&format!("public-level-{was}")).to_lowercase().into()),
                    ],
                ),
                None => lang.t_with("public-change-new-offer", &[("topic", topic.into()), ("now", now.into())]),
            }
        })
        .collect();
    let comparison =
        passend_domain::questionnaire::compare(&before.profile.template, &before.answers, template, &version.answers);
    changes.extend(
        comparison
            .new_ambitions
            .iter()
            .map(|a| lang.t_with("public-change-new-ambition", &[("ambition", a.clone().into())])),
    );
    changes.extend(
        comparison
            .dropped_ambitions
            .iter()
            .map(|a| lang.t_with("public-change-dropped-ambition", &[("ambition", a.clone().into())])),
    );
    changes
}

/// The school's notes per support category.
fn notes(template: &Template, version: &PublishedVersion) -> HashMap<SupportCategory, String> {
    template
        .items()
        .filter_map(|item| {
            let category = item.category?;
            let note = version.answers.get(&item.key)?.1.clone()?;
            Some((category, note))
        })
        .collect()
}

/// The partners the school works with, in the reader's language (an option
/// of an SWV's own template that the catalogues lack keeps its label).
fn partners(template: &Template, values: &HashMap<String, AnswerValue>, lang: ParentLang) -> Vec<String> {
    let (Some(item), Some(AnswerValue::Choices(keys))) =
        (template.item("partners.welke"), values.get("partners.welke"))
    else {
        return Vec::new();
    };
    keys.iter()
        .map(|key| {
            let id = format!("public-partner-{key}");
            if passend_i18n::Lang::Nl.has(&id) {
                lang.t(&id)
            } else {
                match passend_domain::questionnaire::show(item, &AnswerValue::Choices(vec![key.clone()])) {
                    Shown::Labels(labels) => labels.into_iter().next().unwrap_or_else(|| key.clone()),
                    _ => key.clone(),
                }
            }
        })
        .collect()
}

/// Specialists that schools commonly name, as keys of `public-specialist-…`.
const KNOWN_SPECIALISTS: &[(&str, &[&str])] = &[
    ("intern_begeleider", &["intern begeleider", "ib-er", "ib'er", "ib"]),
    ("remedial_teacher", &["remedial teacher", "rt-er", "rt'er"]),
    ("gedragsspecialist", &["gedragsspecialist"]),
    ("leesspecialist", &["leesspecialist", "dyslexiespecialist"]),
    ("rekenspecialist", &["rekenspecialist", "rekencoördinator", "rekencoordinator"]),
    ("taalspecialist", &["taalspecialist", "taalcoördinator", "taalcoordinator"]),
    ("orthopedagoog", &["orthopedagoog"]),
    ("onderwijsassistent", &["onderwijsassistent"]),
    ("hoogbegaafdheidsspecialist", &["hoogbegaafdheidsspecialist", "specialist hoogbegaafdheid", "talentbegeleider"]),
];

impl PublicView {
    /// Loads the public version of `year` (or the newest) of a location; 404
    /// for a location without one, whatever state its drafts are in.
    pub async fn load(state: &AppState, code: &str, year: Option<&str>, lang: ParentLang) -> AppResult<PublicView> {
        let version = state.app.public_version(code, year).await?;
        Self::of_version(state, version, lang).await
    }

    /// The view of any version (a draft too, for the team's readability
    /// report of its parent report); "what changed" compares with last
    /// year's public version.
    pub async fn of_version(state: &AppState, version: PublishedVersion, lang: ParentLang) -> AppResult<PublicView> {
        let (brin, location_code) = (version.profile.brin.clone(), version.profile.location_code.clone());
        let context = state.app.version_context(version).await?;
        let mut view = Self::build(context, lang, &state.config.public_url);
        view.annexes = state.app.profile_annexes(&brin, &location_code).await?;
        view.annexes.retain(|(_, year, _)| year.as_str() <= view.year.as_str());
        Ok(view)
    }

    /// The view of a loaded version; `public_url` is where the pages are served.
    fn build(context: VersionContext, lang: ParentLang, public_url: &str) -> PublicView {
        let VersionContext { version, previous, location, school_name, years, swv_code, swv } = context;
        let swv_display = swv_code.as_deref().map(|c| SwvCode::parse(c).map_or_else(|_| c.to_owned(), |c| c.display()));
        let swv_name = swv.as_ref().and_then(|s| s.details.name.clone()).or(swv_display);
        let steunpunt = swv.as_ref().map(|s| steunpunt(&s.details, swv_name.as_deref(), lang));
        let template = &version.profile.template;
        let values = version.values();
        let text = |key: &str| publishing::text_of(&values, key).map(str::to_owned);
        PublicView {
            lang,
            code: location.code.clone(),
            location_name: location.name.clone(),
            school_name,
            address: address(&location),
            school_contact: Contact {
                phone: location.phone.clone(),
                email: location.email.clone(),
                website: location.website.clone(),
            },
            year: version.profile.school_year.clone(),
            years,
            adopted_on: version.profile.adopted_on.as_deref().and_then(parse_day).map(dutch_day),
            published_on: version.profile.published_at.and_then(unix_day),
            content_hash: version.profile.content_hash.clone().unwrap_or_default(),
            generated: version.profile.generated,
            swv_name,
            steunpunt,
            summary: text("ouders.samenvatting"),
            vision: text("visie.ondersteuning"),
            limits: text("extra.grenzen"),
            contact: text("ouders.contact"),
            offer: publishing::offer(template, &values),
            notes: notes(template, &version),
            specialists: publishing::specialists(&values),
            partners: partners(template, &values, lang),
            changes: changes(lang, &version, &values, previous.as_ref()),
            chapters: compose(template, &version.answers),
            base_url: public_url.trim_end_matches('/').to_owned(),
            annexes: Vec::new(),
            ambitions: ambitions_of(version.answers.iter().map(|(key, (value, _))| (key.as_str(), value))),
        }
    }

    pub fn t(&self, id: &str) -> String {
        self.lang.t(id)
    }

    /// A specialist as the school named it, in the reader's language when
    /// it is one the catalogues know; with whether it was translated.
    pub fn specialist_name(&self, name: &str) -> (String, bool) {
        let spoken = name.trim().to_lowercase();
        match KNOWN_SPECIALISTS.iter().find(|(_, names)| names.contains(&spoken.as_str())) {
            Some((key, _)) => (self.t(&format!("public-specialist-{key}")), true),
            None => (name.to_owned(), false),
        }
    }

    pub fn category_name(&self, category: &SupportCategory) -> String {
        self.t(&format!("public-category-{}", category.key()))
    }

    pub fn level_name(&self, level: &str) -> String {
        self.t(&format!("public-level-{level}"))
    }

    pub fn chapter_title(&self, chapter: &Chapter) -> String {
        self.t(&format!("public-{}", chapter.message_id()))
    }

    pub fn title(&self) -> String {
        self.lang.t_with("public-profile-title", &[("year", self.year.clone().into())])
    }

    pub fn adopted_line(&self) -> String {
        self.adopted_on
            .as_ref()
            .map_or_else(String::new, |d| self.lang.t_with("public-adopted-line", &[("date", d.clone().into())]))
    }

    pub fn hash_line(&self) -> String {
        self.lang.t_with("public-hash-line", &[("hash", self.short_hash().to_owned().into())])
    }

    pub fn published_line(&self) -> String {
        self.published_on
            .as_ref()
            .map_or_else(String::new, |d| self.lang.t_with("public-published-line", &[("date", d.clone().into())]))
    }

    pub fn short_hash(&self) -> &str {
        &self.content_hash[..self.content_hash.len().min(12)]
    }

    /// The page's path; `latest` pages have no year in it.
    pub fn path(&self, suffix: &str) -> String {
        format!("/scholen/{}{suffix}", self.code)
    }

    pub fn url(&self, suffix: &str) -> String {
        format!("{}{}", self.base_url, self.path(suffix))
    }

    /// `?taal=xx` for links that keep the reader's language (none for Dutch).
    pub fn lang_query(&self) -> String {
        if self.lang == ParentLang::Nl { String::new() } else { format!("?taal={}", self.lang.code()) }
    }

    /// The text for Vensters' indicator *Ondersteuning van leerlingen*: the
    /// summary and the specialists with their *dagdelen per week* (Dutch, as Vensters is).
    pub fn vensters_text(&self) -> String {
        let dutch = ParentLang::Nl;
        let mut out = String::new();
        if let Some(summary) = &self.summary {
            out.push_str(&excerpt(summary, 2000));
            out.push_str("\n\n");
        }
        let names = |list: &[SupportCategory]| {
            list.iter().map(|c| dutch.t(&format!("public-category-{}", c.key()))).collect::<Vec<_>>().join(", ")
        };
        if !self.offer.standard.is_empty() {
            out.push_str(&format!("{}: {}.\n", dutch.t("public-offers-standard"), names(&self.offer.standard)));
        }
        if !self.offer.consult.is_empty() {
            out.push_str(&format!("{}: {}.\n", dutch.t("public-offers-consult"), names(&self.offer.consult)));
        }
        if !self.specialists.is_empty() {
            out.push_str(&format!(
                "\n{} ({}):\n",
                dutch.t("public-specialists"),
                dutch.t("public-dagdelen").to_lowercase()
            ));
            for (name, halves) in &self.specialists {
                out.push_str(&format!("- {name}: {halves}\n"));
            }
        }
        out.push_str(&format!("\n{} {}\n", dutch.t("public-more-text"), self.url("")));
        out
    }
}
