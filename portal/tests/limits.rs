//! The app host over real sockets, as a public host meets slow and greedy clients: headers and
//! bodies are read against a timeout, a huge announced body is refused at once, the number of
//! open connections is bounded, and hyper's own error answers carry the security headers too.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

const READ_TIMEOUT: Duration = Duration::from_millis(600);
const MAX_CONNECTIONS: usize = 2;

/// Starts the host alone (production host mode) on a free port.
fn start() -> SocketAddr {
    let dist = std::env::temp_dir().join(format!("portal-limits-{}", std::process::id()));
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(dist.join("index.html"), "<html>widget</html>").unwrap();
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let config = portal::Config {
                host: "127.0.0.1".into(),
                portal_port: 0,
                app_port: 0,
                dist,
                users: 10,
                seed: 1,
                team: 0,
                latency_ms: 0,
                frame_ancestors: Vec::new(),
                app_only: true,
                app_origin: None,
                limits: portal::Limits {
                    read_timeout: READ_TIMEOUT,
                    max_connections: MAX_CONNECTIONS,
                },
            };
            portal::serve(config, |_, app| sender.send(app).unwrap())
                .await
                .unwrap();
        });
    });
    receiver.recv_timeout(Duration::from_secs(10)).unwrap()
}

fn connect(addr: SocketAddr) -> TcpStream {
    let stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    stream
}

/// Everything the server sends until it closes the connection (or 10 s pass).
fn read_all(stream: &mut TcpStream) -> String {
    let mut out = Vec::new();
    let _ = stream.read_to_end(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}

fn has_security_headers(reply: &str) -> bool {
    let lower = reply.to_ascii_lowercase();
    lower.contains("\r\nx-content-type-options: nosniff\r\n")
        && lower.contains("\r\ncontent-security-policy: frame-ancestors 'self'")
}

#[test]
fn trickled_headers_are_cut_off_after_the_read_timeout() {
    let addr = start();
    let mut stream = connect(addr);
    let started = Instant::now();
    stream
        .write_all(b"GET /handler/ HTTP/1.1\r\nHost: x\r\n")
        .unwrap();
    // One header line every 100 ms, for longer than the timeout allows.
    for n in 0..30 {
        if stream
            .write_all(format!("X-Slow-{n}: y\r\n").as_bytes())
            .is_err()
        {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
        if started.elapsed() > READ_TIMEOUT * 3 {
            break;
        }
    }
    let reply = read_all(&mut stream);
    assert!(!reply.contains("widget"), "never answered: {reply}");
    assert!(
        started.elapsed() < READ_TIMEOUT * 4,
        "closed after {:?}",
        started.elapsed()
    );
}

#[test]
fn a_trickled_body_is_answered_408_and_a_huge_one_413_at_once() {
    let addr = start();
    let mut stream = connect(addr);
    let started = Instant::now();
    stream
        .write_all(b"POST /handler/ HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nAUTH_ID=")
        .unwrap();
    let reply = read_all(&mut stream);
    assert!(reply.starts_with("HTTP/1.1 408"), "{reply}");
    assert!(has_security_headers(&reply), "{reply}");
    assert!(started.elapsed() < READ_TIMEOUT * 3);

    let mut stream = connect(addr);
    let started = Instant::now();
    stream
        .write_all(b"POST /handler/ HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000000\r\n\r\nA=")
        .unwrap();
    let reply = read_all(&mut stream);
    assert!(reply.starts_with("HTTP/1.1 413"), "{reply}");
    assert!(has_security_headers(&reply), "{reply}");
    assert!(
        started.elapsed() < READ_TIMEOUT,
        "refused before any read timeout"
    );
}

#[test]
fn open_connections_are_bounded() {
    let addr = start();
    // Two silent connections take every place; a third client waits until the host has cut
    // them off at their header timeout.
    let _silent: Vec<TcpStream> = (0..MAX_CONNECTIONS).map(|_| connect(addr)).collect();
    std::thread::sleep(Duration::from_millis(100));
    let mut third = connect(addr);
    let started = Instant::now();
    third
        .write_all(b"GET /handler/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .unwrap();
    let reply = read_all(&mut third);
    assert!(reply.starts_with("HTTP/1.1 200"), "{reply}");
    let waited = started.elapsed();
    assert!(
        waited >= READ_TIMEOUT / 2,
        "answered after {waited:?}, while every place was taken"
    );
}

#[test]
fn hypers_own_error_answers_carry_the_security_headers() {
    let addr = start();
    let long_uri = format!("GET /{} HTTP/1.1\r\nHost: x\r\n\r\n", "a".repeat(70_000));
    let many_headers = format!(
        "GET / HTTP/1.1\r\nHost: x\r\n{}\r\n",
        (0..200)
            .map(|n| format!("X-{n}: y\r\n"))
            .collect::<String>()
    );
    for (request, status) in [
        ("NOT A REQUEST\r\n\r\n".to_owned(), "400"),
        (long_uri, "414"),
        (many_headers, "431"),
    ] {
        let mut stream = connect(addr);
        let _ = stream.write_all(request.as_bytes());
        let reply = read_all(&mut stream);
        assert!(
            reply.starts_with(&format!("HTTP/1.1 {status}")),
            "{status}: {reply}"
        );
        assert!(has_security_headers(&reply), "{status}: {reply}");
    }
}
