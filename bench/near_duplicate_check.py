#!/usr/bin/env python3
"""How alike the near-duplicates that searches collapse really are.

For each article of a naviny index whose duplicate group is another article's, measures the
Jaccard similarity of the two texts' word 3-shingles, and reports the distribution and the least
alike pairs: a check that collapsing hides copies, not different articles. Reads the index with xapian-delve
(value slots 3, the article id, and 5, the duplicate group; see common/schema.h).

usage: near_duplicate_check.py DB CORPUS_DIR [--show N]
"""

import argparse, os, re, subprocess

SORT_ID_SLOT, DUPLICATE_GROUP_SLOT = 3, 5


def slot_values(db, slot):
    out = subprocess.run(["xapian-delve", "-V%d" % slot, db], check=True, capture_output=True,
                         text=True).stdout
    return dict((int(doc), value) for doc, value in re.findall(r"(\d+):(\S+)", out.split(":", 1)[1]))


def shingles(path):
    with open(path, encoding="utf-8", errors="replace") as text:
        words = re.findall(r"\w+", text.read().lower())
    return {tuple(words[i:i + 3]) for i in range(len(words) - 2)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("corpus")
    parser.add_argument("--show", type=int, default=5, help="list the N least alike pairs")
    args = parser.parse_args()
    ids, groups = slot_values(args.db, SORT_ID_SLOT), slot_values(args.db, DUPLICATE_GROUP_SLOT)
    pairs = []
    for doc, group in groups.items():
        if group == ids[doc]:
            continue
        a, b = shingles(os.path.join(args.corpus, ids[doc])), shingles(os.path.join(args.corpus, group))
        pairs.append((len(a & b) / max(1, len(a | b)), ids[doc], group))
    pairs.sort()
    if not pairs:
        print("no collapsed copies in %d articles" % len(ids))
        return
    similarity = [p[0] for p in pairs]
    print("%d of %d articles are collapsed copies; Jaccard of word 3-shingles with the article "
          "they collapse into: min %.3f, median %.3f, >= 0.8: %d, >= 0.9: %d"
          % (len(pairs), len(ids), similarity[0], similarity[len(similarity) // 2],
             sum(s >= 0.8 for s in similarity), sum(s >= 0.9 for s in similarity)))
    for row in pairs[:args.show]:
        print("  %.3f %s ~ %s" % row)


if __name__ == "__main__":
    main()
