//! The command line: `serve`, `migrate`, `backup`, `restore`, `check-backup`, `import duo`,
//! `create-admin`, `leesbaarheid`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::commands;
use crate::config::Config;

#[derive(Parser)]
#[command(
    name = "passend",
    version,
    about = "Passend: the living school support profile (schoolondersteuningsprofiel)"
)]
pub struct Cli {
    /// Configuration file (TOML). Default: ./passend.toml when it exists.
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    /// sqlite://PATH (default: sqlite://passend.db) or postgres://user@host/db.
    #[arg(long, global = true, value_name = "URL")]
    database_url: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web server.
    Serve {
        /// Address to listen on, e.g. 127.0.0.1:8080 (port 0 picks a free one).
        #[arg(long, value_name = "ADDR")]
        bind: Option<String>,
        /// Fill the database with schools and demo logins, and print them.
        #[arg(long)]
        demo: bool,
        /// Folder with vestigingen_2024-11.csv and pc4_swv_2015.csv for the demo
        /// (default: ../shared/data/duo when present, else a small built-in set).
        #[arg(long, value_name = "DIR", requires = "demo")]
        demo_data: Option<PathBuf>,
    },
    /// Fill the database with demo data and logins without serving it;
    /// `--scale national` adds a generated profile for every location in the
    /// country for several school years (marked as generated).
    Demo {
        /// `small` (the demo school) or `national`.
        #[arg(long, default_value = "small", value_parser = ["small", "national"])]
        scale: String,
        /// Folder with vestigingen_2024-11.csv and pc4_swv_2015.csv
        /// (default: ../shared/data/duo when present).
        #[arg(long, value_name = "DIR")]
        data: Option<PathBuf>,
        /// School years to generate, this one and those before it.
        #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u16).range(1..=10))]
        years: u16,
    },
    /// Apply database migrations and stop.
    Migrate,
    /// Write a backup: on SQLite a consistent copy while the server runs
    /// (VACUUM INTO), on PostgreSQL a pg_dump archive; then check it.
    Backup {
        /// The backup file to write (never overwritten).
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Restore a backup into the configured database (SQLite: stop the
    /// server first; PostgreSQL: a new, empty database), then migrate it.
    Restore {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Replace an existing SQLite database file.
        #[arg(long)]
        replace: bool,
    },
    /// Check a backup without restoring it: a sound file of a known version;
    /// lists every table with its rows and a digest.
    CheckBackup {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Import open data.
    Import {
        #[command(subcommand)]
        source: ImportSource,
    },
    /// Create (or promote) a platform administrator.
    CreateAdmin {
        #[arg(long)]
        email: String,
        /// Display name (default: the part of the address before the @).
        #[arg(long)]
        name: Option<String>,
        /// Read the password from standard input instead of prompting.
        #[arg(long)]
        password_stdin: bool,
    },
    /// Readability of a Dutch text (Flesch-Douma, long sentences, passive voice, jargon).
    #[command(alias = "readability")]
    Leesbaarheid {
        /// `text` (a report) or `json`.
        #[arg(long, default_value = "text", value_parser = ["text", "json"])]
        format: String,
        /// Sentences with more words are long.
        #[arg(long, default_value_t = 20)]
        max_words: usize,
        /// The text file, or `-` for standard input.
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
}

#[derive(Subcommand)]
enum ImportSource {
    /// DUO school locations (open-data CSV or DUO's own address files) and the
    /// postcode → SWV table, in one transaction.
    Duo {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut config = match Config::load(cli.config.as_deref()) {
        Ok(config) => config,
        Err(error) => {
            eprintln!("passend: {error}");
            return ExitCode::from(2);
        }
    };
    if let Some(url) = cli.database_url {
        config.database_url = url;
    }
    // Text analysis needs neither a database nor a runtime.
    if let Command::Leesbaarheid { format, max_words, file } = &cli.command {
        return match commands::readability::run(file, format == "json", *max_words) {
            Ok(code) => code,
            Err(error) => {
                eprintln!("passend: {error:#}");
                ExitCode::FAILURE
            }
        };
    }
    crate::logging::init(&config.log_format);
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("passend: cannot start: {error}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async move {
        match cli.command {
            Command::Serve { bind, demo, demo_data } => {
                if let Some(bind) = bind {
                    config.bind = bind;
                }
                commands::serve::run(&config, demo, demo_data.as_deref()).await
            }
            Command::Demo { scale, data, years } => {
                commands::demo::run(&config, scale == "national", data.as_deref(), years).await
            }
            Command::Migrate => commands::migrate::run(&config).await,
            Command::Backup { file } => commands::backup::backup(&config, &file).await,
            Command::Restore { file, replace } => commands::backup::restore(&config, &file, replace).await,
            Command::CheckBackup { file } => commands::backup::check(&file).await,
            Command::Import { source: ImportSource::Duo { files } } => commands::import::run(&config, &files).await,
            Command::CreateAdmin { email, name, password_stdin } => {
                commands::create_admin::run(&config, &email, name.as_deref(), password_stdin).await
            }
            Command::Leesbaarheid { .. } => Ok(ExitCode::SUCCESS),
        }
    });
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("passend: {error:#}");
            ExitCode::FAILURE
        }
    }
}
