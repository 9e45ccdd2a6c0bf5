#!/usr/bin/env python3
"""Fits the edit penalties of src/check/suggest.rs and the context weight of src/check.rs: a
conditional logit (McFadden, 1974) that chooses each misspelling's original among its ranked
fixes, by Newton's method with a little L2 shrinkage toward the hand-set weights, on the rows
examples/rank_data.rs writes for the tune parts of the evaluation pairs and for real
misspellings (scripts/typo-pairs.py):

    python3 scripts/typo-pairs.py > target/typos.tsv
    cargo run --release --example rank_data -- target/eval-articles/tune \\
        target/eval-registry/tune target/eval/tune target/eval-cloud/tune \\
        --typos target/typos.tsv > target/ranking.tsv
    python3 scripts/fit-ranking.py target/ranking.tsv

A fix's utility is b * (log frequency + a lost capital's log chance) - sum of penalty * edits
+ c * context + d * the article's boost. The weights are printed divided by b, so that penalties stay in natural-log units
of frequency, as the ranking and the confidence margins read them. Two penalties are not fitted:
a lost apostrophe's (`dont`, the whole story), and a split's, as neither source runs two words
together (the damage edits letters inside a word; the real misspellings' corrections are single
words): a split is a space left out, and costs SPLIT_TIMES the fitted cost of a letter left out
(`del_other`), as it did before the fit, and split candidates are left out of the fit. Also prints how many originals come first under the
weights of the build that wrote the rows and under the fitted ones, by source (`p` the pairs,
`t` the real misspellings). Standard library only; deterministic.
"""
import math
import sys

SHRINK = 1.0  # L2 toward the hand-set weights, in units of the summed log-likelihood
STEPS = 30
APOSTROPHE = -9.0
SPLIT_TIMES = 1.6

# The penalties of the build before the fit, in EDIT_NAMES order up to the split, and the
# context weight.
HAND = [2.7, 3.6, 3.375, 4.5, 2.25, 3.825, 4.5, 2.25, 3.375, 7.2, 9.0, 14.4, 2.7, 1.35]
HAND_CONTEXT = 1.0
HAND_BOOST = 1.0


def solve(a, b):
    """Solves a x = b by Gaussian elimination with partial pivoting."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c and m[c][c] != 0.0:
                f = m[r][c] / m[c][c]
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    return [m[i][n] / m[i][i] for i in range(n)]


def read(path):
    """The fitted edits' names, and the cases as (source, [(label, features)])."""
    cases = {}
    with open(path) as f:
        header = next(f).rstrip("\n").split("\t")
        names = header[4:-3]
        split, apostrophe = names.index("split"), names.index("apostrophe")
        for line in f:
            cols = line.rstrip("\n").split("\t")
            edits = [float(x) for x in cols[4:-3]]
            if edits[split]:
                continue
            logf, lost, context, boost = (float(c) for c in (cols[3], *cols[-3:]))
            x = [logf + lost - APOSTROPHE * edits[apostrophe]] + edits[:split] + [context, boost]
            cases.setdefault(cols[0], []).append((int(cols[1]), x))
    return names[:split], [(k[0], rows) for k, rows in cases.items() if any(y for y, _ in rows)]


def utility(w, x):
    return sum(a * b for a, b in zip(w, x))


def firsts(cases, w):
    """How many originals come first under `w`, by source."""
    right, all_ = {}, {}
    for source, rows in cases:
        best = max(range(len(rows)), key=lambda i: utility(w, rows[i][1]))
        right[source] = right.get(source, 0) + rows[best][0]
        all_[source] = all_.get(source, 0) + 1
    return ", ".join(f"{s} {right[s]} of {all_[s]}" for s in sorted(all_))


def fit(cases, start):
    w, n = start[:], len(start)
    for _ in range(STEPS):
        grad = [-SHRINK * (w[j] - start[j]) for j in range(n)]
        hess = [[SHRINK if i == j else 0.0 for j in range(n)] for i in range(n)]
        for _, rows in cases:
            us = [utility(w, x) for _, x in rows]
            top = max(us)
            es = [math.exp(u - top) for u in us]
            z = sum(es)
            ps = [e / z for e in es]
            mean = [sum(p * x[j] for p, (_, x) in zip(ps, rows)) for j in range(n)]
            for p, (y, x) in zip(ps, rows):
                d = [x[j] - mean[j] for j in range(n)]
                if y:
                    for j in range(n):
                        grad[j] += d[j]
                for i in range(n):
                    if d[i]:
                        for j in range(n):
                            hess[i][j] += p * d[i] * d[j]
        step = solve(hess, grad)
        w = [a + b for a, b in zip(w, step)]
        if max(abs(s) for s in step) < 1e-7:
            break
    return w


def main(path):
    names, cases = read(path)
    hand = [1.0] + [-p for p in HAND] + [HAND_CONTEXT, HAND_BOOST]
    w = fit(cases, hand)
    b = w[0]
    penalties = [-v / b for v in w[1:-2]]
    print(f"// {len(cases)} misspellings whose original is among their fixes")
    print(f"// first under the weights before: {firsts(cases, hand)}")
    print(f"// first under the fitted weights: {firsts(cases, w)}")
    print(f"// frequency weight {b:.3f}, divided out")
    print("const PENALTY: [f64; EDITS] = [")
    for name, v in zip(names, penalties):
        print(f"    {v:.3f}, // {name}")
    print(f"    {SPLIT_TIMES * penalties[names.index('del_other')]:.3f}, // split (not fitted)")
    print(f"    {APOSTROPHE}, // apostrophe (not fitted)")
    print("];")
    print(f"const CONTEXT_WEIGHT: f64 = {w[-2] / b:.3f};")
    print(f"const BOOST_WEIGHT: f64 = {w[-1] / b:.3f};")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "target/ranking.tsv")
