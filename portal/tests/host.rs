//! The app host (host mode): POST on handler paths, headers, caching, path traversal, sizes.

use axum::body::Body;
use axum::http::{HeaderMap, HeaderName, Request, StatusCode, header};
use http_body_util::BodyExt;
use portal::host::{AppHost, MAX_BODY, app_router, resolve};
use portal::state::Sim;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use tower::ServiceExt;

/// A fresh dist directory per call: tests run in parallel.
fn dist() -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("portal-host-test-{}-{n}", std::process::id()));
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(
        dir.join("index.html"),
        "<html>widget {{__TRUNK_ADDRESS__}}{{__TRUNK_WS_BASE__}}</html>",
    )
    .unwrap();
    std::fs::write(dir.join("app-0123456789abcdef_bg.wasm"), b"\0asm").unwrap();
    std::fs::write(dir.join("paint-6e3eb8f275261c3_bg.wasm"), b"\0asm").unwrap();
    std::fs::write(dir.join("profile-widget_bg.wasm"), b"\0asm").unwrap();
    std::fs::write(
        dir.join("profile-widget-0123456789abcdef-part-tools.wasm"),
        b"\0asm",
    )
    .unwrap();
    std::fs::write(dir.join("sub/style.css"), "body{}").unwrap();
    dir
}

fn host(trunk_address: Option<&str>) -> AppHost {
    AppHost {
        dist: dist(),
        frame_ancestors: vec!["https://example.bitrix24.com".into()],
        trunk_address: trunk_address.map(str::to_owned),
        read_timeout: std::time::Duration::from_secs(10),
        sim: None,
    }
}

async fn send(
    host: AppHost,
    method: &str,
    uri: &str,
    body: Vec<u8>,
) -> (StatusCode, HeaderMap, String) {
    send_with(host, method, uri, &[], body).await
}

async fn send_with(
    host: AppHost,
    method: &str,
    uri: &str,
    headers: &[(HeaderName, &str)],
    body: Vec<u8>,
) -> (StatusCode, HeaderMap, String) {
    let mut request = Request::builder().method(method).uri(uri);
    for (name, value) in headers {
        request = request.header(name, *value);
    }
    let request = request.body(Body::from(body)).unwrap();
    let response = app_router(host).oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (
        status,
        headers,
        String::from_utf8_lossy(&bytes).into_owned(),
    )
}

#[tokio::test]
async fn post_on_a_handler_path_serves_the_page_with_framing_headers() {
    let form = b"AUTH_ID=x&PLACEMENT=USER_PROFILE_MENU".to_vec();
    let (status, headers, body) =
        send(host(None), "POST", "/handler/?DOMAIN=p&APP_SID=1", form).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("widget"));
    let policy = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(policy.starts_with("default-src 'none'; "), "{policy}");
    assert!(policy.contains("frame-ancestors 'self' https://example.bitrix24.com;"));
    assert!(headers.get(header::X_FRAME_OPTIONS).is_none());
    assert_eq!(headers[header::CACHE_CONTROL], "no-cache");
    let (status, _, get_body) = send(host(None), "GET", "/handler/", Vec::new()).await;
    assert_eq!((status, get_body), (StatusCode::OK, body));
}

