//! Unpacking layers while they download: one helper process in the user namespace,
//! started before the pull's I/O threads, unpacks every layer it is handed as the
//! bytes arrive, a thread per layer.
//!
//! The parent talks to it over a `SOCK_SEQPACKET` socket pair. For each layer it
//! creates a pipe, keeps the write end (the download copies each chunk into it) and
//! sends the read end with a `B` message. When the blob is complete the parent closes
//! its end and sends its verdict (`V`): only a blob whose digest verified is committed;
//! the helper unpacks into a temp directory and renames it into place only then. The
//! helper answers each layer with `R`. Messages are one line of text each:
//!
//! ```text
//! parent → helper   B <id> <chain-id> <diff-id> <none|gzip|zstd> <blob-digest> [<lower-chain-id>...]
//!                                                           (+ the pipe's read end)
//!                   V <id> <1|0>
//! helper → parent   R <id> ok | R <id> err <message>
//! ```
//!
//! The lower chain IDs (nearest first) let the helper check the layer against the
//! layers below it before committing it. A layer whose check needs lower layers that
//! are not in place yet (they are still downloading, or were not streamed) is
//! discarded and answered `ok`: the unpack after the pull, which commits bottom-up,
//! unpacks it again from its verified blob.
//!
//! When the parent closes its socket the helper discards every layer not yet
//! committed and exits; a pull killed outright leaves temp directories that the next
//! unpack removes ([`LayerStore::clean_stale_temp`]).

use std::collections::HashMap;
use std::io::{IoSlice, IoSliceMut};
use std::mem::MaybeUninit;
use std::os::fd::{AsFd, AsRawFd, OwnedFd};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{mpsc, Arc, Mutex};

use coracle_storage::layers::LayerStore;
use coracle_storage::unpack::{Compression, UnpackOptions};
use coracle_storage::{Digest, Store};
use rustix::net::{
    AddressFamily, RecvAncillaryBuffer, RecvAncillaryMessage, RecvFlags, SendAncillaryBuffer,
    SendAncillaryMessage, SendFlags, SocketFlags, SocketType,
};
use tokio::sync::oneshot;

use crate::error::{Result, RuntimeError};
use crate::fs::layers::{compression_of, unpack_checked, unpack_options, UnpackedLayer};
use crate::ids::idmap::UserNsPlan;
use crate::ids::userns::{spawn_in_userns, UserNsChild};

/// Largest message: a `B` with the chain IDs of up to 500 lower layers (overlayfs
/// stacks no more), or an error text.
const MAX_MESSAGE: usize = 64 * 1024;

type Replies = Arc<Mutex<HashMap<u32, oneshot::Sender<std::result::Result<(), String>>>>>;

/// The parent's handle on the unpack helper. Must be created while the process is
/// single-threaded (before the pull's I/O runtime starts); [`StreamingUnpacker::finish`]
/// (or drop) stops the helper.
pub struct StreamingUnpacker {
    socket: Arc<OwnedFd>,
    layer_store: LayerStore,
    next_id: AtomicU32,
    replies: Replies,
    reader: Option<std::thread::JoinHandle<()>>,
    child: Option<UserNsChild>,
}

/// One layer being streamed: write the compressed bytes into `input`, close it, then
/// send the verdict.
pub struct LayerStream {
    /// The pipe the helper unpacks from (close-on-exec).
    pub input: OwnedFd,
    /// Sends whether the blob verified and waits for the helper's answer.
    pub verdict: Verdict,
}

/// The end of one layer: see [`Verdict::send`].
pub struct Verdict {
    id: u32,
    socket: Arc<OwnedFd>,
    reply: oneshot::Receiver<std::result::Result<(), String>>,
}

impl Verdict {
    /// Tell the helper whether the blob verified (`true`: commit the unpacked layer;
    /// `false`: discard it), after closing the layer's input, and wait for its answer:
    /// `Ok` when the layer is in place, else why not (an unpack failure is reported
    /// even when the verdict was `true`).
    pub async fn send(self, verified: bool) -> std::result::Result<(), String> {
        let message = format!("V {} {}", self.id, u8::from(verified));
        let sent = send_message(&self.socket, message.as_bytes(), None);
        match self.reply.await {
            Ok(result) => result,
            Err(_) => Err(match sent {
                Err(e) => format!("the unpack helper is gone: {e}"),
                Ok(()) => "the unpack helper exited before it finished the layer".into(),
            }),
        }
    }
}

