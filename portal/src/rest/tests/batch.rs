//! Batches: macros, halt, limits, the ID cursor through macros, and the rate limit.

use super::*;

#[test]
fn batch_with_macros_halt_and_limits() {
    let mut sim = sim();
    let form = "halt=0&cmd[me]=user.current&cmd[dep]=department.get%3FID%3D%24result%5Bme%5D%5BUF_DEPARTMENT%5D\
                &cmd[bad]=no.such&cmd[text]=user.get%3FNAME_SEARCH%3Dx%24result%5Bme%5D%5BID%5D";
    let (status, body) = form_call(&mut sim, "batch", form);
    assert_eq!(status, 200);
    let result = &body["result"];
    assert_eq!(result["result"]["me"]["ID"], "1");
    assert_eq!(
        result["result"]["dep"][0]["ID"], "1",
        "raw array substituted for ID"
    );
    assert_eq!(
        result["result_error"]["bad"]["error"],
        "ERROR_METHOD_NOT_FOUND"
    );
    assert!(result["result_total"].get("dep").is_some());
    assert!(result["result_time"]["me"]["duration"].is_number());

    let (_, body) = form_call(
        &mut sim,
        "batch",
        "halt=1&cmd[a]=no.such&cmd[b]=user.current",
    );
    assert!(
        body["result"]["result"].is_array(),
        "empty maps serialise as []"
    );
    assert!(body["result"]["result_error"].get("a").is_some());
    assert!(
        body["result"]["result_error"].get("b").is_none(),
        "skipped after halt"
    );

    let many: Vec<String> = (0..55).map(|i| format!("cmd[c{i}]=scope")).collect();
    let (_, body) = form_call(&mut sim, "batch", &many.join("&"));
    assert_eq!(body["result"]["result"].as_object().unwrap().len(), 50);
    assert_eq!(
        body["result"]["result_error"]["c54"]["error"],
        "ERROR_BATCH_LENGTH_EXCEEDED"
    );

    let (_, body) = form_call(&mut sim, "batch", "cmd[0]=batch&cmd[1]=scope");
    assert_eq!(
        body["result"]["result_error"]["0"]["error"],
        "ERROR_BATCH_METHOD_NOT_ALLOWED"
    );
    assert!(body["result"]["result"].get("1").is_some());

    sim.settings.scopes = vec!["user".into()];
    let (_, body) = form_call(&mut sim, "batch", "cmd[d]=department.get");
    assert_eq!(
        body["result"]["result_error"]["d"],
        json!({"error": "insufficient_scope", "error_description": ""})
    );
}

#[test]
fn batch_id_cursor_pages_chain_through_macros() {
    let mut sim = sim();
    let form = "cmd[p0]=user.get%3FSORT%3DID%26ORDER%3DASC%26%3EID%3D0%26start%3D-1\
                &cmd[p1]=user.get%3FSORT%3DID%26ORDER%3DASC%26%3EID%3D%24result%5Bp0%5D%5B49%5D%5BID%5D%26start%3D-1";
    let (_, body) = form_call(&mut sim, "batch", form);
    assert_eq!(body["result"]["result"]["p1"][0]["ID"], "51");
    assert_eq!(body["result"]["result"]["p1"].as_array().unwrap().len(), 50);
}

#[test]
fn rate_limit_bucket() {
    let mut sim = sim();
    let auth = token(&mut sim);
    let mut statuses = Vec::new();
    for _ in 0..52 {
        match handle(&mut sim, "scope", Map::new(), Some(&auth), "10.0.0.1") {
            Reply::Json(status, _) => statuses.push(status),
            other => panic!("{other:?}"),
        }
    }
    assert!(statuses[..50].iter().all(|s| *s == 200));
    assert_eq!(statuses[50], 503);
    // Another client has its own bucket.
    assert!(matches!(
        handle(&mut sim, "scope", Map::new(), Some(&auth), "10.0.0.2"),
        Reply::Json(200, _)
    ));
}

/// The card's heads in one command (src/profile/load): an `ID` list of exact macros takes each
/// resolved value; one left unresolved (no parent above the root) stays as written and matches
/// nobody; `!ID` leaves one id out.
#[test]
fn a_list_of_macros_filters_user_get_by_every_resolved_id() {
    let mut sim = sim();
    let departments = "cmd[a]=department.get%3FID%3D5\
        &cmd[b]=department.get%3FID%3D%24result%5Ba%5D%5B0%5D%5BPARENT%5D\
        &cmd[c]=department.get%3FID%3D%24result%5Bb%5D%5B0%5D%5BPARENT%5D";
    let heads = |excluded: &str| {
        format!(
            "{departments}&cmd[heads]=user.get%3F%21ID%3D{excluded}\
             %26ID%5B0%5D%3D%24result%5Ba%5D%5B0%5D%5BUF_HEAD%5D\
             %26ID%5B1%5D%3D%24result%5Bb%5D%5B0%5D%5BUF_HEAD%5D\
             %26ID%5B2%5D%3D%24result%5Bc%5D%5B0%5D%5BUF_HEAD%5D"
        )
    };
    let ids = |body: &Value| -> Vec<String> {
        let rows = body["result"]["result"]["heads"].as_array().unwrap();
        rows.iter()
            .map(|u| u["ID"].as_str().unwrap().to_owned())
            .collect()
    };
    let (_, body) = form_call(&mut sim, "batch", &heads("0"));
    let results = &body["result"]["result"];
    assert_eq!(results["c"], json!([]), "the root has no parent");
    let head_a = results["a"][0]["UF_HEAD"].as_str().unwrap().to_owned();
    let head_b = results["b"][0]["UF_HEAD"].as_str().unwrap().to_owned();
    assert_ne!(head_a, head_b);
    let mut both = vec![head_a.clone(), head_b.clone()];
    both.sort_by_key(|id| id.parse::<u32>().unwrap());
    assert_eq!(ids(&body), both);

    let (_, body) = form_call(&mut sim, "batch", &heads(&head_b));
    assert_eq!(ids(&body), [head_a]);
}
