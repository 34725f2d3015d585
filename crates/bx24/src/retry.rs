//! When to try a REST call again, and how fast to send: pure, so both are tested natively.
//!
//! The official SDK's figures are the anchor (bitrix24.md §8.2):
//! - 3 attempts in all;
//! - `QUERY_LIMIT_EXCEEDED` (503) and `OVERLOAD_LIMIT`: the portal refused before running the
//!   method, so reads and writes alike go again, after 1.5 s and then 2.25 s;
//! - `OPERATION_TIME_LIMIT` (429): the method's budget refills by the minute: at least 10 s;
//! - no readable answer ([`Error::Transport`]) and 5xx errors: reads only, after 1 s, 2 s, …
//!   with jitter. A write may have run: it is never sent again blindly;
//! - nothing else.
//!
//! A client-side [`LeakyBucket`] (burst 50, 2 per second, as the SDK's) keeps the frame from
//! earning a 503 by itself.

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

/// Bounded back-off with jitter.
///
/// ```
/// use bx24::{Error, Failure, RetryPolicy};
/// let policy = RetryPolicy::default();
/// let lost = Error::Transport { method: "user.get".into(), failure: Failure::Network, after_ms: 3 };
/// assert!(policy.delay_ms(1, &lost, true, 0.5).is_some());
/// assert!(policy.delay_ms(1, &lost, false, 0.5).is_none()); // a write: never blindly
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included.
    pub max_attempts: u32,
    /// Delay after the first rate-limit refusal; each later one grows by `rate_limit_factor`.
    pub rate_limit_delay_ms: u32,
    /// Growth of the rate-limit delay per attempt.
    pub rate_limit_factor: f64,
    /// Delay after the first lost answer of a read; doubles per attempt.
    pub network_delay_ms: u32,
    /// Delay for `OPERATION_TIME_LIMIT`, whose budget refills per minute.
    pub operating_limit_delay_ms: u32,
    /// Upper bound for one delay (the operating-time delay excepted).
    pub max_delay_ms: u32,
    /// Share of each delay that is random (0 to 1), so many frames do not retry in step.
    pub jitter: f64,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 3,
            rate_limit_delay_ms: 1_500,
            rate_limit_factor: 1.5,
            network_delay_ms: 1_000,
            operating_limit_delay_ms: 10_000,
            max_delay_ms: 10_000,
            jitter: 0.2,
        }
    }
}

impl RetryPolicy {
    /// A policy that never retries.
    ///
    /// ```
    /// use bx24::{Error, Failure, RetryPolicy};
    /// let lost = Error::Transport { method: "user.get".into(), failure: Failure::Timeout, after_ms: 1 };
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
    /// assert_eq!(policy.delay_ms(3, &busy, false, 0.0), None);
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
        let grown = |first: u32, factor: f64| {
            let delay = f64::from(first) * factor.powi(failed_attempt as i32 - 1);
            delay.min(f64::from(self.max_delay_ms))
        };
        let base = match error {
            Error::Rest(rest) if rest.code == RestCode::OperationTimeLimit => {
                return Some(self.operating_limit_delay_ms);
            }
            Error::Rest(rest) if rest.code.is_rate_limit() || rest.status == Some(503) => {
                grown(self.rate_limit_delay_ms, self.rate_limit_factor)
            }
            Error::Rest(rest) if is_read && rest.status.is_some_and(|s| s >= 500) => {
                grown(self.network_delay_ms, 2.0)
            }
            Error::Transport { .. } if is_read => grown(self.network_delay_ms, 2.0),
            _ => return None,
        };
        let spread = base * self.jitter.clamp(0.0, 1.0);
        let delay = base - spread / 2.0 + spread * random.clamp(0.0, 1.0);
        Some(delay.round().max(0.0) as u32)
    }
}

/// A client-side leaky bucket: up to `capacity` requests at once, then `per_second`.
///
/// ```
/// use bx24::LeakyBucket;
/// let mut bucket = LeakyBucket::new(2, 2.0);
/// assert_eq!(bucket.take(0.0), 0);
/// assert_eq!(bucket.take(0.0), 0);
/// assert_eq!(bucket.take(0.0), 500); // full: one drains every 500 ms
/// assert_eq!(bucket.take(500.0), 0);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LeakyBucket {
    capacity: f64,
    per_second: f64,
    level: f64,
    at_ms: f64,
}

impl LeakyBucket {
    /// An empty bucket.
    pub fn new(capacity: u32, per_second: f64) -> Self {
        Self {
            capacity: f64::from(capacity.max(1)),
            per_second: per_second.max(0.001),
            level: 0.0,
            at_ms: f64::NEG_INFINITY,
        }
    }

