use std::io::{BufRead, IsTerminal};
use std::process::ExitCode;

use passend_domain::access::{Membership, Role};
use passend_domain::accounts::{Email, NewPassword, PersonName};
use passend_domain::organisations::OrgRef;

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
    let db = crate::server::open_database(&config.database_url).await?;
    let hash = passend_app::accounts::hash_password(password.expose()).await?;
    let user_id = match db.user_by_email(&email).await? {
        Some(user) => {
            db.set_password(user.id, &hash).await?;
            user.id
        }
        None => db.create_user(&email, name.as_str(), &hash).await?,
    };
    let membership = Membership { org: OrgRef::platform(), role: Role::PlatformAdmin };
    db.seed_membership(&membership, user_id).await?;
    println!("{}", lang.t_with("cli-admin-created", &[("email", email.as_str().into())]));
    db.close().await;
    Ok(ExitCode::SUCCESS)
}
