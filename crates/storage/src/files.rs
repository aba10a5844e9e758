//! The bytes of shared files, in object storage through the `object_store`
//! crate (ADR 0024): a directory on local disk by default, an S3-compatible
//! store by configuration, memory for tests and tools. What is known about a
//! file (name, size, type, who shared it, where it belongs) is in the
//! database (`stored_files`); the bytes are here under a random key that the
//! application layer makes.
//!
//! The store is opened on first use, so that a server that never stores a
//! file makes no directory and asks no bucket anything.

use std::path::PathBuf;
use std::sync::Arc;

use object_store::aws::AmazonS3Builder;
use object_store::local::LocalFileSystem;
use object_store::memory::InMemory;
use object_store::path::Path;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload};
use tokio::sync::OnceCell;

use crate::StorageError;

/// Where the bytes go.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum FileStoreConfig {
    /// Kept in memory: gone when the process ends (tests, one-off tools).
    #[default]
    Memory,
    /// A directory on local disk, made when missing.
    Local { dir: PathBuf },
    /// An S3-compatible store (AWS, MinIO, Ceph, Garage, …).
    S3(S3Config),
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct S3Config {
    pub bucket: String,
    /// `https://s3.example.org`; empty for AWS itself.
    pub endpoint: Option<String>,
    pub region: String,
    pub access_key_id: Option<String>,
    pub secret_access_key: Option<String>,
    /// Allow a plain `http://` endpoint (a store on the same host or in tests).
    pub allow_http: bool,
}

/// The object store, opened on first use.
#[derive(Clone)]
pub struct FileStore {
    config: Arc<FileStoreConfig>,
    store: Arc<OnceCell<Arc<dyn ObjectStore>>>,
}

impl std::fmt::Debug for FileStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "FileStore({})", self.describe())
    }
}

fn failed(action: &'static str) -> impl FnOnce(object_store::Error) -> StorageError {
    move |source| StorageError::Files { action, source: Box::new(source) }
}

/// A key is what the application made: hex digits only, so it names one object and no path.
fn path_of(key: &str) -> Result<Path, StorageError> {
    if key.is_empty() || key.len() > 128 || !key.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(StorageError::NotFound);
    }
    Ok(Path::from(key))
}

impl FileStore {
    pub fn new(config: FileStoreConfig) -> FileStore {
        FileStore { config: Arc::new(config), store: Arc::new(OnceCell::new()) }
    }

    /// For the log: which kind of store, and where (never a key).
    pub fn describe(&self) -> String {
        match &*self.config {
            FileStoreConfig::Memory => "memory".to_owned(),
            FileStoreConfig::Local { dir } => format!("local disk {}", dir.display()),
            FileStoreConfig::S3(s3) => {
                format!("S3 bucket {} at {}", s3.bucket, s3.endpoint.as_deref().unwrap_or("AWS"))
            }
        }
    }

    async fn store(&self) -> Result<&Arc<dyn ObjectStore>, StorageError> {
        self.store
            .get_or_try_init(|| async {
                let store: Arc<dyn ObjectStore> = match &*self.config {
                    FileStoreConfig::Memory => Arc::new(InMemory::new()),
                    FileStoreConfig::Local { dir } => {
                        tokio::fs::create_dir_all(dir).await.map_err(|source| StorageError::Files {
                            action: "making the files directory",
                            source: Box::new(source),
                        })?;
                        Arc::new(LocalFileSystem::new_with_prefix(dir).map_err(failed("opening the files directory"))?)
                    }
                    FileStoreConfig::S3(s3) => {
                        let mut builder = AmazonS3Builder::new()
                            .with_bucket_name(&s3.bucket)
                            .with_region(&s3.region)
                            .with_allow_http(s3.allow_http);
                        if let Some(endpoint) = s3.endpoint.as_deref().filter(|e| !e.is_empty()) {
                            // Most S3-compatible servers want the bucket in the path, not the host.
                            builder = builder.with_endpoint(endpoint).with_virtual_hosted_style_request(false);
                        }
                        if let Some(key) = &s3.access_key_id {
                            builder = builder.with_access_key_id(key);
                        }
                        if let Some(secret) = &s3.secret_access_key {
                            builder = builder.with_secret_access_key(secret);
                        }
                        Arc::new(builder.build().map_err(failed("configuring the S3 store"))?)
                    }
                };
                Ok(store)
            })
            .await
    }

    /// Writes the bytes under `key` (a new key: nothing is overwritten by design).
    pub async fn put(&self, key: &str, bytes: Vec<u8>) -> Result<(), StorageError> {
        let path = path_of(key)?;
        self.store().await?.put(&path, PutPayload::from(bytes)).await.map_err(failed("storing a file"))?;
        Ok(())
    }

    /// The bytes under `key`; `NotFound` when there are none.
    pub async fn get(&self, key: &str) -> Result<Vec<u8>, StorageError> {
        let path = path_of(key)?;
        match self.store().await?.get(&path).await {
            Ok(result) => Ok(result.bytes().await.map_err(failed("reading a file"))?.to_vec()),
            Err(object_store::Error::NotFound { .. }) => Err(StorageError::NotFound),
            Err(other) => Err(failed("reading a file")(other)),
        }
    }

    /// Removes the bytes under `key`; removing what is not there is no error.
    pub async fn delete(&self, key: &str) -> Result<(), StorageError> {
        let path = path_of(key)?;
        match self.store().await?.delete(&path).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(other) => Err(failed("removing a file")(other)),
        }
    }

    /// The keys of the objects written before `before` (seconds since the
    /// epoch), for finding bytes that no record names any more.
    pub async fn keys_written_before(&self, before: i64) -> Result<Vec<String>, StorageError> {
        let listed = self.store().await?.list_with_delimiter(None).await.map_err(failed("listing files"))?;
        Ok(listed
            .objects
            .into_iter()
            .filter(|object| object.last_modified.timestamp() < before)
            .map(|object| object.location.to_string())
            .collect())
    }

    /// Every key in the store (for tests and checks: the store holds only Passend's files).
    pub async fn keys(&self) -> Result<Vec<String>, StorageError> {
        let listed = self.store().await?.list_with_delimiter(None).await.map_err(failed("listing files"))?;
        Ok(listed.objects.into_iter().map(|o| o.location.to_string()).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn bytes_round_trip_on_local_disk_and_keys_name_no_paths() {
        let dir = tempfile::tempdir().unwrap();
        let store = FileStore::new(FileStoreConfig::Local { dir: dir.path().join("bestanden") });
        store.put("ab12", b"hallo".to_vec()).await.unwrap();
        assert_eq!(store.get("ab12").await.unwrap(), b"hallo");
        assert_eq!(store.keys().await.unwrap(), vec!["ab12".to_owned()]);
        assert!(dir.path().join("bestanden/ab12").exists());
        store.delete("ab12").await.unwrap();
        store.delete("ab12").await.unwrap();
        assert!(matches!(store.get("ab12").await, Err(StorageError::NotFound)));
        assert!(store.keys().await.unwrap().is_empty());
        store.put("cd34", b"oud".to_vec()).await.unwrap();
        let soon = crate::now() + 60;
        assert_eq!(store.keys_written_before(soon).await.unwrap(), vec!["cd34".to_owned()]);
        assert!(store.keys_written_before(crate::now() - 3600).await.unwrap().is_empty(), "written just now");
        store.delete("cd34").await.unwrap();
        for bad in ["../x", "a/b", "", "zz"] {
            assert!(matches!(store.put(bad, vec![1]).await, Err(StorageError::NotFound)), "{bad}");
        }
    }
}
