#!/usr/bin/env python3
"""Checks that the documentation is true to the tree and to the program.

usage: check_docs.py [--examples NAVINY_BINARY]

Without arguments: every relative Markdown link of README.md, CONTRIBUTING.md, docs/*.md,
bench/*.md and corpus/README.md names a file that exists, and its #anchor a heading of that file;
and every docs/*.md path that the program's sources (help texts, error messages) and the man
page name exists.
Exit code 1 if not, with one line per broken link.

With --examples: also runs the examples of those pages that read an index (`$ naviny search|show|
similar|entities|stats|analyze|help ...` in a code block) against an index of corpus/ built by
that binary in a temporary folder, standing in for `naviny-db`, and compares their output with
the lines the page shows (a line ending in `…` must begin the real one; a line `…` alone stands for
any number of lines; examples on another index than naviny-db are skipped). Prints OK or DIFF per example; exit code 1 on any DIFF.
"""

import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
PAGES = ["README.md", "CONTRIBUTING.md", "corpus/README.md", "bench/README.md", "bench/HISTORY.md"]
SOURCE_DIRS = ["cli", "common", "searcher", "indexer", "analyzers"]
LINK = re.compile(r"(?<!!)\[([^\]]*)\]\(([^)\s]+)\)")
EXAMPLE = re.compile(r"^\$ (?:build/cli/)?naviny (search|show|similar|entities|stats|analyze|help|serch)\b")


def pages():
    found = [ROOT / p for p in PAGES if (ROOT / p).exists()]
    return found + sorted((ROOT / "docs").glob("*.md"))


def prose_lines(text, blank_code=True):
    """The lines outside fenced code blocks, with inline code spans blanked if `blank_code`."""
    fenced = False
    for number, line in enumerate(text.split("\n"), 1):
        if line.lstrip().startswith("```"):
            fenced = not fenced
            continue
        if not fenced:
            yield number, re.sub(r"`[^`]*`", "", line) if blank_code else line


def slug(heading):
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"`", "", heading.strip().lower())
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(path):
    seen = {}
    result = set()
    for _, line in prose_lines(path.read_text(encoding="utf-8"), blank_code=False):
        match = re.match(r"^#{1,6} (.*)$", line)
        if not match:
            continue
        base = slug(match.group(1))
        count = seen.get(base, 0)
        seen[base] = count + 1
        result.add(base if count == 0 else f"{base}-{count}")
    return result


def check_links():
    broken = []
    for page in pages():
        text = page.read_text(encoding="utf-8")
        for number, line in prose_lines(text):
            for _, target in LINK.findall(line):
                if re.match(r"^[a-z]+:", target):
                    continue  # http:, https:, mailto:
                file_part, _, anchor = target.partition("#")
                resolved = (page.parent / file_part).resolve() if file_part else page
                where = f"{page.relative_to(ROOT)}:{number}: {target}"
                if not resolved.exists():
                    broken.append(f"{where}: no file {resolved.relative_to(ROOT)}")
                elif anchor and resolved.suffix == ".md" and anchor not in anchors(resolved):
                    broken.append(f"{where}: no heading #{anchor} in {resolved.relative_to(ROOT)}")
    sources = [s for folder in SOURCE_DIRS for s in sorted((ROOT / folder).rglob("*"))
               if s.suffix in (".cc", ".h")]
    for source in sources + [ROOT / "docs" / "naviny.1"]:
        text = source.read_text(encoding="utf-8")
        for named in sorted(set(re.findall(r"\bdocs/[\w-]+\.(?:md|1)\b", text))):
            if not (ROOT / named).exists():
                broken.append(f"{source.relative_to(ROOT)}: names {named}, which does not exist")
    return broken


def check_examples(binary):
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        db = pathlib.Path(tmp) / "naviny-db"
        subprocess.run([binary, "index", "--quiet", "--db", str(db), str(ROOT / "corpus")],
                       check=True, capture_output=True)
        for page in pages():
            lines = page.read_text(encoding="utf-8").split("\n")
            i = 0
            while i < len(lines):
                if not EXAMPLE.match(lines[i]):
                    i += 1
                    continue
                command = lines[i][2:]
                shown = []
                j = i + 1
                while j < len(lines) and not lines[j].startswith("$ ") and lines[j] != "```":
                    shown.append(lines[j])
                    j += 1
                other_db = re.search(r"--db (\S+)", command)
                if other_db and other_db.group(1) != "naviny-db":
                    print(f"SKIP {page.relative_to(ROOT)}:{i + 1}: {command} (another index)")
                    i = j
                    continue
                shell = re.sub(r"^(build/cli/)?naviny ", "NAVINY ", command)
                shell = shell.replace("naviny-db", str(db)).replace("NAVINY", binary)
                shell = re.sub(r"\s+#.*$", "", shell)
                got = subprocess.run(["bash", "-c", shell + " 2>&1"], capture_output=True,
                                     text=True, cwd=ROOT).stdout.rstrip("\n")
                got = got.replace(str(db), "naviny-db").split("\n")
                bad = []
                at = 0  # the line of `got` that the next shown line stands for
                elided = False  # a `…` line: the next shown line may be further on
                for expected in shown:
                    if expected.strip() == "…":
                        elided = True
                        continue
                    if expected == "" or expected.startswith("last update:"):
                        at += 1  # a timestamp (`naviny stats`) is never the same twice
                        continue
                    if elided:
                        later = [k for k in range(at, len(got)) if got[k] == expected]
                        at = later[0] if later else at
                        elided = False
                    real = got[at] if at < len(got) else "<none>"
                    if expected != real and not (expected.endswith("…") and
                                                 real.startswith(expected[:-1])):
                        bad.append((expected, real))
                    at += 1
                print(f"{'DIFF' if bad else 'OK  '} {page.relative_to(ROOT)}:{i + 1}: {command}")
                for expected, real in bad[:4]:
                    print(f"   page: {expected[:150]}\n   got : {real[:150]}")
                failures += bool(bad)
                i = j
    return failures


def main():
    broken = check_links()
    for line in broken:
        print(line)
    print(f"links: {len(broken)} broken in {len(pages())} pages")
    failures = 0
    if len(sys.argv) == 3 and sys.argv[1] == "--examples":
        failures = check_examples(sys.argv[2])
        print(f"examples: {failures} differ")
    elif len(sys.argv) != 1:
        sys.exit(__doc__)
    return 1 if broken or failures else 0


if __name__ == "__main__":
    sys.exit(main())
