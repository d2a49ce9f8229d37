//! A provider's public page: its published profile and the "request help"
//! form. The provider's address is never part of the page: requests go
//! through the directory.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::forms::{CsrfField, ErrorSummary, Field, FieldFrame, described_by};
use crate::{ctx, i18n, tr};

/// A published provider as the public sees it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ProviderPageView {
    pub slug: String,
    pub name: String,
    pub logo_url: Option<String>,
    /// The description as safe HTML, in `description_lang`.
    pub description_html: String,
    pub description_lang: String,
    /// The first sentences of the description, for link previews.
    pub summary: String,
    pub help: Vec<String>,
    pub services: Vec<String>,
    /// Each country served, with the regions served in it (none: the whole
    /// country).
    pub areas: Vec<(String, Vec<String>)>,
    pub remote: bool,
    pub on_site: bool,
    pub languages: Vec<String>,
    pub prices: Vec<String>,
    pub legal_form: String,
    pub chatons: bool,
    pub website: String,
    pub commitments: Vec<String>,
    /// When the profile was last confirmed by its members (a date).
    pub confirmed: Option<String>,
    /// The signed-in reader's name and address, to fill the form with.
    pub sender_name: String,
    pub sender_email: String,
}

/// The labels of the contact form's fields, for the error summary.
const CONTACT_LABELS: [(&str, &str); 5] = [
    ("sender_name", "directory-contact-name"),
    ("sender_email", "directory-contact-email"),
    ("organisation", "directory-contact-organisation"),
    ("message", "directory-contact-message"),
    ("lang", "directory-contact-message"),
];

/// The "request help" form.
fn contact_form(p: &ProviderPageView) -> impl IntoView + use<> {
    let c = ctx();
    let state = c.form_for("contact");
    let (name, email) = (p.sender_name.clone(), p.sender_email.clone());
    let message_error = state.error("message");
    let described = described_by("message", true, message_error.is_some());
    let invalid = message_error.as_ref().map(|_| "true");
    let message = state.value("message");
    let action = c.href(&format!("/directory/{}/contact", p.slug));
    let intro = i18n::t_args(
        c.lang,
        "directory-contact-intro",
        &[("name", p.name.clone())],
    );
    view! {
        <section class="panel contact" aria-labelledby="contact_heading" id="contact">
            <h2 id="contact_heading">{tr("directory-contact-title")}</h2>
            <p>{intro}</p>
            <p class="field-help">{tr("directory-contact-privacy")}</p>
            <ErrorSummary state=state.clone() labels=CONTACT_LABELS.to_vec() />
            <form class="form" method="post" action=action>
                <CsrfField />
                <input type="hidden" name="lang" value=c.lang.code() />
                <Field state=state.clone() name="sender_name" label="directory-contact-name"
                    autocomplete="name" value=name maxlength=120 />
                <Field state=state.clone() name="sender_email" label="directory-contact-email"
                    kind="email" autocomplete="email" value=email
                    help="directory-contact-email-help" />
                <Field state=state.clone() name="organisation" label="directory-contact-organisation"
                    autocomplete="organization" required=false maxlength=200 />
                <FieldFrame name="message" label="directory-contact-message"
                    help=Some("directory-contact-message-help") error=message_error>
                    <textarea id="message" name="message" rows="8" required=true maxlength="5000"
                        aria-describedby=described aria-invalid=invalid>{message}</textarea>
                </FieldFrame>
                // A trap for robots: people neither see nor fill this field.
                <div class="honeypot" aria-hidden="true">
                    <label for="website">{tr("directory-contact-leave-empty")}</label>
                    <input id="website" name="website" type="text" value="" autocomplete="off" tabindex="-1" />
                </div>
                <div class="form-actions">
                    <button type="submit" class="button button-primary">{tr("directory-contact-send")}</button>
                </div>
            </form>
        </section>
    }
}

#[component]
pub fn ProviderPage(provider: ProviderPageView) -> impl IntoView {
    let c = ctx();
    let lang = c.lang;
    let p = provider;
    let other_lang = (p.description_lang != lang.code()).then(|| p.description_lang.clone());
    let written_in = other_lang.as_ref().map(|l| {
        let note = i18n::t_args(
            lang,
            "directory-written-in",
            &[("language", super::super::language_name(l))],
        );
        view! { <p class="note" role="note">{note}</p> }
    });
    let logo = p.logo_url.as_ref().map(|u| {
        view! { <img class="logo" src=u.clone() alt="" width="128" height="128" /> }
    });
    let chatons = p
        .chatons
        .then(|| view! { <p><span class="badge">{tr("directory-chatons-badge")}</span></p> });
    let list = |key: &'static str, values: &[String]| {
        (!values.is_empty()).then(|| {
            let items = values
                .iter()
                .map(|v| view! { <li>{v.clone()}</li> })
                .collect_view();
            view! { <dt>{tr(key)}</dt><dd><ul class="values">{items}</ul></dd> }
        })
    };
    let areas = (!p.areas.is_empty()).then(|| {
        let items = p
            .areas
            .iter()
            .map(|(country, regions)| {
                let text = if regions.is_empty() {
                    i18n::t_args(
                        lang,
                        "directory-whole-country",
                        &[("country", country.clone())],
                    )
                } else {
                    format!("{country}: {}", regions.join(", "))
                };
                view! { <li>{text}</li> }
            })
            .collect_view();
        view! { <dt>{tr("directory-areas")}</dt><dd><ul class="values">{items}</ul></dd> }
    });
    let mut ways = Vec::new();
    if p.remote {
        ways.push(tr("directory-remote"));
    }
    if p.on_site {
        ways.push(tr("directory-on-site"));
    }
    let website = (!p.website.is_empty()).then(|| {
        view! {
            <dt>{tr("directory-website")}</dt>
            <dd><a href=p.website.clone() rel="nofollow noopener" target="_blank">{p.website.clone()}</a></dd>
        }
    });
    let commitments = (!p.commitments.is_empty()).then(|| {
        let items = p
            .commitments
            .iter()
            .map(|v| view! { <li>{v.clone()}</li> })
            .collect_view();
        view! {
            <h2>{tr("directory-commitments")}</h2>
            <p>{tr("directory-commitments-intro")}</p>
            <ul class="commitments">{items}</ul>
        }
    });
    let confirmed = p.confirmed.as_ref().map(|d| {
        let text = i18n::t_args(lang, "directory-confirmed", &[("date", d.clone())]);
        view! { <p class="meta">{text}</p> }
    });
    let form = contact_form(&p);
    view! {
        <nav class="breadcrumb" aria-label=tr("breadcrumb-label")>
            <a href=c.href("/directory")>{tr("directory-title")}</a>
        </nav>
        <article class="provider">
            <header class="page-header">
                {logo}
                <h1>{p.name.clone()}</h1>
                {chatons}
            </header>
            {written_in}
            <div class="prose" lang=other_lang inner_html=p.description_html.clone()></div>
            <dl class="facts">
                {list("directory-help", &p.help)}
                {list("directory-services", &p.services)}
                {areas}
                {list("directory-way", &ways)}
                {list("directory-languages", &p.languages)}
                {list("directory-prices", &p.prices)}
                <dt>{tr("directory-legal-form")}</dt><dd>{p.legal_form.clone()}</dd>
                {website}
            </dl>
            {commitments}
            {confirmed}
        </article>
        {form}
    }
}
