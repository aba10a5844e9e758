//! Closed groups (issue 15, point 6): making a group, its members (invited
//! by address, or signed up through the group's activity), messages and
//! shared files; and the attachments of practice examples, which use the
//! same file storage ([`files`]).
//!
//! Access is decided once per request in [`App::group_access`]: a group the
//! actor may not see is *not found*, whether it exists or not.

pub mod attachments;
pub mod files;

use passend_domain::access::{self, Actor, GroupAccess};
use passend_domain::accounts::Email;
use passend_domain::groups::{GroupInput, GroupRole, MemberChange, check_invitation, check_message};
use passend_domain::knowledge::markdown;
use passend_domain::{FieldProblems, Message};
use passend_i18n::Lang;
pub use passend_storage::groups::{
    FileRecord, GroupRecord, GroupSummary, InvitationMail, Invited, MemberRecord, MessageRecord,
};

use crate::{App, Error, Result};
pub use files::{Download, Files, FilesSettings, Upload};

/// At most this many messages on a group's page and in the API's list.
pub const MESSAGES_SHOWN: i64 = 200;

/// A group the actor may reach, with what it may do there.
#[derive(Debug, Clone)]
pub struct LoadedGroup {
    pub access: GroupAccess,
    pub record: GroupRecord,
    pub role: Option<GroupRole>,
}

impl LoadedGroup {
    pub fn id(&self) -> i64 {
        self.record.id
    }

    /// Reads the messages and files (a member, or a platform admin).
    pub fn reads(&self) -> bool {
        self.access.read().is_some()
    }

    /// Keeps the group (moderator, platform admin or platform editor).
    pub fn keeps(&self) -> bool {
        self.access.manage().is_some()
    }
}

/// A message with its Markdown rendered and sanitised.
#[derive(Debug, Clone)]
pub struct MessageView {
    pub record: MessageRecord,
    pub html: String,
}

/// A shared file with whether the actor may remove it.
#[derive(Debug, Clone)]
pub struct FileView {
    pub record: FileRecord,
    pub removable: bool,
}

impl App {
    /// The files store and its rules (size limit, types, virus-scan hook).
    pub fn files(&self) -> &Files {
        &self.files
    }

    /// Uses this file store and these rules instead of the default (memory, 10 MB, no scan).
    pub fn with_files(mut self, settings: &FilesSettings) -> App {
        self.files = Files::new(settings);
        self
    }

    /// The group `id` as the actor may reach it; `NotFound` when there is
    /// no such group or the actor may not see it.
    pub async fn group_access(&self, actor: &Actor, id: i64) -> Result<LoadedGroup> {
        let role = self.db.group_membership(id, actor.user_id()).await?.ok_or(Error::NotFound)?;
        let access = access::group_access(actor, id, role).map_err(|_| Error::NotFound)?;
        let record = self.db.group(&access).await?;
        Ok(LoadedGroup { access, record, role })
    }

    /// The groups the actor is in (every group for a platform admin).
    pub async fn my_groups(&self, actor: &Actor) -> Result<Vec<GroupSummary>> {
        Ok(self.db.groups_of(actor.user_id(), access::sees_every_group(actor)).await?)
    }

    /// Whether the actor may make groups (for showing the form).
    pub fn may_create_groups(actor: &Actor) -> bool {
        access::create_groups(actor).is_ok()
    }

    /// The activities a new group of the actor's may be tied to: those the actor organises.
    pub async fn activities_for_groups(&self, actor: &Actor) -> Result<Vec<crate::activities::Activity>> {
        match self.organised_activities(actor).await {
            Err(Error::Forbidden) => Ok(Vec::new()),
            other => other,
        }
    }

    /// Makes a group with the actor as its moderator; `activity` ties it to an
    /// activity the actor organises, whose participants become members by signing up.
    pub async fn create_group(
        &self,
        actor: &Actor,
        input: &GroupInput,
        activity: Option<i64>,
    ) -> Result<Result<i64, FieldProblems>> {
        let proof = access::create_groups(actor)?;
        let group = match input.validate(crate::lifecycle::today().0) {
            Ok(group) => group,
            Err(problems) => return Ok(Err(problems)),
        };
        if let Some(id) = activity {
            // Its participants' names and addresses become the group's member
            // list: only who organises the activity may tie a group to it.
            let Some(found) = self.db.activity(id).await? else {
                return Ok(Err(vec![("activity", Message::new("groups-activity-unknown"))]));
            };
            let organises = access::organise_activities(actor).ok().and_then(|o| o.activity(id, &found.owner));
            if organises.is_none() {
                return Ok(Err(vec![("activity", Message::new("groups-activity-not-organised"))]));
            }
        }
        let user = self.db.user_by_id(actor.user_id()).await?.ok_or(Error::NotFound)?;
        let email = Email::parse(&user.email).map_err(|e| Error::internal("a stored address", e))?;
        Ok(Ok(self.db.create_group(&proof, &group, &email, activity).await?))
    }

    /// The newest messages, rendered.
    pub async fn group_messages(&self, group: &LoadedGroup) -> Result<Vec<MessageView>> {
        let read = group.access.read().ok_or(Error::NotFound)?;
        let records = self.db.group_messages(read, MESSAGES_SHOWN).await?;
        Ok(records.into_iter().map(|record| MessageView { html: markdown::to_html(&record.body), record }).collect())
    }

