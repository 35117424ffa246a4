//! Text on paper: the sizes used, how wide a string will be, and fitting a string to a width.
//!
//! Sheets name a sans-serif family list ([`FONT_FAMILY`]); widths are estimated from
//! per-character advance widths close to Arial/Liberation Sans, slightly generous, which is
//! what label placement and table layout need (no font file is read: the sheet is a pure
//! function of the project).

/// The font families a sheet asks for, in order.
pub const FONT_FAMILY: &str = "Arial, Helvetica, 'Liberation Sans', 'DejaVu Sans', sans-serif";

/// The smallest font size on a sheet, paper millimetres: 2.7 mm gives a cap height of at
/// least 1.8 mm in Arial (0.716 em), Liberation Sans (0.688 em) and DejaVu Sans (0.729 em).
pub const MIN_FONT_MM: f64 = 2.7;

/// Labels on the plan and table rows.
pub const LABEL_MM: f64 = MIN_FONT_MM;
/// Table headers and small captions.
pub const SMALL_MM: f64 = MIN_FONT_MM;
/// Table and legend titles.
pub const HEADING_MM: f64 = 3.5;
/// Values in the title block.
pub const VALUE_MM: f64 = 3.5;
/// The sheet title in the title block.
pub const TITLE_MM: f64 = 5.0;

/// The advance width of a character, in ems.
fn advance(c: char) -> f64 {
    match c {
        ' ' | 'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.28,
        'f' | 't' | 'I' | '/' | '\\' | '(' | ')' | '[' | ']' | '-' | 'r' => 0.36,
        'm' | 'w' => 0.84,
        'M' | 'W' | '@' | '%' => 0.9,
        '—' | '…' => 1.0,
        '0'..='9' | '+' | '=' | '<' | '>' | '~' | '_' | '$' | '#' => 0.56,
        c if c.is_ascii_lowercase() => 0.56,
        c if c.is_ascii_uppercase() => 0.7,
        '×' | '≥' | '≤' | '°' | '²' | '·' => 0.6,
        c if c.is_alphabetic() => 0.7,
        _ => 0.75,
    }
}

/// The width of `s` set at `size_mm`, paper millimetres (an estimate, on the generous side).
pub fn width_mm(s: &str, size_mm: f64) -> f64 {
    s.chars().map(advance).sum::<f64>() * size_mm
}

/// The width of `s` set in bold at `size_mm` (bold is about 8 % wider).
pub fn width_bold_mm(s: &str, size_mm: f64) -> f64 {
    width_mm(s, size_mm) * 1.08
}

/// `s` shortened with an ellipsis so that it is at most `max_mm` wide at `size_mm`.
pub fn truncate(s: &str, size_mm: f64, max_mm: f64) -> String {
    if width_mm(s, size_mm) <= max_mm {
        return s.to_owned();
    }
    let budget = max_mm - width_mm("…", size_mm);
    let mut out = String::new();
    let mut w = 0.0;
    for c in s.chars() {
        let a = advance(c) * size_mm;
        if w + a > budget {
            break;
        }
        w += a;
        out.push(c);
    }
    out.push('…');
    out
}

/// The largest size from `size_mm` down to [`MIN_FONT_MM`] at which `s` fits `max_mm`, and
/// the text (shortened at the minimum size when it still does not fit).
pub fn fit(s: &str, size_mm: f64, max_mm: f64) -> (String, f64) {
    let w = width_mm(s, size_mm);
    if w <= max_mm {
        return (s.to_owned(), size_mm);
    }
    let size = (size_mm * max_mm / w).max(MIN_FONT_MM);
    let size = (size * 10.0).floor() / 10.0;
    let size = size.max(MIN_FONT_MM);
    (truncate(s, size, max_mm), size)
}

/// Units a sheet writes after a number: a line is not broken between the two ("3.9 dB", not
/// "3.9" at the end of one line and "dB" at the start of the next).
const UNITS: [&str; 9] = ["dB", "dBm", "dBi", "m", "mm", "W", "%", "GHz", "MHz"];

/// Whether `word` is a unit (see [`UNITS`]), punctuation after it aside ("dB," "m)").
fn is_unit(word: &str) -> bool {
    UNITS.contains(&word.trim_end_matches([',', ';', ':', '.', ')']))
}

