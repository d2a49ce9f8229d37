//! The demo content a new instance can start from: partners, accounts and
//! learners' progress (`content/demo/demo.toml`, embedded), the example
//! providers of the directory ([`providers`]) and the seed library
//! ([`seed`]). Loading it again changes nothing that is already there.

use anyhow::{Context, bail};
use courses::catalogue::Catalogue;
use serde::Deserialize;
use store::Db;
use store::organisations::{self, OrgRole, OrganisationForm};
use store::users::{self, Registration, Role};

pub mod providers;
pub mod seed;

pub const DEMO: &str = include_str!("../../content/demo/demo.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Demo {
    #[serde(default)]
    pub account: Vec<DemoAccount>,
    #[serde(default)]
    pub partner: Vec<DemoPartner>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoAccount {
    pub email: String,
    pub display_name: String,
    pub password: String,
    pub role: String,
    #[serde(default)]
    pub member_of: Vec<DemoMembership>,
    /// Lessons this learner has been through, in the order they were read.
    #[serde(default)]
    pub progress: Vec<DemoProgress>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoProgress {
    /// The lesson's id in the content tree (its original file).
    pub lesson: String,
    #[serde(default)]
    pub done: bool,
    /// Whether the lesson's quiz was answered, and how: `right` or `wrong`.
    #[serde(default)]
    pub quiz: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoMembership {
    pub partner: String,
    pub role: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoPartner {
    pub slug: String,
    pub name: String,
    pub country: String,
    pub languages: Vec<String>,
    #[serde(default)]
    pub website: String,
}

/// Parses demo data, naming the line of any mistake.
pub fn parse(text: &str, file: &str) -> anyhow::Result<Demo> {
    let demo: Demo = toml::from_str(text).map_err(|e| {
        let line = e.span().map(|s| text[..s.start].matches('\n').count() + 1);
        match line {
            Some(l) => anyhow::anyhow!("{file}:{l}: {}", e.message()),
            None => anyhow::anyhow!("{file}: {}", e.message()),
        }
    })?;
    for a in &demo.account {
        if Role::parse(&a.role).is_none() {
            bail!("{file}: account {}: unknown role {:?}", a.email, a.role);
        }
        for p in &a.progress {
            if !matches!(p.quiz.as_deref(), None | Some("right") | Some("wrong")) {
                bail!(
                    "{file}: account {}: quiz of {} must be \"right\" or \"wrong\"",
                    a.email,
                    p.lesson
                );
            }
        }
        for m in &a.member_of {
            if OrgRole::parse(&m.role).is_none() {
                bail!(
                    "{file}: account {}: unknown organisation role {:?}",
                    a.email,
                    m.role
                );
            }
            if !demo.partner.iter().any(|p| p.slug == m.partner) {
                bail!(
                    "{file}: account {}: no partner with slug {:?}",
                    a.email,
                    m.partner
                );
            }
        }
    }
    Ok(demo)
}

/// Creates the demo's partners and accounts (with their memberships) that
/// are not there yet; returns how many records it created.
pub async fn load_people(db: &Db, demo: &Demo) -> anyhow::Result<usize> {
    let mut created = 0;
    for p in &demo.partner {
        if organisations::get_by_slug(db, &p.slug).await.is_ok() {
            continue;
        }
        let form = OrganisationForm {
            name: p.name.clone(),
            country: p.country.clone(),
            languages: p.languages.join(","),
            website: p.website.clone(),
        };
        let org = organisations::create(db, &form)
            .await
            .with_context(|| format!("demo partner {}", p.slug))?;
        if org.slug != p.slug {
            bail!(
                "demo partner {:?} got the slug {:?}: fix content/demo/demo.toml",
                p.slug,
                org.slug
            );
        }
        created += 1;
    }
    for a in &demo.account {
        let user = match users::find_by_email(db, &a.email).await? {
            Some(u) => u,
            None => {
                let reg = Registration {
                    email: a.email.clone(),
                    display_name: a.display_name.clone(),
                    password: a.password.clone(),
                };
                let role = Role::parse(&a.role).unwrap_or(Role::Learner);
                created += 1;
                users::create(db, &reg, role)
                    .await
                    .with_context(|| format!("demo account {}", a.email))?
            }
        };
        for m in &a.member_of {
            let org = organisations::get_by_slug(db, &m.partner).await?;
            let already = organisations::members(db, org.id)
                .await?
                .iter()
                .any(|x| x.user.id == user.id);
            if !already {
                organisations::add_member(
                    db,
                    org.id,
                    &a.email,
                    OrgRole::parse(&m.role).unwrap_or(OrgRole::Member),
                )
                .await?;
            }
        }
    }
    Ok(created)
}

/// The account that approves the demo providers: the demo's admin.
pub async fn reviewer(db: &Db, demo: &Demo) -> anyhow::Result<i64> {
    let reviewer = demo
        .account
        .iter()
        .find(|a| a.role == "admin")
        .context("content/demo/demo.toml: no admin account to approve the demo providers")?;
    let user = users::find_by_email(db, &reviewer.email)
        .await?
        .with_context(|| format!("demo account {}", reviewer.email))?;
    Ok(user.id)
}

/// Records the demo learners' visits, completions and quiz attempts in the
/// courses of `catalogue`, for accounts that have none yet; returns how
/// many lessons it recorded.
pub async fn load_progress(db: &Db, demo: &Demo, catalogue: &Catalogue) -> anyhow::Result<usize> {
    let mut created = 0;
    for a in &demo.account {
        if a.progress.is_empty() {
            continue;
        }
        let user = users::find_by_email(db, &a.email)
            .await?
            .with_context(|| format!("demo account {}", a.email))?;
        let learner = store::learning::for_user(db, user.id).await?;
        // Progress is recorded once: an account that has some keeps it.
        if !store::learning::courses(db, learner).await?.is_empty() {
            continue;
        }
        for p in &a.progress {
            let Some(course) = catalogue
                .courses
                .iter()
                .find(|c| c.lesson_by_id(&p.lesson).is_some())
            else {
                bail!(
                    "content/demo/demo.toml: account {}: no lesson {:?} in the content folder",
                    a.email,
                    p.lesson
                );
            };
            let lesson = course.lesson_by_id(&p.lesson).expect("found above");
            store::learning::visit(db, learner, &course.slug, &lesson.id).await?;
            if p.done {
                store::learning::set_done(db, learner, &course.slug, &lesson.id, true).await?;
            }
            let (lang, page) = lesson.version(course.original(), course.original());
            if let (Some(how), Some(quiz)) = (&p.quiz, &page.quiz) {
                let fields = courses::quiz::form::right_answers(quiz);
                let fields = if how == "right" { fields } else { Vec::new() };
                let (score, total) = courses::quiz::form::score(quiz, &fields);
                let answers = serde_json::to_string(&fields)?;
                let attempt = store::learning::NewAttempt {
                    course: &course.slug,
                    lesson: &lesson.id,
                    language: lang,
                    score,
                    total,
                    answers: &answers,
                };
                store::learning::record_attempt(db, learner, &attempt).await?;
            }
            created += 1;
        }
    }
    Ok(created)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_demo_data_is_valid() {
        let demo = parse(DEMO, "demo.toml").unwrap();
        assert!(demo.account.iter().any(|a| a.role == "admin"));
        assert!(demo.partner.len() >= 5);
    }

    #[test]
    fn mistakes_name_the_file_and_line() {
        let err = parse("[[partner]]\nslug = \"a\"\nnmae = \"x\"\n", "demo.toml")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("demo.toml:3:"), "{err}");
        assert!(err.contains("nmae"), "{err}");
        let err = parse(
            "[[account]]\nemail='a@b.org'\ndisplay_name='A'\npassword='p'\nrole='boss'\n",
            "d.toml",
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("unknown role"), "{err}");
    }
}
