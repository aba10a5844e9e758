//! `passend backup FILE`, `passend restore FILE` and `passend check-backup FILE`.
//!
//! SQLite: `VACUUM INTO` writes a consistent copy while the server runs (one
//! read transaction sees one moment; writers go on); the copy is checked
//! (`PRAGMA integrity_check`, foreign keys) before the command says it is done.
//! A restore checks the file, copies it beside the database and renames it
//! into place (so a database is never half-restored), then migrates it.
//! PostgreSQL: `pg_dump --format=custom` and `pg_restore` into an empty
//! database (they must be on the PATH, of the server's major version).
//! `check-backup` reads a backup without restoring it and lists every table
//! with its rows and a digest; the same rows give the same digest, so a
//! restore can be compared with its source table by table.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use indicatif::ProgressBar;
use passend_storage::backup::TableDigest;
use passend_storage::{Backend, Database};

use crate::config::Config;

fn backend_of(url: &str) -> anyhow::Result<Backend> {
    if url.starts_with("sqlite:") {
        Ok(Backend::Sqlite)
    } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        Ok(Backend::Postgres)
    } else {
        bail!("unsupported database URL {url:?}: use sqlite://PATH or postgres://…")
    }
}

/// The file of a `sqlite://PATH[?…]` URL.
fn sqlite_path(url: &str) -> PathBuf {
    let rest = url.trim_start_matches("sqlite://").trim_start_matches("sqlite:");
    PathBuf::from(rest.split('?').next().unwrap_or(rest))
}

