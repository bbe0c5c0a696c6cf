// Escape by default: html`…` escapes every interpolated value unless it is already Html (a fragment
// built the same way, or sanitizer output marked with trusted()). The site's pages are built only so.

import { escapeHtml } from '../render/html.ts';

/** A fragment of HTML that is safe to put in a page as it is. */
export class Html {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
  toString(): string {
    return this.text;
  }
}

/** What a template may interpolate: text (escaped), Html (kept), lists (each in turn), nothing. */
export type Child = Html | string | number | null | undefined | false | readonly Child[];

export function html(strings: TemplateStringsArray, ...values: Child[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

/** Only for text that is HTML by construction: sanitizeHtml output, or markup this module made. */
export function trusted(text: string): Html {
  return new Html(text);
}

function render(value: Child): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}
