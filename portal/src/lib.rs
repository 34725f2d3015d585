//! A local Bitrix24 for the profile widget: it hosts the widget as a real host must, plays
//! the portal's parent page over the real postMessage protocol, serves the BX24 stand-in,
//! emulates the REST API over a generated demo company, and injects faults.

pub mod company;
pub mod csp;
pub mod host;
pub mod listen;
pub mod params;
pub mod probe;
pub mod rest;
pub mod server;
pub mod state;

pub use listen::Limits;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// Where and what to serve.
#[derive(Clone, Debug)]
pub struct Config {
    pub host: String,
    pub portal_port: u16,
    pub app_port: u16,
    pub dist: PathBuf,
    pub users: usize,
    pub seed: u64,
    /// Employees put into department 2 (0: none), see `Company::generate_with_team`.
    pub team: usize,
    pub latency_ms: u64,
    /// Extra origins allowed to frame the widget (a real portal, in host mode).
    pub frame_ancestors: Vec<String>,
    /// Serve only the widget (production host mode), no portal.
    pub app_only: bool,
    /// Frame this origin instead of the app host (development with `trunk serve`).
    pub app_origin: Option<String>,
    /// Read timeouts and the connection limit of both origins.
    pub limits: Limits,
}

/// Binds both origins and serves until the process ends. Returns the bound addresses
/// through `ready` (ports 0 pick free ones, for tests).
pub async fn serve(
    config: Config,
    ready: impl FnOnce(Option<SocketAddr>, SocketAddr),
) -> std::io::Result<()> {
    let app_listener =
        tokio::net::TcpListener::bind((config.host.as_str(), config.app_port)).await?;
    let app_addr = app_listener.local_addr()?;
    let portal_listener = if config.app_only {
        None
    } else {
        Some(tokio::net::TcpListener::bind((config.host.as_str(), config.portal_port)).await?)
    };
    let portal_addr = portal_listener
        .as_ref()
        .map(|l| l.local_addr())
        .transpose()?;
    let app_origin = config
        .app_origin
        .clone()
        .unwrap_or_else(|| format!("http://{app_addr}"));
    let mut ancestors = config.frame_ancestors.clone();
    if let Some(addr) = portal_addr {
        ancestors.push(format!("http://{addr}"));
    }
    let trunk_address = config
        .app_origin
        .as_deref()
        .and_then(|origin| origin.split_once("://"))
        .map(|(_, address)| address.trim_end_matches('/').to_owned());
    let sim = portal_addr.map(|addr| {
        let company = company::Company::generate_with_team(config.users, config.seed, config.team);
        let mut sim = state::Sim::new(company, format!("http://{addr}"), app_origin);
        sim.settings.latency_ms = config.latency_ms;
        Arc::new(Mutex::new(sim))
    });
    let host = host::AppHost {
        dist: config.dist.clone(),
        frame_ancestors: ancestors,
        trunk_address,
        read_timeout: config.limits.read_timeout,
        sim: sim.clone(),
    };
    let app_headers = host::security_header_lines(&host);
    let app = host::app_router(host);
    ready(portal_addr, app_addr);
    let limits = config.limits;
    let app_task =
        tokio::spawn(async move { listen::serve(app_listener, app, limits, app_headers).await });
    if let (Some(listener), Some(sim)) = (portal_listener, sim) {
        let portal = server::Portal { sim };
        let router = server::portal_router(portal);
        let headers = "x-content-type-options: nosniff\r\n".to_owned();
        listen::serve(listener, router, limits, headers).await?;
    }
    app_task.await.map_err(std::io::Error::other)??;
    Ok(())
}
