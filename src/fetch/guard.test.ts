// The SSRF guard's static judgement: a matrix of hostile URLs, each refused with its reason; public URLs
// pass; the operator's allow-list lets exactly the listed private hosts through; connect-time lookup.

import assert from 'node:assert/strict';
import type { LookupAddress } from 'node:dns';
import { test } from 'node:test';
import { addressRefusal, BlockedUrlError, createGuard, type Guard } from './guard.ts';
import { fakeResolver } from './testing.ts';

const LOOPBACK = '127.0.0.1 is a loopback address';

/** [url, words the reason must contain] */
const HOSTILE: ReadonlyArray<readonly [string, string]> = [
  ['http://127.0.0.1/', LOOPBACK],
  ['http://127.1/', LOOPBACK],
  ['http://0177.0.0.1/', LOOPBACK],
  ['http://2130706433/', LOOPBACK],
  ['http://0x7f.1/', LOOPBACK],
  ['http://0x7f000001/', LOOPBACK],
  ['http://017700000001/', LOOPBACK],
  ['http://127.000.000.001/', LOOPBACK],
  ['http://127.0.0.1./', LOOPBACK],
  ['http://%31%32%37.0.0.1/', LOOPBACK],
  ['http://１２７.０.０.１/', LOOPBACK],
  ['http://①②⑦.⓪.⓪.①/', LOOPBACK],
  ['http:\\\\127.0.0.1\\', LOOPBACK],
  ['HTTP://127.0.0.1:8080/', LOOPBACK],
  ['http://evil@127.0.0.1/', LOOPBACK],
  ['http://user:pass@127.0.0.1:8080/', LOOPBACK],
  ['http://127.255.255.254/', '127.255.255.254 is a loopback address'],
  ['http://[::1]/', '::1 is a loopback address'],
  ['http://[0:0:0:0:0:0:0:1]/', '::1 is a loopback address'],
  ['http://[::ffff:127.0.0.1]/', '::ffff:7f00:1 is an IPv4-mapped form of 127.0.0.1, a loopback address'],
  ['http://[0:0:0:0:0:ffff:7f00:1]/', 'IPv4-mapped form of 127.0.0.1, a loopback address'],
  ['http://[::]/', ':: is the unspecified address'],
  ['http://0/', '0.0.0.0 is a "this network" address'],
  ['http://0.0.0.0:8080/', '0.0.0.0 is a "this network" address'],
  ['http://0.1.2.3/', '0.1.2.3 is a "this network" address'],
  ['http://10.0.0.1/', '10.0.0.1 is a private address (RFC 1918)'],
  ['http://10.255.255.255/', 'a private address (RFC 1918)'],
  ['http://172.16.0.1/', '172.16.0.1 is a private address'],
  ['http://172.31.255.254/', '172.31.255.254 is a private address'],
  ['http://192.168.1.1/', '192.168.1.1 is a private address'],
  ['http://3232235777/', '192.168.1.1 is a private address'],
  ['http://0xc0.0xa8.1.1/', '192.168.1.1 is a private address'],
  ['http://[::ffff:192.168.1.1]/', 'IPv4-mapped form of 192.168.1.1, a private address'],
  ['http://100.64.0.1/', '100.64.0.1 is a carrier-grade NAT address'],
  ['http://100.127.255.254/', 'a carrier-grade NAT address'],
  ['http://169.254.1.1/', '169.254.1.1 is a link-local address'],
  ['http://[fe80::1]/', 'fe80::1 is a link-local address'],
  ['http://[febf::1]/', 'febf::1 is a link-local address'],
  ['http://169.254.169.254/latest/meta-data/', '169.254.169.254 is a cloud metadata address'],
  ['http://2852039166/', '169.254.169.254 is a cloud metadata address'],
  ['http://[::ffff:a9fe:a9fe]/', 'IPv4-mapped form of 169.254.169.254, a cloud metadata address'],
  ['http://[fd00:ec2::254]/', 'fd00:ec2::254 is a cloud metadata address (AWS)'],
  ['http://100.100.100.200/', 'a cloud metadata address (Alibaba Cloud)'],
  ['http://168.63.129.16/', 'a cloud platform address (Azure WireServer)'],
  [
    'http://metadata.google.internal/computeMetadata/v1/',
    'metadata.google.internal is a cloud metadata name',
  ],
  ['http://metadata.google.internal./', 'metadata.google.internal is a cloud metadata name'],
  ['http://METADATA.GOOGLE.INTERNAL/', 'metadata.google.internal is a cloud metadata name'],
  ['http://metadata.goog/', 'metadata.goog is a cloud metadata name'],
  ['http://[fc00::1]/', 'fc00::1 is a unique-local address'],
  ['http://[fd12:3456::1]/', 'fd12:3456::1 is a unique-local address'],
  ['http://224.0.0.1/', '224.0.0.1 is a multicast address'],
  ['http://239.255.255.250/', 'a multicast address'],
  ['http://[ff02::1]/', 'ff02::1 is a multicast address'],
  ['http://255.255.255.255/', '255.255.255.255 is the broadcast address'],
  ['http://240.0.0.1/', '240.0.0.1 is a reserved address'],
  ['http://192.0.2.1/', '192.0.2.1 is a documentation address'],
  ['http://198.51.100.7/', 'a documentation address (TEST-NET-2)'],
  ['http://203.0.113.9/', 'a documentation address (TEST-NET-3)'],
  ['http://[2001:db8::1]/', '2001:db8::1 is a documentation address'],
  ['http://198.18.0.1/', 'a benchmarking address'],
  ['http://192.0.0.8/', 'an IETF protocol assignment'],
  ['http://[64:ff9b::127.0.0.1]/', '64:ff9b::7f00:1 is a NAT64 form of 127.0.0.1, a loopback address'],
  ['http://[64:ff9b::a9fe:a9fe]/', 'NAT64 form of 169.254.169.254, a cloud metadata address'],
  ['http://[64:ff9b::10.1.2.3]/', 'NAT64 form of 10.1.2.3, a private address'],
  ['http://[64:ff9b:1::1]/', 'a local-use NAT64 address'],
  ['http://[2002:c0a8:101::1]/', 'a 6to4 form of 192.168.1.1, a private address'],
  ['http://[::127.0.0.1]/', 'a deprecated IPv4-compatible address'],
  ['http://[2001::1]/', 'Teredo included'],
  ['http://[4000::1]/', 'not a global unicast address'],
  ['http://localhost/', 'localhost is a localhost name'],
  ['http://LOCALHOST:8080/', 'localhost is a localhost name'],
  ['http://localhost./', 'localhost is a localhost name'],
  ['http://api.localhost/', 'api.localhost is a localhost name'],
  ['http://printer.local/', 'printer.local is a multicast DNS name'],
  ['http://db.internal/', 'db.internal is a private-use name'],
  ['http://router.home.arpa/', 'router.home.arpa is a home-network name'],
  ['http://intranet/', 'intranet is a single-label name'],
  ['file:///etc/passwd', 'the scheme file: is not http: or https:'],
  ['ftp://example.com/', 'the scheme ftp:'],
  ['gopher://example.com:70/_stats', 'the scheme gopher:'],
  ['data:text/plain,hello', 'the scheme data:'],
  ['javascript:alert(1)', 'the scheme javascript:'],
  ['ws://example.com/', 'the scheme ws:'],
  ['dict://127.0.0.1:11211/', 'the scheme dict:'],
  ['http://example.com:25/', 'port 25 is not for HTTP'],
  ['https://example.com:22/', 'port 22 is not for HTTP'],
  ['http://example.com:6667/', 'port 6667 is not for HTTP'],
  ['http://user:pass@example.com/', 'a URL with credentials'],
  ['http://127.0.0.1@example.com/', 'a URL with credentials'],
  ['http://[fe80::1%25eth0]/', 'not a valid URL'],
  ['http://999.1.1.1/', 'not a valid URL'],
  ['http://1.2.3.4.5/', 'not a valid URL'],
  ['not a url', 'not a valid URL'],
];

