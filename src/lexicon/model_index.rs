//! How the casing model's sorted tables of hashes are indexed: by the top bits of a key, where
//! each run of keys sharing them starts. Shared by `build.rs`, which writes the index of
//! `assets/model.bin` once, and [`crate::lexicon::model`], which reads it in place: making it at
//! start-up read every key of the tables (9.6 MB of pair hashes) and cost 19 M instructions.

/// How many top bits of a key pick its run, for `n` keys: a run per 16 keys, rounded to a power
/// of two.
#[must_use]
pub fn bits(n: usize) -> u32 {
    n.max(2).ilog2().saturating_sub(4).clamp(1, 24)
}

/// Where each run starts among `n` sorted keys (`key(i)` is the `i`th), `(1 << bits) + 1`
/// entries: the keys whose top `bits` bits are `b` are `starts[b]..starts[b + 1]`.
pub fn starts(n: usize, bits: u32, key: impl Fn(usize) -> u64) -> Vec<u32> {
    let mut starts = Vec::with_capacity((1 << bits) + 1);
    let mut i = 0usize;
    for bucket in 0..=(1u64 << bits) {
        while i < n && (key(i) >> (64 - bits)) < bucket {
            i += 1;
        }
        starts.push(u32::try_from(i).unwrap_or(u32::MAX));
    }
    starts
}

/// The 32 bits of `key` just below the top `bits` that pick its run: within a run, keys in order
/// have these in order too, and with the run they tell keys apart by `bits + 32` bits.
#[must_use]
pub fn short_key(key: u64, bits: u32) -> u32 {
    #[allow(clippy::cast_possible_truncation)] // the top 32 bits of the shifted key
    let short = ((key << bits) >> 32) as u32;
    short
}
