//! Fetching a registered source safely: http(s) only, every address the host
//! resolves to checked (no loopback, private, link-local, shared, multicast
//! or unspecified address unless `harvest.allow_private`), the connection
//! made only to the checked addresses (so a DNS answer cannot change between
//! the check and the connection), redirects followed by hand and checked
//! again, a byte bound enforced while reading, one deadline for everything,
//! and conditional requests from the previous run's validators.
//!
//! Blocking: call it from `tokio::task::spawn_blocking`.

use std::io::Read;
use std::net::{IpAddr, SocketAddr, ToSocketAddrs};
use std::time::{Duration, Instant};

use ureq::http::Uri;
use ureq::unversioned::resolver::{ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::{DefaultConnector, NextTimeout};

/// Why a fetch was refused or failed, in words an operator can act on.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("only http and https addresses are fetched, not {0}")]
    Scheme(String),
    #[error("the address {0} cannot be read")]
    BadUrl(String),
    #[error("cannot resolve the host {host}: {reason}")]
    Resolve { host: String, reason: String },
    #[error(
        "the host {host} resolves to {addr}, a loopback, private, link-local or otherwise local address (allowed only with harvest.allow_private)"
    )]
    LocalAddress { host: String, addr: IpAddr },
    #[error("more than {0} redirects")]
    TooManyRedirects(u32),
    #[error("a redirect without a Location header")]
    RedirectWithoutLocation,
    #[error("the body is larger than {0} bytes")]
    TooLarge(u64),
    #[error("the fetch took longer than {0:?}")]
    Timeout(Duration),
    #[error("the source answered HTTP {0}")]
    Status(u16),
    #[error("cannot fetch the source: {0}")]
    Http(String),
}

impl FetchError {
    /// A stable word for the report.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Scheme(_) => "scheme-refused",
            Self::BadUrl(_) => "url-invalid",
            Self::Resolve { .. } => "host-unknown",
            Self::LocalAddress { .. } => "address-refused",
            Self::TooManyRedirects(_) => "too-many-redirects",
            Self::RedirectWithoutLocation => "redirect-invalid",
            Self::TooLarge(_) => "too-large",
            Self::Timeout(_) => "timeout",
            Self::Status(_) => "http-status",
            Self::Http(_) => "http-error",
        }
    }
}

/// Bounds on one fetch.
#[derive(Debug, Clone)]
pub struct FetchLimits {
    pub allow_private: bool,
    pub max_redirects: u32,
    pub max_bytes: u64,
    pub timeout: Duration,
    /// Which addresses are refused when local ones are not allowed
    /// ([`is_local`]; tests narrow it to reach a refusal on loopback).
    pub refused: fn(IpAddr) -> bool,
}

impl From<&crate::settings::Settings> for FetchLimits {
    fn from(h: &crate::settings::Settings) -> Self {
        Self {
            allow_private: h.allow_private,
            max_redirects: h.max_redirects,
            max_bytes: h.max_bytes,
            timeout: Duration::from_secs(h.timeout_s),
            refused: is_local,
        }
    }
}

/// What the previous run kept for a conditional request.
#[derive(Debug, Clone, Default)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// A body fetched in full.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// The address that answered, after redirects.
    pub url: String,
    pub content_type: Option<String>,
    pub content_encoding: Option<String>,
    pub validators: Validators,
    pub body: Vec<u8>,
}

#[derive(Debug)]
pub enum Outcome {
    /// HTTP 304: nothing changed since the validators were given.
    NotModified,
    Body(Fetched),
}

