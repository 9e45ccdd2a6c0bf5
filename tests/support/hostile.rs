//! Pathological articles, made the same way every time: one enormous word, one enormous line
//! of words, a million unknown Capitalised words, long distinct words in capitals among words
//! in small letters, as many random words in small letters, two
//! words in tens of thousands of casings, a
//! hundred thousand distinct misspellings, and random bytes. Included with `#[path]` by tests/hostile.rs (1 MB versions, with a bound) and
//! benches/hostile.rs (10 MB versions, whose time and memory README quotes).
#![allow(dead_code)]

#[path = "rng.rs"]
mod rng;
use rng::Rng;

/// The inputs, by name: what each is, and whether it is read with `--lossy`.
pub const KINDS: [(&str, &str, bool); 9] = [
    ("one-word", "one word of random letters", false),
    ("one-line", "one line of words, no newline", false),
    ("dotted", "one line of distinct dotted names, some parts Capitalised", false),
    ("capitalised", "unknown Capitalised words, 12 a line", false),
    ("in-capitals", "long distinct words in capitals, each between words in small letters", false),
    ("random-words", "random words in small letters, 12 a line (issue 13's example)", false),
    ("casings", "two long words, one known, in tens of thousands of casings", false),
    ("misspellings", "100 k distinct misspellings among common words (a tenth of that at 1 MB)", false),
    ("random-bytes", "random bytes (no NUL), read with --lossy", true),
];

/// The words of the bundled sample article, for text that reads like words.
fn vocabulary() -> Vec<String> {
    let mut words: Vec<String> = galley::cli::SAMPLE
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 2)
        .map(str::to_ascii_lowercase)
        .collect();
    words.sort();
    words.dedup();
    words
}

/// Words of six letters or more in capitals, each between words in small letters and written
/// once, to `out` until it holds `size` bytes: garbles the checker searches two edits deep for
/// (`the QXZRTPLM of`).
fn in_capitals(rng: &mut Rng, size: usize, out: &mut String) {
    let words = vocabulary();
    while out.len() < size {
        out.push_str(&words[rng.below(words.len())]);
        out.push(' ');
        for _ in 0..6 + rng.below(6) {
            out.push(rng.letter().to_ascii_uppercase());
        }
        out.push(' ');
        out.push_str(&words[rng.below(words.len())]);
        out.push_str(if rng.below(8) == 0 { ".\n" } else { " " });
    }
}

/// The input `kind` of about `size` bytes.
pub fn input(kind: &str, size: usize) -> Vec<u8> {
    let mut rng = Rng::new(0x9e37_79b9_7f4a_7c15 ^ size as u64 ^ kind.len() as u64);
    let mut out = String::with_capacity(size + 64);
    match kind {
        "one-word" => {
            while out.len() < size {
                out.push(rng.letter());
            }
        }
        "one-line" => {
            let words = vocabulary();
            while out.len() < size {
                out.push_str(&words[rng.below(words.len())]);
                out.push(' ');
            }
        }
        "dotted" => {
            // Each a name of code the checker judges (`Abc.def.Ghi`), on one line: every one
            // is looked at against the others and its line.
            while out.len() < size {
                for part in 0..2 + rng.below(3) {
                    if part > 0 {
                        out.push('.');
                    }
                    let title = rng.below(3) == 0;
                    for k in 0..3 + rng.below(5) {
                        let c = rng.letter();
                        out.push(if title && k == 0 { c.to_ascii_uppercase() } else { c });
                    }
                }
                out.push(' ');
            }
        }
        "capitalised" => {
            let mut n = 0;
            while out.len() < size {
                out.push(rng.letter().to_ascii_uppercase());
                for _ in 0..4 + rng.below(5) {
                    out.push(rng.letter());
                }
                n += 1;
                out.push(if n % 12 == 0 { '\n' } else { ' ' });
            }
        }
        "in-capitals" => in_capitals(&mut rng, size, &mut out),
        "random-words" => {
            // Every word a misspelling no list knows, written once: each is a suspect.
            let mut n = 0;
            while out.len() < size {
                for _ in 0..3 + rng.below(7) {
                    out.push(rng.letter());
                }
                n += 1;
                out.push(if n % 12 == 0 { '\n' } else { ' ' });
            }
        }
        "casings" => {
            // Every casing is another way the article writes the word: each is evidence the
            // casing model and the article's own capitals weigh, so their count must be bounded.
            let words = ["internationalization", "xqzvbnmasdfghjklpoiu"];
            while out.len() < size {
                out.push_str("the ");
                let word = words[rng.below(words.len())];
                let lower = rng.below(10) == 0;
                out.extend(word.chars().map(|c| if !lower && rng.below(2) == 0 { c.to_ascii_uppercase() } else { c }));
                out.push_str(" of ");
            }
        }
        "misspellings" => {
            let words = vocabulary();
            let long: Vec<&String> = words.iter().filter(|w| w.len() >= 5).collect();
            let wanted = size / 100;
            let mut seen = std::collections::HashSet::new();
            while out.len() < size {
                let mut w: Vec<char> = long[rng.below(long.len())].chars().collect();
                for _ in 0..=rng.below(2) {
                    let at = rng.below(w.len());
                    match rng.below(3) {
                        0 => w[at] = rng.letter(),
                        1 if w.len() > 3 => {
                            w.remove(at);
                        }
                        _ => w.insert(at, rng.letter()),
                    }
                }
                let w: String = w.into_iter().collect();
                if seen.len() < wanted && !seen.insert(w.clone()) {
                    continue;
                }
                out.push_str(&w);
                for _ in 0..12 {
                    out.push(' ');
                    out.push_str(&words[rng.below(words.len())]);
                }
                out.push_str(".\n");
            }
        }
        _ => {
            let mut bytes = Vec::with_capacity(size);
            while bytes.len() < size {
                bytes.extend(rng.next().to_le_bytes().iter().map(|&b| b.max(1)));
            }
            return bytes;
        }
    }
    out.into_bytes()
}
