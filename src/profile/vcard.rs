//! vCard 3.0 (RFC 2426) for a person: what the download button saves and what the QR code
//! of "my card" carries. Every value comes from the portal, so each is escaped and stripped of
//! control characters, and long lines are folded on character boundaries.

use super::model::{Department, LinkKind, Person, PhoneKind, profile_link};

/// At most this many links go into a vCard: my card's QR code must stay scannable.
pub const MAX_VCARD_LINKS: usize = 5;

/// The organization line of a person's vCard: their first department's name, if known.
///
/// ```
/// use profile_widget::profile::{Department, Person, vcard};
/// let p: Person = serde_json::from_str(r#"{"ID":"7","UF_DEPARTMENT":[3]}"#).unwrap();
/// let d: Department = serde_json::from_str(r#"{"ID":"3","NAME":"R&D"}"#).unwrap();
/// assert_eq!(vcard::organization(&p, &[d]), "R&D");
/// assert_eq!(vcard::organization(&p, &[]), "");
/// ```
pub fn organization(person: &Person, departments: &[Department]) -> String {
    departments
        .iter()
        .find(|d| person.departments.first() == Some(&d.id))
        .map(|d| d.name.clone())
        .unwrap_or_default()
}

/// The vCard of a person, lines ending in CRLF.
///
/// ```
/// use profile_widget::profile::{Person, vcard};
/// let p: Person = serde_json::from_str(
///     r#"{"ID":"7","NAME":"Ada","LAST_NAME":"Lovelace","WORK_POSITION":"Analyst, R&D","EMAIL":"ada@example.test"}"#,
/// ).unwrap();
/// let card = vcard::vcard(&p, "Example Ltd");
/// assert!(card.starts_with("BEGIN:VCARD\r\nVERSION:3.0\r\n"));
/// assert!(card.contains("N:Lovelace;Ada;;;\r\n"));
/// assert!(card.contains("TITLE:Analyst\\, R&D\r\n"));
/// assert!(card.ends_with("END:VCARD\r\n"));
/// ```
pub fn vcard(person: &Person, organization: &str) -> String {
    let mut lines = vec![
        "BEGIN:VCARD".to_owned(),
        "VERSION:3.0".to_owned(),
        format!(
            "N:{};{};{};;",
            escape(&person.last_name),
            escape(&person.name),
            escape(&person.second_name)
        ),
        format!("FN:{}", escape(&person.full_name())),
    ];
    let mut push = |name: &str, value: &str| {
        if !clean(value).trim().is_empty() {
            lines.push(format!("{name}:{}", escape(value.trim())));
        }
    };
    push("ORG", organization);
    push("TITLE", &person.position);
    push("EMAIL;TYPE=INTERNET,WORK", &person.email);
    for (kind, number) in person.phones() {
        let name = match kind {
            PhoneKind::Work => "TEL;TYPE=WORK,VOICE",
            PhoneKind::Mobile => "TEL;TYPE=CELL",
            PhoneKind::Inner => "X-EXTENSION",
        };
        push(name, &number);
    }
    if let Some(birthday) = person.birthday().filter(|d| d.year.is_some()) {
        let year = birthday.year.unwrap_or_default();
        push(
            "BDAY",
            &format!("{year:04}-{:02}-{:02}", birthday.month, birthday.day),
        );
    }
    for (kind, href) in links(person) {
        let name = match kind {
            LinkKind::Skype if href.starts_with("skype:") => "IMPP;X-SERVICE-TYPE=Skype",
            LinkKind::Website => "URL",
            LinkKind::Skype => "URL;TYPE=skype",
            LinkKind::Zoom => "URL;TYPE=zoom",
            LinkKind::LinkedIn => "URL;TYPE=linkedin",
            LinkKind::Xing => "URL;TYPE=xing",
            LinkKind::Facebook => "URL;TYPE=facebook",
            LinkKind::Twitter => "URL;TYPE=twitter",
        };
        push(name, &href);
    }
    lines.push("END:VCARD".to_owned());
    lines.iter().map(|line| fold(line) + "\r\n").collect()
}

/// The profile's links as the card builds them (encoders, `http(s)` and `skype:` only),
/// without repeats, at most [`MAX_VCARD_LINKS`].
fn links(person: &Person) -> Vec<(LinkKind, String)> {
    let mut links: Vec<(LinkKind, String)> = Vec::new();
    for (field, value) in &person.details.links() {
        if let Some(link) = profile_link(field, value)
            && !links.iter().any(|(_, href)| *href == link.1)
        {
            links.push(link);
        }
    }
    links.truncate(MAX_VCARD_LINKS);
    links
}

/// A safe file name for the download: letters, digits and `-` only, never empty.
///
/// ```
/// use profile_widget::profile::{Person, vcard};
/// let p: Person = serde_json::from_str(r#"{"ID":"7","NAME":"Zoë","LAST_NAME":"../O'Neil"}"#).unwrap();
/// assert_eq!(vcard::file_name(&p), "Zoë-O-Neil.vcf");
/// ```
pub fn file_name(person: &Person) -> String {
    let mut name = String::new();
    for c in person.full_name().chars() {
        if c.is_alphanumeric() {
            name.push(c);
        } else if !name.is_empty() && !name.ends_with('-') {
            name.push('-');
        }
    }
    let name: String = name.trim_end_matches('-').chars().take(60).collect();
    if name.is_empty() {
        format!("contact-{}.vcf", person.id)
    } else {
        format!("{name}.vcf")
    }
}

