#!/usr/bin/env python3
"""Fits the weights of src/check/confidence.rs: a logistic regression, by gradient descent with a
little L2 shrinkage (the constant is not shrunk), on the rows examples/confidence_data.rs writes
for the tune part of the evaluation pairs.

    cargo run --release --example garble -- target/eval
    cargo run --release --example confidence_data -- target/eval/tune > target/confidence.tsv
    python3 scripts/fit-confidence.py target/confidence.tsv

Prints the weights as Rust, and how many right words and how many fixes each cut keeps.
Standard library only; deterministic.
"""
import math
import sys

SHRINK = 0.01
STEPS = 20000
RATE = 0.05


def main(path):
    rows = []
    with open(path) as f:
        next(f)
        for line in f:
            label, word, fix, features = line.rstrip("\n").split("\t")
            rows.append((int(label), word, fix, [float(x) for x in features.split()]))
    n = len(rows[0][3])
    w = [0.0] * n
    for _ in range(STEPS):
        grad = [0.0] * n
        for y, _, _, x in rows:
            p = 1 / (1 + math.exp(-sum(a * b for a, b in zip(w, x))))
            for j in range(n):
                grad[j] += (p - y) * x[j]
        for j in range(n):
            w[j] -= RATE * (grad[j] / len(rows) + (SHRINK * w[j] if j else 0.0))
    print(f"// {len(rows)} rows: {sum(r[0] for r in rows)} fixes, {sum(1 - r[0] for r in rows)} right words")
    print("const WEIGHTS: [f64; FEATURES] = [" + ", ".join(f"{v:.3}" for v in w) + "];")
    chance = [(1 / (1 + math.exp(-sum(a * b for a, b in zip(w, x)))), y, word, fix) for y, word, fix, x in rows]
    for cut in (0.3, 0.5, 0.7, 0.9):
        fixes = sum(1 for p, y, _, _ in chance if p >= cut and y == 1)
        broken = sum(1 for p, y, _, _ in chance if p >= cut and y == 0)
        print(f"// at {cut}: {fixes} fixes taken, {broken} right words changed")
    for p, y, word, fix in sorted(chance):
        if y == 0 and p >= 0.5:
            print(f"// still taken: {word} -> {fix} ({p:.2f})")


if __name__ == "__main__":
    main(sys.argv[1])
