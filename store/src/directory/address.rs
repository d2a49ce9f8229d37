//! The directory's filters as a page address and back (repeatable GET
//! parameters: `q`, `help`, `service`, `area`, `language`, `price`,
//! `chatons=1`, `remote=1`, `on_site=1`, `page`). Values of one parameter
//! are alternatives; parameters narrow each other. Unknown values are left
//! out, so an old or hand-made address still reads.

use super::browse::Filters;
use super::{HelpKind, PriceModel, Service, parse_area};

/// What the address asks for, with unknown values left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Asked {
    pub q: String,
    pub help: Vec<HelpKind>,
    pub services: Vec<Service>,
    /// Country and NUTS-1 codes, upper case.
    pub areas: Vec<String>,
    /// Language tags, lower case.
    pub languages: Vec<String>,
    pub prices: Vec<PriceModel>,
    pub chatons: bool,
    pub remote: bool,
    pub on_site: bool,
    pub page: usize,
}

fn push<T: PartialEq>(list: &mut Vec<T>, value: Option<T>) {
    if let Some(v) = value
        && !list.contains(&v)
    {
        list.push(v);
    }
}

pub fn parse(query: Option<&str>) -> Asked {
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_str(query.unwrap_or_default()).unwrap_or_default();
    let mut a = Asked {
        page: 1,
        ..Asked::default()
    };
    for (k, v) in pairs {
        let v = v.trim();
        let on = matches!(v, "1" | "true" | "on");
        match k.as_str() {
            "q" => a.q = v.chars().take(200).collect(),
            "page" => a.page = v.parse().unwrap_or(1).clamp(1, 10_000),
            "help" => push(&mut a.help, HelpKind::parse(v)),
            "service" => push(&mut a.services, Service::parse(v)),
            "price" => push(&mut a.prices, PriceModel::parse(v)),
            "area" => push(&mut a.areas, parse_area(v).map(|x| x.code().to_string())),
            "language" => {
                let tag = v.to_lowercase();
                push(
                    &mut a.languages,
                    crate::validate::is_language_tag(&tag).then_some(tag),
                );
            }
            "chatons" => a.chatons |= on,
            "remote" => a.remote |= on,
            "on_site" => a.on_site |= on,
            _ => {}
        }
    }
    a
}

impl Asked {
    /// The filters of the listing.
    pub fn filters(&self) -> Filters {
        Filters {
            help: self.help.clone(),
            services: self.services.clone(),
            areas: self.areas.clone(),
            languages: self.languages.clone(),
            prices: self.prices.clone(),
            chatons: self.chatons.then_some(true),
            remote: self.remote.then_some(true),
            on_site: self.on_site.then_some(true),
        }
    }

    /// The address of these filters at `page` (without the language prefix).
    pub fn href(&self, page: usize) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if !self.q.is_empty() {
            pairs.push(("q", self.q.clone()));
        }
        pairs.extend(self.help.iter().map(|v| ("help", v.as_str().to_string())));
        pairs.extend(self.areas.iter().map(|v| ("area", v.clone())));
        pairs.extend(self.languages.iter().map(|v| ("language", v.clone())));
        pairs.extend(
            self.services
                .iter()
                .map(|v| ("service", v.as_str().to_string())),
        );
        pairs.extend(
            self.prices
                .iter()
                .map(|v| ("price", v.as_str().to_string())),
        );
        for (flag, on) in [
            ("chatons", self.chatons),
            ("remote", self.remote),
            ("on_site", self.on_site),
        ] {
            if on {
                pairs.push((flag, "1".into()));
            }
        }
        if page > 1 {
            pairs.push(("page", page.to_string()));
        }
        let query = serde_urlencoded::to_string(&pairs).unwrap_or_default();
        if query.is_empty() {
            "/directory".into()
        } else {
            format!("/directory?{query}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_values_are_left_out_and_addresses_read_back() {
        let a = parse(Some(
            "help=hosting&help=nope&area=frj&area=ZZ&language=DE&language=x!&price=free\
             &chatons=1&remote=0&page=abc&q=+nuage+",
        ));
        assert_eq!(a.help, vec![HelpKind::Hosting]);
        assert_eq!(a.areas, vec!["FRJ".to_string()]);
        assert_eq!(a.languages, vec!["de".to_string()]);
        assert_eq!(a.prices, vec![PriceModel::Free]);
        assert!(a.chatons && !a.remote);
        assert_eq!(a.page, 1);
        assert_eq!(a.q, "nuage");
        let href = a.href(2);
        assert_eq!(
            href,
            "/directory?q=nuage&help=hosting&area=FRJ&language=de&price=free&chatons=1&page=2"
        );
        let again = parse(href.split_once('?').map(|(_, q)| q));
        assert_eq!(again, Asked { page: 2, ..a });
    }
}
