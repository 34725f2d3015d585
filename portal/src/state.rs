//! The simulator's shared state: the company, the control-panel settings, tokens, the rate
//! limiter's buckets, placement bindings and every write the widget made (for tests).

use crate::company::Company;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::time::{Duration, Instant};

/// A fault the REST emulation injects (bitrix24.md §5.5, §5.7).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Fault {
    #[default]
    None,
    /// 503 `QUERY_LIMIT_EXCEEDED` for every request.
    RateLimitStorm,
    /// 429 `OPERATION_TIME_LIMIT`.
    OperatingLimit,
    /// 500 `INTERNAL_SERVER_ERROR`.
    ServerError,
    /// The connection closes without an answer.
    DropConnection,
    /// Answers after 30 seconds.
    Slow,
    /// A 200 whose body is not JSON.
    MalformedJson,
    /// Every token counts as expired (until refreshed).
    ExpireTokens,
    /// Inside batches, every second command fails with `ACCESS_DENIED`.
    PartialBatch,
}

/// How the parent page answers frame commands that can go unanswered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParentMode {
    #[default]
    Answer,
    /// Never answers `getInitData`.
    SilentInit,
    /// Never answers `refreshAuth` (as when the portal's own refresh fails).
    SilentRefresh,
    /// Answers `refreshAuth` after 5 seconds.
    LateRefresh,
}

/// What the control panel sets. Shared with the portal page as JSON.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub lang: String,
    /// Who is logged in.
    pub current_user: u32,
    /// Whose employee card is open.
    pub card_user: u32,
    pub admin: bool,
    pub scopes: Vec<String>,
    /// Lifetime of issued tokens, in seconds.
    pub token_lifetime: u64,
    /// Added to every REST answer.
    pub latency_ms: u64,
    pub fault: Fault,
    /// How many requests the fault hits before it clears itself; 0 = until changed.
    pub fault_count: u32,
    /// The methods the fault hits (`user.current`…); empty: every request. Requests of
    /// other methods pass untouched and do not count down `fault_count`.
    pub fault_methods: Vec<String>,
    pub parent: ParentMode,
    /// Open the frames in popup mode (denies `resizeWindow` too).
    pub popup: bool,
    /// Leave `URI` out of the placement options.
    pub omit_uri: bool,
    /// Send the placement options as the text `undefined`.
    pub options_undefined: bool,
    /// Keys merged over the frame's init data (`null` removes a key): malformed contexts.
    pub init_override: Value,
    /// The frame's `window.name` instead of `host|protocol|APP_SID`.
    pub window_name: Option<String>,
    /// Someone else signed in to the portal in this browser: refreshes issue this user's
    /// tokens, whatever user the refresh token was for.
    pub session_user: Option<u32>,
    /// The leaky bucket: capacity and drain per second; 0 capacity turns it off.
    pub bucket_capacity: f64,
    pub bucket_drain: f64,
    /// The calendar's working day (`calendar.settings.get`), hours as the portal writes
    /// them: `"9"`, `"9.30"`.
    pub work_time_start: String,
    pub work_time_end: String,
    /// The calendar's weekend days: `["SA","SU"]`, `["FR","SA"]`…
    pub week_holidays: Vec<String>,
    /// The app host holds every download of the app's parts (`*-part-*.wasm`,
    /// `*-shared-*.wasm`) until this is false again: a part still on its way.
    pub parts_held: bool,
    /// The app host answers this many downloads of the app's parts with 503, counting down:
    /// a part that cannot be downloaded.
    pub parts_refused: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            lang: "en".into(),
            current_user: 1,
            card_user: 2,
            admin: true,
            scopes: [
                "user",
                "department",
                "im",
                "placement",
                "task",
                "calendar",
                "log",
            ]
            .map(String::from)
            .to_vec(),
            token_lifetime: 3600,
            latency_ms: 0,
            fault: Fault::None,
            fault_count: 0,
            fault_methods: Vec::new(),
            parent: ParentMode::Answer,
            popup: false,
            omit_uri: false,
            options_undefined: false,
            init_override: Value::Null,
            window_name: None,
            session_user: None,
            bucket_capacity: 50.0,
            bucket_drain: 2.0,
            work_time_start: "9".into(),
            work_time_end: "18".into(),
            week_holidays: vec!["SA".into(), "SU".into()],
            parts_held: false,
            parts_refused: 0,
        }
    }
}

/// An issued access token.
#[derive(Clone, Debug)]
pub struct Token {
    pub user_id: u32,
    pub expires: Instant,
    pub scopes: Vec<String>,
    pub admin: bool,
    pub refresh: String,
}