#[tokio::test]
async fn the_page_policy_allows_exactly_its_inline_loader() {
    let host = host(None);
    std::fs::write(
        host.dist.join("index.html"),
        "<script type=module>import init from '/a.js'; await init();</script>",
    )
    .unwrap();
    let (_, headers, _) = send(host.clone(), "POST", "/handler/", Vec::new()).await;
    let policy = headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .to_owned();
    let hashes = portal::csp::inline_script_hashes(
        "<script type=module>import init from '/a.js'; await init();</script>",
    );
    assert!(policy.contains(&hashes[0]), "{policy}");
    // Another build, another hash: the policy follows the page.
    std::fs::write(host.dist.join("index.html"), "<script>other()</script>").unwrap();
    let (_, headers, _) = send(host.clone(), "GET", "/index.html", Vec::new()).await;
    let again = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(
        !again.contains(&hashes[0]) && again.contains("'sha256-"),
        "{again}"
    );
    // Assets and the development host (trunk serve's live reload) only restrict framing.
    let (_, headers, _) = send(host, "GET", "/app-1a2b_bg.wasm", Vec::new()).await;
    assert_eq!(
        headers[header::CONTENT_SECURITY_POLICY],
        "frame-ancestors 'self' https://example.bitrix24.com"
    );
    let (_, headers, _) = send(
        self::host(Some("127.0.0.1:8080")),
        "POST",
        "/handler/",
        Vec::new(),
    )
    .await;
    assert_eq!(
        headers[header::CONTENT_SECURITY_POLICY],
        "frame-ancestors 'self' https://example.bitrix24.com"
    );
}