    /// Takes room for one request at `now_ms`: 0 when it may go now (and counts it), or how
    /// long to wait before asking again (counting nothing).
    pub fn take(&mut self, now_ms: f64) -> u32 {
        if self.at_ms.is_finite() {
            let drained = (now_ms - self.at_ms).max(0.0) * self.per_second / 1_000.0;
            self.level = (self.level - drained).max(0.0);
        }
        self.at_ms = now_ms;
        if self.level + 1.0 <= self.capacity {
            self.level += 1.0;
            0
        } else {
            let over = self.level + 1.0 - self.capacity;
            (over / self.per_second * 1_000.0).ceil() as u32
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Failure, RestError};

    fn rest(code: &str, status: u16) -> Error {
        Error::Rest(RestError {
            method: "user.get".into(),
            code: RestCode::parse(code),
            description: String::new(),
            status: Some(status),
        })
    }

    fn lost(failure: Failure) -> Error {
        Error::Transport {
            method: "m".into(),
            failure,
            after_ms: 1,
        }
    }

    #[test]
    fn only_rate_limits_lost_reads_and_server_errors_of_reads_are_retried() {
        let policy = RetryPolicy::default();
        assert!(
            policy
                .delay_ms(1, &rest("QUERY_LIMIT_EXCEEDED", 503), false, 0.5)
                .is_some()
        );
        assert!(
            policy
                .delay_ms(1, &rest("OVERLOAD_LIMIT", 401), false, 0.5)
                .is_some()
        );
        for (code, status) in [
            ("ACCESS_DENIED", 403),
            ("expired_token", 401),
            ("ERROR_CORE", 400),
            ("insufficient_scope", 401),
        ] {
            assert_eq!(
                policy.delay_ms(1, &rest(code, status), true, 0.5),
                None,
                "{code}"
            );
        }
        let broken = rest("INTERNAL_SERVER_ERROR", 500);
        assert!(policy.delay_ms(1, &broken, true, 0.5).is_some());
        assert_eq!(policy.delay_ms(1, &broken, false, 0.5), None, "a write");
        for failure in [
            Failure::Network,
            Failure::Timeout,
            Failure::Unreadable { status: 502 },
        ] {
            assert!(policy.delay_ms(1, &lost(failure), true, 0.5).is_some());
            assert_eq!(policy.delay_ms(1, &lost(failure), false, 0.5), None);
        }
        let decode = Error::Decode {
            method: "user.get".into(),
            path: "ID".into(),
            message: "x".into(),
        };
        assert_eq!(policy.delay_ms(1, &decode, true, 0.5), None);
    }

    #[test]
    fn the_official_sdk_figures() {
        let policy = RetryPolicy {
            jitter: 0.0,
            ..RetryPolicy::default()
        };
        let busy = rest("QUERY_LIMIT_EXCEEDED", 503);
        let delays: Vec<_> = (1..4)
            .map(|n| policy.delay_ms(n, &busy, true, 0.0))
            .collect();
        assert_eq!(delays, [Some(1_500), Some(2_250), None], "3 attempts");
        let spent = rest("OPERATION_TIME_LIMIT", 429);
        assert_eq!(policy.delay_ms(1, &spent, false, 0.0), Some(10_000));
        let network: Vec<_> = (1..4)
            .map(|n| policy.delay_ms(n, &lost(Failure::Network), true, 0.0))
            .collect();
        assert_eq!(network, [Some(1_000), Some(2_000), None]);
    }

    #[test]
    fn delays_are_capped() {
        let policy = RetryPolicy {
            max_attempts: 20,
            jitter: 0.0,
            ..RetryPolicy::default()
        };
        let busy = rest("QUERY_LIMIT_EXCEEDED", 503);
        assert_eq!(policy.delay_ms(12, &busy, true, 0.0), Some(10_000));
    }

    #[test]
    fn jitter_spreads_around_the_base() {
        let policy = RetryPolicy::default();
        let busy = rest("QUERY_LIMIT_EXCEEDED", 503);
        let low = policy.delay_ms(1, &busy, true, 0.0).unwrap();
        let high = policy.delay_ms(1, &busy, true, 0.999_999).unwrap();
        assert_eq!(low, 1_350); // 1500 − 10 %
        assert_eq!(high, 1_650); // 1500 + 10 %
    }

    #[test]
    fn the_bucket_lets_a_burst_of_50_through_then_2_per_second() {
        let mut bucket = LeakyBucket::new(50, 2.0);
        let burst = (0..50).filter(|_| bucket.take(0.0) == 0).count();
        assert_eq!(burst, 50);
        assert_eq!(bucket.take(0.0), 500);
        assert_eq!(bucket.take(250.0), 250, "waiting counted nothing");
        assert_eq!(bucket.take(500.0), 0);
        assert_eq!(bucket.take(500.0), 500);
        // A minute later the bucket is empty again.
        let burst = (0..60).filter(|_| bucket.take(60_500.0) == 0).count();
        assert_eq!(burst, 50);
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