/// Control characters (including bidi overrides and zero-width marks) out.
fn clean(value: &str) -> String {
    value.chars().filter(|&c| is_clean(c)).collect()
}

/// Neither a control character nor an invisible mark that could reorder or hide text.
fn is_clean(c: char) -> bool {
    !c.is_control()
        && !matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// RFC 2426 text escaping: backslash, comma and semicolon escaped; a line break (CR LF, CR or
/// LF) becomes `\n`; other control characters and invisible marks are left out. One pass over
/// the characters: a substring search would link str's searcher and slice panic into the
/// first paint (about 3 KB).
fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' | '\n' => {
                if c == '\r' {
                    chars.next_if_eq(&'\n');
                }
                out.push_str("\\n");
            }
            '\\' | ',' | ';' => {
                out.push('\\');
                out.push(c);
            }
            c if is_clean(c) => out.push(c),
            _ => {}
        }
    }
    out
}

/// Folds a line at 75 octets, never inside a character; continuation lines start with a space.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3);
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(json: &str) -> Person {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn every_line_break_is_one_escaped_newline_and_marks_are_left_out() {
        assert_eq!(escape("a\r\nb\rc\nd\r\re"), "a\\nb\\nc\\nd\\n\\ne");
        assert_eq!(escape("\u{202E}Ж,ж;\u{7}\u{200B}\\"), "Ж\\,ж\\;\\\\");
        assert_eq!(escape("\r"), "\\n");
    }

    #[test]
    fn escapes_hostile_text() {
        let p = person(
            r#"{"ID":"7","NAME":"A;B","LAST_NAME":"x\\y","WORK_POSITION":"line1\nline2\r\nEND:VCARD"}"#,
        );
        let card = vcard(&p, "");
        assert!(card.contains("N:x\\\\y;A\\;B;;;\r\n"), "{card}");
        assert!(
            card.contains("TITLE:line1\\nline2\\nEND:VCARD\r\n"),
            "{card}"
        );
        assert_eq!(card.split("\r\n").filter(|l| *l == "END:VCARD").count(), 1);
        assert!(!card.contains("ORG:"));
    }

    #[test]
    fn strips_controls_and_bidi() {
        let p = person(r#"{"ID":"7","NAME":"Ev\u202Eil\u200B","LAST_NAME":"\u0007Bell"}"#);
        let card = vcard(&p, "");
        assert!(card.contains("N:Bell;Evil;;;\r\n"), "{card}");
    }

    #[test]
    fn folds_long_lines_on_char_boundaries() {
        let long = "Ж".repeat(100);
        let p = person(&format!(
            r#"{{"ID":"7","NAME":"A","WORK_POSITION":"{long}"}}"#
        ));
        let card = vcard(&p, "");
        for line in card.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        let unfolded = card.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("TITLE:{long}\r\n")));
    }

    #[test]
    fn phones_email_and_birthday() {
        let p = person(
            r#"{"ID":"7","NAME":"Ada","EMAIL":"ada@example.test","WORK_PHONE":"+1 555","PERSONAL_MOBILE":"+1 777",
                "UF_PHONE_INNER":"204","PERSONAL_BIRTHDAY":"1990-07-14T00:00:00+03:00"}"#,
        );
        let card = vcard(&p, "Example; Ltd");
        for expected in [
            "ORG:Example\\; Ltd\r\n",
            "EMAIL;TYPE=INTERNET,WORK:ada@example.test\r\n",
            "TEL;TYPE=WORK,VOICE:+1 555\r\n",
            "TEL;TYPE=CELL:+1 777\r\n",
            "X-EXTENSION:204\r\n",
            "BDAY:1990-07-14\r\n",
        ] {
            assert!(card.contains(expected), "missing {expected:?} in {card}");
        }
    }

    #[test]
    fn links_go_in_built_by_the_card_and_bounded() {
        let p = person(
            r#"{"ID":"7","NAME":"Ada","UF_SKYPE":"live:ada","UF_LINKEDIN":"ada",
                "UF_WEB_SITES":["https://ada.example/","javascript:alert(1)","https://ada.example/"],
                "UF_TWITTER":"@ada","UF_FACEBOOK":"ada.l","UF_XING":"Ada_L","UF_ZOOM":"https://zoom.example/j/1"}"#,
        );
        let card = vcard(&p, "");
        for expected in [
            "URL:https://ada.example/\r\n",
            "IMPP;X-SERVICE-TYPE=Skype:skype:live:ada?chat\r\n",
            "URL;TYPE=linkedin:https://www.linkedin.com/in/ada\r\n",
        ] {
            assert!(card.contains(expected), "missing {expected:?} in {card}");
        }
        assert!(!card.contains("javascript"), "{card}");
        assert_eq!(
            card.matches("URL").count() + card.matches("IMPP").count(),
            MAX_VCARD_LINKS
        );
    }

    #[test]
    fn file_names_are_safe() {
        let p = person(r#"{"ID":"9","NAME":"<script>","LAST_NAME":"/etc/passwd"}"#);
        assert_eq!(file_name(&p), "script-etc-passwd.vcf");
        let nameless = person(r#"{"ID":"9","NAME":"..","LAST_NAME":"//"}"#);
        assert_eq!(file_name(&nameless), "contact-9.vcf");
    }
}
