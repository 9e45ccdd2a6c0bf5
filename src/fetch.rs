//! `galley https://...`: an article fetched over HTTP(S), with a timeout, a size cap, redirects
//! followed (and said), and its format from the content type. The shell's, not the engine's:
//! the engine never touches the network.

use crate::document::{Document, MAX_BYTES};
use crate::error::{Error, Result};
use crate::markup::Format;
use std::time::Duration;
use ureq::ResponseExt;

/// How long a fetch may take in all.
const TIMEOUT: Duration = Duration::from_secs(30);
/// Redirects followed before giving up.
const REDIRECTS: u32 = 5;

/// True when `name` is an address to fetch rather than a file.
#[must_use]
pub fn is_url(name: &str) -> bool {
    let lower = name.get(..8).unwrap_or(name).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// A fetched article: the document (named by the address asked for), its format when the
/// content type says it, and where redirects led, if anywhere.
#[derive(Debug)]
pub struct Fetched {
    /// The text, read as a file would be (UTF-8, no NUL, under the cap).
    pub doc: Document,
    /// Markdown or HTML when the server says so; `None` leaves it to the extension and content.
    pub format: Option<Format>,
    /// The address the article came from after redirects, when it differs.
    pub redirected: Option<String>,
}

/// Fetches `url`, reading at most [`MAX_BYTES`]. Any failure (no answer, a status other than
/// success, a body that is not text, too large, not UTF-8) is one error naming the address.
pub fn fetch(url: &str, lossy: bool) -> Result<Fetched> {
    let fail = |why: String| Error::Fetch { url: url.to_string(), why };
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(TIMEOUT))
        .max_redirects(REDIRECTS)
        .save_redirect_history(true)
        .http_status_as_error(false)
        .user_agent(concat!("galley/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let mut response = agent.get(url).call().map_err(|e| fail(e.to_string()))?;
    let status = response.status();
    if !status.is_success() {
        return Err(fail(format!("the server answered {status}")));
    }
    let final_url = response.get_uri().to_string();
    let mime = response.body().mime_type().unwrap_or("text/plain").to_ascii_lowercase();
    let format = match mime.as_str() {
        "text/html" | "application/xhtml+xml" => Some(Format::Html),
        "text/markdown" | "text/x-markdown" => Some(Format::Markdown),
        m if m.starts_with("text/") => None,
        m => return Err(fail(format!("{m} is not an article galley can read"))),
    };
    let bytes = response.body_mut().with_config().limit(MAX_BYTES).read_to_vec().map_err(|e| match e {
        ureq::Error::BodyExceedsLimit(_) => Error::TooLarge { path: url.into(), size: MAX_BYTES + 1, limit: MAX_BYTES },
        e => fail(e.to_string()),
    })?;
    let doc = if lossy { Document::from_bytes_lossy(url, bytes)? } else { Document::from_bytes(url, bytes)? };
    let redirected = (final_url.trim_end_matches('/') != url.trim_end_matches('/')).then_some(final_url);
    Ok(Fetched { doc, format, redirected })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_told_from_files() {
        assert!(is_url("https://example.com/a.md"));
        assert!(is_url("HTTP://example.com"));
        assert!(!is_url("http.txt"));
        assert!(!is_url("./https://x"));
    }
}
