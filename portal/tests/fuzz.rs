//! Property-based fuzzing of the simulator's request parser: PHP-style bracket forms, query
//! strings, JSON and text bodies with any content type. Nothing may panic, and parsing never
//! invents keys that were not in the input. `FUZZ_CASES` sets the inputs (2,000 in the test
//! command, a million in `scripts/fuzz.sh`); the count is recorded for RELIABILITY.md.

use portal::params::{MAX_NESTING, decode, depth, parse_form, request_params};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2_000)
}

fn form() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-z\\[\\]=&%0-9A-F+;.]{0,80}",
        "(cmd\\[[a-z0-9]{0,3}\\]=[a-z.]{0,8}%3F[A-Z=%5B%5D0-9&]{0,20}&?){0,6}",
        "([A-Z_]{1,6}(\\[[0-9a-z]{0,2}\\]){0,4}=[^&]{0,6}&){0,8}",
        // Deep nesting: thousands of bracket levels in a short request.
        (0usize..5_000, "[a-z]{0,2}", "[^&]{0,4}").prop_map(|(levels, key, tail)| format!(
            "x{}={tail}&y=1",
            format!("[{key}]").repeat(levels)
        )),
    ]
}

/// The top-level names a form can produce: each pair's name up to its first bracket, decoded.
fn names_in(form: &str) -> Vec<String> {
    form.split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let name = decode(pair.split_once('=').map_or(pair, |(n, _)| n));
            let head = name.split('[').next().unwrap_or_default();
            // PHP's mangling of top-level names.
            head.trim_start_matches(' ').replace([' ', '.'], "_")
        })
        .collect()
}

#[test]
fn fuzz_request_parser() {
    let config = Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    };
    let content_types = prop_oneof![
        Just("application/x-www-form-urlencoded"),
        Just("application/json"),
        Just("text/plain"),
        Just(""),
        Just("multipart/form-data; boundary=x"),
    ];
    let strategy = (
        form(),
        form(),
        prop::collection::vec(any::<u8>(), 0..200),
        content_types,
    );
    let outcome = TestRunner::new(config)
        .run(&strategy, |(query, body, bytes, content_type)| {
            let parsed = parse_form(&body);
            // A key can only come from a name in the input, and no value nests deeper than
            // PHP allows.
            let names = names_in(&body);
            for (key, value) in &parsed {
                prop_assert!(names.contains(key), "{key:?} invented from {body:?}");
                prop_assert!(depth(value) <= MAX_NESTING, "{key:?} nested too deep");
            }
            let _ = decode(&query);
            let _ = request_params(&query, content_type, body.as_bytes());
            let _ = request_params(&query, content_type, &bytes);
            Ok(())
        })
        .map_err(|failure| failure.to_string());
    // Recorded before the test fails, so a failed target shows as failed in RELIABILITY.md.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/reliability");
    std::fs::create_dir_all(&dir).unwrap();
    let record = serde_json::json!({
        "target": "request-parser",
        "inputs": cases(),
        "run": std::env::var("RELIABILITY_RUN").ok(),
        "ok": outcome.is_ok(),
        "failure": outcome.as_ref().err().map(|f| f.lines().next().unwrap_or_default().chars().take(200).collect::<String>()),
    });
    std::fs::write(dir.join("fuzz-request-parser.json"), record.to_string()).unwrap();
    if let Err(failure) = outcome {
        panic!("request parser: {failure}");
    }
}
