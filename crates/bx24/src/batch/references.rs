//! `$result[key]…` references to commands of an earlier chunk, resolved as the server would.

use super::Entry;
use serde_json::Value;
use std::collections::BTreeMap;

/// Replaces `$result[key]…` references to already answered commands (earlier chunks)
/// inside `params`; references to anything else are left for the server.
pub(crate) fn resolve_references(params: &mut Value, known: &BTreeMap<String, Entry>) {
    match params {
        Value::String(text) => {
            if let Some(value) = resolve_text(text, known) {
                *params = value;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| resolve_references(v, known)),
        Value::Object(map) => map.values_mut().for_each(|v| resolve_references(v, known)),
        _ => {}
    }
}

/// A parsed `$result[key][a]…` occurrence in `text`: its byte range and path.
fn find_reference(text: &str, from: usize) -> Option<(usize, usize, Vec<&str>)> {
    const OPEN: &str = "$result";
    let start = from + find(text.get(from..)?, OPEN)?;
    let mut at = start + OPEN.len();
    let mut path = Vec::new();
    // `get`, not indexing, and `find` below: the app's card code then links neither str's
    // slice panic (with its char formatting) nor its two-way searcher (0.3 KB, measured).
    while let Some(rest) = text.get(at..).and_then(|rest| rest.strip_prefix('[')) {
        let (segment, _) = rest.split_once(']')?;
        path.push(segment);
        at += segment.len() + 2;
    }
    if path.is_empty() {
        return find_reference(text, start + OPEN.len());
    }
    Some((start, at, path))
}

/// Where `needle` starts in `text`, without `str::find`'s two-way searcher (see above).
fn find(text: &str, needle: &str) -> Option<usize> {
    let needle = needle.as_bytes();
    text.as_bytes()
        .windows(needle.len())
        .position(|window| window == needle)
}

fn lookup<'a>(known: &'a BTreeMap<String, Entry>, path: &[&str]) -> Option<&'a Value> {
    let (key, rest) = path.split_first()?;
    let mut value = known.get(*key)?.result.as_ref().ok()?;
    for segment in rest {
        value = match value {
            Value::Object(map) => map.get(*segment)?,
            Value::Array(items) => items.get(segment.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(value)
}

fn resolve_text(text: &str, known: &BTreeMap<String, Entry>) -> Option<Value> {
    let (start, end, path) = find_reference(text, 0)?;
    if start == 0 && end == text.len() {
        return lookup(known, &path).cloned();
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    let mut changed = false;
    let mut next = Some((start, end, path));
    while let Some((start, end, path)) = next {
        match lookup(known, &path) {
            Some(value) => {
                out.push_str(text.get(from..start).unwrap_or_default());
                match value {
                    Value::String(s) => out.push_str(s),
                    // As the browser writes it (no serde_json float printer in the bundle).
                    Value::Number(n) => out.push_str(&crate::form::number(n)),
                    Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
                    // As PHP writes them into text: arrays are "Array", null is empty.
                    Value::Array(_) | Value::Object(_) => out.push_str("Array"),
                    Value::Null => {}
                }
                changed = true;
            }
            None => out.push_str(text.get(from..end).unwrap_or_default()),
        }
        from = end;
        next = find_reference(text, end);
    }
    out.push_str(text.get(from..).unwrap_or_default());
    changed.then_some(Value::String(out))
}
