//! Partner organisations: the public list and page, and their management.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::{DangerZone, PageHeader};
use crate::forms::{CsrfField, ErrorSummary, Field, FieldFrame, described_by};
use crate::i18n;
use crate::page::FormState;
use crate::{ctx, tr};

const ORG_LABELS: [(&str, &str); 4] = [
    ("name", "field-name"),
    ("country", "field-country"),
    ("languages", "field-languages"),
    ("website", "field-website"),
];

#[component]
pub fn PartnerList(partners: Vec<PartnerView>, can_create: bool) -> impl IntoView {
    let c = ctx();
    let list = if partners.is_empty() {
        view! { <p class="empty">{tr("partners-empty")}</p> }.into_any()
    } else {
        let cards = partners
            .into_iter()
            .map(|p| {
                let href = c.href(&format!("/partners/{}", p.slug));
                view! {
                    <article class="card">
                        <h2><a href=href>{p.name.clone()}</a></h2>
                        <p>{p.country.clone()}" · "{p.languages.join(", ")}</p>
                    </article>
                }
            })
            .collect_view();
        view! { <section class="cards">{cards}</section> }.into_any()
    };
    let create = can_create.then(|| {
        let state = c.form_for("partner");
        view! {
            <section class="panel" aria-labelledby="create-heading">
                <h2 id="create-heading">{tr("partner-create")}</h2>
                <OrganisationForm state action=c.href("/partners") partner=None />
            </section>
        }
    });
    view! {
        <PageHeader title="partners-title" intro="partners-intro" />
        {list}
        {create}
    }
}

/// The fields of an organisation, empty or filled from `partner`.
#[component]
fn OrganisationForm(
    state: FormState,
    action: String,
    partner: Option<PartnerView>,
) -> impl IntoView {
    let p = partner.as_ref();
    view! {
        <form class="form" method="post" action=action novalidate>
            <ErrorSummary state=state.clone() labels=ORG_LABELS.to_vec() />
            <CsrfField />
            <Field state=state.clone() name="name" label="field-name" value=p.map(|p| p.name.clone()).unwrap_or_default() maxlength=120 />
            <Field state=state.clone() name="country" label="field-country" help="field-country-help" value=p.map(|p| p.country.clone()).unwrap_or_default() maxlength=2 />
            <Field state=state.clone() name="languages" label="field-languages" help="field-languages-help" value=p.map(|p| p.languages.join(", ")).unwrap_or_default() />
            <Field state name="website" label="field-website" kind="url" value=p.map(|p| p.website.clone()).unwrap_or_default() required=false maxlength=300 />
            <div class="form-actions">
                <button type="submit" class="button button-primary">{tr("partner-save")}</button>
            </div>
        </form>
    }
}

