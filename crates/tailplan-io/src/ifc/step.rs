//! ISO 10303-21, the STEP physical file IFC models are written in: an index of its entity
//! instances made in one pass, and each one's parameters read only when asked for.
//!
//! The first pass finds every `#n=TYPE(...);` of the DATA section (strings, comments and
//! nested parentheses followed byte by byte, lines counted), keeping its type, where its
//! parameters lie and its line: a few words per entity, so a model of millions of entities is
//! indexed in bounded memory and refused at the entity limit before anything else is made.
//! [`StepFile::params`] then reads one entity's parameters, nesting held to the limit.
//!
//! Text is read as bytes: IFC files are ASCII with `\X2\...\X0\` escapes for other
//! characters; bytes that are not are taken as ISO 8859-1, as old files write them.

use std::collections::HashMap;

/// A parameter value of an entity instance.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// An integer.
    Int(i64),
    /// A real.
    Real(f64),
    /// A string, its escapes decoded.
    Str(String),
    /// An enumeration's value, without its dots (`ELEMENT`).
    Enum(String),
    /// A reference to an entity instance (`#12`).
    Ref(u64),
    /// Unset (`$`).
    Null,
    /// Derived (`*`).
    Derived,
    /// A list (`(...)`).
    List(Vec<Value>),
    /// A typed value (`IFCLABEL('x')`): the type name upper-cased, and the value.
    Typed(String, Box<Value>),
    /// Binary (`"0ABC"`), kept as its text.
    Binary(String),
}

impl Value {
    /// A number: an integer or a real (or either typed).
    pub fn number(&self) -> Option<f64> {
        match self {
            Value::Int(i) => Some(*i as f64),
            Value::Real(r) => Some(*r),
            Value::Typed(_, v) => v.number(),
            _ => None,
        }
    }

    /// The text of a string or an enumeration (or either typed).
    pub fn text(&self) -> Option<&str> {
        match self {
            Value::Str(s) | Value::Enum(s) => Some(s),
            Value::Typed(_, v) => v.text(),
            _ => None,
        }
    }

    /// The entity referred to.
    pub fn reference(&self) -> Option<u64> {
        match self {
            Value::Ref(r) => Some(*r),
            _ => None,
        }
    }

    /// The items of a list, typed or not (none for anything else).
    pub fn items(&self) -> &[Value] {
        match self {
            Value::List(l) => l,
            Value::Typed(_, v) => v.items(),
            _ => &[],
        }
    }

    /// The references of a list.
    pub fn references(&self) -> impl Iterator<Item = u64> + '_ {
        self.items().iter().filter_map(Value::reference)
    }

    /// The numbers of a list.
    pub fn numbers(&self) -> Vec<f64> {
        self.items().iter().filter_map(Value::number).collect()
    }
}

/// Where one entity instance lies in the file.
#[derive(Debug, Clone, Copy)]
struct Entry {
    /// The index of its type name in [`StepFile::types`].
    ty: u32,
    /// Its parameters: the bytes between the type name's `(` and the matching `)`.
    start: usize,
    end: usize,
    /// Its 1-based line.
    line: u32,
}

/// Why the file could not be read as STEP; turned into an import error naming the file.
#[derive(Debug, Clone, PartialEq)]
pub struct StepError {
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// The entity, when known (`#12 IFCWALL`).
    pub entity: Option<String>,
    /// What is wrong.
    pub message: String,
    /// The limit exceeded, when that is why.
    pub limit: Option<StepLimit>,
}

/// A limit a STEP file went over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepLimit {
    /// More entity instances than allowed.
    Entities(usize),
    /// Parameters or references nested deeper than allowed.
    Nesting(usize),
}

impl StepError {
    fn at(line: usize, message: impl Into<String>) -> Self {
        Self {
            line: Some(line),
            entity: None,
            message: message.into(),
            limit: None,
        }
    }
}

