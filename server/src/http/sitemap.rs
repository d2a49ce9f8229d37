//! `/sitemap.xml`: every public page in every interface language, each with
//! its alternates (`xhtml:link hreflang`) so search engines serve readers the
//! page in their language. Courses and lessons come from the content
//! folder; resources, partners and the directory's providers from SQL
//! (published resources and profiles only).

use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use quick_xml::escape::escape;

use crate::error::AppError;
use crate::state::AppState;

/// The paths (without language prefix) that every language has.
async fn paths(state: &AppState) -> Result<Vec<String>, AppError> {
    let mut out: Vec<String> = [
        "/",
        "/about",
        "/courses",
        "/library",
        "/library/topics",
        "/partners",
        "/directory",
        "/directory/regions",
        "/data",
    ]
    .into_iter()
    .map(str::to_string)
    .collect();
    let catalogue = state.courses.get();
    for course in &catalogue.courses {
        out.push(format!("/courses/{}", course.slug));
        out.extend(course.lessons.iter().map(|l| l.path.clone()));
    }
    for org in store::organisations::list(&state.db).await? {
        out.push(format!("/partners/{}", org.slug));
    }
    for p in projections::search::published_providers(&state.db).await? {
        out.push(format!("/directory/{}", p.slug));
    }
    let mut offset = 0;
    loop {
        let batch = store::library::browse::published_uids(&state.db, 1000, offset).await?;
        if batch.is_empty() {
            break;
        }
        offset += batch.len() as i64;
        out.extend(
            batch
                .into_iter()
                .map(|uid| format!("/library/resources/{uid}")),
        );
    }
    Ok(out)
}

pub async fn sitemap(State(state): State<AppState>) -> Response {
    let paths = match paths(&state).await {
        Ok(p) => p,
        Err(e) => {
            tracing::error!(error = %e, "sitemap");
            return e.into_response();
        }
    };
    let base = state.settings.public_url();
    let langs = state.settings.langs();
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for path in &paths {
        for lang in &langs {
            let loc = format!("{base}{}", app::page::href(*lang, path));
            xml.push_str(&format!("<url><loc>{}</loc>", escape(loc.as_str())));
            for alt in &langs {
                let href = format!("{base}{}", app::page::href(*alt, path));
                xml.push_str(&format!(
                    "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                    alt.code(),
                    escape(href.as_str())
                ));
            }
            xml.push_str("</url>\n");
        }
    }
    xml.push_str("</urlset>\n");
    let mut res = xml.into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/xml; charset=utf-8"),
    );
    res.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=3600"),
    );
    res
}

/// `/robots.txt`: everything public may be crawled; accounts, forms and
/// reviews are not worth it; the sitemap says where the pages are.
pub async fn robots(State(state): State<AppState>) -> Response {
    let mut text = String::from("User-agent: *\n");
    for lang in state.settings.langs() {
        for private in [
            "account",
            "admin",
            "login",
            "register",
            "learning",
            "library/new",
            "library/review",
            // Anchored: providers' pages may begin the same (`new-provider`).
            "directory/new$",
            "directory/mine$",
            "directory/review$",
            "directory/review/",
        ] {
            text.push_str(&format!("Disallow: /{}/{private}\n", lang.code()));
        }
    }
    text.push_str(&format!(
        "\nSitemap: {}/sitemap.xml\n",
        state.settings.public_url()
    ));
    let mut res = text.into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    res
}
