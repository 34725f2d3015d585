//! All user-facing text. The texts are in `locales/<bitrix code>.toml`, one file per language,
//! `key = "text"`; the build checks every file against English (a missing or extra key, or a
//! placeholder missing, fails it) and generates the tables included here (`build/locales.rs`).
//! `LANG` from the portal picks the language; unknown codes get English. Tested natively.
//!
//! ```
//! use profile_widget::i18n::{t, Lang, Msg};
//! assert_eq!(Lang::from_bitrix("ua"), Lang::Uk);
//! assert_eq!(Lang::from_bitrix("xx"), Lang::En);
//! assert_eq!(Lang::Uk.bitrix_code(), "ua");
//! assert_eq!(Lang::PtBr.tag(), "pt-BR");
//! assert_eq!(t(Lang::En, Msg::OutsideTitle), "This widget runs inside Bitrix24");
//! ```

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// `text` with its placeholder (`{time}`, `{seconds}`: each text has at most one, as in
/// English, which the build checks) replaced by `value`.
fn fill(text: &str, value: &str) -> String {
    let Some((before, rest)) = text.split_once('{') else {
        return text.to_owned();
    };
    let after = rest.split_once('}').map_or("", |(_, after)| after);
    [before, value, after].concat()
}

/// "3 h ahead of you", "1 h 30 min behind you", "same time as you": the amounts are the
/// language's own `hours` and `minutes` (which join number and unit as the language does), the
/// phrase its `ahead_of_you` or `behind_you`.
///
/// ```
/// use profile_widget::i18n::{time_difference, Lang};
/// assert_eq!(time_difference(Lang::En, 180), "3 h ahead of you");
/// assert_eq!(time_difference(Lang::En, -90), "1 h 30 min behind you");
/// assert_eq!(time_difference(Lang::En, 0), "same time as you");
/// assert_eq!(time_difference(Lang::De, 30), "30 Min. später als bei Ihnen");
/// assert_eq!(time_difference(Lang::Ru, -60), "на 1 ч раньше, чем у вас");
/// assert_eq!(time_difference(Lang::Ja, 150), "あなたより2時間30分進んでいます");
/// ```
pub fn time_difference(lang: Lang, minutes: i32) -> String {
    if minutes == 0 {
        return t_card(lang, CardMsg::SameTimeAsYou).to_owned();
    }
    let (hours, rest) = (minutes.unsigned_abs() / 60, minutes.unsigned_abs() % 60);
    let hours_text = t_card(lang, CardMsg::Hours);
    let mut amount = String::new();
    if hours > 0 {
        amount = fill(hours_text, &hours.to_string());
    }
    if rest > 0 {
        // A language that writes "2 h" writes "2 h 30 min"; one that writes "2時間", "2時間30分".
        if hours > 0 && hours_text.contains(' ') {
            amount.push(' ');
        }
        amount += &minutes_amount(lang, rest);
    }
    let phrase = if minutes > 0 {
        CardMsg::AheadOfYou
    } else {
        CardMsg::BehindYou
    };
    fill(t_card(lang, phrase), &amount)
}

/// "30 min", "30分": a number of minutes as the language writes it.
///
/// ```
/// use profile_widget::i18n::{minutes_amount, Lang};
/// assert_eq!(minutes_amount(Lang::En, 30), "30 min");
/// assert_eq!(minutes_amount(Lang::ZhCn, 60), "60分钟");
/// ```
pub fn minutes_amount(lang: Lang, minutes: u32) -> String {
    fill(t_card(lang, CardMsg::Minutes), &minutes.to_string())
}

/// "Absent until 14.12.2026", "14.12.2026まで不在": the language's whole phrase around a date
/// already formatted for it.
///
/// ```
/// use profile_widget::i18n::{absent_until, Lang};
/// assert_eq!(absent_until(Lang::En, "Dec 14"), "Absent until Dec 14");
/// assert_eq!(absent_until(Lang::Tr, "14 Ara"), "14 Ara tarihine kadar işte değil");
/// ```
pub fn absent_until(lang: Lang, date: &str) -> String {
    fill(t_card(lang, CardMsg::AbsentUntil), date)
}

/// "Trying again in 3 s…", for the retry countdown.
///
/// ```
/// use profile_widget::i18n::{retrying_in, Lang};
/// assert_eq!(retrying_in(Lang::En, 3), "Trying again in 3 s…");
/// assert_eq!(retrying_in(Lang::Ru, 3), "Повтор через 3 с…");
/// ```
pub fn retrying_in(lang: Lang, seconds: u32) -> String {
    fill(t(lang, Msg::RetryingIn), &seconds.to_string())
}

