//! Which client a request comes from, for the login limits.
//!
//! Behind a reverse proxy every connection comes from the proxy, so the
//! socket address alone would put all clients under one limit. The address in
//! `X-Forwarded-For` is believed only when the connection comes from a proxy
//! the configuration trusts, and then only as far back as trusted proxies
//! reach: the right-most address that is not one of them is the client (the
//! ones to its left were written by the client and prove nothing).
//!
//! IPv6 clients are grouped by their /64: one home or phone gets a whole /64,
//! so counting single addresses would give an attacker endless fresh ones.

use std::net::IpAddr;

use ipnet::IpNet;

/// The configured proxies, parsed from `trusted_proxies` (`"10.0.0.1"`, `"10.0.0.0/8"`, `"::1"`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<IpNet>);

impl TrustedProxies {
    /// Parses addresses and networks; the first entry that is neither is the error.
    pub fn parse<S: AsRef<str>>(entries: &[S]) -> Result<TrustedProxies, String> {
        entries
            .iter()
            .map(|entry| {
                let entry = entry.as_ref().trim();
                entry
                    .parse::<IpNet>()
                    .or_else(|_| entry.parse::<IpAddr>().map(IpNet::from))
                    .map_err(|_| entry.to_owned())
            })
            .collect::<Result<Vec<_>, _>>()
            .map(TrustedProxies)
    }

    fn trusts(&self, addr: IpAddr) -> bool {
        let addr = canonical(addr);
        self.0.iter().any(|net| net.contains(&addr))
    }

    /// The client's address: the peer's, or from a trusted peer the right-most
    /// untrusted address of the `X-Forwarded-For` values (in header order).
    pub fn client(&self, peer: IpAddr, forwarded_for: &[&str]) -> IpAddr {
        let peer = canonical(peer);
        if !self.trusts(peer) {
            return peer;
        }
        let hops: Vec<&str> = forwarded_for.iter().flat_map(|value| value.split(',')).collect();
        let mut client = peer;
        for hop in hops.iter().rev() {
            let Ok(addr) = hop.trim().parse::<IpAddr>() else {
                // Garbage written before the trusted part: the last good hop stands.
                break;
            };
            client = canonical(addr);
            if !self.trusts(client) {
                break;
            }
        }
        client
    }
}

/// An IPv4 address carried in IPv6 (`::ffff:a.b.c.d`) is the IPv4 address.
fn canonical(addr: IpAddr) -> IpAddr {
    match addr {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(addr, IpAddr::V4),
        v4 => v4,
    }
}

/// The key the per-client limit counts under: an IPv4 address, or an IPv6 /64.
pub fn client_group(addr: IpAddr) -> String {
    match canonical(addr) {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn forwarded_for_counts_only_from_a_trusted_proxy() {
        let proxies = TrustedProxies::parse(&["10.0.0.0/8", "::1"]).unwrap();
        assert_eq!(proxies.client(ip("10.0.0.5"), &["203.0.113.7"]), ip("203.0.113.7"));
        assert_eq!(proxies.client(ip("198.51.100.1"), &["203.0.113.7"]), ip("198.51.100.1"), "not a proxy of ours");
        assert_eq!(proxies.client(ip("10.0.0.5"), &[]), ip("10.0.0.5"));
        // A client that writes its own header cannot choose its address.
        assert_eq!(proxies.client(ip("10.0.0.5"), &["1.2.3.4, 203.0.113.7"]), ip("203.0.113.7"));
        assert_eq!(proxies.client(ip("10.0.0.5"), &["1.2.3.4", "203.0.113.7, 10.0.0.9"]), ip("203.0.113.7"));
        assert_eq!(proxies.client(ip("10.0.0.5"), &["zomaar, 10.0.0.9"]), ip("10.0.0.9"));
        assert_eq!(proxies.client(ip("::ffff:10.0.0.5"), &["203.0.113.7"]), ip("203.0.113.7"));
        assert!(TrustedProxies::parse(&["10.0.0.0/33"]).is_err());
        assert_eq!(TrustedProxies::default().client(ip("10.0.0.5"), &["203.0.113.7"]), ip("10.0.0.5"));
    }

    #[test]
    fn ipv6_clients_are_grouped_by_their_64() {
        assert_eq!(client_group(ip("2001:db8:1:2:aaaa::1")), client_group(ip("2001:db8:1:2:ffff::9")));
        assert_ne!(client_group(ip("2001:db8:1:2::1")), client_group(ip("2001:db8:1:3::1")));
        assert_eq!(client_group(ip("192.0.2.1")), "192.0.2.1");
        assert_eq!(client_group(ip("::ffff:192.0.2.1")), "192.0.2.1");
    }
}
