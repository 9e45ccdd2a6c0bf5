//! The checker as a reader meets it: sentences in, flags and first fixes out.

use galley::check::{Kind, Options, check};
use galley::lexicon::{Dialect, Lexicon};

/// The text after applying every suspect's first fix (what `galley fix` writes).
fn fixed(text: &str) -> String {
    let lexicon = Lexicon::new();
    let checked = check(text, &lexicon, &Options { dialect: Some(Dialect::Us), suggestions: true });
    let doc = galley::document::Document::new("t", text.to_string());
    let sure = checked.suspects.iter().filter(|s| s.confident);
    doc.replaced(sure.filter_map(|s| s.suggestions.first().map(|f| (s.span, f))))
}

fn assert_fixes(damaged: &str, want: &str) {
    assert_eq!(fixed(damaged), want, "fixing {damaged:?}");
}

fn flags(text: &str) -> Vec<(String, Kind)> {
    check(text, &Lexicon::new(), &Options::default())
        .suspects
        .iter()
        .map(|s| (s.word(text).to_string(), s.kind))
        .collect()
}

/// The flags of `kind`: each one's word, and whether `fix` takes it unasked.
fn taken_of(text: &str, kind: Kind) -> Vec<(&str, bool)> {
    check(text, &Lexicon::new(), &Options::default())
        .suspects
        .iter()
        .filter(|s| s.kind == kind)
        .map(|s| (s.word(text), s.confident))
        .collect()
}

/// Each flag's word, kind and first fix.
fn first_fixes(text: &str) -> Vec<(String, Kind, String)> {
    check(text, &Lexicon::new(), &Options::default())
        .suspects
        .iter()
        .map(|s| (s.word(text).to_string(), s.kind, s.suggestions.first().unwrap_or_default().to_string()))
        .collect()
}

/// Asserts that `word` is the one suspect of `text`, a word choice with `fix` first.
fn assert_word_choice(text: &str, word: &str, fix: &str) {
    assert_eq!(first_fixes(text), [(word.into(), Kind::WordChoice, fix.into())], "{text:?}");
}

fn assert_clean(text: &str) {
    assert_eq!(flags(text), [], "{text:?} should raise no flag");
}

/// Rare words of general English that no common word lies one slip from (`transformative`,
/// `misclassifies`), and the spelling variants dictionaries call good (`benefitting`,
/// `cancelation`), are words. A rare short word is still a slip (`frist`).
#[test]
fn rare_long_words_and_good_variants_are_words() {
    assert_clean("The release was transformative for its users, benefitting the approvers most.");
    assert_clean("A cancelation now and then is fine, and a model that misclassifies a sample learns.");
    assert_clean("We incentivized early testing, and the outsized gains abided.");
    assert_fixes("The frist release came out in May.", "The first release came out in May.");
}

#[test]
fn misspelled_tech_terms_and_words() {
    assert_fixes("the kuberanetes clustr", "the Kubernetes cluster");
}

/// A term clean prose writes is a word (`kqueue`); one it writes too seldom to be sure of is
/// flagged for the reader but never changed by `fix` when no neighbour wants the fix; a slip
/// beside words that want its fix is, even one clean prose carries itself (`recieve`, `teh`,
/// `dont`).
#[test]
fn fix_takes_slips_and_leaves_terms_clean_prose_writes() {
    assert!(!flags("The loop is backed by epoll, kqueue and iocp.").iter().any(|(w, _)| w == "kqueue"));
    assert_fixes("It also builds for armel and arm.", "It also builds for armel and arm.");
    assert_eq!(flags("It also builds for armel and arm."), [("armel".to_string(), Kind::Spelling)]);
    assert_fixes("We recieve teh data, but we dont know its size.", "We receive the data, but we don't know its size.");
}

/// A term clean prose writes stands unless a word that keeps its first letter is written far more
/// often (a changed first letter makes another word more often than a typo does); an apostrophe
/// left out counts, and a capital does not hide the slip.
#[test]
fn a_term_clean_prose_writes_stands_beside_words_with_another_first_letter() {
    assert!(flags("Each character has an xid property.").is_empty(), "xid beside id, did");
    assert_fixes("Dont render control characters.", "Don't render control characters.");
    assert_fixes("# Teh manual", "# The manual");
}

/// A letter typed before a word, or its first letter dropped, keeps the rest of it in line: the
/// fix is taken even two edits away (`nfaczt`), where a fix that changes the first letters
/// (`gparted` -> `started`) is left for the reader.
#[test]
fn a_slip_at_the_first_letter_keeps_the_rest_in_line() {
    assert_fixes(
        "We utilize the nfaczt that the last byte is free.",
        "We utilize the fact that the last byte is free.",
    );
    assert_fixes("Run gparted to resize it.", "Run gparted to resize it.");
}

/// Of a word's casings, the one clean prose writes most comes first: `APIs`, not the bee's genus.
#[test]
fn a_lowered_name_takes_the_casing_clean_prose_writes_most() {
    assert_fixes("The crate exposes safe apis for files.", "The crate exposes safe APIs for files.");
}

/// A clean article of some length, whose casing shows no damage.
const CLEAN_ARTICLE: &str = "Getting Started With The Library\n\n\
        The library reads a file from the disk and writes a report for each of the records it \
        finds there. It runs on linux and on windows, and the build needs only cargo and a recent \
        compiler. The first time you run it, the tool makes a new directory in your home folder \
        and keeps its settings there, so the next run can start where the last one stopped. When \
        a record cannot be read, the report says which line of the file it came from and why it \
        was left out, and the rest of the file is still read. Most people use it from a script \
        that runs every night, but it works just as well by hand. The project has a small group \
        of people who answer questions, and new ideas are always welcome in the issue tracker.\n";

/// A clean article of some length writes its casing on purpose: a tool in lower case, a
/// heading in Title Case. The same article with stray capitals has its names raised too.
#[test]
fn a_clean_article_keeps_its_own_casing() {
    let clean = CLEAN_ARTICLE;
    let casing: Vec<_> = flags(clean).into_iter().filter(|(_, k)| *k == Kind::Casing).collect();
    assert_eq!(casing, [], "the article's own casing");
    let damaged = clean
        .replace("reads a file", "Reads a File")
        .replace("for each of the records", "For each of the Records")
        .replace("the build needs", "the Build Needs")
        .replace("makes a new directory", "Makes a new Directory")
        .replace("a record cannot", "a Record cannot")
        .replace("the rest of the file", "The rest of the File")
        .replace("by hand", "By Hand")
        .replace("new ideas are", "New Ideas are");
    let raised: Vec<String> = flags(&damaged).into_iter().filter(|(_, k)| *k == Kind::Casing).map(|f| f.0).collect();
    assert!(raised.iter().any(|w| w == "linux"), "{raised:?}");
    assert!(raised.iter().any(|w| w == "Reads"), "{raised:?}");
}

/// [`CLEAN_ARTICLE`] goes on: with it, 480 words.
const MORE_OF_THE_CLEAN_ARTICLE: &str = "\nThe next release will read the records in parallel, one \
        thread for each core of the machine, and write the report as each of them is done. It will \
        also keep a short log of the files it has read, so that a run stopped half way can pick up \
        where it left off. We would like to hear from anyone who reads very large files, since they \
        are the ones we cannot test on our own machines, and from anyone who has found a way to \
        break it.\n\nWriting the report took longer than we thought. The first version kept every \
        record in memory until the end, which was fine for the small files we had at hand but not \
        for the large ones our users sent us. The second version writes each line as soon as it is \
        ready and keeps only a count of what it has seen, so a file of any size needs about the same \
        memory. It is also a little faster, since the disk is busy while the next record is read. We \
        checked the new version against the old one on every file we could find, and the reports \
        were the same, line for line, apart from the order of two warnings that the old version \
        printed at the end.\n\nThere is still a lot to do. The settings file should say which of \
        its values are wrong when it cannot be read, instead of giving up at the first one. The \
        report should be able to leave out the records that were read without trouble, for those \
        who only want to see what went wrong. And the tool should work on a folder of files as well \
        as on one, reading each in turn and writing one report for all of them. If you would like to \
        help with any of these, the issue tracker has a note on each, and we are happy to answer \
        questions there.\n";

/// `text`, which holds [`CLEAN_ARTICLE`], with five of its words misspelt: an article that
/// slips one word in a hundred.
fn misspelt_clean_article(text: &str) -> String {
    [
        ("reads a file", "reads a fiel"),
        ("writes a report", "writes a reprot"),
        ("recent compiler", "recent compilr"),
        ("keeps its settings", "keeps its setings"),
        ("start where", "strat where"),
    ]
    .iter()
    .fold(text.to_string(), |t, (right, wrong)| t.replace(right, wrong))
}

/// A clean article that hardly misspells a word writes an unknown word with no word one slip
/// from it on purpose: a tool's name (`tarkwell`), not a slip. An article that misspells many of
/// its words may garble a word that far too.
#[test]
fn a_clean_article_keeps_an_unknown_word_no_word_lies_one_slip_from() {
    let clean = CLEAN_ARTICLE
        .replace("from a script that runs every night", "from a script that calls tarkwell every night")
        + MORE_OF_THE_CLEAN_ARTICLE;
    assert_eq!(flags(&clean), []);
    let misspelt = misspelt_clean_article(&clean);
    let flagged: Vec<String> = flags(&misspelt).into_iter().map(|f| f.0).collect();
    assert!(flagged.iter().any(|w| w == "tarkwell"), "{flagged:?}");
}

/// In a clean article that hardly misspells a word, a short word no dictionary knows is as likely
/// a handle or a command as a slip of the word one slip from it (`thanks to kcp`, not `keep`):
/// flagged, and left for the reader. The same word in a misspelt article is a slip, taken.
#[test]
fn a_clean_article_asks_before_taking_a_short_unknown_word_for_a_word() {
    let clean = format!("{CLEAN_ARTICLE}{MORE_OF_THE_CLEAN_ARTICLE}Many thanks to kcp for the review.\n");
    assert_eq!(taken_of(&clean, Kind::Spelling), [("kcp", false)]);
    let misspelt = misspelt_clean_article(&clean);
    assert!(taken_of(&misspelt, Kind::Spelling).contains(&("kcp", true)), "{:?}", taken_of(&misspelt, Kind::Spelling));
}

/// In a clean article that hardly misspells a word, an unknown Capitalised word inside a sentence
/// one slip from a person's name is another name (`Dorrin`, not `Darrin`); one slip from a tech
/// name is still asked about (`Pyhton`).
#[test]
fn a_clean_article_keeps_a_name_one_slip_from_another_name() {
    let clean = format!("{CLEAN_ARTICLE}{MORE_OF_THE_CLEAN_ARTICLE}Many thanks to Dorrin for the review.\n");
    assert_eq!(flags(&clean), []);
    let slip = clean.replace("Many thanks to Dorrin for the review.", "It is written in Pyhton.");
    assert_eq!(flags(&slip), [("Pyhton".to_string(), Kind::Spelling)]);
}

/// In a clean article a sentence started in lower case is raised, but asked about: the author
/// may have meant it. The pronoun is taken, alone or contracted (`i`, `i'd`).
#[test]
fn a_clean_article_asks_before_raising_a_sentence_start() {
    let text = CLEAN_ARTICLE
        .replace("Most people use it", "most people use it")
        .replace("but it works", "but i find it works")
        .replace("and new ideas", "and i'd say new ideas");
    assert_eq!(taken_of(&text, Kind::Casing), [("most", false), ("i", true), ("i'd", true)]);
    let want = CLEAN_ARTICLE
        .replace("but it works", "but I find it works")
        .replace("and new ideas", "and I'd say new ideas")
        .replace("Most people use it", "most people use it");
    assert_eq!(fixed(&text), want);
}

/// A clean article that starts several sentences in small letters writes them so on purpose
/// (option lists, notes): none is raised. One alone is still asked about (above).
#[test]
fn a_clean_article_that_starts_sentences_in_small_letters_again_and_again_keeps_them() {
    let text = CLEAN_ARTICLE
        .replace("Most people use it", "most people use it")
        .replace("The project has a small group", "the project has a small group");
    assert_eq!(taken_of(&text, Kind::Casing), []);
}

/// In a clean article a rare word where a commoner one would read on both sides (`and zeal to`
/// for `deal`, `and minuted the` for `minutes`) is asked about, not taken: nothing else shows
/// damage there. Among other damage such a slip is taken.
#[test]
fn a_clean_article_asks_before_taking_a_word_for_another() {
    for sentence in [
        "Many people are already adding their knowledge, experience, and zeal to the project.",
        "We joined, and minuted the meeting, but the team decided to wait for the next release.",
    ] {
        let text = format!("{CLEAN_ARTICLE}\n{sentence}\n");
        let choices = taken_of(&text, Kind::WordChoice);
        assert_eq!(choices.len(), 1, "{sentence}: {choices:?}");
        assert!(!choices[0].1, "{sentence}: {choices:?}");
        assert_eq!(fixed(&text), text);
    }
    let damaged = format!("{DAMAGED}\nWe joined, and minuted the meeting, but the team decided to wait.\n");
    assert!(fixed(&damaged).contains("and minutes the meeting"), "{}", fixed(&damaged));
}

/// In a clean article a rare word where a commoner one would read better on one side only is no
/// suspect: the neighbours alone say too little where nothing else shows damage. Among other
/// damage it is asked about.
#[test]
fn a_clean_article_keeps_a_rare_word_its_neighbours_alone_question() {
    for sentence in [
        "Thank you to all who have helped us work out the kinks since support first landed.",
        "Prometheus supports both ingesting and sending remote writes, so you can mix them.",
    ] {
        let text = format!("{CLEAN_ARTICLE}\n{sentence}\n");
        assert!(flags(&text).is_empty(), "{sentence}: {:?}", flags(&text));
        let damaged = format!("{DAMAGED}\n{sentence}\n");
        let choices: Vec<(String, Kind)> = flags(&damaged).into_iter().filter(|f| f.1 == Kind::WordChoice).collect();
        assert_eq!(choices.len(), 1, "{sentence}: {choices:?}");
    }
}

/// In a clean article an unknown word with a first capital is a name as often as a slip: asked
/// about, not taken (`Centril, for doing ...` is no `Central`).
#[test]
fn a_clean_article_asks_before_taking_an_unknown_capitalised_word_for_another() {
    let text = format!("{CLEAN_ARTICLE}\nCentril, for doing a lot of the review work, deserves thanks.\n");
    assert_eq!(taken_of(&text, Kind::Spelling), [("Centril", false)]);
    assert_eq!(fixed(&text), text);
}

/// In a clean article, whose sentences open with capitals, an unknown word in small letters that
/// opens one is written so on purpose: a handle, a name in its own casing. Inside a sentence the
/// same word is asked about.
#[test]
fn a_clean_article_keeps_an_unknown_word_that_opens_a_sentence_in_small_letters() {
    let opening = format!("{CLEAN_ARTICLE}\njneem reviewed the patches, and the fix landed a week later.\n");
    assert!(flags(&opening).is_empty(), "{:?}", flags(&opening));
    let inside = format!("{CLEAN_ARTICLE}\nThe patches were reviewed by jneem, and the fix landed a week later.\n");
    assert_eq!(flags(&inside), [("jneem".to_string(), Kind::Spelling)]);
}

/// In a clean article, an unknown name it writes again and again is its own, however near a
/// better-known one, at a sentence's start too.
#[test]
fn a_clean_article_keeps_a_name_it_writes_again_and_again() {
    let text = format!(
        "{CLEAN_ARTICLE}\nNiko wrote the first draft. The second came from Niko too, and the \
         third was read by Niko before the release.\n"
    );
    assert!(flags(&text).is_empty(), "{:?}", flags(&text));
    let once = format!("{CLEAN_ARTICLE}\nThe first draft was read by Niko before the release.\n");
    assert_eq!(flags(&once), [("Niko".to_string(), Kind::Spelling)]);
}

/// A terms text that Capitalises a common word at every use (`the Software`, `the Contributor`)
/// writes it so on purpose: damage Capitalises each use on its own, so such capitals do not make
/// the article look damaged, and its names keep their capitals (`Abi Broom`, `the Temporary File
/// Locations tab`). The same text with a dozen words Capitalised once each is damaged.
const TERMS: &str = "This crate is offered to you under the terms below. Please read them before you use it.\n\n\
     You may copy the Software and give copies to others, as long as each copy carries this \
     notice. If you change the Software, you must say so in the files you change, and your \
     changes become part of the Work. The Work may be used in other projects, but the \
     Contributor keeps the copyright of each change the Contributor makes.\n\n\
     Any Enhancements you make to the Work belong to you. If you share your Enhancements with \
     the Contributor, you grant the Contributor the right to use them in the Software. The \
     Contributor may include your Enhancements in later versions of the Work without asking \
     you again.\n\n\
     The Software comes with no warranty. The Contributor is not liable for any damage the \
     Work causes, even if the Contributor was told that such damage could happen.\n\n\
     To report a problem, open an issue on the tracker, or write to Abi Broom, who looks \
     after the project. Questions about the Temporary File Locations tab go to the same \
     place.\n";

