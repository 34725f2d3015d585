//! REST parameters as a form body, PHP brackets style (bitrix24.md §5.2), pure.
//!
//! A form body is a CORS "simple" request: no preflight round trip (a JSON body would add
//! one). Values are written as the BX24 library writes them: `true`/`false` as text, `null`
//! left out, nested objects and arrays as `a[b][0]=…`, an empty list as `a=`.

use serde_json::Value;
use std::fmt::Write;

/// `text` percent-encoded as `encodeURIComponent` does.
///
/// ```
/// assert_eq!(bx24::form::encode("a b&c/д"), "a%20b%26c%2F%D0%B4");
/// assert_eq!(bx24::form::encode("A-z_0.!~*'()"), "A-z_0.!~*'()");
/// ```
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' => out.push(byte as char),
            b'-' | b'_' | b'.' | b'!' | b'~' | b'*' | b'\'' | b'(' | b')' => out.push(byte as char),
            _ => {
                let _ = write!(out, "%{byte:02X}");
            }
        }
    }
    out
}

/// The form body of a parameters object (`{}` and non-objects give an empty body).
///
/// ```
/// use serde_json::json;
/// let body = bx24::form::body(&json!({"FILTER": {"ID": [1, 2]}, "X": null}));
/// assert_eq!(body, "FILTER[ID][0]=1&FILTER[ID][1]=2");
/// ```
pub fn body(params: &Value) -> String {
    let mut out = String::new();
    if let Value::Object(map) = params {
        for (key, value) in map {
            pair(&mut out, &encode(key), value);
        }
    }
    out
}

fn pair(out: &mut String, name: &str, value: &Value) {
    let text = match value {
        Value::Null => return,
        Value::Bool(true) => "true".into(),
        Value::Bool(false) => "false".into(),
        Value::Number(n) => number(n),
        Value::String(s) => encode(s),
        Value::Array(items) if items.is_empty() => String::new(),
        Value::Array(items) => {
            for (n, item) in items.iter().enumerate() {
                pair(out, &format!("{name}[{n}]"), item);
            }
            return;
        }
        Value::Object(map) => {
            for (key, item) in map {
                pair(out, &format!("{name}[{}]", encode(key)), item);
            }
            return;
        }
    };
    if !out.is_empty() {
        out.push('&');
    }
    out.push_str(name);
    out.push('=');
    out.push_str(&text);
}

/// A number as text, as the BX24 library writes it: integers by hand, fractions as JavaScript
/// writes them in the browser (serde_json's `Display` links its float printer and its tables:
/// about 4 KB of wasm).
///
/// ```
/// assert_eq!(bx24::form::number(&serde_json::Number::from(-42)), "-42");
/// assert_eq!(bx24::form::number(&serde_json::Number::from_f64(4.5).unwrap()), "4.5");
/// ```
pub fn number(n: &serde_json::Number) -> String {
    if let Some(i) = n.as_i64() {
        return i.to_string();
    }
    if let Some(u) = n.as_u64() {
        return u.to_string();
    }
    let float = n.as_f64().unwrap_or_default();
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Number::from(float)
            .to_string_with_radix(10)
            .map(String::from)
            .unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        float.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The pairs of a body, sorted: object keys keep serde_json's order (sorted, or as
    /// inserted when a crate of the build enables `preserve_order`).
    fn pairs(body: &str) -> Vec<&str> {
        let mut pairs: Vec<_> = body.split('&').collect();
        pairs.sort_unstable();
        pairs
    }

    #[test]
    fn php_brackets_keep_the_shape() {
        let params = json!({"a": {"b": {"c": "x y"}}, "n": 1.5, "neg": -3, "list": [], "f": false});
        assert_eq!(
            pairs(&body(&params)),
            ["a[b][c]=x%20y", "f=false", "list=", "n=1.5", "neg=-3"]
        );
        let list = json!({"l": [{"x": 1}, [2, 3]]});
        assert_eq!(
            body(&list),
            "l[0][x]=1&l[1][0]=2&l[1][1]=3",
            "lists keep their order"
        );
    }

    #[test]
    fn names_and_values_cannot_break_out_of_their_pair() {
        let params = json!({"a&b=c": "1&auth=stolen", "k]": {"[x": "="}});
        assert_eq!(
            pairs(&body(&params)),
            ["a%26b%3Dc=1%26auth%3Dstolen", "k%5D[%5Bx]=%3D"]
        );
    }

    #[test]
    fn empty_and_non_objects_give_nothing() {
        assert_eq!(body(&json!({})), "");
        assert_eq!(body(&json!([1, 2])), "");
        assert_eq!(body(&json!({"x": null})), "");
    }
}
