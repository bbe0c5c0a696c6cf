import assert from 'node:assert/strict';
import { test } from 'node:test';
import { outcomeOf } from './transport.ts';

const smtp = (code: string, command: string | undefined, responseCode?: number, response?: string) =>
  Object.assign(new Error(response ?? code), { code, command, responseCode, response });

test('what an SMTP error means for the recipient', () => {
  const cases: [Error, string][] = [
    [smtp('EENVELOPE', 'RCPT TO', 550, '550 5.1.1 <x@example.com>: no such user'), 'bounced'],
    [smtp('EENVELOPE', 'RCPT TO', 552, '552 5.2.2 mailbox full'), 'bounced'],
    [smtp('EMESSAGE', 'DATA', 550, '550 5.1.1 user unknown'), 'bounced'],
    [smtp('EMESSAGE', 'DATA', 550, '550-5.7.26 unauthenticated mail is refused'), 'refused'],
    [smtp('EENVELOPE', 'RCPT TO', 554, '554 5.7.1 relay access denied'), 'refused'],
    [smtp('EENVELOPE', 'RCPT TO', 451, '451 4.2.1 try later'), 'deferred'],
    [smtp('EENVELOPE', 'RCPT TO', 503, '503 5.5.1 bad sequence of commands'), 'deferred'],
    [smtp('EENVELOPE', 'MAIL FROM', 550, '550 5.7.1 sender refused'), 'error'],
    [smtp('EAUTH', 'AUTH PLAIN', 535, '535 5.7.8 bad credentials'), 'error'],
    [smtp('ETIMEDOUT', 'CONN'), 'unknown'],
    [smtp('ESOCKET', 'CONN'), 'unknown'],
  ];
  for (const [error, status] of cases) assert.equal(outcomeOf(error).status, status, error.message);
  assert.equal(outcomeOf(smtp('ETIMEDOUT', 'CONN')).detail, 'ETIMEDOUT: ETIMEDOUT');
});
