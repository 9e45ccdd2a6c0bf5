#!/usr/bin/env python3
"""Clean articles to measure galley on: the posts of the Rust blog (rust-lang/blog.rust-lang.org,
MIT OR Apache-2.0; the commit is recorded in assets/NOTICE.md), which no package of the casing
model's corpus holds. The evaluation texts of scripts/make-eval.py are documentation; these are
what galley's readers read: announcements, reports of meetings and conferences, surveys, in the
voice of a person.

Each post becomes plain prose as make-eval.py makes a package's: code, URLs, markup and headings
gone, only whole paragraphs of eight words or more that end a sentence and lost no span to the
markup, each once, at most WORDS words; a post with fewer than LEAST is passed over.

    python3 scripts/make-articles.py BLOG_CHECKOUT [--out DIR]

BLOG_CHECKOUT is a checkout of the blog at the recorded commit,
0243724c2e50ad2b7ebd3d9dbc7cd88aed7605a3 (`git clone
https://github.com/rust-lang/blog.rust-lang.org` and `git checkout COMMIT`). The texts are
committed in tests/data/articles, where tests/quality.rs holds floors on the half kept apart. Then
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
    parser.add_argument("blog", type=Path, help="a checkout of rust-lang/blog.rust-lang.org")
    parser.add_argument("--out", type=Path, default=Path("tests/data/articles"))
    args = parser.parse_args()
    posts = sorted((args.blog / "content").rglob("*.md"))
    if not posts:
        raise SystemExit(f"make-articles: no posts under {args.blog / 'content'}")
    args.out.mkdir(parents=True, exist_ok=True)
    made = 0
    for post in posts:
        rel = post.relative_to(args.blog / "content")
        # A post is a file, or a directory with its index and images.
        name = rel.parent.as_posix() if rel.name == "index.md" else rel.with_suffix("").as_posix()
        name = "blog-" + re.sub(r"[^A-Za-z0-9_.-]", "_", name)
        text = make_eval.text_of(list(model.prose_markdown(post.read_text(errors="replace"))), False)
        if text is None:
            continue
        (args.out / f"{name}.txt").write_text(text)
        made += 1
    print(f"{made} articles of {len(posts)} posts in {args.out}")


if __name__ == "__main__":
    main()
