//! Everything a public page or document of one published version shows, in
//! the reader's language: fixed texts from the catalogues, the school's own
//! text as written (Dutch), and bounded excerpts for the parent report.

use std::collections::HashMap;

use passend_app::publishing::{PublishedVersion, VersionContext};
use passend_domain::lifecycle::{dutch_day, parse_day};
use passend_domain::organisations::{Location, SwvCode};
use passend_domain::publishing::{
    self, CHANGES_MAX, CONTACT_MAX, LIMITS_MAX, Offer, POSTER_CONTACT_MAX, SUMMARY_MAX, excerpt, offer_changes,
};
use passend_domain::questionnaire::{Chapter, ComposedChapter, Shown, SupportCategory, compose};
use passend_i18n::ParentLang;
use serde::Serialize;
use serde_json::{Value, json};
use utoipa::ToSchema;

use crate::app::AppState;
use crate::error::AppResult;

/// The SWV's parent and youth support point, for the information card.
#[derive(Debug, Clone)]
pub struct Steunpunt {
    pub name: String,
    pub lines: Vec<String>,
    pub website: Option<String>,
}

#[derive(Debug, Clone)]
pub struct PublicView {
    pub lang: ParentLang,
    pub code: String,
    pub location_name: String,
    pub school_name: String,
    pub address: String,
    pub website: Option<String>,
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
}

