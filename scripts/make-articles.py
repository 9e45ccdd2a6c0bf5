#!/usr/bin/env python3
"""Clean articles to measure galley on: the posts of a project's blog, which no package of the
casing model's corpus holds. Two blogs are committed, each with its commit and licence recorded in
assets/NOTICE.md: the Rust blog (rust-lang/blog.rust-lang.org, MIT OR Apache-2.0) in
tests/data/articles, and, from another field and other authors, OpenTelemetry's
(open-telemetry/opentelemetry.io, CC BY 4.0) and Prometheus's (prometheus/docs, Apache-2.0) in
tests/data/articles-cloud. The evaluation texts of scripts/make-eval.py are documentation; these are
what galley's readers read: announcements, reports of meetings and conferences, surveys, in the
voice of a person.

Each post becomes plain prose as make-eval.py makes a package's: code, URLs, markup and headings
gone, only whole paragraphs of eight words or more that end a sentence and lost no span to the
markup, each once, at most WORDS words; a post with fewer than LEAST is passed over.

    python3 scripts/make-articles.py CHECKOUT [--posts DIR] [--prefix NAME] [--out DIR]

CHECKOUT is a checkout of the blog at the recorded commit (`git clone URL` and `git checkout
COMMIT`), and the posts are the Markdown files under CHECKOUT/DIR:

    python3 scripts/make-articles.py blog.rust-lang.org                      # content, blog-
    python3 scripts/make-articles.py opentelemetry.io --posts content/en/blog \
        --prefix otel --out tests/data/articles-cloud
    python3 scripts/make-articles.py docs --posts blog/posts --prefix prometheus \
        --out tests/data/articles-cloud

tests/quality.rs holds floors on the half of each set kept apart. Then
`cargo run --release --example garble -- target/eval-articles tests/data/articles` makes the pairs,
half to tune on and half to report (by a hash of each name), and
`cargo run --release --example score -- target/eval-articles/tune` scores them.
"""
import argparse
import importlib.util
import re
from pathlib import Path

# make-eval.py, for its paragraph filter, and build-model.py, for reading Markdown as it does.
_here = Path(__file__).parent
_spec = importlib.util.spec_from_file_location("make_eval", _here / "make-eval.py")
make_eval = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_eval)
model = make_eval.model


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("blog", type=Path, help="a checkout of the blog's repository")
    parser.add_argument("--posts", default="content", help="the folder of its posts, in the checkout")
    parser.add_argument("--prefix", default="blog", help="what each article's name starts with")
    parser.add_argument("--out", type=Path, default=Path("tests/data/articles"))
    args = parser.parse_args()
    root = args.blog / args.posts
    # A section's `_index.md` lists posts; it is no post.
    posts = sorted(p for p in root.rglob("*.md") if not p.name.startswith("_"))
    if not posts:
        raise SystemExit(f"make-articles: no posts under {root}")
    args.out.mkdir(parents=True, exist_ok=True)
    made = 0
    for post in posts:
        rel = post.relative_to(root)
        # A post is a file, or a directory with its index and images.
        name = rel.parent.as_posix() if rel.name == "index.md" else rel.with_suffix("").as_posix()
        name = args.prefix + "-" + re.sub(r"[^A-Za-z0-9_.-]", "_", name)
        text = make_eval.text_of(list(model.prose_markdown(post.read_text(errors="replace"))), False)
        if text is None:
            continue
        (args.out / f"{name}.txt").write_text(text)
        made += 1
    print(f"{made} articles of {len(posts)} posts in {args.out}")


if __name__ == "__main__":
    main()
