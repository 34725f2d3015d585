//! The token's life: refreshed once for all calls refused meanwhile, bounded, ahead of expiry
//! (spaced, whatever the token's lifetime), checked to still belong to the pinned user before
//! anything is written with it; and the session's end, told once.

use super::{Inner, Rest, with_token};
use crate::Auth;
use crate::answer::read;
use crate::error::{Error, RestCode, RestError};
use crate::list::row_id;
use crate::transport::Transport;
use futures::FutureExt;
use std::rc::Rc;

impl<T: Transport + 'static> Rest<T> {
    /// Pins the user the session belongs to: every refreshed token is then checked with one
    /// `user.current`, and a token of another user ends the session.
    pub fn pin_user(&self, user: u32) {
        self.inner.session.borrow_mut().user = Some(user);
    }

    /// The token requests go with now.
    pub fn auth(&self) -> Option<Auth> {
        self.inner.session.borrow().auth.clone()
    }

    /// Why the session has ended, if it has.
    pub fn ended(&self) -> Option<Error> {
        self.inner.session.borrow().ended.clone()
    }

    /// Gets a fresh token through the transport; concurrent callers share one refresh.
    pub async fn refresh(&self) -> Result<(), Error> {
        let refresh = {
            let mut session = self.inner.session.borrow_mut();
            if let Some(ended) = &session.ended {
                return Err(ended.clone());
            }
            match &session.refreshing {
                Some(refresh) => refresh.clone(),
                None => {
                    let refresh = refreshed(self.inner.clone()).boxed_local().shared();
                    session.refreshing = Some(refresh.clone());
                    refresh
                }
            }
        };
        refresh.await
    }

    /// How long until the token should be refreshed ahead of its expiry (0: now); `None`
    /// without a token or after the session has ended.
    ///
    /// Due [`crate::Options::refresh_ahead_ms`] before expiry, but never sooner than
    /// [`crate::Options::min_refresh_gap_ms`] after the last refresh, and never for a token
    /// that lives shorter than that gap (it is refreshed when a call needs it). So a portal
    /// that answers with short-lived tokens, or with the very token it holds, is asked at most
    /// once per gap.
    pub fn refresh_due_in_ms(&self) -> Option<u32> {
        let session = self.inner.session.borrow();
        if session.ended.is_some() {
            return None;
        }
        let auth = session.auth.as_ref()?;
        let gap = f64::from(self.inner.min_refresh_gap_ms);
        let lifetime = auth.expires_at_ms - session.received_at_ms;
        if lifetime < gap {
            return Some(u32::MAX);
        }
        let mut due = auth.expires_at_ms - f64::from(self.inner.refresh_ahead_ms);
        if let Some(last) = session.last_refresh_at_ms {
            due = due.max(last + gap);
        }
        Some((due - self.inner.transport.now_ms()).clamp(0.0, f64::from(u32::MAX)) as u32)
    }

    /// Refreshes the token if it is due ([`Rest::refresh_due_in_ms`] is 0), as the official
    /// SDK's `keepAuthFresh` does for frames left open.
    pub async fn refresh_if_due(&self) -> Result<(), Error> {
        match self.refresh_due_in_ms() {
            Some(0) => self.refresh().await,
            _ => Ok(()),
        }
    }

    /// The token to send with and its generation: refreshed first when there is none or it
    /// has expired locally, and for a `write` when the last refresh could not confirm that its
    /// token is the pinned user's (the refresh checks the new one). A write whose owner stays
    /// unconfirmed after that refresh is not sent ([`Error::OwnerUnconfirmed`]): each attempt
    /// of a write costs one such refresh at most. An error once the session has ended.
    pub(super) async fn token(&self, write: bool) -> Result<(String, u32), Error> {
        for round in 0..2 {
            let (usable, unconfirmed) = {
                let session = self.inner.session.borrow();
                if let Some(ended) = &session.ended {
                    return Err(ended.clone());
                }
                let now = self.inner.transport.now_ms();
                let usable = session
                    .auth
                    .as_ref()
                    .filter(|auth| !auth.expired_at(now))
                    .map(|auth| (auth.access_token().to_owned(), session.generation));
                let unconfirmed = session.user.filter(|_| write && !session.owner_confirmed);
                (usable, unconfirmed)
            };
            match (usable, unconfirmed) {
                (_, Some(user)) if round > 0 => return Err(Error::OwnerUnconfirmed { user }),
                (Some(usable), None) => return Ok(usable),
                _ => self.refresh().await?,
            }
        }
        Err(expired("the portal's new token had already expired"))
    }

    /// After a refusal of the token of `generation`: a fresh token, unless one came meanwhile;
    /// after `max_refreshes` refreshed tokens were refused too, the session ends.
    pub(super) async fn renew(&self, generation: u32, refusal: Error) -> Result<(), Error> {
        {
            let mut session = self.inner.session.borrow_mut();
            if let Some(ended) = &session.ended {
                return Err(ended.clone());
            }
            if session.generation != generation {
                return Ok(());
            }
            if session.refreshing.is_none() {
                session.refusals += 1;
                if session.refusals > self.inner.max_refreshes {
                    let refusal = match refusal {
                        Error::Rest(mut rest) => {
                            rest.description = format!(
                                "{} (and {} refreshed tokens were refused too)",
                                rest.description, self.inner.max_refreshes
                            );
                            Error::Rest(rest)
                        }
                        other => other,
                    };
                    drop(session);
                    return Err(end(&self.inner, refusal));
                }
            }
        }
        // A parent that never answers leaves the refusal as the reason the call failed.
        match self.refresh().await {
            Err(Error::Timeout { .. }) => Err(refusal),
            other => other,
        }
    }
}

