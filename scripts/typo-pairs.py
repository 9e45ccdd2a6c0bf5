#!/usr/bin/env python3
"""Writes real misspellings with their one correction, for fitting the ranking of fixes
(examples/rank_data.rs --typos, scripts/fit-ranking.py): the word list of the typos-dict crate
(crate-ci/typos, MIT OR Apache-2.0), typos people left in public code and prose.

    python3 scripts/typo-pairs.py > target/typos.tsv

Downloads the pinned crate from static.crates.io and checks its SHA-256; reads nothing else.
Keeps the entries with a single correction of letters alone, in lower case. The list is not
shipped: it only fits the weights, and `tests/data` holds none of it.
"""
import hashlib
import io
import re
import sys
import tarfile
import urllib.request

VERSION = "0.14.4"
SHA256 = "e51302bc48a926f153cf2ed09517d38595911918f0638492ffaac576fa829e20"
URL = f"https://static.crates.io/crates/typos-dict/typos-dict-{VERSION}.crate"
ENTRY = re.compile(r'InsensitiveStr::Ascii\("([a-z]+)"\),\s*&\[((?:"[^"]*",?\s*)*)\]', re.S)


def main():
    with urllib.request.urlopen(URL, timeout=120) as r:
        data = r.read()
    digest = hashlib.sha256(data).hexdigest()
    if digest != SHA256:
        sys.exit(f"typos-dict {VERSION}: SHA-256 {digest}, expected {SHA256}")
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        source = tar.extractfile(f"typos-dict-{VERSION}/src/word_codegen.rs").read().decode()
    print("typo\tcorrection")
    for typo, fixes in ENTRY.findall(source):
        fixes = re.findall(r'"([^"]*)"', fixes)
        if len(fixes) == 1 and re.fullmatch(r"[a-z]+", fixes[0]) and fixes[0] != typo:
            print(f"{typo}\t{fixes[0]}")


if __name__ == "__main__":
    main()
