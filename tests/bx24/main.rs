//! The BX24 bridge against the real stand-in library over a scripted fake portal
//! (tests/support/harness.js), in headless Chromium and Firefox.
#![cfg(target_arch = "wasm32")]

use futures::StreamExt;
use profile_widget::bx24::{
    self, Batch, Bx24, Error, Failure, ListRequest, MAX_LIST_ROWS, NotInBitrix24, OpenPathOutcome,
    Options, RestCode, RetryPolicy,
};
use profile_widget::context::{ContextError, PlacementCode, UserId, UserIdError};
use profile_widget::errors::message;
use profile_widget::profile::{LoadError, placement};
use serde::Deserialize;
use serde_json::{Value, json};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen_test::*;

#[path = "../support/mod.rs"]
mod support;

use support::*;

wasm_bindgen_test_configure!(run_in_browser);

fn rest_log(method: &str) -> Vec<Value> {
    log()["rest"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["method"] == method)
        .cloned()
        .collect()
}

fn parent_commands() -> Vec<String> {
    log()["parent"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["command"].as_str().unwrap().to_owned())
        .collect()
}

/// How many `refreshAuth` commands the parent page received.
fn refreshes() -> usize {
    parent_commands()
        .iter()
        .filter(|c| *c == "refreshAuth")
        .count()
}

fn fast() -> Options {
    Options {
        connect_timeout_ms: 1_000,
        call_timeout_ms: 400,
        command_timeout_ms: 300,
        interactive_timeout_ms: 1_000,
        retry: RetryPolicy {
            rate_limit_delay_ms: 10,
            network_delay_ms: 10,
            max_delay_ms: 40,
            operating_limit_delay_ms: 20,
            ..RetryPolicy::default()
        },
        ..Options::default()
    }
}

async fn connected(scenario: Value) -> Bx24 {
    fake(scenario);
    bx24::connect_with(fast()).await.expect("connects")
}

#[derive(Debug, Deserialize, PartialEq)]
struct User {
    #[serde(rename = "ID")]
    id: String,
    #[serde(rename = "NAME")]
    name: String,
}

mod batch;
mod calls;
mod connecting;
mod frame;
mod lists;
mod placement;
