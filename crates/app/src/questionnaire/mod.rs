//! The profile questionnaire: starting a profile, each respondent's answers,
//! the coordinator's school answers with optimistic concurrency, and the SWVs'
//! versions of the template.

mod team;
mod templates;

use std::collections::{HashMap, HashSet};

use passend_domain::access::{self, Actor, OrgView, ProfileView};
use passend_domain::organisations::{Brin, OrgContext, OrgKind, OrgRef};
use passend_domain::questionnaire::{
    AnswerValue, LocationFacts, Progress, SchoolYear, Template, default_template, parse_answer, prefills, progress,
};
use passend_domain::{FieldProblems, Message};
pub use passend_storage::directory::SchoolDetail;
use passend_storage::profiles::AnswerChange;
pub use passend_storage::profiles::{
    ProfileRecord, ProfileSummary, RespondentAnswer, SaveOutcome, SchoolAnswer, SwvProfileState, VariantRecord,
};
use serde_json::Value;

pub use self::team::TeamAccessChange;
pub use self::templates::check_variant;
use crate::{App, Error, Result};

/// Longest note beside an answer.
pub const MAX_NOTE: usize = 1000;

/// A profile with the school it belongs to, readable by the actor: the proof
/// every use case on the profile's children starts from.
pub struct LoadedProfile {
    pub profile: ProfileRecord,
    pub school: OrgRef,
    pub view: OrgView,
    /// The proof for this one profile, which queries on its children take.
    pub access: ProfileView,
    /// Where the school sits: its SWVs and board.
    pub context: OrgContext,
}

/// The outcome of a school-answer save, for pages and API.
pub enum SchoolSave {
    Saved { version: i64 },
    Conflict(Box<SchoolAnswer>),
    Invalid(FieldProblems),
}

impl From<SaveOutcome> for SchoolSave {
    fn from(outcome: SaveOutcome) -> Self {
        match outcome {
            SaveOutcome::Saved { version } => SchoolSave::Saved { version },
            SaveOutcome::Conflict(current) => SchoolSave::Conflict(current),
        }
    }
}

/// One answer of a section's form as the coordinator typed it, at the version they saw.
pub struct PostedAnswer<'a> {
    pub item_key: &'a str,
    pub raw: &'a Value,
    pub note: &'a str,
    pub version: i64,
}

/// What a section's form asks beside saving its answers: one copied answer
/// confirmed, or one respondent's answer taken over as the school's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemAction<'a> {
    Confirm(&'a str),
    TakeOver { item_key: &'a str, respondent: i64 },
}

impl<'a> ItemAction<'a> {
    pub fn item_key(&self) -> &'a str {
        match self {
            ItemAction::Confirm(key) | ItemAction::TakeOver { item_key: key, .. } => key,
        }
    }
}

/// A section with answers copied from last year that nobody confirmed yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnconfirmedSection {
    pub key: String,
    pub title: String,
    pub count: usize,
}

/// A valid answer and note, ready to store; `None` empties it.
pub type ValidAnswer = (Option<AnswerValue>, Option<String>);

/// The school year of today (August starts the next one).
pub fn current_year() -> SchoolYear {
    let (year, month, _) = crate::lifecycle::today();
    SchoolYear::of(year, month)
}

/// Whether the actor coordinates the school's profiles (sees everyone's answers, sets the school's).
pub fn coordinates(actor: &Actor, school: &OrgRef) -> bool {
    access::coordinate_profiles(actor, school).is_ok()
}

/// Whether the actor answers as a team member.
pub fn responds(actor: &Actor, school: &OrgRef) -> bool {
    access::respond_to_profiles(actor, school).is_ok()
}

/// A note: trimmed, bounded; empty is none.
pub fn parse_note(raw: Option<&str>) -> Result<Option<String>, Message> {
    let note = raw.map(str::trim).filter(|n| !n.is_empty());
    match note {
        Some(n) if n.chars().count() > MAX_NOTE => Err(Message::new("answer-too-long").with("max", MAX_NOTE)),
        other => Ok(other.map(str::to_owned)),
    }
}