/// The text of `msg` with its placeholder replaced by `value` (a number or a clock: never
/// portal text, which is shown isolated beside a message instead of inside it).
///
/// ```
/// use profile_widget::i18n::{t_with, Lang, Msg};
/// assert_eq!(t_with(Lang::En, Msg::MeetingTheirTime, "15:00"), "15:00 for them");
/// ```
pub fn t_with(lang: Lang, msg: Msg, value: &str) -> String {
    fill(t(lang, msg), value)
}

impl Lang {
    /// The direction its text runs in, for `dir`: Arabic right to left, the others left to
    /// right.
    ///
    /// ```
    /// use profile_widget::i18n::Lang;
    /// assert_eq!(Lang::Ar.dir(), "rtl");
    /// assert_eq!(Lang::Ja.dir(), "ltr");
    /// ```
    pub fn dir(self) -> &'static str {
        if self == Lang::Ar { "rtl" } else { "ltr" }
    }
}

/// The text of `msg` before and after its placeholder, for a value shown in an element of its
/// own (portal text, isolated in a `<bdi>`) rather than inside the message.
///
/// ```
/// use profile_widget::i18n::{t_around, Lang, Msg};
/// assert_eq!(t_around(Lang::De, Msg::StatusBound), ("Installiert als „", "“"));
/// assert_eq!(t_around(Lang::En, Msg::Close), ("Close", ""));
/// ```
pub fn t_around(lang: Lang, msg: Msg) -> (&'static str, &'static str) {
    let text = t(lang, msg);
    match text.split_once('{') {
        Some((before, rest)) => (before, rest.split_once('}').map_or("", |(_, after)| after)),
        None => (text, ""),
    }
}

/// The text of `msg` in `lang`. Every language has every message: the build refuses a
/// locale file with a key missing, and each table is an array the length of its part of [`Msg`].
///
/// ```
/// use profile_widget::i18n::{t, Lang, Msg};
/// assert_eq!(t(Lang::En, Msg::Retry), "Try again");
/// assert_eq!(t(Lang::Ru, Msg::Retry), "Повторить");
/// assert_eq!(t(Lang::De, Msg::Connecting), "Verbindung zu Bitrix24 wird hergestellt…");
/// ```
pub fn t(lang: Lang, msg: Msg) -> &'static str {
    match (msg as usize).checked_sub(CARD_COUNT) {
        None => card_table(lang)[msg as usize],
        Some(rest) => table(lang)[rest],
    }
}

/// The first screen's texts of `lang`: built in, installed, or else the reference's.
fn card_table(lang: Lang) -> &'static CardTable {
    built_in_card(lang)
        .or_else(|| installed(&INSTALLED_CARD, lang))
        .unwrap_or(REFERENCE_TABLES.0)
}

/// The other texts of `lang`: built in, installed, or else the reference's.
fn table(lang: Lang) -> &'static Table {
    built_in(lang)
        .or_else(|| installed(&INSTALLED_APP, lang))
        .unwrap_or(REFERENCE_TABLES.1)
}

/// The placement item's default title in `lang`: the one text built in for every language,
/// since the install page names the item in all of them at once (`LANG_ALL`).
///
/// ```
/// use profile_widget::i18n::{item_title, Lang};
/// assert_eq!(item_title(Lang::De), "Profilkarte");
/// ```
pub fn item_title(lang: Lang) -> &'static str {
    let index = Lang::ALL.iter().position(|&l| l == lang).unwrap_or(0);
    ITEM_TITLES[index]
}

/// One part of a language's texts, as a wasm build fetches them (a file each, written by
/// `crates/locale-files`): the first paint needs only the first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The first screen's messages ([`CardMsg`]).
    Card,
    /// Every other message.
    App,
}

impl Part {
    /// Both parts, the first screen's first.
    pub const ALL: [Part; 2] = [Part::Card, Part::App];

    /// Its name in the file names (`<code>-<part>.json`).
    pub fn name(self) -> &'static str {
        match self {
            Part::Card => "card",
            Part::App => "app",
        }
    }
}

/// Why fetched texts were not taken (the language then shows in English). Its text is for
/// the developer's console (Display, as Debug formatting would cost the first paint bytes).
///
/// ```
/// use profile_widget::i18n::TextsError;
/// let short = TextsError::Count { expected: 51, found: 3 };
/// assert_eq!(short.to_string(), "3 texts for 51 messages");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TextsError {
    /// Made for other keys than this build's (an old or foreign file).
    #[error("made for another build")]
    Keys,
    /// Not one text per message.
    #[error("{found} texts for {expected} messages")]
    Count {
        /// The messages of the part.
        expected: usize,
        /// The texts in the file.
        found: usize,
    },
    /// A text whose `{placeholder}` differs from English's (its index).
    #[error("text {0} has another placeholder than English's")]
    Placeholder(usize),
}

