//! Writing an ISO 10303-21 file (a STEP physical file, the encoding of IFC) as the CAD
//! programs write it: a `HEADER` with a fixed time stamp, then one entity instance a line,
//! `#12=IFCWALL('2Xb$...',#5,'Wand',$,...);`, numbered from 1 in the order they are added.
//!
//! Values ([`V`]) are written as the standard's clause 7 says:
//!
//! | value | written |
//! |---|---|
//! | unset, derived | `$`, `*` |
//! | integer | `12` |
//! | real | always with a point: `0.`, `3500.`, `0.5`, `1.E-05` |
//! | string | in `'`, `'` doubled, `\` doubled, every character outside printable ASCII as `\X2\00E4\X0\` (UTF-16 code units, upper-case hex; one run for consecutive characters), outside the BMP as `\X4\0001F600\X0\` |
//! | enumeration, boolean | `.ELEMENT.`, `.T.` |
//! | reference | `#12` |
//! | list | `(a,b)` |
//! | typed value | `IFCLABEL('x')` |
//!
//! No clock and no randomness: the same calls write the same bytes. GlobalIds come from
//! [`Guids`], a counter under a fixed prefix written in the IFC base64 alphabet.

use std::fmt::Write;

/// The 64 digits of IFC's compressed GUIDs, in order.
const IFC64: &[u8; 64] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_$";

/// An entity instance's name: `#n`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Id(pub u64);

/// A parameter value of an entity instance.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum V {
    /// `$`: an optional attribute left unset.
    Unset,
    /// `*`: an attribute derived by a supertype (a subcontext's dimension, an SI unit's).
    Derived,
    /// An integer.
    Int(i64),
    /// A real, always written with a decimal point.
    Real(f64),
    /// A string, escaped as clause 7.3.3 says.
    Str(String),
    /// An enumeration value or a boolean/logical (`T`, `F`, `U`), without its dots.
    Enum(&'static str),
    /// A reference to another instance.
    Ref(Id),
    /// An aggregate.
    List(Vec<V>),
    /// A value of a defined type: `IFCLABEL('x')`.
    Typed(&'static str, Box<V>),
}

impl From<f64> for V {
    fn from(x: f64) -> V {
        V::Real(x)
    }
}

impl From<i64> for V {
    fn from(n: i64) -> V {
        V::Int(n)
    }
}

impl From<Id> for V {
    fn from(id: Id) -> V {
        V::Ref(id)
    }
}

impl From<&str> for V {
    fn from(s: &str) -> V {
        V::Str(s.to_owned())
    }
}

impl From<String> for V {
    fn from(s: String) -> V {
        V::Str(s)
    }
}

impl<T: Into<V>> From<Option<T>> for V {
    fn from(v: Option<T>) -> V {
        v.map_or(V::Unset, Into::into)
    }
}

/// An enumeration value: `e("ELEMENT")` is `.ELEMENT.`.
pub(crate) fn e(name: &'static str) -> V {
    V::Enum(name)
}

/// A list of references.
pub(crate) fn refs<'a>(ids: impl IntoIterator<Item = &'a Id>) -> V {
    V::List(ids.into_iter().map(|&id| V::Ref(id)).collect())
}

/// A list of reals.
pub(crate) fn reals(xs: &[f64]) -> V {
    V::List(xs.iter().map(|&x| V::Real(x)).collect())
}

/// A typed value: `typed("IFCLABEL", "x")` is `IFCLABEL('x')`.
pub(crate) fn typed(type_name: &'static str, v: impl Into<V>) -> V {
    V::Typed(type_name, Box::new(v.into()))
}

/// Appends a real as STEP writes it: `0.`, `-160.`, `0.0125`, `1.E-05`, `2.5E+15`.
pub(crate) fn write_real(out: &mut String, x: f64) {
    assert!(x.is_finite(), "a STEP real must be finite, not {x}");
    let x = if x == 0.0 { 0.0 } else { x }; // no "-0."
    let a = x.abs();
    if a != 0.0 && !(1e-4..1e15).contains(&a) {
        // Rust's `{:E}` is "1E-5" or "1.5E-5": the mantissa gets its point, the exponent a
        // sign and two digits.
        let s = format!("{x:E}");
        let (mantissa, exponent) = s.split_once('E').expect("an exponent");
        out.push_str(mantissa);
        if !mantissa.contains('.') {
            out.push('.');
        }
        let (sign, digits) = match exponent.strip_prefix('-') {
            Some(d) => ('-', d),
            None => ('+', exponent),
        };
        let _ = write!(out, "E{sign}{digits:0>2}");
        return;
    }
    // Display is the shortest text that reads back as the same double, never with an
    // exponent: "3500", "0.0125".
    let s = x.to_string();
    out.push_str(&s);
    if !s.contains('.') {
        out.push('.');
    }
}

