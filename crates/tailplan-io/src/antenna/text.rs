//! A pattern file's text: its bytes checked against the limits and decoded (UTF-8, else
//! Windows-1252), its lines, and numbers as the trade writes them.

use super::{PatternError, PatternLimit, PatternLimits};

/// A file's text, decoded.
#[derive(Debug)]
pub(super) struct Text {
    /// The text, without a byte order mark or DOS end-of-file marks at its end.
    pub text: String,
    /// True when the bytes were not UTF-8 and were read as Windows-1252.
    pub latin1: bool,
    /// What ends a line: `\n` (also CRLF), or `\r` for a file with no `\n`.
    pub newline: char,
}

/// Windows-1252's characters for the bytes 0x80 to 0x9F (its five unassigned bytes as
/// Latin-1's control characters); every other byte is the Latin-1 character of its value.
const CP1252: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// A byte that text does not hold: a control character other than tab, line ends and form
/// feed, or DEL.
fn is_binary(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f
}

/// The 1-based line of byte `at` (lines ended by `newline`).
fn line_of(bytes: &[u8], at: usize, newline: u8) -> usize {
    1 + bytes[..at.min(bytes.len())]
        .iter()
        .filter(|&&b| b == newline)
        .count()
}

/// Checks `bytes` against `limits` (size, then lines, counted before any is parsed), refuses
/// an empty or binary file, and decodes it.
pub(super) fn decode(
    bytes: &[u8],
    file: &str,
    limits: &PatternLimits,
) -> Result<Text, PatternError> {
    let len = bytes.len() as u64;
    if len > limits.max_bytes {
        return Err(PatternError::TooLarge {
            file: file.to_owned(),
            bytes: len,
            limit: limits.max_bytes,
        });
    }
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(PatternError::NotText {
            file: file.to_owned(),
            message: "UTF-16 text (Windows \"Unicode\"): save it as UTF-8 or ANSI".into(),
        });
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    // A DOS end-of-file mark (Ctrl-Z) may end the file; anywhere else it is binary.
    let end = bytes.iter().rposition(|&b| b != 0x1a).map_or(0, |i| i + 1);
    let bytes = &bytes[..end];
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(PatternError::Empty {
            file: file.to_owned(),
        });
    }
    let newline = if bytes.contains(&b'\n') { b'\n' } else { b'\r' };
    // Lines, counted before any is parsed: the line past the limit is named.
    let max = limits.max_lines;
    let mut lines = 1usize;
    for (i, &b) in bytes.iter().enumerate() {
        if b == newline && i + 1 < bytes.len() {
            lines += 1;
            if lines > max {
                return Err(PatternError::LimitExceeded {
                    file: file.to_owned(),
                    line: Some(lines),
                    entity: None,
                    limit: PatternLimit::Lines,
                    max: max as u64,
                });
            }
        }
    }
    if lines > max {
        return Err(PatternError::LimitExceeded {
            file: file.to_owned(),
            line: Some(lines),
            entity: None,
            limit: PatternLimit::Lines,
            max: max as u64,
        });
    }
    if let Some(at) = bytes.iter().position(|&b| is_binary(b)) {
        return Err(PatternError::NotText {
            file: file.to_owned(),
            message: format!(
                "line {}: byte {} is 0x{:02x}, a control character: an antenna pattern file (MSI, Planet) is text",
                line_of(bytes, at, newline),
                at + 1,
                bytes[at]
            ),
        });
    }
    let (text, latin1) = match std::str::from_utf8(bytes) {
        Ok(t) => (t.to_owned(), false),
        Err(_) => (
            bytes
                .iter()
                .map(|&b| match b {
                    0x80..=0x9f => CP1252[usize::from(b - 0x80)],
                    _ => char::from(b),
                })
                .collect(),
            true,
        ),
    };
    Ok(Text {
        text,
        latin1,
        newline: char::from(newline),
    })
}

impl Text {
    /// The lines, 1-based, without their line ends.
    pub(super) fn lines(&self) -> impl Iterator<Item = (usize, &str)> {
        self.text
            .split(self.newline)
            .map(|l| l.strip_suffix('\r').unwrap_or(l))
            .enumerate()
            .map(|(i, l)| (i + 1, l))
    }
}

