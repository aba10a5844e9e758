//! Step 2 of the cycle: the wish list (items with an owner), who reads along,
//! and the time line of milestones.

use passend_domain::access::{self, Actor};
use passend_domain::accounts::Email;
use passend_domain::lifecycle::{MilestoneKind, iso_day, parse_day};
use passend_domain::{FieldProblems, Message};
use passend_storage::planning::{CoReader, Milestone, Wish};

use crate::questionnaire::LoadedProfile;
use crate::{App, Result};

pub const MAX_WISH: usize = 500;
pub const MAX_NAME: usize = 100;
pub const READER_KINDS: [&str; 3] = ["mr", "swv", "other"];

/// A wish for next year and who takes it on.
pub struct NewWish<'a> {
    pub body: &'a str,
    pub owner: &'a str,
}

/// Someone who reads along: `mr`, `swv` or `other`, a name and an optional address.
pub struct NewReader<'a> {
    pub kind: &'a str,
    pub name: &'a str,
    pub email: &'a str,
}

fn bounded(raw: &str, field: &'static str, max: usize, required: &'static str, problems: &mut FieldProblems) -> String {
    let text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        problems.push((field, Message::new(required)));
    } else if text.chars().count() > max {
        problems.push((field, Message::new("answer-too-long").with("max", max)));
    }
    text
}

impl App {
    pub async fn wishes(&self, loaded: &LoadedProfile) -> Result<Vec<Wish>> {
        Ok(self.db.wishes(&loaded.access).await?)
    }

    pub async fn co_readers(&self, loaded: &LoadedProfile) -> Result<Vec<CoReader>> {
        Ok(self.db.co_readers(&loaded.access).await?)
    }

    pub async fn milestones(&self, loaded: &LoadedProfile) -> Result<Vec<Milestone>> {
        Ok(self.db.milestones(&loaded.access).await?)
    }

    pub async fn add_wish(
        &self,
        actor: &Actor,
        loaded: &LoadedProfile,
        wish: &NewWish<'_>,
    ) -> Result<Result<(), FieldProblems>> {
        let coordination = access::coordinate_profiles(actor, &loaded.school)?;
        let mut problems = FieldProblems::new();
        let body = bounded(wish.body, "body", MAX_WISH, "wish-required", &mut problems);
        let owner = bounded(wish.owner, "owner", MAX_NAME, "wish-owner-required", &mut problems);
        if !problems.is_empty() {
            return Ok(Err(problems));
        }
        self.db.add_wish(&coordination, loaded.profile.id, &body, &owner).await?;
        Ok(Ok(()))
    }

    /// Marks a wish done or not (`Some`), or removes it (`None`).
    pub async fn change_wish(
        &self,
        actor: &Actor,
        loaded: &LoadedProfile,
        wish: i64,
        done: Option<bool>,
    ) -> Result<()> {
        let coordination = access::coordinate_profiles(actor, &loaded.school)?;
        Ok(self.db.change_wish(&coordination, loaded.profile.id, wish, done).await?)
    }

    pub async fn add_co_reader(
        &self,
        actor: &Actor,
        loaded: &LoadedProfile,
        reader: &NewReader<'_>,
    ) -> Result<Result<(), FieldProblems>> {
        let coordination = access::coordinate_profiles(actor, &loaded.school)?;
        let mut problems = FieldProblems::new();
        if !READER_KINDS.contains(&reader.kind) {
            problems.push(("kind", Message::new("reader-kind-invalid")));
        }
        let name = bounded(reader.name, "name", MAX_NAME, "reader-name-required", &mut problems);
        let email = match reader.email.trim() {
            "" => None,
            raw => match Email::parse(raw) {
                Ok(email) => Some(email.as_str().to_owned()),
                Err(_) => {
                    problems.push(("email", Message::new("account-email-invalid")));
                    None
                }
            },
        };
        if !problems.is_empty() {
            return Ok(Err(problems));
        }
        self.db.add_co_reader(&coordination, loaded.profile.id, reader.kind, &name, email.as_deref()).await?;
        Ok(Ok(()))
    }

    pub async fn remove_co_reader(&self, actor: &Actor, loaded: &LoadedProfile, reader: i64) -> Result<()> {
        let coordination = access::coordinate_profiles(actor, &loaded.school)?;
        Ok(self.db.remove_co_reader(&coordination, loaded.profile.id, reader).await?)
    }

    /// Milestone dates as typed (kind → date, empty to clear); nothing is
    /// stored when one of them is not a date.
    pub async fn set_time_line(
        &self,
        actor: &Actor,
        loaded: &LoadedProfile,
        dates: &[(MilestoneKind, String)],
    ) -> Result<Result<(), FieldProblems>> {
        let coordination = access::coordinate_profiles(actor, &loaded.school)?;
        let mut problems = FieldProblems::new();
        let mut parsed = Vec::new();
        for (kind, raw) in dates {
            match raw.trim() {
                "" => parsed.push((*kind, None)),
                raw => match parse_day(raw) {
                    Some(day) => parsed.push((*kind, Some(iso_day(day)))),
                    None => problems.push((kind.as_str(), Message::new("date-invalid"))),
                },
            }
        }
        if !problems.is_empty() {
            return Ok(Err(problems));
        }
        for (kind, day) in parsed {
            self.db.set_milestone(&coordination, loaded.profile.id, kind, day.as_deref()).await?;
        }
        Ok(Ok(()))
    }
}
