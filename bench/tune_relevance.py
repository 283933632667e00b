#!/usr/bin/python3
"""Grid search over naviny's ranking parameters on a TREC-style collection (Vaswani).

Indexes the collection once, exactly as ../shared/eval-data/trec_map.py does (same article files,
same queries, same scoring), then runs every query for each combination of the parameters given,
through `naviny search` with its ranking options, and prints MAP, P@10 and nDCG@10 for each,
best last.

usage: tune_relevance.py EVAL_DATA_DIR --naviny BIN [--grid NAME=V1,V2,... ...]
e.g.   tune_relevance.py ../shared/eval-data --naviny build/cli/naviny \\
           --grid bm25-k1=0.6,0.8,1.2 --grid bm25-b=0.3,0.5 --grid expand-terms=0,10,20
NAME is a `naviny search` option without its dashes (weighting, bm25-k1, bm25-b,
bm25-min-normlen, dfr-c, expand-terms, expand-docs, expand-weight, expand-min-words, expand-scheme,
expand-term-weights, expand-query-terms, expand-max-df, expand-min-score, expand-adds-matches,
proximity-weight, proximity-window).

--write-ranking FILE: write the best setting as a ranking file (`name = value` lines), which
`naviny search --ranking FILE` (or $NAVINY_RANKING) reads.

--cross-validate: two-fold cross-validation, to see whether the best setting is chosen by chance.
The queries are split by id into odd and even; the setting with the best MAP on one half is
scored on the other half, and compared there with the defaults (which are always run too).
"""
import argparse, importlib.util, itertools, json, os, subprocess, sys

from scratch import scratch_dir


def load_trec_map(eval_data):
    spec = importlib.util.spec_from_file_location("trec_map", os.path.join(eval_data, "trec_map.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def index(trec_map, docs, binary):
    work = scratch_dir()
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
    parser.add_argument("--cross-validate", action="store_true")
    parser.add_argument("--write-ranking", metavar="FILE")
    args = parser.parse_args()
    trec_map = load_trec_map(args.eval_data)
    docs, queries, qrels = trec_map.load_vaswani(os.path.join(args.eval_data, "vaswani"))
    db = index(trec_map, docs, args.naviny)
    names = [g.split("=", 1)[0] for g in args.grid]
    values = [g.split("=", 1)[1].split(",") for g in args.grid]
    settings = [[part for name, value in zip(names, combination) for part in ("--" + name, value)]
                for combination in (itertools.product(*values) if values else [()])]
    if args.cross_validate and [] not in settings:
        settings.insert(0, [])
    halves = {"odd": {q: r for q, r in qrels.items() if int(q) % 2 == 1},
              "even": {q: r for q, r in qrels.items() if int(q) % 2 == 0}}
    scored = []  # (MAP over all queries, label, {half: MAP over that half}, options)
    for options in settings:
        results = run(trec_map, queries, args.naviny, db, options)
        mean_ap, p10, ndcg, _ = trec_map.evaluate(results, qrels)
        by_half = {half: trec_map.evaluate(results, judged)[0] for half, judged in halves.items()}
        label = " ".join(options) or "(defaults)"
        print("MAP %.4f  P@10 %.4f  nDCG@10 %.4f  odd %.4f  even %.4f  %s" %
              (mean_ap, p10, ndcg, by_half["odd"], by_half["even"], label), flush=True)
        scored.append((mean_ap, label, by_half, options))
    best = max(scored, key=lambda s: s[0])
    print("best: MAP %.4f  %s" % best[:2])
    if args.write_ranking:
        with open(args.write_ranking, "w") as out:
            out.write("# naviny ranking parameters: MAP %.4f on Vaswani (bench/tune_relevance.py)\n" % best[0])
            for name, value in zip(best[3][0::2], best[3][1::2]):
                out.write("%s = %s\n" % (name[2:], value))
    if args.cross_validate:
        defaults = next(s for s in scored if s[1] == "(defaults)")
        for chosen_on, tested_on in (("odd", "even"), ("even", "odd")):
            chosen = max(scored, key=lambda s: s[2][chosen_on])
            print("chosen on %s queries (MAP %.4f there): %s; on %s queries MAP %.4f, defaults %.4f" %
                  (chosen_on, chosen[2][chosen_on], chosen[1], tested_on, chosen[2][tested_on],
                   defaults[2][tested_on]))


if __name__ == "__main__":
    main()
