//! Placement.

use super::*;

#[wasm_bindgen_test]
async fn placement_toolbar_context() {
    let bx24 = connected(json!({})).await;
    let ctx = placement(&bx24).unwrap();
    assert_eq!(ctx.code, PlacementCode::UserProfileToolbar);
    assert_eq!(ctx.user_id, UserId::new(42).unwrap());
    assert_eq!(ctx.uri.as_deref(), Some("/company/personal/user/42/"));
}

#[wasm_bindgen_test]
async fn placement_options_as_json_string_and_number() {
    let bx24 = connected(json!({"init": {
        "PLACEMENT": "USER_PROFILE_MENU",
        "PLACEMENT_OPTIONS": "{\"USER_ID\":7,\"URI\":\"\\/company\\/\"}"
    }}))
    .await;
    let ctx = placement(&bx24).unwrap();
    assert_eq!(ctx.code, PlacementCode::UserProfileMenu);
    assert_eq!(ctx.user_id.get(), 7);
    assert_eq!(ctx.uri.as_deref(), Some("/company/"));
}

#[wasm_bindgen_test]
async fn placement_options_undefined_and_bad_ids() {
    let bx24 = connected(json!({"init": {"PLACEMENT_OPTIONS": "undefined"}})).await;
    assert_eq!(
        placement(&bx24),
        Err(LoadError::Context(ContextError::UserId(
            UserIdError::Missing
        )))
    );
    let bx24 = connected(json!({"init": {"PLACEMENT_OPTIONS": {"USER_ID": "-3"}}})).await;
    assert_eq!(
        placement(&bx24),
        Err(LoadError::Context(ContextError::UserId(
            UserIdError::NotPositive("-3".into())
        )))
    );
    let bx24 = connected(json!({"init": {"PLACEMENT": "CRM_DEAL_DETAIL_TAB"}})).await;
    assert_eq!(
        placement(&bx24),
        Err(LoadError::Context(ContextError::NotAProfilePlacement(
            "CRM_DEAL_DETAIL_TAB".into()
        )))
    );
}
