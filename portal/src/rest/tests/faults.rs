//! Injected faults: each fires as often as asked, and is counted.

use super::*;

#[test]
fn faults() {
    let mut sim = sim();
    sim.settings.fault = Fault::RateLimitStorm;
    let (status, body) = form_call(&mut sim, "scope", "");
    assert_eq!((status, error_of(&body)), (503, "QUERY_LIMIT_EXCEEDED"));
    sim.settings.fault = Fault::OperatingLimit;
    let (status, _) = form_call(&mut sim, "scope", "");
    assert_eq!(status, 429);
    sim.settings.fault = Fault::ServerError;
    sim.settings.fault_count = 1;
    let (status, _) = form_call(&mut sim, "scope", "");
    assert_eq!(status, 500);
    let (status, _) = form_call(&mut sim, "scope", "");
    assert_eq!(status, 200, "the fault cleared itself after one request");
    sim.settings.fault = Fault::MalformedJson;
    let auth = token(&mut sim);
    let Reply::Raw(200, text) = handle(&mut sim, "scope", Map::new(), Some(&auth), "c") else {
        panic!()
    };
    assert!(serde_json::from_str::<Value>(&text).is_err());
    sim.settings.fault = Fault::DropConnection;
    assert_eq!(
        handle(&mut sim, "scope", Map::new(), Some(&auth), "c"),
        Reply::Drop
    );
    sim.settings.fault = Fault::PartialBatch;
    let (_, body) = form_call(&mut sim, "batch", "cmd[a]=scope&cmd[b]=scope");
    assert!(body["result"]["result"].get("a").is_some());
    assert_eq!(
        body["result"]["result_error"]["b"]["error"],
        "ACCESS_DENIED"
    );
}

/// Whether `reply` shows `fault`'s effect.
fn shows(fault: Fault, reply: &Reply) -> bool {
    let code = |reply: &Reply| match reply {
        Reply::Json(_, body) => body["error"].as_str().unwrap_or("").to_owned(),
        _ => String::new(),
    };
    match fault {
        Fault::RateLimitStorm => code(reply) == "QUERY_LIMIT_EXCEEDED",
        Fault::OperatingLimit => code(reply) == "OPERATION_TIME_LIMIT",
        Fault::ServerError => code(reply) == "INTERNAL_SERVER_ERROR",
        Fault::DropConnection => *reply == Reply::Drop,
        Fault::Slow => matches!(reply, Reply::Slow(_)),
        Fault::MalformedJson => matches!(reply, Reply::Raw(..)),
        Fault::ExpireTokens => code(reply) == "expired_token",
        Fault::PartialBatch => {
            matches!(reply, Reply::Json(200, body) if body["result"]["result_error"]["b"]["error"] == "ACCESS_DENIED")
        }
        Fault::None => false,
    }
}

#[test]
fn a_fault_with_count_n_hits_exactly_n_requests_and_counts_them() {
    let faults = [
        Fault::RateLimitStorm,
        Fault::OperatingLimit,
        Fault::ServerError,
        Fault::DropConnection,
        Fault::Slow,
        Fault::MalformedJson,
        Fault::ExpireTokens,
        Fault::PartialBatch,
    ];
    for fault in faults {
        let mut sim = sim();
        sim.settings.fault = fault;
        sim.settings.fault_count = 2;
        let auth = token(&mut sim);
        let hit: Vec<bool> = (0..3)
            .map(|_| {
                let params = parse_form("cmd[a]=scope&cmd[b]=scope");
                shows(fault, &handle(&mut sim, "batch", params, Some(&auth), "c"))
            })
            .collect();
        assert_eq!(hit, [true, true, false], "{fault:?}");
        assert_eq!(sim.faults_fired(fault), 2, "{fault:?}");
        assert_eq!(sim.faults_fired(Fault::None), 0);
    }
}

#[test]
fn a_fault_limited_to_methods_spares_the_others_and_counts_only_its_own() {
    let mut sim = sim();
    sim.settings.fault = Fault::ServerError;
    sim.settings.fault_count = 2;
    sim.settings.fault_methods = vec!["user.current".into()];
    let auth = token(&mut sim);
    let mut call = |method: &str| {
        let reply = handle(&mut sim, method, parse_form(""), Some(&auth), "c");
        shows(Fault::ServerError, &reply)
    };
    let hit: Vec<bool> = [
        "scope",
        "user.current",
        "batch",
        "USER.CURRENT",
        "user.current",
    ]
    .map(&mut call)
    .to_vec();
    assert_eq!(hit, [false, true, false, true, false]);
    assert_eq!(sim.faults_fired(Fault::ServerError), 2);
}

#[test]
fn the_fault_counts_reach_the_log_and_reset_clears_them() {
    let mut sim = sim();
    sim.settings.fault = Fault::ServerError;
    sim.settings.fault_count = 1;
    assert_eq!(sim.first_fault_at_ms(), None);
    let before = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as u64;
    form_call(&mut sim, "scope", "");
    assert_eq!(sim.fired_json(), json!({"server_error": 1}));
    let first = sim.first_fault_at_ms().expect("timed");
    assert!(first >= before && first < before + 5_000);
    sim.reset(false);
    assert_eq!(sim.fired_json(), json!({}));
    assert_eq!(sim.first_fault_at_ms(), None);
}
