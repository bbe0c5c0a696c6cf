// JSON read from a response or a file, with the reason when it is not: empty, an HTML page instead,
// truncated, or invalid. Shared by the sources that read JSON APIs.

import { InputError } from '../errors.ts';

/**
 * The parsed value, or an InputError naming `origin`. `noun` is what was read (`response`, `file`);
 * `expected` says what should have been there.
 */
export function parseJsonText(text: string, origin: string, noun = 'response', expected = 'JSON'): unknown {
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body === '') throw new InputError(origin, `the ${noun} is empty; expected ${expected}`);
  if (body.startsWith('<')) {
    throw new InputError(origin, `the ${noun} is HTML, not JSON (an error or login page instead?)`);
  }
  try {
    return JSON.parse(body);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const position = Number(/at position (\d+)/.exec(detail)?.[1] ?? -1);
    if (/end of (JSON )?input|Unterminated string/i.test(detail) || position >= body.length) {
      throw new InputError(origin, `the JSON ends early (truncated ${noun}?): ${detail}`);
    }
    throw new InputError(origin, `not valid JSON: ${detail}`);
  }
}
