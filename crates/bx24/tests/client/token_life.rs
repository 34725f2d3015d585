//! The token's life over minutes of a frame left open: refreshing ahead at any token lifetime
//! without a storm, a parent that answers with the token it holds, refusals forgotten once a
//! token is accepted, and writes held back while the owner of a new token is unconfirmed.

use super::*;

const SECOND: f64 = 1_000.0;
/// The refresh-ahead bound: at most one `refreshAuth` per this many milliseconds.
const MIN_GAP: f64 = 30.0 * SECOND;

/// A portal that accepts any token and says that user 3 holds it.
fn user_3_portal() -> Fake {
    let fake = portal(|sent, _| match sent.method() {
        "user.current" => ok(json!({"ID": "3"})),
        _ => ok(json!(1)),
    });
    fake.accept("*");
    fake
}

/// Runs the `keep_auth_fresh` loop on the virtual clock for `ms`: refresh when due, else
/// sleep until due (a minute at most). Gives when each refresh was asked.
fn keep_fresh_for(fake: &Fake, rest: &Rest<Fake>, ms: f64) -> Vec<f64> {
    let end = fake.now() + ms;
    let mut asked = Vec::new();
    // Bounded: a storm spends the turns without moving the clock.
    for _ in 0..10_000 {
        if fake.now() >= end {
            break;
        }
        match rest.refresh_due_in_ms() {
            Some(0) => {
                asked.push(fake.now());
                let _ = block_on(rest.refresh());
            }
            Some(wait) => block_on(fake.sleep(wait.min(60_000))),
            None => break,
        }
    }
    asked
}

fn assert_spaced(asked: &[f64], what: &str) {
    for pair in asked.windows(2) {
        assert!(
            pair[1] - pair[0] >= MIN_GAP,
            "{what}: refreshes {} ms apart ({} in all)",
            pair[1] - pair[0],
            asked.len()
        );
    }
}

#[test]
fn refreshing_ahead_costs_at_most_one_refresh_per_30_s_at_any_token_lifetime() {
    for lifetime_s in [0.0, 1.0, 6.0, 60.0, 3_600.0] {
        let what = format!("tokens of {lifetime_s} s");
        let lifetime = lifetime_s * SECOND;
        let fake = user_3_portal();
        fake.0.borrow_mut().refresher =
            Box::new(move |n, now| Ok(Auth::new(format!("token-{}", n + 1), now + lifetime)));
        let auth = Auth::new("token-1", fake.now() + lifetime);
        let rest = Rest::new(fake.clone(), "https://p.test/rest/", Some(auth), &options());
        rest.pin_user(3);
        let asked = keep_fresh_for(&fake, &rest, 120.0 * SECOND);
        assert!(
            asked.len() <= 4,
            "{what}: {} refreshes in 2 minutes",
            asked.len()
        );
        assert_spaced(&asked, &what);
        assert_eq!(fake.refreshes() as usize, asked.len(), "{what}");
        assert!(
            fake.sent().len() <= 2 * asked.len(),
            "{what}: {} requests for {} refreshes",
            fake.sent().len(),
            asked.len()
        );
        // Long after the last token expired, a read and a write still go through, each
        // with a token refreshed on demand; a portal whose tokens are dead on arrival ends
        // the session at once instead.
        block_on(fake.sleep(3_600_000));
        let read = block_on(rest.call::<Value, _>("user.get", &()));
        let write = block_on(rest.call::<Value, _>("tasks.task.add", &()));
        if lifetime_s == 0.0 {
            assert_eq!(
                read.unwrap_err().rest_code(),
                Some("expired_token"),
                "{what}"
            );
            assert!(write.is_err() && rest.ended().is_some(), "{what}");
        } else {
            read.unwrap();
            write.unwrap();
        }
    }
}

#[test]
fn a_parent_answering_with_the_token_it_holds_is_asked_at_most_every_30_s() {
    let fake = user_3_portal();
    let start = fake.now();
    let held_until = start + 200.0 * SECOND;
    // The parent gives its own token until it expires, then a new one for an hour.
    fake.0.borrow_mut().refresher = Box::new(move |_, now| {
        Ok(if now < held_until {
            Auth::new("token-1", held_until)
        } else {
            Auth::new("token-2", now + HOUR)
        })
    });
    // The frame got it with 200 s to go.
    let auth = Auth::new("token-1", held_until);
    let rest = Rest::new(fake.clone(), "https://p.test/rest/", Some(auth), &options());
    rest.pin_user(3);
    let asked = keep_fresh_for(&fake, &rest, 600.0 * SECOND);
    assert_spaced(&asked, "the held token");
    assert!(asked.len() <= 7, "{} refreshes", asked.len());
    assert!(
        asked.iter().all(|&at| at < held_until),
        "none ahead once it has expired"
    );
    // One owner check per refresh, nothing else.
    assert_eq!(fake.methods(), vec!["user.current"; asked.len()]);
    // The next call refreshes on demand, gets the parent's new token and checks its owner.
    block_on(rest.call::<Value, _>("user.get", &())).unwrap();
    assert_eq!(rest.auth().unwrap().access_token(), "token-2");
    assert_eq!(fake.methods()[asked.len()..], ["user.current", "user.get"]);
    let later = keep_fresh_for(&fake, &rest, 600.0 * SECOND);
    assert!(
        later.is_empty(),
        "an hour's token is not refreshed in 10 minutes"
    );
}

