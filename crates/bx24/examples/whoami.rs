//! The smallest frame app: connect, ask who is looking, fit the frame. Build it for
//! `wasm32-unknown-unknown` and load it in a page that has the BX24 library.

fn main() {
    wasm_bindgen_futures::spawn_local(async {
        let outcome = async {
            let bx24 = bx24::connect().await?;
            let me = bx24
                .call::<serde_json::Value, _>("user.current", &())
                .await?;
            bx24.fit_window().await?;
            Ok::<_, bx24::Error>(me.data)
        };
        let line = match outcome.await {
            Ok(me) => format!("signed in as {} {}", me["NAME"], me["LAST_NAME"]),
            Err(error) => format!("bx24: {error}"), // codes and details, for developers
        };
        web_sys::console::log_1(&line.into());
    });
}
