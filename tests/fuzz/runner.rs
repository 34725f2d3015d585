//! The fuzz runner: `FUZZ_CASES` inputs per target, and a record of each target's run (its
//! inputs, outcome and `RELIABILITY_RUN`) for RELIABILITY.md, written before a failure stops
//! the test.

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

pub fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2_000)
}

/// Runs `property` over `cases()` inputs from `strategy` and records the run.
pub fn fuzz<S: Strategy>(
    name: &str,
    strategy: S,
    property: impl Fn(S::Value) -> Result<(), TestCaseError>,
) where
    S::Value: std::fmt::Debug,
{
    let config = Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    };
    let outcome = TestRunner::new(config)
        .run(&strategy, property)
        .map_err(|failure| failure.to_string());
    // Recorded before the test fails, so a failed target shows as failed in RELIABILITY.md.
    record(name, &outcome);
    if let Err(failure) = outcome {
        panic!("{name}: {failure}");
    }
}

/// Writes `target/reliability/fuzz-<name>.json`: the inputs, the outcome and the run
/// (`RELIABILITY_RUN`) it belongs to.
fn record(name: &str, outcome: &Result<(), String>) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/reliability");
    std::fs::create_dir_all(&dir).unwrap();
    let record = serde_json::json!({
        "target": name,
        "inputs": cases(),
        "run": std::env::var("RELIABILITY_RUN").ok(),
        "ok": outcome.is_ok(),
        "failure": outcome.as_ref().err().map(|f| f.lines().next().unwrap_or_default().chars().take(200).collect::<String>()),
    });
    std::fs::write(dir.join(format!("fuzz-{name}.json")), record.to_string()).unwrap();
}
