//! `archipel user`: accounts from the command line (the first administrator).

use std::io::BufRead;

use anyhow::{Context, bail};
use clap::Subcommand;
use store::StoreError;
use store::users::{self, Registration, Role};

use settings::Settings;

#[derive(Subcommand)]
pub enum UserCommand {
    /// Create an account. The password is read from standard input (one line),
    /// so it never appears in the process list or shell history.
    Create {
        #[arg(long)]
        email: String,
        /// The name shown to others.
        #[arg(long)]
        name: String,
        /// Make the account an administrator.
        #[arg(long)]
        admin: bool,
    },
}

pub async fn run(settings: Settings, command: UserCommand) -> anyhow::Result<()> {
    match command {
        UserCommand::Create { email, name, admin } => {
            eprintln!(
                "password for {email} (at least {} characters), then Enter:",
                store::validate::PASSWORD_MIN_CHARS
            );
            let mut password = String::new();
            std::io::stdin()
                .lock()
                .read_line(&mut password)
                .context("cannot read the password")?;
            let password = password.trim_end_matches(['\r', '\n']).to_string();
            let db = super::open_db(&settings).await?;
            let role = if admin { Role::Admin } else { Role::Learner };
            let reg = Registration {
                email,
                display_name: name,
                password,
            };
            let result = users::create(&db, &reg, role).await;
            db.close().await;
            match result {
                Ok(user) => {
                    println!(
                        "created {} ({}) with id {}",
                        user.email,
                        user.role.as_str(),
                        user.id
                    );
                    Ok(())
                }
                Err(StoreError::Invalid(errors)) => {
                    let list: Vec<String> = errors
                        .iter()
                        .map(|e| format!("{}: {}", e.field, e.code))
                        .collect();
                    bail!("the account was not created: {}", list.join(", "))
                }
                Err(e) => Err(e.into()),
            }
        }
    }
}
