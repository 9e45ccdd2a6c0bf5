//! Casing from the model: each word is read in the casing that clean prose most likely gives it
//! beside its neighbours, weighed against how damaged this article's casing is.
//!
//! For a word the corpus knows well, every casing it has seen is a candidate. Its score is the
//! chance that clean prose writes it so between these neighbours ([`Model::after`],
//! [`Model::before`], backed off to how often it is written so at all), times the chance that
//! this article's damage turned it into what is written: a common word Capitalised
//! ([`Channel::raised`]), a name or term lowered ([`Channel::lowered`]), or anything else
//! ([`OTHER`]). Both rates are estimated from the article itself, from the words whose casing
//! the corpus leaves in no doubt: a clean article with Title Case headings keeps its names, and
//! a damaged one has its stray capitals taken down. A word is a suspect where another casing
//! beats what is written; the margin says how sure.

use crate::fasthash::FastMap;
use crate::lexicon::{Case, case_of};
use crate::model::{Form, Model};
use crate::span::Span;
use crate::suspect::{Kind, Lists, Suspect};

/// A word the corpus writes inside sentences fewer times than this is judged by the rules.
pub const KNOWN: u32 = 30;

/// A casing is a suspect when another beats it by this factor.
const FLAG: f64 = 1.0;
/// ... and a confident one (that `fix` applies) when by this factor.
const SURE: f64 = 20.0;
/// Pseudo-count of the backed-off estimate beside a neighbour's counts.
const BACKOFF: f64 = 4.0;
/// The chance of a casing change neither raising nor lowering (`Linux` for `LINUX`).
const OTHER: f64 = 0.002;
/// A casing the corpus gives a word at most this share of the time is left out as a candidate.
const RARE_FORM: f64 = 0.001;
/// How much each other way the article writes a word counts, as a power of its likelihood.
const ARTICLE: f64 = 0.5;

/// How this article's casing was damaged, per word of each kind.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Channel {
    /// The chance a word written in lower case in clean prose is Capitalised here.
    pub raised: f64,
    /// The chance a name or term is written here in lower case.
    pub lowered: f64,
}

impl Channel {
    /// Pseudo-words of clean prose added to each estimate: a short article is not taken for a
    /// damaged one.
    const PRIOR: f64 = 100.0;
    /// Clean prose still has a few: a title, a term set apart.
    const CLEAN: f64 = 0.005;
    const BUCKETS: usize = 32;

    /// The rates that best explain the article, by expectation-maximisation over its words:
    /// `seen[b]` counts the words whose chance of capitals in clean prose falls in bucket `b`,
    /// as (written with capitals, written in lower case).
    fn estimate(seen: &[(f64, f64); Self::BUCKETS]) -> Self {
        let mut ch = Self { raised: Self::CLEAN, lowered: Self::CLEAN };
        for _ in 0..20 {
            // Expected damage of each kind, and how many words could take it.
            let (mut raised, mut lower) = (Self::PRIOR * Self::CLEAN, Self::PRIOR);
            let (mut lowered, mut cased) = (Self::PRIOR * Self::CLEAN, Self::PRIOR);
            for (b, &(caps, small)) in seen.iter().enumerate() {
                #[allow(clippy::cast_precision_loss)] // a bucket number
                let c = (b as f64 + 0.5) / Self::BUCKETS as f64;
                // The chance each written word meant capitals.
                let caps_meant = c * (1.0 - ch.lowered) / (c * (1.0 - ch.lowered) + (1.0 - c) * ch.raised);
                let small_meant = c * ch.lowered / (c * ch.lowered + (1.0 - c) * (1.0 - ch.raised));
                raised += caps * (1.0 - caps_meant);
                lower += caps * (1.0 - caps_meant) + small * (1.0 - small_meant);
                lowered += small * small_meant;
                cased += caps * caps_meant + small * small_meant;
            }
            ch = Self { raised: raised / lower, lowered: lowered / cased };
        }
        ch
    }

