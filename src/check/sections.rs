//! A long text is checked a section at a time, so that what the check holds at once is bounded
//! by the section, not by the text: 10 MB of random words held 1.6 M suspects and a list of
//! fixes for each (234 MB), where issue 13's budget is 64 MB and three times the article.
//!
//! A section is about [`SECTION`] bytes, and ends where a reader would pause: after a blank line,
//! else after a line, else after a sentence, else after a space, and only when none of those
//! falls in its second half, at a character boundary. Each section is an article of its own to
//! the check: its damage, dialect and own names are judged from its words alone. An article
//! (tens of kilobytes) or a book of a few hundred pages is one section, checked whole.

use crate::span::Span;

/// The most bytes a section holds. Half a megabyte is a long book's worth of words (about
/// 85,000): evidence enough for every estimate the check makes of an article, and with it the
/// check of 10 MB of random words peaks at about 80 MB.
pub const SECTION: usize = 64 * 1024;

/// `text` cut into sections of at most `most` bytes (at least 8), in order, covering it with no
/// gap: one section for a text no longer than `most` (an empty one for an empty text). Linear:
/// each cut reads at most the second half of its section, four times.
#[must_use]
pub fn sections(text: &str, most: usize) -> Vec<Span> {
    let most = most.max(8);
    let mut out = Vec::with_capacity(text.len() / most + 1);
    let mut start = 0;
    while text.len() - start > most {
        let end = cut(text, start, most);
        out.push(Span::new(start, end));
        start = end;
    }
    out.push(Span::new(start, text.len()));
    out
}

/// Where the section that starts at `start` ends: just past the last pause in the second half of
/// its `most` bytes, the strongest pause first.
fn cut(text: &str, start: usize, most: usize) -> usize {
    let bytes = text.as_bytes();
    let (lo, hi) = (start + most / 2, start + most);
    let window = || (lo..hi).rev();
    // A blank line: two line ends with nothing but blanks between them.
    let mut line_end: Option<usize> = None;
    for i in window() {
        match bytes[i] {
            b'\n' if line_end.is_some() => return line_end.map_or(hi, |n| n + 1),
            b'\n' => line_end = Some(i),
            b' ' | b'\t' | b'\r' => {}
            _ => line_end = None,
        }
    }
    let line: &dyn Fn(usize) -> bool = &|i| bytes[i] == b'\n';
    let sentence: &dyn Fn(usize) -> bool = &|i| bytes[i] == b' ' && matches!(bytes[i - 1], b'.' | b'?' | b'!');
    let space: &dyn Fn(usize) -> bool = &|i| bytes[i] == b' ';
    [line, sentence, space].into_iter().find_map(|pause| window().find(|&i| pause(i))).map_or_else(
        || {
            let mut at = hi;
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            at
        },
        |i| i + 1,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sections of `text` at `most` bytes, as text, after checking that they cover it.
    fn cut_into(text: &str, most: usize) -> Vec<&str> {
        let spans = sections(text, most);
        assert_eq!(spans.first().map(|s| s.start), Some(0));
        assert_eq!(spans.last().map(|s| s.end), Some(text.len()));
        assert!(spans.windows(2).all(|w| w[0].end == w[1].start), "no gap, no overlap");
        assert!(spans.iter().all(|s| s.len() <= most.max(8)));
        spans.iter().map(|s| s.get(text).expect("on a character boundary")).collect()
    }

    #[test]
    fn a_text_no_longer_than_a_section_is_checked_whole() {
        assert_eq!(cut_into("The kuberanetes clustr.\n\nIt runs.", 64), ["The kuberanetes clustr.\n\nIt runs."]);
        assert_eq!(cut_into("", 64), [""]);
    }

    #[test]
    fn a_long_text_is_cut_after_a_blank_line() {
        let text = "First paragraph, one line.\nIts second line goes on.\n\nThe next one starts here.";
        assert_eq!(
            cut_into(text, 60),
            ["First paragraph, one line.\nIts second line goes on.\n\n", "The next one starts here."]
        );
        // A blank line may hold blanks, and end lines the Windows way.
        let text = "First paragraph, one line.\r\nIts second line goes on.\r\n \r\nThe next one.";
        assert_eq!(cut_into(text, 60)[1], "The next one.");
    }

    #[test]
    fn a_text_with_no_blank_line_is_cut_after_a_line() {
        let text = "A line of words that runs on,\nand the next line of it,\nand a third.";
        assert_eq!(cut_into(text, 60), ["A line of words that runs on,\nand the next line of it,\n", "and a third."]);
    }

    #[test]
    fn one_line_is_cut_after_a_sentence_and_else_between_words() {
        let text = "A first sentence ends right here. Then another goes on without end";
        assert_eq!(cut_into(text, 50), ["A first sentence ends right here. ", "Then another goes on without end"]);
        let text = "words and words and words and words and more words";
        assert_eq!(cut_into(text, 20), ["words and words and ", "words and words and ", "more words"]);
    }

    #[test]
    fn a_run_with_no_pause_is_cut_on_a_character_boundary() {
        let text = "é".repeat(40);
        let parts = cut_into(&text, 25);
        assert_eq!(parts.concat(), text);
        assert_eq!(parts[0], "é".repeat(12));
    }
}
