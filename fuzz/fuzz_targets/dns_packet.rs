//! coracle's DNS resolver's parser: any datagram through `parse_query`, and a query
//! it accepts through `answer` and back through `parse_response`.
#![no_main]

use libfuzzer_sys::fuzz_target;

use coracle_network::dns::packet;

fuzz_target!(|data: &[u8]| {
    let _ = packet::parse_response(data);
    if let Some(question) = packet::parse_query(data) {
        let ips = [std::net::Ipv4Addr::new(10, 89, 0, 2)];
        let reply = packet::answer(data, &question, packet::RCODE_NOERROR, &ips);
        let (id, rcode, answers) =
            packet::parse_response(&reply).expect("an answer coracle built parses back");
        assert_eq!(id, question.id);
        assert_eq!(rcode, packet::RCODE_NOERROR);
        assert_eq!(answers, ips);
    }
});
