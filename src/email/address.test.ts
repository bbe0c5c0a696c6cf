import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../errors.ts';
import { checkAddress, normalizeAddress } from './address.ts';

test('addresses: the domain is lower-cased (IDNs as punycode), the local part kept as given', () => {
  assert.equal(normalizeAddress('  Ann.Lee+ai@Example.COM '), 'Ann.Lee+ai@example.com');
  assert.equal(normalizeAddress('li@例子.中国'), 'li@xn--fsqu00a.xn--fiqs8s');
  assert.equal(normalizeAddress("o'brien@mail.example.org"), "o'brien@mail.example.org");
});

test('addresses: what could not be delivered to, or could break a header, is refused with a reason', () => {
  const refused: [string, RegExp][] = [
    ['', /empty/],
    ['ann', /needs a name, an @ and a domain/],
    ['ann@', /needs a name/],
    ['@example.com', /needs a name/],
    ['ann@localhost', /not a domain name/],
    ['ann@example.123', /not a domain name/],
    ['ann@[127.0.0.1]', /not a domain name/],
    ['ann@-bad-.com', /not a domain name/],
    ['ann..lee@example.com', /characters an address may not have/],
    ['.ann@example.com', /characters/],
    ['"ann lee"@example.com', /characters/],
    ['ann@example.com\r\nBcc: x@evil.example', /characters|domain/],
    ['ann lee@example.com', /characters/],
    ['ann,bob@example.com', /characters/],
    [`${'a'.repeat(65)}@example.com`, /longer than 64/],
    [`a@${'b'.repeat(250)}.com`, /longer than 254/],
  ];
  for (const [input, reason] of refused) {
    const checked = checkAddress(input);
    assert.ok('reason' in checked, `${JSON.stringify(input)} should be refused`);
    assert.match(checked.reason, reason, JSON.stringify(input));
  }
  assert.throws(
    () => normalizeAddress('nope'),
    (e: unknown) => e instanceof InputError && /^nope: /.test(e.message),
  );
});
