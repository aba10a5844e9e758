use std::io::IsTerminal;

use tracing_subscriber::EnvFilter;

/// Structured logs on stderr: readable text, or one JSON object a line.
pub fn init(format: &str) {
    let filter =
        EnvFilter::try_from_env("PASSEND_LOG").unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=warn"));
    // Colour codes only for a person at a terminal: a log file or journal gets plain text.
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal());
    let result = if format == "json" { builder.json().try_init() } else { builder.try_init() };
    // A second init (tests run several servers in one process) keeps the first.
    let _ = result;
}
