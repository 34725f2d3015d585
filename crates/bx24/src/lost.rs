//! Noticing a lost answer early. The library never calls back when the portal answers a REST
//! request with a 5xx (a 503 rate limit included) or with a body it cannot parse: it throws
//! inside its own handler. Waiting for the call timeout would cost 20 seconds per such
//! answer. Resource Timing tells when the request itself has finished, and with what status;
//! a finished request whose callback did not follow is a lost answer now, not later.
//!
//! A request refused with 401 is lost too unless the library refreshes its token and sends it
//! again, as it does for an expired token: a refresh the parent never answers leaves it
//! waiting for good, and a batch refused for a garbage or revoked token makes it throw. Single
//! calls are watched only when they read: a write the library might still send after a late
//! refresh must not be sent twice.
//!
//! Where the browser does not report `responseStatus`, nothing is concluded and the call
//! timeout decides, as before.

use super::js;
use super::retry::is_read_method;
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// How often the finished requests are checked while an answer is awaited.
const GRACE_MS: f64 = 400.0;

/// How long the library may take, after a 401, to refresh an expired token through the
/// portal (one postMessage round trip) before it is taken not to.
const REFRESH_GRACE_MS: f64 = 2_000.0;

/// A finished REST request: its URL, when it started and ended, and its HTTP status.
#[derive(Clone, Debug)]
struct Finished {
    name: String,
    start: f64,
    end: f64,
    status: u32,
}

/// Why an awaited answer will not come.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lost {
    /// No answer reached the callback: the request failed in a way the library never
    /// reports, or the call timed out.
    Answer,
    /// A request was refused with 401 and the library kept its token: its refresh failed or
    /// was never tried, and a fresh token from the portal may help.
    Unauthorized,
}

thread_local! {
    /// Finished REST requests seen by the observer (the newest few hundred), or `None` when
    /// this browser cannot observe them.
    static SEEN: RefCell<Option<Vec<Finished>>> = const { RefCell::new(None) };
}

fn now() -> f64 {
    js_sys::Reflect::get(&js_sys::global(), &"performance".into())
        .ok()
        .and_then(|p| {
            let now = js_sys::Reflect::get(&p, &"now".into()).ok()?;
            now.dyn_into::<js_sys::Function>()
                .ok()?
                .call0(&p)
                .ok()?
                .as_f64()
        })
        .unwrap_or_default()
}

/// Starts observing resource entries once; `false` where the browser cannot.
fn observe() -> bool {
    if SEEN.with(|seen| seen.borrow().is_some()) {
        return true;
    }
    let on_entries = Closure::<dyn FnMut(JsValue)>::new(|list: JsValue| {
        let entries = js::member(&list, "getEntries")
            .dyn_into::<js_sys::Function>()
            .ok()
            .and_then(|f| f.call0(&list).ok())
            .map(|entries| js_sys::Array::from(&entries))
            .unwrap_or_default();
        SEEN.with(|seen| {
            let mut seen = seen.borrow_mut();
            let Some(seen) = seen.as_mut() else { return };
            for entry in entries.iter() {
                let name = js::member(&entry, "name").as_string().unwrap_or_default();
                let status = js::member(&entry, "responseStatus").as_f64();
                if let (true, Some(status)) = (name.contains("/rest/"), status) {
                    let time = |field| js::member(&entry, field).as_f64().unwrap_or_default();
                    seen.push(Finished {
                        name,
                        start: time("startTime"),
                        end: time("responseEnd"),
                        status: status as u32,
                    });
                }
            }
            let excess = seen.len().saturating_sub(300);
            seen.drain(..excess);
        });
    });
    let started = (|| -> Option<()> {
        let global = js_sys::global();
        let constructor: js_sys::Function =
            js_sys::Reflect::get(&global, &"PerformanceObserver".into())
                .ok()?
                .dyn_into()
                .ok()?;
        let observer =
            js_sys::Reflect::construct(&constructor, &js_sys::Array::of1(on_entries.as_ref()))
                .ok()?;
        let options = js_sys::Object::new();
        js_sys::Reflect::set(&options, &"type".into(), &"resource".into()).ok()?;
        // Requests finished before this instance started watching count too: a request
        // handed over from the first-paint binary (see `handover`) may have ended already.
        js_sys::Reflect::set(&options, &"buffered".into(), &true.into()).ok()?;
        let observe: js_sys::Function = js::member(&observer, "observe").dyn_into().ok()?;
        observe.call1(&observer, &options).ok()?;
        Some(())
    })();
    if started.is_some() {
        on_entries.forget(); // observes for the page's lifetime
        SEEN.with(|seen| *seen.borrow_mut() = Some(Vec::new()));
    }
    started.is_some()
}

/// A marker taken just before a REST request is handed to the library, with a fingerprint of
/// the token it will be sent with (to notice whether the library refreshed it; the token
/// itself is never copied).
pub struct Sent {
    at: f64,
    token: Option<u64>,
}

