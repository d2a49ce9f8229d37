//! Rendered pages kept in memory with their brotli and gzip bytes and a
//! strong ETag, bounded by memory (least recently used first), and dropped
//! by exactly the changes they show: each page names the kinds of data it
//! shows ([`Deps`]); the outbox, a content reload and a new data dump say
//! which kinds changed. What is kept and who gets it is the HTTP layer's
//! business (`http::cache`); this is the memory.

use std::any::Any;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use lru::LruCache;
use sha2::Digest;
use store::outbox::Entity;

/// Kinds of data a page shows, as bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deps(u8);

impl Deps {
    pub const COURSES: Deps = Deps(1);
    pub const RESOURCES: Deps = Deps(1 << 1);
    pub const TOPICS: Deps = Deps(1 << 2);
    pub const PARTNERS: Deps = Deps(1 << 3);
    pub const PROVIDERS: Deps = Deps(1 << 4);
    pub const HARVESTED: Deps = Deps(1 << 5);
    pub const DUMPS: Deps = Deps(1 << 6);
    /// Lesson discussions (the counts lessons and courses show).
    pub const DISCUSSIONS: Deps = Deps(1 << 7);
    pub const ALL: Deps = Deps(u8::MAX);

    pub const fn and(self, other: Deps) -> Deps {
        Deps(self.0 | other.0)
    }

    pub fn touches(self, other: Deps) -> bool {
        self.0 & other.0 != 0
    }

    /// What a batch of changes applied by a projection can alter.
    pub fn of_batch(b: &projections::cursor::Batch) -> Deps {
        [
            (!b.resources.is_empty(), Deps::RESOURCES),
            (b.topics, Deps::TOPICS),
            (!b.partners.is_empty(), Deps::PARTNERS),
            (!b.providers.is_empty(), Deps::PROVIDERS),
            (!b.harvest_sources.is_empty(), Deps::HARVESTED),
            (!b.discussions.is_empty(), Deps::DISCUSSIONS),
            (b.courses, Deps::COURSES),
        ]
        .into_iter()
        .filter(|(changed, _)| *changed)
        .fold(Deps(0), |all, (_, d)| all.and(d))
    }

    /// What a change recorded in the outbox can alter.
    pub fn of_change(entity: Option<Entity>) -> Deps {
        match entity {
            Some(Entity::Resource) => Deps::RESOURCES,
            Some(Entity::Concept) => Deps::TOPICS,
            Some(Entity::Organisation) => Deps::PARTNERS,
            Some(Entity::Provider) => Deps::PROVIDERS,
            Some(Entity::HarvestSource) => Deps::HARVESTED,
            Some(Entity::Discussion) => Deps::DISCUSSIONS,
            // Written by a newer node: whatever it is, nothing stale stays.
            None => Deps::ALL,
        }
    }
}

/// The generations of what is not in the outbox: the course catalogue
/// (moves on a content reload) and the data dumps (on each write).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Versions {
    pub courses: u64,
    pub dumps: u64,
}

/// One kept page.
pub struct Entry {
    deps: Deps,
    /// What it was rendered from.
    versions: Versions,
    /// A hash of the page's bytes, the base of its ETags.
    tag: String,
    /// The page's headers (type, security policy…), without length or encoding.
    headers: HeaderMap,
    identity: Bytes,
    gzip: Bytes,
    brotli: Bytes,
    made: std::time::Instant,
}

