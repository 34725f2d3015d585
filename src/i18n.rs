//! All user-facing text, complete in the eight languages the widget supports. `LANG` from
//! the portal picks the language; unknown codes get English. Pure data, tested natively.

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

    /// Every language, in the order the tables are written.
    pub const ALL: [Lang; 8] = [
        Lang::En,
        Lang::Ru,
        Lang::De,
        Lang::Es,
        Lang::PtBr,
        Lang::Fr,
        Lang::Pl,
        Lang::Uk,
    ];

    /// Bitrix24's own code for the language (the inverse of [`Lang::from_bitrix`]).
    ///
    /// ```
    /// use profile_widget::i18n::Lang;
    /// assert!(Lang::ALL.iter().all(|l| Lang::from_bitrix(l.bitrix_code()) == *l));
    /// assert_eq!(Lang::Uk.bitrix_code(), "ua");
    /// ```
    pub fn bitrix_code(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Ru => "ru",
            Self::De => "de",
            Self::Es => "la",
            Self::PtBr => "br",
            Self::Fr => "fr",
            Self::Pl => "pl",
            Self::Uk => "ua",
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

/// Defines [`Msg`] (every message) and [`CardMsg`] (the card's first screen, which are
/// also `Msg`'s first variants, in the same order and under the same names) from one list.
macro_rules! messages {
    (
        first_screen: { $($(#[$card_doc:meta])* $card:ident,)* }
        others: { $($(#[$other_doc:meta])* $other:ident,)* }
    ) => {
        /// A message key.
        ///
        /// ```
        /// use profile_widget::i18n::{t, Lang, Msg};
        /// assert_eq!(t(Lang::En, Msg::OutsideTitle), "This widget runs inside Bitrix24");
        /// ```
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Msg {
            $($(#[$card_doc])* $card,)*
            $($(#[$other_doc])* $other,)*
        }

        /// A message of the card's first screen: what the first paint says before the app
        /// has loaded. Its texts are tables of their own, so that the first paint, which uses
        /// [`t_card`] only, links these and not the other messages (about 12 KB gzip). Each
        /// is the [`Msg`] of the same name, and [`t`] gives the same text.
        ///
        /// ```
        /// use profile_widget::i18n::{t, t_card, CardMsg, Lang, Msg};
        /// assert_eq!(t_card(Lang::Fr, CardMsg::Managers), t(Lang::Fr, Msg::Managers));
        /// assert_eq!(Msg::from(CardMsg::Online), Msg::Online);
        /// ```
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum CardMsg {
            $($(#[$card_doc])* $card,)*
        }

        /// How many first-screen messages there are.
        const CARD_COUNT: usize = [$(stringify!($card),)*].len();

        impl CardMsg {
            /// Every first-screen message, in the order of its tables.
            pub const ALL: [CardMsg; CARD_COUNT] = [$(CardMsg::$card,)*];
        }

        impl From<CardMsg> for Msg {
            fn from(msg: CardMsg) -> Self {
                match msg {
                    $(CardMsg::$card => Msg::$card,)*
                }
            }
        }
    };
}

messages! {
    first_screen: {
        /// The retry button.
        Retry,
        /// No answer from the REST server.
        ErrNetwork,
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
        /// Extranet
        BadgeExtranet,
        /// Dismissed
        BadgeFired,
        /// Invited
        BadgeInvited,
    }
    others: {
        /// Shown while connecting to the portal.
        Connecting,
        /// Heading of the page shown outside Bitrix24.
        OutsideTitle,
        /// Body of the page shown outside Bitrix24.
        OutsideBody,
        /// Not inside a Bitrix24 frame.
        ErrNotInBitrix24,
        /// The portal did not answer a frame command.
        ErrPortalSilent,
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
        /// Local time
        LocalTime,
        /// same time as you
        SameTimeAsYou,
        /// ahead of you
        AheadOfYou,
        /// behind you
        BehindYou,
        /// Copy
        Copy,
        /// Copied
        Copied,
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
        /// This employee was not found or is not visible to you.
        ErrUserNotFound,
        /// Create a task assigned to them. (Task)
        ActTask,
        /// Schedule a meeting. (Meeting)
        ActMeeting,
        /// Send an appreciation. (Thank)
        ActThanks,
        /// Download the vCard. (Save contact)
        ActVcard,
        /// Show the QR code of my vCard. (My QR code)
        ActQr,
        /// A scope the action needs was not granted. (The application has no permission for this.)
        ReasonNoScope,
        /// Close a panel. (Close)
        Close,
        /// A write is in flight. (Sending…)
        Sending,
        /// A required field is empty. (Fill in this field.)
        FieldRequired,
        /// Label of the task title. (Task title)
        TaskTitle,
        /// Label of the task description. (Description)
        TaskDescription,
        /// Label of the deadline. (Deadline)
        TaskDeadline,
        /// Submit the task form. (Create task)
        TaskSubmit,
        /// The task was created. (Task created.)
        TaskCreated,
        /// Open the created task. (Open task)
        OpenTask,
        /// Label of the meeting subject. (Subject)
        MeetingName,
        /// Label of the day choice. (Day)
        MeetingDay,
        /// Label of the duration. (Duration)
        MeetingLength,
        /// Unit after a number of minutes. (min)
        Minutes,
        /// Heading of the free slots. (Free for both of you)
        MeetingFree,
        /// Free/busy is loading. (Looking for free time…)
        MeetingLoading,
        /// No common free slot that day. (No common free time on this day.)
        MeetingNoSlots,
        /// No slot chosen yet. (Choose a time.)
        MeetingPickSlot,
        /// Submit the meeting form. (Schedule meeting)
        MeetingSubmit,
        /// The meeting was created. (Meeting scheduled.)
        MeetingCreated,
        /// Label of the badge choice. (Badge)
        ThanksBadge,
        /// Label of the appreciation text. (Message text)
        ThanksMessage,
        /// Title of the appreciation post. (Thank you!)
        ThanksTitle,
        /// Submit the appreciation. (Send thanks)
        ThanksSubmit,
        /// The appreciation was posted. (Thanks published.)
        ThanksSent,
        /// A gratitude badge. (Thumbs up)
        MedalThumbsUp,
        /// A gratitude badge. (Heart)
        MedalHeart,
        /// A gratitude badge. (Cup)
        MedalCup,
        /// A gratitude badge. (Star)
        MedalStar,
        /// Caption of the QR code. (Scan with a phone camera to save my contact.)
        QrHint,
        /// Department colleagues. (Colleagues)
        Colleagues,
        /// People they manage. (Direct reports)
        DirectReports,
        /// Filter a loaded list. (Filter by name)
        FilterPeople,
        /// Search the whole portal. (Find an employee)
        FindEmployee,
        /// Placeholder of the search box. (Name or position)
        SearchHint,
        /// An empty search result. (Nobody found.)
        NothingFound,
        /// A list stopped at its row cap. (The list is too long: only its beginning is shown.)
        ListCapped,
        /// Open the portal's user picker. (Choose from the list…)
        PickFromList,
        /// Return to the first card. (Back)
        BackToCard,
        /// A write action failed (the detail follows). (Bitrix24 did not accept this:)
        ErrWriteFailed,
        /// A write's answer was lost: it may exist. (Bitrix24's answer was lost: this may have been created.)
        WriteMayExist,
        /// Looks a write whose answer was lost up. (Check)
        CheckWrite,
        /// While the write is looked up. (Checking…)
        Checking,
        /// The lookup found nothing: sending again is safe. (It was not created. You can send it again.)
        WriteNotCreated,
        /// The menu item's built-in title. (Profile card)
        DefaultItemTitle,
        /// Heading of the settings page. (Set up the profile widget)
        InstallTitle,
        /// What the settings page does. (Choose where employees find the widget. Saving again is always safe.)
        InstallIntro,
        /// The USER_PROFILE_MENU placement. (User menu (top right))
        WhereMenu,
        /// The USER_PROFILE_TOOLBAR placement. (Employee card toolbar)
        WhereToolbar,
        /// A placement is bound. (Installed as)
        StatusBound,
        /// A placement is not bound. (Not installed)
        StatusNotBound,
        /// Label of the item title. (Item title)
        ItemTitle,
        /// Placeholder of the item title. (Empty: the built-in title in every language)
        ItemTitleHint,
        /// Install (first time). (Install)
        InstallButton,
        /// Save (already installed). (Save)
        SaveButton,
        /// The bindings were saved. (Saved. The items are in place.)
        Saved,
        /// Heading for non-admins. (Profile widget)
        NonAdminTitle,
        /// What the app does, for non-admins. (Shows a colleague's profile card with quick actions (message, call, task, meeting, thanks) from the user menu and from employee cards.)
        NonAdminBody,
        /// A non-admin cannot install. (Only a Bitrix24 administrator can install it: please ask yours.)
        NonAdminAsk,
        /// What to do on ACCESS_DENIED. (Only a portal administrator can change this.)
        HintAccessDenied,
        /// What to do on WRONG_AUTH_TYPE. (Open this page from the application inside Bitrix24, not through a webhook.)
        HintWrongAuth,
        /// What to do without the placement scope. (Add the placement and user scopes in the application's settings, then open it again.)
        HintNoScope,
        /// Nothing chosen to install. (Choose at least one place.)
        ChooseOne,
    }
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
        Lang::Ru => ("ч", "мин"),
        Lang::Uk => ("год", "хв"),
        Lang::De => ("Std.", "Min."),
        Lang::Pl => ("godz.", "min"),
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
    let (before, after) = match lang {
        Lang::En => ("Trying again in ", " s…"),
        Lang::Ru => ("Повтор через ", " с…"),
        Lang::De => ("Neuer Versuch in ", " s…"),
        Lang::Es => ("Reintento en ", " s…"),
        Lang::PtBr => ("Nova tentativa em ", " s…"),
        Lang::Fr => ("Nouvel essai dans ", " s…"),
        Lang::Pl => ("Ponowna próba za ", " s…"),
        Lang::Uk => ("Повтор через ", " с…"),
    };
    format!("{before}{seconds}{after}")
}

/// The text of `msg` in `lang`. Every language has every message: the tables below are
/// arrays the length of their part of [`Msg`], so a missing translation does not compile.
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

/// The text of a first-screen message in `lang`.
///
/// ```
/// use profile_widget::i18n::{t_card, CardMsg, Lang};
/// assert_eq!(t_card(Lang::De, CardMsg::Mobile), "Mobil");
/// ```
pub fn t_card(lang: Lang, msg: CardMsg) -> &'static str {
    card_table(lang)[msg as usize]
}

/// The first-screen messages of one language, in the order of [`CardMsg`].
type CardTable = [&'static str; CARD_COUNT];

fn card_table(lang: Lang) -> &'static CardTable {
    match lang {
        Lang::En => &EN_CARD,
        Lang::Ru => &RU_CARD,
        Lang::De => &DE_CARD,
        Lang::Es => &ES_CARD,
        Lang::PtBr => &PT_BR_CARD,
        Lang::Fr => &FR_CARD,
        Lang::Pl => &PL_CARD,
        Lang::Uk => &UK_CARD,
    }
}

/// The other messages of one language, in the order of [`Msg`] after the first screen's.
type Table = [&'static str; COUNT - CARD_COUNT];
const COUNT: usize = Msg::ChooseOne as usize + 1;

fn table(lang: Lang) -> &'static Table {
    match lang {
        Lang::En => &EN,
        Lang::Ru => &RU,
        Lang::De => &DE,
        Lang::Es => &ES,
        Lang::PtBr => &PT_BR,
        Lang::Fr => &FR,
        Lang::Pl => &PL,
        Lang::Uk => &UK,
    }
}

const EN_CARD: CardTable = [
    "Try again",                                                           // Retry
    "Bitrix24 could not be reached. Check your connection.",               // ErrNetwork
    "My card",                                                             // MyCard
    "Colleague",                                                           // ColleagueCard
    "Online",                                                              // Online
    "Offline",                                                             // Offline
    "Absent until",                                                        // AbsentUntil
    "Contacts",                                                            // Contacts
    "E-mail",                                                              // Email
    "Work phone",                                                          // WorkPhone
    "Mobile",                                                              // Mobile
    "Extension",                                                           // InnerPhone
    "Contacts are hidden: the application has only the user_brief scope.", // ContactsHidden
    "No contacts given.",                                                  // NoContacts
    "Birthday",                                                            // Birthday
    "Employed since",                                                      // EmploymentDate
    "Departments",                                                         // Departments
    "Managers",                                                            // Managers
    "No manager above.",                                                   // NoManager
    "Extranet",                                                            // BadgeExtranet
    "Dismissed",                                                           // BadgeFired
    "Invited",                                                             // BadgeInvited
];

const EN: Table = [
    "Connecting to Bitrix24…",          // Connecting
    "This widget runs inside Bitrix24", // OutsideTitle
    "Open it from a user profile in your Bitrix24, or start the demo portal on this machine:", // OutsideBody
    "The Bitrix24 library is not available on this page.", // ErrNotInBitrix24
    "Bitrix24 did not answer. Reload the page and try again.", // ErrPortalSilent
    "Bitrix24 is busy.",                                   // ErrRateLimited
    "Your Bitrix24 session has expired. Reload the page.", // ErrSessionExpired
    "The application has no access to this data.",         // ErrNoAccess
    "Bitrix24 sent an unexpected answer.",                 // ErrPortal
    "Bitrix24 opened the widget without a valid employee.", // ErrBadContext
    "This widget belongs in a user profile menu.",         // ErrWrongPlacement
    "Loading the profile…",                                // Loading
    "Local time",                                          // LocalTime
    "same time as you",                                    // SameTimeAsYou
    "ahead of you",                                        // AheadOfYou
    "behind you",                                          // BehindYou
    "Copy",                                                // Copy
    "Copied",                                              // Copied
    "Actions",                                             // Actions
    "Message",                                             // Message
    "Call",                                                // AudioCall
    "Video call",                                          // VideoCall
    "Phone",                                               // PhoneCall
    "Full profile",                                        // OpenProfile
    "This is you.",                                        // ReasonMe
    "This employee has been dismissed.",                   // ReasonFired
    "No phone number is given.",                           // ReasonNoPhone
    "This portal cannot open profiles from applications.", // ReasonNoPath
    "This employee was not found or is not visible to you.", // ErrUserNotFound
    "Task",                                                // ActTask
    "Meeting",                                             // ActMeeting
    "Thank",                                               // ActThanks
    "Save contact",                                        // ActVcard
    "My QR code",                                          // ActQr
    "The application has no permission for this.",         // ReasonNoScope
    "Close",                                               // Close
    "Sending…",                                            // Sending
    "Fill in this field.",                                 // FieldRequired
    "Task title",                                          // TaskTitle
    "Description",                                         // TaskDescription
    "Deadline",                                            // TaskDeadline
    "Create task",                                         // TaskSubmit
    "Task created.",                                       // TaskCreated
    "Open task",                                           // OpenTask
    "Subject",                                             // MeetingName
    "Day",                                                 // MeetingDay
    "Duration",                                            // MeetingLength
    "min",                                                 // Minutes
    "Free for both of you",                                // MeetingFree
    "Looking for free time…",                              // MeetingLoading
    "No common free time on this day.",                    // MeetingNoSlots
    "Choose a time.",                                      // MeetingPickSlot
    "Schedule meeting",                                    // MeetingSubmit
    "Meeting scheduled.",                                  // MeetingCreated
    "Badge",                                               // ThanksBadge
    "Message text",                                        // ThanksMessage
    "Thank you!",                                          // ThanksTitle
    "Send thanks",                                         // ThanksSubmit
    "Thanks published.",                                   // ThanksSent
    "Thumbs up",                                           // MedalThumbsUp
    "Heart",                                               // MedalHeart
    "Cup",                                                 // MedalCup
    "Star",                                                // MedalStar
    "Scan with a phone camera to save my contact.",        // QrHint
    "Colleagues",                                          // Colleagues
    "Direct reports",                                      // DirectReports
    "Filter by name",                                      // FilterPeople
    "Find an employee",                                    // FindEmployee
    "Name or position",                                    // SearchHint
    "Nobody found.",                                       // NothingFound
    "The list is too long: only its beginning is shown.",  // ListCapped
    "Choose from the list…",                               // PickFromList
    "Back",                                                // BackToCard
    "Bitrix24 did not accept this:",                       // ErrWriteFailed
    "Bitrix24's answer was lost: this may have been created.", // WriteMayExist
    "Check",                                               // CheckWrite
    "Checking…",                                           // Checking
    "It was not created. You can send it again.",          // WriteNotCreated
    "Profile card",                                        // DefaultItemTitle
    "Set up the profile widget",                           // InstallTitle
    "Choose where employees find the widget. Saving again is always safe.", // InstallIntro
    "User menu (top right)",                               // WhereMenu
    "Employee card toolbar",                               // WhereToolbar
    "Installed as",                                        // StatusBound
    "Not installed",                                       // StatusNotBound
    "Item title",                                          // ItemTitle
    "Empty: the built-in title in every language",         // ItemTitleHint
    "Install",                                             // InstallButton
    "Save",                                                // SaveButton
    "Saved. The items are in place.",                      // Saved
    "Profile widget",                                      // NonAdminTitle
    "Shows a colleague's profile card with quick actions (message, call, task, meeting, thanks) from the user menu and from employee cards.", // NonAdminBody
    "Only a Bitrix24 administrator can install it: please ask yours.", // NonAdminAsk
    "Only a portal administrator can change this.",                    // HintAccessDenied
    "Open this page from the application inside Bitrix24, not through a webhook.", // HintWrongAuth
    "Add the placement and user scopes in the application's settings, then open it again.", // HintNoScope
    "Choose at least one place.", // ChooseOne
];

const RU_CARD: CardTable = [
    "Повторить",                                                   // Retry
    "Не удалось связаться с Битрикс24. Проверьте подключение.",    // ErrNetwork
    "Моя карточка",                                                // MyCard
    "Коллега",                                                     // ColleagueCard
    "В сети",                                                      // Online
    "Не в сети",                                                   // Offline
    "Отсутствует до",                                              // AbsentUntil
    "Контакты",                                                    // Contacts
    "E-mail",                                                      // Email
    "Рабочий телефон",                                             // WorkPhone
    "Мобильный",                                                   // Mobile
    "Внутренний",                                                  // InnerPhone
    "Контакты скрыты: у приложения есть только право user_brief.", // ContactsHidden
    "Контакты не указаны.",                                        // NoContacts
    "День рождения",                                               // Birthday
    "Работает с",                                                  // EmploymentDate
    "Подразделения",                                               // Departments
    "Руководители",                                                // Managers
    "Руководителей выше нет.",                                     // NoManager
    "Экстранет",                                                   // BadgeExtranet
    "Уволен",                                                      // BadgeFired
    "Приглашён",                                                   // BadgeInvited
];

const RU: Table = [
    "Подключение к Битрикс24…",              // Connecting
    "Этот виджет работает внутри Битрикс24", // OutsideTitle
    "Откройте его из профиля пользователя в вашем Битрикс24 или запустите демо-портал на этой машине:", // OutsideBody
    "Библиотека Битрикс24 недоступна на этой странице.", // ErrNotInBitrix24
    "Битрикс24 не ответил. Обновите страницу и попробуйте снова.", // ErrPortalSilent
    "Битрикс24 перегружен.",                             // ErrRateLimited
    "Сессия Битрикс24 истекла. Обновите страницу.",      // ErrSessionExpired
    "У приложения нет доступа к этим данным.",           // ErrNoAccess
    "Битрикс24 прислал неожиданный ответ.",              // ErrPortal
    "Битрикс24 открыл виджет без корректного сотрудника.", // ErrBadContext
    "Этот виджет предназначен для меню профиля пользователя.", // ErrWrongPlacement
    "Загрузка профиля…",                                 // Loading
    "Местное время",                                     // LocalTime
    "как у вас",                                         // SameTimeAsYou
    "впереди вас",                                       // AheadOfYou
    "позади вас",                                        // BehindYou
    "Копировать",                                        // Copy
    "Скопировано",                                       // Copied
    "Действия",                                          // Actions
    "Написать",                                          // Message
    "Позвонить",                                         // AudioCall
    "Видеозвонок",                                       // VideoCall
    "Телефон",                                           // PhoneCall
    "Полный профиль",                                    // OpenProfile
    "Это вы.",                                           // ReasonMe
    "Сотрудник уволен.",                                 // ReasonFired
    "Номер телефона не указан.",                         // ReasonNoPhone
    "Этот портал не открывает профили из приложений.",   // ReasonNoPath
    "Сотрудник не найден или недоступен вам.",           // ErrUserNotFound
    "Задача",                                            // ActTask
    "Встреча",                                           // ActMeeting
    "Поблагодарить",                                     // ActThanks
    "Сохранить контакт",                                 // ActVcard
    "Мой QR-код",                                        // ActQr
    "У приложения нет на это прав.",                     // ReasonNoScope
    "Закрыть",                                           // Close
    "Отправка…",                                         // Sending
    "Заполните это поле.",                               // FieldRequired
    "Название задачи",                                   // TaskTitle
    "Описание",                                          // TaskDescription
    "Крайний срок",                                      // TaskDeadline
    "Создать задачу",                                    // TaskSubmit
    "Задача создана.",                                   // TaskCreated
    "Открыть задачу",                                    // OpenTask
    "Тема",                                              // MeetingName
    "День",                                              // MeetingDay
    "Длительность",                                      // MeetingLength
    "мин",                                               // Minutes
    "Свободно у обоих",                                  // MeetingFree
    "Ищем свободное время…",                             // MeetingLoading
    "В этот день нет общего свободного времени.",        // MeetingNoSlots
    "Выберите время.",                                   // MeetingPickSlot
    "Назначить встречу",                                 // MeetingSubmit
    "Встреча назначена.",                                // MeetingCreated
    "Значок",                                            // ThanksBadge
    "Текст сообщения",                                   // ThanksMessage
    "Спасибо!",                                          // ThanksTitle
    "Отправить благодарность",                           // ThanksSubmit
    "Благодарность опубликована.",                       // ThanksSent
    "Класс",                                             // MedalThumbsUp
    "Сердце",                                            // MedalHeart
    "Кубок",                                             // MedalCup
    "Звезда",                                            // MedalStar
    "Отсканируйте камерой телефона, чтобы сохранить мой контакт.", // QrHint
    "Коллеги",                                           // Colleagues
    "Подчинённые",                                       // DirectReports
    "Фильтр по имени",                                   // FilterPeople
    "Найти сотрудника",                                  // FindEmployee
    "Имя или должность",                                 // SearchHint
    "Никого не найдено.",                                // NothingFound
    "Список слишком длинный: показано только его начало.", // ListCapped
    "Выбрать из списка…",                                // PickFromList
    "Назад",                                             // BackToCard
    "Битрикс24 не принял запрос:",                       // ErrWriteFailed
    "Ответ Битрикс24 потерян: запись могла быть создана.", // WriteMayExist
    "Проверить",                                         // CheckWrite
    "Проверка…",                                         // Checking
    "Не создано. Можно отправить снова.",                // WriteNotCreated
    "Карточка профиля",                                  // DefaultItemTitle
    "Настройка виджета профиля",                         // InstallTitle
    "Выберите, где сотрудники увидят виджет. Сохранять повторно безопасно.", // InstallIntro
    "Меню пользователя (справа вверху)",                 // WhereMenu
    "Панель карточки сотрудника",                        // WhereToolbar
    "Установлен как",                                    // StatusBound
    "Не установлен",                                     // StatusNotBound
    "Название пункта",                                   // ItemTitle
    "Пусто: встроенное название на каждом языке",        // ItemTitleHint
    "Установить",                                        // InstallButton
    "Сохранить",                                         // SaveButton
    "Сохранено. Пункты на месте.",                       // Saved
    "Виджет профиля",                                    // NonAdminTitle
    "Показывает карточку коллеги с быстрыми действиями (сообщение, звонок, задача, встреча, благодарность) из меню пользователя и карточек сотрудников.", // NonAdminBody
    "Установить его может только администратор Битрикс24: обратитесь к нему.", // NonAdminAsk
    "Изменить это может только администратор портала.",                        // HintAccessDenied
    "Откройте эту страницу из приложения в Битрикс24, а не через вебхук.",     // HintWrongAuth
    "Добавьте права placement и user в настройках приложения и откройте его снова.", // HintNoScope
    "Выберите хотя бы одно место.",                                            // ChooseOne
];

const DE_CARD: CardTable = [
    "Erneut versuchen",                                           // Retry
    "Bitrix24 ist nicht erreichbar. Prüfen Sie Ihre Verbindung.", // ErrNetwork
    "Meine Karte",                                                // MyCard
    "Kollege",                                                    // ColleagueCard
    "Online",                                                     // Online
    "Offline",                                                    // Offline
    "Abwesend bis",                                               // AbsentUntil
    "Kontakte",                                                   // Contacts
    "E-Mail",                                                     // Email
    "Telefon (Arbeit)",                                           // WorkPhone
    "Mobil",                                                      // Mobile
    "Durchwahl",                                                  // InnerPhone
    "Kontakte sind verborgen: Die Anwendung hat nur die Berechtigung user_brief.", // ContactsHidden
    "Keine Kontakte angegeben.",                                  // NoContacts
    "Geburtstag",                                                 // Birthday
    "Beschäftigt seit",                                           // EmploymentDate
    "Abteilungen",                                                // Departments
    "Vorgesetzte",                                                // Managers
    "Keine Vorgesetzten darüber.",                                // NoManager
    "Extranet",                                                   // BadgeExtranet
    "Entlassen",                                                  // BadgeFired
    "Eingeladen",                                                 // BadgeInvited
];

const DE: Table = [
    "Verbindung zu Bitrix24 wird hergestellt…", // Connecting
    "Dieses Widget läuft in Bitrix24",          // OutsideTitle
    "Öffnen Sie es aus einem Benutzerprofil in Ihrem Bitrix24 oder starten Sie das Demoportal auf diesem Rechner:", // OutsideBody
    "Die Bitrix24-Bibliothek ist auf dieser Seite nicht verfügbar.", // ErrNotInBitrix24
    "Bitrix24 hat nicht geantwortet. Laden Sie die Seite neu und versuchen Sie es erneut.", // ErrPortalSilent
    "Bitrix24 ist ausgelastet.", // ErrRateLimited
    "Ihre Bitrix24-Sitzung ist abgelaufen. Laden Sie die Seite neu.", // ErrSessionExpired
    "Die Anwendung hat keinen Zugriff auf diese Daten.", // ErrNoAccess
    "Bitrix24 hat eine unerwartete Antwort gesendet.", // ErrPortal
    "Bitrix24 hat das Widget ohne gültigen Mitarbeiter geöffnet.", // ErrBadContext
    "Dieses Widget gehört in ein Benutzerprofilmenü.", // ErrWrongPlacement
    "Profil wird geladen…",      // Loading
    "Ortszeit",                  // LocalTime
    "gleiche Zeit wie bei Ihnen", // SameTimeAsYou
    "vor Ihnen",                 // AheadOfYou
    "hinter Ihnen",              // BehindYou
    "Kopieren",                  // Copy
    "Kopiert",                   // Copied
    "Aktionen",                  // Actions
    "Nachricht",                 // Message
    "Anrufen",                   // AudioCall
    "Videoanruf",                // VideoCall
    "Telefon",                   // PhoneCall
    "Vollständiges Profil",      // OpenProfile
    "Das sind Sie.",             // ReasonMe
    "Dieser Mitarbeiter wurde entlassen.", // ReasonFired
    "Keine Telefonnummer angegeben.", // ReasonNoPhone
    "Dieses Portal kann Profile nicht aus Anwendungen öffnen.", // ReasonNoPath
    "Dieser Mitarbeiter wurde nicht gefunden oder ist für Sie nicht sichtbar.", // ErrUserNotFound
    "Aufgabe",                   // ActTask
    "Termin",                    // ActMeeting
    "Danken",                    // ActThanks
    "Kontakt speichern",         // ActVcard
    "Mein QR-Code",              // ActQr
    "Die Anwendung hat dafür keine Berechtigung.", // ReasonNoScope
    "Schließen",                 // Close
    "Wird gesendet…",            // Sending
    "Bitte füllen Sie dieses Feld aus.", // FieldRequired
    "Titel der Aufgabe",         // TaskTitle
    "Beschreibung",              // TaskDescription
    "Frist",                     // TaskDeadline
    "Aufgabe erstellen",         // TaskSubmit
    "Aufgabe erstellt.",         // TaskCreated
    "Aufgabe öffnen",            // OpenTask
    "Betreff",                   // MeetingName
    "Tag",                       // MeetingDay
    "Dauer",                     // MeetingLength
    "Min.",                      // Minutes
    "Für Sie beide frei",        // MeetingFree
    "Freie Zeit wird gesucht…",  // MeetingLoading
    "An diesem Tag gibt es keine gemeinsame freie Zeit.", // MeetingNoSlots
    "Wählen Sie eine Uhrzeit.",  // MeetingPickSlot
    "Termin anlegen",            // MeetingSubmit
    "Termin angelegt.",          // MeetingCreated
    "Abzeichen",                 // ThanksBadge
    "Nachricht",                 // ThanksMessage
    "Danke!",                    // ThanksTitle
    "Dank senden",               // ThanksSubmit
    "Dank veröffentlicht.",      // ThanksSent
    "Daumen hoch",               // MedalThumbsUp
    "Herz",                      // MedalHeart
    "Pokal",                     // MedalCup
    "Stern",                     // MedalStar
    "Mit der Handykamera scannen, um meinen Kontakt zu speichern.", // QrHint
    "Kollegen",                  // Colleagues
    "Direkt unterstellt",        // DirectReports
    "Nach Name filtern",         // FilterPeople
    "Mitarbeiter suchen",        // FindEmployee
    "Name oder Position",        // SearchHint
    "Niemand gefunden.",         // NothingFound
    "Die Liste ist zu lang: Nur ihr Anfang wird angezeigt.", // ListCapped
    "Aus der Liste wählen…",     // PickFromList
    "Zurück",                    // BackToCard
    "Bitrix24 hat dies nicht angenommen:", // ErrWriteFailed
    "Die Antwort von Bitrix24 ging verloren: Der Eintrag wurde womöglich angelegt.", // WriteMayExist
    "Prüfen",                                                                        // CheckWrite
    "Wird geprüft…",                                                                 // Checking
    "Es wurde nicht angelegt. Sie können es erneut senden.", // WriteNotCreated
    "Profilkarte",                                           // DefaultItemTitle
    "Profil-Widget einrichten",                              // InstallTitle
    "Wählen Sie, wo Mitarbeiter das Widget finden. Erneutes Speichern ist immer sicher.", // InstallIntro
    "Benutzermenü (oben rechts)",                   // WhereMenu
    "Symbolleiste der Mitarbeiterkarte",            // WhereToolbar
    "Installiert als",                              // StatusBound
    "Nicht installiert",                            // StatusNotBound
    "Titel des Eintrags",                           // ItemTitle
    "Leer: der eingebaute Titel in jeder Sprache",  // ItemTitleHint
    "Installieren",                                 // InstallButton
    "Speichern",                                    // SaveButton
    "Gespeichert. Die Einträge sind eingerichtet.", // Saved
    "Profil-Widget",                                // NonAdminTitle
    "Zeigt die Profilkarte eines Kollegen mit Schnellaktionen (Nachricht, Anruf, Aufgabe, Termin, Dank) im Benutzermenü und in Mitarbeiterkarten.", // NonAdminBody
    "Nur ein Bitrix24-Administrator kann es installieren: Bitte wenden Sie sich an ihn.", // NonAdminAsk
    "Nur ein Portaladministrator kann dies ändern.", // HintAccessDenied
    "Öffnen Sie diese Seite aus der Anwendung in Bitrix24, nicht über einen Webhook.", // HintWrongAuth
    "Fügen Sie in den Einstellungen der Anwendung die Berechtigungen placement und user hinzu und öffnen Sie sie erneut.", // HintNoScope
    "Wählen Sie mindestens einen Ort.", // ChooseOne
];

const ES_CARD: CardTable = [
    "Reintentar",                                                                   // Retry
    "No se pudo conectar con Bitrix24. Compruebe su conexión.",                     // ErrNetwork
    "Mi tarjeta",                                                                   // MyCard
    "Colega",                                                                       // ColleagueCard
    "En línea",                                                                     // Online
    "Desconectado",                                                                 // Offline
    "Ausente hasta",                                                                // AbsentUntil
    "Contactos",                                                                    // Contacts
    "Correo electrónico",                                                           // Email
    "Teléfono del trabajo",                                                         // WorkPhone
    "Móvil",                                                                        // Mobile
    "Extensión",                                                                    // InnerPhone
    "Los contactos están ocultos: la aplicación solo tiene el permiso user_brief.", // ContactsHidden
    "No hay contactos.",                                                            // NoContacts
    "Cumpleaños",                                                                   // Birthday
    "Empleado desde",                  // EmploymentDate
    "Departamentos",                   // Departments
    "Responsables",                    // Managers
    "No hay responsables por encima.", // NoManager
    "Extranet",                        // BadgeExtranet
    "Despedido",                       // BadgeFired
    "Invitado",                        // BadgeInvited
];

const ES: Table = [
    "Conectando con Bitrix24…",                // Connecting
    "Este widget funciona dentro de Bitrix24", // OutsideTitle
    "Ábralo desde un perfil de usuario en su Bitrix24 o inicie el portal de demostración en este equipo:", // OutsideBody
    "La biblioteca de Bitrix24 no está disponible en esta página.", // ErrNotInBitrix24
    "Bitrix24 no respondió. Recargue la página e inténtelo de nuevo.", // ErrPortalSilent
    "Bitrix24 está ocupado.",                                       // ErrRateLimited
    "Su sesión de Bitrix24 ha caducado. Recargue la página.",       // ErrSessionExpired
    "La aplicación no tiene acceso a estos datos.",                 // ErrNoAccess
    "Bitrix24 envió una respuesta inesperada.",                     // ErrPortal
    "Bitrix24 abrió el widget sin un empleado válido.",             // ErrBadContext
    "Este widget pertenece al menú de un perfil de usuario.",       // ErrWrongPlacement
    "Cargando el perfil…",                                          // Loading
    "Hora local",                                                   // LocalTime
    "la misma hora que usted",                                      // SameTimeAsYou
    "por delante de usted",                                         // AheadOfYou
    "por detrás de usted",                                          // BehindYou
    "Copiar",                                                       // Copy
    "Copiado",                                                      // Copied
    "Acciones",                                                     // Actions
    "Mensaje",                                                      // Message
    "Llamar",                                                       // AudioCall
    "Videollamada",                                                 // VideoCall
    "Teléfono",                                                     // PhoneCall
    "Perfil completo",                                              // OpenProfile
    "Es usted.",                                                    // ReasonMe
    "Este empleado ha sido despedido.",                             // ReasonFired
    "No hay número de teléfono.",                                   // ReasonNoPhone
    "Este portal no puede abrir perfiles desde aplicaciones.",      // ReasonNoPath
    "Este empleado no se encontró o no es visible para usted.",     // ErrUserNotFound
    "Tarea",                                                        // ActTask
    "Reunión",                                                      // ActMeeting
    "Agradecer",                                                    // ActThanks
    "Guardar contacto",                                             // ActVcard
    "Mi código QR",                                                 // ActQr
    "La aplicación no tiene permiso para esto.",                    // ReasonNoScope
    "Cerrar",                                                       // Close
    "Enviando…",                                                    // Sending
    "Rellena este campo.",                                          // FieldRequired
    "Título de la tarea",                                           // TaskTitle
    "Descripción",                                                  // TaskDescription
    "Fecha límite",                                                 // TaskDeadline
    "Crear tarea",                                                  // TaskSubmit
    "Tarea creada.",                                                // TaskCreated
    "Abrir tarea",                                                  // OpenTask
    "Asunto",                                                       // MeetingName
    "Día",                                                          // MeetingDay
    "Duración",                                                     // MeetingLength
    "min.",                                                         // Minutes
    "Libre para ambos",                                             // MeetingFree
    "Buscando tiempo libre…",                                       // MeetingLoading
    "No hay tiempo libre en común este día.",                       // MeetingNoSlots
    "Elige una hora.",                                              // MeetingPickSlot
    "Programar reunión",                                            // MeetingSubmit
    "Reunión programada.",                                          // MeetingCreated
    "Insignia",                                                     // ThanksBadge
    "Texto del mensaje",                                            // ThanksMessage
    "¡Gracias!",                                                    // ThanksTitle
    "Enviar agradecimiento",                                        // ThanksSubmit
    "Agradecimiento publicado.",                                    // ThanksSent
    "Pulgar arriba",                                                // MedalThumbsUp
    "Corazón",                                                      // MedalHeart
    "Copa",                                                         // MedalCup
    "Estrella",                                                     // MedalStar
    "Escanéalo con la cámara del teléfono para guardar mi contacto.", // QrHint
    "Compañeros",                                                   // Colleagues
    "Subordinados",                                                 // DirectReports
    "Filtrar por nombre",                                           // FilterPeople
    "Buscar empleado",                                              // FindEmployee
    "Nombre o puesto",                                              // SearchHint
    "No se encontró a nadie.",                                      // NothingFound
    "La lista es demasiado larga: solo se muestra el comienzo.",    // ListCapped
    "Elegir de la lista…",                                          // PickFromList
    "Volver",                                                       // BackToCard
    "Bitrix24 no aceptó esto:",                                     // ErrWriteFailed
    "Se perdió la respuesta de Bitrix24: es posible que se haya creado.", // WriteMayExist
    "Comprobar",                                                    // CheckWrite
    "Comprobando…",                                                 // Checking
    "No se creó. Puede volver a enviarlo.",                         // WriteNotCreated
    "Tarjeta de perfil",                                            // DefaultItemTitle
    "Configurar el widget de perfil",                               // InstallTitle
    "Elige dónde encontrarán el widget los empleados. Guardar de nuevo siempre es seguro.", // InstallIntro
    "Menú de usuario (arriba a la derecha)",      // WhereMenu
    "Barra de la ficha del empleado",             // WhereToolbar
    "Instalado como",                             // StatusBound
    "No instalado",                               // StatusNotBound
    "Título del elemento",                        // ItemTitle
    "Vacío: el título integrado en cada idioma",  // ItemTitleHint
    "Instalar",                                   // InstallButton
    "Guardar",                                    // SaveButton
    "Guardado. Los elementos están en su sitio.", // Saved
    "Widget de perfil",                           // NonAdminTitle
    "Muestra la ficha de un compañero con acciones rápidas (mensaje, llamada, tarea, reunión, agradecimiento) desde el menú de usuario y las fichas de empleados.", // NonAdminBody
    "Solo un administrador de Bitrix24 puede instalarlo: pídeselo al tuyo.", // NonAdminAsk
    "Solo un administrador del portal puede cambiar esto.",                  // HintAccessDenied
    "Abre esta página desde la aplicación en Bitrix24, no mediante un webhook.", // HintWrongAuth
    "Añade los permisos placement y user en la configuración de la aplicación y ábrela de nuevo.", // HintNoScope
    "Elige al menos un lugar.", // ChooseOne
];

const PT_BR_CARD: CardTable = [
    "Tentar novamente",                                              // Retry
    "Não foi possível conectar ao Bitrix24. Verifique sua conexão.", // ErrNetwork
    "Meu cartão",                                                    // MyCard
    "Colega",                                                        // ColleagueCard
    "Online",                                                        // Online
    "Offline",                                                       // Offline
    "Ausente até",                                                   // AbsentUntil
    "Contatos",                                                      // Contacts
    "E-mail",                                                        // Email
    "Telefone comercial",                                            // WorkPhone
    "Celular",                                                       // Mobile
    "Ramal",                                                         // InnerPhone
    "Os contatos estão ocultos: o aplicativo tem apenas a permissão user_brief.", // ContactsHidden
    "Nenhum contato informado.",                                     // NoContacts
    "Aniversário",                                                   // Birthday
    "Contratado em",                                                 // EmploymentDate
    "Departamentos",                                                 // Departments
    "Gestores",                                                      // Managers
    "Nenhum gestor acima.",                                          // NoManager
    "Extranet",                                                      // BadgeExtranet
    "Desligado",                                                     // BadgeFired
    "Convidado",                                                     // BadgeInvited
];

const PT_BR: Table = [
    "Conectando ao Bitrix24…",                 // Connecting
    "Este widget funciona dentro do Bitrix24", // OutsideTitle
    "Abra-o a partir de um perfil de usuário no seu Bitrix24 ou inicie o portal de demonstração nesta máquina:", // OutsideBody
    "A biblioteca do Bitrix24 não está disponível nesta página.", // ErrNotInBitrix24
    "O Bitrix24 não respondeu. Recarregue a página e tente novamente.", // ErrPortalSilent
    "O Bitrix24 está ocupado.",                                   // ErrRateLimited
    "Sua sessão do Bitrix24 expirou. Recarregue a página.",       // ErrSessionExpired
    "O aplicativo não tem acesso a estes dados.",                 // ErrNoAccess
    "O Bitrix24 enviou uma resposta inesperada.",                 // ErrPortal
    "O Bitrix24 abriu o widget sem um funcionário válido.",       // ErrBadContext
    "Este widget pertence ao menu de um perfil de usuário.",      // ErrWrongPlacement
    "Carregando o perfil…",                                       // Loading
    "Hora local",                                                 // LocalTime
    "mesmo horário que o seu",                                    // SameTimeAsYou
    "à sua frente",                                               // AheadOfYou
    "atrás de você",                                              // BehindYou
    "Copiar",                                                     // Copy
    "Copiado",                                                    // Copied
    "Ações",                                                      // Actions
    "Mensagem",                                                   // Message
    "Ligar",                                                      // AudioCall
    "Videochamada",                                               // VideoCall
    "Telefone",                                                   // PhoneCall
    "Perfil completo",                                            // OpenProfile
    "Este é você.",                                               // ReasonMe
    "Este funcionário foi desligado.",                            // ReasonFired
    "Nenhum número de telefone informado.",                       // ReasonNoPhone
    "Este portal não pode abrir perfis a partir de aplicativos.", // ReasonNoPath
    "Este funcionário não foi encontrado ou não está visível para você.", // ErrUserNotFound
    "Tarefa",                                                     // ActTask
    "Reunião",                                                    // ActMeeting
    "Agradecer",                                                  // ActThanks
    "Salvar contato",                                             // ActVcard
    "Meu código QR",                                              // ActQr
    "O aplicativo não tem permissão para isso.",                  // ReasonNoScope
    "Fechar",                                                     // Close
    "Enviando…",                                                  // Sending
    "Preencha este campo.",                                       // FieldRequired
    "Título da tarefa",                                           // TaskTitle
    "Descrição",                                                  // TaskDescription
    "Prazo",                                                      // TaskDeadline
    "Criar tarefa",                                               // TaskSubmit
    "Tarefa criada.",                                             // TaskCreated
    "Abrir tarefa",                                               // OpenTask
    "Assunto",                                                    // MeetingName
    "Dia",                                                        // MeetingDay
    "Duração",                                                    // MeetingLength
    "min.",                                                       // Minutes
    "Livre para vocês dois",                                      // MeetingFree
    "Procurando horário livre…",                                  // MeetingLoading
    "Não há horário livre em comum neste dia.",                   // MeetingNoSlots
    "Escolha um horário.",                                        // MeetingPickSlot
    "Agendar reunião",                                            // MeetingSubmit
    "Reunião agendada.",                                          // MeetingCreated
    "Selo",                                                       // ThanksBadge
    "Texto da mensagem",                                          // ThanksMessage
    "Obrigado!",                                                  // ThanksTitle
    "Enviar agradecimento",                                       // ThanksSubmit
    "Agradecimento publicado.",                                   // ThanksSent
    "Joinha",                                                     // MedalThumbsUp
    "Coração",                                                    // MedalHeart
    "Taça",                                                       // MedalCup
    "Estrela",                                                    // MedalStar
    "Escaneie com a câmera do celular para salvar meu contato.",  // QrHint
    "Colegas",                                                    // Colleagues
    "Subordinados diretos",                                       // DirectReports
    "Filtrar por nome",                                           // FilterPeople
    "Buscar funcionário",                                         // FindEmployee
    "Nome ou cargo",                                              // SearchHint
    "Ninguém encontrado.",                                        // NothingFound
    "A lista é longa demais: só o início é mostrado.",            // ListCapped
    "Escolher da lista…",                                         // PickFromList
    "Voltar",                                                     // BackToCard
    "O Bitrix24 não aceitou isto:",                               // ErrWriteFailed
    "A resposta do Bitrix24 se perdeu: isso pode ter sido criado.", // WriteMayExist
    "Verificar",                                                  // CheckWrite
    "Verificando…",                                               // Checking
    "Não foi criado. Você pode enviar de novo.",                  // WriteNotCreated
    "Cartão de perfil",                                           // DefaultItemTitle
    "Configurar o widget de perfil",                              // InstallTitle
    "Escolha onde os funcionários encontram o widget. Salvar novamente é sempre seguro.", // InstallIntro
    "Menu do usuário (canto superior direito)", // WhereMenu
    "Barra do cartão do funcionário",           // WhereToolbar
    "Instalado como",                           // StatusBound
    "Não instalado",                            // StatusNotBound
    "Título do item",                           // ItemTitle
    "Vazio: o título padrão em cada idioma",    // ItemTitleHint
    "Instalar",                                 // InstallButton
    "Salvar",                                   // SaveButton
    "Salvo. Os itens estão no lugar.",          // Saved
    "Widget de perfil",                         // NonAdminTitle
    "Mostra o cartão de um colega com ações rápidas (mensagem, chamada, tarefa, reunião, agradecimento) no menu do usuário e nos cartões de funcionários.", // NonAdminBody
    "Somente um administrador do Bitrix24 pode instalá-lo: peça ao seu.", // NonAdminAsk
    "Somente um administrador do portal pode alterar isso.",              // HintAccessDenied
    "Abra esta página pelo aplicativo no Bitrix24, não por um webhook.",  // HintWrongAuth
    "Adicione as permissões placement e user nas configurações do aplicativo e abra-o novamente.", // HintNoScope
    "Escolha pelo menos um lugar.", // ChooseOne
];

const FR_CARD: CardTable = [
    "Réessayer",                                                 // Retry
    "Impossible de joindre Bitrix24. Vérifiez votre connexion.", // ErrNetwork
    "Ma fiche",                                                  // MyCard
    "Collègue",                                                  // ColleagueCard
    "En ligne",                                                  // Online
    "Hors ligne",                                                // Offline
    "Absent jusqu’au",                                           // AbsentUntil
    "Coordonnées",                                               // Contacts
    "E-mail",                                                    // Email
    "Téléphone professionnel",                                   // WorkPhone
    "Portable",                                                  // Mobile
    "Poste",                                                     // InnerPhone
    "Les coordonnées sont masquées : l’application n’a que l’autorisation user_brief.", // ContactsHidden
    "Aucune coordonnée renseignée.", // NoContacts
    "Anniversaire",                  // Birthday
    "Employé depuis le",             // EmploymentDate
    "Services",                      // Departments
    "Responsables",                  // Managers
    "Aucun responsable au-dessus.",  // NoManager
    "Extranet",                      // BadgeExtranet
    "Parti",                         // BadgeFired
    "Invité",                        // BadgeInvited
];

const FR: Table = [
    "Connexion à Bitrix24…",              // Connecting
    "Ce widget fonctionne dans Bitrix24", // OutsideTitle
    "Ouvrez-le depuis un profil utilisateur de votre Bitrix24, ou lancez le portail de démonstration sur cette machine :", // OutsideBody
    "La bibliothèque Bitrix24 n’est pas disponible sur cette page.", // ErrNotInBitrix24
    "Bitrix24 n’a pas répondu. Rechargez la page et réessayez.",     // ErrPortalSilent
    "Bitrix24 est surchargé.",                                       // ErrRateLimited
    "Votre session Bitrix24 a expiré. Rechargez la page.",           // ErrSessionExpired
    "L’application n’a pas accès à ces données.",                    // ErrNoAccess
    "Bitrix24 a envoyé une réponse inattendue.",                     // ErrPortal
    "Bitrix24 a ouvert le widget sans employé valide.",              // ErrBadContext
    "Ce widget se place dans le menu d’un profil utilisateur.",      // ErrWrongPlacement
    "Chargement du profil…",                                         // Loading
    "Heure locale",                                                  // LocalTime
    "même heure que vous",                                           // SameTimeAsYou
    "en avance sur vous",                                            // AheadOfYou
    "en retard sur vous",                                            // BehindYou
    "Copier",                                                        // Copy
    "Copié",                                                         // Copied
    "Actions",                                                       // Actions
    "Message",                                                       // Message
    "Appeler",                                                       // AudioCall
    "Appel vidéo",                                                   // VideoCall
    "Téléphone",                                                     // PhoneCall
    "Profil complet",                                                // OpenProfile
    "C’est vous.",                                                   // ReasonMe
    "Cet employé a quitté l’entreprise.",                            // ReasonFired
    "Aucun numéro de téléphone renseigné.",                          // ReasonNoPhone
    "Ce portail ne peut pas ouvrir de profils depuis les applications.", // ReasonNoPath
    "Cet employé est introuvable ou ne vous est pas visible.",       // ErrUserNotFound
    "Tâche",                                                         // ActTask
    "Réunion",                                                       // ActMeeting
    "Remercier",                                                     // ActThanks
    "Enregistrer le contact",                                        // ActVcard
    "Mon code QR",                                                   // ActQr
    "L’application n’a pas l’autorisation pour cela.",               // ReasonNoScope
    "Fermer",                                                        // Close
    "Envoi…",                                                        // Sending
    "Remplissez ce champ.",                                          // FieldRequired
    "Titre de la tâche",                                             // TaskTitle
    "Description détaillée",                                         // TaskDescription
    "Échéance",                                                      // TaskDeadline
    "Créer la tâche",                                                // TaskSubmit
    "Tâche créée.",                                                  // TaskCreated
    "Ouvrir la tâche",                                               // OpenTask
    "Objet",                                                         // MeetingName
    "Jour",                                                          // MeetingDay
    "Durée",                                                         // MeetingLength
    "mn",                                                            // Minutes
    "Libre pour vous deux",                                          // MeetingFree
    "Recherche de créneaux libres…",                                 // MeetingLoading
    "Aucun créneau libre commun ce jour-là.",                        // MeetingNoSlots
    "Choisissez une heure.",                                         // MeetingPickSlot
    "Planifier la réunion",                                          // MeetingSubmit
    "Réunion planifiée.",                                            // MeetingCreated
    "Badge de remerciement",                                         // ThanksBadge
    "Texte du message",                                              // ThanksMessage
    "Merci !",                                                       // ThanksTitle
    "Envoyer le remerciement",                                       // ThanksSubmit
    "Remerciement publié.",                                          // ThanksSent
    "Pouce levé",                                                    // MedalThumbsUp
    "Cœur",                                                          // MedalHeart
    "Coupe",                                                         // MedalCup
    "Étoile",                                                        // MedalStar
    "Scannez avec l’appareil photo du téléphone pour enregistrer mon contact.", // QrHint
    "Collègues",                                                     // Colleagues
    "Subordonnés",                                                   // DirectReports
    "Filtrer par nom",                                               // FilterPeople
    "Trouver un employé",                                            // FindEmployee
    "Nom ou poste",                                                  // SearchHint
    "Personne trouvé.",                                              // NothingFound
    "La liste est trop longue\u{a0}: seul son début est affiché.",   // ListCapped
    "Choisir dans la liste…",                                        // PickFromList
    "Retour",                                                        // BackToCard
    "Bitrix24 n’a pas accepté ceci :",                               // ErrWriteFailed
    "La réponse de Bitrix24 a été perdue\u{a0}: l’élément a peut-être été créé.", // WriteMayExist
    "Vérifier",                                                      // CheckWrite
    "Vérification…",                                                 // Checking
    "Il n’a pas été créé. Vous pouvez le renvoyer.",                 // WriteNotCreated
    "Fiche de profil",                                               // DefaultItemTitle
    "Configurer le widget de profil",                                // InstallTitle
    "Choisissez où les employés trouvent le widget. Enregistrer à nouveau est toujours sûr.", // InstallIntro
    "Menu utilisateur (en haut à droite)",        // WhereMenu
    "Barre de la fiche employé",                  // WhereToolbar
    "Installé sous le nom",                       // StatusBound
    "Non installé",                               // StatusNotBound
    "Titre de l’élément",                         // ItemTitle
    "Vide : le titre intégré dans chaque langue", // ItemTitleHint
    "Installer",                                  // InstallButton
    "Enregistrer",                                // SaveButton
    "Enregistré. Les éléments sont en place.",    // Saved
    "Widget de profil",                           // NonAdminTitle
    "Affiche la fiche d’un collègue avec des actions rapides (message, appel, tâche, réunion, remerciement) depuis le menu utilisateur et les fiches employés.", // NonAdminBody
    "Seul un administrateur Bitrix24 peut l’installer : demandez au vôtre.", // NonAdminAsk
    "Seul un administrateur du portail peut modifier cela.",                 // HintAccessDenied
    "Ouvrez cette page depuis l’application dans Bitrix24, pas via un webhook.", // HintWrongAuth
    "Ajoutez les autorisations placement et user dans les paramètres de l’application, puis rouvrez-la.", // HintNoScope
    "Choisissez au moins un emplacement.", // ChooseOne
];

const PL_CARD: CardTable = [
    "Spróbuj ponownie",                                               // Retry
    "Nie można połączyć się z Bitrix24. Sprawdź połączenie.",         // ErrNetwork
    "Moja karta",                                                     // MyCard
    "Współpracownik",                                                 // ColleagueCard
    "Online",                                                         // Online
    "Offline",                                                        // Offline
    "Nieobecny do",                                                   // AbsentUntil
    "Kontakty",                                                       // Contacts
    "E-mail",                                                         // Email
    "Telefon służbowy",                                               // WorkPhone
    "Komórka",                                                        // Mobile
    "Numer wewnętrzny",                                               // InnerPhone
    "Kontakty są ukryte: aplikacja ma tylko uprawnienie user_brief.", // ContactsHidden
    "Brak podanych kontaktów.",                                       // NoContacts
    "Urodziny",                                                       // Birthday
    "Zatrudniony od",                                                 // EmploymentDate
    "Działy",                                                         // Departments
    "Przełożeni",                                                     // Managers
    "Brak przełożonych wyżej.",                                       // NoManager
    "Ekstranet",                                                      // BadgeExtranet
    "Zwolniony",                                                      // BadgeFired
    "Zaproszony",                                                     // BadgeInvited
];

const PL: Table = [
    "Łączenie z Bitrix24…",                // Connecting
    "Ten widżet działa wewnątrz Bitrix24", // OutsideTitle
    "Otwórz go z profilu użytkownika w swoim Bitrix24 lub uruchom portal demonstracyjny na tym komputerze:", // OutsideBody
    "Biblioteka Bitrix24 nie jest dostępna na tej stronie.", // ErrNotInBitrix24
    "Bitrix24 nie odpowiedział. Odśwież stronę i spróbuj ponownie.", // ErrPortalSilent
    "Bitrix24 jest przeciążony.",                            // ErrRateLimited
    "Twoja sesja Bitrix24 wygasła. Odśwież stronę.",         // ErrSessionExpired
    "Aplikacja nie ma dostępu do tych danych.",              // ErrNoAccess
    "Bitrix24 przesłał nieoczekiwaną odpowiedź.",            // ErrPortal
    "Bitrix24 otworzył widżet bez prawidłowego pracownika.", // ErrBadContext
    "Ten widżet należy do menu profilu użytkownika.",        // ErrWrongPlacement
    "Wczytywanie profilu…",                                  // Loading
    "Czas lokalny",                                          // LocalTime
    "ta sama godzina co u Ciebie",                           // SameTimeAsYou
    "przed Tobą",                                            // AheadOfYou
    "za Tobą",                                               // BehindYou
    "Kopiuj",                                                // Copy
    "Skopiowano",                                            // Copied
    "Działania",                                             // Actions
    "Wiadomość",                                             // Message
    "Zadzwoń",                                               // AudioCall
    "Rozmowa wideo",                                         // VideoCall
    "Telefon",                                               // PhoneCall
    "Pełny profil",                                          // OpenProfile
    "To Ty.",                                                // ReasonMe
    "Ten pracownik został zwolniony.",                       // ReasonFired
    "Nie podano numeru telefonu.",                           // ReasonNoPhone
    "Ten portal nie może otwierać profili z aplikacji.",     // ReasonNoPath
    "Nie znaleziono tego pracownika lub nie jest on dla Ciebie widoczny.", // ErrUserNotFound
    "Zadanie",                                               // ActTask
    "Spotkanie",                                             // ActMeeting
    "Podziękuj",                                             // ActThanks
    "Zapisz kontakt",                                        // ActVcard
    "Mój kod QR",                                            // ActQr
    "Aplikacja nie ma do tego uprawnień.",                   // ReasonNoScope
    "Zamknij",                                               // Close
    "Wysyłanie…",                                            // Sending
    "Wypełnij to pole.",                                     // FieldRequired
    "Tytuł zadania",                                         // TaskTitle
    "Opis",                                                  // TaskDescription
    "Termin wykonania",                                      // TaskDeadline
    "Utwórz zadanie",                                        // TaskSubmit
    "Zadanie utworzone.",                                    // TaskCreated
    "Otwórz zadanie",                                        // OpenTask
    "Temat",                                                 // MeetingName
    "Dzień",                                                 // MeetingDay
    "Czas trwania",                                          // MeetingLength
    "min.",                                                  // Minutes
    "Wolne dla was obojga",                                  // MeetingFree
    "Szukanie wolnego czasu…",                               // MeetingLoading
    "Brak wspólnego wolnego czasu tego dnia.",               // MeetingNoSlots
    "Wybierz godzinę.",                                      // MeetingPickSlot
    "Zaplanuj spotkanie",                                    // MeetingSubmit
    "Spotkanie zaplanowane.",                                // MeetingCreated
    "Odznaka",                                               // ThanksBadge
    "Treść wiadomości",                                      // ThanksMessage
    "Dziękuję!",                                             // ThanksTitle
    "Wyślij podziękowanie",                                  // ThanksSubmit
    "Podziękowanie opublikowane.",                           // ThanksSent
    "Kciuk w górę",                                          // MedalThumbsUp
    "Serce",                                                 // MedalHeart
    "Puchar",                                                // MedalCup
    "Gwiazda",                                               // MedalStar
    "Zeskanuj aparatem telefonu, aby zapisać mój kontakt.",  // QrHint
    "Współpracownicy",                                       // Colleagues
    "Podwładni",                                             // DirectReports
    "Filtruj po nazwisku",                                   // FilterPeople
    "Znajdź pracownika",                                     // FindEmployee
    "Imię lub stanowisko",                                   // SearchHint
    "Nikogo nie znaleziono.",                                // NothingFound
    "Lista jest za długa: pokazano tylko jej początek.",     // ListCapped
    "Wybierz z listy…",                                      // PickFromList
    "Wstecz",                                                // BackToCard
    "Bitrix24 nie przyjął tego:",                            // ErrWriteFailed
    "Odpowiedź Bitrix24 zaginęła: to mogło zostać utworzone.", // WriteMayExist
    "Sprawdź",                                               // CheckWrite
    "Sprawdzanie…",                                          // Checking
    "Nie zostało utworzone. Możesz wysłać ponownie.",        // WriteNotCreated
    "Karta profilu",                                         // DefaultItemTitle
    "Konfiguracja widżetu profilu",                          // InstallTitle
    "Wybierz, gdzie pracownicy znajdą widżet. Ponowne zapisanie jest zawsze bezpieczne.", // InstallIntro
    "Menu użytkownika (prawy górny róg)",     // WhereMenu
    "Pasek karty pracownika",                 // WhereToolbar
    "Zainstalowany jako",                     // StatusBound
    "Nie zainstalowany",                      // StatusNotBound
    "Tytuł pozycji",                          // ItemTitle
    "Puste: wbudowany tytuł w każdym języku", // ItemTitleHint
    "Zainstaluj",                             // InstallButton
    "Zapisz",                                 // SaveButton
    "Zapisano. Pozycje są na miejscu.",       // Saved
    "Widżet profilu",                         // NonAdminTitle
    "Pokazuje kartę współpracownika z szybkimi akcjami (wiadomość, połączenie, zadanie, spotkanie, podziękowanie) z menu użytkownika i kart pracowników.", // NonAdminBody
    "Zainstalować go może tylko administrator Bitrix24: poproś swojego.", // NonAdminAsk
    "Tylko administrator portalu może to zmienić.",                       // HintAccessDenied
    "Otwórz tę stronę z aplikacji w Bitrix24, a nie przez webhook.",      // HintWrongAuth
    "Dodaj uprawnienia placement i user w ustawieniach aplikacji i otwórz ją ponownie.", // HintNoScope
    "Wybierz co najmniej jedno miejsce.", // ChooseOne
];

const UK_CARD: CardTable = [
    "Повторити",                                                 // Retry
    "Не вдалося з’єднатися з Бітрікс24. Перевірте підключення.", // ErrNetwork
    "Моя картка",                                                // MyCard
    "Колега",                                                    // ColleagueCard
    "У мережі",                                                  // Online
    "Не в мережі",                                               // Offline
    "Відсутній до",                                              // AbsentUntil
    "Контакти",                                                  // Contacts
    "E-mail",                                                    // Email
    "Робочий телефон",                                           // WorkPhone
    "Мобільний",                                                 // Mobile
    "Внутрішній",                                                // InnerPhone
    "Контакти приховані: застосунок має лише право user_brief.", // ContactsHidden
    "Контакти не вказані.",                                      // NoContacts
    "День народження",                                           // Birthday
    "Працює з",                                                  // EmploymentDate
    "Підрозділи",                                                // Departments
    "Керівники",                                                 // Managers
    "Керівників вище немає.",                                    // NoManager
    "Екстранет",                                                 // BadgeExtranet
    "Звільнений",                                                // BadgeFired
    "Запрошений",                                                // BadgeInvited
];

const UK: Table = [
    "Підключення до Бітрікс24…",             // Connecting
    "Цей віджет працює всередині Бітрікс24", // OutsideTitle
    "Відкрийте його з профілю користувача у вашому Бітрікс24 або запустіть демопортал на цьому комп’ютері:", // OutsideBody
    "Бібліотека Бітрікс24 недоступна на цій сторінці.", // ErrNotInBitrix24
    "Бітрікс24 не відповів. Оновіть сторінку і спробуйте ще раз.", // ErrPortalSilent
    "Бітрікс24 перевантажений.",                        // ErrRateLimited
    "Сесія Бітрікс24 закінчилася. Оновіть сторінку.",   // ErrSessionExpired
    "Застосунок не має доступу до цих даних.",          // ErrNoAccess
    "Бітрікс24 надіслав неочікувану відповідь.",        // ErrPortal
    "Бітрікс24 відкрив віджет без коректного співробітника.", // ErrBadContext
    "Цей віджет призначений для меню профілю користувача.", // ErrWrongPlacement
    "Завантаження профілю…",                            // Loading
    "Місцевий час",                                     // LocalTime
    "як у вас",                                         // SameTimeAsYou
    "попереду вас",                                     // AheadOfYou
    "позаду вас",                                       // BehindYou
    "Копіювати",                                        // Copy
    "Скопійовано",                                      // Copied
    "Дії",                                              // Actions
    "Написати",                                         // Message
    "Зателефонувати",                                   // AudioCall
    "Відеодзвінок",                                     // VideoCall
    "Телефон",                                          // PhoneCall
    "Повний профіль",                                   // OpenProfile
    "Це ви.",                                           // ReasonMe
    "Співробітника звільнено.",                         // ReasonFired
    "Номер телефону не вказано.",                       // ReasonNoPhone
    "Цей портал не відкриває профілі із застосунків.",  // ReasonNoPath
    "Співробітника не знайдено або він вам недоступний.", // ErrUserNotFound
    "Завдання",                                         // ActTask
    "Зустріч",                                          // ActMeeting
    "Подякувати",                                       // ActThanks
    "Зберегти контакт",                                 // ActVcard
    "Мій QR-код",                                       // ActQr
    "Застосунок не має на це прав.",                    // ReasonNoScope
    "Закрити",                                          // Close
    "Надсилання…",                                      // Sending
    "Заповніть це поле.",                               // FieldRequired
    "Назва завдання",                                   // TaskTitle
    "Опис",                                             // TaskDescription
    "Крайній термін",                                   // TaskDeadline
    "Створити завдання",                                // TaskSubmit
    "Завдання створено.",                               // TaskCreated
    "Відкрити завдання",                                // OpenTask
    "Тема зустрічі",                                    // MeetingName
    "День зустрічі",                                    // MeetingDay
    "Тривалість",                                       // MeetingLength
    "хв",                                               // Minutes
    "Вільно в обох",                                    // MeetingFree
    "Шукаємо вільний час…",                             // MeetingLoading
    "Цього дня немає спільного вільного часу.",         // MeetingNoSlots
    "Оберіть час.",                                     // MeetingPickSlot
    "Призначити зустріч",                               // MeetingSubmit
    "Зустріч призначено.",                              // MeetingCreated
    "Значок подяки",                                    // ThanksBadge
    "Текст повідомлення",                               // ThanksMessage
    "Дякую!",                                           // ThanksTitle
    "Надіслати подяку",                                 // ThanksSubmit
    "Подяку опубліковано.",                             // ThanksSent
    "Клас",                                             // MedalThumbsUp
    "Серце",                                            // MedalHeart
    "Кубок",                                            // MedalCup
    "Зірка",                                            // MedalStar
    "Відскануйте камерою телефона, щоб зберегти мій контакт.", // QrHint
    "Колеги",                                           // Colleagues
    "Підлеглі",                                         // DirectReports
    "Фільтр за ім’ям",                                  // FilterPeople
    "Знайти співробітника",                             // FindEmployee
    "Ім’я або посада",                                  // SearchHint
    "Нікого не знайдено.",                              // NothingFound
    "Список задовгий: показано лише його початок.",     // ListCapped
    "Вибрати зі списку…",                               // PickFromList
    "Назад",                                            // BackToCard
    "Бітрікс24 не прийняв запит:",                      // ErrWriteFailed
    "Відповідь Бітрікс24 втрачено: запис міг бути створений.", // WriteMayExist
    "Перевірити",                                       // CheckWrite
    "Перевірка…",                                       // Checking
    "Не створено. Можна надіслати знову.",              // WriteNotCreated
    "Картка профілю",                                   // DefaultItemTitle
    "Налаштування віджета профілю",                     // InstallTitle
    "Оберіть, де співробітники знайдуть віджет. Зберігати повторно безпечно.", // InstallIntro
    "Меню користувача (праворуч угорі)",                // WhereMenu
    "Панель картки співробітника",                      // WhereToolbar
    "Встановлено як",                                   // StatusBound
    "Не встановлено",                                   // StatusNotBound
    "Назва пункту",                                     // ItemTitle
    "Порожньо: вбудована назва кожною мовою",           // ItemTitleHint
    "Встановити",                                       // InstallButton
    "Зберегти",                                         // SaveButton
    "Збережено. Пункти на місці.",                      // Saved
    "Віджет профілю",                                   // NonAdminTitle
    "Показує картку колеги зі швидкими діями (повідомлення, дзвінок, завдання, зустріч, подяка) з меню користувача та карток співробітників.", // NonAdminBody
    "Встановити його може лише адміністратор Бітрікс24: зверніться до нього.", // NonAdminAsk
    "Змінити це може лише адміністратор порталу.",                             // HintAccessDenied
    "Відкрийте цю сторінку із застосунку в Бітрікс24, а не через вебхук.",     // HintWrongAuth
    "Додайте права placement і user у налаштуваннях застосунку та відкрийте його знову.", // HintNoScope
    "Оберіть хоча б одне місце.", // ChooseOne
];

#[cfg(test)]
mod tests {
    use super::*;

    const LANGS: [Lang; 8] = Lang::ALL;

    #[test]
    fn tables_follow_the_enum_order() {
        assert_eq!(COUNT, 119);
        assert_eq!(t(Lang::En, Msg::Connecting), "Connecting to Bitrix24…");
        assert_eq!(
            t(Lang::En, Msg::ErrUserNotFound),
            "This employee was not found or is not visible to you."
        );
        assert_eq!(t(Lang::Fr, Msg::Copy), "Copier");
        assert_eq!(t(Lang::Pl, Msg::Message), "Wiadomość");
        assert_eq!(t(Lang::Uk, Msg::MyCard), "Моя картка");
        assert_eq!(t(Lang::Es, Msg::BadgeInvited), "Invitado");
        assert_eq!(t(Lang::PtBr, Msg::InnerPhone), "Ramal");
        assert_eq!(t(Lang::De, Msg::Mobile), "Mobil");
    }

    #[test]
    fn every_language_is_complete_and_translated() {
        for lang in LANGS {
            let texts: Vec<&str> = card_table(lang)
                .iter()
                .chain(table(lang))
                .copied()
                .collect();
            let english: Vec<&str> = EN_CARD.iter().chain(&EN).copied().collect();
            assert_eq!(texts.len(), COUNT);
            assert!(texts.iter().all(|text| !text.trim().is_empty()), "{lang:?}");
            if lang != Lang::En {
                let same = texts.iter().zip(&english).filter(|(a, b)| a == b).count();
                assert!(same <= 5, "{lang:?}: {same} messages identical to English");
            }
        }
    }

    #[test]
    fn first_screen_messages_are_msgs_first_ones_under_the_same_names() {
        for (index, card) in CardMsg::ALL.into_iter().enumerate() {
            let msg = Msg::from(card);
            assert_eq!(card as usize, index);
            assert_eq!(msg as usize, index, "{card:?} out of place in Msg");
            assert_eq!(format!("{card:?}"), format!("{msg:?}"));
            for lang in LANGS {
                assert_eq!(t_card(lang, card), t(lang, msg));
            }
        }
        assert_eq!(t(Lang::En, Msg::Connecting), "Connecting to Bitrix24…");
        assert_eq!(t(Lang::En, Msg::ChooseOne), EN[COUNT - CARD_COUNT - 1]);
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
            ("zz", Lang::En),
        ];
        for (code, lang) in pairs {
            assert_eq!(Lang::from_bitrix(code), lang, "{code}");
        }
    }

    #[test]
    fn time_phrases_in_every_language() {
        for lang in LANGS {
            let ahead = time_difference(lang, 150);
            assert!(ahead.starts_with("2 "), "{lang:?}: {ahead}");
            assert!(
                ahead.ends_with(t(lang, Msg::AheadOfYou)),
                "{lang:?}: {ahead}"
            );
            assert!(retrying_in(lang, 4).contains('4'), "{lang:?}");
        }
    }
}
