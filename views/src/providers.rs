//! The profile form between HTML and the store: reading the submitted
//! fields, the values shown back, the choices offered, and a profile in
//! words for previews and the review page.

use std::collections::BTreeMap;

use app::labels;
use app::page::{CountryChoice, ProfileField, ProviderOptions};
use i18n::Lang;
use serde::Deserialize;
use store::directory::vocab::{self, REGIONS};
use store::directory::{
    Commitment, HelpKind, LegalForm, PriceModel, Profile, ProviderForm, Service,
};

/// The profile form as submitted: boxes ticked several times as lists, and
/// one description per language, each in its `description_{lang}` field
/// (the languages are open, hence read from the pairs as sent).
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(from = "Vec<(String, String)>")]
pub struct ProviderFields {
    name: String,
    original_language: String,
    descriptions: BTreeMap<String, String>,
    help: Vec<String>,
    services: Vec<String>,
    areas: Vec<String>,
    areas_other: String,
    remote: bool,
    on_site: bool,
    languages: String,
    prices: Vec<String>,
    legal_form: String,
    chatons: bool,
    contact_email: String,
    website: String,
    commitments: Vec<String>,
}

impl From<Vec<(String, String)>> for ProviderFields {
    fn from(pairs: Vec<(String, String)>) -> Self {
        let one = |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        let many = |name: &str| -> Vec<String> {
            pairs
                .iter()
                .filter(|(k, v)| k == name && !v.trim().is_empty())
                .map(|(_, v)| v.trim().to_string())
                .collect()
        };
        ProviderFields {
            name: one("name"),
            original_language: one("original_language"),
            descriptions: pairs
                .iter()
                .filter_map(|(k, v)| Some((k.strip_prefix("description_")?.to_string(), v.clone())))
                .collect(),
            help: many("help"),
            services: many("services"),
            areas: many("areas"),
            areas_other: one("areas_other"),
            remote: one("remote") == "1",
            on_site: one("on_site") == "1",
            languages: one("languages"),
            prices: many("prices"),
            legal_form: one("legal_form"),
            chatons: one("chatons") == "1",
            contact_email: one("contact_email"),
            website: one("website"),
            commitments: many("commitments"),
        }
    }
}

/// Area codes typed freely: separated by commas, semicolons or spaces.
fn typed_areas(text: &str) -> Vec<String> {
    text.split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .map(str::to_uppercase)
        .collect()
}

/// The store's form from the submitted fields: the areas ticked and typed
/// make one list.
pub fn parse(fields: &ProviderFields) -> ProviderForm {
    let f = fields.clone();
    let mut areas = f.areas;
    areas.extend(typed_areas(&f.areas_other));
    ProviderForm {
        name: f.name,
        original_language: f.original_language,
        descriptions: f.descriptions,
        help: f.help,
        services: f.services,
        areas,
        remote: f.remote,
        on_site: f.on_site,
        languages: f.languages,
        prices: f.prices,
        legal_form: f.legal_form,
        chatons: f.chatons,
        contact_email: f.contact_email,
        website: f.website,
        commitments: f.commitments,
    }
}

/// Whether the form offers this area code as a checkbox.
fn offered(code: &str) -> bool {
    REGIONS.iter().any(|r| r.code == code || r.country == code)
}

fn flag(on: bool) -> String {
    if on { "1".into() } else { String::new() }
}

/// What the form shows: multiple choices comma-separated, areas the
/// checkboxes do not offer in `areas_other`. `areas_other` is the text as
/// typed when given.
pub fn values(form: &ProviderForm, areas_other: Option<String>) -> BTreeMap<String, String> {
    let (boxes, others): (Vec<String>, Vec<String>) = form
        .areas
        .iter()
        .map(|a| a.trim().to_uppercase())
        .partition(|a| offered(a));
    let mut v = BTreeMap::from([
        ("name".to_string(), form.name.clone()),
        ("contact_email".into(), form.contact_email.clone()),
        ("original_language".into(), form.original_language.clone()),
        ("help".into(), form.help.join(",")),
        ("services".into(), form.services.join(",")),
        ("areas".into(), boxes.join(",")),
        (
            "areas_other".into(),
            areas_other.unwrap_or_else(|| others.join(", ")),
        ),
        ("remote".into(), flag(form.remote)),
        ("on_site".into(), flag(form.on_site)),
        ("languages".into(), form.languages.clone()),
        ("prices".into(), form.prices.join(",")),
        ("legal_form".into(), form.legal_form.clone()),
        ("chatons".into(), flag(form.chatons)),
        ("website".into(), form.website.clone()),
        ("commitments".into(), form.commitments.join(",")),
    ]);
    for (lang, text) in &form.descriptions {
        v.insert(format!("description_{lang}"), text.clone());
    }
    v
}

/// The values of a refused submission: as typed.
pub fn values_typed(fields: &ProviderFields) -> BTreeMap<String, String> {
    let mut boxes = parse(fields);
    boxes.areas = fields.areas.clone();
    values(&boxes, Some(fields.areas_other.clone()))
}