    /// The bucket of a word that clean prose writes with capitals `c` of the time.
    fn bucket(c: f64) -> usize {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // 0 <= c <= 1
        let b = (c * Self::BUCKETS as f64) as usize;
        b.min(Self::BUCKETS - 1)
    }

    /// The chance that clean `form` reaches the page as `written`.
    fn carries(self, form: &str, written: &str) -> f64 {
        if form == written {
            return 1.0 - self.raised.max(self.lowered);
        }
        let (f, w) = (capitals(form), capitals(written));
        if f == 0 && case_of(written) == Case::Title {
            self.raised
        } else if w < f && written.to_lowercase() == form.to_lowercase() && (w == 0 || written.starts_with(char::is_uppercase)) {
            self.lowered
        } else {
            OTHER
        }
    }
}

fn capitals(word: &str) -> usize {
    word.chars().filter(|c| c.is_uppercase()).count()
}

/// A word to judge: where it is, and whether it starts a sentence (where any first capital is
/// right).
#[derive(Clone, Copy, Debug)]
pub struct Word {
    /// Where it is.
    pub span: Span,
    /// It starts a sentence.
    pub start: bool,
    /// It stands in a heading or a label, where Title Case is the author's style.
    pub heading: bool,
    /// It is Capitalised beside another Capitalised word inside a sentence (`Web Crypto`).
    pub in_run: bool,
}

/// What the model made of an article.
pub struct Judged {
    /// The casing suspects.
    pub suspects: Vec<Suspect>,
    /// Where the words the model knows well start: there its verdict, suspect or not, replaces
    /// the rules'.
    pub known: Vec<usize>,
    /// The damage it estimated.
    pub channel: Channel,
}

/// The corpus's forms of `word`, by uses inside a sentence (or, at a sentence start, all uses),
/// if it knows the word well.
fn forms_of(model: &Model, word: &str, start: bool) -> Option<(Vec<Form>, f64)> {
    let forms: Vec<Form> = model.forms(word).collect();
    let uses = |f: &Form| if start { f.inside + f.start } else { f.inside };
    let total: u32 = forms.iter().map(uses).sum();
    (total >= KNOWN).then(|| (forms, f64::from(total)))
}

/// Judges the casing of `words` (each call of `words` gives them all, in any order).
#[must_use]
pub fn judge(text: &str, model: &Model, words: &dyn Fn(&mut dyn FnMut(Word)), lists: &mut Lists) -> Judged {
    // The damage, from every word the model knows inside a sentence: how often clean prose
    // capitalises it, against how this article writes it.
    let mut seen = [(0.0, 0.0); Channel::BUCKETS];
    // How the article writes each word the model knows (keyed by the model's commonest form),
    // inside sentences and out of headings and runs of capitals: the article as evidence.
    let mut usage: FastMap<&'static str, Vec<(&str, u32)>> = FastMap::default();
    words(&mut |w: Word| {
        if w.start || w.heading {
            return;
        }
        let word = w.span.slice(text);
        let Some((forms, total)) = forms_of(model, word, false) else { return };
        if !w.in_run {
            let seen = usage.entry(forms[0].text).or_default();
            match seen.iter_mut().find(|(f, _)| *f == word) {
                Some((_, n)) => *n += 1,
                None => seen.push((word, 1)),
            }
        }
        let caps: f64 = forms.iter().filter(|f| capitals(f.text) > 0).map(|f| f64::from(f.inside)).sum();
        let bucket = &mut seen[Channel::bucket(caps / total)];
        if capitals(word) > 0 {
            bucket.0 += 1.0;
        } else {
            bucket.1 += 1.0;
        }
    });
    let channel = Channel::estimate(&seen);
    let mut out = Judged { suspects: Vec::new(), known: Vec::new(), channel };
    let mut verdicts: FastMap<(&str, Option<&str>, Option<&str>), Option<(Vec<String>, f64)>> = FastMap::default();
    words(&mut |w: Word| {
        let word = w.span.slice(text);
        if word.chars().count() < 2 {
            return;
        }
        let Some((forms, total)) = forms_of(model, word, w.start) else { return };
        out.known.push(w.span.start);
        let (prev, next) = crate::check::neighbours(text, w.span);
        let verdict = verdicts
            .entry((word, prev, next))
            .or_insert_with(|| {
                let seen = usage.get(forms[0].text).map_or(&[][..], Vec::as_slice);
                best_reading(model, channel, word, &forms, total, w, (prev, next), seen)
            });
        if let Some((fixes, margin)) = verdict {
            out.suspects.push(Suspect { confident: *margin >= SURE, ..Suspect::new(w.span, Kind::Casing, lists.of(fixes)) });
        }
    });
    out
}

