// The SSRF guard: refuses URLs that would reach inside the operator's network. `check` judges the URL as
// written (scheme, port, literal address, name, credentials); `lookupFor` resolves names at connect time
// and refuses blocked addresses there, so the address checked is the address connected to.

import type { LookupAddress, LookupOptions } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { RibaoError } from '../errors.ts';
import {
  type AddressBlock,
  BAD_PORTS,
  BLOCKED_IPV4,
  BLOCKED_IPV6,
  BLOCKED_NAMES,
  EMBEDDED_IPV4,
} from './guard-ranges.ts';

/** A URL the HTTP layer will not fetch, with the reason (`127.0.0.1 is a loopback address`). */
export class BlockedUrlError extends RibaoError {
  readonly url: string;
  readonly reason: string;
  constructor(url: string, reason: string, options: { from?: string } = {}) {
    super(`refused ${url}${options.from ? ` (redirected from ${options.from})` : ''}: ${reason}`);
    this.url = url;
    this.reason = reason;
  }
}

export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export interface Guard {
  /** The URL parsed, or a BlockedUrlError; `from` names the page that redirected here. */
  check(url: string, from?: string): URL;
  /** The `lookup` for node:http: resolves `url`'s host and refuses it if any address is blocked. */
  lookupFor(url: string, from?: string): LookupFunction;
}

export interface GuardOptions {
  /** The operator's exceptions: names (`rsshub.lan`, `*.corp.example`), addresses or CIDRs (`10.0.0.0/8`). */
  allow?: readonly string[];
  /** DNS; defaults to the system resolver (getaddrinfo, so /etc/hosts counts). */
  resolve?: Resolver;
}

const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true });

export function createGuard(options: GuardOptions = {}): Guard {
  const allow = parseAllowList(options.allow ?? []);
  const resolve = options.resolve ?? systemResolver;
  return {
    check(input, from) {
      const refuse = (reason: string) => new BlockedUrlError(input, reason, { from });
      let url: URL;
      try {
        url = new URL(input);
      } catch {
        throw refuse('not a valid URL');
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw refuse(`the scheme ${url.protocol} is not http: or https:`);
      }
      const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
      if (BAD_PORTS.has(port)) throw refuse(`port ${port} is not for HTTP (a Fetch standard bad port)`);
      const host = bareHost(url.hostname);
      if (!allow.name(host)) {
        const reason = isIP(host) ? (allow.address(host) ? null : addressRefusal(host)) : nameRefusal(host);
        if (reason) throw refuse(reason);
      }
      if (url.username || url.password)
        throw refuse('a URL with credentials (user:password@) is not fetched');
      return url;
    },
    lookupFor(url, from) {
      return (hostname, lookupOptions, callback) => {
        resolveChecked(hostname, lookupOptions).then(
          (addresses) => {
            const first = addresses[0] as LookupAddress;
            if (lookupOptions.all) callback(null, addresses);
            else callback(null, first.address, first.family);
          },
          (error: Error) => callback(error, ''),
        );
      };
      async function resolveChecked(
        hostname: string,
        lookupOptions: LookupOptions,
      ): Promise<LookupAddress[]> {
        const family =
          lookupOptions.family === 'IPv6' ? 6 : lookupOptions.family === 'IPv4' ? 4 : lookupOptions.family;
        const found = (await resolve(hostname)).filter((a) => !family || a.family === family);
        if (found.length === 0) throw new Error(`${hostname} resolves to no usable address`);
        if (allow.name(bareHost(hostname))) return found;
        for (const { address } of found) {
          const what = allow.address(address) ? null : classify(address);
          if (what) throw new BlockedUrlError(url, `${hostname} resolves to ${address}, ${what}`, { from });
        }
        return found;
      }
    },
  };
}

/** Why an address is refused (`10.0.0.1 is a private address (RFC 1918)`), or null when it is public. */
export function addressRefusal(address: string): string | null {
  const what = classify(address);
  return what ? `${address} is ${what}` : null;
}

