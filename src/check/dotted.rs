//! Dotted names of code in prose (`list.sort`, `nodeunit.js`, `e.g.`) that damage Capitalised a
//! part of (`List.Sort`, `nodeunit.Js`, `E.G.`). Damage that Capitalises words at random strikes
//! the words inside such a name too; the checker reads the name as one token and no other stage
//! looks inside it. A part takes its small letters back where:
//! - the name is an abbreviation prose writes in small letters (`e.g.`, `i.e.`, `a.k.a.`);
//! - the article writes the same name with that part in small letters elsewhere, at least as
//!   often as Capitalised (`nodeunit.vim` beside `Nodeunit.Vim`): damage Capitalises a part at
//!   some of its uses, while an author who writes `Node.js` most of the time also writes
//!   `node.js` for the command now and then;
//! - the part is a file's extension or a domain's ending after a name (`Less.Js`,
//!   `gofastmcp.Com`), never Capitalised as such: the last part, or any part after a first in
//!   small letters. `net` is no such ending (`System.Net` is a namespace).
//!
//! Only a capital taken away is offered, never one put in. An abbreviation inside a sentence is
//! always taken; the other two only where the article's capitals show damage (a clean article
//! that writes `Foo.Js` is asked, not changed).

use crate::fasthash::FastMap;
use crate::lexicon::{Case, case_of};
use crate::span::Span;
use crate::suspect::{Kind, Lists, Suspect};

/// Dotted names kept at most: a prose article writes a few dozen; a text of nothing but them is
/// judged on the first this many.
pub const MOST: usize = 4096;

/// Abbreviations prose writes in small letters, without their last point, as the tokenizer
/// gives them.
const ABBREVIATIONS: [&str; 4] = ["e.g", "i.e", "a.k.a", "n.b"];

/// Endings of files and domains, never written Capitalised after a name (not `net`, a
/// namespace's part as often: `System.Net`).
const ENDINGS: [&str; 24] = [
    "js", "ts", "jsx", "tsx", "py", "rs", "rb", "go", "exe", "dll", "vim", "conf", "cfg", "json", "yaml", "yml",
    "toml", "md", "txt", "html", "css", "sh", "com", "org",
];

/// A dotted name as the checker met it: where it is, and whether it starts a sentence.
#[derive(Clone, Copy, Debug)]
pub struct Dotted {
    pub span: Span,
    pub start: bool,
}

/// The suspects among the dotted names `names` of `text` (in text order), where `damaged` says
/// whether the article's capitals show damage.
#[must_use]
pub fn suspects(text: &str, names: &[Dotted], damaged: bool, lists: &mut Lists) -> Vec<Suspect> {
    // How the article writes each name's parts, by the name in small letters: for each part,
    // how many uses write it in small letters, less how many Capitalise it.
    let mut small: FastMap<String, Vec<i32>> = FastMap::default();
    for d in names {
        let name = d.span.slice(text);
        let parts = small.entry(name.to_ascii_lowercase()).or_insert_with(|| vec![0; name.split('.').count()]);
        for (seen, part) in parts.iter_mut().zip(name.split('.')) {
            if case_of(part) == Case::Lower {
                *seen += 1;
            } else if is_title(part) {
                *seen -= 1;
            }
        }
    }
    let mut out = Vec::new();
    for d in names {
        let name = d.span.slice(text);
        let lower = name.to_ascii_lowercase();
        if ABBREVIATIONS.contains(&lower.as_str()) {
            // At a sentence's start its first letter is the sentence's to choose.
            // (An ASCII name: it matched an abbreviation.)
            let fix = if d.start {
                format!("{}{}", name.get(..1).unwrap_or_default(), lower.get(1..).unwrap_or_default())
            } else {
                lower
            };
            if fix != name {
                out.push(Suspect::new(d.span, Kind::Casing, lists.one(fix)));
            }
            continue;
        }
        let parts: Vec<&str> = name.split('.').collect();
        let written_small = small.get(&lower);
        let first_small = parts.first().is_some_and(|p| case_of(p) == Case::Lower);
        let fixed: Vec<String> = parts
            .iter()
            .enumerate()
            .map(|(i, part)| {
                let title = is_title(part);
                // Written in small letters at this use's count (it is among the Capitalised).
                let own = written_small.is_some_and(|s| s.get(i).is_some_and(|&n| n >= 0));
                let last = i + 1 == parts.len();
                let ending = i > 0 && ENDINGS.contains(&part.to_ascii_lowercase().as_str()) && (first_small || last);
                if title && (own || ending) && !(i == 0 && d.start) {
                    part.to_ascii_lowercase()
                } else {
                    (*part).to_string()
                }
            })
            .collect();
        let fix = fixed.join(".");
        if fix != name {
            out.push(Suspect { confident: damaged, ..Suspect::new(d.span, Kind::Casing, lists.one(fix)) });
        }
    }
    out
}

