//! All user-facing text. `LANG` from the portal picks the language; anything missing
//! falls back to English. Pure data, tested natively.

/// A UI language, chosen from Bitrix24's `LANG` code.
///
/// ```
/// use profile_widget::i18n::Lang;
/// assert_eq!(Lang::from_bitrix("ru"), Lang::Ru);
/// assert_eq!(Lang::from_bitrix("ua"), Lang::Uk);
/// assert_eq!(Lang::from_bitrix("xx"), Lang::En);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    /// English, the fallback.
    #[default]
    En,
    /// Russian.
    Ru,
    /// German.
    De,
    /// Spanish (Bitrix24 code `la`).
    Es,
    /// Portuguese, Brazil (Bitrix24 code `br`).
    PtBr,
    /// French.
    Fr,
    /// Polish.
    Pl,
    /// Ukrainian (Bitrix24 code `ua`).
    Uk,
}

impl Lang {
    /// Maps a Bitrix24 `LANG` code (its own codes, not BCP 47) to a language.
    ///
    /// ```
    /// use profile_widget::i18n::Lang;
    /// assert_eq!(Lang::from_bitrix("br"), Lang::PtBr);
    /// ```
    pub fn from_bitrix(code: &str) -> Self {
        match code.trim().to_ascii_lowercase().as_str() {
            "ru" => Self::Ru,
            "de" => Self::De,
            "la" => Self::Es,
            "br" => Self::PtBr,
            "fr" => Self::Fr,
            "pl" => Self::Pl,
            "ua" => Self::Uk,
            _ => Self::En,
        }
    }

    /// The BCP 47 tag, for `<html lang>` and formatting.
    ///
    /// ```
    /// use profile_widget::i18n::Lang;
    /// assert_eq!(Lang::Es.tag(), "es");
    /// ```
    pub fn tag(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Ru => "ru",
            Self::De => "de",
            Self::Es => "es",
            Self::PtBr => "pt-BR",
            Self::Fr => "fr",
            Self::Pl => "pl",
            Self::Uk => "uk",
        }
    }
}

/// A message key.
///
/// ```
/// use profile_widget::i18n::{t, Lang, Msg};
/// assert_eq!(t(Lang::En, Msg::OutsideTitle), "This widget runs inside Bitrix24");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Msg {
    /// Shown while connecting to the portal.
    Connecting,
    /// Heading of the page shown outside Bitrix24.
    OutsideTitle,
    /// Body of the page shown outside Bitrix24.
    OutsideBody,
    /// Label: the placement code.
    Placement,
    /// Label: the employee's id.
    UserId,
    /// Label: the page the widget was opened from.
    OpenedFrom,
    /// The retry button.
    Retry,
    /// Not inside a Bitrix24 frame.
    ErrNotInBitrix24,
    /// The portal did not answer a frame command.
    ErrPortalSilent,
    /// No answer from the REST server.
    ErrNetwork,
    /// Rate limited.
    ErrRateLimited,
    /// The session (token) expired.
    ErrSessionExpired,
    /// Access denied or scope missing.
    ErrNoAccess,
    /// The portal answered something unexpected.
    ErrPortal,
    /// Bad placement options.
    ErrBadContext,
    /// Opened from a placement the widget does not serve.
    ErrWrongPlacement,
}

/// The text of `msg` in `lang`, English where a translation is missing.
///
/// ```
/// use profile_widget::i18n::{t, Lang, Msg};
/// assert_eq!(t(Lang::En, Msg::Retry), "Try again");
/// assert_eq!(t(Lang::Ru, Msg::Retry), "Повторить");
/// ```
pub fn t(lang: Lang, msg: Msg) -> &'static str {
    translate(lang, msg).unwrap_or_else(|| english(msg))
}

