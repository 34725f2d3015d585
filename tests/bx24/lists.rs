//! Lists.

use super::*;

#[wasm_bindgen_test]
async fn list_reads_5000_rows_in_3_requests_with_the_id_cursor() {
    let bx24 = connected(json!({"users": 5000})).await;
    let request = ListRequest::new("user.get", &()).unwrap();
    let pages: Vec<_> = bx24.list::<User>(request).collect().await;
    let pages: Vec<_> = pages.into_iter().map(Result::unwrap).collect();
    assert_eq!(pages.len(), 3);
    assert_eq!(
        pages.iter().map(|p| p.items.len()).collect::<Vec<_>>(),
        vec![50, 2500, 2450]
    );
    assert_eq!(pages.last().unwrap().loaded, 5000);
    assert_eq!(pages[0].total, Some(5000));
    assert_eq!(pages.last().unwrap().requests, 3);
    let ids: Vec<u32> = pages
        .iter()
        .flat_map(|p| p.items.iter().map(|u| u.id.parse().unwrap()))
        .collect();
    assert_eq!(ids, (1..=5000).collect::<Vec<_>>());
    assert_eq!(rest_log("user.get").len() + rest_log("batch").len(), 3);
    // Cursor pages: start=-1, ordered by ID, filtered past the previous page.
    let batched = log()["batched"].as_array().unwrap().clone();
    assert_eq!(batched[0]["params"]["start"], "-1");
    assert_eq!(batched[0]["params"][">ID"], "50");
    assert_eq!(batched[1]["params"][">ID"], "100");
}

#[wasm_bindgen_test]
async fn list_with_a_filter_and_a_small_result() {
    let bx24 = connected(json!({"users": 90})).await;
    let request = ListRequest::new("user.get", &json!({"UF_DEPARTMENT": 2})).unwrap();
    let pages: Vec<_> = bx24.list::<User>(request).collect().await;
    assert_eq!(pages.len(), 1);
    let page = pages[0].as_ref().unwrap();
    assert_eq!(page.items.len(), 30);
    assert_eq!(page.total, Some(30));
}

#[wasm_bindgen_test]
async fn a_list_whose_total_is_too_low_is_read_to_its_end() {
    let bx24 = connected(json!({"users": 200, "lyingTotal": 50})).await;
    let pages: Vec<_> = bx24
        .list::<User>(ListRequest::new("user.get", &()).unwrap())
        .collect()
        .await;
    let last = pages.last().unwrap().as_ref().unwrap();
    assert_eq!(last.loaded, 200, "paging follows next, not total");
    assert!(!last.capped);
}

#[wasm_bindgen_test]
async fn a_runaway_list_stops_at_its_cap_and_says_so() {
    let bx24 = connected(json!({"users": 300, "lyingTotal": 1_000_000_000})).await;
    let request = ListRequest::new("user.get", &()).unwrap().max_rows(120);
    let pages: Vec<_> = bx24.list::<User>(request).collect().await;
    let last = pages.last().unwrap().as_ref().unwrap();
    assert!(last.capped, "the cap is said");
    assert!(last.loaded >= 120 && last.loaded < 300, "{}", last.loaded);
    assert_eq!(
        ListRequest::new("user.get", &()).unwrap().rows_cap(),
        MAX_LIST_ROWS
    );
}

#[wasm_bindgen_test]
async fn a_malformed_row_is_skipped_and_counted_not_fatal() {
    let bx24 =
        connected(json!({"users": 120, "userOverrides": {"7": {"ID": {"bad": true}}}})).await;
    let pages: Vec<_> = bx24
        .list::<profile_widget::profile::Person>(ListRequest::new("user.get", &()).unwrap())
        .collect()
        .await;
    let pages: Vec<_> = pages.into_iter().map(Result::unwrap).collect();
    let rows: usize = pages.iter().map(|p| p.items.len()).sum();
    assert_eq!(rows, 119);
    assert_eq!(pages.last().unwrap().skipped, 1);
}

#[wasm_bindgen_test]
async fn all_pages_of_a_method_without_an_id_filter_come_by_offset_in_two_requests() {
    // 120 departments headed by one person: department.get pages 50 at a time by `start`.
    let departments: Vec<Value> = (1..=120)
        .map(|id| json!({"ID": id.to_string(), "NAME": format!("D{id}"), "UF_HEAD": "42"}))
        .collect();
    let bx24 = connected(json!({"departments": departments})).await;
    let headed: Vec<Value> = bx24
        .all_pages("department.get", &json!({"UF_HEAD": 42}))
        .await
        .unwrap();
    assert_eq!(headed.len(), 120);
    assert_eq!(headed[119]["ID"], "120");
    assert_eq!(
        rest_log("department.get").len() + rest_log("batch").len(),
        2
    );
    let starts: Vec<Value> = log()["batched"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["params"]["start"].clone())
        .collect();
    assert_eq!(starts, [json!("50"), json!("100")]);
}

#[wasm_bindgen_test]
async fn list_stops_at_the_first_error() {
    let bx24 = connected(json!({"users": 200, "rest": {"batch": [
        {"status": 401, "body": {"error": "insufficient_scope", "error_description": ""}}
    ]}}))
    .await;
    let pages: Vec<_> = bx24
        .list::<User>(ListRequest::new("user.get", &()).unwrap())
        .collect()
        .await;
    assert_eq!(pages.len(), 2);
    assert!(pages[0].is_ok());
    assert!(pages[1].is_err());
}