#[component]
pub fn PartnerPage(detail: PartnerDetail) -> impl IntoView {
    let c = ctx();
    let p = detail.partner.clone();
    let base = format!("/partners/{}", p.slug);
    let logo = p.logo_url.clone().map(|src| {
        let alt = i18n::t_args(c.lang, "partner-logo-alt", &[("name", p.name.clone())]);
        view! { <img class="partner-logo" src=src alt=alt /> }
    });
    let website = (!p.website.is_empty()).then(|| {
        view! { <dt>{tr("partner-website")}</dt><dd><a href=p.website.clone() rel="nofollow">{p.website.clone()}</a></dd> }
    });
    let feed = format!(
        "{}?partner={}",
        c.href("/library/feed.atom"),
        crate::layout::encode_query(&p.slug)
    );
    let resources = view! {
        <section aria-labelledby="resources-heading">
            <h2 id="resources-heading">{tr("partner-resources")}</h2>
            {if detail.resources.is_empty() {
                view! { <p class="empty">{tr("partner-resources-empty")}</p> }.into_any()
            } else {
                super::library::cards(detail.resources.clone()).into_any()
            }}
            <p><a href=feed type="application/atom+xml">{tr("library-feed")}</a></p>
        </section>
    };
    let members = detail.members.clone().map(|members| {
        let manage = detail.can_manage_members;
        let rows = if members.is_empty() {
            view! { <p class="empty">{tr("partner-members-empty")}</p> }.into_any()
        } else {
            let items = members
                .into_iter()
                .map(|m| {
                    let remove = manage.then(|| {
                        view! {
                            <form class="inline-form" method="post" action=c.href(&format!("{base}/members/{}/remove", m.user_id))>
                                <CsrfField />
                                <button type="submit" class="button button-small">
                                    {tr("partner-remove-member")}
                                    <span class="visually-hidden">" "{m.display_name.clone()}</span>
                                </button>
                            </form>
                        }
                    });
                    view! {
                        <tr>
                            <td>{m.display_name}</td>
                            <td>{m.email}</td>
                            <td>{tr(&format!("org-role-{}", m.org_role))}</td>
                            <td>{remove}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <div class="table-wrap">
                    <table class="table">
                        <thead>
                            <tr>
                                <th scope="col">{tr("field-display-name")}</th>
                                <th scope="col">{tr("field-email")}</th>
                                <th scope="col">{tr("org-role")}</th>
                                <th scope="col"><span class="visually-hidden">{tr("partner-remove-member")}</span></th>
                            </tr>
                        </thead>
                        <tbody>{items}</tbody>
                    </table>
                </div>
            }
            .into_any()
        };
        let add = manage.then(|| {
            let state = c.form_for("member");
            view! {
                <h3>{tr("partner-add-member")}</h3>
                <form class="form" method="post" action=c.href(&format!("{base}/members")) novalidate>
                    <ErrorSummary state=state.clone() labels=vec![("email", "field-email"), ("org_role", "org-role")] />
                    <CsrfField />
                    <Field state name="email" label="field-email" kind="email" />
                    <div class="field">
                        <label for="org_role">{tr("org-role")}</label>
                        <select id="org_role" name="org_role">
                            <option value="member">{tr("org-role-member")}</option>
                            <option value="admin">{tr("org-role-admin")}</option>
                        </select>
                    </div>
                    <div class="form-actions">
                        <button type="submit" class="button button-primary">{tr("partner-add-member")}</button>
                    </div>
                </form>
            }
        });
        view! {
            <section class="panel" aria-labelledby="members-heading">
                <h2 id="members-heading">{tr("partner-members")}</h2>
                {rows}
                {add}
            </section>
        }
        .into_any()
    });
    let edit = detail.can_edit.then(|| {
        let logo_state = c.form_for("logo");
        let logo_error = logo_state.error("logo");
        let logo_described = described_by("logo", true, logo_error.is_some());
        view! {
            <section class="panel" aria-labelledby="edit-heading">
                <h2 id="edit-heading">{tr("partner-edit")}</h2>
                <OrganisationForm state=c.form_for("partner") action=c.href(&base) partner=Some(p.clone()) />
            </section>
            <section class="panel" aria-labelledby="logo-heading">
                <h2 id="logo-heading">{tr("partner-logo")}</h2>
                <form class="form" method="post" action=c.href(&format!("{base}/logo")) enctype="multipart/form-data">
                    <ErrorSummary state=logo_state labels=vec![("logo", "partner-logo")] />
                    <CsrfField />
                    <FieldFrame name="logo" label="partner-logo" help=Some("partner-logo-help") error=logo_error>
                        <input
                            id="logo"
                            name="logo"
                            type="file"
                            accept="image/png,image/jpeg,image/webp"
                            required=true
                            aria-describedby=logo_described
                        />
                    </FieldFrame>
                    <div class="form-actions">
                        <button type="submit" class="button button-primary">{tr("partner-logo-upload")}</button>
                    </div>
                </form>
            </section>
            <DangerZone title="partner-delete" warning="partner-delete-warning">
                <form class="inline-form" method="post" action=c.href(&format!("{base}/delete"))>
                    <CsrfField />
                    <button type="submit" class="button button-danger">{tr("partner-delete")}</button>
                </form>
            </DangerZone>
        }
        .into_any()
    });
    view! {
        <div class="page-header">
            <h1>{p.name.clone()}</h1>
            {logo}
        </div>
        <dl class="facts">
            <dt>{tr("partner-country")}</dt><dd>{p.country.clone()}</dd>
            <dt>{tr("partner-languages")}</dt><dd>{p.languages.join(", ")}</dd>
            {website}
        </dl>
        {resources}
        {members}
        {edit}
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerView {
    pub slug: String,
    pub name: String,
    pub country: String,
    pub languages: Vec<String>,
    pub website: String,
    /// URL of the logo, when there is one.
    pub logo_url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberView {
    pub user_id: i64,
    pub display_name: String,
    pub email: String,
    /// `member` or `admin`.
    pub org_role: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerDetail {
    pub partner: PartnerView,
    /// Present only for people allowed to see the member list.
    pub members: Option<Vec<MemberView>>,
    pub can_manage_members: bool,
    pub can_edit: bool,
    /// The partner's published resources, newest first.
    pub resources: Vec<crate::pages::library::ResourceCard>,
}
