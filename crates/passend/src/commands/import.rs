//! `passend import duo FILE…`: parse every file first, then write them all in
//! one transaction, with a progress bar on a terminal.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use passend_app::directory::{Counts, ImportReport, Progress};
use passend_domain::duo::{self, DuoFile, ImportError};
use passend_i18n::Lang;

use crate::config::Config;

pub async fn run(config: &Config, paths: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let lang = super::cli_lang();
    let started = Instant::now();
    let mut files = Vec::new();
    for path in paths {
        let name = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
        match duo::parse_file(&name, &bytes) {
            Ok(file) => files.push(file),
            Err(error) => {
                eprintln!("{}", describe_error(lang, &error));
                eprintln!("{}", lang.t("cli-import-nothing-written"));
                return Ok(ExitCode::from(2));
            }
        }
    }
    let app = crate::server::open_app(config).await?;
    let bar = progress_bar();
    let on_progress = |p: Progress| {
        bar.set_length(p.total.max(1) as u64);
        bar.set_position(p.done as u64);
        bar.set_message(p.step);
    };
    let report = app.import_duo(&files, &on_progress).await;
    bar.finish_and_clear();
    app.close().await;
    let report = report?;
    print_report(lang, &files, &report, started.elapsed().as_secs_f64());
    Ok(ExitCode::SUCCESS)
}

pub fn progress_bar() -> ProgressBar {
    let target =
        if std::io::stderr().is_terminal() { ProgressDrawTarget::stderr() } else { ProgressDrawTarget::hidden() };
    let bar = ProgressBar::with_draw_target(Some(1), target);
    bar.set_style(
        ProgressStyle::with_template("{spinner} {msg:>15} [{bar:40}] {pos}/{len} ({elapsed})")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar
}

/// `file, regel 4, kolom 16 (naam): message`, in the operator's language.
pub fn describe_error(lang: Lang, error: &ImportError) -> String {
    let column = match (error.column, &error.column_name) {
        (Some(n), Some(name)) => format!("{n} ({name})"),
        (Some(n), None) => n.to_string(),
        (None, Some(name)) => name.clone(),
        (None, None) => "-".to_owned(),
    };
    lang.t_with(
        "cli-import-error",
        &[
            ("file", error.file.clone().into()),
            ("line", i64::try_from(error.line).unwrap_or(i64::MAX).into()),
            ("column", column.into()),
            ("message", lang.message(&error.message()).into()),
        ],
    )
}

fn print_report(lang: Lang, files: &[DuoFile], report: &ImportReport, seconds: f64) {
    let records: usize = files
        .iter()
        .map(|f| match f {
            DuoFile::Locations { records, .. } => records.len(),
            DuoFile::PostcodeSwv(rows) => rows.len(),
        })
        .sum();
    println!("{}", lang.t_with("cli-import-read", &[("files", files.len().into()), ("records", records.into())]));
    println!("{:<24} {:>9} {:>9} {:>9}", "", lang.t("cli-created"), lang.t("cli-updated"), lang.t("cli-unchanged"));
    let rows: [(&str, Counts); 5] = [
        ("cli-swvs", report.swvs),
        ("cli-boards", report.boards),
        ("cli-schools", report.schools),
        ("cli-locations", report.locations),
        ("cli-postcode-areas", report.postcode_areas),
    ];
    for (id, counts) in rows {
        println!("{:<24} {:>9} {:>9} {:>9}", lang.t(id), counts.created, counts.updated, counts.unchanged);
    }
    if report.locations_without_swv > 0 {
        println!("{}", lang.t_with("cli-import-without-swv", &[("count", report.locations_without_swv.into())]));
    }
    println!(
        "{}",
        lang.t_with(
            "cli-import-time",
            &[
                ("seconds", format!("{seconds:.2}").into()),
                ("write", format!("{:.2}", report.duration.as_secs_f64()).into())
            ]
        )
    );
}