/// Validates one answer: `Err` names the field (`value` or `note`) and the
/// problem; not found when the item is not (or no longer visibly) in the template.
pub fn validate(
    loaded: &LoadedProfile,
    item_key: &str,
    raw: &Value,
    note: Option<&str>,
) -> Result<Result<ValidAnswer, FieldProblems>> {
    let item = loaded.profile.template.item(item_key).filter(|i| !i.hidden).ok_or(Error::NotFound)?;
    let mut problems = FieldProblems::new();
    let value = parse_answer(item, raw).map_err(|m| problems.push(("value", m))).ok().flatten();
    let note = parse_note(note).map_err(|m| problems.push(("note", m))).ok().flatten();
    Ok(if problems.is_empty() { Ok((value, note)) } else { Err(problems) })
}

/// Validates a respondent's own answer: as [`validate`], and a note needs an answer beside it.
fn validate_mine(
    loaded: &LoadedProfile,
    item_key: &str,
    raw: &Value,
    note: Option<&str>,
) -> Result<Result<ValidAnswer, FieldProblems>> {
    Ok(validate(loaded, item_key, raw, note)?.and_then(|(value, note)| {
        if value.is_none() && note.is_some() {
            Err(vec![("value", Message::new("answer-note-needs-value"))])
        } else {
            Ok((value, note))
        }
    }))
}

/// The school's answers by item key.
pub fn by_key(answers: Vec<SchoolAnswer>) -> HashMap<String, SchoolAnswer> {
    answers.into_iter().map(|a| (a.item_key.clone(), a)).collect()
}

pub fn progress_of(profile: &ProfileRecord, answers: &HashMap<String, SchoolAnswer>) -> Progress {
    let answered: HashSet<String> =
        answers.values().filter(|a| a.value.is_some()).map(|a| a.item_key.clone()).collect();
    progress(&profile.template, &answered)
}

/// The answers as the composition wants them.
pub fn answered(answers: &HashMap<String, SchoolAnswer>) -> HashMap<String, (AnswerValue, Option<String>)> {
    answers.values().filter_map(|a| a.value.clone().map(|v| (a.item_key.clone(), (v, a.note.clone())))).collect()
}

impl App {
    /// Loads the profile if the actor may read its school's data; not found
    /// otherwise, so that another school's profile ids tell nothing.
    pub async fn profile(&self, actor: &Actor, id: i64) -> Result<LoadedProfile> {
        let brin = self.db.school_of_profile(id).await?.ok_or(Error::NotFound)?;
        let school = OrgRef { kind: OrgKind::School, code: brin };
        let context = self.db.org_context(&school).await?.ok_or(Error::NotFound)?;
        let view = access::view_org(actor, &school, &context).map_err(|_| Error::NotFound)?;
        let (profile, access) = self.db.profile(&view, id).await?.ok_or(Error::NotFound)?;
        Ok(LoadedProfile { profile, school, view, access, context })
    }

    /// A school with the right to read its profiles (forbidden for others).
    pub async fn school_for_profiles(&self, actor: &Actor, brin: &str) -> Result<(SchoolDetail, OrgRef, OrgView)> {
        let brin = Brin::parse(brin).map_err(|_| Error::NotFound)?;
        let school = self.db.school(brin.as_str()).await?.ok_or(Error::NotFound)?;
        let org = OrgRef::school(&brin);
        let (view, _) = self.view_org(actor, &org).await?;
        Ok((school, org, view))
    }

    pub async fn profiles_of_school(&self, view: &OrgView) -> Result<Vec<ProfileSummary>> {
        Ok(self.db.profiles_of_school(view).await?)
    }

    /// The school's and location's names of a profile.
    pub async fn profile_names(&self, profile: &ProfileRecord) -> Result<(String, String)> {
        let school = self.db.school(&profile.brin).await?.ok_or(Error::NotFound)?;
        let location = school
            .locations
            .iter()
            .find(|l| l.code == profile.location_code)
            .map_or_else(|| profile.location_code.clone(), |l| l.name.clone());
        Ok((school.school.name, location))
    }

