use std::process::ExitCode;

use crate::config::Config;

pub async fn run(config: &Config) -> anyhow::Result<ExitCode> {
    let db = passend_storage::Database::connect(&config.database_url).await?;
    let applied = passend_storage::migrations::run(&db).await?;
    let lang = super::cli_lang();
    if applied.is_empty() {
        println!("{}", lang.t("cli-migrate-none"));
    }
    for migration in applied {
        println!(
            "{}",
            lang.t_with(
                "cli-migrate-applied",
                &[("version", migration.version.into()), ("name", migration.name.into())]
            )
        );
    }
    db.close().await;
    Ok(ExitCode::SUCCESS)
}
