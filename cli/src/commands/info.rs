//! `coracle info` and `coracle version`

use std::collections::BTreeMap;

use anyhow::Result;
use serde_json::{json, Value};

use crate::args::FormatArgs;
use crate::context::Context;
use crate::output;

/// Print a value as YAML-like indented "key: value" lines, as `podman info` does.
fn yaml(value: &Value, indent: usize, out: &mut String) {
    if let Value::Object(map) = value {
        for (k, v) in map {
            match v {
                Value::Object(_) => {
                    out.push_str(&format!("{:indent$}{k}:\n", ""));
                    yaml(v, indent + 2, out);
                }
                Value::Array(items) => {
                    out.push_str(&format!("{:indent$}{k}:\n", ""));
                    for item in items {
                        out.push_str(&format!("{:indent$}- {}\n", "", scalar(item)));
                    }
                }
                _ => out.push_str(&format!("{:indent$}{k}: {}\n", "", scalar(v))),
            }
        }
    }
}

fn scalar(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The value with each key as Podman's Go field name (`graphDriverName` →
/// `GraphDriverName`, `os` → `OS`), which is what Podman's templates name.
fn go_case(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    let key = match k.as_str() {
                        "os" => "OS".to_string(),
                        _ => {
                            let mut chars = k.chars();
                            chars.next().map_or_else(String::new, |c| {
                                c.to_uppercase().chain(chars).collect()
                            })
                        }
                    };
                    (key, go_case(v))
                })
                .collect(),
        ),
        other => other.clone(),
    }
}

/// Render a template against the Go field names (`{{.Host.Arch}}`, as Podman),
/// else against the JSON keys (`{{.host.arch}}`).
fn template(format: &str, value: &Value) -> Result<String> {
    let headers = BTreeMap::new();
    match output::formatted(format, &[go_case(value)], &headers) {
        Ok(text) => Ok(text),
        Err(go_error) => {
            output::formatted(format, std::slice::from_ref(value), &headers).map_err(|_| go_error)
        }
    }
}

fn print_value(value: Value, format: Option<&str>) -> Result<()> {
    match format {
        Some(f) if f.trim() == "json" => output::print(&output::json(&value)?),
        Some(f) => output::print(&template(f, &value)?),
        None => {
            let mut text = String::new();
            yaml(&value, 0, &mut text);
            output::print(&text);
        }
    }
    Ok(())
}

fn kernel() -> String {
    std::fs::read_to_string("/proc/sys/kernel/osrelease")
        .map(|s| s.trim().to_string())
        .unwrap_or_default()
}

fn version_value() -> Value {
    json!({
        "Version": env!("CARGO_PKG_VERSION"),
        "RustVersion": option_env!("CARGO_PKG_RUST_VERSION").unwrap_or(""),
        "OsArch": format!("{}/{}", std::env::consts::OS, coracle_image::platform::Platform::host().architecture),
        "Os": std::env::consts::OS,
    })
}

/// Podman's `store.graphOptions`: the overlay mount program when the kernel's overlay
/// is not used (configured, or refused by the kernel).
fn graph_options(ctx: &Context, store: &coracle_storage::Store) -> Value {
    let implementation = coracle_runtime::lifecycle::launch::overlay_driver(
        store,
        coracle_runtime::ids::userns::current_user_plan(false)
            .0
            .as_ref(),
        ctx.mount_program().as_deref(),
    );
    if implementation == "overlay" {
        return json!({});
    }
    let program = ctx
        .mount_program()
        .map_or_else(|| implementation.clone(), |p| p.display().to_string());
    json!({ "overlay.mount_program": { "Executable": program } })
}

/// Show the store and the host.
pub fn info(ctx: &Context, args: FormatArgs) -> Result<i32> {
    let store = ctx.store()?;
    let images = store.db.image_count()?;
    let blobs = store.blobs.list()?.len();
    let conf = ctx.registries()?;
    let platform = coracle_image::platform::Platform::host();
    let backend = coracle_network::Backend::detect().ok();
    let value = json!({
        "host": {
            "arch": platform.architecture,
            "os": platform.os,
            "kernel": kernel(),
            "rootless": rustix::process::geteuid().as_raw() != 0,
            "cgroupManager": "cgroupfs",
            "eventLogger": if coracle_storage::events::enabled() { "file" } else { "none" },
            "hostname": rustix::system::uname().nodename().to_string_lossy(),
            "networkBackend": "coracle",
            "rootlessNetworkCmd": backend.as_ref().map(|b| b.name()).unwrap_or(""),
            "pasta": backend_value(backend.as_ref(), "pasta", "passt"),
            "slirp4netns": backend_value(backend.as_ref(), "slirp4netns", "slirp4netns"),
        },
        "registries": { "search": conf.unqualified_search },
        "store": {
            "graphRoot": store.root.display().to_string(),
            "runRoot": coracle_storage::rundir::runtime_dir().display().to_string(),
            "containerStore": { "number": store.db.list_containers()?.len() },
            "graphDriverName": crate::globals::STORAGE_DRIVER,
            "graphOptions": graph_options(ctx, &store),
            "imageStore": { "number": images },
            "blobStore": { "number": blobs },
            "databaseBackend": "sqlite",
        },
        "version": version_value(),
    });
    print_value(value, args.format.as_deref())?;
    Ok(0)
}

/// Podman's `host.pasta` / `host.slirp4netns`: the rootless network program in use
/// (its path, Debian package and version), empty strings for the other one.
fn backend_value(backend: Option<&coracle_network::Backend>, name: &str, package: &str) -> Value {
    match backend.filter(|b| b.name() == name) {
        Some(b) => json!({
            "executable": b.path().display().to_string(),
            "package": package,
            "version": b.version(),
        }),
        None => json!({ "executable": "", "package": "", "version": "" }),
    }
}

/// Show the version.
pub fn version(args: FormatArgs) -> Result<i32> {
    match args.format.as_deref() {
        None => {
            let v = version_value();
            output::print(&format!(
                "Version:      {}\nOS/Arch:      {}\n",
                scalar(&v["Version"]),
                scalar(&v["OsArch"])
            ));
        }
        Some(f) => print_value(json!({ "Client": version_value() }), Some(f))?,
    }
    Ok(0)
}
