// Extractive summaries for when no LLM endpoint is configured: the first sentences of the source,
// in the source language. Never invents text.

const SENTENCE_END = /(?<=[.!?。！？])\s+|(?<=[。！？])/;

/** The first sentences of `text`, up to three and about `limit` characters. */
export function extractiveSummary(text: string, limit = 280): string {
  const sentences = text
    .split(SENTENCE_END)
    .map((s) => s.trim())
    .filter(Boolean);
  let out = '';
  for (const sentence of sentences.slice(0, 3)) {
    if (out && out.length + sentence.length > limit) break;
    out = out ? `${out}${/[\u3000-\u9fff]$/.test(out) ? '' : ' '}${sentence}` : sentence;
  }
  return out || text.slice(0, limit);
}
