#!/usr/bin/python3
"""Recall and precision of naviny's entity filters on a SlavicNER-layout folder.

For every annotated entity (PER, GPE, ORG with at least --min-docs articles) whose English name,
taken from its id (PER-Vladimir-Putin -> "Vladimir Putin"; a leading "The" dropped), the bundled
gazetteer knows, runs `naviny search person:"Vladimir Putin"` (org: for ORG, place: for GPE) and
scores the returned articles against the annotated ones. Entities the gazetteer does not know are
skipped and counted. An id that runs words together (GPE-WashingtonDC) is asked word by word
when its name as written names no entity, and one that puts an abbreviation first
(ORG-AP-The-Associated-Press) by the name after it, one that ends in a country
(ORG-Labour-Party-UK) by the name before it. SlavicNER ids that name one gazetteer entity (GPE-Kiev and GPE-Kyiv;
LOC-White-House, ORG-The-White-House and ORG-White-House) get the same articles from their filters
(LOC ids are asked with entity:), and are scored once, against the union of their articles; a
LOC id that joins no PER, GPE or ORG id is not scored. PRO ids are treated as LOC ids: SlavicNER
annotates a news agency or paper quoted as a source as a product (PRO-RIA-Novosti,
PRO-The-New-York-Times) and elsewhere as ORG. Searches collapse near-duplicate copies, as
`naviny search` does by default; --all-copies counts every copy.

usage: entity_filter_eval.py SLAVICNER_DIR --naviny BIN [--gazetteer corpus/entities.tsv] [--all-copies]
per-entity lines go to stderr; the last line on stdout is the macro summary.
"""
import argparse, collections, concurrent.futures, json, os, re, subprocess, sys

from scratch import scratch_dir

# SlavicNER's LOC and PRO ids (LOC-White-House, PRO-RIA-Novosti) are asked with entity:, which
# takes any type; they only join the ids of the three scored types.
FIELDS = {"PER": "person", "GPE": "place", "ORG": "org", "LOC": "entity", "PRO": "entity"}
JOINING_ONLY = ("LOC", "PRO")
COUNTRY_QUALIFIERS = ("UK", "USA", "US")