#[test]
fn an_accepted_token_forgets_earlier_refusals_so_long_sessions_go_on() {
    let fake = portal(|_, _| ok(json!(1)));
    let rest = client(&fake, "token-1");
    // Every hour the portal stops accepting the token held; one refresh mends it each time.
    for n in 1..=6 {
        fake.accept(&format!("token-{}", n + 1));
        block_on(rest.call::<Value, _>("user.get", &())).unwrap();
        assert_eq!(fake.refreshes(), n);
    }
    assert!(rest.ended().is_none());
}

#[test]
fn retry_waits_spread_by_the_transports_random_number() {
    let policy = Options::default();
    assert!(policy.retry.jitter > 0.0, "the default policy jitters");
    let mut waits = Vec::new();
    for random in [0.0, 0.5, 1.0] {
        let mut busy = true;
        let fake = portal(move |_, _| {
            if std::mem::take(&mut busy) {
                Ok(answer(
                    503,
                    json!({"error": "QUERY_LIMIT_EXCEEDED", "error_description": "Too many requests"}),
                ))
            } else {
                ok(json!(1))
            }
        });
        fake.0.borrow_mut().random = random;
        let auth = Auth::new("token-1", fake.now() + HOUR);
        let rest = Rest::new(fake.clone(), "https://p.test/rest/", Some(auth), &policy);
        block_on(rest.call::<Value, _>("user.get", &())).unwrap();
        waits.push(fake.sleeps());
    }
    // 1.5 s with 20 % of it drawn: 1.35 s to 1.65 s.
    assert_eq!(waits, [vec![1_350], vec![1_500], vec![1_650]]);
}

/// A portal that accepts any token, hands out a new one for an hour on every refresh, and
/// answers `user.current` with what `check` gives for each check (numbered from 1).
fn portal_checking(mut check: impl FnMut(u32) -> Result<HttpAnswer, Failure> + 'static) -> Fake {
    let mut checks = 0;
    let fake = portal(move |sent, _| match sent.method() {
        "user.current" => {
            checks += 1;
            check(checks)
        }
        _ => ok(json!(1)),
    });
    fake.accept("*");
    fake.0.borrow_mut().refresher =
        Box::new(|n, now| Ok(Auth::new(format!("token-{}", n + 1), now + HOUR)));
    fake
}

fn refused_check() -> Result<HttpAnswer, Failure> {
    Ok(answer(
        500,
        json!({"error": "INTERNAL_SERVER_ERROR", "error_description": "Internal error"}),
    ))
}

/// A client pinned to user 3 that has read once with a refreshed token (its own had expired)
/// whose owner check was refused; later checks answer as `check` does (numbered from 2).
fn read_with_an_unconfirmed_token(
    mut check: impl FnMut(u32) -> Result<HttpAnswer, Failure> + 'static,
) -> (Fake, Rest<Fake>) {
    let fake = portal_checking(move |n| if n == 1 { refused_check() } else { check(n) });
    let expired = Auth::new("token-1", fake.now() - 1.0);
    let rest = Rest::new(
        fake.clone(),
        "https://p.test/rest/",
        Some(expired),
        &options(),
    );
    rest.pin_user(3);
    // A read goes on with the unconfirmed token.
    block_on(rest.call::<Value, _>("user.get", &())).unwrap();
    assert_eq!(fake.methods(), ["user.current", "user.get"]);
    (fake, rest)
}

#[test]
fn a_write_is_not_sent_while_the_new_tokens_owner_cannot_be_confirmed() {
    let (fake, rest) = read_with_an_unconfirmed_token(|_| refused_check());
    let error = block_on(rest.call::<Value, _>("tasks.task.add", &())).unwrap_err();
    assert_eq!(error, Error::OwnerUnconfirmed { user: 3 });
    assert!(!error.outcome_unknown() && error.can_retry());
    assert_eq!(
        (fake.methods(), fake.refreshes()),
        (
            vec![
                "user.current".to_owned(),
                "user.get".into(),
                "user.current".into()
            ],
            2
        ),
        "one more refresh and check before the write, and the write never sent"
    );
    assert!(rest.ended().is_none(), "reads may go on");
    // Each attempt costs one refresh and check: sending again is bounded, not a loop.
    let again = block_on(rest.call::<Value, _>("tasks.task.add", &())).unwrap_err();
    assert_eq!(again, error);
    assert_eq!((fake.methods().len(), fake.refreshes()), (4, 3));
}

#[test]
fn a_write_goes_once_the_owner_is_confirmed_on_a_second_look() {
    let (fake, rest) = read_with_an_unconfirmed_token(|_| ok(json!({"ID": "3"})));
    block_on(rest.call::<Value, _>("tasks.task.add", &())).unwrap();
    block_on(rest.call::<Value, _>("tasks.task.add", &())).unwrap();
    assert_eq!(
        fake.methods()[2..],
        ["user.current", "tasks.task.add", "tasks.task.add"],
        "confirmed once, then no more checks"
    );
    assert_eq!(fake.refreshes(), 2);
}

#[test]
fn a_second_look_that_finds_another_user_ends_the_session_before_the_write() {
    let (fake, rest) = read_with_an_unconfirmed_token(|_| ok(json!({"ID": "7"})));
    let error = block_on(rest.call::<Value, _>("tasks.task.add", &())).unwrap_err();
    assert_eq!(error, Error::SessionChanged { was: 3, now: 7 });
    assert!(!fake.methods().contains(&"tasks.task.add".to_owned()));
    assert!(rest.ended().is_some());
}
