// An honest User-Agent: who we are, our version, and where a site owner can reach the operator
// (`ribao/0.1 (+https://example.org/contact)`). Its product token is the name robots.txt groups match.

export const PRODUCT = 'ribao';
export const VERSION = '0.1';

/** `ribao/0.1 (+contact)`; the contact must be an http(s) or mailto: URL. */
export function honestUserAgent(contact: string, version: string = VERSION): string {
  let url: URL;
  try {
    url = new URL(contact);
  } catch {
    throw new Error(`User-Agent contact "${contact}" is not a URL (use https://… or mailto:…)`);
  }
  if (!['http:', 'https:', 'mailto:'].includes(url.protocol)) {
    throw new Error(`User-Agent contact "${contact}" must be an http(s) or mailto: URL`);
  }
  return `${PRODUCT}/${version} (+${url.href})`;
}

/** The product token of a User-Agent (`ribao` in `ribao/0.1 (+…)`), as RFC 9309 matches it. */
export function productToken(userAgent: string): string {
  return /^[A-Za-z_-]+/.exec(userAgent.trim())?.[0] ?? PRODUCT;
}