/// An indexed STEP file.
#[derive(Debug)]
pub struct StepFile<'a> {
    bytes: &'a [u8],
    /// `FILE_SCHEMA`'s first name, upper-cased (`IFC2X3`, `IFC4`).
    pub schema: String,
    /// Type names, upper-cased, interned.
    types: Vec<String>,
    entries: HashMap<u64, Entry>,
    /// Entity ids by type index, in file order.
    by_type: Vec<Vec<u64>>,
    /// Complex entity instances (`#n=(A()B());`), not read.
    pub complex: usize,
    max_nesting: usize,
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

/// A cursor over bytes that counts lines and skips white space and comments.
struct Cursor<'a> {
    b: &'a [u8],
    i: usize,
    line: usize,
}

impl<'a> Cursor<'a> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    /// Skips white space and `/* ... */` comments.
    fn skip(&mut self) -> Result<(), StepError> {
        loop {
            match self.peek() {
                Some(b'\n') => {
                    self.line += 1;
                    self.i += 1;
                }
                Some(c) if is_space(c) => self.i += 1,
                Some(b'/') if self.b.get(self.i + 1) == Some(&b'*') => {
                    let start = self.line;
                    self.i += 2;
                    loop {
                        match self.peek() {
                            None => return Err(StepError::at(start, "a comment is not closed")),
                            Some(b'*') if self.b.get(self.i + 1) == Some(&b'/') => {
                                self.i += 2;
                                break;
                            }
                            Some(b'\n') => {
                                self.line += 1;
                                self.i += 1;
                            }
                            Some(_) => self.i += 1,
                        }
                    }
                }
                _ => return Ok(()),
            }
        }
    }

    /// A keyword or a type name: letters, digits, `_`, `-` (upper-cased).
    fn word(&mut self) -> String {
        let start = self.i;
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-')
        {
            self.i += 1;
        }
        String::from_utf8_lossy(&self.b[start..self.i]).to_ascii_uppercase()
    }

    /// Moves past a string starting at the cursor's `'`.
    fn skip_string(&mut self) -> Result<(), StepError> {
        let start = self.line;
        self.i += 1;
        loop {
            match self.peek() {
                None => return Err(StepError::at(start, "a string is not closed")),
                Some(b'\'') if self.b.get(self.i + 1) == Some(&b'\'') => self.i += 2,
                Some(b'\'') => {
                    self.i += 1;
                    return Ok(());
                }
                Some(b'\n') => {
                    self.line += 1;
                    self.i += 1;
                }
                Some(_) => self.i += 1,
            }
        }
    }

    /// Moves to the `;` ending the current statement (strings, comments and parentheses
    /// followed), returning the span of its outermost parentheses' content and the
    /// position of the first `(`.
    fn statement(&mut self, depth_limit: usize) -> Result<Option<(usize, usize)>, StepError> {
        let start = self.line;
        let mut depth = 0usize;
        let mut open = None;
        let mut close = None;
        loop {
            self.skip()?;
            match self.peek() {
                None => {
                    return Err(StepError::at(
                        start,
                        "the file ends inside an entity (no `;`)",
                    ));
                }
                Some(b'\'') => self.skip_string()?,
                Some(b'"') => {
                    self.i += 1;
                    while self.peek().is_some_and(|c| c != b'"') {
                        self.i += 1;
                    }
                    self.i += 1;
                }
                Some(b'(') => {
                    if depth == 0 && open.is_none() {
                        open = Some(self.i + 1);
                    }
                    depth += 1;
                    if depth > depth_limit {
                        return Err(StepError {
                            line: Some(self.line),
                            entity: None,
                            message: format!("parameters nested more than {depth_limit} deep"),
                            limit: Some(StepLimit::Nesting(depth_limit)),
                        });
                    }
                    self.i += 1;
                }
                Some(b')') => {
                    depth = depth
                        .checked_sub(1)
                        .ok_or_else(|| StepError::at(self.line, "a `)` closes nothing"))?;
                    if depth == 0 && close.is_none() {
                        close = Some(self.i);
                    }
                    self.i += 1;
                }
                Some(b';') if depth == 0 => {
                    self.i += 1;
                    return Ok(open.zip(close));
                }
                Some(b';') => {
                    return Err(StepError::at(self.line, "a `;` inside parentheses"));
                }
                Some(_) => self.i += 1,
            }
        }
    }
}

