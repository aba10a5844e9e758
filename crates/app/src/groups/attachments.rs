//! Attachments of practice examples: the same checks and store as the
//! groups' files. A published example's attachments are for everyone; a
//! draft's for the editors who keep it and its author, who also attach them.

use passend_domain::FieldProblems;
use passend_domain::access::{self, Actor, ExampleFiles, ExampleStanding};

use super::files::{Download, Upload, new_file};
use crate::{App, Error, Result};
pub use passend_storage::groups::FileRecord;

impl App {
    /// The caller's access to an example's attachments (`None`: not signed in);
    /// `NotFound` for an example it may not see.
    pub async fn example_files_access(&self, actor: Option<&Actor>, example: i64) -> Result<ExampleFiles> {
        let row = self.db.example_standing(example).await?.ok_or(Error::NotFound)?;
        let standing =
            ExampleStanding { published: row.published, swv: row.swv_code.as_deref(), created_by: row.created_by };
        access::example_files(actor, example, &standing).map_err(|_| Error::NotFound)
    }

    pub async fn example_attachments(&self, access: &ExampleFiles) -> Result<Vec<FileRecord>> {
        Ok(self.db.example_files(access).await?)
    }

    /// Attaches a file to an example (its editors and author): checked, stored, recorded, or nothing.
    pub async fn attach_to_example(
        &self,
        actor: &Actor,
        access: &ExampleFiles,
        upload: Upload,
    ) -> Result<Result<i64, FieldProblems>> {
        if !access.may_write() {
            return Err(Error::Forbidden);
        }
        let checked = match self.files.check(&upload).await? {
            Ok(checked) => checked,
            Err(problems) => return Ok(Err(problems)),
        };
        let uploader = self.db.user_by_id(actor.user_id()).await?.map(|u| u.name).unwrap_or_default();
        let (db, checked_ref, uploader) = (&self.db, &checked, uploader.as_str());
        let id = self
            .files
            .store_and_record(&checked, upload.bytes, |key| async move {
                db.add_example_file(access, &new_file(checked_ref, &key, uploader)).await
            })
            .await?;
        Ok(Ok(id))
    }

    pub async fn example_attachment(&self, access: &ExampleFiles, id: i64) -> Result<Download> {
        let record = self.db.example_file(access, id).await?;
        let bytes = self.files.read(&record).await?;
        Ok(Download { record, bytes })
    }

    /// Removes an attachment (its editors and author): the record, then the bytes.
    pub async fn remove_example_attachment(&self, access: &ExampleFiles, id: i64) -> Result<()> {
        if !access.may_write() {
            return Err(Error::Forbidden);
        }
        let record = self.db.delete_example_file(access, id).await?;
        self.files.remove(&record).await
    }
}
