//! `coracle __dns`: coracle's DNS resolver as a process of its own, for the holder
//! of the rootless network namespace to start inside it. Hidden (never parsed by
//! clap, absent from --help). It listens on the gateway of each DNS-enabled network
//! that has a container, and exits once none has.
//!
//! `coracle __dns --store DIR --runroot DIR [--port N] [--upstream IP[:PORT]]…`:
//! networks from `DIR/networks`, leases from `RUNROOT/networks/leases`; upstreams
//! default to the host's /etc/resolv.conf nameservers.

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;

use coracle_network::dns::server::upstreams_from_resolv_conf;
use coracle_network::dns::{plan_from_store, serve, Resolver, DNS_PORT};
use coracle_network::etc_files::read_host_resolv_conf;
use coracle_network::{LeaseDir, NetworkStore};

/// The first argument that selects the resolver.
pub const RESOLVER_ARG: &str = "__dns";

/// What `__dns` was told.
#[derive(Debug)]
struct Options {
    store: PathBuf,
    runroot: PathBuf,
    port: u16,
    upstreams: Vec<SocketAddr>,
}

fn parse(args: &[String]) -> Result<Options, String> {
    let mut store = None;
    let mut runroot = None;
    let mut port = DNS_PORT;
    let mut upstreams = Vec::new();
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let value = it.next().ok_or_else(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--store" => store = Some(PathBuf::from(value)),
            "--runroot" => runroot = Some(PathBuf::from(value)),
            "--port" => {
                port = value
                    .parse()
                    .map_err(|_| format!("invalid --port {value:?}"))?
            }
            "--upstream" => upstreams.push(match value.parse::<SocketAddr>() {
                Ok(addr) => addr,
                Err(_) => SocketAddr::new(
                    value.parse::<IpAddr>().map_err(|_| {
                        format!("invalid --upstream {value:?}: expected IP or IP:PORT")
                    })?,
                    DNS_PORT,
                ),
            }),
            other => return Err(format!("unknown option {other:?}")),
        }
    }
    Ok(Options {
        store: store.ok_or("--store is required")?,
        runroot: runroot.ok_or("--runroot is required")?,
        port,
        upstreams,
    })
}

/// Run the resolver until no container needs it; the process exit status.
pub fn main(args: &[String]) -> i32 {
    let options = match parse(args) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("Error: coracle {RESOLVER_ARG}: {e}");
            return crate::EXIT_ERROR;
        }
    };
    let upstreams = if options.upstreams.is_empty() {
        upstreams_from_resolv_conf(&read_host_resolv_conf())
    } else {
        options.upstreams
    };
    let networks = NetworkStore::new(&options.store);
    let leases = LeaseDir::new(&options.runroot);
    let resolver = Resolver {
        leases: leases.clone(),
        upstreams,
    };
    match serve(resolver, || {
        plan_from_store(&networks, &leases, options.port)
    }) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("Error: coracle {RESOLVER_ARG}: {e}");
            crate::EXIT_ERROR
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn options() {
        let o = parse(&v(&[
            "--store",
            "/s",
            "--runroot",
            "/r",
            "--port",
            "5353",
            "--upstream",
            "192.0.2.1",
            "--upstream",
            "192.0.2.2:5300",
        ]))
        .unwrap();
        assert_eq!(o.port, 5353);
        assert_eq!(
            o.upstreams,
            [
                "192.0.2.1:53".parse().unwrap(),
                "192.0.2.2:5300".parse().unwrap()
            ]
        );
        assert!(parse(&v(&["--store", "/s"]))
            .unwrap_err()
            .contains("--runroot"));
        assert!(parse(&v(&["--store"]))
            .unwrap_err()
            .contains("needs a value"));
        assert!(parse(&v(&["--bogus", "x"]))
            .unwrap_err()
            .contains("--bogus"));
        assert!(
            parse(&v(&["--store", "/s", "--runroot", "/r", "--upstream", "x"]))
                .unwrap_err()
                .contains("--upstream")
        );
    }
}