const PUBLIC = [
  'http://example.com/',
  'http://example.com#@127.0.0.1/',
  'https://arxiv.org/abs/2401.00001',
  'http://8.8.8.8/',
  'http://example.com:8080/feed.xml',
  'http://[2606:4700:4700::1111]/',
  'http://[::ffff:8.8.8.8]/',
  'http://[64:ff9b::8.8.8.8]/',
  'http://[2002:808:808::1]/',
  'https://xn--fiqs8s.example/',
];

function refusal(guard: Guard, url: string): BlockedUrlError {
  try {
    guard.check(url);
  } catch (error) {
    assert.ok(error instanceof BlockedUrlError, `${url}: ${error}`);
    return error;
  }
  assert.fail(`${url} was not refused`);
}

test(`refuses ${HOSTILE.length} hostile URLs, each with its reason`, () => {
  const guard = createGuard();
  for (const [url, reason] of HOSTILE) {
    const error = refusal(guard, url);
    assert.ok(error.reason.includes(reason), `${url}: "${error.reason}" lacks "${reason}"`);
    assert.equal(error.message, `refused ${url}: ${error.reason}`);
    assert.equal(error.url, url);
  }
});

test('lets public URLs through, normalized', () => {
  const guard = createGuard();
  for (const url of PUBLIC) assert.equal(guard.check(url).href, new URL(url).href);
});

