#!/usr/bin/env python3
"""Clean prose for evaluation, from the READMEs of the crates galley builds with.

Every crate in Cargo.lock whose licence is permissive (MIT, Apache-2.0, BSD, ISC, Zlib, Unicode)
gives its README, as cargo unpacked it into its registry cache (`cargo fetch` fills it), turned
into plain prose: code blocks, tables, HTML, images, badges and link targets go; link text and
headings stay. Texts of fewer than 150 words are left out. No rule or list of galley was written
from these texts, and none may be: they are for measuring only.

    python3 scripts/eval-texts.py OUT_DIR
    cargo run --release --example garble -- OUT_DIR target/eval
    cargo run --release --example score -- target/eval/report
"""
import glob
import os
import re
import sys
import tomllib

PERMISSIVE = ("MIT", "Apache-2.0", "BSD", "ISC", "Zlib", "Unicode", "0BSD", "CC0")


def packages(lock):
    with open(lock, "rb") as f:
        data = tomllib.load(f)
    for p in data.get("package", []):
        if p.get("source", "").startswith("registry+"):
            yield p["name"], p["version"]


def crate_dir(name, version):
    home = os.environ.get("CARGO_HOME", os.path.expanduser("~/.cargo"))
    dirs = glob.glob(os.path.join(home, "registry", "src", "*", f"{name}-{version}"))
    return dirs[0] if dirs else None


def licence(d):
    try:
        with open(os.path.join(d, "Cargo.toml"), "rb") as f:
            return tomllib.load(f).get("package", {}).get("license", "")
    except (OSError, tomllib.TOMLDecodeError):
        return ""


def prose(markdown):
    out, fenced = [], False
    for line in markdown.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if fenced or line.startswith(("    ", "\t", "|")) or re.match(r"^\s*\[[^\]]+\]:\s*\S+", line):
            continue
        line = re.sub(r"<[^>]+>", "", line)
        # Badges and images, inline or by reference, linked or not.
        line = re.sub(r"\[!\[[^\]]*\](\([^)]*\)|\[[^\]]*\])\](\([^)]*\)|\[[^\]]*\])", "", line)
        line = re.sub(r"!\[[^\]]*\](\([^)]*\)|\[[^\]]*\])", "", line)
        line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)
        line = re.sub(r"\[([^\]]*)\]\[[^\]]*\]", r"\1", line)
        line = re.sub(r"https?://\S+", "", line)
        line = re.sub(r"^#+\s*", "", line)
        line = line.replace("**", "").replace("__", "")
        out.append(line.rstrip())
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip() + "\n"
    return text


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: eval-texts.py OUT_DIR")
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    kept = 0
    for name, version in sorted(set(packages(os.path.join(root, "Cargo.lock")))):
        d = crate_dir(name, version)
        if not d or not any(p in licence(d) for p in PERMISSIVE):
            continue
        readme = next((os.path.join(d, r) for r in ("README.md", "README.markdown", "README") if os.path.exists(os.path.join(d, r))), None)
        if not readme:
            continue
        with open(readme, encoding="utf-8", errors="replace") as f:
            text = prose(f.read())
        if len(text.split()) < 150:
            continue
        with open(os.path.join(out, f"{name}.txt"), "w", encoding="utf-8") as f:
            f.write(text)
        kept += 1
    print(f"{kept} texts in {out}")


if __name__ == "__main__":
    main()
