#!/usr/bin/python3
"""How often naviny's snippets show why an article matched, and whether its counts are exact
(issue 20).

Runs `naviny search --db DB --json --limit N QUERY` for each query and counts, per language of
the hit, the snippets with at least one highlighted word (the JSON snippet marks each one
**so**). The language is the folder the article id names: SlavicNER ids are
<topic>/<lang>/<file>.txt, so the last folder of the id is taken when it is a two-letter code;
other ids count under "?". Near-duplicate copies are collapsed, as `naviny search` does.

usage: snippet_check.py --naviny BIN --db DB [--limit 20] [--queries FILE] [--misses] [QUERY ...]
With no QUERY and no --queries, asks the 20 queries of issue 20. --queries reads one query a
line (blank lines and lines starting with # skipped). --misses lists every snippet without a
highlight on stderr. Prints a table per language, then one per query with the count check: the
`total` that `--limit 10` reports against the number of hits `--limit 100000` lists (both
collapsed). Exits 1 if a language is under --target (0.95) or a count differs.
"""
import argparse, collections, json, subprocess, sys

ISSUE_20_QUERIES = [
    "Путин", "Putin", "Trump", "Трамп", "Trumpa", "Biden", "Байдън", "Johnson", "Джонсон",
    "Merkel", "Меркель", "Lukashenko", "Лукашенко", "Ryanair", "Райанэйр", "Pfizer",
    "коронавирус", "Brexit", '"Boris Johnson"', "person:Putin",
]
MARKER = "**"


def language_of(article_id):
    folders = article_id.split("/")[:-1]
    if folders and len(folders[-1]) == 2 and folders[-1].isalpha():
        return folders[-1]
    return "?"


def highlighted(hit):
    # A renderer that lists highlight ranges next to the text is read as well as one that marks.
    ranges = hit.get("highlights")
    if isinstance(ranges, list):
        return len(ranges) > 0
    snippet = hit.get("snippet", "")
    first = snippet.find(MARKER)
    return first >= 0 and snippet.find(MARKER, first + len(MARKER) + 1) > first


def search(naviny, db, limit, query):
    run = subprocess.run([naviny, "search", "--db", db, "--json", "--limit", str(limit), "--", query],
                         capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"naviny search {query!r} failed ({run.returncode}): {run.stderr.strip()}")
    return json.loads(run.stdout)


def share(good, total):
    return f"{100.0 * good / total:5.1f}%" if total else "    -"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--naviny", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--limit", type=int, default=20)
    parser.add_argument("--queries", help="file with one query a line")
    parser.add_argument("--target", type=float, default=0.95)
    parser.add_argument("--misses", action="store_true", help="list snippets without a highlight")
    parser.add_argument("query", nargs="*")
    args = parser.parse_args()
    queries = list(args.query)
    if args.queries:
        with open(args.queries, encoding="utf-8") as lines:
            queries += [l.strip() for l in lines if l.strip() and not l.lstrip().startswith("#")]
    if not queries:
        queries = ISSUE_20_QUERIES

    by_language = collections.defaultdict(lambda: [0, 0])  # language -> [highlighted, snippets]
    by_query = []
    lengths = []
    for query in queries:
        counts = collections.defaultdict(lambda: [0, 0])
        page = search(args.naviny, args.db, 10, query)
        every = search(args.naviny, args.db, 100000, query)
        count_check = (page["total"], len(every["hits"]), bool(page.get("total_exact")))
        for hit in search(args.naviny, args.db, args.limit, query)["hits"]:
            language = language_of(hit["id"])
            shown = highlighted(hit)
            lengths.append(len(hit.get("snippet", "").replace(MARKER, "")))
            for table in (by_language, counts):
                table[language][0] += shown
                table[language][1] += 1
            if not shown and args.misses:
                print(f"{query}\t{hit['id']}\t{hit.get('snippet', '')}", file=sys.stderr)
        by_query.append((query, counts, count_check))

    languages = sorted(by_language)
    print("| language | snippets | with a highlight | share |")
    print("|---|---:|---:|---:|")
    total = [0, 0]
    for language in languages:
        good, count = by_language[language]
        total[0] += good
        total[1] += count
        print(f"| {language} | {count} | {good} | {share(good, count)} |")
    print(f"| all | {total[1]} | {total[0]} | {share(*total)} |")
    if lengths:
        print(f"\nsnippet length in characters (without markers): mean "
              f"{sum(lengths) / len(lengths):.0f}, max {max(lengths)}")

    print("\n| query | total, --limit 10 | hits, --limit 100000 | equal | " + " | ".join(languages) + " |")
    print("|---|---:|---:|---|" + "---:|" * len(languages))
    wrong_counts = []
    for query, counts, (total, hits, exact) in by_query:
        cells = [f"{counts[l][0]}/{counts[l][1]}" if counts[l][1] else "-" for l in languages]
        equal = total == hits
        if not equal:
            wrong_counts.append(query)
        said = f"{total}" if exact else f"about {total}"
        print(f"| {query} | {said} | {hits} | {'yes' if equal else 'NO'} | " + " | ".join(cells) + " |")

    under = [l for l in languages if by_language[l][0] < args.target * by_language[l][1]]
    if under:
        print(f"\nunder {100 * args.target:.0f}%: {', '.join(under)}")
    if wrong_counts:
        print(f"\ncounts that differ: {', '.join(wrong_counts)}")
    return 1 if under or wrong_counts else 0


if __name__ == "__main__":
    sys.exit(main())
