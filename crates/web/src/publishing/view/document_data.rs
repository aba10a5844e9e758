//! The documents' data, filled in from the view in the reader's language.
//! The shapes are `passend_documents::data`, next to the templates that
//! read them; here is only what goes in them, and the parent report as
//! plain text for the readability check.

use passend_documents::data::{
    self, ChapterData, DocumentCommon, Entry, FullProfileData, Labels, OfferRow, ParentOffers, ParentReportData,
    PosterData, PosterOffers, QrCode, School, SchoolGuideData, SpecialistRow, Urls,
};
use passend_domain::publishing::{CHANGES_MAX, CONTACT_MAX, LIMITS_MAX, POSTER_CONTACT_MAX, SUMMARY_MAX, excerpt};
use passend_domain::questionnaire::{self, Shown, SupportCategory};

use super::{Contact, PublicView};

/// A contact as the documents show it.
fn contact_data(c: &Contact) -> data::Contact {
    data::Contact {
        phone: c.phone.clone(),
        email: c.email.clone(),
        website: c.website.as_ref().map(|_| c.website_text()),
        website_url: c.website.as_ref().map(|_| c.website_href()),
    }
}

impl PublicView {
    fn labels(&self) -> Labels {
        Labels {
            profile: self.t("public-profile"),
            adopted_line: self.adopted_line(),
            hash_line: self.hash_line(),
            parent_title: self.t("public-parent-title"),
            summary: self.t("public-summary"),
            offers_standard: self.t("public-offers-standard"),
            offers_consult: self.t("public-offers-consult"),
            offers_consult_intro: self.t("public-offers-consult-intro"),
            offers_not: self.t("public-offers-not"),
            none_given: self.t("public-none-given"),
            contact: self.t("public-contact"),
            changes: self.t("public-changes"),
            more: self.t("public-more"),
            more_text: self.t("public-more-text"),
            poster_title: self.t("public-poster-title"),
            guide_title: self.t("public-guide-title"),
            vision: self.t("public-vision"),
            offer_table: self.t("public-offer-table"),
            category: self.t("public-category"),
            level: self.t("public-level"),
            specialists: self.t("public-specialists"),
            specialist: self.t("public-specialist"),
            dagdelen: self.t("public-dagdelen"),
            phone: self.t("public-info-phone"),
            email: self.t("public-info-email"),
            website: self.t("public-info-website"),
            swv: self.t("public-info-swv"),
            scan: self.t("public-poster-scan"),
        }
    }

    fn names(&self, categories: &[SupportCategory]) -> Vec<String> {
        categories.iter().map(|c| self.category_name(c)).collect()
    }

    /// The support point with its title once, its own name and how to reach it.
    fn steunpunt_card(&self) -> Option<data::Steunpunt> {
        self.steunpunt.as_ref().map(|s| data::Steunpunt {
            title: self.t("public-steunpunt-title"),
            name: s.name.clone(),
            note: s.note.clone(),
            contact: contact_data(&s.contact),
        })
    }

    /// The data every document shares. The school's own texts are Dutch.
    fn common(&self) -> DocumentCommon {
        DocumentCommon {
            lang: self.lang.code().to_owned(),
            text_lang: "nl".to_owned(),
            title: format!("{} — {}", self.title(), self.location_name),
            year: self.year.clone(),
            school: School {
                name: self.location_name.clone(),
                address: self.address.clone(),
                contact: contact_data(&self.school_contact),
            },
            labels: self.labels(),
            urls: Urls { profile: self.url(""), parents: self.url("/ouders") },
            swv: self.swv_name.clone(),
            steunpunt: self.steunpunt_card(),
        }
    }

    /// The parent report: every free text bounded, so it fits three A4 pages.
    pub fn parent_data(&self) -> ParentReportData {
        ParentReportData {
            common: self.common(),
            summary: self.summary.as_deref().map(|s| excerpt(s, SUMMARY_MAX)),
            limits: self.limits.as_deref().map(|s| excerpt(s, LIMITS_MAX)),
            contact: self.contact.as_deref().map(|s| excerpt(s, CONTACT_MAX)),
            offers: ParentOffers {
                standard: self.names(&self.offer.standard),
                consult: self.names(&self.offer.consult),
                not: self.names(&self.offer.not),
            },
            changes: self.changes.iter().take(CHANGES_MAX).cloned().collect(),
        }
    }

    /// The parent page in the reader's language: where the poster's QR code leads.
    pub fn parents_url(&self) -> String {
        format!("{}{}", self.url("/ouders"), self.lang_query())
    }