impl Entry {
    pub fn new(mut headers: HeaderMap, identity: Bytes, deps: Deps, versions: Versions) -> Entry {
        let tag = hex::encode(&sha2::Sha256::digest(&identity)[..12]);
        let gzip = {
            use std::io::Write;
            let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
            e.write_all(&identity).expect("writing to memory");
            Bytes::from(e.finish().expect("writing to memory"))
        };
        let brotli = {
            let mut out = Vec::new();
            let params = brotli::enc::BrotliEncoderParams {
                quality: if identity.len() <= BROTLI_BEST_UP_TO {
                    11
                } else {
                    6
                },
                lgwin: window_bits(identity.len()),
                size_hint: identity.len(),
                ..Default::default()
            };
            brotli::BrotliCompress(&mut &identity[..], &mut out, &params)
                .expect("writing to memory");
            Bytes::from(out)
        };
        headers.remove(header::CONTENT_LENGTH);
        headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=0, must-revalidate"),
        );
        headers.insert(
            header::VARY,
            HeaderValue::from_static("Accept-Encoding, Cookie"),
        );
        Entry {
            deps,
            versions,
            tag,
            headers,
            identity,
            gzip,
            brotli,
            made: std::time::Instant::now(),
        }
    }

    /// What the entry holds in memory.
    fn size(&self, key: &str) -> usize {
        key.len() + self.identity.len() + self.gzip.len() + self.brotli.len() + 512
    }

    /// The response for a request with these headers.
    pub fn respond(&self, request: &HeaderMap, head: bool) -> Response {
        let (body, coding, suffix) = match preferred(request) {
            Coding::Brotli => (&self.brotli, Some("br"), "-br"),
            Coding::Gzip => (&self.gzip, Some("gzip"), "-gz"),
            Coding::Identity => (&self.identity, None, ""),
        };
        let etag = HeaderValue::from_str(&format!("\"{}{suffix}\"", self.tag))
            .expect("hex is a valid header");
        if not_modified(request, &self.tag) {
            let mut res = StatusCode::NOT_MODIFIED.into_response();
            let h = res.headers_mut();
            h.insert(header::ETAG, etag);
            for name in [header::CACHE_CONTROL, header::VARY] {
                if let Some(v) = self.headers.get(&name) {
                    h.insert(name, v.clone());
                }
            }
            return res;
        }
        let mut res = Response::new(if head {
            Body::empty()
        } else {
            Body::from(body.clone())
        });
        let h = res.headers_mut();
        h.clone_from(&self.headers);
        h.insert(header::ETAG, etag);
        h.insert(header::CONTENT_LENGTH, HeaderValue::from(body.len()));
        if let Some(c) = coding {
            h.insert(header::CONTENT_ENCODING, HeaderValue::from_static(c));
        }
        res
    }
}

/// Up to this size, brotli's best quality (11): each answer is compressed
/// once, and a page of 10 to 60 KB takes a few milliseconds. Above (an
/// OAI-PMH page of 200 KB took 210 ms at 11), quality 6: 25 times faster for
/// 10 % more bytes.
const BROTLI_BEST_UP_TO: usize = 64 * 1024;

/// The smallest brotli window (16 to 24 bits) that holds the whole answer:
/// a 10 KB page does not pay for the tables of a 4 MB window (tens of
/// megabytes at quality 11).
fn window_bits(len: usize) -> i32 {
    (16..24).find(|w| (1usize << w) - 16 >= len).unwrap_or(24)
}

#[derive(Debug, PartialEq, Eq)]
enum Coding {
    Brotli,
    Gzip,
    Identity,
}

/// The coding to send: brotli, else gzip, when the request accepts it
/// (`q=0` refuses).
fn preferred(request: &HeaderMap) -> Coding {
    let mut best = Coding::Identity;
    for value in request.get_all(header::ACCEPT_ENCODING) {
        let Ok(value) = value.to_str() else { continue };
        for item in value.split(',') {
            let mut parts = item.split(';');
            let name = parts.next().unwrap_or("").trim();
            let refused = parts.any(|p| {
                p.trim()
                    .strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .is_some_and(|q| q <= 0.0)
            });
            if refused {
                continue;
            }
            if name.eq_ignore_ascii_case("br") {
                return Coding::Brotli;
            }
            if name.eq_ignore_ascii_case("gzip") || name.eq_ignore_ascii_case("x-gzip") {
                best = Coding::Gzip;
            }
        }
    }
    best
}

