//! Links built from portal values: a photo that is safe to load, `tel:` and `mailto:` hrefs.
//! Every value is hostile: only what passes is ever put into an attribute.

/// The photo URL if it is safe to load: `https:` anywhere, or the portal's own origin.
/// `javascript:`, `data:`, plain `http:` elsewhere and relative URLs are refused.
///
/// ```
/// use profile_widget::profile::safe_image_url;
/// assert!(safe_image_url("https://cdn.test/a.jpg", "http://127.0.0.1:8000").is_some());
/// assert!(safe_image_url("http://127.0.0.1:8000/sim/photo/2.svg", "http://127.0.0.1:8000").is_some());
/// assert!(safe_image_url("javascript:alert(1)", "http://127.0.0.1:8000").is_none());
/// ```
pub fn safe_image_url(raw: &str, portal_origin: &str) -> Option<String> {
    let url = raw.trim();
    let allowed_char =
        |c: char| c.is_ascii_graphic() && !matches!(c, '"' | '\'' | '<' | '>' | '\\' | '`');
    if url.is_empty() || !url.chars().all(allowed_char) {
        return None;
    }
    let lower = url.to_ascii_lowercase();
    let https = lower.starts_with("https://") && url.len() > "https://".len();
    let own = !portal_origin.is_empty()
        && lower.starts_with(&format!("{}/", portal_origin.to_ascii_lowercase()));
    (https || own).then(|| url.to_owned())
}

/// A `tel:` link for a phone number: digits, a leading `+`, and `,`/`;` pauses only.
///
/// ```
/// use profile_widget::profile::tel_href;
/// assert_eq!(tel_href("+49 (30) 123-45"), Some("tel:+493012345".into()));
/// assert_eq!(tel_href("call me"), None);
/// ```
pub fn tel_href(number: &str) -> Option<String> {
    let mut out = String::new();
    for c in number.trim().chars() {
        match c {
            '+' if out.is_empty() => out.push('+'),
            '0'..='9' | ',' | ';' => out.push(c),
            _ => {}
        }
    }
    out.chars()
        .any(|c| c.is_ascii_digit())
        .then(|| format!("tel:{out}"))
}

/// A `mailto:` link with the address percent-encoded; `None` unless it looks like an address.
///
/// ```
/// use profile_widget::profile::mailto_href;
/// assert_eq!(mailto_href("ada@example.test"), Some("mailto:ada@example.test".into()));
/// assert_eq!(mailto_href("a?b@x.test"), Some("mailto:a%3Fb@x.test".into()));
/// assert_eq!(mailto_href("javascript:x"), None);
/// ```
pub fn mailto_href(address: &str) -> Option<String> {
    let address = address.trim();
    let (local, domain) = address.rsplit_once('@')?;
    if local.is_empty() || domain.is_empty() || !domain.contains('.') {
        return None;
    }
    let encode = |part: &str| -> String {
        part.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'+' => {
                    (b as char).to_string()
                }
                other => format!("%{other:02X}"),
            })
            .collect()
    };
    Some(format!("mailto:{}@{}", encode(local), encode(domain)))
}
