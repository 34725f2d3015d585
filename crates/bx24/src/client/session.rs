//! The token's life: refreshed once for all calls refused meanwhile, bounded, ahead of expiry,
//! checked to still belong to the pinned user; and the session's end, told once.

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
    pub fn refresh_due_in_ms(&self) -> Option<u32> {
        let session = self.inner.session.borrow();
        if session.ended.is_some() {
            return None;
        }
        let auth = session.auth.as_ref()?;
        let due = auth.expires_at_ms - f64::from(self.inner.refresh_ahead_ms);
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
    /// has expired locally; an error once the session has ended.
    pub(super) async fn token(&self) -> Result<(String, u32), Error> {
        for _ in 0..2 {
            let usable = {
                let session = self.inner.session.borrow();
                if let Some(ended) = &session.ended {
                    return Err(ended.clone());
                }
                let now = self.inner.transport.now_ms();
                session
                    .auth
                    .as_ref()
                    .filter(|auth| !auth.expired_at(now))
                    .map(|auth| (auth.access_token().to_owned(), session.generation))
            };
            match usable {
                Some(usable) => return Ok(usable),
                None => self.refresh().await?,
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

/// The refresh itself: a token from the transport, not expired, and of the pinned user.
async fn refreshed<T: Transport + 'static>(inner: Rc<Inner<T>>) -> Result<(), Error> {
    let outcome = match inner.transport.refresh_auth().await {
        Ok(auth) if auth.expired_at(inner.transport.now_ms()) => {
            Err(expired("the portal's new token had already expired"))
        }
        Ok(auth) => same_user(&inner, &auth).await.map(|()| auth),
        Err(error) => Err(error),
    };
    let mut session = inner.session.borrow_mut();
    session.refreshing = None;
    match outcome {
        Ok(auth) => {
            session.auth = Some(auth);
            session.generation += 1;
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

/// Whether `auth` belongs to the pinned user: one `user.current` with it. Only a definite
/// other user fails; a check that cannot be made lets the session go on.
async fn same_user<T: Transport>(inner: &Inner<T>, auth: &Auth) -> Result<(), Error> {
    let Some(was) = inner.session.borrow().user else {
        return Ok(());
    };
    let url = format!("{}user.current.json", inner.endpoint);
    let body = with_token(auth.access_token(), "");
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
        _ => Ok(()),
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
