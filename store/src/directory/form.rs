//! Checking a provider profile as its members submit it: every field at
//! once, with stable error codes; nothing is written unless all of it is
//! right.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::vocab::{self, Commitment, HelpKind, LegalForm, PriceModel, Service};
use super::{Area, Provider};
use crate::library::text;
use crate::{FieldError, StoreError, validate};

pub const NAME_MAX_CHARS: usize = 120;
pub const DESCRIPTION_MAX_CHARS: usize = 5000;
/// Below this a description says too little to choose a provider by.
pub const DESCRIPTION_MIN_CHARS: usize = 40;
pub const AREAS_MAX: usize = 60;
pub const DESCRIPTIONS_MAX: usize = 12;

/// What a provider's members submit to create or edit its profile.
///
/// Multiple choices are lists of codes; `areas` holds country codes (`FR`,
/// the whole country) and NUTS-1 region codes (`FRJ`); `languages` is a
/// comma-separated list of language tags; `descriptions` maps a language tag
/// to the description in that language (empty texts are dropped).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct ProviderForm {
    pub name: String,
    pub original_language: String,
    pub descriptions: BTreeMap<String, String>,
    pub help: Vec<String>,
    pub services: Vec<String>,
    pub areas: Vec<String>,
    pub remote: bool,
    pub on_site: bool,
    pub languages: String,
    pub prices: Vec<String>,
    pub legal_form: String,
    pub chatons: bool,
    pub contact_email: String,
    pub website: String,
    pub commitments: Vec<String>,
}

impl ProviderForm {
    /// The form filled with a provider's working version, to edit it.
    pub fn of(p: &Provider) -> Self {
        let w = &p.working;
        ProviderForm {
            name: w.name.clone(),
            original_language: w.original_language.clone(),
            descriptions: w.descriptions.clone(),
            help: w.help.iter().map(|c| c.as_str().to_string()).collect(),
            services: w.services.iter().map(|c| c.as_str().to_string()).collect(),
            areas: w.areas.iter().map(|a| a.code().to_string()).collect(),
            remote: w.remote,
            on_site: w.on_site,
            languages: w.languages.join(", "),
            prices: w.prices.iter().map(|c| c.as_str().to_string()).collect(),
            legal_form: w.legal_form.as_str().to_string(),
            chatons: w.chatons,
            contact_email: p.contact_email.clone(),
            website: w.website.clone(),
            commitments: w
                .commitments
                .iter()
                .map(|c| c.as_str().to_string())
                .collect(),
        }
    }
}

/// A checked form, ready to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Checked {
    pub name: String,
    pub original_language: String,
    pub descriptions: BTreeMap<String, String>,
    pub help: Vec<HelpKind>,
    pub services: Vec<Service>,
    pub areas: Vec<Area>,
    pub remote: bool,
    pub on_site: bool,
    pub languages: Vec<String>,
    pub prices: Vec<PriceModel>,
    pub legal_form: LegalForm,
    pub chatons: bool,
    pub contact_email: String,
    pub website: String,
    pub commitments: Vec<Commitment>,
}

