"""Third-party SPARQL clients against a running Archipel endpoint.

Runs SPARQLWrapper for every query form, every return format it offers for
that form and every way it sends a query (GET, form POST, direct POST), and
rdflib's SPARQLStore for every result format it offers, then checks that
each answer is parsed by the client and says the same as the others.

Usage: python sparql_clients.py ENDPOINT_URL
Prints one line per case and a closing "N passed, N failed"; exits 1 on
any failure.
"""

import sys
import warnings

from rdflib import Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import (
    CSV,
    GET,
    JSON,
    JSONLD,
    N3,
    POST,
    POSTDIRECTLY,
    RDF,
    RDFXML,
    TSV,
    TURTLE,
    URLENCODED,
    XML,
    SPARQLWrapper,
)

ENDPOINT = sys.argv[1]
PREFIX = "PREFIX schema: <http://schema.org/>\n"
SELECT = PREFIX + (
    "SELECT ?o ?name WHERE { ?o a schema:Organization ; schema:name ?name } "
    "ORDER BY ?o ?name LIMIT 5"
)
ASK = PREFIX + "ASK { ?r a schema:LearningResource }"
CONSTRUCT = PREFIX + (
    "CONSTRUCT { ?o a schema:Organization ; schema:name ?name } "
    "WHERE { ?o a schema:Organization ; schema:name ?name }"
)

# The return formats SPARQLWrapper offers, by query form.
TABLE_FORMATS = [JSON, XML, CSV, TSV]
GRAPH_FORMATS = [TURTLE, N3, XML, RDFXML, RDF, JSONLD, JSON]
# What the graph formats arrive as, for rdflib to parse the raw bytes.
RDFLIB_NAMES = {
    "text/turtle": "turtle",
    "application/rdf+xml": "xml",
    "application/ld+json": "json-ld",
    "application/n-triples": "nt",
}
METHODS = {
    "GET": (GET, URLENCODED),
    "POST form": (POST, URLENCODED),
    "POST query": (POST, POSTDIRECTLY),
}

passed, failed = 0, 0


def case(name, check):
    global passed, failed
    try:
        with warnings.catch_warnings(record=True) as seen:
            warnings.simplefilter("always")
            detail = check()
        # SPARQLWrapper warns when the endpoint answers another format than
        # the one asked for, or one it cannot read (its warnings about the
        # Accept header it sends itself are its own business).
        wrong = [
            str(w.message)
            for w in seen
            if "returned by the endpoint" in str(w.message)
            or "unknown response content type" in str(w.message).lower()
        ]
        if wrong:
            raise AssertionError("; ".join(wrong))
        passed += 1
        print(f"ok      {name}: {detail}")
    except Exception as e:  # noqa: BLE001 - every failure is reported
        failed += 1
        print(f"FAILED  {name}: {type(e).__name__}: {e}")


def wrapper(query, fmt, method):
    http_method, request_method = METHODS[method]
    w = SPARQLWrapper(ENDPOINT)
    w.setQuery(query)
    w.setReturnFormat(fmt)
    w.setMethod(http_method)
    w.setRequestMethod(request_method)
    return w.query()


def table_rows(result, fmt):
    """The rows of a SELECT answer, as (organisation, name) pairs."""
    data = result.convert()
    if fmt == JSON:
        return [(b["o"]["value"], b["name"]["value"]) for b in data["results"]["bindings"]]
    if fmt == XML:
        rows = []
        for r in data.getElementsByTagName("result"):
            values = {}
            for b in r.getElementsByTagName("binding"):
                values[b.getAttribute("name")] = b.firstChild.firstChild.nodeValue if b.firstChild.firstChild else ""
            rows.append((values["o"], values["name"]))
        return rows
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    sep = "," if fmt == CSV else "\t"
    lines = [l for l in text.splitlines() if l]
    header = [h.strip("?") for h in lines[0].split(sep)]
    assert header == ["o", "name"], header
    rows = []
    for line in lines[1:]:
        o, name = line.split(sep, 1)
        if fmt == TSV:
            o = o.strip("<>")
            name = name.split('"')[1] if name.startswith('"') else name
        else:
            name = name.strip('"')
        rows.append((o, name))
    return rows


def ask_value(result, fmt):
    data = result.convert()
    if fmt == JSON:
        return data["boolean"]
    if fmt == XML:
        return data.getElementsByTagName("boolean")[0].firstChild.nodeValue == "true"
    # CSV and TSV define no form for a boolean: the value alone (a header
    # line first, as some endpoints write, would be read too).
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    return text.strip().splitlines()[-1].strip().lower() == "true"


