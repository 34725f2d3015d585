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
    /// Loading the profile…
    Loading,
    /// My card
    MyCard,
    /// Colleague
    ColleagueCard,
    /// Online
    Online,
    /// Offline
    Offline,
    /// Absent until
    AbsentUntil,
    /// Local time
    LocalTime,
    /// same time as you
    SameTimeAsYou,
    /// ahead of you
    AheadOfYou,
    /// behind you
    BehindYou,
    /// Contacts
    Contacts,
    /// E-mail
    Email,
    /// Work phone
    WorkPhone,
    /// Mobile
    Mobile,
    /// Extension
    InnerPhone,
    /// Copy
    Copy,
    /// Copied
    Copied,
    /// Contacts are hidden: the application has only the user_brief scope.
    ContactsHidden,
    /// No contacts given.
    NoContacts,
    /// Birthday
    Birthday,
    /// Employed since
    EmploymentDate,
    /// Departments
    Departments,
    /// Managers
    Managers,
    /// No manager above.
    NoManager,
    /// Actions
    Actions,
    /// Message
    Message,
    /// Call
    AudioCall,
    /// Video call
    VideoCall,
    /// Phone
    PhoneCall,
    /// Full profile
    OpenProfile,
    /// This is you.
    ReasonMe,
    /// This employee has been dismissed.
    ReasonFired,
    /// No phone number is given.
    ReasonNoPhone,
    /// This portal cannot open profiles from applications.
    ReasonNoPath,
    /// Extranet
    BadgeExtranet,
    /// Dismissed
    BadgeFired,
    /// Invited
    BadgeInvited,
    /// This employee was not found or is not visible to you.
    ErrUserNotFound,
}

/// "3 h ahead of you", "1 h 30 min behind you", "same time as you".
///
/// ```
/// use profile_widget::i18n::{time_difference, Lang};
/// assert_eq!(time_difference(Lang::En, 180), "3 h ahead of you");
/// assert_eq!(time_difference(Lang::En, -90), "1 h 30 min behind you");
/// assert_eq!(time_difference(Lang::En, 0), "same time as you");
/// ```
pub fn time_difference(lang: Lang, minutes: i32) -> String {
    if minutes == 0 {
        return t(lang, Msg::SameTimeAsYou).to_owned();
    }
    let (hours, rest) = (minutes.abs() / 60, minutes.abs() % 60);
    let (h, min) = match lang {
        Lang::Ru | Lang::Uk => ("ч", "мин"),
        _ => ("h", "min"),
    };
    let amount = match (hours, rest) {
        (0, m) => format!("{m} {min}"),
        (h_, 0) => format!("{h_} {h}"),
        (h_, m) => format!("{h_} {h} {m} {min}"),
    };
    let direction = if minutes > 0 {
        Msg::AheadOfYou
    } else {
        Msg::BehindYou
    };
    format!("{amount} {}", t(lang, direction))
}

