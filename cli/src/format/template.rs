//! Go `text/template` for `--format`, on `serde_json::Value` data.
//!
//! Parsing and execution are done by the `gotmpl` crate (a port of Go's
//! `text/template`); this module adds Podman's extra functions (`json`, `lower`,
//! `upper`, `title`, `join`, `split`, `truncate`, `pad`), the check that a field
//! named by the template exists, and the header row of `table` formats.

use std::collections::BTreeMap;
use std::sync::Arc;

use gotmpl::parse::{Expr, ListNode, Node, PipeNode};
use gotmpl::{MissingKey, Value};
use serde_json::Value as Json;

/// Name the template is parsed under (used to look its tree up again).
const NAME: &str = "format";

/// A parsed template.
pub struct Template {
    inner: gotmpl::Template,
}

/// An error parsing or rendering a template.
#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    /// The template text is not valid; the message names line and column.
    #[error("{0}")]
    Parse(String),
    /// The template names a field the data does not have.
    #[error("template: no field \"{field}\" in {{{{.{path}}}}}")]
    NoField {
        /// The missing field.
        field: String,
        /// The whole field chain it was reached through, like `State.Foo`.
        path: String,
    },
    /// Executing the template failed (bad function argument, bad index...).
    #[error("template: {0}")]
    Render(String),
}

impl Template {
    /// Parse Go template text (no `table` prefix, no `\t` escapes: see [`super::render_items`]).
    pub fn parse(src: &str) -> Result<Template, TemplateError> {
        let inner = funcs::register(gotmpl::Template::new(NAME))
            .missing_key(MissingKey::Invalid)
            .parse(src)
            .map_err(|e| TemplateError::Parse(e.to_string()))?;
        // gotmpl accepts unbalanced blocks and unknown functions; Go rejects both.
        check_blocks(src)?;
        if let Some(tree) = inner.lookup(NAME) {
            check_funcs(tree, src)?;
        }
        Ok(Template { inner })
    }

    /// Render the template with `data` as dot.
    pub fn render(&self, data: &Json) -> Result<String, TemplateError> {
        if let Some(tree) = self.inner.lookup(NAME) {
            check_list(tree, Some(data), data)?;
        }
        self.inner.execute_to_string(&to_value(data)).map_err(|e| {
            let msg = e.to_string();
            let msg = msg.strip_prefix("execution error: ").unwrap_or(&msg);
            TemplateError::Render(msg.to_string())
        })
    }

    /// The header line of a `table` format: the template's text with each action
    /// replaced by the header of the field it shows (`headers` by field name or
    /// dotted path, else the field name upper-cased with camel case split by spaces).
    pub fn header(&self, headers: &BTreeMap<&str, &str>) -> String {
        let mut out = String::new();
        if let Some(tree) = self.inner.lookup(NAME) {
            header_list(tree, headers, &mut out);
        }
        out
    }
}

/// Go's built-in template functions, plus Podman's (see [`funcs`]).
const KNOWN_FUNCS: &[&str] = &[
    "and", "call", "eq", "ge", "gt", "html", "index", "js", "le", "len", "lt", "ne", "not", "or",
    "print", "printf", "println", "slice", "urlquery", "json", "lower", "upper", "title", "join",
    "split", "truncate", "pad",
];

/// `template: format:LINE:COL: MSG` for the byte `offset` of `src`.
fn syntax_error(src: &str, offset: usize, msg: &str) -> TemplateError {
    let before = src.get(..offset).unwrap_or(src);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    TemplateError::Parse(format!("template: {NAME}:{line}:{col}: {msg}"))
}

