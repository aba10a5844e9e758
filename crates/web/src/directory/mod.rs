//! The public directory (SWVs, schools, boards) and the SWV's own details.

pub mod api;
pub mod pages;

use passend_domain::access;
use passend_domain::organisations::{OrgKind, OrgRef, SwvCode};
use passend_i18n::Lang;

use crate::app::AppState;
use crate::error::{AppError, AppResult};
use crate::security::session::Session;

/// An SWV code from a URL, in any spelling people use.
pub fn swv_code(raw: &str) -> AppResult<SwvCode> {
    SwvCode::parse(raw).map_err(|_| AppError::not_found())
}

/// What the signed-in person may do with an organisation, for links on its page.
#[derive(Debug, Default, Clone, Copy)]
pub struct Abilities {
    pub view_members: bool,
    pub edit: bool,
}

pub async fn abilities(state: &AppState, session: Option<&Session>, org: &OrgRef) -> AppResult<Abilities> {
    let Some(session) = session else {
        return Ok(Abilities::default());
    };
    let Some(ctx) = state.db.org_context(org).await? else {
        return Ok(Abilities::default());
    };
    Ok(Abilities {
        view_members: access::view_org(&session.actor, org, &ctx).is_ok(),
        edit: org.kind == OrgKind::Swv && access::edit_swv(&session.actor, &org.code).is_ok(),
    })
}

/// How people call an organisation: its name, or for an SWV or board without
/// one, "Samenwerkingsverband PO 27-07" / "Bestuur 41234".
pub async fn display_name(state: &AppState, lang: Lang, org: &OrgRef) -> AppResult<String> {
    let name = state.db.org_name(org).await?;
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
pub async fn correct_swvs(
    state: &AppState,
    session: &Session,
    location: &str,
    po: &str,
    vo: &str,
) -> AppResult<Result<(), passend_domain::FieldProblems>> {
    let (edit, current) = location_edit(state, session, location).await?;
    let (po, vo) = match passend_domain::organisations::parse_swv_choice(po, vo) {
        Ok(choice) => choice,
        Err(problems) => return Ok(Err(problems)),
    };
    let kinds = current.sector.map(|s| s.swv_kinds());
    let mut problems = Vec::new();
    let checks = [
        ("swv_po", &po, current.swv_po.as_deref(), edit.may_set_po(), passend_domain::organisations::SwvKind::Po),
        ("swv_vo", &vo, current.swv_vo.as_deref(), edit.may_set_vo(), passend_domain::organisations::SwvKind::Vo),
    ];
    for (field, chosen, now, allowed, kind) in checks {
        let chosen_code = chosen.as_ref().map(SwvCode::as_str);
        if chosen_code != now && !allowed {
            problems.push((field, passend_domain::Message::new("swv-choice-not-yours")));
        } else if chosen.is_some() && kinds.is_some_and(|k| !k.contains(&kind)) {
            problems.push((field, passend_domain::Message::new("swv-choice-sector")));
        } else if let Some(code) = chosen
            && state.db.swv(code.as_str()).await?.is_none()
        {
            problems.push((field, passend_domain::Message::new("swv-choice-unknown").with("code", code.as_str())));
        }
    }
    if !problems.is_empty() {
        return Ok(Err(problems));
    }
    state.db.set_location_swvs(&edit, po.as_ref().map(SwvCode::as_str), vo.as_ref().map(SwvCode::as_str)).await?;
    Ok(Ok(()))
}

/// Lets the postcode table decide the location's SWVs again: that may change
/// both kinds, so the caller must be allowed to set both.
pub async fn reset_swvs(state: &AppState, session: &Session, location: &str) -> AppResult<()> {
    let (edit, _) = location_edit(state, session, location).await?;
    if !(edit.may_set_po() && edit.may_set_vo()) {
        return Err(AppError::forbidden());
    }
    Ok(state.db.reset_location_swvs(&edit).await?)
}

/// The location, if it exists, and the right to correct its SWVs.
async fn location_edit(
    state: &AppState,
    session: &Session,
    location: &str,
) -> AppResult<(access::LocationSwvEdit, passend_domain::organisations::Location)> {
    let current = state.db.location(location).await?.ok_or_else(AppError::not_found)?;
    let edit = access::correct_location_swvs(
        &session.actor,
        &current.code,
        current.swv_po.as_deref(),
        current.swv_vo.as_deref(),
    )?;
    Ok((edit, current))
}
