//! Request parameters as the Bitrix24 server reads them (bitrix24.md §5.1–5.2): the query
//! string merged with the body; the body is JSON for `application/json` and form-urlencoded
//! for any other type (which is why the library's `text/plain` works). Form keys use PHP
//! bracket syntax (`FILTER[>ID]=5`, `ID[]=1`); values stay strings, as in PHP.

use serde_json::{Map, Value};

/// Bracket levels a form key may have: PHP's `max_input_nesting_level` default. PHP drops a
/// deeper variable entirely; so does this parser (and no request can nest deeper).
pub const MAX_NESTING: usize = 64;

/// Decodes `a=1&b[c]=2&d[]=x&d[]=y` into nested objects (lists become `{"0":…,"1":…}`,
/// exactly like PHP arrays, which the methods then read leniently).
pub fn parse_form(input: &str) -> Map<String, Value> {
    let mut out = Map::new();
    for pair in input.split('&').filter(|p| !p.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let name = decode(name);
        let value = decode(value);
        // PHP skips leading spaces and turns spaces and dots of the top-level name into `_`;
        // an empty name (or one that starts with `[`) is dropped.
        let name = name.trim_start_matches(' ');
        let (head, rest) = name.split_at(name.find('[').unwrap_or(name.len()));
        if head.is_empty() {
            continue;
        }
        let head = head.replace([' ', '.'], "_");
        let head = head.as_str();
        let mut path = vec![head.to_owned()];
        let mut tail = rest;
        while let Some(stripped) = tail.strip_prefix('[') {
            let Some(close) = stripped.find(']') else {
                break;
            };
            path.push(stripped[..close].to_owned());
            tail = &stripped[close + 1..];
            if path.len() > MAX_NESTING + 1 {
                break;
            }
        }
        if path.len() > MAX_NESTING + 1 {
            out.remove(head); // as PHP does: the whole variable goes
            continue;
        }
        insert(&mut out, &path, Value::String(value));
    }
    out
}

fn insert(node: &mut Map<String, Value>, path: &[String], value: Value) {
    let mut key = path[0].clone();
    if key.is_empty() {
        key = next_index(node);
    }
    if path.len() == 1 {
        node.insert(key, value);
        return;
    }
    let child = node.entry(key).or_insert_with(|| Value::Object(Map::new()));
    if !child.is_object() {
        *child = Value::Object(Map::new());
    }
    if let Value::Object(map) = child {
        insert(map, &path[1..], value);
    }
}

fn next_index(node: &Map<String, Value>) -> String {
    let next = node
        .keys()
        .filter_map(|k| k.parse::<u64>().ok())
        .max()
        .map_or(0, |m| m + 1);
    next.to_string()
}

/// How many levels of brackets a parsed value holds (never more than [`MAX_NESTING`]).
///
/// ```
/// use portal::params::{depth, parse_form};
/// assert_eq!(depth(&parse_form("a[b][c]=1")["a"]), 2);
/// ```
pub fn depth(value: &Value) -> usize {
    match value {
        Value::Object(map) => 1 + map.values().map(depth).max().unwrap_or(0),
        _ => 0,
    }
}

/// Percent-decoding with `+` as a space; invalid UTF-8 is replaced, never fatal.
pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(high), Some(low)) => {
                    out.push(high * 16 + low);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            other => out.push(other),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(byte: u8) -> Option<u8> {
    (byte as char).to_digit(16).map(|d| d as u8)
}

/// Merges the query string and the body as the server does (body wins).
pub fn request_params(query: &str, content_type: &str, body: &[u8]) -> Map<String, Value> {
    let mut params = parse_form(query);
    let body_text = String::from_utf8_lossy(body);
    if content_type.starts_with("application/json") {
        if let Ok(Value::Object(map)) = serde_json::from_slice::<Value>(body) {
            params.extend(map);
        }
    } else {
        params.extend(parse_form(&body_text));
    }
    params
}

/// A parameter as text (strings, numbers and booleans alike).
pub fn text(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(if *b { "true" } else { "false" }.into()),
        _ => None,
    }
}