function nameRefusal(host: string): string | null {
  const rule = BLOCKED_NAMES.find((r) =>
    r.name.startsWith('.') ? host === r.name.slice(1) || host.endsWith(r.name) : host === r.name,
  );
  if (rule) return `${host} is ${rule.what}`;
  if (!host.includes('.')) return `${host} is a single-label name (it resolves through local search domains)`;
  return null;
}

interface CompiledBlock extends AddressBlock {
  list: BlockList;
}

function compile<T extends { cidr: string }>(blocks: readonly T[]): Array<T & { list: BlockList }> {
  return blocks.map((block) => {
    const [network = '', prefix = ''] = block.cidr.split('/');
    const list = new BlockList();
    list.addSubnet(network, Number(prefix), isIP(network) === 6 ? 'ipv6' : 'ipv4');
    return { ...block, list };
  });
}

const IPV4: CompiledBlock[] = compile(BLOCKED_IPV4);
const IPV6: CompiledBlock[] = compile(BLOCKED_IPV6);
const EMBEDDINGS = compile(EMBEDDED_IPV4);
const GLOBAL_UNICAST = compile([{ cidr: '2000::/3' }])[0]?.list as BlockList;

/** What makes an address unfit (`a loopback address`), or null. */
function classify(address: string): string | null {
  const family = isIP(address);
  if (family === 4) return IPV4.find((b) => b.list.check(address, 'ipv4'))?.what ?? null;
  if (family !== 6) return 'not an IP address';
  const blocked = IPV6.find((b) => b.list.check(address, 'ipv6'));
  if (blocked) return blocked.what;
  const embedding = EMBEDDINGS.find((b) => b.list.check(address, 'ipv6'));
  if (embedding) {
    const inner = embeddedIpv4(address, embedding.word);
    const what = classify(inner);
    return what ? `${embedding.form} ${inner}, ${what}` : null;
  }
  return GLOBAL_UNICAST.check(address, 'ipv6') ? null : 'not a global unicast address (outside 2000::/3)';
}

/** The IPv4 address in the two 16-bit words of an IPv6 address starting at `word`. */
function embeddedIpv4(address: string, word: number): string {
  const words = ipv6Words(address);
  const high = words[word] ?? 0;
  const low = words[word + 1] ?? 0;
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

function ipv6Words(address: string): number[] {
  const text = address
    .replace(/%.*$/, '')
    .replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_, a, b, c, d) =>
      [(Number(a) << 8) | Number(b), (Number(c) << 8) | Number(d)].map((n) => n.toString(16)).join(':'),
    );
  const [head = '', tail] = text.split('::');
  const parse = (part: string) => (part ? part.split(':').map((w) => Number.parseInt(w, 16)) : []);
  const start = parse(head);
  const end = tail === undefined ? [] : parse(tail);
  return [...start, ...new Array<number>(8 - start.length - end.length).fill(0), ...end];
}

function bareHost(hostname: string): string {
  return hostname
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '')
    .toLowerCase();
}

interface AllowList {
  name(host: string): boolean;
  /** True when the operator allowed this address. */
  address(address: string): boolean;
}

function parseAllowList(entries: readonly string[]): AllowList {
  const names = new Set<string>();
  const suffixes: string[] = [];
  const addresses = new BlockList();
  for (const entry of entries) {
    const [text = '', prefix] = entry.trim().split('/');
    const bare = bareHost(text);
    const family = isIP(bare);
    if (family && prefix === undefined) addresses.addAddress(bare, family === 6 ? 'ipv6' : 'ipv4');
    else if (family && /^\d+$/.test(prefix ?? '') && Number(prefix) <= (family === 6 ? 128 : 32)) {
      addresses.addSubnet(bare, Number(prefix), family === 6 ? 'ipv6' : 'ipv4');
    } else if (prefix === undefined && /^(\*\.)?[a-z0-9_-]+(\.[a-z0-9_-]+)*$/.test(bare)) {
      if (bare.startsWith('*.')) suffixes.push(bare.slice(1));
      else names.add(bare);
    } else {
      throw new Error(`allowPrivate entry "${entry}" is neither a host name, an address nor a CIDR block`);
    }
  }
  return {
    name: (host) => names.has(host) || suffixes.some((suffix) => host.endsWith(suffix)),
    address: (address) => addresses.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4'),
  };
}