impl<'a> StepFile<'a> {
    /// Indexes `bytes`: the header's schema and every entity instance of the DATA section,
    /// refusing more than `max_entities` entities or nesting deeper than `max_nesting`.
    pub fn index(
        bytes: &'a [u8],
        max_entities: usize,
        max_nesting: usize,
    ) -> Result<Self, StepError> {
        let mut c = Cursor {
            b: bytes,
            i: 0,
            line: 1,
        };
        c.skip()?;
        if c.word() != "ISO-10303-21" {
            return Err(StepError::at(
                c.line,
                "not a STEP file: it does not start with ISO-10303-21;",
            ));
        }
        c.skip()?;
        if c.peek() != Some(b';') {
            return Err(StepError::at(c.line, "expected `;` after ISO-10303-21"));
        }
        c.i += 1;
        let mut schema = String::new();
        let mut in_data = false;
        let mut file = StepFile {
            bytes,
            schema: String::new(),
            types: Vec::new(),
            entries: HashMap::new(),
            by_type: Vec::new(),
            complex: 0,
            max_nesting,
        };
        let mut type_index: HashMap<String, u32> = HashMap::new();
        loop {
            c.skip()?;
            let line = c.line;
            match c.peek() {
                None => {
                    return Err(StepError::at(
                        line,
                        "the file ends before END-ISO-10303-21; (truncated?)",
                    ));
                }
                Some(b'#') if in_data => {
                    c.i += 1;
                    let start = c.i;
                    while c.peek().is_some_and(|d| d.is_ascii_digit()) {
                        c.i += 1;
                    }
                    let id: u64 = std::str::from_utf8(&bytes[start..c.i])
                        .ok()
                        .and_then(|s| s.parse().ok())
                        .ok_or_else(|| StepError::at(line, "an entity without a number"))?;
                    c.skip()?;
                    if c.peek() != Some(b'=') {
                        return Err(StepError::at(line, format!("#{id}: expected `=`")));
                    }
                    c.i += 1;
                    c.skip()?;
                    if c.peek() == Some(b'(') {
                        // A complex instance: (A(...)B(...)).
                        c.statement(max_nesting)?;
                        file.complex += 1;
                        continue;
                    }
                    let ty = c.word();
                    if ty.is_empty() {
                        return Err(StepError::at(line, format!("#{id}: expected a type name")));
                    }
                    let Some((start, end)) = c.statement(max_nesting)? else {
                        return Err(StepError::at(line, format!("#{id} {ty}: no parameters")));
                    };
                    if file.entries.len() >= max_entities {
                        return Err(StepError {
                            line: Some(line),
                            entity: Some(format!("#{id} {ty}")),
                            message: format!("more than {max_entities} entities"),
                            limit: Some(StepLimit::Entities(max_entities)),
                        });
                    }
                    let next = type_index.len() as u32;
                    let t = *type_index.entry(ty.clone()).or_insert(next);
                    if t as usize == file.types.len() {
                        file.types.push(ty.clone());
                        file.by_type.push(Vec::new());
                    }
                    let entry = Entry {
                        ty: t,
                        start,
                        end,
                        line: u32::try_from(line).unwrap_or(u32::MAX),
                    };
                    if file.entries.insert(id, entry).is_some() {
                        return Err(StepError {
                            line: Some(line),
                            entity: Some(format!("#{id} {ty}")),
                            message: format!("#{id} is defined twice"),
                            limit: None,
                        });
                    }
                    file.by_type[t as usize].push(id);
                }
                Some(_) => {
                    let word = c.word();
                    match word.as_str() {
                        "HEADER" | "ENDSEC" => {
                            if word == "ENDSEC" {
                                in_data = false;
                            }
                            c.skip()?;
                            if c.peek() == Some(b';') {
                                c.i += 1;
                            }
                        }
                        "DATA" => {
                            in_data = true;
                            c.skip()?;
                            if c.peek() == Some(b'(') {
                                c.statement(max_nesting)?;
                            } else if c.peek() == Some(b';') {
                                c.i += 1;
                            }
                        }
                        "END-ISO-10303-21" => break,
                        "FILE_SCHEMA" => {
                            let span = c.statement(max_nesting)?;
                            if let Some((s, e)) = span {
                                let v = parse_params(&bytes[s..e], max_nesting, line)?;
                                schema = v
                                    .first()
                                    .and_then(|l| l.items().first())
                                    .and_then(Value::text)
                                    .unwrap_or_default()
                                    .to_ascii_uppercase();
                            }
                        }
                        "" => {
                            return Err(StepError::at(
                                line,
                                format!(
                                    "unexpected `{}`",
                                    String::from_utf8_lossy(
                                        &bytes[c.i..(c.i + 1).min(bytes.len())]
                                    )
                                ),
                            ));
                        }
                        _ => {
                            c.statement(max_nesting)?;
                        }
                    }
                }
            }
        }
        file.schema = schema;
        file.types.shrink_to_fit();
        Ok(file)
    }