fn english(msg: Msg) -> &'static str {
    match msg {
        Msg::Connecting => "Connecting to Bitrix24…",
        Msg::OutsideTitle => "This widget runs inside Bitrix24",
        Msg::OutsideBody => {
            "Open it from a user profile in your Bitrix24, or start the demo portal on this machine:"
        }
        Msg::Placement => "Placement",
        Msg::UserId => "Employee ID",
        Msg::OpenedFrom => "Opened from",
        Msg::Retry => "Try again",
        Msg::ErrNotInBitrix24 => "The Bitrix24 library is not available on this page.",
        Msg::ErrPortalSilent => "Bitrix24 did not answer. Reload the page and try again.",
        Msg::ErrNetwork => "Bitrix24 could not be reached. Check your connection.",
        Msg::ErrRateLimited => "Bitrix24 is busy. Trying again shortly…",
        Msg::ErrSessionExpired => "Your Bitrix24 session has expired. Reload the page.",
        Msg::ErrNoAccess => "The application has no access to this data.",
        Msg::ErrPortal => "Bitrix24 sent an unexpected answer.",
        Msg::ErrBadContext => "Bitrix24 opened the widget without a valid employee.",
        Msg::ErrWrongPlacement => "This widget belongs in a user profile menu.",
    }
}

fn translate(lang: Lang, msg: Msg) -> Option<&'static str> {
    match lang {
        Lang::En => None,
        Lang::Ru => Some(match msg {
            Msg::Connecting => "Подключение к Битрикс24…",
            Msg::OutsideTitle => "Этот виджет работает внутри Битрикс24",
            Msg::OutsideBody => {
                "Откройте его из профиля пользователя в вашем Битрикс24 или запустите демо-портал на этой машине:"
            }
            Msg::Placement => "Место встраивания",
            Msg::UserId => "ID сотрудника",
            Msg::OpenedFrom => "Открыт со страницы",
            Msg::Retry => "Повторить",
            Msg::ErrNotInBitrix24 => "Библиотека Битрикс24 недоступна на этой странице.",
            Msg::ErrPortalSilent => "Битрикс24 не ответил. Обновите страницу и попробуйте снова.",
            Msg::ErrNetwork => "Не удалось связаться с Битрикс24. Проверьте подключение.",
            Msg::ErrRateLimited => "Битрикс24 перегружен. Скоро попробуем снова…",
            Msg::ErrSessionExpired => "Сессия Битрикс24 истекла. Обновите страницу.",
            Msg::ErrNoAccess => "У приложения нет доступа к этим данным.",
            Msg::ErrPortal => "Битрикс24 прислал неожиданный ответ.",
            Msg::ErrBadContext => "Битрикс24 открыл виджет без корректного сотрудника.",
            Msg::ErrWrongPlacement => "Этот виджет предназначен для меню профиля пользователя.",
        }),
        // The other languages arrive with the profile card (issue 5); until then, English.
        Lang::De | Lang::Es | Lang::PtBr | Lang::Fr | Lang::Pl | Lang::Uk => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Msg; 16] = [
        Msg::Connecting,
        Msg::OutsideTitle,
        Msg::OutsideBody,
        Msg::Placement,
        Msg::UserId,
        Msg::OpenedFrom,
        Msg::Retry,
        Msg::ErrNotInBitrix24,
        Msg::ErrPortalSilent,
        Msg::ErrNetwork,
        Msg::ErrRateLimited,
        Msg::ErrSessionExpired,
        Msg::ErrNoAccess,
        Msg::ErrPortal,
        Msg::ErrBadContext,
        Msg::ErrWrongPlacement,
    ];

    #[test]
    fn russian_is_complete_and_distinct_from_english() {
        for msg in ALL {
            let ru = translate(Lang::Ru, msg).expect("Russian text");
            assert_ne!(ru, english(msg), "{msg:?}");
            assert!(!ru.is_empty());
        }
    }

    #[test]
    fn missing_languages_fall_back_to_english() {
        assert_eq!(t(Lang::De, Msg::Retry), "Try again");
        assert_eq!(t(Lang::from_bitrix("zz"), Msg::Retry), "Try again");
    }

    #[test]
    fn bitrix_codes() {
        let pairs = [
            ("en", Lang::En),
            ("ru", Lang::Ru),
            ("de", Lang::De),
            ("la", Lang::Es),
            ("br", Lang::PtBr),
            ("fr", Lang::Fr),
            ("pl", Lang::Pl),
            ("ua", Lang::Uk),
            ("RU", Lang::Ru),
            ("", Lang::En),
        ];
        for (code, lang) in pairs {
            assert_eq!(Lang::from_bitrix(code), lang, "{code}");
        }
    }
}
