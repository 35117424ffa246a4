//! Which role a drawing layer plays: default rules by name, in several languages and in the
//! AIA (`A-WALL`, `A-GLAZ`, `A-DOOR`) and ISO 13567 conventions, and the user's own mapping
//! (`--layers "A-320G*=drywall,A-210*=concrete"`, a table in the editor).
//!
//! The user's mapping wins; then the first default rule whose word appears in the layer's
//! name (case and accents ignored); a layer no rule knows is ignored (it stays in the
//! underlay), unless no layer at all maps to walls, in which case the importer makes the
//! unknown layers drywall walls and says so.

use tailplan_core::{LayerRole, MappingSource};

/// The user's mapping: glob patterns (`*` any text, `?` one character, case-insensitive) to
/// roles, tried in order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LayerMap {
    /// (pattern, role) pairs, first match wins.
    pub rules: Vec<(String, LayerRole)>,
}

impl std::str::FromStr for LayerMap {
    type Err = String;

    /// `PATTERN=ROLE[,PATTERN=ROLE...]`; a role is `door`, `window`, `room`, `label`,
    /// `ignore`, `wall`, `wall:MATERIAL` or a material name.
    fn from_str(s: &str) -> Result<Self, String> {
        let mut rules = Vec::new();
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (pattern, role) = part
                .rsplit_once('=')
                .ok_or_else(|| format!("\"{part}\" is not PATTERN=ROLE"))?;
            let role: LayerRole = role.parse().map_err(|e| format!("\"{part}\": {e}"))?;
            if pattern.trim().is_empty() {
                return Err(format!("\"{part}\" has no layer pattern"));
            }
            rules.push((pattern.trim().to_owned(), role));
        }
        Ok(Self { rules })
    }
}

impl LayerMap {
    /// The user's role for `layer`, if a pattern matches.
    pub fn role_of(&self, layer: &str) -> Option<LayerRole> {
        self.rules
            .iter()
            .find(|(p, _)| glob(&p.to_lowercase(), &layer.to_lowercase()))
            .map(|(_, r)| r.clone())
    }
}

/// Glob match with `*` and `?`.
pub fn glob(pattern: &str, text: &str) -> bool {
    let (p, t): (Vec<char>, Vec<char>) = (pattern.chars().collect(), text.chars().collect());
    let (mut pi, mut ti, mut star, mut mark) = (0, 0, None, 0);
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = ti;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ti = mark;
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

/// Lower case, accents folded, every non-alphanumeric character a space.
fn fold(name: &str) -> String {
    name.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            'ß' => 's',
            c if c.is_alphanumeric() => c,
            _ => ' ',
        })
        .collect()
}