#[test]
fn an_article_that_capitalises_a_word_at_every_use_was_not_capitalised_at_random() {
    assert!(flags(TERMS).is_empty(), "{:?}", flags(TERMS));
    let mut damaged = TERMS.to_string();
    for word in ["Software", "Work", "Contributor", "Enhancements"] {
        for before in [" the ", " your "] {
            damaged = damaged.replace(&format!("{before}{word}"), &format!("{before}{}", word.to_lowercase()));
        }
    }
    for word in ["copies", "notice", "files", "projects", "share", "versions", "warranty", "issue"] {
        damaged = damaged.replacen(&format!(" {word}"), &format!(" {}{}", word[..1].to_uppercase(), &word[1..]), 1);
    }
    let casing: Vec<String> = flags(&damaged).into_iter().filter(|(_, k)| *k == Kind::Casing).map(|(w, _)| w).collect();
    for word in ["Copies", "Notice", "Files", "Projects", "Share", "Versions", "Warranty", "Issue"] {
        assert!(casing.contains(&word.to_string()), "{word} in {casing:?}");
    }
}

/// A misspelling in capitals among words that are not, even words Capitalised at random, was
/// damaged both ways: its fix is in small letters.
/// A long word in capitals among small letters that is a common word garbled twice over is
/// fixed in small letters; acronyms that long stand (no common word is that near them).
#[test]
fn a_word_garbled_into_capitals_twice_over_is_fixed() {
    assert_fixes(
        "It helps by detecting and OMEASURSNG performance regressions.",
        "It helps by detecting and measuring performance regressions.",
    );
    assert_fixes("It lists the FEAQRUES you can enable.", "It lists the features you can enable.");
    assert_clean("Set RUSTFLAGS before you build, and handle SIGTERM and EWOULDBLOCK there.");
    // ... near a word of its field as well as a common one.
    assert_fixes("It ships a cargo SUBCOMMANH to profile code.", "It ships a cargo subcommand to profile code.");
    // A short one too, two slips from one of the commonest words (`when`), written once among
    // small letters; an acronym the corpus writes stands.
    let flagged: Vec<(String, Kind, String)> = first_fixes("Be extremely careful WEJN using the PKCS format here.");
    assert_eq!(flagged, [("WEJN".to_string(), Kind::Spelling, "when".to_string())]);
    // The pronoun beside it is no word in capitals.
    let flagged: Vec<(String, Kind, String)> = first_fixes("It was the anxiety I felt WHNE I was selected.");
    assert_eq!(flagged, [("WHNE".to_string(), Kind::Spelling, "when".to_string())]);
    // Nor is a short acronym beside it, on one side: the other has small letters.
    let flagged: Vec<(String, Kind, String)> = first_fixes("We kept the HTTP THSE calls as short as we could.");
    assert_eq!(flagged, [("THSE".to_string(), Kind::Spelling, "these".to_string())]);
    assert_clean("The HTTP API is small, and the SDK wraps it.");
}

/// An article that names its own institutions with capitals the corpus gives to common words
/// (`Project Directors`), again and again, keeps them, though its damage Capitalised common
/// words at random around them: damage does not capitalise the same two words side by side
/// every time.
#[test]
fn a_name_the_article_writes_as_a_run_of_capitals_again_and_again_keeps_its_capitals() {
    let damaged = "We are Happy to Announce that the Council will elect new Project Directors this Year. \
                   The Project Directors Serve on the Board, and the Project Directors Speak For the \
                   Teams. Anyone Can nominate a Candidate, and the Council Picks the new Project \
                   Directors in the Spring. The project Itself Has many Teams, and each team Writes \
                   its own Reports.";
    let fixed = fixed(damaged);
    assert_eq!(fixed.matches("Project Directors").count(), 4, "{fixed}");
    assert!(fixed.starts_with("We are happy to announce that"), "{fixed}");
    assert!(fixed.ends_with("The project itself has many teams, and each team writes its own reports."), "{fixed}");
}

/// ... and keeps them when the damage also lowered one of its words at as many other uses:
/// damage lowers each word of a name on its own, so a name written in full at four of its eight
/// uses is one, and a word of it lowered beside the other's capital gets its capital back. Where
/// both are in small letters, the author may have meant the common words, and they stand. Two
/// common words Capitalised side by side three times by damage that Capitalises in runs, and
/// that the article writes in small letters three times as often, are still common words.
#[test]
fn a_name_the_damage_lowered_at_half_its_uses_keeps_its_capitals_where_it_has_them() {
    let damaged = "The Governance Committee met on Monday. The governance committee Will decide the Budget. \
                   Members of the Governance Committee Serve two Years, and the Governance committee \
                   Elects its chair. The governance Committee Publishes its Notes, and the Governance \
                   Committee Reviews each Proposal. Anyone can Ask the governance committee a \
                   Question, and the Governance Committee Answers in the open.";
    let name = fixed(damaged);
    assert_eq!(name.matches("Governance Committee").count(), 5, "{name}");
    assert!(name.contains("The Governance Committee publishes its notes"), "{name}");
    assert!(name.contains("The governance committee will decide the budget."), "{name}");
    let runs = "Open a Pull Request For Each Change you make. A pull request Needs A Review, and every \
                pull request runs the tests. Close the Pull Request When It Is merged. The pull request \
                template Asks For A Summary. Each pull request has a number, and a pull request May Be A \
                Draft. Link the Pull Request To Its Issue, as every pull request should. A pull request \
                is Reviewed Once More before a pull request is merged.";
    let common = fixed(runs);
    assert_eq!(common.matches("Pull Request").count(), 0, "{common}");
}

/// ... and where the damage lowered one word or the other at most of its uses, so that the name
/// is seldom written in full: damage that Capitalises words one by one seldom Capitalises the
/// same word beside the same neighbour again and again, while a name lowered word by word keeps
/// a capital at nearly every use.
#[test]
fn a_name_the_damage_lowered_word_by_word_keeps_its_capitals() {
    let damaged = "Planning for the All Hands Is going well. We Are inviting every team to the all Hands, \
                   and the All hands Portion is Invitation only. Please Join the brainstorm on how to \
                   use the All hands time. Each Team will present at the all Hands, and all of the \
                   Notes will be Shared with all of you.";
    let fixed = fixed(damaged);
    assert_eq!(fixed.matches("All Hands").count(), 5, "{fixed}");
    assert!(fixed.contains("and all of the notes will be shared with all of you."), "{fixed}");
}

/// ... and where the damage lowers names only now and then (here a name in eight, where clean
/// articles lower hardly any): a word of the article's name of two words lowered beside the
/// other's capital gets its capital back.
#[test]
fn a_name_of_two_words_lowered_once_in_a_mildly_damaged_article_gets_its_capital_back() {
    let damaged = "The Leadership Council met in berlin on Monday. The Leadership Council is made up of one \
                   member from each team, and the Leadership Council decides how the Project spends its \
                   Money. This year the leadership Council asked the teams on github and on Zulip what \
                   they need. Most of them use linux, some use windows, and a few use macOS. The teams \
                   wrote their answers in English and in german, and the Council read them all before it \
                   met again in paris and in tokyo. The work on python and Rust bindings was discussed, \
                   and so was the budget for travel to europe and to Asia.";
    let fixed = fixed(damaged);
    assert!(fixed.contains("This year the Leadership Council asked"), "{fixed}");
    assert_eq!(fixed.matches("Leadership Council").count(), 4, "{fixed}");
}

/// A name before a possessive (`Stack Overflow's`) is the name before the name alone: the
/// corpus writes `Stack Overflow` often and `Stack Overflow's` seldom, and a damaged article
/// keeps the capital of either, as it does with a curly apostrophe.
#[test]
fn a_name_keeps_its_capital_before_a_possessive() {
    for apostrophe in ["'", "\u{2019}"] {
        let damaged = format!(
            "Panel Members Discussed the plan at length with the Team and they Agreed. Rust has been \
             named Stack Overflow{apostrophe}s most loved language. The Project Board Will Meet Soon."
        );
        let fixed = fixed(&damaged);
        assert!(fixed.contains(&format!("named Stack Overflow{apostrophe}s most loved")), "{fixed}");
        assert!(fixed.contains("Panel members discussed the plan"), "{fixed}");
    }
}

/// An author who writes a name in small letters at every use (`rust`, `cargo`: as a package
/// or a command names it) wrote it so on purpose: damage lowers a name at some of its uses, not
/// at all of them. A clean README so written keeps its casing.
#[test]
fn a_name_written_in_small_letters_at_every_use_is_the_authors_own_way() {
    let readme = "This crate offers safe rust bindings for the zlib compression library, written for people \
                  who would rather not call C from rust by hand.\n\n\
                  The bindings cover the whole C API. Each function of the library has a rust wrapper that \
                  checks its arguments and turns error codes into rust errors, so a program never sees a \
                  null pointer.\n\n\
                  The workspace holds one crate per header of the C library. Build it with cargo as usual; \
                  the build script finds the system library, or compiles the bundled copy when none is \
                  installed.\n\n\
                  Not every feature of the C library is covered yet. Streaming decompression works, but \
                  the dictionary functions are missing, since nobody has asked for them in rust so far. \
                  Pull requests are welcome, and so are bug reports from anyone who uses the bindings in a \
                  rust project.\n\n\
                  We want a complete and painless compression library for rust. Nothing will be written \
                  again in rust that the C library already does well, and the native rust crates that \
                  exist today are listed on the project page for those who need them.\n\n\
                  The tests run on the last three releases of zlib on Linux, macOS and Windows.\n\n\
                  Most of the work is in the build script, which has to find the library on every system \
                  and agree with the version it finds. The rust side is thin: a type for each stream, \
                  methods for each call, and a test for each of them. If you want to help, the list of \
                  open issues is a good place to start, and the documentation explains how the bindings \
                  are made from the headers.\n";
    assert_clean(readme);
}

/// An author who writes an institution's name with a capital (`the Project`, `the Council`) at
/// most of its uses, in runs of capitals or not, keeps it, in an article whose damage
/// Capitalises common words at random: the damage strikes each use on its own, and comes back
/// at two uses in ten, not at nine.
#[test]
fn a_word_the_author_capitalises_at_most_uses_keeps_its_capital_where_the_damage_strikes_at_random() {
    let damaged = "The Leadership Council met in May. Each team Sent one member to the Leadership Council, \
                   and the Council Heard from the Project Directors about the Budget. The Council agreed \
                   that the Project should fund Travel for two more people. Most of the Project Works in \
                   the open, and the Council Thanks every member who wrote to the Leadership council. The \
                   team leads asked the Council to Publish its Notes, and the council will Post them Soon. \
                   The Project Directors will report to the Council again in June, and the Project will \
                   Share the plan With every Team.";
    let fixed = fixed(damaged);
    assert!(fixed.matches("Project").count() >= 3, "{fixed}");
    assert_eq!(fixed.matches("Leadership Council").count(), 3, "{fixed}");
    assert!(fixed.contains("Most of the Project works in the open"), "{fixed}");
    assert!(fixed.contains("asked the Council to publish its notes, and the Council will post them soon."), "{fixed}");
    assert!(fixed.contains("will share the plan with every team."), "{fixed}");
}

/// A short word in capitals among small letters, two slips from a common word that the words
/// around it are seen beside, is that word garbled, not an acronym; acronyms the context does
/// not explain stand.
#[test]
fn a_short_word_garbled_into_capitals_is_known_by_the_words_around_it() {
    let cases = [
        ("The keys uniquely identify internal VLUEN used within the crate.", "VLUEN", "values"),
        ("We think the new layout would WULH best fit the needs of most users.", "WULH", "would"),
        ("It was easier at the CDVST of older versions, as the docs say.", "CDVST", "cost"),
        ("Programmers coming FRPOI other languages like the book a lot.", "FRPOI", "from"),
    ];
    for (text, word, fix) in cases {
        assert_eq!(first_fixes(text), [(word.to_string(), Kind::Spelling, fix.to_string())], "{text}");
    }
    assert_clean("Use the WASI target, and follow the MSRV policy when you build it.");
}

/// The first fix of the suspect `word` in `text`, if it is one.
fn first_fix_of(text: &str, word: &str) -> Option<String> {
    check(text, &Lexicon::new(), &Options::default())
        .suspects
        .into_iter()
        .find(|s| s.word(text) == word)
        .and_then(|s| s.suggestions.first().map(str::to_string))
}

#[test]
fn a_misspelling_in_capitals_is_fixed_in_small_letters() {
    let first = first_fix_of;
    assert_eq!(first("It is to be CRYSTLA clear.", "CRYSTLA").as_deref(), Some("crystal"));
    assert_eq!(first("The Crate CQNTAINS The macros You need.", "CQNTAINS").as_deref(), Some("contains"));
    // At a sentence's start, the sentence going on in small letters: its first word's capital.
    assert_fixes(
        "The build failed twice. BECAUZE, she wrote, the cache was stale.",
        "The build failed twice. Because, she wrote, the cache was stale.",
    );
    assert_eq!(first("The build failed twice. BECAUZE the cache was stale.", "BECAUZE").as_deref(), Some("Because"));
    // Beside an acronym, or the article `A`, it is still a word of the sentence.
    assert_eq!(first("It came through an HTTP REQUAST from a client.", "REQUAST").as_deref(), Some("request"));
    assert_eq!(first("Thank you. A VXRSION of this text is online.", "VXRSION").as_deref(), Some("version"));
    // ... also where the damage Capitalised the next word: it is no heading in capitals.
    assert_eq!(
        first("The build failed twice. BECAUZE, She wrote, the cache was stale.", "BECAUZE").as_deref(),
        Some("Because")
    );
    // A heading in capitals stays in capitals.
    assert_eq!(first("PART ONE\n\nBECAUZE OF THE CACHE\n\nThe text.", "BECAUZE").as_deref(), Some("BECAUSE"));
}

/// Set apart by punctuation from the words beside it, a word in capitals in a line of prose is
/// still a word of the sentence, and its fix takes the casing clean prose gives it: a name keeps
/// its capital, an acronym its capitals.
#[test]
fn a_misspelling_in_capitals_set_apart_by_punctuation_takes_the_casing_prose_gives_it() {
    let first = first_fix_of;
    let cases = [
        ("It works, but the example is no good, WORKXING, as the docs say.", "WORKXING", "working"),
        ("Enable the default \"std\" FEANURE. Then build it again.", "FEANURE", "feature"),
        ("We took part in GOOGLLE Summer of Code with two students this year.", "GOOGLLE", "Google"),
        ("The talks were in French, German, KOREEAN, and Spanish this year.", "KOREEAN", "Korean"),
        ("The third step fails. BEFORRE you start, read the notes.", "BEFORRE", "Before"),
    ];
    for (text, word, fix) in cases {
        assert_eq!(first(text, word).as_deref(), Some(fix), "{text}");
    }
    // Lines in capitals keep theirs: a licence's warranty, a heading.
    assert_eq!(
        first("THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUUT WARRANTY OF ANY KIND.", "WITHOUUT").as_deref(),
        Some("WITHOUT")
    );
}

/// A word inside a compound the article also writes as code is part of an identifier; elsewhere
/// a compound's name still takes its capitals.
#[test]
fn a_compound_the_article_writes_as_code_keeps_its_casing() {
    let text = "We use native-tls and `native-tls` is a crate, with rustls or native-tls for TLS. \
        It runs on linux-based systems.";
    let casing: Vec<String> = flags(text).into_iter().filter(|(_, k)| *k == Kind::Casing).map(|(w, _)| w).collect();
    assert_eq!(casing, ["linux"]);
}

/// A word no list holds that clean prose writes almost only with capitals takes them.
#[test]
fn acronyms_clean_prose_writes_in_capitals_take_them() {
    assert_fixes(
        "It is a pcg with a small state, and both rngs are seeded once.",
        "It is a PCG with a small state, and both RNGs are seeded once.",
    );
    // ... unless it is one slip from a word written far more often still: a rare name the
    // corpus holds is no reason to take a slip of a common word for it (`Dif`, `COSE`).
    let fixes = first_fixes("The block this dif is describing runs the cose again.");
    assert!(fixes.iter().all(|(_, k, f)| *k == Kind::Spelling && f != "Dif" && f != "COSE"), "{fixes:?}");
}

#[test]
fn lost_capitals_of_names_and_acronyms() {
    assert_fixes("we host on github with the cncf and linux", "we host on GitHub with the CNCF and Linux");
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
    assert_clean("Kendall Roden of Diagrid met Jago Macleod of Mirantis.");
    // A surname one slip from a word (`triplet`) after a first name that clean prose writes
    // with its capital, though a dictionary knows it in lower case too (`josh`).
    assert_clean("Thanks to Josh Triplett for the review.");
}

#[test]
fn a_name_beside_a_known_name_passes_even_if_it_looks_like_a_slip() {
    assert_clean("According to Kendall Roden, it works.");
}

#[test]
fn a_name_beside_an_initial_passes_even_if_it_looks_like_a_slip() {
    // `Oakley`, `Gross` and `Weizmann` are one edit away, but an initial marks a name, in a
    // byline as in a citation.
    assert_clean("The original was created by Stephen M. Coakley and others.");
    assert_clean("The bound is due to Grossi, R., and Weimann, O., in their paper.");
    // A slip beside no initial is still one.
    assert_fixes("the Grossi cost of it", "the Gross cost of it");
}

#[test]
fn possessives_and_contractions() {
    assert_clean("Kubernetes' design and the cluster's nodes don't fail; there\u{2019}s no doubt.");
    assert_fixes("the clustr's nodes", "the cluster's nodes");
    assert_fixes("we dont know", "we don't know");
}

