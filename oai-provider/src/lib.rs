//! The OAI-PMH 2.0 provider at `/oai` (openarchives.org/OAI/openarchivesprotocol.html):
//! the six verbs by GET or form POST, the spec's argument rules, records of
//! the library's resources in `oai_dc` and `oai_lrmi`, sets by partner,
//! topic and language, the directory's providers as a set of their own
//! ([`providers`]), persistent deletions and stateless resumption tokens.
//!
//! Protocol errors are answers (an XML document with `<error code=…>`, sent
//! with HTTP 200), not [`OaiError`]s; only a failure of the database (or of
//! the token key) is an error. Of the spec's codes, `noSetHierarchy` never
//! applies: this repository has sets. The HTTP endpoint is the server's; this
//! crate reads the arguments and writes the answer.

pub mod providers;
pub mod records;
pub mod repository;
pub mod token;
pub mod xml;

use store::directory::oai as directory_oai;
use store::library::oai::{self as library_oai, Record, Selection, SetFilter};
use time::OffsetDateTime;

use self::records::{Context, FORMATS};
pub use self::repository::{Repository, Settings};
use self::token::Token;
use self::xml::{Doc, OAI_ID_NS, OAI_ID_XSD, XSI_NS, utc};

/// Why no answer could be written (protocol errors are answers).
#[derive(Debug, thiserror::Error)]
pub enum OaiError {
    #[error(transparent)]
    Store(#[from] store::StoreError),
    #[error("cannot read the resumption token key: {0}")]
    Key(#[source] std::io::Error),
    #[error("cannot write a record: {0}")]
    Record(#[source] std::io::Error),
}

impl Repository<'_> {
    /// The provider's base URL.
    pub fn base_url(&self) -> String {
        format!("{}/oai", self.public_url.trim_end_matches('/'))
    }

    /// The answer to a request whose arguments are `raw` (a query string or
    /// a form body), as an XML document.
    pub async fn answer(&self, raw: &[u8]) -> Result<String, OaiError> {
        answer(self, raw, OffsetDateTime::now_utc()).await
    }

    /// The answer to a POST whose body is not a form.
    pub fn not_a_form(&self) -> String {
        error_doc(
            &utc(OffsetDateTime::now_utc()),
            &self.base_url(),
            None,
            &Failure::new(
                "badArgument",
                "arguments are sent as application/x-www-form-urlencoded",
            ),
        )
    }
}

/// A protocol error: its code and a sentence.
#[derive(Debug)]
struct Failure {
    code: &'static str,
    message: String,
}

impl Failure {
    fn new(code: &'static str, message: impl Into<String>) -> Self {
        Failure {
            code,
            message: message.into(),
        }
    }

    /// badVerb and badArgument answer without the request's arguments.
    fn shows_arguments(&self) -> bool {
        !matches!(self.code, "badVerb" | "badArgument")
    }
}

fn error_doc(date: &str, base: &str, args: Option<&[(String, String)]>, f: &Failure) -> String {
    let args = args.filter(|_| f.shows_arguments());
    let mut doc = Doc::new(date, base, args);
    doc.text_with("error", &[("code", f.code)], &f.message);
    doc.finish()
}

/// The verbs and the arguments each takes besides `verb`.
const VERBS: &[(&str, &[&str])] = &[
    ("Identify", &[]),
    ("ListMetadataFormats", &["identifier"]),
    ("ListSets", &["resumptionToken"]),
    ("GetRecord", &["identifier", "metadataPrefix"]),
    (
        "ListIdentifiers",
        &["metadataPrefix", "from", "until", "set", "resumptionToken"],
    ),
    (
        "ListRecords",
        &["metadataPrefix", "from", "until", "set", "resumptionToken"],
    ),
];

/// The request's arguments, checked against its verb's rules.
struct Args {
    verb: &'static str,
    pairs: Vec<(String, String)>,
}

impl Args {
    fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn required(&self, name: &str) -> Result<&str, Failure> {
        self.get(name).ok_or_else(|| {
            Failure::new(
                "badArgument",
                format!("{} needs the argument {name}", self.verb),
            )
        })
    }
}

fn parse_args(raw: &[u8]) -> Result<Args, Failure> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(raw)
        .map_err(|_| Failure::new("badArgument", "the arguments cannot be read"))?;
    let verbs: Vec<&str> = pairs
        .iter()
        .filter(|(k, _)| k == "verb")
        .map(|(_, v)| v.as_str())
        .collect();
    let verb = match verbs.as_slice() {
        [] => return Err(Failure::new("badVerb", "the verb argument is missing")),
        [_, _, ..] => return Err(Failure::new("badVerb", "the verb argument is repeated")),
        [v] => *v,
    };
    let (verb, allowed) = VERBS
        .iter()
        .find(|(name, _)| *name == verb)
        .copied()
        .ok_or_else(|| Failure::new("badVerb", format!("{verb:?} is not an OAI-PMH verb")))?;
    let mut seen: Vec<&str> = Vec::new();
    for (k, _) in pairs.iter().filter(|(k, _)| k != "verb") {
        if !allowed.contains(&k.as_str()) {
            return Err(Failure::new(
                "badArgument",
                format!("{verb} does not take the argument {k:?}"),
            ));
        }
        if seen.contains(&k.as_str()) {
            return Err(Failure::new(
                "badArgument",
                format!("the argument {k} is repeated"),
            ));
        }
        seen.push(k);
    }
    if seen.contains(&"resumptionToken") && seen.len() > 1 {
        return Err(Failure::new(
            "badArgument",
            "resumptionToken is exclusive: it comes with the verb only",
        ));
    }
    Ok(Args { verb, pairs })
}

async fn answer(
    repo: &Repository<'_>,
    raw: &[u8],
    now: OffsetDateTime,
) -> Result<String, OaiError> {
    let date = utc(now);
    let base = repo.base_url();
    let args = match parse_args(raw) {
        Ok(a) => a,
        Err(f) => return Ok(error_doc(&date, &base, None, &f)),
    };
    let ctx = Context::load(repo).await?;
    let mut doc = Doc::new(&date, &base, Some(&args.pairs));
    let done = match args.verb {
        "Identify" => identify(repo, &ctx, &mut doc, &base).await,
        "ListMetadataFormats" => list_formats(repo, &ctx, &args, &mut doc).await,
        "ListSets" => list_sets(repo, &ctx, &args, &mut doc).await,
        "GetRecord" => get_record(repo, &ctx, &args, &mut doc).await,
        _ => list(repo, &ctx, &args, &mut doc, now).await,
    }?;
    Ok(match done {
        Ok(()) => doc.finish(),
        Err(f) => error_doc(&date, &base, Some(&args.pairs), &f),
    })
}

/// What a verb gives: the document written, a protocol error, or a failure.
type Outcome = Result<Result<(), Failure>, OaiError>;

async fn identify(repo: &Repository<'_>, ctx: &Context, doc: &mut Doc, base: &str) -> Outcome {
    let library = library_oai::earliest(repo.db).await?;
    let directory = directory_oai::earliest(repo.db).await?;
    let earliest = [library, directory]
        .into_iter()
        .flatten()
        .min()
        .map_or_else(|| utc(OffsetDateTime::now_utc()), |d| xml::datestamp(&d));
    let admin = if repo.settings.admin_email.is_empty() {
        format!("admin@{}", ctx.host)
    } else {
        repo.settings.admin_email.clone()
    };
    doc.open("Identify");
    doc.text(
        "repositoryName",
        &format!("Archipel library ({})", ctx.host),
    );
    doc.text("baseURL", base);
    doc.text("protocolVersion", "2.0");
    doc.text("adminEmail", &admin);
    doc.text("earliestDatestamp", &earliest);
    doc.text("deletedRecord", "persistent");
    doc.text("granularity", "YYYY-MM-DDThh:mm:ssZ");
    if records::is_repository_identifier(&ctx.host) {
        doc.open("description");
        doc.open_with(
            "oai-identifier",
            &[
                ("xmlns", OAI_ID_NS),
                ("xmlns:xsi", XSI_NS),
                ("xsi:schemaLocation", &format!("{OAI_ID_NS} {OAI_ID_XSD}")),
            ],
        );
        doc.text("scheme", "oai");
        doc.text("repositoryIdentifier", &ctx.host);
        doc.text("delimiter", ":");
        doc.text("sampleIdentifier", &ctx.identifier("0123456789ab"));
        doc.close("oai-identifier");
        doc.close("description");
    }
    doc.close("Identify");
    Ok(Ok(()))
}

/// A record of the repository: a library resource or a provider.
enum Item {
    Resource(Box<Record>),
    Provider(Box<directory_oai::Record>),
}

impl Item {
    fn deleted(&self) -> bool {
        match self {
            Item::Resource(r) => r.deleted,
            Item::Provider(p) => p.deleted,
        }
    }

