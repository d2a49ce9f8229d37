//! A provider of the directory as RDF: a `schema:Organization` that makes
//! one `schema:Offer` per kind of help and per hosted service (each offering
//! a `schema:Service` with the areas served and the languages spoken), its
//! descriptions per language, the areas it serves as places (NUTS-1 regions
//! linked to the Eurostat NUTS URIs), and its price models, legal form, ways
//! of working and charter commitments as `schema:PropertyValue`s. Only the
//! published version of a profile is mapped; the contact address is not
//! part of it.

use oxigraph::model::Graph;

use super::Builder;
use crate::uris::Uris;
use crate::vocab::schema;
use store::directory::{Area, HelpKind, Profile, Service, vocab};

/// The CHATONS collective, which CHATONS members are `schema:memberOf`.
pub const CHATONS: &str = "https://www.chatons.org/";
/// Eurostat's URIs of NUTS regions.
pub const NUTS: &str = "http://data.europa.eu/nuts/code/";

/// `/directory/{slug}`: the provider's page without the language.
pub fn provider_uri(uris: &Uris, slug: &str) -> String {
    format!("{}/directory/{slug}", uris.base())
}

fn help_name(h: HelpKind) -> &'static str {
    match h {
        HelpKind::Hosting => "Hosting of services",
        HelpKind::Training => "Training",
        HelpKind::Migration => "Migration support",
        HelpKind::Audit => "Audit",
        HelpKind::Development => "Custom development",
        HelpKind::Other => "Other help",
    }
}

fn service_name(s: Service) -> &'static str {
    match s {
        Service::Nextcloud => "Nextcloud",
        Service::Collabora => "Online office suite",
        Service::Mattermost => "Mattermost",
        Service::Matrix => "Matrix",
        Service::Forms => "Forms",
        Service::Polls => "Polls and scheduling",
        Service::Peertube => "PeerTube",
        Service::Mastodon => "Mastodon",
        Service::Jitsi => "Jitsi Meet",
        Service::BigBlueButton => "BigBlueButton",
        Service::Etherpad => "Etherpad",
        Service::Wiki => "Wiki",
        Service::Email => "E-mail",
        Service::MailingLists => "Mailing lists",
        Service::Website => "Website hosting",
        Service::Crm => "Membership and contact management",
        Service::Other => "Other service",
    }
}

/// The node of an area served, under the provider's IRI.
fn area_node(me: &str, code: &str) -> String {
    format!("{me}#area-{code}")
}

/// The published profile of the provider `slug`.
pub fn provider(g: &mut Graph, uris: &Uris, slug: &str, p: &Profile) {
    let me = provider_uri(uris, slug);
    let mut b = Builder { graph: g };
    b.a(&me, schema("Organization"));
    b.text(&me, schema("identifier"), slug);
    b.text(&me, schema("name"), &p.name);
    for (lang, description) in &p.descriptions {
        b.lang_text(&me, schema("description"), description, lang);
        b.link(
            &me,
            schema("mainEntityOfPage"),
            &uris.page(lang, &format!("/directory/{slug}")),
        );
    }
    if !p.website.is_empty() {
        b.link(&me, schema("url"), &p.website);
    }
    if let Some(logo) = &p.logo {
        b.link(
            &me,
            schema("logo"),
            &format!("{}/media/logos/{logo}", uris.base()),
        );
    }
    for lang in &p.languages {
        b.text(&me, schema("knowsLanguage"), lang);
    }
    if p.chatons {
        b.link(&me, schema("memberOf"), CHATONS);
    }
    b.date_time(&me, schema("dateModified"), &p.updated_at);

    // The places served: countries, and regions within them.
    let countries: Vec<&str> = {
        let mut c: Vec<&str> = p.areas.iter().map(|a| a.country.as_str()).collect();
        c.dedup();
        c
    };
    for country in &countries {
        let node = area_node(&me, country);
        b.a(&node, schema("Country"));
        b.text(&node, schema("identifier"), country);
    }
    for a in &p.areas {
        b.link(&me, schema("areaServed"), &area_node(&me, a.code()));
        if let Area {
            region: Some(region),
            country,
        } = a
        {
            let node = area_node(&me, region);
            b.a(&node, schema("AdministrativeArea"));
            b.text(&node, schema("identifier"), region);
            if let Some(r) = vocab::region(region) {
                b.text(&node, schema("name"), r.name);
            }
            b.link(&node, schema("sameAs"), &format!("{NUTS}{region}"));
            b.link(&node, schema("containedInPlace"), &area_node(&me, country));
        }
    }

    // One offer per kind of help and per hosted service.
    let offers = p
        .help
        .iter()
        .map(|h| {
            (
                format!("help-{}", h.as_str()),
                h.as_str(),
                help_name(*h),
                None,
            )
        })
        .chain(p.services.iter().map(|s| {
            (
                format!("service-{}", s.as_str()),
                s.as_str(),
                service_name(*s),
                Some(HelpKind::Hosting.as_str()),
            )
        }));
    for (key, code, name, category) in offers {
        let offer = format!("{me}#offer-{key}");
        let service = format!("{me}#{key}");
        b.link(&me, schema("makesOffer"), &offer);
        b.a(&offer, schema("Offer"));
        b.link(&offer, schema("itemOffered"), &service);
        b.link(&offer, schema("offeredBy"), &me);
        b.a(&service, schema("Service"));
        b.text(&service, schema("serviceType"), code);
        b.lang_text(&service, schema("name"), name, "en");
        if let Some(category) = category {
            b.text(&service, schema("category"), category);
        }
        b.link(&service, schema("provider"), &me);
        for a in &p.areas {
            b.link(&service, schema("areaServed"), &area_node(&me, a.code()));
        }
        for lang in &p.languages {
            b.text(&service, schema("availableLanguage"), lang);
        }
    }

    // What schema.org has no property for, as named values.
    let mut delivery = Vec::new();
    if p.remote {
        delivery.push("remote");
    }
    if p.on_site {
        delivery.push("on-site");
    }
    let prices: Vec<&str> = p.prices.iter().map(|x| x.as_str()).collect();
    let commitments: Vec<&str> = p.commitments.iter().map(|x| x.as_str()).collect();
    let properties: [(&str, Vec<&str>); 4] = [
        ("priceModel", prices),
        ("legalForm", vec![p.legal_form.as_str()]),
        ("delivery", delivery),
        ("charterCommitment", commitments),
    ];
    for (id, values) in properties {
        if values.is_empty() {
            continue;
        }
        let node = format!("{me}#{id}");
        b.link(&me, schema("additionalProperty"), &node);
        b.a(&node, schema("PropertyValue"));
        b.text(&node, schema("propertyID"), id);
        for v in values {
            b.text(&node, schema("value"), v);
        }
    }
}