#[test]
fn a_name_s_possessive_keeps_its_ending_when_its_casing_is_fixed() {
    // Taking the fix must give the name its capitals, never cut off the `'s` (it gave
    // `Kubernetes` for `kubernetes's`, and so lost two characters of the text).
    assert_fixes("We deploy on kubernetes's control plane.", "We deploy on Kubernetes's control plane.");
    assert_fixes("We deploy on kubernetes\u{2019}s control plane.", "We deploy on Kubernetes\u{2019}s control plane.");
    assert_fixes("The cncf's projects grew.", "The CNCF's projects grew.");
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
    // ... but not two words that a common word two edits away explains better: a slip twice over.
    assert_eq!(
        first_fixes("Most of the teepam does not know how."),
        [("teepam".into(), Kind::Spelling, "team".into())]
    );
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
    let words: Vec<&str> = c.suspects.iter().map(|s| s.word(text)).collect();
    assert_eq!(words, ["color"]);
}

/// A word of the other dialect takes this one's spelling of it first, before another word as
/// near that the article writes more (`neighbor` is `neighbour` in a British article, not the
/// `neighbors` it also writes).
#[test]
fn a_word_of_the_other_dialect_takes_this_dialects_spelling_of_it_first() {
    let text = "The organisation's colour and behaviour were analysed. The neighbors of a point, and the \
                neighbors of those neighbors, are found by an exact nearest neighbor search.";
    let c = check(text, &Lexicon::new(), &Options::default());
    let fixes: Vec<(&str, &str)> =
        c.suspects.iter().map(|s| (s.word(text), s.suggestions.first().unwrap_or_default())).collect();
    assert_eq!(fixes, [("neighbor", "neighbour")]);
}

// Casing in context (issue 4). A damaged article is one capitalised at random: the paragraph
// below has enough stray capitals to say so, as the damaged articles galley meets do.
const DAMAGED: &str = "During a discussion in London, Panel Members Discussed One of the Big Criticisms of \
modern software. Shifting left Has Stalled in some organizations, and the Platform Team Is Often missing.";

/// Asserts that `sentence`, as a paragraph after [`DAMAGED`] (whose damage sets the article's
/// rates), is fixed to `want`.
fn assert_fixed_after_damage(sentence: &str, want: &str) {
    let fixed = fixed(&format!("{DAMAGED}\n\n{sentence}\n"));
    assert!(fixed.ends_with(&format!("\n\n{want}\n")), "{fixed}");
}

/// Asserts that `sentence`, as a paragraph after [`DAMAGED`], has `word` flagged as a
/// misspelling with `fix` first, asked about and never taken unasked.
fn assert_asked_after_damage(sentence: &str, word: &str, fix: &str) {
    let text = format!("{DAMAGED}\n\n{sentence}\n");
    let checked = check(&text, &Lexicon::new(), &Options::default());
    let slip = checked.suspects.iter().find(|s| s.word(&text) == word).expect("flagged");
    assert_eq!((slip.kind, slip.suggestions.first()), (Kind::Spelling, Some(fix)), "{sentence}");
    assert!(!slip.confident, "{word}: asked about, not taken unasked");
}

/// Asserts that `sentence`, as a paragraph after [`DAMAGED`], raises no flag.
fn assert_untouched_after_damage(sentence: &str) {
    let text = format!("{DAMAGED}\n\n{sentence}\n");
    let checked = check(&text, &Lexicon::new(), &Options::default());
    assert!(checked.suspects.iter().all(|s| s.span.start < DAMAGED.len()), "{sentence}: {:?}", checked.suspects);
}

/// A word English writes often in small letters keeps them in an article Capitalised at random,
/// though the technical corpus writes it mostly for a name (`Rob Pike`, `the Leadership
/// Council`): general English counts beside the corpus.
#[test]
fn a_common_english_word_the_corpus_mostly_capitalises_keeps_its_small_letters_in_a_damaged_article() {
    assert_fixes(
        "The Team Said that slow builds would rob us of the Time we need for Reviews. Every Week the \
        city council asks how the Project Is Going, and we Tell Them the Same thing: the Compiler is \
        Getting faster, but the Tests still Take too long. The council Will meet again in june to \
        Look at the Numbers.",
        "The team said that slow builds would rob us of the time we need for reviews. Every week the \
        city council asks how the project is going, and we tell them the same thing: the compiler is \
        getting faster, but the tests still take too long. The council will meet again in June to \
        look at the numbers.",
    );
}

/// A common word the damage Capitalises at every use reads as a name by its uses alone, and
/// beside another such word as a name of two (`Help Ensure`): the model, which weighs the same
/// uses against the article's damage, still takes its capital off where it is sure.
#[test]
fn a_common_word_the_damage_capitalises_at_every_use_beside_another_is_still_lowered() {
    assert_fixed_after_damage(
        "The Reviews Help Ensure that every change is tested. Our Goals Also Help Ensure the Quality of \
        releases, and the Checks Help Ensure That nothing slips through.",
        "The reviews help ensure that every change is tested. Our goals also help ensure the quality of \
        releases, and the checks help ensure that nothing slips through.",
    );
}

/// A paragraph hard-wrapped at a fixed width reads as one: its first line is no Title Case
/// heading because the next starts with a capital (the next word would not have fitted on it),
/// and the article `A` at a line's end stands between words as it would mid-line.
#[test]
fn a_hard_wrapped_paragraph_reads_as_one() {
    let wrapped = "We Have Been Asked By Several Readers Whether The Project\nWill Ever Become Stable \
        Enough For A Release Next Year, and\nwe think it will be soon enough for most of them.\n";
    assert_eq!(
        fixed(wrapped),
        "We have been asked by several readers whether the project\nwill ever become stable enough \
        for a release next year, and\nwe think it will be soon enough for most of them.\n"
    );
    assert_fixed_after_damage(
        "Every night the build server prints the Results Of A\nBenchmark that the team reads over breakfast.",
        "Every night the build server prints the results of a\nbenchmark that the team reads over breakfast.",
    );
    // A sentence that starts a wrapped line in small letters lost its capital there too.
    assert_fixed_after_damage(
        "The build failed because the cache on the runner was full.\nin that case, the runner retries the build once.",
        "The build failed because the cache on the runner was full.\nIn that case, the runner retries the build once.",
    );
    // Mail's flowed text ends each wrapped line with a space.
    assert_fixed_after_damage(
        "Every night the build server prints the Results Of A \nBenchmark that the team reads over breakfast.",
        "Every night the build server prints the results of a \nbenchmark that the team reads over breakfast.",
    );
}

/// A possessive is its name's: the article's other uses of the name weigh for it, and what
/// follows is what the name owns, no neighbour of the name's.
#[test]
fn a_name_s_possessive_is_weighed_with_the_name() {
    let text = format!(
        "{DAMAGED}\n\nWe run the Collector on every node. The Collector batches spans, and the \
        Collector exports them. The Collector's memory use fell after the upgrade.\n"
    );
    let f = fixed(&text);
    assert!(f.contains("The Collector's memory use fell"), "{f:?}");
}

/// A word with a neighbour on one side only keeps the ending grammar gave it, in an article
/// misspelt as the bundled sample is too: `this open` is commoner than `this openness`, but which
/// word of the stem the sentence wants one side cannot tell (the sample's `politics can
/// Influence this openness.` was fixed to `this open.`).
#[test]
fn a_word_before_a_full_stop_keeps_its_derived_ending() {
    let f = fixed(include_str!("../assets/sample.txt"));
    assert!(f.contains("influence this openness."), "{f:?}");
}

/// A word in small letters that no dictionary knows, whose nearest word is another's name, is
/// most often a name that lost its capital (`yosef`, `mancuso`): that name is offered, never
/// taken unasked. A slip of a tech name the damage also lowered is still fixed.
#[test]
fn a_lowered_name_is_not_taken_for_a_slip_of_another_name() {
    for name in ["yosef", "mancuso", "molkova"] {
        let f = fixed(&format!("{DAMAGED}\n\nMany thanks to {name} for the review of the design.\n"));
        assert!(f.contains(&format!("thanks to {name} for")), "{f:?}");
    }
    let f = fixed(&format!("{DAMAGED}\n\nThe pods run on kuberanetes in the cluster.\n"));
    assert!(f.contains("run on Kubernetes in"), "{f:?}");
}

/// Damage that Capitalises words at random strikes slips too: a stray capital on a real word
/// out of place is weighed as that word in small letters, and its fix is the word meant.
#[test]
fn a_slip_the_damage_capitalised_is_fixed_as_a_slip() {
    let damaged =
        |slip: &str| format!("{DAMAGED}\n\nWe hoped that you {slip} be there, but the Trains Were late again.\n");
    let f = fixed(&damaged("cold"));
    assert!(f.contains("that you could be there"), "{f:?}");
    let f = fixed(&damaged("Cold"));
    assert!(f.contains("that you could be there"), "{f:?}");
}

/// So is a rare word the damage Capitalised, which the corpus writes too seldom for the casing
/// model to judge and the rules take the capital off: it is weighed as a slip too. Beside a word
/// that marks a name, it is a name's, and stays.
#[test]
fn a_rare_word_the_damage_capitalised_is_fixed_as_a_slip() {
    assert_fixed_after_damage(
        "The grant helps to enable a Barge and growing network of maintainers.",
        "The grant helps to enable a large and growing network of maintainers.",
    );
    assert_fixed_after_damage(
        "There are already many Otters in the pipeline for this release.",
        "There are already many others in the pipeline for this release.",
    );
    assert_fixed_after_damage(
        "We thank Ryan Levick and Mara Bos for the interviews.",
        "We thank Ryan Levick and Mara Bos for the interviews.",
    );
}

/// Beside a name, a Capitalised word no list knows is a name too (`Alexandru Radovici`), unless
/// it is long and one slip from a word of general English (`Rust's Infratructure`): few names
/// that long lie so near a word.
#[test]
fn a_long_capitalised_slip_beside_a_name_is_a_misspelling() {
    assert_fixed_after_damage(
        "We thank the sponsors of Rust's Infratructure who provided the machines.",
        "We thank the sponsors of Rust's infrastructure who provided the machines.",
    );
    assert_fixed_after_damage(
        "We thank Kendall Macleod and Alexandru Radovici for the review.",
        "We thank Kendall Macleod and Alexandru Radovici for the review.",
    );
}

/// A Capitalised word no list knows, one edit from a term the tech vocabulary writes in small
/// letters, is that term misspelt, though general English writes the term too seldom for it to
/// count as a common word (`Rusltdoc`); a plural English makes of a term is no slip of it.
#[test]
fn a_capitalised_slip_of_a_tech_term_is_a_misspelling() {
    assert_fixes(
        "The chapter on tests in the Rusltdoc book shows how to write them.",
        "The chapter on tests in the Rustdoc book shows how to write them.",
    );
    assert_clean("All of the Favicons are drawn at three sizes for every screen.");
}

/// In an article Capitalised at random, a long Capitalised word beside a name, one slip from a
/// common word, is asked about (`Ineside Rust`), never taken unasked; right after a given name it
/// is a surname (`Daniel Lookeed`), and where the capitals show no damage, a name.
#[test]
fn a_capitalised_slip_beside_a_name_is_asked_about_where_damage_shows() {
    let sentence = "We read the notes of Ineside Rust this week, and they were long.";
    assert_asked_after_damage(sentence, "Ineside", "inside");
    assert_untouched_after_damage("We thank Daniel Lookeed for the review.");
    assert_clean(sentence);
}

/// In an article Capitalised at random, a long Capitalised word garbled twice over that starts a
/// sentence is asked about too, with the sentence's capital (`Verseoin` -> `Version`); a name
/// after a title is a name (`Dr. Lemire's`).
#[test]
fn a_sentence_starting_with_a_word_garbled_twice_over_is_asked_about() {
    let sentence = "Verseoin two of the tool came out last week, with many fixes.";
    assert_asked_after_damage(sentence, "Verseoin", "Version");
    assert_clean(sentence);
    assert_untouched_after_damage("The new sampler passes Dr. Lemire's tests, and we thank him.");
}

/// In an article Capitalised at random, a Capitalised misspelling inside a sentence is fixed in
/// small letters, also where the word meant often starts a sentence (`Thanks to`, `Note that`).
#[test]
fn a_capitalised_misspelling_of_a_word_that_often_starts_sentences_is_fixed_in_small_letters() {
    assert_fixed_after_damage(
        "Our sincerest Tahnks go to the reviewers. However, Noet that it works.",
        "Our sincerest thanks go to the reviewers. However, note that it works.",
    );
}

/// ... but not a misspelling of a name the article writes with a capital inside its sentences
/// again and again: the damage Capitalises a share of a word's uses, seldom most of them.
#[test]
fn a_capitalised_misspelling_of_the_article_s_own_name_keeps_its_capital() {
    assert_fixed_after_damage(
        "We run the Collector on every node, and the Collector batches spans. Then the Colelctor \
        exports them.",
        "We run the Collector on every node, and the Collector batches spans. Then the Collector \
        exports them.",
    );
}

/// ... and the damage's own capitals of the word are no evidence of a name: those the casing
/// stage takes down are not counted (`Helps Keep You Future-Compatbile`, where the damage
/// Capitalised `compatible` at most of its uses).
#[test]
fn the_damage_s_capitals_of_a_word_make_no_name_of_its_misspelling() {
    let text = "Porting code to a new release of the language takes some care. The library is Compatible \
        with older releases, and the tools are compatible with the new one. Most projects stay Compatible \
        with the old interpreter for a while, and the test suite shows which parts are not. Keep the code \
        Compatible with both versions until the last user moves on. A Good Test suite makes this easy, \
        and coverage tools show what it misses. The standard library helps: most modules are Compatible \
        across versions, and the few that moved have a new name. When you drop the old version, remove \
        The Shims one by one and run the tests after each. It helps keep you Future-Compatbile as well, \
        since the next release will change less.\n";
    let fixes = first_fixes(text);
    assert!(fixes.iter().any(|(w, _, f)| w == "Compatbile" && f == "compatible"), "{fixes:?}");
}

/// A misspelt name is the name the article writes, Capitalised, before a commoner word as near
/// (`The Rusut team` -> `Rust`, not `rest`): the article is a cache of its words in any casing.
#[test]
fn a_misspelt_name_is_the_name_the_article_writes() {
    let text = "The Rusut team is happy to announce a new version of Rust. Rust is a systems programming \
        language, and this release of Rust makes it faster.\n";
    let fixes = first_fixes(text);
    assert!(fixes.iter().any(|(w, k, f)| w == "Rusut" && *k == Kind::Spelling && f == "Rust"), "{fixes:?}");
}

/// A slip strikes the first word of a sentence as it strikes any word: a word that fits no
/// neighbour, one slip from one that fits, is fixed, and keeps the sentence's capital.
#[test]
fn a_real_word_slip_that_starts_a_sentence_is_fixed_with_its_capital() {
    assert_fixes(
        "Call the method once the buffer is full. Whet the buffer is empty, the method returns an error instead.",
        "Call the method once the buffer is full. When the buffer is empty, the method returns an error instead.",
    );
    // A word the article Capitalises inside its sentences too is its own name.
    assert_clean("The crate is small. Strum is a set of macros, and Strum makes enums easier to use.");
}

/// A Capitalised word written once, a slip or two from a name the article writes again and
/// again, is a slip of that name, not a name of its own (`Graafna` beside `Grafana`).
#[test]
fn a_slip_of_the_article_s_own_name_is_a_misspelling() {
    let text = "We ship our metrics to Grafana. Grafana draws the dashboards, and the alerts live in \
        Grafana too. The JSON configs for Graafna dashboards are in the repository.\n";
    let fixes = first_fixes(text);
    assert!(fixes.iter().any(|(w, k, f)| w == "Graafna" && *k == Kind::Spelling && f == "Grafana"), "{fixes:?}");
    // A name written twice is no name the article writes again and again.
    assert_clean("We ship our metrics to Grafana, and Grafana draws the dashboards. Ask Graafna about it.");
}

/// The pronoun is no name: a Capitalised misspelling before it is no surname (`Taht I`), and is
/// a misspelling as it would be before any other word.
#[test]
fn a_capitalised_misspelling_before_the_pronoun_is_a_misspelling() {
    assert_fixed_after_damage("We noticed Taht I missed the train again.", "We noticed that I missed the train again.");
    // ... nor is it one with a contraction: a misspelling after it is no given name's surname.
    for pronoun in ["I'm", "I\u{2019}m", "I've", "I'd", "I'll"] {
        assert_fixed_after_damage(
            &format!("So {pronoun} Currentlay cleaning it up."),
            &format!("So {pronoun} currently cleaning it up."),
        );
    }
    // A name before it stays a name.
    assert_clean("Yesterday Kendall Roden and I met.");
}

/// A Capitalised word one slip from one of the commonest words is a misspelling even beside a
/// word that looks like a name (`Expet Tehre`, each a slip): surnames that near a word that
/// common are few. One that near a rarer word stays a name (`Josh Triplett`).
#[test]
fn a_capitalised_slip_of_a_very_common_word_beside_a_name_is_a_misspelling() {
    let text = format!("{DAMAGED}\n\nIn that case you would Expet Tehre to be one.\n");
    let fixes = first_fixes(&text);
    assert!(fixes.iter().any(|(w, k, f)| w == "Tehre" && *k == Kind::Spelling && f == "there"), "{fixes:?}");
    assert_untouched_after_damage("We thank Josh Triplett and Alice Ryhl for the review.");
}

/// Two Capitalised misspellings side by side do not keep each other names: an unknown word one
/// slip from a very common word vouches for no name beside it (`a Shaerd Gdoal of`). A surname
/// after a given name that is itself one slip from a name stays a name (`Antonin Kral`).
#[test]
fn capitalised_misspellings_side_by_side_are_misspellings_not_names() {
    let text = format!("{DAMAGED}\n\nWe worked in the open, with a Shaerd Gdoal of making telemetry easier.\n");
    let fixes = first_fixes(&text);
    for (word, fix) in [("Shaerd", "shared"), ("Gdoal", "goal")] {
        assert!(fixes.iter().any(|(w, k, f)| w == word && *k == Kind::Spelling && f == fix), "{word}: {fixes:?}");
    }
    assert_untouched_after_damage("I am Antonin Kral, and I lead research there.");
}