/// True when `part` is an ASCII word with a capital first and small letters after (`Sort`, `Js`).
fn is_title(part: &str) -> bool {
    let b = part.as_bytes();
    b.len() >= 2 && b[0].is_ascii_uppercase() && b[1..].iter().all(u8::is_ascii_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fixes of the dotted names of `text`, each with whether it is taken.
    fn fixes(text: &str, damaged: bool) -> Vec<(String, String, bool)> {
        let names: Vec<Dotted> = crate::token::tokens(text)
            .into_iter()
            .filter(|t| t.kind == crate::token::TokenKind::Identifier && t.span.slice(text).contains('.'))
            .map(|t| Dotted { span: t.span, start: t.span.start == 0 })
            .collect();
        suspects(text, &names, damaged, &mut Lists::default())
            .iter()
            .map(|s| (s.word(text).to_string(), s.suggestions.first().unwrap_or_default().to_string(), s.confident))
            .collect()
    }

    #[test]
    fn a_dotted_name_gets_back_the_small_letters_damage_took() {
        let text = "Sort it, E.G. with the List.Sort method or the built-in, as list.sort and sorted \
                    do; the browser version of nodeunit.Js is made from nodeunit.vim and Nodeunit.Vim, \
                    and the docs live at gofastmcp.Com beside Less.Js.";
        let want = [
            ("E.G", "e.g", true),
            ("List.Sort", "list.sort", true),
            ("nodeunit.Js", "nodeunit.js", true),
            ("Nodeunit.Vim", "nodeunit.vim", true),
            ("gofastmcp.Com", "gofastmcp.com", true),
            ("Less.Js", "Less.js", true),
        ];
        let want: Vec<(String, String, bool)> = want.iter().map(|&(a, b, c)| (a.into(), b.into(), c)).collect();
        assert_eq!(fixes(text, true), want);
    }

    #[test]
    fn names_written_with_capitals_on_purpose_stay() {
        // A name the article writes Capitalised more often than not (`Node.js`, once `node.js`
        // for the command).
        let text = "Install Node.js first. Run node.js scripts with Node.js 18 or Node.js 20.";
        assert_eq!(fixes(text, true), []);
        // Classes and namespaces (`pathlib.Path`, `System.Net`), a name the article writes so
        // every time (`Vue.Draggable`), and an abbreviation starting a sentence, with a capital
        // or without: a capital is taken away, never put in.
        let text = "E.g. use pathlib.Path or decimal.Decimal in Python, System.Net in C#, and \
                    Vue.Draggable, which Vue.Draggable users know; see i.e. the docs.";
        assert_eq!(fixes(text, true), []);
        assert_eq!(fixes("e.g. this one.", true), []);
        assert_eq!(fixes("E.G. this one.", true), [("E.G".into(), "E.g".into(), true)]);
    }

    #[test]
    fn in_an_article_that_shows_no_damage_a_capital_is_asked_about_not_taken() {
        let text = "The package ships nodeunit.Js for the browser, e.G. for tests.";
        assert_eq!(
            fixes(text, false),
            [("nodeunit.Js".into(), "nodeunit.js".into(), false), ("e.G".into(), "e.g".into(), true)]
        );
    }
}
