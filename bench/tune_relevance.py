#!/usr/bin/python3
"""Grid search over naviny's ranking parameters on a TREC-style collection (Vaswani).

Indexes the collection once, exactly as ../shared/eval-data/trec_map.py does (same article files,
same queries, same scoring), then runs every query for each combination of the parameters given,
through `naviny search` with its ranking options, and prints MAP, P@10 and nDCG@10 for each,
best last.

usage: tune_relevance.py EVAL_DATA_DIR --naviny BIN [--grid NAME=V1,V2,... ...]
e.g.   tune_relevance.py ../shared/eval-data --naviny build/cli/naviny \\
           --grid bm25-k1=0.6,0.8,1.2 --grid bm25-b=0.3,0.5 --grid expand-terms=0,10,20
NAME is a `naviny search` option without its dashes (bm25-k1, bm25-b, expand-terms,
expand-docs, expand-weight, expand-min-words).
"""
import argparse, importlib.util, itertools, json, os, subprocess, sys, tempfile


def load_trec_map(eval_data):
    spec = importlib.util.spec_from_file_location("trec_map", os.path.join(eval_data, "trec_map.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def index(trec_map, docs, binary):
    work = tempfile.mkdtemp()
    corpus = os.path.join(work, "corpus")
    os.makedirs(corpus)
    for doc_id, text in docs.items():  # the same files as trec_map.naviny()
        with open(os.path.join(corpus, doc_id + ".txt"), "w") as out:
            out.write(text[:60] + "\n\n" + text + "\n")
    db = os.path.join(work, "db")
    subprocess.run([binary, "index", "--quiet", "--db", db, corpus], check=True, capture_output=True)
    return db


def run(trec_map, queries, binary, db, options):
    results = {}
    for qid, text in queries.items():
        out = subprocess.run([binary, "search", "--db", db, "--json", "--limit", "1000"] + options +
                             ["--", trec_map.clean(text)], check=True, capture_output=True, text=True)
        results[qid] = [os.path.splitext(hit["id"])[0] for hit in json.loads(out.stdout)["hits"]]
    return results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("eval_data")
    parser.add_argument("--naviny", required=True)
    parser.add_argument("--grid", action="append", default=[])
    args = parser.parse_args()
    trec_map = load_trec_map(args.eval_data)
    docs, queries, qrels = trec_map.load_vaswani(os.path.join(args.eval_data, "vaswani"))
    db = index(trec_map, docs, args.naviny)
    names = [g.split("=", 1)[0] for g in args.grid]
    values = [g.split("=", 1)[1].split(",") for g in args.grid]
    scored = []
    for combination in itertools.product(*values) if values else [()]:
        options = [part for name, value in zip(names, combination) for part in ("--" + name, value)]
        mean_ap, p10, ndcg, _ = trec_map.evaluate(run(trec_map, queries, args.naviny, db, options), qrels)
        label = " ".join(options) or "(defaults)"
        print("MAP %.4f  P@10 %.4f  nDCG@10 %.4f  %s" % (mean_ap, p10, ndcg, label), flush=True)
        scored.append((mean_ap, label))
    best = max(scored)
    print("best: MAP %.4f  %s" % best)


if __name__ == "__main__":
    main()
