//! Links built from portal values: a photo that is safe to load, `tel:` and `mailto:` hrefs,
//! and the profile's web and messenger links.
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
    let url = attribute_safe(raw)?;
    let lower = url.to_ascii_lowercase();
    let https = lower.starts_with("https://") && url.len() > "https://".len();
    let own = !portal_origin.is_empty()
        && lower.starts_with(&format!("{}/", portal_origin.to_ascii_lowercase()));
    (https || own).then(|| url.to_owned())
}

/// `raw` trimmed, if it is not empty and every character is printable ASCII that cannot end
/// an attribute or start markup (no quotes, `<`, `>`, `\`, backquote).
fn attribute_safe(raw: &str) -> Option<&str> {
    let url = raw.trim();
    let allowed =
        |c: char| c.is_ascii_graphic() && !matches!(c, '"' | '\'' | '<' | '>' | '\\' | '`');
    (!url.is_empty() && url.chars().all(allowed)).then_some(url)
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
    Some(format!(
        "mailto:{}@{}",
        percent_encode(local, b"+"),
        percent_encode(domain, b"+")
    ))
}

/// `part` with every byte percent-encoded except ASCII letters, digits, `-._~` and `keep`.
fn percent_encode(part: &str, keep: &[u8]) -> String {
    part.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            b if keep.contains(&b) => (b as char).to_string(),
            other => format!("%{other:02X}"),
        })
        .collect()
}

/// What a profile link is: its label on the card and its vCard type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkKind {
    /// A web site (`UF_WEB_SITES`, `WORK_WWW`, `PERSONAL_WWW`).
    Website,
    /// Skype (`UF_SKYPE`: a name; `UF_SKYPE_LINK`: a join link).
    Skype,
    /// Zoom (`UF_ZOOM`: a meeting link).
    Zoom,
    /// LinkedIn.
    LinkedIn,
    /// Xing.
    Xing,
    /// Facebook.
    Facebook,
    /// X (Twitter).
    Twitter,
}

/// A `http(s)` URL as written, when every character is safe in an attribute and a host
/// follows the scheme; a bare `www.example.test/page` gets `https://`.
fn web_url(raw: &str) -> Option<String> {
    let url = attribute_safe(raw)?;
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(host) => host
            .starts_with(|c: char| c.is_ascii_alphanumeric())
            .then(|| url.to_owned()),
        None if !lower.contains(':') && url.starts_with(|c: char| c.is_ascii_alphanumeric()) => {
            let host = url.split('/').next().unwrap_or("");
            host.contains('.').then(|| format!("https://{url}"))
        }
        None => None,
    }
}

/// The link of one profile field's value: its kind and an href that is `http(s)` or `skype:`,
/// built with encoders from a handle where the field holds one (`@ada` on X is
/// `https://x.com/ada`). `None` for a field that is not a link or a value that makes none.
///
/// ```
/// use profile_widget::profile::{LinkKind, profile_link};
/// assert_eq!(profile_link("UF_LINKEDIN", "ada-lovelace"),
///     Some((LinkKind::LinkedIn, "https://www.linkedin.com/in/ada-lovelace".into())));
/// assert_eq!(profile_link("UF_LINKEDIN", "javascript:alert(1)"), None);
/// assert_eq!(profile_link("UF_SKYPE", "live:ada"), Some((LinkKind::Skype, "skype:live:ada?chat".into())));
/// assert_eq!(profile_link("UF_WEB_SITES", "javascript:alert(1)"), None);
/// ```
pub fn profile_link(field: &str, value: &str) -> Option<(LinkKind, String)> {
    let value = value.trim();
    // A handle is a name, not a path or a script: letters, digits, `._-` (and `:` on Skype).
    let handle = Some(value.trim_start_matches('@')).filter(|h| {
        !h.is_empty()
            && h.chars().count() <= 100
            && h.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | ':'))
    });
    let profile_at = |base: &str| -> Option<String> {
        let handle = handle.filter(|h| !h.contains(':'));
        web_url(value)
            .filter(|_| value.contains('/'))
            .or_else(|| handle.map(|h| format!("{base}{}", percent_encode(h, b""))))
    };
    let link = match field {
        "UF_WEB_SITES" | "WORK_WWW" | "PERSONAL_WWW" => (LinkKind::Website, web_url(value)?),
        "UF_SKYPE" => (
            LinkKind::Skype,
            format!("skype:{}?chat", percent_encode(handle?, b":")),
        ),
        "UF_SKYPE_LINK" => (LinkKind::Skype, web_url(value)?),
        "UF_ZOOM" => (LinkKind::Zoom, web_url(value)?),
        "UF_LINKEDIN" => (
            LinkKind::LinkedIn,
            profile_at("https://www.linkedin.com/in/")?,
        ),
        "UF_XING" => (LinkKind::Xing, profile_at("https://www.xing.com/profile/")?),
        "UF_FACEBOOK" => (LinkKind::Facebook, profile_at("https://www.facebook.com/")?),
        "UF_TWITTER" => (LinkKind::Twitter, profile_at("https://x.com/")?),
        _ => return None,
    };
    Some(link)
}
