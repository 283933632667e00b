#!/usr/bin/python3
"""Where anyform_recall.py's precision goes: of the articles a form finds that are not annotated
with its entity, how many write that very form (letter for letter, as a whole word, any case)?
No engine can tell those apart from the annotated ones; FTS5, which finds nothing else, has
precision 0.897 at recall 0.416. Prints the precision as anyform_recall.py computes it, then
counting those articles as right, then counting as right the articles that write any form the
data annotates for the entity (other case forms and scripts of the name, and others' namesakes).

usage: bench/anyform_precision.py EVAL_DATA_DIR NAVINY_DB [--naviny BIN] [--jobs N]
EVAL_DATA_DIR: ../shared/eval-data (for anyform_recall.py and slavicner/); NAVINY_DB: an index of
slavicner/raw, as `naviny index --db NAVINY_DB EVAL_DATA_DIR/slavicner/raw` builds it.
"""
import argparse, collections, concurrent.futures, json, os, re, subprocess, sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("eval_data"); ap.add_argument("db")
    ap.add_argument("--naviny", default="naviny"); ap.add_argument("--jobs", type=int, default=2)
    a = ap.parse_args()
    sys.path.insert(0, a.eval_data)
    import anyform_recall as recall
    docs, ents, forms, lemmas = recall.load(os.path.join(a.eval_data, "slavicner"))
    queries = recall.queries(ents, forms, lemmas, 5)

    def search(form):
        r = subprocess.run([a.naviny, "search", "--db", a.db, "--json", "--all-copies", "--limit",
                            "100000", recall.quoted(form)], capture_output=True, text=True)
        return {str(h.get("id", "")) for h in json.loads(r.stdout).get("hits", [])} if r.returncode == 0 else set()

    every_form = sorted({f for _, _, fl in queries for f, _, _ in fl})
    with concurrent.futures.ThreadPoolExecutor(a.jobs) as pool:
        found = dict(zip(every_form, pool.map(search, every_form)))
    lower = {k: v.lower() for k, v in docs.items()}

    def writes(doc, form):
        return re.search(r"(?<!\w)" + re.escape(form.lower()) + r"(?!\w)", lower[doc]) is not None

    mean = lambda xs: sum(xs) / len(xs) if xs else 0.0
    plain, verbatim, annotated, counts = [], [], [], collections.Counter()
    for eid, gold, fl in queries:
        entity_forms = {s.lower() for lang in forms[eid] for s in forms[eid][lang] if len(s) >= 4}
        p, v, n = [], [], []
        for form, _, _ in fl:
            got = found[form]
            if not got:
                continue
            wrong = got - gold
            same = {d for d in wrong if writes(d, form)}
            named = same | {d for d in wrong if any(f in lower[d] for f in entity_forms)}
            right = len(got & gold)
            p.append(right / len(got)); v.append((right + len(same)) / len(got))
            n.append((right + len(named)) / len(got))
            counts["not annotated"] += len(wrong); counts["write the form"] += len(same)
            counts["write an annotated form"] += len(named)
        if p:
            plain.append(mean(p)); verbatim.append(mean(v)); annotated.append(mean(n))
    print("found articles not annotated with the entity: %d; of them writing the query form itself: %d; "
          "writing some form annotated for the entity: %d" % (counts["not annotated"],
          counts["write the form"], counts["write an annotated form"]))
    print("precision %.3f; counting the articles that write the form as right %.3f; "
          "counting those that write an annotated form as right %.3f (%d entities)"
          % (mean(plain), mean(verbatim), mean(annotated), len(plain)))


if __name__ == "__main__":
    main()
