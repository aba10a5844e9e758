use std::io::{BufRead, IsTerminal};
use std::process::ExitCode;

use passend_domain::accounts::{Email, NewPassword, PersonName};

use crate::config::Config;

pub async fn run(config: &Config, email: &str, name: Option<&str>, password_stdin: bool) -> anyhow::Result<ExitCode> {
    let lang = super::cli_lang();
    let email = match Email::parse(email) {
        Ok(email) => email,
        Err(error) => {
            eprintln!("{}", lang.message(&error.message()));
            return Ok(ExitCode::from(2));
        }
    };
    let password = if password_stdin || !std::io::stdin().is_terminal() {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        line.trim_end_matches(['\r', '\n']).to_owned()
    } else {
        rpassword::prompt_password(format!("{}: ", lang.t("field-password")))?
    };
    let password = match NewPassword::parse(&password, &email) {
        Ok(password) => password,
        Err(error) => {
            eprintln!("{}", lang.message(&error.message()));
            return Ok(ExitCode::from(2));
        }
    };
    let default_name = email.as_str().split('@').next().unwrap_or("admin").to_owned();
    let name = match PersonName::parse(name.unwrap_or(&default_name)) {
        Ok(name) => name,
        Err(error) => {
            eprintln!("{}", lang.message(&error.message()));
            return Ok(ExitCode::from(2));
        }
    };
    let app = crate::server::open_app(config).await?;
    app.create_platform_admin(&email, &name, &password).await?;
    println!("{}", lang.t_with("cli-admin-created", &[("email", email.as_str().into())]));
    app.close().await;
    Ok(ExitCode::SUCCESS)
}
