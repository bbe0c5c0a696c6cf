// `ribao eval`'s engine: run the quality gate's automatic checks over a dataset of source texts and
// their translations (ours or another system's) and count what it finds. Reads files; no network.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.ts';
import { hasListingPrefix, stripListingPrefix, stripListingSuffix } from '../text/arxiv-listing.ts';
import { cleanText } from '../text/clean.ts';
import { judge } from './gate.ts';
import type { Glossary } from './glossary/glossary.ts';

export interface EvalRecord {
  id: string;
  source: { title: string; text: string };
  /** Null when the dataset has no translation for this record. */
  translation: { title: string; body: string } | null;
}

export interface EvalReport {
  records: number;
  translated: number;
  /** Records whose source still carries arXiv's listing prefix (the translator had to strip it). */
  withListingPrefix: number;
  passed: number;
  /** Finding → records with it, most frequent first. */
  findings: { finding: string; records: number; examples: { id: string; reason: string }[] }[];
}

export const EVAL_FORMATS = ['cn-chat-arxiv', 'jsonl'] as const;

/**
 * Records from `path`: a folder of cn-chat-arxiv JSON files (title, abstract, translated_title,
 * translated_abstract), or a JSONL file of `{ id, source: {title, text}, translation: {title, body} }`.
 */
export function readDataset(path: string, format: (typeof EVAL_FORMATS)[number]): EvalRecord[] {
  if (format === 'jsonl') {
    return readFileSync(path, 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line, i) => {
        try {
          return JSON.parse(line) as EvalRecord;
        } catch {
          throw new InputError(`${path}:${i + 1}`, 'is not valid JSON');
        }
      });
  }
  return jsonFiles(path).map((file) => {
    let raw: Record<string, unknown>;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch {
      throw new InputError(file, 'is not valid JSON');
    }
    const text = (key: string) => (typeof raw[key] === 'string' ? (raw[key] as string) : '');
    const translated = text('translated_title') || text('translated_abstract');
    return {
      id: file.slice(path.length).replace(/^\/|\.json$/g, ''),
      source: { title: text('title'), text: text('abstract') },
      translation: translated ? { title: text('translated_title'), body: text('translated_abstract') } : null,
    };
  });
}

function jsonFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(path, name));
}

const PREFIX_TRANSLATED = /公告类型|Announce Type|^\s*arXiv[:：]\s*\d{4}\.\d{4,5}/i;

/** The reasons one record fails, judged as a complete paper translation of its (cleaned) source. */
export function evaluateRecord(record: EvalRecord, glossary: Glossary): string[] {
  if (!record.translation) return ['has no translation'];
  const reasons: string[] = [];
  if (hasListingPrefix(record.source.text) && PREFIX_TRANSLATED.test(record.translation.body)) {
    reasons.push('translated the arXiv listing prefix (it should have been stripped before translating)');
  }
  if (/\(arXiv:/i.test(record.source.title) && /arXiv[:：]/i.test(record.translation.title)) {
    reasons.push('kept the arXiv listing tail in the title');
  }
  // The source as ribao's normalize stage would hand it to a model: TeX cleaned, listing wrapping gone.
  const source = {
    title: stripListingSuffix(cleanText(record.source.title)),
    text: stripListingPrefix(cleanText(record.source.text)),
    authors: [],
  };
  // The other system translated raw TeX; clean its output the same way so kept TeX is not a finding.
  const body = cleanText(record.translation.body).replace(
    /^\s*arXiv[:：]\S+\s*公告类型[:：]\s*\S+\s*摘要[:：]\s*/,
    '',
  );
  const answer = JSON.stringify({ title: cleanText(record.translation.title), body });
  reasons.push(...judge('paper-translation', answer, source, { glossary }).failures);
  return reasons;
}

export function evaluate(records: EvalRecord[], glossary: Glossary, examplesPerFinding = 3): EvalReport {
  const findings = new Map<string, { records: number; examples: { id: string; reason: string }[] }>();
  let translated = 0;
  let withListingPrefix = 0;
  let passed = 0;
  for (const record of records) {
    if (record.translation) translated++;
    if (hasListingPrefix(record.source.text)) withListingPrefix++;
    const reasons = evaluateRecord(record, glossary);
    if (reasons.length === 0) passed++;
    for (const finding of new Set(reasons.map(category))) {
      const entry = findings.get(finding) ?? { records: 0, examples: [] };
      entry.records++;
      if (entry.examples.length < examplesPerFinding) {
        entry.examples.push({
          id: record.id,
          reason: reasons.find((r) => category(r) === finding) ?? finding,
        });
      }
      findings.set(finding, entry);
    }
  }
  return {
    records: records.length,
    translated,
    withListingPrefix,
    passed,
    findings: [...findings.entries()]
      .map(([finding, f]) => ({ finding, ...f }))
      .sort((a, b) => b.records - a.records || a.finding.localeCompare(b.finding)),
  };
}

/** A reason without its particulars: `drops the numbers 41, 7` → `drops the numbers`. */
function category(reason: string): string {
  return reason
    .split(/: |（|\(/)[0]
    ?.replace(/"[^"]*"/g, '"…"')
    .replace(/\d+%?/g, 'N')
    .trim() as string;
}