/// The casings that read better than `word` where it stands, best first, and by how much the
/// best beats it; `None` when none does.
fn best_reading(
    model: &Model,
    channel: Channel,
    word: &str,
    forms: &[Form],
    total: f64,
    w: Word,
    (prev, next): (Option<&str>, Option<&str>),
    seen: &[(&str, u32)],
) -> Option<(Vec<String>, f64)> {
    let uses = |f: &Form| f64::from(if w.start { f.inside + f.start } else { f.inside });
    // At a sentence start any first capital is right: only casings that begin with one compete.
    let fits = |t: &str| !w.start || t.starts_with(char::is_uppercase);
    let mut candidates: Vec<(&str, f64)> = forms
        .iter()
        .filter(|f| fits(f.text) && (f.text == word || uses(f) / total > RARE_FORM))
        .map(|f| (f.text, (uses(f) + 0.5) / (total + 0.5)))
        .collect();
    if !candidates.iter().any(|c| c.0 == word) {
        candidates.push((word, 0.5 / (total + 0.5)));
    }
    if candidates.len() < 2 {
        return None;
    }
    // Title Case is a heading's style, and a name's in a run of capitals (`Web Crypto`): there
    // a capital is taken down only on strong evidence. Words in capitals are emphasis
    // (`MUST NOT`) or acronyms; only the casing of a name or term replaces them.
    let written = case_of(word);
    if (written == Case::Title && w.heading) || written == Case::Upper {
        candidates.retain(|c| c.0 == word || capitals(c.0) > 0);
    }
    // A word in capitals that clean prose writes more often in lower case is emphasis (`NOT`),
    // never a fix.
    let small = forms.iter().filter(|f| capitals(f.text) == 0).map(|f| f.inside).max().unwrap_or(0);
    candidates.retain(|c| c.0 == word || case_of(c.0) != Case::Upper || forms.iter().any(|f| f.text == c.0 && f.inside > small));
    if candidates.len() < 2 {
        return None;
    }

    // P(form | neighbours) ∝ P(form | prev) · P(form | next) / P(form), each side backed off to
    // P(form); then times the chance the damage wrote it as `word`.
    let side = |counts: &[f64], p: f64, c: f64| {
        let sum: f64 = counts.iter().sum();
        (c + BACKOFF * p) / (sum + BACKOFF)
    };
    let lefts: Vec<f64> = candidates
        .iter()
        .map(|(f, _)| prev.filter(|_| !w.start).map_or(0.0, |p| f64::from(model.after(p, f))))
        .collect();
    // At a sentence start only the inner casing is in question, and the corpus counts the pairs
    // inside sentences only: the neighbours say nothing there.
    let rights: Vec<f64> = candidates
        .iter()
        .map(|(f, _)| next.filter(|_| !w.start).map_or(0.0, |n| f64::from(model.before(f, n))))
        .collect();
    // The article's other uses of the word: one casing for all of them is likelier than damage
    // to each (a name stays a name through an article).
    // Damage may strike each use of a word or every use alike, so only the other ways the
    // article writes it count, each once: where it writes both `Roden` and `roden`, one of them
    // is damage, and the model says which.
    let article = |f: &str| {
        let log: f64 = seen.iter().filter(|s| s.0 != word).map(|&(written, _)| channel.carries(f, written).ln()).sum();
        (ARTICLE * log).exp()
    };
    let scores: Vec<f64> = candidates
        .iter()
        .enumerate()
        .map(|(i, &(f, p))| {
            let left = side(&lefts, p, lefts[i]);
            let right = side(&rights, p, rights[i]);
            left * right / p * channel.carries(f, word) * article(f)
        })
        .collect();
    let written = candidates.iter().position(|c| c.0 == word)?;
    let mut order: Vec<usize> = (0..candidates.len()).filter(|&i| i != written).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    let margin = scores[*order.first()?] / scores[written];
    (margin > FLAG).then(|| {
        let fixes = order.iter().filter(|&&i| scores[i] > scores[written] * 0.01).map(|&i| candidates[i].0.to_string());
        (fixes.collect(), margin)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(text: &str) -> String {
        let model = Model::builtin();
        let spans: Vec<Span> = crate::token::tokens(text)
            .into_iter()
            .filter(|t| t.kind == crate::token::TokenKind::Word)
            .map(|t| t.span)
            .collect();
        let words = |each: &mut dyn FnMut(Word)| {
            for (i, &span) in spans.iter().enumerate() {
                each(Word { span, start: i == 0, heading: false, in_run: false });
            }
        };
        let judged = judge(text, model, &words, &mut Lists::default());
        let mut out = text.to_string();
        for s in judged.suspects.iter().rev() {
            out.replace_range(s.span.start..s.span.end, &s.suggestions[0]);
        }
        out
    }

    #[test]
    fn names_and_terms_get_their_capitals() {
        assert_eq!(fixed("We run it on linux and windows with the kubernetes api"), "We run it on Linux and Windows with the Kubernetes API");
    }

    #[test]
    fn a_clean_sentence_stays() {
        let clean = "The library reads the file and returns the lines it holds, in order, so that Rust \
                     programs on Linux and Windows can use them.";
        assert_eq!(fixed(clean), clean);
    }
}

#[cfg(test)]
mod probe {
    use super::*;

    #[test]
    #[ignore = "a probe for tuning, run by hand"]
    fn probe_tune() {
        let dir = std::env::var("PROBE_DIR").unwrap_or_else(|_| "target/eval/tune".into());
        let kind = std::env::var("PROBE_KIND").unwrap_or_else(|_| "clean".into());
        let mut names: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.to_string_lossy().ends_with(&format!(".{kind}.txt"))).collect();
        names.sort();
        let lexicon = crate::lexicon::Lexicon::new();
        for p in names {
            let text = std::fs::read_to_string(&p).unwrap();
            let checked = crate::check::check(&text, &lexicon, &crate::check::Options::default());
            let spans: Vec<Span> = crate::token::tokens(&text).into_iter().filter(|t| t.kind == crate::token::TokenKind::Word).map(|t| t.span).collect();
            let words = |each: &mut dyn FnMut(Word)| {
                let mut last: Option<usize> = None;
                let mut line = crate::casing::Line::default();
                for &span in &spans {
                    let caps = span.slice(&text).starts_with(char::is_uppercase);
                    let start = caps && crate::casing::starts_sentence(&text, last, span.start);
                    each(Word { span, start, heading: line.is_heading(&text, span.start), in_run: false });
                    last = Some(span.end);
                }
            };
            let judged = judge(&text, Model::builtin(), &words, &mut Lists::default());
            eprintln!("== {} raised {:.4} lowered {:.4}", p.display(), judged.channel.raised, judged.channel.lowered);
            for s in checked.suspects.iter().filter(|s| s.kind == crate::suspect::Kind::Casing).take(200) {
                let a = s.span.start.saturating_sub(30);
                let b = (s.span.end + 20).min(text.len());
                let ctx = text.get(a..b).unwrap_or("").replace('\n', " ");
                eprintln!("   {} -> {} {}  | {}", s.span.slice(&text), s.suggestions[0], if s.confident {"!"} else {"?"}, ctx);
            }
        }
    }
}
