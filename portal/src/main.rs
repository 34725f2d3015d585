use clap::Parser;
use std::path::PathBuf;

/// A local Bitrix24: the demo portal for the profile widget, or (with --app-only) a
/// production host for a built widget that answers Bitrix24's POST.
#[derive(Parser, Debug)]
#[command(version, about)]
struct Args {
    /// Address to bind (loopback by default).
    #[arg(long, default_value = "127.0.0.1")]
    host: String,
    /// Port of the portal origin (parent page, REST).
    #[arg(long, default_value_t = 8000)]
    portal_port: u16,
    /// Port of the app origin (the widget's dist/).
    #[arg(long, default_value_t = 8001)]
    app_port: u16,
    /// The built widget to host.
    #[arg(long, default_value = "dist")]
    dist: PathBuf,
    /// Employees in the demo company (10 to 50,000).
    #[arg(long, default_value_t = 300)]
    users: usize,
    /// Put this many employees (the demo card's owner first) into one department, to try
    /// the colleague list with a very large team (0: departments of about 12).
    #[arg(long, default_value_t = 0)]
    team: usize,
    /// Seed of the demo company.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Latency added to every REST answer, in milliseconds.
    #[arg(long, default_value_t = 0)]
    latency_ms: u64,
    /// An origin allowed to frame the widget, e.g. https://example.bitrix24.com (repeatable).
    #[arg(long = "frame-ancestor")]
    frame_ancestors: Vec<String>,
    /// The origin the portal frames instead of its own app host, e.g. `trunk serve`'s
    /// http://127.0.0.1:8080 during development.
    #[arg(long)]
    app_origin: Option<String>,
    /// Host the widget only (production behind a TLS proxy), without the portal.
    #[arg(long)]
    app_only: bool,
    /// How long a client may take to send a request's headers, and again its body (ms).
    #[arg(long, default_value_t = 10_000)]
    read_timeout_ms: u64,
    /// Connections open at once on each origin; more clients wait to be accepted.
    #[arg(long, default_value_t = 512)]
    max_connections: usize,
    /// Print the production Content-Security-Policy for `--dist`'s index.html (framed by the
    /// `--frame-ancestor` origins) and exit: for hosts other than this one, e.g. nginx.
    #[arg(long)]
    print_csp: bool,
}

#[tokio::main]
async fn main() {
    let args = Args::parse();
    if args.print_csp {
        match std::fs::read_to_string(args.dist.join("index.html")) {
            Ok(page) => println!("{}", portal::csp::page_policy(&page, &args.frame_ancestors)),
            Err(err) => {
                eprintln!("portal: {}: {err}", args.dist.join("index.html").display());
                std::process::exit(1);
            }
        }
        return;
    }
    let config = portal::Config {
        host: args.host,
        portal_port: args.portal_port,
        app_port: args.app_port,
        dist: args.dist,
        users: args.users,
        seed: args.seed,
        team: args.team,
        latency_ms: args.latency_ms,
        frame_ancestors: args.frame_ancestors,
        app_only: args.app_only,
        app_origin: args.app_origin,
        limits: portal::Limits {
            read_timeout: std::time::Duration::from_millis(args.read_timeout_ms),
            max_connections: args.max_connections.max(1),
        },
    };
    let result = portal::serve(config, |portal, app| {
        println!("widget host:  http://{app}/handler/  (GET and POST)");
        if let Some(portal) = portal {
            println!("demo portal:  http://{portal}/");
            println!("Open the demo portal in a browser. Ctrl+C stops.");
        }
    })
    .await;
    if let Err(err) = result {
        eprintln!("portal: {err}");
        std::process::exit(1);
    }
}
