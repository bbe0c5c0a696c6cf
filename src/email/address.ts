// E-mail addresses as subscribers give them: checked (a plain dot-atom local part and a real domain
// name) and normalized (the domain lower-cased, IDNs as punycode). No DNS lookups here.

import { domainToASCII } from 'node:url';
import { InputError } from '../errors.ts';

// RFC 5322 dot-atom characters. Quoted local parts and address literals are refused: nobody
// subscribes with them, and refusing them keeps every address safe to put in a header.
const ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+$/;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** The normalized address, or the reason it is not one. */
export function checkAddress(input: string): { address: string } | { reason: string } {
  const text = input.trim();
  if (text.length === 0) return { reason: 'is empty' };
  if (text.length > 254) return { reason: 'is longer than 254 characters' };
  const at = text.lastIndexOf('@');
  if (at <= 0 || at === text.length - 1) return { reason: 'needs a name, an @ and a domain' };
  const local = text.slice(0, at);
  if (local.length > 64) return { reason: 'has a name part longer than 64 characters' };
  if (!local.split('.').every((atom) => ATOM.test(atom))) {
    return { reason: `the part before @ ("${local}") has characters an address may not have` };
  }
  const domain = domainToASCII(text.slice(at + 1).toLowerCase());
  const labels = domain.split('.');
  if (
    !domain ||
    labels.length < 2 ||
    !labels.every((l) => LABEL.test(l)) ||
    /^\d+$/.test(labels.at(-1) ?? '')
  ) {
    return { reason: `"${text.slice(at + 1)}" is not a domain name` };
  }
  return { address: `${local}@${domain}` };
}

export function isAddress(input: string): boolean {
  return 'address' in checkAddress(input);
}

/** The normalized address; throws an InputError naming the input otherwise. */
export function normalizeAddress(input: string): string {
  const checked = checkAddress(input);
  if ('reason' in checked) throw new InputError(input.trim() || '(empty address)', checked.reason);
  return checked.address;
}
