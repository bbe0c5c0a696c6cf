// The quality gate a machine writeup must pass before it is stored (the first checks; the Writer
// issue adds glossary, entity and injection checks). Returns reasons; never edits the text.

export interface Draft {
  title: string;
  body: string;
}

/** Parse the model's answer tolerantly (code fences, text around the object) into a Draft. */
export function parseDraft(text: string): Draft | { error: string } {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end <= start) return { error: 'answer is not a JSON object' };
  let value: unknown;
  try {
    value = JSON.parse(text.slice(start, end + 1));
  } catch {
    return { error: 'answer is malformed JSON' };
  }
  const { title, body } = (value ?? {}) as Record<string, unknown>;
  if (typeof title !== 'string' || typeof body !== 'string' || !title.trim() || !body.trim()) {
    return { error: 'answer lacks a non-empty "title" and "body"' };
  }
  return { title: title.trim(), body: body.trim() };
}

const CJK = /[\u3400-\u9fff]/g;
const LETTER = /[\p{L}]/gu;
const URL_PATTERN = /https?:\/\/[^\s)\]}>"'，。]+/g;

/** Reasons the draft must not be published, empty when it passes. */
export function check(draft: Draft, source: string): string[] {
  const reasons: string[] = [];
  const prose = draft.body.replace(URL_PATTERN, '');
  const letters = prose.match(LETTER)?.length ?? 0;
  const cjk = prose.match(CJK)?.length ?? 0;
  if (letters > 0 && cjk / letters < 0.3) reasons.push('body is not in Chinese');
  const sourceUrls = new Set((source.match(URL_PATTERN) ?? []).map((u) => u.replace(/[.,;]$/, '')));
  for (const url of sourceUrls) if (!draft.body.includes(url)) reasons.push(`drops the URL ${url}`);
  for (const url of draft.body.match(URL_PATTERN) ?? []) {
    if (![...sourceUrls].some((s) => url.startsWith(s) || s.startsWith(url)))
      reasons.push(`adds a link not in the source: ${url}`);
  }
  return reasons;
}
