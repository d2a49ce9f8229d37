//! Markdown to safe HTML: comrak renders (raw HTML is never passed through),
//! ammonia sanitises what comes out, so no script, event handler or
//! `javascript:` URL can reach a page from a lesson. Checked links
//! (`@/courses/…`) are turned into page addresses by the caller.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use comrak::adapters::{HeadingAdapter, HeadingMeta};
use comrak::nodes::NodeValue;
use comrak::nodes::Sourcepos;
use comrak::options::Plugins;
use comrak::{Anchorizer, Arena, Options, parse_document};

/// One heading of a rendered text, for its table of contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub html: String,
    /// Headings of levels 2 and 3.
    pub toc: Vec<TocEntry>,
}

/// A link target in a lesson that the caller turns into an address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target<'a> {
    /// A checked link, without its `@/`: `courses/…/file.md#anchor`.
    Checked(&'a str),
    /// A relative link to a file beside the lesson: `guide.pdf`.
    File(&'a str),
    /// A relative image source beside the lesson: `photo.jpg`.
    Image(&'a str),
}

type Resolver<'c> =
    Arc<dyn Fn(Target<'_>) -> String + Send + Sync + std::panic::RefUnwindSafe + 'c>;

/// Whether `url` names a file relative to the document (no scheme, no host,
/// not an absolute path, not just a fragment or query).
pub fn is_relative(url: &str) -> bool {
    let scheme_end = url.find([':', '/', '?', '#']);
    !url.is_empty()
        && !url.starts_with(['/', '#', '?'])
        && !matches!(scheme_end.map(|i| &url[i..i + 1]), Some(":"))
}

fn options<'c>(resolve: Option<Resolver<'c>>) -> Options<'c> {
    let mut o = Options::default();
    o.extension.table = true;
    o.extension.strikethrough = true;
    o.extension.autolink = true;
    o.extension.footnotes = true;
    if let Some(resolve) = resolve {
        let links = resolve.clone();
        o.extension.link_url_rewriter = Some(Arc::new(move |url: &str| {
            if let Some(target) = url.strip_prefix("@/") {
                links(Target::Checked(target))
            } else if is_relative(url) {
                links(Target::File(url))
            } else {
                url.to_string()
            }
        }));
        o.extension.image_url_rewriter = Some(Arc::new(move |url: &str| {
            if is_relative(url) {
                resolve(Target::Image(url))
            } else {
                url.to_string()
            }
        }));
    }
    o
}

/// The ids that rendering gives to the headings of `markdown`, in order.
pub fn heading_ids(markdown: &str) -> Vec<String> {
    headings(markdown).into_iter().map(|h| h.id).collect()
}

fn headings(markdown: &str) -> Vec<TocEntry> {
    let arena = Arena::new();
    let root = parse_document(&arena, markdown, &options(None));
    let mut anchorizer = Anchorizer::new();
    let mut out = Vec::new();
    for node in root.descendants() {
        let level = match &node.data().value {
            NodeValue::Heading(h) => h.level,
            _ => continue,
        };
        let text = node.collect_text();
        out.push(TocEntry {
            level,
            id: anchorizer.anchorize(&text),
            text,
        });
    }
    out
}

/// Relative image sources of `markdown` with their 1-based line in it.
pub fn image_sources(markdown: &str) -> Vec<(usize, String)> {
    let arena = Arena::new();
    let root = parse_document(&arena, markdown, &options(None));
    root.descendants()
        .filter_map(|node| match &node.data().value {
            NodeValue::Image(link) if is_relative(&link.url) => {
                Some((node.data().sourcepos.start.line, link.url.clone()))
            }
            _ => None,
        })
        .collect()
}

/// Renders lesson Markdown. `resolve` turns checked links and files beside
/// the lesson into addresses; other URLs are kept (and sanitised).
pub fn render(
    markdown: &str,
    resolve: impl Fn(Target<'_>) -> String + Send + Sync + std::panic::RefUnwindSafe,
) -> Rendered {
    let resolve: Resolver<'_> = Arc::new(resolve);
    let ids = HeadingIds(Mutex::new(Anchorizer::new()));
    let mut plugins = Plugins::default();
    plugins.render.heading_adapter = Some(&ids);
    let html = comrak::markdown_to_html_with_plugins(markdown, &options(Some(resolve)), &plugins);
    let toc = headings(markdown)
        .into_iter()
        .filter(|h| (2..=3).contains(&h.level))
        .collect();
    Rendered {
        html: sanitise(&html),
        toc,
    }
}

/// Gives each heading the id [`heading_ids`] computes, and nothing else (no
/// empty permalink inside the heading, which screen readers would announce).
struct HeadingIds(Mutex<Anchorizer>);

impl HeadingAdapter for HeadingIds {
    fn enter(
        &self,
        out: &mut dyn std::fmt::Write,
        h: &HeadingMeta,
        _pos: Option<Sourcepos>,
    ) -> std::fmt::Result {
        let id = self
            .0
            .lock()
            .map(|mut a| a.anchorize(&h.content))
            .unwrap_or_default();
        write!(out, "<h{} id=\"", h.level)?;
        comrak::html::escape(out, &id)?;
        out.write_str("\">")
    }

    fn exit(&self, out: &mut dyn std::fmt::Write, h: &HeadingMeta) -> std::fmt::Result {
        writeln!(out, "</h{}>", h.level)
    }
}

/// Keeps ordinary document HTML and heading ids; drops everything active.
pub fn sanitise(html: &str) -> String {
    let headings: HashSet<&str> = ["h1", "h2", "h3", "h4", "h5", "h6"].into();
    let mut builder = ammonia::Builder::default();
    for h in headings {
        builder.add_tag_attributes(h, &["id"]);
    }
    builder
        .add_tag_attributes("code", &["class"])
        .add_tag_attributes("sup", &["class", "id"])
        .add_tag_attributes("li", &["id"])
        .add_tag_attributes("section", &["class"])
        .add_tags(&["section"])
        .link_rel(Some("noopener noreferrer"))
        .clean(html)
        .to_string()
}

/// Description Markdown as safe HTML (no raw HTML, sanitised, no links
/// resolved inside the site).
pub fn description_html(markdown: &str) -> String {
    render(markdown, |target| match target {
        Target::Checked(_) => String::new(),
        Target::File(f) | Target::Image(f) => f.to_string(),
    })
    .html
}

/// The `@/` links of `markdown`, without their `@/` (anchors kept):
/// `courses/…/lesson.md#part`.
pub fn checked_links(markdown: &str) -> Vec<String> {
    let arena = Arena::new();
    let root = parse_document(&arena, markdown, &options(None));
    root.descendants()
        .filter_map(|node| match &node.data().value {
            NodeValue::Link(link) => link.url.strip_prefix("@/").map(str::to_owned),
            _ => None,
        })
        .collect()
}

/// A discussion post as safe HTML: the lessons' renderer and sanitiser,
/// then stricter: no image (nothing is fetched from elsewhere), no heading
/// (a post does not add to the page's outline; its text stays), links
/// marked as user content. `resolve` gives the address of an `@/` link;
/// relative links go nowhere.
pub fn post_html(
    markdown: &str,
    resolve: impl Fn(&str) -> String + Send + Sync + std::panic::RefUnwindSafe,
) -> String {
    let html = render(markdown, |target| match target {
        Target::Checked(t) => resolve(t),
        Target::File(_) | Target::Image(_) => String::new(),
    })
    .html;
    ammonia::Builder::default()
        .rm_tags(&["img", "h1", "h2", "h3", "h4", "h5", "h6"])
        .add_tag_attributes("code", &["class"])
        .link_rel(Some("nofollow ugc noopener noreferrer"))
        .clean(&html)
        .to_string()
}

/// A description as plain text: rendered and sanitised first, so that no
/// markup (written or raw) shows in cards, previews and search snippets.
pub fn plain_text(markdown: &str) -> String {
    html_text(&description_html(markdown))
}

/// The text of sanitised HTML, words separated where blocks end.
pub fn html_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut tag: Option<String> = None;
    for c in html.chars() {
        match (c, tag.as_mut()) {
            ('<', None) => tag = Some(String::new()),
            ('>', Some(t)) => {
                // Blocks and line breaks separate words; inline tags do not.
                let name = t.trim_start_matches('/');
                let name = name.split([' ', '/']).next().unwrap_or_default();
                if matches!(
                    name,
                    "p" | "br" | "li" | "div" | "h1" | "h2" | "h3" | "h4" | "td" | "tr"
                ) {
                    text.push(' ');
                }
                tag = None;
            }
            (c, Some(t)) => t.push(c),
            (c, None) => text.push(c),
        }
    }
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(md: &str) -> String {
        render(md, |t| match t {
            Target::Checked(t) => format!("/fr/{t}"),
            Target::File(f) | Target::Image(f) => format!("/files/{f}"),
        })
        .html
    }

    #[test]
    fn ids_and_toc_follow_the_rendered_headings() {
        let md =
            "# Titre\n\n## La neutralité du *Net*\n\n### Détails\n\n## La neutralité du *Net*\n";
        let r = render(md, |_| String::new());
        assert_eq!(
            heading_ids(md),
            [
                "titre",
                "la-neutralité-du-net",
                "détails",
                "la-neutralité-du-net-1"
            ]
        );
        let toc: Vec<_> = r
            .toc
            .iter()
            .map(|e| (e.level, e.id.as_str(), e.text.as_str()))
            .collect();
        assert_eq!(toc[0], (2, "la-neutralité-du-net", "La neutralité du Net"));
        assert_eq!(toc.len(), 3);
        assert!(
            r.html.contains("<h2 id=\"la-neutralité-du-net\">"),
            "{}",
            r.html
        );
    }

    #[test]
    fn checked_links_become_addresses() {
        let html =
            plain("[suite](@/courses/x/01-a/02-b.md#ici) et [ailleurs](https://example.org)");
        assert!(
            html.contains("href=\"/fr/courses/x/01-a/02-b.md#ici\""),
            "{html}"
        );
        assert!(
            html.contains("href=\"https://example.org\" rel=\"noopener noreferrer\""),
            "{html}"
        );
    }

    #[test]
    fn files_beside_the_lesson_are_resolved() {
        let html =
            plain("[guide](guide.pdf) ![photo](img/a.jpg) [site](https://x.org/a.pdf) [top](#top)");
        assert!(html.contains("href=\"/files/guide.pdf\""), "{html}");
        assert!(html.contains("src=\"/files/img/a.jpg\""), "{html}");
        assert!(html.contains("href=\"https://x.org/a.pdf\""), "{html}");
        assert!(html.contains("href=\"#top\""), "{html}");
        assert!(!is_relative("javascript:alert(1)"));
        assert!(!is_relative("mailto:a@b.org"));
        assert!(!is_relative("a:b/c.png") && is_relative("dir/a:b.png"));
    }

    #[test]
    fn hostile_markdown_is_neutralised() {
        let hostile = r#"# Leçon

<script>alert("raw")</script>

<img src="x.png" onerror="alert('img')">

<a href="javascript:alert('a')" onclick="alert('b')">raw link</a>

[markdown link](javascript:alert('md'))

[data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)

<iframe src="https://evil.example/"></iframe>

<style>body { display: none }</style>

<div style="position:fixed" onmouseover="alert(1)">hover</div>

![image](javascript:alert('image'))

```html
<script>shown as code</script>
```
"#;
        let html = plain(hostile);
        insta::assert_snapshot!(html);
        let lower = html.to_lowercase();
        for bad in [
            "<script",
            "onerror",
            "onclick",
            "onmouseover",
            "javascript:",
            "<iframe",
            "<style",
            "data:text/html",
            "style=",
        ] {
            assert!(!lower.contains(bad), "{bad} survived:\n{html}");
        }
        assert!(
            html.contains("&lt;script&gt;shown as code&lt;/script&gt;"),
            "code blocks show code as text"
        );
    }
}