impl StreamingUnpacker {
    /// Start the helper (in the rootless user namespace of `plan`, or a plain child
    /// process as root). The process must be single-threaded.
    pub fn start(
        store: &Store,
        plan: Option<&UserNsPlan>,
        ignore_chown_errors: bool,
    ) -> Result<StreamingUnpacker> {
        let layer_store =
            LayerStore::new(&store.root).map_err(|e| RuntimeError::Start(e.to_string()))?;
        let (parent_end, child_end) = rustix::net::socketpair(
            AddressFamily::UNIX,
            SocketType::SEQPACKET,
            SocketFlags::CLOEXEC,
            None,
        )
        .map_err(|e| RuntimeError::Start(format!("create the unpack socket: {e}")))?;
        let opts = unpack_options(plan.is_some(), ignore_chown_errors);
        let helper_store = layer_store.clone();
        let parent_fd = parent_end.as_raw_fd();
        // The closure (and with it the parent's copy of `child_end`) is dropped in the
        // parent when spawn_in_userns returns.
        let child = spawn_in_userns(plan, move || {
            // SAFETY: in the child, the inherited copy of the parent's end is owned by
            // nothing that will ever run its destructor (the child leaves through
            // _exit); closing it lets the helper see end-of-stream if the parent dies.
            unsafe { libc::close(parent_fd) };
            serve(&child_end, &helper_store, &opts);
            Ok(())
        })?;
        let socket = Arc::new(parent_end);
        let replies: Replies = Arc::default();
        let reader = {
            let socket = socket.clone();
            let replies = replies.clone();
            std::thread::Builder::new()
                .name("unpack-replies".into())
                .spawn(move || read_replies(&socket, &replies))
                .map_err(|e| RuntimeError::Start(format!("start a thread: {e}")))?
        };
        Ok(StreamingUnpacker {
            socket,
            layer_store,
            next_id: AtomicU32::new(1),
            replies,
            reader: Some(reader),
            child: Some(child),
        })
    }

    /// Hand a layer (blob `digest`) to the helper: `None` when it is already
    /// unpacked. `lower` lists the chain IDs of the layers below it, nearest first.
    pub fn begin(
        &self,
        digest: &Digest,
        chain_id: &Digest,
        lower: &[Digest],
        diff_id: &Digest,
        media_type: &str,
    ) -> Result<Option<LayerStream>> {
        if self.layer_store.contains(chain_id) {
            return Ok(None);
        }
        let compression = match compression_of(media_type) {
            Compression::None => "none",
            Compression::Gzip => "gzip",
            Compression::Zstd => "zstd",
        };
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let mut message = format!("B {id} {} {diff_id} {compression} {digest}", chain_id.hex());
        for c in lower {
            message.push(' ');
            message.push_str(c.hex());
        }
        if message.len() > MAX_MESSAGE {
            return Err(RuntimeError::Start(format!(
                "the image has {} layers, more than overlayfs can stack",
                lower.len() + 1
            )));
        }
        let (read_end, write_end) =
            crate::sys::pipe().map_err(|e| RuntimeError::Start(format!("create a pipe: {e}")))?;
        let (tx, rx) = oneshot::channel();
        self.replies
            .lock()
            .map_err(|_| RuntimeError::Start("unpack reply table poisoned".into()))?
            .insert(id, tx);
        send_message(&self.socket, message.as_bytes(), Some(&read_end))
            .map_err(|e| RuntimeError::Start(format!("hand a layer to the unpack helper: {e}")))?;
        Ok(Some(LayerStream {
            input: write_end,
            verdict: Verdict {
                id,
                socket: self.socket.clone(),
                reply: rx,
            },
        }))
    }

    /// Stop the helper (it discards layers without a verdict) and wait for it. Leaves
    /// the process with no thread of this module running.
    pub fn finish(mut self) -> Result<()> {
        self.stop()
    }

    fn stop(&mut self) -> Result<()> {
        let _ = rustix::net::shutdown(&*self.socket, rustix::net::Shutdown::Write);
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
        match self.child.take() {
            Some(child) => child.wait(),
            None => Ok(()),
        }
    }
}