def gold_articles(data):
    gold = collections.defaultdict(set)
    ner = os.path.join(data, "ner")
    for root, _, files in os.walk(ner):
        for name in files:
            rel = os.path.relpath(os.path.join(root, name), ner)
            article = os.path.splitext(rel)[0] + ".txt"
            for line in open(os.path.join(root, name), encoding="utf-8", errors="replace"):
                columns = line.rstrip("\n").split("\t")
                if len(columns) >= 6:
                    gold[columns[5]].add(article)
    return gold


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("data")
    parser.add_argument("--naviny", required=True)
    parser.add_argument("--gazetteer", default=os.path.join(os.path.dirname(__file__), "..", "corpus", "entities.tsv"))
    parser.add_argument("--min-docs", type=int, default=5)
    parser.add_argument("--all-copies", action="store_true",
                        help="count every near-duplicate copy, not only the one a search shows")
    args = parser.parse_args()
    db = os.path.join(scratch_dir(), "db")
    subprocess.run([args.naviny, "index", "--quiet", "--db", db, "--gazetteer", args.gazetteer,
                    os.path.join(args.data, "raw")], check=True, capture_output=True)
    copies = ["--all-copies"] if args.all_copies else []

    def search(kind, name):
        return subprocess.run([args.naviny, "search", "--db", db, "--json", "--limit", "100000"] + copies +
                              ['%s:"%s"' % (FIELDS[kind], name)], capture_output=True, text=True)

    def abbreviates(abbreviation, words):
        # The letters in any order: SlavicNER writes GPE-UEA-United-Arab-Emirates.
        initials = [word[0] for word in words if word and word not in ("of", "and", "the")]
        return len(abbreviation) > 1 and abbreviation.isupper() and sorted(abbreviation) == sorted(initials)

    def without_the(parts):
        return parts[1:] if parts[0] == "The" and len(parts) > 1 else parts

    def names_to_try(eid):
        kind, _, name = eid.partition("-")
        parts = without_the([part for part in name.split("-") if part not in ("Jr.", "Sr.")])
        name = " ".join(parts)
        yield name
        if re.search(r"[a-z][A-Z]", name):
            # Some ids run words together (GPE-WashingtonDC); others are names so written (BioNTech).
            yield re.sub(r"([a-z])([A-Z])", r"\1 \2", name)
        if len(parts) > 2 and parts[-1] in COUNTRY_QUALIFIERS:
            # ORG-Labour-Party-UK, ORG-Democratic-Party-USA: the country says which one.
            yield " ".join(parts[:-1])
        if len(parts) > 1 and abbreviates(parts[0], without_the(parts[1:])):
            # Some ids put the abbreviation before the name (ORG-AP-The-Associated-Press), others
            # a qualifier (PRO-RTE-Ireland, a broadcaster): only the first are the name's.
            yield " ".join(without_the(parts[1:]))

    def filtered(eid):
        kind = eid.partition("-")[0]
        for name in names_to_try(eid):
            run = search(kind, name)
            if run.returncode != 4:  # 4: not in the gazetteer, or ambiguous
                break
        else:
            return None
        run.check_returncode()
        return frozenset(hit["id"] for hit in json.loads(run.stdout)["hits"])

    # Every id is asked, however few its articles: an entity's gold articles are those of all the
    # ids that name it (PER-Denys-Shmyhal with 5 articles, PER-Denis-Shmygal with 3), and
    # --min-docs applies to the entity, below.
    gold = {eid: articles for eid, articles in gold_articles(args.data).items()
            if eid.partition("-")[0] in FIELDS}
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        answers = dict(zip(sorted(gold), pool.map(filtered, sorted(gold))))
    results = [(eid, eid.partition("-")[0], gold[eid], got) for eid, got in answers.items()
               if got is not None]
    # SlavicNER gives some entities several ids (GPE-Kiev and GPE-Kyiv; LOC-White-House,
    # ORG-The-White-House and ORG-White-House). Names that resolve to one gazetteer entity get the
    # same filter and so the same articles: such ids are scored once, against the union of their
    # annotated articles, under the type of the first PER, GPE or ORG id among them (LOC and PRO
    # ids sort last).
    groups = collections.OrderedDict()
    for eid, kind, articles, got in sorted(results, key=lambda r: (r[1] in JOINING_ONLY, r[0])):
        group = groups.setdefault(got if got else eid, {"kind": kind, "eids": [], "articles": set()})
        group["eids"].append(eid)
        group["articles"] |= articles
    recalls, precisions = collections.defaultdict(list), []
    skipped = len({eid for eid, articles in gold.items() if len(articles) >= args.min_docs} -
                  {eid for eid, _, _, _ in results})
    for group in groups.values():
        kind = group["kind"]
        if kind in JOINING_ONLY:  # alone, no entity of the gazetteer's three types to score
            continue
        if len(group["articles"]) < args.min_docs:
            continue
        got, articles = next(r[3] for r in results if r[0] == group["eids"][0]), group["articles"]
        hits = len(got & articles)
        recall = hits / len(articles)
        recalls[kind].append(recall)
        recalls["all"].append(recall)
        if got:
            precisions.append(hits / len(got))
        print("%-40s gold=%4d got=%4d recall=%.2f precision=%s" % (
            "+".join(group["eids"]), len(articles), len(got), recall,
            "%.2f" % (hits / len(got)) if got else "-"), file=sys.stderr)
    mean = lambda xs: sum(xs) / len(xs) if xs else 0.0
    print("entity filters: macro recall %.3f (PER %.3f, GPE %.3f, ORG %.3f), precision %.3f, "
          "%d entities in the gazetteer, %d not" % (
              mean(recalls["all"]), mean(recalls["PER"]), mean(recalls["GPE"]), mean(recalls["ORG"]),
              mean(precisions), len(recalls["all"]), skipped))


if __name__ == "__main__":
    main()