    pub fn poster_data(&self) -> PosterData {
        PosterData {
            common: self.common(),
            contact_short: self.contact.as_deref().map(|s| excerpt(s, POSTER_CONTACT_MAX)),
            offers: PosterOffers {
                standard: self.names(&self.offer.standard),
                consult: self.names(&self.offer.consult),
                not: self.names(&self.offer.not),
            },
            qr: QrCode::of(&self.parents_url(), self.t("public-poster-qr-alt")),
        }
    }

    pub fn guide_data(&self) -> SchoolGuideData {
        SchoolGuideData {
            common: self.common(),
            summary: self.summary.clone(),
            vision: self.vision.clone(),
            limits: self.limits.clone(),
            contact: self.contact.clone(),
            offer_rows: SupportCategory::ALL
                .iter()
                .map(|c| OfferRow { category: self.category_name(c), level: self.level_name(self.offer.level(*c)) })
                .collect(),
            specialists: self
                .specialists
                .iter()
                .map(|(name, dagdelen)| SpecialistRow {
                    name: self.specialist_name(name).0,
                    dagdelen: dagdelen.clone(),
                })
                .collect(),
        }
    }

    pub fn full_data(&self) -> FullProfileData {
        FullProfileData { common: self.common(), chapters: self.chapters_data(), annexes: self.annex_block() }
    }

    /// The annexed reports of the yearly conversation, with their absolute
    /// addresses; only signed-in people with access can open them.
    fn annex_block(&self) -> Option<data::AnnexBlock> {
        if self.annexes.is_empty() {
            return None;
        }
        let ui = self.lang.ui();
        Some(data::AnnexBlock {
            title: self.t("cvr-annexes"),
            intro: self.t("cvr-annex-intro"),
            note: self.t("cvr-annex-login"),
            links: self
                .annexes
                .iter()
                .map(|(id, year, swv)| {
                    [
                        crate::conversations::report_pdf::annex_text(ui, year, swv),
                        format!("{}/gesprekken/{id}/verslag.pdf", self.base_url),
                    ]
                })
                .collect(),
        })
    }

    /// Every chapter with its answers as the full profile (and open data) show them.
    pub fn chapters_data(&self) -> Vec<ChapterData> {
        self.chapters
            .iter()
            .map(|chapter| ChapterData {
                title: self.chapter_title(&chapter.chapter),
                entries: chapter.entries.iter().map(|e| self.entry(e)).collect(),
            })
            .collect()
    }

    /// One answer: a single choice reads as text, yes/no in the reader's language.
    fn entry(&self, entry: &questionnaire::Entry) -> Entry {
        let label = entry.label.clone();
        let note = entry.note.clone();
        match &entry.shown {
            Shown::Text(text) => Entry::text(label, text.clone(), note),
            Shown::Labels(labels) if labels.len() == 1 => Entry::text(label, labels[0].clone(), note),
            Shown::Labels(labels) => Entry::list(label, labels.clone(), note),
            Shown::YesNo(yes) => Entry::text(label, self.t(if *yes { "public-yes" } else { "public-no" }), note),
            Shown::Number { value, unit } => Entry::text(
                label,
                [Some(value.to_string()), unit.clone()].into_iter().flatten().collect::<Vec<_>>().join(" "),
                note,
            ),
            Shown::Table { columns, rows } => Entry::table(label, columns.clone(), rows.clone(), note),
        }
    }

    /// The parent report as plain text, in reading order: what the
    /// readability check measures.
    pub fn parent_text(&self) -> String {
        let data = self.parent_data();
        let labels = &data.common.labels;
        let items = |list: &[String]| list.iter().map(|item| format!("- {item}")).collect::<Vec<_>>();
        let mut out = vec![labels.parent_title.clone()];
        if let Some(summary) = data.summary {
            out.push(labels.summary.clone());
            out.push(summary);
        }
        out.push(labels.offers_standard.clone());
        out.extend(items(&data.offers.standard));
        out.push(labels.offers_consult.clone());
        out.push(labels.offers_consult_intro.clone());
        out.extend(items(&data.offers.consult));
        out.push(labels.offers_not.clone());
        out.extend(items(&data.offers.not));
        out.extend(data.limits);
        out.push(labels.contact.clone());
        out.extend(data.contact);
        if !data.changes.is_empty() {
            out.push(labels.changes.clone());
            out.extend(items(&data.changes));
        }
        out.join("\n\n")
    }
}
