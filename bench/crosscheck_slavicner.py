#!/usr/bin/python3
"""Ranked-retrieval cross-check on SlavicNER: does a ranking setting tuned on Vaswani hold up on
other text? (Issue 8: the settings must not lose more than 0.005 MAP against plain Xapian on any
other collection.)

SlavicNER has no relevance judgments, but every named-entity mention is annotated, so judgments
can be derived without either engine's help. Each language (bg, cs, pl, ru, sl, uk) is a
collection of its own, so that both engines see text in one language and the queries are in that
language too (plain Xapian cannot match across scripts; that is what entity_recall.py measures):

- entity queries: for every entity with at least --min-docs articles in the language, the query is
  the entity's most frequent lemma there ("Wielka Brytania", "Борис Джонсън"); relevant: the
  articles whose annotations name the entity. One to three words, so naviny does not expand them.
- pair queries: two such lemmas together ("Theresa May Unia Europejska"), for pairs of entities
  named together in at least --min-docs articles; relevant: the articles that name both. Up to
  --pairs per language, picked by a hash of their ids (not by frequency, which would pick only the
  topic's own name). Mostly three or more words, so naviny expands them.

Queries are plain words (the lemma's \\w+ words, case kept, as a user would type a name). Both
engines return up to 1000 results; MAP as in trec_map.py (its evaluate() is used).
Engines: plain Xapian (TermGenerator + QueryParser, English stemmer, STEM_SOME, exactly as
trec_map.py and entity_recall.py set it up) and naviny (`naviny index`, then `naviny search --json
--limit 1000` with the options of each --setting; "" means the defaults).

usage: crosscheck_slavicner.py EVAL_DATA_DIR --naviny BIN [--setting "OPTIONS" ...]
e.g.   crosscheck_slavicner.py ../shared/eval-data --naviny /tmp/naviny-copy \\
           --setting "" --setting "--weighting bm25 --expand-term-weights flat --expand-weight 0.1"
"""
import argparse, collections, hashlib, importlib.util, json, os, re, subprocess, sys

from scratch import scratch_dir

LANGUAGES = ["bg", "cs", "pl", "ru", "sl", "uk"]