impl Drop for StreamingUnpacker {
    fn drop(&mut self) {
        let _ = self.stop();
    }
}

/// Send one message, with at most one fd attached.
fn send_message(socket: &OwnedFd, text: &[u8], fd: Option<&OwnedFd>) -> std::io::Result<()> {
    let mut space = [MaybeUninit::uninit(); rustix::cmsg_space!(ScmRights(1))];
    let mut control = SendAncillaryBuffer::new(&mut space);
    let fds;
    if let Some(fd) = fd {
        fds = [fd.as_fd()];
        control.push(SendAncillaryMessage::ScmRights(&fds));
    }
    rustix::net::sendmsg(
        socket,
        &[IoSlice::new(text)],
        &mut control,
        SendFlags::NOSIGNAL,
    )?;
    Ok(())
}

/// Receive one message and the fd attached to it, if any; `None` at end of stream.
fn receive_message(socket: &OwnedFd) -> std::io::Result<Option<(String, Option<OwnedFd>)>> {
    let mut buf = vec![0u8; MAX_MESSAGE];
    let mut space = [MaybeUninit::uninit(); rustix::cmsg_space!(ScmRights(1))];
    let mut control = RecvAncillaryBuffer::new(&mut space);
    let received = loop {
        match rustix::net::recvmsg(
            socket,
            &mut [IoSliceMut::new(&mut buf)],
            &mut control,
            RecvFlags::CMSG_CLOEXEC,
        ) {
            Err(rustix::io::Errno::INTR) => continue,
            other => break other?,
        }
    };
    let mut fd = None;
    for message in control.drain() {
        if let RecvAncillaryMessage::ScmRights(fds) = message {
            for received_fd in fds {
                fd.get_or_insert(received_fd);
            }
        }
    }
    if received.bytes == 0 {
        return Ok(None);
    }
    let text = String::from_utf8_lossy(&buf[..received.bytes]).into_owned();
    Ok(Some((text, fd)))
}