/// A number at the start of `s` as the trade writes it: `8`, `-3.5`, `.5`, `1e-3`, `1,5` (a
/// decimal comma: one comma between digits, no point), and `NaN`, `inf`, `infinity` (read so
/// that they can be refused by name). Returns the value, the rest of `s`, and whether it had
/// a decimal comma.
pub(super) fn leading_number(s: &str) -> Option<(f64, &str, bool)> {
    let b = s.as_bytes();
    let mut i = 0;
    let negative = b.first() == Some(&b'-');
    if matches!(b.first(), Some(b'+' | b'-')) {
        i = 1;
    }
    let word = |w: &[u8]| b.len() >= i + w.len() && b[i..i + w.len()].eq_ignore_ascii_case(w);
    if word(b"nan") {
        return Some((f64::NAN, &s[i + 3..], false));
    }
    if word(b"infinity") || word(b"inf") {
        let n = if word(b"infinity") { 8 } else { 3 };
        let v = if negative {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        };
        return Some((v, &s[i + n..], false));
    }
    let digits = |mut j: usize| {
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        j
    };
    let int_end = digits(i);
    let mut end = int_end;
    let mut comma = false;
    let mut any_digit = int_end > i;
    match b.get(end) {
        Some(b'.') => {
            let frac_end = digits(end + 1);
            any_digit |= frac_end > end + 1;
            end = frac_end;
        }
        Some(b',') if int_end > i && b.get(end + 1).is_some_and(u8::is_ascii_digit) => {
            comma = true;
            end = digits(end + 1);
        }
        _ => {}
    }
    if !any_digit {
        return None;
    }
    if matches!(b.get(end), Some(b'e' | b'E')) {
        let mut j = end + 1;
        if matches!(b.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        let exp_end = digits(j);
        if exp_end > j {
            end = exp_end;
        }
    }
    let number = &s[..end];
    let value = if comma {
        number.replacen(',', ".", 1).parse::<f64>()
    } else {
        number.parse::<f64>()
    }
    .ok()?;
    Some((value, &s[end..], comma))
}

/// `s` whole as a number ([`leading_number`] with nothing after it): the value and whether it
/// had a decimal comma.
pub(super) fn number(s: &str) -> Option<(f64, bool)> {
    match leading_number(s)? {
        (v, "", comma) => Some((v, comma)),
        _ => None,
    }
}

/// `s` cut to at most 40 characters for a message, with `...` when cut, control characters
/// (tabs, and the C1 codes a terminal would obey) as spaces.
pub(super) fn clip(s: &str) -> String {
    const MAX: usize = 40;
    let cut = match s.char_indices().nth(MAX) {
        Some((at, _)) => format!("{}...", &s[..at]),
        None => s.to_owned(),
    };
    cut.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// `s` as one line of text: control characters (line breaks, tabs, C1 codes) as spaces,
/// without surrounding white space. What a name, a make or a comment line is read and
/// written as, so that writing and reading again changes nothing.
pub(super) fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_the_trade_writes_them() {
        assert_eq!(number("8"), Some((8.0, false)));
        assert_eq!(number("-3.5"), Some((-3.5, false)));
        assert_eq!(number("+.5"), Some((0.5, false)));
        assert_eq!(number("5."), Some((5.0, false)));
        assert_eq!(number("1e-3"), Some((0.001, false)));
        assert_eq!(number("1,5"), Some((1.5, true)));
        assert_eq!(number("-12,25"), Some((-12.25, true)));
        assert!(number("NaN").unwrap().0.is_nan());
        assert_eq!(number("-inf"), Some((f64::NEG_INFINITY, false)));
        assert_eq!(number("Infinity"), Some((f64::INFINITY, false)));
        assert_eq!(number("1e999"), Some((f64::INFINITY, false)));
        for not in [
            "", "-", ".", "e5", ",5", "1,", "1,5,0", "1.5,0", "0;1", "INFO", "x1",
        ] {
            assert_eq!(number(not), None, "{not}");
        }
        assert_eq!(
            leading_number("5.85dBd"),
            Some((5.85, "dBd", false)),
            "a unit right after"
        );
        assert_eq!(leading_number("2400-2500"), Some((2400.0, "-2500", false)));
        assert_eq!(leading_number("8e"), Some((8.0, "e", false)));
    }

    #[test]
    fn decoding_refuses_what_is_not_text_and_counts_lines_first() {
        let limits = PatternLimits::default();
        let t = decode(b"\xef\xbb\xbfNAME a\r\nGAIN 2\r\n", "f", &limits).unwrap();
        assert_eq!(t.text, "NAME a\r\nGAIN 2\r\n");
        assert!(!t.latin1);
        let lines: Vec<_> = t.lines().collect();
        assert_eq!(lines[..2], [(1, "NAME a"), (2, "GAIN 2")]);
        let t = decode(b"COMMENT \xfcber \x80 5\rGAIN 2", "f", &limits).unwrap();
        assert!(t.latin1);
        assert_eq!(t.lines().next(), Some((1, "COMMENT über € 5")));
        assert_eq!(
            t.lines().nth(1),
            Some((2, "GAIN 2")),
            "CR alone ends a line"
        );
        let t = decode(b"GAIN 2\r\n\x1a", "f", &limits).unwrap();
        assert_eq!(
            t.text, "GAIN 2\r\n",
            "a DOS end-of-file mark may end the file"
        );
        assert!(matches!(
            decode(b"GAIN 2\r\n\x1agarbage", "f", &limits),
            Err(PatternError::NotText { .. })
        ));

        assert!(matches!(
            decode(b"", "f", &limits),
            Err(PatternError::Empty { .. })
        ));
        assert!(matches!(
            decode(b" \r\n\t\n", "f", &limits),
            Err(PatternError::Empty { .. })
        ));
        let e = decode(b"NAME a\nGAIN \x002", "f", &limits).unwrap_err();
        assert_eq!(
            e.to_string(),
            "f: not a text file: line 2: byte 13 is 0x00, a control character: an antenna pattern file (MSI, Planet) is text"
        );
        let e = decode(b"\xff\xfeN\0A\0", "f", &limits).unwrap_err();
        assert!(e.to_string().contains("UTF-16"), "{e}");

        let small = PatternLimits {
            max_lines: 3,
            ..limits
        };
        assert!(decode(b"1\n2\n3\n", "f", &small).is_ok(), "a last line end");
        let e = decode(b"1\n2\n3\n4", "f", &small).unwrap_err();
        assert_eq!(e.to_string(), "f: line 4: more than 3 lines, the limit");
        let tiny = PatternLimits {
            max_bytes: 3,
            ..limits
        };
        assert_eq!(
            decode(b"1234", "f", &tiny).unwrap_err().limit(),
            Some(PatternLimit::Bytes)
        );
    }

    #[test]
    fn clip_cuts_on_characters() {
        assert_eq!(clip("short"), "short");
        let long = "é".repeat(50);
        assert_eq!(clip(&long), format!("{}...", "é".repeat(40)));
        assert_eq!(clip("a\tb\u{9d}c"), "a b c");
        assert_eq!(one_line(" \u{85}a\r\nb\u{9b} "), "a  b");
    }
}