fn choices<T: Copy>(
    all: &[T],
    code: fn(T) -> &'static str,
    word: impl Fn(&str) -> String,
) -> Vec<(String, String)> {
    all.iter()
        .map(|v| (code(*v).to_string(), word(code(*v))))
        .collect()
}

/// The choices the form offers in `lang`; `more_languages` are description
/// languages a profile already has beyond the interface's.
pub fn options(lang: Lang, more_languages: &[String]) -> ProviderOptions {
    let mut languages: Vec<(String, String)> = Lang::ALL
        .iter()
        .map(|l| (l.code().to_string(), l.native_name().to_string()))
        .collect();
    for tag in more_languages {
        if !languages.iter().any(|(t, _)| t == tag) {
            languages.push((tag.clone(), app::language_name(tag)));
        }
    }
    let mut countries: Vec<CountryChoice> = Vec::new();
    for r in REGIONS {
        if !countries.iter().any(|c| c.code == r.country) {
            countries.push(CountryChoice {
                code: r.country.to_string(),
                name: labels::country(lang, r.country),
                regions: vocab::regions_of(r.country)
                    .map(|r| (r.code.to_string(), r.name.to_string()))
                    .collect(),
            });
        }
    }
    countries.sort_by(|a, b| a.name.cmp(&b.name));
    ProviderOptions {
        languages,
        help: choices(HelpKind::ALL, HelpKind::as_str, |c| {
            labels::help_kind(lang, c)
        }),
        services: choices(Service::ALL, Service::as_str, |c| labels::service(lang, c)),
        prices: choices(PriceModel::ALL, PriceModel::as_str, |c| {
            labels::price_model(lang, c)
        }),
        legal_forms: choices(LegalForm::ALL, LegalForm::as_str, |c| {
            labels::legal_form(lang, c)
        }),
        commitments: choices(Commitment::ALL, Commitment::as_str, |c| {
            labels::commitment(lang, c)
        }),
        countries,
    }
}

fn yes_no(lang: Lang, on: bool) -> String {
    i18n::t(lang, if on { "providers-yes" } else { "providers-no" })
}

fn field(label: &str, value: String) -> ProfileField {
    ProfileField {
        label: label.to_string(),
        value,
    }
}

fn list<T: Copy>(items: &[T], word: impl Fn(T) -> String) -> String {
    items
        .iter()
        .map(|v| word(*v))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A profile in words, field by field, as the public would read it.
pub fn profile_fields(lang: Lang, p: &Profile) -> Vec<ProfileField> {
    let descriptions = p
        .descriptions
        .iter()
        .map(|(l, d)| format!("[{}] {d}", app::language_name(l)))
        .collect::<Vec<_>>()
        .join("\n\n");
    let areas = p
        .areas
        .iter()
        .map(|a| match a.region.as_deref().and_then(vocab::region) {
            Some(r) => format!("{} ({})", r.name, labels::country(lang, &a.country)),
            None => labels::country(lang, &a.country),
        })
        .collect::<Vec<_>>()
        .join(", ");
    let delivery = [
        p.remote.then(|| i18n::t(lang, "providers-remote")),
        p.on_site.then(|| i18n::t(lang, "providers-on-site")),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ");
    let languages = p
        .languages
        .iter()
        .map(|l| app::language_name(l))
        .collect::<Vec<_>>()
        .join(", ");
    vec![
        field("providers-field-name", p.name.clone()),
        field(
            "providers-field-original-language",
            app::language_name(&p.original_language),
        ),
        field("providers-field-descriptions", descriptions),
        field(
            "providers-field-help",
            list(&p.help, |c| labels::help_kind(lang, c.as_str())),
        ),
        field(
            "providers-field-services",
            list(&p.services, |c| labels::service(lang, c.as_str())),
        ),
        field("providers-field-areas", areas),
        field("providers-field-delivery", delivery),
        field("providers-field-languages", languages),
        field(
            "providers-field-prices",
            list(&p.prices, |c| labels::price_model(lang, c.as_str())),
        ),
        field(
            "providers-field-legal-form",
            labels::legal_form(lang, p.legal_form.as_str()),
        ),
        field("providers-field-chatons", yes_no(lang, p.chatons)),
        field("providers-field-website", p.website.clone()),
        field(
            "providers-field-commitments",
            list(&p.commitments, |c| labels::commitment(lang, c.as_str())),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> ProviderFields {
        let encoded = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs)
            .finish();
        serde_html_form::from_str(&encoded).unwrap()
    }

    #[test]
    fn checkboxes_and_typed_codes_make_one_list_of_areas() {
        let f = fields(&[
            ("areas", "FRJ"),
            ("areas", "BE"),
            ("areas_other", "jp, PL;  se"),
            ("description_fr", "Texte"),
            ("remote", "1"),
        ]);
        let form = parse(&f);
        assert_eq!(form.areas, ["FRJ", "BE", "JP", "PL", "SE"]);
        assert_eq!(form.descriptions["fr"], "Texte");
        assert!(form.remote && !form.on_site);
        let v = values(&form, None);
        assert_eq!(v["areas"], "FRJ,BE");
        assert_eq!(v["areas_other"], "JP, PL, SE");
        assert_eq!(values_typed(&f)["areas_other"], "jp, PL;  se");
    }
}
