//! When to try a REST call again, in one place. Pure, so the policy is tested natively.
//!
//! - A definite rate-limit answer (`QUERY_LIMIT_EXCEEDED`, `OPERATION_TIME_LIMIT`,
//!   `OVERLOAD_LIMIT`) means the portal refused before running the method: safe to repeat,
//!   reads and writes alike.
//! - No answer at all ([`Error::Transport`]) is retried for reads only. The real library
//!   throws on every 5xx, so a 503 rate limit looks exactly like this; a write may have run,
//!   so it is never repeated blindly.
//! - Nothing else is retried. Bitrix24 sends no `Retry-After`: delays grow exponentially with
//!   jitter, and the operating-time limit (which lasts minutes) waits longer.

use super::error::{Error, RestCode};

/// Whether a REST method only reads. Unknown methods count as writes, which are never
/// retried blindly.
///
/// ```
/// use bx24::is_read_method;
/// assert!(is_read_method("user.get"));
/// assert!(is_read_method("calendar.accessibility.get"));
/// assert!(!is_read_method("tasks.task.add"));
/// assert!(!is_read_method("batch"));
/// ```
pub fn is_read_method(method: &str) -> bool {
    let method = method.to_ascii_lowercase();
    const WHOLE: [&str; 5] = ["scope", "profile", "app.info", "methods", "method.get"];
    const LAST: [&str; 7] = [
        "get", "list", "current", "search", "fields", "info", "count",
    ];
    WHOLE.contains(&method.as_str())
        || method
            .rsplit('.')
            .next()
            .is_some_and(|last| LAST.contains(&last))
}

/// Bounded exponential back-off with jitter.
///
/// ```
/// use bx24::{Error, RetryPolicy};
/// let policy = RetryPolicy::default();
/// let lost = Error::Transport { method: "user.get".into(), after_ms: 15_000 };
/// assert!(policy.delay_ms(1, &lost, true, 0.5).is_some());
/// assert!(policy.delay_ms(1, &lost, false, 0.5).is_none()); // a write: never blindly
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included.
    pub max_attempts: u32,
    /// Delay before the second attempt.
    pub base_delay_ms: u32,
    /// Growth per attempt.
    pub factor: f64,
    /// Upper bound for one delay.
    pub max_delay_ms: u32,
    /// Delay for `OPERATION_TIME_LIMIT`, whose budget refills per minute.
    pub operating_limit_delay_ms: u32,
    /// Share of each delay that is random (0 to 1), so many frames do not retry in step.
    pub jitter: f64,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 4,
            base_delay_ms: 1_500,
            factor: 1.5,
            max_delay_ms: 10_000,
            operating_limit_delay_ms: 10_000,
            jitter: 0.25,
        }
    }
}

impl RetryPolicy {
    /// A policy that never retries.
    ///
    /// ```
    /// use bx24::{Error, RetryPolicy};
    /// let lost = Error::Transport { method: "user.get".into(), after_ms: 1 };
    /// assert_eq!(RetryPolicy::never().delay_ms(1, &lost, true, 0.0), None);
    /// ```
    pub fn never() -> Self {
        Self {
            max_attempts: 1,
            ..Self::default()
        }
    }

    /// How long to wait before attempt `failed_attempt + 1`, or `None` to give up.
    /// `failed_attempt` counts from 1; `random` is a uniform number in `[0, 1)`.
    ///
    /// ```
    /// use bx24::{Error, RestCode, RestError, RetryPolicy};
    /// let busy = Error::Rest(RestError {
    ///     method: "tasks.task.add".into(),
    ///     code: RestCode::QueryLimitExceeded,
    ///     description: String::new(),
    ///     status: Some(503),
    /// });
    /// let policy = RetryPolicy { jitter: 0.0, ..RetryPolicy::default() };
    /// assert_eq!(policy.delay_ms(1, &busy, false, 0.0), Some(1_500));
    /// assert_eq!(policy.delay_ms(2, &busy, false, 0.0), Some(2_250));
    /// assert_eq!(policy.delay_ms(4, &busy, false, 0.0), None);
    /// ```
    pub fn delay_ms(
        &self,
        failed_attempt: u32,
        error: &Error,
        is_read: bool,
        random: f64,
    ) -> Option<u32> {
        if failed_attempt >= self.max_attempts {
            return None;
        }
        let base = match error {
            Error::Rest(rest) if rest.code == RestCode::OperationTimeLimit => {
                f64::from(self.operating_limit_delay_ms)
            }
            Error::Rest(rest) if rest.code.is_rate_limit() => self.backoff(failed_attempt),
            Error::Transport { .. } if is_read => self.backoff(failed_attempt),
            _ => return None,
        };
        let spread = base * self.jitter.clamp(0.0, 1.0);
        let delay = base - spread / 2.0 + spread * random.clamp(0.0, 1.0);
        Some(delay.round().max(0.0) as u32)
    }

