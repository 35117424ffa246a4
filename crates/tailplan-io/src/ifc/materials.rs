//! A building model's material names (`Masonry - Brick`, `Stahlbeton`, `Gipskarton`) mapped
//! to the library's materials, in English, German and French, and the one a layered wall
//! takes.

use tailplan_core::MaterialLibrary;

/// Words naming each of the library's materials, tried in order: the first material with a
/// word in the name wins. Words match the start of a word of the name, folded to lower-case
/// ASCII (`ä` is `a`), so `beton` matches `Stahlbeton-Wand` and `Betonwand` alike through
/// their compound parts.
const RULES: &[(&str, &[&str])] = &[
    // What gives a wall no material of its own: air gaps, insulation, membranes, finishes.
    (
        "",
        &[
            "air",
            "luft",
            "insul",
            "dammung",
            "daemmung",
            "isolant",
            "isolation",
            "membrane",
            "barrier",
            "vapour",
            "vapor",
            "paint",
            "putz",
            "plaster finish",
            "render",
            "cladding",
            "finish",
            "tile",
            "fliese",
            "carrelage",
            "grass",
            "site",
            "soil",
            "erde",
        ],
    ),
    (
        "glass",
        &[
            "glass",
            "glas",
            "verre",
            "vitrage",
            "glazing",
            "verglasung",
            "vidrio",
            "vetro",
        ],
    ),
    (
        "concrete",
        &[
            "concrete",
            "beton",
            "stahlbeton",
            "cement",
            "zement",
            "cast in situ",
            "cast-in-place",
            "ortbeton",
            "precast",
            "fertigteil",
            "reinforced",
            "hormigon",
            "calcestruzzo",
        ],
    ),
    (
        "brick",
        &[
            "brick",
            "ziegel",
            "mauerwerk",
            "masonry",
            "brique",
            "maconnerie",
            "block",
            "cmu",
            "kalksandstein",
            "porenbeton",
            "stone",
            "stein",
            "naturstein",
            "clay",
            "ladrillo",
        ],
    ),
    (
        "drywall",
        &[
            "gypsum",
            "plasterboard",
            "plaster",
            "gips",
            "gipskarton",
            "trockenbau",
            "drywall",
            "placo",
            "platre",
            "stud",
            "standerwerk",
            "staenderwerk",
            "partition",
            "gyp",
        ],
    ),
    (
        "metal",
        &[
            "metal",
            "steel",
            "stahl ",
            "acier",
            "alumin",
            "kupfer",
            "copper",
            "sheet metal",
        ],
    ),
    (
        "wood",
        &[
            "wood",
            "holz",
            "timber",
            "lumber",
            "plywood",
            "sperrholz",
            "osb",
            "bois",
            "madera",
            "legno",
            "joist",
        ],
    ),
];

/// The name folded for matching: lower-case, umlauts and accents to their base letters,
/// anything else not a letter or digit a space.
fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 2);
    out.push(' ');
    for c in name.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'ä' | 'à' | 'á' | 'â' | 'å' => 'a',
            'ö' | 'ó' | 'ò' | 'ô' => 'o',
            'ü' | 'ú' | 'ù' | 'û' => 'u',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'ç' => 'c',
            'ß' => 's',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            c if c.is_alphanumeric() => c,
            _ => ' ',
        };
        out.push(c);
    }
    out.push(' ');
    out
}

/// The library material a model's material name stands for: `Some("")` for what gives a
/// wall no material of its own (air, insulation, finishes), `None` when no rule matches.
pub fn map(name: &str) -> Option<&'static str> {
    let f = fold(name);
    RULES.iter().find_map(|(material, words)| {
        words
            .iter()
            .any(|w| {
                // At a word's start; a trailing space in the rule asks for a whole word.
                let whole = w.ends_with(' ');
                let w = w.trim_end();
                f.match_indices(w).any(|(i, _)| {
                    let starts =
                        f.as_bytes().get(i.wrapping_sub(1)) == Some(&b' ') || word_part(&f, i);
                    starts && (!whole || f.as_bytes().get(i + w.len()) == Some(&b' '))
                })
            })
            .then_some(*material)
    })
}

/// True when the match at `i` is a compound's later part worth taking (`stahlbeton`'s
/// `beton`): a part of five letters or more.
fn word_part(folded: &str, i: usize) -> bool {
    let rest: String = folded[i..]
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect();
    rest.len() >= 5 && i > 0
}

/// The material of a wall of several layers: of the layers that map to a material, the one
/// that attenuates most at 5 GHz in `library` (a radio wave crosses every layer, and the
/// heaviest dominates the loss).
pub fn strongest<'a>(
    materials: impl IntoIterator<Item = &'a str>,
    library: &MaterialLibrary,
) -> Option<&'a str> {
    let loss = |m: &str| {
        library
            .get(m)
            .map_or(0.0, |w| w.loss_db.at(tailplan_core::Band::Ghz5))
    };
    materials
        .into_iter()
        .filter(|m| !m.is_empty())
        .fold(None, |best: Option<&str>, m| match best {
            Some(b) if loss(b) >= loss(m) => Some(b),
            _ => Some(m),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_as_tools_write_them() {
        for (name, want) in [
            ("Masonry - Brick", Some("brick")),
            ("Masonry - Concrete Block", Some("concrete")),
            ("Stahl", Some("metal")),
            ("Concrete - Cast In Situ", Some("concrete")),
            ("Stahlbeton", Some("concrete")),
            ("Beton C25/30", Some("concrete")),
            ("Mauerwerk Ziegel", Some("brick")),
            ("Kalksandstein", Some("brick")),
            ("Gipskarton", Some("drywall")),
            ("Plasterboard", Some("drywall")),
            ("Metal - Stud Layer", Some("drywall")),
            ("Metallständerwerk", Some("drywall")),
            ("Trockenbau", Some("drywall")),
            ("Glas", Some("glass")),
            ("Verre feuilleté", Some("glass")),
            ("Wood - Sheathing - plywood", Some("wood")),
            ("Holz", Some("wood")),
            ("Metal - Steel - 345 MPa", Some("metal")),
            ("Misc. Air Layers - Air Space", Some("")),
            ("Insulation / Thermal Barriers - Rigid insulation", Some("")),
            ("Dämmung", Some("")),
            ("Unobtainium", None),
        ] {
            assert_eq!(map(name), want, "{name}");
        }
    }

    #[test]
    fn a_layered_wall_takes_its_heaviest_layer() {
        let lib = MaterialLibrary::default();
        assert_eq!(
            strongest(["drywall", "", "brick", "drywall"], &lib),
            Some("brick")
        );
        assert_eq!(strongest(["drywall", "concrete"], &lib), Some("concrete"));
        assert_eq!(strongest([""], &lib), None);
    }
}
