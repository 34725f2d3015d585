//! Serving a router the way a public host must: headers read against a timeout, a bounded
//! number of open connections, and security headers on every answer, hyper's own included.
//!
//! `axum::serve` sets no timer, so hyper's header timeout never runs and a client trickling
//! its headers holds a connection for good; it also accepts without bound. Hyper answers
//! requests it cannot parse (400, 414, 431) itself, with no way to add headers, so the
//! connection's writes pass through [`Stamped`], which adds them to those answers only.

use axum::Router;
use axum::extract::ConnectInfo;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, ready};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::ServiceExt;

/// How long and how much a host lets its clients take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// For the request's headers, and again for its body.
    pub read_timeout: Duration,
    /// Connections open at once; further clients wait to be accepted.
    pub max_connections: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            read_timeout: Duration::from_secs(10),
            max_connections: 512,
        }
    }
}

/// Serves `router` on `listener` until the process ends. `headers` (complete header lines,
/// each ending in `\r\n`) are added to the answers hyper writes by itself.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: Limits,
    headers: String,
) -> io::Result<()> {
    let places = Arc::new(Semaphore::new(limits.max_connections));
    let headers: Arc<[u8]> = headers.into_bytes().into();
    loop {
        let place = Arc::clone(&places)
            .acquire_owned()
            .await
            .map_err(io::Error::other)?;
        let (stream, peer) = match listener.accept().await {
            Ok(accepted) => accepted,
            // A client that gave up between connecting and being accepted, or no file
            // descriptor left for now: keep serving.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(20)).await;
                continue;
            }
        };
        let service = TowerToHyperService::new(router.clone().map_request(
            move |mut request: axum::http::Request<hyper::body::Incoming>| {
                request.extensions_mut().insert(ConnectInfo(peer));
                request
            },
        ));
        let io = TokioIo::new(Stamped::new(stream, Arc::clone(&headers)));
        tokio::spawn(async move {
            let _place = place; // freed when the connection ends
            let _ = http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(limits.read_timeout)
                .serve_connection(io, service)
                .await;
        });
    }
}

/// A connection whose error answers written by hyper itself get the host's headers.
pub struct Stamped<S> {
    inner: S,
    headers: Arc<[u8]>,
    /// A stamped answer being written: its bytes, how many are out, and the length of the
    /// caller's buffer it stands for.
    pending: Option<(Vec<u8>, usize, usize)>,
}

impl<S> Stamped<S> {
    pub fn new(inner: S, headers: Arc<[u8]>) -> Self {
        Self {
            inner,
            headers,
            pending: None,
        }
    }
}

/// `head` with `headers` added, when it is a complete 4xx answer without them: the router's
/// answers always carry `x-content-type-options`, so one without it is hyper's own.
pub fn stamp(head: &[u8], headers: &[u8]) -> Option<Vec<u8>> {
    if !head.starts_with(b"HTTP/1.1 4") || !head.ends_with(b"\r\n\r\n") {
        return None;
    }
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    if text.contains("\r\nx-content-type-options:") {
        return None;
    }
    let mut out = head[..head.len() - 2].to_vec();
    out.extend_from_slice(headers);
    out.extend_from_slice(b"\r\n");
    Some(out)
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Stamped<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = &mut *self;
        if this.pending.is_none() {
            match stamp(buf, &this.headers) {
                Some(stamped) => this.pending = Some((stamped, 0, buf.len())),
                None => return Pin::new(&mut this.inner).poll_write(cx, buf),
            }
        }
        if let Some((bytes, written, stands_for)) = &mut this.pending {
            while *written < bytes.len() {
                match ready!(Pin::new(&mut this.inner).poll_write(cx, &bytes[*written..]))? {
                    0 => return Poll::Ready(Err(io::ErrorKind::WriteZero.into())),
                    n => *written += n,
                }
            }
            let stands_for = *stands_for;
            this.pending = None;
            return Poll::Ready(Ok(stands_for));
        }
        Poll::Ready(Ok(0))
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for Stamped<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

#[cfg(test)]
mod tests {
    use super::stamp;

    const HEADERS: &[u8] = b"x-content-type-options: nosniff\r\n";

    #[test]
    fn only_hypers_own_error_answers_are_stamped() {
        let own = b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\ndate: x\r\n\r\n";
        assert_eq!(
            stamp(own, HEADERS).unwrap(),
            b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\ndate: x\r\nx-content-type-options: nosniff\r\n\r\n"
        );
        let routed = b"HTTP/1.1 404 Not Found\r\nX-Content-Type-Options: nosniff\r\n\r\n";
        assert_eq!(stamp(routed, HEADERS), None);
        assert_eq!(stamp(b"HTTP/1.1 200 OK\r\n\r\n", HEADERS), None);
        assert_eq!(
            stamp(b"HTTP/1.1 400 Bad", HEADERS),
            None,
            "not a whole head"
        );
        assert_eq!(stamp(b"body bytes", HEADERS), None);
    }
}
