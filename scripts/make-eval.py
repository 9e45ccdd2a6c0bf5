#!/usr/bin/env python3
"""Clean texts to measure galley on, from registry packages the casing model is not built from.

The model's corpus (scripts/build-model.py) reads the pinned packages of assets/corpus-sources.tsv;
`--grow` walks to thousands more. This script takes documents from packages of that walk that
the pinned corpus does not hold, of each kind the corpus reads (crates.io, npm, PyPI, Debian
manuals), so galley is measured on more than the READMEs of its own dependencies. The packages
it takes are written to assets/eval-sources.tsv, and build-model.py never counts them, whatever
it is asked to read.

Each text is the package's prose as build-model.py reads it (code, URLs, markup and headings
gone), keeping only whole paragraphs of eight words or more that end a sentence and lost no
span to the markup, each once; a manual is read from a fifth of the way in, past its front matter. A text
stops after WORDS words, and one with fewer than LEAST (as few as the shortest README galley
is measured on) is passed over. The packages are taken in
the order of a hash of their names, PER_KIND of each kind.

    python3 scripts/make-eval.py [--cache DIR] [--out DIR] [--choose [--per-kind N]]

With assets/eval-sources.tsv present, the texts are made from the packages it lists, at their
versions (downloaded when the cache lacks them). `--choose` picks them afresh, which needs the
list of packages `build-model.py --grow` walks, kept in its cache, and rewrites the file. Then
`cargo run --release --example garble -- target/eval-registry target/eval-texts` makes the
pairs, half to tune on and half to report, and `cargo run --release --example score -- DIR`
scores them.
"""
import argparse
import importlib.util
import json
import re
import sys
from pathlib import Path

# build-model.py, for reading a package as it does (from its cache, or else the registry).
_spec = importlib.util.spec_from_file_location("build_model", Path(__file__).with_name("build-model.py"))
model = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(model)

WORDS = 1200
LEAST = 150
PER_KIND = 60
LIST = Path("assets/eval-sources.tsv")
SENTENCE_END = re.compile(r"[.!?][\"')\]]*$")


def fnv(text: str) -> int:
    h = 0xCBF29CE484222325
    for b in text.encode():
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def text_of(paras: list[str], manual: bool) -> str | None:
    """The document's prose, or None when it has too little of it."""
    kept, words, seen = [], 0, set()
    for p in paras[len(paras) // 5 if manual else 0 :]:
        p = " ".join(p.split())
        n = len(p.split())
        # A manual's every page repeats its footer: boilerplate is read once.
        if "\x00" in p or n < 8 or not SENTENCE_END.search(p) or p.lower() in seen:
            continue
        seen.add(p.lower())
        kept.append(p)
        words += n
        if words >= WORDS:
            break
    return "\n\n".join(kept) + "\n" if words >= LEAST else None


def stem_of(kind: str, name: str) -> str:
    """The text's file name, without `.txt`: its registry and package."""
    return re.sub(r"[^A-Za-z0-9_.-]", "_", f"{kind}-{name}")


def main():
    ask = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ask.add_argument("--cache", type=Path, default=Path("target/corpus-cache"), help="build-model.py's cache")
    ask.add_argument("--out", type=Path, default=Path("target/eval-texts"), help="where the texts go")
    ask.add_argument("--per-kind", type=int, default=PER_KIND, help="texts of each registry, with --choose")
    ask.add_argument("--choose", action="store_true", help=f"choose the packages afresh and rewrite {LIST}")
    opts = ask.parse_args()
    if LIST.exists() and not opts.choose:
        # The packages chosen before, each at its version: the same texts on any machine.
        rows = [l.split("\t") for l in LIST.read_text().splitlines()[1:] if l.strip()]
        opts.out.mkdir(parents=True, exist_ok=True)
        made = 0
        for kind, name, vers, _ in rows:
            read = model.read_prose((kind, name, vers), opts.cache)
            text = text_of(read[1], kind == "debian") if read and read[0] != model.FAILED else None
            if text is None:
                print(f"{kind} {name} {vers}: no text", file=sys.stderr)
                continue
            (opts.out / f"{stem_of(kind, name)}.txt").write_text(text)
            made += 1
        print(f"{made} of {len(rows)} texts in {opts.out}", file=sys.stderr)
        return
    walked = opts.cache / "grown-sources.json"
    if not walked.exists():
        sys.exit(f"{walked} is missing: run `python3 scripts/build-model.py --grow` first")
    pinned = {
        tuple(line.split("\t")[:2])
        for line in Path("assets/corpus-sources.tsv").read_text().splitlines()[1:]
        if line.strip()
    }
    sources = [tuple(s) for s in json.loads(walked.read_bytes()) if tuple(s[:2]) not in pinned]
    sources.sort(key=lambda s: fnv(f"{s[0]}/{s[1]}"))
    opts.out.mkdir(parents=True, exist_ok=True)
    taken: dict[str, list[tuple]] = {}
    for kind, name, vers in sources:
        have = taken.setdefault(kind, [])
        if len(have) >= opts.per_kind:
            continue
        read = model.read_prose((kind, name, vers), opts.cache)
        if read is None or read[0] == model.FAILED:
            continue
        (_, _, version, licence), paras = read
        text = text_of(paras, kind == "debian")
        if text is None:
            continue
        (opts.out / f"{stem_of(kind, name)}.txt").write_text(text)
        have.append((kind, name, version, licence))
    with LIST.open("w") as f:
        f.write("registry\tpackage\tversion\tlicence\n")
        for kind in sorted(taken):
            for row in sorted(taken[kind]):
                f.write("\t".join(row) + "\n")
    print(", ".join(f"{len(v)} {k}" for k, v in sorted(taken.items())), f"texts in {opts.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
