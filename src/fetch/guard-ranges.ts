// What the SSRF guard refuses, as data: special-purpose address blocks (IANA IPv4/IPv6 special-purpose
// registries), names that lead inside a network, and the Fetch standard's bad ports. Logic is guard.ts.

export interface AddressBlock {
  cidr: string;
  /** Completes "<address> is …". */
  what: string;
}

/** Checked in order, first match wins: exact addresses before the blocks that contain them. */
export const BLOCKED_IPV4: readonly AddressBlock[] = [
  { cidr: '169.254.169.254/32', what: 'a cloud metadata address' },
  { cidr: '100.100.100.200/32', what: 'a cloud metadata address (Alibaba Cloud)' },
  { cidr: '168.63.129.16/32', what: 'a cloud platform address (Azure WireServer)' },
  { cidr: '255.255.255.255/32', what: 'the broadcast address' },
  { cidr: '0.0.0.0/8', what: 'a "this network" address (0.0.0.0/8)' },
  { cidr: '10.0.0.0/8', what: 'a private address (RFC 1918)' },
  { cidr: '100.64.0.0/10', what: 'a carrier-grade NAT address (RFC 6598)' },
  { cidr: '127.0.0.0/8', what: 'a loopback address' },
  { cidr: '169.254.0.0/16', what: 'a link-local address' },
  { cidr: '172.16.0.0/12', what: 'a private address (RFC 1918)' },
  { cidr: '192.0.0.0/24', what: 'an IETF protocol assignment (192.0.0.0/24)' },
  { cidr: '192.0.2.0/24', what: 'a documentation address (TEST-NET-1)' },
  { cidr: '192.88.99.0/24', what: 'a deprecated 6to4 relay address' },
  { cidr: '192.168.0.0/16', what: 'a private address (RFC 1918)' },
  { cidr: '198.18.0.0/15', what: 'a benchmarking address (RFC 2544)' },
  { cidr: '198.51.100.0/24', what: 'a documentation address (TEST-NET-2)' },
  { cidr: '203.0.113.0/24', what: 'a documentation address (TEST-NET-3)' },
  { cidr: '224.0.0.0/4', what: 'a multicast address' },
  { cidr: '240.0.0.0/4', what: 'a reserved address (240.0.0.0/4)' },
];

/** IPv6 blocks refused outright. Everything outside 2000::/3 is refused too (not global unicast), after
 * the forms that embed an IPv4 address (EMBEDDED_IPV4) are judged by that address. */
export const BLOCKED_IPV6: readonly AddressBlock[] = [
  { cidr: 'fd00:ec2::254/128', what: 'a cloud metadata address (AWS)' },
  { cidr: '::/128', what: 'the unspecified address' },
  { cidr: '::1/128', what: 'a loopback address' },
  { cidr: '::/96', what: 'a deprecated IPv4-compatible address' },
  { cidr: '64:ff9b:1::/48', what: 'a local-use NAT64 address (RFC 8215)' },
  { cidr: '100::/64', what: 'a discard-only address (RFC 6666)' },
  { cidr: '2001::/23', what: 'an IETF protocol assignment (2001::/23, Teredo included)' },
  { cidr: '2001:db8::/32', what: 'a documentation address' },
  { cidr: '3fff::/20', what: 'a documentation address' },
  { cidr: '5f00::/16', what: 'a segment-routing address (RFC 9602)' },
  { cidr: 'fc00::/7', what: 'a unique-local address' },
  { cidr: 'fe80::/10', what: 'a link-local address' },
  { cidr: 'fec0::/10', what: 'a deprecated site-local address' },
  { cidr: 'ff00::/8', what: 'a multicast address' },
];

export interface EmbeddingBlock {
  cidr: string;
  /** "an IPv4-mapped form of" … */
  form: string;
  /** Index of the 16-bit word where the IPv4 address starts. */
  word: number;
}

/** IPv6 forms that carry an IPv4 address: refused when the IPv4 address is. */
export const EMBEDDED_IPV4: readonly EmbeddingBlock[] = [
  { cidr: '::ffff:0:0/96', form: 'an IPv4-mapped form of', word: 6 },
  { cidr: '64:ff9b::/96', form: 'a NAT64 form of', word: 6 },
  { cidr: '2002::/16', form: 'a 6to4 form of', word: 1 },
];

export interface NameRule {
  /** An exact name, or `.suffix` for every name under it (and the suffix itself without the dot). */
  name: string;
  what: string;
}

/** Names refused before any DNS lookup. Single-label names are refused too (resolved through the
 * machine's search domains, they reach intranet hosts). */
export const BLOCKED_NAMES: readonly NameRule[] = [
  { name: 'instance-data.ec2.internal', what: 'a cloud metadata name' },
  { name: 'metadata.goog', what: 'a cloud metadata name' },
  { name: 'metadata.google.internal', what: 'a cloud metadata name' },
  { name: '.home.arpa', what: 'a home-network name (RFC 8375)' },
  { name: '.internal', what: 'a private-use name (.internal)' },
  { name: '.local', what: 'a multicast DNS name (.local)' },
  { name: '.localhost', what: 'a localhost name (RFC 6761)' },
];

/** The Fetch standard's bad ports (what browsers and Node's fetch refuse): SMTP, IRC, SIP, … reached
 * over HTTP are cross-protocol attacks. Any other port is allowed. */
export const BAD_PORTS: ReadonlySet<number> = new Set([
  0, 1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104,
  109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515,
  526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049,
  3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);