/// A surname that lost its capital after a given name is raised, not spelt as the nearest word
/// (`Hans kratz`, not `rate`); a slip of a common word after a name is still a slip, and a word
/// that may be either (`Eric holk`, `hook`) is asked about, never taken unasked.
#[test]
fn a_lowered_surname_after_a_given_name_is_raised() {
    assert_fixed_after_damage(
        "We thank Hans kratz and Alice ryhl for finding it.",
        "We thank Hans Kratz and Alice Ryhl for finding it.",
    );
    // After a possessive stands what the name owns.
    let fixes = first_fixes("We met at Alice's zorbix today.");
    assert!(fixes.iter().all(|(_, _, f)| f != "Zorbix"), "{fixes:?}");
    let fixes = first_fixes("Later Doug feqls fine about it.");
    assert!(fixes.iter().any(|(w, k, f)| w == "feqls" && *k == Kind::Spelling && f == "feels"), "{fixes:?}");
    // A word one slip from a common one after a given name may be either: asked about, never
    // taken unasked.
    let text = format!("{DAMAGED}\n\nWe would like to thank Eric holk and the team for their help.\n");
    let fixes = first_fixes(&text);
    assert!(fixes.iter().any(|(w, k, f)| w == "holk" && *k == Kind::Spelling && f == "hook"), "{fixes:?}");
    assert!(fixed(&text).contains("thank Eric holk and"), "{}", fixed(&text));
}

/// A surname English lists as a name stays one in an article Capitalised at random, though the
/// tech terms list it too (`Knuth` for the algorithm books).
#[test]
fn a_name_keeps_its_capital_among_stray_ones() {
    assert_fixes(
        "It is a Big Deal, And we Should Read Knuth's book and Think about it.",
        "It is a big deal, and we should read Knuth's book and think about it.",
    );
}

#[test]
fn stray_capitals_inside_sentences_are_lowered() {
    // Two sentences whose stray capitals all come in runs (`Panel Members Discussed`, `Big
    // Criticisms`) say their damage comes in runs: the word that heads one is no name's for
    // standing beside another capital. Damage that Capitalised twelve words of thirty lowers
    // names too, so `Platform Team` loses both.
    assert_fixes(
        DAMAGED,
        "During a discussion in London, panel members discussed one of the big criticisms of modern software. \
Shifting left has stalled in some organizations, and the platform team is often missing.",
    );
}

#[test]
fn an_unknown_word_with_no_vowel_written_with_a_first_capital_is_an_acronym_half_lowered() {
    // No word and no name is written `Nll`: an acronym the damage half lowered, and where the
    // article writes that, its `nll` is the same acronym lowered.
    assert_fixes(
        "We announced that Nll had come to the compiler, and the nll checker is now the default.",
        "We announced that NLL had come to the compiler, and the NLL checker is now the default.",
    );
    // In small letters alone it may be a command, and words the lexicon knows stand.
    let text = "Run the nll checker first, at 50 Hz, as Dr Smith says.";
    assert!(first_fixes(text).iter().all(|(_, kind, fix)| *kind != Kind::Casing && fix != "NLL"), "{text}");
}

#[test]
fn a_word_with_no_vowel_written_once_one_slip_from_a_far_commoner_word_is_that_word_misspelt() {
    // Clean prose writes `this` and `from` thousands of times as often as `ths` or `frm` in any
    // casing: written once, they are slips, not acronyms half lowered. `Nll` written twice
    // (above) stays an acronym.
    assert_fixes(
        "The build fails on old compilers. Ths may be useless for you, so pin the toolchain. \
Frm the start, the project has tested every release.",
        "The build fails on old compilers. This may be useless for you, so pin the toolchain. \
From the start, the project has tested every release.",
    );
}

#[test]
fn a_short_article_that_misspells_many_words_is_damaged_whatever_its_few_capitals_show() {
    // Five common words Capitalised inside sentences of 186 words are too few to say that the
    // capitals were damaged, but four misspellings say that the text was: its stray capitals
    // are not taken for the author's.
    let text = "The new release makes the compiler faster on large projects. We measured the build times of \
many crates before and after the change, and most of them now compile in less time than they \
did a year ago. The biggest gains come from the Way the compiler caches its work between \
runs: when you change one file, only the parts that depend on it are built again. This was a \
long project, and many people helped to finish it. We want to thank everyone who tested the \
early versions and Reported the problems they found. If you maintain a large crate, please \
Try the new release and tell us how it works for you. You can find the full list of changes \
in the release notes, and the documentaton explains how to turn the new cache off if you \
need to. We also fixed a number of smal bugs in the error messages, which should now be \
easier to reed. As always, the Team is gratefull for every report, and we hope the next \
release will Improve things even more for everyone who uses the language.";
    let found = first_fixes(text);
    for (word, fix) in [("Reported", "reported"), ("Try", "try")] {
        assert!(found.contains(&(word.into(), Kind::Casing, fix.into())), "{word}: {found:?}");
    }
}

#[test]
fn a_stray_capital_before_the_pronoun_is_lowered_like_any_other() {
    // `I` is neither the letter of a label (`Plan A`) nor a name's neighbour in a run of capitals.
    assert_fixed_after_damage("It does most of What I want it to do.", "It does most of what I want it to do.");
    // A label stays one.
    assert_fixed_after_damage("We chose Plan B over the other.", "We chose Plan B over the other.");
    // The article after a word that prose puts it after is no label's letter.
    assert_fixed_after_damage("It prints the Results Of A Benchmark.", "It prints the results of a benchmark.");
    // ... and so is the article before a word that prose puts after it: `a plethora`, never
    // `A plethora`, though `been a` alone is too rare to say so.
    assert_fixed_after_damage(
        "So there have Been A Plethora of proposals.",
        "So there have been a plethora of proposals.",
    );
    // A label read by both its neighbours stays one.
    assert_fixed_after_damage("They went with Plan A instead.", "They went with Plan A instead.");
    // A word the corpus has never seen after the article says nothing either way: the word
    // before it still reads it as the article, and the capital before it is a stray one too.
    assert_fixed_after_damage(
        "The team Approved A zeugma for handling private minutes.",
        "The team approved a zeugma for handling private minutes.",
    );
    // The article after a comma, and before a number or a name in code, is judged too; a
    // letter in a list stays.
    assert_fixed_after_damage(
        "When the cache is cold, A Second pass is slow.",
        "When the cache is cold, a second pass is slow.",
    );
    assert_fixed_after_damage("We store A 24 byte string inline.", "We store a 24 byte string inline.");
    assert_fixed_after_damage(
        "It takes time to Construct A `HashSet` of them.",
        "It takes time to construct a `HashSet` of them.",
    );
    assert_fixed_after_damage("Grades are A, B and C.", "Grades are A, B and C.");
    // Between words in capitals it is a word of a line in capitals.
    assert_fixed_after_damage(
        "THE WARRANTIES OF FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED.",
        "THE WARRANTIES OF FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED.",
    );
}

#[test]
fn names_headings_acronyms_and_titles_keep_their_capitals_even_in_a_damaged_article() {
    let keep = [
        "Randy Bias said so.",
        "Kendall Roden spoke.",
        "the Cloud Native Computing Foundation (CNCF) hosts it.",
        "she read \u{201c}War and Peace\u{201d} twice.",
        "know that the Internet Protocol (IP) is old.",
        "HTTP needs some understanding of the HyperText Transfer Protocol first.",
        "the header reads WWW-Authenticate with a realm.",
        "run Futurize_ and then Modernize_ on it.",
    ];
    for k in keep {
        let text = format!("{DAMAGED}\n\n{k}\n");
        let f = fixed(&text);
        assert!(f.ends_with(&format!("{k}\n")), "{k:?} became {:?}", f.lines().last());
    }
    let heading = format!("Kubernetes' Relationship With Serverless Computing\n{DAMAGED}\n");
    assert!(fixed(&heading).starts_with("Kubernetes' Relationship With Serverless Computing\n"));
}

#[test]
fn class_names_keywords_and_expansions_keep_their_capitals_in_a_damaged_article() {
    // Each case is appended to a damaged article; the first line says what stays, the second
    // what `fix` makes of a damaged form.
    let cases = [
        // A class the article names twice before `object`: its capital is the author's.
        ("You create a Request object and pass the Request object on.", None),
        // Once is not enough: damage capitalises a word before `class` now and then.
        ("They are used for a Character class here.", Some("They are used for a character class here.")),
        // Python's constants, in an article that names Python.
        ("In Python it returns None, True or False.", None),
        // An acronym spelled out beside itself keeps its capitals, and a word that lost its
        // capital gets it back.
        ("A CGI (Common gateway Interface) script runs.", Some("A CGI (Common Gateway Interface) script runs.")),
        (
            "The Cloud native Computing Foundation (CNCF) hosts it.",
            Some("The Cloud Native Computing Foundation (CNCF) hosts it."),
        ),
        // What stands before an expansion in its clause is no part of it, and leaves it whole.
        (
            "It met at the recent Kubecon + Cloud Native Computing Foundation (CNCF) Europe 2025 Event.",
            Some("It met at the recent KubeCon + Cloud Native Computing Foundation (CNCF) Europe 2025 event."),
        ),
        // Labels in a chain keep the capitals they were given.
        ("Add the classifier Programming Language :: Python :: 3 to setup.py.", None),
        // A string the text shows in quotes is not a word it uses.
        ("The pattern matched 'abcb'. Then it stopped.", None),
    ];
    for (text, want) in cases {
        let f = fixed(&format!("{DAMAGED}\n\n{text}\n"));
        let last = f.lines().last().unwrap_or_default();
        assert_eq!(last, want.unwrap_or(text), "{text:?}");
    }
    // Without Python named, `None` inside a sentence is a stray capital like any other.
    let f = fixed(&format!("{DAMAGED}\n\nThe panel said that None of it mattered.\n"));
    assert!(f.ends_with("The panel said that none of it mattered.\n"), "{f}");
}

#[test]
fn the_words_around_a_misspelling_choose_among_its_fixes() {
    // Alone, `thwn` is most often `than`; between `and` and `sort` it is `then`.
    assert_fixes("Sort by age first and thwn sort again.", "Sort by age first and then sort again.");
    assert_fixes("It was bigger thwn that.", "It was bigger than that.");
    assert_fixes("I aso went there.", "I also went there.");
}

#[test]
fn of_a_misspellings_fixes_the_one_clean_prose_writes_between_both_neighbours_comes_first() {
    // `a context the` and `the is` are pairs clean prose writes as well as `a context that` and
    // `that is`; only the three words together make `that` the fix.
    let text = "This should be set to false for a context thf is used as a container for other contexts.";
    let fixes = first_fixes(text);
    assert_eq!(fixes, [("thf".into(), Kind::Spelling, "that".into())], "{text:?}");
}

#[test]
fn a_rare_real_word_the_context_rejects_is_a_word_choice() {
    // `posers` and `tat` are words, but nothing here is ever written beside them; `powers` and
    // `that` are one edit away and expected on both sides.
    assert_eq!(flags("The posers of the state grew."), [("posers".to_string(), Kind::WordChoice)]);
    assert_fixes("We know tat the code works.", "We know that the code works.");
    // A rare word its neighbours expect, tech terms and the reader's own words stay.
    assert_clean("The sectarian violence ended.");
    assert_clean("Things more or less trundled along this way until the late nineties.");
    assert_clean("Each tuple holds a hostname and a port.");
}

/// A fix never writes a word twice: `the` fits before `last` far better than `theater` does, but
/// `went to the the last night` is a slip of its own.
#[test]
fn a_word_choice_never_repeats_a_neighbour() {
    assert_clean("We went to the theater last night.");
}

#[test]
fn a_word_never_written_beside_a_neighbour_chance_puts_it_beside_often_gives_way() {
    // `the yields of`, `may safety` and `of bring` are rarer than chance alone would make them, so
    // rare that the model keeps no count: grammar forbids them, and a word one edit away fits.
    assert_word_choice("Use the macro to specify the yields of your struct.", "yields", "fields");
    assert_word_choice("The value may safety be converted from one type to another.", "safety", "safely");
    assert_word_choice("This is a consequence of bring specific to procedural macros.", "bring", "being");
}

#[test]
fn of_a_slips_near_words_the_one_clean_prose_writes_between_both_neighbours_comes_first() {
    // Each pair alone prefers another word (`programming languages`, `of when`); the three words
    // together say which one stands there.
    assert_word_choice("Rust is a programming languish that is empowering everyone.", "languish", "language");
    assert_word_choice("It changed a lot in terms of whet the compiler can accomplish.", "whet", "what");
}

/// A paragraph of prose, misspelt here and there as damaged articles are, that ends on a real
/// word neither of its neighbours is ever seen beside (`all heir math`).
const MISSPELT_PARAGRAPH: &str = "The library reads a file, spltis it into lines and hands each line to a parser. The parser \
builds a tree of nodes, one for each elemnet it finds, and keeps the position of every \
node in the source so that errors can point at the right place. When the tree is compleet, \
a second pass walks it and checks that every name is defined before it is used. Names that \
are defined twice are reprted with both positions. The checker does not stop at the first \
error: it collects all of them and prints them in the order in which they appear in the \
file, so that a user can fix several problems in one go. The output can be plain text for \
a terminal or structured data for an editor. Both formats carry the same informaton, and \
the tests compare them against files that were writen by hand. In the early days of \
computing, people did all heir math with paper and pencil, and the machines only checked \
the results.";

#[test]
fn a_word_seen_beside_neither_neighbour_gives_way_to_one_seen_beside_one_of_them() {
    // `all heir` and `heir math` are pairs no one writes; `all their` is common. The corpus
    // writes `heir`, so before it was only weighed against words seen beside both.
    let fixes = first_fixes(MISSPELT_PARAGRAPH);
    assert!(fixes.contains(&("heir".into(), Kind::WordChoice, "their".into())), "{fixes:?}");
}

#[test]
fn a_word_seen_beside_each_neighbour_but_never_between_them_gives_way_to_one_that_is() {
    // `in ordered` and `ordered to` are both pairs clean prose writes; `in ordered to` it never
    // writes, and `in order to` all the time. The pairs alone say nothing against it.
    let text = format!("{MISSPELT_PARAGRAPH} The parser was rewritten in ordered to report every error at once.");
    let fixes = first_fixes(&text);
    assert!(fixes.contains(&("ordered".into(), Kind::WordChoice, "order".into())), "{fixes:?}");
    // Where the three stand as prose writes them, nothing is asked.
    let text = format!("{MISSPELT_PARAGRAPH} The parser was rewritten in order to report every error at once.");
    assert!(!first_fixes(&text).iter().any(|f| f.0 == "order"));
}

#[test]
fn a_word_the_corpus_never_wrote_gives_way_to_a_near_word_both_neighbours_expect() {
    // `chill` is English, but documentation never writes it; `a child process` it writes often.
    assert_fixes("It spawns a chill process for each job.", "It spawns a child process for each job.");
    // Beside one neighbour only, it stands: `the chill` alone says little.
    assert_clean("It felt the chill.");
}

#[test]
fn the_fix_that_fits_between_its_neighbours_comes_first() {
    // `ash` and `leper` are nearer by the edits and general English writes them as often, but
    // technical prose writes `hash collisions` and `helper functions`: one score weighs both.
    let text = "We hit a large number of hsh collisions in the table, so the lheper functions hash twice.";
    let fixes = first_fixes(text);
    let fix = |w: &str| fixes.iter().find(|f| f.0 == w).map(|f| f.2.as_str());
    assert_eq!(fix("hsh"), Some("hash"), "{fixes:?}");
    assert_eq!(fix("lheper"), Some("helper"), "{fixes:?}");
}

/// A short word garbled twice over is offered the common word it was: two edits from a word
/// of three or four letters reach hundreds of words, but only a few of the commonest, and those
/// are what damage hits most.
#[test]
fn a_short_word_garbled_twice_is_offered_the_common_word_it_was() {
    let first =
        |text: &str, word: &str| first_fixes(text).into_iter().find(|(w, _, _)| w == word).map(|(_, _, fix)| fix);
    assert_eq!(first("The project can htzn be compiled directly.", "htzn").as_deref(), Some("then"));
    assert_eq!(first("The goals of tsws crate are simple.", "tsws").as_deref(), Some("this"));
    assert_eq!(first("Please update ydvr application first.", "ydvr").as_deref(), Some("your"));
    // One edit still comes first where it reaches a common word, and a contraction is not
    // spent on: its apostrophe stays (`not` is two edits from `do'T`, `don't` one).
    assert_eq!(first("It is teh end.", "teh").as_deref(), Some("the"));
    assert_eq!(first("Many teams do'T have one.", "do'T").as_deref(), Some("don't"));
}

#[test]
fn a_close_call_between_two_fixes_is_left_to_the_reader() {
    // `have granted` and `have started` both read well: listed, not applied.
    let text = "If you have gparted installed, run it.";
    assert_eq!(flags(text), [("gparted".to_string(), Kind::Spelling)]);
    assert_fixes(text, text);
    // A slip with one clear fix is still taken.
    assert_fixes("I recieve it untill tomorow", "I receive it until tomorrow");
}

