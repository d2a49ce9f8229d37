//! Stable URIs of everything Archipel publishes: the address of its page
//! without the language prefix, under the configured public base URL. They
//! are built from identifiers that never change (a resource's uid, a topic's
//! id, a partner's slug, a course's folder names), never from titles.

/// Builds URIs under one public base URL (`https://archipel.example.org`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Uris {
    base: String,
}

impl Uris {
    pub fn new(base: &str) -> Self {
        Uris {
            base: base.trim_end_matches('/').to_string(),
        }
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    /// `/library/resources/{uid}`.
    pub fn resource(&self, uid: &str) -> String {
        format!("{}/library/resources/{uid}", self.base)
    }

    /// A file of a resource, as downloaded (in the resource's original language).
    pub fn resource_file(&self, lang: &str, uid: &str, id: i64, name: &str) -> String {
        format!(
            "{}/{lang}/library/resources/{uid}/files/{id}/{}",
            self.base,
            encode(name)
        )
    }

    pub fn thumbnail(&self, lang: &str, uid: &str, name: &str) -> String {
        format!(
            "{}/{lang}/library/resources/{uid}/thumbnails/{}",
            self.base,
            encode(name)
        )
    }

    /// The topic scheme.
    pub fn scheme(&self) -> String {
        format!("{}/library/topics", self.base)
    }

    /// `/library/topics/{id}`.
    pub fn concept(&self, id: &str) -> String {
        format!("{}/library/topics/{id}", self.base)
    }

    /// The library's level scheme.
    pub fn levels(&self) -> String {
        format!("{}/library/levels", self.base)
    }

    /// `/library/levels/{key}` (`beginner`, `intermediate`, `advanced`).
    pub fn level(&self, key: &str) -> String {
        format!("{}/library/levels/{key}", self.base)
    }

    /// `/partners/{slug}`.
    pub fn partner(&self, slug: &str) -> String {
        format!("{}/partners/{slug}", self.base)
    }

    /// `/courses/{slug}`.
    pub fn course(&self, slug: &str) -> String {
        format!("{}/courses/{slug}", self.base)
    }

    pub fn module(&self, course: &str, module: &str) -> String {
        format!("{}/courses/{course}/{module}", self.base)
    }

    /// A lesson from its page path without language (`/courses/c/m/l`).
    pub fn lesson(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The named graph of a lesson's discussion (its count of posts).
    pub fn discussion(&self, lesson_path: &str) -> String {
        format!("{}{lesson_path}/discussion", self.base)
    }

    /// The DCAT catalogue and its one dataset.
    pub fn catalogue(&self) -> String {
        format!("{}/data/catalogue", self.base)
    }

    pub fn dataset(&self) -> String {
        format!("{}/data/dataset", self.base)
    }

    pub fn sparql(&self) -> String {
        format!("{}/sparql", self.base)
    }

    /// A page of the site in a language (`/fr/library`), for `schema:url`.
    pub fn page(&self, lang: &str, path: &str) -> String {
        format!("{}/{lang}{path}", self.base)
    }
}

/// The host of a URL, without scheme, credentials or port.
pub fn host_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit('@').next().unwrap_or("");
    let host = if host.starts_with('[') {
        host.split(']').next().map_or(host, |h| &h[1..])
    } else {
        host.split(':').next().unwrap_or(host)
    };
    host.to_ascii_lowercase()
}

/// Percent-encodes what cannot stand in a path segment of an IRI.
fn encode(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for c in segment.chars() {
        if c.is_ascii_alphanumeric() || "-._~".contains(c) {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_come_without_scheme_credentials_or_port() {
        assert_eq!(
            host_of("https://u:p@Archipel.Example.org:8443/x"),
            "archipel.example.org"
        );
        assert_eq!(host_of("http://[::1]:3000"), "::1");
        assert_eq!(host_of("archipel.example.org/x"), "archipel.example.org");
    }

    #[test]
    fn uris_are_page_addresses_without_the_language() {
        let u = Uris::new("https://archipel.example.org/");
        assert_eq!(
            u.resource("ab12"),
            "https://archipel.example.org/library/resources/ab12"
        );
        assert_eq!(
            u.concept("backups"),
            "https://archipel.example.org/library/topics/backups"
        );
        assert_eq!(
            u.resource_file("fr", "ab12", 3, "kit d'atelier.pdf"),
            "https://archipel.example.org/fr/library/resources/ab12/files/3/kit%20d%27atelier.pdf"
        );
    }
}
