//! `passend demo [--scale small|national]`: fill a database with demo data
//! without serving it; at national scale also a generated profile for every
//! location in the country for several school years (for benchmarks and demos).

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use passend_domain::generated::generate;
use passend_domain::questionnaire::default_template;
use passend_storage::generated::GeneratedRow;

use crate::config::Config;
use crate::{demo, server};

/// Profiles written per transaction.
const BATCH: usize = 500;

/// Below this many locations the national open data was not imported.
const NATIONAL_MINIMUM: i64 = 5_000;

pub async fn run(config: &Config, national: bool, data: Option<&Path>, years: u16) -> anyhow::Result<ExitCode> {
    let lang = super::cli_lang();
    let db = server::open_database(&config.database_url).await?;
    let logins = demo::seed(&db, data).await?;
    crate::demo_groups::seed(&db, &config.files.settings(&config.database_url)).await?;
    if national {
        let locations = db.count_locations().await?;
        if locations < NATIONAL_MINIMUM {
            eprintln!("{}", lang.t_with("cli-demo-national-missing", &[("count", locations.into())]));
            db.close().await;
            return Ok(ExitCode::from(2));
        }
        let started = Instant::now();
        let written = generate_national(&db, years).await?;
        println!(
            "{}",
            lang.t_with(
                "cli-demo-generated",
                &[
                    ("count", written.into()),
                    ("years", i64::from(years).into()),
                    ("seconds", format!("{:.1}", started.elapsed().as_secs_f64()).into()),
                ],
            )
        );
    }
    println!("{}", lang.t_with("cli-demo-logins", &[("password", demo::DEMO_PASSWORD.into())]));
    for login in logins {
        println!("  {:<26} {} ({})", login.email, lang.t(login.role.message_id()), login.org);
    }
    db.close().await;
    Ok(ExitCode::SUCCESS)
}

/// A generated profile for every location for the last `years` school years
/// (this one included); existing profiles are kept. Returns how many were written.
async fn generate_national(db: &passend_storage::Database, years: u16) -> anyhow::Result<usize> {
    let template = default_template();
    let locations = db.sample_locations().await?;
    let newest = passend_app::questionnaire::current_year();
    let bar = super::import::progress_bar();
    bar.set_length((locations.len() * usize::from(years)) as u64);
    let mut written = 0;
    for age in (0..years).rev() {
        let year = passend_domain::questionnaire::SchoolYear::starting(newest.start() - age);
        bar.set_message(year.to_string());
        for chunk in locations.chunks(BATCH) {
            let profiles: Vec<_> = chunk.iter().map(|(location, _)| generate(template, location, year, age)).collect();
            let rows: Vec<GeneratedRow> = chunk
                .iter()
                .zip(&profiles)
                .map(|((location, brin), profile)| GeneratedRow {
                    location_code: &location.code,
                    brin,
                    school_year: year.to_string(),
                    profile,
                })
                .collect();
            written += db.insert_generated(&rows).await?;
            bar.inc(chunk.len() as u64);
        }
    }
    bar.finish_and_clear();
    Ok(written)
}
