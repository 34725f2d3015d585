use super::*;

#[test]
fn the_item_title_built_in_everywhere_is_each_language_own() {
    for lang in Lang::ALL {
        assert_eq!(item_title(lang), t(lang, Msg::DefaultItemTitle), "{lang:?}");
    }
    assert_ne!(item_title(Lang::Ja), item_title(Lang::En));
}

#[test]
fn texts_are_found_by_key_in_every_language() {
    assert_eq!(t(Lang::En, Msg::Connecting), "Connecting to Bitrix24…");
    assert_eq!(
        t(Lang::En, Msg::ErrUserNotFound),
        "This employee was not found or is not visible to you."
    );
    assert_eq!(t(Lang::Fr, Msg::Copy), "Copier");
    assert_eq!(t(Lang::Pl, Msg::Message), "Wiadomość");
    assert_eq!(t(Lang::Uk, Msg::MyCard), "Моя картка");
    assert_eq!(t(Lang::Es, Msg::BadgeInvited), "Invitación enviada");
    assert_eq!(t(Lang::PtBr, Msg::InnerPhone), "Ramal");
    assert_eq!(t(Lang::De, Msg::Mobile), "Mobil");
    assert_eq!(t(Lang::En, Msg::RetryingIn), "Trying again in {seconds} s…");
}

#[test]
fn every_language_is_complete_and_translated() {
    let english: Vec<&str> = card_table(Lang::En)
        .iter()
        .chain(table(Lang::En))
        .copied()
        .collect();
    for lang in Lang::ALL {
        let texts: Vec<&str> = card_table(lang)
            .iter()
            .chain(table(lang))
            .copied()
            .collect();
        assert_eq!(texts.len(), COUNT);
        assert!(texts.iter().all(|text| !text.trim().is_empty()), "{lang:?}");
        if lang != Lang::En {
            // Product names are the same everywhere, and the international unit symbols in
            // many languages; a few loanwords ("Online", "Links") too.
            let brands = [
                "Skype",
                "Zoom",
                "LinkedIn",
                "Xing",
                "Facebook",
                "X (Twitter)",
                "{n} min",
                "{n} h",
            ];
            let same = texts
                .iter()
                .zip(&english)
                .filter(|(a, b)| a == b && !brands.contains(b))
                .count();
            assert!(same <= 6, "{lang:?}: {same} messages identical to English");
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
        for lang in Lang::ALL {
            assert_eq!(t_card(lang, card), t(lang, msg));
        }
    }
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
        ("in", Lang::Hi),
        ("vn", Lang::Vi),
        ("kz", Lang::Kk),
        ("sc", Lang::ZhCn),
        ("tc", Lang::ZhTw),
        ("ar", Lang::Ar),
        ("ja", Lang::Ja),
        ("RU", Lang::Ru),
        ("", Lang::En),
        ("zz", Lang::En),
    ];
    for (code, lang) in pairs {
        assert_eq!(Lang::from_bitrix(code), lang, "{code}");
    }
    assert!(
        Lang::ALL
            .iter()
            .all(|l| Lang::from_bitrix(l.bitrix_code()) == *l)
    );
    // Bitrix24's 20 interface languages, as the official SDK lists them.
    let codes = "ru id ms de en la fr in it pl br vn tr kz ua ar th sc tc ja";
    let mut ours: Vec<_> = Lang::ALL.iter().map(|l| l.bitrix_code()).collect();
    let mut theirs: Vec<_> = codes.split(' ').collect();
    ours.sort_unstable();
    theirs.sort_unstable();
    assert_eq!(ours, theirs);
}

#[test]
fn the_administrators_badge_never_reads_as_a_manager_or_a_department() {
    for lang in Lang::ALL {
        let (admin, managers) = (t(lang, Msg::BadgeAdmin), t(lang, Msg::Managers));
        // Turkish had "Yönetici" beside "Yöneticiler": a manager, not an administrator.
        assert!(
            !managers.starts_with(admin),
            "{lang:?}: {admin} / {managers}"
        );
        // French, Polish, Spanish and Portuguese had the department's name ("Administration").
        let department = ["tion", "cja", "ción", "ção"];
        assert!(
            !department.iter().any(|end| admin.ends_with(end)),
            "{lang:?}: {admin}"
        );
    }
}

#[test]
fn time_phrases_in_every_language_use_its_own_units() {
    for lang in Lang::ALL {
        let ahead = time_difference(lang, 150);
        let (two_hours, half_hour) = (fill(t(lang, Msg::Hours), "2"), minutes_amount(lang, 30));
        assert!(ahead.contains(&two_hours), "{lang:?}: {ahead}");
        assert!(ahead.contains(&half_hour), "{lang:?}: {ahead}");
        assert!(!ahead.contains('{'), "{lang:?}: {ahead}");
        let behind = time_difference(lang, -60);
        assert!(
            behind.contains(&fill(t(lang, Msg::Hours), "1")),
            "{lang:?}: {behind}"
        );
        let away = absent_until(lang, "14.12.2026");
        assert!(
            away.contains("14.12.2026") && !away.contains('{'),
            "{lang:?}: {away}"
        );
        let retry = retrying_in(lang, 4);
        assert!(
            retry.contains('4') && !retry.contains('{'),
            "{lang:?}: {retry}"
        );
    }
}