def load_trec_map(eval_data):
    spec = importlib.util.spec_from_file_location("trec_map", os.path.join(eval_data, "trec_map.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load(data, language):
    """{article id: text}, {entity id: set of article ids}, {entity id: Counter of lemmas}."""
    docs, articles, lemmas = {}, collections.defaultdict(set), collections.defaultdict(collections.Counter)
    raw = os.path.join(data, "raw")
    for topic in sorted(os.listdir(raw)):
        folder = os.path.join(raw, topic, language)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            doc_id = topic + "/" + name
            docs[doc_id] = open(os.path.join(folder, name), encoding="utf-8", errors="replace").read()
            ner = os.path.join(data, "ner", topic, language, re.sub(r"\.txt$", "", name) + ".tsv")
            if not os.path.exists(ner):
                continue
            for line in open(ner, encoding="utf-8", errors="replace"):
                columns = line.rstrip("\n").split("\t")
                if len(columns) >= 6 and columns[5]:
                    articles[columns[5]].add(doc_id)
                    lemmas[columns[5]][columns[3]] += 1
    return docs, articles, lemmas


def query_words(lemma):
    return " ".join(re.findall(r"\w+", lemma))


def make_queries(articles, lemmas, min_docs, pairs_per_language):
    """[(query id, kind, text, {relevant article: 1})]"""
    named = {}
    for entity, found in articles.items():
        if len(found) < min_docs:
            continue
        text = query_words(lemmas[entity].most_common(1)[0][0])
        if text:
            named[entity] = text
    queries = [("e:" + e, "entity", named[e], dict.fromkeys(articles[e], 1)) for e in sorted(named)]
    candidates = []
    entities = sorted(named)
    for i, first in enumerate(entities):
        for second in entities[i + 1:]:
            both = articles[first] & articles[second]
            if len(both) >= min_docs and named[first].lower() != named[second].lower():
                key = hashlib.sha1((first + "|" + second).encode()).hexdigest()
                candidates.append((key, first, second, both))
    for _, first, second, both in sorted(candidates)[:pairs_per_language]:
        queries.append(("p:%s+%s" % (first, second), "pair", named[first] + " " + named[second],
                        dict.fromkeys(both, 1)))
    return queries


def run_xapian(docs, queries):
    import xapian
    db = xapian.WritableDatabase(scratch_dir(), xapian.DB_CREATE_OR_OPEN)
    generator = xapian.TermGenerator()
    generator.set_stemmer(xapian.Stem("english"))
    for doc_id, text in docs.items():
        document = xapian.Document()
        generator.set_document(document)
        generator.index_text(text)
        document.set_data(doc_id)
        db.add_document(document)
    db.commit()
    parser = xapian.QueryParser()
    parser.set_stemmer(xapian.Stem("english"))
    parser.set_database(db)
    parser.set_stemming_strategy(xapian.QueryParser.STEM_SOME)
    enquire = xapian.Enquire(db)
    results = {}
    for qid, _, text, _ in queries:
        enquire.set_query(parser.parse_query(text))
        results[qid] = [m.document.get_data().decode() for m in enquire.get_mset(0, 1000)]
    return results


def index_naviny(docs, binary):
    work = scratch_dir()
    corpus = os.path.join(work, "corpus")
    for doc_id, text in docs.items():
        path = os.path.join(corpus, doc_id)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as out:
            out.write(text)
    db = os.path.join(work, "db")
    subprocess.run([binary, "index", "--quiet", "--db", db, corpus], check=True, capture_output=True)
    return db


def run_naviny(queries, binary, db, options):
    results = {}
    for qid, _, text, _ in queries:
        out = subprocess.run([binary, "search", "--db", db, "--json", "--limit", "1000", "--all-copies"] +
                             options + ["--", text], check=True, capture_output=True, text=True)
        results[qid] = [hit["id"] for hit in json.loads(out.stdout)["hits"]]
    return results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("eval_data")
    parser.add_argument("--naviny", required=True)
    parser.add_argument("--setting", action="append", default=None,
                        help="naviny search options, quoted as one argument; repeatable")
    parser.add_argument("--min-docs", type=int, default=5)
    parser.add_argument("--pairs", type=int, default=40, help="pair queries per language")
    args = parser.parse_args()
    settings = args.setting if args.setting is not None else [""]
    trec_map = load_trec_map(args.eval_data)
    data = os.path.join(args.eval_data, "slavicner")
    engines = ["xapian"] + ["naviny " + (s or "(defaults)") for s in settings]
    runs = {engine: {} for engine in engines}  # engine -> {qid: ranked ids}
    judged = {}  # qid -> (kind, language, {relevant: 1})
    for language in LANGUAGES:
        docs, articles, lemmas = load(data, language)
        queries = make_queries(articles, lemmas, args.min_docs, args.pairs)
        for qid, kind, _, relevant in queries:
            judged[language + ":" + qid] = (kind, language, relevant)
        prefixed = lambda results: {language + ":" + q: r for q, r in results.items()}
        runs["xapian"].update(prefixed(run_xapian(docs, queries)))
        db = index_naviny(docs, args.naviny)
        for setting, engine in zip(settings, engines[1:]):
            runs[engine].update(prefixed(run_naviny(queries, args.naviny, db, setting.split())))
        print("%s: %d articles, %d entity queries, %d pair queries" %
              (language, len(docs), sum(1 for q in queries if q[1] == "entity"),
               sum(1 for q in queries if q[1] == "pair")), file=sys.stderr, flush=True)
    groups = [("all", lambda kind, language: True), ("entity", lambda kind, language: kind == "entity"),
              ("pair", lambda kind, language: kind == "pair")] + \
             [(l, lambda kind, language, l=l: language == l) for l in LANGUAGES]
    print("MAP by query set (%d queries): %s" %
          (len(judged), "  ".join("%s %d" % (name, sum(1 for k, l, _ in judged.values() if keep(k, l)))
                                  for name, keep in groups)))
    for engine in engines:
        figures = []
        for name, keep in groups:
            qrels = {q: rel for q, (k, l, rel) in judged.items() if keep(k, l)}
            figures.append("%s %.4f" % (name, trec_map.evaluate(runs[engine], qrels)[0]))
        print("%-70s %s" % (engine, "  ".join(figures)), flush=True)


if __name__ == "__main__":
    main()
