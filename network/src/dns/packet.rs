//! The little of the DNS wire format (RFC 1035) the resolver needs: read the one
//! question of a query, and build an answer to it. Every length read from the
//! packet is checked against the packet; anything malformed is `None`, never a
//! panic (the `dns_packet` fuzz target holds this).

use std::net::Ipv4Addr;

/// Size of the fixed DNS header.
const HEADER: usize = 12;
/// Longest name on the wire (RFC 1035 §2.3.4).
const MAX_NAME: usize = 255;
/// Longest label.
const MAX_LABEL: usize = 63;

/// Record type A (an IPv4 address).
pub const TYPE_A: u16 = 1;
/// Class IN.
pub const CLASS_IN: u16 = 1;
/// Response code: no error.
pub const RCODE_NOERROR: u8 = 0;
/// Response code: the server could not read the query.
pub const RCODE_FORMERR: u8 = 1;
/// Response code: the name does not exist.
pub const RCODE_NXDOMAIN: u8 = 3;

/// Time to live of the answers (short: containers come and go).
const ANSWER_TTL: u32 = 60;

/// The question of a standard query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// The query's id.
    pub id: u16,
    /// Whether the client asked for recursion (copied into the answer).
    pub recursion_desired: bool,
    /// The name asked for, lowercase ASCII, without the final dot.
    pub name: String,
    /// The record type asked for.
    pub qtype: u16,
    /// The class asked for.
    pub qclass: u16,
    /// Where the question ends in the packet.
    end: usize,
}

fn u16_at(packet: &[u8], at: usize) -> Option<u16> {
    let bytes = packet.get(at..at.checked_add(2)?)?;
    Some(u16::from_be_bytes([bytes[0], bytes[1]]))
}

/// The one question of a standard query (QR clear, opcode QUERY, exactly one
/// question); `None` for anything else, malformed or not.
pub fn parse_query(packet: &[u8]) -> Option<Question> {
    if packet.len() < HEADER {
        return None;
    }
    let id = u16_at(packet, 0)?;
    let flags = u16_at(packet, 2)?;
    let is_response = flags & 0x8000 != 0;
    let opcode = (flags >> 11) & 0xf;
    if is_response || opcode != 0 || u16_at(packet, 4)? != 1 {
        return None;
    }
    let mut at = HEADER;
    let mut name = String::new();
    loop {
        let len = usize::from(*packet.get(at)?);
        at += 1;
        if len == 0 {
            break;
        }
        // A compression pointer (or the reserved 0x40/0x80 forms) has no place in
        // the question of a query.
        if len > MAX_LABEL {
            return None;
        }
        let label = packet.get(at..at + len)?;
        at += len;
        if !name.is_empty() {
            name.push('.');
        }
        if name.len() + len > MAX_NAME {
            return None;
        }
        for &b in label {
            // Only printable ASCII other than the dot can name a container; other
            // bytes are kept out of the name (it then matches nothing).
            if !b.is_ascii_graphic() || b == b'.' {
                return None;
            }
            name.push(char::from(b.to_ascii_lowercase()));
        }
    }
    let qtype = u16_at(packet, at)?;
    let qclass = u16_at(packet, at + 2)?;
    Some(Question {
        id,
        recursion_desired: flags & 0x0100 != 0,
        name,
        qtype,
        qclass,
        end: at + 4,
    })
}

/// The answer to `question` (whose packet is `query`): `rcode`, and one A record
/// per address (all under the question's name).
pub fn answer(query: &[u8], question: &Question, rcode: u8, addresses: &[Ipv4Addr]) -> Vec<u8> {
    let Some(question_bytes) = query.get(HEADER..question.end) else {
        return Vec::new();
    };
    // Answers past 32 would not fit a 512-byte reply anyway.
    let addresses = &addresses[..addresses.len().min(32)];
    let mut out = Vec::with_capacity(HEADER + question_bytes.len() + addresses.len() * 16);
    out.extend_from_slice(&question.id.to_be_bytes());
    // QR, AA, RD as asked, RA.
    let mut flags: u16 = 0x8000 | 0x0400 | 0x0080 | u16::from(rcode & 0xf);
    if question.recursion_desired {
        flags |= 0x0100;
    }
    out.extend_from_slice(&flags.to_be_bytes());
    out.extend_from_slice(&1u16.to_be_bytes());
    out.extend_from_slice(&(addresses.len() as u16).to_be_bytes());
    out.extend_from_slice(&[0, 0, 0, 0]);
    out.extend_from_slice(question_bytes);
    for ip in addresses {
        // The name is a pointer to the question's (offset 12).
        out.extend_from_slice(&[0xc0, HEADER as u8]);
        out.extend_from_slice(&TYPE_A.to_be_bytes());
        out.extend_from_slice(&CLASS_IN.to_be_bytes());
        out.extend_from_slice(&ANSWER_TTL.to_be_bytes());
        out.extend_from_slice(&4u16.to_be_bytes());
        out.extend_from_slice(&ip.octets());
    }
    out
}

/// The id of a DNS message (a query or a response), if it has a header.
pub fn message_id(packet: &[u8]) -> Option<u16> {
    if packet.len() < HEADER {
        return None;
    }
    u16_at(packet, 0)
}

/// A standard query for `name`, type `qtype` (for tests and health checks).
pub fn build_query(id: u16, name: &str, qtype: u16) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(&id.to_be_bytes());
    out.extend_from_slice(&0x0100u16.to_be_bytes());
    out.extend_from_slice(&[0, 1, 0, 0, 0, 0, 0, 0]);
    for label in name.split('.').filter(|l| !l.is_empty()) {
        let label = &label.as_bytes()[..label.len().min(MAX_LABEL)];
        out.push(label.len() as u8);
        out.extend_from_slice(label);
    }
    out.push(0);
    out.extend_from_slice(&qtype.to_be_bytes());
    out.extend_from_slice(&CLASS_IN.to_be_bytes());
    out
}

