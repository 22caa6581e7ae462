//! `canopy serve`: a night replayed or followed live in the browser, or an output folder's report
//! and map, served by the binary itself (docs/serve.md).

use std::io::Write;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use anyhow::bail;
use canopy_serve::{Folder, Night, Server, Site};

use super::run::NightArgs;

/// Arguments of `canopy serve`.
#[derive(clap::Args)]
pub struct ServeArgs {
    /// The night (a scenario file, default scenarios/western-shield.toml), or an output folder of
    /// mc, compare, sweep or record in place of the scenario.
    #[command(flatten)]
    pub night: NightArgs,
    /// Port to listen on (0: any free port).
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
    /// Address to listen on; anything but loopback opens the page to the network.
    #[arg(long, default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
    pub bind: IpAddr,
    /// Follow the night as it runs instead of replaying it.
    #[arg(long)]
    pub live: bool,
    /// Pace of --live, simulated seconds per real second.
    #[arg(long, default_value_t = 60.0, value_parser = parse_speed)]
    pub speed: f64,
    /// The live night as DIS PDUs, sent as it unfolds (with --live).
    #[command(flatten)]
    pub dis: super::dis_args::DisArgs,
}

/// A pace: a positive number.
fn parse_speed(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(speed) if speed.is_finite() && speed > 0.0 => Ok(speed),
        _ => Err(format!(
            "{text:?} is not a pace: write a positive number of simulated seconds per second"
        )),
    }
}

/// What the arguments ask to serve.
fn site(args: &ServeArgs) -> anyhow::Result<Site> {
    args.dis.check_serve(args.live)?;
    let path = args.night.path();
    if path.is_dir() {
        if args.live {
            bail!(
                "--live follows a scenario as it runs; {} is an output folder",
                path.display()
            );
        }
        return Ok(Site::Folder(Folder::open(&path)?));
    }
    let (prepared, options) = args.night.prepare()?;
    Ok(if args.live {
        Site::Live {
            follower: args.dis.follower(&prepared, &options)?,
            prepared: Box::new(prepared),
            options,
            speed: args.speed,
        }
    } else {
        Site::Replay(Box::new(Night::replay(&prepared, &options)))
    })
}

/// Serves until Ctrl-C; the page's address is the first line printed.
pub fn execute(args: ServeArgs) -> anyhow::Result<()> {
    let site = site(&args)?;
    let server = Server::bind(site, SocketAddr::new(args.bind, args.port))?;
    let addr = server.local_addr();
    let mut out = std::io::stdout();
    writeln!(out, "http://{addr}/")?;
    out.flush()?;
    if !addr.ip().is_loopback() {
        eprintln!(
            "warning: --bind {} serves the page beyond this machine: anyone who can reach it \
             can see the night",
            args.bind
        );
    }
    eprintln!("serving; Ctrl-C stops");
    server.run()?;
    Ok(())
}