/// The refresh itself: a token from the transport, not expired, and not of another user than
/// the pinned one (whether it is theirs, or could not be told, is kept).
async fn refreshed<T: Transport + 'static>(inner: Rc<Inner<T>>) -> Result<(), Error> {
    let asked_at = inner.transport.now_ms();
    inner.session.borrow_mut().last_refresh_at_ms = Some(asked_at);
    let outcome = match inner.transport.refresh_auth().await {
        Ok(auth) if auth.expired_at(inner.transport.now_ms()) => {
            Err(expired("the portal's new token had already expired"))
        }
        Ok(auth) => {
            let pinned = inner.session.borrow().user;
            match pinned {
                Some(user) => owner_is(&inner, auth.access_token(), user)
                    .await
                    .map(|confirmed| (auth, confirmed)),
                None => Ok((auth, true)),
            }
        }
        Err(error) => Err(error),
    };
    let mut session = inner.session.borrow_mut();
    session.refreshing = None;
    match outcome {
        Ok((auth, confirmed)) => {
            session.auth = Some(auth);
            session.received_at_ms = inner.transport.now_ms();
            session.generation += 1;
            session.owner_confirmed = confirmed;
            Ok(())
        }
        // The parent did not answer: it may later; the session goes on.
        Err(error @ Error::Timeout { .. }) => Err(error),
        Err(error) => {
            drop(session);
            Err(end(&inner, error))
        }
    }
}

/// Whether `token` is user `was`'s: one `user.current` with it. A definite other user is an
/// error; a check that cannot be made (refused, lost, unreadable) is `false`.
async fn owner_is<T: Transport>(inner: &Inner<T>, token: &str, was: u32) -> Result<bool, Error> {
    let url = format!("{}user.current.json", inner.endpoint);
    let body = with_token(token, "");
    let now = match inner
        .transport
        .post(&url, body, inner.call_timeout_ms)
        .await
    {
        Ok(answer) => read("user.current", answer, 0)
            .ok()
            .and_then(|entry| entry.result.ok())
            .and_then(|me| row_id(&me)),
        Err(_) => None,
    };
    match now.and_then(|now| u32::try_from(now).ok()) {
        Some(now) if now != was => Err(Error::SessionChanged { was, now }),
        confirmed => Ok(confirmed.is_some()),
    }
}

/// Ends the session with `error`, tells the listener once, and gives the error back.
fn end<T>(inner: &Inner<T>, error: Error) -> Error {
    let first = {
        let mut session = inner.session.borrow_mut();
        let first = session.ended.is_none();
        session.ended.get_or_insert_with(|| error.clone());
        first
    };
    let listener = inner.on_session_end.borrow().clone();
    if let (true, Some(listener)) = (first, listener) {
        listener(&error);
    }
    error
}

fn expired(why: &str) -> Error {
    Error::Rest(RestError {
        method: "refreshAuth".into(),
        code: RestCode::ExpiredToken,
        description: why.into(),
        status: None,
    })
}