/// Parses a list of codes of one vocabulary: sorted, without duplicates;
/// an unknown code is an error.
fn codes<T: Copy + Ord>(
    field: &'static str,
    values: &[String],
    parse: fn(&str) -> Option<T>,
    unknown: &'static str,
    errors: &mut Vec<FieldError>,
) -> Vec<T> {
    let mut out = Vec::new();
    for v in values.iter().map(|v| v.trim()).filter(|v| !v.is_empty()) {
        match parse(v) {
            Some(c) => out.push(c),
            None => {
                errors.push(FieldError::new(field, unknown));
                return Vec::new();
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Parses an area code: `FR` (a whole country) or `FRJ` (a NUTS-1 region).
pub fn parse_area(code: &str) -> Option<Area> {
    let code = code.trim().to_uppercase();
    if vocab::is_country(&code) {
        return Some(Area {
            country: code,
            region: None,
        });
    }
    vocab::region(&code).map(|r| Area {
        country: r.country.to_string(),
        region: Some(r.code.to_string()),
    })
}

fn areas(values: &[String], errors: &mut Vec<FieldError>) -> Vec<Area> {
    let mut out: Vec<Area> = Vec::new();
    for v in values.iter().map(|v| v.trim()).filter(|v| !v.is_empty()) {
        match parse_area(v) {
            Some(a) => out.push(a),
            None => {
                errors.push(FieldError::new("areas", "area-invalid"));
                return Vec::new();
            }
        }
    }
    out.sort();
    out.dedup();
    // A region adds nothing to its whole country.
    let whole: Vec<String> = out
        .iter()
        .filter(|a| a.region.is_none())
        .map(|a| a.country.clone())
        .collect();
    out.retain(|a| a.region.is_none() || !whole.contains(&a.country));
    if out.is_empty() {
        errors.push(FieldError::new("areas", "areas-required"));
    } else if out.len() > AREAS_MAX {
        errors.push(FieldError::new("areas", "too-long"));
    }
    out
}

fn descriptions(
    original: &str,
    values: &BTreeMap<String, String>,
    errors: &mut Vec<FieldError>,
) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for (lang, description) in values {
        let lang = lang.trim();
        let description = description.trim();
        if description.is_empty() {
            continue;
        }
        if !validate::is_language_tag(lang) {
            errors.push(FieldError::new("descriptions", "language-invalid"));
            continue;
        }
        text("descriptions", description, DESCRIPTION_MAX_CHARS, errors);
        out.insert(lang.to_string(), description.to_string());
    }
    match out.get(original) {
        None => errors.push(FieldError::new("description", "required")),
        Some(d) if d.chars().count() < DESCRIPTION_MIN_CHARS => {
            errors.push(FieldError::new("description", "description-too-short"))
        }
        Some(_) => {}
    }
    if out.len() > DESCRIPTIONS_MAX {
        errors.push(FieldError::new("descriptions", "too-long"));
    }
    out
}

pub(crate) fn check(f: &ProviderForm) -> Result<Checked, StoreError> {
    let mut errors = Vec::new();
    validate::line("name", &f.name, NAME_MAX_CHARS, &mut errors);
    let original_language = f.original_language.trim().to_lowercase();
    if !validate::is_language_tag(&original_language) {
        errors.push(FieldError::new("original_language", "language-invalid"));
    }
    let descriptions = descriptions(&original_language, &f.descriptions, &mut errors);
    let help = codes(
        "help",
        &f.help,
        HelpKind::parse,
        "help-kind-unknown",
        &mut errors,
    );
    if help.is_empty() && !errors.iter().any(|e| e.field == "help") {
        errors.push(FieldError::new("help", "help-required"));
    }
    let services = codes(
        "services",
        &f.services,
        Service::parse,
        "service-unknown",
        &mut errors,
    );
    if help.contains(&HelpKind::Hosting)
        && services.is_empty()
        && !errors.iter().any(|e| e.field == "services")
    {
        errors.push(FieldError::new("services", "services-required"));
    }
    let areas = areas(&f.areas, &mut errors);
    if !f.remote && !f.on_site {
        errors.push(FieldError::new("delivery", "delivery-required"));
    }
    let mut languages = validate::language_list("languages", &f.languages, &mut errors);
    languages.sort();
    if languages.is_empty() && !errors.iter().any(|e| e.field == "languages") {
        errors.push(FieldError::new("languages", "required"));
    }
    let prices = codes(
        "prices",
        &f.prices,
        PriceModel::parse,
        "price-model-unknown",
        &mut errors,
    );
    if prices.is_empty() && !errors.iter().any(|e| e.field == "prices") {
        errors.push(FieldError::new("prices", "price-model-required"));
    }
    let legal_form = LegalForm::parse(f.legal_form.trim());
    if legal_form.is_none() {
        errors.push(FieldError::new("legal_form", "legal-form-invalid"));
    }
    validate::email("contact_email", &f.contact_email, &mut errors);
    let website = validate::website("website", &f.website, &mut errors);
    let commitments = codes(
        "commitments",
        &f.commitments,
        Commitment::parse,
        "commitment-unknown",
        &mut errors,
    );
    errors.dedup();
    match (legal_form, errors.is_empty()) {
        (Some(legal_form), true) => Ok(Checked {
            name: f.name.trim().to_string(),
            original_language,
            descriptions,
            help,
            services,
            areas,
            remote: f.remote,
            on_site: f.on_site,
            languages,
            prices,
            legal_form,
            chatons: f.chatons,
            contact_email: validate::normalise_email(&f.contact_email),
            website,
            commitments,
        }),
        _ => Err(StoreError::Invalid(errors)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> ProviderForm {
        ProviderForm {
            name: "Nuage Exemple".into(),
            original_language: "fr".into(),
            descriptions: [(
                "fr".to_string(),
                "Nous hébergeons des outils libres pour les associations.".to_string(),
            )]
            .into(),
            help: vec!["hosting".into(), "training".into()],
            services: vec!["nextcloud".into()],
            areas: vec!["FR".into()],
            remote: true,
            on_site: false,
            languages: "fr, en".into(),
            prices: vec!["paid".into()],
            legal_form: "association".into(),
            chatons: true,
            contact_email: "Contact@Nuage.example.org".into(),
            website: "https://nuage.example.org".into(),
            commitments: vec!["no-tracking".into()],
        }
    }

    fn codes_of(f: &ProviderForm) -> Vec<(&'static str, &'static str)> {
        match check(f) {
            Ok(_) => Vec::new(),
            Err(StoreError::Invalid(e)) => e.into_iter().map(|e| (e.field, e.code)).collect(),
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn a_complete_profile_passes_and_is_normalised() {
        let mut f = form();
        f.help = vec!["training".into(), "hosting".into(), "training".into()];
        f.areas = vec!["fr".into(), "FRJ".into(), "BE2".into()];
        let c = check(&f).unwrap();
        assert_eq!(c.help, [HelpKind::Hosting, HelpKind::Training]);
        assert_eq!(c.contact_email, "contact@nuage.example.org");
        let codes: Vec<&str> = c.areas.iter().map(Area::code).collect();
        assert_eq!(
            codes,
            ["BE2", "FR"],
            "a region of a whole country is dropped"
        );
        assert_eq!(c.languages, ["en", "fr"], "sorted, as read back");
    }

    #[test]
    fn every_problem_has_its_code() {
        let mut f = form();
        f.name = " ".into();
        f.help = vec!["hosting".into(), "cooking".into()];
        f.services = vec!["myspace".into()];
        f.areas = vec!["France".into()];
        f.remote = false;
        f.prices = vec![];
        f.legal_form = "club".into();
        f.commitments = vec!["honesty".into()];
        f.contact_email = "nobody".into();
        assert_eq!(
            codes_of(&f),
            [
                ("name", "required"),
                ("help", "help-kind-unknown"),
                ("services", "service-unknown"),
                ("areas", "area-invalid"),
                ("delivery", "delivery-required"),
                ("prices", "price-model-required"),
                ("legal_form", "legal-form-invalid"),
                ("contact_email", "email-invalid"),
                ("commitments", "commitment-unknown"),
            ]
        );
    }

    #[test]
    fn hosting_needs_services_and_the_original_needs_a_description() {
        let mut f = form();
        f.services.clear();
        assert_eq!(codes_of(&f), [("services", "services-required")]);
        f.help = vec!["training".into()];
        assert!(codes_of(&f).is_empty(), "a trainer hosts nothing");
        f.original_language = "de".into();
        assert_eq!(codes_of(&f), [("description", "required")]);
        f.descriptions.insert("de".into(), "Kurz.".into());
        assert_eq!(codes_of(&f), [("description", "description-too-short")]);
        f.descriptions.insert("xx_bad".into(), "Text".into());
        assert!(codes_of(&f).contains(&("descriptions", "language-invalid")));
        let mut f = form();
        f.areas = vec!["JP".into(), "ITC".into()];
        assert!(codes_of(&f).is_empty(), "any country, listed regions");
        f.areas = vec!["JPX".into()];
        assert_eq!(codes_of(&f), [("areas", "area-invalid")]);
        f.areas.clear();
        assert_eq!(codes_of(&f), [("areas", "areas-required")]);
    }
}
