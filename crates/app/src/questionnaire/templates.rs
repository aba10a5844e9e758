//! The SWVs' versions of the questionnaire template: hidden, reworded or
//! relabelled items and items of their own, per school year.

use passend_domain::Message;
use passend_domain::access::{self, Actor};
use passend_domain::organisations::SwvCode;
use passend_domain::questionnaire::{SchoolYear, Template, TemplateVariant, VariantError, default_template};
use passend_storage::profiles::VariantRecord;

use crate::{App, Error, Result};

/// Whether the variant keeps the shared template whole (every key once);
/// the message says what breaks it.
pub fn check_variant(variant: &TemplateVariant) -> Result<Template, Message> {
    variant
        .apply(default_template())
        .and_then(|t| {
            t.check().map_err(VariantError::DuplicateKey)?;
            Ok(t)
        })
        .map_err(|error| Message::new("template-variant-invalid").with("detail", error.to_string()))
}

impl App {
    /// The SWV's stored version for the year (its admins only).
    pub async fn swv_template(&self, actor: &Actor, code: &SwvCode, year: SchoolYear) -> Result<Option<VariantRecord>> {
        access::edit_swv(actor, code.as_str())?;
        Ok(self.db.template_variant(code.as_str(), year).await?)
    }

    /// The SWV's stored version, or an empty one owned by the SWV.
    pub async fn swv_template_or_empty(
        &self,
        actor: &Actor,
        code: &SwvCode,
        year: SchoolYear,
    ) -> Result<TemplateVariant> {
        Ok(self
            .swv_template(actor, code, year)
            .await?
            .map(|r| r.variant)
            .unwrap_or_else(|| TemplateVariant { owner: code.to_string(), ..TemplateVariant::default() }))
    }

    /// Stores the SWV's version for the year after checking it keeps the shared keys.
    pub async fn save_swv_template(
        &self,
        actor: &Actor,
        code: &SwvCode,
        year: SchoolYear,
        mut variant: TemplateVariant,
    ) -> Result<()> {
        let edit = access::edit_swv(actor, code.as_str())?;
        variant.owner = code.to_string();
        let json_bytes = serde_json::to_vec(&variant).map_err(|e| Error::internal("variant", e.to_string()))?.len();
        variant.check_size(json_bytes).map_err(|message| Error::invalid("variant", message))?;
        check_variant(&variant).map_err(|message| Error::invalid("variant", message))?;
        Ok(self.db.save_template_variant(&edit, year, &variant, actor.user_id()).await?)
    }

    /// Publishes the SWV's version: profiles started from then on use it.
    pub async fn publish_swv_template(&self, actor: &Actor, code: &SwvCode, year: SchoolYear) -> Result<()> {
        let edit = access::edit_swv(actor, code.as_str())?;
        Ok(self.db.publish_template_variant(&edit, year).await?)
    }
}