/// Whether an address is one the harvester refuses by default.
pub fn is_local(addr: IpAddr) -> bool {
    match addr {
        IpAddr::V4(a) => {
            let [o0, o1, ..] = a.octets();
            a.is_loopback()
                || a.is_private()
                || a.is_link_local()
                || a.is_unspecified()
                || a.is_multicast()
                || a.is_broadcast()
                || a.is_documentation()
                || (o0 == 100 && (o1 & 0xc0) == 64) // shared, 100.64.0.0/10
                || o0 == 0
                || o0 >= 240
        }
        IpAddr::V6(a) => {
            if let Some(v4) = a.to_ipv4_mapped() {
                return is_local(IpAddr::V4(v4));
            }
            let seg = a.segments();
            let embedded = |hi: u16, lo: u16| {
                let [a, b] = hi.to_be_bytes();
                let [c, d] = lo.to_be_bytes();
                is_local(IpAddr::from([a, b, c, d]))
            };
            // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4
            // address that the gateway reaches: check that one.
            if seg[..6] == [0x64, 0xff9b, 0, 0, 0, 0] && embedded(seg[6], seg[7]) {
                return true;
            }
            if seg[0] == 0x2002 && embedded(seg[1], seg[2]) {
                return true;
            }
            let s0 = seg[0];
            a.is_loopback()
                || a.is_unspecified()
                || a.is_multicast()
                || (s0 & 0xfe00) == 0xfc00 // unique local, fc00::/7
                || (s0 & 0xffc0) == 0xfe80 // link-local, fe80::/10
        }
    }
}

/// Resolves to exactly the addresses that were checked.
#[derive(Debug)]
struct Pinned(Vec<SocketAddr>);

impl Resolver for Pinned {
    fn resolve(
        &self,
        _uri: &Uri,
        _config: &ureq::config::Config,
        _timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let mut out = self.empty();
        for addr in self.0.iter().take(16) {
            out.push(*addr);
        }
        Ok(out)
    }
}

/// The scheme, host (without IPv6 brackets) and port of an address.
fn parts(url: &str) -> Result<(Uri, String, u16), FetchError> {
    let scheme = url.split_once("://").map(|(s, _)| s.to_ascii_lowercase());
    match scheme.as_deref() {
        Some("http") | Some("https") => {}
        Some(other) => return Err(FetchError::Scheme(format!("{other}://"))),
        None => return Err(FetchError::BadUrl(url.to_string())),
    }
    let uri: Uri = url
        .parse()
        .map_err(|_| FetchError::BadUrl(url.to_string()))?;
    let host = uri
        .host()
        .filter(|h| !h.is_empty())
        .ok_or_else(|| FetchError::BadUrl(url.to_string()))?;
    if uri.authority().is_some_and(|a| a.as_str().contains('@')) {
        return Err(FetchError::BadUrl(url.to_string()));
    }
    let host = host
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_string();
    let port = uri
        .port_u16()
        .unwrap_or(if uri.scheme_str() == Some("https") {
            443
        } else {
            80
        });
    Ok((uri, host, port))
}

/// The system resolver's answer, given up on after `within` (the lookup
/// itself cannot be interrupted, so it finishes on its own thread).
fn resolve(host: &str, port: u16, within: Duration) -> Result<Vec<SocketAddr>, String> {
    let (tx, rx) = std::sync::mpsc::channel();
    let name = host.to_string();
    std::thread::spawn(move || {
        let answer = (name.as_str(), port)
            .to_socket_addrs()
            .map(|a| a.collect::<Vec<_>>())
            .map_err(|e| e.to_string());
        let _ = tx.send(answer);
    });
    rx.recv_timeout(within)
        .map_err(|_| format!("no answer within {within:?}"))?
}

/// The host's addresses, each checked.
fn checked_addresses(
    host: &str,
    port: u16,
    limits: &FetchLimits,
    within: Duration,
) -> Result<Vec<SocketAddr>, FetchError> {
    let addrs: Vec<SocketAddr> = match host.parse::<IpAddr>() {
        Ok(ip) => vec![SocketAddr::new(ip, port)],
        Err(_) => resolve(host, port, within).map_err(|reason| FetchError::Resolve {
            host: host.to_string(),
            reason,
        })?,
    };
    if addrs.is_empty() {
        return Err(FetchError::Resolve {
            host: host.to_string(),
            reason: "no address".into(),
        });
    }
    if !limits.allow_private
        && let Some(bad) = addrs.iter().find(|a| (limits.refused)(a.ip()))
    {
        return Err(FetchError::LocalAddress {
            host: host.to_string(),
            addr: bad.ip(),
        });
    }
    Ok(addrs)
}

