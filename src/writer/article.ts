// A long article translated chunk by chunk (paragraphs, with code and links held out of the model's
// reach) and stitched back with its structure. A chunk that fails the gate twice stays in English.

import { describe } from '../errors.ts';
import { checkChunk, planChunks, stitch } from './chunk.ts';
import { draft, type Writer } from './draft.ts';
import type { Glossary } from './glossary/glossary.ts';

export interface ArticleReport {
  markdown: string;
  chunks: number;
  drafted: number;
  cached: number;
  /** Chunks left in the source language, with why. */
  untranslated: { chunk: number; reason: string }[];
  stopped: string | null;
}

export async function translateArticle(
  writer: Writer,
  markdown: string,
  options: { glossary: Glossary; day: string; maxChars?: number; concurrency: number },
): Promise<ArticleReport> {
  const plan = planChunks(markdown, options.maxChars);
  const translations = plan.chunks.map((c) => c.text);
  const report: ArticleReport = {
    markdown,
    chunks: plan.chunks.length,
    drafted: 0,
    cached: 0,
    untranslated: [],
    stopped: null,
  };
  let next = 0;
  const worker = async () => {
    while (next < plan.chunks.length) {
      const chunk = plan.chunks[next++];
      if (!chunk) break;
      const keep = (reason: string) => report.untranslated.push({ chunk: chunk.index, reason });
      try {
        const outcome = await draft(writer, {
          task: 'article-translation',
          input: { text: chunk.text },
          source: { title: '', text: chunk.text, authors: [] },
          glossary: options.glossary,
          extra: (output) => checkChunk(chunk, String(output.text)),
          day: options.day,
          publication: null,
          storyId: null,
        });
        if (outcome.status === 'budget') keep(outcome.reason);
        else if (outcome.status === 'flagged') keep(outcome.failures.join('; '));
        else {
          translations[chunk.index] = String(outcome.output.text);
          report[outcome.cached ? 'cached' : 'drafted']++;
        }
      } catch (error) {
        keep(describe(error));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, plan.chunks.length) }, worker));
  report.untranslated.sort((a, b) => a.chunk - b.chunk);
  report.markdown = stitch(plan, translations);
  report.stopped = writer.budget.stopped;
  return report;
}
