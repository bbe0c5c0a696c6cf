// The writer's cost and throughput on a real Hugging Face day, against the scripted
// OpenAI-compatible server on loopback charging realistic token counts (about 4 characters of
// English and 1.5 of Chinese per token) with realistic latency. Baseline for throughput:
// concurrency 1 in the same run. Run: node bench/writer.bench.ts (needs ../shared/data).

import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigSchema } from '../src/config/schema.ts';
import { ingest } from '../src/pipeline/ingest.ts';
import { readInput } from '../src/pipeline/read-input.ts';
import { writeEdition } from '../src/pipeline/run.ts';
import { openSqliteStore } from '../src/store/sqlite/store.ts';
import { createBudget } from '../src/writer/budget.ts';
import { createWriter } from '../src/writer/draft.ts';
import { openLlm } from '../src/writer/llm.ts';
import { fakeTranslation, scriptedLlm, tokensFor } from '../test/helpers.ts';

const DAYS = new URL('../../shared/data/hf-daily-papers/daily/', import.meta.url).pathname;
if (!existsSync(DAYS)) {
  console.error(`skipped: ${DAYS} is absent`);
  process.exit(0);
}
const DAY_1 = '2025-06-10';
const DAY_2 = '2025-06-11';
const PRICE = { input: 0.27, output: 1.1 }; // USD per million tokens, a typical hosted price
const LATENCY = { baseMs: 250, perOutputTokenMs: 1 }; // time to first token + generation

const server = await scriptedLlm(async (request) => {
  const content = fakeTranslation(request);
  const usage = tokensFor(request, content);
  return { content, usage, delayMs: LATENCY.baseMs + usage.completion_tokens * LATENCY.perOutputTokenMs };
});

/** A fresh store holding `days` (day 2 re-lists `overlap` of day 1's papers, as trending papers do). */
async function storeWith(days: string[], overlap = 0) {
  const store = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'ribao-bench-')), 'ribao.db'));
  await store.migrate();
  const batches = await Promise.all(days.map((d) => readInput(join(DAYS, `${d}.json`), 'auto')));
  if (overlap > 0 && batches[0] && batches[1]) {
    const relisted = batches[0].items.slice(0, Math.round(batches[0].items.length * overlap));
    batches[1].items.push(
      ...relisted.map((i) => ({ ...i, externalId: `${DAY_2}/${i.externalId}`, listedOn: DAY_2 })),
    );
  }
  await ingest(store, batches, { timeZone: 'Asia/Shanghai' });
  return store;
}

function context(store: Awaited<ReturnType<typeof storeWith>>, concurrency: number) {
  const config = ConfigSchema.parse({
    llm: { baseUrl: server.url, model: 'bench', concurrency, prices: { bench: PRICE } },
  });
  const llm = openLlm(config.llm);
  if (!llm) throw new Error('no llm');
  const writer = createWriter(
    llm,
    store,
    createBudget({ tokens: null, cost: null, currency: 'USD', prices: config.llm.prices }),
  );
  const quiet = { debug() {}, info() {}, warn() {} };
  return {
    config,
    store,
    writer,
    http: { get: () => Promise.reject(new Error('offline')) },
    log: quiet,
    out: '',
  };
}

// 1. Cost of one `papers` edition, a re-run, and the next day with re-listed papers.
const costStore = await storeWith([DAY_1, DAY_2], 0.3);
const ctx = context(costStore, 4);
const before = server.calls;
const day1 = await writeEdition(ctx, 'papers', DAY_1);
const day1Calls = server.calls - before;
const day1Spent = ctx.writer.budget.spent;
const rerun = await writeEdition(ctx, 'papers', DAY_1);
const rerunCalls = server.calls - before - day1Calls;
const day2 = await writeEdition(ctx, 'papers', DAY_2);
const day2Calls = server.calls - before - day1Calls - rerunCalls;
const relisted = (await costStore.storiesOn(DAY_1)).filter((s) => s.items.length > 1).length;

console.log(`## Writer cost: one papers edition of ${DAY_1}\n`);
console.log('| run | stories | calls | drafted | kept / cached | prompt tokens | completion tokens | USD |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
const rows = await costStore.costs({});
const sum = (day: string, f: (r: (typeof rows)[number]) => number) =>
  rows.filter((r) => r.day === day).reduce((n, r) => n + f(r), 0);
console.log(
  `| ${DAY_1} | ${day1.drafted + day1.kept} | ${day1Calls} | ${day1.drafted} | ${day1.kept} / ${day1.cached} | ${sum(DAY_1, (r) => r.promptTokens)} | ${sum(DAY_1, (r) => r.completionTokens)} | ${day1Spent.cost.toFixed(4)} |`,
);
console.log(
  `| ${DAY_1} again | ${rerun.drafted + rerun.kept} | ${rerunCalls} | ${rerun.drafted} | ${rerun.kept} / ${rerun.cached} | 0 | 0 | 0 |`,
);
console.log(
  `| ${DAY_2} (+${relisted} of ${DAY_1}'s papers re-listed) | ${day2.drafted + day2.kept} | ${day2Calls} | ${day2.drafted} | ${day2.kept} / ${day2.cached} | ${sum(DAY_2, (r) => r.promptTokens)} | ${sum(DAY_2, (r) => r.completionTokens)} | ${(ctx.writer.budget.spent.cost - day1Spent.cost).toFixed(4)} |`,
);
console.log(
  `\nRe-listed papers merged into their ${DAY_1} stories: ${relisted}; calls spent on them on ${DAY_2}: 0.\n`,
);
await costStore.close();

// 2. Throughput at concurrency 1 / 4 / 16 on the same edition, each on a fresh store (no cache).
console.log(
  `## Writer throughput (latency ${LATENCY.baseMs} ms + ${LATENCY.perOutputTokenMs} ms per output token)\n`,
);
console.log('| concurrency | stories | seconds | stories/s | ratio to concurrency 1 |');
console.log('|---:|---:|---:|---:|---:|');
let baseline = 0;
for (const concurrency of [1, 4, 16]) {
  const store = await storeWith([DAY_1]);
  const start = performance.now();
  const report = await writeEdition(context(store, concurrency), 'papers', DAY_1);
  const seconds = (performance.now() - start) / 1000;
  const rate = report.drafted / seconds;
  baseline ||= rate;
  console.log(
    `| ${concurrency} | ${report.drafted} | ${seconds.toFixed(2)} | ${rate.toFixed(2)} | ${(rate / baseline).toFixed(1)}× |`,
  );
  await store.close();
}
await server.close();
