use std::path::Path;
use std::process::ExitCode;

use crate::config::Config;
use crate::{demo, server};

pub async fn run(config: &Config, with_demo: bool, demo_data: Option<&Path>) -> anyhow::Result<ExitCode> {
    let db = server::open_database(&config.database_url).await?;
    let logins = if with_demo { Some(demo::seed(&db, demo_data).await?) } else { None };
    if with_demo {
        crate::demo_groups::seed(&db, &config.files.settings(&config.database_url)).await?;
    }
    let signal = server::ShutdownSignal::install();
    let running = server::start(config, db).await?;
    let lang = super::cli_lang();
    println!("{}", lang.t_with("cli-serve-url", &[("url", running.url.clone().into())]));
    if let Some(logins) = logins {
        println!("{}", lang.t_with("cli-demo-logins", &[("password", demo::DEMO_PASSWORD.into())]));
        for login in logins {
            println!("  {:<26} {} ({})", login.email, lang.t(login.role.message_id()), login.org);
        }
    }
    running.run_until(signal).await?;
    Ok(ExitCode::SUCCESS)
}