#[test]
fn a_misspelt_neighbour_says_nothing_of_the_word_beside_it() {
    // `hlds` is no word: `tread` is weighed on the side it has, after `Each`.
    let found = first_fixes("Each tread hlds its own copy of the state.");
    assert_eq!(found[0], ("tread".into(), Kind::WordChoice, "thread".into()), "{found:?}");
    assert_eq!(found[1].0, "hlds", "{found:?}");
}

#[test]
fn a_word_that_only_starts_like_the_right_one_gives_way_to_it() {
    // Rarer words put in for the common word they start like, as an autocorrector does.
    for (text, word, fix) in [
        ("The function returns an integument that counts the bytes read.", "integument", "integer"),
        ("The compiler reports an errand when the types do not match.", "errand", "error"),
    ] {
        assert_word_choice(text, word, fix);
    }
    // A longer word that shares only a short start with a common one is not taken for it
    // (`theoretical` is no slip for `the`), and a package's own name stands.
    assert_clean("There is a theoretical limit beyond which it cannot go.");
    assert_clean("Switching from handwritten impls to thiserror or vice versa is not a breaking change.");
}

#[test]
fn a_short_word_with_many_longer_words_that_start_like_it_is_seldom_the_one_meant() {
    // In an article full of misspellings, odd real words are likely slips. `forgive` may stand
    // for `for`, but so may a hundred other words that start with `for`: `fix` asks and leaves
    // it. `integument` starts like far fewer words, and `integer` is still taken.
    let typos = [
        ("reports", "raeprts"),
        ("stopping", "stoping"),
        ("painful", "painfull"),
        ("single", "singel"),
        ("documentation", "documentaton"),
        ("together", "togehter"),
        ("examples", "exmaples"),
        ("questions", "questoins"),
        ("platform", "platfrom"),
        ("support", "suport"),
        ("everyone", "everyoen"),
    ];
    let damaged = typos.iter().fold(damaged_release_notes(), |text, (right, wrong)| text.replacen(right, wrong, 1));
    let text = format!(
        "{damaged}\nIf you'll forgive a terrible pun, the parser now has a sharper eye. The parser returns an \
         integument that counts the bytes read.\n"
    );
    let fixed = fixed(&text);
    assert!(fixed.contains("If you'll forgive a terrible pun"), "{fixed}");
    assert!(fixed.contains("returns an integer that counts"), "{fixed}");
}
#[test]
fn a_slip_is_taken_for_the_word_the_article_writes_before_a_likelier_one_it_never_does() {
    // `trawl` is one edit from `crawl` and two from `trait`; pairs alone prefer `the crawl
    // solver`. An article about the trait system writes `trait` again and again, far more than
    // documentation would in as many words, and never `crawl`: that is the word it meant.
    let text = "This update covers the work on the trait system since the last post. A trait says what a \
                type can do, and the compiler must prove that each type meets the trait bounds a function \
                asks for. The old solver did that proof one goal at a time, and it gave up on some trait \
                bounds that are true. The new solver handles cycles betwen goals, and it caches what it \
                proves, so that a crate with many trait bounds compiles fastr. We measured the \
                performance of the trawl solver with the crates of the ecosystem, and most of them build \
                as quickly as befor, while a few build much faster. There are still bugs: a trait object \
                with an associated type can make the solver loop, and the error it reports is hard to \
                read. We will fix thoes before the new solver is turned on by default. If you want to \
                help, the issues are labelled, and the team meets every week to triage them.";
    let fixed = fixed(text);
    assert!(fixed.contains("the performance of the trait solver"), "{fixed}");
    // The word pairs prefer is offered next, one keypress away.
    let checked = check(text, &Lexicon::new(), &Options::default());
    let trawl = checked.suspects.iter().find(|s| s.word(text) == "trawl").map(|s| s.suggestions.to_vec());
    assert_eq!(trawl.as_deref().and_then(|f| f.get(..2)), Some(&["trait".to_string(), "crawl".to_string()][..]));
}

#[test]
fn a_pair_general_english_writes_says_nothing_against_a_word_the_documentation_corpus_lacks() {
    // The corpus is documentation: it never wrote `best talk` or `talk was`, and writes `task`
    // beside both. General English writes `talk was` often, so that side says nothing either way,
    // and `best talk` alone is too little against a right word.
    assert_clean("The best talk was about kernel practices at Google.");
    // The other side still speaks: `call using` against `call sing`.
    assert_word_choice("Encode the call sing the command buffer.", "sing", "using");
}

#[test]
fn a_word_before_a_full_stop_is_weighed_on_the_side_it_has() {
    // One side is half the evidence: the fix must win by far more, as these do (clean prose
    // writes `following command` and `merge the branch` again and again, and never the words
    // as written).
    for (text, word, fix) in [
        ("Install the package with the following commend.", "commend", "command"),
        ("Run the tests before you merge the brunch.", "brunch", "branch"),
    ] {
        assert_word_choice(text, word, fix);
        assert_fixes(text, &text.replace(word, fix));
    }
    // Part of a compound is no word of the sentence (`ill` in `ill-advised`).
    assert_clean("This is an ill-advised choice.");
    assert_clean("The tests pass, and the build is fast.");
}

#[test]
fn the_readers_own_words_are_never_word_choices() {
    let text = "It spawns a chill process for each job.";
    let mut lexicon = Lexicon::new();
    lexicon.add_user_word("chill");
    assert!(check(text, &lexicon, &Options::default()).suspects.is_empty());
}

#[test]
fn a_guess_is_listed_but_not_applied() {
    let text = "If you have qtile available, try it.";
    assert_eq!(flags(text), [("qtile".to_string(), Kind::Spelling)]);
    assert_fixes(text, text);
}

#[test]
fn a_clean_article_keeps_its_authors_capitals() {
    // Class names and constants, capitalised on purpose: too few stray capitals to be damage.
    assert_clean("Create a Request object, and pass None as the realm. It returns True or False.");
}

#[test]
fn names_that_are_also_words_stay_apart_from_the_words() {
    assert_clean("Randy Bias said there is a bias toward platforms.");
}

#[test]
fn terms_take_their_canonical_casing() {
    assert!(fixed("It works with Ai and Ml workloads.").contains("and ML workloads"));
}

#[test]
fn place_names_of_two_words_take_their_capitals() {
    assert_fixes("The event in hong kong was full.", "The event in Hong Kong was full.");
    assert_fixes("She moved to new zealand.", "She moved to New Zealand.");
    // A usage note of the vocabulary (`a URL`) is not a name: only `url` changes.
    assert_fixes("It needs a url.", "It needs a URL.");
}

#[test]
fn the_articles_own_names_are_raised_where_they_lost_the_capital() {
    assert_fixes(
        "Platform work, said Kendall Roden, is hard. According to roden, it is harder now.",
        "Platform work, said Kendall Roden, is hard. According to Roden, it is harder now.",
    );
}

/// A term a README writes in small letters in its sentences and Capitalised only in its Title
/// Case labels, beside the other words of the label, is the author's term in small letters: the
/// labels are style, and its small uses are not a name that lost its capital.
#[test]
fn a_term_capitalised_only_in_title_case_labels_keeps_its_small_letters() {
    assert_clean(
        "Training Quorbit Splinedex Models: how to train splinedex models on your own data.\n\n\
         First download a pretrained splinedex model, then compare the splinedex scores with the others.\n\n\
         Using Quorbit Splinedex Models: the text goes in, a list of scores comes out.\n",
    );
}

#[test]
fn an_acronym_the_article_also_writes_half_lowered_is_raised_to_its_capitals() {
    // `Ci` is the damage's too: clean prose writes `CI` a hundred times as often.
    assert_eq!(
        first_fixes("The build runs on Ci every night. Until now, ci only had jobs for the main targets."),
        [("Ci".into(), Kind::Casing, "CI".into()), ("ci".into(), Kind::Casing, "CI".into())]
    );
}

#[test]
fn an_unknown_word_the_article_writes_three_times_is_asked_about_not_changed() {
    // A handle, a product, a term of the article's own: three uses alike are no slip of the
    // keys, though `page` is one letter away.
    let text = "Thanks to epage for the review of the release notes. Later that week epage also fixed the \
                broken build on the main branch, and the guide that epage wrote last year is now part of the book.";
    assert_eq!(fixed(text), text);
    assert_eq!(flags(text).len(), 3, "{:?}", flags(text));
}

#[test]
fn contractions_of_pronouns_and_question_words_are_words() {
    assert_clean("I think there'd be a way, but what'd you do then? There'll be time, and where'd it go?");
    assert_clean("Who\u{2019}ll know, and there\u{2019}re more of them than we\u{2019}d think.");
    // A contraction hangs only on such a word: `thread'd` is no word.
    assert_eq!(flags("The thread'd be fine.").len(), 1);
}

/// Past 65,536 unknown words, the article's evidence keeps entries only for the words it can
/// show something of (those written twice, or also in lower case), and finds them with a
/// filter: a name written once beside another, and once in lower case, is still raised.
#[test]
fn among_a_roster_of_distinct_names_the_articles_own_name_is_still_raised() {
    let name = |i: usize| -> String {
        let mut s = String::from("Z");
        let mut n = i;
        for _ in 0..5 {
            s.push(char::from(b'a' + (n % 26) as u8));
            n /= 26;
        }
        s
    };
    let mut roster = String::new();
    for i in 0..40_000 {
        for part in [name(2 * i), " met ".into(), name(2 * i + 1), ".\n".into()] {
            roster += &part;
        }
    }
    let damaged = "Platform work, said Kendall Roden, is hard. According to roden, it is harder now.";
    let text = format!("{roster}{damaged}");
    let checked = check(&text, &Lexicon::new(), &Options { dialect: Some(Dialect::Us), suggestions: true });
    let at = text.len() - damaged.len() + damaged.find("roden").expect("in the text");
    let raised = checked.suspects.iter().find(|s| s.span.start == at).expect("roden is flagged");
    // The roster's casing shows no damage: the article's casing is its own, and `fix` asks.
    assert_eq!(
        (raised.kind, raised.suggestions.first().unwrap_or_default(), raised.confident),
        (Kind::Casing, "Roden", false)
    );
}

#[test]
fn a_sentence_that_starts_in_lower_case_is_raised() {
    assert_fixes("The cluster is up. the nodes are ready.", "The cluster is up. The nodes are ready.");
    // Common words that the tech lists also hold as keywords or terms.
    assert_fixes(
        "It is a class. for example, this. in general, that. it works. if not, stop. pay attention.",
        "It is a class. For example, this. In general, that. It works. If not, stop. Pay attention.",
    );
    // A command or tool that starts a sentence keeps its own casing.
    assert_clean("Use a tool (e.g. kubectl) to check. npm installs it. git clones it.");
    // An ellipsis before a word in small letters trails off inside the sentence.
    assert_clean("We ran out of the stickers at the booth... if not, there will be more of them next year.");
    assert_clean("We ran out of the stickers at the booth\u{2026} if not, there will be more of them next year.");
}

/// Damage that Capitalises words in runs, as the bundled sample's does (`Said That Among The Big
/// Challenges`), makes runs of capitals that are no names: an article whose stray capitals
/// mostly come in runs has them taken down inside a run as well as alone.
#[test]
fn capitals_put_in_by_runs_are_taken_down_inside_the_runs() {
    let damaged = "The team met on Friday to plan the next release. Most Of The Work Is Done, and the rest \
        is on Track To Get An Early review from the core group. We Will Need More Time for the tests, since \
        the build Has To Run On Every platform we support. The new parser reads the files in One Pass And \
        Keeps the errors for later. It Is Faster Than the old one, and It Uses less memory when the input \
        is large. Each Change Was Reviewed By two people before it was merged. The docs Now Explain How To \
        Write a plugin, and the examples Show The Common cases. We thank everyone Who Sent Patches This \
        Month, and we hope To See More of them soon.";
    let clean = "The team met on Friday to plan the next release. Most of the work is done, and the rest \
        is on track to get an early review from the core group. We will need more time for the tests, since \
        the build has to run on every platform we support. The new parser reads the files in one pass and \
        keeps the errors for later. It is faster than the old one, and it uses less memory when the input \
        is large. Each change was reviewed by two people before it was merged. The docs now explain how to \
        write a plugin, and the examples show the common cases. We thank everyone who sent patches this \
        month, and we hope to see more of them soon.";
    assert_fixes(damaged, clean);
}

#[test]
fn a_word_written_twice_keeps_one() {
    assert_fixes("Deploy the the cluster.", "Deploy the cluster.");
    assert_eq!(flags("Deploy The the cluster.").first().map(|f| f.1), Some(Kind::Repeat));
    assert_clean("What he had had was gone, and I know that that works.");
    assert_clean("Deploy the cluster. The nodes follow.");
}

#[test]
fn doubled_apostrophes_are_spacing() {
    assert_fixes("and there''s no source control", "and there's no source control");
    assert_clean("an empty string '' matches nothing");
}

#[test]
fn spaces_around_commas_full_stops_and_quotes() {
    assert_fixes("It runs , mostly .\nThen it stops.", "It runs, mostly.\nThen it stops.");
    assert_fixes("It runs,mostly. It ended.Then it stopped.", "It runs, mostly. It ended. Then it stopped.");
    assert_fixes("He said \"done\"and left.", "He said \"done\" and left.");
    // Numbers, versions, file and dotted names, ellipses and marks talked about stay.
    assert_clean("It costs 1,000 or 3.14 now, see setup.py and os.path for it. So on ... and a ? in a URL.");
    assert_clean("Call the end.Next() method, and say \"yes\" twice.");
    // A pair in brackets with no space anywhere in it is a tuple, as code writes it.
    assert_clean("Takes a range (lo,hi) and a seed, or a point (left,top,depth) on the grid.");
    assert_fixes("Takes a range (from lo,to hi) and a seed.", "Takes a range (from lo, to hi) and a seed.");
    // A module's name before its class is a dotted name: a missing space joins two words of
    // English, and `pathlib` is a word of the tech vocabulary only.
    assert_clean("Use pathlib.Path to join the parts, or tempfile.Temporary for a scratch file.");
    assert_fixes("The talk ended at noon.Lunch came next.", "The talk ended at noon. Lunch came next.");
}

#[test]
fn the_other_dialect_is_its_own_kind_with_the_articles_spelling() {
    let text = "The color of the gray harbor. The colour.";
    let checked = check(text, &Lexicon::new(), &Options { dialect: None, suggestions: true });
    let found: Vec<(&str, Kind, &str)> =
        checked.suspects.iter().map(|s| (s.word(text), s.kind, s.suggestions.first().unwrap_or_default())).collect();
    assert_eq!(found, [("colour", Kind::Dialect, "color")]);
    // A word is spelt as one word in either dialect: no split is offered for it.
    let text = "The gray color of the harbor is shared amongst the teams, and the behavior is the same.";
    let checked = check(text, &Lexicon::new(), &Options { dialect: None, suggestions: true });
    let found: Vec<(&str, Kind, &str)> =
        checked.suspects.iter().map(|s| (s.word(text), s.kind, s.suggestions.first().unwrap_or_default())).collect();
    assert_eq!(found, [("amongst", Kind::Dialect, "among")]);
    assert!(checked.suspects.iter().all(|s| s.suggestions.iter().all(|f| !f.contains(' '))), "{:?}", checked.suspects);
}

#[test]
fn a_compound_the_article_writes_in_small_letters_every_time_keeps_its_casing() {
    // `rust-analyzer` is a tool's name; an article that writes it so again and again, and never
    // with a capital, means it (the words of such a compound are all English, so it is no
    // package name by its parts).
    assert_clean("We moved from RLS to rust-analyzer last year, and rust-analyzer is now the default for Rust.");
    // Written with a capital inside a sentence once, the small letters are the slips. (In a
    // sentence or two, a word written both ways may be its author's habit too: the first use,
    // after the sentence's first word, is left unflagged since the fiftieth session.)
    let found = flags("Try rust-analyzer first. We ship Rust-analyzer with rustup, and rust-analyzer needs no setup.");
    assert!(!found.is_empty() && found.iter().all(|f| *f == ("rust".to_string(), Kind::Casing)), "{found:?}");
}

#[test]
fn among_many_compounds_each_written_once_every_one_keeps_its_suspect() {
    // `linux-...` tens of thousands of times, each compound once: none is the article's own name,
    // however many the filter that finds repeated compounds mistakes for seen before. The parts
    // are the words of English the lexicon knows (a part it does not know makes a package's name).
    use std::fmt::Write as _;
    let lexicon = Lexicon::new();
    let words = include_str!("../assets/english.tsv")
        .lines()
        .filter_map(|l| l.split('\t').next())
        .filter(|w| w.len() >= 4 && w.bytes().all(|b| b.is_ascii_lowercase()))
        .filter(|w| lexicon.verdict(w, Dialect::Us) == galley::lexicon::Verdict::Known);
    // In pieces of 400 compounds, each checked on its own, and all of them as one text.
    let mut pieces = vec![String::new()];
    for (i, w) in words.take(40_000).enumerate() {
        if i % 400 == 0 && i > 0 {
            pieces.push(String::new());
        }
        let piece = pieces.last_mut().expect("a piece");
        let _ = write!(piece, "linux-{w}{}", if i % 8 == 7 { '\n' } else { ' ' });
    }
    assert!(pieces.len() >= 75, "only {} pieces of words to join", pieces.len());
    let raised = |text: &str| {
        let checked = check(text, &lexicon, &Options { dialect: None, suggestions: false });
        checked.suspects.iter().filter(|s| s.word(text) == "linux" && s.kind == Kind::Casing).count()
    };
    let each: usize = pieces.iter().map(|p| raised(p)).sum();
    assert!(each * 100 >= pieces.len() * 400 * 99, "{each} raised in the pieces");
    assert_eq!(raised(&pieces.concat()), each);
}

