//! The foreground run's own bookkeeping, as the unprivileged user: a `--rm` run
//! records its whole life and leaves nothing, and a foreground container stopped
//! from another process has the exit code it really ended with recorded.

use std::time::{Duration, Instant};

use crate::lifecycle::{inspect, stdout};
use crate::monitor::{assert_no_container_left, run_foreground};
use crate::run::with_image;

#[test]
fn a_foreground_rm_run_records_its_life_and_leaves_nothing() {
    let (sb, img) = with_image("runrm-life", "busybox");
    sb.coracle(&[
        "run",
        "--rm",
        "--network",
        "none",
        "--name",
        "gone",
        &img,
        "sh",
        "-c",
        "exit 3",
    ])
    .code(3);
    let events = stdout(
        &sb,
        &[
            "events",
            "--since",
            "1m",
            "--stream=false",
            "--filter",
            "container=gone",
            "--format",
            "{{.Status}} {{.ContainerExitCode}}",
        ],
    );
    let statuses: Vec<&str> = events
        .lines()
        .map(|l| l.split_whitespace().next().unwrap_or(""))
        .collect();
    assert_eq!(
        statuses,
        ["create", "init", "start", "died", "remove"],
        "events: {events}"
    );
    assert!(
        events.lines().any(|l| l == "died 3"),
        "the died event carries the exit code: {events}"
    );
    assert_no_container_left(&sb);
}

#[test]
fn stop_of_a_foreground_container_records_the_code_it_ended_with() {
    let (sb, img) = with_image("runrm-stop", "busybox");
    // The container ends with 7 on SIGTERM: only its exit code, which the foreground
    // run leaves in the exit file for the `stop` holding the lock, says so (without
    // it `stop` would wait and record 143, the signal's code).
    let script = "trap 'exit 7' TERM; while :; do sleep 0.1; done";
    let mut foreground = run_foreground(&sb, "fg", &[&img, "sh", "-c", script]);
    let started = Instant::now();
    sb.coracle(&["stop", "fg"]).success();
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "stop waited {:?} for the exit code",
        started.elapsed()
    );
    let status = foreground.wait().unwrap();
    assert_eq!(
        status.code(),
        Some(7),
        "the foreground run ended with {status}"
    );
    assert_eq!(inspect(&sb, "fg", "{{.State.ExitCode}}"), "7");
    sb.coracle(&["rm", "fg"]).success();
    assert_no_container_left(&sb);
}
