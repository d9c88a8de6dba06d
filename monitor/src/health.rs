//! Periodic health checks: the monitor starts the health command (`coracle
//! healthcheck run ID`, which runs the check in the container and records the
//! result) every interval, one at a time: a check still running when the next is due
//! is left to finish, and the next one starts after it.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A command run every `every`.
#[derive(Debug)]
pub struct Periodic {
    every: Duration,
    next: Instant,
    command: Vec<String>,
    running: Option<Child>,
}

impl Periodic {
    /// The first run is one interval from now (as Podman's timer).
    pub fn new(every: Duration, command: Vec<String>) -> Self {
        Periodic {
            every,
            next: Instant::now() + every,
            command,
            running: None,
        }
    }

    /// When the next run is due.
    pub fn next(&self) -> Instant {
        self.next
    }

    /// Reap a finished run; start one when it is due and none is running.
    pub fn run_if_due(&mut self) {
        if let Some(child) = &mut self.running {
            match child.try_wait() {
                Ok(None) => return,
                Ok(Some(_)) | Err(_) => self.running = None,
            }
        }
        let now = Instant::now();
        if now < self.next {
            return;
        }
        self.next = now + self.every;
        let Some((program, args)) = self.command.split_first() else {
            return;
        };
        // A check that cannot start is recorded by nothing: the next try follows.
        self.running = Command::new(program)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .ok();
    }

    /// The container ended: stop a check still running and reap it.
    pub fn end(&mut self) {
        if let Some(mut child) = self.running.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_each_interval_one_at_a_time() {
        let dir = tempfile::tempdir().unwrap();
        let marks = dir.path().join("marks");
        let script = format!("echo x >> {}", marks.display());
        let mut job = Periodic::new(
            Duration::from_millis(50),
            vec!["/bin/sh".into(), "-c".into(), script],
        );
        job.run_if_due();
        assert!(!marks.exists(), "nothing before the first interval");
        let until = Instant::now() + Duration::from_millis(400);
        while Instant::now() < until {
            job.run_if_due();
            std::thread::sleep(Duration::from_millis(10));
        }
        job.end();
        let runs = std::fs::read_to_string(&marks).unwrap().lines().count();
        assert!((3..=9).contains(&runs), "{runs} runs in 400 ms at 50 ms");
    }

    #[test]
    fn a_slow_check_is_not_started_twice() {
        let mut job = Periodic::new(
            Duration::from_millis(1),
            vec!["/bin/sleep".into(), "5".into()],
        );
        std::thread::sleep(Duration::from_millis(5));
        job.run_if_due();
        let first = job.running.as_ref().map(|c| c.id());
        std::thread::sleep(Duration::from_millis(5));
        job.run_if_due();
        assert_eq!(job.running.as_ref().map(|c| c.id()), first);
        job.end();
        assert!(job.running.is_none());
    }
}
