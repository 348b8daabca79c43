//! Byte-level checks and decoding: binary sniffing, BOMs, UTF-16, UTF-8,
//! and the legacy encodings (windows-1252, windows-1251, Shift_JIS...) a
//! page names in its `charset` or, failing that, that its bytes show.

/// How many leading bytes the binary check looks at.
const SNIFF_LEN: usize = 8 * 1024;

/// Result of decoding an input's bytes.
pub(crate) struct Decoded {
    /// The text.
    pub text: String,
    /// True when invalid UTF-8 was replaced.
    pub lossy: bool,
    /// The legacy encoding the text was decoded from when no `charset`
    /// named it and its bytes were guessed at (chardetng).
    pub guessed: Option<&'static str>,
}

impl Decoded {
    fn utf8(text: String, lossy: bool) -> Decoded {
        Decoded {
            text,
            lossy,
            guessed: None,
        }
    }

    /// What a reader of the document should be told about its decoding:
    /// replaced bytes, or an encoding guessed.
    pub(crate) fn warning(&self) -> Option<String> {
        match self.guessed {
            Some(enc) => Some(format!(
                "not valid UTF-8 and no charset named: decoded as {enc}, as its bytes suggest"
            )),
            None => self.lossy.then(|| NOT_UTF8.to_string()),
        }
    }
}

/// Which UTF-16 byte order a BOM announces, if any.
fn utf16_bom(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xFF, 0xFE, ..] => Some(true),
        [0xFE, 0xFF, ..] => Some(false),
        _ => None,
    }
}

/// The byte order of UTF-16 text without a BOM, guessed from its head:
/// mostly Latin-script UTF-16 has a NUL in every other byte (the high byte
/// of each code unit). True for little-endian.
fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    let head = &bytes[..bytes.len().min(SNIFF_LEN) & !1];
    let pairs = head.len() / 2;
    if pairs < 4 {
        return None;
    }
    let (mut le, mut be) = (0usize, 0usize);
    for c in head.chunks_exact(2) {
        match (c[0], c[1]) {
            (a, 0) if a != 0 => le += 1,
            (0, b) if b != 0 => be += 1,
            _ => {}
        }
    }
    // Nine pairs in ten with the NUL on the same side.
    if le * 10 >= pairs * 9 {
        Some(true)
    } else if be * 10 >= pairs * 9 {
        Some(false)
    } else {
        None
    }
}

/// True when the bytes are UTF-16 (with or without a BOM).
pub(crate) fn is_utf16(bytes: &[u8]) -> bool {
    utf16(bytes).is_some()
}

/// The UTF-16 byte order (true: little-endian) and the BOM length, when
/// the bytes are UTF-16.
fn utf16(bytes: &[u8]) -> Option<(bool, usize)> {
    utf16_bom(bytes)
        .map(|le| (le, 2))
        .or_else(|| utf16_without_bom(bytes).map(|le| (le, 0)))
}

/// Why the bytes look binary, if they do. UTF-16 with a BOM is not binary.
pub(crate) fn binary_reason(bytes: &[u8]) -> Option<&'static str> {
    if utf16(bytes).is_some() {
        return None;
    }
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    if memchr::memchr(0, head).is_some() {
        return Some("binary file (NUL bytes)");
    }
    if head.is_empty() {
        return None;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B) || b == 0x7F)
        .count();
    // More than one in ten bytes a control character: not text.
    if control * 10 > head.len() {
        return Some("binary file (control characters)");
    }
    None
}

/// Decodes bytes to text: strips a UTF-8 BOM, decodes UTF-16 (with a BOM,
/// or without one when every other byte is NUL), and UTF-8; bytes that are
/// not UTF-8 as [`legacy`] reads them.
pub(crate) fn decode(bytes: &[u8]) -> Decoded {
    decode_with_charset(bytes, None)
}

/// [`decode`], with the `charset` a transport named (an HTTP
/// `Content-Type`): it decides for bytes that are not UTF-8.
pub(crate) fn decode_with_charset(bytes: &[u8], charset: Option<&str>) -> Decoded {
    if let Some((le, bom)) = utf16(bytes) {
        let body = &bytes[bom..];
        let units = body.chunks(2).map(|c| match (c, le) {
            ([a, b], true) => u16::from_le_bytes([*a, *b]),
            ([a, b], false) => u16::from_be_bytes([*a, *b]),
            // An odd trailing byte: not a whole code unit.
            _ => 0xFFFD,
        });
        let mut lossy = body.len() % 2 == 1;
        let text: String = char::decode_utf16(units)
            .map(|r| {
                r.unwrap_or_else(|_| {
                    lossy = true;
                    char::REPLACEMENT_CHARACTER
                })
            })
            .collect();
        return Decoded::utf8(text, lossy);
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Decoded::utf8(s.to_string(), false),
        Err(_) => legacy(bytes, charset),
    }
}

/// [`decode`] taking ownership: valid UTF-8 (the usual case) becomes the
/// text without a copy, so a large input is held once, not twice.
pub(crate) fn decode_owned(bytes: Vec<u8>) -> Decoded {
    if utf16(&bytes).is_some() || bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return decode(&bytes);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Decoded::utf8(text, false),
        Err(e) => legacy(e.as_bytes(), None),
    }
}

