//! The public directory (SWVs, boards, schools, locations), the SWV's own
//! details, and corrections of which SWVs a location belongs to.

mod find;

pub use find::{FIND_LIMIT, Found, NEAR_KM};

use passend_domain::access::{self, Actor};
use passend_domain::organisations::{
    Location, LocationCode, LocationContact, OrgKind, OrgRef, SwvCode, SwvDetails, SwvKind, parse_swv_choice,
};
use passend_domain::{FieldProblems, Message};
use passend_i18n::Lang;
pub use passend_storage::directory::{Board, SchoolDetail, SchoolSummary, Swv, SwvSummary};
pub use passend_storage::import::{Counts, ImportReport, Progress};

use crate::{App, Error, Result};

/// What the signed-in person may do with an organisation, for links on its page.
#[derive(Debug, Default, Clone, Copy)]
pub struct Abilities {
    pub view_members: bool,
    pub edit: bool,
    /// A school: may change how parents reach its locations.
    pub edit_contact: bool,
}

/// Totals for the platform admin's dashboard.
#[derive(Debug, Clone, Copy)]
pub struct PlatformTotals {
    pub users: i64,
    pub locations: i64,
    pub swvs: usize,
    pub smtp: bool,
}

impl App {
    pub async fn swvs(&self) -> Result<Vec<SwvSummary>> {
        Ok(self.db.list_swvs().await?)
    }

    pub async fn swv(&self, code: &SwvCode) -> Result<Swv> {
        self.db.swv(code.as_str()).await?.ok_or(Error::NotFound)
    }

    /// The schools with a location in the SWV; not found for an unknown SWV.
    pub async fn schools_of_swv(&self, code: &SwvCode) -> Result<Vec<SchoolSummary>> {
        self.db.swv(code.as_str()).await?.ok_or(Error::NotFound)?;
        Ok(self.db.schools_of_swv(code.as_str()).await?)
    }

    pub async fn search_schools(&self, query: &str, limit: i64) -> Result<Vec<SchoolSummary>> {
        Ok(self.db.search_schools(query, limit).await?)
    }

    pub async fn school(&self, brin: &str) -> Result<SchoolDetail> {
        self.db.school(brin).await?.ok_or(Error::NotFound)
    }

    pub async fn board(&self, code: &str) -> Result<Board> {
        self.db.board(code.trim()).await?.ok_or(Error::NotFound)
    }

    /// May the actor edit this SWV's details? (For the edit form, before any change.)
    pub fn may_edit_swv(&self, actor: &Actor, code: &SwvCode) -> Result<()> {
        access::edit_swv(actor, code.as_str())?;
        Ok(())
    }

    /// Validates and saves the SWV's own details; the stored SWV after saving,
    /// or every problem by field.
    pub async fn update_swv(
        &self,
        actor: &Actor,
        code: &SwvCode,
        raw: &SwvDetails,
    ) -> Result<Result<Swv, FieldProblems>> {
        let edit = access::edit_swv(actor, code.as_str())?;
        let details = match SwvDetails::validate(raw) {
            Ok(details) => details,
            Err(problems) => return Ok(Err(problems)),
        };
        self.db.update_swv(&edit, &details).await?;
        // Public pages show the SWV's name and contact details.
        self.db.public_changed().await?;
        Ok(Ok(self.swv(code).await?))
    }

    pub async fn abilities(&self, actor: Option<&Actor>, org: &OrgRef) -> Result<Abilities> {
        let Some(actor) = actor else {
            return Ok(Abilities::default());
        };
        let Some(ctx) = self.db.org_context(org).await? else {
            return Ok(Abilities::default());
        };
        Ok(Abilities {
            view_members: access::view_org(actor, org, &ctx).is_ok(),
            edit: org.kind == OrgKind::Swv && access::edit_swv(actor, &org.code).is_ok(),
            edit_contact: access::edit_location_contact(actor, org).is_ok(),
        })
    }

    /// How people call an organisation: its name, or for an SWV or board without
    /// one, "Samenwerkingsverband PO 27-07" / "Bestuur 41234".
    pub async fn display_name(&self, lang: Lang, org: &OrgRef) -> Result<String> {
        let name = self.db.org_name(org).await?;
        Ok(match (org.kind, name) {
            (_, Some(name)) => name,
            (OrgKind::Swv, None) => {
                let code = SwvCode::parse(&org.code).map_or_else(|_| org.code.clone(), |c| c.display());
                format!("{} {code}", lang.t("swv-unnamed"))
            }
            (OrgKind::Board, None) => lang.t_with("board-unnamed", &[("code", org.code.clone().into())]),
            (_, None) => org.code.clone(),
        })
    }

