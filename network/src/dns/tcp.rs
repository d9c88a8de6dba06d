//! The resolver over TCP (RFC 1035 §4.2.2: each message after a two-byte length),
//! which stub resolvers use when a UDP answer came back truncated: the same answers
//! as over UDP, and forwarded questions relayed to the upstreams over TCP. Bounded:
//! at most [`MAX_CONNECTIONS`] connections, each idle at most [`IDLE_TIMEOUT`].

use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use crate::dns::packet;
use crate::dns::server::{reply_to, InFlight, Reply, State, PLAN_INTERVAL, UPSTREAM_TIMEOUT};

/// Most TCP connections served at once; more are closed at once.
const MAX_CONNECTIONS: usize = 32;
/// How long a connection may stay silent.
const IDLE_TIMEOUT: Duration = Duration::from_secs(5);
/// How often a listener with nothing to accept looks at its stop flag.
const ACCEPT_POLL: Duration = Duration::from_millis(100);

/// One length-prefixed message; `None` at a clean end of the stream.
fn read_message(stream: &mut impl Read) -> io::Result<Option<Vec<u8>>> {
    let mut len = [0u8; 2];
    match stream.read_exact(&mut len) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(e) => return Err(e),
    }
    // The length is two bytes: a message is at most 65535 bytes.
    let mut message = vec![0u8; usize::from(u16::from_be_bytes(len))];
    stream.read_exact(&mut message)?;
    Ok(Some(message))
}

/// Write one length-prefixed message (longer ones cannot be sent over DNS/TCP).
fn write_message(stream: &mut impl Write, message: &[u8]) -> io::Result<()> {
    let len = u16::try_from(message.len())
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "DNS message over 65535 bytes"))?;
    stream.write_all(&len.to_be_bytes())?;
    stream.write_all(message)
}

/// Ask the upstreams over TCP in turn; the first answer with the query's id.
fn ask_upstreams(query: &[u8], upstreams: &[SocketAddr]) -> Option<Vec<u8>> {
    let id = packet::message_id(query)?;
    upstreams.iter().find_map(|upstream| {
        let mut stream = TcpStream::connect_timeout(upstream, UPSTREAM_TIMEOUT).ok()?;
        stream.set_read_timeout(Some(UPSTREAM_TIMEOUT)).ok()?;
        stream.set_write_timeout(Some(UPSTREAM_TIMEOUT)).ok()?;
        write_message(&mut stream, query).ok()?;
        let reply = read_message(&mut stream).ok()??;
        (packet::message_id(&reply) == Some(id)).then_some(reply)
    })
}

/// Answer the messages of one connection until it ends, idles or sends junk.
fn serve_connection(mut stream: TcpStream, network: &str, state: &State) -> io::Result<()> {
    let client = stream.peer_addr()?.ip();
    stream.set_nonblocking(false)?;
    stream.set_read_timeout(Some(IDLE_TIMEOUT))?;
    stream.set_write_timeout(Some(IDLE_TIMEOUT))?;
    while let Some(query) = read_message(&mut stream)? {
        let reply = match reply_to(&query, network, client, state) {
            Reply::Local(reply) => reply,
            Reply::Forward => match ask_upstreams(&query, &state.resolver.upstreams) {
                Some(reply) => reply,
                None => return Ok(()),
            },
            Reply::Drop => return Ok(()),
        };
        write_message(&mut stream, &reply)?;
    }
    Ok(())
}

/// Accept connections on `listener` for `network` until `stop` is set.
pub(crate) fn serve_tcp(
    listener: TcpListener,
    network: String,
    state: Arc<State>,
    stop: Arc<AtomicBool>,
) {
    if listener.set_nonblocking(true).is_err() {
        return;
    }
    let open = Arc::new(AtomicUsize::new(0));
    let network = Arc::new(network);
    while !stop.load(Ordering::Relaxed) {
        let Ok((stream, _)) = listener.accept() else {
            thread::sleep(ACCEPT_POLL.min(PLAN_INTERVAL));
            continue;
        };
        // Over the limit, the connection is closed as it is dropped.
        let Some(slot) = InFlight::take(&open, MAX_CONNECTIONS) else {
            continue;
        };
        let (network, state) = (network.clone(), state.clone());
        let _ = thread::Builder::new()
            .name("dns-tcp-conn".into())
            .spawn(move || {
                let _slot = slot;
                let _ = serve_connection(stream, &network, &state);
            });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_length_prefixed_and_bounded() {
        let mut wire = Vec::new();
        write_message(&mut wire, b"abc").unwrap();
        assert_eq!(wire, [0, 3, b'a', b'b', b'c']);
        let mut reader = &wire[..];
        assert_eq!(read_message(&mut reader).unwrap(), Some(b"abc".to_vec()));
        assert_eq!(read_message(&mut reader).unwrap(), None);
        // A length promising more than the stream holds is an error, not a hang.
        let mut short: &[u8] = &[0, 9, 1, 2];
        assert!(read_message(&mut short).is_err());
        assert!(write_message(&mut Vec::new(), &vec![0u8; 70_000]).is_err());
    }
}
