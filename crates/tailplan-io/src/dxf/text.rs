//! Text in DXF: MTEXT formatting codes and TEXT control codes stripped to plain text.

/// The plain text of an MTEXT string: paragraph breaks become spaces, formatting codes
/// (`\A1;`, `\H2.5x;`, `\fArial|b0;`, `\C1;`, `\P`, `\S1^2;`, braces...) are removed.
pub(crate) fn plain_mtext(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' | '}' => {}
            '\\' => match chars.next() {
                Some('P' | 'n' | 'X') => out.push(' '),
                Some('~') => out.push(' '),
                Some(c @ ('\\' | '{' | '}')) => out.push(c),
                // Codes with an argument up to ';'.
                Some('A' | 'H' | 'f' | 'F' | 'C' | 'c' | 'T' | 'Q' | 'W' | 'p') => {
                    for c in chars.by_ref() {
                        if c == ';' {
                            break;
                        }
                    }
                }
                // Stacked fractions: \S1^2; or \S1/2; -> 1/2.
                Some('S') => {
                    for c in chars.by_ref() {
                        match c {
                            ';' => break,
                            '^' | '#' => out.push('/'),
                            c => out.push(c),
                        }
                    }
                }
                Some('U') if chars.peek() == Some(&'+') => {
                    chars.next();
                    let hex: String = chars.by_ref().take(4).collect();
                    if let Some(ch) = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                        out.push(ch);
                    }
                }
                // On/off toggles: underline, overline, strike-through.
                Some('L' | 'l' | 'O' | 'o' | 'K' | 'k') => {}
                Some(other) => out.push(other),
                None => {}
            },
            c => out.push(c),
        }
    }
    plain_text(&out)
}

/// TEXT control codes: `%%c` ⌀, `%%d` °, `%%p` ±, `%%%` %, `%%u`/`%%o` dropped; `\U+XXXX`;
/// runs of spaces squeezed.
pub(crate) fn plain_text(s: &str) -> String {
    let s = s
        .replace("%%c", "⌀")
        .replace("%%C", "⌀")
        .replace("%%d", "°")
        .replace("%%D", "°")
        .replace("%%p", "±")
        .replace("%%P", "±")
        .replace("%%u", "")
        .replace("%%U", "")
        .replace("%%o", "")
        .replace("%%O", "")
        .replace("%%%", "%");
    let mut out = String::new();
    let mut rest = s.as_str();
    while let Some(i) = rest.find("\\U+") {
        out.push_str(&rest[..i]);
        let hex = rest.get(i + 3..i + 7).unwrap_or("");
        match u32::from_str_radix(hex, 16).ok().and_then(char::from_u32) {
            Some(ch) if hex.len() == 4 => {
                out.push(ch);
                rest = &rest[i + 7..];
            }
            _ => {
                out.push_str("\\U+");
                rest = &rest[i + 3..];
            }
        }
    }
    out.push_str(rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mtext_codes_are_stripped() {
        assert_eq!(
            plain_mtext("{\\fArial|b1|i0|c0|p34;\\C1;Salle\\Pde cours} \\H2.5x;12\\~B"),
            "Salle de cours 12 B"
        );
        assert_eq!(
            plain_mtext("\\A1;Bureau \\S1^2; \\LR\\lDC\\\\x"),
            "Bureau 1/2 RDC\\x"
        );
        assert_eq!(plain_mtext("Pi\\U+00E8ce 3"), "Pièce 3");
        assert_eq!(plain_text("%%c100 %%d %%p5"), "⌀100 ° ±5");
    }
}