/// A language's fetched texts of one part, kept for the page's life (one language at a time:
/// a later one replaces it).
type Installed<T> = std::sync::Mutex<Option<(Lang, &'static T)>>;
static INSTALLED_CARD: Installed<CardTable> = std::sync::Mutex::new(None);
static INSTALLED_APP: Installed<Table> = std::sync::Mutex::new(None);

fn installed<T>(slot: &Installed<T>, lang: Lang) -> Option<&'static T> {
    let kept = *slot.lock().ok()?;
    kept.filter(|(l, _)| *l == lang).map(|(_, table)| table)
}

fn keep<T>(slot: &Installed<T>, lang: Lang, table: &'static T) {
    if let Ok(mut kept) = slot.lock() {
        *kept = Some((lang, table));
    }
}

/// The `{name}` placeholder of a text, if it has one.
fn placeholder(text: &str) -> Option<&str> {
    text.split_once('{')?
        .1
        .split_once('}')
        .map(|(name, _)| name)
}

/// Checks fetched texts against the reference's (`keys` is the file's fingerprint) and keeps
/// them for good, as the reference's tables are: the same count, the same placeholders.
fn checked<const N: usize>(
    reference: &[&'static str; N],
    keys: &str,
    texts: Vec<String>,
) -> Result<&'static [&'static str; N], TextsError> {
    if keys != TEXTS_KEYS {
        return Err(TextsError::Keys);
    }
    if texts.len() != N {
        return Err(TextsError::Count {
            expected: N,
            found: texts.len(),
        });
    }
    if let Some(index) = (0..N).find(|&i| placeholder(&texts[i]) != placeholder(reference[i])) {
        return Err(TextsError::Placeholder(index));
    }
    let texts: Vec<&'static str> = texts
        .into_iter()
        .map(|t| &*Box::leak(t.into_boxed_str()))
        .collect();
    let table: Box<[&'static str; N]> =
        texts
            .into_boxed_slice()
            .try_into()
            .map_err(|_| TextsError::Count {
                expected: N,
                found: 0,
            })?;
    Ok(Box::leak(table))
}

/// Whether `lang`'s texts of `part` can be shown without fetching anything.
///
/// ```
/// use profile_widget::i18n::{has_texts, Lang, Part};
/// assert!(has_texts(Lang::En, Part::App));
/// ```
pub fn has_texts(lang: Lang, part: Part) -> bool {
    match part {
        Part::Card => built_in_card(lang)
            .or_else(|| installed(&INSTALLED_CARD, lang))
            .is_some(),
        Part::App => built_in(lang)
            .or_else(|| installed(&INSTALLED_APP, lang))
            .is_some(),
    }
}

/// Takes `lang`'s fetched texts of `part` (the file's `keys` and `texts`): from now on [`t`]
/// shows them. Refused, and English kept, unless they match this build's messages.
///
/// ```
/// use profile_widget::i18n::{install, Lang, Part, TextsError};
/// assert_eq!(install(Lang::De, Part::Card, "0000", vec![]), Err(TextsError::Keys));
/// ```
pub fn install(lang: Lang, part: Part, keys: &str, texts: Vec<String>) -> Result<(), TextsError> {
    match part {
        Part::Card => install_card(lang, keys, texts),
        Part::App => {
            // Checked even when built in (natively every language is), so that the tests see it.
            let table = checked(REFERENCE_TABLES.1, keys, texts)?;
            if built_in(lang).is_none() {
                keep(&INSTALLED_APP, lang, table);
            }
            Ok(())
        }
    }
}

/// [`install`] of the first screen's part: what the first paint links, without the other
/// part's English texts (which [`install`] checks the app's files against).
///
/// ```
/// use profile_widget::i18n::{install_card, Lang, TextsError};
/// assert_eq!(install_card(Lang::De, "0000", vec![]), Err(TextsError::Keys));
/// ```
pub fn install_card(lang: Lang, keys: &str, texts: Vec<String>) -> Result<(), TextsError> {
    let table = checked(REFERENCE_TABLES.0, keys, texts)?;
    if built_in_card(lang).is_none() {
        keep(&INSTALLED_CARD, lang, table);
    }
    Ok(())
}

/// The text of a first-screen message in `lang`.
///
/// ```
/// use profile_widget::i18n::{t_card, CardMsg, Lang};
/// assert_eq!(t_card(Lang::De, CardMsg::Mobile), "Mobil");
/// ```
pub fn t_card(lang: Lang, msg: CardMsg) -> &'static str {
    card_table(lang)[msg as usize]
}

#[cfg(test)]
mod tests;