/// `location` resolved against `base` (absolute, scheme-relative,
/// host-relative or path-relative).
pub fn join(base: &str, location: &str) -> String {
    let location = location.trim();
    if location.contains("://") {
        return location.to_string();
    }
    let (scheme, rest) = base.split_once("://").unwrap_or(("http", base));
    if let Some(loc) = location.strip_prefix("//") {
        return format!("{scheme}://{loc}");
    }
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let origin = format!("{scheme}://{}", &rest[..authority_end]);
    if location.starts_with('/') {
        return format!("{origin}{location}");
    }
    let path = rest[authority_end..].split(['?', '#']).next().unwrap_or("");
    let dir = path.rfind('/').map(|i| &path[..=i]).unwrap_or("/");
    format!("{origin}{dir}{location}")
}

fn header(response: &ureq::http::Response<ureq::Body>, name: &str) -> Option<String> {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

/// Fetches `url` within `limits`, conditionally when validators are given.
pub fn fetch(
    url: &str,
    validators: &Validators,
    limits: &FetchLimits,
) -> Result<Outcome, FetchError> {
    fetch_accepting(url, validators, limits, ACCEPT)
}

/// [`fetch`] with another `Accept` header than the RDF formats'.
pub fn fetch_accepting(
    url: &str,
    validators: &Validators,
    limits: &FetchLimits,
    accept: &str,
) -> Result<Outcome, FetchError> {
    let deadline = Instant::now() + limits.timeout;
    let mut current = url.to_string();
    let mut hops = 0;
    loop {
        let (uri, host, port) = parts(&current)?;
        let left = || {
            deadline
                .checked_duration_since(Instant::now())
                .filter(|d| !d.is_zero())
                .ok_or(FetchError::Timeout(limits.timeout))
        };
        let addrs = checked_addresses(&host, port, limits, left()?)?;
        let remaining = left()?;
        let config = ureq::Agent::config_builder()
            .max_redirects(0)
            .http_status_as_error(false)
            .proxy(None)
            .timeout_global(Some(remaining))
            .user_agent("Archipel harvester")
            .build();
        let agent = ureq::Agent::with_parts(config, DefaultConnector::new(), Pinned(addrs));
        let mut request = agent.get(uri).header("Accept", accept);
        if let Some(etag) = &validators.etag {
            request = request.header("If-None-Match", etag);
        }
        if let Some(lm) = &validators.last_modified {
            request = request.header("If-Modified-Since", lm);
        }
        let response = request.call().map_err(|e| match e {
            ureq::Error::Timeout(_) => FetchError::Timeout(limits.timeout),
            other => FetchError::Http(other.to_string()),
        })?;
        let status = response.status().as_u16();
        if matches!(status, 301 | 302 | 303 | 307 | 308) {
            hops += 1;
            if hops > limits.max_redirects {
                return Err(FetchError::TooManyRedirects(limits.max_redirects));
            }
            let location =
                header(&response, "location").ok_or(FetchError::RedirectWithoutLocation)?;
            current = join(&current, &location);
            continue;
        }
        if status == 304 {
            return Ok(Outcome::NotModified);
        }
        if !(200..300).contains(&status) {
            return Err(FetchError::Status(status));
        }
        let fetched_validators = Validators {
            etag: header(&response, "etag"),
            last_modified: header(&response, "last-modified"),
        };
        let content_type = header(&response, "content-type");
        let content_encoding = header(&response, "content-encoding");
        let mut body = Vec::new();
        response
            .into_body()
            .into_reader()
            .take(limits.max_bytes + 1)
            .read_to_end(&mut body)
            .map_err(|e| {
                if Instant::now() >= deadline {
                    FetchError::Timeout(limits.timeout)
                } else {
                    FetchError::Http(e.to_string())
                }
            })?;
        if body.len() as u64 > limits.max_bytes {
            return Err(FetchError::TooLarge(limits.max_bytes));
        }
        return Ok(Outcome::Body(Fetched {
            url: current,
            content_type,
            content_encoding,
            validators: fetched_validators,
            body,
        }));
    }
}

const ACCEPT: &str = "application/n-quads, application/n-triples, text/turtle, application/ld+json;q=0.9, application/rdf+xml;q=0.8, */*;q=0.1";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_addresses_are_recognised() {
        for a in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "0.0.0.0",
            "224.0.0.1",
            "255.255.255.255",
            "100.64.0.1",
            "::1",
            "::",
            "fc00::1",
            "fd12::1",
            "fe80::1",
            "ff02::1",
            "::ffff:127.0.0.1",
            "64:ff9b::10.0.0.1",
            "2002:c0a8:101::1",
        ] {
            assert!(is_local(a.parse().unwrap()), "{a}");
        }
        for a in [
            "93.184.216.34",
            "100.128.0.1",
            "2001:4860::8888",
            "8.8.8.8",
            "64:ff9b::808:808",
        ] {
            assert!(!is_local(a.parse().unwrap()), "{a}");
        }
    }

    #[test]
    fn redirects_resolve_against_the_current_address() {
        let base = "https://a.example/x/y.ttl?q=1";
        assert_eq!(join(base, "http://b.example/z"), "http://b.example/z");
        assert_eq!(join(base, "//c.example/z"), "https://c.example/z");
        assert_eq!(join(base, "/z"), "https://a.example/z");
        assert_eq!(join(base, "z.ttl"), "https://a.example/x/z.ttl");
        assert_eq!(join("http://h:8080", "d"), "http://h:8080/d");
    }

    #[test]
    fn other_schemes_and_credentials_are_refused() {
        assert!(matches!(
            parts("ftp://x.example/a"),
            Err(FetchError::Scheme(_))
        ));
        assert!(matches!(
            parts("file:///etc/passwd"),
            Err(FetchError::Scheme(_))
        ));
        assert!(matches!(
            parts("http://u:p@x.example/"),
            Err(FetchError::BadUrl(_))
        ));
        assert_eq!(parts("http://[::1]:81/a").unwrap().1, "::1");
    }

    /// A loopback server answering every connection with `reply` (or
    /// nothing at all when it is empty).
    fn server(reply: &'static str) -> u16 {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        std::thread::spawn(move || {
            let mut held = Vec::new();
            for mut stream in listener.incoming().flatten() {
                let mut buf = [0u8; 4096];
                let _ = stream.read(&mut buf);
                if reply.is_empty() {
                    held.push(stream);
                } else {
                    let _ = std::io::Write::write_all(&mut stream, reply.as_bytes());
                }
            }
        });
        port
    }

    fn strict() -> FetchLimits {
        FetchLimits {
            allow_private: false,
            max_redirects: 5,
            max_bytes: 1000,
            timeout: Duration::from_secs(1),
            refused: is_local,
        }
    }

    #[test]
    fn every_redirect_hop_is_checked_again() {
        let port = server(
            "HTTP/1.1 302 Found\r\nLocation: http://127.0.0.2/secret\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        );
        // Only 127.0.0.2 counts as local here, so the first hop is fetched
        // and the redirect's target is refused before any connection.
        let limits = FetchLimits {
            refused: |a| a == IpAddr::from([127, 0, 0, 2]),
            ..strict()
        };
        let err = fetch(
            &format!("http://127.0.0.1:{port}/a"),
            &Validators::default(),
            &limits,
        )
        .unwrap_err();
        assert!(
            matches!(err, FetchError::LocalAddress { addr, .. } if addr == IpAddr::from([127, 0, 0, 2])),
            "{err}"
        );
        let err = fetch("http://localhost:9/x", &Validators::default(), &strict()).unwrap_err();
        assert!(
            matches!(err, FetchError::LocalAddress { .. }),
            "names are resolved and checked: {err}"
        );
    }

    #[test]
    fn a_silent_server_runs_into_the_deadline() {
        let port = server("");
        let limits = FetchLimits {
            allow_private: true,
            ..strict()
        };
        let started = Instant::now();
        let err = fetch(
            &format!("http://127.0.0.1:{port}/a"),
            &Validators::default(),
            &limits,
        )
        .unwrap_err();
        assert!(matches!(err, FetchError::Timeout(_)), "{err}");
        assert!(started.elapsed() < Duration::from_secs(5));
    }
}
