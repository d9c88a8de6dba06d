//! Decompression and the diff-ID hash on a thread of their own, so that inflating and
//! hashing a layer overlap with the file-system calls that write it out (what
//! `tar -xz` gets from running gzip as a separate process).
//!
//! [`spawn`] starts the producer in a thread scope and returns the consumer's end, a
//! [`ChunkReader`]; the producer hands over chunks of the decompressed stream through a
//! bounded channel, so at most [`CHUNKS_IN_FLIGHT`] × [`CHUNK`] bytes wait in memory.

use std::io::{self, Read};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::thread::{Scope, ScopedJoinHandle};

use sha2::{Digest as _, Sha256};

use super::Compression;
use crate::digest::Digest;

/// Bytes per chunk handed from the producer to the unpacker.
const CHUNK: usize = 256 * 1024;

/// Chunks the producer may run ahead of the unpacker.
const CHUNKS_IN_FLIGHT: usize = 8;

/// The most the producer reads beyond what the unpacker consumed: the chunks in the
/// channel, the one it is filling and the one the unpacker is reading.
#[cfg(test)]
pub(super) const READ_AHEAD: usize = (CHUNKS_IN_FLIGHT + 2) * CHUNK;

type Chunk = io::Result<Vec<u8>>;

/// The decompressed stream, read on the unpacker's side.
pub(super) struct ChunkReader {
    chunks: Receiver<Chunk>,
    current: Vec<u8>,
    pos: usize,
}

impl Read for ChunkReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.pos == self.current.len() {
            match self.chunks.recv() {
                Ok(Ok(chunk)) => {
                    self.current = chunk;
                    self.pos = 0;
                }
                Ok(Err(e)) => return Err(e),
                // The producer is done: end of stream.
                Err(_) => return Ok(0),
            }
        }
        let n = buf.len().min(self.current.len() - self.pos);
        buf[..n].copy_from_slice(&self.current[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

/// The producer's result: the diff ID of everything it decompressed, or `None` when it
/// stopped early (the unpacker hung up, or it sent an error through the stream).
pub(super) type Producer<'scope> = ScopedJoinHandle<'scope, Option<Digest>>;

/// Start decompressing `reader` on a thread of `scope`.
pub(super) fn spawn<'scope, R: Read + Send + 'scope>(
    scope: &'scope Scope<'scope, '_>,
    reader: R,
    compression: Compression,
) -> (ChunkReader, Producer<'scope>) {
    let (tx, rx) = sync_channel(CHUNKS_IN_FLIGHT);
    let producer = scope.spawn(move || produce(reader, compression, &tx));
    let reader = ChunkReader {
        chunks: rx,
        current: Vec::new(),
        pos: 0,
    };
    (reader, producer)
}

fn produce(reader: impl Read, compression: Compression, tx: &SyncSender<Chunk>) -> Option<Digest> {
    let decompressed: Box<dyn Read> = match compression {
        Compression::None => Box::new(reader),
        Compression::Gzip => Box::new(flate2::read::MultiGzDecoder::new(reader)),
        Compression::Zstd => match zstd::stream::read::Decoder::new(reader) {
            Ok(d) => Box::new(d),
            Err(e) => {
                let _ = tx.send(Err(e));
                return None;
            }
        },
    };
    pump(decompressed, tx)
}

/// Read `input` to its end in chunks, hashing and sending each.
fn pump(mut input: impl Read, tx: &SyncSender<Chunk>) -> Option<Digest> {
    let mut hasher = Sha256::new();
    loop {
        let mut chunk = vec![0u8; CHUNK];
        let mut filled = 0;
        // Fill the chunk (decoders return small pieces) or reach the end.
        while filled < CHUNK {
            match input.read(&mut chunk[filled..]) {
                Ok(0) => break,
                Ok(n) => filled += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    let _ = tx.send(Err(e));
                    return None;
                }
            }
        }
        if filled == 0 {
            return Some(Digest::from_sha256(&hasher.finalize()));
        }
        chunk.truncate(filled);
        hasher.update(&chunk);
        if tx.send(Ok(chunk)).is_err() {
            return None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that returns its data a few bytes at a time, then an error if asked.
    struct Trickle {
        data: Vec<u8>,
        pos: usize,
        fail_at_end: bool,
    }

    impl Read for Trickle {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            if self.pos == self.data.len() {
                return if self.fail_at_end {
                    Err(io::Error::other("broken input"))
                } else {
                    Ok(0)
                };
            }
            let n = buf.len().min(7).min(self.data.len() - self.pos);
            buf[..n].copy_from_slice(&self.data[self.pos..self.pos + n]);
            self.pos += n;
            Ok(n)
        }
    }

    #[test]
    fn passes_every_byte_through_in_order_and_hashes_it() {
        let data: Vec<u8> = (0..3 * CHUNK + 123).map(|i| (i * 31 % 251) as u8).collect();
        std::thread::scope(|s| {
            let input = Trickle {
                data: data.clone(),
                pos: 0,
                fail_at_end: false,
            };
            let (mut reader, producer) = spawn(s, input, Compression::None);
            let mut out = Vec::new();
            reader.read_to_end(&mut out).unwrap();
            assert_eq!(out, data);
            assert_eq!(producer.join().unwrap(), Some(Digest::of_bytes(&data)));
        });
    }

    #[test]
    fn an_input_error_reaches_the_reader() {
        std::thread::scope(|s| {
            let input = Trickle {
                data: vec![1; 10],
                pos: 0,
                fail_at_end: true,
            };
            let (mut reader, producer) = spawn(s, input, Compression::None);
            let err = reader.read_to_end(&mut Vec::new()).unwrap_err();
            assert_eq!(err.to_string(), "broken input");
            assert_eq!(producer.join().unwrap(), None);
        });
    }

    #[test]
    fn the_producer_stops_when_the_reader_hangs_up() {
        std::thread::scope(|s| {
            let input = io::repeat(0).take(1 << 30);
            let (reader, producer) = spawn(s, input, Compression::None);
            drop(reader);
            assert_eq!(producer.join().unwrap(), None);
        });
    }
}