/// "Trying again in 3 s…", for the retry countdown.
///
/// ```
/// use profile_widget::i18n::{retrying_in, Lang};
/// assert_eq!(retrying_in(Lang::En, 3), "Trying again in 3 s…");
/// assert_eq!(retrying_in(Lang::Ru, 3), "Повтор через 3 с…");
/// ```
pub fn retrying_in(lang: Lang, seconds: u32) -> String {
    match lang {
        Lang::Ru => format!("Повтор через {seconds} с…"),
        _ => format!("Trying again in {seconds} s…"),
    }
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
        Msg::Retry => "Try again",
        Msg::ErrNotInBitrix24 => "The Bitrix24 library is not available on this page.",
        Msg::ErrPortalSilent => "Bitrix24 did not answer. Reload the page and try again.",
        Msg::ErrNetwork => "Bitrix24 could not be reached. Check your connection.",
        Msg::ErrRateLimited => "Bitrix24 is busy.",
        Msg::ErrSessionExpired => "Your Bitrix24 session has expired. Reload the page.",
        Msg::ErrNoAccess => "The application has no access to this data.",
        Msg::ErrPortal => "Bitrix24 sent an unexpected answer.",
        Msg::ErrBadContext => "Bitrix24 opened the widget without a valid employee.",
        Msg::ErrWrongPlacement => "This widget belongs in a user profile menu.",
        Msg::Loading => "Loading the profile…",
        Msg::MyCard => "My card",
        Msg::ColleagueCard => "Colleague",
        Msg::Online => "Online",
        Msg::Offline => "Offline",
        Msg::AbsentUntil => "Absent until",
        Msg::LocalTime => "Local time",
        Msg::SameTimeAsYou => "same time as you",
        Msg::AheadOfYou => "ahead of you",
        Msg::BehindYou => "behind you",
        Msg::Contacts => "Contacts",
        Msg::Email => "E-mail",
        Msg::WorkPhone => "Work phone",
        Msg::Mobile => "Mobile",
        Msg::InnerPhone => "Extension",
        Msg::Copy => "Copy",
        Msg::Copied => "Copied",
        Msg::ContactsHidden => {
            "Contacts are hidden: the application has only the user_brief scope."
        }
        Msg::NoContacts => "No contacts given.",
        Msg::Birthday => "Birthday",
        Msg::EmploymentDate => "Employed since",
        Msg::Departments => "Departments",
        Msg::Managers => "Managers",
        Msg::NoManager => "No manager above.",
        Msg::Actions => "Actions",
        Msg::Message => "Message",
        Msg::AudioCall => "Call",
        Msg::VideoCall => "Video call",
        Msg::PhoneCall => "Phone",
        Msg::OpenProfile => "Full profile",
        Msg::ReasonMe => "This is you.",
        Msg::ReasonFired => "This employee has been dismissed.",
        Msg::ReasonNoPhone => "No phone number is given.",
        Msg::ReasonNoPath => "This portal cannot open profiles from applications.",
        Msg::BadgeExtranet => "Extranet",
        Msg::BadgeFired => "Dismissed",
        Msg::BadgeInvited => "Invited",
        Msg::ErrUserNotFound => "This employee was not found or is not visible to you.",
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
            Msg::Retry => "Повторить",
            Msg::ErrNotInBitrix24 => "Библиотека Битрикс24 недоступна на этой странице.",
            Msg::ErrPortalSilent => "Битрикс24 не ответил. Обновите страницу и попробуйте снова.",
            Msg::ErrNetwork => "Не удалось связаться с Битрикс24. Проверьте подключение.",
            Msg::ErrRateLimited => "Битрикс24 перегружен.",
            Msg::ErrSessionExpired => "Сессия Битрикс24 истекла. Обновите страницу.",
            Msg::ErrNoAccess => "У приложения нет доступа к этим данным.",
            Msg::ErrPortal => "Битрикс24 прислал неожиданный ответ.",
            Msg::ErrBadContext => "Битрикс24 открыл виджет без корректного сотрудника.",
            Msg::ErrWrongPlacement => "Этот виджет предназначен для меню профиля пользователя.",
            Msg::Loading => "Загрузка профиля…",
            Msg::MyCard => "Моя карточка",
            Msg::ColleagueCard => "Коллега",
            Msg::Online => "В сети",
            Msg::Offline => "Не в сети",
            Msg::AbsentUntil => "Отсутствует до",
            Msg::LocalTime => "Местное время",
            Msg::SameTimeAsYou => "как у вас",
            Msg::AheadOfYou => "впереди вас",
            Msg::BehindYou => "позади вас",
            Msg::Contacts => "Контакты",
            Msg::Email => "E-mail",
            Msg::WorkPhone => "Рабочий телефон",
            Msg::Mobile => "Мобильный",
            Msg::InnerPhone => "Внутренний",
            Msg::Copy => "Копировать",
            Msg::Copied => "Скопировано",
            Msg::ContactsHidden => "Контакты скрыты: у приложения есть только право user_brief.",
            Msg::NoContacts => "Контакты не указаны.",
            Msg::Birthday => "День рождения",
            Msg::EmploymentDate => "Работает с",
            Msg::Departments => "Подразделения",
            Msg::Managers => "Руководители",
            Msg::NoManager => "Руководителей выше нет.",
            Msg::Actions => "Действия",
            Msg::Message => "Написать",
            Msg::AudioCall => "Позвонить",
            Msg::VideoCall => "Видеозвонок",
            Msg::PhoneCall => "Телефон",
            Msg::OpenProfile => "Полный профиль",
            Msg::ReasonMe => "Это вы.",
            Msg::ReasonFired => "Сотрудник уволен.",
            Msg::ReasonNoPhone => "Номер телефона не указан.",
            Msg::ReasonNoPath => "Этот портал не открывает профили из приложений.",
            Msg::BadgeExtranet => "Экстранет",
            Msg::BadgeFired => "Уволен",
            Msg::BadgeInvited => "Приглашён",
            Msg::ErrUserNotFound => "Сотрудник не найден или недоступен вам.",
        }),
        // The other languages arrive with the profile card (issue 5); until then, English.
        Lang::De | Lang::Es | Lang::PtBr | Lang::Fr | Lang::Pl | Lang::Uk => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Msg; 51] = [
        Msg::Connecting,
        Msg::OutsideTitle,
        Msg::OutsideBody,
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
        Msg::Loading,
        Msg::MyCard,
        Msg::ColleagueCard,
        Msg::Online,
        Msg::Offline,
        Msg::AbsentUntil,
        Msg::LocalTime,
        Msg::SameTimeAsYou,
        Msg::AheadOfYou,
        Msg::BehindYou,
        Msg::Contacts,
        Msg::Email,
        Msg::WorkPhone,
        Msg::Mobile,
        Msg::InnerPhone,
        Msg::Copy,
        Msg::Copied,
        Msg::ContactsHidden,
        Msg::NoContacts,
        Msg::Birthday,
        Msg::EmploymentDate,
        Msg::Departments,
        Msg::Managers,
        Msg::NoManager,
        Msg::Actions,
        Msg::Message,
        Msg::AudioCall,
        Msg::VideoCall,
        Msg::PhoneCall,
        Msg::OpenProfile,
        Msg::ReasonMe,
        Msg::ReasonFired,
        Msg::ReasonNoPhone,
        Msg::ReasonNoPath,
        Msg::BadgeExtranet,
        Msg::BadgeFired,
        Msg::BadgeInvited,
        Msg::ErrUserNotFound,
    ];

    #[test]
    fn russian_is_complete_and_distinct_from_english() {
        for msg in ALL {
            let ru = translate(Lang::Ru, msg).expect("Russian text");
            if msg != Msg::Email {
                assert_ne!(ru, english(msg), "{msg:?}");
            }
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
