//! `/{lang}/directory/regions`: the countries and NUTS-1 regions that
//! published providers serve, each with its count and a link to the
//! directory filtered by it. A list rather than a map, readable by
//! everyone and without JavaScript.

use std::collections::BTreeMap;

use app::Page;
use app::page::RegionsView;
use store::directory::browse;

use super::super::render::{Ctx, PageResult};
use views::directory::area_choices;

pub async fn regions(ctx: Ctx) -> PageResult {
    let db = &ctx.state.db;
    let counts = browse::counts(db).await?;
    let countries = area_choices(
        db,
        ctx.lang(),
        counts.get("country").unwrap_or(&BTreeMap::new()),
        &[],
    )
    .await?;
    Ok(ctx.show(Page::DirectoryRegions(RegionsView { countries })))
}
