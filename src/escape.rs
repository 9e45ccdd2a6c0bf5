//! Control characters made visible. An article, a file name, a word list or the config may
//! carry terminal escapes (`ESC ] 0 ; title BEL` retitles a terminal, `ESC [ 2 J` clears it, and
//! C1 controls such as U+009B act as escapes in some terminals). Nothing from them reaches a
//! terminal raw: each control character is shown as one visible character of width one.
//!
//! - C0 controls (U+0000-U+001F) become their Control Pictures (`␛` for ESC, `␇` for BEL);
//! - DEL becomes `␡`;
//! - C1 controls (U+0080-U+009F), which have no pictures, become U+FFFD `�`.

use std::borrow::Cow;
use std::io::Write;

/// The visible stand-in for `c` if it is a control character, else `None`.
#[must_use]
pub fn visible_char(c: char) -> Option<char> {
    match c {
        '\0'..='\u{1f}' => char::from_u32(0x2400 + u32::from(c)),
        '\u{7f}' => Some('\u{2421}'),
        '\u{80}'..='\u{9f}' => Some(char::REPLACEMENT_CHARACTER),
        _ => None,
    }
}

/// `s` with every control character made visible, tab and newline too (one line of a screen:
/// a file name, a message, a prompt). The article pane shows tabs as spaces itself.
#[must_use]
pub fn visible_line(s: &str) -> Cow<'_, str> {
    if !has_control(s) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(|c| visible_char(c).unwrap_or(c)).collect())
}

/// True when `s` holds a control character (a word from a list must not).
#[must_use]
pub fn has_control(s: &str) -> bool {
    s.chars().any(|c| visible_char(c).is_some())
}

/// A writer that makes every control character but tab and newline visible on its way to
/// `W`, for text commands whose output goes to a terminal. It works on bytes, so a character
/// split across two writes is still seen whole.
pub struct Visible<W: Write> {
    inner: W,
    /// The last byte written was 0xC2, which starts a C1 control or another character.
    lead: bool,
}

impl<W: Write> Visible<W> {
    /// Wraps `inner`.
    pub const fn new(inner: W) -> Self {
        Self { inner, lead: false }
    }
}

impl<W: Write> Write for Visible<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut out = Vec::with_capacity(buf.len() + 8);
        let push = |out: &mut Vec<u8>, c: char| out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
        for &b in buf {
            if std::mem::take(&mut self.lead) {
                if (0x80..=0x9f).contains(&b) {
                    push(&mut out, char::REPLACEMENT_CHARACTER);
                    continue;
                }
                out.push(0xc2);
            }
            match b {
                0xc2 => self.lead = true,
                b'\t' | b'\n' => out.push(b),
                0x00..=0x1f | 0x7f => push(&mut out, visible_char(char::from(b)).unwrap_or('?')),
                _ => out.push(b),
            }
        }
        self.inner.write_all(&out)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if std::mem::take(&mut self.lead) {
            self.inner.write_all(&[0xc2])?;
        }
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_bells_deletes_and_c1_controls_become_visible() {
        assert_eq!(visible_line("a\u{1b}]0;pwned\u{7}b\u{9b}2J\u{7f}c"), "a␛]0;pwned␇b\u{fffd}2J␡c");
        assert_eq!(visible_line("a\tb\nc"), "a␉b␊c");
        assert!(matches!(visible_line("plain text, café"), Cow::Borrowed(_)));
        assert!(has_control("x\u{0}y") && !has_control("no controls"));
    }

    #[test]
    fn the_writer_shows_controls_even_when_a_character_is_split_between_writes() {
        let mut out = Visible::new(Vec::new());
        let text = "a\u{1b}[2J\tb\r\u{9b}c é\u{a0}\n".as_bytes();
        for chunk in text.chunks(1) {
            out.write_all(chunk).expect("write");
        }
        out.flush().expect("flush");
        assert_eq!(String::from_utf8(out.inner).expect("utf-8"), "a␛[2J\tb␍\u{fffd}c é\u{a0}\n");
    }
}
