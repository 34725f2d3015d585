//! Sharing a contact: the vCard download and, on my own card, a QR code of my vCard.

use super::shared::use_ui;
use crate::i18n::{Msg, t};
use leptos::prelude::*;
use qrcodegen::{QrCode, QrCodeEcc};

/// The download link for a person's vCard.
#[component]
pub fn VcardLink(vcard: String, file_name: String) -> impl IntoView {
    let lang = use_ui().lang;
    view! {
        <span class="action">
            <a class="button quiet vcard" href=crate::page::vcard_href(&vcard) download=file_name>{t(lang, Msg::ActVcard)}</a>
        </span>
    }
}

/// The SVG path of a QR code's dark modules, one sub-path per horizontal run, inside a
/// quiet zone of `border` modules. Returns the side length and the path.
pub fn qr_path(text: &str, border: i32) -> Option<(i32, String)> {
    // Medium error correction; vCards of any sensible length fit (up to ~2.3 KB).
    let qr = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let size = qr.size();
    let mut path = String::new();
    for y in 0..size {
        let mut x = 0;
        while x < size {
            if qr.get_module(x, y) {
                let start = x;
                while x < size && qr.get_module(x, y) {
                    x += 1;
                }
                path.push_str(&format!(
                    "M{} {}h{}v1h-{}z",
                    start + border,
                    y + border,
                    x - start,
                    x - start
                ));
            } else {
                x += 1;
            }
        }
    }
    Some((size + 2 * border, path))
}

/// A QR code of my vCard, to scan with a phone.
#[component]
pub fn QrPanel(vcard: String) -> impl IntoView {
    let lang = use_ui().lang;
    qr_path(&vcard, 4).map(|(side, path)| {
        view! {
            <figure class="qr">
                <svg viewBox=format!("0 0 {side} {side}") width="220" height="220" role="img"
                    aria-label=t(lang, Msg::ActQr) shape-rendering="crispEdges">
                    <rect width="100%" height="100%" fill="#fff"/>
                    <path d=path fill="#000"/>
                </svg>
                <figcaption>{t(lang, Msg::QrHint)}</figcaption>
            </figure>
        }
    })
}

#[cfg(test)]
mod tests {
    use super::qr_path;

    #[test]
    fn qr_has_finder_patterns_and_quiet_zone() {
        let vcard = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ада Лавлейс\r\nEND:VCARD\r\n";
        let (side, path) = qr_path(vcard, 4).unwrap();
        let modules = side - 8;
        assert!(modules >= 21 && (modules - 17) % 4 == 0, "{modules}");
        // Top-left and top-right finder patterns start with a run of seven dark modules.
        assert!(path.starts_with("M4 4h7v1h-7z"), "{}", &path[..40]);
        assert!(path.contains(&format!("M{} 4h7v1h-7z", side - 4 - 7)));
    }

    #[test]
    fn too_much_text_gives_no_code() {
        assert!(qr_path(&"x".repeat(5000), 4).is_none());
    }
}