    fn backoff(&self, failed_attempt: u32) -> f64 {
        let grown = f64::from(self.base_delay_ms) * self.factor.powi(failed_attempt as i32 - 1);
        grown.min(f64::from(self.max_delay_ms))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RestError;

    fn rest(code: &str) -> Error {
        Error::Rest(RestError {
            method: "user.get".into(),
            code: RestCode::parse(code),
            description: String::new(),
            status: None,
        })
    }

    #[test]
    fn only_rate_limits_and_lost_reads_are_retried() {
        let policy = RetryPolicy::default();
        assert!(
            policy
                .delay_ms(1, &rest("QUERY_LIMIT_EXCEEDED"), true, 0.5)
                .is_some()
        );
        assert!(
            policy
                .delay_ms(1, &rest("OVERLOAD_LIMIT"), false, 0.5)
                .is_some()
        );
        for code in [
            "ACCESS_DENIED",
            "expired_token",
            "ERROR_CORE",
            "insufficient_scope",
        ] {
            assert_eq!(policy.delay_ms(1, &rest(code), true, 0.5), None, "{code}");
        }
        let lost = Error::Transport {
            method: "tasks.task.add".into(),
            after_ms: 1,
        };
        assert_eq!(policy.delay_ms(1, &lost, false, 0.5), None);
        let decode = Error::Decode {
            method: "user.get".into(),
            path: "ID".into(),
            message: "x".into(),
        };
        assert_eq!(policy.delay_ms(1, &decode, true, 0.5), None);
    }

    #[test]
    fn attempts_are_bounded_and_delays_capped() {
        let policy = RetryPolicy {
            max_attempts: 10,
            jitter: 0.0,
            ..RetryPolicy::default()
        };
        let busy = rest("QUERY_LIMIT_EXCEEDED");
        let delays: Vec<_> = (1..12)
            .map(|n| policy.delay_ms(n, &busy, true, 0.0))
            .collect();
        assert_eq!(delays[0], Some(1_500));
        assert_eq!(delays[1], Some(2_250));
        assert_eq!(delays[8], Some(10_000));
        assert_eq!(delays[9], None);
        assert_eq!(delays[10], None);
    }

    #[test]
    fn jitter_spreads_around_the_base() {
        let policy = RetryPolicy::default();
        let busy = rest("QUERY_LIMIT_EXCEEDED");
        let low = policy.delay_ms(1, &busy, true, 0.0).unwrap();
        let high = policy.delay_ms(1, &busy, true, 0.999_999).unwrap();
        assert_eq!(low, 1_313); // 1500 − 12.5 %
        assert_eq!(high, 1_687); // 1500 + 12.5 %
    }

    #[test]
    fn operating_limit_waits_longer() {
        let policy = RetryPolicy {
            jitter: 0.0,
            ..RetryPolicy::default()
        };
        assert_eq!(
            policy.delay_ms(1, &rest("OPERATION_TIME_LIMIT"), false, 0.0),
            Some(10_000)
        );
    }

    #[test]
    fn read_methods() {
        for method in [
            "user.get",
            "user.current",
            "user.search",
            "department.get",
            "im.user.get",
            "scope",
            "app.info",
            "placement.list",
            "USER.GET",
        ] {
            assert!(is_read_method(method), "{method}");
        }
        for method in [
            "tasks.task.add",
            "calendar.event.add",
            "im.message.add",
            "placement.bind",
            "batch",
            "log.blogpost.add",
            "",
        ] {
            assert!(!is_read_method(method), "{method}");
        }
    }
}