#[test]
fn a_word_in_a_chain_of_three_or_more_in_small_letters_is_part_of_a_name() {
    // A repository's, a package's or a channel's name (`opentelemetry-collector-contrib`,
    // `#otel-sig-end-user`) keeps its small letters, in a damaged article too ...
    let text = format!(
        "{DAMAGED}\n\nThe receiver lives in opentelemetry-collector-contrib, and questions go to otel-sig-end-user on Slack.\n"
    );
    let f = fixed(&text);
    assert!(
        f.ends_with(
            "The receiver lives in opentelemetry-collector-contrib, and questions go to otel-sig-end-user on Slack.\n"
        ),
        "{f:?}"
    );
    // ... while a name joined to one word is still raised.
    assert_fixes("Run a kubernetes-native platform.", "Run a Kubernetes-native platform.");
}

/// An article that writes both dialects' spellings, neither three times as often as the other,
/// keeps to neither: no word of it is the other dialect's, unless the reader asked for one.
#[test]
fn an_article_that_mixes_both_dialects_is_held_to_neither_unless_one_was_asked_for() {
    let text = "The color of the organization and its behaviour. The colour.";
    assert_clean(text);
    let checked = check(text, &Lexicon::new(), &Options { dialect: None, suggestions: true });
    assert!(checked.suspects.is_empty(), "{:?}", checked.suspects);
    // `assert_clean` asks for American English: asked, the British words are flagged.
    let checked = check(text, &Lexicon::new(), &Options { dialect: Some(Dialect::Us), suggestions: true });
    let words: Vec<&str> = checked.suspects.iter().map(|s| s.word(text)).collect();
    assert_eq!(words, ["behaviour", "colour"]);
}

/// A spelling the other dialect counts as almost as good as its own (SCOWL's first level of
/// variants) is right in both: an American article that writes `cancelled` and `ageing`, or a
/// British one that writes `adapter` and `analog`, is not told it mixes dialects.
#[test]
fn a_spelling_both_dialects_accept_is_no_other_dialects() {
    for text in [
        "The color of the gray harbor, its favorite flavor, labeled with honor: the meeting was cancelled, and \
         the ageing servers stayed.",
        "The colour of the centre, its behaviour and its favourite flavour, organised so: the adapter speaks to \
         an analog sensor.",
    ] {
        let checked = check(text, &Lexicon::new(), &Options { dialect: None, suggestions: true });
        assert!(checked.suspects.is_empty(), "{text}: {:?}", checked.suspects);
    }
}

#[test]
fn fix_takes_the_other_dialect_s_spellings_only_when_the_dialect_was_asked_for() {
    // `colour` is a right word in British English. Where galley chose the dialect from the
    // article's own spellings, making them agree is the reader's choice, not a correction; with
    // `--lang` (or the config's dialect), the reader asked for it.
    let text = "The color of the gray harbor. The colour.";
    let taken = |dialect| {
        let checked = check(text, &Lexicon::new(), &Options { dialect, suggestions: true });
        let s = checked.suspects.iter().find(|s| s.kind == Kind::Dialect).expect("colour is flagged");
        (s.word(text).to_string(), s.confident)
    };
    assert_eq!(taken(None), ("colour".to_string(), false));
    assert_eq!(taken(Some(Dialect::Us)), ("colour".to_string(), true));
}

#[test]
fn an_article_that_writes_url_schemes_in_lower_case_keeps_them() {
    assert_clean("Both http and ftp URLs work; use ftp for files and http for pages.");
    assert_eq!(flags("Fetch it over http. HTTP is fine."), [("http".to_string(), Kind::Casing)]);
}

#[test]
fn a_term_the_article_always_writes_in_lower_case_is_its_convention() {
    // Three times and never as `Unicode`: the article names the Python type, not the standard.
    assert_clean("Code that handles unicode must decode bytes to unicode, so unicode is the norm here.");
    assert_eq!(flags("Code that handles unicode is hard."), [("unicode".to_string(), Kind::Casing)]);
    // A damage capitalises each part of a plain compound; those parts are still lowered.
    let text = format!("{DAMAGED} It is a Top-Level function.");
    assert!(fixed(&text).ends_with("It is a top-level function."), "{}", fixed(&text));
}

#[test]
fn a_word_mentioned_in_quotes_keeps_its_casing() {
    assert_clean("The formula is named 'homebrew' in the list.");
}

#[test]
fn a_name_is_raised_in_prose_but_not_as_a_command() {
    let text = "We use Python daily. Python is fast, and Python is clear. Run it (python -m pip install six) \
and then python works.";
    let f = fixed(text);
    assert!(f.contains("(python -m pip"), "{f}");
    assert!(f.ends_with("and then Python works."), "{f}");
}

#[test]
fn two_word_names_take_their_casing_as_one() {
    assert_fixes("The linux foundation hosts it.", "The Linux Foundation hosts it.");
    let f = flags("The linux foundation hosts it.");
    assert_eq!(f, [("linux foundation".to_string(), Kind::Casing)]);
}

/// A name beside a name is a name however damaged the article (`Windows Api`): nothing lowers
/// it, but it still takes the capitals it lost, and a run in capitals keeps them all.
#[test]
fn a_name_beside_a_name_takes_back_its_capitals_and_loses_none() {
    assert_fixes("The Windows Api only provides a wide string.", "The Windows API only provides a wide string.");
    assert_clean("THE SOFTWARE IS PROVIDED AS IS, WITHOUT WARRANTY OF ANY KIND.");
}

/// One of the commonest words that is also a name (`More`) beside a name is read by its
/// neighbours in a damaged article: `even More Rust` is `more`, while `Randy Bias`, a rarer
/// word beside a name, stays a name.
#[test]
fn a_common_word_beside_a_name_is_read_by_its_neighbours_in_a_damaged_article() {
    let text = "Teams adopt Rust in companies, and the share of rust Code Overall keeps growing.\n\nWe asked \
about the future of Rust. Most of the Respondents Would Like Even More Rust! But At The Same Time Worries \
Persist.\n";
    let f = fixed(text);
    assert!(f.contains("respondents would like even more Rust! But at the same time"), "{f}");
    assert_fixed_after_damage("We met Randy Bias there.", "We met Randy Bias there.");
}

/// A two-word name whose word in lower case clean prose writes so beside the other far more
/// often is no name there: `New API` is a product, but `a new API` is what prose means, and
/// `open source` is no `Open Source`.
#[test]
fn a_two_word_name_yields_to_the_words_prose_writes_in_lower_case() {
    assert_fixes("We had to create new Api tokens for it.", "We had to create new API tokens for it.");
    assert_fixes(
        "It is open source and the hong kong office uses it.",
        "It is open source and the Hong Kong office uses it.",
    );
}

#[test]
fn a_lower_case_i_is_raised_only_where_it_reads_as_the_pronoun() {
    assert_fixes("Then i think it works.", "Then I think it works.");
    assert_clean("Include the index i in the decorated tuple, then sort.");
    // In code the words around mean nothing: `int i` is as common as `and i` in books.
    assert_clean("Basic loop variables, as in for (int i = 0; ...)");
    assert_clean("Call getToken(int i) for the next one.");
    assert_clean("So i = 0 at the start.");
    assert_fixes("It works (i think so) for now.", "It works (I think so) for now.");
}

#[test]
fn pythons_own_names_are_known_with_their_casing() {
    assert_fixes(
        "Import tkinter and unicodedata, call urlopen, and catch typeerror or httperror.",
        "Import tkinter and unicodedata, call urlopen, and catch TypeError or HTTPError.",
    );
}

#[test]
fn a_function_the_article_writes_in_lower_case_loses_a_stray_capital_and_a_possessive_reads_as_its_name() {
    // A damaged article (stray capitals everywhere), where `Urlopen` is a stray capital on a
    // function the article writes as `urlopen`. `Pylint's` is read as `Pylint` is: clean prose
    // writes the tool's name both ways (the model's verdict, which replaced this test's first
    // rule for the bare name; the possessive kept it while the model knew no `pylint's`).
    let damaged = |name: &str| {
        format!(
            "The Cluster Was Slow Today. We Ran {name} Checks On The Code And Found Many Issues. \
            Then the Tests Passed Again. Call urlopen first, then Urlopen Returns a Response. \
            Use urlopen for Simple Requests. The Nodes Were Ready By Noon."
        )
    };
    let (bare, owned) = (fixed(&damaged("Pylint")), fixed(&damaged("Pylint's")));
    assert!(bare.contains("then urlopen returns"), "{bare}");
    assert_eq!(owned.replacen("ylint's", "ylint", 1), bare, "the possessive is cased as the name");
}

#[test]
fn a_capital_a_between_words_is_the_article_and_a_label_is_left() {
    let damaged = format!("{DAMAGED} You Have to Import A Function First. See Appendix B, and run A/B tests on [A-C].");
    let fixed = fixed(&damaged);
    assert!(fixed.contains("a function first"), "{fixed}");
    assert!(fixed.contains("A/B tests on [A-C]"), "{fixed}");
    assert_clean("It ships as Plan A. Grade A, then A/B tests.");
}

#[test]
fn a_quoted_question_does_not_end_the_sentence_and_a_definition_starts_afresh() {
    assert_clean("It now uses the \"which paths are touched by this commit?\" info stored in the graph.");
    assert_clean("Return codes:\n\n* ``0`` -- The service responded.\n* ``1`` -- The command failed.\n");
}

#[test]
fn a_word_the_article_writes_again_and_again_is_its_own_term_unless_it_writes_the_fix_as_often() {
    let notes = "Fixes from the maint track. Merged to maint, then maint again. Later merged to maint. The main \
        branch builds.";
    assert_clean(notes);
    assert_fixes(
        "Feed teh cat and the dog, teh bird and the fish, teh end of the day, and teh rest of the week.",
        "Feed the cat and the dog, the bird and the fish, the end of the day, and the rest of the week.",
    );
}

#[test]
fn an_acronym_in_brackets_after_its_expansion_gets_its_capitals_back() {
    let damaged = format!("{DAMAGED} We Run Machine Learning (Ml) and Large Language Models (Llm) Workloads.");
    let fixed = fixed(&damaged);
    assert!(fixed.contains("We run Machine Learning (ML) and Large Language Models (LLM) workloads."), "{fixed}");
    // A bracketed word the words before it do not spell is left to the other rules.
    assert_clean("It is written in Go (Go is a language).");
}

#[test]
fn an_expansion_inside_brackets_still_protects_its_capitals() {
    for inside in ["Common gateway Interface", "Common Gateway Interface"] {
        let fixed = fixed(&format!("{DAMAGED} It Speaks CGI ({inside}) Today."));
        assert!(fixed.contains("It speaks CGI (Common Gateway Interface) today."), "{fixed}");
    }
}

#[test]
fn words_in_scripts_galley_has_no_dictionary_for_are_not_misspellings() {
    assert_clean("The talk was given in 東京 and in Москва, and the slides said привет, λόγος and 日本語テキスト.\n");
    assert_eq!(
        flags("Greek λόγος, Russian привет, and a clustr.\n"),
        [("clustr".to_string(), Kind::Spelling)],
        "a Latin slip beside them is still found"
    );
}

#[test]
fn technical_prose_chooses_among_the_fixes_of_a_misspelling() {
    // `star` and `stack` are both one edit from `stak`; technical prose puts `stack` here.
    assert_fixes("the value is stored on the stak and the heap", "the value is stored on the stack and the heap");
}

#[test]
fn an_acronym_s_possessive_is_an_acronym() {
    assert_clean("It used a simple generator, and the LCG's period was short.");
}

#[test]
fn a_word_clean_prose_writes_in_lower_case_keeps_it_whatever_the_lists_say() {
    // The lists know `NewType`; Rust's documentation writes `newtype`, and so does this text.
    assert_clean("Wrap the value in a newtype and implement the trait for it.");
}

#[test]
fn a_word_after_an_abbreviation_is_inside_its_sentence() {
    assert_clean("Compare the cost in usage vs. the backing code, e.g. the cache.");
    // A word in small letters after `etc.`, `et al.` or a title's abbreviation goes on with the
    // sentence; one with a capital may start the next.
    assert_clean("It reads images, movies, audio, etc. in their native file format.");
    assert_clean("The method of Smith et al. in their second paper is used here.");
    assert_clean("Neither the U.S. Dept. of Energy nor the names of its contributors may be used.");
}

#[test]
fn a_full_stop_inside_brackets_ends_no_sentence() {
    assert_clean("It supports old targets (Linux kernels, API levels, etc.) in stable releases.");
    assert_clean("Pull requests (issues, docs, etc.) to this project are welcome.");
    // A full stop outside them does.
    assert_eq!(flags("It builds on Linux. then it runs."), [("then".to_string(), Kind::Casing)]);
}

#[test]
fn a_title_case_heading_keeps_its_capitals_beside_a_lowered_acronym_and_a_short_preposition() {
    // Damage lowered an acronym in a heading: the heading is still in Title Case, and only the
    // acronym is raised. Title Case leaves short prepositions (`with`, `from`) in lower case.
    let cases = [
        ("Anatomy of a cbor Item\n", "Anatomy of a CBOR Item\n"),
        ("Working with ansi Codes\n", "Working with ANSI Codes\n"),
        ("Reading Values from Json Files\n", "Reading Values from JSON Files\n"),
    ];
    for (damaged, want) in cases {
        let text = format!("{DAMAGED}\n\n{damaged}\n{DAMAGED}\n");
        let f = fixed(&text);
        assert!(
            f.contains(&format!("\n{want}")),
            "{damaged:?} became {:?}",
            f.lines().nth(DAMAGED.lines().count() + 1)
        );
    }
}

#[test]
fn a_misspelling_is_first_offered_the_word_its_article_keeps_writing() {
    // Alone, `corat` is something else first (`court`, `coat`); in an article about a crate it
    // is `crate`.
    let article = "This crate parses dates. The crate has no dependencies, and a crate that uses it \
stays small. Add the corat to your manifest.";
    let fixes = first_fixes(article);
    assert_eq!(fixes, [("corat".to_string(), Kind::Spelling, "crate".to_string())]);
    assert_ne!(first_fixes("Add the corat to your manifest.")[0].2, "crate");
}

#[test]
fn a_far_fix_is_taken_when_the_article_writes_it() {
    // Two edits, one of them the first letter: a guess alone (`qtile` is no `time`), but this
    // article writes `started` twice.
    let text = "We started the server, then started the client. Soon everyone aatrted using it.";
    assert_fixes(text, "We started the server, then started the client. Soon everyone started using it.");
    assert_fixes("Soon everyone aatrted using it.", "Soon everyone aatrted using it.");
    // A title alone on its line is a name, however often the article writes the word it is near.
    let titled = "# oorandom\n\nA random number generator: random numbers, fast.\n";
    assert_fixes(titled, titled);
}

#[test]
fn a_name_inside_a_package_name_of_small_letters_keeps_them() {
    // `linux-raw-sys` and `lol-html` are packages: a part no dictionary knows marks an identifier.
    let text = format!("{DAMAGED}\n\nIt is similar to linux-sys, and uses lol-html to rewrite pages.\n");
    let f = fixed(&text);
    assert!(f.ends_with("It is similar to linux-sys, and uses lol-html to rewrite pages.\n"), "{f:?}");
    // A name before an English word is still raised, and a slip beside a name still a slip.
    assert_fixes("Run a kubernetes-native platform.", "Run a Kubernetes-native platform.");
    assert_eq!(flags("Run a kubernetes-natvie platform."), [("natvie".to_string(), Kind::Spelling)]);
}

#[test]
fn a_clean_article_keeps_a_casing_the_model_finds_seldom_wrong_unasked() {
    // An article whose casing shows no damage writes `rust object notation` on purpose, beside
    // `a Rust value`: `fix` leaves the author's choice. Until the fifty-third session the model's
    // `Rust` was offered; its chance of being right is under one in four in so clean an article
    // (`Sureness::ASKED`), so it is no longer asked about either.
    let text = "A small library for reading and writing configuration files.\n\n\
        Each file is parsed into a tree of tables and values, and every value keeps the line it came \
        from, so that errors can point at the place where reading stopped.\n\n\
        Values can be read as strings, integers, floats, booleans or lists, and a missing key returns \
        an error rather than a default.\n\n\
        Write a tree back to disk with the same layout it was read with: comments and blank lines are \
        kept.\n\n\
        Convert a table into a Rust value, or into rust object notation.\n\n\
        The parser never allocates more than the size of the input, and it reads large files in \
        pieces.\n\n\
        Tests cover every example in the documentation, and the benchmarks run on files of many sizes.\n";
    assert_eq!(first_fixes(text), []);
    assert_fixes(text, text);
}

/// A README long enough for its casing to be judged its own, clean but for `sentence`, and
/// with Title Case of its own (`the Advanced Settings tab`).
fn clean_library_article(sentence: &str) -> String {
    format!(
        "A small library for reading and writing configuration files.\n\n\
        Each file is parsed into a tree of tables and values, and every value keeps the line it \
        came from, so that errors can point at the place where reading stopped.\n\n\
        Values can be read as strings, integers, floats, booleans or lists, and a missing key \
        returns an error rather than a default.\n\n\
        Write a tree back to disk with the same layout it was read with: comments and blank \
        lines are kept. Open the Advanced Settings tab of the editor to change the layout.\n\n\
        {sentence}\n\n\
        Tests cover every example in the documentation, and the benchmarks run on files of many \
        sizes.\n"
    )
}

