//! The production Content-Security-Policy of the widget's page: only what the widget needs.
//! Trunk writes an inline module script (the wasm loader) whose file names change with every
//! build, so the policy carries that script's hash, computed from the page being served.

use base64::Engine;
use sha2::{Digest, Sha256};

/// Where the real BX24 library comes from outside the simulator.
const LIBRARY_ORIGIN: &str = "https://api.bitrix24.com";

/// `'sha256-…'` sources for every inline `<script>` of `page` (scripts with `src` excluded).
///
/// ```
/// let page = "<script type=module>import init from '/a.js';</script><script src=/b.js></script>";
/// let hashes = portal::csp::inline_script_hashes(page);
/// assert_eq!(hashes.len(), 1);
/// assert!(hashes[0].starts_with("'sha256-") && hashes[0].ends_with("='"));
/// ```
pub fn inline_script_hashes(page: &str) -> Vec<String> {
    let mut hashes = Vec::new();
    let mut rest = page;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(tag_end) = after.find('>') else {
            break;
        };
        let tag = &after[..tag_end];
        let body = &after[tag_end + 1..];
        let Some(close) = body.find("</script>") else {
            break;
        };
        if !tag.contains(" src=") && !tag.contains(" src =") {
            let digest = Sha256::digest(&body.as_bytes()[..close]);
            let encoded = base64::engine::general_purpose::STANDARD.encode(digest);
            hashes.push(format!("'sha256-{encoded}'"));
        }
        rest = &body[close + "</script>".len()..];
    }
    hashes
}

/// The policy for `page` framed by `portals` (their origins: REST calls and photos go there,
/// and on a loopback simulator the library too).
///
/// ```
/// let policy = portal::csp::page_policy("<script>x()</script>", &["https://a.bitrix24.com".into()]);
/// assert!(policy.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"));
/// assert!(policy.contains("connect-src 'self' https://a.bitrix24.com"));
/// assert!(policy.contains("frame-ancestors 'self' https://a.bitrix24.com"));
/// assert!(policy.starts_with("default-src 'none'"));
/// ```
pub fn page_policy(page: &str, portals: &[String]) -> String {
    let portals = portals.join(" ");
    let scripts = inline_script_hashes(page).join(" ");
    [
        "default-src 'none'".to_owned(),
        format!("script-src 'self' 'wasm-unsafe-eval' {scripts} {LIBRARY_ORIGIN} {portals}"),
        // Stylesheets from the app only; Leptos sets a few `style` attributes (the list's rows).
        "style-src 'self'".to_owned(),
        "style-src-attr 'unsafe-inline'".to_owned(),
        // Photos: https anywhere (portal CDNs), or the portal itself; `data:` for the favicon.
        format!("img-src 'self' https: data: {portals}"),
        format!("connect-src 'self' {portals}"),
        format!("frame-ancestors 'self' {portals}"),
        "base-uri 'none'".to_owned(),
        "form-action 'none'".to_owned(),
        "object-src 'none'".to_owned(),
    ]
    .iter()
    .map(|d| d.split_whitespace().collect::<Vec<_>>().join(" "))
    .collect::<Vec<_>>()
    .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_match_the_script_text_exactly() {
        let page = "<script type=module>a\n</script><script>b</script>";
        let hashes = inline_script_hashes(page);
        let expected = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"a\n"));
        assert_eq!(hashes[0], format!("'sha256-{expected}'"));
        assert_eq!(hashes.len(), 2);
        assert_ne!(hashes[0], hashes[1]);
    }

    #[test]
    fn unterminated_scripts_are_not_hashed() {
        assert!(inline_script_hashes("<script>never closed").is_empty());
        assert!(inline_script_hashes("<script").is_empty());
        assert!(inline_script_hashes("").is_empty());
    }
}