/// A parameter as an integer, leniently (`"5"`, `5`, `" 5 "`).
pub fn int(value: Option<&Value>) -> Option<i64> {
    match value? {
        Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)),
        Value::String(s) => s.trim().parse().ok(),
        Value::Bool(b) => Some(i64::from(*b)),
        _ => None,
    }
}

/// PHP truthiness of a parameter: `"0"`, `""`, `"false"`-as-text is *true* in PHP, but the
/// Bitrix24 methods read flags with their own helpers; this follows those (`Y`, `1`, `true`).
pub fn flag(value: Option<&Value>) -> bool {
    match value {
        Some(Value::Bool(b)) => *b,
        Some(Value::Number(n)) => n.as_f64().is_some_and(|f| f != 0.0),
        Some(Value::String(s)) => matches!(s.to_ascii_lowercase().as_str(), "y" | "1" | "true"),
        _ => false,
    }
}

/// A list parameter: a JSON array, a PHP array (`{"0":…}`), or a single scalar.
pub fn list(value: Option<&Value>) -> Vec<Value> {
    match value {
        Some(Value::Array(items)) => items.clone(),
        Some(Value::Object(map)) => map.values().cloned().collect(),
        Some(Value::Null) | None => Vec::new(),
        Some(other) => vec![other.clone()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn php_brackets() {
        let parsed = parse_form("auth=t&FILTER%5B%3EID%5D=5&ID[]=1&ID[]=2&a[b][c]=x&empty=&flag");
        assert_eq!(
            Value::Object(parsed),
            json!({"auth": "t", "FILTER": {">ID": "5"}, "ID": {"0": "1", "1": "2"},
                   "a": {"b": {"c": "x"}}, "empty": "", "flag": ""})
        );
        // PHP's odd names: empty ones and leading brackets dropped, spaces and dots mangled.
        let odd = parse_form("=1&[a]=2&&%20b.c=3&d[e.f]=4");
        assert_eq!(Value::Object(odd), json!({"b_c": "3", "d": {"e.f": "4"}}));
    }

    #[test]
    fn nesting_is_bounded_as_php_bounds_it() {
        let nested = |levels: usize| format!("x{}=v", "[a]".repeat(levels));
        let kept = parse_form(&format!("{}&y=1", nested(MAX_NESTING)));
        assert_eq!(depth(&kept["x"]), MAX_NESTING);
        // One level deeper: PHP drops the whole variable; the rest of the request stays.
        let dropped = parse_form(&format!("{}&y=1", nested(MAX_NESTING + 1)));
        assert_eq!(Value::Object(dropped), json!({"y": "1"}));
        // A short request nested thousands of levels deep (about 9 KB) is harmless.
        let deep = nested(3_000);
        assert!(deep.len() < 10_000);
        assert_eq!(Value::Object(parse_form(&deep)), json!({}));
    }

    #[test]
    fn decoding_is_lenient() {
        assert_eq!(decode("a+b%20c"), "a b c");
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz"), "%zz");
        assert_eq!(decode("%D0%90"), "А");
        assert_eq!(decode("%FF"), "\u{FFFD}");
    }

    #[test]
    fn body_types() {
        let json_body = request_params("start=50", "application/json", br#"{"ID":[1,2]}"#);
        assert_eq!(
            Value::Object(json_body),
            json!({"start": "50", "ID": [1, 2]})
        );
        let text_body = request_params("", "text/plain;charset=UTF-8", b"auth=x&ID=3");
        assert_eq!(Value::Object(text_body), json!({"auth": "x", "ID": "3"}));
    }

    #[test]
    fn readers() {
        assert_eq!(int(Some(&json!(" 7 "))), Some(7));
        assert_eq!(int(Some(&json!(-1))), Some(-1));
        assert!(flag(Some(&json!("Y"))));
        assert!(!flag(Some(&json!("false"))));
        assert_eq!(
            list(Some(&json!({"0": 1, "1": 2}))),
            vec![json!(1), json!(2)]
        );
        assert_eq!(list(Some(&json!(3))), vec![json!(3)]);
    }
}