#[test]
fn a_clean_article_still_loses_a_capital_no_clean_writer_puts_there() {
    // An article whose casing shows no damage keeps its capitals as its own (`the Advanced
    // Settings tab`), but not one that no clean prose writes: `Which Would` inside a
    // sentence is damage, wherever it stands, and `fix` takes both down (the chance fitted to
    // articles that show no damage; the general one, which learnt that an article that looks
    // clean has no errors, took `Would` and asked about `Which`).
    let damaged =
        clean_library_article("The first release had a few bugs Which Would crash the parser on empty files.");
    assert_eq!(taken_of(&damaged, Kind::Casing), [("Which", true), ("Would", true)]);
    assert_fixes(
        &damaged,
        &clean_library_article("The first release had a few bugs which would crash the parser on empty files."),
    );
}

#[test]
fn an_article_damaged_a_little_loses_the_capitals_the_damage_put_in_a_sentence() {
    // One sentence of an article otherwise clean Capitalised in a run, as damage does: the
    // article's casing shows no damage as a whole, and keeps its Title Case (`the Advanced
    // Settings tab`), but the chance fitted to such articles takes the run down.
    let damaged =
        clean_library_article("Most users who left told us that They Dropped The Library when the parser grew slow.");
    assert_fixes(
        &damaged,
        &clean_library_article("Most users who left told us that they dropped the library when the parser grew slow."),
    );
}

#[test]
fn a_slip_inside_a_compound_of_english_words_is_a_slip_not_a_package_name() {
    // `lock-free` and `well-described` are compounds clean prose writes; `fre` and `wel` are
    // slips of their parts, though clean prose writes each of them somewhere on its own.
    let first = |text: &str, word: &str| {
        first_fixes(text).into_iter().find(|(w, _, _)| w == word).map(|(_, kind, fix)| (kind, fix))
    };
    assert_eq!(first("A single-consumer lock-fre queue is used.", "fre"), Some((Kind::Spelling, "free".into())));
    assert_eq!(first("They are really wel-described and clear.", "wel"), Some((Kind::Spelling, "well".into())));
    // A part English does not know still makes a package's name (`using sys` is prose).
    assert_clean("The bindings come from uring-sys and its helpers.");
}

#[test]
fn a_wrapped_line_of_a_paragraph_is_no_heading_whatever_starts_the_next() {
    // A long line without final punctuation that runs on into the next line is a paragraph's,
    // whether the next begins with a small letter, code, a number or a Capitalised word: its
    // stray capitals are no heading's Title Case.
    for next in ["the thing", "`0000-00-01` again", "2026 again", "Again the thing"] {
        let text = format!(
            "{DAMAGED}\n\nIn the end, we get the Date now, Which apparently gets Parsed as\n{next}. It was added to the file.\n"
        );
        let f = fixed(&text);
        assert!(f.contains("we get the date now, which apparently gets parsed as\n"), "before {next:?}: {f:?}");
    }
}

#[test]
fn a_name_clean_prose_writes_only_now_and_then_still_takes_its_capital() {
    // The corpus writes `Xeon` and `Mersenne` a few dozen times, seldom in lower case: too
    // seldom to measure damage by, often enough to say how the name is written. (It writes
    // `Twister` with its capital three times in four, and this article's damage lowers names.)
    let text = format!("{DAMAGED}\n\nWe ran it on an intel xeon server, and the mersenne twister came out slower.\n");
    let f = fixed(&text);
    assert!(f.ends_with("We ran it on an Intel Xeon server, and the Mersenne Twister came out slower.\n"), "{f}");
}

/// An article about reading files, clean.
const READER_ARTICLE: &str = "The library reads a file and returns its lines in order. Each line keeps its own \
ending, so that writing the lines back gives the same bytes. A reader that wants words instead can split \
each line on spaces, and a reader that wants numbers can parse them as it goes. The documentation shows \
both, with examples that run as tests. Errors carry the line number and the column where reading stopped, \
and the program that called the library decides what to do next. Large files are read in pieces, never \
all at once, so the memory used stays small whatever the size of the file.";

