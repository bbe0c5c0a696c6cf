// The quality gate every model answer passes before it is stored: parse tolerantly, check the fixed
// shape, then the text checks the task's profile calls for. Returns reasons; never edits the text.

import {
  addsNoLinks,
  complete,
  foreignWords,
  inChinese,
  inventsNoNumbers,
  keepsNumbers,
  keepsUrls,
  noChatter,
  sentencesAtMost,
} from './checks.ts';
import { checkGlossary, type Glossary, keepNames } from './glossary/glossary.ts';
import { TASK_SPECS, type TaskName } from './tasks.ts';

/** What the answer is judged against: the source as the model saw it. */
export interface GateSource {
  title: string;
  text: string;
  authors: string[];
}

export interface GateContext {
  glossary: Glossary;
  /** The sections a `classification` answer must choose from. */
  sections?: string[];
  /** Further checks for this call (article chunks: placeholders and paragraphs). */
  extra?: (output: Record<string, string>) => string[];
}

export interface Verdict {
  /** The parsed, shape-valid output, or null when the answer could not be read. */
  output: Record<string, unknown> | null;
  failures: string[];
}

export function judge(task: TaskName, answer: string, source: GateSource, ctx: GateContext): Verdict {
  const parsed = parseAnswer(task, answer);
  if ('error' in parsed) return { output: null, failures: [parsed.error] };
  const output = parsed.output;
  const failures = checksFor(task, output, source, ctx);
  if (ctx.extra) failures.push(...ctx.extra(output as Record<string, string>));
  return { output, failures };
}

/** Read the JSON object out of an answer (code fences or text around it tolerated), then its shape. */
export function parseAnswer(
  task: TaskName,
  text: string,
): { output: Record<string, unknown> } | { error: string } {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0) return { error: 'answer is not a JSON object' };
  if (end <= start) return { error: 'answer is malformed JSON (truncated: the object never closes)' };
  let value: unknown;
  try {
    value = JSON.parse(text.slice(start, end + 1));
  } catch {
    return { error: 'answer is malformed JSON' };
  }
  const shaped = TASK_SPECS[task].output.safeParse(value);
  if (!shaped.success) {
    const issue = shaped.error.issues[0];
    return {
      error: `answer does not have the required shape (${issue?.path.join('.') || 'root'}: ${issue?.message})`,
    };
  }
  return { output: shaped.data as Record<string, unknown> };
}

function checksFor(
  task: TaskName,
  output: Record<string, unknown>,
  source: GateSource,
  ctx: GateContext,
): string[] {
  const profile = TASK_SPECS[task].profile;
  if (profile === 'label') return labelChecks(output, ctx);
  const title = typeof output.title === 'string' ? output.title : '';
  const body = String(output.body ?? output.text ?? output.lead ?? '');
  const all = `${title}\n${body}`;
  const sourceAll = `${source.title}\n${source.text}`;
  const names = keepNames(ctx.glossary, sourceAll, source.authors);
  const reasons = [
    ...(title ? [...inChinese('title', title, 0.15), ...noChatter('title', source.title, title)] : []),
    ...inChinese('body', body),
    ...noChatter('body', source.text, body),
    ...addsNoLinks(sourceAll, all),
    ...foreignWords(sourceAll, all, glossaryVocabulary(ctx.glossary)),
  ];
  if (profile === 'translation') {
    reasons.push(
      ...keepsUrls(source.text, body),
      ...keepsNumbers(source.text, body),
      ...complete(source.text, body),
      ...checkGlossary(ctx.glossary, source.text, body),
    );
    if (title) reasons.push(...checkGlossary(ctx.glossary, source.title, title, { title: true }));
  } else {
    reasons.push(
      ...inventsNoNumbers(sourceAll, all),
      ...sentencesAtMost('body', body, profile === 'lead' ? 3 : 4),
    );
    const kept = names.filter((n) => all.includes(n));
    reasons.push(...checkGlossary(ctx.glossary, kept.join('\n'), all));
  }
  return [...new Set(reasons)];
}

function labelChecks(output: Record<string, unknown>, ctx: GateContext): string[] {
  const sections = ctx.sections ?? [];
  return sections.includes(String(output.section))
    ? []
    : [`section "${String(output.section)}" is not one of: ${sections.join(', ')}`];
}

/** English words the glossary itself brings into Chinese text (kept in parentheses, names). */
function glossaryVocabulary(glossary: Glossary): string[] {
  return [...glossary.terms.flatMap((t) => [t.en, t.abbr ?? '']), ...glossary.keep];
}
