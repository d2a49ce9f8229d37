//! The directory's listing: a provider's card, the chips of the chosen
//! filters and the values each filter offers; `naming` puts areas, spoken
//! languages and excerpts into words.

pub mod naming;

use std::collections::{BTreeMap, BTreeSet};

use app::page::{AreaChoice, ChosenFilter, FilterChoice, ProviderCard};
use app::{Lang, labels};
use store::directory::address::Asked;
use store::directory::browse::{self, Filters};
use store::directory::{Provider, parse_area, vocab};
use store::{Db, StoreError};

use naming::{area_label, excerpt, logo_url, spoken_language};

/// Characters of description on a card.
const EXCERPT_CHARS: usize = 220;

/// The chips of the chosen filters: each value with its words and the
/// address without it.
pub fn chips(asked: &Asked, lang: Lang) -> Vec<ChosenFilter> {
    let mut out = Vec::new();
    let mut chip = |label: String, without: Asked| {
        out.push(ChosenFilter {
            label,
            remove: without.href(1),
        });
    };
    if !asked.q.is_empty() {
        chip(
            format!("“{}”", asked.q),
            Asked {
                q: String::new(),
                ..asked.clone()
            },
        );
    }
    for v in &asked.help {
        let mut w = asked.clone();
        w.help.retain(|x| x != v);
        chip(labels::help_kind(lang, v.as_str()), w);
    }
    for v in &asked.areas {
        let mut w = asked.clone();
        w.areas.retain(|x| x != v);
        chip(area_label(lang, v), w);
    }
    for v in &asked.languages {
        let mut w = asked.clone();
        w.languages.retain(|x| x != v);
        chip(spoken_language(v), w);
    }
    for v in &asked.services {
        let mut w = asked.clone();
        w.services.retain(|x| x != v);
        chip(labels::service(lang, v.as_str()), w);
    }
    for v in &asked.prices {
        let mut w = asked.clone();
        w.prices.retain(|x| x != v);
        chip(labels::price_model(lang, v.as_str()), w);
    }
    if asked.chatons {
        let w = Asked {
            chatons: false,
            ..asked.clone()
        };
        chip(i18n::t(lang, "directory-filter-chatons"), w);
    }
    if asked.remote {
        let w = Asked {
            remote: false,
            ..asked.clone()
        };
        chip(i18n::t(lang, "directory-filter-remote"), w);
    }
    if asked.on_site {
        let w = Asked {
            on_site: false,
            ..asked.clone()
        };
        chip(i18n::t(lang, "directory-filter-on-site"), w);
    }
    out
}

/// The values of a coded filter, in vocabulary order: those some provider
/// has, and those chosen.
pub fn coded<T: Copy + PartialEq>(
    all: &[T],
    code: impl Fn(T) -> &'static str,
    label: impl Fn(&str) -> String,
    counts: Option<&BTreeMap<String, i64>>,
    chosen: &[T],
) -> Vec<FilterChoice> {
    all.iter()
        .filter_map(|v| {
            let c = code(*v);
            let count = counts.and_then(|m| m.get(c)).copied().unwrap_or(0);
            let picked = chosen.contains(v);
            (count > 0 || picked).then(|| FilterChoice {
                code: c.to_string(),
                label: label(c),
                count,
                chosen: picked,
            })
        })
        .collect()
}

/// The languages spoken, by primary subtag (`de` for `de-AT` too), by name.
pub async fn language_choices(
    db: &Db,
    spoken: Option<&BTreeMap<String, i64>>,
    chosen: &[String],
) -> Result<Vec<FilterChoice>, StoreError> {
    let mut tags: BTreeSet<String> = spoken
        .into_iter()
        .flat_map(|m| m.keys())
        .filter_map(|t| t.split('-').next())
        .map(|t| t.to_lowercase())
        .collect();
    tags.extend(chosen.iter().cloned());
    let mut out = Vec::new();
    for tag in tags {
        let f = Filters {
            languages: vec![tag.clone()],
            ..Filters::default()
        };
        out.push(FilterChoice {
            label: spoken_language(&tag),
            count: browse::list(db, &f, 0, 0).await?.total,
            chosen: chosen.contains(&tag),
            code: tag,
        });
    }
    out.sort_by_key(|c| c.label.to_lowercase());
    Ok(out)
}

/// A provider's card for a reader of `lang`.
pub fn card(p: &Provider, lang: Lang) -> Option<ProviderCard> {
    let profile = p.public()?;
    let (text_lang, description) = profile.description_for(lang.code());
    let mut areas: Vec<String> = profile
        .areas
        .iter()
        .map(|a| area_label(lang, a.code()))
        .collect();
    if areas.len() > 6 {
        let more = areas.len() - 5;
        areas.truncate(5);
        areas.push(i18n::t_args(
            lang,
            "directory-more-areas",
            &[("count", more.to_string())],
        ));
    }
    Some(ProviderCard {
        slug: p.slug.clone(),
        name: profile.name.clone(),
        logo_url: logo_url(profile.logo.as_ref()),
        excerpt: excerpt(description, EXCERPT_CHARS),
        excerpt_lang: text_lang.to_string(),
        help: profile
            .help
            .iter()
            .map(|h| labels::help_kind(lang, h.as_str()))
            .collect(),
        areas,
        languages: profile
            .languages
            .iter()
            .map(|l| spoken_language(l))
            .collect(),
        prices: profile
            .prices
            .iter()
            .map(|x| labels::price_model(lang, x.as_str()))
            .collect(),
        chatons: profile.chatons,
    })
}

pub fn flag(
    counts: &BTreeMap<String, BTreeMap<String, i64>>,
    name: &str,
    chosen: bool,
) -> FilterChoice {
    FilterChoice {
        code: "1".into(),
        label: String::new(),
        count: counts
            .get(name)
            .and_then(|m| m.get("1"))
            .copied()
            .unwrap_or(0),
        chosen,
    }
}

/// The countries served, by name, each with the regions served in it
/// (the regions of a country served whole included), with their counts.
pub async fn area_choices(
    db: &Db,
    lang: Lang,
    countries: &BTreeMap<String, i64>,
    chosen: &[String],
) -> Result<Vec<AreaChoice>, StoreError> {
    let mut out = Vec::new();
    let mut codes: BTreeSet<String> = countries
        .iter()
        .filter(|(_, n)| **n > 0)
        .map(|(c, _)| c.clone())
        .collect();
    // A chosen area stays offered, to be unticked, even with no provider.
    codes.extend(
        chosen
            .iter()
            .filter_map(|c| parse_area(c))
            .map(|a| a.country),
    );
    let served = browse::areas_served(db).await?;
    for country in codes {
        let mut regions = Vec::new();
        for r in vocab::regions_of(&country) {
            let picked = chosen.iter().any(|c| c == r.code);
            let count = served.count(&country, r.code);
            if count > 0 || picked {
                regions.push(FilterChoice {
                    code: r.code.to_string(),
                    label: r.name.to_string(),
                    count,
                    chosen: picked,
                });
            }
        }
        out.push(AreaChoice {
            country: FilterChoice {
                code: country.clone(),
                label: labels::country(lang, &country),
                count: countries.get(&country).copied().unwrap_or(0),
                chosen: chosen.contains(&country),
            },
            regions,
        });
    }
    out.sort_by_key(|a| a.country.label.to_lowercase());
    Ok(out)
}