    /// Corrects the SWVs of a location by hand (see [`access::correct_location_swvs`]).
    pub async fn correct_location_swvs(
        &self,
        actor: &Actor,
        location: &str,
        po: &str,
        vo: &str,
    ) -> Result<Result<(), FieldProblems>> {
        let (edit, current) = self.location_edit(actor, location).await?;
        let (po, vo) = match parse_swv_choice(po, vo) {
            Ok(choice) => choice,
            Err(problems) => return Ok(Err(problems)),
        };
        let kinds = current.sector.map(|s| s.swv_kinds());
        let mut problems = Vec::new();
        let checks = [
            ("swv_po", &po, current.swv_po.as_deref(), edit.may_set_po(), SwvKind::Po),
            ("swv_vo", &vo, current.swv_vo.as_deref(), edit.may_set_vo(), SwvKind::Vo),
        ];
        for (field, chosen, now, allowed, kind) in checks {
            let chosen_code = chosen.as_ref().map(SwvCode::as_str);
            if chosen_code != now && !allowed {
                problems.push((field, Message::new("swv-choice-not-yours")));
            } else if chosen.is_some() && kinds.is_some_and(|k| !k.contains(&kind)) {
                problems.push((field, Message::new("swv-choice-sector")));
            } else if let Some(code) = chosen
                && self.db.swv(code.as_str()).await?.is_none()
            {
                problems.push((field, Message::new("swv-choice-unknown").with("code", code.as_str())));
            }
        }
        if !problems.is_empty() {
            return Ok(Err(problems));
        }
        self.db.set_location_swvs(&edit, po.as_ref().map(SwvCode::as_str), vo.as_ref().map(SwvCode::as_str)).await?;
        self.db.public_changed().await?;
        Ok(Ok(()))
    }

    /// Lets the postcode table decide the location's SWVs again: that may change
    /// both kinds, so the caller must be allowed to set both.
    pub async fn reset_location_swvs(&self, actor: &Actor, location: &str) -> Result<()> {
        let (edit, _) = self.location_edit(actor, location).await?;
        if !(edit.may_set_po() && edit.may_set_vo()) {
            return Err(Error::Forbidden);
        }
        Ok(self.db.reset_location_swvs(&edit).await?)
    }

    /// The location, if it exists, and the right to correct its SWVs.
    async fn location_edit(&self, actor: &Actor, location: &str) -> Result<(access::LocationSwvEdit, Location)> {
        let current = self.db.location(location).await?.ok_or(Error::NotFound)?;
        let edit =
            access::correct_location_swvs(actor, &current.code, current.swv_po.as_deref(), current.swv_vo.as_deref())?;
        Ok((edit, current))
    }

    /// A location whose contact details the actor may change (for the edit
    /// form); not found for an unknown location.
    pub async fn location_for_contact_edit(&self, actor: &Actor, code: &LocationCode) -> Result<Location> {
        let location = self.location(code.as_str()).await?;
        access::edit_location_contact(actor, &OrgRef::school(&code.brin()))?;
        Ok(location)
    }

    /// Validates and saves how parents reach a location (its school's
    /// director); the stored location after saving, or every problem by field.
    /// Later DUO imports keep what was set here.
    pub async fn update_location_contact(
        &self,
        actor: &Actor,
        code: &LocationCode,
        raw: &LocationContact,
    ) -> Result<Result<Location, FieldProblems>> {
        self.location(code.as_str()).await?;
        let edit = access::edit_location_contact(actor, &OrgRef::school(&code.brin()))?;
        let contact = match LocationContact::validate(raw) {
            Ok(contact) => contact,
            Err(problems) => return Ok(Err(problems)),
        };
        self.db.update_location_contact(&edit, code.as_str(), &contact).await?;
        self.db.public_changed().await?;
        Ok(Ok(self.location(code.as_str()).await?))
    }

    /// A location of the directory.
    pub async fn location(&self, code: &str) -> Result<Location> {
        self.db.location(code).await?.ok_or(Error::NotFound)
    }

    /// Imports parsed DUO files (locations, postcode → SWV) in one transaction,
    /// reporting progress as it goes. The operator's act (`passend import duo`).
    pub async fn import_duo(
        &self,
        files: &[passend_domain::duo::DuoFile],
        progress: &(dyn Fn(Progress) + Sync),
    ) -> Result<ImportReport> {
        Ok(self.db.import_duo(files, progress).await?)
    }

    pub async fn platform_totals(&self, actor: &Actor) -> Result<PlatformTotals> {
        access::platform_admin(actor)?;
        Ok(PlatformTotals {
            users: self.db.count_users().await?,
            locations: self.db.count_locations().await?,
            swvs: self.db.list_swvs().await?.len(),
            smtp: self.mailer.sends_over_smtp(),
        })
    }
}