    /// How many entity instances the file has.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// The type name of entity `id` (upper-cased), if it exists.
    pub fn type_of(&self, id: u64) -> Option<&str> {
        self.entries
            .get(&id)
            .and_then(|e| self.types.get(e.ty as usize))
            .map(String::as_str)
    }

    /// The line of entity `id`.
    pub fn line_of(&self, id: u64) -> Option<usize> {
        self.entries.get(&id).map(|e| e.line as usize)
    }

    /// Every entity of type `ty` (upper-case), in file order.
    pub fn of_type(&self, ty: &str) -> &[u64] {
        self.types
            .iter()
            .position(|t| t == ty)
            .and_then(|i| self.by_type.get(i))
            .map_or(&[], Vec::as_slice)
    }

    /// The parameters of entity `id`.
    pub fn params(&self, id: u64) -> Result<Vec<Value>, StepError> {
        let e = self.entries.get(&id).ok_or_else(|| StepError {
            line: None,
            entity: Some(format!("#{id}")),
            message: format!("#{id} is referred to but not defined"),
            limit: None,
        })?;
        parse_params(
            &self.bytes[e.start..e.end],
            self.max_nesting,
            e.line as usize,
        )
        .map_err(|mut err| {
            err.entity = Some(format!("#{id} {}", self.types[e.ty as usize]));
            err
        })
    }
}

/// Parses a parameter list's content (between the outer parentheses).
fn parse_params(b: &[u8], max_nesting: usize, line: usize) -> Result<Vec<Value>, StepError> {
    let mut p = Parser {
        c: Cursor { b, i: 0, line },
        max_nesting,
    };
    let list = p.list_items(b')', 1)?;
    p.c.skip()?;
    if p.c.peek().is_some() {
        return Err(StepError::at(
            p.c.line,
            "unexpected characters after the parameters",
        ));
    }
    Ok(list)
}

struct Parser<'a> {
    c: Cursor<'a>,
    max_nesting: usize,
}

