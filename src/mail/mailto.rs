//! `mailto:` links (RFC 6068), as a browser or the desktop hands them to us.

/// What a `mailto:` link asks for. Addresses are kept as written (percent-decoded).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Mailto {
    pub to: Vec<String>,
    pub cc: Vec<String>,
    pub bcc: Vec<String>,
    pub subject: String,
    pub body: String,
    pub in_reply_to: Option<String>,
}

/// Parses a `mailto:` URL; `None` when it isn't one. Unknown header fields are ignored,
/// as RFC 6068 allows, so a link can never set headers we don't show the user.
pub fn parse(url: &str) -> Option<Mailto> {
    let url = url.trim();
    let scheme_len = "mailto:".len();
    if url.len() < scheme_len || !url[..scheme_len].eq_ignore_ascii_case("mailto:") {
        return None;
    }
    let rest = &url[scheme_len..];
    let (addresses, query) = rest.split_once('?').unwrap_or((rest, ""));
    let mut mailto = Mailto {
        to: split_addresses(&decode(addresses)),
        ..Mailto::default()
    };
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = decode(value);
        match decode(name).to_ascii_lowercase().as_str() {
            "to" => mailto.to.extend(split_addresses(&value)),
            "cc" => mailto.cc.extend(split_addresses(&value)),
            "bcc" => mailto.bcc.extend(split_addresses(&value)),
            "subject" => mailto.subject = value,
            // Line breaks arrive as %0D%0A; the editor wants plain newlines.
            "body" => mailto.body = value.replace("\r\n", "\n"),
            "in-reply-to" => mailto.in_reply_to = Some(value),
            _ => {}
        }
    }
    Some(mailto)
}

fn split_addresses(list: &str) -> Vec<String> {
    list.split(',')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_string)
        .collect()
}

/// Percent-decoding into UTF-8; a stray `%` or invalid UTF-8 is kept, never an error.
/// `+` stays a plus sign: mailto URLs are not form-encoded. Folder names use the same
/// escaping, so one decoder serves both.
fn decode(text: &str) -> String {
    crate::mail::store::folder::unescape_level(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_link() {
        let m = parse(
            "MAILTO:ann@btinternet.com,bob@talk21.com?cc=c%40x.org&subject=Caf%C3%A9%20today%3F\
             &body=Line%201%0D%0ALine+2&bcc=d@y.org&x-evil=1",
        )
        .unwrap();
        assert_eq!(m.to, ["ann@btinternet.com", "bob@talk21.com"]);
        assert_eq!(m.cc, ["c@x.org"]);
        assert_eq!(m.bcc, ["d@y.org"]);
        assert_eq!(m.subject, "Café today?");
        assert_eq!(m.body, "Line 1\nLine+2");
    }

    #[test]
    fn odd_input_is_kept_not_rejected() {
        let m = parse("mailto:?to=a@b.c&subject=100%").unwrap();
        assert_eq!(m.to, ["a@b.c"]);
        assert_eq!(m.subject, "100%");
        assert_eq!(parse("https://example.org"), None);
        assert_eq!(parse("mailto:").unwrap(), Mailto::default());
        assert_eq!(parse("mailto:%E2%82%AC%zz").unwrap().to, ["€%zz"]);
    }
}