fn unix_day(at: i64) -> Option<String> {
    let date = time::OffsetDateTime::from_unix_timestamp(at).ok()?.date();
    Some(dutch_day((u16::try_from(date.year()).ok()?, u8::from(date.month()), date.day())))
}

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
        let VersionContext { version, previous, location, school_name, years, swv_code, swv } =
            state.app.version_context(version).await?;
        let swv_display = swv_code.as_deref().map(|c| SwvCode::parse(c).map_or_else(|_| c.to_owned(), |c| c.display()));
        let swv_name = swv.as_ref().and_then(|s| s.details.name.clone()).or(swv_display.clone());
        let steunpunt =
            swv.as_ref().map(|s| {
                let d = &s.details;
                let lines: Vec<String> =
                    [d.steunpunt_phone.clone(), d.steunpunt_email.clone()].into_iter().flatten().collect();
                match &d.steunpunt_name {
                    Some(name) => Steunpunt { name: name.clone(), lines, website: d.steunpunt_website.clone() },
                    None => Steunpunt {
                        name: lang.t("public-steunpunt-title"),
                        lines: vec![lang.t_with(
                            "public-steunpunt-fallback",
                            &[("swv", swv_name.clone().unwrap_or_default().into())],
                        )],
                        website: d.website.clone(),
                    },
                }
            });
        Ok(Self::build(state, version, previous.as_ref(), &location, school_name, years, swv_name, steunpunt, lang))
    }

    #[allow(clippy::too_many_arguments)]
    fn build(
        state: &AppState,
        version: PublishedVersion,
        previous: Option<&PublishedVersion>,
        location: &Location,
        school_name: String,
        years: Vec<String>,
        swv_name: Option<String>,
        steunpunt: Option<Steunpunt>,
        lang: ParentLang,
    ) -> PublicView {
        let template = &version.profile.template;
        let values = version.values();
        let text = |key: &str| publishing::text_of(&values, key).map(str::to_owned);
        let mut changes: Vec<String> = previous
            .map(|before| {
                offer_changes(template, &before.values(), &values)
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
                            None => {
                                lang.t_with("public-change-new-offer", &[("topic", topic.into()), ("now", now.into())])
                            }
                        }
                    })
                    .collect()
            })
            .unwrap_or_default();
        if let Some(before) = previous {
            let comparison = passend_domain::questionnaire::compare(
                &before.profile.template,
                &before.answers,
                template,
                &version.answers,
            );
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
        }
        let notes = template
            .items()
            .filter_map(|item| {
                let category = item.category?;
                let note = version.answers.get(&item.key)?.1.clone()?;
                Some((category, note))
            })
            .collect();
        let partners = match (template.item("partners.welke"), values.get("partners.welke")) {
            (Some(item), Some(value)) => match passend_domain::questionnaire::show(item, value) {
                Shown::Labels(labels) => labels,
                _ => Vec::new(),
            },
            _ => Vec::new(),
        };
        let address = [
            [location.street.clone(), location.house_number.clone()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" "),
            [location.postcode.clone(), location.city.clone()].into_iter().flatten().collect::<Vec<_>>().join(" "),
        ]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
        PublicView {
            lang,
            code: location.code.clone(),
            location_name: location.name.clone(),
            school_name,
            address,
            website: location.website.clone(),
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
            notes,
            specialists: publishing::specialists(&values),
            partners,
            changes,
            chapters: compose(template, &version.answers),
            base_url: state.config.public_url.trim_end_matches('/').to_owned(),
        }
    }

    pub fn t(&self, id: &str) -> String {
        self.lang.t(id)
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

    fn labels(&self) -> Value {
        let t = |id: &str| Value::String(self.t(id));
        json!({
            "profile": t("public-profile"), "adopted_line": self.adopted_line(),
            "hash_line": self.lang.t_with("public-hash-line", &[("hash", self.short_hash().to_owned().into())]),
            "parent_title": t("public-parent-title"), "summary": t("public-summary"),
            "offers_standard": t("public-offers-standard"), "offers_consult": t("public-offers-consult"),
            "offers_consult_intro": t("public-offers-consult-intro"), "offers_not": t("public-offers-not"),
            "none_given": t("public-none-given"), "contact": t("public-contact"), "changes": t("public-changes"),
            "more": t("public-more"), "more_text": t("public-more-text"), "poster_title": t("public-poster-title"),
            "guide_title": t("public-guide-title"), "vision": t("public-vision"), "offer_table": t("public-offer-table"),
            "category": t("public-category"), "level": t("public-level"), "specialists": t("public-specialists"),
            "specialist": t("public-specialist"), "dagdelen": t("public-dagdelen"),
        })
    }

    fn names(&self, categories: &[SupportCategory]) -> Vec<String> {
        categories.iter().map(|c| self.category_name(c)).collect()
    }

    fn steunpunt_json(&self) -> Value {
        match &self.steunpunt {
            Some(s) => {
                let mut text = s.lines.join(" · ");
                if let Some(site) = &s.website {
                    text = if text.is_empty() { site.clone() } else { format!("{text} · {site}") };
                }
                json!({ "title": s.name, "text": text })
            }
            None => Value::Null,
        }
    }

    /// The data every document shares.
    fn common(&self) -> Value {
        json!({
            "lang": self.lang.code(),
            "text_lang": "nl",
            "title": format!("{} — {}", self.title(), self.location_name),
            "year": self.year,
            "school": { "name": self.location_name, "address": self.address },
            "labels": self.labels(),
            "urls": { "profile": self.url(""), "parents": self.url("/ouders") },
            "steunpunt": self.steunpunt_json(),
        })
    }

    fn merged(&self, extra: Value) -> Value {
        let mut data = self.common();
        if let (Some(target), Value::Object(more)) = (data.as_object_mut(), extra) {
            target.extend(more);
        }
        data
    }

    /// The parent report: every free text bounded, so it fits three A4 pages.
    pub fn parent_data(&self) -> Value {
        self.merged(json!({
            "summary": self.summary.as_deref().map(|s| excerpt(s, SUMMARY_MAX)),
            "limits": self.limits.as_deref().map(|s| excerpt(s, LIMITS_MAX)),
            "contact": self.contact.as_deref().map(|s| excerpt(s, CONTACT_MAX)),
            "offers": {
                "standard": self.names(&self.offer.standard),
                "consult": self.names(&self.offer.consult),
                "not": self.names(&self.offer.not),
            },
            "changes": self.changes.iter().take(CHANGES_MAX).collect::<Vec<_>>(),
        }))
    }

    pub fn poster_data(&self) -> Value {
        self.merged(json!({
            "contact_short": self.contact.as_deref().map(|s| excerpt(s, POSTER_CONTACT_MAX)),
            "offers": { "standard": self.names(&self.offer.standard), "consult": self.names(&self.offer.consult) },
        }))
    }

    pub fn guide_data(&self) -> Value {
        let rows: Vec<Value> = SupportCategory::ALL
            .iter()
            .map(|c| {
                let level = self.offer.level(*c);
                json!({ "category": self.category_name(c), "level": self.level_name(level) })
            })
            .collect();
        self.merged(json!({
            "summary": self.summary,
            "vision": self.vision,
            "limits": self.limits,
            "contact": self.contact,
            "offer_rows": rows,
            "specialists": self.specialists.iter().map(|(n, d)| json!({ "name": n, "dagdelen": d })).collect::<Vec<_>>(),
        }))
    }

    pub fn full_data(&self) -> Value {
        self.merged(json!({ "chapters": self.open_chapters() }))
    }

    /// Every chapter with its answers as a reader sees them.
    pub fn open_chapters(&self) -> Vec<OpenChapter> {
        self.chapters
            .iter()
            .map(|chapter| OpenChapter {
                title: self.chapter_title(&chapter.chapter),
                entries: chapter
                    .entries
                    .iter()
                    .map(|e| self.open_entry(&e.label, &e.shown, e.note.as_deref()))
                    .collect(),
            })
            .collect()
    }

    fn open_entry(&self, label: &str, shown: &Shown, note: Option<&str>) -> OpenEntry {
        let (kind, text, items, columns, rows) = match shown {
            Shown::Text(t) => (EntryKind::Text, t.clone(), vec![], vec![], vec![]),
            Shown::Labels(l) if l.len() == 1 => (EntryKind::Text, l[0].clone(), vec![], vec![], vec![]),
            Shown::Labels(l) => (EntryKind::List, String::new(), l.clone(), vec![], vec![]),
            Shown::YesNo(b) => {
                (EntryKind::Text, self.t(if *b { "public-yes" } else { "public-no" }), vec![], vec![], vec![])
            }
            Shown::Number { value, unit } => (
                EntryKind::Text,
                [Some(value.to_string()), unit.clone()].into_iter().flatten().collect::<Vec<_>>().join(" "),
                vec![],
                vec![],
                vec![],
            ),
            Shown::Table { columns, rows } => (EntryKind::Table, String::new(), vec![], columns.clone(), rows.clone()),
        };
        OpenEntry { label: label.to_owned(), kind, text, items, columns, rows, note: note.map(str::to_owned) }
    }

    /// The parent report as plain text, in reading order: what the
    /// readability check measures.
    pub fn parent_text(&self) -> String {
        let data = self.parent_data();
        let mut out = vec![self.t("public-parent-title")];
        let texts = |v: &Value| v.as_str().map(str::to_owned);
        let items = |v: &Value| {
            v.as_array()
                .map(|a| a.iter().filter_map(|i| i.as_str().map(|s| format!("- {s}"))).collect::<Vec<_>>())
                .unwrap_or_default()
        };
        if let Some(summary) = texts(&data["summary"]) {
            out.push(self.t("public-summary"));
            out.push(summary);
        }
        out.push(self.t("public-offers-standard"));
        out.extend(items(&data["offers"]["standard"]));
        out.push(self.t("public-offers-consult"));
        out.push(self.t("public-offers-consult-intro"));
        out.extend(items(&data["offers"]["consult"]));
        out.push(self.t("public-offers-not"));
        out.extend(items(&data["offers"]["not"]));
        out.extend(texts(&data["limits"]));
        out.push(self.t("public-contact"));
        out.extend(texts(&data["contact"]));
        if !self.changes.is_empty() {
            out.push(self.t("public-changes"));
            out.extend(items(&data["changes"]));
        }
        out.join("\n\n")
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

/// A chapter of a published profile, as the documents and the open-data API show it.
#[derive(Debug, Serialize, ToSchema)]
pub struct OpenChapter {
    pub title: String,
    pub entries: Vec<OpenEntry>,
}

/// One answer as a reader sees it: `text`, a `list` of `items`, or a `table` of `columns` and `rows`.
#[derive(Debug, Serialize, ToSchema)]
pub struct OpenEntry {
    pub label: String,
    pub kind: EntryKind,
    pub text: String,
    pub items: Vec<String>,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub note: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    Text,
    List,
    Table,
}
