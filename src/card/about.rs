//! The lower half of the card, which only the app draws: "about me" and the work notes
//! (plain text, line breaks kept, long text folded) and the profile's links and messengers.
//! Pure: what the card says, for `ui::about` to render as text.

use crate::i18n::{Lang, Msg, t};
use crate::profile::model::cut;
use crate::profile::{LinkKind, Profile, profile_link};

/// "About me" and the work notes are cut after this many characters.
pub const MAX_NOTE_CHARS: usize = 4000;
/// A note longer than this many characters is folded…
pub const FOLD_CHARS: usize = 280;
/// …and so is one with more lines than this.
pub const FOLD_LINES: usize = 4;

/// A piece of a note: text, or an `https` address that passed the link check (its href is
/// the address itself, every character of it safe in an attribute).
#[derive(Clone, Debug, PartialEq)]
pub enum Run {
    /// Plain text, line breaks included.
    Text(String),
    /// An address shown as a link.
    Link(String),
}

/// One note: its heading, its text, and the folded beginning when it is long.
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    /// "About me" or "Work notes".
    pub title: &'static str,
    /// The whole text.
    pub full: Vec<Run>,
    /// The beginning shown until "More" is pressed; `None` when the text is short.
    pub folded: Option<Vec<Run>>,
}

/// One link or messenger: its label, the value as written, and the href built from it.
#[derive(Clone, Debug, PartialEq)]
pub struct LinkRow {
    /// "LinkedIn", "Website", …
    pub label: &'static str,
    /// The value as the portal gave it.
    pub value: String,
    /// `https:`/`http:`/`skype:`.
    pub href: String,
}

/// The notes and links of a profile.
#[derive(Clone, Debug, PartialEq)]
pub struct About {
    /// About me, then the work notes, each if set.
    pub notes: Vec<Note>,
    /// The links that make a link; values that do not are left out.
    pub links: Vec<LinkRow>,
}

impl About {
    /// What the lower half says about `profile` in `lang`.
    pub fn new(lang: Lang, profile: &Profile) -> Self {
        let details = &profile.person.details;
        let notes = [
            (Msg::About, &details.about),
            (Msg::WorkNotes, &details.work_notes),
        ]
        .into_iter()
        .map(|(title, text)| (title, note(text)))
        .filter(|(_, text)| !text.is_empty())
        .map(|(title, text)| Note {
            title: t(lang, title),
            full: runs(&text),
            folded: fold(&text).map(|short| runs(&short)),
        })
        .collect();
        let mut links: Vec<LinkRow> = Vec::new();
        for (field, value) in &details.links() {
            let Some((kind, href)) = profile_link(field, value) else {
                continue;
            };
            if !links.iter().any(|l| l.href == href) {
                links.push(LinkRow {
                    label: t(lang, link_label(kind)),
                    value: value.clone(),
                    href,
                });
            }
        }
        Self { notes, links }
    }
}

/// The message that labels a link of `kind`.
pub fn link_label(kind: LinkKind) -> Msg {
    match kind {
        LinkKind::Website => Msg::LinkWebsite,
        LinkKind::Skype => Msg::LinkSkype,
        LinkKind::Zoom => Msg::LinkZoom,
        LinkKind::LinkedIn => Msg::LinkLinkedin,
        LinkKind::Xing => Msg::LinkXing,
        LinkKind::Facebook => Msg::LinkFacebook,
        LinkKind::Twitter => Msg::LinkTwitter,
    }
}

/// A note as shown: its line breaks kept (CR LF and CR become LF), trimmed, cut to
/// [`MAX_NOTE_CHARS`].
///
/// ```
/// use profile_widget::card::about::note;
/// assert_eq!(note(" one\r\ntwo\rthree\n"), "one\ntwo\nthree");
/// assert_eq!(note(&"x".repeat(9000)).chars().count(), 4001);
/// ```
pub fn note(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    cut(text.trim(), MAX_NOTE_CHARS)
}

/// The beginning of a long `text` (at most [`FOLD_CHARS`] characters and [`FOLD_LINES`]
/// lines, ending in `…`), or `None` when it is short enough to show whole.
///
/// ```
/// use profile_widget::card::about::fold;
/// assert_eq!(fold("short"), None);
/// assert_eq!(fold("1\n2\n3\n4\n5"), Some("1\n2\n3\n4…".into()));
/// let long = format!("{} https://example.test/{}", "a".repeat(270), "b".repeat(40));
/// assert_eq!(fold(&long), Some(format!("{}…", "a".repeat(270))));
/// ```
pub fn fold(text: &str) -> Option<String> {
    let text = text.trim_end();
    let by_lines = text
        .match_indices('\n')
        .nth(FOLD_LINES - 1)
        .map(|(at, _)| at);
    let by_chars = text.char_indices().nth(FOLD_CHARS).map(|(at, _)| at);
    let mut end = match (by_lines, by_chars) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b)?,
    };
    // An address cut in two would link somewhere else: fold before it instead.
    let word_start = text[..end]
        .rfind(char::is_whitespace)
        .map_or(0, |at| at + 1);
    if text[word_start..end].contains("https://") {
        end = word_start;
    }
    Some(format!("{}…", text[..end].trim_end()))
}

/// `text` cut into plain text and `https` addresses (a trailing `.`, `,`, `)` … stays text).
///
/// ```
/// use profile_widget::card::about::{Run, runs};
/// assert_eq!(runs("see https://example.test/a."), vec![
///     Run::Text("see ".into()), Run::Link("https://example.test/a".into()), Run::Text(".".into())]);
/// assert_eq!(runs("javascript:alert(1) http://plain.test"),
///     vec![Run::Text("javascript:alert(1) http://plain.test".into())]);
/// ```
pub fn runs(text: &str) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    let push_text = |out: &mut Vec<Run>, piece: &str| {
        if piece.is_empty() {
            return;
        }
        match out.last_mut() {
            Some(Run::Text(last)) => last.push_str(piece),
            _ => out.push(Run::Text(piece.to_owned())),
        }
    };
    let mut rest = text;
    while let Some(start) = rest.find("https://") {
        push_text(&mut out, &rest[..start]);
        let tail = &rest[start..];
        let end = tail
            .find(|c: char| c.is_whitespace() || !c.is_ascii_graphic())
            .unwrap_or(tail.len());
        let word = &tail[..end];
        let address = word.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '\'', '"']);
        let safe = address.len() > "https://".len()
            && address
                .chars()
                .all(|c| !matches!(c, '"' | '\'' | '<' | '>' | '\\' | '`'));
        if safe {
            out.push(Run::Link(address.to_owned()));
            push_text(&mut out, &word[address.len()..]);
        } else {
            push_text(&mut out, word);
        }
        rest = &tail[end..];
    }
    push_text(&mut out, rest);
    out
}