def value(triple):
    """A triple's predicate and object as values, so that two spellings of
    one time (`…Z`, `…+00:00`) or number compare equal."""
    _, p, o = triple
    return (p, o.toPython() if isinstance(o, Literal) else o)


def graph_of(result):
    """The triples of a CONSTRUCT or DESCRIBE answer, parsed by rdflib."""
    media = result.info()["content-type"].split(";")[0].strip()
    data = result.convert()
    if isinstance(data, Graph):
        return data, media
    g = Graph()
    g.parse(data=data, format=RDFLIB_NAMES[media])
    return g, media


def main():
    # What every other answer must say, read once as JSON.
    expected_rows = table_rows(wrapper(SELECT, JSON, "GET"), JSON)
    assert len(expected_rows) == 5, expected_rows
    expected_graph, _ = graph_of(wrapper(CONSTRUCT, TURTLE, "GET"))
    assert len(expected_graph) > 10, len(expected_graph)
    partner = URIRef(expected_rows[0][0])
    describe = f"DESCRIBE <{partner}>"
    described, _ = graph_of(wrapper(describe, TURTLE, "GET"))
    assert len(described) > 3, len(described)

    for method in METHODS:
        for fmt in TABLE_FORMATS:
            def select(fmt=fmt, method=method):
                rows = table_rows(wrapper(SELECT, fmt, method), fmt)
                assert rows == expected_rows, rows
                return f"{len(rows)} rows"

            def ask(fmt=fmt, method=method):
                assert ask_value(wrapper(ASK, fmt, method), fmt) is True
                return "true"

            case(f"SPARQLWrapper {method} SELECT {fmt}", select)
            case(f"SPARQLWrapper {method} ASK {fmt}", ask)
        for fmt in GRAPH_FORMATS:
            def construct(fmt=fmt, method=method):
                g, media = graph_of(wrapper(CONSTRUCT, fmt, method))
                assert g.isomorphic(expected_graph), f"{len(g)} triples in {media}"
                return f"{len(g)} triples as {media}"

            def describe_it(fmt=fmt, method=method):
                g, media = graph_of(wrapper(describe, fmt, method))
                assert g.isomorphic(described), f"{len(g)} triples in {media}"
                return f"{len(g)} triples as {media}"

            case(f"SPARQLWrapper {method} CONSTRUCT {fmt}", construct)
            case(f"SPARQLWrapper {method} DESCRIBE {fmt}", describe_it)

    # rdflib's SPARQLStore: a read-only graph over the endpoint. Its result
    # formats for tables (SELECT, and its own triple lookups) and, for ASK,
    # those it reads a boolean from (its CSV and TSV parsers read tables).
    for fmt in ["xml", "json", "csv", "tsv"]:
        for method in ["GET", "POST", "POST_FORM"]:
            def store_select(fmt=fmt, method=method):
                g = Graph(store=SPARQLStore(ENDPOINT, returnFormat=fmt, method=method))
                rows = [(str(r.o), str(r.name)) for r in g.query(SELECT)]
                assert rows == expected_rows, rows
                # What a graph over the endpoint is mostly used for: its triples.
                triples = list(g.triples((partner, None, None)))
                assert triples, "the partner's triples"
                own = [t for t in described if t[0] == partner]
                if fmt == "csv":
                    # CSV keeps no term types: the same predicates, as many.
                    assert sorted(str(t[1]) for t in triples) == sorted(str(t[1]) for t in own)
                else:
                    assert {value(t) for t in triples} == {value(t) for t in own}, "what DESCRIBE says"
                if fmt in ("xml", "json"):
                    assert g.query(ASK).askAnswer is True
                return f"{len(rows)} rows, {len(triples)} triples"

            case(f"rdflib SPARQLStore {method} SELECT {fmt}", store_select)
    # Its formats for graphs (CONSTRUCT, DESCRIBE).
    for fmt in ["xml", "turtle", "n3", "nt", "json-ld"]:
        for method in ["GET", "POST", "POST_FORM"]:
            def store_graph(fmt=fmt, method=method):
                g = Graph(store=SPARQLStore(ENDPOINT, returnFormat=fmt, method=method))
                constructed = g.query(CONSTRUCT).graph
                assert constructed.isomorphic(expected_graph), len(constructed)
                d = g.query(describe).graph
                assert d.isomorphic(described), len(d)
                return f"{len(constructed)} + {len(d)} triples"

            case(f"rdflib SPARQLStore {method} CONSTRUCT+DESCRIBE {fmt}", store_graph)

    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


main()