    /// Posts a message (a member, or a platform admin); field problems for bad text.
    pub async fn post_group_message(
        &self,
        actor: &Actor,
        group: &LoadedGroup,
        body: &str,
    ) -> Result<Result<i64, FieldProblems>> {
        let read = group.access.read().ok_or(Error::NotFound)?;
        let body = match check_message(body, crate::lifecycle::today().0) {
            Ok(body) => body,
            Err(problems) => return Ok(Err(problems)),
        };
        let author = self.db.user_by_id(actor.user_id()).await?.map(|u| u.name).unwrap_or_default();
        Ok(Ok(self.db.post_group_message(read, &author, &body).await?))
    }

    pub async fn group_members(&self, group: &LoadedGroup) -> Result<Vec<MemberRecord>> {
        Ok(self.db.group_members(&group.access).await?)
    }

    /// Invites an address (who keeps the group): it becomes a member at once
    /// and gets a mail with the group's link, queued with the member row. An
    /// address without an account sees the group once an account with that
    /// address exists.
    pub async fn invite_to_group(
        &self,
        lang: Lang,
        actor: &Actor,
        group: &LoadedGroup,
        raw_email: &str,
    ) -> Result<Result<Invited, FieldProblems>> {
        let manage = group.access.manage().ok_or(Error::Forbidden)?;
        let email = match check_invitation(raw_email) {
            Ok(email) => email,
            Err(problems) => return Ok(Err(problems)),
        };
        if !crate::Mailer::can_address(email.as_str()) {
            return Ok(Err(vec![("email", Message::new("groups-email-invalid"))]));
        }
        let inviter = self.db.user_by_id(actor.user_id()).await?.map(|u| u.name).unwrap_or_default();
        let has_account = self.db.user_by_email(&email).await?.is_some();
        let mail = InvitationMail {
            subject: lang.t_with("groups-mail-invited-subject", &[("group", group.record.name.clone().into())]),
            body: lang.t_with(
                if has_account { "groups-mail-invited-body" } else { "groups-mail-invited-body-new" },
                &[
                    ("group", group.record.name.clone().into()),
                    ("inviter", inviter.into()),
                    ("link", self.link(&format!("/groepen/{}", group.id())).into()),
                ],
            ),
        };
        let outcome = self.db.invite_to_group(manage, &email, Some(&mail)).await?;
        if outcome == Invited::Added {
            self.wake_worker();
        }
        Ok(Ok(outcome))
    }

    /// Takes an address out of the group (who keeps the group); the last moderator stays.
    pub async fn remove_from_group(&self, group: &LoadedGroup, raw_email: &str) -> Result<()> {
        self.change_group_member(group, raw_email, MemberChange::Remove).await
    }

    /// Gives a member another part (who keeps the group): hands moderation
    /// on to them, or takes it back; the last moderator stays one.
    pub async fn set_group_role(&self, group: &LoadedGroup, raw_email: &str, role: GroupRole) -> Result<()> {
        self.change_group_member(group, raw_email, MemberChange::Become(role)).await
    }

    async fn change_group_member(&self, group: &LoadedGroup, raw_email: &str, change: MemberChange) -> Result<()> {
        let manage = group.access.manage().ok_or(Error::Forbidden)?;
        let email = Email::parse(raw_email).map_err(|_| Error::NotFound)?;
        self.db
            .change_group_member(manage, email.as_str(), change)
            .await?
            .map_err(|reason| Error::Conflict(vec![("email", reason)]))
    }

    /// The group's files, with what the actor may remove.
    pub async fn group_files(&self, group: &LoadedGroup) -> Result<Vec<FileView>> {
        let read = group.access.read().ok_or(Error::NotFound)?;
        let records = self.db.group_files(read).await?;
        Ok(records
            .into_iter()
            .map(|record| FileView { removable: group.access.may_delete_file(record.uploaded_by), record })
            .collect())
    }

    /// Shares a file in the group: checked, stored, recorded (or nothing at all).
    pub async fn share_group_file(
        &self,
        actor: &Actor,
        group: &LoadedGroup,
        upload: Upload,
    ) -> Result<Result<i64, FieldProblems>> {
        let read = group.access.read().ok_or(Error::NotFound)?;
        let checked = match self.files.check(&upload).await? {
            Ok(checked) => checked,
            Err(problems) => return Ok(Err(problems)),
        };
        let uploader = self.db.user_by_id(actor.user_id()).await?.map(|u| u.name).unwrap_or_default();
        let (db, checked_ref, uploader) = (&self.db, &checked, uploader.as_str());
        let id = self
            .files
            .store_and_record(&checked, upload.bytes, |key| async move {
                db.add_group_file(read, &files::new_file(checked_ref, &key, uploader)).await
            })
            .await?;
        Ok(Ok(id))
    }

    /// A group's file with its bytes, for a download.
    pub async fn group_file(&self, group: &LoadedGroup, id: i64) -> Result<Download> {
        let read = group.access.read().ok_or(Error::NotFound)?;
        let record = self.db.group_file(read, id).await?;
        let bytes = self.files.read(&record).await?;
        Ok(Download { record, bytes })
    }

    /// Removes a file (its uploader, or who keeps the group): the record, then the bytes.
    pub async fn delete_group_file(&self, group: &LoadedGroup, id: i64) -> Result<()> {
        let record = self.db.delete_group_file(&group.access, id).await?;
        self.files.remove(&record).await
    }
}