#[tokio::test]
async fn hashed_assets_are_cached_for_good_and_typed() {
    // Trunk writes its hash without leading zeros: one build in sixteen has 15 digits.
    for path in [
        "/app-0123456789abcdef_bg.wasm",
        "/paint-6e3eb8f275261c3_bg.wasm",
    ] {
        let (status, headers, _) = send(host(None), "GET", path, Vec::new()).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(headers[header::CONTENT_TYPE], "application/wasm");
        assert!(
            headers[header::CACHE_CONTROL]
                .to_str()
                .unwrap()
                .contains("immutable"),
            "{path}"
        );
    }
    // The app Trunk builds beside the first paint has no hash in its name: revalidated.
    let (status, headers, _) = send(host(None), "GET", "/profile-widget_bg.wasm", Vec::new()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CACHE_CONTROL], "no-cache");
    let (status, headers, _) = send(host(None), "GET", "/sub/style.css", Vec::new()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/css")
    );
    let (status, _, _) = send(host(None), "GET", "/missing-123.js", Vec::new()).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn other_methods_and_oversized_bodies_are_refused() {
    let (status, headers, _) = send(host(None), "PUT", "/handler/", Vec::new()).await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(headers[header::ALLOW], "GET, HEAD, POST");
    let (status, _, _) = send(host(None), "POST", "/handler/", vec![b'a'; MAX_BODY + 1]).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn every_reply_carries_the_security_headers() {
    for (method, uri, body, want) in [
        (
            "POST",
            "/handler/",
            vec![b'a'; MAX_BODY + 1],
            StatusCode::PAYLOAD_TOO_LARGE,
        ),
        (
            "PUT",
            "/handler/",
            Vec::new(),
            StatusCode::METHOD_NOT_ALLOWED,
        ),
        ("GET", "/missing-123.js", Vec::new(), StatusCode::NOT_FOUND),
        ("GET", "/sub/style.css", Vec::new(), StatusCode::OK),
    ] {
        let (status, headers, _) = send(host(None), method, uri, body).await;
        assert_eq!(status, want, "{method} {uri}");
        assert_eq!(
            headers[header::CONTENT_SECURITY_POLICY],
            "frame-ancestors 'self' https://example.bitrix24.com",
            "{method} {uri}"
        );
        assert_eq!(
            headers[header::X_CONTENT_TYPE_OPTIONS],
            "nosniff",
            "{method} {uri}"
        );
    }
}

#[tokio::test]
async fn nothing_outside_dist_is_served() {
    let secret = std::env::temp_dir().join("portal-host-secret.txt");
    std::fs::write(&secret, "secret").unwrap();
    for path in [
        "/../portal-host-secret.txt",
        "/%2e%2e/portal-host-secret.txt",
        "/sub/../../portal-host-secret.txt",
        "/..%2fportal-host-secret.txt",
    ] {
        let (_, _, body) = send(host(None), "GET", path, Vec::new()).await;
        assert!(!body.contains("secret"), "{path} leaked");
    }
    let dist = dist();
    assert!(resolve(&dist, "/../x").is_none());
    assert!(resolve(&dist, "/%2E%2E/x").is_none());
    assert!(resolve(&dist, "//etc/passwd").is_none());
    assert!(resolve(&dist, "/sub/style.css").is_some());
    assert!(
        resolve(&dist, "/sub").is_none(),
        "directories are not files"
    );
}

#[tokio::test]
async fn trunk_live_reload_placeholders_are_filled_in_dev_mode() {
    let (_, _, body) = send(
        host(Some("127.0.0.1:8080")),
        "POST",
        "/handler/",
        Vec::new(),
    )
    .await;
    assert!(body.contains("widget 127.0.0.1:8080/"), "{body}");
    let (_, _, body) = send(host(None), "POST", "/handler/", Vec::new()).await;
    assert!(
        body.contains("{{__TRUNK_ADDRESS__}}"),
        "left alone in production"
    );
}

/// The build's precompressed copies (scripts/precompress.sh), told apart by their contents.
fn with_compressed_copies(host: &AppHost, name: &str) {
    for suffix in ["br", "gz"] {
        std::fs::write(host.dist.join(format!("{name}.{suffix}")), suffix).unwrap();
    }
}

#[tokio::test]
async fn files_come_compressed_as_the_browser_accepts() {
    let host = host(None);
    let asset = "app-0123456789abcdef.js";
    std::fs::write(host.dist.join(asset), "plain").unwrap();
    with_compressed_copies(&host, asset);
    for (accepted, encoding, body) in [
        ("gzip, deflate, br, zstd", Some("br"), "br"),
        ("gzip", Some("gzip"), "gz"),
        ("identity", None, "plain"),
    ] {
        let (status, headers, got) = send_with(
            host.clone(),
            "GET",
            &format!("/{asset}"),
            &[(header::ACCEPT_ENCODING, accepted)],
            Vec::new(),
        )
        .await;
        assert_eq!((status, got.as_str()), (StatusCode::OK, body), "{accepted}");
        assert_eq!(
            headers
                .get(header::CONTENT_ENCODING)
                .map(|v| v.to_str().unwrap()),
            encoding,
            "{accepted}"
        );
        assert_eq!(headers[header::VARY], "accept-encoding");
        assert_eq!(
            headers[header::CONTENT_TYPE],
            "text/javascript; charset=utf-8"
        );
        assert!(
            headers[header::CACHE_CONTROL]
                .to_str()
                .unwrap()
                .contains("immutable")
        );
    }
}

#[tokio::test]
async fn validators_answer_conditional_gets_with_304() {
    let host = host(None);
    with_compressed_copies(&host, "index.html");
    for path in ["/sub/style.css", "/handler/"] {
        let (status, headers, _) = send(host.clone(), "GET", path, Vec::new()).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        let etag = headers[header::ETAG].to_str().unwrap().to_owned();
        let modified = headers[header::LAST_MODIFIED].to_str().unwrap().to_owned();
        for condition in [
            (header::IF_NONE_MATCH, etag.as_str()),
            (header::IF_MODIFIED_SINCE, modified.as_str()),
        ] {
            let (status, headers, body) = send_with(
                host.clone(),
                "GET",
                path,
                std::slice::from_ref(&condition),
                Vec::new(),
            )
            .await;
            assert_eq!(status, StatusCode::NOT_MODIFIED, "{path} {condition:?}");
            assert!(body.is_empty());
            assert_eq!(headers[header::CACHE_CONTROL], "no-cache", "{path}");
            assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff", "{path}");
            assert!(
                headers.contains_key(header::CONTENT_SECURITY_POLICY),
                "{path}"
            );
        }
        // Another version of the file answers in full.
        let (status, _, _) = send_with(
            host.clone(),
            "GET",
            path,
            &[(header::IF_NONE_MATCH, "\"other\"")],
            Vec::new(),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{path}");
    }
    // Each encoding is its own representation, with its own validator.
    let (_, plain, _) = send(host.clone(), "GET", "/handler/", Vec::new()).await;
    let (_, brotli, _) = send_with(
        host.clone(),
        "GET",
        "/handler/",
        &[(header::ACCEPT_ENCODING, "br")],
        Vec::new(),
    )
    .await;
    assert_ne!(plain[header::ETAG], brotli[header::ETAG]);
}

#[tokio::test]
async fn the_page_comes_compressed_with_its_policy_and_a_post_is_never_a_304() {
    let host = host(None);
    with_compressed_copies(&host, "index.html");
    let (_, plain, _) = send(host.clone(), "GET", "/handler/", Vec::new()).await;
    let etag = plain[header::ETAG].to_str().unwrap().to_owned();
    let (status, headers, body) = send_with(
        host.clone(),
        "POST",
        "/handler/?DOMAIN=p",
        &[
            (header::ACCEPT_ENCODING, "br, gzip"),
            (header::IF_NONE_MATCH, &etag),
        ],
        b"AUTH_ID=x".to_vec(),
    )
    .await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "br"));
    assert_eq!(headers[header::CONTENT_ENCODING], "br");
    assert_eq!(headers[header::CONTENT_TYPE], "text/html; charset=utf-8");
    assert_eq!(headers[header::CACHE_CONTROL], "no-cache");
    let policy = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(policy.starts_with("default-src 'none'; "), "{policy}");
    // HEAD: the headers without the body.
    let (status, headers, body) = send(host, "HEAD", "/handler/", Vec::new()).await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, ""));
    assert!(headers.contains_key(header::ETAG));
}