fn spinner(message: &str) -> ProgressBar {
    let bar = super::import::progress_bar();
    bar.set_message(message.to_owned());
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

pub async fn backup(config: &Config, file: &Path) -> anyhow::Result<ExitCode> {
    let lang = super::cli_lang();
    if file.exists() {
        bail!("{} exists already; a backup never overwrites a file", file.display());
    }
    let started = Instant::now();
    match backend_of(&config.database_url)? {
        Backend::Sqlite => {
            let db = crate::server::open_database(&config.database_url).await?;
            let bar = spinner("VACUUM INTO");
            let written = db.sqlite_backup_into(file).await;
            bar.finish_and_clear();
            db.close().await;
            written.with_context(|| format!("writing {}", file.display()))?;
            let digests = check_sqlite_file(file).await?;
            print_digests(&digests);
        }
        Backend::Postgres => {
            let bar = spinner("pg_dump");
            let status = Command::new("pg_dump")
                .args(["--format=custom", "--no-owner", "--no-privileges", "--file"])
                .arg(file)
                .arg("--dbname")
                .arg(&config.database_url)
                .status()
                .context("pg_dump (PostgreSQL's client tools) must be installed")?;
            bar.finish_and_clear();
            if !status.success() {
                bail!("pg_dump failed ({status})");
            }
            check_pg_dump(file)?;
        }
    }
    let size = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
    println!(
        "{}",
        lang.t_with(
            "jobs-cli-backup-done",
            &[
                ("file", file.display().to_string().into()),
                ("kb", ((size / 1024) as i64).into()),
                ("seconds", format!("{:.1}", started.elapsed().as_secs_f64()).into()),
            ]
        )
    );
    Ok(ExitCode::SUCCESS)
}

pub async fn restore(config: &Config, file: &Path, replace: bool) -> anyhow::Result<ExitCode> {
    let lang = super::cli_lang();
    match backend_of(&config.database_url)? {
        Backend::Sqlite => {
            check_sqlite_file(file).await?;
            let target = sqlite_path(&config.database_url);
            if target.exists() && !replace {
                bail!("{} exists; stop the server and add --replace to restore over it", target.display());
            }
            let staged = target.with_extension("restoring");
            let bar = spinner("copy");
            std::fs::copy(file, &staged).with_context(|| format!("copying to {}", staged.display()))?;
            // The old database's log must not be replayed onto the restored file.
            for suffix in ["-wal", "-shm"] {
                let mut side = target.clone().into_os_string();
                side.push(suffix);
                let _ = std::fs::remove_file(PathBuf::from(side));
            }
            std::fs::rename(&staged, &target).with_context(|| format!("moving into {}", target.display()))?;
            bar.finish_and_clear();
        }
        Backend::Postgres => {
            check_pg_dump(file)?;
            let db = Database::connect(&config.database_url).await?;
            let tables = db.table_names().await?;
            db.close().await;
            if !tables.is_empty() {
                bail!("the database has {} tables; restore into a new, empty database (createdb)", tables.len());
            }
            let bar = spinner("pg_restore");
            let status = Command::new("pg_restore")
                .args(["--no-owner", "--no-privileges", "--exit-on-error", "--dbname"])
                .arg(&config.database_url)
                .arg(file)
                .status()
                .context("pg_restore (PostgreSQL's client tools) must be installed")?;
            bar.finish_and_clear();
            if !status.success() {
                bail!("pg_restore failed ({status})");
            }
        }
    }
    // A backup of an older version is brought up to date.
    let db = crate::server::open_database(&config.database_url).await?;
    let digests = digests(&db).await?;
    db.close().await;
    print_digests(&digests);
    println!("{}", lang.t_with("jobs-cli-restore-done", &[("tables", digests.len().into())]));
    Ok(ExitCode::SUCCESS)
}

pub async fn check(file: &Path) -> anyhow::Result<ExitCode> {
    let lang = super::cli_lang();
    let head = std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
    if head.starts_with(b"SQLite format 3\0") {
        let digests = check_sqlite_file(file).await?;
        print_digests(&digests);
        println!("{}", lang.t_with("jobs-cli-check-sound", &[("tables", digests.len().into())]));
    } else if head.starts_with(b"PGDMP") {
        let tables = check_pg_dump(file)?;
        println!("{}", lang.t_with("jobs-cli-check-sound", &[("tables", tables.into())]));
    } else {
        bail!("{} is neither a SQLite database nor a pg_dump archive (--format=custom)", file.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// Opens a SQLite backup read-only and checks it: sound pages and keys, and
/// migrations this version knows. Its tables' digests.
async fn check_sqlite_file(file: &Path) -> anyhow::Result<Vec<TableDigest>> {
    let db = Database::open_sqlite_backup(file).await.with_context(|| format!("opening {}", file.display()))?;
    let problems = db.integrity_problems().await?;
    if !problems.is_empty() {
        db.close().await;
        bail!("{} is damaged: {}", file.display(), problems.join("; "));
    }
    let versions = passend_storage::migrations::applied_versions(&db).await?;
    if let Some(unknown) =
        versions.iter().find(|v| !passend_storage::migrations::MIGRATIONS.iter().any(|m| m.version == **v))
    {
        db.close().await;
        bail!("{} has migration {unknown}, which this version of Passend does not know", file.display());
    }
    let digests = digests(&db).await;
    db.close().await;
    digests
}

/// `pg_restore --list` reads the whole archive's table of contents; the tables with data.
fn check_pg_dump(file: &Path) -> anyhow::Result<usize> {
    let output = Command::new("pg_restore")
        .arg("--list")
        .arg(file)
        .output()
        .context("pg_restore (PostgreSQL's client tools) must be installed")?;
    if !output.status.success() {
        bail!("{} is not a readable pg_dump archive: {}", file.display(), String::from_utf8_lossy(&output.stderr));
    }
    // Reading every table's data (into nothing) finds a cut-off or damaged archive.
    let full = Command::new("pg_restore").arg("--file").arg("/dev/null").arg(file).output()?;
    if !full.status.success() {
        bail!("{} is damaged: {}", file.display(), String::from_utf8_lossy(&full.stderr));
    }
    let list = String::from_utf8_lossy(&output.stdout);
    let tables = list.lines().filter(|l| l.contains(" TABLE DATA ")).count();
    if !list.contains(" schema_migrations ") {
        bail!("{} holds no Passend database (no schema_migrations)", file.display());
    }
    Ok(tables)
}

/// Every table's digest, with a progress bar on a terminal.
pub async fn digests(db: &Database) -> anyhow::Result<Vec<TableDigest>> {
    let tables = db.table_names().await?;
    let bar = super::import::progress_bar();
    bar.set_length(tables.len() as u64);
    let mut out = Vec::with_capacity(tables.len());
    for table in &tables {
        bar.set_message(table.clone());
        out.push(db.table_digest(table).await?);
        bar.inc(1);
    }
    bar.finish_and_clear();
    Ok(out)
}

fn print_digests(digests: &[TableDigest]) {
    for d in digests {
        println!("  {:<28} {:>9}  {}", d.table, d.rows, &d.sha256[..16]);
    }
}