impl Parser<'_> {
    /// Items separated by `,` up to the end of the input (`close` is the `)` expected at
    /// the end of a nested list, which the caller consumes).
    fn list_items(&mut self, close: u8, depth: usize) -> Result<Vec<Value>, StepError> {
        let mut out = Vec::new();
        self.c.skip()?;
        if self.c.peek().is_none() || self.c.peek() == Some(close) && depth > 1 {
            return Ok(out);
        }
        loop {
            out.push(self.value(depth)?);
            self.c.skip()?;
            match self.c.peek() {
                Some(b',') => self.c.i += 1,
                None => return Ok(out),
                Some(c) if c == close && depth > 1 => return Ok(out),
                Some(c) => {
                    return Err(StepError::at(
                        self.c.line,
                        format!("unexpected `{}` in the parameters", c as char),
                    ));
                }
            }
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, StepError> {
        if depth > self.max_nesting {
            return Err(StepError {
                line: Some(self.c.line),
                entity: None,
                message: format!("parameters nested more than {} deep", self.max_nesting),
                limit: Some(StepLimit::Nesting(self.max_nesting)),
            });
        }
        self.c.skip()?;
        let line = self.c.line;
        match self.c.peek() {
            None => Err(StepError::at(line, "a parameter is missing")),
            Some(b'$') => {
                self.c.i += 1;
                Ok(Value::Null)
            }
            Some(b'*') => {
                self.c.i += 1;
                Ok(Value::Derived)
            }
            Some(b'#') => {
                self.c.i += 1;
                let start = self.c.i;
                while self.c.peek().is_some_and(|d| d.is_ascii_digit()) {
                    self.c.i += 1;
                }
                std::str::from_utf8(&self.c.b[start..self.c.i])
                    .ok()
                    .and_then(|s| s.parse().ok())
                    .map(Value::Ref)
                    .ok_or_else(|| StepError::at(line, "a `#` without a number"))
            }
            Some(b'\'') => self.string().map(Value::Str),
            Some(b'"') => {
                self.c.i += 1;
                let start = self.c.i;
                while self.c.peek().is_some_and(|d| d != b'"') {
                    self.c.i += 1;
                }
                let text = String::from_utf8_lossy(&self.c.b[start..self.c.i]).into_owned();
                self.c.i += 1;
                Ok(Value::Binary(text))
            }
            Some(b'.') => {
                self.c.i += 1;
                let start = self.c.i;
                while self
                    .c
                    .peek()
                    .is_some_and(|d| d.is_ascii_alphanumeric() || d == b'_')
                {
                    self.c.i += 1;
                }
                let text = String::from_utf8_lossy(&self.c.b[start..self.c.i]).into_owned();
                if self.c.peek() != Some(b'.') {
                    return Err(StepError::at(
                        line,
                        "an enumeration value is not closed by `.`",
                    ));
                }
                self.c.i += 1;
                Ok(Value::Enum(text))
            }
            Some(b'(') => {
                self.c.i += 1;
                let items = self.list_items(b')', depth + 1)?;
                if self.c.peek() != Some(b')') {
                    return Err(StepError::at(line, "a list is not closed"));
                }
                self.c.i += 1;
                Ok(Value::List(items))
            }
            Some(c) if c == b'-' || c == b'+' || c.is_ascii_digit() => self.number(),
            Some(c) if c.is_ascii_alphabetic() => {
                let name = self.c.word();
                self.c.skip()?;
                if self.c.peek() != Some(b'(') {
                    return Err(StepError::at(line, format!("`{name}`: expected `(`")));
                }
                self.c.i += 1;
                let mut inner = self.list_items(b')', depth + 1)?;
                if self.c.peek() != Some(b')') {
                    return Err(StepError::at(line, format!("`{name}(`: not closed")));
                }
                self.c.i += 1;
                let v = if inner.len() == 1 {
                    inner.pop().unwrap_or(Value::Null)
                } else {
                    Value::List(inner)
                };
                Ok(Value::Typed(name, Box::new(v)))
            }
            Some(c) => Err(StepError::at(line, format!("unexpected `{}`", c as char))),
        }
    }

    fn number(&mut self) -> Result<Value, StepError> {
        let line = self.c.line;
        let start = self.c.i;
        while self
            .c
            .peek()
            .is_some_and(|d| d.is_ascii_digit() || matches!(d, b'-' | b'+' | b'.' | b'E' | b'e'))
        {
            self.c.i += 1;
        }
        let text = std::str::from_utf8(&self.c.b[start..self.c.i]).unwrap_or("");
        if text.contains(['.', 'E', 'e']) {
            // STEP writes `1.E-05` and `0.`: both parse as f64 once a `0` follows a bare `.`.
            let fixed = if text.ends_with('.') || text.contains(".E") || text.contains(".e") {
                text.replacen('.', ".0", 1)
            } else {
                text.to_owned()
            };
            fixed
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .map(Value::Real)
                .ok_or_else(|| StepError::at(line, format!("`{text}` is not a number")))
        } else {
            text.parse::<i64>()
                .map(Value::Int)
                .map_err(|_| StepError::at(line, format!("`{text}` is not a number")))
        }
    }

    /// A string: `''` is a quote; `\X2\HHHH...\X0\` UTF-16, `\X4\` UTF-32, `\X\HH` one
    /// ISO 8859-1 byte, `\S\c` the upper half of ISO 8859-1, `\\` a backslash.
    fn string(&mut self) -> Result<String, StepError> {
        let line = self.c.line;
        self.c.i += 1;
        let mut raw: Vec<u8> = Vec::new();
        loop {
            match self.c.peek() {
                None => return Err(StepError::at(line, "a string is not closed")),
                Some(b'\'') if self.c.b.get(self.c.i + 1) == Some(&b'\'') => {
                    raw.push(b'\'');
                    self.c.i += 2;
                }
                Some(b'\'') => {
                    self.c.i += 1;
                    break;
                }
                Some(b) => {
                    if b == b'\n' {
                        self.c.line += 1;
                    }
                    raw.push(b);
                    self.c.i += 1;
                }
            }
        }
        Ok(decode(&raw))
    }
}

/// Decodes a string's escapes; bytes that are not UTF-8 are ISO 8859-1.
fn decode(raw: &[u8]) -> String {
    let text = match std::str::from_utf8(raw) {
        Ok(t) => t.to_owned(),
        Err(_) => raw.iter().map(|&b| b as char).collect(),
    };
    if !text.contains('\\') {
        return text;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let hex = |s: &[char]| -> Option<u32> {
        let t: String = s.iter().collect();
        u32::from_str_radix(&t, 16).ok()
    };
    while i < chars.len() {
        let rest = &chars[i..];
        let starts = |p: &str| rest.iter().take(p.len()).copied().eq(p.chars());
        if starts("\\X2\\") || starts("\\X4\\") {
            let width = if starts("\\X2\\") { 4 } else { 8 };
            let mut j = i + 4;
            let mut units: Vec<u32> = Vec::new();
            while j + width <= chars.len() && chars[j] != '\\' {
                match hex(&chars[j..j + width]) {
                    Some(u) => units.push(u),
                    None => break,
                }
                j += width;
            }
            if width == 4 {
                let u16s: Vec<u16> = units.iter().map(|&u| u as u16).collect();
                out.extend(char::decode_utf16(u16s).map(|c| c.unwrap_or('\u{FFFD}')));
            } else {
                out.extend(
                    units
                        .iter()
                        .map(|&u| char::from_u32(u).unwrap_or('\u{FFFD}')),
                );
            }
            // `\X0\` ends the run; an escape that is none is kept as written.
            let end: String = chars
                .get(j..j + 4)
                .map(|s| s.iter().collect())
                .unwrap_or_default();
            if units.is_empty() && end != "\\X0\\" {
                out.extend(&chars[i..i + 4]);
                i += 4;
                continue;
            }
            i = if end == "\\X0\\" { j + 4 } else { j };
        } else if starts("\\X\\") && i + 5 <= chars.len() {
            match hex(&chars[i + 3..i + 5]) {
                Some(b) => {
                    out.push(char::from_u32(b).unwrap_or('\u{FFFD}'));
                    i += 5;
                }
                None => {
                    out.push('\\');
                    i += 1;
                }
            }
        } else if starts("\\S\\") && i + 4 <= chars.len() {
            out.push(char::from_u32(chars[i + 3] as u32 + 128).unwrap_or('\u{FFFD}'));
            i += 4;
        } else if starts("\\\\") {
            out.push('\\');
            i += 2;
        } else if starts("\\P") && i + 4 <= chars.len() && chars[i + 3] == '\\' {
            // A code page switch (\PA\): nothing to write.
            i += 4;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "ISO-10303-21;\nHEADER;\nFILE_DESCRIPTION((''),'2;1');\n\
        FILE_SCHEMA(('IFC4'));\nENDSEC;\nDATA;\n\
        #1=IFCCARTESIANPOINT((0.,1.E-3,-2.5));\n\
        /* a comment; with (parens) */\n\
        #2=IFCWALL('2O2Fr$t4X7Zf8NOew3FNld',$,'Wand ''A'' \\X2\\00E4\\X0\\',*,.T.,#1,(#1,#3),IFCLABEL('x;)'),(1,(2,(3))));\n\
        #3=IFCSIUNIT(*,.LENGTHUNIT.,.MILLI.,.METRE.);\n\
        #4=(IFCA()IFCB(1));\n\
        ENDSEC;\nEND-ISO-10303-21;\n";

    #[test]
    fn entities_are_indexed_and_read_on_demand() {
        let f = StepFile::index(FILE.as_bytes(), 100, 32).unwrap();
        assert_eq!(f.schema, "IFC4");
        assert_eq!(f.len(), 3);
        assert_eq!(f.complex, 1);
        assert_eq!(f.type_of(2), Some("IFCWALL"));
        assert_eq!(f.line_of(2), Some(9));
        assert_eq!(f.of_type("IFCSIUNIT"), [3]);
        let p = f.params(1).unwrap();
        assert_eq!(p[0].numbers(), [0.0, 0.001, -2.5]);
        let w = f.params(2).unwrap();
        assert_eq!(w[2].text(), Some("Wand 'A' ä"));
        assert_eq!(w[1], Value::Null);
        assert_eq!(w[3], Value::Derived);
        assert_eq!(w[4], Value::Enum("T".into()));
        assert_eq!(w[6].references().collect::<Vec<_>>(), [1, 3]);
        assert_eq!(w[7].text(), Some("x;)"));
        assert_eq!(w[8].items().len(), 2);
        let e = f.params(9).unwrap_err();
        assert!(e.message.contains("#9 is referred to but not defined"));
    }

    #[test]
    fn escapes() {
        assert_eq!(decode(b"M\\X2\\00FC\\X0\\ller"), "Müller");
        assert_eq!(decode(b"\\X2\\D83DDE00\\X0\\"), "😀");
        assert_eq!(decode(b"\\X4\\0001F600\\X0\\"), "😀");
        assert_eq!(decode(b"Stra\\X\\DFe"), "Straße");
        assert_eq!(decode(b"\\S\\d"), "ä");
        assert_eq!(decode(b"a\\\\b"), "a\\b");
        assert_eq!(decode(b"\\X2\\ZZ"), "\\X2\\ZZ");
        assert_eq!(decode(&[b'G', 0xe4, b'r']), "Gär");
    }

    #[test]
    fn broken_files_say_where() {
        let cases: [(&str, &str); 7] = [
            ("HEADER;", "not a STEP file"),
            (
                "ISO-10303-21;\nDATA;\n#1=IFCWALL('x);\n",
                "a string is not closed",
            ),
            (
                "ISO-10303-21;\nDATA;\n#1=IFCWALL((1,2);\n",
                "`;` inside parentheses",
            ),
            (
                "ISO-10303-21;\nDATA;\n#1=IFCWALL(1);\n#1=IFCWALL(2);\n",
                "defined twice",
            ),
            ("ISO-10303-21;\nDATA;\n#1=IFCWALL(1);\n", "truncated"),
            (
                "ISO-10303-21;\nDATA;\n#1=IFCWALL(1)",
                "ends inside an entity",
            ),
            (
                "ISO-10303-21;\nDATA;\n#1=IFCWALL(1)\n/* open",
                "comment is not closed",
            ),
        ];
        for (text, says) in cases {
            let e = StepFile::index(text.as_bytes(), 100, 32).unwrap_err();
            assert!(e.message.contains(says), "{text:?}: {e:?}");
        }
        let f = StepFile::index(
            b"ISO-10303-21;\nDATA;\n#1=X(1.2.3,#);\nENDSEC;END-ISO-10303-21;",
            9,
            9,
        )
        .unwrap();
        assert!(f.params(1).is_err());
    }

    #[test]
    fn limits_are_counted_before_anything_is_made() {
        let many: String = (1..=50).map(|i| format!("#{i}=X({i});\n")).collect();
        let text = format!("ISO-10303-21;\nDATA;\n{many}ENDSEC;END-ISO-10303-21;");
        let e = StepFile::index(text.as_bytes(), 10, 32).unwrap_err();
        assert_eq!(e.limit, Some(StepLimit::Entities(10)));
        assert_eq!(e.line, Some(13));
        let deep = format!(
            "ISO-10303-21;\nDATA;\n#1=X({}1{});\nENDSEC;END-ISO-10303-21;",
            "(".repeat(100),
            ")".repeat(100)
        );
        let e = StepFile::index(deep.as_bytes(), 10, 32).unwrap_err();
        assert_eq!(e.limit, Some(StepLimit::Nesting(32)));
    }
}