/// A write a method recorded, for tests to assert on.
#[derive(Clone, Debug, Serialize)]
pub struct Recorded {
    pub method: String,
    pub user_id: u32,
    pub params: Value,
    pub result: Value,
    /// When it was made (unix seconds), for the methods that list what was written.
    pub at: f64,
}

/// A `placement.bind` row.
#[derive(Clone, Debug, Serialize)]
pub struct Binding {
    pub id: u32,
    pub placement: String,
    pub handler: String,
    pub title: String,
    pub description: String,
    pub group_name: String,
    pub lang_all: Value,
    pub user_id: u32,
}

struct Bucket {
    level: f64,
    at: Instant,
}

/// Everything the simulator knows.
pub struct Sim {
    pub company: Company,
    pub settings: Settings,
    pub portal_origin: String,
    pub app_origin: String,
    pub member_id: String,
    pub installed: bool,
    /// A fresh portal: not installed, and the profile items appear only where the app has
    /// bound them (the demo portal shows them from the start).
    pub fresh: bool,
    pub writes: Vec<Recorded>,
    pub placements: Vec<Binding>,
    /// What `BX24.userOption.set` kept, per user: back in `USER_OPTIONS` on their next load.
    pub user_options: HashMap<u32, serde_json::Map<String, serde_json::Value>>,
    pub requests: u64,
    /// Requests by REST method (`batch` counted as one), for tests that must prove a
    /// particular request was made.
    pub methods: BTreeMap<String, u64>,
    /// Downloads of the app's parts the app host was asked for, and how many it refused
    /// (`parts_refused`): a test proves its part arrived, or its refusal fired, with these.
    pub part_downloads: u64,
    pub part_refusals: u64,
    /// How many answers each fault changed: a test proves its fault fired with this.
    fired: BTreeMap<Fault, u64>,
    /// When a fault first changed an answer since the last reset (ms since the epoch): the
    /// fault suite times the widget's recovery from it.
    first_fault_at_ms: Option<u64>,
    tokens: HashMap<String, Token>,
    refresh: HashMap<String, u32>,
    buckets: HashMap<String, Bucket>,
    counter: u64,
    rng: fastrand::Rng,
}

impl Sim {
    pub fn new(company: Company, portal_origin: String, app_origin: String) -> Self {
        Self {
            company,
            settings: Settings::default(),
            portal_origin,
            app_origin,
            member_id: "0f3c5a7e9b1d2f4a6c8e0b2d4f6a8c0e".into(),
            installed: true,
            fresh: false,
            writes: Vec::new(),
            placements: Vec::new(),
            user_options: HashMap::new(),
            requests: 0,
            methods: BTreeMap::new(),
            part_downloads: 0,
            part_refusals: 0,
            fired: BTreeMap::new(),
            first_fault_at_ms: None,
            tokens: HashMap::new(),
            refresh: HashMap::new(),
            buckets: HashMap::new(),
            counter: 0,
            rng: fastrand::Rng::with_seed(0x5eed),
        }
    }

    fn secret(&mut self, kind: &str) -> String {
        self.counter += 1;
        let tail: String = (0..24)
            .map(|_| char::from_digit(self.rng.u32(..16), 16).unwrap())
            .collect();
        format!("sim-{kind}-{:04}-{tail}", self.counter)
    }

    /// Issues a token pair for `user_id` with the current settings' scopes and lifetime.
    pub fn issue_token(&mut self, user_id: u32) -> (String, String) {
        let access = self.secret("access");
        let refresh = self.secret("refresh");
        let token = Token {
            user_id,
            expires: Instant::now() + Duration::from_secs(self.settings.token_lifetime),
            scopes: self.settings.scopes.clone(),
            admin: self.settings.admin,
            refresh: refresh.clone(),
        };
        self.tokens.insert(access.clone(), token);
        self.refresh.insert(refresh.clone(), user_id);
        (access, refresh)
    }

    /// Exchanges a refresh token (single use) for a new pair: for its own user, or for
    /// whoever the portal's session now belongs to ([`Settings::session_user`]).
    pub fn refresh_token(&mut self, refresh: &str) -> Option<(String, String)> {
        let user_id = self.refresh.remove(refresh)?;
        Some(self.issue_token(self.settings.session_user.unwrap_or(user_id)))
    }

