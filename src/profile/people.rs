//! People lists: filtering what is loaded and the window of rows a virtualized list draws.
//! Pure, so the scrolling arithmetic is tested natively.

use super::model::Person;
use std::ops::Range;

/// Whether a person matches a filter typed by the user: every word of the query appears,
/// case-insensitively, in the full name or the position. `lowercase` does the case mapping:
/// the browser's own in the widget (Rust's Unicode tables would cost the bundle about 8 KB
/// gzip), `str::to_lowercase` natively.
///
/// ```
/// use profile_widget::profile::{Person, people::matches};
/// let p: Person = serde_json::from_str(r#"{"ID":"7","NAME":"Ada","LAST_NAME":"Lovelace","WORK_POSITION":"Analyst"}"#).unwrap();
/// assert!(matches(&p, "love ANA", str::to_lowercase));
/// assert!(matches(&p, "  ", str::to_lowercase));
/// assert!(!matches(&p, "babbage", str::to_lowercase));
/// ```
pub fn matches(person: &Person, query: &str, lowercase: fn(&str) -> String) -> bool {
    let haystack = lowercase(&format!("{} {}", person.full_name(), person.position));
    lowercase(query)
        .split_whitespace()
        .all(|word| haystack.contains(word))
}

/// The rows to draw for a scroll position: those in view plus `overscan` on each side.
///
/// ```
/// use profile_widget::profile::people::visible_rows;
/// assert_eq!(visible_rows(0.0, 320.0, 40.0, 5, 5000), 0..14);
/// assert_eq!(visible_rows(4000.0, 320.0, 40.0, 5, 5000), 95..114);
/// assert_eq!(visible_rows(1e9, 320.0, 40.0, 5, 20), 7..20);
/// ```
pub fn visible_rows(
    scroll_top: f64,
    viewport: f64,
    row_height: f64,
    overscan: usize,
    len: usize,
) -> Range<usize> {
    if len == 0 || row_height <= 0.0 {
        return 0..0;
    }
    let max_top = (len as f64 * row_height - viewport).max(0.0);
    let top = scroll_top.clamp(0.0, max_top);
    let first = (top / row_height).floor() as usize;
    let shown = (viewport / row_height).ceil() as usize + 1;
    first.saturating_sub(overscan)..(first + shown + overscan).min(len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_stay_in_bounds() {
        for len in [0usize, 1, 7, 100, 5000] {
            for top in [-50.0, 0.0, 13.0, 399.9, 4000.0, 1e12, f64::NAN] {
                let range = visible_rows(top, 320.0, 40.0, 5, len);
                assert!(
                    range.start <= range.end && range.end <= len,
                    "{len} {top} {range:?}"
                );
                assert!(range.len() <= 20, "{range:?}");
            }
        }
    }

    #[test]
    fn filters_hostile_text_without_panicking() {
        let p: Person = serde_json::from_str(
            r#"{"ID":"7","NAME":"İstanbul\u202E","LAST_NAME":"<script>","WORK_POSITION":"ß"}"#,
        )
        .unwrap();
        assert!(matches(&p, "<SCRIPT>", str::to_lowercase));
        assert!(matches(&p, "ss", str::to_lowercase) || matches(&p, "ß", str::to_lowercase));
        assert!(!matches(&p, "zzz", str::to_lowercase));
    }
}
