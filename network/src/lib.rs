//! coracle-network: pasta/slirp4netns for rootless outbound traffic and published
//! ports, veth and a bridge inside a rootless network namespace, and the generated
//! hosts/resolv.conf files. Arrives with the networking issue.
