#!/usr/bin/env python3
"""Fits the weights of src/check/confidence.rs: a logistic regression with a little L2 shrinkage
(the constant is not shrunk), by Newton's method, on the rows examples/confidence_data.rs writes
for the tune parts of the evaluation pairs. Each row's last column is its text's own odds
(`confidence::article_odds`), added to the model's as the checker adds them: the weights are
fitted for the decision `fix` makes, on damaged and clean texts alike.

    cargo run --release --example garble -- target/eval
    cargo run --release --example garble -- target/eval-articles tests/data/articles
    cargo run --release --example garble -- target/eval-cloud tests/data/articles-cloud
    for d in target/eval target/eval-registry target/eval-articles; do
        cargo run --release --example confidence_data -- $d/tune
    done | awk 'NR == 1 || !/^label/' > target/confidence.tsv
    python3 scripts/fit-confidence.py target/confidence.tsv

The casing model's sureness (`Sureness` in src/check/truecase.rs) is fitted the same way, to
the rows examples/casing_data.rs writes (their offset is 0: its features hold the article's
damage):

    tune="target/eval/tune target/eval-registry/tune target/eval-articles/tune target/eval-cloud/tune"
    (cargo run --release --example casing_data -- $tune
     cargo run --release --example casing_data -- $tune --joined=16) |
        awk 'NR == 1 || !/^label/' > target/casing.tsv
    awk -F'\t' 'NR == 1 { print; next } { print; split($4, f, " ") }
        $1 == 0 && f[7] < log(0.03) { print; print }' target/casing.tsv > target/casing-weighted.tsv
    python3 scripts/fit-confidence.py target/casing-weighted.tsv 0.0001

The rows are those of each article on its own and of long texts, the articles joined sixteen at
a time: fitted on single articles alone, the weights read a long text's damage less surely. The
awk counts three times each right word of an article that shows little damage (the log of its
raised rate, the seventh feature, below that of 0.03): unweighted, the fit takes more of the
clean texts' right words, whose figure is a goal of its own. The shrinkage is a hundredth of
the spelling model's: the rows are many (65,178), and at 0.01 the shrinkage, not the data,
held the weights down (held out, 27% more right words taken at the same fixes).

The chance of an article whose casing shows no damage (`Sureness::undamaged_chance`) is fitted
to the rows of such articles alone: the tune parts damaged a tenth, a fifth and two fifths as
much as the sample, and the clean halves (each directory holds them again: their rows count
four times):

    for s in 0.1 0.4; do   # target/light holds the fifth (README: articles damaged a little)
        cargo run --release --example garble -- target/light$s/eval --scale=$s
        cargo run --release --example garble -- target/light$s/eval-registry target/eval-texts --scale=$s
        cargo run --release --example garble -- target/light$s/eval-articles tests/data/articles --scale=$s
        cargo run --release --example garble -- target/light$s/eval-cloud tests/data/articles-cloud --scale=$s
    done
    (for d in target/light target/light0.1 target/light0.4 target; do
        cargo run --release --example casing_data -- $d/eval/tune $d/eval-registry/tune \
            $d/eval-articles/tune $d/eval-cloud/tune --undamaged
    done) | awk 'NR == 1 || !/^label/' > target/undamaged.tsv
    python3 scripts/fit-confidence.py target/undamaged.tsv 0.0001

The real-word stage's chance (`Slip` in src/check/realword.rs) is fitted to the rows
examples/realword_data.rs writes, with less shrinkage (a second argument): its rows are fewer
(10,204 in the four tune parts; 5,933 in three when the shrinkage was set) and at 0.01 the shrinkage, not the data, held down how much
the article's damage and its own words weigh (on the tune parts, 0.001 flagged 1.3, 0.6 and
1.4 points more of the real-word errors and fixed 1.8, 0.3 and 1.4 more, with 3, 0 and 6 fewer
flags on the clean halves, for 3 more, 2 fewer and 14 more right words changed). As the
casing rows are, they are those of each article on its own and of long texts, the articles
joined sixteen at a time (since the sixty-ninth session: fitted on single articles alone, the
weights read long texts less surely, 70 fewer fixes for 12 more right words on the joined tune
parts):

    tune="target/eval/tune target/eval-registry/tune target/eval-articles/tune target/eval-cloud/tune"
    (for d in $tune; do cargo run --release --example realword_data -- $d; done
     cargo run --release --example realword_data -- $tune --joined=16) |
        awk 'NR == 1 || !/^label/' > target/realword.tsv
    python3 scripts/fit-confidence.py target/realword.tsv 0.001

Prints the weights as Rust, and how many right words and how many fixes each cut keeps.
Standard library only; deterministic.
"""
import math
import sys

SHRINK = 0.01
STEPS = 50


def chance(w, x, offset):
    z = sum(a * b for a, b in zip(w, x)) + offset
    return 1 / (1 + math.exp(-z))


def solve(a, b):
    """Solves a x = b by Gaussian elimination with partial pivoting."""
    n = len(b)
    m = [row[:] + [v] for row, v in zip(a, b)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c:
                f = m[r][c] / m[c][c]
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    return [m[i][n] / m[i][i] for i in range(n)]


def fit(rows, shrink=SHRINK):
    n = len(rows[0][3])
    w = [0.0] * n
    for _ in range(STEPS):
        grad = [0.0] * n
        hess = [[0.0] * n for _ in range(n)]
        for y, _, _, x, offset in rows:
            p = chance(w, x, offset)
            for j in range(n):
                grad[j] += (p - y) * x[j]
                for k in range(n):
                    hess[j][k] += p * (1 - p) * x[j] * x[k]
        for j in range(n):
            grad[j] = grad[j] / len(rows) + (shrink * w[j] if j else 0.0)
            hess[j] = [h / len(rows) for h in hess[j]]
            if j:
                hess[j][j] += shrink
        step = solve(hess, grad)
        w = [a - b for a, b in zip(w, step)]
        if max(abs(s) for s in step) < 1e-10:
            break
    return w


def main(path, shrink=SHRINK):
    rows = []
    with open(path) as f:
        next(f)
        for line in f:
            label, word, fix, features, offset = line.rstrip("\n").split("\t")
            rows.append((int(label), word, fix, [float(x) for x in features.split()], float(offset)))
    w = fit(rows, shrink)
    print(f"// {len(rows)} rows: {sum(r[0] for r in rows)} fixes, {sum(1 - r[0] for r in rows)} right words")
    print("const WEIGHTS: [f64; FEATURES] = [" + ", ".join(f"{v:.3}" for v in w) + "];")
    chances = [(chance(w, x, offset), y, word, fix) for y, word, fix, x, offset in rows]
    for cut in (0.3, 0.5, 0.7, 0.9):
        fixes = sum(1 for p, y, _, _ in chances if p >= cut and y == 1)
        broken = sum(1 for p, y, _, _ in chances if p >= cut and y == 0)
        print(f"// at {cut}: {fixes} fixes taken, {broken} right words changed")


if __name__ == "__main__":
    main(sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else SHRINK)
