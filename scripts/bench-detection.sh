#!/bin/sh
# Detection speed on text that never repeats a document, galley against `aspell list`, each run
# 11 times, alternating; prints the median wall time and words per second of each. The texts:
#  - documentation: every Markdown file of cargo's registry cache once (examples/distinct.rs);
#  - 10 MB of prose: those files and then the documentation comments of the registry's Rust
#    sources, each once, every second document damaged at the sample's rates;
#  - damaged articles: the evaluation pairs' damaged halves, each once, when
#    `cargo run --release --example garble -- target/eval` has made them.
# Usage: scripts/bench-detection.sh   (needs aspell and aspell-en; run from the repository)
set -eu
cargo build --release --quiet
cargo run --release --quiet --example distinct -- target/distinct.md > /dev/null
cargo run --release --quiet --example distinct -- target/ten.txt 10000000 > /dev/null
set -- target/distinct.md target/ten.txt
if ls target/eval/*/*.garbled.txt > /dev/null 2>&1; then
    cat target/eval/*/*.garbled.txt > target/distinct-damaged.txt
    set -- "$@" target/distinct-damaged.txt
fi
ms() { # prints wall milliseconds of the command given
    s=$(date +%s%N); "$@" > /dev/null 2>&1 || true; e=$(date +%s%N)
    echo $(((e - s) / 1000000))
}
median() { sort -n | sed -n 6p; }
printf '%-32s %8s %10s %12s %10s %12s\n' text words galley-ms galley-w/s aspell-ms aspell-w/s
for f in "$@"; do
    words=$(wc -w < "$f")
    : > target/.galley-ms; : > target/.aspell-ms
    for _ in 1 2 3 4 5 6 7 8 9 10 11; do
        ms target/release/galley check --no-suggestions "$f" >> target/.galley-ms
        ms sh -c "aspell list --lang=en < '$f'" >> target/.aspell-ms
    done
    g=$(median < target/.galley-ms); a=$(median < target/.aspell-ms)
    printf '%-32s %8s %10s %12s %10s %12s\n' "$(basename "$f")" "$words" "$g" \
        $((words * 1000 / (g > 0 ? g : 1))) "$a" $((words * 1000 / (a > 0 ? a : 1)))
done