/// `word`'s first use in `text` as a word of its own, replaced by `with`.
fn replace_word(text: &str, word: &str, with: &str) -> String {
    let alone = |at: usize| {
        let before = text[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let after = text[at + word.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        before && after
    };
    let at = text.match_indices(word).map(|(i, _)| i).find(|&i| alone(i)).expect("the word is in the text");
    format!("{}{with}{}", &text[..at], &text[at + word.len()..])
}

#[test]
fn a_misspelling_in_a_clean_article_is_flagged_but_fix_takes_it_only_in_a_misspelt_one() {
    // A word no dictionary knows is a slip as often as its article slips: in a clean article of
    // 700 words it is as likely a term the lexicon lacks, so `fix` leaves it and the reader
    // decides; in the same article misspelt at one word in forty, the misspelling's fix is
    // taken. One that no word lies one slip from (`autocfg`, a crate) is the clean article's own
    // term, and no flag at all.
    let article = include_str!("data/articles/blog-Cargo.txt");
    let odd = "The two formats are interchangable for most uses, and autocfg detects the compiler.";
    let typos = [
        ("pleasure", "pleausre"),
        ("announce", "annonuce"),
        ("online", "onlnie"),
        ("central", "cenrtal"),
        ("location", "locaiton"),
        ("discover", "discvoer"),
        ("download", "downolad"),
        ("publishing", "publihsing"),
        ("months", "monhts"),
        ("asking", "asknig"),
        ("intrepid", "intrpeid"),
        ("adopters", "adopetrs"),
        ("registry", "regitsry"),
        ("battle", "batlte"),
        ("tested", "tesetd"),
        ("itself", "itslef"),
    ];
    let clean = format!("{article}\n\n{odd}\n");
    let spelling = |text: &str| -> Vec<String> {
        flags(text).into_iter().filter(|(_, k)| *k == Kind::Spelling).map(|(w, _)| w).collect()
    };
    assert_eq!(spelling(&clean), ["interchangable"]);
    assert!(fixed(&clean).ends_with(&format!("{odd}\n")), "{}", fixed(&clean));
    let damaged = typos.iter().fold(article.to_string(), |text, (right, wrong)| replace_word(&text, right, wrong));
    let damaged = format!("{damaged}\n\n{odd}\n");
    assert!(spelling(&damaged).len() >= typos.len(), "the article is misspelt: {:?}", spelling(&damaged));
    assert!(fixed(&damaged).contains("are interchangeable for"), "{}", fixed(&damaged));
}

#[test]
fn an_article_weighs_its_real_words_by_its_own_misspellings_not_by_a_prior_of_a_longer_text() {
    // The same three odd words after a clean article and after the same article misspelt at one
    // word in ten. `older` is taken in both: `the same older` is so much rarer than chance would
    // make it that the model keeps no count of it. The clean one's `loose` and `scoop` stand;
    // the misspelt one's `loose` is taken and `scoop` questioned. An estimate that starts from a
    // thousand words of an ordinary article treated both articles of a hundred words alike.
    let odd = "The parser keeps the lines in the same older as the file. It is easy to loose track of \
               the files you opened. The file is closed when the reader goes out of scoop.";
    let clean = format!("{READER_ARTICLE}\n\n{odd}\n");
    assert!(fixed(&clean).contains("the same order as"), "{}", fixed(&clean));
    assert!(fixed(&clean).contains("easy to loose track"), "{}", fixed(&clean));
    let choices = |text: &str| -> Vec<String> {
        flags(text).into_iter().filter(|(_, k)| *k == Kind::WordChoice).map(|(w, _)| w).collect()
    };
    assert_eq!(choices(&clean), ["older"]);
    let typos = [("reads", "raeds"), ("returns", "retruns"), ("ending", "endnig"), ("writing", "writting")];
    let typos = typos.iter().chain(&[("instead", "insted"), ("spaces", "spcaes"), ("examples", "exmaples")]);
    let typos = typos.chain(&[("documentation", "documentaton"), ("stopped", "stoped"), ("pieces", "peices")]);
    let typos = typos.chain(&[("memory", "memroy"), ("whatever", "whatevr")]);
    let damaged = typos.fold(READER_ARTICLE.to_string(), |text, (right, wrong)| text.replacen(right, wrong, 1));
    let damaged = format!("{damaged}\n\n{odd}\n");
    assert!(fixed(&damaged).contains("easy to lose track"), "{}", fixed(&damaged));
    assert_eq!(choices(&damaged), ["older", "loose", "scoop"]);
}

#[test]
fn an_article_full_of_misspellings_has_its_odd_real_words_questioned_too() {
    // Slips that make another word come with those that make none: the more misspelt an
    // article, the likelier its odd real words are slips.
    let slips = "An index achieves his by simplifying the pattern. Rewrite the ate parser in the module.\n";
    let clean = format!("{READER_ARTICLE}\n\n{slips}");
    // In a clean article the weaker case stands (`achieves his by`); clean prose writes `the date
    // parser` so much more often than `the ate parser` that even there it is questioned.
    let clean_choices: Vec<String> =
        flags(&clean).into_iter().filter(|(_, k)| *k == Kind::WordChoice).map(|(w, _)| w).collect();
    assert_eq!(clean_choices, ["ate"], "a clean article's words stand, all but the likeliest slip");
    let typos = [
        ("reads", "raeds"),
        ("returns", "retruns"),
        ("ending", "endnig"),
        ("writing", "writting"),
        ("instead", "insted"),
        ("spaces", "spcaes"),
        ("documentation", "documentaton"),
        ("examples", "exmaples"),
        ("stopped", "stoped"),
        ("pieces", "peices"),
        ("memory", "memroy"),
        ("whatever", "whatevr"),
    ];
    let damaged = typos.iter().fold(READER_ARTICLE.to_string(), |text, (right, wrong)| text.replacen(right, wrong, 1));
    let choices: Vec<(String, Kind, String)> =
        first_fixes(&format!("{damaged}\n\n{slips}")).into_iter().filter(|(_, k, _)| *k == Kind::WordChoice).collect();
    assert_eq!(
        choices,
        [("his".to_string(), Kind::WordChoice, "this".to_string()), ("ate".into(), Kind::WordChoice, "date".into())]
    );
}

#[test]
fn a_possessive_of_a_term_clean_prose_writes_is_no_misspelling() {
    // Clean prose writes `xor` (no dictionary does), never `xor's`: the stem says it is a term.
    assert_clean("It also used xor's and bit shifts.");
}

#[test]
fn a_misspelling_in_small_letters_is_a_name_only_if_damage_took_its_capital_too() {
    // `Croat` is as near `corat` as `crate`, but a name in small letters takes two faults: it
    // leaves the nine fixes to `crate`, which the words around choose.
    assert_eq!(
        first_fixes("The minimum version of this corat is 1.84."),
        [("corat".to_string(), Kind::Spelling, "crate".to_string())]
    );
}

#[test]
fn a_word_of_five_capitals_one_slip_from_a_common_word_is_a_misspelling_unless_the_article_repeats_it() {
    // Acronyms no list knows are rare at five letters, and few lie one edit from a word by chance.
    assert_eq!(
        first_fixes("Use an older MINLR version instead."),
        [("MINLR".to_string(), Kind::Spelling, "minor".to_string())]
    );
    assert_eq!(first_fixes("They CHOOS faster searches.")[0].2, "choose");
    // An article that writes the word again, in any casing, names something by it.
    let named = "The old generator RANDU was bad, and everyone who used RANDU found out.";
    assert!(!flags(named).iter().any(|(w, _)| w == "RANDU"), "{:?}", flags(named));
    let lowered = "The old generator RANDU was bad, and the randu numbers fell on planes.";
    assert!(!flags(lowered).iter().any(|(w, _)| w == "RANDU"), "{:?}", flags(lowered));
}

#[test]
fn a_misspelt_word_in_quotes_is_still_a_misspelling_but_a_short_string_is_shown_as_written() {
    assert_eq!(
        first_fixes("What is a terminal? A \"terlinal\", also known as a tty, is a device."),
        [("terlinal".to_string(), Kind::Spelling, "terminal".to_string())]
    );
    // Short, or far from any common word, a quoted word is a string the text shows.
    assert_clean("The pattern matched 'abcb' and then 'xqzvw' in the list.");
}

#[test]
fn a_common_word_capitalised_before_class_is_no_class_name() {
    // `Set The class of` twice is damage to `the`, not a class named `The` (as `a Request
    // object` twice names one).
    let text = format!("{DAMAGED}\n\nSet The class of the entity. Set The class of the field.\n");
    let f = fixed(&text);
    assert!(f.ends_with("Set the class of the entity. Set the class of the field.\n"), "{f}");
}

/// The same in an article of so many distinct unknown words (a log of identifiers, a page of
/// random strings) that only the words it can show something of get an entry: `pymol`, written
/// once in lower case, still meets `PyMOL`.
#[test]
fn a_term_loses_no_capitals_of_its_own_among_a_hundred_thousand_unknown_words() {
    use std::fmt::Write as _;
    let mut text = String::from("Load the molecule into PyMOL and colour it. Then open pymol again.\n");
    let letters = b"bcdfghjklmnpqrstvwxz";
    for i in 0..100_000usize {
        let mut word = String::from("qz");
        let mut n = i;
        for _ in 0..4 {
            word.push(char::from(letters[n % letters.len()]));
            n /= letters.len();
        }
        let _ = write!(text, "{word}{}", if i % 12 == 11 { "\n" } else { " " });
    }
    let checked = check(&text, &Lexicon::new(), &Options { dialect: None, suggestions: false });
    let pymol = checked.suspects.iter().find(|s| s.word(&text) == "pymol").expect("pymol is flagged");
    assert_eq!((pymol.kind, pymol.suggestions.first()), (Kind::Casing, Some("PyMOL")));
    assert!(checked.suspects.len() > 90_000, "the unknown words are misspellings");
}

/// A term the article writes with capitals of its own (an acronym, a stylised name) and
/// somewhere in lower case lost them there: its fix is the article's casing, not the nearest
/// dictionary word (`pymol` was `pool`, `apbs` was `as`), and a reader's `fix` takes it.
#[test]
fn a_term_the_article_writes_with_its_own_capitals_is_raised_where_it_lost_them() {
    let text = "Load the molecule into PyMOL and colour it. The PyMOL window shows the surface. \
                Then open pymol again and press the button. We use APBS for the potential, and \
                apbs writes a map. Send a DoGet request to read them; the doget call streams the data.";
    let raised: Vec<_> =
        first_fixes(text).into_iter().filter(|(w, _, _)| w == "pymol" || w == "apbs" || w == "doget").collect();
    assert_eq!(
        raised,
        [
            ("pymol".to_string(), Kind::Casing, "PyMOL".to_string()),
            ("apbs".to_string(), Kind::Casing, "APBS".to_string()),
            ("doget".to_string(), Kind::Casing, "DoGet".to_string()),
        ]
    );
    assert!(fixed(text).contains("Then open PyMOL again") && fixed(text).contains("and APBS writes"));
    // Its casing in a link, in code or in a dotted name counts too.
    let text = "Turns [ULoc] into a string; set `FlightInfo.ordered` first. Each uloc holds one flightinfo.";
    assert_fixes(text, "Turns [ULoc] into a string; set `FlightInfo.ordered` first. Each ULoc holds one FlightInfo.");
}

/// In an article whose damage capitalises words at random, two capitals side by side are often
/// chance: a run of them is weighed as a name less, the more the article capitalises.
#[test]
fn a_run_of_capitals_in_a_damaged_article_is_weighed_as_chance_too() {
    let text = "The Server sends a Response to The client When the Query is Complete. Each Request \
                carries a Ticket, and the Client reads It Back Later. This struct holds a reference to a \
                Component And to a global scheduler. The Caller Can stop At any time, and the Server Will \
                Stream the Results back.";
    assert!(fixed(text).contains("a reference to a component and to a global"), "{}", fixed(text));
    // A clean article's run of capitals is a name.
    assert_clean("The crate wraps the Web Crypto interface of the browser, which most readers know.");
}

/// A known word with a prefix or an ending English builds words with (`mis-`, `un-`, `-able`,
/// `-s`, `-ed`) is a word, unless a common word lies a slip away; an ending English would not
/// put there stays a misspelling (`matchs`, `pathes`).
#[test]
fn a_known_word_with_a_prefix_or_an_ending_is_a_word_and_a_wrong_ending_is_not() {
    assert_clean("The model avoids misclassifying rare samples, which makes it unergonomic but interleavable.");
    assert_clean("The graph is uncoarsening, so its unportability makes the stringifier slow.");
    let flagged: Vec<String> = flags("It matchs the pathes it finds.").into_iter().map(|(w, _)| w).collect();
    assert_eq!(flagged, ["matchs", "pathes"]);
    // A plural of a common word has that word one slip away by its making: that is no slip.
    assert_clean("This release brings three stabilizations and two deprecations.");
    // ... but a slip inside it still is.
    let flagged: Vec<String> = flags("This release brings three stabilizatons.").into_iter().map(|(w, _)| w).collect();
    assert_eq!(flagged, ["stabilizatons"]);
}

/// The ranking's edit costs are fitted on data (`scripts/fit-ranking.py`): real misspellings and
/// the damage of the evaluation pairs, none of them these. People drop letters far more often
/// than they change one for another, so `collegue` is `colleague` (a letter dropped) before
/// `college` (a letter changed, though English writes it more).
#[test]
fn everyday_slips_take_the_word_meant_before_a_commoner_one_further_away() {
    assert_fixes(
        "My neice bought a peice of cake for her collegue, wich was kind.",
        "My niece bought a piece of cake for her colleague, which was kind.",
    );
}

/// An article of some length about a release, clean, wrapped as a text file is, with two real
/// words its pairs find odd.
const RELEASE_NOTES: &str = "\
    The release team met on Tuesday to plan the next version of the library. Most of the work this\n\
    cycle went into the parser, which now reports every error it finds instead of stopping at the\n\
    first one. The old behaviour made long files painful to fix, because each run showed a single\n\
    problem and the next run showed another. We also moved the documentation into the repository,\n\
    so a change to the code and a change to its guide can be reviewed together. Our hardworking\n\
    volunteers wrote most of the new examples, and we cherish the time they gave. Anyone who wants\n\
    to help can pick an open issue marked as a good first task; the maintainers answer questions on\n\
    the forum within a day or two. The next release is planned for the end of the month, after the\n\
    test suite runs clean on every platform we support. Thanks to everyone who sent a report, a fix\n\
    or a kind word this year: a project like this one lives on that care.\n";

/// [`RELEASE_NOTES`] with three misspellings.
fn damaged_release_notes() -> String {
    RELEASE_NOTES
        .replace("version", "verison")
        .replace("every error", "every eror")
        .replace("showed another", "showed anotehr")
}

#[test]
fn a_capitalised_unknown_word_in_an_article_with_clean_casing_is_a_name() {
    // An article that Capitalises no common word at random writes `Kei` and `Homu` as names,
    // not as slips of `Key` and `Home`: neither is flagged. `Pyhton`, near a name, is asked
    // about, and `fix` leaves it.
    let text =
        RELEASE_NOTES.replace("Thanks to everyone who", "Thanks to Kei and Homu and everyone who wrote Pyhton or");
    assert!(fixed(&text).contains("Thanks to Kei and Homu and everyone who wrote Pyhton or"), "{}", fixed(&text));
    let asked: Vec<(String, Kind)> = flags(&text).into_iter().filter(|f| f.1 == Kind::Spelling).collect();
    assert_eq!(asked, [("Pyhton".to_string(), Kind::Spelling)]);
    // Without fixes asked for, the same words are flagged.
    let bare = check(&text, &Lexicon::new(), &Options { dialect: None, suggestions: false });
    let bare: Vec<&str> = bare.suspects.iter().filter(|s| s.kind == Kind::Spelling).map(|s| s.word(&text)).collect();
    assert_eq!(bare, ["Pyhton"]);
    // In an article Capitalised at random, a Capitalised non-word is a misspelling as likely as
    // a name, and one a letter from a common word is taken.
    let damaged = format!("{DAMAGED} The Platform Team Is Often Missing Tje Point.");
    assert!(fixed(&damaged).ends_with("the point."), "{}", fixed(&damaged));
}

#[test]
fn an_unknown_word_in_capitals_in_an_article_with_clean_casing_is_asked_about_not_changed() {
    // Such an article writes its capitals on purpose: `BLEU` and `SPLADE` are terms, not `blue`
    // and `space` garbled into capitals.
    let text =
        RELEASE_NOTES.replace("Thanks to everyone who", "We scored it with BLEU and SPLADE. Thanks to everyone who");
    assert!(fixed(&text).contains("We scored it with BLEU and SPLADE."), "{}", fixed(&text));
    // In an article Capitalised at random, a word in capitals among small letters that a
    // common word fits is that word, garbled.
    let damaged = format!("{DAMAGED} Be extremely careful WEJN using the PKCS format here.");
    assert!(fixed(&damaged).ends_with("careful when using the PKCS format here."), "{}", fixed(&damaged));
}

/// ... but a long one a single slip from a common word is that word misspelt, in capitals or
/// with a first capital inside a sentence, and asked about: few acronyms and names lie so near
/// a word (`BLEU`, `SPLADE`, `Kei` and `Homu` above lie near none that common).
#[test]
fn a_clean_article_still_asks_about_a_long_word_one_slip_from_a_common_one() {
    // Each the one slip of the article: another misspelling would show it damaged.
    for (sentence, word, fix) in [
        ("The new parser is Considerbly faster.", "Considerbly", "Considerably"),
        ("A large file now takes LSESS memory.", "LSESS", "less"),
    ] {
        let text = RELEASE_NOTES.replace("Thanks to everyone who", &format!("{sentence} Thanks to everyone who"));
        assert_eq!(first_fixes(&text), [(word.into(), Kind::Spelling, fix.into())]);
    }
    // Asked, not taken: the word stays as written.
    let text =
        RELEASE_NOTES.replace("Thanks to everyone who", "The new parser is Considerbly faster. Thanks to everyone who");
    assert!(fixed(&text).contains("Considerbly faster"), "{}", fixed(&text));
}

/// ... and so is one a slip or two from a name the article writes again and again, however
/// short: damage that strikes a name the article is about makes such words (`Rsut` in an article
/// that writes `Rust` at every other turn).
#[test]
fn a_clean_article_still_asks_about_a_slip_of_its_own_name() {
    let text = RELEASE_NOTES
        .replace("of the library.", "of the library for Rust.")
        .replace("painful to fix,", "painful to fix in Rust,")
        .replace("new examples,", "new examples in Rust,")
        .replace("Thanks to everyone who", "The Rsut bindings come next. Thanks to everyone who");
    assert_eq!(first_fixes(&text), [("Rsut".into(), Kind::Spelling, "Rust".into())]);
    assert!(fixed(&text).contains("The Rsut bindings"), "asked, not taken: {}", fixed(&text));
}

#[test]
fn a_word_in_small_letters_that_no_word_is_near_is_a_clean_articles_own() {
    // Handles and new words: nothing is two edits or fewer from them, so no slip made them, and
    // there is nothing to offer. A run-together pair is still asked about.
    let text = RELEASE_NOTES.replace(
        "Thanks to everyone who",
        "Thanks to nikomatsakis and pnkfelix for the neurodivergent-friendly wouldbe docs. Thanks to everyone who",
    );
    let asked: Vec<String> = flags(&text).into_iter().filter(|f| f.1 == Kind::Spelling).map(|f| f.0).collect();
    assert_eq!(asked, ["wouldbe"]);
    // In an article Capitalised at random, such a word is still flagged.
    let damaged = format!("{DAMAGED} Thanks to nikomatsakis for that.");
    assert!(flags(&damaged).iter().any(|f| f.0 == "nikomatsakis"), "{:?}", flags(&damaged));
}

#[test]
fn an_articles_odd_real_words_are_weighed_by_how_clean_the_article_is() {
    // `hardworking` and `cherish` stand where the corpus rarely puts them, and `hardware` and
    // `check` are near; but an article of this length with no misspelling makes a slip unlikely:
    // neither is a suspect.
    assert!(flags(RELEASE_NOTES).is_empty(), "{:?}", flags(RELEASE_NOTES));
    // The same article damaged makes its odd real words likelier slips: `tome` is taken.
    let damaged = damaged_release_notes().replace("the time they", "the tome they");
    assert!(fixed(&damaged).contains("we cherish the time they gave"), "{}", fixed(&damaged));
}

#[test]
fn a_real_word_the_article_writes_again_and_again_is_its_own() {
    // Once, `the tome they` is a slip for `the time they`; written three times, it is what the
    // article is about.
    assert_word_choice("We thank them for the tome they gave.", "tome", "time");
    assert_clean("We thank them for the tome they gave. The tome they wrote is long. Read the tome they made.");
}

#[test]
fn where_both_real_word_stages_weigh_a_rare_word_the_fitted_verdict_stands() {
    // `oily` is rare and neither neighbour expects it: the rare-word rule questions it but would
    // not take `only`; the real-word stage, which weighs the article's damage too, takes it.
    let damaged = damaged_release_notes().replace("which now reports", "which oily reports");
    assert!(fixed(&damaged).contains("the parser, which only reports every"), "{}", fixed(&damaged));
}

#[test]
fn a_paragraph_wrapped_at_a_lines_end_keeps_its_words_neighbours() {
    // A single line break inside a paragraph joins two words as a space does: `sing` is weighed
    // between `call` and `the` wherever the line was wrapped.
    assert_word_choice("Encode the call\nsing the command buffer.", "sing", "using");
    assert_word_choice("Encode the call\r\nsing the command buffer.", "sing", "using");
    // A blank line ends the paragraph: the last word before it is no neighbour (the new
    // paragraph's small first letter is a casing matter).
    let apart = flags("Encode the call\n\nsing the command buffer.");
    assert!(!apart.iter().any(|(_, kind)| *kind == Kind::WordChoice), "{apart:?}");
}

#[test]
fn a_list_item_that_opens_with_a_reference_starts_with_its_first_word() {
    // A changelog's items open with the issue, pull request or version they come from; the word
    // after it starts the item, as the first word of any list item does.
    assert_clean(
        "Changes in this release.\n\n\
         * #131 Implement Debug on all public structs\n\
         * #138 Fix arithmetic overflow in the parser\n\
         * (#104) Supersedes and fixes #75\n\
         - v1.2.0 Improve the speed of the lookup\n",
    );
    // Inside a line the words after a number are the sentence's (`in 2023 Made` is damage).
    assert_eq!(
        flags("The tool was rewritten in 2023 Made by the team, and it is faster."),
        [("Made".to_string(), Kind::Casing)]
    );
}

#[test]
fn a_month_in_a_date_keeps_or_takes_its_capital() {
    // `May` and `March` are verbs too; in a date they are months, however damaged the article.
    let text = format!(
        "{DAMAGED}\n\nThe celebration takes place on 15 May 2025, and the meeting on 16 and 17 may 2025. \
         It was planned in march 2024.\n"
    );
    let f = fixed(&text);
    assert!(
        f.ends_with("The celebration takes place on 15 May 2025, and the meeting on 16 and 17 May 2025. It was planned in March 2024.\n"),
        "{f}"
    );
    // Beside a number that is no date, they are verbs.
    assert_clean("All of these 15 may fail at once, and the rest may 2x the load.");
}

/// In an article Capitalised at random, a Capitalised word written once that is a common word
/// garbled twice over is flagged with the word in small letters first, and asked about, never
/// taken unasked (a surname may lie as near a word); a name beside a name stands.
#[test]
fn a_capitalised_word_garbled_twice_over_in_a_damaged_article_is_asked_about() {
    let damaged = "The Servers Are typically run and Maintaicee by the Infrastructure Team, Which \
        Meets every Week. Steven Fuerst Wrote The Runbook, and The Team Keeps It up to Date For \
        Everyone Who Joins. The Runbook Says How the Servers Are Patched, How They Are Watched, \
        and What To Do When One of Them Fails in The Night.";
    let checked = check(damaged, &Lexicon::new(), &Options { dialect: Some(Dialect::Us), suggestions: true });
    let garbled = checked.suspects.iter().find(|s| s.word(damaged) == "Maintaicee").expect("flagged");
    assert_eq!((garbled.kind, garbled.suggestions.first()), (Kind::Spelling, Some("maintained")));
    assert!(!garbled.confident, "asked about, not taken unasked");
    assert!(!checked.suspects.iter().any(|s| s.word(damaged) == "Fuerst"), "a name beside a name");
    // The same words in an article whose casing shows no damage are its own.
    assert_clean("The servers are typically run by Maintaicee, a small firm that watches them every night.");
}

/// A word in capitals no dictionary knows, two slips from any word, is an acronym in an
/// article whose capitals show no damage, even among small letters (in a sentence alone, which
/// says little of its damage, it is asked about: `careful WEJN using`).
#[test]
fn an_unknown_acronym_far_from_any_word_passes_in_a_clean_article() {
    let article = "The community meets every two weeks to review the roadmap, triage new issues and \
        plan the next release. Due to the conference, the AMER and EMEA sessions did not take place \
        this week, and the notes of the last meeting are in the shared folder. Some functions are \
        slower than before. AFAICT the worst case there is a tenth slower, and most programs will \
        not notice the change at all. We would like to thank everyone who tested the release \
        candidate and reported problems, and we hope to see many of you at the next meeting, \
        where we will discuss the plans for the coming year and the work that is still open.";
    assert_clean(article);
    // Misspelt as damage does, its capitals undamaged: still an acronym, with fixes asked for
    // or without.
    let text = damaged_release_notes()
        .replace("Thanks to everyone", "We looked at the AUTOSAR architecture too. Thanks to everyone");
    for suggestions in [true, false] {
        let checked = check(&text, &Lexicon::new(), &Options { dialect: None, suggestions });
        let words: Vec<&str> = checked.suspects.iter().map(|s| s.word(&text)).collect();
        assert!(!words.contains(&"AUTOSAR") && words.contains(&"verison"), "{suggestions}: {words:?}");
    }
}

/// In an article long enough to judge that hardly ever misspells its words in small letters,
/// any unknown word in capitals is its own, though a word lies one slip from it; in one that
/// misspells as damage does, it is asked about.
#[test]
fn unknown_words_in_capitals_are_an_article_s_own_where_it_misspells_nothing_else() {
    let article = "The collector group will start new APAC-friendly meetings to support contributors \
        in that region, and the notes of each meeting will be shared on the project site. Tracing \
        FTW! Front-end engineers found the new views helpful, and several of them asked how to \
        add their own spans. We would like to thank everyone who tested the release candidate \
        and reported problems, and we hope to see many of you at the next meeting, where we will \
        discuss the plans for the coming year and the work that is still open for new people. \
        The release itself brings faster start-up, smaller memory use and a simpler way to write \
        the settings file, which many of you asked for in the survey we ran last spring.";
    assert_clean(article);
    let damaged = article
        .replace("support contributors", "suport contributors")
        .replace("several of them", "sevral of them")
        .replace("reported problems", "reportd problems");
    let flagged = flags(&damaged);
    assert!(flagged.iter().any(|(w, _)| w == "FTW"), "{flagged:?}");
}

/// A long Capitalised word written once inside a sentence of a damaged article, two slips from
/// a word of ordinary prose, is that word garbled twice over: the longer a name, the fewer words
/// lie that near it. Asked about, as any Capitalised word that may be a name.
#[test]
fn a_long_capitalised_word_garbled_twice_over_is_asked_about() {
    for (garbled, word) in [("Rsepnodents", "respondents"), ("Colelcotrs", "collectors"), ("Orgnaizres", "organizers")]
    {
        let text = format!("{DAMAGED}\n\nWe thank the {garbled} who gave their time to the project.\n");
        let got = first_fixes(&text);
        assert!(got.iter().any(|(w, k, f)| w == garbled && *k == Kind::Spelling && f == word), "{got:?}");
        assert!(fixed(&text).contains(garbled), "asked, not taken");
    }
}

/// ... and so is a shorter one that a common word two edits away would fit where it stands, as
/// one in capitals among small letters is (`their Woqr on`): a name seldom stands where a common
/// word so near it fits both its neighbours.
#[test]
fn a_capitalised_word_garbled_twice_over_that_a_near_word_fits_is_asked_about() {
    let text = format!("{DAMAGED}\n\nThe teams are streaming their Woqr on the language every week.\n");
    let checked = check(&text, &Lexicon::new(), &Options { dialect: Some(Dialect::Us), suggestions: true });
    let garbled = checked.suspects.iter().find(|s| s.word(&text) == "Woqr").expect("flagged");
    assert_eq!((garbled.kind, garbled.suggestions.first()), (Kind::Spelling, Some("work")));
    assert!(!garbled.confident, "asked about, not taken unasked");
    // A name where no near word fits stands.
    let text = format!("{DAMAGED}\n\nThen we thanked Woqr yesterday for the review.\n");
    let checked = check(&text, &Lexicon::new(), &Options { dialect: Some(Dialect::Us), suggestions: true });
    assert!(!checked.suspects.iter().any(|s| s.word(&text) == "Woqr"), "{:?}", checked.suspects);
}

/// A short word in capitals that clean prose writes as an acronym is asked about as a slip of a
/// common word where it never stands beside its neighbours and that word is written between them
/// (`at the SAE time`); an acronym where only a word that follows anything would fit stays one.
#[test]
fn an_acronym_where_a_word_one_slip_away_is_written_between_its_neighbours_is_that_word() {
    let text = "Both teams shipped their releases at the SAE time, and the users noticed.";
    let checked = check(text, &Lexicon::new(), &Options { dialect: Some(Dialect::Us), suggestions: true });
    let slip = checked.suspects.iter().find(|s| s.word(text) == "SAE").expect("flagged");
    assert_eq!((slip.kind, slip.suggestions.first()), (Kind::Spelling, Some("same")));
    // ... asked about, never taken unasked: the acronym may be meant.
    assert!(!slip.confident);
    assert_clean("This uses the Windows AFD system to access socket readiness events.");
}

/// Damage that Capitalises words at random strikes the words inside a dotted name of code too
/// (`List.Sort`, `E.G.`): `fix` gives them back their small letters, where the name is an
/// abbreviation, where the article writes the part small as often, or where the part is a
/// file's ending; a name in its own capitals stays (`pathlib.Path`, `Node.js`).
#[test]
fn a_dotted_name_the_damage_capitalised_gets_its_small_letters_back() {
    assert_fixes(
        "The Team Ran the Tests on linux, and Which Made the Build slow. In Python 2, E.G. the bytes \
         type is hard. Use the List.Sort method; list.sort works in place, and the nodeunit.Js file \
         runs in Node.js, with pathlib.Path for paths.",
        "The team ran the tests on Linux, and which made the build slow. In Python 2, e.g. the bytes \
         type is hard. Use the list.sort method; list.sort works in place, and the nodeunit.js file \
         runs in Node.js, with pathlib.Path for paths.",
    );
}
