//! The checker as a reader meets it: sentences in, flags and first fixes out.

use galley::check::{Kind, Options, check};
use galley::lexicon::{Dialect, Lexicon};

/// The text after applying every suspect's first fix (what `galley fix` writes).
fn fixed(text: &str) -> String {
    let lexicon = Lexicon::new();
    let checked = check(text, &lexicon, &Options { dialect: Some(Dialect::Us), suggestions: true });
    let doc = galley::document::Document::new("t", text.to_string());
    doc.replaced(checked.suspects.iter().filter_map(|s| s.suggestions.first().map(|f| (s.span, f.as_str()))))
}

fn assert_fixes(damaged: &str, want: &str) {
    assert_eq!(fixed(damaged), want, "fixing {damaged:?}");
}

fn flags(text: &str) -> Vec<(String, Kind)> {
    check(text, &Lexicon::new(), &Options::default()).suspects.into_iter().map(|s| (s.word, s.kind)).collect()
}

fn assert_clean(text: &str) {
    assert_eq!(flags(text), [], "{text:?} should raise no flag");
}

#[test]
fn misspelled_tech_terms_and_words() {
    assert_fixes("the kuberanetes clustr", "the Kubernetes cluster");
}

#[test]
fn lost_capitals_of_names_and_acronyms() {
    assert_fixes("we host on github with the cncf and linux", "we host on GitHub with the CNCF and Linux");
    assert_eq!(flags("Ask Github."), [("Github".to_string(), Kind::Casing)]);
}

#[test]
fn a_sentence_start_and_all_caps_are_allowed_capitals() {
    assert_clean("Cluster sizes vary. KUBERNETES IS GREAT.");
}

#[test]
fn common_misspellings() {
    assert_fixes("I recieve it untill tomorow", "I receive it until tomorrow");
    assert_fixes("a seperate goverment", "a separate government");
}

#[test]
fn capitalised_slips_are_misspellings() {
    assert_fixes("Code Deployment Still Fraugt with Problems", "Code Deployment Still Fraught with Problems");
}

#[test]
fn names_far_from_any_word_pass() {
    assert_clean("Kendall Roden, Tech Product Lead at Diagrid, met Jago Macleod of Mirantis.");
}

#[test]
fn a_name_beside_a_known_name_passes_even_if_it_looks_like_a_slip() {
    assert_clean("According to Kendall Roden, it works.");
}

#[test]
fn possessives_and_contractions() {
    assert_clean("Kubernetes' design and the cluster's nodes don't fail; there\u{2019}s no doubt.");
    assert_fixes("the clustr's nodes", "the cluster's nodes");
    assert_fixes("we dont know", "we don't know");
}

#[test]
fn urls_emails_paths_and_code_are_never_checked() {
    assert_clean(
        "See https://exmaple.com/qwzx, write to qwzx@exmaple.org, open /etc/qwzx.conf or ~/qwzx, \
         run `qwzx --frobnicate` with --qwzx-flag, call qwzx_frob() or obj.qwzxFrob, version v2beta1.",
    );
}

#[test]
fn fenced_code_is_skipped() {
    assert_clean("Before:\n```\nlet qwzx = frobnicate();\n```\nAfter.");
}

#[test]
fn a_recurring_term_of_the_article_is_not_a_typo() {
    assert_clean("Import urllib first. Then urllib opens the page, and urllib closes it.");
}

#[test]
fn a_recurring_slip_is_still_a_typo() {
    assert_eq!(
        flags("The clustr failed. The clustr restarted."),
        [("clustr".to_string(), Kind::Spelling), ("clustr".to_string(), Kind::Spelling)]
    );
}

#[test]
fn compounds_of_common_words_pass() {
    assert_clean("Set the hostmask and the userinfo.");
}

#[test]
fn accented_spellings_pass() {
    assert_clean("A naïve café.");
}

#[test]
fn the_article_dialect_decides_variants() {
    let text = "The organisation's colour and behaviour were analysed. The color changed.";
    let c = check(text, &Lexicon::new(), &Options::default());
    assert_eq!(c.dialect, Dialect::Gb);
    let words: Vec<&str> = c.suspects.iter().map(|s| s.word.as_str()).collect();
    assert_eq!(words, ["color"]);
}
