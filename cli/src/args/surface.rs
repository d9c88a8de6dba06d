//! Arguments of `untag`, the top-level `inspect` and `events`.

use clap::Args;

/// `coracle untag` and `coracle image untag`
#[derive(Debug, Args)]
pub struct UntagArgs {
    /// Image (name or ID).
    pub image: String,
    /// Names to remove (default: every name of the image).
    pub names: Vec<String>,
}

/// `coracle inspect`
#[derive(Debug, Args)]
pub struct TopInspectArgs {
    /// Objects to inspect: names or ids.
    #[arg(required = true)]
    pub names: Vec<String>,
    /// Output format: json (default), or a Go template such as '{{.State.Status}}'.
    #[arg(short, long)]
    pub format: Option<String>,
    /// What kind of object the names are: container, image, volume, network, pod or
    /// all (the first kind that has the name).
    #[arg(short = 't', long = "type", default_value = "all", value_name = "TYPE")]
    pub kind: String,
}

/// `coracle events`
#[derive(Debug, Args)]
pub struct EventsArgs {
    /// Show only events matching KEY=VALUE: type, container, image, event (same keys
    /// OR, different keys AND).
    #[arg(short, long, value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
    /// Output format: json (one JSON object a line), or a Go template such as
    /// '{{.Status}} {{.Name}}'.
    #[arg(long)]
    pub format: Option<String>,
    /// Show only events since TIME: RFC 3339, Unix seconds, or a duration such as 10m.
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,
    /// Show only events before TIME: RFC 3339, Unix seconds, or a duration such as 10m
    /// (stops following once reached).
    #[arg(long, value_name = "TIME")]
    pub until: Option<String>,
    /// Keep following new events (--stream=false prints the recorded ones and exits).
    #[arg(long, value_name = "BOOL", default_value_t = true, num_args = 0..=1,
          default_missing_value = "true", action = clap::ArgAction::Set)]
    pub stream: bool,
    /// Do not truncate ids.
    #[arg(long)]
    pub no_trunc: bool,
}
