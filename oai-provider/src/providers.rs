//! The providers of the directory in OAI-PMH: the set `providers`, whose
//! records are the published profiles (identifiers `oai:{host}:provider:{slug}`),
//! in `oai_dc` and as their schema.org RDF/XML (`oai_lrmi`). A profile taken
//! off the directory stays as a deleted record (the repository's deletions
//! are persistent).
//!
//! The set is listed only when asked for: lists without a set hold the
//! library's learning resources, which is what harvesters of this
//! repository map (Archipel's own harvester among them).

use i18n::Lang;
use linked_data::{Format, Graph, map};
use store::directory::oai::Record;
use store::directory::{Profile, Provider, vocab};

use crate::records::{Context, open_dc, set, strip_declaration};
use crate::xml::Doc;

/// The setSpec of the directory's providers.
pub const SET: &str = "providers";

/// What the local part of an identifier starts with for a provider.
const PREFIX: &str = "provider:";

/// The local part of a provider's identifier.
pub fn local_id(slug: &str) -> String {
    format!("{PREFIX}{slug}")
}

/// The slug a local identifier names, if it names a provider.
pub fn slug_of(local: &str) -> Option<&str> {
    local.strip_prefix(PREFIX).filter(|s| !s.is_empty())
}

/// The `<set>` of the providers in ListSets.
pub fn list_set(ctx: &Context, doc: &mut Doc) {
    set(doc, SET, "Providers directory", |doc| {
        doc.text_with("dc:title", &[("xml:lang", "en")], "Providers directory");
        doc.text_with(
            "dc:title",
            &[("xml:lang", "fr")],
            "Annuaire des prestataires",
        );
        doc.text_with(
            "dc:description",
            &[("xml:lang", "en")],
            "Hosters, trainers and consultancies that help associations move to ethical digital tools, as their published profiles describe them.",
        );
        doc.text(
            "dc:identifier",
            &ctx.uris.page(&ctx.page_lang, "/directory"),
        );
    });
}

pub fn header(ctx: &Context, doc: &mut Doc, rec: &Record) {
    if rec.deleted {
        doc.open_with("header", &[("status", "deleted")]);
    } else {
        doc.open("header");
    }
    doc.text("identifier", &ctx.identifier(&local_id(&rec.provider.slug)));
    doc.text("datestamp", &crate::xml::datestamp(&rec.datestamp));
    doc.text("setSpec", SET);
    doc.close("header");
}

/// A whole record: its header, and its metadata in `prefix` unless deleted.
pub fn record(ctx: &Context, doc: &mut Doc, rec: &Record, prefix: &str) -> std::io::Result<()> {
    doc.open("record");
    header(ctx, doc, rec);
    if let (false, Some(profile)) = (rec.deleted, rec.provider.public()) {
        doc.open("metadata");
        if prefix == "oai_lrmi" {
            schema_org(ctx, doc, &rec.provider.slug, profile)?;
        } else {
            dublin_core(ctx, doc, &rec.provider, profile);
        }
        doc.close("metadata");
    }
    doc.close("record");
    Ok(())
}

fn dublin_core(ctx: &Context, doc: &mut Doc, p: &Provider, profile: &Profile) {
    open_dc(doc);
    doc.text("dc:title", &profile.name);
    for lang in Lang::ALL {
        let code = lang.code();
        let offered = i18n::labels::offered(
            lang,
            profile.help.iter().map(|h| h.as_str()),
            profile.services.iter().map(|s| s.as_str()),
        );
        for subject in offered {
            doc.text_with("dc:subject", &[("xml:lang", code)], &subject);
        }
    }
    for (lang, description) in &profile.descriptions {
        doc.text_with("dc:description", &[("xml:lang", lang)], description);
    }
    if let Some(date) = &p.published_at {
        doc.text("dc:date", &date.chars().take(10).collect::<String>());
    }
    // DCMI's type for "a system that provides one or more functions".
    doc.text("dc:type", "Service");
    doc.text("dc:type", "provider");
    doc.text("dc:identifier", &map::provider_uri(&ctx.uris, &p.slug));
    doc.text(
        "dc:identifier",
        &ctx.uris
            .page(&ctx.page_lang, &format!("/directory/{}", p.slug)),
    );
    if !profile.website.is_empty() {
        doc.text("dc:relation", &profile.website);
    }
    for lang in &profile.languages {
        doc.text("dc:language", lang);
    }
    for a in &profile.areas {
        match a.region.as_deref().and_then(vocab::region) {
            Some(r) => doc.text("dc:coverage", &format!("{} ({})", r.name, r.code)),
            None => doc.text("dc:coverage", a.code()),
        }
    }
    doc.close("oai_dc:dc");
}

/// The profile's schema.org description as RDF/XML (`rdf:RDF`), as the RDF
/// store holds it.
fn schema_org(ctx: &Context, doc: &mut Doc, slug: &str, profile: &Profile) -> std::io::Result<()> {
    let mut g = Graph::new();
    map::provider(&mut g, &ctx.uris, slug, profile);
    let bytes = linked_data::format::serialize(&g, Format::RdfXml)?;
    let text = String::from_utf8(bytes).map_err(std::io::Error::other)?;
    doc.raw(strip_declaration(&text));
    Ok(())
}
