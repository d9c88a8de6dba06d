//! coracle's own DNS resolver for user-defined networks: the wire format it needs
//! ([`packet`]) and the server ([`server`]).

pub mod packet;
pub mod server;
mod tcp;

pub use server::{plan_from_store, resolver_needed, serve, Listener, Resolver, DNS_PORT};