/// What a default rule maps to.
#[derive(Clone, Copy)]
enum R {
    Wall(&'static str),
    Door,
    Window,
    Room,
    Label,
    Ignore,
}

/// Default rules, tried in order: the first whose word is in the layer's name wins. A word
/// ending in `*` matches as a prefix of a word of the name; others match a whole word, or a
/// prefix of a compound word when longer than five letters (`wand` in `Wandelement` does not,
/// `beton` in `Betonwand` does).
const RULES: &[(&str, R)] = &[
    // Things that are not walls even when their names say "wall": furniture, annotation.
    (
        "trager traeger stahltraeger stahltrager beam* balken querbalken poutre poutres viga trave unterzug furn* mobilier mobel moebel mueble arredo equip* dim* cota cotation bemassung hatch* schraffur hachure patt pattern grid axis axes raster achse trame anno* iden symb* title cartouche plankopf viewport defpoints",
        R::Ignore,
    ),
    (
        "door* tur tuer ture turen tueren porte portes puerta puertas porta porte tor tore",
        R::Door,
    ),
    // Glazing before walls: "A-WALL-GLAZ", "Glaswand".
    (
        "glaz* glass* glas verre vitr* vidrio vetro fenetre fenster window* ventana finestra wind curtain* cw",
        R::Window,
    ),
    // Structure: concrete.
    (
        "beton* concrete conc cncr struct* structure tragend porteur voile stahlbeton hormigon calcestruzzo cemento core cols col column* stuetze stutze poteau pilier shaft schacht facade fassade fachada facciata exterior extr ext aussenwand murext",
        R::Wall("concrete"),
    ),
    (
        "brick* ziegel mauerwerk brique maconnerie ladrillo mattone masonry mas* block",
        R::Wall("brick"),
    ),
    ("metal* steel* stahl* acier acero", R::Wall("metal")),
    (
        "wall* walls wand wande waende mur murs muro muros parete pareti partition* part cloison* trennwand trockenbau plaster* gips gipskarton drywall gyp* gypsum placo tabique tramezzo",
        R::Wall("drywall"),
    ),
    (
        "text* texte label* beschriftung etiquette nom name names numero number num* rmno",
        R::Label,
    ),
    (
        "room* rooms raum raume raeume piece* pieces zone* zind local* locaux space* spaces area* flor area espacio stanza stanze habitacion",
        R::Room,
    ),
];

/// ISO 13567 / AIA agent-major-group codes that name a role on their own (`A-WALL`, `A-DOOR`
/// are caught by the word rules; these are the numbered ones: `A-210` external walls...).
fn iso_code(folded: &str) -> Option<R> {
    let mut words = folded.split_whitespace();
    let (Some("a"), Some(code)) = (words.next(), words.next()) else {
        return None;
    };
    let digits: String = code.chars().take_while(char::is_ascii_digit).collect();
    match digits.get(..2)? {
        "21" => Some(R::Wall("concrete")), // external walls
        "22" => Some(R::Wall("drywall")),  // internal walls
        "23" => Some(R::Ignore),           // floors and ceilings
        "31" => Some(R::Window),           // external wall completions: windows
        "32" => Some(R::Door),             // internal completions: doors
        _ => None,
    }
}

impl R {
    fn role(self) -> LayerRole {
        match self {
            R::Wall(m) => LayerRole::Wall(m.to_owned()),
            R::Door => LayerRole::Door,
            R::Window => LayerRole::Window,
            R::Room => LayerRole::Room,
            R::Label => LayerRole::Label,
            R::Ignore => LayerRole::Ignored,
        }
    }
}

fn word_matches(rule: &str, word: &str) -> bool {
    match rule.strip_suffix('*') {
        Some(prefix) => word.starts_with(prefix),
        None => word == rule || (rule.len() > 5 && word.starts_with(rule)),
    }
}

/// The default role of a layer name, `None` when no rule knows it.
pub fn default_role(name: &str) -> Option<LayerRole> {
    let folded = fold(name);
    // "A-WALL-EXTR": the AIA modifier decides between interior and exterior.
    if let Some(r) = iso_code(&folded) {
        return Some(r.role());
    }
    let words: Vec<&str> = folded.split_whitespace().collect();
    // The AIA major group (the second field of "A-WALL-EXTR") takes precedence.
    let aia = words.len() >= 2
        && words[0].len() == 1
        && words[0].chars().all(|c| c.is_ascii_alphabetic());
    if aia {
        let major = words[1];
        let minor = words.get(2).copied().unwrap_or("");
        match major {
            "wall" => {
                return Some(match minor {
                    "extr" | "ext" | "core" | "strc" | "fire" => LayerRole::Wall("concrete".into()),
                    "glaz" | "curt" => LayerRole::Window,
                    "patt" | "hatch" | "iden" | "anno" | "dims" => LayerRole::Ignored,
                    _ => LayerRole::Wall("drywall".into()),
                });
            }
            "glaz" => return Some(LayerRole::Window),
            "door" => return Some(LayerRole::Door),
            "cols" | "strs" | "core" => return Some(LayerRole::Wall("concrete".into())),
            "area" | "room" | "spce" => {
                return Some(if minor == "iden" || minor == "name" || minor == "numb" {
                    LayerRole::Label
                } else {
                    LayerRole::Room
                });
            }
            "anno" | "furn" | "eqpm" | "flor" | "clng" | "detl" | "elev" | "sect" => {
                return Some(LayerRole::Ignored);
            }
            _ => {}
        }
    }
    for (rule_words, role) in RULES {
        if rule_words
            .split_whitespace()
            .any(|rw| words.iter().any(|w| word_matches(rw, w)))
        {
            return Some(role.role());
        }
    }
    None
}

/// The role of a layer: the user's mapping, else the defaults; and why.
pub fn resolve(map: &LayerMap, name: &str) -> (LayerRole, MappingSource) {
    if let Some(r) = map.role_of(name) {
        return (r, MappingSource::User);
    }
    match default_role(name) {
        Some(r) => (r, MappingSource::Default),
        None => (LayerRole::Ignored, MappingSource::Fallback),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(name: &str) -> String {
        default_role(name).map_or("-".into(), |r| r.to_string())
    }

    #[test]
    fn default_rules_cover_languages_and_conventions() {
        for (name, expected) in [
            ("A-WALL", "wall:drywall"),
            ("A-WALL-EXTR", "wall:concrete"),
            ("A-WALL-PATT", "ignored"),
            ("A-GLAZ", "window"),
            ("A-DOOR", "door"),
            ("A-AREA-IDEN", "label"),
            ("A-FURN", "ignored"),
            ("Wand (neu)", "wall:drywall"),
            ("Betonwand", "wall:concrete"),
            ("MUR_PORTEUR", "wall:concrete"),
            ("murs", "wall:drywall"),
            ("Muro", "wall:drywall"),
            ("Cloisons", "wall:drywall"),
            ("Partition walls", "wall:drywall"),
            ("Türen", "door"),
            ("Portes", "door"),
            ("Doors/Windows", "door"),
            ("Verre", "window"),
            ("Glazing", "window"),
            ("ABY_Contour_Facade", "wall:concrete"),
            ("ABY_Zone_ZIND", "room"),
            ("Texte_Pièces", "label"),
            ("Stahltraeger", "ignored"),
            ("Stahlwand", "wall:metal"),
            ("A-210-M_Außenwand", "wall:concrete"),
            ("A-220", "wall:drywall"),
            ("A-320G", "door"),
            ("Shelves", "-"),
            ("0", "-"),
            ("Wall dimensions", "ignored"),
        ] {
            assert_eq!(role(name), expected, "{name}");
        }
    }

    #[test]
    fn the_users_mapping_wins_with_globs() {
        let map: LayerMap = "A-320G*=drywall, Texte*=label ,*furn*=ignore"
            .parse()
            .unwrap();
        assert_eq!(
            resolve(&map, "A-320G-Trockenbau"),
            (LayerRole::Wall("drywall".into()), MappingSource::User)
        );
        assert_eq!(resolve(&map, "Texte_Pièces").0, LayerRole::Label);
        assert_eq!(
            resolve(&map, "Shelves"),
            (LayerRole::Ignored, MappingSource::Fallback)
        );
        assert!("A-WALL".parse::<LayerMap>().is_err());
        assert!("=door".parse::<LayerMap>().is_err());
        assert!(glob("a*b?d", "axxbcd") && !glob("a*b?d", "axxbd"));
    }
}