/// Appends a string literal: quoted, `'` and `\` doubled, every character outside the
/// printable ASCII range as `\X2\HHHH\X0\` (UTF-16 code units) or `\X4\HHHHHHHH\X0\` (outside
/// the BMP), consecutive ones in one run.
pub(crate) fn write_string(out: &mut String, s: &str) {
    #[derive(PartialEq)]
    enum Run {
        Ascii,
        X2,
        X4,
    }
    let mut run = Run::Ascii;
    out.push('\'');
    for c in s.chars() {
        let want = match c {
            ' '..='~' => Run::Ascii,
            c if (c as u32) <= 0xFFFF => Run::X2,
            _ => Run::X4,
        };
        if want != run {
            if run != Run::Ascii {
                out.push_str("\\X0\\");
            }
            match want {
                Run::Ascii => {}
                Run::X2 => out.push_str("\\X2\\"),
                Run::X4 => out.push_str("\\X4\\"),
            }
            run = want;
        }
        match run {
            Run::Ascii => match c {
                '\'' => out.push_str("''"),
                '\\' => out.push_str("\\\\"),
                c => out.push(c),
            },
            Run::X2 => {
                let _ = write!(out, "{:04X}", c as u32);
            }
            Run::X4 => {
                let _ = write!(out, "{:08X}", c as u32);
            }
        }
    }
    if run != Run::Ascii {
        out.push_str("\\X0\\");
    }
    out.push('\'');
}

/// Appends a value.
pub(crate) fn write_value(out: &mut String, v: &V) {
    match v {
        V::Unset => out.push('$'),
        V::Derived => out.push('*'),
        V::Int(n) => {
            let _ = write!(out, "{n}");
        }
        V::Real(x) => write_real(out, *x),
        V::Str(s) => write_string(out, s),
        V::Enum(name) => {
            out.push('.');
            out.push_str(name);
            out.push('.');
        }
        V::Ref(id) => {
            let _ = write!(out, "#{}", id.0);
        }
        V::List(items) => {
            out.push('(');
            write_args(out, items);
            out.push(')');
        }
        V::Typed(name, inner) => {
            out.push_str(name);
            out.push('(');
            write_value(out, inner);
            out.push(')');
        }
    }
}

fn write_args(out: &mut String, items: &[V]) {
    for (k, item) in items.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        write_value(out, item);
    }
}

/// The header's fields.
#[derive(Debug, Clone)]
pub(crate) struct Header<'a> {
    /// FILE_DESCRIPTION's description, e.g. the model view definition.
    pub description: &'a str,
    /// FILE_NAME's name.
    pub name: &'a str,
    /// FILE_NAME's time stamp (fixed, never the clock).
    pub time_stamp: &'a str,
    /// FILE_NAME's author and organisation.
    pub author: &'a str,
    pub organization: &'a str,
    /// FILE_NAME's preprocessor version and originating system.
    pub preprocessor: &'a str,
    pub originating_system: &'a str,
    /// FILE_SCHEMA: `IFC4`, `IFC2X3`.
    pub schema: &'a str,
}

/// A STEP physical file being written: the header, then instances as they are added.
#[derive(Debug)]
pub(crate) struct StepFile {
    out: String,
    next: u64,
}

impl StepFile {
    /// Starts a file with its header.
    pub(crate) fn new(h: &Header<'_>) -> Self {
        let mut out = String::with_capacity(1 << 16);
        out.push_str("ISO-10303-21;\nHEADER;\nFILE_DESCRIPTION(");
        write_args(
            &mut out,
            &[V::List(vec![h.description.into()]), "2;1".into()],
        );
        out.push_str(");\nFILE_NAME(");
        write_args(
            &mut out,
            &[
                h.name.into(),
                h.time_stamp.into(),
                V::List(vec![h.author.into()]),
                V::List(vec![h.organization.into()]),
                h.preprocessor.into(),
                h.originating_system.into(),
                "".into(),
            ],
        );
        out.push_str(");\nFILE_SCHEMA(");
        write_args(&mut out, &[V::List(vec![h.schema.into()])]);
        out.push_str(");\nENDSEC;\nDATA;\n");
        StepFile { out, next: 1 }
    }

    /// Writes `#n=NAME(args);` and returns `#n`. `name` is the upper-case entity name.
    pub(crate) fn add(&mut self, name: &str, args: Vec<V>) -> Id {
        let id = Id(self.next);
        self.next += 1;
        let _ = write!(self.out, "#{}={name}(", id.0);
        write_args(&mut self.out, &args);
        self.out.push_str(");\n");
        id
    }

    /// How many instances have been written.
    #[cfg(test)]
    pub(crate) fn len(&self) -> u64 {
        self.next - 1
    }

    /// Ends the data section and the file.
    pub(crate) fn finish(mut self) -> Vec<u8> {
        self.out.push_str("ENDSEC;\nEND-ISO-10303-21;\n");
        self.out.into_bytes()
    }
}

/// GlobalIds: 128-bit numbers, a fixed 96-bit prefix (one per file) and a 32-bit counter,
/// written as IFC writes a GUID: 22 digits of [`IFC64`], most significant first, the first
/// digit holding the top two bits (so it is `0` to `3`).
#[derive(Debug, Clone)]
pub(crate) struct Guids {
    prefix: u128,
    counter: u32,
}

