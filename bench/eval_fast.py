#!/usr/bin/python3
"""The figures of ../shared/eval-data/anyform_recall.py and entity_recall.py for naviny, in seconds.

Those scripts start one `naviny search` per query (25 and 6 minutes on SlavicNER); this one reads
their queries and gold answers with their own functions, searches them all in one process
(naviny_bench_batch_search) and prints the same summary line. Use it while tuning a rule; quote
the scripts themselves for a result.

usage: eval_fast.py anyform|entity DATA_DIR --db DB --batch BIN [--naviny BIN] [--rows FILE]
  --db       an index of DATA_DIR/raw; built first with --naviny if it does not exist
  --rows     a row per query, as the scripts print with --rows (anyform) or to stderr (entity)
"""
import argparse, collections, importlib.util, os, subprocess, sys

EVAL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "eval-data")


def script(name):
    spec = importlib.util.spec_from_file_location(name, os.path.join(EVAL, name + ".py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def search_all(batch, db, queries, collapse):
    command = [batch, "--db", db] + (["--collapse"] if collapse else [])
    out = subprocess.run(command, input="".join(q + "\n" for q in queries), capture_output=True,
                         text=True, check=True).stdout.splitlines()
    return {q: line.split("\t", 1)[1].split() for q, line in zip(queries, out)}


mean = lambda xs: sum(xs) / len(xs) if xs else 0.0


def anyform(data, hits_of, rows):
    af = script("anyform_recall")
    docs, ents, forms, lemmas = af.load(data)
    qs = af.queries(ents, forms, lemmas, 5)
    hits = hits_of(sorted({af.quoted(f) for _, _, fl in qs for f, _, _ in fl}), False)
    ent_r, ent_p, nforms = [], [], 0
    by_type, by_kind, by_script = (collections.defaultdict(list) for _ in range(3))
    for eid, gold, fl in qs:
        rs, ps = [], []
        for f, lang, kind in fl:
            got = {h for h in hits[af.quoted(f)] if h in docs}
            tp = len(got & gold)
            r = tp / len(gold)
            rs.append(r); nforms += 1
            by_kind[kind].append(r); by_script["cyrillic" if af.CYR.search(f) else "latin"].append(r)
            if got:
                ps.append(tp / len(got))
            if rows:
                print("%-40s %-3s %-9s %-28s gold=%4d got=%4d recall=%.2f"
                      % (eid, lang, kind, f, len(gold), len(got), r), file=rows)
        ent_r.append(mean(rs)); by_type[eid.split("-")[0]].append(mean(rs))
        if ps:
            ent_p.append(mean(ps))
    print("naviny: any-form macro recall all %.3f (PER %.3f, GPE %.3f, ORG %.3f; lemma %.3f, "
          "inflected %.3f; latin %.3f, cyrillic %.3f), precision %.3f, %d entities, %d forms, "
          "%d articles"
          % (mean(ent_r), mean(by_type["PER"]), mean(by_type["GPE"]), mean(by_type["ORG"]),
             mean(by_kind["lemma"]), mean(by_kind["inflected"]), mean(by_script["latin"]),
             mean(by_script["cyrillic"]), mean(ent_p), len(qs), nforms, len(docs)))


def entity(data, hits_of, rows):
    er = script("entity_recall")
    docs, ents, forms = er.load(data)
    qs = er.queries(ents, forms, 5)
    typed = lambda q: '"%s"' % q if " " in q else q
    hits = hits_of([typed(q) for _, q, _ in qs], True)
    by_type, ps = collections.defaultdict(list), []
    for eid, q, gold in qs:
        got = set()
        for hid in hits[typed(q)]:
            got.update(rel for rel in (hid, hid + ".txt") if rel in docs)
        tp = len(got & gold)
        r = tp / len(gold)
        by_type[eid.split("-")[0]].append(r); by_type["all"].append(r)
        if got:
            ps.append(tp / len(got))
        if rows:
            print("%-45s %-20s gold=%4d got=%4d recall=%.2f" % (eid, q, len(gold), len(got), r),
                  file=rows)
    print("naviny: macro recall all %.3f (PER %.3f, GPE %.3f, ORG %.3f), precision %.3f, "
          "%d entities, %d articles"
          % (mean(by_type["all"]), mean(by_type["PER"]), mean(by_type["GPE"]),
             mean(by_type["ORG"]), mean(ps), len(qs), len(docs)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("kind", choices=["anyform", "entity"]); ap.add_argument("data")
    ap.add_argument("--db", required=True); ap.add_argument("--batch", required=True)
    ap.add_argument("--naviny"); ap.add_argument("--rows")
    a = ap.parse_args()
    if not os.path.exists(a.db):
        if not a.naviny:
            sys.exit("eval_fast.py: %s does not exist; give --naviny BIN to build it" % a.db)
        subprocess.run([a.naviny, "index", "--quiet", "--db", a.db, os.path.join(a.data, "raw")],
                       check=True)
    rows = open(a.rows, "w") if a.rows else None
    hits_of = lambda queries, collapse: search_all(a.batch, a.db, queries, collapse)
    (anyform if a.kind == "anyform" else entity)(a.data, hits_of, rows)


if __name__ == "__main__":
    main()