test('the operator allow-list lets exactly the listed hosts through', () => {
  const guard = createGuard({ allow: ['10.0.0.0/8', 'printer.local', '*.corp.example', '::1', '127.0.0.1'] });
  assert.equal(guard.check('http://10.1.2.3/').hostname, '10.1.2.3');
  assert.equal(guard.check('http://167772161/').hostname, '10.0.0.1');
  assert.equal(guard.check('http://printer.local/').hostname, 'printer.local');
  assert.equal(guard.check('http://wiki.corp.example/').hostname, 'wiki.corp.example');
  assert.equal(guard.check('http://[::1]:8080/').port, '8080');
  assert.equal(guard.check('http://127.1/').hostname, '127.0.0.1');
  assert.equal(guard.check('http://[::ffff:127.0.0.1]/').hostname, '[::ffff:7f00:1]');
  assert.match(refusal(guard, 'http://192.168.1.1/').reason, /private address/);
  assert.match(refusal(guard, 'http://127.0.0.2/').reason, /loopback/);
  assert.match(refusal(guard, 'http://other.local/').reason, /multicast DNS name/);
  assert.match(
    refusal(guard, 'file:///etc/passwd').reason,
    /scheme file:/,
    'the allow-list is about hosts only',
  );
});

test('an allow-list entry that is no host, address or CIDR is a configuration error', () => {
  for (const entry of ['10.0.0.0/33', 'http://host/', '', 'a b', '::1/129']) {
    assert.throws(() => createGuard({ allow: [entry] }), /allowPrivate entry ".*" is neither a host name/);
  }
});

function lookup(guard: Guard, url: string, hostname: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) =>
    guard.lookupFor(url)(hostname, { all: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses as LookupAddress[]),
    ),
  );
}

test('at connect time a name is refused when any of its addresses is blocked', async () => {
  const resolve = fakeResolver({ 'rebind.example': '127.0.0.1', 'meta.example': '169.254.169.254' });
  const guard = createGuard({ resolve });
  await assert.rejects(lookup(guard, 'http://rebind.example/', 'rebind.example'), {
    name: 'BlockedUrlError',
    message: 'refused http://rebind.example/: rebind.example resolves to 127.0.0.1, a loopback address',
  });
  await assert.rejects(
    lookup(guard, 'http://meta.example/x', 'meta.example'),
    /169.254.169.254, a cloud metadata/,
  );
  const mixed = createGuard({
    resolve: async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '10.0.0.7', family: 4 },
    ],
  });
  await assert.rejects(
    lookup(mixed, 'http://mixed.example/', 'mixed.example'),
    /10.0.0.7, a private address/,
  );
  await assert.rejects(lookup(guard, 'http://nowhere.example/', 'nowhere.example'), /ENOTFOUND/);
});

test('at connect time an allowed name or address resolves normally', async () => {
  const resolve = fakeResolver({
    'feeds.example': '127.0.0.1',
    'lab.example': '10.0.0.9',
    'pub.example': '8.8.8.8',
    'wiki.corp.example': '10.9.9.9',
    'evilcorp.example': '10.9.9.9',
  });
  const guard = createGuard({ resolve, allow: ['feeds.example', '10.0.0.0/24', '*.corp.example'] });
  assert.deepEqual(await lookup(guard, 'http://wiki.corp.example/', 'wiki.corp.example'), [
    { address: '10.9.9.9', family: 4 },
  ]);
  await assert.rejects(lookup(guard, 'http://evilcorp.example/', 'evilcorp.example'), /10.9.9.9, a private/);
  assert.deepEqual(await lookup(guard, 'http://feeds.example/', 'feeds.example'), [
    { address: '127.0.0.1', family: 4 },
  ]);
  assert.deepEqual(await lookup(guard, 'http://lab.example/', 'lab.example'), [
    { address: '10.0.0.9', family: 4 },
  ]);
  assert.deepEqual(await lookup(guard, 'http://pub.example/', 'pub.example'), [
    { address: '8.8.8.8', family: 4 },
  ]);
});

test('addressRefusal judges resolved addresses, DNS spellings included', () => {
  assert.equal(
    addressRefusal('::ffff:127.0.0.1'),
    '::ffff:127.0.0.1 is an IPv4-mapped form of 127.0.0.1, a loopback address',
  );
  assert.equal(addressRefusal('fe80::1%eth0'), 'fe80::1%eth0 is a link-local address');
  assert.equal(addressRefusal('1.1.1.1'), null);
  assert.equal(addressRefusal('2a00:1450:4001:80b::200e'), null);
});