/// Whether `If-None-Match` names this page (any of its codings).
fn not_modified(request: &HeaderMap, tag: &str) -> bool {
    request
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|t| t.trim().trim_start_matches("W/").trim_matches('"'))
        .any(|t| t == "*" || t.split('-').next() == Some(tag))
}

struct Kept {
    pages: LruCache<String, Arc<Entry>>,
    bytes: usize,
    fragments: HashMap<String, Fragment>,
}

/// A part of pages made for one reader that is the same for all (a thing's
/// JSON-LD, the search page's labels), kept under the same rules as pages.
struct Fragment {
    deps: Deps,
    versions: Versions,
    value: Arc<dyn Any + Send + Sync>,
}

/// The most fragments kept (all are dropped when more come).
const MAX_FRAGMENTS: usize = 4096;

/// Whether something rendered from `then` and showing `deps` is out of date.
fn outdated(deps: Deps, then: Versions, now: Versions) -> bool {
    (deps.touches(Deps::COURSES) && then.courses != now.courses)
        || (deps.touches(Deps::DUMPS) && then.dumps != now.dumps)
}

/// The pages kept, bounded by memory.
pub struct PageCache {
    kept: Mutex<Kept>,
    max_bytes: usize,
    /// Moves on every invalidation: a page whose rendering began before a
    /// move may show what just changed, so it is not kept.
    generation: AtomicU64,
    /// The last outbox change applied (none before the first look).
    cursor: tokio::sync::Mutex<Option<i64>>,
    /// One answer compressed for keeping at a time per core: when many
    /// readers miss the same page at once (its first minute), one keeps it
    /// and the others get what they rendered, compressed on the fly.
    compressing: tokio::sync::Semaphore,
}

impl PageCache {
    pub fn new(max_bytes: usize) -> PageCache {
        PageCache {
            kept: Mutex::new(Kept {
                pages: LruCache::unbounded(),
                bytes: 0,
                fragments: HashMap::new(),
            }),
            max_bytes,
            generation: AtomicU64::new(0),
            cursor: tokio::sync::Mutex::new(None),
            compressing: tokio::sync::Semaphore::new(
                std::thread::available_parallelism().map_or(2, |n| n.get()),
            ),
        }
    }