    /// Where a list continues after this record: its datestamp and id.
    fn position(&self) -> (String, i64) {
        match self {
            Item::Resource(r) => (r.datestamp.clone(), r.resource.id),
            Item::Provider(p) => (p.datestamp.clone(), p.provider.id),
        }
    }

    fn header(&self, ctx: &Context, doc: &mut Doc) {
        match self {
            Item::Resource(r) => ctx.header(doc, r),
            Item::Provider(p) => providers::header(ctx, doc, p),
        }
    }

    fn write(&self, ctx: &Context, doc: &mut Doc, prefix: &str) -> Result<(), OaiError> {
        match self {
            Item::Resource(r) => write_record(ctx, doc, r, prefix),
            Item::Provider(p) => providers::record(ctx, doc, p, prefix).map_err(OaiError::Record),
        }
    }
}

/// The record an identifier names (idDoesNotExist when none).
async fn record_of(
    repo: &Repository<'_>,
    ctx: &Context,
    id: &str,
) -> Result<Result<Item, Failure>, OaiError> {
    let unknown = || {
        Failure::new(
            "idDoesNotExist",
            format!("no item has the identifier {id:?}"),
        )
    };
    let Some(uid) = ctx.uid_of(id) else {
        return Ok(Err(unknown()));
    };
    if let Some(slug) = providers::slug_of(uid) {
        let found = directory_oai::get(repo.db, slug).await?;
        return Ok(found
            .map(|r| Item::Provider(Box::new(r)))
            .ok_or_else(unknown));
    }
    let found = library_oai::get(repo.db, uid).await?;
    Ok(found
        .map(|r| Item::Resource(Box::new(r)))
        .ok_or_else(unknown))
}

async fn list_formats(repo: &Repository<'_>, ctx: &Context, args: &Args, doc: &mut Doc) -> Outcome {
    if let Some(id) = args.get("identifier") {
        let rec = match record_of(repo, ctx, id).await? {
            Ok(r) => r,
            Err(f) => return Ok(Err(f)),
        };
        // A deleted record keeps its header only: no format can carry it.
        if rec.deleted() {
            return Ok(Err(Failure::new(
                "noMetadataFormats",
                "the item is deleted: no metadata is disseminated for it",
            )));
        }
    }
    doc.open("ListMetadataFormats");
    for (prefix, schema, ns) in FORMATS {
        doc.open("metadataFormat");
        doc.text("metadataPrefix", prefix);
        doc.text("schema", schema);
        doc.text("metadataNamespace", ns);
        doc.close("metadataFormat");
    }
    doc.close("ListMetadataFormats");
    Ok(Ok(()))
}

async fn list_sets(repo: &Repository<'_>, ctx: &Context, args: &Args, doc: &mut Doc) -> Outcome {
    if args.get("resumptionToken").is_some() {
        // The sets are listed in one answer: no token is ever issued for them.
        return Ok(Err(Failure::new(
            "badResumptionToken",
            "ListSets answers in one response and issues no resumption token",
        )));
    }
    let languages = library_oai::languages(repo.db).await?;
    doc.open("ListSets");
    ctx.sets(doc, &languages);
    providers::list_set(ctx, doc);
    doc.close("ListSets");
    Ok(Ok(()))
}

fn check_prefix(prefix: &str) -> Result<(), Failure> {
    if FORMATS.iter().any(|(p, _, _)| *p == prefix) {
        Ok(())
    } else {
        Err(Failure::new(
            "cannotDisseminateFormat",
            format!("{prefix:?} is not a metadata format of this repository (oai_dc, oai_lrmi)"),
        ))
    }
}

async fn get_record(repo: &Repository<'_>, ctx: &Context, args: &Args, doc: &mut Doc) -> Outcome {
    let (id, prefix) = match (args.required("identifier"), args.required("metadataPrefix")) {
        (Ok(i), Ok(p)) => (i, p),
        (Err(f), _) | (_, Err(f)) => return Ok(Err(f)),
    };
    let rec = match record_of(repo, ctx, id).await? {
        Ok(r) => r,
        Err(f) => return Ok(Err(f)),
    };
    if let Err(f) = check_prefix(prefix) {
        return Ok(Err(f));
    }
    doc.open("GetRecord");
    rec.write(ctx, doc, prefix)?;
    doc.close("GetRecord");
    Ok(Ok(()))
}

fn write_record(ctx: &Context, doc: &mut Doc, rec: &Record, prefix: &str) -> Result<(), OaiError> {
    doc.open("record");
    ctx.header(doc, rec);
    if !rec.deleted {
        ctx.metadata(doc, &rec.resource, prefix)
            .map_err(OaiError::Record)?;
    }
    doc.close("record");
    Ok(())
}

/// A `from` or `until` argument: the stored-time bound it means, and
/// whether it was given to the day.
fn bound(name: &str, value: &str, end: bool) -> Result<(String, bool), Failure> {
    use time::macros::{format_description, time};
    let bad = || {
        Failure::new(
            "badArgument",
            format!("{name} must be YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ (got {value:?})"),
        )
    };
    if value.len() == 10 {
        let d = time::Date::parse(value, format_description!("[year]-[month]-[day]"))
            .map_err(|_| bad())?;
        let t = if end {
            time!(23:59:59.999999)
        } else {
            time!(0:00)
        };
        return Ok((store::format_time(d.with_time(t).assume_utc()), true));
    }
    let t = time::PrimitiveDateTime::parse(
        value,
        format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z"),
    )
    .map_err(|_| bad())?;
    let t = if end {
        t.replace_microsecond(999_999).map_err(|_| bad())?
    } else {
        t
    };
    Ok((store::format_time(t.assume_utc()), false))
}

/// The selection `from`, `until` and `set` ask for.
fn selection(
    from: Option<&str>,
    until: Option<&str>,
    set: Option<&str>,
) -> Result<Selection, Failure> {
    let from = from.map(|v| bound("from", v, false)).transpose()?;
    let until = until.map(|v| bound("until", v, true)).transpose()?;
    if let (Some((f, day_f)), Some((u, day_u))) = (&from, &until) {
        if day_f != day_u {
            return Err(Failure::new(
                "badArgument",
                "from and until must have the same granularity",
            ));
        }
        if f > u {
            return Err(Failure::new("badArgument", "from is later than until"));
        }
    }
    let set = match set {
        None => None,
        Some(s) if !records::is_set_spec(s) => {
            return Err(Failure::new(
                "badArgument",
                format!("{s:?} is not a setSpec"),
            ));
        }
        Some(s) => Some(match s.split_once(':') {
            None if s == "partner" || s == "language" => SetFilter::All,
            None if s == "topic" => SetFilter::AnyTopic,
            Some(("partner", slug)) => SetFilter::Partner(slug.to_string()),
            Some(("topic", id)) => SetFilter::Topic(id.to_string()),
            Some(("language", l)) => SetFilter::Language(l.to_string()),
            // Not a set of this repository: it holds nothing.
            _ => SetFilter::Partner(String::new()),
        }),
    };
    Ok(Selection {
        from: from.map(|(f, _)| f),
        until: until.map(|(u, _)| u),
        set,
    })
}

/// ListIdentifiers and ListRecords, a page at a time.
async fn list(
    repo: &Repository<'_>,
    ctx: &Context,
    args: &Args,
    doc: &mut Doc,
    now: OffsetDateTime,
) -> Outcome {
    let key = token::key(repo.settings, repo.data_dir).map_err(OaiError::Key)?;
    let (request, after) = match args.get("resumptionToken") {
        Some(text) => match token::decode(text, &key, now.unix_timestamp()) {
            Ok(t) if t.verb == args.verb => {
                let after = (t.after.clone(), t.cursor);
                (t, Some(after))
            }
            Ok(_) => {
                return Ok(Err(Failure::new(
                    "badResumptionToken",
                    "the resumption token continues another verb",
                )));
            }
            Err(e) => return Ok(Err(Failure::new("badResumptionToken", e.to_string()))),
        },
        None => {
            let prefix = match args.required("metadataPrefix") {
                Ok(p) => p,
                Err(f) => return Ok(Err(f)),
            };
            let t = Token {
                verb: args.verb.to_string(),
                prefix: prefix.to_string(),
                set: args.get("set").map(str::to_string),
                from: args.get("from").map(str::to_string),
                until: args.get("until").map(str::to_string),
                after: (String::new(), 0),
                cursor: 0,
                expires: 0,
            };
            (t, None)
        }
    };
    let selection = match selection(
        request.from.as_deref(),
        request.until.as_deref(),
        request.set.as_deref(),
    ) {
        Ok(s) => s,
        // A token only carries arguments that were checked when it was made.
        Err(f) if after.is_some() => return Ok(Err(Failure::new("badResumptionToken", f.message))),
        Err(f) => return Ok(Err(f)),
    };
    if let Err(f) = check_prefix(&request.prefix) {
        return Ok(Err(f));
    }
    let page = repo.settings.page_size;
    let last = after.as_ref().map(|((stamp, id), _)| (stamp.clone(), *id));
    let directory = request.set.as_deref() == Some(providers::SET);
    let (from, until) = (selection.from.as_deref(), selection.until.as_deref());
    let mut items: Vec<Item> = if directory {
        directory_oai::list(repo.db, from, until, last.as_ref(), page as i64 + 1)
            .await?
            .into_iter()
            .map(|r| Item::Provider(Box::new(r)))
            .collect()
    } else {
        library_oai::list(repo.db, &selection, last.as_ref(), page as i64 + 1)
            .await?
            .into_iter()
            .map(|r| Item::Resource(Box::new(r)))
            .collect()
    };
    if items.is_empty() {
        return Ok(Err(Failure::new(
            "noRecordsMatch",
            "no record matches these arguments",
        )));
    }
    let more = items.len() > page;
    items.truncate(page);
    let cursor = after.as_ref().map_or(0, |(_, c)| *c);
    doc.open(args.verb);
    for rec in &items {
        if args.verb == "ListRecords" {
            rec.write(ctx, doc, &request.prefix)?;
        } else {
            rec.header(ctx, doc);
        }
    }
    if more || after.is_some() {
        let total = if directory {
            directory_oai::count(repo.db, from, until).await?
        } else {
            library_oai::count(repo.db, &selection).await?
        };
        let cursor_text = cursor.to_string();
        let size = total.to_string();
        if more {
            let tail = items.last().expect("a page is not empty");
            let lifetime = time::Duration::seconds(repo.settings.token_lifetime_s as i64);
            let expires = now + lifetime;
            let next = Token {
                after: tail.position(),
                cursor: cursor + items.len() as u64,
                expires: expires.unix_timestamp(),
                ..request
            };
            let expiration = utc(expires);
            doc.text_with(
                "resumptionToken",
                &[
                    ("expirationDate", &expiration),
                    ("completeListSize", &size),
                    ("cursor", &cursor_text),
                ],
                &token::encode(&next, &key),
            );
        } else {
            doc.empty(
                "resumptionToken",
                &[("completeListSize", &size), ("cursor", &cursor_text)],
            );
        }
    }
    doc.close(args.verb);
    Ok(Ok(()))
}