/// Parent side: route the helper's answers to the waiting layers until it exits,
/// then fail whatever still waits.
fn read_replies(socket: &OwnedFd, replies: &Replies) {
    while let Ok(Some((text, _))) = receive_message(socket) {
        let mut parts = text.splitn(4, ' ');
        let (Some("R"), Some(id), Some(outcome)) = (parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        let Ok(id) = id.parse::<u32>() else { continue };
        let result = match outcome {
            "ok" => Ok(()),
            _ => Err(parts.next().unwrap_or("unpack failed").to_string()),
        };
        if let Some(tx) = replies.lock().ok().and_then(|mut r| r.remove(&id)) {
            let _ = tx.send(result);
        }
    }
    if let Ok(mut r) = replies.lock() {
        r.clear();
    }
}

/// One `B` message.
struct Begin {
    id: u32,
    chain_id: Digest,
    diff_id: Digest,
    compression: Compression,
    digest: Digest,
    lower: Vec<Digest>,
}

fn parse_begin(text: &str) -> Option<Begin> {
    let chain = |hex: &str| Digest::parse(&format!("sha256:{hex}")).ok();
    let mut f = text.split(' ');
    if f.next()? != "B" {
        return None;
    }
    let id = f.next()?.parse().ok()?;
    let chain_id = chain(f.next()?)?;
    let diff_id = Digest::parse(f.next()?).ok()?;
    let compression = match f.next()? {
        "gzip" => Compression::Gzip,
        "zstd" => Compression::Zstd,
        _ => Compression::None,
    };
    let digest = Digest::parse(f.next()?).ok()?;
    let lower = f.map(chain).collect::<Option<Vec<_>>>()?;
    Some(Begin {
        id,
        chain_id,
        diff_id,
        compression,
        digest,
        lower,
    })
}

fn parse_verdict(text: &str) -> Option<(u32, bool)> {
    let mut f = text.split(' ');
    if f.next()? != "V" {
        return None;
    }
    let id = f.next()?.parse().ok()?;
    Some((id, f.next()? == "1"))
}

/// Helper side: serve until the parent closes the socket.
fn serve(socket: &OwnedFd, layer_store: &LayerStore, opts: &UnpackOptions) {
    // Leftovers of pulls killed while unpacking.
    let _ = layer_store.clean_stale_temp();
    std::thread::scope(|scope| {
        let mut verdicts: HashMap<u32, mpsc::Sender<bool>> = HashMap::new();
        while let Ok(Some((text, fd))) = receive_message(socket) {
            if let Some((id, verified)) = parse_verdict(&text) {
                if let Some(tx) = verdicts.remove(&id) {
                    let _ = tx.send(verified);
                }
                continue;
            }
            let (Some(begin), Some(input)) = (parse_begin(&text), fd) else {
                continue;
            };
            let (tx, rx) = mpsc::channel();
            verdicts.insert(begin.id, tx);
            scope.spawn(move || {
                let id = begin.id;
                let reply = match unpack_layer(layer_store, begin, input, &rx, opts) {
                    Ok(()) => format!("R {id} ok"),
                    Err(e) => format!("R {id} err {e}"),
                };
                let _ = send_message(socket, truncate(&reply).as_bytes(), None);
            });
        }
        // Layers still waiting for a verdict see the channel close and discard.
        drop(verdicts);
    });
}

/// Helper side, one layer: unpack from the pipe, then commit or discard on the verdict.
fn unpack_layer(
    layer_store: &LayerStore,
    begin: Begin,
    input: OwnedFd,
    verdict: &mpsc::Receiver<bool>,
    opts: &UnpackOptions,
) -> std::result::Result<(), String> {
    let temp = layer_store
        .temp_dir(&begin.chain_id)
        .map_err(|e| e.to_string())?;
    let reader = std::io::BufReader::with_capacity(1 << 20, std::fs::File::from(input));
    let layer = UnpackedLayer {
        digest: &begin.digest,
        chain_id: &begin.chain_id,
        lower: &begin.lower,
    };
    let result = unpack_checked(reader, begin.compression, &begin.diff_id, &temp, opts)
        .and_then(|stats| match verdict.recv() {
            Ok(true) => Ok(stats),
            _ => Err("the download did not complete".into()),
        })
        .and_then(|stats| {
            if layer.checkable(layer_store, &stats) {
                layer.commit(layer_store, &temp, &stats, opts)
            } else {
                // Left to the unpack after the pull (see the module's documentation).
                let _ = std::fs::remove_dir_all(&temp);
                Ok(())
            }
        });
    if result.is_err() && temp.exists() {
        let _ = std::fs::remove_dir_all(&temp);
    }
    result
}

/// Keep a reply inside one message.
fn truncate(text: &str) -> &str {
    if text.len() <= MAX_MESSAGE {
        return text;
    }
    let mut end = MAX_MESSAGE;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_parse() {
        let chain = Digest::of_bytes(b"c");
        let diff = Digest::of_bytes(b"d");
        let blob = Digest::of_bytes(b"b");
        let lower = [Digest::of_bytes(b"l1"), Digest::of_bytes(b"l2")];
        let b = parse_begin(&format!(
            "B 7 {} {diff} zstd {blob} {} {}",
            chain.hex(),
            lower[0].hex(),
            lower[1].hex()
        ))
        .unwrap();
        assert_eq!(b.id, 7);
        assert_eq!(b.chain_id, chain);
        assert_eq!(b.diff_id, diff);
        assert!(matches!(b.compression, Compression::Zstd));
        assert_eq!(b.digest, blob);
        assert_eq!(b.lower, lower);
        let base = parse_begin(&format!("B 1 {} {diff} gzip {blob}", chain.hex())).unwrap();
        assert!(base.lower.is_empty());
        assert!(parse_begin(&format!("B 1 {} {diff} gzip {blob} zz", chain.hex())).is_none());
        assert!(parse_begin(&format!("B 1 {} {diff} gzip", chain.hex())).is_none());
        assert!(parse_begin("B x y z gzip").is_none());
        assert!(parse_begin("V 1 1").is_none());
        assert_eq!(parse_verdict("V 3 1"), Some((3, true)));
        assert_eq!(parse_verdict("V 3 0"), Some((3, false)));
        assert_eq!(parse_verdict("B 3 0"), None);
    }

    #[test]
    fn long_replies_are_cut_on_a_char_boundary() {
        let long = "é".repeat(MAX_MESSAGE);
        let cut = truncate(&long);
        assert!(cut.len() <= MAX_MESSAGE);
        assert!(cut.len() >= MAX_MESSAGE - 1);
    }
}
