//! Shared files: checked (size, type by content, the virus-scan hook), put
//! in the object store under a random key, recorded in the database; never
//! half-stored. Used by the closed groups and the practice examples' attachments.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use passend_domain::groups::files::{CheckedFile, DEFAULT_MAX_BYTES, check_file};
use passend_domain::{FieldProblems, Message};
use passend_storage::files::{FileStore, FileStoreConfig};
use passend_storage::groups::{FileRecord, NewFile};

use crate::accounts::secrets::random_token;
use crate::{Error, Result};

/// How long the virus scanner may take for one file.
const SCAN_TIMEOUT: Duration = Duration::from_secs(120);

/// The files settings of the configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilesSettings {
    pub store: FileStoreConfig,
    /// The largest file accepted, in bytes.
    pub max_bytes: u64,
    /// A command run on each uploaded file before it is stored, with the
    /// file's path as its last argument: exit status 0 keeps the file, any
    /// other refuses it. Words split on white space (no quoting). Off when `None`.
    pub scan_command: Option<String>,
}

impl Default for FilesSettings {
    fn default() -> Self {
        FilesSettings { store: FileStoreConfig::Memory, max_bytes: DEFAULT_MAX_BYTES, scan_command: None }
    }
}

/// The file store with its rules.
#[derive(Debug, Clone)]
pub struct Files {
    store: FileStore,
    max_bytes: u64,
    scan: Option<Arc<[String]>>,
}

/// A file as it came in: the name the browser or client gave, the bytes read
/// (at most one past the limit) and how many bytes were sent in all.
#[derive(Debug, Clone)]
pub struct Upload {
    pub name: String,
    pub bytes: Vec<u8>,
    pub size: u64,
}

impl Files {
    pub fn new(settings: &FilesSettings) -> Files {
        let scan = settings
            .scan_command
            .as_deref()
            .map(|c| c.split_whitespace().map(str::to_owned).collect::<Vec<_>>())
            .filter(|words| !words.is_empty())
            .map(Arc::from);
        Files { store: FileStore::new(settings.store.clone()), max_bytes: settings.max_bytes, scan }
    }

    pub fn max_bytes(&self) -> u64 {
        self.max_bytes
    }

    pub fn store(&self) -> &FileStore {
        &self.store
    }

    /// Checks the upload; the field problems say what is wrong (field `file`).
    pub(crate) async fn check(&self, upload: &Upload) -> Result<Result<CheckedFile, FieldProblems>> {
        let checked = match check_file(&upload.name, &upload.bytes, upload.size, self.max_bytes) {
            Ok(checked) => checked,
            Err(message) => return Ok(Err(vec![("file", message)])),
        };
        if let Some(problem) = self.scan(&upload.bytes).await? {
            return Ok(Err(vec![("file", problem)]));
        }
        Ok(Ok(checked))
    }

    /// Runs the virus-scan hook on the bytes, if one is configured.
    async fn scan(&self, bytes: &[u8]) -> Result<Option<Message>> {
        let Some(command) = &self.scan else { return Ok(None) };
        let path: PathBuf = std::env::temp_dir().join(format!("passend-scan-{}", &random_token()[..24]));
        tokio::fs::write(&path, bytes).await.map_err(|e| Error::internal("writing a file for the virus scan", e))?;
        let run = tokio::process::Command::new(&command[0]).args(&command[1..]).arg(&path).kill_on_drop(true).output();
        let outcome = tokio::time::timeout(SCAN_TIMEOUT, run).await;
        let _ = tokio::fs::remove_file(&path).await;
        match outcome {
            Ok(Ok(output)) if output.status.success() => Ok(None),
            Ok(Ok(output)) => {
                tracing::warn!(status = ?output.status.code(), "the virus scan refused an uploaded file");
                Ok(Some(Message::new("files-virus-found")))
            }
            Ok(Err(error)) => {
                tracing::error!(%error, program = %command[0], "the virus scan could not run; the file is refused");
                Ok(Some(Message::new("files-scan-failed")))
            }
            Err(_) => {
                tracing::error!(program = %command[0], "the virus scan took too long; the file is refused");
                Ok(Some(Message::new("files-scan-failed")))
            }
        }
    }

    /// Puts the bytes in the store under a new random key, then records them
    /// with `record`; when recording fails the bytes are removed again, so
    /// nothing is half-stored either way.
    pub(crate) async fn store_and_record<F, Fut>(&self, checked: &CheckedFile, bytes: Vec<u8>, record: F) -> Result<i64>
    where
        F: FnOnce(String) -> Fut,
        Fut: std::future::Future<Output = std::result::Result<i64, passend_storage::StorageError>>,
    {
        let key = random_token();
        self.store.put(&key, bytes).await?;
        match record(key.clone()).await {
            Ok(id) => {
                tracing::info!(id, size = checked.size, "file stored");
                Ok(id)
            }
            Err(error) => {
                if let Err(cleanup) = self.store.delete(&key).await {
                    tracing::error!(%cleanup, "a file whose record failed could not be removed from the store");
                }
                Err(error.into())
            }
        }
    }

    /// The bytes of a recorded file.
    pub(crate) async fn read(&self, record: &FileRecord) -> Result<Vec<u8>> {
        match self.store.get(&record.storage_key).await {
            Ok(bytes) => Ok(bytes),
            Err(passend_storage::StorageError::NotFound) => {
                tracing::error!(file = record.id, "a recorded file has no bytes in the store");
                Err(Error::NotFound)
            }
            Err(other) => Err(other.into()),
        }
    }

    /// Removes the bytes of a file whose record is gone.
    pub(crate) async fn remove(&self, record: &FileRecord) -> Result<()> {
        Ok(self.store.delete(&record.storage_key).await?)
    }
}

/// The fields of a new record for a checked file.
pub(crate) fn new_file<'a>(checked: &'a CheckedFile, key: &'a str, uploader: &'a str) -> NewFile<'a> {
    NewFile {
        storage_key: key,
        name: &checked.name,
        media_type: checked.kind.media_type(),
        size: i64::try_from(checked.size).unwrap_or(i64::MAX),
        uploader_name: uploader,
    }
}

/// A file to hand out: its record and bytes.
#[derive(Debug, Clone)]
pub struct Download {
    pub record: FileRecord,
    pub bytes: Vec<u8>,
}

impl crate::App {
    /// Housekeeping: removes the bytes in the store that no file record names
    /// and that were written before `written_before` (seconds since the
    /// epoch). Such bytes are left when removing them after their record
    /// failed (the store was down); the margin keeps an upload whose record
    /// is still being written. Every server may run it: removing twice is no
    /// error. The number of objects removed.
    pub async fn remove_orphaned_files(&self, written_before: i64) -> Result<usize> {
        // The store first: a record written after this list still protects its bytes.
        let candidates = self.files.store.keys_written_before(written_before).await?;
        if candidates.is_empty() {
            return Ok(0);
        }
        let recorded: std::collections::HashSet<String> = self.db.stored_file_keys().await?.into_iter().collect();
        let mut removed = 0;
        for key in candidates.iter().filter(|key| !recorded.contains(*key)) {
            self.files.store.delete(key).await?;
            removed += 1;
        }
        if removed > 0 {
            tracing::info!(removed, "orphaned files removed from the store");
        }
        Ok(removed)
    }
}
