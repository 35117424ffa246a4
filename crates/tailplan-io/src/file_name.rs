//! File names: [`slug`], the one way a floor id or a name becomes part of a file name.

/// A floor id or a name as part of a file name: ASCII letters, digits, `-` and `_` kept,
/// anything else `_`; `_` for an empty one. Sheets (`cabling-ID.svg`), the CLI's per-floor
/// and per-map files and the editor's downloads all name files with it.
///
/// ```
/// assert_eq!(tailplan_io::file_name::slug("Level 2/B"), "Level_2_B");
/// assert_eq!(tailplan_io::file_name::slug("1.5"), "1_5");
/// assert_eq!(tailplan_io::file_name::slug(""), "_");
/// assert_eq!(tailplan_io::file_name::slug(".."), "__");
/// ```
pub fn slug(id: &str) -> String {
    let s: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if s.is_empty() { "_".into() } else { s }
}
