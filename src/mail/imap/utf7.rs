//! IMAP's modified UTF-7 for folder names (RFC 3501 section 5.1.3), as the sync engine
//! uses it: one codec for the whole engine lives in `store::folder`.

use crate::mail::store::folder::{decode_imap_utf7, encode_imap_utf7};

/// Decodes a folder name as the server sends it. A malformed name is shown as sent, so a
/// broken name still appears and still round-trips through [`encode`].
pub fn decode(name: &str) -> String {
    decode_imap_utf7(name).unwrap_or_else(|| name.to_string())
}

pub fn encode(name: &str) -> String {
    encode_imap_utf7(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for (plain, wire) in [
            ("Entwürfe", "Entw&APw-rfe"),
            ("Tom & Jerry", "Tom &- Jerry"),
            ("台北", "&U,BTFw-"),
            ("Gwybodaeth ŵ ŷ", "Gwybodaeth &AXU- &AXc-"),
            ("INBOX", "INBOX"),
            ("📬 Post", "&2D3c7A- Post"),
        ] {
            assert_eq!(encode(plain), wire, "{plain}");
            assert_eq!(decode(wire), plain, "{wire}");
        }
        assert_eq!(decode("bad&***-x"), "bad&***-x");
    }
}