    /// The template a location's profile starts from: its SWV's published version
    /// for the year, else the default.
    pub async fn template_for(&self, swv: Option<&str>, year: SchoolYear) -> Result<Template> {
        if let Some(swv) = swv
            && let Some(record) = self.db.template_variant(swv, year).await?
            && record.published_at.is_some()
        {
            return record.variant.apply(default_template()).map_err(|e| Error::internal("stored template variant", e));
        }
        Ok(default_template().clone())
    }

    /// Starts a profile for a location of the school, pre-filled from DUO's data.
    /// A conflict when the location has a profile for the year already.
    pub async fn start_profile(
        &self,
        actor: &Actor,
        school: &SchoolDetail,
        location_code: &str,
        year: SchoolYear,
    ) -> Result<i64> {
        let org = OrgRef { kind: OrgKind::School, code: school.school.brin.clone() };
        let coordination = access::coordinate_profiles(actor, &org)?;
        let location = school.locations.iter().find(|l| l.code == location_code).ok_or(Error::NotFound)?;
        let swv = location.swv_po.clone().or_else(|| location.swv_vo.clone());
        let template = self.template_for(swv.as_deref(), year).await?;
        let facts = LocationFacts {
            pupils: location.pupils,
            duo_type: location.duo_type.clone(),
            denomination: location.denomination.clone(),
            swvs: [&location.swv_po, &location.swv_vo].into_iter().flatten().cloned().collect(),
        };
        let prefills = prefills(&template, &facts);
        Ok(self.db.create_profile(&coordination, location_code, year, &template, &prefills, actor.user_id()).await?)
    }

    pub async fn school_answers(&self, loaded: &LoadedProfile) -> Result<Vec<SchoolAnswer>> {
        Ok(self.db.school_answers(&loaded.access).await?)
    }

    /// How many team members gave answers.
    pub async fn respondent_count(&self, loaded: &LoadedProfile) -> Result<usize> {
        Ok(usize::try_from(self.db.respondent_count(&loaded.access).await?).unwrap_or(0))
    }

    /// Everyone's answers, for coordinators; forbidden for others.
    pub async fn team_answers(&self, actor: &Actor, loaded: &LoadedProfile) -> Result<Vec<RespondentAnswer>> {
        let coordination = access::coordinate_profiles(actor, &loaded.school)?;
        Ok(self.db.team_answers(&coordination, loaded.profile.id).await?)
    }

    /// The actor's own answers as a team member.
    pub async fn my_answers(&self, actor: &Actor, loaded: &LoadedProfile) -> Result<Vec<RespondentAnswer>> {
        let respondent = access::respond_to_profiles(actor, &loaded.school)?;
        Ok(self.db.my_answers(&respondent, loaded.profile.id).await?)
    }

    /// May the actor answer for themselves now? Team members while the
    /// questionnaire is open to the team; coordinators always.
    pub fn may_answer(&self, actor: &Actor, loaded: &LoadedProfile) -> Result<()> {
        if !responds(actor, &loaded.school) {
            return Err(Error::Forbidden);
        }
        if !loaded.profile.open_for_team && !coordinates(actor, &loaded.school) {
            return Err(Error::Forbidden);
        }
        Ok(())
    }

    /// Saves the respondent's own answer (the questionnaire must be open to the team).
    pub async fn save_my_answer(
        &self,
        actor: &Actor,
        loaded: &LoadedProfile,
        item_key: &str,
        raw: &Value,
        note: Option<&str>,
    ) -> Result<Result<(), FieldProblems>> {
        let respondent = access::respond_to_profiles(actor, &loaded.school)?;
        self.may_answer(actor, loaded)?;
        let (value, note) = match validate_mine(loaded, item_key, raw, note)? {
            Ok(valid) => valid,
            Err(problems) => return Ok(Err(problems)),
        };
        self.db.save_my_answer(&respondent, loaded.profile.id, item_key, value.as_ref(), note.as_deref()).await?;
        Ok(Ok(()))
    }

