//! The profile form between HTML and the store: reading the submitted
//! fields, the values shown back, the choices offered, and a profile in
//! words for previews and the review page.

use std::collections::BTreeMap;

use app::labels;
use app::page::{CountryChoice, ProfileField, ProviderOptions};
use i18n::Lang;
use store::directory::vocab::{self, REGIONS};
use store::directory::{
    Commitment, HelpKind, LegalForm, PriceModel, Profile, ProviderForm, Service,
};

/// Submitted fields, in order, repeated names kept.
pub type Fields = Vec<(String, String)>;

fn one(fields: &[(String, String)], name: &str) -> String {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}

fn many(fields: &[(String, String)], name: &str) -> Vec<String> {
    fields
        .iter()
        .filter(|(k, v)| k == name && !v.trim().is_empty())
        .map(|(_, v)| v.trim().to_string())
        .collect()
}

/// Area codes typed freely: separated by commas, semicolons or spaces.
fn typed_areas(text: &str) -> Vec<String> {
    text.split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .map(str::to_uppercase)
        .collect()
}

/// The store's form from the submitted fields.
pub fn parse(fields: &[(String, String)]) -> ProviderForm {
    let descriptions = fields
        .iter()
        .filter_map(|(k, v)| Some((k.strip_prefix("description_")?.to_string(), v.clone())))
        .collect();
    let mut areas = many(fields, "areas");
    areas.extend(typed_areas(&one(fields, "areas_other")));
    ProviderForm {
        name: one(fields, "name"),
        original_language: one(fields, "original_language"),
        descriptions,
        help: many(fields, "help"),
        services: many(fields, "services"),
        areas,
        remote: one(fields, "remote") == "1",
        on_site: one(fields, "on_site") == "1",
        languages: one(fields, "languages"),
        prices: many(fields, "prices"),
        legal_form: one(fields, "legal_form"),
        chatons: one(fields, "chatons") == "1",
        contact_email: one(fields, "contact_email"),
        website: one(fields, "website"),
        commitments: many(fields, "commitments"),
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
pub fn values_typed(fields: &[(String, String)]) -> BTreeMap<String, String> {
    let form = parse(fields);
    let mut form_boxes = form.clone();
    form_boxes.areas = many(fields, "areas");
    values(&form_boxes, Some(one(fields, "areas_other")))
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

    fn fields(pairs: &[(&str, &str)]) -> Fields {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
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
