//! Pull progress: one indicatif bar per blob on a terminal, plain lines otherwise
//! (no carriage returns, no colour), always on stderr.

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::sync::Mutex;

use coracle_image::pull::{Progress, PullEvent};
use coracle_storage::Digest;
use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Build the progress sink for this process: bars on a terminal, lines elsewhere,
/// only warnings with -q.
pub fn for_stderr(quiet: bool) -> std::sync::Arc<dyn Progress> {
    if quiet {
        std::sync::Arc::new(WarningsOnly)
    } else if std::io::stderr().is_terminal() {
        std::sync::Arc::new(Bars::new())
    } else {
        std::sync::Arc::new(Lines)
    }
}

/// Short form of a digest for progress output: the first 12 hex digits.
fn short(d: &Digest) -> &str {
    &d.hex()[..12]
}

/// Nothing but warnings (`-q`).
pub struct WarningsOnly;

impl Progress for WarningsOnly {
    fn event(&self, event: &PullEvent) {
        if let PullEvent::Warning(w) = event {
            Lines::line(&format!("WARN[0000] {w}"));
        }
    }
}

/// Plain lines, one per event, as Podman prints them to a pipe.
pub struct Lines;

impl Lines {
    fn line(text: &str) {
        let mut err = std::io::stderr().lock();
        let _ = writeln!(err, "{text}");
    }
}

impl Progress for Lines {
    fn event(&self, event: &PullEvent) {
        match event {
            PullEvent::Trying(r) => Self::line(&format!("Trying to pull {r}...")),
            PullEvent::BlobStart {
                digest,
                config: false,
                ..
            } => Self::line(&format!("Copying blob {digest}")),
            PullEvent::BlobStart {
                digest,
                config: true,
                ..
            } => Self::line(&format!("Copying config {digest}")),
            PullEvent::BlobExists { digest, config } => {
                let what = if *config { "config" } else { "blob" };
                Self::line(&format!(
                    "Copying {what} {} skipped: already exists",
                    short(digest)
                ))
            }
            PullEvent::BlobDone { digest } => Self::line(&format!("Copied {} done", short(digest))),
            PullEvent::BlobProgress { .. } => {}
            PullEvent::WritingManifest => Self::line("Writing manifest to image destination"),
            PullEvent::Warning(w) => Self::line(&format!("WARN[0000] {w}")),
        }
    }
}

/// One bar per blob.
pub struct Bars {
    multi: MultiProgress,
    bars: Mutex<HashMap<Digest, ProgressBar>>,
}

impl Bars {
    fn new() -> Bars {
        Bars {
            multi: MultiProgress::with_draw_target(ProgressDrawTarget::stderr()),
            bars: Mutex::new(HashMap::new()),
        }
    }

    fn style() -> ProgressStyle {
        ProgressStyle::with_template(
            "{prefix} {bar:30} {bytes}/{total_bytes} {binary_bytes_per_sec} {msg}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar())
    }
}

impl Progress for Bars {
    fn event(&self, event: &PullEvent) {
        let Ok(mut bars) = self.bars.lock() else {
            return;
        };
        match event {
            PullEvent::Trying(r) => {
                let _ = self.multi.println(format!("Trying to pull {r}..."));
            }
            PullEvent::BlobStart {
                digest,
                size,
                config,
            } => {
                let bar = self.multi.add(ProgressBar::new(*size));
                bar.set_style(Self::style());
                let what = if *config { "config" } else { "blob" };
                bar.set_prefix(format!("Copying {what} {}", short(digest)));
                bars.insert(digest.clone(), bar);
            }
            PullEvent::BlobProgress { digest, done } => {
                if let Some(bar) = bars.get(digest) {
                    bar.set_position(*done);
                }
            }
            PullEvent::BlobDone { digest } => {
                if let Some(bar) = bars.get(digest) {
                    bar.finish_with_message("done");
                }
            }
            PullEvent::BlobExists { digest, config } => {
                let what = if *config { "config" } else { "blob" };
                let _ = self.multi.println(format!(
                    "Copying {what} {} skipped: already exists",
                    short(digest)
                ));
            }
            PullEvent::WritingManifest => {
                let _ = self.multi.println("Writing manifest to image destination");
            }
            PullEvent::Warning(w) => {
                let _ = self.multi.println(format!("WARN[0000] {w}"));
            }
        }
    }
}
