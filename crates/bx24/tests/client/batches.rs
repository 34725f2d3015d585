//! Batches and lists.

use super::*;

/// Answers a batch with `{"ID": "<n>"}` for every command `c<n>`.
fn numbered_batch(sent: &Sent) -> Result<HttpAnswer, Failure> {
    let mut results = serde_json::Map::new();
    for pair in sent.body.split('&') {
        if let Some(rest) = pair.strip_prefix("cmd[c") {
            let n = rest.split(']').next().unwrap();
            results.insert(format!("c{n}"), json!({"ID": n}));
        }
    }
    ok(json!({"result": results, "result_error": [], "result_total": [], "result_next": []}))
}

#[test]
fn big_batches_go_in_chunks_of_50_with_references_resolved_between_them() {
    let fake = portal(|sent, _| numbered_batch(sent));
    let rest = client(&fake, "token-1");
    let mut batch = Batch::new();
    let mut keys = Vec::new();
    for n in 0..60 {
        let params = if n == 55 {
            json!({"ID": "$result[c7][ID]"})
        } else {
            json!({})
        };
        keys.push(
            batch
                .add::<Value, _>(&format!("c{n}"), "user.current", &params)
                .unwrap(),
        );
    }
    let results = block_on(rest.batch(&batch)).unwrap();
    assert_eq!(results.get(&keys[59]).unwrap().data, json!({"ID": "59"}));
    let sent = fake.sent();
    assert_eq!(sent.len(), 2);
    let commands = |s: &Sent| s.body.split('&').filter(|p| p.starts_with("cmd[")).count();
    assert_eq!((commands(&sent[0]), commands(&sent[1])), (50, 10));
    assert_eq!(sent[0].field("halt").as_deref(), Some("0"));
    assert_eq!(
        sent[1].field("cmd[c55]").as_deref(),
        Some("user.current?ID=7")
    );
}

#[test]
fn the_id_cursor_reads_a_list_in_two_requests_and_stops_on_a_short_page() {
    let fake = portal(|sent, _| {
        let users = |from: u32, to: u32| {
            json!(
                (from..=to)
                    .map(|id| json!({"ID": id.to_string()}))
                    .collect::<Vec<_>>()
            )
        };
        match sent.method() {
            "user.get" => Ok(answer(
                200,
                json!({"result": users(1, 50), "total": 120, "next": 50}),
            )),
            _ => ok(
                json!({"result": {"p0": users(51, 100), "p1": users(101, 120)}, "result_error": [], "result_total": [], "result_next": []}),
            ),
        }
    });
    let rest = client(&fake, "token-1");
    let request = ListRequest::new("user.get", &json!({"ACTIVE": true})).unwrap();
    let pages: Vec<_> = block_on(rest.list::<Value>(request).collect::<Vec<_>>());
    let last = pages.last().unwrap().as_ref().unwrap();
    assert_eq!((last.loaded, last.requests, last.capped), (120, 2, false));
    let sent = fake.sent();
    assert_eq!(
        pairs(&sent[0].body),
        ["ACTIVE=true", "ORDER=ASC", "SORT=ID", "auth=token-1"]
    );
    let first_page = decode(&sent[1].field("cmd[p0]").unwrap());
    assert!(
        first_page.contains(">ID=50") && first_page.contains("start=-1"),
        "{first_page}"
    );
    let second_page = decode(&sent[1].field("cmd[p1]").unwrap());
    assert!(
        second_page.contains(">ID=$result[p0][49][ID]"),
        "{second_page}"
    );
}
