//! A container process cloned before its spec is known, so that its ids are mapped
//! while the caller opens the store and works the spec out.
//!
//! A rootless container's user namespace is mapped by `newuidmap` and `newgidmap`,
//! setuid programs whose start and run take milliseconds on two cores, and until
//! then the caller only waits. Cloned first ([`EarlyStart::begin`], from the flags
//! alone), the container process gets its user namespace and its mapping helpers
//! run while the caller opens the store, finds the image and plans the container;
//! then the spec travels to the waiting process as JSON ([`start`]) and the start
//! goes on as [`container::start_with`] does. A spec that does not fit the process
//! (another mapping, a joined namespace, another set of namespaces or streams) is
//! started the plain way, and the early process is killed; so is one never used
//! (dropped). Before the spec arrives the process holds nothing but its new user
//! and empty namespaces, and it ends with the caller (parent-death signal, and
//! end-of-file on the pipe the spec would come through).

use std::io::{Read, Write};
use std::os::fd::OwnedFd;

use crate::error::{Result, RuntimeError};
use crate::ids::idmap::{self, MappingHelpers, UserNsPlan};
use crate::process::container::{
    self, ContainerSpec, ParentStreams, StartStage, Started, TAG_SETUP,
};
use crate::process::exitcode;
use crate::process::teardown::MountNamespaceHold;
use crate::sys;

/// A container process cloned into a new user namespace (and a new PID namespace
/// when asked), its ids being mapped, waiting for its spec.
pub struct EarlyStart {
    inner: Option<Waiting>,
}

/// The parent's side of a waiting early process.
struct Waiting {
    pid: i32,
    plan: UserNsPlan,
    new: libc::c_int,
    tty: bool,
    interactive: bool,
    spec_w: OwnedFd,
    sync_w: OwnedFd,
    report_r: OwnedFd,
    streams: ParentStreams,
    helpers: MappingHelpers,
    mount_ns: Option<MountNamespaceHold>,
}

impl EarlyStart {
    /// Clone the container process for a rootless container mapped by `plan` (which
    /// needs the helpers), whose new namespaces besides the user namespace are
    /// `new` (`CLONE_NEW*` flags), with the streams `tty` and `interactive` ask for,
    /// and start its mapping helpers. The caller must be single-threaded.
    pub fn begin(
        plan: &UserNsPlan,
        new: libc::c_int,
        tty: bool,
        interactive: bool,
    ) -> Result<EarlyStart> {
        if !idmap::needs_helpers(plan) {
            return Err(RuntimeError::Start(
                "internal error: an early start is for mappings made by the helpers".into(),
            ));
        }
        container::require_single_threaded()?;
        let pipe = || sys::pipe().map_err(|e| RuntimeError::Start(format!("create pipe: {e}")));
        let (sync_r, sync_w) = pipe()?;
        let (report_r, report_w) = pipe()?;
        let (spec_r, spec_w) = pipe()?;
        let (streams, child_streams) = container::streams(tty, interactive)?;
        let all = libc::CLONE_NEWUSER | libc::CLONE_NEWNS | (new & !libc::CLONE_NEWCGROUP);
        // Every namespace in the clone: unlike a plain start's child (see
        // `container::start_with`), this one would make the others only once it had a
        // core, and on two cores that came late (0.7-0.9 ms more per `run --rm` in
        // alternating rounds).
        let pid = sys::clone_into_namespaces(all)
            .map_err(|e| RuntimeError::Start(format!("clone into new namespaces: {e}")))?;
        if pid == 0 {
            drop((sync_w, report_r, spec_w, streams));
            let _ = sys::die_with_parent();
            wait_for_spec(spec_r, sync_r, report_w, child_streams)
        }
        drop((sync_r, report_w, spec_r, child_streams));
        let helpers = MappingHelpers::spawn(pid, plan);
        // Its mount namespace is the clone's: held from now on, so that the
        // container's exit need not tear it down (see `teardown`).
        let mount_ns = MountNamespaceHold::of(pid);
        Ok(EarlyStart {
            inner: Some(Waiting {
                pid,
                plan: plan.clone(),
                new,
                tty,
                interactive,
                spec_w,
                sync_w,
                report_r,
                streams,
                helpers,
                mount_ns,
            }),
        })
    }

