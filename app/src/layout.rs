//! The frame around every page: skip link, header, navigation, language
//! switcher, flash message, footer.

use leptos::prelude::*;

use crate::i18n::{self, Lang};
use crate::page::href;
use crate::{ctx, forms::CsrfField, pages::PageBody, tr};

#[component]
pub fn Layout() -> impl IntoView {
    let c = ctx();
    let flash = c
        .flash
        .clone()
        .map(|key| view! { <div class="flash flash-success" role="status">{tr(&key)}</div> });
    view! {
        <a class="skip-link" href="#main">{tr("skip-to-content")}</a>
        <Header />
        <main id="main" tabindex="-1">
            {flash}
            <PageBody />
        </main>
        <Footer />
    }
}

#[component]
fn Header() -> impl IntoView {
    let c = ctx();
    let section = c.page.section();
    let items = [
        ("/courses", "nav-courses"),
        ("/learning", "nav-learning"),
        ("/library", "nav-library"),
        ("/directory", "nav-directory"),
        ("/search", "nav-search"),
        ("/partners", "nav-partners"),
        ("/data", "nav-data"),
    ]
    .into_iter()
    .map(|(path, key)| {
        let current = (section == path).then_some("page");
        view! { <li><a href=c.href(path) aria-current=current>{tr(key)}</a></li> }
    })
    .collect_view();
    let account = match &c.user {
        Some(user) => {
            let admin = user.is_admin().then(|| {
                let current = (section == "/admin/users").then_some("page");
                let harvest = (section == "/admin/harvest").then_some("page");
                view! {
                    <a href=c.href("/admin/users") aria-current=current>{tr("nav-admin-users")}</a>
                    <a href=c.href("/admin/harvest") aria-current=harvest>{tr("nav-admin-harvest")}</a>
                }
            });
            let current = (section == "/account").then_some("page");
            let bell_current = (section == "/notifications").then_some("page");
            let unread = (user.unread > 0).then(|| {
                let count = i18n::t_args(c.lang, "notifications-unread-count", &[("count", user.unread.to_string())]);
                view! { " "<span class="badge">{user.unread.min(99).to_string()}<span class="visually-hidden">{format!(" ({count})")}</span></span> }
            });
            view! {
                <a href=c.href("/notifications") aria-current=bell_current class="bell">{tr("nav-notifications")}{unread}</a>
                <a href=c.href("/account") aria-current=current>{tr("nav-account")}</a>
                {admin}
                <form class="inline-form" method="post" action=c.href("/logout")>
                    <CsrfField />
                    <button type="submit" class="link-button">{tr("nav-logout")}</button>
                </form>
            }
            .into_any()
        }
        None => view! {
            <a href=c.href("/login")>{tr("nav-login")}</a>
            <a class="button button-small" href=c.href("/register")>{tr("nav-register")}</a>
        }
        .into_any(),
    };
    view! {
        <header class="site-header">
            <div class="header-inner">
                <a class="brand" href=c.href("/")>
                    <span class="brand-name">{tr("site-name")}</span>
                    " "
                    <span class="brand-tagline">{tr("site-tagline")}</span>
                </a>
                <nav class="site-nav" aria-label=tr("nav-label")>
                    <ul>{items}</ul>
                </nav>
                <div class="account-nav">{account}</div>
                <LanguageSwitcher />
            </div>
        </header>
    }
}

/// Links to the same page in every language. Following one remembers the
/// choice (a cookie set by `/lang/{code}`), so it works without JavaScript.
#[component]
fn LanguageSwitcher() -> impl IntoView {
    let c = ctx();
    let links = Lang::ALL
        .into_iter()
        .map(|l| {
            let next = href(l, &c.path);
            let url = format!("/lang/{}?next={}", l.code(), encode_query(&next));
            let current = (l == c.lang).then_some("true");
            view! {
                <li>
                    <a href=url hreflang=l.code() lang=l.code() aria-current=current>
                        {l.native_name()}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="lang-switcher" aria-label=tr("language-switcher-label")>
            <ul>{links}</ul>
        </nav>
    }
}

/// Percent-encodes a path for use as a query value.
pub fn encode_query(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[component]
fn Footer() -> impl IntoView {
    let c = ctx();
    view! {
        <footer class="site-footer">
            <div class="footer-inner">
                <p class="licence">{tr("footer-licence")}</p>
                <ul class="footer-links">
                    <li><a href=c.href("/about")>{tr("footer-about")}</a></li>
                    <li><a href=c.source_url.clone()>{tr("footer-source")}</a></li>
                    <li><a href="/api/v1/openapi.json">{tr("footer-api")}</a></li>
                </ul>
            </div>
        </footer>
    }
}