    /// Saves the respondent's own answers of a section's form: each answer is
    /// validated once; one equal to what the person gave before, or empty
    /// where they gave nothing, is left alone. `Some` holds the problems of an
    /// answer that was not saved.
    pub async fn save_my_section(
        &self,
        actor: &Actor,
        loaded: &LoadedProfile,
        posted: &[PostedAnswer<'_>],
    ) -> Result<Vec<Option<FieldProblems>>> {
        let respondent = access::respond_to_profiles(actor, &loaded.school)?;
        self.may_answer(actor, loaded)?;
        let stored: HashMap<String, RespondentAnswer> = self
            .db
            .my_answers(&respondent, loaded.profile.id)
            .await?
            .into_iter()
            .map(|a| (a.item_key.clone(), a))
            .collect();
        let mut outcomes = Vec::with_capacity(posted.len());
        for answer in posted {
            let (value, note) = match validate_mine(loaded, answer.item_key, answer.raw, Some(answer.note))? {
                Ok(valid) => valid,
                Err(problems) => {
                    outcomes.push(Some(problems));
                    continue;
                }
            };
            let unchanged = match stored.get(answer.item_key) {
                Some(before) => value.as_ref() == Some(&before.value) && note == before.note,
                None => value.is_none() && note.is_none(),
            };
            if unchanged {
                outcomes.push(None);
            } else {
                self.db
                    .save_my_answer(&respondent, loaded.profile.id, answer.item_key, value.as_ref(), note.as_deref())
                    .await?;
                outcomes.push(None);
            }
        }
        Ok(outcomes)
    }

    /// Sets the school's answer at the version the person saw.
    pub async fn save_school_answer(
        &self,
        actor: &Actor,
        loaded: &LoadedProfile,
        item_key: &str,
        raw: &Value,
        note: Option<&str>,
        version: i64,
    ) -> Result<SchoolSave> {
        let coordination = access::coordinate_profiles(actor, &loaded.school)?;
        let (value, note) = match validate(loaded, item_key, raw, note)? {
            Ok(valid) => valid,
            Err(problems) => return Ok(SchoolSave::Invalid(problems)),
        };
        let change = AnswerChange {
            item_key,
            value: value.as_ref(),
            note: note.as_deref(),
            expected_version: version,
            user_id: actor.user_id(),
        };
        Ok(self.db.save_school_answer(&coordination, loaded.profile.id, change).await?.into())
    }

    /// Saves the school's answers of a section's form: each answer is
    /// validated once; one equal to what is stored (at the version the person
    /// saw) is left alone (`None`); `action` names the copied answer the person
    /// confirmed or the respondent's answer they took over (at the version
    /// they saw); the changed ones are written in one transaction, each with
    /// its own outcome.
    pub async fn save_school_section(
        &self,
        actor: &Actor,
        loaded: &LoadedProfile,
        posted: &[PostedAnswer<'_>],
        action: Option<ItemAction<'_>>,
    ) -> Result<Vec<Option<SchoolSave>>> {
        let coordination = access::coordinate_profiles(actor, &loaded.school)?;
        let stored = by_key(self.db.school_answers(&loaded.access).await?);
        let mut outcomes: Vec<Option<SchoolSave>> = Vec::with_capacity(posted.len());
        let mut valid: Vec<(usize, ValidAnswer)> = Vec::new();
        for (index, answer) in posted.iter().enumerate() {
            match action {
                Some(ItemAction::Confirm(key)) if key == answer.item_key => {
                    outcomes.push(Some(self.confirm_school_answer(actor, loaded, key, answer.version).await?));
                    continue;
                }
                Some(ItemAction::TakeOver { item_key, respondent }) if item_key == answer.item_key => {
                    let taken = self.take_over_answer(actor, loaded, item_key, respondent, answer.version).await?;
                    outcomes.push(Some(taken));
                    continue;
                }
                _ => {}
            }
            let (value, note) = match validate_mine(loaded, answer.item_key, answer.raw, Some(answer.note))? {
                Ok(parsed) => parsed,
                Err(problems) => {
                    outcomes.push(Some(SchoolSave::Invalid(problems)));
                    continue;
                }
            };
            let current = stored.get(answer.item_key);
            let unchanged = current.map_or(value.is_none() && note.is_none(), |c| c.value == value && c.note == note)
                && current.is_none_or(|c| c.version == answer.version);
            outcomes.push(None);
            if !unchanged {
                valid.push((index, (value, note)));
            }
        }
        let changes: Vec<AnswerChange> = valid
            .iter()
            .map(|(index, (value, note))| AnswerChange {
                item_key: posted[*index].item_key,
                value: value.as_ref(),
                note: note.as_deref(),
                expected_version: posted[*index].version,
                user_id: actor.user_id(),
            })
            .collect();
        if !changes.is_empty() {
            let saved = self.db.save_school_answers(&coordination, loaded.profile.id, &changes).await?;
            for ((index, _), outcome) in valid.iter().zip(saved) {
                outcomes[*index] = Some(outcome.into());
            }
        }
        Ok(outcomes)
    }

    /// Confirms an answer copied from last year.
    pub async fn confirm_school_answer(
        &self,
        actor: &Actor,
        loaded: &LoadedProfile,
        item_key: &str,
        version: i64,
    ) -> Result<SchoolSave> {
        let coordination = access::coordinate_profiles(actor, &loaded.school)?;
        Ok(self
            .db
            .confirm_school_answer(&coordination, loaded.profile.id, item_key, version, actor.user_id())
            .await?
            .into())
    }

    /// How many of the school's answers to visible items are still as they
    /// were copied from last year, unconfirmed.
    pub async fn unconfirmed_count(&self, loaded: &LoadedProfile) -> Result<usize> {
        Ok(self.unconfirmed_by_section(loaded).await?.iter().map(|s| s.count).sum())
    }

    /// The sections with unconfirmed answers copied from last year, in the
    /// template's order, with how many each.
    pub async fn unconfirmed_by_section(&self, loaded: &LoadedProfile) -> Result<Vec<UnconfirmedSection>> {
        let copied: HashSet<String> = self
            .db
            .school_answers(&loaded.access)
            .await?
            .into_iter()
            .filter(|a| a.from_last_year)
            .map(|a| a.item_key)
            .collect();
        Ok(loaded
            .profile
            .template
            .sections
            .iter()
            .map(|s| UnconfirmedSection {
                key: s.key.clone(),
                title: s.title.clone(),
                count: s.items.iter().filter(|i| !i.hidden && copied.contains(&i.key)).count(),
            })
            .filter(|s| s.count > 0)
            .collect())
    }

    /// Confirms in one request every answer of the section still as it was
    /// copied from last year ("alles in dit onderdeel klopt nog"), logged in
    /// the audit log; the confirmed items with their new versions.
    pub async fn confirm_section(
        &self,
        actor: &Actor,
        name: &str,
        loaded: &LoadedProfile,
        section_key: &str,
    ) -> Result<Vec<(String, i64)>> {
        let coordination = access::coordinate_profiles(actor, &loaded.school)?;
        let section = loaded.profile.template.section(section_key).ok_or(Error::NotFound)?;
        let keys: Vec<&str> = section.items.iter().filter(|i| !i.hidden).map(|i| i.key.as_str()).collect();
        let by = passend_storage::lifecycle::StepBy { user_id: actor.user_id(), name };
        Ok(self.db.confirm_section(&coordination, loaded.profile.id, &section.key, &keys, by).await?)
    }

    /// Takes one respondent's answer (with its note) over as the school's, at
    /// the version the coordinator saw: the same validation and conflict
    /// rules as typing it in. Not found when that person gave no answer to the item.
    pub async fn take_over_answer(
        &self,
        actor: &Actor,
        loaded: &LoadedProfile,
        item_key: &str,
        respondent: i64,
        version: i64,
    ) -> Result<SchoolSave> {
        let coordination = access::coordinate_profiles(actor, &loaded.school)?;
        let team = self.db.team_answers(&coordination, loaded.profile.id).await?;
        let given =
            team.into_iter().find(|a| a.item_key == item_key && a.user_id == respondent).ok_or(Error::NotFound)?;
        let (value, note) = match validate(loaded, item_key, &given.value.to_raw(), given.note.as_deref())? {
            Ok(valid) => valid,
            Err(problems) => return Ok(SchoolSave::Invalid(problems)),
        };
        let change = AnswerChange {
            item_key,
            value: value.as_ref(),
            note: note.as_deref(),
            expected_version: version,
            user_id: actor.user_id(),
        };
        Ok(self.db.save_school_answer(&coordination, loaded.profile.id, change).await?.into())
    }
}
