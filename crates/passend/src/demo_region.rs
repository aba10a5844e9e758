//! The demo SWV's region: the other locations of the demo SWV get plausible
//! profiles at different steps of the cycle (none, concept, open to the team,
//! advice asked or given, adopted, published, last year's only so that its
//! review is overdue), marked as generated like those of
//! `passend demo --scale national`, so that the SWV's coverage, norm, status,
//! trends and expertise pages show a living region. The demo school's own
//! locations are left to its own profiles.

use std::time::Instant;

use passend_domain::generated::demo_region;
use passend_domain::questionnaire::default_template;
use passend_storage::Database;
use passend_storage::generated::GeneratedRow;

/// Profiles written per transaction.
const BATCH: usize = 500;

/// Gives the SWV's locations outside `demo_brin` their generated profiles;
/// a location or year that has a profile keeps it. Returns how many were written.
pub(crate) async fn seed_region(db: &Database, swv: &str, demo_brin: &str) -> anyhow::Result<usize> {
    let started = Instant::now();
    let template = default_template();
    let newest = passend_app::questionnaire::current_year();
    let today = passend_app::lifecycle::today();
    let locations = db.sample_locations_in_swv(swv).await?;
    let planned: Vec<_> = locations
        .iter()
        .filter(|(_, brin)| brin != demo_brin)
        .flat_map(|(location, brin)| {
            demo_region(template, location, newest, today)
                .into_iter()
                .map(move |(year, profile)| (location.code.as_str(), brin.as_str(), year.to_string(), profile))
        })
        .collect();
    let mut written = 0;
    for chunk in planned.chunks(BATCH) {
        let rows: Vec<GeneratedRow> = chunk
            .iter()
            .map(|(location_code, brin, school_year, profile)| GeneratedRow {
                location_code,
                brin,
                school_year: school_year.clone(),
                profile,
            })
            .collect();
        written += db.insert_generated(&rows).await?;
    }
    tracing::info!(
        swv,
        locations = locations.len(),
        written,
        ms = started.elapsed().as_millis() as u64,
        "demo region generated"
    );
    Ok(written)
}