/// Text that is not UTF-8: in the encoding `charset` or the page's own
/// `<meta charset>` names (one a browser would use: a label of UTF-8 or
/// UTF-16 names none); else, when it is mostly UTF-8 with a few bad bytes
/// (valid multi-byte characters at least as many as the bad sequences),
/// UTF-8 with replacement characters; else in the encoding its bytes
/// suggest (chardetng, as Firefox guesses an unlabelled page).
fn legacy(bytes: &[u8], charset: Option<&str>) -> Decoded {
    let named = charset
        .and_then(|c| encoding_rs::Encoding::for_label(c.trim().as_bytes()))
        .or_else(|| meta_charset(bytes))
        .filter(|e| {
            ![
                encoding_rs::UTF_8,
                encoding_rs::UTF_16LE,
                encoding_rs::UTF_16BE,
                encoding_rs::REPLACEMENT,
            ]
            .contains(e)
        });
    if let Some(enc) = named {
        let (text, lossy) = enc.decode_without_bom_handling(bytes);
        return Decoded::utf8(text.into_owned(), lossy);
    }
    if mostly_utf8(bytes) {
        return Decoded::utf8(String::from_utf8_lossy(bytes).into_owned(), true);
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let enc = detector.guess(None, false);
    let (text, lossy) = enc.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        lossy,
        guessed: Some(enc.name()),
    }
}

/// True when `bytes` hold at least as many valid multi-byte UTF-8
/// characters as invalid sequences, and some.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut valid, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    valid > 0 && valid >= invalid
}

/// The encoding a page's `<meta charset="…">` or `<meta http-equiv
/// content="…; charset=…">` names in its first 4 KB (the HTML standard's
/// pre-scan looks at 1 KB; pages with long heads put it later).
fn meta_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = bytes.get(..bytes.len().min(4096)).unwrap_or(bytes);
    let head = head.to_ascii_lowercase();
    let mut rest = head.as_slice();
    while let Some(at) = memchr::memmem::find(rest, b"<meta") {
        let tag = &rest[at..];
        let end = memchr::memchr(b'>', tag).unwrap_or(tag.len());
        let tag = &tag[..end];
        if let Some(c) = memchr::memmem::find(tag, b"charset=") {
            let value = tag[c + 8..]
                .iter()
                .skip_while(|b| matches!(b, b'"' | b'\'' | b' '))
                .take_while(|b| !matches!(b, b'"' | b'\'' | b' ' | b';' | b'/' | b'>'))
                .copied()
                .collect::<Vec<u8>>();
            if let Some(enc) = encoding_rs::Encoding::for_label(&value) {
                return Some(enc);
            }
        }
        rest = &rest[at + 5..];
    }
    None
}

/// The message for lossy decoding.
pub(crate) const NOT_UTF8: &str = "not valid UTF-8: decoded with replacement characters";

/// Formats a byte count for messages ("12.3 MB", "10 MB", "512 bytes").
pub(crate) fn human_size(n: u64) -> String {
    const KB: f64 = 1024.0;
    const MB: f64 = 1024.0 * 1024.0;
    let f = n as f64;
    let fmt = |v: f64, unit: &str| {
        let s = format!("{v:.1}");
        let s = s.strip_suffix(".0").unwrap_or(&s).to_string();
        format!("{s} {unit}")
    };
    if f >= MB {
        fmt(f / MB, "MB")
    } else if f >= KB {
        fmt(f / KB, "KB")
    } else if n == 1 {
        "1 byte".to_string()
    } else {
        format!("{n} bytes")
    }
}

/// The message for an input over the size limit.
pub(crate) fn too_large(size: u64, limit: u64) -> String {
    format!(
        "{} is over the {} limit (--max-bytes)",
        human_size(size),
        human_size(limit)
    )
}

/// True when the text looks like markup (a tag somewhere).
pub(crate) fn looks_like_markup(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        let at = i + off;
        if let Some(&next) = b.get(at + 1) {
            if next.is_ascii_alphabetic() || next == b'/' || next == b'!' {
                if let Some(end) = memchr::memchr(b'>', &b[at..]) {
                    if end < 2000 {
                        return true;
                    }
                }
            }
        }
        i = at + 1;
    }
    false
}

/// True when an HTML page opens `<html>` or `<body>` but never closes it.
pub(crate) fn html_truncated(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let opens = |tag: &str| {
        let pat = format!("<{tag}");
        lower.match_indices(&pat).any(|(i, _)| {
            matches!(
                lower.as_bytes().get(i + pat.len()),
                Some(b'>' | b' ' | b'\t' | b'\n' | b'\r')
            )
        })
    };
    (opens("html") && !lower.contains("</html")) || (opens("body") && !lower.contains("</body"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(human_size(10 * 1024 * 1024), "10 MB");
        assert_eq!(human_size(12_897_485), "12.3 MB");
        assert_eq!(human_size(100), "100 bytes");
    }

    #[test]
    fn markup() {
        assert!(looks_like_markup("<p>Hi</p>"));
        assert!(!looks_like_markup("a < b and c > d"));
    }
}