    /// Looks a token up: `Err(code)` for unknown or expired ones. `fault` is the one taken
    /// for this request ([`Sim::take_fault`]): the settings may have cleared it already.
    pub fn token(&self, access: &str, fault: Fault) -> Result<Token, &'static str> {
        let token = self.tokens.get(access).ok_or("invalid_token")?;
        if Instant::now() >= token.expires || fault == Fault::ExpireTokens {
            return Err("expired_token");
        }
        Ok(token.clone())
    }

    /// The leaky bucket for `client`: `false` when it is full (503).
    pub fn admit(&mut self, client: &str) -> bool {
        let capacity = self.settings.bucket_capacity;
        if capacity <= 0.0 {
            return true;
        }
        let drain = self.settings.bucket_drain;
        let now = Instant::now();
        let bucket = self.buckets.entry(client.to_owned()).or_insert(Bucket {
            level: 0.0,
            at: now,
        });
        bucket.level =
            (bucket.level - now.duration_since(bucket.at).as_secs_f64() * drain).max(0.0);
        bucket.at = now;
        if bucket.level + 1.0 > capacity {
            return false;
        }
        bucket.level += 1.0;
        true
    }

    /// The fault in force for a request of `method`, counting it down.
    pub fn take_fault(&mut self, method: &str) -> Fault {
        let methods = &self.settings.fault_methods;
        if !methods.is_empty() && !methods.iter().any(|m| m.eq_ignore_ascii_case(method)) {
            return Fault::None;
        }
        let fault = self.settings.fault;
        if fault != Fault::None && self.settings.fault_count > 0 {
            self.settings.fault_count -= 1;
            if self.settings.fault_count == 0 {
                self.settings.fault = Fault::None;
            }
        }
        fault
    }

    /// A fresh id for created tasks, events and posts.
    pub fn next_id(&mut self) -> u64 {
        self.counter += 1;
        1000 + self.counter
    }

    /// Forgets recorded writes, bindings and buckets; back to default settings. `fresh`
    /// starts a portal where the app is not installed yet.
    pub fn reset(&mut self, fresh: bool) {
        self.settings = Settings::default();
        self.writes.clear();
        self.placements.clear();
        self.user_options.clear();
        self.buckets.clear();
        self.installed = !fresh;
        self.fresh = fresh;
        self.requests = 0;
        self.methods.clear();
        self.part_downloads = 0;
        self.part_refusals = 0;
        self.fired.clear();
        self.first_fault_at_ms = None;
    }

    /// The current user's options as the frame's init data carries them: an object, or `[]`
    /// (PHP's empty array) when there are none.
    pub fn user_options_json(&self) -> serde_json::Value {
        match self.user_options.get(&self.settings.current_user) {
            Some(options) if !options.is_empty() => serde_json::Value::Object(options.clone()),
            _ => serde_json::json!([]),
        }
    }

    /// Counts a download of one of the app's parts; whether to refuse it (`parts_refused`).
    pub fn part_download(&mut self) -> bool {
        self.part_downloads += 1;
        let refuse = self.settings.parts_refused > 0;
        if refuse {
            self.settings.parts_refused -= 1;
            self.part_refusals += 1;
        }
        refuse
    }

    /// Records that `fault` changed an answer.
    pub fn fire(&mut self, fault: Fault) {
        *self.fired.entry(fault).or_default() += 1;
        self.first_fault_at_ms.get_or_insert_with(|| {
            let since_epoch = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap_or_default();
            since_epoch.as_millis() as u64
        });
    }

    /// When a fault first changed an answer since the last reset (ms since the epoch).
    pub fn first_fault_at_ms(&self) -> Option<u64> {
        self.first_fault_at_ms
    }

    /// How many answers `fault` changed since the last reset.
    pub fn faults_fired(&self, fault: Fault) -> u64 {
        self.fired.get(&fault).copied().unwrap_or_default()
    }

    /// The fault counts for `/sim/api/log`: `{"expire_tokens": 1, …}`.
    pub fn fired_json(&self) -> Value {
        serde_json::to_value(&self.fired).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::Sim;
    use crate::company::Company;
    use serde_json::json;

    #[test]
    fn user_options_come_back_for_their_user_only_until_a_reset() {
        let mut sim = Sim::new(Company::generate(5, 1), "p".into(), "a".into());
        assert_eq!(sim.user_options_json(), json!([]), "PHP's empty array");
        let me = sim.settings.current_user;
        sim.user_options
            .entry(me)
            .or_default()
            .insert("theme".into(), json!("dark"));
        assert_eq!(sim.user_options_json(), json!({"theme": "dark"}));
        sim.settings.current_user = me + 1;
        assert_eq!(
            sim.user_options_json(),
            json!([]),
            "another user's are not theirs"
        );
        sim.reset(false);
        assert_eq!(sim.settings.current_user, me);
        assert_eq!(sim.user_options_json(), json!([]));
    }
}