/// The words of `s`, a unit kept with the number before it, an arrow with what it joins
/// ("2 → 2.74").
fn words(s: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for word in s.split_whitespace() {
        match words.last_mut() {
            Some(last)
                if (is_unit(word) && last.ends_with(|c: char| c.is_ascii_digit()))
                    || word == "→"
                    || last.ends_with('→') =>
            {
                last.push(' ');
                last.push_str(word);
            }
            _ => words.push(word.to_owned()),
        }
    }
    words
}

/// `s` broken into lines of at most `max_mm` at `size_mm`, at spaces but not between a number
/// and its unit or around an arrow (unless that alone is longer than a line); a word longer
/// than a line is broken where it must.
pub fn wrap(s: &str, size_mm: f64, max_mm: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    // A group longer than a line is broken at its own spaces after all.
    let words = words(s).into_iter().flat_map(|g| {
        if g.contains(' ') && width_mm(&g, size_mm) > max_mm {
            g.split(' ').map(str::to_owned).collect()
        } else {
            vec![g]
        }
    });
    for word in words {
        let word = word.as_str();
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if width_mm(&candidate, size_mm) <= max_mm {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // The word alone: break it if it is longer than a line.
        let mut rest = word;
        while width_mm(rest, size_mm) > max_mm {
            let mut w = 0.0;
            let mut cut = 0;
            for (i, c) in rest.char_indices() {
                w += advance(c) * size_mm;
                if w > max_mm {
                    break;
                }
                cut = i + c.len_utf8();
            }
            if cut == 0 {
                cut = rest.chars().next().map_or(rest.len(), char::len_utf8);
            }
            lines.push(rest[..cut].to_owned());
            rest = &rest[cut..];
        }
        line = rest.to_owned();
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_and_fitting() {
        assert!(
            (width_mm("AP-0-01", 2.7) - 2.7 * (0.7 * 2.0 + 0.36 * 2.0 + 0.56 * 3.0)).abs() < 1e-9
        );
        let (t, size) = fit("A long project name for a building", 5.0, 60.0);
        assert!((MIN_FONT_MM..5.0).contains(&size));
        assert!(width_mm(&t, size) <= 60.0 + 1e-9);
        let short = truncate("Very long room name indeed", 2.7, 20.0);
        assert!(short.ends_with('…'));
        assert!(width_mm(&short, 2.7) <= 20.0);
        let lines = wrap(
            "no cable: even the nearest telecom room is 90.6 m away",
            2.7,
            30.0,
        );
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| width_mm(l, 2.7) <= 30.0));
        assert_eq!(
            lines.join(" "),
            "no cable: even the nearest telecom room is 90.6 m away"
        );
        // Wherever the line ends, a number keeps its unit and an arrow what it joins, as
        // long as they fit a line together ("4.0 → 6.0 dB" is 17 mm at 2.7 mm); in lines
        // narrower than that they break at their spaces, never inside a word.
        let note = "before 13.7 dB, after 3.9 dB, held out 3.9 dB; drywall 4.0 → 6.0 dB at 5 GHz; exponent 2 → 2.74.";
        let widest = words(note)
            .iter()
            .map(|g| width_mm(g, 2.7))
            .fold(0.0, f64::max);
        assert!((15.0..20.0).contains(&widest), "{widest}");
        for max in [12.0, 15.0, 20.0, 25.0, 30.0, 40.0] {
            let lines = wrap(note, 2.7, max);
            assert_eq!(lines.join(" "), note, "{max} mm");
            assert!(lines.iter().all(|l| width_mm(l, 2.7) <= max), "{max} mm");
            for l in lines.iter().filter(|_| max >= widest) {
                let first = l.split(' ').next().unwrap();
                assert!(
                    !is_unit(first) && first != "→" && !l.ends_with('→'),
                    "{max} mm: a line starts with {first} or ends with an arrow: {lines:?}"
                );
            }
        }
        assert_eq!(wrap("", 2.7, 10.0), [""]);
        assert!(wrap("AVERYLONGWORDWITHOUTSPACES", 2.7, 10.0).len() > 1);
    }
}