    /// A turn to compress an answer for keeping, if one is free now.
    pub fn compression_slot(&self) -> Option<tokio::sync::SemaphorePermit<'_>> {
        self.compressing.try_acquire().ok()
    }

    /// Read before rendering a page; see [`PageCache::put`].
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    pub fn enabled(&self) -> bool {
        self.max_bytes > 0
    }

    fn kept(&self) -> std::sync::MutexGuard<'_, Kept> {
        self.kept.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The answer kept for `key` if it is still current and younger than
    /// `age` (for answers that name the time they were made).
    pub fn get_within(&self, key: &str, now: Versions, age: Duration) -> Option<Arc<Entry>> {
        self.get(key, now).filter(|e| e.made.elapsed() < age)
    }

    /// The page kept for `key`, if it is still current.
    pub fn get(&self, key: &str, now: Versions) -> Option<Arc<Entry>> {
        let mut kept = self.kept();
        let entry = kept.pages.get(key)?.clone();
        if outdated(entry.deps, entry.versions, now) {
            if let Some(old) = kept.pages.pop(key) {
                kept.bytes -= old.size(key);
            }
            return None;
        }
        Some(entry)
    }

    /// Keeps `entry` unless something changed since `generation` was read.
    pub fn put(&self, key: String, entry: Arc<Entry>, generation: u64) {
        let size = entry.size(&key);
        if size > self.max_bytes / 4 {
            return;
        }
        let mut kept = self.kept();
        if self.generation.load(Ordering::Acquire) != generation {
            return;
        }
        if let Some(old) = kept.pages.put(key.clone(), entry) {
            kept.bytes -= old.size(&key);
        }
        kept.bytes += size;
        while kept.bytes > self.max_bytes {
            let Some((k, old)) = kept.pages.pop_lru() else {
                break;
            };
            kept.bytes -= old.size(&k);
        }
    }

    /// Drops every page that shows data of these kinds.
    pub fn invalidate(&self, deps: Deps) {
        if deps.0 == 0 {
            return;
        }
        let mut kept = self.kept();
        self.generation.fetch_add(1, Ordering::AcqRel);
        let stale: Vec<String> = kept
            .pages
            .iter()
            .filter(|(_, e)| e.deps.touches(deps))
            .map(|(k, _)| k.clone())
            .collect();
        for k in stale {
            if let Some(old) = kept.pages.pop(&k) {
                kept.bytes -= old.size(&k);
            }
        }
        kept.fragments.retain(|_, f| !f.deps.touches(deps));
    }

    /// The fragment kept for `key`, if it is still current.
    pub fn fragment<T: Any + Send + Sync>(&self, key: &str, now: Versions) -> Option<Arc<T>> {
        let kept = self.kept();
        let f = kept.fragments.get(key)?;
        if outdated(f.deps, f.versions, now) {
            return None;
        }
        f.value.clone().downcast::<T>().ok()
    }

    /// Keeps a fragment made from `versions` unless something changed since
    /// `generation` was read (as [`PageCache::put`]).
    pub fn keep_fragment<T: Any + Send + Sync>(
        &self,
        key: String,
        (deps, versions): (Deps, Versions),
        value: Arc<T>,
        generation: u64,
    ) {
        if !self.enabled() {
            return;
        }
        let mut kept = self.kept();
        if self.generation.load(Ordering::Acquire) != generation {
            return;
        }
        if kept.fragments.len() >= MAX_FRAGMENTS {
            kept.fragments.clear();
        }
        kept.fragments.insert(
            key,
            Fragment {
                deps,
                versions,
                value,
            },
        );
    }

    /// How many pages are kept, and their bytes.
    pub fn usage(&self) -> (usize, usize) {
        let kept = self.kept();
        (kept.pages.len(), kept.bytes)
    }

    /// Applies the changes recorded in the outbox since the last look: after
    /// a write through this node's pages, before its answer leaves, so the
    /// writer's next page shows it. Changes written elsewhere arrive with the
    /// search indexer's catch-up ([`Deps::of_batch`]). The first look drops
    /// everything (changes before it are not known).
    pub async fn follow(&self, db: &store::Db) -> Result<(), store::StoreError> {
        let mut cursor = self.cursor.lock().await;
        let Some(from) = *cursor else {
            let last = store::outbox::last_id(db).await?;
            self.invalidate(Deps::ALL);
            *cursor = Some(last);
            return Ok(());
        };
        let mut from = from;
        loop {
            let changes = store::outbox::after(db, from, 500).await?;
            let Some(last) = changes.last() else { break };
            from = last.id;
            let deps = changes
                .iter()
                .fold(Deps(0), |d, c| d.and(Deps::of_change(c.entity)));
            self.invalidate(deps);
            *cursor = Some(from);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brotli_windows_fit_the_page() {
        assert_eq!(window_bits(10_000), 16);
        assert_eq!(window_bits(65_520), 16);
        assert_eq!(window_bits(65_521), 17);
        assert_eq!(window_bits(200_000), 18);
        assert_eq!(window_bits(64 << 20), 24);
    }

    #[test]
    fn compression_turns_are_bounded() {
        let cache = PageCache::new(1 << 20);
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        let turns: Vec<_> = (0..cores).map_while(|_| cache.compression_slot()).collect();
        assert_eq!(turns.len(), cores);
        assert!(cache.compression_slot().is_none(), "every turn is taken");
        drop(turns);
        assert!(cache.compression_slot().is_some());
    }

    fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(
                axum::http::HeaderName::from_bytes(k.as_bytes()).unwrap(),
                HeaderValue::from_str(v).unwrap(),
            );
        }
        h
    }

    #[test]
    fn brotli_first_then_gzip_and_q0_refuses() {
        let p = |v| preferred(&headers(&[("accept-encoding", v)]));
        assert_eq!(p("gzip, deflate, br"), Coding::Brotli);
        assert_eq!(p("gzip"), Coding::Gzip);
        assert_eq!(p("br;q=0, gzip;q=0.5"), Coding::Gzip);
        assert_eq!(p("identity"), Coding::Identity);
        assert_eq!(preferred(&HeaderMap::new()), Coding::Identity);
    }

    #[test]
    fn an_etag_of_any_coding_matches() {
        let h = |v| headers(&[("if-none-match", v)]);
        assert!(not_modified(&h("\"abc-br\""), "abc"));
        assert!(not_modified(&h("W/\"abc-gz\", \"x\""), "abc"));
        assert!(not_modified(&h("*"), "abc"));
        assert!(!not_modified(&h("\"abd\""), "abc"));
        assert!(!not_modified(&HeaderMap::new(), "abc"));
    }

    fn entry(deps: Deps, size: usize) -> Arc<Entry> {
        Arc::new(Entry::new(
            HeaderMap::new(),
            Bytes::from(vec![b'a'; size]),
            deps,
            Versions::default(),
        ))
    }

    #[test]
    fn invalidation_drops_exactly_the_pages_that_show_the_change() {
        let cache = PageCache::new(1 << 20);
        cache.put("/fr/courses".into(), entry(Deps::COURSES, 10), 0);
        cache.put("/fr/library".into(), entry(Deps::RESOURCES, 10), 0);
        cache.invalidate(Deps::RESOURCES);
        let now = Versions::default();
        assert!(cache.get("/fr/courses", now).is_some());
        assert!(cache.get("/fr/library", now).is_none());
        // A page rendered before the change is not kept after it.
        cache.put("/fr/library".into(), entry(Deps::RESOURCES, 10), 0);
        assert!(cache.get("/fr/library", now).is_none());
        // New dumps leave course pages; a new catalogue does not.
        let dumped = Versions { dumps: 1, ..now };
        assert!(cache.get("/fr/courses", dumped).is_some());
        let reloaded = Versions { courses: 1, ..now };
        assert!(cache.get("/fr/courses", reloaded).is_none());
    }

    #[test]
    fn fragments_follow_the_same_changes() {
        let cache = PageCache::new(1 << 20);
        let now = Versions::default();
        let key = || "json-ld /fr/courses/x".to_string();
        cache.keep_fragment(key(), (Deps::COURSES, now), Arc::new("ld".to_string()), 0);
        let kept: Option<Arc<String>> = cache.fragment(&key(), now);
        assert_eq!(kept.as_deref().map(String::as_str), Some("ld"));
        assert!(
            cache.fragment::<u32>(&key(), now).is_none(),
            "of its own type only"
        );
        let reloaded = Versions { courses: 1, ..now };
        assert!(cache.fragment::<String>(&key(), reloaded).is_none());
        cache.invalidate(Deps::RESOURCES);
        assert!(cache.fragment::<String>(&key(), now).is_some());
        cache.invalidate(Deps::TOPICS.and(Deps::COURSES));
        assert!(cache.fragment::<String>(&key(), now).is_none());
    }

    #[test]
    fn memory_stays_within_its_bound() {
        let cache = PageCache::new(64 * 1024);
        for i in 0..100 {
            cache.put(format!("/fr/p{i}"), entry(Deps::COURSES, 4096), 0);
        }
        let (pages, bytes) = cache.usage();
        assert!(bytes <= 64 * 1024, "{bytes}");
        assert!(pages > 1 && pages < 100, "{pages}");
        let now = Versions::default();
        assert!(cache.get("/fr/p99", now).is_some(), "the newest stays");
        assert!(cache.get("/fr/p0", now).is_none(), "the oldest went first");
    }
}