/// The end (just past `}}`) of the action that `s` starts with, skipping comments,
/// quoted strings, raw strings and character literals; `None` if it is not closed.
pub(super) fn action_end(s: &str) -> Option<usize> {
    let body = s.get(2..)?;
    let lead = body.strip_prefix("- ").unwrap_or(body);
    if let Some(comment) = lead.strip_prefix("/*") {
        let close = comment.find("*/")? + 2;
        let after = s.len() - comment.len() + close;
        return s[after..].find("}}").map(|e| after + e + 2);
    }
    let bytes = s.as_bytes();
    let mut i = 2;
    while i < bytes.len() {
        match bytes[i] {
            b'}' if bytes.get(i + 1) == Some(&b'}') => return Some(i + 2),
            q @ (b'"' | b'\'' | b'`') => {
                i += 1;
                while i < bytes.len() && bytes[i] != q {
                    i += if bytes[i] == b'\\' && q != b'`' { 2 } else { 1 };
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Check that `if`/`range`/`with`/`define`/`block` and `end` pair up and that
/// `else` is inside a block.
fn check_blocks(src: &str) -> Result<(), TemplateError> {
    let mut open: Vec<(usize, &str)> = Vec::new();
    let mut pos = 0;
    while let Some(found) = src[pos..].find("{{") {
        let start = pos + found;
        let Some(len) = action_end(&src[start..]) else {
            break; // the engine already reported unclosed actions
        };
        let inner = src[start + 2..start + len - 2].trim();
        let inner = inner.strip_prefix('-').unwrap_or(inner).trim_start();
        let word_len = inner
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(inner.len());
        let word = &inner[..word_len];
        match word {
            "if" | "range" | "with" | "define" | "block" => open.push((start, word)),
            "end" if open.pop().is_none() => {
                return Err(syntax_error(src, start, "unexpected {{end}}"))
            }
            "else" if open.is_empty() => {
                return Err(syntax_error(src, start, "unexpected {{else}}"))
            }
            _ => {}
        }
        pos = start + len;
    }
    match open.pop() {
        Some((start, word)) => Err(syntax_error(
            src,
            start,
            &format!("unclosed {{{{{word}}}}} (no matching {{{{end}}}})"),
        )),
        None => Ok(()),
    }
}

/// Check that every function the template calls exists.
fn check_funcs(list: &ListNode, src: &str) -> Result<(), TemplateError> {
    for node in &list.nodes {
        match node {
            Node::List(l) => check_funcs(l, src)?,
            Node::Action(a) => check_pipe_funcs(&a.pipe, src)?,
            Node::If(b) | Node::Range(b) | Node::With(b) => {
                check_pipe_funcs(&b.pipe, src)?;
                check_funcs(&b.body, src)?;
                if let Some(e) = &b.else_body {
                    check_funcs(e, src)?;
                }
            }
            Node::Template(t) => {
                if let Some(p) = &t.pipe {
                    check_pipe_funcs(p, src)?;
                }
            }
            Node::Define(d) => check_funcs(&d.body, src)?,
            _ => {}
        }
    }
    Ok(())
}

fn check_pipe_funcs(pipe: &PipeNode, src: &str) -> Result<(), TemplateError> {
    for arg in pipe.commands.iter().flat_map(|c| &c.args) {
        match arg {
            Expr::Identifier(pos, name) if !KNOWN_FUNCS.contains(&name.as_str()) => {
                let msg = format!("function \"{name}\" not defined");
                return Err(syntax_error(src, pos.offset, &msg));
            }
            Expr::Pipe(_, p) => check_pipe_funcs(p, src)?,
            Expr::Chain(_, inner, _) => {
                if let Expr::Pipe(_, p) = inner.as_ref() {
                    check_pipe_funcs(p, src)?;
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// Convert JSON data to the template engine's values.
fn to_value(j: &Json) -> Value {
    match j {
        Json::Null => Value::Nil,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => Value::Int(i),
            (None, Some(u)) => Value::Uint(u),
            _ => Value::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Json::String(s) => Value::String(Arc::from(s.as_str())),
        Json::Array(a) => Value::List(a.iter().map(to_value).collect()),
        Json::Object(m) => Value::Map(Arc::new(
            m.iter()
                .map(|(k, v)| (Arc::from(k.as_str()), to_value(v)))
                .collect(),
        )),
    }
}

/// Convert a template value back to JSON (for the `json` function).
fn to_json(v: &Value) -> Json {
    match v {
        Value::Nil | Value::Function(_) => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Int(i) => Json::from(*i),
        Value::Uint(u) => Json::from(*u),
        Value::Float(f) => serde_json::Number::from_f64(*f).map_or(Json::Null, Json::Number),
        Value::String(s) => Json::String(s.to_string()),
        Value::List(l) => Json::Array(l.iter().map(to_json).collect()),
        Value::Map(m) => Json::Object(m.iter().map(|(k, v)| (k.to_string(), to_json(v))).collect()),
    }
}

/// Check that the fields the template reads from `dot` (known outside `range`
/// and `with` bodies) or from `$` exist, before executing it.
fn check_list(list: &ListNode, dot: Option<&Json>, root: &Json) -> Result<(), TemplateError> {
    for node in &list.nodes {
        match node {
            Node::List(l) => check_list(l, dot, root)?,
            Node::Action(a) => check_pipe(&a.pipe, dot, root)?,
            Node::If(b) | Node::Range(b) | Node::With(b) => {
                check_pipe(&b.pipe, dot, root)?;
                let body_dot = if matches!(node, Node::If(_)) {
                    dot
                } else {
                    None
                };
                check_list(&b.body, body_dot, root)?;
                if let Some(e) = &b.else_body {
                    check_list(e, dot, root)?;
                }
            }
            _ => {}
        }
    }
    Ok(())
}

fn check_pipe(pipe: &PipeNode, dot: Option<&Json>, root: &Json) -> Result<(), TemplateError> {
    for arg in pipe.commands.iter().flat_map(|c| &c.args) {
        check_expr(arg, dot, root)?;
    }
    Ok(())
}

fn check_expr(expr: &Expr, dot: Option<&Json>, root: &Json) -> Result<(), TemplateError> {
    match expr {
        Expr::Field(_, chain) => dot.map_or(Ok(()), |d| check_chain(d, chain)),
        Expr::Variable(_, name, chain) if name.as_str() == "$" => check_chain(root, chain),
        Expr::Pipe(_, p) => check_pipe(p, dot, root),
        Expr::Chain(_, inner, _) => check_expr(inner, dot, root),
        _ => Ok(()),
    }
}

/// Walk `chain` from `start`. A missing key is an error at the first level (the
/// item is a Go struct in Podman) and in objects whose keys all look like Go
/// struct fields (capitalised); elsewhere it is a map lookup giving `<no value>`.
fn check_chain<S: AsRef<str>>(start: &Json, chain: &[S]) -> Result<(), TemplateError> {
    let mut cur = start;
    for (i, name) in chain.iter().map(AsRef::as_ref).enumerate() {
        let Json::Object(map) = cur else {
            return Ok(()); // null or a non-object: the engine decides
        };
        match map.get(name) {
            Some(v) => cur = v,
            None if i == 0 || looks_like_struct(map) => {
                let path: Vec<&str> = chain.iter().map(AsRef::as_ref).collect();
                return Err(TemplateError::NoField {
                    field: name.to_string(),
                    path: path.join("."),
                });
            }
            None => return Ok(()),
        }
    }
    Ok(())
}

fn looks_like_struct(map: &serde_json::Map<String, Json>) -> bool {
    !map.is_empty()
        && map
            .keys()
            .all(|k| k.starts_with(|c: char| c.is_ascii_uppercase()))
}

/// Append the header text for `list` (see [`Template::header`]).
fn header_list(list: &ListNode, headers: &BTreeMap<&str, &str>, out: &mut String) {
    for node in &list.nodes {
        match node {
            Node::List(l) => header_list(l, headers, out),
            Node::Text(t) => out.push_str(&t.text),
            Node::Action(a) if a.pipe.decl.is_empty() => {
                if let Some(chain) = first_field(&a.pipe) {
                    out.push_str(&header_for(&chain, headers));
                }
            }
            Node::If(b) | Node::With(b) => header_list(&b.body, headers, out),
            Node::Range(b) => {
                if let Some(chain) = first_field(&b.pipe) {
                    out.push_str(&header_for(&chain, headers));
                }
            }
            _ => {}
        }
    }
}

/// The first field chain a pipeline reads (`.A.B` or `$.A.B`), if any.
fn first_field(pipe: &PipeNode) -> Option<Vec<String>> {
    pipe.commands
        .iter()
        .flat_map(|c| &c.args)
        .find_map(|e| match e {
            Expr::Field(_, chain) => Some(chain.iter().map(|s| s.to_string()).collect()),
            Expr::Variable(_, name, chain) if name.as_str() == "$" && !chain.is_empty() => {
                Some(chain.iter().map(|s| s.to_string()).collect())
            }
            Expr::Pipe(_, p) => first_field(p),
            _ => None,
        })
}

/// Header for a field chain: an override for the dotted path or the last name,
/// else the last name with camel case split by spaces, upper-cased (as Podman).
fn header_for(chain: &[String], headers: &BTreeMap<&str, &str>) -> String {
    let last = chain.last().map(String::as_str).unwrap_or_default();
    headers
        .get(chain.join(".").as_str())
        .or_else(|| headers.get(last))
        .map(|h| h.to_uppercase())
        .unwrap_or_else(|| split_camel(last).to_uppercase())
}

/// `CreatedAt` -> `Created At`, `ImageID` -> `Image ID`, `HTTPServer` -> `HTTP Server`.
fn split_camel(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if i > 0 && c.is_uppercase() {
            let prev_lower = chars[i - 1].is_lowercase();
            let acronym_end =
                chars[i - 1].is_uppercase() && chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            if prev_lower || acronym_end {
                out.push(' ');
            }
        }
        out.push(c);
    }
    out
}

/// Podman's template functions (containers/common `report.DefaultFuncs`).
mod funcs {
    use super::{to_json, Value};
    use gotmpl::TemplateError as E;
    use std::sync::Arc;

    type R = gotmpl::Result<Value>;

    /// Add Podman's functions to a template before it is parsed.
    pub(super) fn register(t: gotmpl::Template) -> gotmpl::Template {
        t.func("json", json)
            .func("lower", |a| map_str("lower", a, |s| s.to_lowercase()))
            .func("upper", |a| map_str("upper", a, |s| s.to_uppercase()))
            .func("title", |a| map_str("title", a, title))
            .func("join", join)
            .func("split", split)
            .func("truncate", truncate)
            .func("pad", pad)
    }

    fn arity(name: &str, args: &[Value], n: usize) -> Result<(), E> {
        if args.len() == n {
            Ok(())
        } else {
            Err(E::ArgCount {
                name: name.to_string(),
                expected: n,
                got: args.len(),
            })
        }
    }

    fn string<'a>(name: &str, v: &'a Value) -> Result<&'a str, E> {
        match v {
            Value::String(s) => Ok(s),
            other => Err(E::Exec(format!(
                "{name}: expected string, got {}",
                other.type_name()
            ))),
        }
    }

    fn int(name: &str, v: &Value) -> Result<usize, E> {
        let n = match v {
            Value::Int(i) => usize::try_from(*i).ok(),
            Value::Uint(u) => usize::try_from(*u).ok(),
            Value::Float(f) if f.fract() == 0.0 && *f >= 0.0 => Some(*f as usize),
            _ => None,
        };
        n.ok_or_else(|| E::Exec(format!("{name}: expected a non-negative integer, got {v}")))
    }

    fn text(s: String) -> R {
        Ok(Value::String(Arc::from(s)))
    }

    fn map_str(name: &str, args: &[Value], f: impl Fn(&str) -> String) -> R {
        arity(name, args, 1)?;
        text(f(string(name, &args[0])?))
    }

    /// Go's `strings.Title`: upper-case the first letter of each word.
    fn title(s: &str) -> String {
        let mut prev_sep = true;
        s.chars()
            .flat_map(|c| {
                let up = prev_sep;
                prev_sep = !(c.is_alphanumeric() || c == '_');
                if up {
                    c.to_uppercase().collect::<Vec<_>>()
                } else {
                    vec![c]
                }
            })
            .collect()
    }

    /// Compact JSON, without HTML escaping (as Podman's `json`).
    fn json(args: &[Value]) -> R {
        arity("json", args, 1)?;
        text(to_json(&args[0]).to_string())
    }

    /// `join LIST SEP`; also `LIST | join SEP` (the piped list comes last).
    fn join(args: &[Value]) -> R {
        arity("join", args, 2)?;
        let (list, sep) = match (&args[0], &args[1]) {
            (Value::List(l), sep) | (sep, Value::List(l)) => (l, string("join", sep)?),
            (Value::Nil, sep) | (sep, Value::Nil) => {
                return text(string("join", sep).map(|_| String::new())?);
            }
            (a, _) => {
                return Err(E::Exec(format!(
                    "join: expected list, got {}",
                    a.type_name()
                )));
            }
        };
        let parts: Vec<String> = list
            .iter()
            .map(|v| string("join", v).map(str::to_string))
            .collect::<Result<_, _>>()?;
        text(parts.join(sep))
    }

    /// `split STR SEP`: Go's `strings.Split` (an empty separator splits into characters).
    fn split(args: &[Value]) -> R {
        arity("split", args, 2)?;
        let (s, sep) = (string("split", &args[0])?, string("split", &args[1])?);
        let parts: Vec<Value> = if sep.is_empty() {
            s.chars()
                .map(|c| Value::String(Arc::from(c.to_string())))
                .collect()
        } else {
            s.split(sep).map(|p| Value::String(Arc::from(p))).collect()
        };
        Ok(Value::List(parts.into()))
    }

    /// `truncate STR N`: the first N characters of STR.
    fn truncate(args: &[Value]) -> R {
        arity("truncate", args, 2)?;
        // `truncate STR N`, or `STR | truncate N` (the piped string comes last).
        let (s, n) = match (&args[0], &args[1]) {
            (n @ (Value::Int(_) | Value::Uint(_)), s @ Value::String(_)) => (s, n),
            (s, n) => (s, n),
        };
        let (s, n) = (string("truncate", s)?, int("truncate", n)?);
        text(s.chars().take(n).collect())
    }

    /// The widest `pad` (the same bound gotmpl puts on printf's widths): a template
    /// must not be able to ask for gigabytes of spaces.
    pub(super) const MAX_PAD: usize = 1 << 16;

    /// `pad STR N M`: N spaces, STR, M spaces; an empty STR stays empty.
    fn pad(args: &[Value]) -> R {
        arity("pad", args, 3)?;
        // `pad STR N M`, or `STR | pad N M` (the piped string comes last).
        let (s, n, m) = match &args[2] {
            Value::String(_) => (&args[2], &args[0], &args[1]),
            _ => (&args[0], &args[1], &args[2]),
        };
        let s = string("pad", s)?;
        let (left, right) = (int("pad", n)?, int("pad", m)?);
        if left.max(right) > MAX_PAD {
            return Err(E::Exec(format!(
                "pad: a width of {} is more than the most, {MAX_PAD}",
                left.max(right)
            )));
        }
        if s.is_empty() {
            return text(String::new());
        }
        text(format!("{}{s}{}", " ".repeat(left), " ".repeat(right)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn render(src: &str, data: &Json) -> String {
        Template::parse(src).unwrap().render(data).unwrap()
    }

    fn render_err(src: &str, data: &Json) -> String {
        match Template::parse(src) {
            Ok(t) => t.render(data).unwrap_err().to_string(),
            Err(e) => e.to_string(),
        }
    }

    fn ctr() -> Json {
        json!({
            "ID": "abc123",
            "Names": ["web", "db"],
            "State": {"Status": "running", "Pid": 42},
            "Labels": {"app": "shop", "tier": "front"},
            "Size": 1024,
            "Ratio": 1.5,
            "Running": true,
            "Empty": "",
            "None": null,
            "Ports": [],
        })
    }

    #[test]
    fn fields_dot_and_nesting() {
        assert_eq!(render("{{.ID}}", &ctr()), "abc123");
        assert_eq!(
            render("{{ .State.Status }}/{{.State.Pid}}", &ctr()),
            "running/42"
        );
        assert_eq!(render("{{ .Labels.app }}", &ctr()), "shop");
        assert_eq!(render("{{.}}", &json!("plain")), "plain");
        assert_eq!(render("{{.Names}}", &ctr()), "[web db]");
        assert_eq!(render("{{.Ratio}} {{.Running}}", &ctr()), "1.5 true");
        assert_eq!(render("{{$.ID}}", &ctr()), "abc123");
        assert_eq!(render("id={{.ID}}!", &ctr()), "id=abc123!");
    }

    #[test]
    fn missing_struct_field_is_an_error_naming_it() {
        assert_eq!(
            render_err("{{.Foo}}", &ctr()),
            "template: no field \"Foo\" in {{.Foo}}"
        );
        assert_eq!(
            render_err("{{.State.Foo}}", &ctr()),
            "template: no field \"Foo\" in {{.State.Foo}}"
        );
        assert!(render_err("{{join .Nope \",\"}}", &ctr()).contains("\"Nope\""));
        assert!(render_err("{{if .Nope}}x{{end}}", &ctr()).contains("\"Nope\""));
        assert!(render_err("{{$.Nope}}", &ctr()).contains("\"Nope\""));
    }

    #[test]
    fn missing_map_key_is_no_value() {
        assert_eq!(render("{{.Labels.missing}}", &ctr()), "<no value>");
        assert_eq!(render("{{.None.Anything}}", &ctr()), "<no value>");
    }

    #[test]
    fn field_of_non_object_is_a_render_error() {
        let e = render_err("{{.ID.Foo}}", &ctr());
        assert!(e.starts_with("template: "), "{e}");
        assert!(e.contains("Foo"), "{e}");
    }

    #[test]
    fn json_function() {
        assert_eq!(render("{{json .Names}}", &ctr()), r#"["web","db"]"#);
        assert_eq!(
            render("{{json .State}}", &ctr()),
            r#"{"Pid":42,"Status":"running"}"#
        );
        assert_eq!(render("{{json .None}}", &ctr()), "null");
        assert_eq!(render("{{json .}}", &json!({"a": "<&>"})), r#"{"a":"<&>"}"#);
        assert_eq!(render("{{json .Ratio}}", &ctr()), "1.5");
    }

    #[test]
    fn case_functions() {
        assert_eq!(render("{{lower \"AbC\"}}", &ctr()), "abc");
        assert_eq!(render("{{upper .ID}}", &ctr()), "ABC123");
        assert_eq!(
            render("{{title \"hello big-world_x\"}}", &ctr()),
            "Hello Big-World_x"
        );
        assert!(render_err("{{upper .Size}}", &ctr()).contains("upper: expected string, got int"));
    }

    #[test]
    fn join_split_truncate_pad() {
        assert_eq!(render("{{join .Names \",\"}}", &ctr()), "web,db");
        assert_eq!(render("{{.Names | join \", \"}}", &ctr()), "web, db");
        assert_eq!(render("{{join .Ports \",\"}}", &ctr()), "");
        assert_eq!(render("{{join .None \",\"}}", &ctr()), "");
        assert_eq!(render("{{split \"a:b:c\" \":\"}}", &ctr()), "[a b c]");
        assert_eq!(render("{{index (split \"a:b\" \":\") 1}}", &ctr()), "b");
        assert_eq!(render("{{len (split \"ab\" \"\")}}", &ctr()), "2");
        assert_eq!(render("{{truncate .ID 3}}", &ctr()), "abc");
        assert_eq!(render("{{truncate .ID 30}}", &ctr()), "abc123");
        assert_eq!(render("[{{pad .ID 2 1}}]", &ctr()), "[  abc123 ]");
        assert_eq!(render("[{{pad .Empty 2 1}}]", &ctr()), "[]");
        assert!(render_err("{{truncate .ID -1}}", &ctr()).contains("non-negative integer"));
        assert!(render_err("{{pad .ID 1}}", &ctr()).contains("pad"));
        // Found by the template fuzz target: a huge width used to abort on allocation.
        let at_most = format!("{{{{pad .ID {} 0}}}}", funcs::MAX_PAD);
        assert_eq!(render(&at_most, &ctr()).len(), funcs::MAX_PAD + 6);
        let too_wide = render_err("{{pad .ID 11 0555555555555555555}}", &ctr());
        assert!(too_wide.contains("pad: a width of"), "{too_wide}");
    }

    #[test]
    fn builtins_len_index_printf() {
        assert_eq!(render("{{len .Names}} {{len .ID}}", &ctr()), "2 6");
        assert_eq!(render("{{index .Names 1}}", &ctr()), "db");
        assert_eq!(render("{{index .Labels \"tier\"}}", &ctr()), "front");
        assert_eq!(
            render(
                "{{printf \"%s|%d|%v|%q|%-6s|%5s\" .ID .Size .Running .ID .ID \"ab\"}}",
                &ctr()
            ),
            "abc123|1024|true|\"abc123\"|abc123|   ab"
        );
        assert_eq!(
            render("{{printf \"%-8s|\" .State.Status}}", &ctr()),
            "running |"
        );
    }

    #[test]
    fn pipelines_chain() {
        assert_eq!(
            render("{{.ID | upper | truncate 3}}", &json!({"ID": "abcdef"})),
            "ABC"
        );
        assert_eq!(render("{{.Names | len}}", &ctr()), "2");
        assert_eq!(render("[{{.ID | pad 1 2}}]", &ctr()), "[ abc123  ]");
        assert_eq!(render("{{.ID | printf \"%.2s\"}}", &ctr()), "ab");
    }

    #[test]
    fn range_and_if() {
        assert_eq!(
            render("{{range .Names}}<{{.}}>{{end}}", &ctr()),
            "<web><db>"
        );
        assert_eq!(
            render("{{range $k, $v := .Labels}}{{$k}}={{$v}};{{end}}", &ctr()),
            "app=shop;tier=front;"
        );
        assert_eq!(
            render("{{range .Ports}}x{{else}}none{{end}}", &ctr()),
            "none"
        );
        assert_eq!(render("{{if .Running}}up{{else}}down{{end}}", &ctr()), "up");
        for falsy in ["Empty", "None", "Ports"] {
            let src = format!("{{{{if .{falsy}}}}}yes{{{{else}}}}no{{{{end}}}}");
            assert_eq!(render(&src, &ctr()), "no", "{falsy}");
        }
        assert_eq!(render("{{if .Size}}yes{{end}}", &ctr()), "yes");
        assert_eq!(
            render("{{if .N}}yes{{else}}no{{end}}", &json!({"N": 0})),
            "no"
        );
        assert_eq!(
            render("{{if .M}}yes{{else}}no{{end}}", &json!({"M": {}})),
            "no"
        );
        // Inside range, dot is the element: its fields are not checked against the item.
        assert_eq!(
            render(
                "{{range .L}}{{.Name}}{{end}}",
                &json!({"L": [{"Name": "a"}, {}]})
            ),
            "a<no value>"
        );
    }

    #[test]
    fn literals_and_trim_markers() {
        assert_eq!(render("{{\"str\"}} {{42}} {{1.5}}", &ctr()), "str 42 1.5");
        assert_eq!(render("a  {{- .ID -}}  b", &ctr()), "aabc123b");
        assert_eq!(render("a\n{{- \"x\"}}\n", &ctr()), "ax\n");
        assert_eq!(render("{{/* comment */}}ok", &ctr()), "ok");
    }

    #[test]
    fn parse_errors_name_the_position() {
        let e = render_err("ab {{.ID", &ctr());
        assert!(e.contains("unclosed action"), "{e}");
        assert!(e.contains("1:"), "{e}");
        assert_eq!(
            render_err("a\n {{if .ID}}x", &ctr()),
            "template: format:2:2: unclosed {{if}} (no matching {{end}})"
        );
        assert_eq!(
            render_err("{{range .Names}}{{if .}}x{{end}}", &ctr()),
            "template: format:1:1: unclosed {{range}} (no matching {{end}})"
        );
        assert_eq!(
            render_err("{{.ID}} {{- end -}}", &ctr()),
            "template: format:1:9: unexpected {{end}}"
        );
        assert_eq!(
            render_err("x{{else}}", &ctr()),
            "template: format:1:2: unexpected {{else}}"
        );
        assert_eq!(
            render_err("{{.ID | nosuchfunc}}", &ctr()),
            "template: format:1:9: function \"nosuchfunc\" not defined"
        );
        assert!(render_err("{{if (nope .ID)}}{{end}}", &ctr()).contains("\"nope\" not defined"));
        assert!(render_err("{{.ID | }}", &ctr()).contains("empty command"));
        assert!(render_err("{{ \"open }}", &ctr()).contains("unterminated string"));
        // Keywords inside strings and comments do not open blocks.
        assert_eq!(render("{{/* if */}}{{\"{{if\"}}", &ctr()), "{{if");
        assert_eq!(render("{{- /* \" }} if */ -}} {{.ID}}", &ctr()), "abc123");
        assert_eq!(
            render("{{if .ID}}{{else if .Size}}{{else}}{{end}}ok", &ctr()),
            "ok"
        );
    }

    #[test]
    fn header_uses_overrides_then_field_names() {
        let t = Template::parse(
            "{{.ID}}\t{{.CreatedAt}}\t{{.State.Status}}\t{{.ImageID}}\t{{.Names | join \",\"}}",
        )
        .unwrap();
        let mut h = BTreeMap::new();
        h.insert("ID", "container id");
        assert_eq!(
            t.header(&h),
            "CONTAINER ID\tCREATED AT\tSTATUS\tIMAGE ID\tNAMES"
        );
        h.insert("State.Status", "State");
        h.insert("Names", "Names");
        assert_eq!(
            t.header(&h),
            "CONTAINER ID\tCREATED AT\tSTATE\tIMAGE ID\tNAMES"
        );
        let t = Template::parse(
            "x {{if .A}}{{.B}}{{end}} {{range .Mounts}}{{.Dst}}{{end}} {{\"lit\"}}",
        )
        .unwrap();
        assert_eq!(t.header(&BTreeMap::new()), "x B MOUNTS ");
    }

    #[test]
    fn camel_split() {
        assert_eq!(split_camel("ID"), "ID");
        assert_eq!(split_camel("RunningFor"), "Running For");
        assert_eq!(split_camel("HTTPServer"), "HTTP Server");
        assert_eq!(split_camel("lower"), "lower");
    }
}