    /// Whether `spec` can be started in this process: the same mapping, nothing
    /// joined, the same new namespaces and streams.
    pub fn fits(&self, spec: &ContainerSpec) -> bool {
        self.inner.as_ref().is_some_and(|w| {
            spec.userns.as_ref() == Some(&w.plan)
                && spec.namespaces.joins.is_empty()
                && spec.namespaces.user.is_none()
                && spec.namespaces.new == w.new
                && spec.tty == w.tty
                && spec.interactive == w.interactive
        })
    }

    /// The waiting process when `spec` fits it; otherwise None, and the process is
    /// killed (dropped) here.
    fn take_if_fits(mut self, spec: &ContainerSpec) -> Option<Waiting> {
        if self.fits(spec) {
            self.inner.take()
        } else {
            None
        }
    }
}

impl Drop for EarlyStart {
    /// An early process never given a spec is killed, and its helpers waited for.
    fn drop(&mut self) {
        if let Some(w) = self.inner.take() {
            sys::kill(w.pid, libc::SIGKILL);
            let _ = sys::wait_pid(w.pid);
            let _ = w.helpers.finish();
        }
    }
}

/// Start the container of `spec` in `early`'s process when it fits, else the plain
/// way ([`container::start_with`], `early` killed first); `beside` as there.
pub fn start(
    early: Option<EarlyStart>,
    spec: &ContainerSpec,
    beside: &mut dyn FnMut(i32, StartStage) -> Result<()>,
) -> Result<Started> {
    match early.and_then(|early| early.take_if_fits(spec)) {
        Some(waiting) => finish(waiting, spec, beside),
        None => container::start_with(spec, beside),
    }
}

/// Send `spec` to the waiting process and go on as a plain start does once the
/// helpers run: the caller's forwarded signals are blocked from here on, as a plain
/// start blocks them before its clone.
fn finish(
    w: Waiting,
    spec: &ContainerSpec,
    beside: &mut dyn FnMut(i32, StartStage) -> Result<()>,
) -> Result<Started> {
    let Waiting {
        pid,
        spec_w,
        sync_w,
        report_r,
        streams,
        helpers,
        mount_ns,
        ..
    } = w;
    let give_up = |e: RuntimeError, old_mask: Option<&crate::process::signals::SigMask>| {
        sys::kill(pid, libc::SIGKILL);
        let _ = sys::wait_pid(pid);
        if let Some(mask) = old_mask {
            let _ = crate::process::signals::restore_mask(mask);
        }
        if let Some(planned) = &spec.cgroup {
            let _ = planned.cgroup.remove();
        }
        e
    };
    // As a plain start: what came before (a pull's I/O threads) has ended, so that
    // the forks that follow (a fuse-overlayfs, the removal's child) are safe.
    let blocked = container::require_single_threaded()
        .and_then(|()| crate::process::signals::block_forwarded());
    let old_mask = match blocked {
        Ok(mask) => mask,
        Err(e) => {
            let e = give_up(e, None);
            let _ = helpers.finish();
            return Err(e);
        }
    };
    // A child that ended already (its report says why) leaves the write failing:
    // the handshake below reads its report.
    let sent = serde_json::to_vec(spec)
        .map_err(|e| RuntimeError::Start(format!("internal error: encode the spec: {e}")))
        .map(|json| {
            let _ = std::fs::File::from(spec_w).write_all(&json);
        });
    let meanwhile = sent.and_then(|()| beside(pid, StartStage::Mapping));
    let mapped = meanwhile.and(helpers.finish());
    let started = mapped.and_then(|()| {
        container::release_mapped(pid, spec, sync_w, report_r, None, streams, beside)
    });
    match started {
        Ok((streams, fuse)) => Ok(Started {
            pid,
            streams,
            old_mask,
            _fuse: fuse,
            mount_ns,
        }),
        Err(e) => Err(give_up(e, Some(&old_mask))),
    }
}

/// Child side of an early start: read the spec (end-of-file without one: the caller
/// gave up, leave) and go on as any container process ([`container::child`], which
/// sets the new namespaces up: hostname, loopback).
fn wait_for_spec(
    spec: OwnedFd,
    sync: OwnedFd,
    report: OwnedFd,
    streams: container::ChildStreams,
) -> ! {
    let mut json = Vec::new();
    let _ = std::fs::File::from(spec).read_to_end(&mut json);
    if json.is_empty() {
        sys::exit_now(exitcode::RUNTIME_ERROR);
    }
    let spec: ContainerSpec = match serde_json::from_slice(&json) {
        Ok(spec) => spec,
        Err(e) => container::fail(
            &report,
            TAG_SETUP,
            &format!("internal error: decode the spec: {e}"),
        ),
    };
    container::child(&spec, 0, sync, report, streams)
}