impl Guids {
    /// Counts from 1 under `prefix` (its lower 96 bits are used).
    pub(crate) fn new(prefix: u128) -> Self {
        Guids {
            prefix: prefix << 32,
            counter: 0,
        }
    }

    /// The next GlobalId.
    pub(crate) fn next_id(&mut self) -> V {
        self.counter = self
            .counter
            .checked_add(1)
            .expect("fewer than 2^32 GlobalIds");
        V::Str(compress(self.prefix | u128::from(self.counter)))
    }
}

/// A 128-bit number as IFC's 22-character compressed GUID.
pub(crate) fn compress(n: u128) -> String {
    (0..22)
        .rev()
        .map(|k| IFC64[((n >> (6 * k)) & 63) as usize] as char)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn real(x: f64) -> String {
        let mut s = String::new();
        write_real(&mut s, x);
        s
    }

    fn string(x: &str) -> String {
        let mut s = String::new();
        write_string(&mut s, x);
        s
    }

    #[test]
    fn reals_always_have_a_point() {
        assert_eq!(real(0.0), "0.");
        assert_eq!(real(-0.0), "0.");
        assert_eq!(real(3500.0), "3500.");
        assert_eq!(real(-160.0), "-160.");
        assert_eq!(real(12.5), "12.5");
        assert_eq!(real(0.0125), "0.0125");
        assert_eq!(real(1e-5), "1.E-05");
        assert_eq!(real(-2.5e-7), "-2.5E-07");
        assert_eq!(real(2.5e15), "2.5E+15");
        assert_eq!(real(1e100), "1.E+100");
    }

    #[test]
    fn strings_are_escaped() {
        assert_eq!(string("Wand"), "'Wand'");
        assert_eq!(string("Bob's"), "'Bob''s'");
        assert_eq!(string("a\\b"), "'a\\\\b'");
        assert_eq!(string("Dämmung"), "'D\\X2\\00E4\\X0\\mmung'");
        // One run for consecutive characters, upper-case hex.
        assert_eq!(string("Größe"), "'Gr\\X2\\00F600DF\\X0\\e'");
        assert_eq!(string("€"), "'\\X2\\20AC\\X0\\'");
        assert_eq!(string("a\u{1F600}b"), "'a\\X4\\0001F600\\X0\\b'");
        assert_eq!(
            string("é\u{1F600}"),
            "'\\X2\\00E9\\X0\\\\X4\\0001F600\\X0\\'"
        );
        // Control characters are not printable: encoded too.
        assert_eq!(string("a\nb"), "'a\\X2\\000A\\X0\\b'");
        assert_eq!(string(""), "''");
    }

    #[test]
    fn values_and_instances() {
        let mut f = StepFile::new(&Header {
            description: "ViewDefinition [ReferenceView_V1.2]",
            name: "t.ifc",
            time_stamp: "2025-01-01T00:00:00",
            author: "a",
            organization: "o",
            preprocessor: "p",
            originating_system: "s",
            schema: "IFC4",
        });
        let a = f.add("IFCCARTESIANPOINT", vec![reals(&[0.0, 1.5, -2.0])]);
        let b = f.add(
            "IFCX",
            vec![
                V::Unset,
                V::Derived,
                a.into(),
                e("ELEMENT"),
                V::List(vec![V::Int(52), V::Int(-3)]),
                typed("IFCLABEL", "x'y"),
                None::<f64>.into(),
                refs(&[a, a]),
            ],
        );
        assert_eq!(b, Id(2));
        assert_eq!(f.len(), 2);
        let text = String::from_utf8(f.finish()).unwrap();
        assert_eq!(
            text,
            "ISO-10303-21;\nHEADER;\n\
             FILE_DESCRIPTION(('ViewDefinition [ReferenceView_V1.2]'),'2;1');\n\
             FILE_NAME('t.ifc','2025-01-01T00:00:00',('a'),('o'),'p','s','');\n\
             FILE_SCHEMA(('IFC4'));\nENDSEC;\nDATA;\n\
             #1=IFCCARTESIANPOINT((0.,1.5,-2.));\n\
             #2=IFCX($,*,#1,.ELEMENT.,(52,-3),IFCLABEL('x''y'),$,(#1,#1));\n\
             ENDSEC;\nEND-ISO-10303-21;\n"
        );
    }

    #[test]
    fn guids_are_22_digits_of_the_ifc_alphabet() {
        assert_eq!(compress(0), "0000000000000000000000");
        assert_eq!(compress(u128::MAX), "3$$$$$$$$$$$$$$$$$$$$$");
        assert_eq!(compress(64), "0000000000000000000010");
        let mut g = Guids::new(0x5A1B_7A11_0000_0000_0000_0001);
        let (a, b) = (g.next_id(), g.next_id());
        assert_ne!(a, b);
        for v in [a, b] {
            let V::Str(s) = v else { panic!() };
            assert_eq!(s.len(), 22);
            assert!(s.bytes().all(|c| IFC64.contains(&c)));
            assert!(matches!(s.as_bytes()[0], b'0'..=b'3'));
        }
    }
}