/// The fingerprint of a token: equal tokens give equal fingerprints, in every wasm instance
/// built from this code (the hasher's keys are fixed).
pub fn fingerprint(token: &str) -> u64 {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut hasher = DefaultHasher::new();
    token.hash(&mut hasher);
    hasher.finish()
}

/// Marks the moment a request is about to be sent with the token of fingerprint `token`.
pub fn sent(token: Option<u64>) -> Sent {
    observe();
    Sent { at: now(), token }
}

/// A request another wasm instance on the page sent at `at` (`performance.now()`, which the
/// page's instances share) with the token of fingerprint `token`.
pub fn sent_before(at: f64, token: Option<u64>) -> Sent {
    observe();
    Sent { at, token }
}

impl Sent {
    /// When the request was sent (`performance.now()`).
    pub fn at(&self) -> f64 {
        self.at
    }

    /// The fingerprint of the token it was sent with.
    pub fn token(&self) -> Option<u64> {
        self.token
    }

    /// Milliseconds since the request was sent.
    pub fn elapsed_ms(&self) -> u32 {
        (now() - self.at).clamp(0.0, f64::from(u32::MAX)) as u32
    }
}

/// Whether the library calls back after an answer with this status: never after a 5xx; for
/// `batch` never after any error answer either (it maps the missing results and throws),
/// except a 401, which may be an expired token it refreshes and re-sends.
fn loses_callback(method: &str, status: u32) -> bool {
    status >= 500 || (method == "batch" && status >= 400 && status != 401)
}

/// Whether a 401 to `method` is watched for a refresh that does not come: batches (which the
/// retry sends again only when they read) and single reads.
fn watches_refusals(method: &str) -> bool {
    method == "batch" || is_read_method(method)
}

/// Whether a request refused with 401 `since_ms` ago is still unanswered for good: the library
/// would have refreshed an expired token by now, and it has not.
fn refused_for_good(since_ms: f64, token_refreshed: bool) -> bool {
    since_ms >= REFRESH_GRACE_MS && !token_refreshed
}

/// Resolves once a request to `method` that started after `sent` has finished in a way the
/// library never calls back after; `token_now` reads the library's current token. Never
/// resolves where the browser cannot tell.
pub async fn answer_lost(method: &str, sent: &Sent, token_now: impl Fn() -> Option<u64>) -> Lost {
    let suffix = format!("/{method}.json");
    loop {
        js::sleep(GRACE_MS as u32).await;
        let (lost, refused_at) = SEEN.with(|seen| {
            let seen = seen.borrow();
            let ours = seen.iter().flatten().filter(|f| {
                f.start >= sent.at
                    && f.name
                        .split('?')
                        .next()
                        .is_some_and(|n| n.ends_with(&suffix))
            });
            let lost = ours.clone().any(|f| loses_callback(method, f.status));
            let refused_at = ours
                .filter(|f| f.status == 401 && watches_refusals(method))
                .map(|f| f.end)
                .reduce(f64::max);
            (lost, refused_at)
        });
        if lost {
            return Lost::Answer;
        }
        if let Some(end) = refused_at
            && refused_for_good(now() - end, token_now() != sent.token)
        {
            return Lost::Unauthorized;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{
        REFRESH_GRACE_MS, fingerprint, loses_callback, refused_for_good, watches_refusals,
    };

    #[test]
    fn fingerprints_tell_tokens_apart() {
        assert_eq!(fingerprint("token-1"), fingerprint("token-1"));
        assert_ne!(fingerprint("token-1"), fingerprint("token-2"));
        assert_ne!(fingerprint("token-1"), fingerprint(""));
    }

    #[test]
    fn refusals_are_watched_for_batches_and_reads_only() {
        assert!(watches_refusals("batch"));
        assert!(watches_refusals("user.get"));
        assert!(
            !watches_refusals("tasks.task.add"),
            "a write could be sent twice"
        );
    }

    #[test]
    fn a_401_is_lost_only_if_the_token_stays_the_same() {
        assert!(
            !refused_for_good(REFRESH_GRACE_MS - 1.0, false),
            "still in grace"
        );
        assert!(refused_for_good(REFRESH_GRACE_MS, false));
        assert!(
            !refused_for_good(REFRESH_GRACE_MS * 10.0, true),
            "refreshed: re-sent"
        );
    }

    #[test]
    fn which_answers_the_library_never_calls_back_on() {
        for status in [500, 502, 503, 504] {
            assert!(loses_callback("user.get", status));
            assert!(loses_callback("batch", status));
        }
        // A method's own 4xx errors reach its callback; a batch maps them and throws.
        assert!(!loses_callback("user.get", 400));
        assert!(!loses_callback("tasks.task.add", 429));
        assert!(loses_callback("batch", 400));
        assert!(loses_callback("batch", 429));
        // 401 may be an expired token the library refreshes and re-sends.
        assert!(!loses_callback("batch", 401));
        assert!(!loses_callback("batch", 200));
    }
}
