//! `archipel demo`: loads the demo content (the `demo` crate) into the
//! database, after the topic scheme of the content folder. Running it again
//! changes nothing that is already there.

use settings::Settings;

pub async fn run(settings: Settings) -> anyhow::Result<()> {
    let demo = demo::parse(demo::DEMO, "content/demo/demo.toml")?;
    let db = super::open_db(&settings).await?;
    let mut created = demo::load_people(&db, &demo).await?;
    let library = super::load_courses(&settings)?;
    super::sync_topics(&db, &library).await?;
    let topic_ids: Vec<String> = library
        .topics
        .concepts
        .iter()
        .map(|c| c.id.clone())
        .collect();
    let seeds = demo::seed::read(&settings.content_dir.join("library"), &topic_ids)?;
    created += demo::seed::load(&db, &seeds).await?;
    let directory =
        demo::providers::parse(demo::providers::PROVIDERS, "content/demo/providers.toml")?;
    let reviewer = demo::reviewer(&db, &demo).await?;
    created += demo::providers::load(&db, &directory, reviewer).await?;
    let catalogue = courses::catalogue::Catalogue::build(
        &library,
        &settings.content_dir,
        &settings.data_dir.join("cache").join("images"),
    );
    created += demo::load_progress(&db, &demo, &catalogue).await?;
    db.close().await;
    println!(
        "demo content loaded into {} ({created} new records)",
        settings.data_dir.display()
    );
    println!("demo accounts:");
    for a in &demo.account {
        println!("  {:<26} {:<28} {}", a.email, a.password, a.role);
    }
    println!(
        "  and one member account per example provider of the directory \
         (e.g. {}), password {}",
        directory
            .provider
            .first()
            .map(|p| p.member.email.as_str())
            .unwrap_or_default(),
        directory.password
    );
    Ok(())
}