/// The host with a simulator behind it, whose settings hold back or refuse the app's parts.
fn simulated() -> (AppHost, Arc<Mutex<Sim>>) {
    let company = portal::company::Company::generate(10, 1);
    let sim = Arc::new(Mutex::new(Sim::new(
        company,
        "http://portal".into(),
        "http://app".into(),
    )));
    let host = AppHost {
        sim: Some(sim.clone()),
        ..host(None)
    };
    (host, sim)
}

const PART: &str = "/profile-widget-0123456789abcdef-part-tools.wasm";

#[tokio::test]
async fn a_part_is_refused_as_often_as_asked_and_every_download_is_counted() {
    let (host, sim) = simulated();
    sim.lock().unwrap().settings.parts_refused = 2;
    let mut statuses = Vec::new();
    for _ in 0..3 {
        statuses.push(send(host.clone(), "GET", PART, Vec::new()).await.0);
    }
    assert_eq!(
        statuses,
        [
            StatusCode::SERVICE_UNAVAILABLE,
            StatusCode::SERVICE_UNAVAILABLE,
            StatusCode::OK
        ]
    );
    // Other files are neither refused nor counted.
    let (status, _, _) = send(
        host.clone(),
        "GET",
        "/app-0123456789abcdef_bg.wasm",
        Vec::new(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let sim = sim.lock().unwrap();
    assert_eq!((sim.part_downloads, sim.part_refusals), (3, 2));
    assert_eq!(sim.settings.parts_refused, 0);
}

#[tokio::test]
async fn a_held_part_waits_until_it_is_let_go() {
    let (host, sim) = simulated();
    sim.lock().unwrap().settings.parts_held = true;
    let download = tokio::spawn(send(host, "GET", PART, Vec::new()));
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(!download.is_finished(), "held");
    assert_eq!(
        sim.lock().unwrap().part_downloads,
        0,
        "counted when it goes"
    );
    sim.lock().unwrap().settings.parts_held = false;
    assert_eq!(download.await.unwrap().0, StatusCode::OK);
    assert_eq!(sim.lock().unwrap().part_downloads, 1);
}