/// What a response says: its id, response code and the A records' addresses (in
/// the answer section, compressed names or not); `None` if it is not a readable
/// response.
pub fn parse_response(packet: &[u8]) -> Option<(u16, u8, Vec<Ipv4Addr>)> {
    let id = message_id(packet)?;
    let flags = u16_at(packet, 2)?;
    if flags & 0x8000 == 0 {
        return None;
    }
    let rcode = (flags & 0xf) as u8;
    let qdcount = u16_at(packet, 4)?;
    let ancount = u16_at(packet, 6)?;
    let mut at = HEADER;
    for _ in 0..qdcount {
        at = skip_name(packet, at)? + 4;
    }
    let mut addresses = Vec::new();
    for _ in 0..ancount {
        at = skip_name(packet, at)?;
        let rtype = u16_at(packet, at)?;
        let rdlength = usize::from(u16_at(packet, at + 8)?);
        let rdata = packet.get(at + 10..at + 10 + rdlength)?;
        if rtype == TYPE_A && rdata.len() == 4 {
            addresses.push(Ipv4Addr::new(rdata[0], rdata[1], rdata[2], rdata[3]));
        }
        at += 10 + rdlength;
    }
    Some((id, rcode, addresses))
}

/// The offset past the name at `at` (labels, ending in a zero or a pointer).
fn skip_name(packet: &[u8], mut at: usize) -> Option<usize> {
    for _ in 0..=MAX_NAME {
        let len = *packet.get(at)?;
        match len {
            0 => return Some(at + 1),
            l if l & 0xc0 == 0xc0 => {
                packet.get(at + 1)?;
                return Some(at + 2);
            }
            l if l > MAX_LABEL as u8 => return None,
            l => at += 1 + usize::from(l),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_round_trip() {
        let q = build_query(0x1234, "Web.DNS.podman", TYPE_A);
        let question = parse_query(&q).unwrap();
        assert_eq!(question.id, 0x1234);
        assert_eq!(question.name, "web.dns.podman");
        assert_eq!(question.qtype, TYPE_A);
        assert!(question.recursion_desired);
        let ips = [Ipv4Addr::new(10, 89, 0, 2), Ipv4Addr::new(10, 89, 0, 3)];
        let reply = answer(&q, &question, RCODE_NOERROR, &ips);
        assert_eq!(
            parse_response(&reply),
            Some((0x1234, RCODE_NOERROR, ips.to_vec()))
        );
        let nx = answer(&q, &question, RCODE_NXDOMAIN, &[]);
        assert_eq!(parse_response(&nx), Some((0x1234, RCODE_NXDOMAIN, vec![])));
    }

    #[test]
    fn malformed_queries_are_refused() {
        let good = build_query(1, "web", TYPE_A);
        // Every truncation of a good query is refused.
        for len in 0..good.len() {
            assert_eq!(parse_query(&good[..len]), None, "{len}");
        }
        // A response, two questions, a compression pointer, an over-long label.
        let mut response = good.clone();
        response[2] |= 0x80;
        assert_eq!(parse_query(&response), None);
        let mut two = good.clone();
        two[5] = 2;
        assert_eq!(parse_query(&two), None);
        let mut pointer = good.clone();
        pointer[12] = 0xc0;
        assert_eq!(parse_query(&pointer), None);
        let mut long = good[..12].to_vec();
        long.push(64);
        long.extend_from_slice(&[b'a'; 64]);
        long.extend_from_slice(&[0, 0, 1, 0, 1]);
        assert_eq!(parse_query(&long), None);
        // A name longer than 255 bytes.
        let mut huge = good[..12].to_vec();
        for _ in 0..5 {
            huge.push(63);
            huge.extend_from_slice(&[b'a'; 63]);
        }
        huge.extend_from_slice(&[0, 0, 1, 0, 1]);
        assert_eq!(parse_query(&huge), None);
    }

    #[test]
    fn response_parser_survives_garbage() {
        let q = build_query(7, "x", TYPE_A);
        let question = parse_query(&q).unwrap();
        let reply = answer(&q, &question, RCODE_NOERROR, &[Ipv4Addr::LOCALHOST]);
        for len in 0..reply.len() {
            let _ = parse_response(&reply[..len]);
        }
        let mut looped = reply.clone();
        looped[6] = 0xff;
        looped[7] = 0xff;
        assert_eq!(parse_response(&looped), None);
    }

    /// A cheap stand-in for the `dns_packet` fuzz target that runs with the unit
    /// tests: mutated queries and random bytes never panic, and every accepted
    /// query gets an answer that parses back.
    #[test]
    fn mutated_and_random_datagrams_never_panic() {
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let seed = build_query(9, "web.dns.podman", TYPE_A);
        for round in 0..20_000 {
            let mut data = if round % 2 == 0 {
                seed.clone()
            } else {
                (0..next() % 80).map(|_| next() as u8).collect()
            };
            for _ in 0..(next() % 4) {
                if !data.is_empty() {
                    let at = (next() as usize) % data.len();
                    data[at] = next() as u8;
                }
            }
            let _ = parse_response(&data);
            if let Some(q) = parse_query(&data) {
                let reply = answer(&data, &q, RCODE_NOERROR, &[Ipv4Addr::LOCALHOST]);
                let (id, _, ips) = parse_response(&reply).expect("an answer parses back");
                assert_eq!((id, ips), (q.id, vec![Ipv4Addr::LOCALHOST]));
            }
        }
    }
}
